"""Offline check for text that may identify a patient or client, in English, German, French
and Greek.

Before a presenter saves a case label or a private note, the app shows what in the text
might identify the person (the HIPAA Safe Harbor list is the checklist); the presenter may
then edit the text or keep it. Nothing here leaves the process: regular expressions, the
word lists in `identifier_data.py` and a small statistical tagger trained offline
(`tagger.py`), standard library only, no Django.

    >>> [(f.category, f.text) for f in find_identifiers("Frau K., 93, aus Dorfen")]
    [('name', 'Frau K.'), ('age_over_89', '93'), ('place', 'Dorfen')]

This is a *hint*, not an anonymiser: it misses things (a surname on its own, a rare job
with its employer, an unusual town without a preposition) and it flags a few harmless
words. Offsets are Python `str` indices into the text exactly as given.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from balintroom.deid import french, greek, tagger
from balintroom.deid import identifier_data as data
from balintroom.deid._text import (
    _DIGIT_RE,
    _P_CITY,
    _P_NAME,
    _P_PLACE_STRUCT,
    _P_TAGGER,
    _P_WEAK,
    _TOKEN_RE,
    _WORD_BEFORE_RE,
    _at_sentence_start,
    _Candidate,
    _tokens,
)
from balintroom.deid._words import (
    _BOTH,
    _ends_with_a_medicine,
    _inside_a_citation,
    _is_first_name,
    _names_no_one,
)
from balintroom.deid.ages import (
    _ages,
    _ages_after_a_copula_and_spelled_out,
    _ages_after_persons,
    _ages_in_words,
)
from balintroom.deid.contacts import _emails_and_urls, _phones
from balintroom.deid.context import _other, _roles
from balintroom.deid.dates import _dates, _dates_in_words, _holiday_years_and_bare_days
from balintroom.deid.names import (
    _case_names,
    _context_names,
    _form_field_names,
    _is_a_month,
    _is_a_people_before_a_person,
    _is_region_after_a_preposition,
    _is_the_patient_abbreviated,
    _mid_sentence_names,
    _names,
    _names_in_capitals_notes_and_sentence_starts,
    _nicknames,
    _public_figure_end,
    _repeated_names,
    _unknown_names,
    _word_names,
)
from balintroom.deid.numbers import _id_numbers, _unlabelled_licence_prison_and_court_numbers
from balintroom.deid.places import (
    _context_places,
    _is_two_noun_compound,
    _places,
    _places_after_places,
    _places_in_lower_case_notes,
    _towns_in_capitals,
    _world_cities_roads_and_named_venues,
)


def _(s: str) -> str:
    """No-op marker so that `makemessages` collects the labels below."""
    return s


CATEGORY_LABELS: dict[str, str] = {
    "name": _("Name of a person"),
    "date": _("Date (more than a year)"),
    "age_over_89": _("Age of 90 or over"),
    "place": _("Place smaller than a region (address, town, hospital)"),
    "phone": _("Phone or fax number"),
    "email": _("Email address"),
    "url": _("Web address"),
    "id_number": _("Record, insurance, account or other ID number"),
    "other": _("Other detail that may identify someone"),
}


@dataclass(frozen=True)
class Finding:
    category: str
    start: int
    end: int
    text: str



def _code(language: str | None) -> str | None:
    return language.replace("_", "-").split("-")[0].lower() if language else None


_LOWER_WORD_RE = re.compile(r"(?<![\w'’])[^\W\d_A-Z]{2,}(?![\w'’])")


# Small words French writes in every sentence and English and German do not
_FRENCH_FUNCTION_WORDS = frozenset({
    "le", "la", "les", "et", "des", "du", "une", "qui", "que", "ne", "pas", "est", "sont",
    "il", "elle", "je", "nous", "vous", "ils", "elles", "au", "aux", "dans", "pour", "sur",
    "avec", "mais", "ou", "très", "ses", "mes", "cette", "lui", "leur", "se", "qu"})
# (not "son", "ma", "mon", "ce": English and German write them too)


def _english_or_german(text: str) -> str | None:
    """ "en" or "de", whichever the lower-case words lean to, or None if most of them are
    neither (French, Greek). A text too short to tell leans too, as every text did before
    French and Greek had rules."""
    words = [w for w in _LOWER_WORD_RE.findall(text) if w.islower()]
    en = [data.WORD_FREQUENCIES_EN.get(w, 0.0) for w in words]
    de = [data.WORD_FREQUENCIES_DE.get(w, 0.0) for w in words]
    known = sum(1 for e, d in zip(en, de, strict=True) if max(e, d) >= 3.5)
    if len(words) >= 3 and known < 0.6 * len(words):
        return None
    french = sum(1 for w in words if w in _FRENCH_FUNCTION_WORDS)
    if french >= 2 and french >= 0.25 * len(words):
        return None  # "Cinq enfants, deux pièces, et la mère qui ne dort plus": French
    return "en" if sum(en) >= sum(de) else "de"


def _languages(language: str | None) -> frozenset[str]:
    code = _code(language)
    return frozenset({code}) if code in ("en", "de") else _BOTH


_GREEK_LETTER_RE = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")


def _not_greek(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Less the names and places in Greek letters: the Greek rules know the Greek words
    ("Παθολογική", "ΚΕΠΑ"), the English and German ones take any capital for a name."""
    return [c for c in candidates if not _GREEK_LETTER_RE.search(text, c.start, c.end)]


def _no_french_words(text: str, candidates: list[_Candidate], limit: int) -> list[_Candidate]:
    """Less the English and German guesses of priority `limit` or below that are French
    words ("Trois pages", "Appel pour une dame"): in French text a capital at a sentence
    start says nothing."""
    return [c for c in candidates if c.priority > limit or not all(
        w.casefold() in data.FR_WORDS for w in _TOKEN_RE.findall(text, c.start, c.end))]


def _opens_a_french_sentence(text: str, candidate: _Candidate) -> bool:
    """ "Cas pour jeudi", "Rien, ai-je dit": one French word opening a sentence, which the
    English and German rules read as a short name ("Cas", "Cher")."""
    word = text[candidate.start:candidate.end]
    if word in data.FIRST_NAMES and text[candidate.end:candidate.end + 2].strip()[:1] in (
            ",", "»", ")", '"', "”"):
        return False  # "Rex, le berger allemand", "« Appelons-la Blanche »": set apart
    return (candidate.priority <= _P_NAME and word.casefold() in data.FR_WORDS
            and word not in data.FR_FIRST_NAMES and word not in data.FR_AMBIGUOUS_FIRST_NAMES
            and _at_sentence_start(text, candidate.start))


def _is_foreign(text: str, language: str | None) -> bool:
    """French or Greek, said or seen: there the English and German rules that read
    lower-case words or sentence starts as names ("son mari", "Cinq") and the tagger,
    which learned English and German, stay out; their other rules still run."""
    code = _code(language)
    if code in ("en", "de"):
        return False
    return code is not None or _english_or_german(text) is None


