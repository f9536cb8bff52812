"""The life of a participant's socket: it opens, it closes. Presence is derived from these
rows (presence.py); the heartbeat of open ones is kept by their server process
(processes.py), not by each socket.

Sockets open and close in batches: all those of a moment are written together, and each
room whose people changed gets one new state, however many of its sockets came or went
(a room's eight pages after a restart; five hundred rooms' pages at the start of an
evening).
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .models import Connection
from .processes import this_process
from .services import room_people_changed


@dataclass(frozen=True)
class SocketOpened:
    room_id: int
    user_id: int
    name: str


@dataclass(frozen=True)
class SocketClosed:
    name: str


SocketChange = SocketOpened | SocketClosed


def connections_apply(changes: list[SocketChange]) -> None:
    """Record sockets opened and closed (in this order: one may open and close within a
    batch); every room whose people changed is sent its new state, to everyone in it."""
    now = timezone.now()
    process = this_process().key
    opened = [c for c in changes if isinstance(c, SocketOpened)]
    closed = [c.name for c in changes if isinstance(c, SocketClosed)]
    room_ids = {c.room_id for c in opened}
    with transaction.atomic():
        Connection.objects.bulk_create([
            Connection(room_id=c.room_id, user_id=c.user_id, channel_name=c.name,
                       process=process, opened_at=now, last_seen=now) for c in opened])
        if closed:
            open_rows = Connection.objects.filter(channel_name__in=closed,
                                                  closed_at__isnull=True)
            room_ids.update(open_rows.values_list("room_id", flat=True))
            open_rows.update(closed_at=now)
    for room_id in sorted(room_ids):
        room_people_changed(room_id=room_id)
