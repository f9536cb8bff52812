"""A small statistical tagger beside the identifier rules: it fills their gaps.

An averaged perceptron tags each token of a text O, B-<category> or I-<category> (for
names, places, "other" details, ages over 89 and dates), left to right, each decision
seeing the tag before it. Its features are plain and explainable: the word lower-cased,
its shape ("Xxxx", "xxxx", "dd"), prefixes and suffixes, capitals in mid-sentence, the
words and shapes around it, and whether the word lists in `deid/data` know it (first
names, towns, common English words, German nouns, honorifics, institution words, roles).

The weights are trained offline on the labelled test sets by
`python -m balintroom.deid.train_tagger` and shipped in `deid/model/tagger.json.gz`
(see deid/model/README.md). At run time this is pure Python: the model is read once, on
first use. `find_identifiers` adds the tagger's plausible spans (`plausible`) below every
rule, so a rule wins any overlap, and passes them through the rules' own filters (a
medicine, an eponym, the group's own names) alike.

`explain(text, start, end)` lists the features that weighed most for a span.
"""

from __future__ import annotations

import gzip
import json
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from balintroom.deid import identifier_data as data
from balintroom.deid._text import _WORD
from balintroom.deid._words import _BOTH, _is_ordinary_word

MODEL_PATH = Path(__file__).resolve().parent / "model" / "tagger.json.gz"
CATEGORIES = ("name", "place", "other", "age_over_89", "date")
# What the tagger reports (dates and ages it learns as context; the rules find those).
EMIT = ("name", "place", "other")
LABELS = ("O",) + tuple(f"{p}-{c}" for c in CATEGORIES for p in ("B", "I"))
O_INDEX = 0  # the label "O"

_TOKEN_RE = re.compile(rf"{_WORD}(?:['’\-]{_WORD})*|\d+|\S")
_OPENING = frozenset(".!?:;\"“„‘'([•*–—-…")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


def tokens(text: str) -> list[Token]:
    """Words (with inner apostrophes and hyphens), runs of digits, single other marks."""
    return [Token(m.start(), m.end(), unicodedata.normalize("NFC", m.group()))
            for m in _TOKEN_RE.finditer(text)]


# --- features ------------------------------------------------------------------------------

def _cf_set(*sets: Iterable[str]) -> frozenset[str]:
    return frozenset(w.casefold() for s in sets for w in s)


_HONORIFICS = _cf_set(data.HONORIFICS_EN, data.HONORIFICS_DE, data.TITLE_PARTS)
_WEAK_HONORIFICS = _cf_set(data.WEAK_HONORIFICS)


class _Lexicon:
    """The word lists, as lookups by exact spelling and by lower case."""

    def __init__(self) -> None:
        self.first = data.FIRST_NAMES
        self.ambiguous = data.AMBIGUOUS_FIRST_NAMES
        self.nick = data.FIRST_NAMES_NICKNAMES
        self.town = data.TOWNS | data.CITIES
        self.world = data.WORLD_CITIES
        self.common_en = data.COMMON_WORDS_EN
        self.noun_de = data.GERMAN_NOUNS | data.GERMAN_NOUNS_WIKTIONARY
        self.eponym = data.EPONYMS
        self.honorific = _HONORIFICS
        self.weak_honorific = _WEAK_HONORIFICS
        self.inst = _cf_set(data.INSTITUTION_HEADS_EN, data.INSTITUTION_WORDS_DE,
                            data.INSTITUTION_NAME_WORDS, data.GENERIC_INSTITUTION_PREFIXES)
        self.inst_suffix = tuple(s.casefold() for s in data.INSTITUTION_SUFFIXES_DE)
        self.street_suffix = tuple(s.casefold() for s in (
            data.STREET_SUFFIXES_DE_FREE + data.STREET_SUFFIXES_DE_NUMBERED))
        self.street_en = _cf_set(data.STREET_WORDS_EN_NUMBERED)
        self.role = _cf_set(data.ROLE_NOUNS_EN, data.ROLE_NOUNS_DE, data.PERSON_NOUNS)
        self.cue = _cf_set(data.NAME_CUES_EN, data.NAME_CUES_DE)
        self.calendar = _cf_set(data.MONTHS_EN, data.MONTHS_DE, data.MONTH_ABBREVIATIONS,
                                data.DAYS)
        self.holiday = data.HOLIDAYS
        self.region = _cf_set(data.REGIONS)
        self.not_name = data.NOT_NAMES | data.STOP_CAPITALS | data.CAPITALISED_WORDS
        self.not_place = data.NOT_PLACES_EN
        self.cache: dict[str, _WordFeatures] = {}

    def props(self, word: str) -> list[str]:
        """What the word lists say about `word` (a token's text)."""
        if not word[:1].isalpha():
            return []
        lower = word.casefold()
        cap = word[:1].upper() + word[1:].lower() if word.islower() or word.isupper() else word
        out = []
        if cap in self.first:
            out.append("first")
        if cap in self.ambiguous:
            out.append("ambig")
        if cap in self.nick:
            out.append("nick")
        if cap in self.town:
            out.append("town")
        if cap in self.world:
            out.append("world")
        if lower in self.common_en:
            out.append("common_en")
        if cap in self.noun_de:
            out.append("noun_de")
        if cap in self.eponym:
            out.append("eponym")
        if lower in self.honorific:
            out.append("hon")
        if lower in self.weak_honorific:
            out.append("weakhon")
        if lower in self.inst or (len(lower) > 6 and lower.endswith(self.inst_suffix)):
            out.append("inst")
        if len(lower) > 5 and lower.endswith(self.street_suffix) or lower in self.street_en:
            out.append("street")
        if lower in self.role:
            out.append("role")
        if lower in self.cue:
            out.append("cue")
        if lower in self.calendar or cap in self.holiday:
            out.append("cal")
        if lower in self.region:
            out.append("region")
        if cap in self.not_name or word in self.not_name:
            out.append("notname")
        if cap in self.not_place:
            out.append("notplace")
        return out


