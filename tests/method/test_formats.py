"""The classic Balint round as METHOD.md describes it: five phases, their defaults and rules."""

from dataclasses import FrozenInstanceError

import pytest

from balintroom.method.agenda import DOUBLE_HOUR, MEETING_FORMATS, meeting_format_by_key
from balintroom.method.formats import (
    CLARIFYING_QUESTIONS,
    CLASSIC_ROUND,
    GROUP_EXPLORATION,
    PRESENTATION,
    PRESENTER_RETURNS,
    REVIEW,
    REVIEW_QUESTIONS,
    Format,
    Phase,
    Speaker,
)


def plain(text: str) -> str:
    """The typographic quotes and ellipsis of the code, as METHOD.md writes them."""
    return (
        text.replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u2019", "'")
        .replace("\u2026", "...")
    )


PHASES = CLASSIC_ROUND.phases


def test_it_has_the_five_phases_named_exactly_and_in_order():
    assert [phase.name for phase in PHASES] == [
        "Presentation",
        "Clarifying questions",
        "Group exploration",
        "Presenter returns",
        "Review",
    ]


def test_it_exposes_each_phase_as_a_module_constant_in_round_order():
    assert PHASES == (
        PRESENTATION,
        CLARIFYING_QUESTIONS,
        GROUP_EXPLORATION,
        PRESENTER_RETURNS,
        REVIEW,
    )


def test_it_gives_each_phase_a_unique_stable_key():
    assert [phase.key for phase in PHASES] == [
        "presentation",
        "clarifying_questions",
        "group_exploration",
        "presenter_returns",
        "review",
    ]
    assert len({phase.key for phase in PHASES}) == len(PHASES)


@pytest.mark.parametrize(
    ("phase", "low", "high"),
    [
        (PRESENTATION, 5, 10),  # 5-10 min
        (CLARIFYING_QUESTIONS, 1, 5),  # up to 5 min
        (GROUP_EXPLORATION, 20, 20),  # about 20 min
        (PRESENTER_RETURNS, 5, 5),  # about 5 min
        (REVIEW, 5, 5),  # about 5 min
    ],
    ids=lambda value: value.key if isinstance(value, Phase) else str(value),
)
def test_it_uses_the_default_minutes_of_method_md(phase, low, high):
    assert isinstance(phase.minutes, int)
    assert low <= phase.minutes <= high


@pytest.mark.parametrize(
    ("phase", "rule"),
    [
        (PRESENTATION, "Listen. No questions yet."),
        (
            CLARIFYING_QUESTIONS,
            "Only questions that clarify facts. "
            'No solution-seeking questions ("Have you tried...?").',
        ),
        (GROUP_EXPLORATION, "Explore, don't solve. The presenter is listening, not answering."),
        (PRESENTER_RETURNS, "The group does not comment."),
        (REVIEW, "Don't go back into the case."),
    ],
    ids=lambda value: value.key if isinstance(value, Phase) else "rule",
)
def test_it_shows_the_rule_of_method_md_for_each_phase(phase, rule):
    assert plain(phase.rule) == rule


def test_it_has_the_presenter_sit_back_in_group_exploration_only():
    assert GROUP_EXPLORATION.presenter_sits_back is True
    assert [phase.key for phase in PHASES if phase.presenter_sits_back] == ["group_exploration"]


@pytest.mark.parametrize(
    ("phase", "speaks"),
    [
        (PRESENTATION, Speaker.PRESENTER),
        (CLARIFYING_QUESTIONS, Speaker.EVERYONE),  # members ask, the presenter answers
        (GROUP_EXPLORATION, Speaker.MEMBERS),
        (PRESENTER_RETURNS, Speaker.PRESENTER),
        (REVIEW, Speaker.EVERYONE),
    ],
    ids=lambda value: value.key if isinstance(value, Phase) else str(value),
)
def test_it_names_who_speaks_in_each_phase(phase, speaks):
    assert phase.speaks == speaks


