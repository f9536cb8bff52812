"""After a change commits, one message with the whole new room state goes to the room's
channel group. The state is serialised once here, not once per recipient."""

import json

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction


def room_group_name(room_id: int) -> str:
    return f"room-{room_id}"


def broadcast_room(room_id: int) -> None:
    from .models import Room
    from .snapshot import display_snapshot, room_snapshot

    room = Room.objects.select_related("meeting").filter(pk=room_id).first()
    layer = get_channel_layer()
    if room is None or layer is None:
        return
    state = room_snapshot(room)
    async_to_sync(layer.group_send)(
        room_group_name(room_id),
        {"type": "room.state", "version": room.version,
         "text": json.dumps(state, separators=(",", ":")),
         "display_text": json.dumps(display_snapshot(state), separators=(",", ":")),
         # For the consumers only, never forwarded: a display whose token is no longer
         # the room's, or a participant who is no longer a member, is closed.
         "display_token": room.display_token,
         "members": [p["id"] for p in state["participants"]]},
    )


def broadcast_room_on_commit(room_id: int) -> None:
    transaction.on_commit(lambda: broadcast_room(room_id))
