"""Names of people: after a title or a cue ("Frau Müller", "named Sarah"), a known first
name with a surname, a name the context shows (an age after it, a nickname, "the
Pritchards", "spoke to Bev"), names in lower-case notes and at a sentence's start. It must
not flag a capitalised noun, a holiday, a firm or an institution named after a person
("Chester Zoo", "Valentine's Day", "Hope is not the word").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from balintroom.deid import identifier_data as data
from balintroom.deid._text import (
    _P_CITY,
    _P_NAME,
    _P_NAME_TITLE,
    _P_WEAK,
    _TOKEN_RE,
    _WORD,
    _alternation,
    _at_sentence_start,
    _Candidate,
    _gap,
    _is_lower_note,
    _strip_possessive,
    _Token,
)
from balintroom.deid._words import (
    _ANY_CITY_RE,
    _BOTH,
    _CALENDAR,
    _CUE_WORDS_CF,
    _DEMONYM_ENDINGS,
    _ENGLISH,
    _FOREIGN_TITLES,
    _GERMAN,
    _NOT_A_NAME_BEFORE_AGE,
    _NOT_UNKNOWN,
    _NOUNS_DE,
    _REGIONS_CASEFOLD,
    _is_first_name,
    _is_german_compound,
    _is_known_or_ambiguous_first_name,
    _is_name_word,
    _is_ordinary_word,
    _is_unknown_name,
    _looks_like_german_noun,
    _unknown_capitalised,
    _zipf,
)

_ABBREVIATION_GAP = re.compile(r"\.?\s+|\.")  # "Dr. Weber", "Dr Weber", "Dr.Weber"
# what may follow an initial written without its full stop: "Mr P, 67", "Frau B und"
_INITIAL_END_RE = re.compile(r"(?:\s*[,;:)–—(]|\s-\s|\s+[a-zäöü\d]|\s*$)")
_AGE_DECADE_WORDS = frozenset({"Anfang", "Mitte", "Ende", "Early", "Mid", "Late"})
_AGE_DECADE_RE = re.compile(r"\s+(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig"
                            r"|neunzig|twenties|thirties|forties|fifties|sixties|seventies"
                            r"|eighties|nineties|[2-9]0s?)\b")


def _institution_follows(text: str, toks: list[_Token], k: int) -> bool:
    """Whether toks[k] (and the next) is an institution's or a street's head word: "Chester
    Zoo", "Sandy Bay Holiday Park", "Rosemary Cottage" are places, not people."""
    if k >= len(toks) or not toks[k].text[:1].isupper():
        return False
    if toks[k].text in _INSTITUTION_HEADS or toks[k].text in data.STREET_WORDS_EN_NUMBERED:
        return True
    return k + 1 < len(toks) and _gap(text, toks[k], toks[k + 1]) == " " and (
        f"{toks[k].text} {toks[k + 1].text}" in _INSTITUTION_HEADS)


_INSTITUTION_HEADS = data.INSTITUTION_HEADS_EN | data.INSTITUTION_WORDS_DE


# German abbreviations that look like first names: "Pat." (Patient), "Zi." (Zimmer)
_GERMAN_ABBREVIATIONS = frozenset({"Pat", "Zi"})
_ABBREVIATION_DOT_RE = re.compile(r"\.\s+\S")
_PAT_SURNAME_RE = re.compile(
    rf"\.\s+(?P<name>[A-ZÄÖÜ]{_WORD}(?:-[A-ZÄÖÜ]{_WORD})?)\s+(?P<verb>[a-zäöüß]+)")


_WHOLE_WORD_SHORT_TITLES = frozenset({"Lady", "Lord", "Miss", "Frau", "Herr", "Graf", "Imam",
                                      "Sir"})
_LONG_TITLE_ABBREVIATIONS = frozenset({"Häftl"})


_CALENDAR_NAME_TITLES = frozenset({"Frau", "Herr", "Herrn", "Mrs", "Mr", "Ms", "Miss"})
_POSSESSIVE_BEFORE_RE = re.compile(r"\b(?:seine[rmn]?|ihre[rmn]?|meine[rmn]?|deine[rmn]?"
                                   r"|unsere[rmn]?|eine[rmn]?|die|der|his|my|your|our|the)\s+$",
                                   re.I)


def _is_a_whole_word_title(word: str) -> bool:
    """ "Pastor. I buried", "Judge. Sentencing day": after a title that is a whole word, not
    an abbreviation ("Dr.", "Capt.", "Hptm."), a full stop ends the sentence."""
    if word in _LONG_TITLE_ABBREVIATIONS or any(c.isupper() for c in word[1:]):
        return False  # "Häftl.", "OStFw."
    return len(word) > 4 or word in _WHOLE_WORD_SHORT_TITLES


def _names(text: str, toks: list[_Token], langs: frozenset[str]) -> Iterator[_Candidate]:
    honorifics: frozenset[str] = frozenset()
    cues: frozenset[str] = frozenset()
    if "en" in langs:
        honorifics |= data.HONORIFICS_EN
        cues |= data.NAME_CUES_EN
    if "de" in langs:
        honorifics |= data.HONORIFICS_DE
        cues |= data.NAME_CUES_DE
    # "Frau Hoffmann" in an English note, "Mrs Green" in a German one
    honorifics |= _FOREIGN_TITLES
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        word = tok.text
        # 1. Title + name: "Frau Müller", "Herr Dr. Weber", "Mrs K.", "Frau Dr. med. Schulz"
        if word in honorifics and i + 1 < n and _ABBREVIATION_GAP.fullmatch(
                _gap(text, tok, toks[i + 1])) and not (
                "." in _gap(text, tok, toks[i + 1]) and _is_a_whole_word_title(word)):
            j = i + 1
            while (j + 1 < n and toks[j].text in data.TITLE_PARTS
                   and _ABBREVIATION_GAP.fullmatch(_gap(text, toks[j], toks[j + 1]))):
                j += 1
            k = j
            while (k + 1 < n and (toks[k].text in _NAME_PARTICLES if k == j
                                  else toks[k].text in _NAME_PARTICLES | {"der", "den"})
                   and _gap(text, toks[k], toks[k + 1]) == " "):
                k += 1  # "Frau von Bredow", "Dr van der Merwe"
            if k > j and toks[j].text == "vom" and (
                    toks[k].text in _NOUNS_DE or _looks_like_german_noun(toks[k].text)
                    or _is_german_compound(toks[k].text)):
                # "die Frau vom Sozialamt", "die Frau vom Inselbäcker": a woman from an office
                # or a baker's wife, no "vom Hofe"
                i = k + 1
                continue
            if k > j and toks[k].text[:1].isupper():
                j = k
            nxt = _strip_possessive(toks[j])
            if len(nxt.text) == 1 and nxt.text.isupper() and (
                    text[nxt.end:nxt.end + 1] == "." or _INITIAL_END_RE.match(text, nxt.end)):
                dot = text[nxt.end:nxt.end + 1] == "."  # "Frau K.", and "Mr P, 67"
                yield _Candidate("name", tok.start, nxt.end + dot, _P_NAME_TITLE)
                i = j + 1
                continue
            if nxt.text in _AGE_DECADE_WORDS and _AGE_DECADE_RE.match(text, nxt.end):
                i = j + 1  # "ein Herr Ende fünfzig": an age, not Herr Ende
                continue
            if nxt.text in data.DRUG_NAMES:
                i = j + 1  # "holt für seine Frau Methadon"
                continue
            if _is_name_word(nxt.text, langs) or (
                    # "Herrn Sauerland", "Mrs Kent": a region's name after a title is a name
                    word in _FOREIGN_TITLES and nxt.text.casefold() in _REGIONS_CASEFOLD) or (
                    # "Frau März", "Herr Sonntag", "Mrs May" - not "seine Frau Montag"
                    nxt.text in _CALENDAR and j == i + 1 and word in _CALENDAR_NAME_TITLES
                    and not _POSSESSIVE_BEFORE_RE.search(text, max(0, tok.start - 8),
                                                         tok.start)) or (
                    _is_name_word(nxt.text, _ENGLISH) and nxt.text not in data.PERSON_NOUNS
                    and word in data.HONORIFICS_DE and not nxt.text.endswith("in")):
                end = nxt.end
                if (j + 1 < n and text[nxt.end:toks[j + 1].start] == " "
                        and _is_name_word(toks[j + 1].text, langs)
                        and (_is_first_name(nxt.text) or "de" not in langs)):
                    end = _strip_possessive(toks[j + 1]).end  # "Mr John Smith"
                yield _Candidate("name", tok.start, end, _P_NAME_TITLE)
                i = j + 1
                continue
        # 2. Weak title + first name or other name word: "Schwester Monika", "Opa Jupp"
        if ((word in data.WEAK_HONORIFICS or word.capitalize() in data.WEAK_HONORIFICS)
                and i + 1 < n and _gap(text, tok, toks[i + 1]) == " "
                and (_is_first_name(toks[i + 1].text) or (
                    _is_name_word(toks[i + 1].text, langs)
                    and not _looks_like_german_noun(toks[i + 1].text)
                    and toks[i + 1].text not in data.NOT_PLACES_EN))):
            yield _Candidate("name", tok.start, _strip_possessive(toks[i + 1]).end, _P_NAME)
            i += 2
            continue
        # 3. Known first name, with a surname after it: "Anna Schmidt", "James O'Connor"
        first = _strip_possessive(tok)
        if "de" in langs and first.text in _GERMAN_ABBREVIATIONS and _ABBREVIATION_DOT_RE.match(
                text, first.end):
            # "Pat. will keine Tabletten", "Zi. 12": Patient, Zimmer; "Pat. Schmied weigert
            # sich": then a surname, even one that is a noun
            m = _PAT_SURNAME_RE.match(text, first.end)
            if (first.text == "Pat" and m and m.group("name") not in data.STOP_CAPITALS
                    and _is_verb_de(m.group("verb"))):
                yield _Candidate("name", m.start("name"), m.end("name"), _P_NAME)
            i += 1
            continue
        ambiguous = first.text in data.AMBIGUOUS_FIRST_NAMES
        if _is_first_name(first.text) or ambiguous:
            end = first.end
            strong = not ambiguous
            if (i + 1 < n and first.end == tok.end and _gap(text, tok, toks[i + 1]) == " "
                    and f"{first.text} {toks[i + 1].text}" in data.HOLIDAYS):
                i += 2  # "April Fools", "Valentine's Day": a holiday, not a person
                continue
            if (i + 1 < n and first.end == tok.end and _gap(text, tok, toks[i + 1]) == " "
                    and _is_name_word(toks[i + 1].text, langs)
                    and not _is_first_name(toks[i + 1].text)
                    and not ("en" in langs and toks[i + 1].text in data.NOT_PLACES_EN)):
                end = _strip_possessive(toks[i + 1]).end
                strong = True
            if ambiguous and not strong:
                strong = _ambiguous_name_has_cue(text, toks, i, langs, cues)
            if strong and first.end == tok.end and i + 1 < n and _gap(
                    text, tok, toks[i + 1]) == " " and (_institution_follows(text, toks, i + 1) or (
                    toks[i + 1].text[:1].isupper() and i + 2 < n
                    and _gap(text, toks[i + 1], toks[i + 2]) == " "
                    and _institution_follows(text, toks, i + 2))):
                i += 2  # "Chester Zoo", "Sandy Bay Holiday Park": a place
                continue
            if strong:
                kind = "name"
                if (end > first.end and text[end:end + 1] not in ("'", "’")
                        and _PLACE_BEFORE_NAME_RE.search(text, max(0, first.start - 5),
                                                         first.start)
                        and not _is_ordinary_word(text[toks[i + 1].start:end], langs)):
                    kind = "place"
                priority = _P_NAME if kind == "name" else _P_CITY + 1
                if kind == "name" and end > first.end and (
                        text[toks[i + 1].start:end] in data.TOWNS):
                    priority = _P_CITY + 1  # "Arthur Bellingham": a surname, as towns are
                yield _Candidate(kind, first.start, end, priority)
                i += 2 if end > first.end else 1
                continue
        # 4. Cue + capitalised word: "Patientin Anna", "named Sarah", "Er heißt Jürgen"
        if ((word in cues or word.casefold() in cues) and i + 1 < n
                and _CUE_GAP_RE.fullmatch(_gap(text, tok, toks[i + 1]))
                and _is_name_word(toks[i + 1].text, langs)
                and not _looks_like_german_noun(toks[i + 1].text)
                and not ("de" in langs and toks[i + 1].text in _NOUNS_DE
                         and word.lower() not in _NAMING_CUES
                         and _gap(text, tok, toks[i + 1]) == " "
                         and not _is_first_name(toks[i + 1].text))
                and toks[i + 1].text not in data.NOT_PLACES_EN
                and not (toks[i + 1].text in _GERMAN_ABBREVIATIONS
                         and _ABBREVIATION_DOT_RE.match(text, toks[i + 1].end))):
            nxt = _strip_possessive(toks[i + 1])
            yield _Candidate("name", nxt.start, nxt.end, _P_NAME)
            i += 2
            continue
        i += 1


