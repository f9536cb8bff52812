"""The round as a state machine: every transition from every status, and who may make it."""

import contextlib
import random
from collections.abc import Callable
from dataclasses import FrozenInstanceError

import pytest

from balintroom.method.formats import CLASSIC_ROUND
from balintroom.method.roles import Role
from balintroom.method.round import (
    CONSOLE_ACTIONS,
    EXTEND_CHOICES,
    LEADER_ACTIONS,
    MEMBER_ACTIONS,
    STEERING_ACTIONS,
    VERSIONED_ACTIONS,
    Action,
    RoundError,
    RoundState,
    Status,
    check_may,
    may,
    round_advance,
    round_back,
    round_end,
    round_extend,
    round_pause,
    round_resume,
    round_start,
)
from balintroom.method.timer import Timer

FMT = CLASSIC_ROUND
LAST = FMT.last_index
T0 = 1_700_000_000.0
NOW = T0 + 100  # when the transition under test happens


def minutes_of(index: int) -> int:
    return FMT.phase(index).minutes


# -- states, reached the way the room reaches them --------------------------------------


def waiting() -> RoundState:
    return RoundState()


def running(index: int = 0, *, at: float = T0) -> RoundState:
    state = round_start(RoundState(), FMT, now=at, has_presenter=True)
    for _ in range(index):
        state = round_advance(state, FMT, now=at)
    return state


def paused(index: int = 0, *, after: float = 30) -> RoundState:
    """Paused `after` seconds into phase `index`, which started at T0."""
    return round_pause(running(index), now=T0 + after)


def ended(index: int = 0) -> RoundState:
    return round_end(running(index), now=T0 + 10)


MIDDLE = 2  # a phase with one before and one after it
STATES: dict[str, Callable[[], RoundState]] = {
    "waiting": waiting,
    "running": lambda: running(MIDDLE),
    "paused": lambda: paused(MIDDLE),
    "ended": lambda: ended(MIDDLE),
}

TRANSITIONS: dict[str, Callable[[RoundState], RoundState]] = {
    "start": lambda s: round_start(s, FMT, now=NOW, has_presenter=True),
    "advance": lambda s: round_advance(s, FMT, now=NOW),
    "back": lambda s: round_back(s, FMT, now=NOW),
    "pause": lambda s: round_pause(s, now=NOW),
    "resume": lambda s: round_resume(s, now=NOW),
    "extend": lambda s: round_extend(s, now=NOW, minutes=5),
    "end": lambda s: round_end(s, now=NOW),
}

# (transition, from status) -> status afterwards, or a word the refusal must contain
OUTCOMES: dict[tuple[str, str], Status | str] = {
    ("start", "waiting"): Status.RUNNING,
    ("start", "running"): "already started",
    ("start", "paused"): "already started",
    ("start", "ended"): "ended",
    ("advance", "waiting"): "not started",
    ("advance", "running"): Status.RUNNING,
    ("advance", "paused"): Status.RUNNING,
    ("advance", "ended"): "ended",
    ("back", "waiting"): "not started",
    ("back", "running"): Status.RUNNING,
    ("back", "paused"): Status.RUNNING,
    ("back", "ended"): "ended",
    ("pause", "waiting"): "not started",
    ("pause", "running"): Status.PAUSED,
    ("pause", "paused"): "already paused",
    ("pause", "ended"): "ended",
    ("resume", "waiting"): "not started",
    ("resume", "running"): "not paused",
    ("resume", "paused"): Status.RUNNING,
    ("resume", "ended"): "ended",
    ("extend", "waiting"): "not started",
    ("extend", "running"): Status.RUNNING,
    ("extend", "paused"): Status.PAUSED,
    ("extend", "ended"): "ended",
    ("end", "waiting"): Status.ENDED,  # a leader may call off a round before it starts
    ("end", "running"): Status.ENDED,
    ("end", "paused"): Status.ENDED,
    ("end", "ended"): "ended",
}


def refusal(call: Callable[[], object]) -> str:
    """The message a person sees when `call` is refused."""
    with pytest.raises(RoundError) as raised:
        call()
    message = raised.value.message
    assert isinstance(message, str)
    assert message.strip(), "a refusal must tell the person why"
    assert str(raised.value) == message
    return message


def test_it_covers_every_transition_from_every_status():
    assert set(OUTCOMES) == {(t, s) for t in TRANSITIONS for s in STATES}
    assert {status.value for status in Status} == set(STATES)


