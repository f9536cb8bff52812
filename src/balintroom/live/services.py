"""Everything that changes a live room. Each change runs in one transaction with the room's
row locked, raises the room's version, and is broadcast to the room after commit."""

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balintroom.accounts.models import User
from balintroom.groups.models import Meeting, Membership
from balintroom.method import round as rounds
from balintroom.method.formats import Format, format_by_key
from balintroom.method.round import Action, RoundError, RoundState, Status
from balintroom.method.timer import Timer

from .broadcast import broadcast_room_on_commit
from .models import Connection, PhaseEvent, Room, Round, Volunteer, new_display_token

LABEL_MAX = 80


class StaleVersion(RoundError):
    """The room changed after the leader saw it; her action would act on an old picture."""


def room_for_meeting(meeting: Meeting) -> Room:
    room, _created = Room.objects.get_or_create(meeting=meeting)
    return room


def current_round(room: Room) -> Round | None:
    return room.rounds.exclude(status=Status.ENDED).order_by("-number").first()


def _epoch(value: datetime | None) -> float | None:
    return value.timestamp() if value is not None else None


def _from_epoch(value: float | None) -> datetime | None:
    return datetime.fromtimestamp(value, tz=UTC) if value is not None else None


def _state_of(rnd: Round) -> RoundState:
    return RoundState(
        status=Status(rnd.status),
        phase_index=rnd.phase_index,
        timer=Timer(deadline=_epoch(rnd.deadline), remaining=rnd.remaining_seconds),
    )


def _store(rnd: Round, state: RoundState) -> None:
    rnd.status = state.status
    rnd.phase_index = state.phase_index
    rnd.deadline = _from_epoch(state.timer.deadline)
    rnd.remaining_seconds = state.timer.remaining


@dataclass
class Change:
    room: Room
    by: User
    role: str
    fmt: Format
    now: float
    args: dict[str, Any]


def _role_in(room: Room, user: User) -> str | None:
    return (
        Membership.objects.filter(group_id=room.meeting.group_id, user=user)
        .values_list("role", flat=True)
        .first()
    )