def _shape(word: str) -> str:
    out: list[str] = []
    for ch in word:
        s = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if len(out) < 2 or out[-1] != s or out[-2] != s:
            out.append(s)
    return "".join(out)


def _number_kind(word: str) -> str:
    if not word.isdigit():
        return ""
    n = int(word) if len(word) < 6 else 0
    if len(word) <= 3 and 90 <= n <= 119:
        return "old"
    if len(word) == 4 and 1800 <= n <= 2099:
        return "year"
    if len(word) <= 2 and 1 <= n <= 31:
        return "day"
    return f"n{min(len(word), 6)}"


_PAD = Token(-1, -1, "")


_OFFSETS = (-2, -1, 1, 2)


class _WordFeatures:
    """What a word contributes wherever it stands: its own features, and the features it
    gives a neighbour at each offset. Cached per word (the same word recurs)."""

    __slots__ = ("lower", "shape", "own", "near")

    def __init__(self, lexicon: _Lexicon, w: str) -> None:
        lo = w.casefold()
        sh = _shape(w)
        self.lower, self.shape = lo, sh
        own = [f"w={lo}", f"sh={sh}"]
        if w[:1].isalpha():
            own += [f"s3={lo[-3:]}", f"s2={lo[-2:]}", f"p3={lo[:3]}", f"len={min(len(w), 9)}"]
            if "'" in w or "’" in w:
                own.append("apos")
            if "-" in w:
                own.append("hyphen")
        num = _number_kind(w)
        if num:
            own.append(f"num={num}")
        props = lexicon.props(w)
        for p in props:
            own.append(f"L={p}")
            own.append(f"L={p}|sh={sh[:2]}")
        self.own = own
        self.near: dict[int, list[str]] = {}
        for off in _OFFSETS:
            near = [f"w{off:+d}={lo}", f"sh{off:+d}={sh}"]
            if abs(off) == 1:
                near += [f"L{off:+d}={p}" for p in props]
                if num:
                    near.append(f"num{off:+d}={num}")
            self.near[off] = near


class Features:
    """The features of every token of one text (computed once per text)."""

    def __init__(self, lexicon: _Lexicon, text: str, toks: Sequence[Token],
                 language: str | None) -> None:
        self.toks = toks
        self.words = [t.text for t in toks]
        cache = lexicon.cache
        if len(cache) > 100_000:
            cache.clear()
        wf = []
        for w in self.words:
            f = cache.get(w)
            if f is None:
                f = cache[w] = _WordFeatures(lexicon, w)
            wf.append(f)
        self.wf = wf
        self.shapes = [f.shape for f in wf]
        self.lang = f"lang={language or 'xx'}"
        letters = [c for c in text if c.isalpha()]
        self.lower_note = bool(letters) and not any(c.isupper() for c in letters[1:])
        self.starts = [i == 0 or self.words[i - 1] in _OPENING for i in range(len(toks))]

    def token(self, i: int) -> list[str]:
        """The features of token `i` that do not depend on earlier tags."""
        wf = self.wf
        me = wf[i]
        w = self.words[i]
        n = len(wf)
        f = ["bias", self.lang, *me.own]
        if w[:1].isalpha():
            cap = w[:1].isupper()
            if cap and not self.starts[i]:
                f.append("cap_mid")
            elif cap:
                f.append("cap_start")
            if self.starts[i]:
                f.append("start")
            if self.lower_note:
                f.append("lower_note")
                f.append(f"lower_note|w={me.lower}")
        for off in _OFFSETS:
            j = i + off
            if 0 <= j < n:
                f += wf[j].near[off]
            else:
                f.append(f"w{off:+d}=<pad>")
        if i > 0:
            f.append(f"w-1|w={wf[i - 1].lower}|{me.lower}")
        if i + 1 < n:
            f.append(f"w|w+1={me.lower}|{wf[i + 1].lower}")
        return f


