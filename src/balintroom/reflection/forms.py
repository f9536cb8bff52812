from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from balintroom.deid.identifiers import find_identifiers

from .models import IMPROVE_MAX, OWN_WORDS_MAX
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
        label=_("Which of these did you recognise in yourself, with this client or patient?"),
        required=False, widget=forms.CheckboxSelectMultiple(attrs={"class": "chips"}))

    def __init__(self, *args: Any, named: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["recognised"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(key, FEELINGS[key]) for key in named]