# Cues that give a name rather than a relation: after them even a noun is a name
# ("heißt Freude"); after "Sohn" a noun is a job ("der Sohn Polizist").
_NAMING_CUES = frozenset({"named", "called", "heißt", "hieß", "genannt", "namens", "geborene",
                          "geborener", "née", "nee"})


_CASE_NAMES_RE = re.compile(
    rf"(?<![\w-])(?P<a>[A-ZÄÖÜ]{_WORD}(?:-[A-ZÄÖÜ]{_WORD})?)\s+(?:v\.?|vs\.?|\./\.|gegen)\s+"
    rf"(?P<b>[A-ZÄÖÜ]{_WORD}(?:-[A-ZÄÖÜ]{_WORD})?)(?![\w-])")


def _case_names(text: str) -> Iterator[_Candidate]:
    """ "Hartley v Hartley", "Hartmann ./. Hartmann": the parties of a court case."""
    for m in _CASE_NAMES_RE.finditer(text):
        for g in ("a", "b"):
            party = m.group(g)
            if party in data.STOP_CAPITALS or m.group("b") in data.HONORIFICS_DE or (
                    "gegen" in m.group() and _is_german_compound(m.group("a"))):
                # "Räumungsklage gegen Herrn Zapf", "Faustschlag gegen Referendar": a suit
                # or a blow against someone, no two parties
                continue
            yield _Candidate("name", m.start(g), m.end(g), _P_NAME_TITLE)


# A field of a form pasted in, at the start of a line: "Nom : BERTRAND", "Prénom : Solange",
# "Enfant : KONATÉ Awa", "Name: Schneider" - the value is the name (Greek forms are
# greek.py's)
_FORM_NAME_FIELD_RE = re.compile(
    r"(?m:^)[ \t]*(?:Name|Nachname|Vorname|Familienname|Geburtsname|First\s+name|Surname"
    r"|Last\s+name|Family\s+name|Forename|Full\s+name|Nom|Prénom|Nom\s+de\s+naissance"
    r"|Nom\s+d['’]usage|Nom\s+et\s+prénom|Enfant|Élève|Usager|Usagère|Résidente?|Conducteur"
    r"|Conductrice|Patiente?|Patientin|Klientin|Klient|Bewohnerin|Bewohner|Versicherte[r]?"
    r"|Client|Cliente|Pupil|Child)"
    r"[ \t]*:[ \t]*(?P<v>[^\W\d_][\w'’.-]*(?:,?[ \t]+[^\W\d_][\w'’.-]*){0,3})[ \t]*(?=[\n|;(]|$)")
# What a form's name field may hold that names no one
_NOT_A_NAME_IN_A_FIELD = frozenset({
    "female", "male", "woman", "man", "girl", "boy", "unknown", "anonymous", "n/a", "none",
    "weiblich", "männlich", "frau", "mann", "unbekannt", "anonym", "femme", "homme",
    "inconnu", "inconnue", "anonyme", "fille", "garçon", "see", "siehe", "voir"})


def _form_field_names(text: str) -> Iterator[_Candidate]:
    """ "Nom : BERTRAND", "Prénom : Solange": the name in a form's name field."""
    if ":" not in text:
        return
    for m in _FORM_NAME_FIELD_RE.finditer(text):
        value = m.group("v")
        words = [w.strip(",.").casefold() for w in value.split()]
        if value[:1].isupper() and not any(w in _NOT_A_NAME_IN_A_FIELD for w in words):
            yield _Candidate("name", m.start("v"), m.end("v"), _P_NAME_TITLE)


_NAME_PARTICLES = frozenset({"von", "van", "de", "zu", "vom", "di", "da", "du", "del", "della",
                             "le", "la", "ten", "ter", "af",
                             # Irish and Scottish Gaelic: "Mrs Ó Súilleabháin", "Ní Mhurchú"
                             "Ó", "Ní", "Nic", "Ua", "Mac"})
_CUE_GAP_RE = re.compile(r" ['‘’\"„“”]?")
# "Kofi, 17, brought in", "Ilayda Yıldırım, 9,": a capitalised word with an age after it
_NAME_WITH_AGE_RE = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:[A-ZÄÖÜ]{_WORD}(?:-[A-ZÄÖÜ]{_WORD})?\s)?"
    rf"[A-ZÄÖÜ]{_WORD}(?:-[A-ZÄÖÜ]{_WORD})?)['’“”]?,?\s*(?:,\s*|\(\s*)"
    r"(?:\d{1,3}|(?:ninety|[a-z]*neunzig|hundert|a\s+hundred|one\s+hundred)[a-z-]*)"
    r"(?:\s*(?:,|\)|-|–|\s+(?:and|und|next|nächste)\b)|\s*$)")
_INITIALS_WITH_AGE_RE = re.compile(r"\b[A-ZÄÖÜ]\.\s?[A-ZÄÖÜ]\.(?=,\s*\d{1,3}\b)")
_LEADING_NAME_RE = re.compile(rf"(?:^|(?<=[.!?:;]\s))(?P<name>[A-Z]{_WORD})(?=\s\()")
_ARTICLE_BEFORE_RE = re.compile(
    r"\b(?:der|die|das|dem|den|des|the|a|an|aus|in|im|from|of|von|vom)\s+$", re.I)
_BRACKETED_NAME_RE = re.compile(
    rf"(?<![\w-])(?:[A-Z]{_WORD}\s\((?P<inner>[A-ZÄÖÜ]{_WORD})\)"
    rf"|\((?P<first>[A-ZÄÖÜ]{_WORD})\)\s(?P<last>[A-ZÄÖÜ]{_WORD}))")
_DEFINITE_BEFORE_RE = re.compile(r"\b(?:der|die|das|the|la|le|l['’]|η|ο)\s*$", re.I)
_PAREN_NAME_RE = re.compile(rf"\((?P<name>[A-ZÄÖÜ]{_WORD})\)")
# "visits the Pritchards", but not "from the Dales", "in the Highlands" (regions)
_FAMILY_PLURAL_RE = re.compile(
    r"(?<!\bfrom )(?<!\bin )(?<!\bto )(?<!\binto )(?<!\bnear )(?<!\bacross )"
    r"\b[Tt]he\s+(?P<name>[A-Z][a-z]{2,}s)\b")
_CAPITAL_NEXT_RE = re.compile(r" [A-Z]")
_TITLE_OF_BEFORE_RE = re.compile(r"[A-Z][\w'’]*\s+of\s+$")


def _is_plain_name(word: str, langs: frozenset[str]) -> bool:
    return (_is_name_word(word, langs) and not _looks_like_german_noun(word)
            and word not in data.NOT_PLACES_EN and word not in data.PERSON_NOUNS
            and word not in data.HONORIFICS_EN and word not in data.HONORIFICS_DE
            and word not in _NOT_A_NAME_BEFORE_AGE and word not in data.TOWNS
            and word not in data.CITIES and word.casefold() not in _CUE_WORDS_CF
            and word not in data.INSTITUTION_HEADS_EN and word not in data.EPONYMS)


def _context_names(text: str, langs: frozenset[str]) -> Iterator[_Candidate]:
    """Names the context shows: an age after it, a nickname in brackets, "the Pritchards"."""
    for m in _NAME_WITH_AGE_RE.finditer(text):
        words = list(re.finditer(r"\S+", m.group("name")))
        first = words[0]
        if not _is_known_or_ambiguous_first_name(first.group()):
            first = words[-1]
            if not _is_known_or_ambiguous_first_name(first.group()):
                # "Kasia, 34", "Ilayda Yıldırım, 9": a word no list knows, then an age
                unknown = [w for w in words if _is_unknown_name(w.group(), langs)]
                if (len(unknown) < len(words) and not _is_first_name(words[0].group())
                        or _ARTICLE_BEFORE_RE.search(text, max(0, m.start() - 8), m.start())):
                    continue  # "Pflegende Tochter, 58", "aus der Rhön, 87"
                first = words[0] if unknown[0] is words[0] else unknown[-1]
        yield _Candidate("name", m.start("name") + first.start(), m.end("name"), _P_NAME)
    for m in _INITIALS_WITH_AGE_RE.finditer(text):
        yield _Candidate("name", m.start(), m.end(), _P_NAME)
    for rx in (_LEADING_NAME_RE, _PAREN_NAME_RE):
        for m in rx.finditer(text):
            name = m.group("name")
            if _is_known_or_ambiguous_first_name(name) or (
                    rx is _LEADING_NAME_RE and _is_unknown_name(name, langs)):
                yield _Candidate("name", m.start("name"), m.end("name"), _P_NAME)
    # "Olu (Oluwaseun)", "'Dolly' (Doris) Kettleborough": a name in brackets, a surname after
    for m in _BRACKETED_NAME_RE.finditer(text):
        if m.group("inner") and _is_unknown_name(m.group("inner"), langs):
            yield _Candidate("name", m.start("inner"), m.end("inner"), _P_NAME)
        last = m.group("last")
        if (last and _is_known_or_ambiguous_first_name(m.group("first"))
                and _is_unknown_name(last, langs)):
            yield _Candidate("name", m.start("last"), m.end("last"), _P_NAME)
    if "en" in langs:
        for m in _FAMILY_PLURAL_RE.finditer(text):
            word = m.group("name")
            if (_is_plain_name(word, langs) and word[:-1] not in _CALENDAR
                    and not _CAPITAL_NEXT_RE.match(text, m.end())  # "the Crisis Team"
                    and not _TITLE_OF_BEFORE_RE.search(text, max(0, m.start() - 20),
                                                       m.start())):  # "Top of the Pops"
                yield _Candidate("name", m.start("name"), m.end("name"), _P_NAME)


# "calls herself "Bunny"", "nickname at school was "Stretch"", "shouts for "Joanie"",
# "(call him Wojtek", "nennt sich online "Häschen"", "("sag Wojtek")": a name someone is
# called by; in quotes any capitalised word, without them a word no list knows
_NICKNAME_RE = re.compile(
    r"(?i:(?P<naming>\bcall(?:s|ed|ing)?\s+(?:herself|himself|themselves|him|her|them)"
    r"|\b(?:known|referred\s+to)\s+as|\bgoes\s+by|\bnicknamed)"
    r"|\bnick-?name\b[^.;:\"“”„]{0,30}?\b(?:is|was)|\b(?:shouts?|shouted|shouting|calls|calling|cries|cried|crying|screams?"
    r"|screamed|screaming|asks|asked|asking|begs|begged|looks|looked|looking)\s+for"
    r"|\bnenn(?:t|en|e)\s+(?:sich|ihn|sie|ihm)|\bgenannt|\bSpitzname\b[^.;:\"“”„]{0,30}?"
    r"\b(?:ist|war|lautet)|\b(?:ruft|rief|rufen|schreit|schrie|fragt|fragte)\s+nach"
    r"|(?<=[(\"„“])\s?(?:sag|sagt|sagen|call|nenn)(?:\s+(?:ihn|sie|mich|him|her))?)"
    r"(?:\s+(?:online|now|still|only|always|at\s+school|auch|immer|nur|jetzt|gern|heute"
    r"|dort|there))*"
    r"\s*[,:]?\s*(?P<q>[\"'“„‘‚»«])?(?P<name>[A-ZÄÖÜ][^\W\d_]+(?:[-'’][A-ZÄÖÜ][^\W\d_]+)?)")
