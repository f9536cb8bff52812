from django.http import Http404

from balintroom.accounts.models import User
from balintroom.groups.models import Meeting, Membership
from balintroom.groups.selectors import meeting_for_member

from .models import Room
from .services import room_for_meeting


def room_for_member(user: User, meeting_id: int) -> tuple[Room, Meeting, Membership]:
    meeting, membership = meeting_for_member(user, meeting_id)
    return room_for_meeting(meeting), meeting, membership


def room_for_display(meeting_id: int, token: str) -> Room:
    room = Room.objects.select_related("meeting__group").filter(
        meeting_id=meeting_id, display_token=token
    ).first()
    if room is None or not token:
        raise Http404
    return room
