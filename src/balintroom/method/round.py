"""One Balint round as a state machine: the transitions a leader makes, and who may make them.

Every transition takes the current state and the server's time and returns the new
state, or raises ``RoundError`` with a message a person can read.
"""

from dataclasses import dataclass, replace
from enum import StrEnum

from .formats import Format
from .roles import Role, leads
from .text import _
from .timer import Timer, timer_extend, timer_left, timer_pause, timer_resume, timer_start


class Status(StrEnum):
    WAITING = "waiting"  # presenter being chosen; no phase yet
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


class Action(StrEnum):
    ASK_FOR_CASES = "ask_for_cases"
    VOLUNTEER = "volunteer"
    WITHDRAW = "withdraw"
    CHOOSE_PRESENTER = "choose_presenter"
    START = "start"
    ADVANCE = "advance"
    BACK = "back"
    PAUSE = "pause"
    RESUME = "resume"
    EXTEND = "extend"
    END = "end"
    END_MEETING = "end_meeting"
    # the meeting's agenda
    CHOOSE_FOLLOW_UP = "choose_follow_up"
    NEXT_SPEAKER = "next_speaker"
    SKIP_PART = "skip_part"
    # the leader's console
    SHOW_PROMPT = "show_prompt"
    HIDE_PROMPT = "hide_prompt"
    CALL_ON = "call_on"
    NAME_MODE = "name_mode"
    NAME_BACKUP = "name_backup"
    LET_BACK = "let_back"
    SEE_OUT = "see_out"
    RENEW_DISPLAY_LINK = "renew_display_link"
    # every participant
    RAISE_HAND = "raise_hand"
    LOWER_HAND = "lower_hand"
    MAY_KNOW_PATIENT = "may_know_patient"
    STEP_OUT = "step_out"


# Actions that steer the meeting: they carry the version the leader saw, and are refused
# when the round has changed since, so that two leaders pressing at once do one thing. A
# back-up the leader named may take these over when no leader is in the room.
STEERING_ACTIONS = frozenset(
    {
        Action.ASK_FOR_CASES,
        Action.CHOOSE_PRESENTER,
        Action.CHOOSE_FOLLOW_UP,
        Action.START,
        Action.ADVANCE,
        Action.BACK,
        Action.PAUSE,
        Action.RESUME,
        Action.EXTEND,
        Action.END,
        Action.END_MEETING,
        Action.NEXT_SPEAKER,
        Action.SKIP_PART,
    }
)
CONSOLE_ACTIONS = frozenset(
    {
        Action.SHOW_PROMPT,
        Action.HIDE_PROMPT,
        Action.CALL_ON,
        Action.NAME_MODE,
        Action.NAME_BACKUP,
        Action.LET_BACK,
        Action.SEE_OUT,
        Action.RENEW_DISPLAY_LINK,
    }
)
LEADER_ACTIONS = STEERING_ACTIONS | CONSOLE_ACTIONS
MEMBER_ACTIONS = frozenset(
    {
        Action.VOLUNTEER,
        Action.WITHDRAW,
        Action.RAISE_HAND,
        Action.LOWER_HAND,
        Action.MAY_KNOW_PATIENT,
        Action.STEP_OUT,
    }
)
VERSIONED_ACTIONS = STEERING_ACTIONS

EXTEND_CHOICES = (1, 5)


