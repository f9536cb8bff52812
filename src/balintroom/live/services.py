"""Everything that changes a live room. Each change runs in one transaction with the room's
row locked, raises the room's version, and is broadcast to the room after commit."""

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balintroom.accounts.models import User
from balintroom.deid.identifiers import CATEGORY_LABELS, find_identifiers
from balintroom.groups.models import Meeting, Membership
from balintroom.groups.selectors import meeting_format_for
from balintroom.method import round as rounds
from balintroom.method.agenda import MeetingFormat, part_at
from balintroom.method.formats import Format, PartKind
from balintroom.method.roles import Role
from balintroom.method.round import Action, RoundError, RoundState, Status
from balintroom.method.timer import Timer, timer_start

from .broadcast import broadcast_room, broadcast_room_on_commit
from .fastlane import TIMER_TRANSITIONS, Transition, check_version, timer_change
from .fastlane import StaleVersion as StaleVersion  # where consumers and callers catch it
from .models import (
    Connection,
    PhaseEvent,
    Room,
    Round,
    StepOut,
    Volunteer,
    new_display_token,
)
from .presence import present_user_ids

LABEL_MAX = 80


class MayIdentify(RoundError):
    """A case label may identify a patient; the person edits it, or keeps it knowingly."""

    def __init__(self, message: str, findings: list[dict[str, Any]]) -> None:
        super().__init__(message)
        self.findings = findings


def _check_label(change: "Change", label: str) -> None:
    if not label or change.args.get("keep") is True:
        return
    # Both languages: people write labels in their own, whatever the group speaks.
    findings = find_identifiers(label, None)
    if findings:
        raise MayIdentify(
            _("This label may identify a patient. Edit it, or keep it as it is."),
            [{"category": _(CATEGORY_LABELS.get(f.category, f.category)), "text": f.text}
             for f in findings],
        )


def room_for_meeting(meeting: Meeting) -> Room:
    room, _created = Room.objects.get_or_create(meeting=meeting)
    return room


def current_round(room: Room) -> Round | None:
    """The run of the agenda's current part, if it has one that has not ended."""
    return (room.rounds.filter(part_index=room.part_index).exclude(status=Status.ENDED)
            .order_by("-number").first())


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
    meeting_format: MeetingFormat
    part: Format
    now: float
    args: dict[str, Any]

    @property
    def fmt(self) -> Format:
        return self.part


def _role_in(room: Room, user: User) -> str | None:
    return (
        Membership.objects.filter(group_id=room.meeting.group_id, user=user)
        .values_list("role", flat=True)
        .first()
    )


def _leaders_away(room: Room) -> bool:
    leader_ids = list(
        Membership.objects.filter(
            group_id=room.meeting.group_id, role__in=[Role.LEADER, Role.CO_LEADER]
        ).values_list("user_id", flat=True)
    )
    return not present_user_ids(room, leader_ids)


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


def _user_id_arg(change: Change, message: str) -> int:
    user_id = change.args.get("user")
    if not isinstance(user_id, int) or isinstance(user_id, bool) or not 0 < user_id < 2**63:
        raise RoundError(message)
    return user_id


def _ask_for_cases(change: Change) -> None:
    change.room.asking_for_cases = True
    change.room.save(update_fields=["asking_for_cases"])


def _volunteer(change: Change) -> None:
    label = _clean_label(change.args.get("label"))
    _check_label(change, label)
    urgency = change.args.get("urgency", 2)
    if urgency not in (1, 2, 3) or isinstance(urgency, bool):
        raise RoundError(_("Choose how urgent your case is."))
    rnd = current_round(change.room)
    if rnd is not None and rnd.presenter_id == change.by.pk and rnd.kind == PartKind.ROUND:
        raise RoundError(_("You are already the presenter of this round."))
    Volunteer.objects.update_or_create(
        room=change.room, user=change.by, defaults={"label": label, "urgency": urgency}
    )


def _withdraw(change: Change) -> None:
    deleted, _rows = Volunteer.objects.filter(room=change.room, user=change.by).delete()
    if not deleted:
        raise RoundError(_("You have not offered a case."))


def _waiting_run(change: Change) -> Round:
    """The current part's run, created if it has none yet; refused once it started."""
    rnd = current_round(change.room)
    if rnd is not None and rnd.status != Status.WAITING:
        raise RoundError(_("The round has already started."))
    if rnd is None:
        number = (change.room.rounds.order_by("-number").values_list("number", flat=True)
                  .first() or 0) + 1
        rnd = Round(room=change.room, number=number, part_index=change.room.part_index,
                    kind=change.part.kind)
    return rnd


