"""What the word lists (`identifier_data.py`) say about one word: a first name, a German
noun, an ordinary English word, a word no list knows. Names and places both ask these
questions; a word that is ordinary in the language of the text must not pass for a name
or a place ("aus Angst", "Hope is fading").
"""

from __future__ import annotations

import functools
import re

from balintroom.deid import identifier_data as data
from balintroom.deid._text import _WORD, _alternation, _is_capitalised

_MONTH_WORDS = frozenset(data.MONTHS_EN) | frozenset(data.MONTHS_DE)
_CALENDAR = _MONTH_WORDS | data.DAYS | data.HOLIDAYS
_REGIONS_CASEFOLD = frozenset(r.casefold() for r in data.REGIONS)
# "German" is a first name in Faker's Spanish list, and a language first
# The languages a rule may read a text in, as `langs` sets
_ENGLISH = frozenset({"en"})
_GERMAN = frozenset({"de"})
_BOTH = frozenset({"en", "de"})
_FIRST_NAMES = data.FIRST_NAMES - _CALENDAR - data.EPONYMS - data.NOT_PLACES_EN - data.NOT_NAMES
_CUE_WORDS_CF = frozenset(w.casefold() for w in data.NAME_CUES_EN | data.NAME_CUES_DE)


def _looks_like_german_noun(word: str, *, suffixes: bool = True) -> bool:
    if word in data.GERMAN_NOUNS:
        return True
    lower = word.casefold()
    return suffixes and len(lower) > 4 and lower.endswith(data.GERMAN_NOUN_SUFFIXES)


def _is_name_word(word: str, langs: frozenset[str]) -> bool:
    """A capitalised word that can be a surname or first name (after a title or a cue)."""
    return (_is_capitalised(word) and word not in data.STOP_CAPITALS
            and word not in data.NOT_NAMES and word not in _CALENDAR
            and word.casefold() not in _REGIONS_CASEFOLD
            and not ("de" in langs and word in data.GERMAN_NOUNS))


def _is_first_name(word: str) -> bool:
    if word in _FIRST_NAMES:
        return True
    parts = re.split(r"[-‐]", word)
    return len(parts) > 1 and all(p in _FIRST_NAMES or p in data.AMBIGUOUS_FIRST_NAMES
                                  for p in parts) and parts[0] in _FIRST_NAMES
_NOT_A_NAME_BEFORE_AGE = frozenset({"Year", "Room", "Bed", "Flat", "Zimmer", "Klasse", "Grad",
                                    "Stage", "Grade", "Level", "Stufe", "Station", "Ward",
                                    "Platz", "Haus", "House", "Apartment", "Wohnung", "Score"})


def _is_known_or_ambiguous_first_name(word: str) -> bool:
    return _is_first_name(word) or word in data.AMBIGUOUS_FIRST_NAMES



def _city_pattern(names: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alternation(names)})(?:-[A-ZÄÖÜ]{_WORD})?(?![\w-])")
_ANY_CITY_RE = _city_pattern(data.CITIES)


# Words no list knows: a capitalised word that is not an ordinary English word (SCOWL) or a
# German noun (Wiktionary) is a name or a place when the words around it say which.

# How demonyms end: "the Swedish couple", "the Polish shop" name no one
_DEMONYM_ENDINGS = ("ish", "ese", "ian", "ean", "ican", "ch", "ani", "aqi", "eli", "udi", "ali",
                    "ghan", "ot", "ic")
# Titles of any language that make a name in either ("Frau Hoffmann" in an English note)
_FOREIGN_TITLES = frozenset({"Frau", "Herr", "Herrn", "Mr", "Mrs", "Ms", "Mister", "Madame",
                             "Monsieur", "Signora", "Signor", "Señora", "Señor", "Pani", "Pan"})
_NOUNS_DE = data.GERMAN_NOUNS | data.GERMAN_NOUNS_WIKTIONARY
_NOT_UNKNOWN = (data.STOP_CAPITALS | data.NOT_NAMES | _CALENDAR | data.HONORIFICS_EN
                | data.HONORIFICS_DE | data.TITLE_PARTS | data.PERSON_NOUNS
                | data.INSTITUTION_HEADS_EN | data.NOT_PLACES_EN | data.EPONYMS
                | data.WEAK_HONORIFICS | data.DRUG_NAMES | data.LANGUAGES | data.DEMONYMS)


# The noun endings that no name or place has ("-ung", "-heit"; not "-or": "Okafor")
_SURE_NOUN_SUFFIXES = tuple(s for s in data.GERMAN_NOUN_SUFFIXES if s not in {
    "anz", "ei", "enz", "gie", "ie", "ien", "ik", "lein", "ling", "linge", "or", "oren", "ur"})


def _zipf(word: str, langs: frozenset[str]) -> float:
    """How often `word` (lower case) is written, in the likelier of the languages (Zipf
    scale; 0 below 3.0, where the lists stop). The lists are case-folded: "weiß" is
    there as "weiss"."""
    word = word.casefold()
    return max(data.WORD_FREQUENCIES_EN.get(word, 0.0) if "en" in langs else 0.0,
               data.WORD_FREQUENCIES_DE.get(word, 0.0) if "de" in langs else 0.0)


def _is_ordinary_word(word: str, langs: frozenset[str]) -> bool:
    if "en" in langs and word.casefold() in data.COMMON_WORDS_EN:
        return True
    return "de" in langs and (word.capitalize() in _NOUNS_DE or (
        len(word) > 4 and word.casefold().endswith(_SURE_NOUN_SUFFIXES)))


def _is_german_compound(word: str, suffix_len: int = 0) -> bool:
    """ "Endreihenhaus", "Praxisparkplatz": a known noun of five letters or more (and longer
    than `suffix_len`) after a prefix of three letters or more."""
    return any(word[k:].capitalize() in _NOUNS_DE
               for k in range(3, len(word) - max(4, suffix_len)))


