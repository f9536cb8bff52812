"""The life of a participant's socket: it opens, it closes. Presence is derived from these
rows (presence.py); the heartbeat of open ones is kept by their server process
(processes.py), not by each socket.

Sockets open and close in batches: all those of a moment are written together, and each
room whose people changed gets one new state, however many of its sockets came or went
(a room's eight pages after a restart; five hundred rooms' pages at the start of an
evening).
"""

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.db import models, transaction
from django.db.models import QuerySet
from django.db.models.functions import Greatest
from django.utils import timezone

from .models import Connection
from .services import rooms_people_changed


@dataclass(frozen=True)
class ThisProcess:
    key: str
    host: str
    pid: int


_this: ThisProcess | None = None


def this_process() -> ThisProcess:
    """The server process holding this process's sockets (made again in a forked child)."""
    global _this
    if _this is None or _this.pid != os.getpid():
        _this = ThisProcess(key=uuid.uuid4().hex, host=socket.gethostname(), pid=os.getpid())
    return _this


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
    with transaction.atomic():
        Connection.objects.bulk_create([
            Connection(room_id=c.room_id, user_id=c.user_id, channel_name=c.name,
                       process=process, opened_at=now, last_seen=now) for c in opened])
        room_ids = _close(Connection.objects.filter(channel_name__in=closed), at=now)
    _tell_rooms(room_ids | {c.room_id for c in opened})


def connections_close(rows: QuerySet[Connection], *, at: datetime) -> int:
    """Close the open ones of these rows (all of a process that stopped or died) at `at`;
    every room that had one is sent its new state. Returns how many were closed."""
    with transaction.atomic():
        closed = rows.filter(closed_at__isnull=True).count()
        room_ids = _close(rows, at=at)
    _tell_rooms(room_ids)
    return closed


def _close(rows: QuerySet[Connection], *, at: datetime) -> set[int]:
    """The one place a connection is closed; returns the rooms it was in."""
    open_rows = rows.filter(closed_at__isnull=True)
    room_ids = set(open_rows.values_list("room_id", flat=True))
    if room_ids:
        # Never before it opened: a socket may have opened after its process's last
        # heartbeat, the moment a dead process's sockets are closed at.
        open_rows.update(closed_at=Greatest(
            "opened_at", models.Value(at, output_field=models.DateTimeField())))
    return room_ids


def _tell_rooms(room_ids: set[int]) -> None:
    rooms_people_changed(room_ids=room_ids)