_INITIAL_AFTER_RE = re.compile(
    r"\b(?:with|saw|see|seeing|met|told|asked|discussed|mit|für|bei|über)\s+"
    r"(?P<name>[A-ZÄÖÜ]\.)(?=\s*[:;,()]|\s+[a-zäöü]|\s*$)"
    # "J. kam heute ohne Mutter": an initial as the subject of a sentence
    r"|(?:^|(?<=[.!?:]\s))(?P<subject>[A-ZÄÖÜ]\.)(?=\s+(?:kam|kommt|ist|war|hat|hatte|sagt"
    r"|sagte|will|wollte|weint|is|was|has|had|says|said|came|comes|wants|told|rang|called"
    r"|cried)\b)"
    # "D., 15, school refuser", "A. – 4th session", "T. again": an initial opening a label
    # (not "E. coli")
    # ... or an item of a list, or after a colon: "- K. - anniversary", "Mi 15/5: K. wütend"
    r"|(?:^|(?<=\n)|(?<=:\s))\s*(?:[-•*]\s+)?(?P<label>[A-ZÄÖÜ]\.(?:\s?[A-ZÄÖÜ]\.)?)"
    r"(?=\s*(?:,\s*\d|\s[–-]\s|\(\d)"
    r"|\s+(?!coli|aureus|difficile|pneumoniae|faecalis|albicans)[a-zäöüß]{3,}\b)"
    # "Fall G. oder Fall H.?", "Proband S. K., Az.", "nennen wir sie J.": initials after a
    # word for the case or the person, or the writer's stand-in
    r"|\b(?:Fall|Proband|Probandin|Betroffene|Betroffener|(?:nennen|nenne)\s+wir\s+(?:sie|ihn)"
    r"|(?:nenne|nennen)\s+(?:sie|ihn)|call\s+(?:her|him))\s+"
    r"(?P<cue>[A-ZÄÖÜ]\.(?:\s?[A-ZÄÖÜ]\.)?)(?![\w.])"
    # "Client R. (57", "Klient S.,", "Pat. M., 67", "Client: 'A.', 38": after the word for the
    # one the writer sees; "14:30 – K. – das letzte Gespräch": between dashes
    r"|\b(?:[Cc]lient|[Kk]lient|[Kk]lientin|Pat\.|[Pp]atient|[Pp]atientin|[Rr]esident|[Bb]ewohner"
    r"|[Bb]ewohnerin|[Mm]andant|[Mm]andantin|[Pp]upil|[Ss]chüler|[Ss]chülerin)\s*:?\s*['‘\"„“]?"
    r"(?P<seen>[A-ZÄÖÜ]\.(?:\s?[A-ZÄÖÜ]\.)?)(?=['’\"“”]?\s*[,;:(]|\s+[a-zäöü]|['’\"“”]?\s*$)"
    r"|(?<=\s[–-]\s)(?P<dash>[A-ZÄÖÜ]\.)(?=\s[–-]\s)")
# "Fall Weißhaupt.", "Bauer Tappeiner, neunundneunzig": a surname after the case or the farmer
_CASE_OR_FARMER_NAME_RE = re.compile(
    rf"\b(?:Fall\s+|(?P<farmer>(?:Bauer|Bäuerin|Altbauer|Altbäuerin|Jungbauer)\s+))"
    rf"(?P<name>[A-ZÄÖÜ]{_WORD}(?:-[A-ZÄÖÜ]{_WORD})?)(?=\s*[.,:;?!)]|\s+(?:oder|und|ist|war|hat)\b)")
# A name with an age or a school year in brackets: "Tamo (2 J.)", "jono (yr 10)",
# "lea-sophie (kl. 5)"; a bare number (or "16 ans") only after a first name or a word no list
# knows ("Emre (7), Lara (4)", "Ketsia (16 ans)"), not after "Kinder (3)", "der Älteste (9)"
_NAME_WITH_BRACKETED_AGE_RE = re.compile(
    r"(?<![\w.-])(?P<name>[^\W\d_][\w'’-]*[^\W\d_])\s*\((?:(?i:\d{1,2}\s*(?:J\.?|Jahre|y|yo|yrs?"
    r"|m|mo|months|Monate)|(?:yr|year|kl|klasse|class)\.?\s*\d{1,2}[a-d]?)"
    r"|(?P<bare>\d{1,2}(?:\s*(?:ans?|χρονών|χρ\.|ετών))?)(?=\s*[),]))(?:\)|(?<=\d)(?=,))")


_PETS_EN = (r"(?:dog|cat|puppy|kitten|horse|mare|gelding|pony|cow|calf|budgie|parrot|rabbit"
            r"|hamster|collie|spaniel|terrier|lurcher|greyhound|labrador|kelpie|staffie|Staffie)")
_PETS = (r"(?:Katze|Kater|Hund|Hündin|Pferd|Stute|Wallach|Pony|Kuh|Kalb|Hamster|Kaninchen|Hasen?"
         r"|Papagei|Wellensittich|Meerschweinchen|Ziege|Esel|Hofhund|Schäferhund|Dackel|Labrador"
         rf"|{_PETS_EN})")
_PET_NAME_RE = re.compile(
    rf"\b{_PETS}\s+(?:namens\s+|named\s+|called\s+)?[„“\"'‘]?(?P<name>[A-ZÄÖÜ][a-zäöüß]+)\b"
    r"(?![-'’])"
    # "his old collie, Fly, on the table", "Dusty, a horse, 31 years old": set apart by commas
    # (a German "Pferd, Hufrehe," lists nouns: there no ordinary word)
    rf"|\b{_PETS},\s+(?P<set>[A-ZÄÖÜ][a-zäöüß]+)(?=\s*[,.;)])"
    rf"|(?<![\w'’-])(?P<before>[A-ZÄÖÜ][a-zäöüß]+),\s+(?:a|an|his|her|their|our)\s+(?:old\s+"
    rf"|young\s+|little\s+)?{_PETS_EN}(?=\s*,)")
# "Anyway, a dog, a cat,": a word that opens a sentence, not a pet's name
_DISCOURSE_WORDS = frozenset({"anyway", "however", "still", "yes", "no", "well", "okay", "ok",
                              "so", "then", "now", "also", "again", "once", "today", "later"})
# "der Hund Angst hat": a verb after it makes the word a noun of the sentence
_PET_VERB_AFTER_RE = re.compile(r"\s+(?:hat|hatte|haben|ist|war|sind|macht|machen)\b")
# "Barty" to everyone at the pub, "(Shinners to her mates)", "Dot (real name Dorothy)"
_NAME_TO_EVERYONE_RE = re.compile(
    r"(?:(?P<q>[\"“‘'])|(?P<b>\()|(?<![\w'’-]))(?P<name>[A-ZÄÖÜ][^\W\d_]+)[\"”’']?\s+"
    r"(?:to\s+(?:everyone|everybody|(?:all\s+)?(?:his|her|their)\s+(?:mates|friends|family"
    r"|pals|mum|mam|nan|gran|sister|brother)|the\s+(?:whole\s+)?(?:ward|village|estate|town"
    r"|street|staff|team|kids|nurses|regulars))\b"
    r"|(?P<real>\((?:real|legal|full|proper)\s+name\b))")
_NICKNAME_HINT_RE = re.compile(
    r"(?i:call|known|referred|goes\s|nick|shout|cries|cried|crying|scream|ask|begs|begged"
    r"|look|nenn|genannt|spitzname|ruft|rief|rufen|schreit|schrie|fragt|sag)")


# A name in quotes in a sentence about what someone is called: "den alle „Prinz“ nennen",
# "signs her emails "Mags"", ""Moz" - her nickname", "refers to himself as "Tiny"".
_QUOTED_NAME_RE = re.compile(
    r"[\"“„‘‚»«]\s?(?P<name>(?:the\s+|der\s+|die\s+|le\s+|la\s+)?[A-ZÄÖÜÉÈ][^\W\d_]+"
    r"(?:[-'’][A-ZÄÖÜÉ][^\W\d_]+)?)\s?[\"”“’‘«»]"
    # in straight single quotes, which also stand for apostrophes: whole words only
    r"|(?<![\w'])'(?P<single>(?:the\s+)?[A-Z][^\W\d_]+)'(?![\w'])")
_NAMING_SENTENCE_RE = re.compile(
    r"(?i:\bnenn(?:t|en|e)\b|\bnannte|\bgenannt|\bspitzname|\bnick-?name|\bsign(?:s|ed)\b"
    r"|\bunterschr(?:ieb|eibt|ieben)|\bunterschrieben|\bsagen\s+\S+\s+zu\s+(?:ihm|ihr)"
    r"|\b(?:refers?|referred)\s+to\s+(?:himself|herself|themselves)\s+as"
    r"|\bknown\s+as|\bcall(?:s|ed)?\s+(?:himself|herself|him|her)|\bcall\s+(?:him|her)\b"
    r"|\bheißt\s+(?:er|sie)\b"
    # French: "M. Grosjean, dit « le Colonel »", "surnommé", "son chien, « Zépol »"
    r"|,\s*dite?\s+«|\bsurnomm|\bsurnom\b|\b(?:qu['’]on|on|comme)\s+l['’]appelle"
    r"|\b(?:son|sa|leur|le|la)\s+(?:chien|chienne|chat|chatte|jument|cheval)\b)")


_WRITER_CALLED_RE = re.compile(r"\b(?:me|mich|mir)\s+$")


_CUE_BEFORE_QUOTE_RE = re.compile(r"\b(\w+)\s*,?\s*$")


def _quoted_names(text: str, langs: frozenset[str]) -> Iterator[_Candidate]:
    for m in _QUOTED_NAME_RE.finditer(text):
        group = "name" if m.group("name") else "single"
        words = m.group(group).split()
        name = words[-1]
        # (a title after "the" in quotes is what he is called: "'the Colonel'"; alone,
        # what the writer is called: "calls me "Doc"")
        if (name in data.STOP_CAPITALS or name in data.NOT_NAMES or name in _CALENDAR
                or (name in data.HONORIFICS_EN or name in data.HONORIFICS_DE) and len(words) == 1
                or "-" in name and any(p in _NOUNS_DE for p in name.split("-"))):
            continue
        # a German noun is a nickname when it is short ("Knolle", "Prinz"), not a verdict
        # ("Versagerin", "der Schläger", "Drehtürpatienten")
        if "de" in langs and (words[0] in ("der", "die") or (
                name in _NOUNS_DE or _looks_like_german_noun(name)
                or _is_german_compound(name)) and len(name) > 6):
            continue
        if _WRITER_CALLED_RE.search(text, max(0, m.start() - 12), m.start()) or (
                group == "single" and "de" in langs and name in _NOUNS_DE):
            continue  # "called me "Doc"": what the writer is called; "ihr 'Neffe'"
        sentence_start = max(text.rfind(c, 0, m.start()) for c in ".!?;") + 1
        ends = [i for i in (text.find(c, m.end()) for c in ".!?;") if i >= 0]
        sentence = text[sentence_start:min(ends) if ends else len(text)]
        before = _CUE_BEFORE_QUOTE_RE.search(text, max(0, m.start() - 20), m.start())
        # "his mate 'Stretch'", "ihr Bruder „Kalle“": what a friend or relative is called
        if _NAMING_SENTENCE_RE.search(sentence) or (
                before and before.group(1).casefold() in _CUE_WORDS_CF | {"mate", "pal"}):
            yield _Candidate("name", m.start(group), m.end(group), _P_NAME)


def _nicknames(text: str, langs: frozenset[str]) -> Iterator[_Candidate]:
    yield from _quoted_names(text, langs)
    for m in _NICKNAME_RE.finditer(text) if _NICKNAME_HINT_RE.search(text) else ():
        name = m.group("name")
        if (name in data.STOP_CAPITALS or name in data.NOT_NAMES or name in _FOREIGN_TITLES
                or name in data.HONORIFICS_EN or name in data.HONORIFICS_DE):
            continue
        # "the kids call him Spud": after what names someone, any word with a capital
        if (m.group("q") or _is_first_name(name) or _unknown_capitalised(name, langs)
                or (m.group("naming") and name not in _CALENDAR
                    and name not in data.WEAK_HONORIFICS  # "they call her Nan"
                    and name.casefold() not in _CUE_WORDS_CF)):
            yield _Candidate("name", m.start("name"), m.end("name"), _P_NAME)
    for m in _NAME_TO_EVERYONE_RE.finditer(text) if " to " in text or " name" in text else ():
        name = m.group("name")
        if name in data.STOP_CAPITALS or name in data.NOT_NAMES or name in _CALENDAR:
            continue  # "Thanks to everyone"
        if (m.group("q") or m.group("b") or m.group("real") or _is_first_name(name)
                or _unknown_capitalised(name, langs)):
            yield _Candidate("name", m.start("name"), m.end("name"), _P_NAME)
    for m in _PET_NAME_RE.finditer(text):
        group = next(g for g in ("name", "set", "before") if m.group(g))
        name = m.group(group)
        # "Katze Pünktchen", "Pferd Donnerwetter", "the collie Meg": pets are named with
        # nouns as often as with names; not "Hund Angst hat"
        if not (name in data.STOP_CAPITALS or name in _CALENDAR or name in _NOT_UNKNOWN
                or name.casefold() in _REGIONS_CASEFOLD or name in data.TOWNS
                or name in data.CITIES or _PET_VERB_AFTER_RE.match(text, m.end())
                or ("en" in langs and "de" not in langs and group == "name"
                    and name.casefold() in data.COMMON_WORDS_EN)
                or group == "before" and name.casefold() in _DISCOURSE_WORDS
                or group == "set" and "de" in langs and _is_ordinary_word(name, langs)
                or group == "before" and name.endswith("ly")):  # "Sadly, a horse,"
            yield _Candidate("name", m.start(group), m.end(group), _P_NAME)
    for m in _INITIAL_AFTER_RE.finditer(text):
        g = next(g for g in ("name", "subject", "label", "cue", "seen", "dash") if m.group(g))
        yield _Candidate("name", m.start(g), m.end(g), _P_NAME)
    if "de" in langs:
        for m in _CASE_OR_FARMER_NAME_RE.finditer(text):
            name = m.group("name")
            if not (_is_ordinary_word(name, langs) or name in data.STOP_CAPITALS
                    or name in _CALENDAR or name.casefold() in _REGIONS_CASEFOLD):
                start = m.start("farmer") if m.group("farmer") else m.start("name")
                yield _Candidate("name", start, m.end("name"), _P_NAME)
    for m in _NAME_WITH_BRACKETED_AGE_RE.finditer(text):
        name = m.group("name")
        if name.casefold() in _CUE_WORDS_CF or name in data.STOP_CAPITALS or (
                _zipf(name, langs) >= 4.5 and not _is_lower_first_name(name.casefold())):
            continue  # "Sohn (12 J.)", "the boy (yr 10)"
        if m.group("bare") and (_DEFINITE_BEFORE_RE.search(text, max(0, m.start() - 5),
                                                          m.start()) or not (
                _is_first_name(name) or _unknown_capitalised(name, langs)
                or name.islower() and _is_lower_first_name(name)
                and name not in data.COMMON_WORDS_EN)):
            continue  # "Kinder (3)", "der Älteste (9)", "la patiente (38 ans)"
        yield _Candidate("name", m.start("name"), m.end("name"), _P_NAME)


