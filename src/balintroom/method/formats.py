from dataclasses import dataclass
from enum import StrEnum

from .text import _


class Speaker(StrEnum):
    PRESENTER = "presenter"
    MEMBERS = "members"
    EVERYONE = "everyone"


@dataclass(frozen=True)
class Phase:
    key: str
    name: str
    minutes: int
    rule: str
    speaks: Speaker
    presenter_sits_back: bool = False
    optional: bool = False


class PartKind(StrEnum):
    """The parts a meeting is made of. A round needs a presenter; a follow-up needs the
    presenter of an earlier case; the others need no one in particular."""

    CHECK_IN = "check_in"
    FOLLOW_UP = "follow_up"
    ROUND = "round"
    BREAK = "break"
    CLOSING = "closing"
    LEADERSHIP = "leadership"
    CUSTOM = "custom"


@dataclass(frozen=True)
class Format:
    """One part of a meeting: a sequence of phases run one after the other. The classic
    Balint round is the part every meeting format is built around."""

    key: str
    name: str
    phases: tuple[Phase, ...]
    kind: PartKind = PartKind.ROUND
    # A check-in gives each participant a short turn of this many seconds.
    per_person_seconds: int | None = None

    @property
    def needs_presenter(self) -> bool:
        if self.kind in (PartKind.ROUND, PartKind.FOLLOW_UP):
            return True
        return any(p.presenter_sits_back or p.speaks == Speaker.PRESENTER for p in self.phases)

    @property
    def minutes(self) -> int:
        return sum(phase.minutes for phase in self.phases)

    def phase(self, index: int) -> Phase:
        return self.phases[index]

    @property
    def last_index(self) -> int:
        return len(self.phases) - 1


PRESENTATION = Phase(
    key="presentation",
    name=_("Presentation"),
    minutes=10,
    rule=_("Listen. No questions yet."),
    speaks=Speaker.PRESENTER,
)
CLARIFYING_QUESTIONS = Phase(
    key="clarifying_questions",
    name=_("Clarifying questions"),
    minutes=5,
    rule=_(
        "Only questions that clarify facts. No solution-seeking questions "
        "(“Have you tried…?”)."
    ),
    speaks=Speaker.EVERYONE,
    optional=True,
)
GROUP_EXPLORATION = Phase(
    key="group_exploration",
    name=_("Group exploration"),
    minutes=20,
    rule=_("Explore, don't solve. The presenter is listening, not answering."),
    speaks=Speaker.MEMBERS,
    presenter_sits_back=True,
)
PRESENTER_RETURNS = Phase(
    key="presenter_returns",
    name=_("Presenter returns"),
    minutes=5,
    rule=_("The group does not comment."),
    speaks=Speaker.PRESENTER,
)
REVIEW = Phase(
    key="review",
    name=_("Review"),
    minutes=5,
    rule=_("Don't go back into the case."),
    speaks=Speaker.EVERYONE,
)

CLASSIC_ROUND = Format(
    key="classic",
    name=_("Classic Balint round"),
    phases=(PRESENTATION, CLARIFYING_QUESTIONS, GROUP_EXPLORATION, PRESENTER_RETURNS, REVIEW),
)

REVIEW_QUESTIONS = (
    _("Was there a strong urge to “solve” the case?"),
    _("What feelings came up in individual participants?"),
    _(
        "Did the presenter or someone else experience similar emotions? "
        "How do these emotions relate to the situation?"
    ),
    _("How did the Balint process help you? How could it be improved?"),
)