@pytest.mark.parametrize(("transition", "status"), list(OUTCOMES))
def test_it_allows_or_refuses_each_transition_from_each_status(transition, status):
    state = STATES[status]()
    assert state.status == status
    expected = OUTCOMES[(transition, status)]
    if isinstance(expected, Status):
        after = TRANSITIONS[transition](state)
        assert isinstance(after, RoundState)
        assert after.status == expected
    else:
        message = refusal(lambda: TRANSITIONS[transition](state))
        assert expected.lower() in message.lower()


@pytest.mark.parametrize(("transition", "status"), list(OUTCOMES))
def test_it_leaves_the_old_state_untouched(transition, status):
    state = STATES[status]()
    copy = RoundState(status=state.status, phase_index=state.phase_index, timer=state.timer)
    with contextlib.suppress(RoundError):
        TRANSITIONS[transition](state)
    assert state == copy


def test_it_keeps_states_immutable():
    state = running()
    with pytest.raises(FrozenInstanceError):
        state.status = Status.ENDED  # type: ignore[misc]


def test_it_starts_a_round_by_default_in_waiting_at_the_first_phase_without_a_timer():
    state = RoundState()
    assert state.status == Status.WAITING
    assert state.phase_index == 0
    assert state.timer == Timer()
    assert state.left(now=NOW) == 0.0


# -- start --------------------------------------------------------------------------------


def test_it_starts_at_the_first_phase_with_its_full_time():
    state = round_start(RoundState(), FMT, now=NOW, has_presenter=True)
    assert state == RoundState(
        status=Status.RUNNING, phase_index=0, timer=Timer(deadline=NOW + minutes_of(0) * 60)
    )
    assert state.left(now=NOW) == minutes_of(0) * 60


def test_it_refuses_to_start_without_a_presenter():
    message = refusal(lambda: round_start(RoundState(), FMT, now=NOW, has_presenter=False))
    assert "presenter" in message


def test_it_tells_a_leader_who_starts_an_ended_round_it_has_ended():
    message = refusal(lambda: round_start(ended(), FMT, now=NOW, has_presenter=True))
    assert "ended" in message


# -- advance and back ---------------------------------------------------------------------


@pytest.mark.parametrize("index", range(LAST))
@pytest.mark.parametrize("make", [running, paused], ids=["running", "paused"])
def test_it_advances_to_the_next_phase_with_its_full_time_and_runs(make, index):
    state = round_advance(make(index), FMT, now=NOW)
    assert state.status == Status.RUNNING
    assert state.phase_index == index + 1
    assert state.timer == Timer(deadline=NOW + minutes_of(index + 1) * 60)


@pytest.mark.parametrize("make", [running, paused], ids=["running", "paused"])
def test_it_refuses_to_advance_past_the_last_phase(make):
    state = make(LAST)
    message = refusal(lambda: round_advance(state, FMT, now=NOW))
    assert "last phase" in message
    assert "End the round" in message


def test_it_advances_an_overrun_phase_with_a_fresh_full_time():
    late = T0 + minutes_of(0) * 60 + 500
    state = round_advance(running(0), FMT, now=late)
    assert state.left(now=late) == minutes_of(1) * 60


@pytest.mark.parametrize("index", range(1, LAST + 1))
@pytest.mark.parametrize("make", [running, paused], ids=["running", "paused"])
def test_it_goes_back_to_the_previous_phase_with_its_full_time_and_runs(make, index):
    state = round_back(make(index), FMT, now=NOW)
    assert state.status == Status.RUNNING
    assert state.phase_index == index - 1
    assert state.timer == Timer(deadline=NOW + minutes_of(index - 1) * 60)


@pytest.mark.parametrize("make", [running, paused], ids=["running", "paused"])
def test_it_refuses_to_go_back_before_the_first_phase(make):
    state = make(0)
    message = refusal(lambda: round_back(state, FMT, now=NOW))
    assert "first phase" in message


def test_it_walks_through_all_five_phases_and_ends():
    now = T0
    state = round_start(RoundState(), FMT, now=now, has_presenter=True)
    seen = [FMT.phase(state.phase_index).name]
    while state.phase_index < LAST:
        now += minutes_of(state.phase_index) * 60
        assert state.left(now=now) == 0
        state = round_advance(state, FMT, now=now)
        seen.append(FMT.phase(state.phase_index).name)
    assert seen == [phase.name for phase in FMT.phases]
    now += minutes_of(LAST) * 60
    assert now - T0 == FMT.minutes * 60
    state = round_end(state, now=now)
    assert state.status == Status.ENDED
    assert state.phase_index == LAST


