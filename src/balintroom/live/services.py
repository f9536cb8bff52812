"""Everything that changes a live room goes through `room_change`: in a transaction that
holds the room's row locked, the room is taken as it stands (kept from the last change,
or read from its rows), method/'s rules give the room after the change, store.py writes
the difference, and the new state goes to the room after commit.

A participant's action is `room_act`; the actions of a moment go together through
`rooms_act` (one lock statement and one commit for all). A change of who is present or
who belongs to the group is `room_people_changed` (connections.py, processes.py, and
groups' announcements).
"""

import functools
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import CharField, OuterRef, QuerySet, Subquery, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from balintroom.accounts.models import User
from balintroom.core.prepared import Prepared, sent_together
from balintroom.groups.models import Meeting, PromptCard
from balintroom.method.room import (
    Args,
    Context,
    RoomState,
    room_apply,
    room_seen_change,
    room_times,
)
from balintroom.method.round import Action, RoundError

from .broadcast import broadcast_room, broadcast_session_ended
from .models import Connection, Room, new_display_token
from .roomstate import BuiltState, People, keep
from .selectors import room_circle, room_circles
from .snapshot import RoomAt, around_at_part, build, rooms_people, states_at
from .store import room_write, stored_moment


def room_create(*, meeting: Meeting) -> Room:
    """A meeting's room, made when the meeting is scheduled (groups' meeting_scheduled)."""
    room, _created = Room.objects.get_or_create(meeting=meeting)
    return room


@dataclass(frozen=True)
class _Locked:
    """The room's row, locked for this transaction, and who is acting in it."""

    room_id: int
    version: int
    display_token: str
    meeting_id: int
    group_id: int
    format_key: str
    rows_version: int
    role: str | None  # of the person acting, if she may be in the room


def _locking(rooms: QuerySet[Room], by: int | None) -> QuerySet[Any]:
    """The room's row, to be locked until the transaction ends (on SQLite the transaction
    holds the database's write lock from its start), with the role of `by` in it."""
    role: Any = Value(None, output_field=CharField())
    if by is not None:
        role = Subquery(room_circle(OuterRef("meeting__group_id")).filter(user_id=by)
                        .values("role")[:1])
    return rooms.select_for_update(of=("self",)).annotate(role=role).values_list(
        "pk", "version", "display_token", "meeting_id", "meeting__group_id",
        "meeting__format_key", "rows_version", "role")


# Compiled once: building this query through the ORM cost more than the rest of a change.
_LOCK_FOR = Prepared(
    lambda meeting, by: _locking(Room.objects.filter(meeting_id=meeting), by)[:1],
    "meeting", "by")
_LOCK = Prepared(lambda room: _locking(Room.objects.filter(pk=room), None)[:1], "room")


def _locked(rows: list[tuple[Any, ...]]) -> _Locked | None:
    return _Locked(*rows[0]) if rows else None


def _room_at(locked: _Locked) -> RoomAt:
    return RoomAt(room_id=locked.room_id, version=locked.version,
                  display_token=locked.display_token, group_id=locked.group_id,
                  format_key=locked.format_key, rows_version=locked.rows_version)


def _as_it_stands(locked: _Locked) -> BuiltState:
    return states_at([_room_at(locked)])[locked.room_id]


def _prompt_cards(group_id: int) -> dict[int, str]:
    return dict(PromptCard.objects.filter(group_id=group_id).values_list("pk", "text"))


def room_change(current: BuiltState, change: Callable[[BuiltState], RoomState], *,
                action: str, by: int | None, now: float,
                people: Callable[[], People] | None = None) -> BuiltState:
    """Apply `change` to the room as it stands (`current`, its row locked); write and,
    after commit, send what changed. `people` reads who is in the room again, when the
    change is to them. Returns the room's state after it (`current` if nothing changed:
    then nothing is sent)."""
    after = change(current)
    if after is current.stored.state and people is None:
        return current
    after = room_times(after, stored_moment, known=current.stored.state)
    stored = room_write(current.stored, after, action=action, by=by, now=now)
    around = current.around
    if after.part_index != around.part_index:
        around = around_at_part(around, after.part_index)
    built = build(stored, people() if people is not None else current.people, around)
    transaction.on_commit(lambda: _publish(built))
    return built


def _publish(built: BuiltState) -> None:
    keep(built)
    broadcast_room(built)


@dataclass(frozen=True)
class Act:
    """One person's action in a meeting's room (`by` None: the room display, which may
    not act)."""

    meeting_id: int
    by: User | None
    action: Action
    args: Args = Args()
    expected_version: int | None = None


