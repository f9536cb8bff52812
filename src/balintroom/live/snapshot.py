"""The room state: everything a browser in the room needs, as one JSON-able dict.

The same snapshot goes to every participant and to the room display; each browser
renders the view for its own role. Texts are sent as keys, and each page carries its
own language's texts for them, so one broadcast serves every language.
"""

import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone

from balintroom.groups.models import Membership
from balintroom.method.formats import format_by_key, rounds_that_fit
from balintroom.method.round import Status

from .models import Connection, Room, Round


def _round_dict(rnd: Round) -> dict[str, Any]:
    return {
        "number": rnd.number,
        "status": rnd.status,
        "phase_index": rnd.phase_index,
        "deadline": rnd.deadline.timestamp() if rnd.deadline else None,
        "remaining": rnd.remaining_seconds,
        "presenter": rnd.presenter_id,
        "label": rnd.label,
    }


def _presence(room: Room, user_ids: list[int]) -> dict[int, dict[str, Any]]:
    """online, or reconnecting until a moment (server time), or away."""
    now = timezone.now()
    stale = timedelta(seconds=settings.PRESENCE_STALE_SECONDS)
    grace = timedelta(seconds=settings.PRESENCE_GRACE_SECONDS)
    since = now - stale - grace
    result: dict[int, dict[str, Any]] = {}
    rows = Connection.objects.filter(room=room, user_id__in=user_ids).filter(
        last_seen__gte=since
    ).values_list("user_id", "closed_at", "last_seen")
    for user_id, closed_at, last_seen in rows:
        entry = result.setdefault(user_id, {"presence": "away", "until": None})
        if entry["presence"] == "online":
            continue
        # A connection whose server process died never closes; it counts as gone once
        # its heartbeat is stale.
        gone_at = closed_at or (last_seen + stale if last_seen + stale < now else None)
        if gone_at is None:
            entry.update(presence="online", until=None)
            continue
        until = gone_at + grace
        if until > now and (entry["until"] is None or until.timestamp() > entry["until"]):
            entry.update(presence="reconnecting", until=until.timestamp())
    return result


def room_snapshot(room: Room) -> dict[str, Any]:
    meeting = room.meeting
    fmt = format_by_key(meeting.format_key)
    memberships = list(
        Membership.objects.filter(group_id=meeting.group_id).select_related("user")
        .order_by("user__display_name", "user__email")
    )
    presence = _presence(room, [m.user_id for m in memberships])
    rnd = room.rounds.exclude(status=Status.ENDED).order_by("-number").first()
    return {
        "type": "state",
        "version": room.version,
        "steered_version": room.steered_version,
        "server_time": time.time(),
        "meeting": {
            "id": meeting.pk,
            "online": meeting.online,
            "format": fmt.key,
            "rounds_planned": rounds_that_fit(meeting.duration_minutes, fmt),
            "phases": [
                {"key": p.key, "minutes": p.minutes, "sits_back": p.presenter_sits_back}
                for p in fmt.phases
            ],
        },
        "asking_for_cases": room.asking_for_cases,
        "round": _round_dict(rnd) if rnd else None,
        "rounds_done": room.rounds.filter(status=Status.ENDED).count(),
        "volunteers": [
            {"user": v.user_id, "label": v.label}
            for v in room.volunteers.order_by("created_at", "pk")
        ],
        "participants": [
            {
                "id": m.user_id,
                "name": m.user.name,
                "role": m.role,
                **presence.get(m.user_id, {"presence": "away", "until": None}),
            }
            for m in memberships
        ],
    }


def display_snapshot(state: dict[str, Any]) -> dict[str, Any]:
    """What the room display gets: phase and time, nobody's name and no case label. The
    display link may end up on a screen anyone walks past."""
    rnd = state["round"]
    return {
        **state,
        "round": {**rnd, "presenter": None, "label": ""} if rnd else None,
        "volunteers": [],
        "participants": [],
    }