# French and Greek have rules of their own; the English and German rules that need no
# language (titles, numbers, addresses, e-mails) read such text too. With no language
# given (a case label, written in whatever its author speaks) both run.
_OWN_RULES: dict[str | None, tuple[Callable[[str], Iterable[_Candidate]], ...]] = {
    "fr": (french.find,), "el": (greek.find,), None: (french.find, greek.find)}
# Where no patient's name can be, by the cues of each language: someone a patient listens to
# or quotes ("écoute Céline Dion"), a feast, a region
_NO_PATIENT: dict[str | None, tuple[Callable[[str], Iterable[tuple[int, int]]], ...]] = {
    "fr": (french.public_figures, french.feasts_and_regions), "el": (greek.public_figures,),
    None: (french.public_figures, french.feasts_and_regions, greek.public_figures)}


def _resolve(text: str, candidates: list[_Candidate]) -> list[Finding]:
    """Keep the strongest of overlapping candidates."""
    starts: list[int] = []  # chosen intervals, sorted and disjoint
    chosen: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if c.end <= c.start:
            continue
        k = bisect.bisect_right(starts, c.start)
        if k > 0 and chosen[k - 1].end > c.start:
            continue  # overlaps the interval starting at or before it
        if k < len(chosen) and chosen[k].start < c.end:
            continue  # overlaps the next one
        starts.insert(k, c.start)
        chosen.insert(k, c)
    findings: list[Finding] = []
    for c in chosen:
        start, end = c.start, c.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            findings.append(Finding(c.category, start, end, text[start:end]))
    return findings



# Titles a name may carry, in either language: "Dr. Lena Leader" and "Frau Leader" are
# both Lena. Weak honorifics ("Oma", "Schwester") are left out on purpose: "Oma Erna" is
# a patient's grandmother, not the group's Erna.
_TITLE_WORDS = frozenset(
    w.casefold() for w in data.HONORIFICS_EN | data.HONORIFICS_DE | data.TITLE_PARTS) | {
    # French and Greek titles ("Mme", "le Dr", "κ.", "κυρία")
    "m", "mme", "mlle", "monsieur", "madame", "docteur", "dr", "pr", "le", "la", "κ", "κα",
    "κυρία", "κύριος", "κυρ", "δρ", "π"}
_NAME_GAP_RE = re.compile(r"[\s.]*")  # what may stand between the words of a name
# "Patientin Anna", "her daughter Clara": a cue says this is someone else of that name.
_CUE_WORDS = frozenset(w.casefold() for w in data.NAME_CUES_EN | data.NAME_CUES_DE)


def _name_word(word: str) -> str:
    word = unicodedata.normalize("NFC", word).casefold()
    for suffix in ("'s", "’s"):
        if word.endswith(suffix) and len(word) > 3:
            return word[:-2]
    return word


def _known_name_words(names: Iterable[str]) -> list[Counter[str]]:
    """Each known name as the multiset of its words, titles and initials left out (an
    initial is too little to tell the group's K. from a patient's)."""
    known = []
    for name in names:
        words = Counter(w for w in (_name_word(m.group()) for m in _TOKEN_RE.finditer(name))
                        if len(w) > 1 and w not in _TITLE_WORDS)
        if words:
            known.append(words)
    return known


def _is_known_name(text: str, known: list[Counter[str]]) -> bool:
    """Whether `text` is nothing but (part of) one known name, with titles: "Ben",
    "Dr. Lena Leader", "Frau Leader", "Lena's". Anything else in it (a digit, a comma, a
    word of no known name: "Ben Quist") keeps it a finding."""
    words: Counter[str] = Counter()
    pos = 0
    for m in _TOKEN_RE.finditer(text):
        if not _NAME_GAP_RE.fullmatch(text, pos, m.start()):
            return False
        pos = m.end()
        word = _name_word(m.group())
        if word not in _TITLE_WORDS:
            words[word] += 1
    if not words or not _NAME_GAP_RE.fullmatch(text, pos):
        return False
    return any(not words - name for name in known)


# (Bounded and starting at a word's start: a pattern that opens with a name must not read
# a 40,000-letter word from each of its capitals.)
_LEADER_NAME = (r"(?<![\w'’.-])(?P<n>(?:(?:Dr|Prof|Mrs|Mr|Ms|Frau|Herr|Mme|M|Pfarrer"
                r"|Pfarrerin|Pastor|Pastorin|Rev|Revd|Father|Fr|Sister)\.?\s+){0,3}"
                r"[A-ZÄÖÜ][\w'’-]{1,40}(?:\s+[A-ZÄÖÜ][\w'’-]{1,40})?)(?![\w'’-])")
_LEADER_NAME_EL = (r"(?<![\w'’.-])(?P<n>(?:(?:κ\.|κα\.?|κυρία|κύριος|Δρ\.?|π\.)\s+)?"
                   r"[Α-ΩΆΈΉΊΌΎΏ][\w'’-]{1,40}(?:\s+[Α-ΩΆΈΉΊΌΎΏ][\w'’-]{1,40})?)(?![\w'’-])")
# A member named alone in German or French: "Thomas", "Anne-Marie", "Véronique"
# A first name written with the accents of Irish and Spanish ("Sinéad", "Ciarán"), or in
# Greek letters
_FIRST_NAME_EN = r"[A-ZÁÉÍÓÚ][a-záéíóúñ]{1,20}"
_FIRST_NAME_EL = r"[Α-ΩΆΈΉΊΌΎΏ][α-ωάέήίόύώϊϋΐΰς]{2,20}"
_MEMBER_NAME = (r"(?<![\w'’.-])(?P<n>[A-ZÄÖÜÉÈ][a-zäöüßéèëïîôçâ]{1,20}"
                r"(?:-[A-ZÉ][a-zéèëïîôçâ]{1,20})?)(?![\w'’-])")
