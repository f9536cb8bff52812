import zoneinfo

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from .professions import OTHER, PROFESSION_CHOICES, PROFESSIONS


def timezone_choices() -> list[tuple[str, str]]:
    # A callable keeps the tz database's list out of migrations.
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]
# Each language in its own words: whoever looks for hers finds it however the page speaks.
LANGUAGE_CHOICES = [("", _("As my browser says")), ("en", "English"), ("de", "Deutsch"),
                    ("el", "Ελληνικά"), ("fr", "Français")]


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: object) -> "User":
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A person who signs in with her email address."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("display name"), max_length=80, blank=True,
        help_text=_("How the group sees you, for example “Dr. Anna Weber”."),
    )
    profession_kind = models.CharField(_("profession"), max_length=24, blank=True,
                                       choices=PROFESSION_CHOICES)
    profession = models.CharField(
        _("your profession in your own words"), max_length=80, blank=True,
        help_text=_("For example general practitioner, hospice nurse, youth-welfare worker, "
                    "family judge. Needed with “Other”."),
    )
    # For certificates and continuing-education credits: her name as her registration
    # or passport has it (the display name is how the group knows her), and a German
    # physician's EFN (accounts/efn.py).
    legal_name = models.CharField(
        _("full name for certificates"), max_length=160, blank=True,
        help_text=_("As on your professional registration, for example “Dr. med. Anna "
                    "Weber”. Only your certificates show it."))
    efn = models.CharField(
        _("EFN (German physicians)"), max_length=15, blank=True,
        help_text=_("Your 15-digit continuing-education number, for CME points; leave it "
                    "empty if you have none."))
    language = models.CharField(_("language"), max_length=8, blank=True, choices=LANGUAGE_CHOICES)
    timezone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Berlin", choices=timezone_choices
    )

    # E-mails she may turn off (each has its unsubscribe link); what she must know (a
    # meeting moved or cancelled) always comes.
    email_reminders = models.BooleanField(
        _("e-mail me a reminder before each meeting"), default=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []  # noqa: RUF012 - Django reads it as a class attribute

    objects = UserManager()  # type: ignore[misc,assignment]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.display_name or self.email.split("@")[0]

    @property
    def certificate_name(self) -> str:
        """How certificates and records name her: her full name as registered, else how
        the group knows her."""
        return self.legal_name or self.name

    @property
    def profession_shown(self) -> str:
        """Her profession as the group's list and her certificates show it: her own words
        where she gave them (the more precise), else the profession she picked."""
        if self.profession:
            return self.profession
        if self.profession_kind and self.profession_kind != OTHER:
            return str(PROFESSIONS.get(self.profession_kind, ""))
        return ""


class AuditKind(models.TextChoices):
    SIGN_IN = "sign_in", _("Signed in")
    SIGN_IN_FAILED = "sign_in_failed", _("Wrong password")
    GUESSING_SLOWED = "guessing_slowed", _("Sign-ins slowed after wrong passwords")
    SIGN_OUT = "sign_out", _("Signed out")
    SESSION_ENDED = "session_ended", _("Signed out after a time limit")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    PASSWORD_RESET = "password_reset", _("Password reset by e-mail")
    EMAIL_CHANGED = "email_changed", _("E-mail addresses changed")
    TWO_FACTOR_CHANGED = "two_factor_changed", _("Two-factor sign-in changed")
    ROLE_CHANGED = "role_changed", _("Role changed")
    MEMBER_REMOVED = "member_removed", _("Left or removed from a group")
    INVITATION_SENT = "invitation_sent", _("Invitation made")
    INVITATION_ACCEPTED = "invitation_accepted", _("Invitation accepted")
    CERTIFICATE_ISSUED = "certificate_issued", _("Certificate issued")
    CERTIFICATE_REVOKED = "certificate_revoked", _("Certificate revoked")
    DATA_EXPORTED = "data_exported", _("Data exported")
    ACCOUNT_ERASED = "account_erased", _("Account erased")
    KEYS_ROTATED = "keys_rotated", _("Encryption keys rotated")


class AppendOnly(Exception):
    """An audit event is never changed or deleted (only the retention job removes old
    ones, see accounts/audit.py)."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: object) -> int:
        raise AppendOnly("audit events are never changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnly("audit events are never deleted")


class AuditEvent(models.Model):
    """A security event: who, what, when, in which group - never what was said or written.
    The people are kept as numbers, not as links: an erased account leaves its events
    behind, pseudonymous."""

    at = models.DateTimeField(db_index=True)
    kind = models.CharField(max_length=24, choices=AuditKind.choices)
    # Whom it concerns, and who did it (the same person for her own sign-in).
    user_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    group_id = models.BigIntegerField(null=True, blank=True)
    # The network the request came from, shortened (a /24 or /48): enough to see "not
    # from here", not enough to find a home.
    network = models.CharField(max_length=48, blank=True)
    # A short, non-confidential word: the role given, the certificate's number.
    detail = models.CharField(max_length=64, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"audit event #{self.pk} ({self.kind})"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise AppendOnly("audit events are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise AppendOnly("audit events are never deleted")


def users_with_second_factor(user_ids: set[int]) -> set[int]:
    """Who of them has an authenticator app or a security key (recovery codes alone are no
    factor)."""
    from allauth.mfa.models import Authenticator

    return set(Authenticator.objects.filter(
        user_id__in=user_ids, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    ).values_list("user_id", flat=True))


def has_second_factor(user_id: int) -> bool:
    return user_id in users_with_second_factor({user_id})
