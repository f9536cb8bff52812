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
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balintroom.cases.fields import EncryptedTextField
from balintroom.groups.models import BalintGroup
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
    # She had agreed to research use in this group when she answered (ResearchConsent).
    research = models.BooleanField(default=False)

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


class Instrument(models.Model):
    """A questionnaire an administrator loaded (instruments.py checks it), with the
    permission she holds to use its items; or the one we ship (`shipped`)."""

    name = models.CharField(max_length=160)
    definition = models.JSONField()
    permission = models.TextField(max_length=1000)
    shipped = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    # Withdrawn: no longer offered to groups; what was collected stays.
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-shipped", "name"]

    def __str__(self) -> str:
        return self.name


class Wave(models.TextChoices):
    START = "start", _("At the start")
    SIX_MONTHS = "6m", _("After 6 months")
    TWELVE_MONTHS = "12m", _("After 12 months")


class Administration(models.Model):
    """A questionnaire put to a group's members for a while: one wave of its evaluation."""

    group = models.ForeignKey(BalintGroup, on_delete=models.CASCADE, related_name="+")
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="+")
    wave = models.CharField(max_length=8, choices=Wave.choices)
    opens_on = models.DateField()
    closes_on = models.DateField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["opens_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "instrument", "wave"],
                                    name="one_administration_per_wave"),
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")),
                                   name="administration_closes_after_it_opens"),
        ]

    def __str__(self) -> str:
        return f"administration #{self.pk}"


class Response(models.Model):
    """Her answers to one administration, which only she reads (her scores); that she has
    one also keeps her from answering twice."""

    administration = models.ForeignKey(Administration, on_delete=models.CASCADE,
                                       related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    answers = EncryptedTextField()  # JSON: item key -> point
    consented_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["administration", "user"],
                                    name="one_response_per_administration"),
        ]

    def __str__(self) -> str:
        return f"response #{self.pk}"


class ResponseRecord(models.Model):
    """The same answers without her name, for the aggregates; with a pseudonym only if she
    agreed to research use (services.pseudonym), so that her waves can be compared."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    administration = models.ForeignKey(Administration, on_delete=models.CASCADE,
                                       related_name="+")
    answers = models.JSONField()
    pseudonym = models.CharField(max_length=64, blank=True, db_index=True)

    def __str__(self) -> str:
        return "response record"


class ResearchConsent(models.Model):
    """She agrees that her answers in this group, without her name, may go into the
    research export of the group's programme. She may take it back at any time."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    group = models.ForeignKey(BalintGroup, on_delete=models.CASCADE, related_name="+")
    given_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "group"], name="one_research_consent"),
        ]

    def __str__(self) -> str:
        return f"research consent #{self.pk}"
