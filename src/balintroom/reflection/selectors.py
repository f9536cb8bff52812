"""Reads of the review: whose round it is, whether it can still be answered, and the
group's summary, which holds only the answers the tally lets it show."""

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import fmean
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from balintroom.accounts.models import User
from balintroom.groups.models import Meeting, Membership
from balintroom.groups.selectors import meeting_format_for
from balintroom.live.models import Room, Round
from balintroom.live.selectors import room_admission
from balintroom.method.agenda import part_at
from balintroom.method.formats import REVIEW, PartKind
from balintroom.method.round import Status

from .models import (
    Administration,
    Instrument,
    Mirror,
    OwnReview,
    ResearchConsent,
    Response,
    ReviewAnswer,
    ReviewTally,
)
from .vocabulary import FEELINGS, SCALE, SIMILAR, feelings_ranked

REVIEW_AFTER_THE_END = timedelta(hours=6)


@dataclass(frozen=True)
class ReviewPlace:
    """A round's review, as one person of the room may reach it."""

    room: Room
    meeting: Meeting
    membership: Membership
    round: Round

    @property
    def reached(self) -> bool:
        return reached_review(self.round, self.meeting)

    @property
    def open(self) -> bool:
        return self.open_at(timezone.now())

    def open_at(self, now: datetime) -> bool:
        """Answers are taken from the Review on, until the meeting ends: when a leader
        ends it in the room, or some hours after its time if nobody did."""
        return (self.reached and self.room.ended_at is None and not self.meeting.cancelled
                and now <= self.meeting.ends_at + REVIEW_AFTER_THE_END)

    @property
    def presents(self) -> bool:
        return self.round.presenter_id == self.membership.user_id


def reached_review(round_: Round, meeting: Meeting) -> bool:
    """A Balint round that went as far as its Review (a round ended before it has none)."""
    if round_.kind != PartKind.ROUND or round_.status == Status.WAITING:
        return False
    keys = [phase.key for phase in part_at(meeting_format_for(meeting), round_.part_index).phases]
    return REVIEW.key in keys and round_.phase_index >= keys.index(REVIEW.key)


def review_place(user: User, meeting_id: int, number: int) -> ReviewPlace:
    """A round of a meeting of one of her groups whose room she may be in, or 404."""
    admission = room_admission(user, meeting_id)
    if not admission.admitted:
        raise Http404
    round_ = Round.objects.filter(room=admission.room, number=number).first()
    if round_ is None or round_.kind != PartKind.ROUND:
        raise Http404
    return ReviewPlace(room=admission.room, meeting=admission.meeting,
                       membership=admission.membership, round=round_)


def review_round_on_display(room: Room, number: int) -> Round:
    round_ = Round.objects.filter(room=room, number=number, kind=PartKind.ROUND).first()
    if round_ is None:
        raise Http404
    return round_


@dataclass(frozen=True)
class Summary:
    """What the group may see of a round's review: how many answered, and of the answers
    the summary shows (none, or at least SUMMARY_MIN), the sums."""

    answered: int
    shown: int
    urge: tuple[int, ...] = ()  # how many chose 1..5
    helped: tuple[int, ...] = ()
    similar: tuple[tuple[str, int], ...] = ()
    feelings: tuple[tuple[str, int], ...] = ()  # most named first
    own_words: tuple[str, ...] = ()
    improvements: tuple[str, ...] = ()
    urge_mean: float | None = None
    helped_mean: float | None = None
    feeling_keys: frozenset[str] = field(default_factory=frozenset)

    @property
    def waiting(self) -> int:
        """Answers given that the summary does not show (yet)."""
        return self.answered - self.shown

    @property
    def feelings_named(self) -> list[tuple[Any, int]]:
        return [(FEELINGS[key], count) for key, count in self.feelings]

    @property
    def similar_named(self) -> list[tuple[Any, int]]:
        return [(SIMILAR[key], count) for key, count in self.similar]

    @property
    def urge_rows(self) -> list[tuple[int, int]]:
        return list(zip(SCALE, self.urge, strict=True))

    @property
    def helped_rows(self) -> list[tuple[int, int]]:
        return list(zip(SCALE, self.helped, strict=True))


def mean_of(values: list[int]) -> float | None:
    """A 1-5 answer's mean as the pages show it, or None for no answers."""
    return round(fmean(values), 1) if values else None


