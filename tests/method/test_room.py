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
    hands_closed,
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


@pytest.fixture
def questions(running: RoomState) -> RoomState:
    """The round in its clarifying questions, where everyone may speak."""
    return apply(running, LENA, Action.ADVANCE)


def test_it_starts_a_round_with_the_chosen_presenter_and_her_label(running):
    run = running.run
    assert run is not None and run.presenter == ANNA and run.label == "night shift"
    assert run.status == Status.RUNNING and run.state.timer.deadline == NOW + 10 * 60
    assert running.offers == () and running.version == 4 == running.steered_version


def test_a_new_phase_lowers_every_hand_and_takes_the_word_back(questions):
    room = apply(questions, BEN, Action.RAISE_HAND)
    room = apply(room, CARL, Action.RAISE_HAND)
    room = apply(room, LENA, Action.CALL_ON, user=BEN)
    assert room.hands == (CARL,) and room.speaker == BEN
    advanced = apply(room, LENA, Action.ADVANCE)
    assert advanced.hands == () and advanced.speaker is None
    back = apply(apply(advanced, CARL, Action.RAISE_HAND), LENA, Action.BACK)
    assert back.hands == ()


def test_pausing_or_extending_keeps_the_hands_raised(questions):
    room = apply(questions, BEN, Action.RAISE_HAND)
    for action, args in ((Action.PAUSE, {}), (Action.EXTEND, {"minutes": 5}),
                         (Action.RESUME, {})):
        room = apply(room, LENA, action, **args)
        assert room.hands == (BEN,), action


def test_an_action_that_changes_nothing_returns_the_room_itself(questions):
    raised = apply(questions, BEN, Action.RAISE_HAND)
    assert apply(raised, BEN, Action.RAISE_HAND) is raised
    assert apply(raised, LENA, Action.HIDE_PROMPT) is raised


def test_the_room_display_may_not_act(running):
    with pytest.raises(RoundError, match="display only shows"):
        apply(running, None, Action.RAISE_HAND)


@pytest.mark.parametrize("seen", ["steered - 1", "version + 1", "none"])
def test_a_leader_steers_only_from_a_version_she_was_sent(questions, seen):
    room = apply(questions, BEN, Action.RAISE_HAND)  # not steering: the version moves on
    expected = {"steered - 1": room.steered_version - 1, "version + 1": room.version + 1,
                "none": None}[seen]
    with pytest.raises(StaleVersion):
        room_apply(room, CTX, by=LENA, role="leader", action=Action.ADVANCE, args=Args(),
                   expected_version=expected, now=NOW)
    # Any version from the last steering on is fine.
    assert apply(room, LENA, Action.ADVANCE, expected=room.steered_version).run


@pytest.mark.parametrize("phase", [0, 3], ids=["presentation", "presenter returns"])
def test_no_hands_are_raised_while_the_group_listens(running, phase):
    room = running
    for _ in range(phase):
        room = apply(room, LENA, Action.ADVANCE)
    with pytest.raises(RoundError, match="listening"):
        apply(room, BEN, Action.RAISE_HAND)


def test_the_presenter_raises_no_hand_while_she_sits_back(running):
    exploring = apply(apply(running, LENA, Action.ADVANCE), LENA, Action.ADVANCE)
    with pytest.raises(RoundError, match="listening"):
        apply(exploring, ANNA, Action.RAISE_HAND)
    assert apply(exploring, BEN, Action.RAISE_HAND).hands == (BEN,)


def test_the_room_is_told_who_raises_no_hand_in_each_phase(running):
    # What the members' screens hide the hand by: the same rule the refusals above hold to.
    closed = [hands_closed(CTX.meeting_format, running.run)]
    room = running
    for _ in range(3):
        room = apply(room, LENA, Action.ADVANCE)
        closed.append(hands_closed(CTX.meeting_format, room.run))
    assert closed == ["everyone", "", "presenter", "everyone"]
    assert hands_closed(CTX.meeting_format, None) == ""


def test_back_and_forward_keep_the_time_each_phase_had_left(running):
    questions = apply(running, LENA, Action.ADVANCE, now=NOW + 7 * 60)
    # Three minutes into the five of the questions, back to the presentation: it goes on
    # with the three minutes it had left, not ten afresh.
    presentation = apply(questions, LENA, Action.BACK, now=NOW + 10 * 60)
    assert presentation.run.state.timer.deadline == NOW + 10 * 60 + 3 * 60
    # Forward again, a minute later: the questions go on with their two minutes.
    again = apply(presentation, LENA, Action.ADVANCE, now=NOW + 11 * 60)
    assert again.run.state.timer.deadline == NOW + 11 * 60 + 2 * 60
    assert again.run.phase_left[:2] == (2 * 60.0, 2 * 60.0)
    # The exploration is reached for the first time: its full twenty minutes.
    exploring = apply(again, LENA, Action.ADVANCE, now=NOW + 12 * 60)
    assert exploring.run.state.timer.deadline == NOW + 12 * 60 + 20 * 60


def test_a_leader_sees_out_who_may_know_the_patient(running):
    signalled = apply(running, BEN, Action.MAY_KNOW_PATIENT)
    out = apply(signalled, LENA, Action.SEE_OUT, user=BEN, now=NOW + 5)
    assert out.outside == (BEN,) and out.step_outs[0].stepped_out_at == NOW + 5
    with pytest.raises(RoundError):
        apply(out, LENA, Action.SEE_OUT, user=BEN)
    with pytest.raises(RoundError):
        apply(running, LENA, Action.SEE_OUT, user=BEN)  # no signal to answer
    with pytest.raises(RoundError, match="leader"):
        apply(signalled, ANNA, Action.SEE_OUT, user=BEN)


def test_ending_the_meeting_ends_the_round_and_closes_the_room(running):
    room = apply(apply(running, BEN, Action.MAY_KNOW_PATIENT), BEN, Action.STEP_OUT)
    ended = apply(room, LENA, Action.END_MEETING, now=NOW + 600)
    assert ended.ended_at == NOW + 600
    assert ended.runs[0].status == Status.ENDED and ended.runs[0].ended_at == NOW + 600
    assert ended.outside == () and ended.hands == ()
    for action in (Action.RAISE_HAND, Action.VOLUNTEER, Action.START, Action.END_MEETING):
        who = BEN if action in (Action.RAISE_HAND, Action.VOLUNTEER) else LENA
        with pytest.raises(RoundError, match="has ended"):
            apply(ended, who, action)


def test_a_round_not_yet_started_is_set_aside_when_the_meeting_ends():
    chosen = apply(apply(RoomState(), ANNA, Action.VOLUNTEER, label="x"), LENA,
                   Action.CHOOSE_PRESENTER, user=ANNA)
    ended = apply(chosen, LENA, Action.END_MEETING)
    assert ended.runs == () and ended.ended_at == NOW


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
