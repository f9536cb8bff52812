"""Forms check what a person typed; the services decide what may happen."""

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.forms.utils import from_current_timezone
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from balintroom.method.formats import FORMATS

from .models import BalintGroup, MeetingSetting, RoleChoice

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

    class Meta:
        model = BalintGroup
        fields = ["name", "description", "setting", "language", "audience", "video_link"]
        labels = {
            "name": _("Name of the group"),
            "setting": _("Where the group meets"),
            "audience": _("Who is in the group"),
        }
        help_texts = {
            "description": _("What the group is about; only its members see this."),
            "audience": _("Decides whether the room speaks of patients, or of clients or "
                          "patients."),
        }


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=RoleChoice.choices)


def _format_choices() -> list[tuple[str, str]]:
    # Called each time the form is shown, so the names come in the reader's language.
    return [(key, gettext(fmt.name)) for key, fmt in FORMATS.items()]


class MeetingForm(forms.Form):
    """Date and time are read in the leader's own time zone (the one the middleware
    activated from her profile) and stored in UTC."""

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
    format_key = forms.ChoiceField(label=_("Format"), choices=_format_choices)

    def __init__(self, *args: Any, group: BalintGroup,
                 current_start: datetime | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group = group
        self.current_start = current_start
        if group.video_link:
            self.fields["video_link"].help_text = gettext(
                "Leave empty to use the group's link, %(link)s."
            ) % {"link": group.video_link}

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
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
        }
