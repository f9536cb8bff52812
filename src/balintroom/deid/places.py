"""Places smaller than a region: addresses, postcodes, towns and cities, hospitals, schools,
churches, pubs, firms, roads, and places the context shows ("wohnt im Wedding", "at
Willowbrook", "village of Kelmscott"). It must not flag a region or country, a noun after
a preposition ("aus Angst", "in Behandlung") or a generic service ("the Crisis Team").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from balintroom.deid import identifier_data as data
from balintroom.deid._text import (
    _DIGIT_RE,
    _P_CITY,
    _P_CITY_PREP,
    _P_ID,
    _P_NAME,
    _P_NAME_TITLE,
    _P_PLACE_PREP,
    _P_PLACE_STRUCT,
    _P_WEAK,
    _WORD,
    _WORD_BEFORE_RE,
    _alternation,
    _at_sentence_start,
    _Candidate,
    _gap,
    _is_capitalised,
    _is_lower_note,
    _Token,
    _tokens,
)
from balintroom.deid._words import (
    _ANY_CITY_RE,
    _CALENDAR,
    _DEMONYM_ENDINGS,
    _ENGLISH,
    _FOREIGN_TITLES,
    _GERMAN,
    _NOT_A_NAME_BEFORE_AGE,
    _NOT_UNKNOWN,
    _NOUNS_DE,
    _REGIONS_CASEFOLD,
    _WORLD_CITIES,
    _city_pattern,
    _is_first_name,
    _is_german_compound,
    _is_known_or_ambiguous_first_name,
    _is_name_word,
    _is_ordinary_word,
    _is_unknown_name,
    _is_unknown_word,
    _looks_like_a_name,
    _looks_like_german_noun,
    _unknown_capitalised,
    _zipf,
)

_CITY_RE = _city_pattern(data.CITIES - data.AMBIGUOUS_CITIES)
_PREPOSITIONS = {"en": ("in", "from", "near", "outside"), "de": ("in", "aus", "nach", "bei")}

_DE_STREET_RE = re.compile(
    rf"(?<![\w-])(?P<name>[A-ZÄÖÜ]{_WORD}(?:-{_WORD})*?)"
    r"(?P<suffix>straße|strasse|str\.|gasse|allee|weg|platz|ring|damm|ufer|chaussee|steig"
    r"|pfad|markt|berg|hof|garten|wall|graben"
    # "Karl-Marx-Straße 201": the street word after a hyphen keeps its capital
    r"|-(?:Straße|Strasse|Str\.|Gasse|Allee|Weg|Platz|Ring|Damm|Ufer|Chaussee))"
    # ("118/2/14": house, staircase and door, in Vienna)
    r"(?![\w-])(?P<number>\s*\d{1,4}\s?[a-z]?(?:/\d{1,3}){0,3}\b(?!\s*(?:%|kg|mg|Jahre|Euro|€)))?")
_DE_STREET_TWO_WORDS_RE = re.compile(
    rf"(?<![\w-])[A-ZÄÖÜ]{_WORD}er\s+(?:Straße|Strasse|Str\.|Weg|Platz|Allee|Ring|Damm|Tor"
    r"|Chaussee|Landstraße|Markt|Gürtel)(?![\w-])(?:\s*\d{1,4}\s?[a-z]?(?:/\d{1,3}){0,3}\b)?")
_EN_STREET_NUMBERED_RE = re.compile(
    rf"\b\d{{1,4}}[A-Za-z]?,?\s+(?:[A-Z]{_WORD}(?:'s)?\s+){{1,3}}"
    rf"(?:{_alternation(data.STREET_WORDS_EN_NUMBERED)})(?![\w])")
_EN_STREET_RE = re.compile(
    rf"\b(?:[A-Z]{_WORD}(?:'s)?\s+){{1,2}}(?:{_alternation(data.STREET_WORDS_EN_FREE)})\b")
# "A-6020 Innsbruck", "CH-3011 Bern": a country letter before the postcode, as on letters
_COUNTRY_PREFIX = r"(?P<country>\b(?:A|CH|D|DE|FL|I|L)-)?"
_DE_POSTCODE_RE = re.compile(
    rf"(?<![\d.,/-]){_COUNTRY_PREFIX}\d{{5}}\s+(?P<town>[A-ZÄÖÜ]{_WORD}(?:-{_WORD})*"
    rf"(?:\s+(?:am|an der|im|in der|ob der)\s+[A-ZÄÖÜ]{_WORD}|\s+\([A-ZÄÖÜ]{_WORD}\))?)")
_AT_CH_POSTCODE_RE = re.compile(
    rf"(?<![\d.,/-]){_COUNTRY_PREFIX}[1-9]\d{{3}}\s+(?P<town>[A-ZÄÖÜ]{_WORD})")
_UK_POSTCODE_RE = re.compile(
    rf"(?:\b[A-Z]{_WORD},?\s+)?\b[A-Z]{{1,2}}\d[A-Z\d]?\s*\d[A-Z]{{2}}\b")
_UK_POSTCODE_ONLY_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_US_ZIP_RE = re.compile(
    rf"(?:\b[A-Z]{_WORD},?\s+)?\b(?P<state>[A-Z]{{2}})\s+\d{{5}}(?:-\d{{4}})?\b")
_BAD_TOWN_RE = re.compile(rf"\bBad\s+[A-ZÄÖÜ]{_WORD}(?:\s+(?:am|an der|im)\s+[A-ZÄÖÜ]{_WORD})?")
_SAINT = r"(?:St\.?|Sankt|Saint|Santa)"
_DE_INSTITUTION_COMPOUND_RE = re.compile(
    rf"(?:\b{_SAINT}\s+)?(?<![\w-])(?P<prefix>[A-ZÄÖÜ]{_WORD}(?:-[A-ZÄÖÜ]{_WORD})*)-"
    rf"(?:{_alternation(data.INSTITUTION_SUFFIXES_DE)})\b"
    rf"|\b{_SAINT}\s+[A-ZÄÖÜ]{_WORD}[-\s]?(?:{_alternation(data.INSTITUTION_SUFFIXES_DE)})\b"
    rf"|\b{_SAINT}\s+[A-ZÄÖÜ]{_WORD}"
    rf"(?:{_alternation(tuple(s.lower() for s in data.INSTITUTION_SUFFIXES_DE))})\b")
# "St Aidan's", "St. Elisabeth", "the Royal Berkshire", "Our Lady of Lourdes", "Holy Trinity"
_NAMED_FOR_RE = re.compile(
    rf"\b{_SAINT}[ .]\s*[A-ZÄÖÜ]{_WORD}(?:-[A-ZÄÖÜ]{_WORD})*(?:['’]s?)?(?![\w-])"
    rf"|\bSt\.-[A-ZÄÖÜ]{_WORD}(?:-{_WORD})*"
    rf"|\bRoyal\s+[A-Z]{_WORD}(?:\s+(?:{_alternation(data.INSTITUTION_HEADS_EN)})\b)?"
    rf"|\b(?:HMP|HMYOI|JVA)\s+[A-ZÄÖÜ]{_WORD}"
    r"|\bOur\s+Lady(?:\s+of\s+(?:the\s+)?[A-Z]\w+)?|\bHoly\s+(?:Trinity|Cross|Family|Spirit"
    r"|Rood|Name|Innocents|Redeemer|Ghost)\b|\bSacred\s+Heart\b|\bChrist\s+Church\b")
_DE_INSTITUTION_RE = re.compile(
    rf"(?<![\w-])(?:{_alternation(data.INSTITUTION_WORDS_DE)})"
    rf"(?P<rest>\s+(?:(?:[Aa]m|[Aa]n der|[Ii]m|[Ii]n der|[Aa]uf der|zum|zur|rechts der"
    rf"|links der|plus)\s+"
    rf"[A-ZÄÖÜ]{_WORD}(?:-[A-ZÄÖÜ]{_WORD})*"
    rf"|(?:{_SAINT}\s*)?(?P<name>[A-ZÄÖÜ]{_WORD}(?:-{_WORD})*)))"
    r"(?P<pause>\s*(?:[:,;)–]|\s-\s|$))?")
_EN_INSTITUTION_RE = re.compile(
    rf"(?<![\w'’.-])(?P<names>(?:(?:{_SAINT}|[A-Z]{_WORD}(?:'s|’s|(?<=s)['’])?|of|&|and)\s+){{1,5}})"
    rf"(?:{_alternation(data.INSTITUTION_HEADS_EN)})\b")


def _places(text: str, toks: list[_Token], langs: frozenset[str]) -> Iterator[_Candidate]:
    for m in _NAMED_FOR_RE.finditer(text):
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    if "de" in langs:
        yield from _german_places(text)
        yield from _german_place_compounds(toks)
    if "en" in langs:
        yield from _english_places(text)
    for m in _CITY_RE.finditer(text):
        yield _Candidate("place", m.start(), m.end(), _P_CITY)
    yield from _towns(text, toks)
    yield from _after_prepositions(text, toks, langs)


_TOWN_MAX_WORDS = max(len(t.split()) for t in data.TOWNS)


# The endings of German place names and of buildings named for someone: "Huberhof",
# "Marienkirche", "Hansaplatz", "Leopoldstadt", "Mainkofen".
_GERMAN_PLACE_ENDINGS = ("kirche", "kapelle", "hof", "platz", "markt", "stadt", "burg", "ingen",
                         "hausen", "dorf", "kofen", "hofen", "berg", "bach", "feld", "felde",
                         "heim", "münster", "brück", "brücken", "furt", "stedt", "leben", "rode",
                         "wald", "hain", "winkel", "viertel", "siedlung", "weiler", "kamp")




def _german_place_compounds(toks: list[_Token]) -> Iterator[_Candidate]:
    """A word no list knows that ends like a place ("-hof", "-kirche", "-ingen") after a
    part that is no German noun: "Huberhof", "Marienkirche" (not "Pflegeheimplatz",
    "Wochenmarkt")."""
    for tok in toks:
        word = tok.text
        if len(word) < 7 or not _is_capitalised(word) or "-" in word:
            continue
        ending = next((e for e in _GERMAN_PLACE_ENDINGS if word.endswith(e)), None)
        if ending is None:
            continue
        prefix = word[:-len(ending)]
        if (len(prefix) < 3 or word in _NOUNS_DE or prefix in _NOUNS_DE
                or prefix.rstrip("s") in _NOUNS_DE or prefix.rstrip("n") in _NOUNS_DE
                or _zipf(word.casefold(), _GERMAN) >= 3.0
                or _zipf(prefix.casefold(), _GERMAN) >= 4.0
                or word in data.STOP_CAPITALS or word in _NOT_UNKNOWN
                # "Praxisparkplatz", "Übergangswohnheim": a noun longer than the ending
                or any(word[k:].capitalize() in _NOUNS_DE
                       for k in range(3, len(word) - len(ending)))):
            continue
        yield _Candidate("place", tok.start, tok.end, _P_PLACE_PREP)


def _towns(text: str, toks: list[_Token]) -> Iterator[_Candidate]:
    """Towns of the GeoNames list, one to a few words: "Wunsiedel", "Much Wenlock"."""
    n = len(toks)
    i = 0
    while i < n:
        if not toks[i].text[:1].isupper():
            i += 1
            continue
        for k in range(min(_TOWN_MAX_WORDS, n - i), 0, -1):
            last = toks[i + k - 1]
            if k > 1 and any(_gap(text, toks[j], toks[j + 1]) != " " for j in range(i, i + k - 1)):
                continue
            name = " ".join(t.text for t in toks[i:i + k])
            if name in data.TOWNS:
                yield _Candidate("place", toks[i].start, last.end, _P_CITY)
                i += k - 1
                break
        i += 1


_INDEFINITE_BEFORE_RE = re.compile(r"\b(?:[Ee]ine?[mnrs]?|[Kk]eine?[mnrs]?|[Jj]ede[mnrs]?)\s+$")


def _is_two_noun_compound(word: str, min_tail: int = 4) -> bool:
    """ "Übergangswohnheim", "Schulhof": a common noun (with its joining "-s-", "-n-")
    before another of `min_tail` letters or more, a kind of thing rather than a name."""
    for k in range(3, len(word) - min_tail + 1):
        head, tail = word[:k], word[k:].capitalize()
        if tail in _NOUNS_DE and (head in _NOUNS_DE or head + "e" in _NOUNS_DE or (
                head[-1:] in ("s", "n") and head[:-1] in _NOUNS_DE) or (
                head.endswith("en") and head[:-2] in _NOUNS_DE)):
            return True
    return False


def _german_places(text: str) -> Iterator[_Candidate]:
    for m in _DE_STREET_RE.finditer(text):
        word = text[m.start():m.end("suffix")]
        if unicodedata.normalize("NFC", word) in data.NOT_STREETS_DE:
            continue
        suffix = m.group("suffix")
        if m.group("number") is None and suffix not in data.STREET_SUFFIXES_DE_FREE:
            continue
        if m.group("number") is None and _looks_like_german_noun(m.group("name"),
                                                                 suffixes=False):
            continue  # "Dorfstraße" is an address, "Angstweg" would not be
        if m.group("number") is None and _INDEFINITE_BEFORE_RE.search(
                text, max(0, m.start() - 8), m.start()):
            continue  # "in einer Waschstraße": a kind of place, not an address
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _DE_STREET_TWO_WORDS_RE.finditer(text):
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _DE_POSTCODE_RE.finditer(text):
        town = m.group("town").split()[0]
        if town not in data.GERMAN_NOUNS and town not in data.STOP_CAPITALS:
            yield _Candidate("place", m.start(), m.end(),
                             _P_ID + 1 if m.group("country") else _P_PLACE_STRUCT)
    for m in _AT_CH_POSTCODE_RE.finditer(text):
        if m.group("country") and m.group("town") not in data.STOP_CAPITALS:
            yield _Candidate("place", m.start(), m.end(), _P_ID + 1)  # not a reference
        elif _ANY_CITY_RE.fullmatch(m.group("town")):
            yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _BAD_TOWN_RE.finditer(text):
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _DE_INSTITUTION_COMPOUND_RE.finditer(text):
        prefix = m.group("prefix")
        if prefix and (prefix.split("-")[0] in data.GENERIC_INSTITUTION_PREFIXES
                       or prefix in data.STOP_CAPITALS):
            continue
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    pos = 0
    while found := _DE_INSTITUTION_RE.search(text, pos):
        m, pos = found, found.end()
        name = m.group("name")
        if name in data.TITLE_PARTS or name in data.HONORIFICS_DE:
            continue
        if name is None and m.group("rest").split()[-1] in _GENERIC_WHERE_DE:
            continue  # "eine Wohnwagensiedlung am Rand", "das Gasthaus im Dorf"
        if m.group().split()[0] in _GENERIC_HEADS_DE and (name is None or name in _NOUNS_DE):
            continue  # "nach der Schule an der Fritteuse", "im Heim Leben", "Heim am Di."
        if name in data.INSTITUTION_WORDS_DE and re.match(r"\s+[A-ZÄÖÜ]", text[m.end():]):
            pos = m.start("name")  # "Unterkunft Haus Lindenhof": the name is after "Haus"
            continue
        if name is not None and not (
                name in data.INSTITUTION_NAME_WORDS or _ANY_CITY_RE.fullmatch(name)
                or m.group().split()[1].rstrip(".") in ("St", "Sankt")
                # "Wohngruppe Sonnenhof:", "Kleingartenanlage Frohsinn,": a noun as a name
                or (m.group("pause") is not None and name not in data.STOP_CAPITALS
                    and name not in _CALENDAR and not name.endswith(("ung", "heit", "keit")))
                or (name not in data.STOP_CAPITALS and name not in _CALENDAR
                    and not _looks_like_german_noun(name, suffixes=False)
                    and not name.casefold().endswith(("ung", "heit", "keit", "schaft")))):
            continue
        end = m.end() if m.group("pause") is None else m.start("pause")
        yield _Candidate("place", m.start(), end, _P_PLACE_STRUCT)


# Heads that are everyday words: a name only right after them ("Schule Kreuzbühl")
_GENERIC_HEADS_DE = frozenset({"Schule", "Heim", "Werkstatt", "Werkstätte", "Friedhof",
                               "Pfarrhaus"})
_GENERIC_WHERE_DE = frozenset({"Rand", "Stadtrand", "Ortsrand", "Dorf", "Ort", "Ortskern",
                               "Zentrum", "Ende", "Eck", "Ecke", "Land", "Stadt", "Viertel",
                               "Kiez", "Tal", "Berg", "Wald", "Feld"})


# A name before a place word in lower case: "the Golden Dragon takeaway", "the Parkgate
# retail park", "Mount Zion church" (not "the Polish shop", "the NHS hospital").
_EN_LOWER_HEADS = ("takeaway", "restaurant", "café", "cafe", "pub", "bar", "hotel", "shop",
                   "store", "bakery", "pharmacy", "chemist", "chemists", "surgery", "practice",
                   "school", "academy", "nursery", "church", "chapel", "mosque", "temple",
                   "synagogue",
                   "estate", "retail park", "shopping centre", "station", "care home",
                   "nursing home", "hostel", "refuge", "prison", "hospice", "factory",
                   "garage", "campus", "youth service", "youth club",
                   "leisure centre", "library", "mill", "colliery", "camp", "farm", "croft",
                   "smallholding", "caravan park", "caravan site", "halls")
_EN_NAME_LOWER_HEAD_RE = re.compile(
    rf"(?<![\w'’.-])(?P<name>[A-Z]{_WORD}(?:['’]s)?(?:\s+[A-Z]{_WORD}(?:['’]s)?){{0,2}})"
    rf"\s+(?:{_alternation(_EN_LOWER_HEADS)})\b")


_NON_SPACE_RE = re.compile(r"\S+")


def _names_before_lower_heads(text: str) -> Iterator[_Candidate]:
    for m in _EN_NAME_LOWER_HEAD_RE.finditer(text):
        spans = list(_NON_SPACE_RE.finditer(text, m.start("name"), m.end("name")))
        if _at_sentence_start(text, m.start("name")) and (
                spans[0].group() in data.STOP_CAPITALS
                or _is_ordinary_word(spans[0].group(), _ENGLISH)):
            spans = spans[1:]  # "Phoned Elmhurst surgery", "Pharmacy shop": a sentence opens
        if not spans:
            continue
        words, start = [w.group() for w in spans], spans[0].start()
        if any(w in data.STOP_CAPITALS or w in _CALENDAR or w.isupper()
               or w.endswith(_DEMONYM_ENDINGS) or w in data.GENERIC_SERVICE_WORDS_EN
               or w in data.EPONYMS or w.casefold() in _REGIONS_CASEFOLD
               for w in words):
            continue
        yield _Candidate("place", start, m.end(), _P_PLACE_STRUCT)  # with its kind


def _english_places(text: str) -> Iterator[_Candidate]:
    yield from _names_before_lower_heads(text)
    for m in _EN_STREET_NUMBERED_RE.finditer(text):
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _EN_STREET_RE.finditer(text):
        start = _skip_leading_stop_words(text, m.start(), m.end())
        if start is not None:
            yield _Candidate("place", start, m.end(), _P_PLACE_STRUCT)
    for m in _UK_POSTCODE_RE.finditer(text):
        start = m.start()
        first = text[start:].split(None, 1)[0].rstrip(",")
        if (first in data.STOP_CAPITALS or first in data.NOT_PLACES_EN
                or first in data.STREET_WORDS_EN_NUMBERED):  # "9 Sorrel Close, BS3 4EA"
            start = m.start() + len(text[m.start():].split(None, 1)[0]) + 1
            start += len(text[start:]) - len(text[start:].lstrip())
        yield _Candidate("place", start, m.end(), _P_PLACE_STRUCT)
        code = _UK_POSTCODE_ONLY_RE.search(text, m.start(), m.end())
        if code and code.start() > start:  # after a street: "9 Sorrel Close, BS3 4EA"
            yield _Candidate("place", code.start(), code.end(), _P_PLACE_STRUCT - 1)
    for m in _US_ZIP_RE.finditer(text):
        if m.group("state") in data.US_STATE_CODES:
            yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _EN_INSTITUTION_RE.finditer(text):
        words = re.findall(rf"{_SAINT}|[A-Z]{_WORD}(?:'s|’s)?|of|&|and", m.group("names"))
        # drop leading "The", "of", ...; keep the name only if something specific is left
        k = 0
        while k < len(words) and (words[k] in data.STOP_CAPITALS or words[k] in (
                "of", "&", "and")):
            k += 1
        rest = words[k:]
        if not rest or all(w in data.GENERIC_SERVICE_WORDS_EN for w in rest):
            continue
        if any(w in data.HONORIFICS_EN or w in _FOREIGN_TITLES for w in rest):
            continue  # "Mr Hall and Mrs Hall": people
        start = m.start() + m.group("names").find(rest[0]) if k else m.start()
        yield _Candidate("place", start, m.end(), _P_PLACE_STRUCT)


def _skip_leading_stop_words(text: str, start: int, end: int) -> int | None:
    words = list(re.finditer(r"\S+", text[start:end]))
    for k, w in enumerate(words[:-1]):
        if w.group() not in data.STOP_CAPITALS:
            return start + words[k].start()
    return None


def _is_place_word(word: str, langs: frozenset[str]) -> bool:
    if not _is_capitalised(word) or word in data.STOP_CAPITALS or word in _CALENDAR:
        return False
    if not _looks_like_a_name(word):
        return False  # "nach PsychKG", "per WhatsApp": an act or a brand
    if word.casefold() in _REGIONS_CASEFOLD or word in data.NOT_PLACES_EN:
        return False
    if _is_first_name(word) or word in data.AMBIGUOUS_FIRST_NAMES and not _ANY_CITY_RE.fullmatch(
            word):
        return False
    if word in data.HONORIFICS_EN or word in data.HONORIFICS_DE or word in data.NOT_NAMES:
        return False
    # German capitalises every noun: "aus Angst", "in Behandlung", "nach Hause".
    if "de" in langs and word in data.GERMAN_NOUNS_WIKTIONARY:
        return bool(_ANY_CITY_RE.fullmatch(word))
    if "de" in langs and word not in data.TOWNS and not _ANY_CITY_RE.fullmatch(word) and (
            (word.endswith("n") and word[:-1] in _NOUNS_DE)  # "in Hausschuhen" (dative)
            or _is_german_compound(word)):  # "nach Radunfall"
        return False
    return not (_looks_like_german_noun(word) and not _ANY_CITY_RE.fullmatch(word))


def _after_prepositions(text: str, toks: list[_Token],
                        langs: frozenset[str]) -> Iterator[_Candidate]:
    preps = {p for lang in langs for p in _PREPOSITIONS[lang]}
    city_preps = preps | ({"at", "to"} if "en" in langs else set())
    for i, tok in enumerate(toks[:-1]):
        if tok.text.casefold() not in city_preps or _gap(text, tok, toks[i + 1]) != " ":
            continue
        nxt = toks[i + 1]
        city = _ANY_CITY_RE.match(text, nxt.start)
        if city:  # "family court at Reading": a city whose name is also a word
            yield _Candidate("place", city.start(), city.end(), _P_CITY_PREP)
            continue
        if tok.text.casefold() not in preps:
            continue
        if not _is_place_word(nxt.text, langs):
            continue
        if any(" ".join(t.text for t in toks[i + 1:i + 1 + k]).casefold() in _REGIONS_CASEFOLD
               for k in (2, 3)):
            continue  # "from South Africa", "aus Bosnien und Herzegowina"
        if tok.text.casefold() == "bei":
            continue  # "bei" introduces people and firms more often than towns
        end = nxt.end
        if "en" in langs:  # "New Haven", "Milton Keynes": up to three words
            j = i + 2
            while (j < len(toks) and j < i + 4 and _gap(text, toks[j - 1], toks[j]) == " "
                   and _is_place_word(toks[j].text, langs)):
                end = toks[j].end
                j += 1
        yield _Candidate("place", nxt.start, end, _P_PLACE_PREP)


_PLZ_RE = re.compile(r"\b(?:PLZ|Postleitzahl)\s*:?\s*(?P<code>\d{5})\b")
_DE_STREET_ARTICLE = (r"(?:Am|Im|An\s+der|An\s+den|Auf\s+der|Auf\s+dem|Auf\s+den|In\s+der"
                      r"|In\s+den|Zum|Zur|Hinter\s+der|Hinter\s+dem|Unter\s+den|Vor\s+dem|Beim)")
_HOUSE_NUMBER = (r"\d{1,3}\s?[a-z]?(?![\w.,]\d)(?=\s*(?:[,;.)–-]|$|\s+\d{5}\b"
                 r"|\s+(?:in|mit|und|seit|bei|allein|alleine|zusammen|zur\s+Miete)\b))")
_DE_STREET_NO_SUFFIX_RE = re.compile(
    rf"\b{_DE_STREET_ARTICLE}\s+(?P<name>[A-ZÄÖÜ]{_WORD}(?:-{_WORD})*)\s+{_HOUSE_NUMBER}"
    rf"|(?<=\bwohnt\s)(?:am|im|an\s+der|auf\s+der|in\s+der)\s+(?P<name2>[A-ZÄÖÜ]{_WORD})\s+"
    rf"{_HOUSE_NUMBER}")
_STREET_BEFORE_POSTCODE_RE = re.compile(
    rf"(?<![\w-])(?P<street>[A-ZÄÖÜ]{_WORD}(?:[- ][A-ZÄÖÜ]{_WORD})?)\s+\d{{1,4}}\s?[a-z]?,\s*"
    rf"\d{{5}}\s+[A-ZÄÖÜ]")
_DE_STREET_AFTER_ARTICLE_RE = re.compile(
    rf"\b(?:am|im|vom|zum|zur|beim|aus\s+dem|in\s+der|in\s+die|aus\s+der|von\s+der|Am|Im)\s+"
    rf"(?P<street>[A-ZÄÖÜ]{_WORD}(?:weg|straße|strasse|gasse|allee|platz|ring|damm|kamp|ufer"
    r"|steig|pfad|stieg|twiete|graben|wall|chaussee|markt|anger|winkel|redder|viertel|kiez"
    r"|siedlung))\b")
_DE_QUARTER_RE = re.compile(
    rf"\b(?P<adj>[A-ZÄÖÜ]{_WORD}(?:en|er|es|e))\s+(?:Viertel|Kiez|Siedlung|Quartier|Heide)\b")
_DE_INSTITUTION_SUFFIX = (r"(?:grundschule|realschule|hauptschule|gesamtschule|förderschule"
                          r"|schule|gymnasium|kirche|kapelle|klinik|heim|stift|kita|hospital"
                          r"|krankenhaus|kindergarten|spital|hospiz)")
_DE_INSTITUTION_WORD_RE = re.compile(
    rf"(?<![\w-])(?P<word>(?P<prefix>[A-ZÄÖÜ]{_WORD}(?:-{_WORD})*?)-?"
    rf"(?P<suffix>(?i:{_DE_INSTITUTION_SUFFIX})))(?![\w-])")
_DE_VENUE_RE = re.compile(
    rf"\b(?:Café|Cafe|Kneipe|Bistro|Gasthof|Gasthaus|Gaststätte|Hotel|Pension|Apotheke"
    rf"|Bäckerei|Metzgerei)\s+(?P<name>[A-ZÄÖÜ]{_WORD})")
_EN_STREET_AFTER_PREP_RE = re.compile(
    rf"\b(?:on|in|off|along)\s+(?P<street>[A-Z]{_WORD}\s+(?:Row|Close|Drive|Way|Walk|Parade"
    r"|Square|Court|Place|Hill))\b")
# "vom Gruberhof", "in den Birkenhof", "zur Talmühle": a farm, a mill or a hut by its name
_DE_FARM_RE = re.compile(
    rf"\b(?:vom|zum|im|am|beim|den|dem|auf\s+dem|aus\s+dem|zur|der)\s+"
    rf"(?P<name>(?P<prefix>[A-ZÄÖÜ]{_WORD}?)(?:hof|mühle|hütte|alm|gut))\b")
# "Gebäudereinigung Pröll GmbH", "Hallam & Sons Ltd", "Wendt & Söhne": a firm by its form
_FIRM_RE = re.compile(
    rf"(?<![\w-])(?P<name>[A-ZÄÖÜ]{_WORD}(?:[-\s]+(?:&\s+)?[A-ZÄÖÜ]{_WORD}){{0,3}})"
    r"(?:\s*&\s*(?:Co\.?|Söhne|Sons|Partner|Töchter))?"
    r"(?:\s+(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|gGmbH|mbH|AG|KG|OHG|GbR|e\.\s?V\.|eG|Ltd\.?"
    r"|Limited|plc|PLC|LLP|Inc\.?|LLC)|\s*&\s*(?:Co\.?|Söhne|Sons|Töchter))(?![\w])")
# "the Queen Elizabeth emergency department", "the Princess Royal maternity unit"
_DEPARTMENT_AFTER_RE = re.compile(
    rf"\b(?P<name>[A-Z]{_WORD}(?:\s+[A-Z]{_WORD}){{0,2}})\s+(?=(?:emergency\s+department"
    r"|A&E|maternity\s+(?:unit|ward)|children['’]s\s+ward|outpatients?|day\s+unit"
    r"|stroke\s+unit|neonatal\s+unit|intensive\s+care|ICU|SCBU|psychiatric\s+unit)\b)")
_DEPARTMENT_HINT_RE = re.compile(r"emergency|A&E|maternity|ward|outpatient|unit|intensive"
                                 r"|ICU|SCBU")
_FIRM_HINT_RE = re.compile(r"GmbH|\bAG\b|\bKG\b|OHG|GbR|e\.\s?V\.|\beG\b|Ltd|Limited|plc|PLC"
                           r"|LLP|Inc\b|LLC")
_HOF_RE = re.compile(rf"\b(?:Hof|Gut|Gehöft)\s+(?P<name>[A-ZÄÖÜ]{_WORD})\b")
_ADDRESS_CUE_RE = re.compile(
    r"(?i:\b(?:address|adresse|anschrift)\b)(?:\s+(?:as|als|is|ist|lautet|war|was))?\s*:?\s*"
    r"['\"‚‘“„]?(?P<parts>[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*){0,3}"
    r"(?:,\s+[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*){0,3}){0,3})")
_VILLAGE_PREFIX_RE = re.compile(
    r"\b(?:(?P<strong>Nether|Much|Steeple|Bishops|Kings|Castle|Market)|(?P<weak>Little|Great"
    r"|Upper|Lower|Long|Old|East|West|North|South|High|Low))\s+(?P<name>[A-Z][a-z]+)\b")
_EN_AT_RE = re.compile(r"(?:\b(?:at|into)|(?<=\s)@)\s+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
                      r"(?:\s[A-Z][a-z]+)?)\b(?!['’])")
_EN_ON_RE = re.compile(
    r"(?:(?:^|[.!?]\s+)On|\b(?:lives?|living|lived|born|grew\s+up|raised|settled|stuck|stranded"
    r"|crofter|croft|farm|farmer|fisherman|house|cottage|home|surgery|practice|clinic|school"
    r"|parish|nurse|GP|doctor|everyone|everybody|nobody)\s+on)"
    r"\s+(?P<name>[A-Z][a-zà-ÿ]{2,})\b(?!['’]|\s+[A-Z0-9])")
_DE_AUF_RE = re.compile(
    r"(?<!positiv\s)(?<!negativ\s)\b[Aa]uf\s+(?:der\s+(?:Insel|Hallig)\s+)?"
    r"(?P<hallig>Hallig\s+)?(?P<name>[A-ZÄÖÜ][a-zäöüß]{2,})\b"
    r"(?!['’]|\s+[A-ZÄÖÜ0-9])")
def _is_short_headed_compound(word: str) -> bool:
    """ "Bürgermeisteramt", "Jugendclub", "Nachbartal": a German noun of three letters or
    more after a word the lists know (with its linking letters)."""
    for k in range(3, len(word) - 2):
        prefix, head = word[:k], word[k:].capitalize()
        if head in _NOUNS_DE and any(
                prefix.removesuffix(link).capitalize() in _NOUNS_DE
                or _zipf(prefix.removesuffix(link), _GERMAN) >= 3.5
                for link in ("", "s", "n", "en", "e", "er")):
            return True
    return False


# "Jugendlicher vom Hasenbergl", "Herr Fuchs vom Lindenhof" (not "im Ahrtal": a region)
_DE_VOM_RE = re.compile(
    r"\b(?:vom|aus\s+dem)\s+(?P<name>[A-ZÄÖÜ][a-zäöüß]{3,})\b(?![-’'])")
_ISLAND_RES = (("en", _EN_ON_RE), ("de", _DE_AUF_RE), ("de", _DE_VOM_RE))
_EN_LOWER_INSTITUTION_RE = re.compile(
    r"\b(?P<name>[A-Z][a-z]+)\s+(?:estate|surgery|practice|nursery|school|academy|hospital"
    r"|hospice|care\s+home|nursing\s+home|clinic|centre|medical\s+centre|health\s+centre"
    r"|church|chapel|mosque|temple|synagogue|General(?:\s+Hospital)?|flat|cottage|bungalow"
    r"|farmhouse|station|depot|site|factory|warehouse|campus|branch|yard|mill|barracks)\b")
_DE_LIVES_RE = re.compile(
    r"\b(?:wohnt|wohnen|wohnte|lebt|leben|lebte|wohnhaft|gezogen|zieht|umgezogen)\s+"
    r"(?:jetzt\s+|noch\s+|heute\s+)?(?:im|in|in\s+der|am|auf\s+dem)\s+(?P<name>[A-ZÄÖÜ]"
    rf"{_WORD})\b")
# "OX4 family", "a flat in SE15": the district half of a UK postcode, areas of two letters
# (not CO2, SO4, PO4, CA125, PE, ST: chemistry and clinical shorthand)
_UK_OUTWARD_RE = re.compile(
    # not a doctor's grade: "FY2 nights", "CT1", "ST3 registrar"
    # nor a French school year alone ("en CM2"), a Chelmsford postcode only in full
    r"(?<![\w/-])(?!(?:FY|CT)[12]\b|ST[1-8]\b|CM[12]\b(?!\s?\d[A-Z]{2}))"
    r"(?:AB|AL|BA|BB|BD|BH|BL|BN|BR|BS|BT|CB|CF|CH|CM|CR|CT|CV|CW|DA|DD|DG|DH"
    r"|DL|DN|DT|DY|EC|EH|EN|EX|FK|FY|GL|GU|HA|HD|HG|HP|HR|HS|HU|HX|IG|IP|IV|KA|KT|KW|KY|LD"
    r"|LE|LL|LN|LS|LU|ME|MK|ML|NE|NG|NN|NP|NR|NW|OL|OX|PA|PH|PL|PR|RG|RH|RM|SA|SE|SG|SK|SL"
    r"|SM|SN|SP|SR|SS|SW|SY|TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|YO|ZE)"
    r"[1-9]\d?[A-Z]?(?![\w/-]|[.,]\d)")
# "village of Kelmscott", "the hamlet of Nether Row", "im Ortsteil Buer"
_SETTLEMENT_OF_RE = re.compile(
    r"\b(?:village|town|hamlet|parish|suburb|borough|estate|Dorf|Ortsteil|Stadtteil|Ortschaft"
    rf"|Weiler|Gemeinde)(?:\s+of)?\s+(?P<name>[A-ZÄÖÜ]{_WORD}(?:[- ][A-ZÄÖÜ]{_WORD})?)")
# "Landwirt bei Oberkirchbach", "der Hof bei Burgwedel": "bei" and a town's ending
_TOPONYM_ENDINGS = ("bach", "dorf", "hausen", "heim", "ingen", "stedt", "stätt", "feld", "burg",
                    "berg", "rode", "hagen", "kirchen", "hofen", "weiler", "walde", "wald", "tal",
                    "stadt", "furt", "brück", "brücken", "leben", "wedel", "büttel", "beck",
                    "horst", "born", "brunn", "grün", "reuth", "ow", "itz", "witz", "au", "see")
_NEAR_RE = re.compile(rf"\b(?:bei|nahe|Nähe\s+von|unweit\s+von)\s+(?P<name>[A-ZÄÖÜ]{_WORD})\b")
# "nursery (Little Acorns)", "die Kita (Pusteblume)": an institution, its name in brackets
_INSTITUTION_BRACKET_RE = re.compile(
    r"\b(?:nursery|school|surgery|practice|care\s+home|home|hospital|hospice|church|club"
    r"|centre|unit|ward|hostel|Kita|Kindergarten|Schule|Praxis|Klinik|Heim|Pflegeheim"
    r"|Wohngruppe|Station|Kirche|Verein|Hort)\s+\((?P<name>[A-ZÄÖÜ][\w'’-]*"
    r"(?:\s[A-ZÄÖÜ][\w'’-]*){0,3})\)")
# "the Old Rectory", "the Priory", "at The Limes": houses and homes with names of their own
_HOUSE_NAME_RE = re.compile(
    r"\b(?:the|The)\s+(?P<name>Old\s+(?:Rectory|Vicarage|Manse|Mill|Forge|Smithy|Bakery|Dairy"
    r"|Barn|Chapel|School(?:\s+House)?|Post\s+Office|Coach\s+House|Granary|Stables|Farmhouse"
    r"|Schoolhouse|Station|Maltings|Brewery|Police\s+House)|Priory|Grange|Maltings|Limes"
    r"|Cedars|Beeches|Laurels|Elms|Willows|Firs|Hollies|Pines|Larches|Poplars|Chestnuts"
    r"|Sycamores|Rowans)\b")
# "lives on Garnet St", "off Mill Rd": a street abbreviated after a preposition
_EN_STREET_ABBR_RE = re.compile(
    rf"\b(?:on|in|off|along|at)\s+(?P<street>(?:[A-Z]{_WORD}\s+){{1,2}}(?:St|Rd|Ave|Ln|Cres"
    r"|Terr|Dr|Gdns|Pl|Sq|Ct|Cl)\b\.?)(?!\s*[A-Z][a-z])")
# "the Northern General", "the Royal London": a hospital without the word "Hospital"
_THE_GENERAL_RE = re.compile(
    r"\bthe\s+(?P<name>(?!(?:Attorney|Surgeon|Secretary|Director|Inspector|Postmaster"
    r"|Solicitor|Governor|Consul|Adjutant|Auditor|Registrar|Paymaster|Major|Lieutenant"
    r"|Brigadier)\s)[A-Z][a-z]+\s+General)\b")
# "in der Charité", "aus der Charité": a feminine name no list knows is an institution
_DE_IN_DER_RE = re.compile(rf"\b(?:in|aus|an|von|zu|nach)\s+der\s+(?P<name>[A-ZÄÖÜ]{_WORD})\b"
                           r"(?!\s*-|['’])")
# "Charité-Transplantationsteam", "Eppendorf-Ambulanz": a name, then a hospital word
_DE_NAME_HOSPITAL_COMPOUND_RE = re.compile(
    rf"(?<![\w-])(?P<name>[A-ZÄÖÜ]{_WORD})-(?:[A-ZÄÖÜ]\w*)?(?i:team|station|ambulanz|klinik"
    r"|zentrum|abteilung|notaufnahme|psychiatrie|chirurgie|ärzte|arzt|ärztin|kardiologie"
    r"|onkologie|neurologie|pädiatrie|intensiv|intensivstation|pflege|sozialdienst)\b")
# "Addenbrooke's transplant team", "transferred to Addenbrooke's"
_EN_POSSESSIVE_INSTITUTION_RE = re.compile(
    rf"(?<![\w'’-])(?P<name>[A-Z]{_WORD})['’]s?(?=\s+(?:[a-z]+\s+){{0,2}}(?:team|ward|unit"
    r"|clinic|department|A&E|ICU|staff|consultants|doctors|nurses)\b)"
    rf"|\b(?:to|at|from|into)\s+(?P<name2>[A-Z]{_WORD})['’]s\b")
_AFTER_PLACE_RE = re.compile(
    r",\s+(?P<name>[A-ZÄÖÜ][a-zäöüß]+(?:[- ][A-ZÄÖÜ][a-zäöüß]+)?)(?=\s*(?:[,.;:)–-]|$))")


_AND_PLACE_RE = re.compile(
    r"(?:\s*,\s*|\s+(?:and|or|und|oder|&)\s+)"
    r"(?P<name>[A-ZÄÖÜ][a-zäöüßé]+(?:[- ][A-ZÄÖÜ][a-zäöüßé]+)?)\b")
_SENTENCE_END_BEFORE_RE = re.compile(r"[.!?:;]\s{1,3}$")
_AT_SIGN_RE = re.compile(rf"(?<=\s)@\s+(?P<name>[A-ZÄÖÜ]{_WORD})\b")


# "admitted to Pinderfields", "Seen at Daisy Hill", "died at Mass General", "booked with us
# at the Rotunda": where a patient was moved, seen, born or died is a place - unless a unit,
# a specialty, a country or a person ("referred to Dr Ahmed")
_CARE_MOVE_EN_RE = re.compile(
    r"\b(?:[Aa]dmitted|[Rr]eadmitted|[Tt]ransferred|[Dd]ischarged|[Ss]een|[Bb]orn|[Dd]elivered"
    r"|[Dd]ied|[Bb]ooked|[Tt]reated|[Vv]entilated|[Bb]lue-lighted|[Rr]ushed)\s+"
    r"(?:with\s+us\s+)?(?:to|at|from|into)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’-]{2,}(?:\s+[A-Z][\w'’-]+){0,2})")
_NOT_WHERE_CARE_IS = frozenset({
    "Hospital", "Home", "Hospice", "Casualty", "Resus", "Recovery", "Rehab", "Psychiatry",
    "Cardiology", "Oncology", "Paediatrics", "Pediatrics", "Surgery", "Maternity", "Theatre",
    "Theatres", "Intensive", "Critical", "Court", "Prison", "School", "Hand", "Birth", "Term",
    "Christmas", "Easter", "Dr", "Mr", "Mrs", "Ms", "Miss", "Prof", "Nurse", "Sister"})


def _context_places(text: str, langs: frozenset[str]) -> Iterator[_Candidate]:
    """Places the words around them show: "PLZ 44137", "Am Mühlbach 3a", "at Willowbrook",
    "Eichendorffschule", "wohnt im Wedding", "Nether Wallop", "Sunnybank surgery"."""
    for m in _ADDRESS_CUE_RE.finditer(text):
        pos = m.start("parts")
        for part in m.group("parts").split(","):
            lead = len(part) - len(part.lstrip())
            words = part.split()
            if words and not all(w in _NOT_UNKNOWN for w in words):
                yield _Candidate("place", pos + lead, pos + len(part.rstrip()), _P_PLACE_PREP)
            pos += len(part) + 1
    for m in _AT_SIGN_RE.finditer(text) if "@" in text else ():  # "Frau Engel @ Lindenhof"
        name = m.group("name")
        if (name not in _NOT_UNKNOWN and not _is_known_or_ambiguous_first_name(name)
                and not ("en" in langs and _is_ordinary_word(name, _ENGLISH))):
            yield _Candidate("place", m.start("name"), m.end("name"), _P_PLACE_PREP)
    for m in _CARE_MOVE_EN_RE.finditer(text) if "en" in langs else ():
        name = m.group("name")
        words = name.split()
        if not (words[0].rstrip(".") in _NOT_WHERE_CARE_IS or words[0] in _UNIT_WORDS
                or all(w in _NOT_UNKNOWN for w in words) or name.isupper()
                or name.casefold() in _REGIONS_CASEFOLD
                or len(words) == 1 and _is_known_or_ambiguous_first_name(name)):
            yield _Candidate("place", m.start("name"), m.end("name"), _P_PLACE_PREP)
    for m in _INSTITUTION_BRACKET_RE.finditer(text) if "(" in text else ():
        if not all(w in _NOT_UNKNOWN for w in m.group("name").split()):
            yield _Candidate("place", m.start("name"), m.end("name"), _P_PLACE_STRUCT)
    if "de" in langs:
        for m in _NEAR_RE.finditer(text):
            name = m.group("name")
            if (name.casefold().endswith(_TOPONYM_ENDINGS) and _is_unknown_word(name, langs)
                    and not _is_first_name(name) and len(name) > 5):
                yield _Candidate("place", m.start("name"), m.end("name"), _P_PLACE_PREP)
        for m in _DE_IN_DER_RE.finditer(text):
            if _is_unknown_name(m.group("name"), langs) and not _is_first_name(m.group("name")):
                yield _Candidate("place", m.start("name"), m.end("name"), _P_PLACE_PREP)
        for m in _DE_NAME_HOSPITAL_COMPOUND_RE.finditer(text) if "-" in text else ():
            if _is_unknown_name(m.group("name"), langs) and not _is_first_name(m.group("name")):
                yield _Candidate("place", m.start("name"), m.end("name"), _P_PLACE_STRUCT)
        for m in _PLZ_RE.finditer(text):
            yield _Candidate("place", m.start("code"), m.end("code"), _P_PLACE_STRUCT)
        for m in _DE_STREET_NO_SUFFIX_RE.finditer(text):
            name = m.group("name") or m.group("name2")
            if name not in _CALENDAR and name not in _NOT_A_NAME_BEFORE_AGE:
                start = m.start() if m.group("name") else m.start("name2")
                yield _Candidate("place", start, m.end(), _P_PLACE_STRUCT)
        for m in _STREET_BEFORE_POSTCODE_RE.finditer(text):
            if m.group("street").split()[0] not in data.STOP_CAPITALS:
                yield _Candidate("place", m.start(), m.start() + len(
                    m.group().split(",")[0]), _P_PLACE_STRUCT)
        for m in _DE_STREET_AFTER_ARTICLE_RE.finditer(text):
            street = m.group("street")
            suffix = re.search(r"(?:weg|straße|strasse|gasse|allee|platz|ring|damm|kamp|ufer"
                               r"|steig|pfad|stieg|twiete|graben|wall|chaussee|markt|anger"
                               r"|winkel|redder|viertel|kiez|siedlung)$", street)
            assert suffix is not None
            if (street not in _NOUNS_DE and street not in data.NOT_STREETS_DE
                    and not _is_german_compound(street, len(suffix.group()))):
                yield _Candidate("place", m.start("street"), m.end("street"), _P_PLACE_STRUCT)
        for m in _DE_QUARTER_RE.finditer(text):
            if m.group("adj") not in data.STOP_CAPITALS and m.group("adj") not in _NOUNS_DE:
                yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
        for m in _DE_INSTITUTION_WORD_RE.finditer(text):
            word, prefix = m.group("word"), m.group("prefix")
            if (word in _NOUNS_DE or len(prefix) < 3 or prefix in data.STOP_CAPITALS
                    or prefix.split("-")[0] in data.GENERIC_INSTITUTION_PREFIXES
                    or word in data.NOT_STREETS_DE
                    or _is_two_noun_compound(word, len(m.group("suffix")) + 1)):
                continue
            yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
        for m in _DE_FARM_RE.finditer(text):
            name = m.group("name")
            prefix = m.group("prefix")
            if name not in _NOUNS_DE and (not _is_two_noun_compound(name, 3) or (
                    prefix in data.TOWNS or _unknown_capitalised(prefix, langs))):
                yield _Candidate("place", m.start("name"), m.end("name"), _P_PLACE_STRUCT)
        for m in _HOF_RE.finditer(text):
            if _is_unknown_word(m.group("name"), langs):
                yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
        for m in _DE_LIVES_RE.finditer(text):
            name = m.group("name")
            if (_is_unknown_word(name, langs) and not _is_first_name(name)
                    and not _is_german_compound(name)):
                yield _Candidate("place", m.start("name"), m.end("name"), _P_PLACE_PREP)
        for m in _DE_VENUE_RE.finditer(text):
            if _is_name_word(m.group("name"), _ENGLISH):
                yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _FIRM_RE.finditer(text) if "&" in text or _FIRM_HINT_RE.search(text) else ():
        words = [w for w in re.split(r"[-\s&]+", m.group("name")) if w]
        while words and (words[0] in data.STOP_CAPITALS or words[0] in _NOT_UNKNOWN):
            words = words[1:]
        if words:
            start = m.start("name") + m.group("name").find(words[0])
            yield _Candidate("place", start, m.end(), _P_PLACE_STRUCT)
    if "en" in langs:
        for m in _DEPARTMENT_AFTER_RE.finditer(text) if _DEPARTMENT_HINT_RE.search(text) else ():
            words = m.group("name").split()
            if words[0] in data.STOP_CAPITALS or (
                    _is_ordinary_word(words[0], langs) and _at_sentence_start(text, m.start())):
                words = words[1:]  # "Admitted Queen Elizabeth ...": a verb opening it
            if words and not all(_is_ordinary_word(w, langs) for w in words):
                start = m.end("name") - len(" ".join(words))
                yield _Candidate("place", start, m.end("name"), _P_PLACE_STRUCT)
    for m in _SETTLEMENT_OF_RE.finditer(text):
        words = re.split(r"[- ]", m.group("name"))
        if not any(w in _NOT_UNKNOWN or w.casefold() in _REGIONS_CASEFOLD for w in words) and (
                "de" not in langs or not any(_is_ordinary_word(w, langs) for w in words)):
            yield _Candidate("place", m.start("name"), m.end("name"), _P_PLACE_PREP)
    if "en" in langs:
        for m in _EN_STREET_AFTER_PREP_RE.finditer(text):
            yield _Candidate("place", m.start("street"), m.end("street"), _P_PLACE_STRUCT)
        rules = [_EN_STREET_ABBR_RE, _HOUSE_NAME_RE]
        if _DIGIT_RE.search(text):
            rules.append(_UK_OUTWARD_RE)
        if "General" in text:
            rules.append(_THE_GENERAL_RE)
        for rx in rules:
            for m in rx.finditer(text):
                g = "name" if rx is _HOUSE_NAME_RE or rx is _THE_GENERAL_RE else (
                    "street" if rx is _EN_STREET_ABBR_RE else 0)
                if rx is _EN_STREET_ABBR_RE and m.group(g).split()[0] in _NOT_UNKNOWN:
                    continue
                yield _Candidate("place", m.start(g), m.end(g), _P_PLACE_STRUCT)
        for m in (_EN_POSSESSIVE_INSTITUTION_RE.finditer(text)
                  if "'" in text or "’" in text else ()):
            g = "name" if m.group("name") else "name2"
            name = m.group(g)
            if _is_unknown_name(name, langs) and not _is_known_or_ambiguous_first_name(name):
                yield _Candidate("place", m.start(g), m.end(), _P_PLACE_STRUCT)
        for m in _VILLAGE_PREFIX_RE.finditer(text):
            name = m.group("name")
            if name in _NOT_UNKNOWN or m.group().casefold() in _REGIONS_CASEFOLD:
                continue
            after_prep = re.search(r"\b(?:at|in|from|to|into|near)\s+$",
                                   text[max(0, m.start() - 6):m.start()])
            if m.group("strong") or after_prep or _is_unknown_word(name, langs):
                yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
        for m in _EN_AT_RE.finditer(text):
            words = m.group("name").split()
            if len(words) > 1 and (words[1] in _NOT_UNKNOWN or _is_first_name(words[1])
                                   or not _is_unknown_word(words[1], langs)):
                words = words[:1]  # "at Willowbrook Tuesday"; but "at Stoke Mandeville"
            # "at Willowbrook", "Whitney @ Hollybank"
            if (any(_is_unknown_word(w, langs) for w in words) and words[0] not in _NOT_UNKNOWN
                    and not _is_known_or_ambiguous_first_name(words[0])):
                end = m.start("name") + len(" ".join(words))
                yield _Candidate("place", m.start("name"), end, _P_PLACE_PREP)
        for m in _EN_LOWER_INSTITUTION_RE.finditer(text):
            name = m.group("name")
            if _is_unknown_word(name, langs) and not _is_known_or_ambiguous_first_name(name):
                yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT - 1)
    for lang, rx in _ISLAND_RES:
        for m in rx.finditer(text) if lang in langs else ():
            name = m.group("name")
            # "crofter on Scalpay", "Auf Spiekeroog leben": an island or a street no list
            # holds, where someone lives or works; not an app or a medicine ("met on Grindr",
            # "auf Tilidin"), nor a word anyone writes ("auf Station")
            if (_zipf(name, langs) == 0.0 and _is_unknown_name(name, langs)
                    and not _is_known_or_ambiguous_first_name(name)
                    and not ("de" in langs and (_looks_like_german_noun(name)
                                                or _is_short_headed_compound(name)))):
                start = m.start("hallig") if "hallig" in rx.groupindex and m.group("hallig") else (
                    m.start("name"))
                yield _Candidate("place", start, m.end("name"), _P_PLACE_PREP)


def _places_after_places(text: str, places: list[_Candidate],
                         langs: frozenset[str]) -> Iterator[_Candidate]:
    """ "27 Quarry Lane, Headingley", "Holy Trinity, Boltby": the locality after an address;
    "in Haifa and Toronto": a town the lists know, beside a place, is a place too; "the
    Three Horseshoes in Little Baddow": a venue in a town."""
    for c in places:
        v = _VENUE_BEFORE_IN_RE.search(text, max(0, c.start - 60), c.start)
        if v and "en" in langs and _is_a_venue(v.group("v")):
            yield _Candidate("place", v.start("v"), v.end("v"), _P_PLACE_PREP)
        m = _AND_PLACE_RE.match(text, c.end)
        if m and (m.group("name") in _WORLD_CITIES or m.group("name") in data.CITIES
                  or m.group("name") in data.TOWNS):
            yield _Candidate("place", m.start("name"), m.end("name"), _P_CITY_PREP)
        if c.priority < _P_PLACE_STRUCT - 1:
            continue
        m = _AFTER_PLACE_RE.match(text, c.end)
        if m and (all(_is_unknown_word(w, langs) and not _is_first_name(w)
                      and not ("de" in langs and _is_german_compound(w))  # "Traktorunfall"
                      for w in re.split(r"[- ]", m.group("name")))
                  or _VILLAGE_PREFIX_RE.fullmatch(m.group("name"))
                  # "..., Upper Slaughter", "2 rue Nationale, Tours", "Collège ..., Marseille"
                  # (not "Rosenheim, Vers.-Nr.": an abbreviation)
                  or (m.group("name") in _KNOWN_TOWNS or m.group("name") in _FRENCH_TOWNS)
                  and not _ABBREVIATION_AFTER_RE.match(text, m.end("name"))):
            yield _Candidate("place", m.start("name"), m.end("name"), _P_PLACE_PREP)
