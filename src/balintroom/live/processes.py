"""The server processes that hold the rooms' sockets.

Each process says it is alive every HEARTBEAT_SECONDS, and with it moves the heartbeat of
all its open sockets in one statement (the pages' pings write nothing). When it stops
cleanly it closes its sockets' rows itself. A process that dies without doing so is found
dead by the next heartbeat of any other process, or by a new process starting on its
host: then all its rows are closed at once, at the moment it was last seen alive, and
each room it served is told who is no longer there.
"""

import os
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from .connections import connections_close, this_process
from .models import Connection, ServerProcess

HEARTBEAT_SECONDS = 15.0


def _dead_after() -> timedelta:
    return timedelta(seconds=settings.PRESENCE_STALE_SECONDS)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def process_beat() -> None:
    """This process is alive, and so are its open sockets; processes found dead have
    their sockets closed."""
    me = this_process()
    now = timezone.now()
    ServerProcess.objects.update_or_create(
        key=me.key, defaults={"host": me.host, "pid": me.pid, "last_seen": now})
    Connection.objects.filter(process=me.key, closed_at__isnull=True).update(last_seen=now)
    processes_reap(now=now)


def processes_reap(*, now: datetime | None = None) -> int:
    """Close the sockets of every process found dead; returns how many were closed."""
    me = this_process()
    now = now or timezone.now()
    closed = 0
    for process in ServerProcess.objects.exclude(key=me.key):
        stale = process.last_seen < now - _dead_after()
        gone = process.host == me.host and not _pid_alive(process.pid)
        if stale or gone:
            closed += _close_sockets_of(process.key, at=process.last_seen)
    return closed


def process_stop() -> int:
    """A clean shutdown: whatever sockets of this process are still open are closed now.
    Returns how many."""
    return _close_sockets_of(this_process().key, at=timezone.now())


def _close_sockets_of(key: str, *, at: datetime) -> int:
    closed = connections_close(Connection.objects.filter(process=key), at=at)
    ServerProcess.objects.filter(key=key).delete()
    return closed
