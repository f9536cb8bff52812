"""Dates more specific than a year: "12.03.2024", "3 March", "Tuesday the 9th",
"Christmas 2022", "seit dem 2.". It must not flag a bare year, a score ("10/10", "24/7") or
an ordinal that counts ("the 5th time", "the 2nd floor").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from balintroom.deid import identifier_data as data
from balintroom.deid._text import (
    _DATE_RES,
    _DATE_WORD_RES,
    _DAY,
    _MON,
    _P_DATE,
    _STREET_BEFORE_RE,
    _YEAR,
    _alternation,
    _Candidate,
)


def _dates(text: str) -> Iterator[_Candidate]:
    for rules, with_cue in ((_DATE_WORD_RES, True), (_DATE_RES, False)):
        for rx in rules:
            for m in rx.finditer(text):
                if _STREET_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()):
                    continue  # "Volksgartenstraße 14/3": a house and a door, not a day
                if _APGAR_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
                    continue  # "Apgar 9/10/10": three scores, not a day
                # a word rule's "d" is the date without its cue
                g = "d" if with_cue and "d" in rx.groupindex and m.group("d") else 0
                yield _Candidate("date", m.start(g), m.end(g), _P_DATE)


def _dates_in_words(text: str) -> Iterator[_Candidate]:
    """ "am Vierzehnten", "zum ersten Mai": a day written without a digit."""
    for m in _ORDINAL_WORD_DAY_DE_RE.finditer(text):
        g = "d" if m.group("d") else "dd"
        yield _Candidate("date", m.start(g), m.end(g), _P_DATE)


# "am Vierzehnten", "zum ersten Mai": a German day in words, after a word for when or
# before its month
_GERMAN_ORDINAL_DAYS = (
    "ersten", "zweiten", "dritten", "vierten", "fünften", "sechsten", "siebten", "achten",
    "neunten", "zehnten", "elften", "zwölften", "dreizehnten", "vierzehnten", "fünfzehnten",
    "sechzehnten", "siebzehnten", "achtzehnten", "neunzehnten", "zwanzigsten",
    "einundzwanzigsten", "zweiundzwanzigsten", "dreiundzwanzigsten", "vierundzwanzigsten",
    "fünfundzwanzigsten", "sechsundzwanzigsten", "siebenundzwanzigsten",
    "achtundzwanzigsten", "neunundzwanzigsten", "dreißigsten", "einunddreißigsten")
_ORDINAL_WORD_DAY_DE_RE = re.compile(
    r"\b(?:am|vom|zum|bis\s+zum|seit\s+dem|ab\s+dem)\s+(?P<d>(?:"
    + "|".join(w.capitalize() for w in _GERMAN_ORDINAL_DAYS) + r")(?:\s+(?:"
    + _alternation(data.MONTHS_DE) + r"))?)\b"
    r"|\b(?P<dd>(?:" + "|".join(_GERMAN_ORDINAL_DAYS) + r")\s+(?:"
    + _alternation(data.MONTHS_DE) + r"))\b")
_APGAR_BEFORE_RE = re.compile(r"(?i:apgar)\s*(?:score\s*)?:?\s*$")

# Holidays with a year: "Rosenmontag 2023", "Boxing Day 2021", "Good Friday 2024"
_HOLIDAY_YEAR_RE = re.compile(
    rf"\b(?:{_alternation(data.HOLIDAYS)})(?:\s+(?:Day|Eve|Monday|Sunday|Friday|Tuesday"
    rf"|Thursday))?\s+{_YEAR}\b")
# A German day without a month: "seit dem 2. das Essen", "Verstoß am 9., auf Video"
_DAY_ONLY_DE_RE = re.compile(
    rf"\b(?i:seit\s+dem|am|vom|bis\s+zum|ab\s+dem|zum|bis|ab|Mitte|Anfang|Ende)\s+"
    rf"(?P<day>{_DAY}\.)(?=\s*(?:[,;:)–]|$|\s+(?!(?:mal|male|und|bis|oder|Mal)\b)"
    r"(?-i:[a-zäöüß])))")
# "Peggy, 101, Fernlea House, 4/12:": a day and month between commas and a colon; or
# opening an entry of a log ("7/8: home visit. 8/8: phone call")
_DAY_MONTH_LIST_RE = re.compile(
    rf"(?:^|(?<=,\s)|(?<=[.;]\s)|(?<=\n))(?P<d>{_DAY}/{_MON})(?=\s?:(?:\s|$))")

# "session notes 11/1 -", "Notes 12/9: tired", "Notiz 3/4": a day and month heading a
# record of a meeting
_RECORD_DAY_MONTH_RE = re.compile(
    r"\b(?i:notes?|notiz|notizen)\s+(?:on\s+|am\s+|vom\s+)?"
    rf"(?P<d>{_DAY}/{_MON})(?![/\d.,]\d|\d)")


def _holiday_years_and_bare_days(text: str) -> Iterator[_Candidate]:
    """ "Rosenmontag 2023", "seit dem 2. das Essen", "Peggy, 101, Fernlea House, 4/12:"."""
    for m in _HOLIDAY_YEAR_RE.finditer(text):
        yield _Candidate("date", m.start(), m.end(), _P_DATE)
    for m in _DAY_ONLY_DE_RE.finditer(text):
        yield _Candidate("date", m.start("day"), m.end("day"), _P_DATE)
    for rx in (_DAY_MONTH_LIST_RE, _RECORD_DAY_MONTH_RE):
        for m in rx.finditer(text):
            yield _Candidate("date", m.start("d"), m.end("d"), _P_DATE)
