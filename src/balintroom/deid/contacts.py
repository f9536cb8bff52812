"""Email and web addresses and phone or fax numbers. It must not flag a dotted
abbreviation as a domain ("z.B.de") or a number too short or too long to be dialled.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from balintroom.deid._text import (
    _P_EMAIL,
    _P_PHONE,
    _P_PHONE_LABEL,
    _P_URL,
    _Candidate,
    _digit_count,
)

# Patterns start only where a run starts (look-behinds) and bound their repetitions, so that
# a long pasted text cannot make them backtrack quadratically.
_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[A-Za-z]{2,24}\b")
_TLDS = ("de|at|ch|com|org|net|uk|eu|info|io|gov|edu|us|co|me|app|blog|online|nl|fr|it|es"
         "|pl|tr|ru|be|lu|dk|se|no|ie|biz|health|care|social|club|shop|ly|gl|gd|link")
_URL_RE = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"“”„]+"
    rf"|(?<![\w.@-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{{0,61}}[A-Za-z0-9])?\.){{1,8}}(?:{_TLDS})\b"
    r"(?:/[^\s<>\"“”„]*)?")
_TRAILING_PUNCT = ".,;:!?)]}'\"’”"


def _emails_and_urls(text: str) -> Iterator[_Candidate]:
    for m in _EMAIL_RE.finditer(text):
        yield _Candidate("email", m.start(), m.end(), _P_EMAIL)
    for m in _URL_RE.finditer(text):
        start, end = m.start(), m.end()
        while end > start and text[end - 1] in _TRAILING_PUNCT:
            end -= 1
        host = text[start:end]
        bare = "//" not in host and not host.lower().startswith("www.")
        if (bare and len(host.split("/")[0].rsplit(".", 1)[0].split(".")[-1]) < 2
                and not re.search(r"/\w", host)):
            continue  # a bare domain needs a name of two letters or a path: not "z.B.de"
        yield _Candidate("url", start, end, _P_URL)


_PHONE_RES = [
    # international: +49 30 12345678, +44 (0)20 7946 0958, 0049 221 9876543
    re.compile(r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[\s./-]{0,3}(?:\(0\)\s?)?\(?\d+\)?){2,7}"),
    # national, leading zero: 0171 2345678, 030 / 123 45 67, (0 89) 12 34 56, 089/123456-78
    # (not the digits of a code that goes on in letters: "INE 070912345AB")
    # (a group of one digit only before another group: "0351/4 21 88 30", "08651 6 47 12")
    re.compile(r"(?<![\w/.,+-])(?:\(0\s?\d{1,5}\)|0\d{1,5})"
               r"(?:\s?[/.-]?\s?(?:\d{2,}|\d(?=\s\d\d)))(?:\s?[/.-]?\s?\d{2,}){0,4}"
               r"(?![A-Za-z])"),
    # North American: (555) 123-4567, 212-555-0147
    re.compile(r"(?<![\w-])(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}\b"),
]
_PHONE_LABEL_RE = re.compile(
    r"(?i:\b(?:tel|telefon|telephone|fon|fax|handy|mobil|mobile|phone|cell|rufnummer"
    r"|telefonnummer|faxnummer|tel-nr|pager|piepser)\.?(?:\s*(?:nr\.?|no\.?|number|nummer))?"
    r"\s*[:.]?\s*)"
    r"(?P<num>[+(]?\d[\d\s()/.-]{5,}\d)")


def _phones(text: str) -> Iterator[_Candidate]:
    for m in _PHONE_LABEL_RE.finditer(text):
        if 6 <= _digit_count(m.group("num")) <= 16:
            yield _Candidate("phone", m.start("num"), m.end("num"), _P_PHONE_LABEL)
    for rx in _PHONE_RES:
        for m in rx.finditer(text):
            start, end = m.start(), m.end()
            while text[end - 1] in " ./-(":
                end -= 1
            if 7 <= _digit_count(text[start:end]) <= 15:
                yield _Candidate("phone", start, end, _P_PHONE)