# -- pause and resume ---------------------------------------------------------------------


@pytest.mark.parametrize("index", range(LAST + 1))
def test_it_pauses_in_the_same_phase_keeping_the_time_left(index):
    state = round_pause(running(index), now=T0 + 90)
    assert state.status == Status.PAUSED
    assert state.phase_index == index
    assert state.timer.paused
    assert state.left(now=T0 + 90) == minutes_of(index) * 60 - 90
    assert state.left(now=T0 + 10_000) == minutes_of(index) * 60 - 90


def test_it_pauses_an_overrun_phase_keeping_the_overrun():
    over = T0 + minutes_of(0) * 60 + 42
    state = round_pause(running(0), now=over)
    assert state.left(now=over + 1000) == -42


def test_it_resumes_with_the_deadline_set_from_now():
    state = paused(MIDDLE, after=120)  # 120 s into the phase
    left = minutes_of(MIDDLE) * 60 - 120
    resumed_at = T0 + 5000
    state = round_resume(state, now=resumed_at)
    assert state.status == Status.RUNNING
    assert state.phase_index == MIDDLE
    assert state.timer == Timer(deadline=resumed_at + left)
    assert state.left(now=resumed_at + 10) == left - 10


# -- extend -------------------------------------------------------------------------------


def test_it_offers_one_or_five_more_minutes():
    assert EXTEND_CHOICES == (1, 5)


@pytest.mark.parametrize("minutes", EXTEND_CHOICES)
def test_it_extends_a_running_phase_from_its_deadline(minutes):
    state = running(MIDDLE)
    after = round_extend(state, now=NOW, minutes=minutes)
    assert after.status == Status.RUNNING
    assert after.phase_index == MIDDLE
    assert after.timer.deadline == T0 + minutes_of(MIDDLE) * 60 + minutes * 60


@pytest.mark.parametrize("minutes", EXTEND_CHOICES)
def test_it_extends_a_paused_phase_and_stays_paused(minutes):
    state = paused(MIDDLE, after=60)
    after = round_extend(state, now=NOW, minutes=minutes)
    assert after.status == Status.PAUSED
    assert after.phase_index == MIDDLE
    assert after.left(now=NOW + 999) == minutes_of(MIDDLE) * 60 - 60 + minutes * 60


@pytest.mark.parametrize("minutes", EXTEND_CHOICES)
def test_it_extends_an_overrun_phase_from_now(minutes):
    late = T0 + minutes_of(MIDDLE) * 60 + 240
    state = running(MIDDLE)
    assert state.left(now=late) == -240
    after = round_extend(state, now=late, minutes=minutes)
    assert after.left(now=late) == minutes * 60


@pytest.mark.parametrize("minutes", EXTEND_CHOICES)
def test_it_extends_a_paused_overrun_by_the_full_extra_time(minutes):
    state = paused(MIDDLE, after=minutes_of(MIDDLE) * 60 + 240)
    assert state.left(now=NOW) == -240
    after = round_extend(state, now=NOW, minutes=minutes)
    assert after.left(now=NOW) == minutes * 60


@pytest.mark.parametrize("minutes", [0, 2, 3, 4, 6, 10, 15, 60, -1, -5, 0.5, 1.5, 4.9])
@pytest.mark.parametrize("make", [running, paused], ids=["running", "paused"])
def test_it_refuses_extends_other_than_one_or_five_minutes(make, minutes):
    state = make(MIDDLE)
    message = refusal(lambda: round_extend(state, now=NOW, minutes=minutes))
    assert "1 or 5 minutes" in message


# -- end ----------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [running, paused], ids=["running", "paused"])
@pytest.mark.parametrize("index", range(LAST + 1))
def test_it_ends_in_any_phase_keeping_the_phase_and_clearing_the_timer(make, index):
    state = round_end(make(index), now=NOW)
    assert state == RoundState(status=Status.ENDED, phase_index=index, timer=Timer())
    assert state.left(now=NOW) == 0.0


def test_it_ends_a_round_that_never_started():
    assert round_end(RoundState(), now=NOW) == RoundState(status=Status.ENDED)


