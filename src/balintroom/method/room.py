"""The live room as plain data, and the one function that changes it.

A room holds where the meeting is in its agenda, the runs of its parts (Balint rounds,
check-ins, follow-ups...), who has offered a case, raised hands, the leader's banner, the
Lindauer step-outs and the room's versions. `room_apply` takes a room, who acts and what
she asks, and returns the room after the action, or raises RoundError with a message for
her. Every rule of the live room is applied here and nowhere else: the web layer loads a
room, calls `room_apply`, and stores what changed; the model-based test holds the stored
room against this function.

Times are seconds since the epoch, from the server's clock, passed in as ``now``.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from .agenda import MeetingFormat, part_at
from .formats import Format, PartKind, Speaker
from .roles import Role, leads
from .round import (
    STEERING_ACTIONS,
    VERSIONED_ACTIONS,
    Action,
    RoundError,
    RoundState,
    Status,
    check_may,
    round_advance,
    round_back,
    round_end,
    round_extend,
    round_pause,
    round_resume,
    round_start,
)
from .text import _
from .timer import Timer, timer_left, timer_start

URGENCIES = (1, 2, 3)  # can wait, would like to, urgent
BANNER_MAX = 200


class StaleVersion(RoundError):
    """The room changed after the leader saw it; her action would act on an old picture."""


@dataclass(frozen=True)
class Run:
    """One run of a part of the agenda: a Balint round, a check-in, a follow-up..."""

    number: int
    part_index: int
    kind: PartKind
    state: RoundState = RoundState()
    presenter: int | None = None
    label: str = ""
    # A follow-up tells what happened next with the case of an earlier run (its id).
    follow_up_of: int | None = None
    # Check-in: who speaks in which order, and whose turn it is.
    speaker_order: tuple[int, ...] = ()
    speaker_index: int = 0
    # Seconds each phase had left when the round last went past it (None: not yet left),
    # so that going back and forward again keeps each phase's time.
    phase_left: tuple[float | None, ...] = ()
    started_at: float | None = None
    ended_at: float | None = None

    @property
    def status(self) -> Status:
        return self.state.status

    def left_of(self, index: int) -> float | None:
        return self.phase_left[index] if 0 <= index < len(self.phase_left) else None


@dataclass(frozen=True)
class Offer:
    """A member who has a case to bring in this meeting."""

    user: int
    label: str = ""
    urgency: int = 2


@dataclass(frozen=True)
class StepOut:
    """The Lindauer rule: she may know the patient of the run with this number; she may
    step out until a leader lets her back. The times count for attendance."""

    user: int
    run: int
    signalled_at: float
    stepped_out_at: float | None = None
    returned_at: float | None = None

    @property
    def open(self) -> bool:
        return self.returned_at is None

    @property
    def outside(self) -> bool:
        return self.stepped_out_at is not None and self.returned_at is None


@dataclass(frozen=True)
class RoomState:
    part_index: int = 0
    # Every run of the room so far, in the order they were made (their numbers).
    runs: tuple[Run, ...] = ()
    asking_for_cases: bool = False
    # In the order they were first offered; the room shows the urgent ones first.
    offers: tuple[Offer, ...] = ()
    banner: str = ""
    name_mode: bool = False
    hands: tuple[int, ...] = ()
    speaker: int | None = None
    # The member who steers when no leader is in the room.
    backup: int | None = None
    # Every step-out of the room, in the order they were signalled.
    step_outs: tuple[StepOut, ...] = ()
    display_token: str = ""
    # When the leader ended the meeting: from then on the room is as it was, for good.
    ended_at: float | None = None
    # Grows with every change anyone can see; steered_version with every change to how
    # the meeting is steered, which a leader must have seen before she steers again.
    version: int = 1
    steered_version: int = 1

    @property
    def run(self) -> Run | None:
        """The current part's run, until it ends."""
        return current_run(self)

    @property
    def rounds_done(self) -> int:
        return sum(1 for r in self.runs if r.kind == PartKind.ROUND and r.status == Status.ENDED)

    @property
    def outside(self) -> tuple[int, ...]:
        return tuple(s.user for s in self.step_outs if s.outside)

    @property
    def open_step_outs(self) -> tuple[StepOut, ...]:
        return tuple(s for s in self.step_outs if s.open)