def summary_of(answered: int, answers: list[ReviewAnswer]) -> Summary:
    """The sums of the shown answers (the caller passes only those)."""
    if not answers:
        return Summary(answered=answered, shown=0)
    urges = [a.urge for a in answers if a.urge is not None]
    helps = [a.helped for a in answers if a.helped is not None]
    urge_count, help_count = Counter(urges), Counter(helps)
    similar = Counter(a.similar for a in answers if a.similar in SIMILAR)
    feelings = Counter(key for a in answers for key in a.feelings)
    named = feelings_ranked(feelings)
    # Sorted, so that the order tells nothing of who answered first.
    return Summary(
        answered=answered, shown=len(answers),
        urge=tuple(urge_count[n] for n in SCALE), helped=tuple(help_count[n] for n in SCALE),
        similar=tuple((key, similar[key]) for key in SIMILAR),
        feelings=tuple(named),
        own_words=tuple(sorted((a.own_words for a in answers if a.own_words), key=str.lower)),
        improvements=tuple(sorted((a.improve for a in answers if a.improve), key=str.lower)),
        urge_mean=mean_of(urges), helped_mean=mean_of(helps),
        feeling_keys=frozenset(key for key, _n in named),
    )


def review_summary(round_: Round) -> Summary:
    tally = ReviewTally.objects.filter(round=round_).first()
    if tally is None:
        return Summary(answered=0, shown=0)
    return summary_of(tally.answered, list(ReviewAnswer.objects.filter(round=round_, shown=True)))


def own_review(user: User, round_: Round) -> dict[str, Any] | None:
    own = OwnReview.objects.filter(user=user, round=round_).first()
    return json.loads(own.answer) if own is not None else None


def mirror_of(user: User, round_: Round) -> list[str] | None:
    mirror = Mirror.objects.filter(user=user, round=round_).first()
    return json.loads(mirror.recognised) if mirror is not None else None


def administration_for_member(user: User, administration_id: int
                              ) -> tuple[Administration, Membership]:
    """A wave of a questionnaire in one of her groups, where she is a member; or 404."""
    administration = Administration.objects.select_related("instrument", "group").filter(
        pk=administration_id).first()
    if administration is None:
        raise Http404
    membership = Membership.objects.filter(group_id=administration.group_id, user=user
                                           ).select_related("group", "user").first()
    if membership is None or membership.leads:
        raise Http404
    return administration, membership


def administrations_of(group_ids: list[int]) -> list[Administration]:
    return list(Administration.objects.filter(group_id__in=group_ids)
                .select_related("instrument", "group").order_by("opens_on", "pk"))


def responses_of(user: User) -> dict[int, Response]:
    return {r.administration_id: r for r in Response.objects.filter(user=user)
            .select_related("administration__instrument")}


def research_consents_of(user: User) -> set[int]:
    return set(ResearchConsent.objects.filter(user=user).values_list("group_id", flat=True))


def instruments_offered() -> QuerySet[Instrument]:
    """What leaders may schedule: not withdrawn."""
    return Instrument.objects.filter(withdrawn_at__isnull=True)


def administrator_or_404(user: User) -> None:
    """Loading and withdrawing questionnaires is for the installation's administrators."""
    if not user.is_staff:
        raise Http404


def instruments_for_administrator(user: User) -> list[Instrument]:
    administrator_or_404(user)
    return list(Instrument.objects.all())


def instrument_for_administrator(user: User, instrument_id: int) -> Instrument:
    administrator_or_404(user)
    instrument = Instrument.objects.filter(pk=instrument_id).first()
    if instrument is None:
        raise Http404
    return instrument


def wave_open(administration: Administration, today: date) -> bool:
    return administration.opens_on <= today <= administration.closes_on


def wave_closed(administration: Administration, today: date | None = None) -> bool:
    return (today or timezone.localdate()) > administration.closes_on


def member_group_ids(user: User) -> list[int]:
    """The groups where she is a member (leaders are not asked the questionnaires)."""
    return list(Membership.objects.filter(user=user, role="member")
                .values_list("group_id", flat=True))


def questionnaires_of_member(user: User, today: date
                             ) -> list[tuple[Administration, Response | None]]:
    """Her waves: open now, or answered (with her response); not those to come, nor
    those that closed without her answer."""
    responses = responses_of(user)
    return [(a, responses.get(a.pk)) for a in administrations_of(member_group_ids(user))
            if wave_open(a, today) or (a.pk in responses and a.opens_on <= today)]


def questionnaires_waiting(user: User) -> list[Administration]:
    """Waves open now in her groups, as a member, that she has not answered."""
    today = timezone.localdate()
    return list(Administration.objects.filter(
        group_id__in=member_group_ids(user), opens_on__lte=today,
        closes_on__gte=today).exclude(
        pk__in=Response.objects.filter(user=user).values("administration_id"))
        .select_related("group", "instrument").order_by("closes_on"))
