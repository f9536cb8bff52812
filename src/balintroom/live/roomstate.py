"""The room's state as it is sent: each kind of viewer's view, serialised once per change.

Building a state from the database takes several queries (the group, presence, the round,
the volunteers, the Lindauer signals). Most changes in a meeting are to the round's phase
and timer alone, and for those nothing else in the state can differ from the state built
for the version before. So the last state built for each room is kept in this process,
and such a change is sent as that state with the new round spliced in, without reading
the rest again (bench/run.py: this and fastlane.py took a phase change from 11 ms of
server CPU to well under one).

A kept state is only used at the exact version it was built for, and only while nothing
in it can have changed without a new version: presence moves on by itself when a socket
of a crashed process goes stale or a grace period runs out, so a state is fresh only
until the earliest of those moments. Every process keeps its own; the version, raised
under the room's row lock, tells whether another process has changed the room since.
"""

import json
import threading
import time
from dataclasses import dataclass, replace
from typing import Any

from balintroom.method.agenda import MeetingFormat

VIEW_KINDS = ("leader", "member", "outside", "display")
# How long a kept state may stand in for the database at most, for what changes without
# a new version of the room (a participant renaming herself in her profile).
KEEP_SECONDS = 60.0
KEEP_ROOMS = 5000


def _dumps(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def round_view(kind: str, rnd: dict[str, Any] | None) -> dict[str, Any] | None:
    """The round as each kind of viewer sees it: a member outside under the Lindauer rule
    sees the time, not the case; the room display sees nobody's name."""
    if rnd is None or kind in ("leader", "member"):
        return rnd
    if kind == "outside":
        return {**rnd, "label": "", "presenter": None}
    return {**rnd, "presenter": None, "label": "", "speaker_order": []}


@dataclass(frozen=True)
class BuiltState:
    room_id: int
    version: int
    steered_version: int
    # Which room, beyond its id: ids can come again (a restored backup, a test database),
    # the random display token does not; a renewed token builds the state afresh.
    display_token: str
    meeting_format: MeetingFormat
    part_index: int
    round_id: int | None
    round: dict[str, Any] | None
    # Each view serialised without the keys that change with the round (the round,
    # the versions, the server's time): the tail of its JSON object, from its first key.
    tails: dict[str, str]
    members: tuple[int, ...]
    leaders: tuple[int, ...]
    outside: tuple[int, ...]
    fresh_until: float

    def texts(self, *, server_time: float) -> dict[str, str]:
        """Each view as JSON text, the round and versions spliced into its tail."""
        head = (f'{{"type":"state","version":{self.version},'
                f'"steered_version":{self.steered_version},"server_time":{server_time!r},')
        return {
            kind: f'{head}"round":{_dumps(round_view(kind, self.round))}{self.tails[kind]}'
            for kind in VIEW_KINDS
        }

    def message(self) -> dict[str, Any]:
        """The channel-layer message for the room's consumers."""
        return {
            "type": "room.state",
            "version": self.version,
            "texts": self.texts(server_time=time.time()),
            # For the consumers only, never forwarded: who gets which view; a display whose
            # token is no longer the room's, or a participant no longer a member, is closed.
            "display_token": self.display_token,
            "members": list(self.members),
            "leaders": list(self.leaders),
            "outside": list(self.outside),
        }

    def view_kind(self, *, user_id: int | None) -> str:
        if user_id is None:
            return "display"
        if user_id in self.outside:
            return "outside"
        return "leader" if user_id in self.leaders else "member"

    def with_round(self, *, version: int, steered_version: int,
                   rnd: dict[str, Any]) -> "BuiltState":
        return replace(self, version=version, steered_version=steered_version, round=rnd)


_SPLICED = ("type", "version", "steered_version", "server_time", "round")


def built_state(state: dict[str, Any], views: dict[str, dict[str, Any]], *, room_id: int,
                display_token: str, meeting_format: MeetingFormat, round_id: int | None,
                fresh_until: float) -> BuiltState:
    tails = {}
    for kind in VIEW_KINDS:
        rest = {k: v for k, v in views[kind].items() if k not in _SPLICED}
        tails[kind] = "," + _dumps(rest)[1:] if rest else "}"
    return BuiltState(
        room_id=room_id, version=state["version"], steered_version=state["steered_version"],
        display_token=display_token, meeting_format=meeting_format,
        part_index=state["part"]["index"], round_id=round_id, round=state["round"],
        tails=tails,
        members=tuple(p["id"] for p in state["participants"]),
        leaders=tuple(p["id"] for p in state["participants"]
                      if p["role"] in ("leader", "co_leader")),
        outside=tuple(state["outside"]),
        fresh_until=min(fresh_until, time.time() + KEEP_SECONDS),
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


def forget_all() -> None:
    with _lock:
        _kept.clear()