# "Our leader Ruth said", "Leader Dr Sharma asked", "Dr K (our leader)", "unsere Leiterin,
# Frau Stöckl,", "notre animatrice Claire": the group's own leader, named in a note
_GROUP_LEADER_RES = [
    re.compile(r"\b(?:[Oo]ur|[Tt]he|[Mm]y)\s+(?:(?:group|Balint|new)\s+)?(?:co-)?(?:leader"
               rf"|facilitator|convenor)s?,?\s+{_LEADER_NAME}"),
    re.compile(r"\b[Ll]eader,?\s+(?P<n>(?:Dr|Prof)\.?\s+[A-Z][\w'’-]+)"),
    # "Ruth (leader), Tom, Aisling": the leader marked in a list of who came
    re.compile(rf"{_LEADER_NAME}\s*\((?:(?:our|the)\s+)?(?:group\s+|Gruppen)?(?:co-)?(?:leader"
               r"|facilitator|Leitung|Leiterin|Leiter"
               r"|animatrice|animateur)\)"),
    # "Ruth away; Tom led.": who led this evening
    re.compile(rf"{_LEADER_NAME}\s+(?:led|facilitated|chaired)\b(?!\s+(?:me|him|her|us|them)\b)"),
    # "Listened to Ciara's case about the stillbirth": the case a member brought (a
    # patient's is "the case of", or a title comes with it)
    re.compile(r"(?<![\w'’.-])(?P<n>[A-Z][a-z]{1,20})['’]s\s+case\b(?!\s*(?:worker|manager|file"
               r"|notes?|officer|conference|review|load))"),
    re.compile(rf"{_LEADER_NAME}\s*\((?:our|the\s+group['’]s|unsere|unser)\s+"
               r"(?:group\s+)?(?:co-)?(?:leader|Leiterin|Leiter|Gruppenleiterin|Gruppenleiter)"),
    re.compile(r"\b(?:[Uu]nsere?|[Mm]eine?|[Dd]ie|[Dd]er)\s+(?:Balint-?)?(?:[Gg]ruppen)?"
               rf"(?:[Ll]eiterin|[Ll]eiter|Co-Leiterin|Co-Leiter)\s*,?\s+{_LEADER_NAME}"),
    re.compile(rf"{_LEADER_NAME},\s+(?:unsere?|our)\s+(?:Balint-?|group\s+|Gruppen)?(?:leiterin"
               r"|leiter|Leiterin|Leiter|leader|Balintleiterin|Balintleiter)\b"),
    # a member: "Priya from the group", "Ifeoma in our group", "Kollege aus der Gruppe,
    # Thomas," (not "in the group": a patient is presented there)
    re.compile(rf"{_LEADER_NAME}\s+(?:from\s+(?:the|our|my)|in\s+(?:our|my))\s+"
               r"(?:Balint\s+)?group\b"),
    re.compile(rf"\b(?:[Kk]ollegin|[Kk]ollege|[Tt]eilnehmerin|[Tt]eilnehmer)\s+aus\s+(?:der|unserer)"
               rf"\s+(?:Balint)?[Gg]ruppe\s*,?\s+{_LEADER_NAME}"),
    # "Maria aus der Gruppe", "Leitung: Frau Dr. Seidl", "mit Ursula als Leitung", "In der
    # Balintgruppe hat Dr. Sommer gefragt", "die Peter in der Gruppe gestellt hat"
    re.compile(rf"{_LEADER_NAME}\s+(?:aus|von)\s+(?:der|unserer)\s+(?:Balint-?)?[Gg]ruppe\b"),
    re.compile(rf"\bLeitung\s*:?\s+{_LEADER_NAME}"),
    # "Oberarzt Dr. Kling, der die Gruppe leitet", "Gedanken nach der Gruppe: Ursula hat",
    # "Heute in der Gruppe erfahren, dass Markus", "Ruth, who leads the group"
    re.compile(rf"{_LEADER_NAME},\s+(?:der|die)\s+die\s+(?:Gruppe|Runde)\s+leitet\b"),
    re.compile(rf"{_LEADER_NAME},\s+who\s+(?:leads|runs|facilitates)\s+(?:the|our)\s+group\b"),
    re.compile(r"\b(?:[Nn]ach\s+der\s+(?:Gruppe|Sitzung)|[Ii]n\s+der\s+(?:Gruppe|Runde)"
               r"(?:\s+erfahren,\s+dass)?|[Aa]fter\s+(?:the\s+)?group)[:,]?\s+"
               rf"{_LEADER_NAME}\s+(?:hat|hatte|meinte|sagte|fragte|said|asked|told)\b"),
    re.compile(rf"\bmit\s+{_LEADER_NAME}\s+als\s+Leitung\b"),
    re.compile(r"\b[Ii]n\s+der\s+(?:Balint-?)?(?:[Gg]ruppe|gruppe)\s+(?:hat|hatte|meinte|sagte"
               rf"|fragte)\s+{_LEADER_NAME}"),
    re.compile(rf"{_LEADER_NAME}\s+in\s+der\s+(?:Balint-?)?[Gg]ruppe\s+(?:gestellt|gesagt"
               r"|gefragt|erzählt|gemeint)\b"),
    # "Marc du groupe", "Lucie (du groupe)", "animé par Christine", "(groupe animé par le Dr
    # Françoise Merle)"
    re.compile(rf"{_LEADER_NAME}\s*[,(]?\s*(?:du|de\s+notre|de\s+mon)\s+groupe\b"),
    re.compile(rf"\banimée?\s+par\s+(?:le\s+|la\s+)?{_LEADER_NAME}"),
    re.compile(rf"\b(?:[Nn]otre|[Mm]on|[Mm]a|[Ll]e|[Ll]a|[Ll]['’])\s*(?:animatrice|animateur|leader"
               rf"|co-animatrice|co-animateur)\s*,?\s+(?:(?:le|la)\s+)?{_LEADER_NAME}"),
    # "Sophie, notre animatrice,", "Benoît (le leader)", "Martine (notre animatrice)"
    re.compile(rf"{_LEADER_NAME}\s*[,(]\s*(?:notre|le|la|l['’])\s*(?:animatrice|animateur"
               r"|leader|co-animatrice|co-animateur)\b"),
    # a member: "Françoise, dans le groupe, m'a demandé", "Dans le groupe, Hélène a présenté"
    re.compile(rf"{_LEADER_NAME},\s+(?:dans|de)\s+(?:le|notre)\s+groupe\s*,"),
    re.compile(rf"\b[Dd]ans\s+(?:le|notre)\s+groupe(?:\s+aujourd['’]hui)?,\s+{_LEADER_NAME}"
               r"\s+(?:a|m['’]a|nous\s+a)\s"),
    # "Joan (leads it)", "led by a retired psychiatrist, Margaret,", "the student from the
    # group, Fionnuala,"
    re.compile(rf"{_LEADER_NAME}\s*\((?:who\s+)?leads\s+(?:it|the\s+group|us)\b"),
    re.compile(rf"\b(?:is|was)\s+led\s+by\s+(?:a|an|the)\s+[\w\s-]{{0,40}}?,\s+{_LEADER_NAME},"),
    re.compile(rf"\bfrom\s+(?:the|our)\s+group,\s+{_LEADER_NAME},"),
    # "Leader (Ruth) asked": the leader, marked as such
    re.compile(rf"\b(?:[Ll]eader|Leitung|[Ll]eiterin|[Ll]eiter)\s*\(\s*{_LEADER_NAME}\s*\)"),
    # "Tom presented a lad from his practice", "Fiona brought the boy with cystic fibrosis",
    # "Sylvie présenter un patient": in a note about the group, a first name alone that
    # presents a case is a member's (a patient "presented with" or "to" something)
    re.compile(r"(?<![\w'’.-])(?<!Mr\s)(?<!Mrs\s)(?<!Ms\s)(?<!Dr\s)(?<!Mr\.\s)(?<!Mrs\.\s)"
               r"(?<!Ms\.\s)(?P<n>[A-Z][a-z]{1,20})\s+(?:presented|brought|présente|a\s+présenté"
               r"|présenter)\s+(?:a|an|the|his|her|their|un|une|le|la|sa|son|Mr|Mrs|Ms|Miss|Mx"
               r"|Dr|Mr\.|Mrs\.|Ms\.|Dr\.)\s"
               # ("Olek brought his brother to translate": a patient, with his family)
               r"(?!brother|sister|mother|father|mum|dad|son|daughter|wife|husband|partner"
               r"|friend|kids?\b|children|baby|dog|frère|sœur|mère|père|fils|fille|femme"
               r"|mari|ami)"),
    # "Then Priya said she'd leave him", "Tom nodded.", "Ruth noticed before I did": in a
    # note about the group, a first name alone opening a sentence and speaking is a member's
    re.compile(r"(?:^|[.!?]\s+|,\s+|\b(?:[Tt]hen|[Aa]nd|[Ww]hen|[Uu]ntil|[Aa]fterwards|[Ll]ater)\s+)"
               rf"(?P<n>{_FIRST_NAME_EN})\s+"
               r"(?:said|asked|nodded|noticed|wondered|suggested|commented|remarked|replied"
               r"|pointed\s+(?:it\s+|this\s+|that\s+)?out|laughed|challenged|interrupted|joked"
               r"|quoted)\b(?!\s+(?:me|us)\b)"),
    # "As Margaret said in the group", "Greg said it in group", "The case Linda brought",
    # "Group member Jo asked"
    re.compile(r"(?<![\w'’.-])(?P<n>[A-Z][a-z]{1,20})\s+(?:said|asked|noticed|wondered|suggested"
               r"|remarked)\s+(?:it\s+|this\s+|that\s+)?in\s+(?:the\s+)?group\b"),
    re.compile(r"\b[Tt]he\s+case\s+(?P<n>[A-Z][a-z]{1,20})\s+(?:brought|presented)\b"),
    # "Case from Jonas:", "Rahul's patient", "Helen's comment", "Presenter (Marguerite)",
    # "could you co-lead with Abdul"
    re.compile(rf"\b[Cc]ase\s+from\s+(?P<n>{_FIRST_NAME_EN})\b"),
    # (not "Dr. Ng's patient": a colleague outside the group, named with a title)
    re.compile(r"(?<![\w'’.-])(?<!Mr\s)(?<!Mrs\s)(?<!Ms\s)(?<!Dr\s)(?<!Mr\.\s)(?<!Mrs\.\s)"
               rf"(?<!Ms\.\s)(?<!Dr\.\s)(?P<n>{_FIRST_NAME_EN})"
               r"['’]s\s+(?:patient|client|pupil|resident|comment|question|remark|presentation"
               r"|reflection)\b"),
    re.compile(rf"\b[Pp]resenter\s*\(\s*(?P<n>{_FIRST_NAME_EN})\s*\)"),
    re.compile(rf"\bco-?lead(?:ing)?\s+with\s+(?P<n>{_FIRST_NAME_EN})\b"),
    re.compile(rf"\b[Gg]roup\s+member\s+{_LEADER_NAME}"),
    # ... and in German, French and Greek: "Thomas hat heute seinen Fall vorgestellt", "Anna
    # hat gesagt", "Kollege Tom", "Paul a répondu", "Cas présenté par Olivier", "Anne-Marie
    # (qui anime)", "όταν η Σοφία είπε"
    re.compile(rf"(?:^|[.!?:]\s+|\b(?:[Uu]nd|[Aa]ls|[Dd]ann|[Ww]ie)\s+){_MEMBER_NAME}\s+(?:hat|hatte)"
               r"\s+(?:(?!mir\b|mich\b|uns\b|Therapie\b|Stunde\b|Sprechstunde\b|Beratung\b)[\w-]+\s+)"
               r"{0,5}?(?:gesagt|gefragt|gemeint|vorgestellt|erzählt|eingebracht"
               r"|angesprochen)\b"),
    re.compile(rf"(?:^|[.!?:]\s+|\b(?:[Uu]nd|[Dd]ann)\s+){_MEMBER_NAME}\s+(?:sagte|fragte|meinte)\b"),
    re.compile(rf"\b(?:[Kk]ollegin|[Kk]ollege)\s+{_MEMBER_NAME}(?=\s+(?:hat|hatte|aus|in|meinte|sagte"
               r"|fragte)\b)"),
    re.compile(rf"(?:^|[.!?:]\s+|\b(?:[Ee]t|[Qq]uand|[Pp]uis|[Aa]lors|[Mm]ais)\s+){_MEMBER_NAME}\s+"
               r"(?:a|nous\s+a)\s+(?:\w+\s+)?(?:dit|demandé|répondu|parlé|présenté|raconté"
               r"|fait\s+remarquer|proposé)\b"),
    re.compile(rf"\b(?:[Cc]as|[Pp]atiente?)\s+présentée?\s+par\s+{_MEMBER_NAME}"),
    # "Cas apporté par Jonathan :", "présentée par Laurence", "Présentation de Caroline :",
    # "Cas de Nadia (médecin scolaire)", "Cas de Laure, sage-femme :", "animatrice :
    # Brigitte", "(co-animation Martine / Jean-Paul)" - not "Cas de Léa, 5 ans"
    re.compile(rf"\b(?:[Cc]as\s+apporté\s+par|présentée?s?\s+par|[Aa]nimat(?:rice|eur)\s*:)"
               rf"\s*{_MEMBER_NAME}"),
    re.compile(rf"\b(?:[Pp]résentation|[Cc]as)\s+de\s+{_MEMBER_NAME}"
               r"(?=\s*(?::|\((?!\s*\d)|,\s*[a-zéè]))"),
    re.compile(rf"\bco-animation\s+{_MEMBER_NAME}\s*(?:/|et)\s*"
               r"(?P<n2>[A-ZÉ][a-zéèëïîôçâ]{1,20}(?:-[A-ZÉ][a-zéèëïîôçâ]{1,20})?)"),
    re.compile(rf"{_MEMBER_NAME}\s*\(\s*qui\s+(?:anime|co-anime|présentait|a\s+présenté)\b"),
    # "surtout à Lucie qui devait présenter", "la patiente dont Christophe s'occupe", "je
    # retiens la phrase de Nicole", "dire à Marc que je présente"
    re.compile(rf"{_MEMBER_NAME},?\s+qui\s+(?:devait\s+présenter|présentait|présente|a\s+présenté"
               r"|anime|co-anime)\b"),
    re.compile(rf"\bdont\s+{_MEMBER_NAME}\s+s['’]occupe\b"),
    re.compile(rf"\b(?:la\s+phrase|la\s+remarque|la\s+question|l['’]intervention)\s+de\s+"
               rf"{_MEMBER_NAME}"),
    re.compile(rf"\bdire\s+à\s+{_MEMBER_NAME}\s+que\s+je\s+(?:présente|viens|serai)\b"),
    re.compile(rf"\b(?:[Ππ]αρουσίασε|[Μμ]ίλησε)\s+(?:ο|η)\s+(?P<n>{_FIRST_NAME_EL})\b"),
    # "Η Σοφία έφερε", "Ο Άρης (νοσηλευτής) μίλησε", "Ο π. Νικόδημος μίλησε", "η Ευα
    # παρουσιασε" (without accents)
    re.compile(r"(?:^|[.!?:]\s+|\n|\bόταν\s+|\bκαι\s+|\b[Μμ]ετά\s+|\b[Ττ]ότε\s+)(?:[οΟ]|[ηΗ])\s+"
               rf"(?:π\.\s+)?(?P<n>{_FIRST_NAME_EL})(?:\s*\([^()\n]{{1,40}}\))?"
               r"\s+(?:είπε|ρώτησε|παρουσίασε|μίλησε|σχολίασε|απάντησε|έφερε|διάβασε|πρότεινε|ειπε"
               r"|ρωτησε|παρουσιασε|μιλησε|εφερε)\b"),
    # "Παρουσίαση του Γιώργου (", "Παρουσίαση της Ζωής (μαία):", "Παρουσίαση Αντώνη (",
    # "Παρουσιάστρια: Μαίρη", "Θέμα της Ελπίδας:"
    re.compile(r"\b(?:Παρουσίαση(?:\s+(?:του|της))?|Παρουσιάστρια\s*:|Παρουσιαστής\s*:"
               rf"|Θέμα\s+(?:του|της))\s+(?P<n>{_FIRST_NAME_EL})"
               r"(?=\s*(?:\(|:|,))"),
    # a leader's notes in German: "Fall von Elif (Pflege, Intensiv)", "Fall Jutta
    # (Apothekerin)", "Fall von Jürgen:", "vorgestellt von Lukas", "Vorgestellt hat Ingrid",
    # "Peter stellte Herrn Vukovic vor", "Simone brachte den Fall", "Co-Leitung mit Ulrike"
    # (not "Fall von Anna: 17 Jahre" nor "Fall von Leon (6)": a patient, with her age)
    re.compile(rf"\bFall(?:vorstellung)?\s+(?:von|durch)\s+{_MEMBER_NAME}(?=\s*(?::(?!\s*\d)"
               r"|\((?!\s*\d)|über\b|dadurch\b))"),
    # ... "Fall Jutta (Apothekerin)": without "von", only with her profession alone in brackets
    # ("Fall Sophie (Kinderheim St. Josef)" is the child's)
    re.compile(rf"\bFall\s+{_MEMBER_NAME}\s*\([A-ZÄÖÜ][a-zäöüß]+(?:in|er|arzt|ärztin)\)"),
    # "Fallgeberin: Dr. Ines Wagner", "Falleinbringer Stefan (Polizei)", "Fallgeber war
    # Felix", "(Fallgeberin Lisa)", "Co-Leiterin mit Gerhard"
    re.compile(rf"\b(?:Fallgeber(?:in)?|Falleinbringer(?:in)?|Fallbringer(?:in)?|Co-Leiter(?:in)?"
               rf"\s+mit)(?:\s+war)?\s*:?\s+{_LEADER_NAME}"),
    re.compile(rf"\b(?:[Vv]orgestellt\s+(?:hat|von|durch)|[Vv]orgestellt\s*:|[Vv]orstellung\s+durch"
               rf"|[Pp]resenter(?:\s+war|\s+was)?\s*:?|[Pp]résentat(?:eur|rice)(?:\s+prévue?)?\s*:"
               rf"|Co-Leitung\s+mit|\(Co:|Neue\s+TN|[Zz]um\s+ersten\s+Mal\s+dabei:"
               rf"|[Ww]elcome,)\s*{_MEMBER_NAME}"),
    re.compile(rf"{_MEMBER_NAME}(?:\s*\([^()]{{1,60}}\))?\s+(?:stellt|stellte)\s+"
               r"(?:[^.;:!?]{0,60}?\s)?vor\b"),
    re.compile(rf"{_MEMBER_NAME}(?:\s*\([^()]{{1,60}}\))?\s+(?:brachte|bringt)\s+(?:den|einen|eine"
               r"|ihren|seinen|ihre|seine)?\s*(?:Fall|Bewohner|Bewohnerin|Patient|Patientin)"),
    # who was excused, and whose case it was: "(Claudia und Stefan entschuldigt)", "le cas
    # de Danièle (présenté en février)"
    re.compile(rf"{_MEMBER_NAME}\s+(?:und|et)\s+(?P<n2>[A-ZÄÖÜÉ][a-zäöüßéèëïç]{{1,20}})\s+"
               r"(?:entschuldigt|excusée?s?|abwesend)\b"),
    re.compile(rf"\b[Ll]e\s+cas\s+(?:de\s+|présenté\s+par\s+){_MEMBER_NAME}"),
    # Greek: "η Ελευθερία, η συντονίστριά μας,", "ο Κώστας (γενικός γιατρός, από την ομάδα
    # μας)", "του Γιώργου (μέλος της ομάδας μας)", "Στην ομάδα μας ο Πέτρος"
    re.compile(rf"{_LEADER_NAME_EL}\s*(?:,\s*|\s+)(?:η|ο|τη|την|τον|του|της)\s+συντον(?:ιστ|ίστ)"),
    # "Ο συνάδελφος στην ομάδα, ο Νίκος, πρότεινε"
    re.compile(rf"\bσυνάδελφος(?:\s+στην\s+ομάδα)?,\s+(?:ο|η)\s+{_LEADER_NAME_EL}"),
    re.compile(rf"{_LEADER_NAME_EL}\s*\([^()\n]{{0,60}}?(?:ομάδα|συντονιστ|συντονίστρ)"),
    re.compile(rf"{_LEADER_NAME_EL},?\s+(?:μέλος|συνάδελφος|είναι)?\s*(?:της|από\s+την)\s+ομάδα"),
    re.compile(r"(?:^|[.!?]\s+|\n)[Σσ]την\s+ομάδα(?:\s+μας)?(?:\s+σήμερα)?,?\s+(?:ο|η)\s+"
               rf"{_LEADER_NAME_EL}"),
    re.compile(r"(?:^|(?<=\s))(?:[ηΗ]|[οΟ])\s+(?:συντονίστρια|συντονιστής|συντονίστριά\s+μας"
               rf"|συντονιστής\s+μας)(?:\s+της\s+ομάδας)?,?\s+(?:η|ο)\s+{_LEADER_NAME_EL}"),
    # "Μετά την ομάδα: η Ευγενία είπε", "Από την ομάδα κράτησα ... ο Γιώργος"
    re.compile(r"(?:^|[.!?]\s+)(?:Μετά\s+την\s+ομάδα|Στην\s+ομάδα\s+σήμερα)[:,.]?\s+(?:η|ο)\s+"
               rf"{_LEADER_NAME_EL}"),
]