def current_run(room: RoomState) -> Run | None:
    found = None
    for run in room.runs:
        if run.part_index == room.part_index and run.status != Status.ENDED:
            found = run
    return found


@dataclass(frozen=True)
class Person:
    id: int
    role: Role | str
    present: bool  # online or reconnecting


@dataclass(frozen=True)
class EarlierCase:
    """A case of an earlier round that a follow-up may take up."""

    id: int
    presenter: int
    label: str


@dataclass(frozen=True)
class Context:
    """What the rules need to know beyond the room itself."""

    meeting_format: MeetingFormat
    # Everyone who may be in the room, in the room's order, present or not.
    people: tuple[Person, ...] = ()
    # Loaded only for the actions that need them.
    earlier_cases: Mapping[int, EarlierCase] = field(default_factory=dict)
    prompt_cards: Mapping[int, str] = field(default_factory=dict)

    def role_of(self, user: int) -> str | None:
        return next((str(p.role) for p in self.people if p.id == user), None)


@dataclass(frozen=True)
class Args:
    """An action's arguments, checked for their types before the action is applied."""

    label: str = ""
    urgency: int = 2
    user: int | None = None
    minutes: int = 0
    round: int | None = None
    card: int | None = None
    on: bool = False
    token: str = ""


def check_version(expected_version: int | None, room: RoomState) -> None:
    """A steering action carries the version the leader last saw: refused if the round
    was steered since, or if the version is one the room never had."""
    if not isinstance(expected_version, int) or isinstance(expected_version, bool) \
            or not room.steered_version <= expected_version <= room.version:
        raise StaleVersion(
            _("The round changed a moment ago. Look again, then choose what to do.")
        )


def leaders_present(ctx: Context) -> bool:
    return any(leads(p.role) and p.present for p in ctx.people)


def room_apply(room: RoomState, ctx: Context, *, by: int | None, role: str | None,
               action: Action, args: Args, expected_version: int | None,
               now: float) -> RoomState:
    """The room after `by` (in `role`; None if she may not be in the room; `by` None is the
    room display) did `action`.

    Returns `room` itself when the action changes nothing; raises RoundError when it is
    not allowed, and then nothing has changed."""
    if by is None:
        raise RoundError(_("The room display only shows the room."))
    if room.ended_at is not None:
        raise RoundError(_("The meeting has ended."))
    stands_in = (action in STEERING_ACTIONS and role == Role.MEMBER and room.backup == by
                 and not leaders_present(ctx))
    check_may(role, action, stands_in=stands_in)
    if action in VERSIONED_ACTIONS:
        check_version(expected_version, room)
    acting = _Acting(room=room, ctx=ctx, by=by, args=args, now=now,
                     part=part_at(ctx.meeting_format, room.part_index))
    after = _HANDLERS[action](acting)
    if after == room:
        return room
    version = room.version + 1
    return replace(after, version=version,
                   steered_version=version if action in VERSIONED_ACTIONS
                   else room.steered_version)


def room_seen_change(room: RoomState) -> RoomState:
    """The room after something around it changed that everyone sees (who is present,
    who belongs to the group): a new version, the round as it was."""
    return replace(room, version=room.version + 1)