# "Hennessy's Pub", "Lindqvist Farms", "Gupta Mishthan Bhandar": the family's name in a firm's
_FIRM_AFTER_RE = re.compile(r"(?:['’]s)?\s+[A-Z]")


def _repeated_names(text: str, toks: list[_Token], names: list[_Candidate],
                    langs: frozenset[str]) -> Iterator[_Candidate]:
    """A word once found as a name is a name wherever else it stands: "Dolly" twice."""
    words = set()
    surnames = set()  # found after a title only
    for c in names:
        if c.priority not in (_P_NAME, _P_NAME_TITLE):
            continue
        for w in _TOKEN_RE.findall(text[c.start:c.end]):
            if (w.islower() and len(w) > 2 and c.priority == _P_NAME
                    and _is_lower_first_name(w) and not _is_ordinary_word(w, langs)
                    and w not in data.COMMON_WORDS_EN):
                words.add(w)  # "ben (11) ... ben spielt": a lower-case note's first name
            elif (len(w) > 2 and w[0].isupper() and w not in data.HONORIFICS_EN
                    and w not in data.HONORIFICS_DE and w not in data.TITLE_PARTS
                    and w not in data.WEAK_HONORIFICS and _is_name_word(w, langs)):
                if c.priority == _P_NAME:
                    words.add(w)
                elif _is_unknown_name(w, langs) and _zipf(w, langs) == 0.0:
                    # "Herr Fischer, früher Fischer": after a title only a surname that is
                    # no word ("Pte Owusu ... Owusu - knee again")
                    surnames.add(w)
    if not words and not surnames:
        return
    spans = {(c.start, c.end) for c in names}
    for t in toks:
        base = _strip_possessive(t)
        if (base.start, base.end) in spans:
            continue
        if base.text in words or (base.text in surnames
                                  and not _FIRM_AFTER_RE.match(text, base.end)):
            yield _Candidate("name", base.start, base.end, _P_NAME)


_AGE_IN_BRACKETS = re.compile(r"\s*\(\d{1,3}\)")


def _ambiguous_name_has_cue(text: str, toks: list[_Token], i: int, langs: frozenset[str],
                            cues: frozenset[str]) -> bool:
    """ "Grace asked", "Max (8)", "her daughter Hope", "Jade, 5,", "Amelie and Rosa",
    "Grace & her twin", "Hope's mum", "Poppy in 4C": a person, not a word."""
    tok = toks[i]
    if _AGE_IN_BRACKETS.match(text, tok.end) or _PERSON_AFTER_AMBIGUOUS_RE.match(text, tok.end):
        return True
    if i > 0 and toks[i - 1].text in cues and _gap(text, toks[i - 1], tok) == " ":
        return True
    # "Amelie and Rosa", "Rosa und Amelie": beside a first name no one mistakes
    for k in (i - 2, i - 1, i + 1, i + 2):
        if 0 <= k < len(toks) and k != i and _AND_GAP_RE.fullmatch(
                _gap(text, toks[min(i, k)], toks[max(i, k)])) and _is_first_name(
                _strip_possessive(toks[k]).text):
            return True
    if "en" in langs and i + 1 < len(toks) and _gap(text, tok, toks[i + 1]) == " ":
        verb = toks[i + 1].text
        if verb in data.PAST_TENSE_EN or verb in _PRESENT_VERBS_EN or (
                verb.islower() and len(verb) > 4 and verb.endswith("ed")):
            return True
        if tok.text not in _CALENDAR and (_is_verb_en(verb) or (
                verb in _AUX_VERBS_EN and i + 2 < len(toks)
                and _gap(text, toks[i + 1], toks[i + 2]) == " "
                and _is_participle_en(toks[i + 2].text))):
            return True  # "Will swears", "Hope is booked", not "Hope is the only thing"
    # "Met Faith at the food bank", "Ruby and her brother": a first name in the middle of a
    # sentence, where an ordinary word would not be capitalised
    word = _strip_possessive(tok).text
    return (not _at_sentence_start(text, tok.start) and word not in _CALENDAR
            and text[tok.end:tok.end + 2] not in (".-", "./")  # "Pat.-ID"
            and word not in data.CAPITALISED_WORDS and not _ANY_CITY_RE.fullmatch(word)
            and not ("de" in langs and word in _NOUNS_DE)
            and not _DETERMINER_BEFORE_RE.search(text, max(0, tok.start - 8), tok.start)
            and not (i > 0 and _in_title_case_run(text, toks, i - 1)))


# "wie ein Wolf", "the Will", "im Ernst": after an article a capitalised word is a noun
_DETERMINER_BEFORE_RE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ee]in|[Ee]ine[mnrs]?|[Dd]er|[Dd]ie|[Dd]as|[Dd]e[mns]"
    r"|[Kk]ein|[Kk]eine[mnrs]?|[Ii]m|[Aa]m|[Vv]om|[Zz]um|[Zz]ur|[Bb]eim|[Ii]ns)\s+$")


def _in_title_case_run(text: str, toks: list[_Token], k: int) -> bool:
    """Whether toks[k] is a capitalised word just before the next token, as in "Chester
    Zoo" or "Top of the Pops", not a sentence's first word ("Met Faith at ...")."""
    tok = toks[k]
    if not tok.text[:1].isupper() or _gap(text, tok, toks[k + 1]) != " ":
        return False
    return not (_at_sentence_start(text, tok.start) and (
        tok.text in data.STOP_CAPITALS or tok.text.casefold() in data.COMMON_WORDS_EN))


_AUX_VERBS_EN = frozenset({"is", "was", "has", "had", "will", "would", "can", "could"})


def _is_participle_en(word: str) -> bool:
    # not "-ing": "Hope is fading" is no person, "Hope is booked" is one
    return word in data.PAST_TENSE_EN or (word.islower() and len(word) > 4 and word.endswith(
        "ed")) or word in ("not", "never", "still", "now")


def _is_verb_en(word: str) -> bool:
    """ "swears", "needs", "carries": the third person of a verb after a subject."""
    if word in _PRESENT_VERBS_EN:
        return True
    if not word.islower() or len(word) < 4:
        return False
    # "swears", "needs", "carries": the third person of a verb the word list knows
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
        base = word[:-1]
        return (base in data.COMMON_WORDS_EN or (word.endswith("es") and word[:-2] in
                data.COMMON_WORDS_EN) or (word.endswith("ies") and word[:-3] + "y" in
                data.COMMON_WORDS_EN))
    return False


_AND_GAP_RE = re.compile(r"\s*&\s*|\s+(?:and|und)\s+")
_PRESENT_VERBS_EN = frozenset({
    "says", "wants", "thinks", "refuses", "insists", "keeps", "cries", "screams", "hates",
    "tells", "asks", "sleeps", "won't", "can't", "doesn't", "didn't", "wasn't", "isn't"})
_PERSON_AFTER_AMBIGUOUS_RE = re.compile(
    r"(?:,\s*\d{1,2}\s*[,;)]"  # "Jade, 5, picked up"
    r"|\s*(?:&|and|und)\s+(?:her|his|ihre?|seine?)\s+(?:twin|sister|brother|mum|mother|dad"
    r"|father|son|daughter|Zwillingsschwester|Zwillingsbruder|Schwester|Bruder|Mutter|Vater"
    r"|Sohn|Tochter)\b"  # "Grace & her twin"
    r"|['’]s\s+(?:mum|mother|dad|father|son|daughter|brother|sister|friend|teacher|nan"
    r"|gran|husband|wife|boyfriend|girlfriend|partner|baby|kids)\b"
    r"|\s+(?:in|from|aus\s+der)\s+(?:(?:Year|Class|Klasse)\s+)?\d{1,2}\s?[a-zA-Z]\b"
    r"|\s*\((?:real\s+name|eigentlich|née|geb\.)\b"
    # "Dawn from the ground-floor flat", "Ernst aus dem Betreuten Wohnen", "Rose in bay 3"
    r"|\s+(?:from\s+(?:the|next\s+door|upstairs|downstairs|down\s+the)|aus\s+(?:dem|der|den)"
    r"|vom|von\s+(?:der|nebenan|gegenüber)|(?:in|im)\s+(?:[Bb]ay|[Bb]ed|[Rr]oom|[Cc]ubicle"
    r"|[Bb]ett|Zimmer)\s+\d)\b"
    # "Heather, our longest-serving resident,": a person described after a comma
    r"|,\s+(?:our|my|his|her|their|unsere?|meine?|seine?|ihre?)\s+[\w-]+)")


_PERSON_BEFORE_RE = re.compile(
    r"\b(?:told|asked|spoke\s+to|talked\s+to|speak\s+to|talk\s+to|rang|phoned|called|visited"
    r"|met|about|with|saw|see|meet|visit)\s+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
    r"(?!\s+[A-Z]|['’]|\s+(?:syndrome|disease|disorder|palsy|sign|test|score|scale"
    r"|criteria|procedure|operation)\b)")
_PERSON_AFTER_RE = re.compile(
    r"(?<![.!?:]\s)(?<!^)\b(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:\s+(?:said|says|told|asked"
    r"|rang|called|phoned|thinks|wants|cried|shouted|died|sagt|sagte|meint|fragt|fragte"
    r"|weint|rief)\b|['’]s\s+(?:son|daughter|mum|mother|dad|father|wife|husband|brother"
    r"|sister|partner|kids|children|baby|boyfriend|girlfriend|friend|mate|teacher|carer"
    r"|nan|gran|grandma|grandad|aunt|uncle|cousin|twin|ex|stepdad|stepmum)\b)")
# "the Hartley-Smythe twins", "the Okafor family": a surname before a family word
_FAMILY_GROUP_RE = re.compile(
    rf"\b[Tt]he\s+(?P<name>[A-Z]{_WORD}(?:-[A-Z]{_WORD})?)\s+(?:twins|triplets|brothers"
    r"|sisters|siblings|family|families|children|kids|boys|girls|household|couple|clan"
    r"|parents|grandparents|death|funeral|inquest|case|baby|boy|girl|lad)\b")
# "Whitfield-Jones", "Brandt-Hoffmann": two capitalised words no list knows, hyphenated
_DOUBLE_BARRELLED_RE = re.compile(
    rf"(?<![\w-])(?P<name>[A-ZÄÖÜ]{_WORD}-[A-ZÄÖÜ]{_WORD})(?![\w-])"
    r"(?!\s+(?:syndrome|disease|disorder|palsy|sign|test|score|scale|criteria|procedure"
    r"|operation|model|method|Syndrom|Krankheit|Erkrankung|Test|Modell|Methode)\b)")
_DE_GENITIVE_RE = re.compile(
    r"\b(?P<name>[A-ZÄÖÜ][a-zäöüß]+)s\s+(?:Mutter|Vater|Mama|Papa|Sohn|Tochter|Mann|Frau"
    r"|Bruder|Schwester|Oma|Opa|Eltern|Kinder|Freund|Freundin|Lehrerin|Lehrer)\b")
_INITIAL_SURNAME_RE = re.compile(
    r"(?<![\w.])[A-ZÄÖÜ]\.\s?(?P<name>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)\b")