_KNOWN_TOWNS = data.TOWNS | data.CITIES | _WORLD_CITIES | data.HEADING_TOWNS
_VENUE_BEFORE_IN_RE = re.compile(
    r"\b[Tt]he\s+(?P<v>(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)\s+(?:in|at)\s+$")


def _is_a_venue(name: str) -> bool:
    """ "Three Horseshoes", "Nuffield", "Harbour Bar"; not "NHS", "Police", "Smiths" (a
    family), "Ward", "Lake District" or a first name alone."""
    words = name.split()
    if (name in _GENERIC_ABBREVIATIONS or name.isupper()
            or name.casefold() in _REGIONS_CASEFOLD
            or any(w in _CALENDAR or w in data.EPONYMS or w in _UNIT_WORDS
                   or w in _TITLE_WORDS_CASED for w in words)
            or all(w in data.STOP_CAPITALS or w in _NOT_UNKNOWN for w in words)
            or words[-1] in ("Clinic", "Team", "Services", "Department")):  # "Memory Clinic"
        return False
    if len(words) == 1:
        return not (words[0].endswith("s") or _is_known_or_ambiguous_first_name(words[0])
                    or _is_ordinary_word(words[0], _ENGLISH))  # "the Police in Leeds"
    return True


_FRENCH_TOWNS = data.FR_TOWNS | data.FR_AMBIGUOUS_TOWNS
_ABBREVIATION_AFTER_RE = re.compile(r"\.[-\w]")
# A word of place or movement before a world city: "emigrated to Sydney", "aus Temeswar".
_WORLD_CITY_RE = re.compile(
    rf"\b(?:[Ii]n|[Ff]rom|[Tt]o|[Nn]ear|[Vv]ia|[Aa]us|[Nn]ach|[Bb]ei|[Vv]on)\s+"
    rf"(?P<city>[A-ZÄÖÜÇŞİ]{_WORD}(?:[-\s][A-ZÄÖÜ]{_WORD})?)")