def room_times(room: RoomState, moment: Callable[[float], float],
               known: RoomState | None = None) -> RoomState:
    """The room with every point in time passed through `moment` (e.g. rounded as the
    database keeps it); durations stay as they are. Runs and step-outs that are those of
    `known` (the room before a change, whose times went through `moment` already) are
    kept as they are."""
    def at(value: float | None) -> float | None:
        return None if value is None else moment(value)

    old_runs = {id(r) for r in known.runs} if known is not None else set()
    old_step_outs = {id(s) for s in known.step_outs} if known is not None else set()
    runs = tuple(
        r if id(r) in old_runs else
        replace(r, state=replace(r.state, timer=replace(r.state.timer,
                                                        deadline=at(r.state.timer.deadline))),
                started_at=at(r.started_at), ended_at=at(r.ended_at))
        for r in room.runs)
    step_outs = tuple(
        s if id(s) in old_step_outs else
        replace(s, signalled_at=moment(s.signalled_at), stepped_out_at=at(s.stepped_out_at),
                returned_at=at(s.returned_at))
        for s in room.step_outs)
    return replace(room, runs=runs, step_outs=step_outs, ended_at=at(room.ended_at))


# --- the actions ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Acting:
    room: RoomState
    ctx: Context
    by: int
    args: Args
    now: float
    part: Format


def _with_run(room: RoomState, run: Run) -> RoomState:
    """The room with this run replaced (by its number), or added."""
    runs = tuple(run if r.number == run.number else r for r in room.runs)
    if not any(r.number == run.number for r in room.runs):
        runs = (*room.runs, run)
    return replace(room, runs=runs)


def _without_run(room: RoomState, number: int) -> RoomState:
    return replace(room, runs=tuple(r for r in room.runs if r.number != number))


def _offer_back(room: RoomState, user: int, label: str) -> RoomState:
    """An earlier choice of presenter goes back to the list of those with a case."""
    if any(o.user == user for o in room.offers):
        return room
    return replace(room, offers=(*room.offers, Offer(user=user, label=label)))


def _without_offer(room: RoomState, user: int) -> RoomState:
    return replace(room, offers=tuple(o for o in room.offers if o.user != user))


def _ask_for_cases(a: _Acting) -> RoomState:
    return replace(a.room, asking_for_cases=True)


def _volunteer(a: _Acting) -> RoomState:
    if a.args.urgency not in URGENCIES:
        raise RoundError(_("Choose how urgent your case is."))
    run = a.room.run
    if run is not None and run.presenter == a.by and run.kind == PartKind.ROUND:
        raise RoundError(_("You are already the presenter of this round."))
    offer = Offer(user=a.by, label=a.args.label, urgency=a.args.urgency)
    if any(o.user == a.by for o in a.room.offers):
        offers = tuple(offer if o.user == a.by else o for o in a.room.offers)
    else:
        offers = (*a.room.offers, offer)
    return replace(a.room, offers=offers)


def _withdraw(a: _Acting) -> RoomState:
    if not any(o.user == a.by for o in a.room.offers):
        raise RoundError(_("You have not offered a case."))
    return _without_offer(a.room, a.by)


def _waiting_run(a: _Acting) -> Run:
    """The current part's run, made if it has none yet; refused once it started."""
    run = a.room.run
    if run is not None and run.status != Status.WAITING:
        raise RoundError(_("The round has already started."))
    if run is None:
        number = max((r.number for r in a.room.runs), default=0) + 1
        run = Run(number=number, part_index=a.room.part_index, kind=a.part.kind)
    return run


def _choose_presenter(a: _Acting) -> RoomState:
    user = a.args.user
    if not a.part.needs_presenter or a.part.kind == PartKind.FOLLOW_UP:
        raise RoundError(_("This part of the meeting has no presenter."))
    if user is None or a.ctx.role_of(user) is None:
        raise RoundError(_("Choose a presenter from the list."))
    run = _waiting_run(a)
    room = a.room
    if run.presenter is not None and run.presenter != user:
        room = _offer_back(room, run.presenter, run.label)
    offer = next((o for o in room.offers if o.user == user), None)
    if offer is not None:
        label = offer.label
    elif run.presenter != user:
        label = ""
    else:
        label = run.label
    room = _with_run(room, replace(run, presenter=user, label=label))
    return replace(_without_offer(room, user), asking_for_cases=False)


