"""What each viewer is asked to do in each phase: presenter, member, leader, the shared display."""

import pytest

from balintroom.method.formats import (
    CLARIFYING_QUESTIONS,
    CLASSIC_ROUND,
    GROUP_EXPLORATION,
    PRESENTATION,
    PRESENTER_RETURNS,
    REVIEW,
)
from balintroom.method.guidance import Viewer, guidance, guidance_table

PHASES = CLASSIC_ROUND.phases
ONLINE = [True, False]


def test_it_knows_four_viewers():
    assert {viewer.value for viewer in Viewer} == {"presenter", "member", "leader", "display"}


@pytest.mark.parametrize("online", ONLINE, ids=["online", "in_person"])
@pytest.mark.parametrize("viewer", list(Viewer))
@pytest.mark.parametrize("phase", PHASES, ids=lambda phase: phase.key)
def test_it_asks_every_viewer_something_readable_in_every_phase(phase, viewer, online):
    text = guidance(phase, viewer, online=online)
    assert isinstance(text, str)
    assert text.strip()


@pytest.mark.parametrize("online", ONLINE, ids=["online", "in_person"])
@pytest.mark.parametrize("phase", PHASES, ids=lambda phase: phase.key)
def test_it_shows_the_display_the_rule(phase, online):
    assert guidance(phase, Viewer.DISPLAY, online=online) == phase.rule


def test_it_tells_the_presenter_online_she_sits_back_with_her_camera_off():
    text = guidance(GROUP_EXPLORATION, Viewer.PRESENTER, online=True).lower()
    assert "sitting back" in text
    assert "listening" in text
    assert "camera off" in text


def test_it_tells_the_presenter_in_the_room_she_sits_back_and_pushes_her_chair_back():
    text = guidance(GROUP_EXPLORATION, Viewer.PRESENTER, online=False).lower()
    assert "sitting back" in text
    assert "chair back" in text
    assert "camera" not in text


def test_it_tells_members_in_group_exploration_to_explore_not_solve():
    for online in ONLINE:
        text = guidance(GROUP_EXPLORATION, Viewer.MEMBER, online=online).lower()
        assert "explore" in text
        assert "don't solve" in text
        assert "feelings" in text


def test_it_tells_the_leader_in_group_exploration_to_keep_away_from_solutions():
    text = guidance(GROUP_EXPLORATION, Viewer.LEADER, online=True).lower()
    assert "feelings" in text
    assert "away from solutions" in text


def test_it_tells_members_in_presenter_returns_to_listen_and_not_comment():
    for online in ONLINE:
        text = guidance(PRESENTER_RETURNS, Viewer.MEMBER, online=online).lower()
        assert "listen" in text
        assert "not comment" in text


def test_it_tells_the_presenter_when_she_returns_to_say_what_furthered_her_thinking():
    text = guidance(PRESENTER_RETURNS, Viewer.PRESENTER, online=True).lower()
    assert "what you heard" in text
    assert "furthered your own thinking" in text


def test_it_tells_the_presenter_to_tell_her_case_freely():
    text = guidance(PRESENTATION, Viewer.PRESENTER, online=True).lower()
    assert "case freely" in text
    assert "without notes" in text


def test_it_tells_members_during_the_presentation_to_listen_without_questions():
    text = guidance(PRESENTATION, Viewer.MEMBER, online=True)
    assert text == "Listen. No questions yet."


def test_it_tells_the_presenter_to_answer_the_questions_of_fact():
    text = guidance(CLARIFYING_QUESTIONS, Viewer.PRESENTER, online=True).lower()
    assert "answer" in text
    assert "fact" in text


@pytest.mark.parametrize("viewer", [Viewer.MEMBER, Viewer.LEADER])
def test_it_shows_members_and_leader_the_rule_for_clarifying_questions(viewer):
    assert guidance(CLARIFYING_QUESTIONS, viewer, online=True) == CLARIFYING_QUESTIONS.rule