@dataclass(frozen=True)
class Acted:
    room_id: int
    version: int  # the room's version after the action


def room_act(*, meeting_id: int, by: User | None, action: Action, args: Args | None = None,
             expected_version: int | None = None) -> int:
    """Do one action in a meeting's room; returns the room's version after it.

    Raises RoundError (with a message for the person) when the action is not allowed;
    then nothing has changed. An action that changes nothing sends nothing."""
    (result,) = rooms_act([Act(meeting_id, by, action, args or Args(), expected_version)])
    if isinstance(result, Exception):
        raise result
    return result.version


def rooms_act(acts: list[Act]) -> list[Acted | Exception]:
    """Several actions, each through the room's rules as room_act's alone, in one
    transaction: a burst of leaders' actions (queued while the database was busy) is one
    locking statement and one commit, not one of each per action. An action refused
    (RoundError, returned in its place) has written nothing and leaves the others be;
    any other failure rolls back the lot, and each is then tried alone (the one that
    fails again gets its exception in its place)."""
    now = stored_moment(time.time())
    try:
        with sent_together(), transaction.atomic():
            locks = _locks(acts)
            # The rooms as they stand, then as this batch's actions leave them.
            states = states_at(list({locked.room_id: _room_at(locked)
                                     for locked in locks.values()}.values()))
            results: list[Acted | Exception] = []
            for act in acts:
                try:
                    results.append(_act_in(act, locks.get((act.meeting_id, _id_of(act.by))),
                                           states, now))
                except RoundError as exc:
                    results.append(exc)
            return results
    except Exception as exc:
        if len(acts) == 1:
            return [exc]
    return [rooms_act([act])[0] for act in acts]


def _id_of(by: User | None) -> int:
    # The room display (by None) is nobody of the group: no user has the id 0.
    return by.pk if by is not None else 0


def _locks(acts: list[Act]) -> dict[tuple[int, int], _Locked]:
    """Each action's room row, locked (in the order of the rooms' ids, as every process
    locks them: no two batches wait for each other), with the role of who acts in it."""
    if len(acts) == 1:
        act = acts[0]
        locked = _locked(_LOCK_FOR.rows(meeting=act.meeting_id, by=_id_of(act.by)))
        return {(act.meeting_id, _id_of(act.by)): locked} if locked else {}
    rows: dict[int, tuple[Any, ...]] = {row[3]: row[:-1] for row in _many(
        "lock", lambda meetings: _locking(Room.objects.filter(meeting_id__in=meetings)
                                          .order_by("pk"), None),
        sorted({act.meeting_id for act in acts}))}
    roles = dict(((group, user), role) for group, user, role in _many(
        "roles", lambda groups, users: room_circles(set(groups)).filter(
            user_id__in=users).values_list("group_id", "user_id", "role"),
        sorted({row[4] for row in rows.values()}), sorted({_id_of(act.by) for act in acts})))
    locks = {}
    for act in acts:
        row = rows.get(act.meeting_id)
        if row is not None:
            locks[(act.meeting_id, _id_of(act.by))] = _Locked(
                *(*row, roles.get((row[4], _id_of(act.by)))))
    return locks


_PREPARED_MANY: dict[tuple[str, tuple[int, ...]], Prepared] = {}
PREPARED_MANY_KEPT = 512


def _many(key: str, build: Callable[..., QuerySet[Any]], *lists: list[int]
          ) -> list[tuple[Any, ...]]:
    """A query over lists of ids (`build(*lists)`), compiled once for each length of the
    lists: a burst's statements cost their running, not their building."""
    sizes = tuple(len(ids) for ids in lists)
    prepared = _PREPARED_MANY.get((key, sizes))
    if prepared is None:
        names = [[f"v{k}_{j}" for j in range(size)] for k, size in enumerate(sizes)]
        prepared = _PREPARED_MANY[(key, sizes)] = Prepared(
            lambda **values: build(*([values[name] for name in group] for group in names)),
            *(name for group in names for name in group))
        if len(_PREPARED_MANY) > PREPARED_MANY_KEPT:
            del _PREPARED_MANY[next(iter(_PREPARED_MANY))]
    return prepared.rows("default", **{f"v{k}_{j}": value for k, ids in enumerate(lists)
                            for j, value in enumerate(ids)})