_LOWER_PAIR_RE = re.compile(r"\b(?P<first>[a-zäöüß]{2,})\s+(?P<last>[a-zäöüß]{3,})\b")


def _starts_with_noun(word: str) -> bool:
    """ "Transplantationsteam": a German noun of six letters or more, then more."""
    return any(word[:k] in _NOUNS_DE for k in range(6, len(word) - 1))


_THE_BEFORE_RE = re.compile(r"\b[Tt]he\s$")
# "in Maria Laach", "at the John Radcliffe": a first name and a word no list knows, where a
# person cannot stand, is a place named after a person
_PLACE_BEFORE_NAME_RE = re.compile(r"(?:\b(?:in|nach|aus|bei|near)|\b[Tt]he)\s$")


def _unknown_names(text: str, langs: frozenset[str]) -> Iterator[_Candidate]:
    """Names no list knows, shown by the words around them: "spoke to Bev", "Friedas
    Mutter", "E. Strobel", and in all lower-case text "rosa okafor", "dr. lamm"."""
    if "en" in langs:
        for rx in (_PERSON_BEFORE_RE, _PERSON_AFTER_RE):
            for m in rx.finditer(text):
                if _is_unknown_name(m.group("name"), langs):
                    # "the Maudsley said": with an article, an institution speaks
                    kind = "place" if _THE_BEFORE_RE.search(
                        text, max(0, m.start() - 4), m.start()) else "name"
                    yield _Candidate(kind, m.start("name"), m.end("name"), _P_NAME)
    if "de" in langs:
        for m in _DE_GENITIVE_RE.finditer(text):
            if _is_known_or_ambiguous_first_name(m.group("name")):
                yield _Candidate("name", m.start(), m.end("name") + 1, _P_NAME)
    for m in _INITIAL_SURNAME_RE.finditer(text):
        if _is_unknown_name(m.group("name"), langs):
            yield _Candidate("name", m.start(), m.end(), _P_NAME)
    if "en" in langs:
        for m in _FAMILY_GROUP_RE.finditer(text):
            name = m.group("name")
            if all(_is_unknown_name(p, langs) or (p not in _NOT_UNKNOWN and "-" in name
                                                   and p.casefold() not in _REGIONS_CASEFOLD)
                   for p in name.split("-")) and name.casefold() not in _REGIONS_CASEFOLD and (
                    not name.endswith(_DEMONYM_ENDINGS)):  # not "the Swedish couple"
                yield _Candidate("name", m.start("name"), m.end("name"), _P_NAME)
    for m in _DOUBLE_BARRELLED_RE.finditer(text) if "-" in text else ():
        name = m.group("name")
        parts = name.split("-")
        if (name not in data.TOWNS and name not in data.CITIES and name not in data.EPONYMS
                and name.casefold() not in _REGIONS_CASEFOLD
                and not _is_first_name(parts[0]) and not _starts_with_noun(parts[-1])
                and all(_is_unknown_name(p, _BOTH) for p in parts)):
            yield _Candidate("name", m.start("name"), m.end("name"), _P_NAME)
    if any(c.isupper() for c in text):
        return
    for m in _LOWER_PAIR_RE.finditer(text):
        first, last = m.group("first").capitalize(), m.group("last").capitalize()
        # "rosa okafor", not "will keinen": a surname is no everyday word
        if (_is_known_or_ambiguous_first_name(first) and _is_unknown_name(last, langs)
                and _zipf(m.group("last"), langs) < 4.0):
            yield _Candidate("name", m.start(), m.end(), _P_NAME)
_LOCATION_BEFORE_RE = re.compile(
    r"\b(?:in|at|from|near|to|into|outside|via|towards|nach|aus|bei|zum|zur|nahe|Richtung"
    r"|gegenüber|[Tt]he|[Dd]er|[Dd]ie|[Dd]as|[Dd]e[mns]|[Ee]in|[Ee]ine[mnrs]?|[Aa]n?|im|am"
    r"|vom|ins|beim|on|off|of|für|for|über)\s+$")
_DOSE_AFTER_RE = re.compile(r"\s*\d+(?:[.,]\d+)?\s*(?:mg|µg|mcg|ml|g|mmol|IE|IU|units)\b")
# Words that make a run of capitals an institution, a street or a title, not a person.
_NOT_PERSON_RUN_WORDS = (data.INSTITUTION_HEADS_EN | data.INSTITUTION_WORDS_DE
                         | frozenset(data.STREET_WORDS_EN_NUMBERED) | data.GENERIC_SERVICE_WORDS_EN)


# Endings of German adjectives, participles and verbs: capitalised at a sentence's start or
# as nouns ("Kommt aus der Türkei", "Lebenslänglicher fragt"), never a name no list knows.
_GERMAN_NOT_NAME_ENDINGS = ("lich", "licher", "liche", "ig", "iger", "ige", "isch", "ische",
                            "ischer", "end", "ender", "ende", "bar", "sam", "haft", "t", "en",
                            "ter", "tes")


def _mid_sentence_names(text: str, toks: list[_Token],
                        langs: frozenset[str]) -> Iterator[_Candidate]:
    """Capitalised words no list knows where a capital letter says "name": in the middle of
    a sentence ("Session on Thursday, Olek brought ..."), or opening one before a verb, a
    comma or "aus der" ("Olamide, second year", "Shaza aus der Notunterkunft"). A run of
    capitals ("Precious Adeyemi", "Nguyễn Văn Minh") is one name unless a word of it makes
    it an institution or a street; after a preposition or an article it is left to the
    place rules ("in Lydford", "the Maudsley")."""
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        if not tok.text[:1].isupper():
            i += 1
            continue
        j = i  # the run of capitalised words toks[i..j]
        while (j + 1 < n and toks[j + 1].text[:1].isupper() and _gap(text, toks[j], toks[j + 1])
               == " " and j - i < 3):
            j += 1
        run = [_strip_possessive(t) if k == j else t for k, t in enumerate(toks[i:j + 1], i)]
        start_of_sentence = _at_sentence_start(text, tok.start)
        if start_of_sentence and len(run) > 1 and (run[0].text in data.STOP_CAPITALS or (
                run[0].text.casefold() in data.COMMON_WORDS_EN)):
            run = run[1:]  # "Met Faith", "Phoned Olek": the sentence's first word
            start_of_sentence = False
        prev_tok = toks[i - 1] if i > 0 and run[0] is tok else None
        i = j + 1
        words = [t.text for t in run]
        unknown = [_unknown_capitalised(w, langs) for w in words]
        if not any(unknown) and _NAME_AND_BEFORE_RE.search(text, max(0, run[0].start - 30),
                                                           run[0].start):
            # "Ruby and Jasper Vane": beside a name, capitals are a name too
            before = _NAME_AND_BEFORE_RE.search(text, max(0, run[0].start - 30), run[0].start)
            assert before is not None
            if (_is_known_or_ambiguous_first_name(before.group("name"))
                    and all(_is_name_word(w, langs) for w in words)
                    and not any(w in _NOT_PERSON_RUN_WORDS for w in words)):
                unknown = [True] * len(words)
        if not any(unknown) or any(w in _NOT_PERSON_RUN_WORDS or w in data.STOP_CAPITALS
                                   for w in words):
            continue
        if any(w in data.TOWNS or w in data.CITIES or w.casefold() in _REGIONS_CASEFOLD
               for w in words) or _REGIONS_CASEFOLD.intersection(
                [" ".join(words).casefold()]):
            continue
        if any(w in data.EPONYMS or w in _ABBREVIATED_CALENDAR or w.startswith(("I'", "I’"))
               for w in words):
            continue
        first, last = run[0], run[-1]
        if _LOCATION_BEFORE_RE.search(text, max(0, first.start - 12), first.start):
            continue
        if text[max(0, first.start - 2):first.start] == "& " or text[
                last.end:last.end + 2] == " &":
            continue  # "Hallam & Pryce", "Wendt & Söhne": a firm
        if _NOT_A_PERSON_AFTER_RE.match(text, last.end):
            continue  # "Zoloft 50 mg", "Braden 11", "Edwards syndrome"
        german = "de" in langs
        nxt = toks[j + 1].text if j + 1 < n and _gap(text, toks[j], toks[j + 1]) == " " else ""
        if len(run) > 1:
            # "Precious Adeyemi": a surname no list knows; in German every word must be one
            if not (unknown[-1] and all(unknown[:-1] if german else (
                    _is_name_word(w, langs) for w in words[:-1]))):
                continue
        elif german or start_of_sentence:
            if german and words[0].endswith(_GERMAN_NOT_NAME_ENDINGS):
                continue
            # where a capital letter says nothing, a person is the subject of a verb, has
            # a relative clause or an apposition after it, or "aus der Notunterkunft"
            verb = ("en" in langs and (nxt in data.PAST_TENSE_EN or _is_verb_en(nxt)
                                       or nxt in _AUX_VERBS_EN or (
                nxt.islower() and len(nxt) > 4 and nxt.endswith("ed")))) or (
                # at a sentence's start not "Dabei sitzt", "Keiner ist": everyday words
                german and not (start_of_sentence and _zipf(words[0].casefold(), _BOTH) >= 4.5)
                and (nxt in _GERMAN_PERSON_VERBS or (
                    # "Shirin bekommt": any verb after a sentence's first word, if that
                    # word is rare (not "Seitdem", "Keiner")
                    start_of_sentence and _is_verb_de(nxt)
                    and _zipf(words[0].casefold(), _BOTH) < 3.0)))
            # "Gestern kam Oluwaseun mit ...": the subject after the verb in German
            verb = verb or (german and prev_tok is not None and _gap(text, prev_tok, tok) == " "
                            and (prev_tok.text in _GERMAN_PERSON_VERBS or (
                                prev_tok.text in _GERMAN_AUX and _is_verb_de(nxt))))
            if not (verb or _PERSON_AFTER_AMBIGUOUS_RE.match(text, last.end)
                    or _RELATIVE_AFTER_RE.match(text, last.end)
                    or (not german and re.match(r",\s+[a-z\d]", text[last.end:last.end + 4]))):
                continue
            if start_of_sentence and "en" in langs and _is_english_compound(words[0]):
                continue  # "Callback requested"
        kind = "name"
        if len(run) == 2 and not any(_is_known_or_ambiguous_first_name(w) for w in words) and (
                _is_place_segment_of_label(text, first.start, last.end)
                and _TITLED_SEGMENT_BEFORE_RE.search(text, 0, first.start)):
            kind = "place"  # "Mrs Pritchard, Cae Mawr - the sheep"
        if len(run) == 1 and not _is_known_or_ambiguous_first_name(words[0]) and (
                words[0].casefold().endswith(_ENGLISH_PLACE_ENDINGS)
                or _MOTION_BEFORE_RE.search(text, max(0, first.start - 10), first.start)
                or _is_place_segment_of_label(text, first.start, last.end)):
            # "drove past Greenholme", "came through Calais", "Hemi Walker, 34, Ōtara – custody"
            kind = "place"
        yield _Candidate(kind, first.start, last.end, _P_WEAK)


_TITLED_SEGMENT_BEFORE_RE = re.compile(
    r"(?:^|[,–—]\s*|\s-\s)(?:Mrs?|Ms|Miss|Dr|Frau|Herr|Hr|Fr)\.?\s[^,–—]*[,–—]\s*$")
_MOTION_BEFORE_RE = re.compile(r"\b(?:past|through|via|towards|outside|near)\s+$")
_SEGMENT_BEFORE_RE = re.compile(
    r"(?:^|[,–—]\s*|\s-\s)(?P<segment>[^,–—]*?)\s*(?:[,–—]|\s-)\s*$")
_SEGMENT_AFTER_RE = re.compile(r"\s*(?:[,–—)]|\s-\s|\.?\s*$|\.\s+(?=[A-Z]))")
# the person: up to four capitalised words ("Mrs Ó Súilleabháin"), perhaps with what they
# are called in brackets ("Shug (Hugh McLaughlin)"), or anything with a digit (an age)
_WHO_SEGMENT_RE = re.compile(
    r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*\s*){1,4}(?:\([^()]*\))?|.*\d.*")


def _is_place_segment_of_label(text: str, start: int, end: int) -> bool:
    """In a case label, a word standing alone between commas or dashes after the person
    ("Hemi Walker, 34, Ōtara – gang patch", "Widow of Jones the Milk, Llanrhystud") is where
    the person lives."""
    if len(text) > 120 or not _SEGMENT_AFTER_RE.match(text, end):
        return False
    before = _SEGMENT_BEFORE_RE.search(text, 0, start)
    if before is None or before.end() != start:
        return False
    at_end = _SEGMENT_AFTER_RE.match(text, end).end() == len(text)  # type: ignore[union-attr]
    return at_end or bool(_WHO_SEGMENT_RE.fullmatch(before.group("segment")))