# A town whose name people bear too, after living or moving there: "moved from Regina to",
# "lives in Kingston", "won't go in to Alice" ("wrote to Alice" is a letter to a person)
_TOWN_AFTER_A_MOVE_RE = re.compile(
    r"\b(?:[Ll]ives?|[Ll]iving|[Ll]ived|[Mm]ov(?:e[ds]?|ing)|[Bb]orn|[Gg]rew\s+up|[Dd]ied"
    r"|[Ee]migrated|[Bb]ack|[Hh]ome|[Gg]o(?:es|ing)?\s+in|[Ff]lown|[Tt]ransferred|[Bb]ased"
    r"|[Rr]elocated|[Hh]ospital|[Ss]tation(?:ed)?|[Pp]lace[ds]?|[Ww]ork(?:s|ed|ing)?)"
    r"\s+(?:(?:in|to|from|at|near|out\s+of|back\s+to)\s+)+"
    rf"(?P<town>[A-Z]{_WORD}(?:\s[A-Z]{_WORD})?)(?!\w|['’]s\b)")
# A city abroad standing alone between the parts of a case label or a heading
_CITY_SEGMENT_RE = re.compile(
    rf"(?:^|[,–—(:]\s*|\s-\s)(?P<city>[A-ZÄÖÜ]{_WORD}(?:\s[A-Z]{_WORD})?)"
    r"(?=\s*(?:[,–—):]|\s-\s|$)|\s+to\s+[A-Z])"
    # "Mthatha. Mr Dube, 45, TB": the town as the first sentence of a note
    rf"|^(?P<heading>[A-Z]{_WORD}(?:[\s-][A-Z]{_WORD})?)\.(?=\s)")