_GROUP_WORD_RE = re.compile(
    r"(?i:leader|leiter|leitung|group|gruppe|facilitator|convenor|animat|leads|led\s+by|ομάδ"
    r"|balint|sitzung|séance|session|brought\s+(?:a|the|her|his|my)\s+case|case\s+\w+\s+brought"
    r"|cas\s+présenté|presenter|vorgestellt|stellte?\s+\w+\s+vor|TN\b|soirée"
    r"|συντον)")


# "Group tonight: Ruth (leader), Tom, Aisling, me", "Anwesend: Ute, Jens und ich": who came
_ROLL_CALL_RE = re.compile(
    r"(?:(?m:^)|(?<=[.:]\s)|(?<=\())(?:[Gg]roup|[Pp]resent|[Ii]n\s+the\s+group|[Mm]embers|[Gg]ruppe|[Aa]nwesend"
    r"|[Pp]résents?|[Pp]résentes|[Ee]xcusée?s?|[Ee]ntschuldigt|[Aa]pologies|[Aa]bsent"
    r"|Παρόντες|Παρούσες|Απόντες|Απούσες)"
    r"(?:\s+(?:tonight|today|this\s+week|heute))?\s*:\s*"
    r"(?P<list>[^\n.]{1,200})")
_ROLL_CALL_NAME_RE = re.compile(
    r"(?:(?:Dr|Mrs|Mr|Ms|Frau|Herr)\.?\s+)?[A-ZÄÖÜÉÈΑ-ΩΆΈΉΊΌΎΏ][\w'’-]{1,30}")