def _choose_presenter(change: Change) -> None:
    user_id = _user_id_arg(change, _("Choose a presenter from the list."))
    if not change.part.needs_presenter or change.part.kind == PartKind.FOLLOW_UP:
        raise RoundError(_("This part of the meeting has no presenter."))
    volunteer = Volunteer.objects.filter(room=change.room, user_id=user_id).first()
    is_member = Membership.objects.filter(
        group_id=change.room.meeting.group_id, user_id=user_id
    ).exists()
    if not is_member:
        raise RoundError(_("Choose a presenter from the list."))
    rnd = _waiting_run(change)
    if rnd.presenter_id and rnd.presenter_id != user_id:
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


def earlier_cases(room: Room) -> list[Round]:
    """The group's cases from earlier rounds, for a follow-up: newest first."""
    return list(
        Round.objects.filter(
            room__meeting__group_id=room.meeting.group_id, kind=PartKind.ROUND,
            status=Status.ENDED, presenter__isnull=False,
        ).select_related("room__meeting").order_by("-ended_at")[:30]
    )


def _choose_follow_up(change: Change) -> None:
    if change.part.kind != PartKind.FOLLOW_UP:
        raise RoundError(_("Choose a follow-up in the follow-up part of the meeting."))
    round_id = change.args.get("round")
    earlier = {r.pk: r for r in earlier_cases(change.room)}
    if not isinstance(round_id, int) or isinstance(round_id, bool) or round_id not in earlier:
        raise RoundError(_("Choose a case from the list of earlier cases."))
    case = earlier[round_id]
    rnd = _waiting_run(change)
    rnd.presenter_id = case.presenter_id
    rnd.label = case.label
    rnd.follow_up_of = case
    rnd.save()


def _start_check_in(change: Change, rnd: Round) -> None:
    """Each present participant has a short turn, in the order of the participants' list."""
    memberships = Membership.objects.filter(group_id=change.room.meeting.group_id).order_by(
        "user__display_name", "user__email").values_list("user_id", flat=True)
    rnd.speaker_order = present_user_ids(change.room, list(memberships))
    rnd.speaker_index = 0


def _per_person_timer(change: Change) -> Timer:
    seconds = change.part.per_person_seconds or 60
    return timer_start(now=change.now, minutes=seconds / 60)


def _next_speaker(state: RoundState, change: Change, rnd: Round) -> RoundState:
    if change.part.per_person_seconds is None:
        raise RoundError(_("Turns are only taken in the check-in."))
    if state.status not in (Status.RUNNING, Status.PAUSED):
        raise RoundError(_("The check-in has not started yet."))
    if rnd.speaker_index + 1 >= len(rnd.speaker_order):
        raise RoundError(_("Everyone has had a turn. End the check-in."))
    rnd.speaker_index += 1
    return replace(state, status=Status.RUNNING, timer=_per_person_timer(change))


def _start(state: RoundState, change: Change, rnd: Round) -> RoundState:
    started = rounds.round_start(state, change.part, now=change.now,
                                 has_presenter=(rnd.presenter_id is not None
                                                or not change.part.needs_presenter))
    if change.part.per_person_seconds is not None:
        _start_check_in(change, rnd)
        started = replace(started, timer=_per_person_timer(change))
    return started


def _end(state: RoundState, change: Change, rnd: Round) -> RoundState:
    ended = rounds.round_end(state, now=change.now)
    room = change.room
    room.part_index = rnd.part_index + 1
    room.banner = ""
    room.hands = []
    room.speaker = None
    room.save(update_fields=["part_index", "banner", "hands", "speaker"])
    StepOut.objects.filter(room=room, returned_at__isnull=True).update(
        returned_at=timezone.now())
    return ended


def _skip_part(change: Change) -> None:
    rnd = current_round(change.room)
    if rnd is not None:
        if rnd.status != Status.WAITING:
            raise RoundError(_("This part has started. End it instead."))
        if rnd.presenter_id and rnd.kind == PartKind.ROUND:
            Volunteer.objects.get_or_create(
                room=change.room, user_id=rnd.presenter_id, defaults={"label": rnd.label})
        rnd.delete()
    change.room.part_index += 1
    change.room.save(update_fields=["part_index"])


