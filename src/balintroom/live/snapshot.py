"""The room state: everything a browser in the room needs, as one JSON-able dict.

A state is made of three things, each read from the database only when it can have
changed: the room itself (method.room.RoomState, read by store.py), the people who may
be in it and who is there (People), and what stays while the meeting is in one part of
its agenda (Around). `build` renders them into each kind of viewer's view: leaders see
the Lindauer signals, a member outside the room sees nothing of the case, the room
display sees nobody's name. Texts are sent as keys, and each page carries its own
language's texts for them, so one broadcast serves every language.
"""

import json
import time
from dataclasses import dataclass, replace
from typing import Any

from balintroom.groups.models import Meeting, Membership
from balintroom.groups.selectors import has_agreed, meeting_format_for, meeting_format_of
from balintroom.method.agenda import MeetingFormat, part_at
from balintroom.method.formats import PartKind
from balintroom.method.room import EarlierCase, RoomState, Run, hands_closed

from .models import Room
from .presence import rooms_presence
from .roomstate import (
    Around,
    BuiltState,
    Participant,
    People,
    built_state,
    keep,
    kept,
    kept_rows,
)
from .selectors import earlier_cases
from .store import StoredRoom, rooms_read


def rooms_people(rooms: dict[int, int]) -> dict[int, People]:
    """Who may be in each room (room -> its group) and who is there: two queries for any
    number of rooms."""
    memberships: dict[int, list[Membership]] = {group_id: [] for group_id in rooms.values()}
    for membership in Membership.objects.filter(group_id__in=list(memberships)).select_related(
            "user").order_by("user__display_name", "user__email"):
        memberships[membership.group_id].append(membership)
    admitted = {room_id: [m for m in memberships[group_id] if has_agreed(m)]
                for room_id, group_id in rooms.items()}
    presence = rooms_presence({room_id: [m.user_id for m in members]
                               for room_id, members in admitted.items()})
    away = {"presence": "away", "until": None}
    people = {}
    for room_id, group_id in rooms.items():
        here, fresh_until = presence[room_id]
        people[room_id] = People(
            participants=tuple(
                Participant(id=m.user_id, name=m.user.name, role=m.role,
                            **here.get(m.user_id, away))
                for m in admitted[room_id]),
            unagreed=tuple(m.user_id for m in memberships[group_id] if not has_agreed(m)),
            fresh_until=fresh_until,
        )
    return people


def room_around(meeting: Meeting, part_index: int) -> Around:
    meeting_format = meeting_format_for(meeting)
    around = Around(
        meeting_format=meeting_format,
        meeting={
            "id": meeting.pk,
            "online": meeting.online,
            "format": meeting_format.key,
            "rounds_planned": meeting_format.rounds,
            "agenda": [{"kind": p.kind, "key": p.key, "minutes": p.minutes}
                       for p in meeting_format.parts],
        },
        group_id=meeting.group_id,
        part_index=-1,
        earlier=(),
    )
    return around_at_part(around, part_index)


def around_at_part(around: Around, part_index: int) -> Around:
    """What stays during the agenda's part at this index: in a follow-up, the group's
    earlier cases, read now."""
    earlier: tuple[tuple[EarlierCase, str], ...] = ()
    if part_at(around.meeting_format, part_index).kind == PartKind.FOLLOW_UP:
        earlier = tuple(
            (EarlierCase(id=r.pk, presenter=r.presenter_id or 0, label=r.label),
             r.room.meeting.starts_at.date().isoformat())
            for r in earlier_cases(around.group_id))
    return replace(around, part_index=part_index, earlier=earlier)


def _round_dict(run: Run, meeting_format: MeetingFormat) -> dict[str, Any]:
    return {
        "number": run.number,
        "part_index": run.part_index,
        "kind": run.kind.value,
        "status": run.status.value,
        "phase_index": run.state.phase_index,
        "deadline": run.state.timer.deadline,
        "remaining": run.state.timer.remaining,
        "presenter": run.presenter,
        "label": run.label,
        "follow_up": run.follow_up_of is not None,
        "speaker_order": list(run.speaker_order),
        "speaker_index": run.speaker_index,
        "phase_left": list(run.phase_left),
        "hands_closed": hands_closed(meeting_format, run),
    }


def state_dict(room: RoomState, people: People, around: Around) -> dict[str, Any]:
    """The leader's full state, without the server's time (added when it is sent)."""
    run = room.run
    urgent_first = sorted(room.offers, key=lambda offer: -offer.urgency)
    return {
        "type": "state",
        "version": room.version,
        "steered_version": room.steered_version,
        "meeting": around.meeting,
        "part": around.part_view,
        "ended": room.ended_at is not None,
        "asking_for_cases": room.asking_for_cases,
        "round": _round_dict(run, around.meeting_format) if run else None,
        "rounds_done": room.rounds_done,
        "volunteers": [{"user": o.user, "label": o.label, "urgency": o.urgency}
                       for o in urgent_first],
        "earlier_cases": around.earlier_view,
        "banner": room.banner,
        "name_mode": room.name_mode,
        "hands": list(room.hands),
        "speaker": room.speaker,
        "backup": room.backup,
        "outside": list(room.outside),
        "lindauer": [{"user": s.user, "signalled_at": s.signalled_at, "outside": s.outside}
                     for s in room.open_step_outs],
        "participants": people.participants_view,
    }