# How English and Australian place names end ("Redbridge", "Greenholme", "Marrickville")
_ENGLISH_PLACE_ENDINGS = ("bridge", "holme", "ville", "borough", "bury", "chester", "minster",
                          "hill", "gate", "wood", "ness", "head", "bank", "haven", "burgh",
                          "mouth", "stead", "thorpe", "wick", "worth", "field", "ford", "ham",
                          "hampton", "ington", "ton", "by", "dale", "cliffe", "combe", "hurst",
                          "burn", "brook", "moor", "port", "church", "well", "side")
# "Summer is 24": an abstract word does not have an age
_AGE_AFTER_IS_RE = re.compile(
    r"\s+(?:is|was|ist|war)\s+\d{1,3}\b(?![.,/:]\d|\s*%|\s+(?:weeks?|days?|months?|hours?"
    r"|minutes?|Wochen|Tage|Monate|Stunden|Minuten)\b)")
# "The pupil I presented, Reed, is in Year 8": a name in apposition to a person
_APPOSED_NAME_RE = re.compile(
    r"\b(?:pupil|patient|client|boy|girl|man|woman|son|daughter|mother|father|resident"
    r"|student|probationer|child|baby|teenager|lad|lass|Schüler|Schülerin|Patient|Patientin"
    r"|Klient|Klientin|Junge|Mädchen|Sohn|Tochter|Bewohner|Bewohnerin|oldest|eldest|youngest"
    r"|sister|brother|wife|husband|partner|granddaughter|grandson|niece|nephew|twin"
    r"|Älteste|Jüngste|Schwester|Bruder|Enkelin|Enkel)"
    r"(?:\s+[\w']+){0,3},\s+(?P<name>[A-ZÄÖÜ][^\W\d_]+),")
# "die Mutter von Artjom", "die Schwiegermutter von Senait": a relative's, of a person
_CUE_VON_NAME_RE = re.compile(
    rf"\b(?:{_alternation(data.NAME_CUES_DE)})\s+von\s+(?P<name>[A-ZÄÖÜ][^\W\d_]{{2,}})\b"
    r"(?![-'’]|\s+[A-ZÄÖÜ])")
