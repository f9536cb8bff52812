"""Forms check what a person typed; the services decide what may happen."""

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.forms.utils import from_current_timezone
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from balintroom.core.typed_numbers import checked_number
from balintroom.method.agenda import MEETING_FORMATS, PHASES_MAX
from balintroom.method.console import PROMPT_CARD_MAX
from balintroom.method.formats import CLASSIC_ROUND, Speaker

from .cme import CME_POINTS_MAX, cme_points_problem, vnr_problem
from .models import (
    REMINDER_CHOICES,
    SERIES_MAX_MEETINGS,
    BalintGroup,
    CustomFormat,
    MeetingSeries,
    MeetingSetting,
    Recurrence,
    RoleChoice,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Only links a browser opens: the model's URLField would also take ftp://.
WEB_LINK = URLValidator(schemes=["http", "https"])

# The longest meeting the database takes (Meeting's duration constraint): a long block day.
MAX_MEETING_MINUTES = 12 * 60
MIN_MEETING_MINUTES = 10


def _link_field(label: "StrOrPromise") -> forms.URLField:
    return forms.URLField(
        label=label, required=False, assume_scheme="https", validators=[WEB_LINK],
        max_length=200,
        help_text=_("For example https://meet.example.org/tuesday-group"),
    )


class GroupForm(forms.ModelForm):
    video_link = _link_field(_("Video-call link (optional)"))
    # Left out (an older page, a script), the group keeps what it has: a day before.
    reminder_hours = forms.TypedChoiceField(
        label=_("Reminder before each meeting"), choices=REMINDER_CHOICES, coerce=int,
        required=False, empty_value=None,
        help_text=_("By e-mail, in each member's language and time zone. "
                    "Each member can turn reminders off for herself."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Older pages and scripts that leave these out keep what the group has.
        self.fields["places"].required = False
        self.fields["openness"].required = False
        if not settings.JITSI_URL:
            del self.fields["video_embedded"]  # this installation has no call of its own
        else:
            self.fields["video_embedded"].label = _("Meet online inside the room")
            self.fields["video_embedded"].help_text = _(
                "The video call runs in the room itself, on this organisation's own server, "
                "instead of the link above.")

    def clean(self) -> dict[str, Any]:
        super().clean()
        starts, ends = self.cleaned_data.get("starts_on"), self.cleaned_data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The group ends after it starts."))
        return self.cleaned_data

    def clean_places(self) -> int:
        places = self.cleaned_data.get("places")
        if places is None:  # left out: as it was
            return int(self.initial.get("places", self.instance.places))
        if not 1 <= places <= 20:
            raise forms.ValidationError(_("Give between 1 and 20 places."))
        return int(places)

    def clean_openness(self) -> str:
        return str(self.cleaned_data.get("openness")
                   or self.initial.get("openness", self.instance.openness))

    def clean_reminder_hours(self) -> int:
        chosen = self.cleaned_data.get("reminder_hours")
        if chosen is None:
            return int(self.initial.get("reminder_hours", self.instance.reminder_hours))
        return int(chosen)

    class Meta:
        model = BalintGroup
        fields = ["name", "description", "setting", "language", "served", "video_link",
                  "video_embedded", "reminder_hours", "openness", "places", "starts_on",
                  "ends_on"]
        widgets = {
            # Seven kinds with what each is for: read in full, not cut off in a select.
            "served": forms.RadioSelect(attrs={"class": "choice-list"}),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {
            "name": _("Name of the group"),
            "setting": _("Where the group meets"),
            "served": _("Whom the members serve"),
        }
        help_texts = {
            "description": _("What the group is about; only its members see this."),
            "served": _("Every page of the group, the room too, speaks of them this way."),
            "places": _("Members, leaders not counted: a Balint group works best with four "
                        "to eight."),
        }


class GroupEditForm(GroupForm):
    """A group's leaders also word its confidentiality agreement."""

    class Meta(GroupForm.Meta):
        fields = [*GroupForm.Meta.fields, "confidentiality_text"]
        labels = {**GroupForm.Meta.labels,
                  "confidentiality_text": _("Confidentiality agreement")}
        help_texts = {
            **GroupForm.Meta.help_texts,
            "confidentiality_text": _("Every member accepts it before joining. When you "
                                      "change it, every other member accepts it again."),
        }


class AgreementForm(forms.Form):
    agree = forms.BooleanField(
        label=_("I accept the group's confidentiality agreement"),
        error_messages={"required": _("To join, accept the group's confidentiality "
                                      "agreement.")},
    )


class CandidateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    email = forms.EmailField(label=_("Email address"))


class IntakeForm(forms.Form):
    """Read in the leader's own time zone, as a meeting's date and time."""

    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    time = forms.TimeField(
        label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))

    def at(self) -> datetime:
        return from_current_timezone(datetime.combine(self.cleaned_data["date"],
                                                      self.cleaned_data["time"]))


class PauseForm(forms.Form):
    paused_from = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    paused_until = forms.DateField(
        label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The last day of the pause. The place in the group stays hers."))


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=RoleChoice.choices)


def format_choices(group: BalintGroup) -> list[tuple[str, str]]:
    """The shipped formats with their descriptions, then the group's own; in the reader's
    language, so built each time the form is shown."""
    choices = [
        (key, gettext("%(name)s (%(minutes)s min) – %(description)s") % {
            "name": gettext(fmt.name), "minutes": fmt.minutes,
            "description": gettext(fmt.description)})
        for key, fmt in MEETING_FORMATS.items()
    ]
    for custom in group.custom_formats.all():
        choices.append((custom.key, gettext("%(name)s (%(minutes)s min) – composed by the group")
                        % {"name": custom.name, "minutes": custom.minutes}))
    return choices


def format_minutes(group: BalintGroup) -> dict[str, int]:
    """Each format's length: choosing a format sets the meeting's."""
    minutes = {key: fmt.minutes for key, fmt in MEETING_FORMATS.items()}
    minutes.update({custom.key: custom.minutes for custom in group.custom_formats.all()})
    return minutes


class MeetingForm(forms.Form):
    """Date and time are read in the leader's own time zone (the one the middleware
    activated from her profile) and stored in UTC."""

    # The format before the length: choosing it sets the length.
    field_order = ["date", "time", "format_key", "duration_minutes"]
    # Shown folded under their own heading: most groups are not accredited by a chamber.
    CME_FIELDS = ("vnr", "cme_points")

    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    time = forms.TimeField(
        label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration in minutes"), min_value=MIN_MEETING_MINUTES,
        max_value=MAX_MEETING_MINUTES, initial=90,
        help_text=_("About 40 minutes per case: 90 minutes hold two cases."),
    )
    setting = forms.ChoiceField(label=_("Where"), choices=MeetingSetting.choices)
    place = forms.CharField(
        label=_("Place"), max_length=200, required=False,
        help_text=_("For a meeting in person: address and room."),
    )
    video_link = _link_field(_("Video-call link"))
    closing = forms.BooleanField(
        label=_("This is the group's closing meeting"), required=False,
        help_text=_("Its last: the group takes its leave. The members see it marked."))
    format_key = forms.ChoiceField(
        label=_("Format"), widget=forms.RadioSelect,
        help_text=_("What the meeting is made of. It must fit into the meeting's duration."),
    )
    # Longer than the 19 digits kept: a printed VNR may come in groups, with spaces.
    vnr = forms.CharField(
        label=_("VNR (event number)"), max_length=40, required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("The 19 digits your medical chamber gave the meeting when it accredited "
                    "it."))
    cme_points = forms.DecimalField(
        label=_("CME points"), required=False, max_digits=4, decimal_places=1,
        widget=forms.NumberInput(attrs={"min": "0.1", "max": str(CME_POINTS_MAX), "step": "0.1"}),
        help_text=_("As the chamber accredited them, for example 3 or 4.5."))

    def __init__(self, *args: Any, group: BalintGroup,
                 current_start: datetime | None = None, series: MeetingSeries | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group = group
        self.current_start = current_start
        format_field = self.fields["format_key"]
        assert isinstance(format_field, forms.ChoiceField)
        format_field.choices = format_choices(group)
        self.minutes = format_minutes(group)
        if group.video_link:
            self.fields["video_link"].help_text = gettext(
                "Leave empty to use the group's link, %(link)s."
            ) % {"link": group.video_link}
        # A meeting of an accredited series has the series' number unless it has its own.
        if series is not None and series.vnr:
            self.fields["vnr"].help_text = gettext(
                "Leave empty to use the series' VNR, %(vnr)s.") % {"vnr": series.vnr}
        if series is not None and series.cme_points is not None:
            self.fields["cme_points"].help_text = gettext(
                "Leave empty to use the series' points, %(points)s."
            ) % {"points": formats.number_format(series.cme_points)}

    @property
    def main_fields(self) -> list[forms.BoundField]:
        return [f for f in self.visible_fields() if f.name not in self.CME_FIELDS]

    @property
    def cme_fields(self) -> list[forms.BoundField]:
        return [f for f in self.visible_fields() if f.name in self.CME_FIELDS]

    @property
    def cme_open(self) -> bool:
        """Unfolded when there is something in it: a number given, or one to correct."""
        return any(f.errors or f.value() not in (None, "") for f in self.cme_fields)

    def clean_vnr(self) -> str:
        return checked_number(self.cleaned_data["vnr"], vnr_problem)

    def clean_cme_points(self) -> Decimal | None:
        points = self.cleaned_data["cme_points"]
        if points is not None and (problem := cme_points_problem(points)):
            raise forms.ValidationError(problem)
        return points

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        # Choosing a format sets the length (the page's script, as she clicks). Without the
        # script, a format longer than the length she left untouched still takes its own.
        chosen, length = data.get("format_key"), data.get("duration_minutes")
        if ("format_key" in self.changed_data and "duration_minutes" not in self.changed_data
                and chosen in self.minutes and length is not None
                and self.minutes[chosen] > length):
            data["duration_minutes"] = self.minutes[chosen]
        day, start = data.get("date"), data.get("time")
        if day is not None and start is not None:
            try:
                starts_at = from_current_timezone(datetime.combine(day, start))
            except ValidationError as error:
                self.add_error("time", error)
            else:
                # A start in the past is nearly always a typo; a meeting that has begun
                # keeps its start (the form shows it to the minute).
                current = self.current_start
                if current is not None and starts_at == current.replace(second=0,
                                                                        microsecond=0):
                    data["starts_at"] = current
                elif starts_at < timezone.now():
                    self.add_error("date", gettext("This date and time are in the past."))
                else:
                    data["starts_at"] = starts_at
        setting = data.get("setting")
        if setting == MeetingSetting.IN_PERSON and not data.get("place"):
            self.add_error("place", gettext("Say where the group meets in person."))
        if (setting == MeetingSetting.ONLINE and not data.get("video_link")
                and not self.group.video_link):
            self.add_error("video_link", gettext("Add the link of the video call."))
        return data

    def meeting_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        online = data["setting"] == MeetingSetting.ONLINE
        return {
            "starts_at": data["starts_at"],
            "duration_minutes": data["duration_minutes"],
            "setting": data["setting"],
            "place": data["place"],
            "video_link": data["video_link"] or (self.group.video_link if online else ""),
            "format_key": data["format_key"],
            "closing": data.get("closing", False),
            "vnr": data.get("vnr", ""),
            "cme_points": data.get("cme_points"),
        }


class SeriesForm(MeetingForm):
    """A year's meetings in one go: the first one's date and time, how often, how many."""

    field_order = ["recurrence", "date", "time", "count", "dates", "format_key",
                   "duration_minutes"]
    recurrence = forms.ChoiceField(label=_("How often"), choices=Recurrence.choices,
                                   widget=forms.RadioSelect, initial=Recurrence.FORTNIGHTLY)
    count = forms.IntegerField(
        label=_("Number of meetings"), min_value=2, max_value=SERIES_MAX_MEETINGS, initial=20,
        help_text=_("For example 20 for a year of meetings every two weeks, with the "
                    "holidays left out. You can take single dates out afterwards."))

    dates = forms.CharField(
        label=_("The dates"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For a series on dates you give: each date, one per line, for example "
                    "2031-03-06. Each day is one meeting at the time above."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date"].label = _("First meeting")
        self.fields["vnr"].help_text = _(
            "The 19 digits your medical chamber gave the series when it accredited it. Each "
            "meeting can still be given a number of its own.")
        self.fields["cme_points"].help_text = _(
            "For each meeting, as the chamber accredited them, for example 3 or 4.5.")
        # Either the first meeting and how many, or the dates themselves.
        self.fields["date"].required = self.fields["count"].required = False
        del self.fields["closing"]  # a series' last meeting is marked on its own

    def clean_dates(self) -> list[date]:
        text = self.cleaned_data.get("dates", "")
        one = forms.DateField()
        days = []
        for word in text.replace(",", " ").split():
            try:
                days.append(one.clean(word))
            except forms.ValidationError:
                raise forms.ValidationError(
                    gettext("“%(word)s” is not a date (for example 2031-03-06).")
                    % {"word": word[:30]}) from None
        if len(set(days)) > SERIES_MAX_MEETINGS:
            raise forms.ValidationError(gettext("At most %(max)d dates.")
                                        % {"max": SERIES_MAX_MEETINGS})
        return sorted(set(days))

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        if data.get("recurrence") == Recurrence.DATES:
            days = data.get("dates") or []
            if len(days) < 2 and "dates" not in self.errors:
                self.add_error("dates", gettext("Give at least two dates."))
            if days:
                data["date"], data["count"] = days[0], len(days)
        else:
            for name in ("date", "count"):
                if data.get(name) is None and name not in self.errors:
                    self.add_error(name, gettext("This field is required."))
        return super().clean()

    def series_fields(self) -> dict[str, Any]:
        fields = self.meeting_fields()
        fields.pop("starts_at")
        fields.pop("closing")
        data = self.cleaned_data
        return {**fields, "recurrence": data["recurrence"], "first_date": data["date"],
                "start_time": data["time"], "count": data["count"],
                "dates": data.get("dates") or None,
                "zone": timezone.get_current_timezone_name()}


# Custom formats


class CustomFormatForm(forms.Form):
    # No length limits here: method.agenda.custom_format checks the whole format and says
    # everything that is wrong at once.
    name = forms.CharField(label=_("Name of the format"), required=False, strip=True)


class PhaseForm(forms.Form):
    """One phase of a custom format. Every field may be left empty: a row left empty is
    no phase, and custom_format names what a phase lacks."""

    name = forms.CharField(label=_("Name of the phase"), required=False)
    minutes = forms.IntegerField(label=_("Minutes"), required=False,
                                 widget=forms.NumberInput(attrs={"min": 1}))
    rule = forms.CharField(label=_("Rule shown in the room"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))
    speaks = forms.ChoiceField(label=_("Who speaks"), initial=Speaker.EVERYONE.value,
                               choices=[
                                   (Speaker.EVERYONE.value, _("Everyone")),
                                   (Speaker.MEMBERS.value, _("The members")),
                                   (Speaker.PRESENTER.value, _("The presenter")),
                               ])
    sits_back = forms.BooleanField(label=_("The presenter sits back and listens"),
                                   required=False)

    def is_blank(self) -> bool:
        data = self.cleaned_data
        return not data.get("name") and data.get("minutes") is None and not data.get("rule")

    def spec(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"name": data.get("name", ""), "minutes": data.get("minutes"),
                "rule": data.get("rule", ""), "speaks": data.get("speaks", ""),
                "sits_back": bool(data.get("sits_back"))}


# Empty rows beyond a format's phases, so that a few can be added without a round trip.
EXTRA_PHASE_ROWS = 2

class BasePhaseFormSet(forms.BaseFormSet):
    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        form.fields["ORDER"].label = _("Position")
        form.fields["DELETE"].label = _("Leave out this phase")


PhaseFormSet = forms.formset_factory(
    PhaseForm, formset=BasePhaseFormSet, extra=0, can_delete=True, can_order=True,
    max_num=PHASES_MAX + EXTRA_PHASE_ROWS, absolute_max=PHASES_MAX + EXTRA_PHASE_ROWS,
)
PHASES_PREFIX = "phases"


def phase_rows_initial(custom: CustomFormat | None) -> list[dict[str, Any]]:
    """The rows a new format starts from (the classic round, to be changed) or an existing
    format's phases, then empty rows."""
    if custom is not None:
        rows = [dict(spec) for spec in custom.phases]
    else:
        rows = [{"name": gettext(p.name), "minutes": p.minutes, "rule": gettext(p.rule),
                 "speaks": p.speaks.value, "sits_back": p.presenter_sits_back}
                for p in CLASSIC_ROUND.phases]
    return rows + [{"speaks": Speaker.EVERYONE.value}] * EXTRA_PHASE_ROWS


def phase_formset(data: Any = None, *, custom: CustomFormat | None = None,
                  add_row: bool = False) -> Any:
    if data is None:
        return PhaseFormSet(prefix=PHASES_PREFIX, initial=phase_rows_initial(custom))
    if add_row:
        # "Add a phase" shows the same rows again and one more.
        data = data.copy()
        key = f"{PHASES_PREFIX}-TOTAL_FORMS"
        try:
            total = int(data.get(key, 0))
        except ValueError:
            total = 0
        data[key] = str(min(total + 1, PHASES_MAX + EXTRA_PHASE_ROWS))
    return PhaseFormSet(data, prefix=PHASES_PREFIX)


def phase_specs(formset: Any) -> list[dict[str, Any]]:
    """The phases the rows describe, in the order given, without removed or empty rows.
    Call after formset.is_valid()."""
    return [form.spec() for form in formset.ordered_forms
            if form not in formset.deleted_forms and not form.is_blank()]


class PromptCardForm(forms.Form):
    text = forms.CharField(label=_("Text of the card"), max_length=PROMPT_CARD_MAX)
