from datetime import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .models import (
    DEBRIEF_MAX_CHARS,
    LABEL_MAX_CHARS,
    MAX_RETENTION_DAYS,
    MIN_RETENTION_DAYS,
    NOTE_MAX_CHARS,
    NoteKind,
)

# What the identifier check is worth, said where she writes: on text it had not seen it
# found about nine in ten of such details (deid/identifier_testset/README.md).
CHECK_IS_NO_GUARANTEE = _("When you save, a check looks for such details. It finds most "
                          "of them, not all: a second pair of eyes, not a guarantee.")


class NoteForm(forms.Form):
    kind = forms.ChoiceField(label=_("What is it?"), choices=NoteKind.choices,
                             initial=NoteKind.DURING_ROUND)
    text = forms.CharField(
        label=_("Your note"),
        max_length=NOTE_MAX_CHARS,
        # Browsers may send spell-checked text to an online service: not this one.
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false", "autocomplete": "off"}),
        error_messages={
            "required": _("The note is empty. Write something, or go back."),
            "max_length": _("A note can hold at most %(limit_value)d characters; this one "
                            "has %(show_value)d. Shorten it, or split it in two."),
        },
        help_text=format_lazy("{} {}", _(
            "Leave out names, dates of birth, places and anything else that could identify "
            "the person you work with."), CHECK_IS_NO_GUARANTEE),
    )
    label = forms.CharField(
        label=_("Case label (optional)"), required=False, max_length=LABEL_MAX_CHARS,
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
        help_text=_("A few words to find this case again for a follow-up, for example "
                    "“the man with the dog”."),
        error_messages={
            "max_length": _("A label can hold at most %(limit_value)d characters; this one "
                            "has %(show_value)d."),
        },
    )
    round_number = forms.IntegerField(label=_("Round (optional)"), required=False,
                                      min_value=1, max_value=99)


class CasePolicyForm(forms.Form):
    retention_days = forms.IntegerField(
        label=_("Days to keep private notes after a meeting"),
        min_value=MIN_RETENTION_DAYS, max_value=MAX_RETENTION_DAYS,
        help_text=_("Between 1 and 3650. Notes older than this are deleted for good, "
                    "also when you shorten the time later."),
    )


class DebriefForm(forms.Form):
    text = forms.CharField(
        label=_("Debrief"),
        max_length=DEBRIEF_MAX_CHARS,
        # Browsers may send spell-checked text to an online service: not this one.
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "false", "autocomplete": "off"}),
        error_messages={
            "required": _("The debrief is empty. Write something, or go back."),
            "max_length": _("A debrief can hold at most %(limit_value)d characters; this one "
                            "has %(show_value)d. Shorten it."),
        },
        help_text=format_lazy("{} {}", _(
            "Leave out names, dates of birth, places and anything else that could identify "
            "the people in the cases."), CHECK_IS_NO_GUARANTEE),
    )
    # When the debrief the leader started from was saved (empty: there was none), so that a
    # save does not overwrite what the other leader saved meanwhile.
    seen = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        value = data.get("seen") or ""
        try:
            seen = datetime.fromisoformat(value) if value else None
        except ValueError:
            seen = None
        if value and (seen is None or timezone.is_naive(seen)):
            # A hidden field: the message goes above the form, where it is seen.
            raise forms.ValidationError(_("The form was damaged; please open the page "
                                          "again."), code="invalid")
        data["seen"] = seen
        return data
