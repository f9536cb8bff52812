import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from balintroom.deid.identifiers import find_identifiers
from balintroom.groups.wording import worded
from balintroom.method.served import RECOGNISED

from .instruments import Definition
from .models import IMPROVE_MAX, OWN_WORDS_MAX, Instrument
from .services import Answer
from .vocabulary import FEELINGS, SCALE, SIMILAR

SCALE_CHOICES = [(str(n), str(n)) for n in SCALE]


class ScaleSelect(forms.RadioSelect):
    """A 1-5 scale in one row of large buttons, for a thumb."""

    def __init__(self) -> None:
        super().__init__(attrs={"class": "scale"})


class ReviewForm(forms.Form):
    """The review's questions, each optional: a few taps on a phone."""

    urge = forms.TypedChoiceField(
        label=_("Was there a strong urge to “solve” the case?"), choices=SCALE_CHOICES,
        help_text=_("1 no urge, 5 a strong urge"), coerce=int, empty_value=None,
        required=False, widget=ScaleSelect())
    feelings = forms.MultipleChoiceField(
        label=_("What feelings came up in you?"), required=False,
        choices=[(key, word) for key, word in FEELINGS.items()],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "chips"}))
    own_words = forms.CharField(
        label=_("Or in your own words"), max_length=OWN_WORDS_MAX, required=False,
        help_text=_("A feeling or an image, not the case: no names."))
    similar = forms.ChoiceField(
        label=_("Did you feel something similar to what the presenter felt?"),
        choices=list(SIMILAR.items()), required=False,
        widget=forms.RadioSelect(attrs={"class": "inline"}))
    helped = forms.TypedChoiceField(
        label=_("How much did the process help you?"), choices=SCALE_CHOICES,
        help_text=_("1 not at all, 5 very much"), coerce=int, empty_value=None,
        required=False, widget=ScaleSelect())
    improve = forms.CharField(
        label=_("One thing that could be better"), max_length=IMPROVE_MAX, required=False,
        widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, known_names: list[str] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known_names = known_names or []

    def _without_identifiers(self, name: str) -> str:
        text: str = self.cleaned_data.get(name, "").strip()
        # The summary shows these words to the room: nothing in them may point to a
        # client or patient.
        findings = find_identifiers(text, None, known_names=self.known_names)
        if findings:
            raise forms.ValidationError(
                _("This may identify someone: %(found)s. The review is about the group's "
                  "experience, not the case; please leave it out."),
                params={"found": ", ".join(f"“{f.text}”" for f in findings)})
        return text

    def clean_own_words(self) -> str:
        return self._without_identifiers("own_words")

    def clean_improve(self) -> str:
        return self._without_identifiers("improve")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not any(data.get(key) for key in self.fields):
            raise forms.ValidationError(_("Answer at least one question, or leave the "
                                          "review for later."))
        return data

    def answer(self) -> Answer:
        data = self.cleaned_data
        return Answer(urge=data["urge"], helped=data["helped"], similar=data["similar"],
                      feelings=tuple(data["feelings"]), own_words=data["own_words"],
                      improve=data["improve"])


class MirrorForm(forms.Form):
    recognised = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple(attrs={"class": "chips"}))

    def __init__(self, *args: Any, named: list[str], served: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["recognised"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.label = worded(RECOGNISED, served)
        field.choices = [(key, FEELINGS[key]) for key in named]


INSTRUMENT_FILE_MAX = 200_000


class InstrumentForm(forms.Form):
    """An administrator loads a questionnaire: its definition as JSON (README has the
    format), and the permission she holds to use its items."""

    definition_file = forms.FileField(
        label=_("The questionnaire as a JSON file"), required=False)
    definition_text = forms.CharField(
        label=_("Or paste it here"), required=False, max_length=INSTRUMENT_FILE_MAX,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}))
    permission = forms.CharField(
        label=_("Your permission to use these items"), max_length=1000,
        help_text=_("For instance: licence from the authors of 3 March 2026, for our "
                    "training programme. Questionnaires are often protected by copyright."),
        widget=forms.Textarea(attrs={"rows": 2}))
    confirm = forms.BooleanField(
        label=_("I hold this permission, and I may let the groups here use the items."))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("definition_file")
        text = data.get("definition_text") or ""
        if upload is not None:
            if upload.size > INSTRUMENT_FILE_MAX:
                raise forms.ValidationError(_("The file is larger than 200 KB."))
            try:
                text = upload.read().decode("utf-8")
            except UnicodeDecodeError:
                raise forms.ValidationError(_("The file is not text in UTF-8.")) from None
        if not text.strip():
            raise forms.ValidationError(_("Choose a file, or paste the questionnaire."))
        try:
            data["definition"] = json.loads(text)
        except json.JSONDecodeError as error:
            raise forms.ValidationError(
                _("This is not JSON: %(problem)s (line %(line)d)."),
                params={"problem": error.msg, "line": error.lineno}) from None
        return data


class ScheduleForm(forms.Form):
    instrument: "forms.ModelChoiceField[Instrument]" = forms.ModelChoiceField(
        label=_("Questionnaire"), queryset=Instrument.objects.none())
    first_day = forms.DateField(
        label=_("The first wave opens on"),
        help_text=_("The next waves open 6 and 12 months later; each stays open four weeks."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args: Any, instruments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["instrument"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = instruments


def questionnaire_form(definition: Definition, data: Any = None) -> "QuestionnaireForm":
    return QuestionnaireForm(data, definition=definition)


class QuestionnaireForm(forms.Form):
    """The items, each on the instrument's scale (any may be skipped), and her consent."""

    def __init__(self, *args: Any, definition: Definition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.definition = definition
        choices = [(str(n), str(n)) for n in definition.points]
        anchors = (f"{definition.low} {definition.low_label}, "
                   f"{definition.high} {definition.high_label}"
                   if definition.low_label or definition.high_label else "")
        for item in definition.items:
            self.fields[f"item_{item.key}"] = forms.TypedChoiceField(
                label=item.text, choices=choices, coerce=int, empty_value=None,
                required=False, widget=ScaleSelect(), help_text=anchors)
        self.fields["consent"] = forms.BooleanField(label=_(
            "I agree that my answers are kept. Only I see them with my name; the group's "
            "leaders and its programme see only sums over at least six members, once the "
            "questionnaire has closed."))
        self.fields["research"] = forms.BooleanField(required=False, label=_(
            "My answers in this group may also go, under a pseudonym and without my name, "
            "into the research export of the group's programme. I can take this back."))

    def answers(self) -> dict[str, int]:
        return {item.key: self.cleaned_data[f"item_{item.key}"]
                for item in self.definition.items
                if self.cleaned_data.get(f"item_{item.key}") is not None}
