import zoneinfo

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


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
    profession = models.CharField(
        _("profession"), max_length=80, blank=True,
        help_text=_("For example general practitioner, nurse, psychotherapist, social worker."),
    )
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
