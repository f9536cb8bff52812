"""Writes of the review: an answer (its nameless copy for the summary and her own copy
for her history, together), and the presenter's mirror."""

import json
from dataclasses import asdict, dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from balintroom.accounts.models import User
from balintroom.live.broadcast import broadcast_review
from balintroom.live.models import Room, Round

from .models import Mirror, OwnReview, ResearchConsent, ReviewAnswer, ReviewTally
from .selectors import ReviewPlace, review_summary

# The summary shows answers only in blocks of at least this many: a summary never
# changes by one person's answer, so nobody learns an answer by comparing two of them.
SUMMARY_MIN = 3


class ReviewError(Exception):
    """A review answer that cannot be taken, with a sentence for the person."""


@dataclass(frozen=True)
class Answer:
    urge: int | None = None
    helped: int | None = None
    similar: str = ""
    feelings: tuple[str, ...] = ()
    own_words: str = ""
    improve: str = ""

    def as_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)


@sensitive_variables()
def review_answer(*, place: ReviewPlace, by: User, answer: Answer,
                  now: datetime | None = None) -> ReviewTally:
    """Take her answer to a round's review (place: from review_place, for her), given
    `now`. Raises ReviewError, changing nothing, when the review is closed or she has
    answered."""
    if by.pk != place.membership.user_id:
        raise ValueError("the place is another person's")
    with transaction.atomic():
        # The round's tally, locked, orders its answers: each sees the one before it.
        ReviewTally.objects.get_or_create(round_id=place.round.pk)
        tally = ReviewTally.objects.select_for_update().get(round_id=place.round.pk)
        room = Room.objects.get(pk=place.room.pk)
        round_ = Round.objects.get(pk=place.round.pk)
        current = ReviewPlace(room=room, meeting=place.meeting, membership=place.membership,
                          round=round_)
        if not current.open_at(now or timezone.now()):
            raise ReviewError(_("The review of this case is closed."))
        try:
            with transaction.atomic():
                OwnReview.objects.create(user=by, round=round_, answer=answer.as_json())
        except IntegrityError:
            raise ReviewError(_("You have already answered the review of this case.")) from None
        ReviewAnswer.objects.create(
            round=round_, urge=answer.urge, helped=answer.helped, similar=answer.similar,
            feelings=list(answer.feelings), own_words=answer.own_words,
            improve=answer.improve, research=ResearchConsent.objects.filter(
                user=by, group_id=place.meeting.group_id).exists())
        tally.answered += 1
        if tally.answered - tally.shown >= SUMMARY_MIN:
            ReviewAnswer.objects.filter(round=round_, shown=False).update(shown=True)
            tally.shown = tally.answered
        tally.save(update_fields=["answered", "shown"])
        counts = {"room_id": room.pk, "number": round_.number,
                  "answered": tally.answered, "shown": tally.shown}
        transaction.on_commit(lambda: broadcast_review(**counts))
    return tally


def review_mirror(*, place: ReviewPlace, by: User, recognised: list[str]) -> Mirror:
    """The presenter's private note of which feelings the group named she recognised in
    herself; only from the feelings the summary shows. She may change it."""
    if by.pk != place.membership.user_id or not place.presents:
        raise ReviewError(_("Only the presenter of this case can do this."))
    named = review_summary(place.round).feeling_keys
    if not named:
        raise ReviewError(_("The group's feelings are not shown yet."))
    if any(key not in named for key in recognised):
        raise ReviewError(_("Choose from the feelings the group named."))
    mirror, _created = Mirror.objects.update_or_create(
        user=by, round=place.round, defaults={"recognised": json.dumps(sorted(recognised))})
    return mirror