def _choose_follow_up(a: _Acting) -> RoomState:
    if a.part.kind != PartKind.FOLLOW_UP:
        raise RoundError(_("Choose a follow-up in the follow-up part of the meeting."))
    case = a.ctx.earlier_cases.get(a.args.round) if a.args.round is not None else None
    if case is None:
        raise RoundError(_("Choose a case from the list of earlier cases."))
    run = _waiting_run(a)
    return _with_run(a.room, replace(run, presenter=case.presenter, label=case.label,
                                     follow_up_of=case.id))


def _per_person_timer(a: _Acting) -> Timer:
    seconds = a.part.per_person_seconds or 60
    return timer_start(now=a.now, minutes=seconds / 60)


def _running_run(a: _Acting) -> Run:
    run = a.room.run
    if run is None:
        raise RoundError(_("There is no round yet. Choose a presenter first."))
    return run


def _start(a: _Acting) -> RoomState:
    run = a.room.run or _waiting_run(a)
    state = round_start(run.state, a.part, now=a.now,
                        has_presenter=run.presenter is not None or not a.part.needs_presenter)
    if a.part.per_person_seconds is not None:
        # Each one present has a short turn, in the order of the room's list.
        order = tuple(p.id for p in a.ctx.people if p.present)
        run = replace(run, speaker_order=order, speaker_index=0)
        state = replace(state, timer=_per_person_timer(a))
    # The speaking queue belongs to a phase: the first one starts with nobody waiting.
    return replace(_with_run(a.room, replace(run, state=state, started_at=a.now)),
                   hands=(), speaker=None)


def _phase_change(change: Callable[[RoundState, Run, _Acting], RoundState]
                  ) -> Callable[[_Acting], RoomState]:
    def handler(a: _Acting) -> RoomState:
        run = _running_run(a)
        state = change(run.state, run, a)
        if state.phase_index == run.state.phase_index:
            return _with_run(a.room, replace(run, state=state))
        # The phase left keeps the time it had, for when the round comes back to it.
        left = list(run.phase_left) + [None] * (len(a.part.phases) - len(run.phase_left))
        left[run.state.phase_index] = timer_left(run.state.timer, now=a.now)
        room = _with_run(a.room, replace(run, state=state, phase_left=tuple(left)))
        # A new phase starts with nobody waiting to speak: hands raised to comment in the
        # exploration must not carry over into the presenter's return.
        return replace(room, hands=(), speaker=None)
    return handler


def _advance(state: RoundState, run: Run, a: _Acting) -> RoundState:
    return round_advance(state, a.part, now=a.now, left=run.left_of(state.phase_index + 1))


def _back(state: RoundState, run: Run, a: _Acting) -> RoundState:
    return round_back(state, a.part, now=a.now, left=run.left_of(state.phase_index - 1))


def _extend(state: RoundState, run: Run, a: _Acting) -> RoundState:
    return round_extend(state, now=a.now, minutes=a.args.minutes)


def _next_speaker(a: _Acting) -> RoomState:
    run = _running_run(a)
    if a.part.per_person_seconds is None:
        raise RoundError(_("Turns are only taken in the check-in."))
    if run.status not in (Status.RUNNING, Status.PAUSED):
        raise RoundError(_("The check-in has not started yet."))
    if run.speaker_index + 1 >= len(run.speaker_order):
        raise RoundError(_("Everyone has had a turn. End the check-in."))
    state = replace(run.state, status=Status.RUNNING, timer=_per_person_timer(a))
    return _with_run(a.room, replace(run, state=state, speaker_index=run.speaker_index + 1))