_NAME_AND_BEFORE_RE = re.compile(rf"(?P<name>[A-ZÄÖÜ]{_WORD})\s*(?:,|&|\band\b|\bund\b)\s*$")
_ABBREVIATED_CALENDAR = frozenset(data.MONTH_ABBREVIATIONS) | frozenset(
    {"Mon", "Tue", "Tues", "Wed", "Weds", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"})
_NOT_A_PERSON_AFTER_RE = re.compile(
    r"\s+\d|\s*\d+(?:[.,]\d+)?\s*(?:mg|µg|mcg|ml|g|mmol|IE|IU|units)\b"
    r"|['’]?s?\s+(?:syndrome|disease|disorder|palsy|sign|test|score|scale|criteria|Syndrom"
    r"|Krankheit|Erkrankung|Score|Skala)\b")
_RELATIVE_AFTER_RE = re.compile(r",\s+(?:who|whose|der|die|dessen|deren|\d{1,3}\b(?![.,/:]\d))")
_GERMAN_PERSON_VERBS = frozenset({
    "kam", "kommt", "ist", "war", "hat", "hatte", "brachte", "bringt", "sagt", "sagte",
    "will", "wollte", "möchte", "kann", "konnte", "muss", "musste", "soll", "wird", "wurde",
    "geht", "ging", "fragt", "fragte", "weint", "weinte", "schreibt", "schrieb", "ruft",
    "rief", "lebt", "lebte", "wohnt", "wohnte", "arbeitet", "erzählt", "erzählte", "schläft",
    "isst", "trinkt", "trank", "hilft", "half", "sitzt", "saß", "spricht", "sprach", "meint",
    "meinte", "erscheint", "fehlt", "fehlte", "schickt", "schickte", "weigert", "verweigert"})


# A name between "habe" and its participle ("Ich habe Kübra eingebracht") is the object
# of a verb.
_GERMAN_AUX = frozenset({"habe", "hab", "haben"})


def _is_verb_de(word: str) -> bool:
    """ "lacht", "bekommt", "eingebracht": a German verb form after (or before) a person."""
    if word in _GERMAN_PERSON_VERBS:
        return True
    # common enough to be a word, not so common as to be "nicht", "seit", "jetzt"
    return (word.islower() and len(word) > 4 and word.endswith(("t", "te", "ten"))
            and 3.0 <= _zipf(word, _GERMAN) < 5.3
            and word.capitalize() not in _NOUNS_DE)


def _is_english_compound(word: str) -> bool:
    """ "Callback", "Lifeline": two English words of three letters or more, written as one."""
    w = word.casefold()
    return any(w[:k] in data.COMMON_WORDS_EN and w[k:] in data.COMMON_WORDS_EN
               for k in range(3, len(w) - 2))
# Hasty notes in lower case: a title, a relative or a role, then a name in lower case
# ("hr. becker", "fr. dr. kovač", "mrs achterberg", "sohn dennis", "baby zuri", "amhp jo").
# After a title whatever is not an everyday word is a name; after a relative or a role only
# a first name, or a word nobody writes but as a name.
_LOWER_TITLES = (frozenset(w.casefold() for w in data.HONORIFICS_EN | data.HONORIFICS_DE
                           | data.TITLE_PARTS)
                 | {"hrn", "pfr", "bro", "fr", "revd", "prim", "insp", "sr"}) - {
                     "di", "ds", "dc", "lady", "lord", "sir", "familie", "nurse",
                     "doctor", "judge", "canon", "richter", "richterin"}
# the words of a degree after a title ("dr. med.", "Dipl.-Psych."), as title_parts.txt has them
_DEGREE_WORDS = frozenset(w for w in data.TITLE_PARTS if w.islower()) | {"psych"}
# Titles that are abbreviations: what follows them is a name unless it is an everyday word.
_STRONG_LOWER_TITLES = frozenset({
    "mr", "mrs", "ms", "mx", "miss", "dr", "hr", "hrn", "herr", "herrn", "fr", "frau", "pfr",
    "sgt",
    "pc", "cllr", "rev", "revd", "bro", "sr", "prof", "mag", "prim", "insp", "khk", "pok"})
# In a lower-case note, a first name after "re", "bzgl.", "für": "bzgl. jonas", "für mia".
_LOWER_ABOUT = frozenset({"re", "bzgl", "für", "for", "with", "mit", "and", "und", "wg",
                          "wegen"})
# Roles after which a lower-case initial is a person: "pat. k.", "angekl. r.", "prob. m."
_INITIAL_ROLES = frozenset({"pat", "pt", "angekl", "prob", "proband", "probandin", "klient",
                            "klientin", "bauer", "bäuerin", "bew", "gef", "häftl"})
_LOWER_RELATIONS = (frozenset(w.casefold() for w in data.NAME_CUES_EN | data.NAME_CUES_DE
                              | data.WEAK_HONORIFICS)
                    | {"pt", "pat", "carer", "sw", "amhp", "mum", "dad", "nan", "gran",
                       "nachbar", "nachbarin", "beistand", "beiständin", "betreuer",
                       "betreuerin", "trainer", "trainerin", "coach", "lehrer", "lehrerin",
                       "teacher", "kind", "neighbour", "friend", "schüler", "schülerin",
                       "pupil", "bew.hilfe", "bew. hilfe", "klient", "klientin", "angekl",
                       "prob", "proband", "probandin", "bauer", "bäuerin", "familie"}
                    | _LOWER_ABOUT) - _NAMING_CUES
_LOWER_CUE_WORDS = _alternation(_LOWER_TITLES | _LOWER_RELATIONS | {"med", "jur", "phil"})
_LOWER_CUE_RE = re.compile(
    rf"(?<![\w.@])(?P<cues>(?:{_LOWER_CUE_WORDS})\.?(?:\s+(?:{_LOWER_CUE_WORDS})\.?)*)"
    rf"\s+\(?(?!(?:{_LOWER_CUE_WORDS})\.?\s)"  # "gran (mrs ferris)": the title is no name
    r"(?P<name>[a-zäöüßçćčđšžłńśźżąęóőűíéáñ][a-zäöüßçćčđšžłńśźżąęóőűíéáñğış'’-]*"
    r"(?:\.(?=[\s,;)]|$)(?!\s*[a-z]\.))?|[A-ZÄÖÜ]\.)"
    r"(?![\w@/.]\w)(?P<after>\s*(?:\(|\d{1,3}\b(?![.,/:]\d)|[–,](?=\s))|)")
# Abbreviated titles with their full stop: after them even a common word is a name
# ("hr. weiß", "fr. koch").
_DOTTED_TITLES = frozenset({"hr.", "hrn.", "fr.", "pfr.", "sr.", "bro.", "dr.", "fam."})
# A full stop after a whole word ends the sentence: "mit frau. evtl. englisch"
_FULL_STOP_AFTER_A_WORD = frozenset({"frau.", "herr.", "herrn.", "miss.", "sohn.", "tochter.",
                                     "mutter.", "vater.", "wife.", "son.", "daughter.",
                                     "familie."})
# "gewaschen", "ausgefallen", "mitgebracht": a German participle after "frau" or "fr."
_PARTICIPLE_DE_RE = re.compile(r"(?:ab|an|auf|aus|bei|ein|mit|nach|vor|weg|zu|zurück|los"
                               r"|her|hin)?ge[a-zäöüß]{3,}(?:en|t)")
# After these even a common word is a surname ("mrs brown", "herr sommer"); after "frau"
# ("wife") and "dr" it must be rarer ("frau macht").
_SURNAME_TITLES = frozenset({"mr", "mrs", "ms", "mx", "herr", "herrn"})
_NOT_LOWER_NAMES = frozenset({
    "re", "nr", "f", "m", "w", "yo", "yrs", "j", "pts", "pats", "ref", "info", "ok", "x",
    "y", "ca", "c", "dna", "dnas", "seen", "pt", "pat", "sw", "mum", "dad", "u", "v", "til",
    "till", "abt", "tmrw", "pls",
    # a role in the address, not a name: "herr doktor", "frau pastorin"
    "doktor", "doctor", "professor", "pastor", "pastorin", "kommissar", "kommissarin",
    # "fr." is Friday too: "tochter kommt di + fr. heute", "fr. nachmittag"
    "heute", "morgen", "gestern", "nachmittag", "vormittag", "abend", "mittag", "früh",
    "nacht", "ab", "bis", "um"})


# All-caps names after an all-caps title: "MRS J. KOWALCZYK", "HERR K. MÜLLER"
_CAPS_TITLE_NAME_RE = re.compile(
    r"\b(?:MR|MRS|MS|MISS|DR|HERR|HERRN|FRAU)\.?\s+(?:[A-ZÄÖÜ]\.\s*){0,2}[A-ZÄÖÜ]{2,}"
    r"(?:[-'’][A-ZÄÖÜ]{2,})?\b")
# "MARGARET O'SULLIVAN", "JOHN SMITH": a first name and a surname in capitals, as a ward
# list or a form prints them
_GENERIC_CAPS = frozenset({"DOB", "NHS", "GP", "ID", "NOK", "DNACPR", "DNR", "ICU", "A&E", "ED",
                           "URGENT", "ASAP", "NFA", "RIP", "OK", "ADHD", "ADHS", "GEB", "MRN"})
_CAPS_FULL_NAME_RE = re.compile(
    r"(?<![\w'’-])(?P<first>[A-ZÄÖÜ]{3,})\s+[A-ZÄÖÜ][A-ZÄÖÜ'’]+(?:-[A-ZÄÖÜ]{2,})?(?![\w'’-])"
    # ... and a label's "KELLER, GERTRUD": the surname first
    r"|(?<![\w'’-])[A-ZÄÖÜ]{2,}(?:-[A-ZÄÖÜ]{2,})?,\s(?P<given>[A-ZÄÖÜ]{3,})(?![\w'’-])")
# "J. (17)", "pt J. (18)": an initial with an age
_INITIAL_AGE_RE = re.compile(r"(?<![\w.])[A-ZÄÖÜ]\.\s?(?=\(\d{1,2}\))")


def _is_lower_first_name(word: str) -> bool:
    cap = "-".join(p.capitalize() for p in word.split("-"))
    return (cap in _ALL_FIRST_NAMES or cap in data.AMBIGUOUS_FIRST_NAMES) and not (
        cap in _CALENDAR or cap in data.HOLIDAYS)  # "Ramadan" is a first name too


def _is_lower_unknown(word: str, langs: frozenset[str]) -> bool:
    """A lower-case word nobody writes but as a name: rare, in no word list, and
    pronounceable (not "ecg", "nbm")."""
    cap = word.capitalize()
    return (len(word) > 2 and any(v in word for v in "aeiouyäöü") and _zipf(word, langs) < 3.0
            and not ("en" in langs and word in data.COMMON_WORDS_EN)
            and not ("de" in langs and (cap in _NOUNS_DE or _looks_like_german_noun(cap)))
            and not word.endswith(data.MEDICAL_WORD_ENDINGS)
            # "vater ausgeladen", "mutter überfordert": a German participle or adjective
            and not ("de" in langs and word.endswith(("en", "t", "lich", "ig", "isch"))))


def _nth_word_offset(words: str, n: int) -> int:
    return [m.start() for m in re.finditer(r"\S+", words)][n]


def _lower_cue_names(text: str, langs: frozenset[str]) -> Iterator[_Candidate]:
    """ "hr. becker", "mrs achterberg", "mr k", "sohn dennis", "pt olu", "amhp jo"."""
    lower_note = _is_lower_note(text)
    for m in _LOWER_CUE_RE.finditer(text):
        name = m.group("name").rstrip("'’-")
        initial = len(name) == 2 and name.endswith(".")  # "hr. A.", "frau B."
        if name.endswith(".") and not initial:
            name = name[:-1]  # a word at the end of a sentence, not an initial
        cues = m.group("cues").split()
        if initial and name.islower():
            if cues[-1].rstrip(".") in _INITIAL_ROLES:
                # "pat. k. heute", "angekl. r., 22": a lower-case initial after a role
                yield _Candidate("name", m.start("name"), m.start("name") + 2, _P_NAME + 1)
                continue
            name = name[:-1]  # "mrs k. fell": the letter, as without its full stop
        if (name in _NOT_LOWER_NAMES and len(name) > 1) or (
                name.lower() != name and not initial):
            continue  # a single letter may be an initial: "mr w. okafor"
        words = [c.rstrip(".") for c in cues]
        if words == ["miss"] and len(name) > 1 and not initial:
            continue  # "miss t, 92" - but "miss her", "miss work" are verbs
        if cues[-1] in _FULL_STOP_AFTER_A_WORD or (
                "de" in langs and _PARTICIPLE_DE_RE.fullmatch(name)
                and _zipf(name, _GERMAN) >= 3.6):  # (a surname, "gerhardt", is rarer)
            continue  # "mit frau. evtl. englisch", "von einer frau gewaschen", "fr. ausgefallen"
        zipf = _zipf(name, langs)
        first_name = _is_lower_first_name(name)
        # the title right before the name: "junge frau mit rezept" names no one
        # ("fr. dr. med. kovač": the title before the degree's words)
        last = next((c for c in reversed(cues) if c.rstrip(".") not in _DEGREE_WORDS), "")
        strong = last in _DOTTED_TITLES or (
            last.rstrip(".") in _STRONG_LOWER_TITLES and cues != ["fr"])
        if len(name) == 1 and not strong:
            continue  # "pt f 34": a sex, not an initial
        if strong:
            # "hr. weiß" but not "frau macht"
            common = 6.0 if any(c in _DOTTED_TITLES or c in _SURNAME_TITLES
                                for c in cues) else 4.5
            if len(name) == 1 or zipf < common or (first_name and zipf < 5.0):
                # the name with its titles, not the relative before them ("nachbarin")
                title = next(k for k, (c, w) in enumerate(zip(cues, words, strict=True))
                             if c in _DOTTED_TITLES or w in _STRONG_LOWER_TITLES)
                start = m.start() + _nth_word_offset(m.group("cues"), title)
                yield _Candidate("name", start, m.start("name") + len(name), _P_NAME + 1)
            continue
        if all(w in _LOWER_ABOUT for w in words):
            if lower_note and first_name and zipf < 4.2:
                yield _Candidate("name", m.start("name"), m.start("name") + len(name),
                                 _P_NAME + 1)
            continue
        # "pt hope (yes really)", "pat. ernst 78": an age or a bracket after it
        aged = bool(m.group("after"))
        if len(name) > 1 and (
                (first_name and (aged or zipf < 5.0))
                or _is_lower_unknown(name, langs)
                or (aged and m.group("after").strip()[:1] not in ",–" and zipf < 4.5
                    and not _is_ordinary_word(name, langs))):  # not "pt fatigue 3 weeks"
            yield _Candidate("name", m.start("name"), m.start("name") + len(name),
                             _P_NAME + 1)


def _names_in_capitals_notes_and_sentence_starts(
        text: str, toks: list[_Token], langs: frozenset[str]) -> Iterator[_Candidate]:
    """ "MRS J. KOWALCZYK", "J. (17)", "pt kieran 24", "Dawn was first": names in capitals,
    an initial with an age, names in hasty lower-case notes and first names that are also
    words, opening a sentence."""
    for m in _CAPS_TITLE_NAME_RE.finditer(text):
        yield _Candidate("name", m.start(), m.end(), _P_NAME_TITLE)
    for m in _INITIAL_AGE_RE.finditer(text):
        yield _Candidate("name", m.start(), m.end(), _P_NAME)
    for m in _CAPS_FULL_NAME_RE.finditer(text) if not text.isupper() else ():
        first = (m.group("first") or m.group("given")).capitalize()
        surname = (m.group()[len(first):] if m.group("first") else m.group().split(",")[0]).strip()
        if (_is_first_name(first) and first not in data.AMBIGUOUS_FIRST_NAMES
                and surname not in _GENERIC_CAPS):
            yield _Candidate("name", m.start(), m.end(), _P_NAME)
    yield from _lower_cue_names(text, langs)
    yield from _sentence_start_names(text, toks, langs)


# Ambiguous first names that stand bare as the subject of a sentence as abstract nouns:
# "Hope is not the word", "Faith was all she had". The others ("Dawn was first", "Sunny
# is anything but", "Crystal texted") are people there.
_ABSTRACT_NAMES = frozenset({"Hope", "Faith", "Grace", "Joy", "Charity", "Mercy", "Patience",
                             "Honesty", "Liberty", "Destiny", "Harmony", "Serenity", "Trust",
                             "Will", "Art", "Rich", "Max", "Chase", "Mark", "Don", "Guy",
                             "Bill", "Jack", "Iris", "Pat", "Star", "Sky", "Wolf", "Summer",
                             "Autumn", "Christian", "Ernst", "Rosa", "Jan", "Angel", "Norman",
                             "Hunter", "Victoria", "Lincoln", "Miles", "Chester", "Orlando",
                             "Austin", "Madison", "Jackson", "Lawrence", "Florence", "Dean"})
_SUBJECT_VERB_RE = re.compile(
    r"(?:['’]s\s+(?!(?:a|an|the|not|no|been|got|gone|going|just|very|so|all|only|never|what"
    r"|how|back|over|ok|okay|fine|here|there)\b)[a-z]+"
    r"|\s+(?:is|was|has|had|ist|war|hat|hatte|will|wants|keeps|texted|rang|called|came"
    r"|comes|says|said|sagt|sagte|kam|kommt|texts|phoned|turned|died|lives|lived)\b"
    r"|\s+(?:and|und|&)\s+[A-Z][a-z]+|,\s*\d{1,3}\s*[,;)]|\s+\(\d)")
_NEXT_WORD_RE = re.compile(r" ([a-zäöüß]+)\b")
# "Holly – school refusal", "Heide – die Pflegekraft": a case label opens with the name;
# "Dawn, the night receptionist,": a name with an apposition
_LABEL_NAME_AFTER_RE = re.compile(
    r"\s+[–—-]\s+(?=\S)|,\s+(?:the|die|der|das)(?:\s+[\w-]+){1,3}\s*[,;.]"
    r"|,\s+(?:who|whose|dessen|deren)\b"
    r"|,\s+(?:the|die|der|das)\s+[\w-]+\s+(?:who|that|whose|der|die|das|mit|with)\b")
_GERMAN_NOUN_NAMES_AGE_RE = re.compile(r"\s+(?:ist|war|wird|wurde)\s+\d{1,3}\b(?![.,]\d)"
                                       r"|,\s*\d{1,3}\s*,|\s+\(\d{1,3}\)")


def _sentence_start_names(text: str, toks: list[_Token],
                          langs: frozenset[str]) -> Iterator[_Candidate]:
    """ "Holly's mum", "Dawn was first", "Crystal texted", "Amber and Jack", "Heide ist 70",
    "Blessing keeps": a first name that is also a word, opening a sentence."""
    for tok in toks:
        if not _at_sentence_start(text, tok.start) or not tok.text[:1].isupper():
            continue
        first = _strip_possessive(tok)
        word = first.text
        if word in _CALENDAR:
            continue
        ambiguous = word in data.AMBIGUOUS_FIRST_NAMES or (
            word in _ALL_FIRST_NAMES and word.casefold() in data.COMMON_WORDS_EN)
        german_noun_name = ("de" in langs and word in _DE_NAME_WORDS and word in _NOUNS_DE)
        if not (ambiguous or german_noun_name):
            continue
        if german_noun_name and not ambiguous:
            if _GERMAN_NOUN_NAMES_AGE_RE.match(text, first.end) or _LABEL_NAME_AFTER_RE.match(
                    text, first.end):
                yield _Candidate("name", first.start, first.end, _P_NAME)
            continue
        m = _SUBJECT_VERB_RE.match(text, first.end) or _LABEL_NAME_AFTER_RE.match(
            text, first.end)
        if not m:
            nxt = _NEXT_WORD_RE.match(text, first.end)
            # "Ernst lacht": in German the verb says it (in English "Summer holidays"
            # looks like a verb)
            verb = nxt is not None and "de" in langs and _is_verb_de(nxt.group(1))
            if not verb or word in _ABSTRACT_NAMES:
                continue
            yield _Candidate("name", first.start, first.end, _P_NAME)
            continue
        after = m.group()
        if word in _ABSTRACT_NAMES and not (_AGE_AFTER_IS_RE.match(text, first.end)
                                            or after.startswith(("'", "’")) or "(" in after
                                            or after[:1] == "," or "&" in after
                                            or " and " in after or " und " in after):
            continue
        if after.startswith(("'", "’")) and word in _ABSTRACT_NAMES and not re.match(
                r"['’]s\s+(?:mum|mother|dad|father|son|daughter|brother|sister|friend|nan"
                r"|gran|husband|wife|partner|baby|kids|children|granddaughter|grandson"
                r"|carer|appeal|case|file|school|teacher|room|bed|passport|flat)\b", after):
            continue
        yield _Candidate("name", first.start, first.end, _P_NAME)


# First names that are also words and in no first-name list: "Precious", "Blessing",
# "Heide" (as a name, German), "Crystal"
_EXTRA_WORD_NAMES = frozenset({"Precious", "Blessing", "Crystal", "Heide", "Dot", "Happy",
                               "Comfort", "Gift", "Lucky", "Memory", "Patience", "Mercy",
                               "Charity", "Honour", "Treasure", "Beauty", "Favour", "Goodness",
                               "Marvel", "Wisdom", "Sunshine", "Ivy", "Holly"})
_ALL_FIRST_NAMES = (data.FIRST_NAMES_EN | data.FIRST_NAMES_DE | data.FIRST_NAMES_FAKER
                    | data.FIRST_NAMES_NICKNAMES | _EXTRA_WORD_NAMES)
_DE_NAME_WORDS = data.FIRST_NAMES_DE | data.AMBIGUOUS_FIRST_NAMES | _EXTRA_WORD_NAMES
_WORD_NAME_SURNAME_RE = re.compile(
    rf"\b(?P<first>{_alternation(_EXTRA_WORD_NAMES)})\s+(?P<last>[A-Z]{_WORD})\b")
_WORD_NAME_OBJECT_RE = re.compile(
    rf"\b(?:had|have|has|with|for|von|für|mit|bei|called|named)\s+"
    rf"(?P<first>{_alternation(_EXTRA_WORD_NAMES)})\b(?=\s+(?:since|seit|for|and|und|,)|[,.;])")


_LOWER_SAINT_BEFORE_RE = re.compile(r"\b(?:st|sankt|saint)\.?\s+$")
_LOWER_WORD_RE = re.compile(r"(?<![\w@.#/-])[a-zäöüßçéèáíóúñšžčćğış][\w'’-]*(?![\w@/-]|\.\w)")
# First names that are no word of either language (the generated lists were made so)
_UNAMBIGUOUS_FIRST_NAMES = frozenset(
    n for n in data.FIRST_NAMES - data.AMBIGUOUS_FIRST_NAMES
    if n.casefold() not in data.COMMON_WORDS_EN and n not in _NOUNS_DE
    and n not in data.TOWNS and n not in data.CITIES)


def _lower_case_first_names(text: str, langs: frozenset[str]) -> Iterator[_Candidate]:
    """ "kazim works nights", "ask ravi to remove", "nkosi ok. ate lunch": a first name in
    lower case that is no word of either language, and no common one."""
    for m in _LOWER_WORD_RE.finditer(text):
        word = m.group().rstrip("'’")
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        cap = "-".join(p.capitalize() for p in word.split("-"))
        if (len(word) <= 2 or cap not in _UNAMBIGUOUS_FIRST_NAMES or cap in _CALENDAR
                or cap in data.HOLIDAYS or _zipf(word, _BOTH) >= 4.5
                or word in _NOT_LOWER_NAMES):
            continue
        saint = _LOWER_SAINT_BEFORE_RE.search(text, max(0, m.start() - 7), m.start())
        if saint:  # "st anne's", "st. vinzenz": a church, a school, a hospice
            end = m.end() if text[m.end() - 2:m.end()] in ("'s", "’s") else m.start() + len(word)
            yield _Candidate("place", saint.start(), end, _P_WEAK)
        else:
            yield _Candidate("name", m.start(), m.start() + len(word), _P_WEAK)


# A case label that opens with the person: "Sinéad, Ballymun – heroin", "Carys – Year 11",
# "Bill and the unpaid gas bill", "Vasilis und die Schulden", "Rusty the lurcher"
_LABEL_START_NAME_RE = re.compile(
    r"^\s*(?P<pre>(?:Big|Wee|Old|Young|Auld|Lil)\s+(?=[A-Z][a-z]+\b(?!\s+[A-Z])))?"
    rf"(?P<name>[A-ZÄÖÜ]{_WORD}(?:[-\s][A-ZÄÖÜ]{_WORD})?)(?:\s*\([^)]{{1,12}}\))?"
    r"(?=\s*(?:[,–—]|\s-\s)|\s+(?:und|and|without|ohne|vs\.?|gegen)\s+(?:die|der|das|den"
    r"|the|his|her|sein\w*|ihr\w*)\b|\s+(?:from|at|aka|@)\s+[A-Z]"
    r"|\s+the\s+(?P<pet>dog|cat|puppy|kitten|horse|rabbit|lurcher|parrot|hamster"
    r"|labrador|spaniel|terrier|collie|greyhound|pony)\b"
    # or a role, as a village names its people: "Dai the postman", "Siobhán the HCA"
    rf"|\s+the\s+(?:{_alternation(tuple(r for r in data.ROLE_NOUNS_EN if r.islower()))}|HCA"
    r"|postie|milkman|binman|cleaner|porter|bouncer|taxi\s+driver|bus\s+driver"
    r"|lorry\s+driver)\b)")
# "Wren, 11, Year 6": an age right after the opening word says it is a person
_AGE_AFTER_RE = re.compile(r"\s*(?:,\s*|\()\d{1,2}\b(?![./:])(?!\s*(?:Uhr|h\b|am\b|pm\b))")


def _label_start_names(text: str, langs: frozenset[str]) -> Iterator[_Candidate]:
    m = _LABEL_START_NAME_RE.match(text) if len(text) < 120 else None
    if m is None:
        return
    words = m.group("name").split()
    first = words[0]
    if (first in data.STOP_CAPITALS or first in _CALENDAR or first in _NOT_UNKNOWN
            or first in data.EPONYMS or first.casefold() in _REGIONS_CASEFOLD
            or first in data.TOWNS or first in data.CITIES or first.isupper()
            or ("de" in langs and (first in _NOUNS_DE or _looks_like_german_noun(first)
                                   or _is_german_compound(first))
                and not _is_known_or_ambiguous_first_name(first))
            or first.endswith(_DEMONYM_ENDINGS) and not _is_first_name(first)):
        return
    # a first name, a pet's name, or a word nobody writes but as a name - not "Dementia,
    # aged 94", "Widower, 87", "Polnischer Bauarbeiter"
    aged = (len(words) == 1 and _AGE_AFTER_RE.match(text, m.end("name")) is not None
            and not first.casefold().endswith(_PERSON_NOUN_ENDINGS + data.MEDICAL_WORD_ENDINGS)
            and first.casefold() not in _ROLES_CF and first not in _ABBREVIATED_CALENDAR
            # a word written now and then ("Wren", "Hope"), not a technical one ("Tinnitus")
            and (3.0 <= _zipf(first, _BOTH) < 3.5 or not _is_ordinary_word(first, langs)))
    if not m.group("pet") and not aged and not _is_known_or_ambiguous_first_name(first) and (
            _zipf(first, _BOTH) >= 3.0 or _is_ordinary_word(first, langs)
            or first.casefold().endswith(data.MEDICAL_WORD_ENDINGS) or "-" in first
            or ("en" in langs and _is_english_compound(first))
            or ("de" in langs and (len(words) > 1 or len(first) > 12))):
        return  # "Handover", "Bipolare Störung", "Gefangenenpersonalblatt"
    yield _Candidate("name", m.start("pre") if m.group("pre") else m.start("name"),
                     m.end("name"), _P_WEAK)


_ROLES_CF = frozenset(r.casefold() for r in data.ROLE_NOUNS_EN + data.ROLE_NOUNS_DE
                      + tuple(data.PERSON_NOUNS))
# "Widower, 87", "Crofter, 70", "Student, 19": words for people, not their names
_PERSON_NOUN_ENDINGS = ("er", "or", "ist", "ian", "an", "ant", "ent", "man", "hand", "ee",
                        "ess", "ic", "in", "e", "ive", "al", "ous")  # "Schizoaffective, 35"
_PLACE_PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:from|in|to|via|near|across|aus|nach|in|von|über|bei)\s+$", re.I)


_MONTH_CUE_BEFORE_RE = re.compile(
    r"\b(?:since|in|till|until|by|from|before|after|mid|early|late|end\s+of|mocks|seit|bis|im"
    r"|ab|Anfang|Mitte|Ende)\s+$", re.I)
_MONTH_CUE_AFTER_RE = re.compile(r"\.?\s*(?:['’]?\d{2}\b|\d{4}\b)")


def _is_a_month(text: str, candidate: _Candidate) -> bool:
    """ "since Jan.", "mocks Jan", "Jan 2024": the month, not Jan the man."""
    if text[candidate.start:candidate.end].rstrip(".") not in data.MONTH_ABBREVIATIONS:
        return False
    return bool(_MONTH_CUE_BEFORE_RE.search(text, max(0, candidate.start - 12), candidate.start)
                or _MONTH_CUE_AFTER_RE.match(text, candidate.end))


def _is_the_patient_abbreviated(text: str, candidate: _Candidate,
                                langs: frozenset[str]) -> bool:
    """ "Pat.: Kaiser, Reinhold", "Pat. klagt": in German notes "Pat." is the patient, and a
    form's "Pat.:" is a label in either language (but "I saw Pat." may be Pat)."""
    if text[candidate.start:candidate.end] != "Pat" or text[candidate.end:candidate.end + 1] != ".":
        return False
    return langs == _GERMAN or text[candidate.end + 1:candidate.end + 2] == ":"


def _is_region_after_a_preposition(text: str, candidate: _Candidate) -> bool:
    """ "from Georgia", "via Jordan", "aus Jordanien": a country is no one's name there."""
    return (text[candidate.start:candidate.end].casefold() in _REGIONS_CASEFOLD
            and _PLACE_PREPOSITION_BEFORE_RE.search(
                text, max(0, candidate.start - 8), candidate.start) is not None)


# Someone a patient admires, quotes or is compared with is a public figure: "listens to
# Dolly Parton", "hört Helene Fischer", "a proper Florence Nightingale type"
_CULTURE_BEFORE_RE = re.compile(
    r"\b(?:listen(?:s|ed|ing)?\s+to|quot(?:es|ed|ing)|remind(?:s|ed)?\s+(?:me|us|her|him)\s+of"
    r"|(?:a\s+)?(?:huge\s+|big\s+)?fan\s+of|obsessed\s+with|idoli[sz](?:es|ed)|a\s+proper"
    r"|hört|hörte|zitiert|zitierte|schwärmt\s+für|(?:großer\s+|riesiger\s+)?Fan\s+von"
    r"|(?:wanting\s+to\s+|want\s+to\s+)?quote"
    r"|erinnert\s+(?:mich|uns|sie|ihn)\s+an|Nachfahre[n]?\s+von|descendant\s+of"
    # weaker cues: only before a full name ("like Anna" may be her sister)
    r"|(?P<like>like|wie|reads|sings|singing|sang|liest|singt|glaubt,?|loves|adores|plays"
    r"|watches|borrows\s+the\s+same|liebt|vergöttert))"
    r"\s+(?:a\s+|an\s+|the\s+|ein(?:e[nm]?)?\s+|die\s+|den\s+)?$")
_SURNAME_AFTER_RE = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]+\b")


