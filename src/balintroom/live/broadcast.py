"""After a change commits, one message with the new room state goes to the room's channel
group. It carries each view of the state serialised once, not once per recipient; each
consumer forwards the one for its person.

A consumer that makes a change sends its broadcast itself, from the event loop, after the
database work returns (`broadcasts_held`, then hub.publish): the database thread then
never waits for the event loop, which under load is busy with the sockets.
"""

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from .roomstate import BuiltState

Broadcast = tuple[str, dict[str, Any]]


def room_group_name(room_id: int) -> str:
    return f"room-{room_id}"


_held = threading.local()


@contextmanager
def broadcasts_held() -> Iterator[list[Broadcast]]:
    """Inside, broadcasts are collected into the list given, not sent: the caller sends
    them (live/hub.py's publish) once it is back on the event loop."""
    outer = getattr(_held, "messages", None)
    messages: list[Broadcast] = []
    _held.messages = messages
    try:
        yield messages
    finally:
        _held.messages = outer


def broadcast_room(built: BuiltState) -> dict[str, Any] | None:
    """Send the room's new state to everyone in it; returns the message sent."""
    message = built.message()
    held: list[Broadcast] | None = getattr(_held, "messages", None)
    if held is not None:
        held.append((room_group_name(built.room_id), message))
        return message
    layer = get_channel_layer()
    if layer is None:
        return None
    async_to_sync(layer.group_send)(room_group_name(built.room_id), message)
    return message


def session_mark(session_key: str) -> str:
    """Which sign-in a socket belongs to, without the session key itself (which would let
    whoever reads it sign in)."""
    return hashlib.sha256(f"balintroom.session:{session_key}".encode()).hexdigest()[:32]


def broadcast_session_ended(*, room_ids: list[int], session_key: str) -> None:
    """Close the sockets of one sign-in, in the rooms where it has them."""
    layer = get_channel_layer()
    if layer is None:
        return
    mark = session_mark(session_key)
    for room_id in room_ids:
        async_to_sync(layer.group_send)(room_group_name(room_id), {
            "type": "session.ended", "room": room_id, "session": mark})


def broadcast_review(*, room_id: int, number: int, answered: int, shown: int) -> None:
    """Tell the room that a round's review has another answer: how many there are, and how
    many the summary shows; never whose, nor what."""
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(room_group_name(room_id), {
        "type": "review.tally", "room": room_id, "round": number,
        "answered": answered, "shown": shown})
