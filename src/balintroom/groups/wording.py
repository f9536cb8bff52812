"""Texts worded for whom a group's members serve (method/served.py), in the reader's
language: Django's pgettext, with the kind as the context."""

from collections.abc import Mapping

from django.utils.translation import gettext, gettext_lazy, pgettext

from balintroom.method.console import DEFAULT_PROMPT_CARDS
from balintroom.method.served import SERVED_LABELS, Served, Worded


def served_kind(served: str) -> Served:
    """The group's kind; one this version does not know reads as patients, as before."""
    try:
        return Served(served)
    except ValueError:
        return Served.PATIENTS


def worded(text: Worded, served: str) -> str:
    kind = served_kind(served)
    return pgettext(kind.value, text[kind])


SERVED_CHOICES = [(kind.value, gettext_lazy(label)) for kind, label in SERVED_LABELS.items()]


def default_prompt_cards(served: str) -> list[str]:
    """The prompt cards a group that serves these starts with, in the current language."""
    return [worded(text, served) if isinstance(text, Mapping) else gettext(text)
            for text in DEFAULT_PROMPT_CARDS]
