"""What every rule of the identifier check shares: words as tokens, candidate spans and
their priorities, and the regex pieces several kinds build on (a word, a day, a month, a
year, the shapes of a date). A candidate is only a proposal: `identifiers.find_identifiers`
keeps the strongest of overlapping ones, so nothing here decides what is flagged.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from balintroom.deid import identifier_data as data


@dataclass(frozen=True)
class _Candidate:
    category: str
    start: int
    end: int
    priority: int


# Priorities decide between overlapping candidates: structured formats beat word lists.
_P_EMAIL, _P_URL, _P_ID, _P_DATE, _P_PHONE_LABEL, _P_PHONE = 100, 90, 80, 70, 65, 60
_P_AGE, _P_ID_DIGITS, _P_PLACE_STRUCT, _P_NAME_TITLE, _P_CITY_PREP = 55, 50, 45, 40, 38
_P_CITY, _P_NAME, _P_PLACE_PREP = 35, 30, 20
_P_WEAK = 15  # below every other rule: fills a gap, never displaces a finding
_P_TAGGER = 10  # the statistical tagger (tagger.py): below even the weakest rule


_LETTER = r"[^\W\d_]"
_MARK = r"[\u0300-\u036f]"  # combining accents: decomposed "Mu\u0308ller" is one word
_WORD = rf"{_LETTER}(?:{_LETTER}|{_MARK})*"
_TOKEN_RE = re.compile(rf"{_WORD}(?:['’\-]{_WORD})*")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str  # NFC-normalised, for the word lists


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), unicodedata.normalize("NFC", m.group()))
            for m in _TOKEN_RE.finditer(text)]


def _is_capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and any(c.islower() for c in word[1:])


def _strip_possessive(tok: _Token) -> _Token:
    for suffix in ("'s", "’s"):
        if tok.text.endswith(suffix) and len(tok.text) > 3:
            return _Token(tok.start, tok.end - 2, tok.text[:-2])
    return tok


def _gap(text: str, a: _Token, b: _Token) -> str:
    return text[a.end:b.start]


# What comes before a word that opens a sentence, a heading, a quotation or a bracket.
_OPENING_CHARS = frozenset(".!?:;\"“„‘'([•*–—-…")


def _is_lower_note(text: str) -> bool:
    """A hasty note: most words in lower case, no capital after a full stop."""
    return sum(1 for w in text.split()[:12] if w[:1].isupper()) <= 3


def _at_sentence_start(text: str, pos: int) -> bool:
    """Whether `pos` opens the text, a sentence, a quotation or a bracket: there a capital
    letter says nothing about a name."""
    k = pos
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k == 0 or text[k - 1] in _OPENING_CHARS



def _alternation(words: list[str] | tuple[str, ...] | frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# A German street right before a number: "Volksgartenstraße 14/3", "Schönbrunner Straße
# 118/2/14" - a house, a staircase and a door, not a day or a file. As a word of its own only
# what names nothing but a street: not "Berg", "Hof", "Ring" ("Frau Berg 12.3." is a date).
_STREET_BEFORE_RE = re.compile(
    rf"\b[A-ZÄÖÜ][\w-]*(?i:{_alternation(data.STREET_SUFFIXES_DE_FREE)}"
    rf"|{_alternation(data.STREET_SUFFIXES_DE_NUMBERED)}"
    r"|\s+(?-i:Straße|Strasse|Str\.|Gasse|Allee|Weg|Platz|Ring|Damm|Gürtel|Markt|Ufer))\s+$")

_MONTHS_FULL = _alternation(data.MONTHS_EN + data.MONTHS_DE)
_MONTHS_ANY = _alternation(data.MONTHS_EN + data.MONTHS_DE + data.MONTH_ABBREVIATIONS)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MON = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# The shapes of a date live here rather than in dates.py because numbers.py needs them
# too: a reference that is all a date ("12/03/2024", "Wed 15/11") is not an ID number.
_DATE_RES = [
    re.compile(rf"\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b"),  # ISO
    re.compile(rf"\b{_DAY}\.\s?{_MON}\.\s?(?:{_YEAR}|\d\d)\b"),  # 12.03.2024, 3.4.24
    re.compile(rf"\b{_DAY}\.{_MON}\.(?!\d)"),  # 3.4.
    re.compile(rf"\b{_DAY}/{_MON}/(?:{_YEAR}|\d\d)\b|\b{_MON}/{_DAY}/(?:{_YEAR}|\d\d)\b"),
    re.compile(rf"\b{_DAY}-{_MON}-{_YEAR}\b"),
    re.compile(rf"\b{_DAY}-(?:{_MONTHS_ANY})-(?:{_YEAR}|\d\d)\b"),  # 7-Aug-1944, 7-Aug-44
    # 3 March 2024, 14th of February, am 5. Mai, 2 Sept
    re.compile(rf"\b{_DAY}(?:st|nd|rd|th|\.)?\s*(?:of\s+)?(?:{_MONTHS_ANY})\b"
               rf"(?:\.?,?\s+{_YEAR}\b)?"),  # (a full stop after it ends the sentence)
    # the same in a hasty note: "17 june", "am 5. märz" (not "2 may")
    re.compile(rf"\b{_DAY}(?:st|nd|rd|th|\.)?\s*(?:of\s+)?(?!may\b|mai\b)(?i:{_MONTHS_ANY})"
               rf"\b(?!-)"),
    # March 3rd, March 3, 2024
    re.compile(rf"\b(?:{_MONTHS_ANY})\.?\s+{_DAY}(?:st|nd|rd|th)?\b(?!\.\d|:\d)"
               rf"(?:,?\s+{_YEAR}\b)?"),
    # März 2022, March 2023
    re.compile(rf"\b(?:{_MONTHS_FULL})\s+{_YEAR}\b"),
]


_WEEKDAYS = _alternation(tuple(d for d in data.DAYS if d[:1].isupper()))
_WEEKDAY_ABBR = (r"(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun|Mo|Di|Mi|Do|Fr|Sa|So)\.?")
_ORDINAL_DAY = rf"{_DAY}(?:st|nd|rd|th)\b"
# what a bare ordinal counts rather than dates: "the 5th time", "the 2nd floor"
_NOT_A_DAY = (r"(?!\s+(?:time|times|floor|day|week|month|year|session|attempt|child|baby"
              r"|grade|birthday|anniversary|century|place|round|cycle|dose|line|generation"
              r"|pregnancy|visit|appointment|of\s+(?:\w+\s+)?(?:the|my|her|his|\d)))")
_DATE_WORD_RES = [
    # "thurs 6th", "tues 12th": a weekday in lower case with an ordinal
    re.compile(rf"\b(?i:{_WEEKDAYS}|{_WEEKDAY_ABBR}),?\s+(?:the\s+)?{_ORDINAL_DAY}"),
    # Tuesday the 9th, Thu 18/4, Sun 28th, Fri 12/7, Dienstag, den 9., Di 21.
    re.compile(rf"\b(?:{_WEEKDAYS}|{_WEEKDAY_ABBR}),?\s+(?:the\s+)?(?:{_ORDINAL_DAY}"
               rf"|{_DAY}/{_MON}\b(?!/))"),
    re.compile(rf"\b(?:{_WEEKDAYS}|{_WEEKDAY_ABBR}),?\s+(?:den\s+|dem\s+)?{_DAY}\.(?!\d)"),
    # "dienstag 14. nächster termin": a German weekday in lower case with a day
    re.compile(rf"\b(?i:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag),?\s+"
               rf"(?:den\s+)?{_DAY}\.(?!\d)"),
    # "wv di 12.", "fr 3.": a German weekday in lower case with a day
    re.compile(rf"\b(?:mo|di|mi|do|fr|sa)\.?\s+{_DAY}\.(?!\d)"),
    # on the 14th, since the 2nd, by the 30th
    re.compile(rf"\b(?:the|den)\s+{_ORDINAL_DAY}" + _NOT_A_DAY, re.I),
    # Christmas 2022, Easter Monday 2022, Heiligabend 2022, Silvesternacht 2022, "christmas
    # day 2024" in a hasty note, Nov 2022, Nov. 2022
    re.compile(rf"\b(?i:{_alternation(data.HOLIDAYS)})(?:abend|nacht)?"
               rf"(?:\s+(?i:Day|Eve|Monday|Sunday))?\s+{_YEAR}\b"),
    # a season of a year: "Herbst 2022", "summer of 2019", "été 2021"
    # (not "Fall 2024/Ps/0117": a German case's number)
    re.compile(rf"\b(?:(?i:Frühjahr|Frühling|Sommer|Herbst|Winter|spring|summer|autumn"
               rf"|été|automne|hiver|printemps)(?:\s+of|\s+de)?|fall(?:\s+of)?|Fall\s+of)"
               rf"\s+{_YEAR}\b(?![/-])"),
    re.compile(rf"\b(?:{_MONTHS_ANY})\.?\s+{_YEAR}\b"),
    # Sept '19, März '21: a month and a two-digit year
    re.compile(rf"\b(?:{_MONTHS_ANY})\.?\s+['’]\d\d\b"),
    # 4/2021, 04/2021: a month and a year
    re.compile(rf"(?<![\d/.]){_MON}/{_YEAR}\b(?![/.]\d)"),
    # "am 1. Weihnachtstag", "2. Pfingstfeiertag 1999": a date without digits of a month
    re.compile(rf"\b[12]\.\s*(?:Weihnachts|Oster|Pfingst)(?:feier)?tag\b(?:\s+{_YEAR}\b)?"),
    # 13/09, 29/02 without a year: two digits each, not a score like 10/10 or 24/7
    re.compile(rf"(?<![\d/.])(?!24/7\b)(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])(?![\d/])"
               rf"|(?<![\d/.])"
               rf"(?:0[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])(?![\d/])"
               # "02/11", "12/03": a day or a month written with its nought
               rf"|(?<![\d/.])0[1-9]/(?:0[1-9]|1[0-2])(?![\d/])"
               rf"|(?<![\d/.])(?:1[0-2])/0[1-9](?![\d/])"
               rf"|\b(?:on|since|from|until|till|by|seit|bis|vom|zum|am|born|due|died|DOB"
               rf"|geboren|gestorben|geb\.|verstorben|ET|visit|appt|review|seen|(?:wk|week)\s+of"
               rf"|Termin|termin|WV|[Aa]dmitted|[Dd]ischarged|[Aa]dm|[Ll]ist|[Ss]up|[Hh]earing"
               rf"|[Ss]ession|[Cc]ourt|mtg|[Mm]eeting|conf|[Cc]onference)\s+"
               rf"(?P<d>{_DAY}/{_MON}|{_MON}/(?:1[3-9]|2\d|3[01]))(?![\d/])"),
]


def _digit_count(s: str) -> int:
    return sum(c.isdigit() for c in s)


# The word just before a position: a cue ("Patientin Anna"), a first name ("Dawn Ashworth").
_WORD_BEFORE_RE = re.compile(rf"({_WORD})\s+$")
# Rules that need a digit run only where there is one.
_DIGIT_RE = re.compile(r"\d")