# Shops and chemists of a chain at one branch: "the Walgreens on Colfax Ave", "Boots in
# Maryhill" (by the labelling conventions a firm at a place is a place; the chain alone,
# "works at Tesco", names no place)
_CHAIN_STORES = frozenset({
    "Asda", "Tesco", "Sainsbury's", "Sainsbury’s", "Morrisons", "Aldi", "Lidl", "Boots",
    "Superdrug", "Waitrose", "Iceland", "Co-op", "Spar", "Dunnes", "SuperValu", "Walgreens",
    "CVS", "Walmart", "Costco", "Kroger", "Safeway", "Rexall", "Shoppers", "Loblaws",
    "Woolworths", "Coles", "Countdown", "Kmart", "Edeka", "Rewe", "Netto", "Kaufland",
    "Rossmann", "Migros", "Coop", "Denner", "Billa", "Hofer", "Carrefour", "Intermarché",
    "Monoprix", "Franprix", "Auchan"})
# "Schichtarbeiter bei Bosch in Bamberg", "worked for Siemens in Erlangen": where one works
_EMPLOYER_RE = re.compile(rf"\b(?:bei|beim|at|for|für)\s+(?P<firm>{_alternation(data.EMPLOYERS)})"
                          r"(?![\w-])")
_CHAIN_STORE_RE = re.compile(
    rf"\b(?P<store>{_alternation(_CHAIN_STORES)})\s+(?:on|in|at)\s+(?=[A-Z][a-z])")