# "the Anglicans", "Catholics", "Methodists": a faith or a people in the plural names a group
_GROUP_PLURAL_ENDINGS = tuple(e + "s" for e in _DEMONYM_ENDINGS) + ("ists",)


def _is_unknown_word(word: str, langs: frozenset[str]) -> bool:
    """A capitalised word that no list knows: not an ordinary word, title or region."""
    parts = word.split("-")
    return (_is_capitalised(word) and word not in _NOT_UNKNOWN
            and not ("en" in langs and word.endswith(_GROUP_PLURAL_ENDINGS))
            and word.casefold() not in _REGIONS_CASEFOLD and word.casefold() not in _CUE_WORDS_CF
            and not any(_is_ordinary_word(p, langs) for p in parts if p))


def _names_no_one(found: str) -> bool:
    """ "Oramorph", "Lyrica's", "Balint", "Michael Balint", "Tigrinya", "Weetabix",
    "Syrian": a medicine's name, generic or brand, an eponym, an author the groups quote, a
    language, a brand, a people - no patient's name or place."""
    found = found.removesuffix("'s").removesuffix("’s")
    return (found in data.DRUG_NAMES or found in data.EPONYMS or found in data.CITED_PEOPLE
            or found in data.PUBLIC_FIGURES or found in data.LANGUAGES or found in data.BRANDS
            or found in data.DEMONYMS
            or _NUMBER_LABEL_RE.search(found) is not None
            or _CONTRACTION_RE.fullmatch(found) is not None)


def _ends_with_a_medicine(found: str) -> bool:
    """ "Frau Methadon", "Privatrezept Sildenafil", "Will Mirtazapin": a name guess that ends
    with a medicine names the medicine, not a person."""
    return " " in found and found.rsplit(maxsplit=1)[-1] in data.DRUG_NAMES


# "Haven't", "We've", "He'd", "Ma'am": a word with its verb, at a sentence's start
_CONTRACTION_RE = re.compile(r"[A-Z][a-z]*['’](?:t|ve|d|ll|re|m|am)")
# "Equidenpass-Nr", "Geschäfts-Nr", "St.Nr": the label of a number, not a name or a place
_NUMBER_LABEL_RE = re.compile(r"(?:^|[-.])Nr$")


_CITED_RE = re.compile(
    rf"(?<![\w-])(?:{_alternation(data.CITED_PEOPLE | data.PUBLIC_FIGURES)})(?![\w-])")
# ... and for a word in lower case, in any case: "schreibt briefe an angela merkel"
_CITED_ANY_CASE_RE = re.compile(_CITED_RE.pattern, re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def _citations(text: str, any_case: bool) -> tuple[tuple[int, int], ...]:
    """Where the text names an author or a public figure: one pass over it, read again for
    every candidate of the same text."""
    cited = _CITED_ANY_CASE_RE if any_case else _CITED_RE
    return tuple(m.span() for m in cited.finditer(text))


def _inside_a_citation(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of an author's name: "Michael" of "Michael Balint"."""
    spans = _citations(text, text[start:start + 1].islower())
    return any(s <= start and end <= e for s, e in spans)


def _is_unknown_name(word: str, langs: frozenset[str]) -> bool:
    return (_is_unknown_word(word, langs) and word not in data.TOWNS
            and word not in data.CITIES and not _ANY_CITY_RE.fullmatch(word)
            and not word.casefold().endswith(data.MEDICAL_WORD_ENDINGS)
            and not ("de" in langs and _is_german_compound(word)))
_INNER_CAPITAL_OK = ("Mc", "Mac", "O'", "O’", "D'", "D’", "De", "La", "Da", "Ja", "Ke")


def _looks_like_a_name(word: str) -> bool:
    """Capitalised like a name: no capital inside ("WhatsApp", "PsychKG"), except "McKay"."""
    for part in word.split("-"):
        if len(part) < 2 or not part[0].isupper():
            return False
        if any(c.isupper() for c in part[1:]) and not part.startswith(_INNER_CAPITAL_OK):
            return False
    return True


def _is_inflected_german_noun(word: str) -> bool:
    """ "Hauses", "Kindern", "Patienten": a case ending on a noun the lists know."""
    return any(word.endswith(ending) and len(word) - len(ending) > 2
               and word[:-len(ending)] in _NOUNS_DE for ending in _GERMAN_CASE_ENDINGS)


_GERMAN_CASE_ENDINGS = ("s", "n", "es", "en", "ern", "ns")


@functools.lru_cache(maxsize=16384)
def _unknown_capitalised(word: str, langs: frozenset[str]) -> bool:
    """A capitalised word that no list knows, shaped like a name (cached: German texts
    repeat their nouns)."""
    # no name is longer than 80 letters; the compound test is quadratic in the length
    return (2 < len(word) <= 80 and _looks_like_a_name(word) and _is_unknown_name(word, langs)
            and not _is_known_or_ambiguous_first_name(word)
            and not ("de" in langs and any(_is_inflected_german_noun(p)
                                           for p in word.split("-")))
            and not ("en" in langs and _is_english_derivation(word)))


def _is_english_derivation(word: str) -> bool:
    """ "Supervisee", "Mentees": a person noun made from an English verb."""
    w = word.casefold().removesuffix("s")
    return w.endswith("ee") and w[:-1] in data.COMMON_WORDS_EN



# Cities abroad, for a place of origin ("emigrated to Sydney", "aus Temeswar"); not the
# eponyms, which name diseases and signs as often as towns.
_WORLD_CITIES = (data.WORLD_CITIES | data.WORLD_TOWNS) - data.EPONYMS