_FIRST_NAME_ALONE = r"[A-ZÄÖÜÉ][a-zäöüßéèëïç]{1,20}|[Α-ΩΆΈΉΊΌΎΏ][α-ωάέήίόύώϊϋΐΰς]{1,20}"
# A message's writer, signing it: "Best, Siobhan", "Sorry — Marcus", "Grüße, Karin"
_SIGN_OFF_RE = re.compile(
    r"(?:^|[.!?,]\s+|\n)(?:[Bb]est(?:\s+wishes)?|[Tt]hanks|[Tt]hank\s+you|[Cc]heers|[Ss]orry"
    r"|[Ll]ove|[Ww]armly|(?:[Kk]ind\s+)?[Rr]egards|(?:[Ll]iebe|[Vv]iele|[Hh]erzliche)?\s*Grüße"
    r"|LG|Lg|lg|VG|[Gg]ruß|[Dd]anke|[Mm]erci|[Bb]ises|[Aa]mitiés|[Cc]ordialement|Ευχαριστώ(?:\s+πολύ)?"
    r"|[Ee]ure?|[Ee]uer|[Hh]erzlich|[Mm]it\s+lieben\s+Grüßen|[Gg]rüess|[Bb]ussi"
    r"|[Ss]ervus|[Cc]iao|[Tt]schüss|Grüße\s+aus\s+[^,.\n]{2,30}|[Tt]hanks\s+all"
    r"|Φιλικά|Φιλιά|Με\s+εκτίμηση|Χαιρετώ|Καλή\s+συνέχεια|[Aa]micalement|[Bb]ien\s+à\s+vous"
    r"|[Àà]\s+bientôt|[Bb]onne\s+soirée|[Bb]elle\s+soirée|[Bb]isous)[,!.]?\s*"
    rf"(?:[-–—]\s*)?(?P<n>{_FIRST_NAME_ALONE})\s*[.!]?\s*$")