def _timer_transition(
    transition: Transition,
) -> Callable[[RoundState, Change, Round], RoundState]:
    return lambda state, change, rnd: transition(state, change.part, change.now, change.args)


def _transition(
    apply: Callable[[RoundState, Change, Round], RoundState],
) -> Callable[[Change], Round]:
    def handler(change: Change) -> Round:
        rnd = current_round(change.room)
        if rnd is None and change.args["action"] == Action.START:
            rnd = _waiting_run(change)
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


# --- the leader's console -----------------------------------------------------------------

def _show_prompt(change: Change) -> None:
    from balintroom.groups.selectors import prompt_cards_for

    card_id = change.args.get("card")
    cards = {card.pk: card.text for card in prompt_cards_for(change.room.meeting.group)}
    if not isinstance(card_id, int) or isinstance(card_id, bool) or card_id not in cards:
        raise RoundError(_("Choose one of the group's prompt cards."))
    change.room.banner = cards[card_id][:200]
    change.room.save(update_fields=["banner"])


def _hide_prompt(change: Change) -> None:
    change.room.banner = ""
    change.room.save(update_fields=["banner"])


def _raise_hand(change: Change) -> None:
    if change.by.pk not in change.room.hands:
        change.room.hands = [*change.room.hands, change.by.pk]
        change.room.save(update_fields=["hands"])


def _lower_hand(change: Change) -> None:
    if change.by.pk not in change.room.hands:
        raise RoundError(_("Your hand is not raised."))
    change.room.hands = [uid for uid in change.room.hands if uid != change.by.pk]
    change.room.save(update_fields=["hands"])


def _call_on(change: Change) -> None:
    """Give the word: to the given person in the queue, or to the first."""
    hands = list(change.room.hands)
    if not hands:
        raise RoundError(_("No hand is raised."))
    user_id = change.args.get("user", hands[0])
    if user_id not in hands or isinstance(user_id, bool):
        raise RoundError(_("That person has not raised a hand."))
    change.room.hands = [uid for uid in hands if uid != user_id]
    change.room.speaker_id = user_id
    change.room.save(update_fields=["hands", "speaker"])


def _name_mode(change: Change) -> None:
    on = change.args.get("on")
    if not isinstance(on, bool):
        raise RoundError(_("Say whether to turn the mode on or off."))
    change.room.name_mode = on
    change.room.save(update_fields=["name_mode"])


def _name_backup(change: Change) -> None:
    if change.args.get("user") is None:
        change.room.backup = None
    else:
        user_id = _user_id_arg(change, _("Choose a member of the group as back-up."))
        if not Membership.objects.filter(group_id=change.room.meeting.group_id,
                                         user_id=user_id, role=Role.MEMBER).exists():
            raise RoundError(_("Choose a member of the group as back-up."))
        change.room.backup_id = user_id
    change.room.save(update_fields=["backup"])


# --- the Lindauer rule ----------------------------------------------------------------------

def _case_run(change: Change) -> Round:
    rnd = current_round(change.room)
    if rnd is None or rnd.status not in (Status.RUNNING, Status.PAUSED) \
            or not part_at(change.meeting_format, rnd.part_index).needs_presenter:
        raise RoundError(_("No case is being presented right now."))
    if rnd.presenter_id == change.by.pk:
        raise RoundError(_("You are presenting this case."))
    return rnd


def _may_know_patient(change: Change) -> None:
    rnd = _case_run(change)
    StepOut.objects.get_or_create(room=change.room, user=change.by, round=rnd,
                                  returned_at__isnull=True,
                                  defaults={"signalled_at": timezone.now()})


def _step_out(change: Change) -> None:
    rnd = _case_run(change)
    step_out, _created = StepOut.objects.get_or_create(
        room=change.room, user=change.by, round=rnd, returned_at__isnull=True)
    if step_out.stepped_out_at is not None:
        raise RoundError(_("You are already outside."))
    step_out.stepped_out_at = timezone.now()
    step_out.save(update_fields=["stepped_out_at"])


def _let_back(change: Change) -> None:
    user_id = _user_id_arg(change, _("Choose who may come back."))
    updated = StepOut.objects.filter(room=change.room, user_id=user_id,
                                     returned_at__isnull=True).update(returned_at=timezone.now())
    if not updated:
        raise RoundError(_("That person is not outside."))


