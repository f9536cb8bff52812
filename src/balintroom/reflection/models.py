"""The review of a case, answered privately.

Each answer is kept twice, apart: once without a name, for the group's summary
(ReviewAnswer: no person, no time, a random key, so nothing lines it up with who answered
when), and once as the person's own copy, encrypted, for her history (OwnReview). The
summary shows answers only in blocks of at least SUMMARY_MIN (services.review_answer):
two summaries of the same round, before and after, differ by a block, never by one
person's answer.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from balintroom.cases.fields import EncryptedTextField
from balintroom.live.models import Round

OWN_WORDS_MAX = 120
IMPROVE_MAX = 300


class ReviewTally(models.Model):
    """How many have answered a round's review, and how many of those the summary shows."""

    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="review_tally")
    answered = models.PositiveSmallIntegerField(default=0)
    shown = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(shown__lte=models.F("answered")),
                                   name="review_shown_within_answered"),
        ]

    def __str__(self) -> str:
        return f"review tally #{self.pk}"


class ReviewAnswer(models.Model):
    """One answer, without a name."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    # In the summary: answers join it a block at a time.
    shown = models.BooleanField(default=False)
    urge = models.PositiveSmallIntegerField(null=True, blank=True)
    helped = models.PositiveSmallIntegerField(null=True, blank=True)
    similar = models.CharField(max_length=8, blank=True)
    feelings = models.JSONField(default=list, blank=True)
    own_words = EncryptedTextField(max_length=OWN_WORDS_MAX, blank=True)
    improve = EncryptedTextField(max_length=IMPROVE_MAX, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(urge__isnull=True) | Q(urge__gte=1, urge__lte=5),
                                   name="review_urge_on_scale"),
            models.CheckConstraint(
                condition=Q(helped__isnull=True) | Q(helped__gte=1, helped__lte=5),
                name="review_helped_on_scale"),
        ]

    def __str__(self) -> str:
        return "review answer"


class OwnReview(models.Model):
    """Her own copy of her answer, which only she reads; that she has one is also what
    keeps her from answering twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    answer = EncryptedTextField()  # JSON

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "round"], name="one_review_per_round"),
        ]

    def __str__(self) -> str:
        return f"own review #{self.pk}"


class Mirror(models.Model):
    """Which of the feelings the group named the presenter recognised in herself: hers
    alone, never summed up with anyone's."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    recognised = EncryptedTextField()  # JSON list of feeling keys

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "round"], name="one_mirror_per_round"),
        ]

    def __str__(self) -> str:
        return f"mirror #{self.pk}"