# ... or closes with her first name alone a message that greets the group or cannot come:
# "Bonjour, ... La séance aura lieu là-bas. Marc", "Δεν θα έρθω την Πέμπτη. ... Ελένη"
_BARE_SIGN_OFF_RE = re.compile(rf"[.!?\n]\s*(?P<n>{_FIRST_NAME_ALONE})\s*$")
_OPENING_GREETING_RE = re.compile(r"(?:Bonjour|Salut|Hi|Hello|Hallo|Liebe|Dear|Γεια"
                                  r"|Καλησπέρα|Καλημέρα|Αγαπητοί|Αγαπητές)\b")
# ... or introduces herself: "είμαι η Χαρά, νέα στην ομάδα", "I'm Priya, new to the group"
_SELF_INTRODUCED_RE = re.compile(
    r"(?:\bI['’]m|\bI\s+am|\bich\s+bin|\bje\s+suis|\bείμαι\s+(?:η|ο))\s+"
    rf"(?P<n>{_FIRST_NAME_ALONE}),"
    r"(?=[^.\n]{0,40}(?:group|Gruppe|groupe|ομάδα))")
# ... to say she cannot come, or to all of them
_MEMBERS_MESSAGE_RE = re.compile(r"\b(?:[Cc]an['’]?t|[Cc]annot|[Ww]on['’]t)\s+(?:make|come)\b"
                           r"|\b(?:schaffe|schaff)['’s]*\s+(?:es\s+)?(?:[\w.]+\s+){0,2}nicht\b"
                           r"|(?:\b[Ii]ch\s+kann|^Kann)\s+(?:[\w.]+\s+){0,3}nicht\b"
                           r"|\bkomm\s+also\s+nicht\b"
                           r"|\b[Δδ]εν\s+θα\s+(?:μπορέσω\s+να\s+)?(?:έρθω|είμαι)\b"
                           # a message to all of them: "Hallo zusammen", "Liebe alle"
                           r"|^(?:Hallo\s+zusammen|Liebe\s+alle|Liebe\s+Gruppe|An\s+alle|Hi\s+all"
                           r"|Dear\s+(?:all|group)|Servus\s+miteinand|Salut\s+tout\s+le\s+monde"
                           r"|Bonjour\s+à\s+tous|Καλησπέρα\s+σε\s+όλους|Γεια\s+σε\s+όλους"
                           r"|Αγαπητοί\s+συνάδελφοι|Αγαπητές\s+συναδέλφισσες)\b")
# ... and who she writes to: "Hi Ruth,", "Liebe Frau Dr. Weber,"
_GREETING_RES = (
    re.compile(rf"^(?:Hi|Hello|Hey|Dear|Liebe|Lieber|Hallo|Chère|Cher|Bonjour|Sehr\s+geehrte"
               rf"|Sehr\s+geehrter)\s+{_LEADER_NAME},"),
    re.compile(rf"^(?:Γεια\s+σου|Αγαπητή|Αγαπητέ)\s+{_LEADER_NAME_EL},"))


