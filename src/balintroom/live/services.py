"""Everything that changes a live room goes through `room_change`: in one transaction the
room's row is locked, the room is taken as it stands (kept from the last change at exactly
this version, or read from its rows), method/'s rules give the room after the change,
store.py writes the difference, and the new state goes to the room after commit.

A participant's action is `room_act`; a change of who is present or who belongs to the
group is `room_people_changed` (connections.py, and groups' announcements).
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from django.db import transaction
from django.db.models import CharField, OuterRef, QuerySet, Subquery, Value
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

from .broadcast import broadcast_room
from .models import Connection, Room, new_display_token
from .roomstate import BuiltState, People, keep
from .selectors import room_circle
from .snapshot import around_at_part, build, room_people, state_at
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
        "meeting__format_key", "role")[:1]


# Compiled once: building this query through the ORM cost more than the rest of a change.
_LOCK_FOR = Prepared(
    lambda meeting, by: _locking(Room.objects.filter(meeting_id=meeting), by), "meeting", "by")
_LOCK = Prepared(lambda room: _locking(Room.objects.filter(pk=room), None), "room")


def _locked(rows: list[tuple[Any, ...]]) -> _Locked | None:
    return _Locked(*rows[0]) if rows else None


def _as_it_stands(locked: _Locked) -> BuiltState:
    return state_at(room_id=locked.room_id, version=locked.version,
                    display_token=locked.display_token, group_id=locked.group_id,
                    format_key=locked.format_key)


def _prompt_cards(group_id: int) -> dict[int, str]:
    return dict(PromptCard.objects.filter(group_id=group_id).values_list("pk", "text"))


def room_change(locked: _Locked, change: Callable[[BuiltState], RoomState], *,
                action: str, by: int | None, now: float,
                people: Callable[[], People] | None = None) -> int:
    """Apply `change` to the room as it stands; write and send what changed. `people`
    reads who is in the room again, when the change is to them."""
    current = _as_it_stands(locked)
    after = change(current)
    if after is current.stored.state and people is None:
        return after.version  # nothing changed, nothing to send
    after = room_times(after, stored_moment, known=current.stored.state)
    stored = room_write(current.stored, after, action=action, by=by, now=now)
    around = current.around
    if after.part_index != around.part_index:
        around = around_at_part(around, after.part_index)
    built = build(stored, people() if people is not None else current.people, around)
    transaction.on_commit(lambda: _publish(built))
    return after.version


def _publish(built: BuiltState) -> None:
    keep(built)
    broadcast_room(built)


def room_act(*, meeting_id: int, by: User | None, action: Action, args: Args | None = None,
             expected_version: int | None = None) -> int:
    """Do one action in a meeting's room (`by` None: the room display, which may not act);
    returns the room's version after it.

    Raises RoundError (with a message for the person) when the action is not allowed;
    then nothing has changed. An action that changes nothing sends nothing."""
    args = args or Args()
    by_id = by.pk if by is not None else None
    if action == Action.RENEW_DISPLAY_LINK:
        args = replace(args, token=new_display_token())
    now = stored_moment(time.time())
    with sent_together(), transaction.atomic():
        # The room display (by None) is nobody of the group: no user has the id 0.
        locked = _locked(_LOCK_FOR.rows(meeting=meeting_id, by=by_id or 0))
        if locked is None:
            raise RoundError(_("You are not a participant of this meeting."))

        def change(current: BuiltState) -> RoomState:
            ctx = Context(
                meeting_format=current.around.meeting_format,
                people=current.people.persons,
                earlier_cases=(current.around.earlier_cases()
                               if action == Action.CHOOSE_FOLLOW_UP else {}),
                prompt_cards=(_prompt_cards(locked.group_id)
                              if action == Action.SHOW_PROMPT else {}),
            )
            return room_apply(current.stored.state, ctx, by=by_id, role=locked.role,
                              action=action, args=args, expected_version=expected_version,
                              now=now)

        return room_change(locked, change, action=action.value, by=by_id, now=now)


def room_people_changed(*, room_id: int) -> int | None:
    """Someone came or went, or the group's members changed: a new version of the room,
    its state with who is in it read again. Returns the new version (None: no such
    room)."""
    now = stored_moment(time.time())
    with transaction.atomic():
        locked = _locked(_LOCK.rows(room=room_id))
        if locked is None:
            return None
        return room_change(
            locked, lambda current: room_seen_change(current.stored.state), action="",
            by=None, now=now,
            people=lambda: room_people(room_id=room_id, group_id=locked.group_id))


def rooms_refresh(*, group_id: int | None = None, user_id: int | None = None) -> None:
    """Send open rooms a fresh state: the group's (a removed member's socket is closed by
    it, one who must accept a changed agreement is sent to it, and a new role shows), or
    those of the groups a person belongs to (her new name shows)."""
    rooms = Connection.objects.filter(closed_at__isnull=True)
    if group_id is not None:
        rooms = rooms.filter(room__meeting__group_id=group_id)
    if user_id is not None:
        rooms = rooms.filter(room__meeting__group__memberships__user_id=user_id)
    for room_id in sorted(set(rooms.values_list("room_id", flat=True))):
        room_people_changed(room_id=room_id)


def room_renew_display_token(*, room: Room, by: User) -> int:
    """A new display link; displays opened with the old one are closed."""
    return room_act(meeting_id=room.meeting_id, by=by, action=Action.RENEW_DISPLAY_LINK)