# "Westmead, ward C4A", "Remutaka, unit 9": a place that opens a note, then the part of it
_PLACE_THEN_PART_RE = re.compile(
    rf"^(?P<place>[A-ZÄÖÜ]{_WORD}(?:[ -][A-ZÄÖÜ]{_WORD}){{0,2}})\s*,\s+(?=(?:ward|unit|bay"
    rf"|room|wing|floor|level|block|landing|cell|labour\s+ward|maternity|theatre|resus"
    rf"|night\s+shift|Station|Zimmer|Stat\.)(?!\w))")
# "Ward sister, Ninewells.", "Midwife, Victoria Jubilee, Kingston.", "Lecturer, nursing,
# Ulster University.", "Midwife in Katherine.", "Hausärztin, Obertrubach.": a note that
# opens with the writer's role, then names where she works. The heading ends at its first
# full stop, dash, colon or line break.
_HEADING_END_RE = re.compile(r"(?<![\s.][A-Z])(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bSt)"
                             r"(?<!\bProf)\.(?=\s+[A-ZÄÖÜ](?![A-ZÄÖÜ\d-])|\s+[\"„“'‘(]|\s*$"
                             # "psych reg, Sydney. pt who": a note in lower case
                             r"|(?<=[a-z]{3}\.)\s+[a-z])"
                             r"|\s[-–—]\s|\n|:\s|;")
_ROLE_IN_PLACE_RE = re.compile(
    rf"\s+(?:in|at)\s+(?P<place>[A-ZÄÖÜ]{_WORD}(?:[ -][A-ZÄÖÜ]{_WORD}){{0,3}})$")
_HEADING_PLACE_RE = re.compile(
    r"(?:[Tt]he\s+)?(?P<place>(?:[A-ZÄÖÜĀĒĪŌŪ][\w'’&.-]*)(?:\s+(?:of|al-|de|la|du)?\s*"
    r"[A-ZÄÖÜĀĒĪŌŪ][\w'’&.-]*){0,4})$")
# Titles that only ever address someone: "Dr, ..." opens no role
_ADDRESS_TITLES = frozenset({"Dr", "Mr", "Mrs", "Ms", "Mx", "Sir", "Lady", "Lord", "Miss",
                             "Frau", "Herr", "Fr", "Hr"})
_FUNCTION_WORDS_HEADING = frozenset({"our", "my", "the", "his", "her", "their", "unser",
                                     "unsere", "meine", "mein", "die", "der", "das"})
# Parts of a hospital or service written with capitals: "Nurse, Intensive Care." names no
# place; nor do regions' codes ("Gary, IN", "Elizabeth, SA")
_UNIT_WORDS = frozenset({"Ward", "Unit", "Care", "Shift", "Team", "Service", "Services",
                         "Department", "Hours", "Theatre", "Theatres", "Outpatients",
                         "Emergency", "Medicine", "Health", "Nursing", "Practice", "Pathway",
                         "Station", "Stationen", "Section", "Haus", "Gruppe", "Zimmer", "Bay",
                         "Room", "Bed", "Wing", "Block", "Level", "Floor", "Typ", "Type",
                         "Disease", "Syndrome", "Disorder", "Cancer", "Failure"})
_GENERIC_ABBREVIATIONS = frozenset({
    "ICU", "NICU", "PICU", "HDU", "ITU", "CCU", "SCBU", "ED", "AE", "A&E", "NHS", "CAMHS",
    "OPD", "MAU", "AMU", "EAU", "SAU", "GP", "OOH", "MDT", "CMHT", "CRHT", "AMHP", "IPU",
    "EPU", "MLU", "DGH", "PRU", "YOT", "YOS", "CPS", "CPN", "HCA", "RN", "RMN", "PHC", "CHC",
    "ER", "OR", "EMS", "EMT", "NSW", "QLD", "VIC", "TAS", "ACT", "NT", "WA", "SA", "BC", "ON",
    "UK", "US", "USA", "NZ", "IRL", "ZA", "SEN", "SENCO", "SENCo", "KH", "ZNA", "ITS", "IMC",
    "OP", "NA", "JVA", "SPZ", "KJP", "PIA", "MVZ", "UMF", "UMA", "ADHD", "ADHS", "OCD",
    "PTSD", "PTBS", "BPD", "COPD", "PND", "ALL", "AML", "CLL", "MS", "ALS",
}) | data.US_STATE_CODES
# Royal and saints' names that hospitals and schools bear: "Princess Alexandra", "Lady
# Cilento", "King Edward Memorial" (not "Mrs", "Dr": those address a person)
_NAMESAKE_TITLES = frozenset({"Princess", "Prince", "King", "Queen", "Lady", "Sir", "Saint",
                              "St", "St."})


