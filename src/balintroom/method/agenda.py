"""Meeting formats: what a meeting is made of, part after part, as data.

A format is a sequence of parts (check-in, follow-up, Balint rounds, breaks, closing,
a leadership discussion); each part is a sequence of phases (formats.Format). The
shipped formats are below; a leader composes custom ones from phases, and
``custom_format`` refuses a composition that would not make a workable meeting.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from .formats import (
    CLARIFYING_QUESTIONS,
    CLASSIC_ROUND,
    GROUP_EXPLORATION,
    PRESENTATION,
    PRESENTER_RETURNS,
    REVIEW,
    Format,
    PartKind,
    Phase,
    Speaker,
)
from .text import _

CHECK_IN = Format(
    key="check_in",
    name=_("Check-in"),
    kind=PartKind.CHECK_IN,
    per_person_seconds=60,
    phases=(
        Phase(
            key="check_in",
            name=_("Check-in"),
            minutes=5,
            rule=_("Each says briefly how they arrive. No discussion."),
            speaks=Speaker.EVERYONE,
        ),
    ),
)
FOLLOW_UP = Format(
    key="follow_up",
    name=_("Follow-up"),
    kind=PartKind.FOLLOW_UP,
    phases=(
        Phase(
            key="follow_up",
            name=_("Follow-up"),
            minutes=5,
            rule=_("What happened next with an earlier case. The group listens."),
            speaks=Speaker.PRESENTER,
        ),
    ),
)
CLOSING = Format(
    key="closing",
    name=_("Closing"),
    kind=PartKind.CLOSING,
    phases=(
        Phase(
            key="closing",
            name=_("Closing"),
            minutes=5,
            rule=_("A word each on how you leave. Don't go back into the cases."),
            speaks=Speaker.EVERYONE,
        ),
    ),
)


def _break(minutes: int) -> Format:
    return Format(
        key="break",
        name=_("Break"),
        kind=PartKind.BREAK,
        phases=(
            Phase(
                key="break",
                name=_("Break"),
                minutes=minutes,
                rule=_("A break. The room waits for you."),
                speaks=Speaker.EVERYONE,
            ),
        ),
    )


def _round(minutes: tuple[int, int, int, int, int]) -> Format:
    """A classic round with its phases shortened or lengthened to fit a format."""
    phases = (PRESENTATION, CLARIFYING_QUESTIONS, GROUP_EXPLORATION, PRESENTER_RETURNS, REVIEW)
    return replace(
        CLASSIC_ROUND,
        phases=tuple(replace(p, minutes=m) for p, m in zip(phases, minutes, strict=True)),
    )


# In a double hour the rounds give up a few minutes of presentation and questions so that
# check-in, a follow-up and the closing fit: 5 + 5 + 38 + 38 + 4 = 90.
DOUBLE_HOUR_ROUND = _round((8, 4, 18, 4, 4))
SHORT_CLOSING = replace(CLOSING, phases=(replace(CLOSING.phases[0], minutes=4),))

LEADERSHIP_DISCUSSION = Format(
    key="leadership",
    name=_("How the round was led"),
    kind=PartKind.LEADERSHIP,
    phases=(
        Phase(
            key="leadership_discussion",
            name=_("How the round was led"),
            minutes=45,
            rule=_("Talk about the leading of the round, not about the case."),
            speaks=Speaker.EVERYONE,
        ),
    ),
)


@dataclass(frozen=True)
class MeetingFormat:
    key: str
    name: str
    description: str
    parts: tuple[Format, ...]

    @property
    def minutes(self) -> int:
        return sum(part.minutes for part in self.parts)

    @property
    def rounds(self) -> int:
        return sum(1 for part in self.parts if part.kind == PartKind.ROUND)

    def part(self, index: int) -> Format:
        return self.parts[index]


def part_at(meeting_format: MeetingFormat, index: int) -> Format:
    """The agenda's part at an index; past the end, extra classic rounds, so that a group
    whose meeting runs longer than its format can take another case."""
    if index < len(meeting_format.parts):
        return meeting_format.part(index)
    return CLASSIC_ROUND


CLASSIC = MeetingFormat(
    key="classic",
    name=_("Classic Balint round"),
    description=_("One case, about 45 minutes, in five phases."),
    parts=(CLASSIC_ROUND,),
)
DOUBLE_HOUR = MeetingFormat(
    key="double_hour",
    name=_("Double hour"),
    description=_("90 minutes: check-in, a follow-up, two rounds, closing."),
    parts=(CHECK_IN, FOLLOW_UP, DOUBLE_HOUR_ROUND, DOUBLE_HOUR_ROUND, SHORT_CLOSING),
)
BLOCK_DAY = MeetingFormat(
    key="block_day",
    name=_("Block seminar day"),
    description=_("Four double hours on one day: eight rounds, with breaks and lunch."),
    parts=(
        CHECK_IN,
        FOLLOW_UP,
        DOUBLE_HOUR_ROUND,
        DOUBLE_HOUR_ROUND,
        _break(15),
        DOUBLE_HOUR_ROUND,
        DOUBLE_HOUR_ROUND,
        _break(60),
        DOUBLE_HOUR_ROUND,
        DOUBLE_HOUR_ROUND,
        _break(15),
        DOUBLE_HOUR_ROUND,
        DOUBLE_HOUR_ROUND,
        SHORT_CLOSING,
    ),
)
LEADERSHIP_GROUP = MeetingFormat(
    key="leadership",
    name=_("Leadership group"),
    description=_("As in leader training: a 45-minute round, then 45 minutes on how it was led."),
    parts=(CLASSIC_ROUND, LEADERSHIP_DISCUSSION),
)

MEETING_FORMATS: dict[str, MeetingFormat] = {
    f.key: f for f in (CLASSIC, DOUBLE_HOUR, BLOCK_DAY, LEADERSHIP_GROUP)
}


def meeting_format_by_key(key: str) -> MeetingFormat:
    try:
        return MEETING_FORMATS[key]
    except KeyError:
        raise ValueError(f"unknown meeting format {key!r}") from None


# --- custom formats ----------------------------------------------------------------------

NAME_MAX = 60
RULE_MAX = 200
PHASE_MINUTES_MAX = 240
PHASES_MAX = 20


Problem = str | tuple[str, dict[str, Any]]


class FormatError(ValueError):
    """A composition that would not make a workable meeting. Each problem is a marked text,
    with its values apart, so that the web layer translates it before filling them in."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(self.messages))

    def translated(self, translate: Callable[[str], str]) -> list[str]:
        result = []
        for problem in self.problems:
            if isinstance(problem, tuple):
                text, values = problem
                result.append(translate(text) % values)
            else:
                result.append(translate(problem))
        return result

    @property
    def messages(self) -> list[str]:
        return self.translated(lambda text: text)


