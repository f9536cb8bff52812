"""The research export of a programme: pseudonymised, only what members agreed to give to
research, only in sets large enough that no one stands out, with a codebook.

- questionnaires.csv: one row per answer set of a person who agreed, under a pseudonym of
  this programme's own (the same person in two programmes' exports cannot be joined), from
  closed waves where at least RESPONDENTS_MIN such people answered (apart_enough).
- reviews.csv: per group and month, the sums of the review answers shown in the
  summaries and given with research consent, where apart_enough.
- codebook.csv and README.txt: what each column means.
"""

import csv
import io
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import date
from statistics import fmean
from typing import Any

from django.utils import timezone
from django.utils.crypto import salted_hmac

from balintroom.core.spreadsheet import safe_cell
from balintroom.groups.models import BalintGroup
from balintroom.records.models import Organisation

from .aggregates import RESPONDENTS_MIN
from .instruments import scores
from .models import Administration, ResponseRecord, ReviewAnswer
from .questionnaires import definition_of
from .selectors import wave_closed
from .vocabulary import FEELINGS, SIMILAR


def apart_enough(agreed: int, every: int) -> bool:
    """Whether the answers of those who agreed may go out, beside the sums of all the
    answers that the programme's pages show: at least RESPONDENTS_MIN of them, and the
    others none or as many again - else the page's sum less the export's would be the
    answers of one or two who did not agree."""
    others = every - agreed
    return agreed >= RESPONDENTS_MIN and (others == 0 or others >= RESPONDENTS_MIN)


def _code(organisation: Organisation, kind: str, value: str) -> str:
    return salted_hmac(f"balintroom.research.{kind}", f"{organisation.pk}:{value}"
                       ).hexdigest()[:12]


@dataclass(frozen=True)
class Export:
    questionnaire_rows: list[dict[str, Any]]
    review_rows: list[dict[str, Any]]
    codebook: list[dict[str, str]]


def research_export(organisation: Organisation, groups: list[BalintGroup],
                    today: date | None = None) -> Export:
    group_code = {g.pk: "G-" + _code(organisation, "group", str(g.pk)) for g in groups}
    codebook = [
        {"variable": "person", "meaning": "a pseudonym of the member, the same in every "
         "wave and group of this programme; nothing in the export leads back to her",
         "values": "text"},
        {"variable": "group", "meaning": "a code of the group, the same in both files",
         "values": "text"},
    ]
    rows: list[dict[str, Any]] = []
    described: set[int] = set()
    for administration in Administration.objects.filter(group__in=groups).select_related(
            "instrument").order_by("instrument_id", "opens_on"):
        if not wave_closed(administration, today):
            continue
        every = list(ResponseRecord.objects.filter(administration=administration))
        records = [record for record in every if record.pseudonym]
        if not apart_enough(len(records), len(every)):
            continue
        definition = definition_of(administration.instrument)
        for record in sorted(records, key=lambda r: r.pseudonym):
            found = scores(definition, record.answers)
            rows.append({
                "person": "P-" + _code(organisation, "person", record.pseudonym),
                "group": group_code[administration.group_id],
                "questionnaire": definition.name, "wave": administration.wave,
                **{f"item_{item.key}": record.answers.get(item.key, "")
                   for item in definition.items},
                **{f"scale_{key}": "" if value is None else value
                   for key, value in found.items()},
            })
        if administration.instrument_id not in described:
            described.add(administration.instrument_id)
            codebook += [{"variable": "questionnaire", "meaning": "the questionnaire's name",
                          "values": definition.name},
                         {"variable": "wave", "meaning": "when it was asked: start, 6m, 12m "
                          "(months after the start)", "values": "start, 6m, 12m"}]
            codebook += [{"variable": f"item_{item.key}",
                          "meaning": item.text + (" (reverse-scored in its scale)"
                                                  if item.reverse else ""),
                          "values": f"{definition.low} ({definition.low_label}) to "
                                    f"{definition.high} ({definition.high_label}); empty: "
                                    "not answered"} for item in definition.items]
            codebook += [{"variable": f"scale_{scale.key}",
                          "meaning": f"{scale.name}: the {scale.method} of items "
                                     f"{', '.join(scale.items)}, reverse items turned",
                          "values": "empty: fewer than half of its items answered"}
                         for scale in definition.scales]
    return Export(questionnaire_rows=rows, review_rows=_review_rows(groups, group_code),
                  codebook=codebook + REVIEW_CODEBOOK)


REVIEW_CODEBOOK = [
    {"variable": "month", "meaning": "the month of the meetings (reviews.csv)",
     "values": "YYYY-MM"},
    {"variable": "answers", "meaning": "review answers summed up in the row: shown in the "
     "group's summaries and given with research consent", "values": f">= {RESPONDENTS_MIN}"},
    {"variable": "urge_mean", "meaning": "mean urge to solve the case", "values": "1 to 5"},
    {"variable": "helped_mean", "meaning": "mean of how much the process helped",
     "values": "1 to 5"},
    *({"variable": f"similar_{key}", "meaning": f"answers 'felt something similar to the "
       f"presenter': {key}", "values": "count"} for key in SIMILAR),
    *({"variable": f"feeling_{key}", "meaning": f"answers that named the feeling '{key}'",
       "values": "count"} for key in FEELINGS),
]


def _review_rows(groups: list[BalintGroup], group_code: dict[int, str]
                 ) -> list[dict[str, Any]]:
    months: dict[tuple[int, str], list[ReviewAnswer]] = {}
    for answer in ReviewAnswer.objects.filter(
            shown=True, round__room__meeting__group__in=groups).select_related(
            "round__room__meeting"):
        meeting = answer.round.room.meeting
        month = timezone.localtime(meeting.starts_at).strftime("%Y-%m")
        months.setdefault((meeting.group_id, month), []).append(answer)
    rows = []
    for (group_id, month), every in sorted(months.items(),
                                           key=lambda i: (group_code[i[0][0]], i[0][1])):
        answers = [answer for answer in every if answer.research]
        if not apart_enough(len(answers), len(every)):
            continue
        urges = [a.urge for a in answers if a.urge is not None]
        helps = [a.helped for a in answers if a.helped is not None]
        similar = Counter(a.similar for a in answers)
        felt = Counter(key for a in answers for key in a.feelings)
        rows.append({
            "group": group_code[group_id], "month": month, "answers": len(answers),
            "urge_mean": round(fmean(urges), 2) if urges else "",
            "helped_mean": round(fmean(helps), 2) if helps else "",
            **{f"similar_{key}": similar[key] for key in SIMILAR},
            **{f"feeling_{key}": felt[key] for key in FEELINGS},
        })
    return rows


README = f"""Research export of Balint Room

Pseudonymised data of members who agreed to research use, from sets of at least
{RESPONDENTS_MIN} people (questionnaires) or answers (reviews). No names, no e-mail
addresses, no case material. The pseudonyms of people and groups are this programme's
own. See codebook.csv for each column.

Keep it as the data protection rules of your programme and of your ethics approval ask.
"""


def _csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    columns = list(dict.fromkeys(key for row in rows for key in row))
    writer = csv.DictWriter(buffer, fieldnames=columns, restval="")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(value) for key, value in row.items()})
    return buffer.getvalue()


def research_zip(export: Export) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README)
        archive.writestr("codebook.csv", _csv(export.codebook))
        archive.writestr("questionnaires.csv", _csv(export.questionnaire_rows))
        archive.writestr("reviews.csv", _csv(export.review_rows))
    return buffer.getvalue()