_AGE_PART_RE = re.compile(r"\d{1,3}\s*(?:[MFmfwJ]|J\.|Jahre|y|yo|yrs|years)?|aged\s+\d+.*"
                          r"|(?:early|mid|late)?[\s-]*\d0s")


def _is_a_role(words: list[str], langs: frozenset[str]) -> bool:
    """ "Family physician", "Grade 11", "A&E triage", "Uniting Church minister": a role,
    a year or a ward, in ordinary words, abbreviations and numbers."""
    if (not 1 <= len(words) <= 6 or words[0].casefold() in _FUNCTION_WORDS_HEADING
            or _is_known_or_ambiguous_first_name(words[0])
            or any("." in w for w in words)
            or any(w.casefold() in _PATIENT_WORDS for w in words[:-1]
                   if w.casefold() != "family")
            or words[-1].casefold() in _PATIENT_WORDS):
        # "young woman, OCD", "Mann, 45, Morbus Crohn": a case label's patient (but "family
        # doc", "family support worker" are roles)
        return False
    return all((_is_ordinary_word(w, langs) or (w.isdigit() and len(w) <= 2)
                or (w.isupper() and len(w) <= 7 and not any(c.isdigit() for c in w))
                or "&" in w or w in _ROLE_SMALL_WORDS) and w not in _ADDRESS_TITLES
               for w in words)


# Words for the patient a case label opens with ("Boy aged 11, ADHD", "Mutter, 38, ...")
_PATIENT_WORDS = frozenset({w.casefold() for w in data.PERSON_NOUNS} - {"resident"} | {
    "boy", "girl", "child", "kid", "baby", "infant", "toddler", "teen", "teenager", "man",
    "woman", "lady", "gentleman", "mum", "dad", "mother", "father", "pt", "client", "couple",
    "family", "twins", "junge", "mädchen", "kind", "säugling", "jugendlicher",
    "jugendliche", "klient", "klientin", "paar", "familie", "vater", "häftling", "proband",
    "probandin", "bewohner", "bewohnerin", "kindeswohlgefährdung", "kinderwunschbehandlung",
    "referral", "überweisung", "case", "fall"})
_ROLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "at", "for", "on", "and", "with",
                               "to", "im", "am", "der", "die", "das", "für", "und"})


def _heading_places(text: str, langs: frozenset[str]) -> Iterator[_Candidate]:
    m = _PLACE_THEN_PART_RE.match(text)
    if m and all(_is_unknown_word(w, langs) and not _is_first_name(w)
                 for w in re.split(r"[ -]", m.group("place"))):
        yield _Candidate("place", m.start("place"), m.end("place"), _P_CITY_PREP)
    end = _HEADING_END_RE.search(text, 0, 200)
    head = text[:end.start() if end else min(len(text), 200)]
    if end is None and len(text) > 200:
        return
    parts = [(p.start(), p.group()) for p in re.finditer(r"[^,]+", head)]
    if not parts or any(_AGE_PART_RE.fullmatch(part.strip()) for _, part in parts):
        return  # "Junge, 11, ADHS": a case label, its patient's age among its parts
    role_start, role = parts[0]
    inner = _ROLE_IN_PLACE_RE.search(role)
    if inner:  # "Midwife in Katherine", "Teacher at a remote school, Yuendumu"
        role = role[:inner.start()]
    if not _is_a_role(role.split(), langs):
        return
    if inner and _could_be_a_workplace(inner.group("place"), langs):
        yield _Candidate("place", role_start + inner.start("place"),
                         role_start + inner.end("place"), _P_CITY_PREP)
    if len(parts) == 1:
        return
    found = 0
    for start, part in _heading_parts(parts[1:]):
        lead = len(part) - len(part.lstrip())
        body = part.strip()
        the = body[:4].casefold() == "the "
        if found and _WARD_RE.fullmatch(body):  # "Addenbrooke's, Ward D9"
            yield _Candidate("place", start + lead, start + lead + len(body), _P_CITY_PREP)
            continue
        if not body or (body[0].islower() and not the) or body[0].isdigit():
            continue  # "nursing", "aged care", "ward 7": a part of the work, no place
        m = _HEADING_PLACE_RE.fullmatch(body)
        if m is None:
            if any(c.isdigit() for c in body):
                continue  # "Year 6", "Station 4": a part of the work
            return  # a sentence: the heading is no list of workplaces
        place = m.group("place")
        if any(c.isdigit() for c in role) and (place.isupper() or place[-1] == "s"):
            continue  # "Year 11, GCSEs", "Grade 4, ADHD": a school year's subjects and needs
        if the and " " not in place and place.endswith("s") and place not in _CHAIN_STORES:
            continue  # "the Okafors": a family (not "the Walgreens on Colfax Ave")
        if not (_is_a_heading_workplace(place, langs) or (
                the and " " not in place and place not in _UNIT_WORDS)):  # "the Rotunda"
            continue  # "Samantha Lowther": a person, and maybe a workplace after her
        found += 1
        # "Lady Cilento", "Princess Alexandra": a namesake's title makes no titled name here
        titled = m.group("place").split()[0] in _NAMESAKE_TITLES
        yield _Candidate("place", start + lead + m.start("place"), start + lead + m.end("place"),
                         _P_NAME_TITLE + 1 if titled else _P_CITY_PREP)
        if found == 3:
            return


# "Rexall in Red Deer", "Loreto in Bray", "Cardiff (Splott)", "HMP Leeds (Armley)": one part
# of a heading that names two places
_PART_SPLIT_RE = re.compile(r"\s+(?:in|at|on)\s+(?=[A-ZÄÖÜ])|\s*\(\s*(?=[A-ZÄÖÜ])|\s*\)\s*$")


_WARD_RE = re.compile(r"[Ww]ard\s+[A-Z]?\d{1,3}[A-Z]?")


