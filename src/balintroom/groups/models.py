from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balintroom.method.formats import FORMATS
from balintroom.method.roles import Role


class Setting(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    MIXED = "mixed", _("Mixed")


class Audience(models.TextChoices):
    CLINICIANS = "clinicians", _("Mostly clinicians (we speak of patients)")
    MIXED = "mixed", _("Mixed professions (we speak of clients or patients)")


class RoleChoice(models.TextChoices):
    LEADER = Role.LEADER.value, _("Leader")
    CO_LEADER = Role.CO_LEADER.value, _("Co-leader")
    MEMBER = Role.MEMBER.value, _("Member")


class BalintGroup(models.Model):
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    setting = models.CharField(_("setting"), max_length=16, choices=Setting.choices)
    language = models.CharField(
        _("language of the group"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    audience = models.CharField(
        _("members"), max_length=16, choices=Audience.choices, default=Audience.CLINICIANS
    )
    video_link = models.URLField(_("video-call link"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("Balint group")
        verbose_name_plural = _("Balint groups")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    group = models.ForeignKey(BalintGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=16, choices=RoleChoice.choices, default=RoleChoice.MEMBER
    )
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group"),
            models.CheckConstraint(
                condition=Q(role__in=[r.value for r in Role]), name="membership_role_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.group} ({self.role})"

    @property
    def leads(self) -> bool:
        return self.role in (Role.LEADER, Role.CO_LEADER)


def _invitation_expiry() -> datetime:
    return timezone.now() + timedelta(days=settings.INVITATION_DAYS)


class Invitation(models.Model):
    group = models.ForeignKey(BalintGroup, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["group", "email"],
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="one_open_invitation_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"invitation #{self.pk}"

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class MeetingSetting(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")


FORMAT_CHOICES = [(key, fmt.name) for key, fmt in FORMATS.items()]


class Meeting(models.Model):
    group = models.ForeignKey(BalintGroup, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=90)
    setting = models.CharField(_("setting"), max_length=16, choices=MeetingSetting.choices)
    place = models.CharField(_("place"), max_length=200, blank=True)
    video_link = models.URLField(_("video-call link"), blank=True)
    format_key = models.CharField(
        _("format"), max_length=32, choices=FORMAT_CHOICES, default="classic"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=10, duration_minutes__lte=12 * 60),
                name="meeting_duration_sane",
            )
        ]

    def __str__(self) -> str:
        return f"meeting #{self.pk}"

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def online(self) -> bool:
        return self.setting == MeetingSetting.ONLINE