def with_tags(base: list[str], prev: str, prev2: str, shape: str) -> list[str]:
    return base + [f"t-1={prev}", f"t-2={prev2}|t-1={prev}", f"t-1={prev}|sh={shape}"]


def allowed(label: str, prev: str) -> bool:
    """I-x only continues B-x or I-x."""
    if label.startswith("I-"):
        return prev != "O" and prev[2:] == label[2:]
    return True


# --- the model -----------------------------------------------------------------------------

class Model:
    def __init__(self, weights: Mapping[str, Sequence[Sequence[Any]]], header: dict[str, Any],
                 labels: Sequence[str] = LABELS) -> None:
        self.weights = weights
        self.header = header
        self.labels = tuple(labels)
        self.lexicon = _Lexicon()
        self.threshold = 0.0  # decoding: any tag that beats O
        # Reporting: the margin over O a span needs, per category (chosen by CV).
        self.thresholds: dict[str, float] = {
            c: float(v) for c, v in header.get("thresholds", {}).items()}

    def scores(self, feats: Iterable[str]) -> list[float]:
        s = [0.0] * len(self.labels)
        get = self.weights.get
        for f in feats:
            ws = get(f)
            if ws:
                for c, v in ws:
                    s[c] += v
        return s

    def decode(self, feats: Features, threshold: float | None = None
               ) -> tuple[list[str], list[float]]:
        """Tags left to right, and each token's margin over O (0.0 for O)."""
        th = self.threshold if threshold is None else threshold
        tags: list[str] = []
        margins: list[float] = []
        prev, prev2 = "O", "O"
        for i in range(len(feats.toks)):
            s = self.scores(with_tags(feats.token(i), prev, prev2, feats.shapes[i]))
            best, best_score = O_INDEX, s[O_INDEX]
            for c, label in enumerate(self.labels):
                if c != O_INDEX and s[c] > best_score and allowed(label, prev):
                    best, best_score = c, s[c]
            margin = best_score - s[O_INDEX]
            if best != O_INDEX and margin < th:
                best, margin = O_INDEX, 0.0
            label = self.labels[best]
            tags.append(label)
            margins.append(margin)
            prev2, prev = prev, label
        return tags, margins

    def spans(self, text: str, language: str | None = None, threshold: float | None = None
              ) -> list[tuple[str, int, int, float]]:
        """(category, start, end, confidence) for each tagged span; the confidence is the
        smallest margin over O among its tokens."""
        toks = tokens(text)
        if not toks:
            return []
        tags, margins = self.decode(Features(self.lexicon, text, toks, language), threshold)
        return _spans(toks, tags, margins)


def _spans(toks: Sequence[Token], tags: Sequence[str], margins: Sequence[float]
           ) -> list[tuple[str, int, int, float]]:
    out: list[tuple[str, int, int, float]] = []
    cur: list[Any] | None = None  # category, start, end, confidence, last word

    def close(c: list[Any]) -> None:
        end = c[2]
        if c[4].endswith(("'s", "’s")) and end - c[1] > 3:
            end -= 2  # a name's possessive is not part of it: "Dawn's" -> "Dawn"
        out.append((c[0], c[1], end, c[3]))

    for tok, tag, margin in zip(toks, tags, margins, strict=True):
        if tag.startswith("I-") and cur is not None and cur[0] == tag[2:]:
            cur[2], cur[3], cur[4] = tok.end, min(cur[3], margin), tok.text
            continue
        if cur is not None:
            close(cur)
            cur = None
        if tag != "O":
            cur = [tag[2:], tok.start, tok.end, margin, tok.text]
    if cur is not None:
        close(cur)
    return out


def load(path: str | Path = MODEL_PATH) -> Model:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        raw = json.load(f)
    labels = raw["labels"]
    # Pairs stay the JSON's [label, weight] lists: converting them costs load time.
    return Model(raw["weights"], raw["header"], labels)


_model: Model | None = None
_lock = threading.Lock()


def model() -> Model | None:
    """The shipped model, read on first use; None if the file is missing."""
    global _model
    if _model is None:
        with _lock:
            if _model is None and MODEL_PATH.exists():
                _model = load(MODEL_PATH)
    return _model