HANDLERS: dict[Action, Callable[[Change], object]] = {
    Action.ASK_FOR_CASES: _ask_for_cases,
    Action.VOLUNTEER: _volunteer,
    Action.WITHDRAW: _withdraw,
    Action.CHOOSE_PRESENTER: _choose_presenter,
    Action.CHOOSE_FOLLOW_UP: _choose_follow_up,
    Action.START: _transition(_start),
    **{action: _transition(_timer_transition(change)) for action, change
       in TIMER_TRANSITIONS.items()},
    Action.END: _transition(_end),
    Action.NEXT_SPEAKER: _transition(_next_speaker),
    Action.SKIP_PART: _skip_part,
    Action.SHOW_PROMPT: _show_prompt,
    Action.HIDE_PROMPT: _hide_prompt,
    Action.RAISE_HAND: _raise_hand,
    Action.LOWER_HAND: _lower_hand,
    Action.CALL_ON: _call_on,
    Action.NAME_MODE: _name_mode,
    Action.NAME_BACKUP: _name_backup,
    Action.MAY_KNOW_PATIENT: _may_know_patient,
    Action.STEP_OUT: _step_out,
    Action.LET_BACK: _let_back,
}


def room_act(*, meeting_id: int, by: User, action: Action, args: dict[str, Any] | None = None,
             expected_version: int | None = None) -> int:
    """Do one action in a meeting's room; returns the room's new version.

    Raises RoundError (with a message for the person) when the action is not allowed;
    then nothing has changed.
    """
    done = timer_change(meeting_id=meeting_id, by=by, action=action, args=args or {},
                        expected_version=expected_version)
    if done is not None:
        return done
    with transaction.atomic():
        room = (
            Room.objects.select_for_update().select_related("meeting").filter(
                meeting_id=meeting_id).first()
        )
        if room is None:
            raise RoundError(_("You are not a participant of this meeting."))
        role = _role_in(room, by)
        stands_in = (action in rounds.STEERING_ACTIONS and role == Role.MEMBER
                     and room.backup_id == by.pk and _leaders_away(room))
        rounds.check_may(role, action, stands_in=stands_in)
        steers = action in rounds.VERSIONED_ACTIONS
        if steers:
            check_version(expected_version, room.steered_version)
        meeting_format = meeting_format_for(room.meeting)
        change = Change(
            room=room, by=by, role=role or "", meeting_format=meeting_format,
            part=part_at(meeting_format, room.part_index),
            now=time.time(), args={**(args or {}), "action": action.value},
        )
        HANDLERS[action](change)
        return _bump(room, steered=steers)


def _bump(room: Room, *, steered: bool = False, broadcast: bool = True) -> int:
    room.version += 1
    fields = ["version"]
    if steered:
        room.steered_version = room.version
        fields.append("steered_version")
    room.save(update_fields=fields)
    if broadcast:
        broadcast_room_on_commit(room.pk)
    return room.version


def room_renew_display_token(*, room: Room) -> Room:
    with transaction.atomic():
        room = Room.objects.select_for_update().get(pk=room.pk)
        room.display_token = new_display_token()
        room.save(update_fields=["display_token"])
        # Displays opened with the old link are closed.
        broadcast_room_on_commit(room.pk)
    return room


# --- presence ---------------------------------------------------------------------------

def connection_open(*, room_id: int, user: User, channel_name: str) -> dict[str, Any] | None:
    """Record the socket and broadcast the room's new state; returns that broadcast, so
    that the new socket is sent the same state without building it a second time."""
    with transaction.atomic():
        room = Room.objects.select_for_update().get(pk=room_id)
        Connection.objects.create(room=room, user=user, channel_name=channel_name)
        _bump(room, broadcast=False)
    return broadcast_room(room_id)


def room_version(*, room_id: int) -> int | None:
    return Room.objects.filter(pk=room_id).values_list("version", flat=True).first()


def connection_close(*, channel_name: str) -> None:
    with transaction.atomic():
        connection = Connection.objects.filter(channel_name=channel_name).first()
        if connection is None:
            return
        room = Room.objects.select_for_update().get(pk=connection.room_id)
        connection.closed_at = timezone.now()
        connection.save(update_fields=["closed_at"])
        _bump(room)


def connection_seen(*, channel_name: str, room_id: int) -> int | None:
    """Keep the socket's heartbeat fresh; returns the room's version for the pong."""
    Connection.objects.filter(
        channel_name=channel_name, closed_at__isnull=True,
        last_seen__lt=timezone.now() - timedelta(seconds=10),
    ).update(last_seen=timezone.now())
    return room_version(room_id=room_id)


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
