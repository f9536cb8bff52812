"""The live room's rules as plain data (method.room): what the services store is held
against these in tests/live/test_room_model.py; here the rules themselves."""

import pytest

from balintroom.method.agenda import CLASSIC, DOUBLE_HOUR
from balintroom.method.room import (
    Args,
    Context,
    Person,
    RoomState,
    StaleVersion,
    room_apply,
    room_seen_change,
    room_times,
)
from balintroom.method.round import Action, RoundError, Status

LENA, CARL, ANNA, BEN = 1, 2, 3, 4
PEOPLE = (Person(LENA, "leader", True), Person(CARL, "co_leader", True),
          Person(ANNA, "member", True), Person(BEN, "member", False))
ROLES = {p.id: str(p.role) for p in PEOPLE}
CTX = Context(meeting_format=CLASSIC, people=PEOPLE)
NOW = 1_800_000_000.0


def apply(room: RoomState, by: int | None, action: Action, ctx: Context = CTX,
          now: float = NOW, expected: int | None = None, **args: object) -> RoomState:
    return room_apply(room, ctx, by=by, role=ROLES.get(by) if by else None, action=action,
                      args=Args(**args),  # type: ignore[arg-type]
                      expected_version=room.version if expected is None else expected,
                      now=now)


@pytest.fixture
def running() -> RoomState:
    room = apply(RoomState(), ANNA, Action.VOLUNTEER, label="night shift")
    room = apply(room, LENA, Action.CHOOSE_PRESENTER, user=ANNA)
    return apply(room, LENA, Action.START)


def test_it_starts_a_round_with_the_chosen_presenter_and_her_label(running):
    run = running.run
    assert run is not None and run.presenter == ANNA and run.label == "night shift"
    assert run.status == Status.RUNNING and run.state.timer.deadline == NOW + 10 * 60
    assert running.offers == () and running.version == 4 == running.steered_version


def test_a_new_phase_lowers_every_hand_and_takes_the_word_back(running):
    room = apply(running, BEN, Action.RAISE_HAND)
    room = apply(room, CARL, Action.RAISE_HAND)
    room = apply(room, LENA, Action.CALL_ON, user=BEN)
    assert room.hands == (CARL,) and room.speaker == BEN
    advanced = apply(room, LENA, Action.ADVANCE)
    assert advanced.hands == () and advanced.speaker is None
    back = apply(apply(advanced, BEN, Action.RAISE_HAND), LENA, Action.BACK)
    assert back.hands == ()


def test_pausing_or_extending_keeps_the_hands_raised(running):
    room = apply(running, BEN, Action.RAISE_HAND)
    for action, args in ((Action.PAUSE, {}), (Action.EXTEND, {"minutes": 5}),
                         (Action.RESUME, {})):
        room = apply(room, LENA, action, **args)
        assert room.hands == (BEN,), action


def test_an_action_that_changes_nothing_returns_the_room_itself(running):
    raised = apply(running, BEN, Action.RAISE_HAND)
    assert apply(raised, BEN, Action.RAISE_HAND) is raised
    assert apply(raised, LENA, Action.HIDE_PROMPT) is raised


def test_the_room_display_may_not_act(running):
    with pytest.raises(RoundError, match="display only shows"):
        apply(running, None, Action.RAISE_HAND)


@pytest.mark.parametrize("seen", ["steered - 1", "version + 1", "none"])
def test_a_leader_steers_only_from_a_version_she_was_sent(running, seen):
    room = apply(running, BEN, Action.RAISE_HAND)  # not steering: the version moves on
    expected = {"steered - 1": room.steered_version - 1, "version + 1": room.version + 1,
                "none": None}[seen]
    with pytest.raises(StaleVersion):
        room_apply(room, CTX, by=LENA, role="leader", action=Action.ADVANCE, args=Args(),
                   expected_version=expected, now=NOW)
    # Any version from the last steering on is fine.
    assert apply(room, LENA, Action.ADVANCE, expected=room.steered_version).run


def test_the_check_in_takes_those_present_in_the_rooms_order():
    ctx = Context(meeting_format=DOUBLE_HOUR, people=PEOPLE)
    room = apply(RoomState(), LENA, Action.START, ctx=ctx)
    assert room.run is not None and room.run.speaker_order == (LENA, CARL, ANNA)


def test_ending_a_round_lets_everyone_outside_back_in(running):
    room = apply(running, BEN, Action.MAY_KNOW_PATIENT)
    room = apply(room, BEN, Action.STEP_OUT, now=NOW + 60)
    assert room.outside == (BEN,)
    ended = apply(room, LENA, Action.END, now=NOW + 120)
    assert ended.outside == () and ended.step_outs[0].returned_at == NOW + 120
    assert ended.part_index == 1 and ended.rounds_done == 1 and ended.run is None


def test_a_change_around_the_room_raises_its_version_only(running):
    seen = room_seen_change(running)
    assert seen.version == running.version + 1
    assert seen.steered_version == running.steered_version and seen.runs == running.runs


def test_room_times_passes_every_moment_and_no_duration(running):
    paused = apply(running, LENA, Action.PAUSE, now=NOW + 30)
    shifted = room_times(paused, lambda t: t + 1)
    assert shifted.runs[0].started_at == NOW + 1
    assert shifted.runs[0].state.timer.remaining == paused.runs[0].state.timer.remaining
