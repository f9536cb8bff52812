"""Who is in the room, derived from the connections: online while one of a person's
sockets is open, reconnecting for a grace period after the last one closed, then away."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone

from .models import Connection


def rooms_presence(
    rooms: dict[int, list[int]]
) -> dict[int, tuple[dict[int, dict[str, Any]], float]]:
    """For each room (room -> its people): each person's presence, and the moment (epoch
    seconds) the first of them changes by itself, with no socket opening or closing (a
    heartbeat going stale, a grace period running out). One query for all the rooms."""
    now = timezone.now()
    stale = timedelta(seconds=settings.PRESENCE_STALE_SECONDS)
    grace = timedelta(seconds=settings.PRESENCE_GRACE_SECONDS)
    found: dict[int, tuple[dict[int, dict[str, Any]], float]] = {}
    rows_of: dict[int, list[tuple[int, Any, Any]]] = {room_id: [] for room_id in rooms}
    wanted = {(room_id, user_id) for room_id, users in rooms.items() for user_id in users}
    for room_id, user_id, closed_at, last_seen in Connection.objects.filter(
            room_id__in=list(rooms), last_seen__gte=now - stale - grace
    ).values_list("room_id", "user_id", "closed_at", "last_seen"):
        if (room_id, user_id) in wanted:
            rows_of[room_id].append((user_id, closed_at, last_seen))
    for room_id, rows in rows_of.items():
        result: dict[int, dict[str, Any]] = {}
        next_change = float("inf")
        for user_id, closed_at, last_seen in rows:
            entry = result.setdefault(user_id, {"presence": "away", "until": None})
            # A connection whose server process died never closes; it counts as gone once
            # its heartbeat is stale.
            gone_at = closed_at or (last_seen + stale if last_seen + stale < now else None)
            if gone_at is None:
                next_change = min(next_change, (last_seen + stale).timestamp())
                entry.update(presence="online", until=None)
                continue
            until = gone_at + grace
            if until > now:
                next_change = min(next_change, until.timestamp())
            if entry["presence"] == "online":
                continue
            if until > now and (entry["until"] is None or until.timestamp() > entry["until"]):
                entry.update(presence="reconnecting", until=until.timestamp())
        found[room_id] = (result, next_change)
    return found
