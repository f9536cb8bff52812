from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balintroom.groups.models import BalintGroup, Meeting

from .fields import EncryptedTextField

MIN_RETENTION_DAYS = 1
MAX_RETENTION_DAYS = 3650
NOTE_MAX_CHARS = 20000
LABEL_MAX_CHARS = 80


def default_retention_days() -> int:
    return int(settings.CASE_RETENTION_DAYS)


class CasePolicy(models.Model):
    """How long a group's case material is kept. A group without one keeps it for
    CASE_RETENTION_DAYS."""

    group = models.OneToOneField(
        BalintGroup, on_delete=models.CASCADE, related_name="case_policy"
    )
    retention_days = models.PositiveIntegerField(
        _("days to keep private notes after a meeting"),
        default=default_retention_days,
        validators=[MinValueValidator(MIN_RETENTION_DAYS), MaxValueValidator(MAX_RETENTION_DAYS)],
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("case policy")
        verbose_name_plural = _("case policies")
        constraints = [
            models.CheckConstraint(
                condition=Q(retention_days__gte=MIN_RETENTION_DAYS,
                            retention_days__lte=MAX_RETENTION_DAYS),
                name="case_retention_days_range",
            )
        ]

    def __str__(self) -> str:
        return f"case policy of group #{self.group_id}"


class NotesOptIn(models.Model):
    """A participant chose to keep private notes for one meeting; until then she has none."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "meeting"], name="one_notes_opt_in_per_meeting")
        ]

    def __str__(self) -> str:
        return f"notes opt-in #{self.pk}"


class NoteKind(models.TextChoices):
    DURING_ROUND = "during_round", _("During my round")
    FURTHERED = "what_furthered_my_thinking", _("What furthered my thinking, and why")
    FOLLOW_UP = "follow_up_idea", _("An idea for a follow-up")


class PrivateNote(models.Model):
    """A participant's note, readable by her alone. Text and label are encrypted at rest;
    nothing here may be logged, shown to anyone else, or put into a URL."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    round_number = models.PositiveSmallIntegerField(_("round"), null=True, blank=True)
    kind = models.CharField(
        _("kind"), max_length=32, choices=NoteKind.choices, default=NoteKind.DURING_ROUND
    )
    text = EncryptedTextField(_("note"), max_length=NOTE_MAX_CHARS)
    label = EncryptedTextField(_("case label"), max_length=LABEL_MAX_CHARS, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["author", "meeting"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=NoteKind.values), name="private_note_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"private note #{self.pk}"


DEBRIEF_MAX_CHARS = 20000


class LeaderDebrief(models.Model):
    """The leaders' debrief of a meeting, one per meeting: written after it by its group's
    leader and co-leaders, for them alone, for their own development (and later the leader
    logbook). The text is encrypted at rest and may not be logged, shown to anyone else, or
    put into a URL.

    Unlike private notes it is not deleted when the group's retention time is over; it goes
    with its meeting (and the meeting with its group)."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="+")
    text = EncryptedTextField(_("debrief"), max_length=DEBRIEF_MAX_CHARS)
    # Kept when she leaves: the debrief belongs to the meeting's leaders, not to her alone.
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("leader debrief")
        verbose_name_plural = _("leader debriefs")

    def __str__(self) -> str:
        return f"leader debrief #{self.pk}"
