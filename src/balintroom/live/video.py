"""The installation's own video call (a self-hosted Jitsi Meet, settings.JITSI_URL) inside
the room of a group that chose it."""

import hashlib
import hmac
from typing import Any

from django.conf import settings

from balintroom.groups.models import Meeting


def video_room_name(meeting_id: int) -> str:
    """The call's name on the Jitsi server: the same for everyone in the meeting, and not
    to be guessed by anyone else (nor does it say which group meets)."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"jitsi-room:{meeting_id}".encode(),
                      hashlib.sha256).hexdigest()
    return f"balint-{digest[:32]}"


def embedded_video(meeting: Meeting, display_name: str) -> dict[str, Any] | None:
    """What the room page needs to embed the call, or None where it has none."""
    if not (settings.JITSI_URL and meeting.online and meeting.group.video_embedded):
        return None
    origin = settings.JITSI_URL
    return {"origin": origin, "domain": origin.split("://", 1)[1],
            "room": video_room_name(meeting.pk), "name": display_name}