def test_it_does_not_let_the_presenter_speak_while_she_sits_back():
    for phase in PHASES:
        if phase.presenter_sits_back:
            assert phase.speaks == Speaker.MEMBERS


def test_it_makes_clarifying_questions_the_only_optional_phase():
    assert [phase.key for phase in PHASES if phase.optional] == ["clarifying_questions"]


def test_it_gives_every_phase_a_name_and_a_rule_a_person_can_read():
    for phase in PHASES:
        assert phase.name.strip()
        assert phase.rule.strip()
        assert phase.minutes > 0


def test_it_sums_the_phase_minutes_into_the_format_minutes():
    assert CLASSIC_ROUND.minutes == sum(phase.minutes for phase in PHASES)
    # "about 40 minutes per case", and two of them fit a 90-minute meeting
    assert 35 <= CLASSIC_ROUND.minutes <= 45


def test_it_indexes_phases_and_knows_the_last_index():
    assert CLASSIC_ROUND.last_index == 4
    for index, phase in enumerate(PHASES):
        assert CLASSIC_ROUND.phase(index) is phase
    with pytest.raises(IndexError):
        CLASSIC_ROUND.phase(5)


def test_it_keeps_phases_and_formats_immutable():
    with pytest.raises(FrozenInstanceError):
        PRESENTATION.minutes = 3  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        CLASSIC_ROUND.phases = ()  # type: ignore[misc]


def test_it_names_the_classic_round():
    assert CLASSIC_ROUND.key == "classic"
    assert CLASSIC_ROUND.name.strip()


def test_it_registers_the_classic_round_by_its_key():
    assert meeting_format_by_key("classic").parts == (CLASSIC_ROUND,)
    assert set(MEETING_FORMATS) == {"classic", "double_hour", "block_day", "leadership"}


@pytest.mark.parametrize("key", ["", "Classic", "unknown", "classic "])
def test_it_refuses_an_unknown_format_key_with_a_value_error(key):
    with pytest.raises(ValueError, match="unknown meeting format") as raised:
        meeting_format_by_key(key)
    assert repr(key) in str(raised.value)
    assert raised.value.__cause__ is None  # not a KeyError leaking through


def test_it_lists_the_four_review_questions_of_the_seeds():
    assert [plain(question) for question in REVIEW_QUESTIONS] == [
        'Was there a strong urge to "solve" the case?',
        "What feelings came up in individual participants?",
        "Did the presenter or someone else experience similar emotions? "
        "How do these emotions relate to the situation?",
        "How did the Balint process help you? How could it be improved?",
    ]
    assert isinstance(REVIEW_QUESTIONS, tuple)


def test_it_fits_two_rounds_into_a_90_minute_double_hour():
    assert DOUBLE_HOUR.minutes == 90
    assert DOUBLE_HOUR.rounds == 2
    assert [part.kind for part in DOUBLE_HOUR.parts] == [
        "check_in", "follow_up", "round", "round", "closing"]
    # A double hour's rounds keep the classic round's phases, only shorter.
    assert [p.key for p in DOUBLE_HOUR.parts[2].phases] == [p.key for p in CLASSIC_ROUND.phases]


@pytest.mark.parametrize("fmt", list(MEETING_FORMATS.values()), ids=list(MEETING_FORMATS))
def test_it_adds_up_every_shipped_format(fmt):
    assert fmt.minutes == sum(p.minutes for part in fmt.parts for p in part.phases)
    assert fmt.rounds >= 1


def test_it_sums_the_phases_of_any_format():
    short = Format(
        key="short",
        name="Short",
        phases=(
            Phase(key="a", name="A", minutes=10, rule="r", speaks=Speaker.PRESENTER),
            Phase(key="b", name="B", minutes=20, rule="r", speaks=Speaker.MEMBERS),
        ),
    )
    assert short.minutes == 30
    assert short.last_index == 1
