"""A group over a year, and a member over hers: the reads behind the plots.

The group's figures come only from answers the summaries show (blocks of at least three
per round), so a meeting's mean is the mean of shown blocks, and no two figures differ
by one person's answer. Cases and attendance are counts the leaders see anyway.
"""

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from balintroom.accounts.models import User
from balintroom.groups.models import BalintGroup, Meeting
from balintroom.groups.selectors import members_of
from balintroom.live.models import Round
from balintroom.method.formats import PartKind
from balintroom.records.models import AttendanceRecord, AttendanceStatus

from .models import Mirror, OwnReview, ReviewAnswer
from .selectors import mean_of
from .vocabulary import FEELINGS, SIMILAR, feelings_ranked

YEAR = timedelta(days=365)


@dataclass(frozen=True)
class MeetingPoint:
    meeting: Meeting
    day: date
    urge: float | None  # the mean of the answers shown, or None: none shown
    helped: float | None
    answers: int  # answers shown
    present: int | None  # None: attendance not confirmed


@dataclass(frozen=True)
class CasesOf:
    user: User
    cases: int


@dataclass(frozen=True)
class Development:
    since: date
    meetings: list[MeetingPoint]
    cases: list[CasesOf]  # every member, most cases first
    feelings: list[tuple[Any, int]]  # feeling word, how often named in shown answers

    @property
    def answers(self) -> int:
        return sum(point.answers for point in self.meetings)

    @property
    def cases_total(self) -> int:
        return sum(line.cases for line in self.cases)

    @property
    def presenters(self) -> int:
        return sum(1 for line in self.cases if line.cases)

    @property
    def largest_share(self) -> int | None:
        """The percentage of the cases the most frequent presenter brought."""
        total = self.cases_total
        return round(100 * self.cases[0].cases / total) if total else None


def group_development(group: BalintGroup, *, now: datetime | None = None) -> Development:
    """The group's last twelve months."""
    now = now or timezone.now()
    since = now - YEAR
    meetings = list(Meeting.objects.filter(group=group, starts_at__gte=since,
                                           starts_at__lte=now, cancelled_at__isnull=True)
                    .order_by("starts_at"))
    shown = ReviewAnswer.objects.filter(
        shown=True, round__room__meeting__in=meetings).values_list(
        "round__room__meeting_id", "urge", "helped", "feelings")
    urges: dict[int, list[int]] = {}
    helps: dict[int, list[int]] = {}
    counted: Counter[int] = Counter()
    feelings: Counter[str] = Counter()
    for meeting_id, urge, helped, named in shown:
        counted[meeting_id] += 1
        if urge is not None:
            urges.setdefault(meeting_id, []).append(urge)
        if helped is not None:
            helps.setdefault(meeting_id, []).append(helped)
        feelings.update(named)
    present = dict(AttendanceRecord.objects.filter(meeting__in=meetings).values(
        "meeting_id").annotate(n=Count("pk", filter=Q(status=AttendanceStatus.PRESENT)))
        .values_list("meeting_id", "n"))
    points = [MeetingPoint(
        meeting=m, day=timezone.localtime(m.starts_at).date(),
        urge=mean_of(urges.get(m.pk, [])), helped=mean_of(helps.get(m.pk, [])),
        answers=counted[m.pk], present=present.get(m.pk)) for m in meetings]
    brought = Counter(Round.objects.filter(
        room__meeting__in=meetings, kind=PartKind.ROUND, presenter__isnull=False,
        started_at__isnull=False).values_list("presenter_id", flat=True))
    people = [m.user for m in members_of(group) if not m.leads]
    cases = sorted((CasesOf(user=u, cases=brought[u.pk]) for u in people),
                   key=lambda line: (-line.cases, line.user.name))
    named = feelings_ranked(feelings)
    return Development(since=timezone.localtime(since).date(), meetings=points, cases=cases,
                       feelings=[(FEELINGS[key], n) for key, n in named])


@dataclass(frozen=True)
class OwnLine:
    """One of her answers, with where it was given."""

    round: Round
    meeting: Meeting
    day: date
    answer: dict[str, Any]
    presented: bool
    recognised: list[Any]  # feeling words, if she presented and kept a mirror

    @property
    def feelings(self) -> list[Any]:
        return [FEELINGS[key] for key in self.answer.get("feelings", []) if key in FEELINGS]

    @property
    def similar(self) -> Any:
        return SIMILAR.get(self.answer.get("similar", ""), "")


def own_history(user: User) -> list[OwnLine]:
    """Her answers, oldest first, in every group she answered in; and where she presented
    and kept a mirror without answering, that too."""
    answers = {own.round_id: json.loads(own.answer) for own in OwnReview.objects.filter(user=user)}
    mirrors = {m.round_id: json.loads(m.recognised) for m in Mirror.objects.filter(user=user)}
    lines = []
    for round_ in Round.objects.filter(pk__in=answers.keys() | mirrors.keys()).select_related(
            "room__meeting__group"):
        meeting = round_.room.meeting
        lines.append(OwnLine(
            round=round_, meeting=meeting, day=timezone.localtime(meeting.starts_at).date(),
            answer=answers.get(round_.pk, {}), presented=round_.presenter_id == user.pk,
            recognised=[FEELINGS[k] for k in mirrors.get(round_.pk, []) if k in FEELINGS]))
    return sorted(lines, key=lambda line: (line.meeting.starts_at, line.round.number))
