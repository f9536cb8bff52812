"""After a change commits, one message with the new room state goes to the room's channel
group. It carries each view of the state serialised once, not once per recipient; each
consumer forwards the one for its person."""

import json
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction


def room_group_name(room_id: int) -> str:
    return f"room-{room_id}"


def leaders_group_name(room_id: int) -> str:
    return f"room-{room_id}-leaders"


def _dumps(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def broadcast_room(room_id: int) -> dict[str, Any] | None:
    """Send the room's new state to everyone in it; returns the message sent."""
    from .models import Room
    from .snapshot import room_snapshot, views_for_broadcast

    room = Room.objects.select_related("meeting").filter(pk=room_id).first()
    layer = get_channel_layer()
    if room is None or layer is None:
        return None
    state = room_snapshot(room)
    views = views_for_broadcast(state)
    message = {
            "type": "room.state",
            "version": room.version,
            "texts": {kind: _dumps(view) for kind, view in views.items()},
            # For the consumers only, never forwarded: who gets which view; a display whose
            # token is no longer the room's, or a participant no longer a member, is closed.
            "display_token": room.display_token,
            "members": [p["id"] for p in state["participants"]],
            "leaders": [p["id"] for p in state["participants"]
                        if p["role"] in ("leader", "co_leader")],
            "outside": state["outside"],
    }
    async_to_sync(layer.group_send)(room_group_name(room_id), message)
    return message


def broadcast_room_on_commit(room_id: int) -> None:
    transaction.on_commit(lambda: broadcast_room(room_id))
