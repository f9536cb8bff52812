"""The room's state as it is sent: each kind of viewer's view, serialised once per change,
and the last state of each room kept in this process.

Building a state from the database takes several queries (the room's rows, the group and
who is present, the agenda). An action changes the room alone: the state after it is the
kept state's people and agenda with the new room, rendered without reading them again.
A kept state is only used at the exact version it was built for (the version is raised
under the room's row lock, so a change made by another process is seen), and only while
nothing in it can have changed without a new version: presence moves on by itself when
a socket of a crashed process goes stale or a grace period runs out, so a state is fresh
only until the earliest of those moments, and at most KEEP_SECONDS.
"""

import json
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from balintroom.method.agenda import MeetingFormat, part_at
from balintroom.method.formats import Format
from balintroom.method.room import EarlierCase, Person

from .store import StoredRoom

VIEW_KINDS = ("leader", "member", "outside", "display")
# How long a kept state may stand in for the database at most. Whatever the room shows
# changes with a new version (a name saved in a profile too: live/apps.py), so this is
# a bound for what nobody foresaw, not the common case: a leader's next action, minutes
# later, finds the room's state kept, not rebuilt from seven queries.
KEEP_SECONDS = 15 * 60.0
KEEP_ROOMS = 5000


# One encoder for every state: json.dumps would make a new one for each value.
_dumps = json.JSONEncoder(separators=(",", ":")).encode
# The blanks the views put in place of what a viewer may not see, serialised once.
_BLANKS = {type(None): "null", list: "[]", str: '""'}


def _piece(value: Any) -> str:
    if not value and type(value) in _BLANKS:
        return _BLANKS[type(value)]
    return _dumps(value)


@dataclass(frozen=True)
class Participant:
    id: int
    name: str
    role: str
    presence: str  # online, reconnecting, away
    until: float | None  # reconnecting until then


@dataclass(frozen=True)
class People:
    """Who may be in the room (in the room's order) and who is there; the members who
    must accept the group's agreement first; until when this holds unless a socket opens
    or closes (a heartbeat going stale, a grace period running out)."""

    participants: tuple[Participant, ...]
    unagreed: tuple[int, ...]
    fresh_until: float

    # Made once for as long as the people stay the same (shared: never changed in place).
    @cached_property
    def persons(self) -> tuple[Person, ...]:
        return tuple(Person(id=p.id, role=p.role, present=p.presence != "away")
                     for p in self.participants)

    @cached_property
    def participants_view(self) -> list[dict[str, Any]]:
        return [{"id": p.id, "name": p.name, "role": p.role, "presence": p.presence,
                 "until": p.until} for p in self.participants]

    @cached_property
    def participants_json(self) -> str:
        return _dumps(self.participants_view)


@dataclass(frozen=True)
class Around:
    """What stays while the meeting is in one part of its agenda: the meeting and its
    format, and in a follow-up the group's earlier cases (each with its date)."""

    meeting_format: MeetingFormat
    meeting: dict[str, Any]
    group_id: int
    part_index: int
    earlier: tuple[tuple[EarlierCase, str], ...]

    def earlier_cases(self) -> dict[int, EarlierCase]:
        return {case.id: case for case, _date in self.earlier}

    @cached_property
    def meeting_json(self) -> str:
        return _dumps(self.meeting)

    @cached_property
    def part_view(self) -> dict[str, Any]:
        part: Format = part_at(self.meeting_format, self.part_index)
        return {
            "index": self.part_index,
            "kind": part.kind,
            "key": part.key,
            "needs_presenter": part.needs_presenter,
            "per_person_seconds": part.per_person_seconds,
            "phases": [
                {"key": p.key, "minutes": p.minutes, "sits_back": p.presenter_sits_back,
                 "speaks": p.speaks.value}
                for p in part.phases
            ],
        }

    @cached_property
    def earlier_view(self) -> list[dict[str, Any]]:
        return [{"id": case.id, "label": case.label, "date": date}
                for case, date in self.earlier]

    # Serialised once, for every state sent while the people or the part stay the same.
    @cached_property
    def part_json(self) -> str:
        return _dumps(self.part_view)

    @cached_property
    def earlier_json(self) -> str:
        return _dumps(self.earlier_view)


# Close codes the page understands: it stops reconnecting and says why.
CLOSE_SIGNED_OUT = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_DISPLAY_RENEWED = 4410
CLOSE_AGREEMENT = 4412