def _act_in(act: Act, locked: _Locked | None, states: dict[int, BuiltState],
            now: float) -> Acted:
    if locked is None:
        raise RoundError(_("You are not a participant of this meeting."))
    args = act.args
    if act.action == Action.RENEW_DISPLAY_LINK:
        args = replace(args, token=new_display_token())
    by_id = act.by.pk if act.by is not None else None

    def change(current: BuiltState) -> RoomState:
        ctx = Context(
            meeting_format=current.around.meeting_format,
            people=current.people.persons,
            earlier_cases=(current.around.earlier_cases()
                           if act.action == Action.CHOOSE_FOLLOW_UP else {}),
            prompt_cards=(_prompt_cards(locked.group_id)
                          if act.action == Action.SHOW_PROMPT else {}),
        )
        return room_apply(current.stored.state, ctx, by=by_id, role=locked.role,
                          action=act.action, args=args, expected_version=act.expected_version,
                          now=now)

    current = states[locked.room_id]
    after = room_change(current, change, action=act.action.value, by=by_id, now=now)
    states[locked.room_id] = after
    return Acted(locked.room_id, after.version)


def room_people_changed(*, room_id: int) -> int | None:
    """Someone came or went, or the group's members changed: a new version of the room,
    its state with who is in it read again. Returns the new version (None: no such
    room)."""
    return rooms_people_changed(room_ids=[room_id]).get(room_id)


PEOPLE_BATCH = 50


def rooms_people_changed(*, room_ids: Iterable[int]) -> dict[int, int]:
    """room_people_changed for several rooms at once (a batch of sockets came and went, a
    process closed all of its own), in one transaction: one locking statement, one read
    of who is in all of them, one commit, rather than each of these per room. Returns
    each room's new version."""
    ids = sorted(set(room_ids))
    if len(ids) > PEOPLE_BATCH:
        # Rooms locked together wait for each other's writes: a few dozen at a time keep
        # a leader's action in one of them from waiting long.
        return {room: version for k in range(0, len(ids), PEOPLE_BATCH)
                for room, version in rooms_people_changed(
                    room_ids=ids[k:k + PEOPLE_BATCH]).items()}
    if not ids:
        return {}
    now = stored_moment(time.time())
    with sent_together(), transaction.atomic():
        if len(ids) == 1:
            locks = [locked] if (locked := _locked(_LOCK.rows(room=ids[0]))) else []
        else:
            locks = [_Locked(*row) for row in _locking(
                Room.objects.filter(pk__in=ids).order_by("pk"), None)]
        # Who is in them, read once: for the change, and for a state built afresh.
        people = rooms_people({locked.room_id: locked.group_id for locked in locks})
        states = states_at([_room_at(locked) for locked in locks], people)
        return {locked.room_id: room_change(
            states[locked.room_id], lambda current: room_seen_change(current.stored.state),
            action="", by=None, now=now,
            people=functools.partial(people.__getitem__, locked.room_id)).version
            for locked in locks}


def rooms_refresh(*, group_id: int | None = None, user_id: int | None = None) -> None:
    """Send open rooms a fresh state: the group's (a removed member's socket is closed by
    it, one who must accept a changed agreement is sent to it, and a new role shows), or
    those of the groups a person belongs to (her new name shows)."""
    rooms = Connection.objects.filter(closed_at__isnull=True)
    if group_id is not None:
        rooms = rooms.filter(room__meeting__group_id=group_id)
    if user_id is not None:
        rooms = rooms.filter(room__meeting__group__memberships__user_id=user_id)
    rooms_people_changed(room_ids=rooms.values_list("room_id", flat=True))


def sockets_close_for_session(*, user_id: int, session_key: str) -> None:
    """She signed out (or her sign-in ended): the room sockets of that sign-in close at
    once, in every process; her other devices stay in the room."""
    rooms = sorted(set(Connection.objects.filter(user_id=user_id, closed_at__isnull=True)
                       .values_list("room_id", flat=True)))
    if rooms and session_key:
        broadcast_session_ended(room_ids=rooms, session_key=session_key)


def room_renew_display_token(*, room: Room, by: User) -> int:
    """A new display link; displays opened with the old one are closed."""
    return room_act(meeting_id=room.meeting_id, by=by, action=Action.RENEW_DISPLAY_LINK)


# Who was connected when: kept a month for "was she there?" questions, then gone (the roll
# call is the record of attendance).
CONNECTION_RETENTION = timedelta(days=30)


def connections_purge_old(now: datetime | None = None) -> int:
    cutoff = (now or timezone.now()) - CONNECTION_RETENTION
    deleted, _detail = Connection.objects.filter(closed_at__lt=cutoff).delete()
    return deleted