# "a young Eritrean man", "Elderly Arrernte man", "Amish farms": a people's name before a
# word for a person or a community describes; it names no one
_PEOPLE_NOUN_AFTER_RE = re.compile(
    r"\s+(?:man|men|woman|women|boy|boys|girl|girls|lady|ladies|couple|community|communities"
    r"|farms?|farmers?|elders?|auntie|aunties|uncle|kids|children|mother|father|mum|dad|lad"
    r"|bloke|guy|teenager|patient|client|grandmother|grandfather|granny|nan|family\s+from)\b")
_PEOPLE_WORD_BEFORE_RE = re.compile(
    r"(?:\b(?:a|an|old|young|elderly|older|small|local|another|proud)|^|,)\s*$", re.I)
# (not after "the": "the Ferguson boy" is a family's son)
_PEOPLE_ENDINGS = ("ean", "ian", "an", "ese", "ish", "ite", "i", "ic")


def _is_a_people_before_a_person(text: str, candidate: _Candidate) -> bool:
    """ "a young Eritrean man", "Old Yolŋu woman": a people's name describing someone."""
    word = text[candidate.start:candidate.end]
    return (" " not in word and not _is_first_name(word)
            and (word in data.LANGUAGES or word.endswith(_PEOPLE_ENDINGS))
            and _PEOPLE_NOUN_AFTER_RE.match(text, candidate.end) is not None
            and _PEOPLE_WORD_BEFORE_RE.search(text, max(0, candidate.start - 12),
                                              candidate.start) is not None)


def _public_figure_end(text: str, candidate: _Candidate) -> int | None:
    """Where the public figure a name candidate starts ends: "quoting Dolly Parton", "wie
    Helene Fischer" (after "like"/"wie" only a full name: "like Anna" may be her sister);
    None if the candidate is no public figure."""
    m = _CULTURE_BEFORE_RE.search(text, max(0, candidate.start - 40), candidate.start)
    if m is None:
        return None
    end = candidate.end
    if (surname := _SURNAME_AFTER_RE.match(text, end)) is not None:
        end = surname.end()  # "sings Vera Lynn": "Vera" and "Lynn" are found apart
    words = text[candidate.start:end].split()
    if m.group("like") and (len(words) < 2 or words[0] in data.HONORIFICS_EN
                            or words[0] in data.HONORIFICS_DE):
        return None
    return end


def _word_names(text: str, langs: frozenset[str], *, lower_case: bool = True
                ) -> Iterator[_Candidate]:
    """ "Precious Ndlovu", "have had Precious since she was three days old"; with
    `lower_case`, first names in notes typed in lower case too."""
    if lower_case:
        yield from _lower_case_first_names(text, langs)
    yield from _label_start_names(text, langs)
    for m in _APPOSED_NAME_RE.finditer(text):
        name = m.group("name")
        if not (name in data.STOP_CAPITALS or name in _CALENDAR or name in _NOT_UNKNOWN
                or name.casefold() in _REGIONS_CASEFOLD
                or ("de" in langs and not _is_first_name(name) and (
                    name in _NOUNS_DE or _looks_like_german_noun(name)
                    or _is_german_compound(name)))):
            yield _Candidate("name", m.start("name"), m.end("name"), _P_NAME)
    for m in _CUE_VON_NAME_RE.finditer(text) if "de" in langs and " von " in text else ():
        name = m.group("name")
        if (_is_first_name(name) or _is_unknown_name(name, langs)) and not (
                name in data.TOWNS or name in data.CITIES or name in data.STOP_CAPITALS
                or name in _CALENDAR or name.endswith("ingen")):  # "Vater von Zwillingen"
            yield _Candidate("name", m.start("name"), m.end("name"), _P_NAME)
    for m in _WORD_NAME_SURNAME_RE.finditer(text):
        last = m.group("last")
        if _is_ordinary_word(last, langs) or last in _NOT_UNKNOWN:
            continue
        yield _Candidate("name", m.start(), m.end(), _P_NAME + 1)
    for m in _WORD_NAME_OBJECT_RE.finditer(text):
        yield _Candidate("name", m.start("first"), m.end("first"), _P_NAME)