class RoundError(Exception):
    """A transition that is not allowed; ``message`` is for the person who tried it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def may(role: Role | str | None, action: Action, *, stands_in: bool = False) -> bool:
    """Leaders and co-leaders keep the frame; any participant may volunteer a case.

    ``stands_in``: the person is the back-up the leader named, and no leader is in the
    room (their connections dropped longer ago than the grace period). She then steers
    the round, until a leader is back.
    """
    if action in STEERING_ACTIONS and stands_in and role == Role.MEMBER:
        return True
    if action in LEADER_ACTIONS:
        return leads(role)
    if action in MEMBER_ACTIONS:
        return role in (Role.LEADER, Role.CO_LEADER, Role.MEMBER)
    return False


def check_may(role: Role | str | None, action: Action, *, stands_in: bool = False) -> None:
    if not may(role, action, stands_in=stands_in):
        if action in LEADER_ACTIONS:
            raise RoundError(_("Only the leader or co-leader can do that."))
        raise RoundError(_("You are not a participant of this meeting."))


@dataclass(frozen=True)
class RoundState:
    status: Status = Status.WAITING
    phase_index: int = 0
    timer: Timer = Timer()

    def left(self, *, now: float) -> float:
        return timer_left(self.timer, now=now)


def _require_live(state: RoundState) -> None:
    if state.status == Status.WAITING:
        raise RoundError(_("The round has not started yet."))
    if state.status == Status.ENDED:
        raise RoundError(_("The round has ended."))


def round_start(state: RoundState, fmt: Format, *, now: float, has_presenter: bool) -> RoundState:
    if state.status == Status.ENDED:
        raise RoundError(_("The round has ended."))
    if state.status != Status.WAITING:
        raise RoundError(_("The round has already started."))
    if not has_presenter:
        raise RoundError(_("Choose a presenter before starting the round."))
    return RoundState(
        status=Status.RUNNING,
        phase_index=0,
        timer=timer_start(now=now, minutes=fmt.phase(0).minutes),
    )


def _phase_timer(fmt: Format, index: int, *, now: float, left: float | None) -> Timer:
    """A phase's time from now: what it had left when the round last went past it, or
    its full time the first time."""
    if left is not None:
        return Timer(deadline=now + left)
    return timer_start(now=now, minutes=fmt.phase(index).minutes)


def round_advance(state: RoundState, fmt: Format, *, now: float,
                  left: float | None = None) -> RoundState:
    """To the next phase, with the time `left` it had when the round went back past it, or
    its full time; a paused round runs again. The last phase does not advance: the
    leader ends the round instead."""
    _require_live(state)
    if state.phase_index >= fmt.last_index:
        raise RoundError(_("This is the last phase. End the round instead."))
    index = state.phase_index + 1
    return RoundState(status=Status.RUNNING, phase_index=index,
                      timer=_phase_timer(fmt, index, now=now, left=left))


def round_back(state: RoundState, fmt: Format, *, now: float,
               left: float | None = None) -> RoundState:
    """Back to the previous phase, with the time `left` it had when the round moved on
    (its full time if that is not known)."""
    _require_live(state)
    if state.phase_index == 0:
        raise RoundError(_("This is the first phase; there is none before it."))
    index = state.phase_index - 1
    return RoundState(status=Status.RUNNING, phase_index=index,
                      timer=_phase_timer(fmt, index, now=now, left=left))


def round_pause(state: RoundState, *, now: float) -> RoundState:
    _require_live(state)
    if state.status == Status.PAUSED:
        raise RoundError(_("The round is already paused."))
    return replace(state, status=Status.PAUSED, timer=timer_pause(state.timer, now=now))


def round_resume(state: RoundState, *, now: float) -> RoundState:
    _require_live(state)
    if state.status != Status.PAUSED:
        raise RoundError(_("The round is not paused."))
    return replace(state, status=Status.RUNNING, timer=timer_resume(state.timer, now=now))


def round_extend(state: RoundState, *, now: float, minutes: int) -> RoundState:
    _require_live(state)
    if minutes not in EXTEND_CHOICES:
        raise RoundError(_("The time can be extended by 1 or 5 minutes."))
    return replace(state, timer=timer_extend(state.timer, now=now, minutes=minutes))


def round_end(state: RoundState, *, now: float) -> RoundState:
    if state.status == Status.ENDED:
        raise RoundError(_("The round has ended."))
    return RoundState(status=Status.ENDED, phase_index=state.phase_index, timer=Timer())