# -- any sequence of presses -------------------------------------------------------------


@pytest.mark.parametrize("seed", range(40))
def test_it_keeps_its_invariants_under_any_sequence_of_presses(seed):
    """A leader may press anything at any moment: every press either moves the round to a
    consistent state or is refused with a message; nothing else ever escapes."""
    rng = random.Random(seed)
    state = RoundState()
    now = T0
    for _ in range(80):
        now += rng.choice([0, 1, 30, 300, 1500])
        name = rng.choice(list(TRANSITIONS) + ["start_without_presenter", "extend_odd"])
        before = state
        try:
            if name == "start_without_presenter":
                state = round_start(state, FMT, now=now, has_presenter=False)
            elif name == "extend_odd":
                state = round_extend(state, now=now, minutes=rng.choice([0, 2, 10]))
            elif name == "start":
                state = round_start(state, FMT, now=now, has_presenter=True)
            elif name == "advance":
                state = round_advance(state, FMT, now=now)
            elif name == "back":
                state = round_back(state, FMT, now=now)
            elif name == "pause":
                state = round_pause(state, now=now)
            elif name == "resume":
                state = round_resume(state, now=now)
            elif name == "extend":
                state = round_extend(state, now=now, minutes=rng.choice(EXTEND_CHOICES))
            else:
                state = round_end(state, now=now)
        except RoundError as error:
            assert error.message.strip()
        assert 0 <= state.phase_index <= LAST
        if state.status == Status.RUNNING:
            assert state.timer.running
        elif state.status == Status.PAUSED:
            assert state.timer.paused
        elif state.status == Status.ENDED:
            assert state.timer == Timer()
        else:
            assert state == RoundState()
        if before.status == Status.ENDED:
            assert state is before  # nothing leaves the ended state


# -- who may do what ----------------------------------------------------------------------

STEERING = sorted(LEADER_ACTIONS)


def test_it_sorts_every_action_into_leaders_or_members():
    assert set(Action) == LEADER_ACTIONS | MEMBER_ACTIONS
    assert not LEADER_ACTIONS & MEMBER_ACTIONS
    assert {Action.VOLUNTEER, Action.WITHDRAW, Action.MAY_KNOW_PATIENT,
            Action.STEP_OUT} <= MEMBER_ACTIONS


def test_it_versions_every_steering_action():
    assert VERSIONED_ACTIONS == STEERING_ACTIONS
    assert {Action.ADVANCE, Action.START, Action.END} <= VERSIONED_ACTIONS
    assert not VERSIONED_ACTIONS & MEMBER_ACTIONS


def test_it_lets_a_named_back_up_steer_only_while_no_leader_is_in_the_room():
    for action in STEERING_ACTIONS:
        assert may(Role.MEMBER, action, stands_in=True)
        assert not may(Role.MEMBER, action)
    for action in CONSOLE_ACTIONS:
        assert not may(Role.MEMBER, action, stands_in=True)
    assert not may(None, Action.ADVANCE, stands_in=True)


@pytest.mark.parametrize("role", [Role.LEADER, Role.CO_LEADER, "leader", "co_leader"])
@pytest.mark.parametrize("action", list(Action))
def test_it_lets_the_leader_and_co_leader_do_everything(role, action):
    assert may(role, action)
    check_may(role, action)  # does not raise


@pytest.mark.parametrize("role", [Role.MEMBER, "member"])
@pytest.mark.parametrize("action", sorted(MEMBER_ACTIONS))
def test_it_lets_a_member_volunteer_and_withdraw(role, action):
    assert may(role, action)
    check_may(role, action)


@pytest.mark.parametrize("role", [Role.MEMBER, "member"])
@pytest.mark.parametrize("action", STEERING)
def test_it_does_not_let_a_member_steer(role, action):
    assert not may(role, action)
    message = refusal(lambda: check_may(role, action))
    assert "leader" in message


@pytest.mark.parametrize("role", [None, "", "presenter", "LEADER", "Leader", "admin", "outsider"])
@pytest.mark.parametrize("action", list(Action))
def test_it_lets_an_outsider_do_nothing(role, action):
    assert not may(role, action)
    refusal(lambda: check_may(role, action))


@pytest.mark.parametrize("action", sorted(MEMBER_ACTIONS))
def test_it_tells_an_outsider_who_volunteers_that_she_is_not_a_participant(action):
    assert "not a participant" in refusal(lambda: check_may(None, action))