def view_kind(user_id: int | None, *, members: Sequence[int], leaders: Sequence[int],
              outside: Sequence[int]) -> str | None:
    """Which view of the room a socket gets: `user_id` None is the room display. None for
    someone who may not be in the room (any longer)."""
    if user_id is None:
        return "display"
    if user_id not in members:
        return None
    if user_id in outside:
        return "outside"
    return "leader" if user_id in leaders else "member"


@dataclass(frozen=True)
class BuiltState:
    stored: StoredRoom
    people: People
    around: Around
    # Each view serialised without the keys that change with every sending (the type,
    # the versions, the server's time): the tail of its JSON object, from its next key.
    tails: dict[str, str]
    members: tuple[int, ...]
    leaders: tuple[int, ...]
    unagreed: tuple[int, ...]
    fresh_until: float
    # Until when its room and around may stand in for the database (KEEP_SECONDS after
    # they were read), whatever the people.
    stands_until: float

    @property
    def room_id(self) -> int:
        return self.stored.room_id

    @property
    def version(self) -> int:
        return self.stored.state.version

    @property
    def display_token(self) -> str:
        return self.stored.state.display_token

    @property
    def outside(self) -> tuple[int, ...]:
        return self.stored.state.outside

    def texts(self, *, server_time: float) -> dict[str, str]:
        """Each view as JSON text."""
        state = self.stored.state
        head = (f'{{"type":"state","version":{state.version},'
                f'"steered_version":{state.steered_version},"server_time":{server_time!r}')
        return {kind: head + self.tails[kind] for kind in VIEW_KINDS}

    def view_kind(self, user_id: int | None) -> str | None:
        return view_kind(user_id, members=self.members, leaders=self.leaders,
                         outside=self.outside)

    def message(self) -> dict[str, Any]:
        """The channel-layer message for the room's consumers."""
        return {
            "type": "room.state",
            "room": self.room_id,
            "version": self.version,
            "texts": self.texts(server_time=time.time()),
            # For the consumers only, never forwarded: who gets which view; a display whose
            # token is no longer the room's, or a participant no longer in the room, is
            # closed.
            "display_token": self.display_token,
            "members": list(self.members),
            "leaders": list(self.leaders),
            "outside": list(self.outside),
            "unagreed": list(self.unagreed),
        }


_SENT_APART = ("type", "version", "steered_version", "server_time")


def built_state(state: dict[str, Any], view_changes: dict[str, dict[str, Any]],
                serialised: dict[str, str], *, stored: StoredRoom, people: People,
                around: Around, members: tuple[int, ...], leaders: tuple[int, ...],
                unagreed: tuple[int, ...], fresh_until: float) -> BuiltState:
    """The state with each view's tail: every key's value serialised once (or taken from
    `serialised`), then each view's own changes in their place."""
    pieces = {key: serialised[key] if key in serialised else _piece(value)
              for key, value in state.items() if key not in _SENT_APART}
    stands = time.time() + KEEP_SECONDS
    tails = {}
    for kind in VIEW_KINDS:
        changes = view_changes[kind]
        tails[kind] = "".join(
            f',"{key}":{_piece(changes[key]) if key in changes else piece}'
            for key, piece in pieces.items()) + "}"
    return BuiltState(
        stored=stored, people=people, around=around, tails=tails, members=members,
        leaders=leaders, unagreed=unagreed,
        fresh_until=min(fresh_until, stands),
        stands_until=stands,
    )


_kept: dict[int, BuiltState] = {}
_lock = threading.Lock()


def keep(built: BuiltState) -> None:
    with _lock:
        old = _kept.get(built.room_id)
        if old is not None and old.display_token == built.display_token \
                and old.version > built.version:
            return  # a newer state was kept meanwhile
        _kept.pop(built.room_id, None)
        _kept[built.room_id] = built
        while len(_kept) > KEEP_ROOMS:
            del _kept[next(iter(_kept))]


def kept(room_id: int, *, version: int, display_token: str) -> BuiltState | None:
    """The state kept for this room at exactly this version, while it is fresh."""
    built = _kept.get(room_id)
    if (built is None or built.version != version or built.display_token != display_token
            or time.time() >= built.fresh_until):
        return None
    return built


def kept_rows(room_id: int, *, version: int, rows_version: int,
              display_token: str) -> BuiltState | None:
    """The state kept for this room at an older version, when only its people changed
    since (a socket opened or closed on another process): its room and around stand."""
    built = _kept.get(room_id)
    if (built is None or not rows_version <= built.version < version
            or built.display_token != display_token or time.time() >= built.stands_until):
        return None
    return built


def forget_all() -> None:
    with _lock:
        _kept.clear()