def round_view(kind: str, rnd: dict[str, Any] | None) -> dict[str, Any] | None:
    """The round as each kind of viewer sees it: a member outside under the Lindauer rule
    sees the time, not the case; the room display sees nobody's name."""
    if rnd is None or kind in ("leader", "member"):
        return rnd
    if kind == "outside":
        return {**rnd, "label": "", "presenter": None}
    return {**rnd, "presenter": None, "label": "", "speaker_order": []}


def view_changes(state: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each kind of viewer's view, as what it changes in the leader's full state."""
    # Members are not told who signalled that they may know the patient.
    member: dict[str, Any] = {"lindauer": []}
    return {
        "leader": {},
        "member": member,
        # A member outside under the Lindauer rule sees the time, not the case.
        "outside": {**member, "round": round_view("outside", state["round"]),
                    "volunteers": [], "earlier_cases": [], "banner": ""},
        # The room display: phase and time, nobody's name and no case label. The display
        # link may end up on a screen anyone walks past.
        "display": {"round": round_view("display", state["round"]), "volunteers": [],
                    "participants": [], "earlier_cases": [], "lindauer": [], "outside": [],
                    "hands": [], "speaker": None, "backup": None},
    }


def build(stored: StoredRoom, people: People, around: Around) -> BuiltState:
    state = state_dict(stored.state, people, around)
    # What stays from change to change is serialised once, with the people or the part.
    serialised = {"meeting": around.meeting_json, "part": around.part_json,
                  "earlier_cases": around.earlier_json,
                  "participants": people.participants_json}
    return built_state(
        state, view_changes(state), serialised, stored=stored, people=people, around=around,
        members=tuple(p.id for p in people.participants),
        leaders=tuple(p.id for p in people.participants if p.role in ("leader", "co_leader")),
        unagreed=people.unagreed, fresh_until=people.fresh_until,
    )


def build_fresh(room: Room) -> BuiltState:
    """The room's state, everything read from the database now."""
    return builds_fresh([room])[room.pk]


def builds_fresh(rooms: list[Room], people: dict[int, People] | None = None
                 ) -> dict[int, BuiltState]:
    """Rooms' states, everything read from the database now, for all of them together
    (their people too, unless given as just read)."""
    given = people or {}
    unread = {room.pk: room.meeting.group_id for room in rooms if room.pk not in given}
    read = {**given, **(rooms_people(unread) if unread else {})}
    stored = rooms_read(rooms)
    return {room.pk: build(stored[room.pk], read[room.pk],
                           room_around(room.meeting, stored[room.pk].state.part_index))
            for room in rooms}


@dataclass(frozen=True)
class RoomAt:
    """A room as its row says it stands (as the room's lock reads it)."""

    room_id: int
    version: int
    display_token: str
    group_id: int
    format_key: str
    rows_version: int


def state_at(*, room_id: int, version: int, display_token: str, group_id: int,
             format_key: str, rows_version: int) -> BuiltState:
    """The room's state at this version (states_at of one room)."""
    return states_at([RoomAt(room_id, version, display_token, group_id, format_key,
                             rows_version)])[room_id]


def states_at(rooms: list[RoomAt], people: dict[int, People] | None = None
              ) -> dict[int, BuiltState]:
    """Each room's state at its version: the one kept from the change that made it; or,
    when only the people changed since the one kept (on another process), that one with
    the people read again (for all such rooms together); or built now. Kept in turn. A
    custom format edited since (which raises no version) makes it be built again.
    `people`, when given, is who is in each room as just read: not read again."""
    given = people or {}
    fresh: list[int] = []
    states: dict[int, BuiltState] = {}
    olders: dict[int, tuple[BuiltState, RoomAt]] = {}
    for room in rooms:
        meeting_format = meeting_format_of(group_id=room.group_id, format_key=room.format_key)
        found = kept(room.room_id, version=room.version, display_token=room.display_token)
        if found is not None and found.around.meeting_format == meeting_format:
            states[room.room_id] = found
            continue
        older = kept_rows(room.room_id, version=room.version, rows_version=room.rows_version,
                          display_token=room.display_token)
        if older is not None and older.around.meeting_format == meeting_format:
            olders[room.room_id] = (older, room)
            continue
        fresh.append(room.room_id)
    if fresh:
        for room_id, built in builds_fresh(
                list(Room.objects.select_related("meeting").filter(pk__in=fresh)),
                given).items():
            keep(built)
            states[room_id] = built
    unread = {room_id: room.group_id for room_id, (_o, room) in olders.items()
              if room_id not in given}
    read = {**given, **(rooms_people(unread) if unread else {})}
    for room_id, (older, room) in olders.items():
        stored = replace(older.stored, state=replace(older.stored.state, version=room.version),
                         rows_version=room.rows_version)
        built = build(stored, read[room_id], older.around)
        keep(built)
        states[room_id] = built
    return states


def room_snapshot(room: Room) -> dict[str, Any]:
    """The leader's full state as it is sent, read from the database now."""
    return dict(json.loads(build_fresh(room).texts(server_time=time.time())["leader"]))