# A span made only of words this common (Zipf scale: 4 is once in 100,000 words) is
# ordinary language the tagger misread ("Hope is the only thing", "Attorney General"):
# the rules, which know their cues, find the names and places that are also words.
ORDINARY_ZIPF = {"name": 4.5, "place": 4.5}  # chosen by cross-validation
_SENTENCE_END = frozenset(".!?:;")


def _word_frequency(word: str, language: str | None) -> float:
    lower = word.casefold()
    found = [f.get(lower, 0.0) for lang, f in (("en", data.WORD_FREQUENCIES_EN),
                                                ("de", data.WORD_FREQUENCIES_DE))
             if language in (None, lang)]
    return max(found, default=0.0)


def _is_ordinary(word: str, category: str, language: str | None, limit: float) -> bool:
    """Common as a word; for a place also a noun of the dictionary ("Schulhof")."""
    if _word_frequency(word, language) >= limit:
        return True
    langs = frozenset({language}) if language else _BOTH
    parts = [p for p in word.split("-") if len(p) > 1]
    if category == "name":
        # "Schuljahr 2023/2024": in German text a long compound of the dictionary is no
        # name (the surnames that are nouns are short words: "Sommer", "Koch", "Vogel")
        return (language == "de" and len(word) >= 9 and word not in data.FIRST_NAMES
                and _is_ordinary_word(word, langs))
    return (category == "place" and bool(parts)
            and all(_is_ordinary_word(p, langs) for p in parts))


_TITLES = _HONORIFICS | _WEAK_HONORIFICS


def _is_a_unit(text: str, start: int, core: Sequence[Token]) -> bool:
    """ "11 J.", "the 100th": a letter or two straight after a number."""
    return len(core) == 1 and len(core[0].text) <= 2 and \
        text[:start].rstrip()[-1:].isdigit()


def plausible(text: str, category: str, start: int, end: int, language: str | None,
              ordinary: Mapping[str, float] = ORDINARY_ZIPF) -> tuple[int, int] | None:
    """The span as it may be reported, or None: it starts after a sentence's end inside it
    ("Yes. Ben Berger" -> "Ben Berger"), and it needs a word that is no title, no unit
    after a number and, for names and places, no ordinary word."""
    toks = tokens(text[start:end])
    cut = 0
    for i, tok in enumerate(toks):
        if tok.text in _SENTENCE_END and i > 0 and len(toks[i - 1].text) > 1 \
                and toks[i - 1].text.casefold() not in _TITLES:
            cut = i + 1
    toks = toks[cut:]
    words = [t for t in toks if t.text[:1].isalnum()]
    core = [t for t in words if t.text[:1].isalpha() and t.text.casefold() not in _TITLES]
    if not core or _is_a_unit(text, start + core[0].start, core):
        return None
    limit = ordinary.get(category)
    if limit is not None and all(_is_ordinary(t.text, category, language, limit) for t in core):
        return None
    return start + words[0].start, end


def find_spans(text: str, language: str | None = None) -> list[tuple[str, int, int]]:
    """The tagger's spans (category, start, end) of the categories it reports, each with a
    margin over O at least its category's threshold, and plausible."""
    m = model()
    if m is None:
        return []
    th = m.thresholds
    out = []
    for c, s, e, conf in m.spans(text, language):
        if c in th and conf >= th[c] and (span := plausible(text, c, s, e, language)):
            out.append((c, *span))
    return out


def explain(text: str, start: int, end: int, language: str | None = None, top: int = 8,
            m: Model | None = None) -> list[tuple[str, str, float]]:
    """For developers: the features that weighed most for the tags of the tokens in
    text[start:end], as (token, feature, weight for its tag minus weight for O)."""
    m = m or model()
    if m is None:
        return []
    toks = tokens(text)
    feats = Features(m.lexicon, text, toks, language)
    tags, _ = m.decode(feats)
    out: list[tuple[str, str, float]] = []
    for i, tok in enumerate(toks):
        if tok.end <= start or tok.start >= end:
            continue
        prev = tags[i - 1] if i > 0 else "O"
        prev2 = tags[i - 2] if i > 1 else "O"
        c = m.labels.index(tags[i])
        contrib = []
        for f in with_tags(feats.token(i), prev, prev2, feats.shapes[i]):
            ws = {int(k): float(v) for k, v in m.weights.get(f, ())}
            d = ws.get(c, 0.0) - ws.get(O_INDEX, 0.0)
            if d:
                contrib.append((tok.text, f"{tags[i]}: {f}", d))
        contrib.sort(key=lambda x: -abs(x[2]))
        out.extend(contrib[:top])
    return out