def _group_leaders_named(text: str) -> list[str]:
    """Names the text gives the group's leader or a member: the group's own, like
    `known_names`. A short message signed with a first name is a member's to the group."""
    group = _GROUP_WORD_RE.search(text)
    members_message = _MEMBERS_MESSAGE_RE.search(text)
    named = []
    if group or members_message:  # (not a relative's message pasted as a case)
        named = [m.group("n") for m in _SIGN_OFF_RE.finditer(text)]
        if not named and (members_message or _OPENING_GREETING_RE.match(text)):
            named = [m.group("n") for m in _BARE_SIGN_OFF_RE.finditer(text)]
        if named:
            named.extend(m.group("n") for rx in _GREETING_RES for m in rx.finditer(text))
    named.extend(m.group("n") for m in _SELF_INTRODUCED_RE.finditer(text))
    if not group and not _ROLL_CALL_RE.search(text):
        return named
    named.extend(n for rx in _GROUP_LEADER_RES for m in rx.finditer(text)
                 for n in (m.group("n"), m.groupdict().get("n2")) if n)
    for m in _ROLL_CALL_RE.finditer(text):
        parts = [re.sub(r"\([^)]*\)", "", part).strip()
                 for part in re.split(r",|\band\b|\bund\b|\bet\b|\bκαι\b|&", m.group("list"))]
        names = [part for part in parts if _ROLL_CALL_NAME_RE.fullmatch(part)]
        if len(names) >= 2:  # a list of people, not "Group: Dermot again"
            named.extend(names)
    return named


def _after_cue(text: str, start: int) -> bool:
    m = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
    return m is not None and unicodedata.normalize("NFC", m.group(1)).casefold() in _CUE_WORDS


# "the clinic in Khayelitsha told me": where a place rule and a name rule read the same
# word, "in" or "near" before it says which
_LOCATIVE_BEFORE_RE = re.compile(r"\b(?:[Ii]n|[Oo]n|near|outside|around|nahe|im|in der)\s+$")


def _is_after_a_locative(text: str, start: int) -> bool:
    return _LOCATIVE_BEFORE_RE.search(text, max(0, start - 12), start) is not None


_PREPOSITION_AT_END_RE = re.compile(
    r"\s+(?:in|im|auf|at|of|on|von|vom|am|an|der|des|the|bei|beim|in\s+der|de|du|d['’]|à"
    r"|της|του|των|στη|στην|στο|στον|στα|από\s+το|από\s+τη|από\s+την)\s*$")


def _trimmed_before_places(text: str, others: list[_Candidate],
                           places: list[_Candidate]) -> Iterator[_Candidate]:
    """ "Die einzige Hebamme auf Pellworm": the unique role stays a finding beside the place
    it names, instead of hiding it (overlapping findings keep only one)."""
    for c in others:
        inside = [p for p in places if c.start < p.start < c.end]
        if inside:
            cut = min(p.start for p in inside)
            head = _PREPOSITION_AT_END_RE.sub("", text[c.start:cut].rstrip())
            words = head.split()
            if len(words) < 2 or words[-1].casefold() in _FUNCTION_WORDS:
                continue  # "In unserer Kirchengemeinde St. Laurentius": the place says it
            c = _Candidate(c.category, c.start, c.start + len(head), c.priority)
        yield c


_FUNCTION_WORDS = frozenset({"unserer", "unser", "unsere", "unserem", "our", "the", "der",
                             "die", "das", "dem", "den", "ein", "eine", "einer", "a", "an",
                             "my", "his", "her", "their", "meiner", "seiner", "ihrer", "in"})


def _patients_names(text: str, names: list[_Candidate], places: list[_Candidate],
                    langs: frozenset[str]) -> list[_Candidate]:
    """The name candidates less what names no patient: a country after "from", a month, the
    abbreviation "Pat.", a medicine, an eponym, an author the groups quote, a public figure,
    and a word after "in"/"on" that a place rule read too ("the clinic in Khayelitsha")."""
    place_spans = {(c.start, c.end) for c in places}
    public = [(c.start, end) for c in names if c.category == "name"
              and (end := _public_figure_end(text, c)) is not None]
    return [c for c in names if not _is_region_after_a_preposition(text, c)
            and not _is_a_month(text, c)
            and not _is_a_people_before_a_person(text, c)
            and not _is_a_sign_off(text, c)
            and not _is_the_patient_abbreviated(text, c, langs)
            and not _names_no_one(text[c.start:c.end])
            and not _ends_with_a_medicine(text[c.start:c.end])
            and not _inside_a_citation(text, c.start, c.end)
            and not any(start <= c.start and c.end <= end for start, end in public)
            and not ((c.start, c.end) in place_spans and _is_after_a_locative(text, c.start))]


# "... See you in January. — Bernard", "- Helen": the writer signs her note to the group
_SIGN_OFF_BEFORE_RE = re.compile(r"(?:^|[.!?»\"”)]\s*|\n\s*)[-–—]\s*$")


def _is_a_sign_off(text: str, candidate: _Candidate) -> bool:
    """A first name alone after a dash at the very end of a note is its writer's."""
    return (" " not in text[candidate.start:candidate.end]
            and text[candidate.end:].strip() in ("", ".")
            and _SIGN_OFF_BEFORE_RE.search(text, max(0, candidate.start - 6),
                                           candidate.start) is not None)


def _is_a_city_and_no_name(found: str) -> bool:
    """ "leaving Enugu", "Chief Obi, Onitsha.": a city of the world where a weak name rule
    saw a name is the city, unless people are called so too ("Sydney"); after a cue ("Sohn
    Taras", "the Ferguson boy") it stays a name."""
    return found in data.WORLD_CITIES and not _is_first_name(found)


def _tagger_candidates(text: str, langs: frozenset[str]) -> list[_Candidate]:
    # The tagger learned each text with its language: told none, it would guess wildly.
    language = next(iter(langs)) if len(langs) == 1 else _english_or_german(text) or "en"
    return [_Candidate(category, start, end, _P_TAGGER)
            for category, start, end in tagger.find_spans(text, language)
            if not (language == "de" and _is_a_kind_of_place(text[start:end]))]


def _is_a_kind_of_place(word: str) -> bool:
    """ "Praxisparkplatz", "Klinikkantine": two German nouns of a kind, not a place's name
    (the tagger, which reads shapes, takes them for one)."""
    return (" " not in word and word not in data.TOWNS and word not in data.CITIES
            and _is_two_noun_compound(word, 6))


_Rule = Callable[[str], Iterator[_Candidate]]
_DIGIT_RULES: tuple[_Rule, ...] = (_id_numbers, _dates, _phones, _ages)  # all need a digit


# "Maricopa County", "Lancaster County PA", "Co. Mayo", "County Meath": a county is a region,
# as a federal state is (its hospital or court is a place: "Cook County Hospital")
_COUNTY_RE = re.compile(r"(?<![\w'’.-])(?:[A-Z][\w'’.-]+\s+){1,2}County(?:\s+[A-Z]{2}\b)?"
                        r"(?!\s+(?:[A-Z]|of\b))|\b(?:County|Co\.)\s+[A-Z][\w'’-]+")


def _within(candidate: _Candidate, spans: list[tuple[int, int]]) -> bool:
    return any(start <= candidate.start and candidate.end <= end for start, end in spans)


