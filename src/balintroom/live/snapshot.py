"""The room state: everything a browser in the room needs, as one JSON-able dict.

A snapshot is built after a change (or patched, for a change to the round alone: see
roomstate.py); each kind of viewer gets a view of it (views below):
leaders see the Lindauer signals, a member outside the room sees nothing of the case,
the room display sees nobody's name. Texts are sent as keys, and each page carries its
own language's texts for them, so one broadcast serves every language.
"""

import time
from typing import Any

from balintroom.groups.models import Membership
from balintroom.groups.selectors import meeting_format_for
from balintroom.method.agenda import MeetingFormat, part_at
from balintroom.method.formats import Format, PartKind
from balintroom.method.round import Status

from .models import Room, Round, StepOut
from .presence import presence_and_next_change
from .roomstate import BuiltState, built_state, keep, kept, round_view


def _round_dict(rnd: Round) -> dict[str, Any]:
    return {
        "number": rnd.number,
        "part_index": rnd.part_index,
        "kind": rnd.kind,
        "status": rnd.status,
        "phase_index": rnd.phase_index,
        "deadline": rnd.deadline.timestamp() if rnd.deadline else None,
        "remaining": rnd.remaining_seconds,
        "presenter": rnd.presenter_id,
        "label": rnd.label,
        "follow_up": rnd.follow_up_of_id is not None,
        "speaker_order": rnd.speaker_order,
        "speaker_index": rnd.speaker_index,
    }


def _part_dict(part: Format, index: int) -> dict[str, Any]:
    return {
        "index": index,
        "kind": part.kind,
        "key": part.key,
        "needs_presenter": part.needs_presenter,
        "per_person_seconds": part.per_person_seconds,
        "phases": [
            {"key": p.key, "minutes": p.minutes, "sits_back": p.presenter_sits_back}
            for p in part.phases
        ],
    }


def room_snapshot(room: Room) -> dict[str, Any]:
    return _snapshot(room)[0]


def sendable_state(room: Room) -> BuiltState:
    """The room's state as sent, built now, or kept from the last build if the room has
    not changed since (roomstate.py)."""
    found = kept(room.pk, version=room.version, display_token=room.display_token)
    if found is not None:
        return found
    state, rnd, meeting_format, fresh_until = _snapshot(room)
    built = built_state(
        state, views_for_broadcast(state), room_id=room.pk, display_token=room.display_token,
        meeting_format=meeting_format, round_id=rnd.pk if rnd else None,
        fresh_until=fresh_until,
    )
    keep(built)
    return built


def _snapshot(room: Room) -> tuple[dict[str, Any], Round | None, MeetingFormat, float]:
    """The leader's full state; its round and format; until when nothing in the state
    changes unless the room's version does."""
    from .services import current_round, earlier_cases

    meeting = room.meeting
    meeting_format = meeting_format_for(meeting)
    part = part_at(meeting_format, room.part_index)
    memberships = list(
        Membership.objects.filter(group_id=meeting.group_id).select_related("user")
        .order_by("user__display_name", "user__email")
    )
    presence, fresh_until = presence_and_next_change(room, [m.user_id for m in memberships])
    rnd = current_round(room)
    step_outs = list(StepOut.objects.filter(room=room, returned_at__isnull=True))
    state: dict[str, Any] = {
        "type": "state",
        "version": room.version,
        "steered_version": room.steered_version,
        "server_time": time.time(),
        "meeting": {
            "id": meeting.pk,
            "online": meeting.online,
            "format": meeting_format.key,
            "rounds_planned": meeting_format.rounds,
            "agenda": [
                {"kind": p.kind, "key": p.key, "minutes": p.minutes}
                for p in meeting_format.parts
            ],
        },
        "part": _part_dict(part, room.part_index),
        "asking_for_cases": room.asking_for_cases,
        "round": _round_dict(rnd) if rnd else None,
        "rounds_done": room.rounds.filter(status=Status.ENDED, kind=PartKind.ROUND).count(),
        "volunteers": [
            {"user": v.user_id, "label": v.label, "urgency": v.urgency}
            for v in room.volunteers.order_by("-urgency", "created_at", "pk")
        ],
        "earlier_cases": [
            {"id": r.pk, "label": r.label, "date": r.room.meeting.starts_at.date().isoformat()}
            for r in earlier_cases(room)
        ] if part.kind == PartKind.FOLLOW_UP else [],
        "banner": room.banner,
        "name_mode": room.name_mode,
        "hands": room.hands,
        "speaker": room.speaker_id,
        "backup": room.backup_id,
        "outside": [s.user_id for s in step_outs if s.outside],
        "lindauer": [
            {"user": s.user_id, "signalled_at": s.signalled_at.timestamp(),
             "outside": s.outside}
            for s in step_outs
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
    return state, rnd, meeting_format, fresh_until


def member_view(state: dict[str, Any]) -> dict[str, Any]:
    """Members are not told who signalled that they may know the patient."""
    return {**state, "lindauer": []}


def outside_view(state: dict[str, Any]) -> dict[str, Any]:
    """A member outside under the Lindauer rule sees the time, not the case."""
    return {
        **member_view(state),
        "round": round_view("outside", state["round"]),
        "volunteers": [],
        "earlier_cases": [],
        "banner": "",
    }


def display_snapshot(state: dict[str, Any]) -> dict[str, Any]:
    """What the room display gets: phase and time, nobody's name and no case label. The
    display link may end up on a screen anyone walks past."""
    return {
        **state,
        "round": round_view("display", state["round"]),
        "volunteers": [],
        "participants": [],
        "earlier_cases": [],
        "lindauer": [],
        "outside": [],
        "hands": [],
        "speaker": None,
        "backup": None,
    }


def views_for_broadcast(state: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        "leader": state,
        "member": member_view(state),
        "outside": outside_view(state),
        "display": display_snapshot(state),
    }
