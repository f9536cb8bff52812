import zoneinfo
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from allauth.account import forms as allauth_forms
from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from balintroom.core.typed_numbers import checked_number

from .efn import efn_problem
from .models import LANGUAGE_CHOICES, User
from .models import timezone_choices as all_timezones
from .professions import OTHER

if TYPE_CHECKING:  # a development dependency: for the type checker only
    from django_stubs_ext import StrOrPromise

# The regions of the IANA database that name places; the rest are old aliases ("US/Eastern",
# "GB") or technical zones ("Etc/GMT+3", "Factory") nobody should have to scroll past.
_REGIONS = (
    "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe",
    "Indian", "Pacific",
)
_VALID_ZONES = frozenset(name for name, _label in all_timezones())


@cache
def _region_choices() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    groups: dict[str, list[tuple[str, str]]] = {region: [] for region in _REGIONS}
    for name in sorted(zoneinfo.available_timezones()):
        region, _slash, place = name.partition("/")
        if region in groups and place and name in _VALID_ZONES:
            groups[region].append((name, place.replace("_", " ").replace("/", " / ")))
    return tuple((region, tuple(zones)) for region, zones in groups.items() if zones)


def timezone_choices(current: str = "") -> list:
    """IANA zones grouped by region, plus UTC and the user's current zone if it is an alias."""
    choices: list = [("UTC", "UTC")]
    if current and current != "UTC" and current in _VALID_ZONES:
        region, _slash, _place = current.partition("/")
        if region not in _REGIONS:
            choices.append((current, current))
    choices.extend((region, list(zones)) for region, zones in _region_choices())
    return choices


def _other_in_words(form: forms.BaseForm, data: dict[str, Any]) -> None:
    if data.get("profession_kind") == OTHER and not data.get("profession"):
        form.add_error("profession", _("Say which profession, in a few words."))


class ProfileForm(forms.ModelForm):
    # Longer than the 15 digits kept: her card prints them in groups, with spaces.
    efn = forms.CharField(
        label=User._meta.get_field("efn").verbose_name,
        help_text=User._meta.get_field("efn").help_text, max_length=24, required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))

    class Meta:
        model = User
        fields = ("display_name", "profession_kind", "profession", "legal_name", "efn",
                  "language", "timezone", "email_reminders")
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "profession": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "legal_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        language = cast(forms.ChoiceField, self.fields["language"])
        language.choices = LANGUAGE_CHOICES
        language.error_messages["invalid_choice"] = _("Choose a language from the list.")
        timezone = cast(forms.ChoiceField, self.fields["timezone"])
        timezone.choices = timezone_choices(self.instance.timezone)
        timezone.error_messages["invalid_choice"] = _("Choose a time zone from the list.")

    def clean_display_name(self) -> str:
        return " ".join(self.cleaned_data["display_name"].split())

    def clean_profession(self) -> str:
        return " ".join(self.cleaned_data["profession"].split())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _other_in_words(self, data)
        return data

    def clean_legal_name(self) -> str:
        return " ".join(self.cleaned_data["legal_name"].split())

    def clean_efn(self) -> str:
        return checked_number(self.cleaned_data["efn"], efn_problem)


class NameForm(forms.ModelForm):
    """How the group will see her: asked when she joins a group."""

    class Meta:
        model = User
        fields = ("display_name", "profession_kind", "profession")
        widgets = ProfileForm.Meta.widgets

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name = self.fields["display_name"]
        name.required = True
        name.error_messages["required"] = _("Write the name the group will know you by.")

    clean_display_name = ProfileForm.clean_display_name
    clean_profession = ProfileForm.clean_profession

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _other_in_words(self, data)
        return data


class NewAccountForm(NameForm):
    """Her account, made on the invitation's page: the link has proven the address."""

    password1 = forms.CharField(label=_("Choose a password"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(label=_("The same password again"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    # Filled in by the page from the browser's own setting (groups/join.js): her meetings
    # and reminders are then in her local time from the start. She can change it later.
    timezone = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_timezone(self) -> str:
        zone = self.cleaned_data.get("timezone", "")
        return zone if zone in _VALID_ZONES else ""

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            try:
                password_validation.validate_password(first, self.instance)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class UserAdminChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class UserAdminCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)

    def clean_email(self) -> str:
        # Sign-up lowercases addresses (UserManager, allauth); the admin must not create a
        # second account that differs only in case.
        email = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("A user with that email address already exists."), code="unique"
            )
        return email


# allauth's forms in the product's words (settings.ACCOUNT_FORMS). Each field has a visible
# label, so allauth's placeholders, which repeat the label in grey, are dropped; the
# autocomplete hints let browsers and password managers fill in the right things.


def _word(form: forms.Form, name: str, label: "StrOrPromise", autocomplete: str = "") -> None:
    field = form.fields.get(name)
    if field is None:
        return
    field.label = label
    field.widget.attrs.pop("placeholder", None)
    if autocomplete:
        field.widget.attrs["autocomplete"] = autocomplete


class LoginForm(allauth_forms.LoginForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # "username": what password managers pair with the password, though it is an email.
        _word(self, "login", _("Email address"), "username")
        _word(self, "password", _("Password"), "current-password")
        # The page shows "Forgot your password?" as a link of its own, large enough to tap.
        self.fields["password"].help_text = ""
        if "remember" in self.fields:
            self.fields["remember"].label = _("Keep me signed in on this device")


class SignupForm(allauth_forms.SignupForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _word(self, "email", _("Email address"), "email")
        _word(self, "password1", _("Choose a password"), "new-password")
        _word(self, "password2", _("The same password again"), "new-password")


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _word(self, "email", _("Email address"), "email")


class ResetPasswordKeyForm(allauth_forms.ResetPasswordKeyForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _word(self, "password1", _("New password"), "new-password")
        _word(self, "password2", _("The same password again"), "new-password")


class ChangePasswordForm(allauth_forms.ChangePasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _word(self, "oldpassword", _("Current password"), "current-password")
        self.fields["oldpassword"].help_text = ""  # the page links "Forgot your password?"
        _word(self, "password1", _("New password"), "new-password")
        _word(self, "password2", _("The same password again"), "new-password")


class SetPasswordForm(allauth_forms.SetPasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _word(self, "password1", _("Choose a password"), "new-password")
        _word(self, "password2", _("The same password again"), "new-password")


class AddEmailForm(allauth_forms.AddEmailForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _word(self, "email", _("Another email address"), "email")