def _heading_parts(parts: list[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    for start, part in parts:
        pos = 0
        for m in _PART_SPLIT_RE.finditer(part):
            yield start + pos, part[pos:m.start()]
            pos = m.end()
        yield start + pos, part[pos:]


def _is_a_heading_workplace(name: str, langs: frozenset[str]) -> bool:
    """ "Ninewells", "Sea Point", "CMC Vellore", "Addenbrooke's", "Princess Alexandra" in a
    heading after a role; not "Intensive Care", "ICU", "IN", "Mrs Jones" or "Siobhan"."""
    words = name.replace("’", "'").removesuffix("'s").split()
    joined = " ".join(words)
    if len(words) > 1 and (joined in data.TOWNS or joined in data.WORLD_TOWNS):
        return True  # "Byron Bay", "Bay of Islands": a town, though "Bay 3" is a ward's
    if (not words or name in _GENERIC_ABBREVIATIONS or "&" in name or "/" in name
            or words[-1] in _UNIT_WORDS
            or words[0] in _UNIT_WORDS or len(words[-1]) == 1
            or any(w in _CALENDAR or w in data.EPONYMS or w in data.DRUG_NAMES for w in words)
            or ("de" in langs and all(_is_ordinary_word(w, _GERMAN) for w in words))
            or any(p[:1].islower() or p.isdigit() or len(p) <= 2
                   for w in words for p in w.split("-")[1:])):
        return False  # "Section B", "Termin Mittwoch", "Morbus Crohn", "Mamma-Ca"
    if (joined in data.TOWNS or joined in data.CITIES or joined in _WORLD_CITIES
            or joined in data.HEADING_TOWNS or joined in data.WORLD_TOWNS):
        return True
    if words[0] in _NAMESAKE_TITLES and len(words) > 1:
        return not _is_a_title_and_name(words)
    if words[0].casefold() in _PATIENT_WORDS or any(
            w.rstrip(".") in _ADDRESS_TITLES for w in words[1:]):
        return False  # "Halterin Martina Kuhlmann", "Leitung Frau Dr. Seidl"
    if len(words) > 1 and (len(words) > 2 or words[-1] in data.INSTITUTION_HEADS_EN) and all(
            w[0].isupper() or w in ("of", "al-", "de", "la", "du") for w in words):
        return True  # "Chris Hani Baragwanath", "Lincoln Elementary", "Beth Israel Hospital"
    if len(words) > 1 and all(w[0].isupper() for w in words) and not any(
            _is_known_or_ambiguous_first_name(w) for w in words):
        # "Sea Point", "Golden Pines", "CMC Vellore", "UC Davis", "Tower Hamlets"
        return name.casefold() not in _REGIONS_CASEFOLD and not all(
            w in _GENERIC_ABBREVIATIONS for w in words)
    if len(words) == 1 and words[0].isupper() and 3 <= len(words[0]) <= 8:
        return words[0] not in _GENERIC_ABBREVIATIONS  # "CAMH", "UNSW", "NIMHANS"
    return _could_be_a_workplace(" ".join(words), langs)


def _is_a_title_and_name(words: list[str]) -> bool:
    """ "Sir John" alone is a man; "Sir John A. Macdonald Secondary", "Princess Alexandra"
    in a heading name a school and a hospital."""
    return len(words) == 2 and words[0] in ("Sir", "Lady") and _is_first_name(words[1])


def _could_be_a_workplace(name: str, langs: frozenset[str]) -> bool:
    """Not a person ("Our leader, Siobhan,"), a region ("somewhere in Alberta") or a word."""
    if (name in data.TOWNS or name in data.CITIES or name in _WORLD_CITIES
            or name in data.HEADING_TOWNS):
        return True
    words = re.split(r"[ -]", name)
    if (name.casefold() in _REGIONS_CASEFOLD or _is_known_or_ambiguous_first_name(words[0])
            or words[0] in _TITLE_WORDS_CASED):
        return False
    if len(words) > 1:  # not "Azubi Tim", "DNA-Test", "Mental Health"
        return not (all(_is_ordinary_word(w, langs) for w in words)
                    or any(w.isupper() or _is_known_or_ambiguous_first_name(w) for w in words))
    # one word: as unknown as a place in "in X" must be ("ICU", "Donnerstagsgruppe" are not)
    return (len(name) > 3 and not name.isupper() and _zipf(name, langs) == 0.0
            and _is_unknown_name(name, langs) and name not in data.DRUG_NAMES
            and not name.endswith(_DEMONYM_ENDINGS)
            and not ("de" in langs and (_looks_like_german_noun(name)
                                        or name.endswith(("ende", "ender", "enden"))
                                        or _is_short_headed_compound(name)
                                        or _is_german_compound(name))))


_AGE_AFTER_RE = re.compile(r"\s*[,(]\s*\d{1,2}\b(?![.:/]\d)")
# Roads: "the A47", "off the M6", "an der B96", "M6 J9", "Junction 9", "A1(M)". One-digit
# A/B/C codes are vitamins and language levels ("B12", "B1"), so a road needs two digits
# or "M" (motorway), and an article or a junction beside it.
_ROAD_RE = re.compile(
    r"(?:\b(?:the|der|die|an\s+der|auf\s+der|über\s+die|Richtung)\s+)"
    r"(?P<road>(?:[AB]\d{2,4}|M\d{1,3}|A\d{1,3}\(M\))(?:\s+(?:J|[Jj]unction\s+)\d{1,2})?)\b"
    r"|\b(?P<junction>(?:[AM]\d{1,4}\s+)?(?:J\d{1,2}|[Jj]unction\s+\d{1,2}))\b"
    # "off Highway 11", "State Highway 35", "Route 66", "I-95"
    r"|\b(?P<highway>(?:State\s+)?(?:Highway|Hwy|Route|Interstate)\s+\d{1,3}|I-\d{1,3})\b(?![.,]\d)")
# English pubs and eateries: "the Rose and Crown", "the Red Lion", "the Olympus Grill",
# "the King's Arms"
_PUB_NOUNS = (r"(?:Crown|Anchor|Bell|Hounds|Groom|Hare|Feathers|Plough|Harrow|Lion|Swan|Bull"
              r"|Ship|Castle|Garter|Compasses|Magpie|Stump|Hart|Stag|Oak|Boar|Dragon|Horse"
              r"|Horseshoes|Greyhound|Fox|Goose|Cock|Pheasant|Partridge|Wheatsheaf|Rose"
              r"|Thistle|Mitre|Sun|Moon|Star|Kettle|Barge|Tun|Cross\s+Keys)")
_VENUE_EN_RE = re.compile(
    rf"\b[Tt]he\s+(?:[A-Z]{_WORD}\s+){{1,2}}(?:and|&)\s+{_PUB_NOUNS}\b"
    rf"|\b[Tt]he\s+(?:Red|White|Black|Golden|Royal|Green|Blue|Old|King['’]s|Queen['’]s"
    rf"|Bishop['’]s|Nag['’]s|Duke['’]s)\s+(?:{_PUB_NOUNS}|Head|Arms|Cow|Ox|Lamb|Hind)\b"
    rf"|\b[Tt]he\s+(?:[A-Z]{_WORD}['’]?s?\s+){{1,2}}(?:Arms|Inn|Tavern|Grill|Diner|Bistro"
    r"|Brasserie|Kebab|Chippy|Takeaway|Café|Cafe|Lounge|Social\s+Club|Hotel|Bakery)\b")
# "banned from The Crown", "at The Priory": a capital "The" inside a sentence, after a
# word of place, starts a name
_THE_VENUE_RE = re.compile(
    rf"\b(?:at|in|from|outside|near|behind|to|into|opposite)\s+(?P<venue>The(?:\s+[A-Z]{_WORD}"
    rf"(?:['’]s)?){{1,3}}(?:\s+of\s+[A-Z]{_WORD})?)")
# Places known by a prefix: "Port Antonio", "San Fernando", "Mt Druitt", "Fort Harrison"
_PLACE_PREFIX_RE = re.compile(
    rf"(?<![\w.])(?:Port|Fort|Mount|Mt\.?|San|Santa|Santo|São|Glen|Cape|Lake"
    # and institutions known by a prefix: a Welsh school or hospital, a mosque, a café
    rf"|Ysgol|Ysbyty|Masjid|Café|Cafe|Résidence|Villa|Casa|Camp"
    # and Welsh farms and hamlets: "Tŷ Gwyn", "Cae Mawr", "Pant Glas"
    rf"|Tŷ|Cae|Pant|Nant|Cwm|Maes|Coed|Cnwch|Plas|Hafod|Llys|Fferm"
    # and Irish schools: "Scoil Bhríde", "Gaelscoil na Mara"
    rf"|Scoil|Gaelscoil|Gaelcholáiste|Coláiste|Meánscoil)\s+(?:na\s+|an\s+)?"
    rf"[A-Z]{_WORD}(?:-[A-Z]{_WORD})?"
    rf"(?:\s+[A-Z]{_WORD})?(?!\s+(?:syndrome|disease|Hospital|Clinic)\b)")
# Celtic place names by how they begin: "Llanybydder", "Ballinaclash", "Inverkeithing",
# "Auchtermuchty", "Inishmore", "Pen-y-Bryn"
_CELTIC_PLACE_RE = re.compile(
    r"(?<![\w-])(?:Llan|Bally|Ballin|Inver|Auchter|Auchen|Inish|Tre[fv])[a-zâêîôûŵŷ]{3,}"
    r"(?:-[a-z]+-[A-Z][a-z]+)?\b|(?<![\w-])(?:Pen|Bryn|Pont|Aber)-y-[A-Z][a-z]+\b"
    r"|(?<![\w-])Inis\s+[A-Z][a-zá-ú]+\b")
# Offshore platforms and fishing boats: "on the Forties Alpha", "the Piper Bravo"; and
# where the text is about the sea, "skipper of the Ocean Reaper", "on the Kirsty Ann"
_RIG_RE = re.compile(
    rf"\b[Tt]he\s+(?P<rig>[A-Z]{_WORD}\s+(?:Alpha|Bravo|Charlie|Delta|Echo|Foxtrot|Central))\b")
_VESSEL_RE = re.compile(
    rf"\b(?:on|aboard|off|of|from|was|named|called)\s+the\s+(?P<boat>[A-Z]{_WORD}"
    rf"(?:\s+[A-Z]{_WORD})?)\b(?!['’]s|\s+(?:Sea|Ocean|Channel|Firth|Minch|Bay|Island|Isles?)\b)")
_SEA_HINT_RE = re.compile(
    r"(?i)\b(?:boat|trawler|vessel|ship|skipper|deckhand|crew|fishing|fisherman|fishermen|winch"
    r"|galley|harbour|harbor|went\s+down|sank|at\s+sea|lifeboat|Kutter|Schiff)\b")
# "Fitzroy VIC 3065": an Australian town, its state and postcode
_AU_POSTCODE_RE = re.compile(
    rf"\b(?P<town>[A-Z]{_WORD}(?:\s[A-Z]{_WORD})?)\s+(?:VIC|NSW|QLD|SA|WA|TAS|NT|ACT)\s+"
    r"(?P<code>\d{4})\b")
# "1420 W 63rd St": an American numbered street
_US_NUMBERED_STREET_RE = re.compile(
    r"\b\d{1,5}\s+(?:[NSEW]\.?\s+)?\d{1,3}(?:st|nd|rd|th)\s+(?:St|Street|Ave|Avenue|Rd|Road"
    r"|Blvd|Pl|Place|Dr|Drive)\b\.?"
    # "6218 S Kedzie Ave", "2210 W Dean Ave": a house number, a quarter, a street
    r"|\b\d{2,5}\s+[NSEW]\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:St|Ave|Rd|Blvd|Pl|Dr|Ln|Ct"
    r"|Way|Pkwy|Hwy|Street|Avenue|Road|Boulevard|Drive|Lane|Court)\b\.?")
# An Irish Eircode: "A98 K2V3", "D02 X285"
_EIRCODE_RE = re.compile(r"\b[AC-FHKNPRTV-Y]\d[\dW]\s(?=[A-Z0-9]{4}\b)(?=\w*\d)(?=\w*[A-Z])"
                         r"[AC-FHKNPRTV-Y0-9]{4}\b")
# "moving to 2250 Kingsway, Vancouver", "croft at 2 Achmore, Lochcarron": a house number
# and a name of no street word, then a comma and the town - the shape of an address
_NUMBER_NAME_TOWN_RE = re.compile(
    r"\b(?:at|to|in|lives|living|from|Address:?)\s+(?P<a>\d{1,4}[a-z]?\s+(?P<w>[A-Z][a-z]{3,20}))"
    r"(?=,\s+[A-Z][a-z]{2,})")
# A Canadian postcode: "V5N 2T7", "H2X 1Y4" (letters as Canada Post uses them)
_CA_POSTCODE_RE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d\b")
# German pubs: "im Goldenen Hirschen", "zur Alten Post", "Gasthaus Krone"
_VENUE_DE_RE = re.compile(
    rf"\b(?:im|zum|zur|beim|vom|ins)\s+(?P<venue>(?:Goldenen|Grünen|Roten|Schwarzen|Weißen"
    rf"|Blauen|Alten|Wilden|Lustigen|Fröhlichen|Letzten|Dicken|Scharfen|Güldenen"
    rf"|Silbernen|Drei|Weissen)\s+[A-ZÄÖÜ]{_WORD})")
# Heads that always carry a name, a noun included ("Pflegedienst Sonnenschein", "Villa
# Kunterbunt", "Hochhaus Am Wiesenhang", "Gasthaus Krone", "Kanzlei Brandt")
_NAMED_HEAD_DE_RE = re.compile(
    rf"\b(?:Pflegedienst(?:es)?|Villa|Gasthaus|Gasthof|Wirtshaus|Hotel|Pension|Hochhaus"
    rf"|[A-ZÄÖÜ]?[a-zäöüß]*[Ss]iedlung|Hallenbad|Freibad|Kanzlei|Fachklinik|Jugendhilfe"
    rf"einrichtung|Einrichtung|Wohnprojekt|Kinderdorf|Sportverein|Turnverein|Verein)\s+"
    rf"(?P<name>(?:(?:Am|An\s+der|Im|Zum|Zur|Auf\s+der|Auf\s+dem)\s+)?[A-ZÄÖÜ]{_WORD}"
    rf"(?:-[A-ZÄÖÜ]{_WORD})*)")
# "Pflegeheim Haus am Kurpark", "Wien, im 16. Bezirk", "Wohnbereich Enzian": a home, a
# district of Vienna, a unit by name ("Praxis Dr. Hafner" stays the doctor's name)
_HOUSE_DISTRICT_UNIT_DE_RE = re.compile(
    rf"\bHaus\s+(?:am|an\s+der|im|zum|zur|Am|Im|Zum|Zur)\s+[A-ZÄÖÜ]{_WORD}"
    rf"|(?<![\w.])(?:1\d|2[0-3]|[1-9])\.\s+Bezirk\b"
    rf"|\b(?:Wohnbereich|Wohngruppe)\s+(?!(?:Demenz|Pflege|Intensiv|Kurzzeit|Geriatrie"
    rf"|Palliativ|Reha|Psychiatrie|Beschützt|Geronto|Nord|Süd|Ost|West|Mitte)[a-zäöüß]*\b)"
    rf"[A-ZÄÖÜ][a-zäöüß]{{2,}}\b")
# "Stadtpark Nord", "Hallenbad Süd", "Friedhof West": a facility and a quarter
_COMPASS_RE = re.compile(
    r"\b[A-ZÄÖÜ][a-zäöüß]*(?:park|parks|bad|bads|friedhof|friedhofs|markt|zentrum|zentrums"
    r"|bahnhof|bahnhofs|klinikum|klinikums|schule|platz|center|centers)\s+"
    r"(?:Nord|Süd|Ost|West|Mitte)\b")
# Clubs: "FC Viktoria Kirchrode", "SV Werder", "TSV 1860", "Hibernian FC", "Wanderers FC"
_CLUB_RE = re.compile(
    rf"\b(?:FC|SV|TSV|SC|VfB|VfL|TuS|SpVgg|SG|BSC|TuRa|DJK|FSV|ESV|SSV|TV|SuS)\s+"
    rf"(?:\d{{2,4}}\s+)?[A-ZÄÖÜ]{_WORD}(?:\s+[A-ZÄÖÜ]{_WORD}){{0,2}}"
    rf"|\b[A-Z]{_WORD}(?:\s+[A-Z]{_WORD})?\s+(?:FC|AFC|RFC|CC)\b")
# Firms of two surnames: "Crane & Lowe", "Brandt & Lohse"
_FIRM_PAIR_RE = re.compile(r"(?<![\w&])(?P<a>[A-ZÄÖÜ][a-zäöüß]{2,})\s+&\s+"
                           r"(?P<b>[A-ZÄÖÜ][a-zäöüß]{2,})\b")
_NOT_FIRM_PAIRS = frozenset({"Marks", "Procter", "Johnson", "Dolce", "Simon", "Tom", "Ant",
                             "Fortnum", "Crabtree", "Mr", "Mrs", "Herr", "Frau", "Barnes"})
# A trade and a surname: "von Hochbau Krämer", "bei Logistik Sander"
_TRADE_FIRM_RE = re.compile(
    rf"\b(?:von|bei|für|Firma|Gelände\s+von|Baustelle\s+von)\s+(?P<firm>(?:Hochbau|Tiefbau"
    rf"|Bau|Logistik|Transporte|Spedition|Elektro|Sanitär|Heizungsbau|Metallbau|Dachdeckerei"
    rf"|Malerbetrieb|Gebäudereinigung|Reinigung|Gartenbau|Garten-\s+und\s+Landschaftsbau"
    rf"|Fliesen|Autohaus|Immobilien|Getränke|Schrott|Abbruch|Umzüge|Catering|Security"
    rf"|Sicherheitsdienst|Zeitarbeit|Montage|Holzbau|Stahlbau|Bäckerei|Metzgerei)\s+"
    rf"[A-ZÄÖÜ]{_WORD})")
# "Kreuzkirchengemeinde", "Lutherkirche", "Ghanaische Methodistengemeinde"
_CONGREGATION_RE = re.compile(
    r"\b(?:[A-ZÄÖÜ][a-zäöüß]+(?:ische|ese|ene)\s+[A-ZÄÖÜ][a-zäöüß]*gemeinde"
    r"|(?P<pre>[A-ZÄÖÜ][a-zäöüß]{2,})kirch(?:en)?gemeinde)\b")
_GENERIC_CHURCH_PREFIXES = frozenset({"Nachbar", "Heimat", "Dorf", "Stadt", "Land", "Orts",
                                      "Pfarr", "Frei", "Landes", "Evangelische", "Gemeinde"})
# Institutions known by name alone (hospitals, prisons, memorials): "Alder Hey", "the Mater"
_FAMOUS_ANYWHERE = tuple(n for n in data.FAMOUS_INSTITUTIONS if not n.startswith("the "))
_FAMOUS_AFTER_THE = tuple(n.removeprefix("the ") for n in data.FAMOUS_INSTITUTIONS
                          if n.startswith("the "))
_FAMOUS_INSTITUTION_RE = re.compile(
    rf"(?<![\w-])(?:{_alternation(_FAMOUS_ANYWHERE)}"
    rf"|(?<=\b[Tt]he\s)(?:{_alternation(_FAMOUS_AFTER_THE)}))(?![\w-])")
# English parks and greens: "Hollins Park", "Clapham Common" (the first word unknown)
_EN_PARK_RE = re.compile(r"\b(?P<name>[A-Z][a-z]{2,})\s+(?:Park|Common|Green|Heath"
                         r"|Fields|Rec|Recreation\s+Ground)\b")

_TITLE_WORDS_CASED = data.HONORIFICS_EN | data.HONORIFICS_DE | data.TITLE_PARTS


def _world_cities_roads_and_named_venues(text: str, langs: frozenset[str]) -> Iterator[_Candidate]:
    """Places known by a name of their own: a city abroad after "to"/"aus", a road or a
    junction ("the A47", "M6 J9"), a pub, a club, a firm, a congregation, a famous
    institution, a park ("the Red Lion", "FC Viktoria Kirchrode", "Hollins Park")."""
    for m in _TOWN_AFTER_A_MOVE_RE.finditer(text) if "en" in langs else ():
        town = m.group("town")
        if town not in _KNOWN_TOWNS:
            town = town.split()[0]  # "lives in Kingston Town": only the town
        if town in _KNOWN_TOWNS:
            yield _Candidate("place", m.start("town"), m.start("town") + len(town), _P_NAME + 1)
    for m in _WORLD_CITY_RE.finditer(text):
        city = m.group("city")
        if city not in _WORLD_CITIES:
            # "to Lagos State", not "in Hollins Park": only a city abroad of its own size
            city = city.split()[0].split("-")[0]
            if city not in _WORLD_CITIES or city in data.WORLD_TOWNS:
                continue
        start = m.start("city")
        yield _Candidate("place", start, start + len(city), _P_NAME + 1)
    # a long text has its heading at its start, not in a segment further on
    window = len(text) if len(text) < 160 else 120
    for m in _CITY_SEGMENT_RE.finditer(text, 0, window):
        group = "city" if m.group("city") else "heading"
        if window < len(text) and (m.start() > 60 or m.end(group) > window - 3):
            continue  # (the window's end is no end of the text)
        city = m.group(group)
        # "Lagos - Mrs Ngozi Eze", "Case note (Abuja):", "Priya, 29, Kochi to Leicester"
        if (city in _WORLD_CITIES and not _is_known_or_ambiguous_first_name(city)
                and not _AGE_AFTER_RE.match(text, m.end(group))):  # "Moana, 19, Porirua"
            yield _Candidate("place", m.start(group), m.end(group), _P_CITY_PREP)
    yield from _heading_places(text, langs)
    for m in _EMPLOYER_RE.finditer(text):
        yield _Candidate("place", m.start("firm"), m.end("firm"), _P_CITY_PREP)
    for m in _CHAIN_STORE_RE.finditer(text) if "en" in langs else ():
        yield _Candidate("place", m.start("store"), m.end("store"), _P_CITY_PREP)
    for m in _ROAD_RE.finditer(text):
        road = next(g for g in ("road", "junction", "highway") if m.group(g))
        yield _Candidate("place", m.start(road), m.end(road), _P_PLACE_STRUCT)
    for m in _VENUE_EN_RE.finditer(text):
        yield _Candidate("place", m.start() + 4, m.end(), _P_PLACE_STRUCT)
    for m in _THE_VENUE_RE.finditer(text):
        words = m.group("venue").split()
        if not any(w in data.STOP_CAPITALS or w in _CALENDAR or w in data.EPONYMS
                   or w.casefold() in _REGIONS_CASEFOLD for w in words[1:]):
            yield _Candidate("place", m.start("venue"), m.end("venue"), _P_PLACE_PREP)
    for m in _PLACE_PREFIX_RE.finditer(text):
        if m.group().casefold() not in _REGIONS_CASEFOLD:  # not "the Lake District"
            yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _CELTIC_PLACE_RE.finditer(text) if "en" in langs else ():
        yield _Candidate("place", m.start(), m.end(), _P_NAME + 1)
    for m in _RIG_RE.finditer(text):
        yield _Candidate("place", m.start("rig"), m.end("rig"), _P_PLACE_STRUCT)
    for m in _VESSEL_RE.finditer(text) if _SEA_HINT_RE.search(text) else ():
        words = m.group("boat").split()
        if not any(w in data.STOP_CAPITALS or w in _CALENDAR or w in _NOT_UNKNOWN
                   or w in data.HONORIFICS_EN or w.casefold() in _REGIONS_CASEFOLD
                   or w in ("Isle", "Isles") for w in words):
            yield _Candidate("place", m.start("boat"), m.end("boat"), _P_NAME + 1)
    if _DIGIT_RE.search(text):
        for m in _AU_POSTCODE_RE.finditer(text):
            if m.group("town").split()[0] not in data.STOP_CAPITALS:
                yield _Candidate("place", m.start("town"), m.end("town"), _P_PLACE_STRUCT)
            yield _Candidate("place", m.start("code"), m.end("code"), _P_ID + 1)
        for m in _NUMBER_NAME_TOWN_RE.finditer(text):
            word = m.group("w")
            if (word.casefold() not in data.COMMON_WORDS_EN and word not in _CALENDAR
                    and word not in data.STOP_CAPITALS):
                yield _Candidate("place", m.start("a"), m.end("a"), _P_PLACE_STRUCT)
        for rx in (_US_NUMBERED_STREET_RE, _EIRCODE_RE, _CA_POSTCODE_RE):
            for m in rx.finditer(text):
                yield _Candidate("place", m.start(), m.end(), _P_ID + 1)
    for m in _VENUE_DE_RE.finditer(text):
        yield _Candidate("place", m.start("venue"), m.end("venue"), _P_PLACE_STRUCT)
    for m in _NAMED_HEAD_DE_RE.finditer(text):
        name = m.group("name").split()[-1]
        if name in data.STOP_CAPITALS or name in _CALENDAR or name in data.HONORIFICS_DE:
            continue
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for rx in (_COMPASS_RE, _CLUB_RE, _TRADE_FIRM_RE, _HOUSE_DISTRICT_UNIT_DE_RE):
        for m in rx.finditer(text):
            g: str | int = "firm" if "firm" in rx.groupindex else 0
            yield _Candidate("place", m.start(g), m.end(g), _P_PLACE_STRUCT)
    if "&" in text:
        for m in _FIRM_PAIR_RE.finditer(text):
            a, b = m.group("a"), m.group("b")
            if a in _NOT_FIRM_PAIRS or (a.casefold() in data.COMMON_WORDS_EN
                                        and b.casefold() in data.COMMON_WORDS_EN):
                continue
            if _is_first_name(a) or a in data.AMBIGUOUS_FIRST_NAMES:
                continue  # "Amber & Jack": two people
            yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _CONGREGATION_RE.finditer(text):
        pre = m.group("pre")
        if pre and (pre in _GENERIC_CHURCH_PREFIXES or pre.endswith("e")):
            continue
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _FAMOUS_INSTITUTION_RE.finditer(text):
        before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
        if before and before.group(1)[:1].isupper() and before.group(1) != "The" and (
                not _at_sentence_start(text, before.start(1))
                or before.group(1) in _TITLE_WORDS_CASED
                or _is_known_or_ambiguous_first_name(before.group(1))):
            continue  # "Dawn Ashworth": a surname
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _EN_PARK_RE.finditer(text):
        name = m.group("name")
        if (name.casefold() in data.COMMON_WORDS_EN or name in _NOT_UNKNOWN
                or name in data.EPONYMS or _is_first_name(name)):
            continue
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_PREP + 2)


# Words a note in lower case leaves in lower case even in a name ("klinikum links der weser",
# "realschule am kanal", "the red lion")
_LOWER_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "of", "at", "on", "in", "and", "to", "from", "w", "re", "by", "for",
    "am", "im", "der", "die", "das", "den", "dem", "des", "zum", "zur", "links", "rechts",
    "ob", "auf", "bei", "von", "vom", "zu", "und", "aus", "mit", "nach"})