def _end(a: _Acting) -> RoomState:
    run = _running_run(a)
    ended = replace(run, state=round_end(run.state, now=a.now), ended_at=a.now)
    step_outs = tuple(replace(s, returned_at=a.now) if s.open else s
                      for s in a.room.step_outs)
    return replace(_with_run(a.room, ended), part_index=run.part_index + 1, banner="",
                   hands=(), speaker=None, step_outs=step_outs)


def _skip_part(a: _Acting) -> RoomState:
    room = a.room
    run = room.run
    if run is not None:
        if run.status != Status.WAITING:
            raise RoundError(_("This part has started. End it instead."))
        if run.presenter is not None and run.kind == PartKind.ROUND:
            room = _offer_back(room, run.presenter, run.label)
        room = _without_run(room, run.number)
    return replace(room, part_index=room.part_index + 1)


def _show_prompt(a: _Acting) -> RoomState:
    text = a.ctx.prompt_cards.get(a.args.card) if a.args.card is not None else None
    if text is None:
        raise RoundError(_("Choose one of the group's prompt cards."))
    return replace(a.room, banner=text[:BANNER_MAX])


def _hide_prompt(a: _Acting) -> RoomState:
    return replace(a.room, banner="")


def hands_closed(meeting_format: MeetingFormat, run: Run | None) -> str:
    """Who raises no hand now: "everyone" while the group listens to the presenter (the
    presentation, her return, a follow-up), "presenter" while she sits back and listens,
    "" otherwise. The room shows it; _raise_hand holds to it."""
    if run is None or run.status not in (Status.RUNNING, Status.PAUSED):
        return ""
    phase = part_at(meeting_format, run.part_index).phase(run.state.phase_index)
    if phase.speaks == Speaker.PRESENTER:
        return "everyone"
    return "presenter" if phase.presenter_sits_back else ""


def _group_listens(a: _Acting) -> bool:
    """Whether she, in the current phase, listens and does not comment."""
    closed = hands_closed(a.ctx.meeting_format, a.room.run)
    return closed == "everyone" or (closed == "presenter" and a.room.run is not None
                                    and a.room.run.presenter == a.by)


def _raise_hand(a: _Acting) -> RoomState:
    if a.by in a.room.hands:
        return a.room
    if _group_listens(a):
        raise RoundError(_("This is a time for listening: no hands are raised now."))
    return replace(a.room, hands=(*a.room.hands, a.by))


def _lower_hand(a: _Acting) -> RoomState:
    if a.by not in a.room.hands:
        raise RoundError(_("Your hand is not raised."))
    return replace(a.room, hands=tuple(u for u in a.room.hands if u != a.by))


def _call_on(a: _Acting) -> RoomState:
    """Give the word: to the given person in the queue, or to the first."""
    hands = a.room.hands
    if not hands:
        raise RoundError(_("No hand is raised."))
    user = hands[0] if a.args.user is None else a.args.user
    if user not in hands:
        raise RoundError(_("That person has not raised a hand."))
    return replace(a.room, hands=tuple(u for u in hands if u != user), speaker=user)


def _name_mode(a: _Acting) -> RoomState:
    return replace(a.room, name_mode=a.args.on)


def _name_backup(a: _Acting) -> RoomState:
    user = a.args.user
    if user is not None and a.ctx.role_of(user) != Role.MEMBER:
        raise RoundError(_("Choose a member of the group as back-up."))
    return replace(a.room, backup=user)


def _case_run(a: _Acting) -> Run:
    run = a.room.run
    if run is None or run.status not in (Status.RUNNING, Status.PAUSED) \
            or not part_at(a.ctx.meeting_format, run.part_index).needs_presenter:
        raise RoundError(_("No case is being presented right now."))
    if run.presenter == a.by:
        raise RoundError(_("You are presenting this case."))
    return run


def _open_step_out(room: RoomState, user: int, run: int) -> int | None:
    return next((i for i, s in enumerate(room.step_outs)
                 if s.user == user and s.run == run and s.open), None)