def _phase_from(spec: Any, number: int, errors: list[Problem]) -> Phase | None:
    if not isinstance(spec, dict):
        errors.append((_("Phase %(n)s is not readable."), {"n": number}))
        return None
    name = spec.get("name")
    minutes = spec.get("minutes")
    rule = spec.get("rule", "")
    speaks = spec.get("speaks", Speaker.EVERYONE.value)
    sits_back = spec.get("sits_back", False)
    start = len(errors)
    if not isinstance(name, str) or not name.strip():
        errors.append((_("Phase %(n)s needs a name."), {"n": number}))
    elif len(name.strip()) > NAME_MAX:
        errors.append(
            (
                _("The name of phase %(n)s is too long (at most %(max)s characters)."),
                {"n": number, "max": NAME_MAX},
            )
        )
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 1:
        errors.append((_("Phase %(n)s needs a duration of at least one minute."), {"n": number}))
    elif minutes > PHASE_MINUTES_MAX:
        errors.append(
            (
                _("Phase %(n)s is too long: at most %(max)s minutes."),
                {"n": number, "max": PHASE_MINUTES_MAX},
            )
        )
    if not isinstance(rule, str) or len(rule) > RULE_MAX:
        errors.append(
            (
                _("The rule of phase %(n)s is too long (at most %(max)s characters)."),
                {"n": number, "max": RULE_MAX},
            )
        )
    if speaks not in {s.value for s in Speaker}:
        errors.append((_("Phase %(n)s: choose who speaks."), {"n": number}))
    if not isinstance(sits_back, bool):
        errors.append((_("Phase %(n)s: say whether the presenter sits back."), {"n": number}))
    if len(errors) > start:
        return None
    assert isinstance(name, str) and isinstance(minutes, int) and isinstance(rule, str)
    return Phase(
        key=f"custom_{number}",
        name=name.strip(),
        minutes=minutes,
        rule=rule.strip(),
        speaks=Speaker(speaks),
        presenter_sits_back=sits_back,
    )


def custom_format(*, key: str, name: str, phases: Any) -> MeetingFormat:
    """A leader's own format from a list of phase specifications (dicts with name, minutes,
    rule, speaks, sits_back). Raises FormatError with every problem found."""
    errors: list[Problem] = []
    if not isinstance(name, str) or not name.strip():
        errors.append(_("Give the format a name."))
    elif len(name.strip()) > NAME_MAX:
        errors.append(
            (_("The format's name is too long (at most %(max)s characters)."), {"max": NAME_MAX})
        )
    if not isinstance(phases, list) or not phases:
        errors.append(_("A format needs at least one phase."))
        raise FormatError(errors)
    if len(phases) > PHASES_MAX:
        errors.append((_("A format has at most %(max)s phases."), {"max": PHASES_MAX}))
        raise FormatError(errors)
    built = [_phase_from(spec, number, errors) for number, spec in enumerate(phases, start=1)]
    if errors:
        raise FormatError(errors)
    part = Format(
        key=key,
        name=name.strip(),
        kind=PartKind.CUSTOM,
        phases=tuple(p for p in built if p is not None),
    )
    return MeetingFormat(key=key, name=name.strip(), description="", parts=(part,))


def check_fits(fmt: MeetingFormat, *, meeting_minutes: int) -> None:
    """Refuse a format longer than the meeting it is chosen for."""
    if fmt.minutes > meeting_minutes:
        raise FormatError(
            [
                (
                    _(
                        "This format takes %(format)s minutes, "
                        "longer than the meeting's %(meeting)s."
                    ),
                    {"format": fmt.minutes, "meeting": meeting_minutes},
                )
            ]
        )
