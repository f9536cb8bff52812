from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import hours, images
from .models import AttendanceSetting, AttendanceStatus, LogbookKind
from .services import RosterLine

PERIOD_CHOICES = [("month", _("Month")), ("quarter", _("Quarter")), ("year", _("Year"))]


class DateInput(forms.DateInput):
    """A date picker. Its value is always ISO (the browser shows it in the reader's way):
    a German date ("30.11.2026") would leave it empty, and the form sent without it."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def roll_call_form(lines: Sequence[RosterLine], data: object = None) -> "RollCallForm":
    """present/absent/excused for those who never opened the room, each as expected."""
    people = [(line.user.pk, line.user.name, line.default_status)
              for line in lines if not line.opened_room]
    return RollCallForm(data, people=people)


def roll_call_rows(lines: Sequence[RosterLine], form: "RollCallForm"
                   ) -> list[tuple[RosterLine, Any]]:
    """Each person of the roster with her roll-call field (None: the room counted her)."""
    return [(line, None if line.opened_room else form[f"status-{line.user.pk}"])
            for line in lines]


class RollCallForm(forms.Form):
    """present/absent/excused for each person who never opened the room."""

    def __init__(self, *args: object, people: list[tuple[int, str, str]], **kwargs: object
                 ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for user_id, name, default in people:
            self.fields[f"status-{user_id}"] = forms.ChoiceField(
                label=name, choices=AttendanceStatus.choices, initial=default,
                widget=forms.RadioSelect)

    def statuses(self) -> dict[int, str]:
        return {int(name.removeprefix("status-")): value
                for name, value in self.cleaned_data.items()}


class CorrectionForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=AttendanceStatus.choices)
    minutes = forms.IntegerField(label=_("Minutes attended"), min_value=0, max_value=12 * 60)
    setting = forms.ChoiceField(label=_("Setting"), choices=AttendanceSetting.choices)
    reason = forms.CharField(label=_("Reason for the correction"), max_length=300,
                             help_text=_("Kept with the record, with your name and the time."))


class NoticeForm(forms.Form):
    note = forms.CharField(label=_("Note for the leaders (optional)"), max_length=200,
                           required=False,
                           help_text=_("The leaders see it. No need to give a reason."))


class HoursFilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Per"), choices=PERIOD_CHOICES, initial="month",
                               required=False)
    first = forms.DateField(label=_("From"), required=False, widget=DateInput)
    last = forms.DateField(label=_("To"), required=False, widget=DateInput)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("first") and data.get("last") and data["first"] > data["last"]:
            raise forms.ValidationError(_("The period ends before it begins."))
        if data.get("period") not in hours.PERIODS:
            data["period"] = "month"
        return data


class CertificateForm(forms.Form):
    members = forms.MultipleChoiceField(label=_("For"), widget=forms.CheckboxSelectMultiple)
    period_start = forms.DateField(label=_("From"), widget=DateInput)
    period_end = forms.DateField(label=_("To"), widget=DateInput)
    scheme = forms.ChoiceField(label=_("Counts toward"), required=False)

    def __init__(self, *args: object, members: list[tuple[str, str]],
                 schemes: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        members_field = self.fields["members"]
        assert isinstance(members_field, forms.MultipleChoiceField)
        members_field.choices = members
        scheme_field = self.fields["scheme"]
        assert isinstance(scheme_field, forms.ChoiceField)
        scheme_field.choices = [("", _("No particular scheme")), *schemes]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and start > end:
            raise forms.ValidationError(_("The period ends before it begins."))
        return data


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300,
                             help_text=_("Kept with the certificate; the public page only "
                                         "says that it was revoked and when."))


class JoinForm(forms.Form):
    code = forms.CharField(label=_("Code from the organisation's coordinator"), max_length=40)


class SchemeForm(forms.Form):
    definition = forms.CharField(
        label=_("The scheme as JSON"), widget=forms.Textarea(attrs={"rows": 24,
                                                                    "spellcheck": "false"}),
        max_length=40_000)


class LogbookEntryForm(forms.Form):
    kind = forms.ChoiceField(label=_("What"), choices=LogbookKind.choices)
    date = forms.DateField(label=_("Date"), widget=DateInput)
    hours = forms.DecimalField(label=_("Hours (of 60 minutes)"), min_value=0.25,
                               max_value=100, decimal_places=2, max_digits=5)
    cases = forms.IntegerField(label=_("Case discussions (if any)"), min_value=0,
                               max_value=500, initial=0, required=False)
    in_person = forms.BooleanField(label=_("In person"), required=False, initial=True)
    note = forms.CharField(label=_("Note"), max_length=500, required=False,
                           help_text=_("For example the seminar, the supervisor or the "
                                       "place. No case material."))

    def clean_date(self) -> object:
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Choose a date that has passed."))
        return day


class _ImageField(forms.FileField):
    """An uploaded image, cleaned into a plain PNG (records/images.py) or refused with
    what is wrong with it."""

    widget = forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"})

    def clean(self, data: Any, initial: Any = None) -> bytes | None:
        upload = super().clean(data, initial)
        if not upload:
            return None
        return images.png_from_upload(upload)


class IssuerForm(forms.Form):
    name = forms.CharField(label=_("Issuing organisation"), max_length=160,
                           help_text=_("The institute, society or practice that issues the "
                                       "certificates, as an accrediting body knows it."))
    address = forms.CharField(label=_("Address"), max_length=400, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
    logo = _ImageField(label=_("Logo"), required=False,
                       help_text=_("Optional: a PNG or JPEG image, at most 2 MB."))
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)


class SignerForm(forms.Form):
    qualification = forms.CharField(
        label=_("Your qualification"), max_length=160, required=False,
        help_text=_("As the certificates should show it beside your name, for example "
                    "“Balint group leader (DBG)”."))
    signature = _ImageField(label=_("Your signature"), required=False,
                            help_text=_("Optional: a scan or photo of your signature on "
                                        "white paper, PNG or JPEG, at most 2 MB."))
    remove_signature = forms.BooleanField(label=_("Remove the signature"), required=False)