_LOWER_IN_TOWN_RE = re.compile(
    r"\b(?:in\s+from|back\s+from|in|bei|aus|nach|from|near|to|via)\s+"
    r"(?P<town>[a-zäöüß][a-zäöüß-]{2,30})\b")
_LOWER_POSTCODE_RE = re.compile(
    r"\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b|\b[a-z]\d[a-z]\s?\d[a-z]\d\b")


def _capitalised_copy(text: str) -> str:
    """The note as it would be written with capitals, letter for letter in place: the
    first letter of each word but the small ones, postcodes in capitals."""
    chars = list(text)
    for m in re.finditer(r"[^\W\d_][\w'’-]*", text):
        first = text[m.start()]
        if m.group().casefold() not in _LOWER_FUNCTION_WORDS and len(first.upper()) == 1:
            chars[m.start()] = first.upper()
    for m in _LOWER_POSTCODE_RE.finditer(text):
        chars[m.start():m.end()] = [c.upper() if len(c.upper()) == 1 else c for c in m.group()]
    return "".join(chars)


_CAPITALS_PART_RE = re.compile(r"[^\n.;:]+")
_STREET_AFTER_CAPITALS_RE = re.compile(r"\s+(?:ROAD|STREET|LANE|AVENUE|DRIVE|WAY|CLOSE|PLACE"
                                       r"|CRESCENT|TERRACE|HOUSE|STRASSE|STRAßE|WEG|GASSE)\b")
_CAPITALS_WORD_RE = re.compile(r"(?<![\w'’-])[A-ZÄÖÜ]{4,}(?:-[A-ZÄÖÜ]{2,})*(?![\w'’-])")


def _towns_in_capitals(text: str) -> Iterator[_Candidate]:
    """ "HEATHERBRAE NURSING HOME  BALLATER ROAD  ABOYNE", "IN THE FAMILY COURT AT LEEDS": a
    town of the lists in a line written in capitals (a fax header, a court's heading) - not
    one that is a word ("BATH")."""
    for part in _CAPITALS_PART_RE.finditer(text):
        if any(c.islower() for c in part.group()):
            continue
        words = list(_CAPITALS_WORD_RE.finditer(text, part.start(), part.end()))
        for m in words if len(words) >= 2 else ():
            if _STREET_AFTER_CAPITALS_RE.match(text, m.end()):
                continue  # "BALLATER ROAD": a street's name
            cap = "-".join(p.capitalize() for p in m.group().split("-"))
            if (cap in data.TOWNS or cap in data.CITIES) and not (
                    cap.casefold() in data.COMMON_WORDS_EN or cap in _NOUNS_DE
                    or cap in data.AMBIGUOUS_CITIES or cap in _CALENDAR
                    or _is_known_or_ambiguous_first_name(cap)):
                yield _Candidate("place", m.start(), m.end(), _P_CITY)


def _places_in_lower_case_notes(text: str, langs: frozenset[str]) -> Iterator[_Candidate]:
    """ "hv 14 elm rd, bexhill tn39 3ab", "jva tegel", "lime ward": the place rules read a
    hasty note as if it had its capitals; what they find fills gaps only."""
    if not _is_lower_note(text):
        return
    for m in _LOWER_IN_TOWN_RE.finditer(text):  # "in toxteth", "aus izmir"
        town = m.group("town")
        cap = "-".join(p.capitalize() for p in town.split("-"))
        if (cap in data.TOWNS or cap in data.CITIES or cap in _WORLD_CITIES) and not (
                town in data.COMMON_WORDS_EN or cap in _NOUNS_DE
                or cap in data.AMBIGUOUS_CITIES):
            yield _Candidate("place", m.start("town"), m.end("town"), _P_CITY)
    if not text.lstrip()[:1].islower():
        return
    copy = _capitalised_copy(text)
    toks = _tokens(copy)
    found = [c for rule in (_german_places, _english_places) if (
        "de" in langs if rule is _german_places else "en" in langs) for c in rule(copy)]
    found.extend(_towns(copy, toks))
    found.extend(_Candidate("place", m.start(), m.end(), _P_CITY)
                 for m in _CITY_RE.finditer(copy))
    for c in found:
        span = text[c.start:c.end]
        if c.category != "place" or span == copy[c.start:c.end]:
            continue
        # a house number or a postcode, a town of the lists, or a word nobody writes but as
        # a name: not "klinikum hat", "lime ward", "jugendamt informieren"
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", span)
                 if w.casefold() not in _LOWER_FUNCTION_WORDS]
        if (_DIGIT_RE.search(span) or copy[c.start:c.end] in data.TOWNS
                or copy[c.start:c.end] in data.CITIES
                or any(_zipf(w, langs) < 3.5 and not _is_ordinary_word(w, langs)
                       for w in words)):
            yield _Candidate("place", c.start, c.end, _P_WEAK)