# "Edinburgh score 19", "the Glasgow Coma Scale", "Bristol stool chart": a scale, no place
_SCALE_AFTER_RE = re.compile(r"(?:\s+[A-Z][a-z]+)?\s+(?i:scale|score|criteria|classification"
                             r"|stool\s+(?:chart|scale|type)|Skala|Score)\b")


def _is_a_scale(text: str, c: _Candidate) -> bool:
    """ "Edinburgh score", or the whole "Glasgow Coma Scale" as the tagger reads it."""
    return (_SCALE_AFTER_RE.match(text, c.end) is not None
            or _SCALE_AFTER_RE.search(text, c.start, c.end) is not None)


# "Whangārei", "Ōpōtiki", "Taupō": the lists spell Māori and Hawaiian places without their
# macrons. One letter for one, so every offset found in the plain text holds in the original.
_MACRONS = str.maketrans("āēīōūĀĒĪŌŪ", "aeiouAEIOU")


def find_identifiers(text: str, language: str | None = None, *,
                     known_names: Iterable[str] = (), with_tagger: bool = True
                     ) -> list[Finding]:
    """What in `text` may identify a person, sorted by position, never overlapping.

    `language` is "en", "de", "fr" or "el" (a locale such as "de-at" works too), or None:
    then the text's words decide, English or German (both rule sets run) or neither
    (French and Greek rules run), as for a case label written in any language.
    `known_names` are people who are not patients (the group's members and leaders): what
    is only one of them, or part of one, with or without a title, is not a finding -
    unless a cue says it is someone else ("Patientin Anna", "her son Ben"). A leader or
    member the text itself names as such ("our leader Ruth", "Priya from the group")
    counts as known too. Letters are compared case-insensitively, accents count ("Muller"
    is not "Müller").

    The statistical tagger (`tagger.py`, deid/model/README.md) fills the rules' gaps in
    names and places: its spans rank below every rule and pass the same filters as the
    rules' own. `with_tagger=False` measures the rules alone (the tagger learns from them).

        >>> [f.text for f in find_identifiers("Ben und Frau Quist", "de",
        ...                                   known_names=["Ben Berger"])]
        ['Frau Quist']
    """
    if not text:
        return []
    original, text = text, text.translate(_MACRONS)
    langs = _languages(language)
    foreign = _is_foreign(text, language)
    toks = _tokens(text)
    candidates: list[_Candidate] = []
    own = [c for rules in _OWN_RULES.get(_code(language), ()) for c in rules(text)]
    if "." in text or "@" in text:
        candidates.extend(_emails_and_urls(text))
    if _DIGIT_RE.search(text):
        for rule in _DIGIT_RULES:
            candidates.extend(rule(text))
        candidates.extend(_holiday_years_and_bare_days(text))
        candidates.extend(_unlabelled_licence_prison_and_court_numbers(text))
    candidates.extend(_ages_in_words(text))
    if "de" in langs:
        candidates.extend(_dates_in_words(text))
    candidates.extend(c for c in own if c.category not in ("name", "place", "other"))
    tagged = _tagger_candidates(text, langs) if with_tagger and not foreign else []
    places = list(_places(text, toks, langs))
    places.extend(_context_places(text, langs))
    places.extend(_world_cities_roads_and_named_venues(text, langs))
    places.extend(_places_after_places(text, places, langs))
    places.extend(_places_in_lower_case_notes(text, langs))
    places.extend(_towns_in_capitals(text))
    if foreign:
        places = _no_french_words(text, _not_greek(text, places), _P_CITY)
    own_places = [c for c in own if c.category == "place"]
    # "2 rue Nationale, Tours": the town after a French or Greek rule's address, even a word
    places.extend([*own_places, *_places_after_places(text, own_places, langs)])
    counties = [m.span() for m in _COUNTY_RE.finditer(text)] if "Co" in text else []
    places = [c for c in places if not _names_no_one(text[c.start:c.end])
              and not _within(c, counties) and not _is_a_scale(text, c)
              and not _inside_a_citation(text, c.start, c.end)]  # "Udo Lindenberg"
    names = list(_names(text, toks, langs))
    names.extend(_case_names(text))
    names.extend(_form_field_names(text))
    names.extend(_context_names(text, langs))
    names.extend(_unknown_names(text, langs))
    names.extend(_mid_sentence_names(text, toks, langs))
    names.extend(_nicknames(text, langs))
    names.extend(_repeated_names(text, toks, names, langs))
    if not foreign:
        names.extend(_names_in_capitals_notes_and_sentence_starts(text, toks, langs))
    names.extend(_word_names(text, langs, lower_case=not foreign))
    names.extend(c for c in tagged if c.category == "name")
    if foreign:
        names = [c for c in _no_french_words(text, _not_greek(text, names), _P_WEAK)
                 if not _opens_a_french_sentence(text, c)]
    names.extend(c for c in own if c.category == "name")
    names = [c for c in names if not _within(c, counties)]
    if foreign:
        figures = [span for rule in _NO_PATIENT.get(_code(language), ())
                   for span in rule(text)]
        names = [c for c in names if not _within(c, figures)]
    names = _patients_names(text, names, places, langs)
    cities = [c for c in names if c.priority < _P_NAME
              and _is_a_city_and_no_name(text[c.start:c.end])]
    names = [c for c in names if c not in cities]
    candidates.extend(_Candidate("place", c.start, c.end, c.priority) for c in cities)
    candidates.extend(names)
    # "Οδός Καλοκαιρινού 118,": a name in a street's is no person, its number no age
    streets = [(c.start, c.end) for c in places if c.priority >= _P_PLACE_STRUCT]
    candidates.extend(_ages_after_persons(text, toks, [
        c for c in names if not _within(c, streets)]))
    candidates.extend(_ages_after_a_copula_and_spelled_out(text, names))
    candidates.extend(places)
    # Not among `places`: a guess must not cut an "other" finding short.
    candidates.extend(c for c in tagged if c.category == "place"
                      and not _names_no_one(text[c.start:c.end]) and not _within(c, counties)
                      and not _is_a_scale(text, c)
                      and not _inside_a_citation(text, c.start, c.end))
    others = [*_other(text, langs), *_roles(text)]
    if foreign:  # "sur Instagram une photo": a French word alone is no handle
        others = [c for c in others if not (text[c.start:c.end].isalpha()
                                            and text[c.start:c.end].casefold() in data.FR_WORDS)]
    others.extend(c for c in own if c.category == "other")
    candidates.extend(_trimmed_before_places(text, others, places))
    known = _known_name_words([*(n.translate(_MACRONS) for n in known_names),
                               *_group_leaders_named(text)])
    if known:
        # Before resolving: a group member's name must not hide an overlapping finding.
        candidates = [c for c in candidates
                      if not _is_known_name(text[c.start:c.end], known)
                      or _after_cue(text, c.start)]
    return _resolve(original, candidates)
