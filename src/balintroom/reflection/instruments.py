"""A questionnaire as an administrator loads it: its items, its answer scale and how its
scales are scored, read from JSON and checked before anything is stored. No Django here
but for the translated messages: the rules are plain Python.

The format (README, "Questionnaires"):

    {"name": "...", "language": "en", "source": "authors, year, where published",
     "scale": {"min": 1, "max": 5, "low": "does not apply", "high": "applies fully"},
     "items": [{"key": "q1", "text": "...", "reverse": false}, ...],
     "scales": [{"key": "urge", "name": "...", "items": ["q1", "q2"], "method": "mean"}]}
"""

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

ITEMS_MAX = 80
TEXT_MAX = 400
KEY = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
METHODS = ("mean", "sum")
# A scale's score needs at least this share of its items answered.
ANSWERED_ENOUGH = 0.5


class InstrumentInvalid(ValueError):
    """What is wrong with a definition, said so that she can fix the file."""


@dataclass(frozen=True)
class Item:
    key: str
    text: str
    reverse: bool = False


@dataclass(frozen=True)
class Scale:
    key: str
    name: str
    items: tuple[str, ...]
    method: str = "mean"


@dataclass(frozen=True)
class Definition:
    name: str
    language: str
    source: str
    low: int
    high: int
    low_label: str
    high_label: str
    items: tuple[Item, ...]
    scales: tuple[Scale, ...]

    @property
    def points(self) -> range:
        return range(self.low, self.high + 1)


def _text(data: dict[str, Any], key: str, where: str, *, required: bool = True,
          limit: int = TEXT_MAX) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise InstrumentInvalid(_("%(where)s: “%(key)s” must be a text.")
                                % {"where": where, "key": key})
    if len(value) > limit:
        raise InstrumentInvalid(_("%(where)s: “%(key)s” is longer than %(n)d characters.")
                                % {"where": where, "key": key, "n": limit})
    return value.strip()


def _key(data: dict[str, Any], where: str) -> str:
    key = data.get("key")
    if not isinstance(key, str) or not KEY.match(key):
        raise InstrumentInvalid(_("%(where)s: “key” must be short, in small letters, digits "
                                  "and _ (like q1).") % {"where": where})
    return key


def definition_parse(data: Any) -> Definition:
    """The definition in `data` (parsed JSON), or InstrumentInvalid naming what to fix."""
    if not isinstance(data, dict):
        raise InstrumentInvalid(_("The file must hold one JSON object."))
    name = _text(data, "name", _("The questionnaire"), limit=160)
    scale = data.get("scale")
    if not isinstance(scale, dict) or not all(
            isinstance(scale.get(k), int) and not isinstance(scale.get(k), bool)
            for k in ("min", "max")) or not 0 <= scale["min"] < scale["max"] <= 10:
        raise InstrumentInvalid(_("“scale” needs whole numbers “min” and “max”, from 0 to 10, "
                                  "min below max."))
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not 1 <= len(raw_items) <= ITEMS_MAX:
        raise InstrumentInvalid(_("“items” must be a list of 1 to %(n)d items.")
                                % {"n": ITEMS_MAX})
    items = []
    for number, raw in enumerate(raw_items, start=1):
        where = _("Item %(n)d") % {"n": number}
        if not isinstance(raw, dict):
            raise InstrumentInvalid(_("%(where)s must be an object.") % {"where": where})
        reverse = raw.get("reverse", False)
        if not isinstance(reverse, bool):
            raise InstrumentInvalid(_("%(where)s: “reverse” must be true or false.")
                                    % {"where": where})
        items.append(Item(key=_key(raw, where), text=_text(raw, "text", where),
                          reverse=reverse))
    keys = [item.key for item in items]
    if len(set(keys)) != len(keys):
        raise InstrumentInvalid(_("Two items have the same key."))
    raw_scales = data.get("scales", [])
    if not isinstance(raw_scales, list) or len(raw_scales) > 20:
        raise InstrumentInvalid(_("“scales” must be a list of at most 20 scales."))
    scales = []
    for number, raw in enumerate(raw_scales, start=1):
        where = _("Scale %(n)d") % {"n": number}
        if not isinstance(raw, dict):
            raise InstrumentInvalid(_("%(where)s must be an object.") % {"where": where})
        members = raw.get("items")
        if not isinstance(members, list) or not members or any(k not in keys for k in members):
            raise InstrumentInvalid(_("%(where)s: “items” must list keys of the items.")
                                    % {"where": where})
        method = raw.get("method", "mean")
        if method not in METHODS:
            raise InstrumentInvalid(_("%(where)s: “method” must be “mean” or “sum”.")
                                    % {"where": where})
        scales.append(Scale(key=_key(raw, where), name=_text(raw, "name", where, limit=120),
                            items=tuple(members), method=method))
    if len({s.key for s in scales}) != len(scales):
        raise InstrumentInvalid(_("Two scales have the same key."))
    return Definition(
        name=name, language=_text(data, "language", _("The questionnaire"), limit=8),
        source=_text(data, "source", _("The questionnaire"), required=False),
        low=scale["min"], high=scale["max"],
        low_label=_text(scale, "low", "scale", required=False, limit=80),
        high_label=_text(scale, "high", "scale", required=False, limit=80),
        items=tuple(items), scales=tuple(scales))


def definition_json(definition: Definition) -> dict[str, Any]:
    """The definition as stored: the same format it was loaded from."""
    return {
        "name": definition.name, "language": definition.language, "source": definition.source,
        "scale": {"min": definition.low, "max": definition.high,
                  "low": definition.low_label, "high": definition.high_label},
        "items": [{"key": i.key, "text": i.text, "reverse": i.reverse}
                  for i in definition.items],
        "scales": [{"key": s.key, "name": s.name, "items": list(s.items), "method": s.method}
                   for s in definition.scales],
    }


def answers_check(definition: Definition, answers: dict[str, int]) -> dict[str, int]:
    """Only the definition's items, each on its scale (a skipped item is left out)."""
    known = {item.key for item in definition.items}
    if any(key not in known for key in answers) or any(
            value not in definition.points for value in answers.values()):
        raise InstrumentInvalid(_("An answer is not one of the questionnaire's."))
    return dict(answers)


def scores(definition: Definition, answers: dict[str, int]) -> dict[str, float | None]:
    """Each scale's score, reverse items turned; None where too few items were answered."""
    turned = {item.key: (definition.low + definition.high - answers[item.key]
                         if item.reverse else answers[item.key])
              for item in definition.items if item.key in answers}
    found: dict[str, float | None] = {}
    for scale in definition.scales:
        values = [turned[key] for key in scale.items if key in turned]
        if len(values) < ANSWERED_ENOUGH * len(scale.items) or not values:
            found[scale.key] = None
        elif scale.method == "sum":
            # A sum with items missing is scaled up from the mean, as usual.
            found[scale.key] = round(sum(values) * len(scale.items) / len(values), 2)
        else:
            found[scale.key] = round(sum(values) / len(values), 2)
    return found