def _clean_label(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RoundError(_("The label must be text."))
    value = " ".join(value.split())
    if len(value) > LABEL_MAX:
        raise RoundError(
            _("Keep the label short: at most %(max)d characters.") % {"max": LABEL_MAX}
        )
    return value


def _ask_for_cases(change: Change) -> None:
    change.room.asking_for_cases = True
    change.room.save(update_fields=["asking_for_cases"])


def _volunteer(change: Change) -> None:
    label = _clean_label(change.args.get("label"))
    rnd = current_round(change.room)
    if rnd is not None and rnd.presenter_id == change.by.pk:
        raise RoundError(_("You are already the presenter of this round."))
    Volunteer.objects.update_or_create(
        room=change.room, user=change.by, defaults={"label": label}
    )


def _withdraw(change: Change) -> None:
    deleted, _rows = Volunteer.objects.filter(room=change.room, user=change.by).delete()
    if not deleted:
        raise RoundError(_("You have not offered a case."))


def _choose_presenter(change: Change) -> None:
    user_id = change.args.get("user")
    if not isinstance(user_id, int) or isinstance(user_id, bool) or not 0 < user_id < 2**63:
        raise RoundError(_("Choose a presenter from the list."))
    volunteer = Volunteer.objects.filter(room=change.room, user_id=user_id).first()
    is_member = Membership.objects.filter(
        group_id=change.room.meeting.group_id, user_id=user_id
    ).exists()
    if not is_member:
        raise RoundError(_("Choose a presenter from the list."))
    rnd = current_round(change.room)
    if rnd is not None and rnd.status != Status.WAITING:
        raise RoundError(_("The round has already started."))
    if rnd is None:
        number = (change.room.rounds.order_by("-number").values_list("number", flat=True)
                  .first() or 0) + 1
        rnd = Round(room=change.room, number=number)
    elif rnd.presenter_id and rnd.presenter_id != user_id:
        # The earlier choice goes back to the list of volunteers.
        Volunteer.objects.get_or_create(
            room=change.room, user_id=rnd.presenter_id, defaults={"label": rnd.label}
        )
    if volunteer is not None:
        rnd.label = volunteer.label
    elif rnd.presenter_id != user_id:
        rnd.label = ""
    rnd.presenter_id = user_id
    rnd.save()
    if volunteer:
        volunteer.delete()
    change.room.asking_for_cases = False
    change.room.save(update_fields=["asking_for_cases"])


def _transition(
    apply: Callable[[RoundState, Change, Round], RoundState],
) -> Callable[[Change], Round]:
    def handler(change: Change) -> Round:
        rnd = current_round(change.room)
        if rnd is None:
            raise RoundError(_("There is no round yet. Choose a presenter first."))
        before = _state_of(rnd)
        after = apply(before, change, rnd)
        _store(rnd, after)
        if before.status == Status.WAITING and after.status == Status.RUNNING:
            rnd.started_at = timezone.now()
        if after.status == Status.ENDED:
            rnd.ended_at = timezone.now()
        rnd.save()
        PhaseEvent.objects.create(
            round=rnd, action=change.args["action"], phase_index=after.phase_index,
            status=after.status, by=change.by,
        )
        return rnd

    return handler


def _extend_minutes(change: Change) -> int:
    minutes = change.args.get("minutes")
    if not isinstance(minutes, int) or isinstance(minutes, bool):
        raise RoundError(_("The time can be extended by 1 or 5 minutes."))
    return minutes


HANDLERS: dict[Action, Callable[[Change], object]] = {
    Action.ASK_FOR_CASES: _ask_for_cases,
    Action.VOLUNTEER: _volunteer,
    Action.WITHDRAW: _withdraw,
    Action.CHOOSE_PRESENTER: _choose_presenter,
    Action.START: _transition(
        lambda s, c, r: rounds.round_start(s, c.fmt, now=c.now,
                                           has_presenter=r.presenter_id is not None)
    ),
    Action.ADVANCE: _transition(lambda s, c, r: rounds.round_advance(s, c.fmt, now=c.now)),
    Action.BACK: _transition(lambda s, c, r: rounds.round_back(s, c.fmt, now=c.now)),
    Action.PAUSE: _transition(lambda s, c, r: rounds.round_pause(s, now=c.now)),
    Action.RESUME: _transition(lambda s, c, r: rounds.round_resume(s, now=c.now)),
    Action.EXTEND: _transition(
        lambda s, c, r: rounds.round_extend(s, now=c.now, minutes=_extend_minutes(c))
    ),
    Action.END: _transition(lambda s, c, r: rounds.round_end(s, now=c.now)),
}


def room_act(*, meeting_id: int, by: User, action: Action, args: dict[str, Any] | None = None,
             expected_version: int | None = None) -> int:
    """Do one action in a meeting's room; returns the room's new version.

    Raises RoundError (with a message for the person) when the action is not allowed;
    then nothing has changed.
    """
    with transaction.atomic():
        room = (
            Room.objects.select_for_update().select_related("meeting").filter(
                meeting_id=meeting_id).first()
        )
        if room is None:
            raise RoundError(_("You are not a participant of this meeting."))
        role = _role_in(room, by)
        rounds.check_may(role, action)
        steers = action in rounds.VERSIONED_ACTIONS
        if steers and (not isinstance(expected_version, int)
                       or expected_version < room.steered_version):
            raise StaleVersion(
                _("The round changed a moment ago. Look again, then choose what to do.")
            )
        change = Change(
            room=room, by=by, role=role or "", fmt=format_by_key(room.meeting.format_key),
            now=time.time(), args={**(args or {}), "action": action.value},
        )
        HANDLERS[action](change)
        return _bump(room, steered=steers)


def _bump(room: Room, *, steered: bool = False) -> int:
    room.version += 1
    fields = ["version"]
    if steered:
        room.steered_version = room.version
        fields.append("steered_version")
    room.save(update_fields=fields)
    broadcast_room_on_commit(room.pk)
    return room.version


# Convenience names in the project's noun_verb style, for code and tests that do one thing.
def round_advance(*, meeting_id: int, by: User, expected_version: int) -> int:
    return room_act(meeting_id=meeting_id, by=by, action=Action.ADVANCE,
                    expected_version=expected_version)


def room_renew_display_token(*, room: Room) -> Room:
    with transaction.atomic():
        room = Room.objects.select_for_update().get(pk=room.pk)
        room.display_token = new_display_token()
        room.save(update_fields=["display_token"])
        # Displays opened with the old link are closed.
        broadcast_room_on_commit(room.pk)
    return room


# --- presence ---------------------------------------------------------------------------

def connection_open(*, room_id: int, user: User, channel_name: str) -> None:
    with transaction.atomic():
        room = Room.objects.select_for_update().get(pk=room_id)
        Connection.objects.create(room=room, user=user, channel_name=channel_name)
        _bump(room)


def connection_close(*, channel_name: str) -> None:
    with transaction.atomic():
        connection = Connection.objects.filter(channel_name=channel_name).first()
        if connection is None:
            return
        room = Room.objects.select_for_update().get(pk=connection.room_id)
        connection.closed_at = timezone.now()
        connection.save(update_fields=["closed_at"])
        _bump(room)


def connection_seen(*, channel_name: str) -> None:
    Connection.objects.filter(
        channel_name=channel_name, closed_at__isnull=True,
        last_seen__lt=timezone.now() - timedelta(seconds=10),
    ).update(last_seen=timezone.now())


def rooms_notify_membership_change(*, group_id: int) -> None:
    """Send the group's open rooms a fresh state: a removed member's open socket is closed
    by it, and everyone sees who is in the group now."""
    room_ids = Connection.objects.filter(
        room__meeting__group_id=group_id, closed_at__isnull=True
    ).values_list("room_id", flat=True).distinct()
    for room_id in room_ids:
        with transaction.atomic():
            room = Room.objects.select_for_update().get(pk=room_id)
            _bump(room)