def _may_know_patient(a: _Acting) -> RoomState:
    run = _case_run(a)
    if _open_step_out(a.room, a.by, run.number) is not None:
        return a.room
    signal = StepOut(user=a.by, run=run.number, signalled_at=a.now)
    return replace(a.room, step_outs=(*a.room.step_outs, signal))


def _step_out(a: _Acting) -> RoomState:
    run = _case_run(a)
    index = _open_step_out(a.room, a.by, run.number)
    step_outs = list(a.room.step_outs)
    if index is None:
        step_outs.append(StepOut(user=a.by, run=run.number, signalled_at=a.now))
        index = len(step_outs) - 1
    if step_outs[index].stepped_out_at is not None:
        raise RoundError(_("You are already outside."))
    step_outs[index] = replace(step_outs[index], stepped_out_at=a.now)
    return replace(a.room, step_outs=tuple(step_outs))


def _let_back(a: _Acting) -> RoomState:
    user = a.args.user
    if user is None:
        raise RoundError(_("Choose who may come back."))
    if not any(s.user == user and s.open for s in a.room.step_outs):
        raise RoundError(_("That person is not outside."))
    return replace(a.room, step_outs=tuple(
        replace(s, returned_at=a.now) if s.user == user and s.open else s
        for s in a.room.step_outs))


def _see_out(a: _Acting) -> RoomState:
    """A leader answers a Lindauer signal: she who may know the patient steps out now."""
    user = a.args.user
    index = next((i for i, s in enumerate(a.room.step_outs)
                  if s.user == user and s.open), None)
    if index is None:
        raise RoundError(_("That person has not said she may know the patient."))
    if a.room.step_outs[index].stepped_out_at is not None:
        raise RoundError(_("That person is outside already."))
    step_outs = list(a.room.step_outs)
    step_outs[index] = replace(step_outs[index], stepped_out_at=a.now)
    return replace(a.room, step_outs=tuple(step_outs))


def _end_meeting(a: _Acting) -> RoomState:
    """The meeting is over: a round under way ends, one not started is set aside, and
    the room stays as it is now, for good."""
    room = a.room
    run = room.run
    if run is not None and run.status == Status.WAITING:
        room = _without_run(room, run.number)
    elif run is not None:
        room = _with_run(room, replace(run, state=round_end(run.state, now=a.now),
                                       ended_at=a.now))
    step_outs = tuple(replace(s, returned_at=a.now) if s.open else s for s in room.step_outs)
    return replace(room, ended_at=a.now, banner="", hands=(), speaker=None,
                   asking_for_cases=False, step_outs=step_outs)


def _renew_display_link(a: _Acting) -> RoomState:
    if not a.args.token:
        raise RoundError(_("The display link could not be renewed."))
    return replace(a.room, display_token=a.args.token)


_HANDLERS: dict[Action, Callable[[_Acting], RoomState]] = {
    Action.ASK_FOR_CASES: _ask_for_cases,
    Action.VOLUNTEER: _volunteer,
    Action.WITHDRAW: _withdraw,
    Action.CHOOSE_PRESENTER: _choose_presenter,
    Action.CHOOSE_FOLLOW_UP: _choose_follow_up,
    Action.START: _start,
    Action.ADVANCE: _phase_change(_advance),
    Action.BACK: _phase_change(_back),
    Action.PAUSE: _phase_change(lambda s, run, a: round_pause(s, now=a.now)),
    Action.RESUME: _phase_change(lambda s, run, a: round_resume(s, now=a.now)),
    Action.EXTEND: _phase_change(_extend),
    Action.END: _end,
    Action.END_MEETING: _end_meeting,
    Action.NEXT_SPEAKER: _next_speaker,
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
    Action.SEE_OUT: _see_out,
    Action.RENEW_DISPLAY_LINK: _renew_display_link,
}
