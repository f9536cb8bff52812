"""What leaders and coordinators see of a questionnaire: sums over at least
RESPONDENTS_MIN respondents, and only once the wave has closed, so that no figure
changes by one person's answer. A programme's figures add up only waves that could be
shown on their own: one group's figure subtracted from the programme's leaves waves of at
least as many people again."""

import json
from dataclasses import dataclass
from datetime import date
from statistics import fmean, pstdev

from balintroom.groups.models import BalintGroup

from .instruments import Definition, Item, scores
from .models import Administration, Instrument, Response, ResponseRecord
from .questionnaires import definition_of
from .selectors import wave_closed

RESPONDENTS_MIN = 6


@dataclass(frozen=True)
class ScaleFigure:
    name: str
    n: int
    mean: float | None
    sd: float | None


@dataclass(frozen=True)
class ItemFigure:
    item: Item
    n: int
    mean: float | None


@dataclass(frozen=True)
class Figures:
    respondents: int
    shown: bool  # closed, and enough respondents
    scales: tuple[ScaleFigure, ...] = ()
    items: tuple[ItemFigure, ...] = ()


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def figures_of(definition: Definition, records: list[dict[str, int]]) -> Figures:
    """The sums of these answers (the caller decides that they may be shown)."""
    scored = [scores(definition, answers) for answers in records]
    scales = []
    for scale in definition.scales:
        values = [v for s in scored if (v := s[scale.key]) is not None]
        scales.append(ScaleFigure(
            name=scale.name, n=len(values),
            mean=_round(fmean(values)) if values else None,
            sd=_round(pstdev(values)) if len(values) > 1 else None))
    items = []
    for item in definition.items:
        points = [answers[item.key] for answers in records if item.key in answers]
        items.append(ItemFigure(item=item, n=len(points),
                                mean=_round(fmean(points)) if points else None))
    return Figures(respondents=len(records), shown=True, scales=tuple(scales),
                   items=tuple(items))


def administration_figures(administration: Administration, today: date | None = None
                           ) -> Figures:
    records = list(ResponseRecord.objects.filter(administration=administration)
                   .values_list("answers", flat=True))
    if not wave_closed(administration, today) or len(records) < RESPONDENTS_MIN:
        return Figures(respondents=len(records), shown=False)
    return figures_of(definition_of(administration.instrument), records)


@dataclass(frozen=True)
class ProgrammeWave:
    instrument: Instrument
    wave: str
    wave_label: str
    groups_shown: int
    groups_held_back: int
    figures: Figures


def programme_figures(groups: list[BalintGroup], today: date | None = None
                      ) -> list[ProgrammeWave]:
    """For a programme: each questionnaire's waves over its groups, from the waves that
    may be shown on their own."""
    administrations = list(Administration.objects.filter(group__in=groups)
                           .select_related("instrument").order_by("instrument_id", "wave"))
    counts: dict[int, list[dict[str, int]]] = {a.pk: [] for a in administrations}
    for administration_id, answers in ResponseRecord.objects.filter(
            administration__in=administrations).values_list("administration_id", "answers"):
        counts[administration_id].append(answers)
    waves: dict[tuple[int, str], list[Administration]] = {}
    for administration in administrations:
        waves.setdefault((administration.instrument_id, administration.wave), []
                         ).append(administration)
    found = []
    for (_instrument, _wave), members in waves.items():
        shown = [a for a in members
                 if wave_closed(a, today) and len(counts[a.pk]) >= RESPONDENTS_MIN]
        if not any(wave_closed(a, today) for a in members):
            continue
        first = members[0]
        records = [answers for a in shown for answers in counts[a.pk]]
        figures = (figures_of(definition_of(first.instrument), records) if shown
                   else Figures(respondents=0, shown=False))
        found.append(ProgrammeWave(instrument=first.instrument, wave=first.wave,
                                   wave_label=str(first.get_wave_display()),
                                   groups_shown=len(shown),
                                   groups_held_back=len(members) - len(shown),
                                   figures=figures))
    return found


def own_scores(response: Response) -> dict[str, float | None]:
    """Her own scale scores: hers, so no threshold."""
    return scores(definition_of(response.administration.instrument), json.loads(response.answers))