@pytest.mark.parametrize("viewer", list(Viewer))
def test_it_shows_everyone_the_rule_in_review(viewer):
    assert guidance(REVIEW, viewer, online=True) == REVIEW.rule


@pytest.mark.parametrize(
    "phase",
    [PRESENTATION, CLARIFYING_QUESTIONS, PRESENTER_RETURNS, REVIEW],
    ids=lambda phase: phase.key,
)
def test_it_shows_the_leader_the_rule_outside_group_exploration(phase):
    assert guidance(phase, Viewer.LEADER, online=True) == phase.rule


@pytest.mark.parametrize("viewer", list(Viewer))
@pytest.mark.parametrize("phase", PHASES, ids=lambda phase: phase.key)
def test_online_it_only_speaks_to_the_presenters_camera(phase, viewer):
    """Online, the presenter is told to switch her camera off when she sits back and on
    when she returns; nobody else's guidance changes."""
    online = guidance(phase, viewer, online=True)
    in_person = guidance(phase, viewer, online=False)
    camera = viewer == Viewer.PRESENTER and (
        phase.presenter_sits_back or phase.key == "presenter_returns")
    assert (online != in_person) == camera


def test_the_returning_presenter_is_told_it_is_her_turn_and_online_to_switch_on():
    assert guidance(PRESENTER_RETURNS, Viewer.PRESENTER, online=True).startswith(
        "Your turn – camera on.")
    assert guidance(PRESENTER_RETURNS, Viewer.PRESENTER, online=False).startswith("Your turn.")


def test_a_follow_up_is_guided_as_a_follow_up():
    from balintroom.method.agenda import FOLLOW_UP

    phase = FOLLOW_UP.phases[0]
    assert "what happened next" in guidance(phase, Viewer.PRESENTER, online=True)
    assert "what happened next" in guidance(phase, Viewer.MEMBER, online=True)
    assert "furthered" not in guidance(phase, Viewer.PRESENTER, online=True)


def test_it_asks_only_the_sitting_back_presenter_to_turn_her_camera_off():
    for phase in PHASES:
        for viewer in Viewer:
            text = guidance(phase, viewer, online=True).lower()
            expected = viewer == Viewer.PRESENTER and (
                phase.presenter_sits_back or phase.key == "presenter_returns")
            assert ("camera" in text) == expected, (phase.key, viewer)


def test_it_never_asks_the_presenter_to_speak_while_she_sits_back():
    for online in ONLINE:
        text = guidance(GROUP_EXPLORATION, Viewer.PRESENTER, online=online).lower()
        assert "tell" not in text
        assert "answer" not in text
        assert "say" not in text


def test_it_accepts_the_viewer_as_a_plain_string():
    assert guidance(GROUP_EXPLORATION, "presenter", online=True) == guidance(  # type: ignore[arg-type]
        GROUP_EXPLORATION, Viewer.PRESENTER, online=True
    )
    assert guidance(REVIEW, "display", online=False) == REVIEW.rule  # type: ignore[arg-type]


@pytest.mark.parametrize("online", ONLINE, ids=["online", "in_person"])
def test_it_tables_every_phase_for_every_viewer(online):
    table = guidance_table(CLASSIC_ROUND, online=online)
    assert list(table) == [phase.key for phase in PHASES]
    for phase in PHASES:
        row = table[phase.key]
        assert set(row) == {"presenter", "member", "leader", "display"}
        for viewer in Viewer:
            assert row[viewer.value] == guidance(phase, viewer, online=online)
    assert ("camera" in table["group_exploration"]["presenter"]) == online


def test_it_tables_online_and_in_person_differently_only_for_the_presenters_camera():
    online = guidance_table(CLASSIC_ROUND, online=True)
    in_person = guidance_table(CLASSIC_ROUND, online=False)
    differing = {
        (key, viewer)
        for key in online
        for viewer in online[key]
        if online[key][viewer] != in_person[key][viewer]
    }
    assert differing == {("group_exploration", "presenter"), ("presenter_returns", "presenter")}
