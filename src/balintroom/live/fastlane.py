"""The commonest change in a meeting, done with four SQL statements: a leader moves a
running round's phase or timer (advance, back, pause, resume, extend).

Through the ORM such a change took about eight queries plus seven more to rebuild the
state, and building those queries was half of the server's CPU (bench/run.py with
BENCH_PROFILE=1). Here the room's row is locked and read with the leader's role in one
statement; the round is taken from the state kept for exactly that version of the room
(roomstate.py), which nothing can have changed without raising the version; then the
round, the phase log and the room's version are written. Whenever any of this does not
hold (no kept state, a member standing in, a format edited) `timer_change` returns None
and the general path in services.room_act does the change.

The rules are method/'s, the same functions the general path calls.
"""

import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from typing import Any

from django.db import connection, transaction
from django.utils.translation import gettext as _

from balintroom.accounts.models import User
from balintroom.groups.models import Meeting, Membership
from balintroom.groups.selectors import meeting_format_for
from balintroom.method import round as rounds
from balintroom.method.agenda import part_at
from balintroom.method.formats import Format
from balintroom.method.roles import Role
from balintroom.method.round import Action, RoundError, RoundState, Status
from balintroom.method.timer import Timer

from .broadcast import broadcast_room
from .models import PhaseEvent, Room, Round
from .roomstate import BuiltState, keep, kept


class StaleVersion(RoundError):
    """The room changed after the leader saw it; her action would act on an old picture."""


def _extend_minutes(args: dict[str, Any]) -> int:
    minutes = args.get("minutes")
    if not isinstance(minutes, int) or isinstance(minutes, bool):
        raise RoundError(_("The time can be extended by 1 or 5 minutes."))
    return minutes


Transition = Callable[[RoundState, Format, float, dict[str, Any]], RoundState]

# The changes to a running round's phase and timer, and nothing else.
TIMER_TRANSITIONS: dict[Action, Transition] = {
    Action.ADVANCE: lambda s, part, now, args: rounds.round_advance(s, part, now=now),
    Action.BACK: lambda s, part, now, args: rounds.round_back(s, part, now=now),
    Action.PAUSE: lambda s, part, now, args: rounds.round_pause(s, now=now),
    Action.RESUME: lambda s, part, now, args: rounds.round_resume(s, now=now),
    Action.EXTEND: lambda s, part, now, args: rounds.round_extend(
        s, now=now, minutes=_extend_minutes(args)),
}


def check_version(expected_version: Any, steered_version: int) -> None:
    if not isinstance(expected_version, int) or isinstance(expected_version, bool) \
            or expected_version < steered_version:
        raise StaleVersion(
            _("The round changed a moment ago. Look again, then choose what to do.")
        )


def _table(model: Any) -> str:
    return str(connection.ops.quote_name(model._meta.db_table))


@cache
def _statements(vendor: str) -> dict[str, str]:
    # Table names from the models, so that the statements follow the migrations.
    room, meeting = _table(Room), _table(Meeting)
    membership, rnd, event = _table(Membership), _table(Round), _table(PhaseEvent)
    lock = " FOR UPDATE OF r" if connection.features.has_select_for_update_of else ""
    return {
        "room": (
            "SELECT r.id, r.version, r.steered_version, r.part_index, r.display_token, "
            "m.group_id, m.format_key, "
            f"(SELECT ms.role FROM {membership} ms "
            " WHERE ms.group_id = m.group_id AND ms.user_id = %s) "
            f"FROM {room} r JOIN {meeting} m ON m.id = r.meeting_id "
            f"WHERE r.meeting_id = %s{lock}"
        ),
        "round": (
            f"UPDATE {rnd} SET status = %s, phase_index = %s, deadline = %s, "
            "remaining_seconds = %s WHERE id = %s AND room_id = %s"
        ),
        "event": (
            f"INSERT INTO {event} (round_id, action, phase_index, status, at, by_id) "
            "VALUES (%s, %s, %s, %s, %s, %s)"
        ),
        "version": f"UPDATE {room} SET version = %s, steered_version = %s WHERE id = %s",
    }


def _as_stored(epoch: float | None) -> datetime | None:
    """A moment as the database keeps it (to the microsecond), so that the state sent now
    is the state that would be read back."""
    return datetime.fromtimestamp(epoch, tz=UTC) if epoch is not None else None


def _adapt(value: datetime | None) -> Any:
    return connection.ops.adapt_datetimefield_value(value)


class _NotHere(Exception):
    """Rolls the fast lane back so that the general path does the change."""


def timer_change(*, meeting_id: int, by: User, action: Action, args: dict[str, Any],
                 expected_version: Any) -> int | None:
    """Do a leader's change to a running round's phase or timer; returns the room's new
    version, or None when the general path has to do it. Raises RoundError as that path
    would, and then nothing has changed."""
    transition = TIMER_TRANSITIONS.get(action)
    if transition is None:
        return None
    sql = _statements(connection.vendor)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql["room"], [by.pk, meeting_id])
            row = cursor.fetchone()
            if row is None:
                return None
            room_id, version, steered, part_index, token, group_id, format_key, role = row
            if role not in (Role.LEADER, Role.CO_LEADER):
                return None  # a member standing in, or nobody of this group
            before = kept(room_id, version=version, display_token=token)
            if before is None or before.round is None or before.round_id is None \
                    or before.part_index != part_index:
                return None
            meeting_format = meeting_format_for(
                Meeting(pk=meeting_id, group_id=group_id, format_key=format_key))
            if meeting_format != before.meeting_format:
                return None
            rounds.check_may(role, action)
            check_version(expected_version, steered)
            after = _transition(before, transition, part_at(meeting_format, part_index), args)
            deadline = _as_stored(after.timer.deadline)
            round_row = {**before.round, "status": after.status.value,
                         "phase_index": after.phase_index,
                         "deadline": deadline.timestamp() if deadline else None,
                         "remaining": after.timer.remaining}
            cursor.execute(sql["round"], [
                after.status.value, after.phase_index, _adapt(deadline),
                after.timer.remaining, before.round_id, room_id])
            if cursor.rowcount != 1:
                raise _NotHere
            cursor.execute(sql["event"], [
                before.round_id, action.value, after.phase_index, after.status.value,
                _adapt(_as_stored(time.time())), by.pk])
            new_version = version + 1
            cursor.execute(sql["version"], [new_version, new_version, room_id])
            built = before.with_round(version=new_version, steered_version=new_version,
                                      rnd=round_row)
            transaction.on_commit(lambda: _publish(built))
            return new_version
    except _NotHere:
        return None


def _transition(before: BuiltState, transition: Transition, part: Format,
                args: dict[str, Any]) -> RoundState:
    rnd = before.round
    assert rnd is not None
    state = RoundState(status=Status(rnd["status"]), phase_index=rnd["phase_index"],
                       timer=Timer(deadline=rnd["deadline"], remaining=rnd["remaining"]))
    return transition(state, part, time.time(), args)


def _publish(built: BuiltState) -> None:
    keep(built)
    broadcast_room(built.room_id, built)
