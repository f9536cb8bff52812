"""Greek: what may identify someone in a Greek note that the English and German rules
miss (titles such as "κ.", addresses such as "Ερμού 25", "92 ετών", "3 Μαΐου").

`find(text)` yields candidates; `identifiers.find_identifiers` runs it for Greek text
and for text of no stated language, routes names and places through the same filters as
the other rules' (medicines, eponyms, the group's own names) and resolves overlaps by
priority (`_text._P_*`).

Almost every rule here needs Greek letters, so English and German text (a case label of
no stated language) passes through untouched; the few that read Latin letters (Greeklish
titles) need a Greek surname ending too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from balintroom.deid import identifier_data as data
from balintroom.deid._text import (
    _P_AGE,
    _P_CITY,
    _P_CITY_PREP,
    _P_DATE,
    _P_ID,
    _P_NAME,
    _P_NAME_TITLE,
    _P_PHONE,
    _P_PLACE_PREP,
    _P_PLACE_STRUCT,
    _P_WEAK,
    _at_sentence_start,
    _Candidate,
)

FIRST_NAMES = data.EL_FIRST_NAMES | data.EL_SHORT_NAMES
SURNAMES = data.EL_SURNAMES
AMBIGUOUS_NAMES = data.EL_AMBIGUOUS_NAMES
TOWNS = data.EL_TOWNS
REGIONS = data.EL_REGIONS
NOT_NAMES = data.EL_NOT_NAMES
INSTITUTIONS = data.EL_INSTITUTIONS
COMMON_WORDS = data.EL_COMMON_WORDS


def _words(text: str) -> tuple[str, ...]:
    """The words of a short list written inline, blank-separated (easier to read here)."""
    return tuple(text.split())


def _fold(word: str) -> str:
    """NFC and case-folded: "ΜΑΡΊΑΣ" and "Μαρίας" alike, final ς as σ (as wordfreq has it)."""
    return unicodedata.normalize("NFC", word).casefold()


def _bare(word: str) -> str:
    """Folded and without accents or diaereses: words in capitals often drop them
    ("ΠΑΠΑΔΟΠΟΥΛΟΣ")."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                if not unicodedata.combining(c)))


# In capitals the accents go: a short name that then reads as another word ("ΠΑΝΙΚΟΣ" is
# Πανίκος and πανικός, "ΣΤΡΑΤΟΣ" Στράτος and στρατός) is no name there
_COMMON_BY_BARE: dict[str, set[str]] = {}
for _word in COMMON_WORDS:
    _COMMON_BY_BARE.setdefault(_bare(_word), set()).add(_word)
_FIRST_BARE = frozenset(_bare(w) for w in data.EL_FIRST_NAMES) | frozenset(
    _bare(w) for w in data.EL_SHORT_NAMES
    if not _COMMON_BY_BARE.get(_bare(w), set()) - {_fold(w)})
_SURNAMES_BARE = frozenset(_bare(w) for w in SURNAMES)
_TOWNS_FOLDED = {_fold(t): t for t in TOWNS}
_TOWNS_BARE = frozenset(_bare(t) for t in TOWNS)


def _is_a_town(name: str) -> bool:
    """In the lists, as written or, in a note typed without accents ("Πετρουπολη",
    "Κομοτηνης"), without them."""
    if _fold(name) in _TOWNS_FOLDED:
        return True
    no_accents = not any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", name))
    return no_accents and _bare(name) in _TOWNS_BARE
_REGIONS_FOLDED = frozenset(_fold(w) for w in REGIONS)
_NOT_NAMES_FOLDED = frozenset(_fold(w) for w in NOT_NAMES)
_AMBIGUOUS_FOLDED = frozenset(_fold(w) for w in AMBIGUOUS_NAMES)

# --- calendar ------------------------------------------------------------------------------
# Month names in the nominative, genitive and accusative, learned and popular forms
# ("Μάιος", "Μαΐου", "Μάη"), and their abbreviations; weekdays with their genitives. Matched
# case-insensitively, with or without accents (notes in capitals drop them).
_MONTH_STEMS = _words(
    "Ιανουάριος Ιανουαρίου Ιανουάριο Γενάρης Γενάρη Φεβρουάριος Φεβρουαρίου Φεβρουάριο "
    "Φλεβάρης Φλεβάρη Μάρτιος Μαρτίου Μάρτιο Μάρτης Μάρτη Απρίλιος Απριλίου Απρίλιο "
    "Απρίλης Απρίλη Μάιος Μαΐου Μάιο Μάης Μάη Ιούνιος Ιουνίου Ιούνιο Ιούνης Ιούνη "
    "Ιούλιος Ιουλίου Ιούλιο Ιούλης Ιούλη Αύγουστος Αυγούστου Αύγουστο Σεπτέμβριος "
    "Σεπτεμβρίου Σεπτέμβριο Σεπτέμβρης Σεπτέμβρη Οκτώβριος Οκτωβρίου Οκτώβριο Οκτώβρης "
    "Οκτώβρη Νοέμβριος Νοεμβρίου Νοέμβριο Νοέμβρης Νοέμβρη Δεκέμβριος Δεκεμβρίου "
    "Δεκέμβριο Δεκέμβρης Δεκέμβρη")
_MONTH_ABBR = _words("Ιαν Φεβ Φεβρ Μαρ Απρ Μαΐ Ιουν Ιουλ Αυγ Σεπ Σεπτ Οκτ Νοε Νοέ Δεκ")
_WEEKDAY_WORDS = _words("Δευτέρα Δευτέρας Τρίτη Τρίτης Τετάρτη Τετάρτης Πέμπτη Πέμπτης "
                  "Παρασκευή Παρασκευής Σάββατο Σαββάτου Κυριακή Κυριακής")
_CALENDAR_FOLDED = frozenset(_bare(w) for w in _MONTH_STEMS + _WEEKDAY_WORDS)


def _either_accent(words: tuple[str, ...]) -> str:
    forms = {unicodedata.normalize("NFC", w) for w in words} | {_bare(w) for w in words}
    return "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))


_MONTH = rf"(?:{_either_accent(_MONTH_STEMS)})"
_MONTH_ANY = rf"(?:{_MONTH}|(?:{_either_accent(_MONTH_ABBR)})\.)"
_WEEKDAY = rf"(?:{_either_accent(_WEEKDAY_WORDS)})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)"
_MON = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NB = r"(?![\w])"  # a word boundary that also holds after a final dot

_DATE_RES = [
    # 3 Μαΐου, 3η Μαΐου 2023, 14 Φεβ., 3 μαΐου
    re.compile(rf"(?<![\w/.]){_DAY}(?:η|ης|ην)?\s+(?:του\s+)?{_MONTH_ANY}(?:\s+(?:του\s+)?{_YEAR})?{_NB}",
               re.I),
    # Μάρτιος 2022, τον Μάρτιο του 2022, Φεβ. 2021
    re.compile(rf"(?<!\w){_MONTH_ANY}\s+(?:του\s+)?{_YEAR}{_NB}", re.I),
    # την Τρίτη 14, Παρασκευή 3/5, Κυριακή 12 Μαΐου: a weekday with a day number
    re.compile(rf"(?<!\w){_WEEKDAY},?\s+(?:τη[νς]?\s+)?{_DAY}(?:/{_MON}(?:/(?:{_YEAR}|\d\d))?)?"
               rf"(?![\d/.:,]\d|\s*(?:ώρ|φορ|ετ|χρ|λεπτ|mg|%|η\s+φορά))", re.I),
    # στις 3/5, από τις 14-3: a short date after a word that dates
    re.compile(rf"\b(?:στις|τις|της|την|από|μέχρι|έως|ως|μετά|πριν|προς)\s+(?P<v>"
               rf"{_DAY}[/-]{_MON}(?:[/-](?:{_YEAR}|\d\d))?)(?![\d/])", re.I),
    # Χριστούγεννα 2022, Πάσχα του 2021
    re.compile(rf"(?<!\w)(?:[Ππ]αραμονή\s+(?:της|του|των)\s+)?(?:Χριστούγεννα|Χριστουγέννων"
               rf"|Πάσχα|Πρωτοχρονιά|Πρωτοχρονιάς|Θεοφάνεια|Θεοφανείων|Φώτα|Καθαρά Δευτέρα"
               rf"|Δεκαπενταύγουστο"
               rf"|Κυριακή\s+του\s+Θωμά|Μεγάλη\s+(?:Παρασκευή|Πέμπτη|Εβδομάδα|Τετάρτη)"
               rf"|Αγίου\s+Πνεύματος|Κυριακή\s+των\s+Βαΐων|Ανάσταση|(?:Αγίου|Αγίας|Αγίων)\s+[\u0391-\u03a9\u0386-\u038f][\u03ac-\u03ce]+)"
               rf"\s+(?:του\s+)?(?:{_YEAR}\b|['’]\d\d(?!\d))"),
    # "2/12 01:03", "3-4/8": a short date before a time, a night shift across two days
    re.compile(rf"(?<![\d/.])(?P<v>{_DAY}/{_MON})(?=,?\s+\d{{1,2}}:\d\d)"),
    re.compile(rf"(?<![\d/.])(?P<v>{_DAY}-{_DAY}/{_MON})(?![\d/])"),
]

# --- ages ----------------------------------------------------------------------------------
_OLD = r"(?:9\d|1[01]\d)"
_SPELLED_UNITS = (r"(?:ένα|ενός|δύο|δυο|τρία|τριών|τέσσερα|τεσσάρων|πέντε|έξι|επτά|εφτά"
                  r"|οκτώ|οχτώ|εννέα|εννιά)")
_AGE_RES = [
    # 92 ετών, 95 χρονών, 91 ετ.: the age is the number, as in every language
    re.compile(rf"(?<![\d.,])(?P<v>{_OLD})\s*(?:ετών|ετων|χρονών|χρονων|χρόνων|ετ\.|χρ\.)",
               re.I),
    # 92χρονη, 92-χρονος, 93χρονου
    re.compile(rf"(?<![\d.,])(?P<v>{_OLD})\s*-?\s*χρον(?:ος|η|ου|ης|ο|ων|ες|οι|ών|ούλα)\b",
               re.I),
    # στα 92 της, σε ηλικία 93, ηλικίας 91 ετών, έκλεισε τα 95
    re.compile(rf"\b(?:στα|τα|ηλικίας|ηλικία)\s+(?:των\s+)?(?P<v>{_OLD})(?![\d.,]\d)"
               rf"(?!\s*(?:mg|ml|%|ευρώ|€|λεπτ|κιλ|κιλά|ώρ|μέρ|ημέρ|μέτρ|τετραγων|χρόνια\s+"
               rf"(?:πριν|πίσω|μετά)|χρόνια\s+(?:γάμου|δουλειάς)))", re.I),
    # ενενήντα δύο χρονών, ενενηντάρα, ενενηντάχρονος, υπεραιωνόβια
    re.compile(rf"\bενενήντα(?:\s+{_SPELLED_UNITS})?\s+(?:ετών|χρονών|χρόνων)", re.I),
    # έκλεισε τα ενενήντα, έγινε 99, "Η κυρά-Κούλα, ενενήντα κάτι, ...": a birthday, or an
    # age standing alone between commas
    re.compile(rf"\b(?:έκλεισε|έκλεισαν|κλείνει|κλείσει|έγινε|γίνεται|γίνει|πάτησε|πατάει"
               rf"|είναι|ήταν|είμαι|ήμουν)"
               rf"\s+(?:τα\s+)?(?P<v>{_OLD}(?![\d.,:/]\d)(?!\s*(?:ευρώ|€|%|λεπτ|κιλ|φορ|ώρ|μέρ"
               rf"|χρόνια\s+(?:πριν|γάμου|δουλειάς)|mg|ml|kg|ο|η|οι|ες|άρια|ετία|τοις))"
               rf"|ενενήντα(?:\s+(?:{_SPELLED_UNITS}|κάτι))?|εκατόν?(?:\s+{_SPELLED_UNITS})?)"
               r"(?!\s*(?:ευρώ|€|%|λεπτ|κιλ|φορ|ώρ|μέρ|μέτρ))", re.I),
    re.compile(rf"(?<=,\s)ενενήντα(?:\s+(?:{_SPELLED_UNITS}|κάτι))?(?=,)", re.I),
    # "(ΕΝΕΝΗΝΤΑ ΕΝΑ)", "90 και κάτι": an age in brackets, a round age and some
    re.compile(rf"\((?P<v>ενενήντα(?:\s+{_SPELLED_UNITS})?|εκατό(?:ν\s+{_SPELLED_UNITS})?)\)",
               re.I),
    re.compile(r"(?<![\d.,])(?P<v>(?:9\d|1[01]\d)\s+και\s+κάτι)\b"),
    re.compile(r"\b(?:ενενηντ(?:ά|α\w{1,8}ά)ρ(?:ης|η|α|ας|ηδες|ισσα|ισσες)|ενενηντάχρον\w+|εκατοντάχρον\w+"
               r"|υπεραιωνόβι\w+|αιωνόβι(?:ος|α|ου|ας)"
               r"|εκατοχρονίτ(?:ης|η|ισσα|ισσας|ισσες))\b", re.I),
    re.compile(rf"\bεκατόν?(?:\s+{_SPELLED_UNITS})?\s+(?:ετών|χρονών|χρόνων|έτους)", re.I),
    # "πάνω από ενενήντα", "γύρω στα ενενήντα πέντε", "(πάνω από 90)", "ενενήντα κλεισμένα":
    # an age put roughly; in figures only in brackets, where no blood pressure stands
    re.compile(rf"\b(?:πάνω\s+από|γύρω\s+στα|κοντά\s+στα|περίπου|σχεδόν|άνω\s+των)\s+(?:τα\s+)?"
               rf"(?P<v>ενενήντα(?:\s+(?:{_SPELLED_UNITS}|κάτι))?|εκατό(?:ν\s+{_SPELLED_UNITS})?)"
               r"(?!\s*(?:ευρώ|€|%|λεπτ|κιλ|φορ|ώρ|μέρ|μέτρ|χιλιόμετρ|άτομα))", re.I),
    re.compile(rf"\(\s*(?:πάνω\s+από|γύρω\s+στα|περίπου|σχεδόν)\s+(?P<v>{_OLD})\s*\)"),
    # "ηλικιωμένη 92", "γιαγιά 94" (also typed without accents): a person and her age
    re.compile(rf"(?i:\b(?:ηλικιωμ[εέ]ν[ηοα]ς?|γιαγι[αά]|παππο[υύ]ς|ασθεν[ηή]ς|κυρ[ιί]α|κ[υύ]ριος"
               rf"|γυνα[ιί]κα|[αά]ντρας)\s+)(?P<v>{_OLD})\b(?![\d.,/:]\d|\s*(?:%|ευρώ|€|κιλ|mg))"),
    # "Στα ενενήντα πέντε της", "Εκατόν δύο!": an age in words, with "της/του" or alone
    re.compile(rf"(?i:\b(?:στα|τα)\s+)(?P<v>ενενήντα(?:\s+{_SPELLED_UNITS})?|εκατό(?:ν\s+"
               rf"{_SPELLED_UNITS})?)\s+(?:της|του)\b"),
    re.compile(rf"(?:^|(?<=[.!?]\s))(?P<v>(?:Ενενήντα|Εκατόν)\s+{_SPELLED_UNITS})(?=\s*[!.])"),
    re.compile(rf"\b(?P<v>ενενήντα(?:\s+{_SPELLED_UNITS})?)\s+(?:κλεισμένα|χρόνια\s+(?:ζωής|ζει)"
               r"|χρονάκια|καλοκαίρια)", re.I),
    # "παππούς ενενήντα και βάλε", "μέχρι τα ενενήντα πέντε", "έζησα ενενήντα τρία χρόνια":
    # ninety in words is a person's age in a note, unless it counts something else or is
    # a decade or a year ("η δεκαετία του ενενήντα", "το ενενήντα πέντε")
    re.compile(rf"(?<!\bτου\s)(?<!\bστο\s)(?<!\bτο\s)(?<!\bΤο\s)(?<!\bΣτο\s)(?<!\bαπό\s)"
               rf"\b(?P<v>ενενήντα(?:\s+{_SPELLED_UNITS}\b)?)"
               r"(?!\s*(?:ευρώ|€|%|τοις|λεπτ|δευτερόλεπτ|κιλ|φορ|ώρ|μέρ|ημέρ|μέτρ|χιλιόμετρ|άτομα"
               r"|ασθεν|σελίδ|μοίρ|δόσ|χάπια|mg|ml|kg|χρόνια\s+(?:πριν|πίσω|μετά|γάμου|δουλειάς)"
               r"|\w+\s+χρόνια\s+(?:πριν|πίσω)))", re.I),
]

# --- numbers -------------------------------------------------------------------------------
_AMKA_LABELLED_RE = re.compile(r"(?:Α\.?Μ\.?Κ\.?Α\.?|αμκα)\s*:?\s*(?:αρ\.?\s*)?(\d{11})\b")
_ELEVEN_DIGITS_RE = re.compile(r"(?<![\d+])(\d{11})(?!\d)")
_AFM_LABELLED_RE = re.compile(r"(?:Α\.?Φ\.?Μ\.?|αφμ)\s*:?\s*(\d{3}\s?\d{3}\s?\d{3})\b")
# "αρ. μητρώου κρατουμένου 4418/21", "Αριθμός δικογραφίας ΒΜ 7216/2022", "αρ. κοινωνικών
# ασφαλίσεων 2841937", "μητρώο ΚΕΑ ΚΕ-2023-88417", "τσιπ 300 096 000 412 558", "AMA IKA 4918273"
_NUMBER_AFTER_WORDS_RE = re.compile(
    r"(?:\b[αΑ]ρ\.|\b[αΑ]ριθμ(?:ός|ού|\.)|\bμητρώο|\bΜητρώο)\s*(?:[α-ωάέήίόύώϊϋΐΰ]+\.?\s+){0,3}"
    r"(?:[Α-ΩA-Z]{2,4}\s+)?(?P<v>(?:[Α-ΩA-Z]{1,4}[\s-]?)?[Α-ΩA-Z]?\d[\d/.-]{2,}\d)"
    r"|\b(?:τσιπ|microchip|chip|μικροτσίπ)\s*:?\s*(?P<c>\d{3}(?:\s?\d{3}){4})"
    r"|\b(?:ΑΜΑ|AMA|ΙΚΑ|IKA|ΕΦΚΑ|ΓεΣΥ)(?:\s+(?:ΙΚΑ|IKA))?\s*:?\s*(?P<a>\d{6,9})\b")
_NINE_DIGITS_RE = re.compile(r"(?<![\d+\s])(?<![\d+]\s)(\d{9})(?!\d)")
_ID_CARD_RE = re.compile(
    r"(?:Α\.?Δ\.?Τ\.?|(?<![\w.])Α\.?Τ\.?(?=\s*:?\s*\d{6,7}\b)|[Ττ]αυτότητ\w*|ταυτ\.|[Δδ]ιαβατήρι\w*)"
    r"(?:\s*\([^()]{1,20}\))?(?:\s+(?:αρ\.?|αριθμ\w*|με|no\.?))?\s*:?\s*"
    r"((?:[Α-ΩA-Z]{1,2}[\s-]?)?\d{6,7})\b")
_FILE_NUMBER_RE = re.compile(
    r"(?:(?:αρ\.?\s*|αριθμ\w*\s+)(?:φακέλου|φακ\.|μητρώου|εισαγωγής|πρωτ\w*\.?|ασφάλισης|"
    r"ιστορικού|παραπεμπτικού|δικογραφίας|ποινικού μητρώου|κατάθεσης|απόφασης|υπόθεσης"
    r"|αγωγής|μήνυσης)|(?<!\w)(?:Φάκελος|Πρωτόκολλο|Υπόθεση|Δικογραφία)(?:\s+[Α-ΩA-Z]{2,6}(?=\s))?)\s*:?\s*"
    r"((?:[A-ZΑ-Ω]{1,4}/){0,2}[A-ZΑ-Ω]{0,3}[-/]?\d[\d/.-]{2,}\d(?:/[A-ZΑ-Ω]{1,3}/\d+)?|\d{3,})"
    r"|(?<!\w)Α\.?\s?Μ\.?\s*:?\s*([A-ZΑ-Ω]{0,3}[-/]?\d[\d/-]{2,})", re.I)
# Greek number plates use the Greek capitals that look Latin ("ΙΚΑ-1234", "ΥΖΒ 4521").
_PLATE_RE = re.compile(r"(?<![\w-])[ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ]{3}[\s-]?\d{4}(?![\w])")
# Cyprus plates have three digits ("KZT 418"): only where a vehicle was named just before
_VEHICLE_PLATE_RE = re.compile(
    r"(?i:αυτοκίνητο|όχημα|οχήματος|πινακίδ\w*|αμάξι|μηχανάκι|μοτοσυκλέτα|φορτηγ\w*|ταξί)"
    r"[^.\n]{0,40}?(?<![\w-])(?P<v>[A-ZΑ-Ω]{3}[\s-]?\d{3,4})(?![\w])")
_PHONE_RES = [
    # 69x xxx xxxx, 210 1234567, 2310 123456: mobile and landline numbers of Greece
    # ten digits from 2x or 69, grouped as the writer likes ("2310 948 661", "210 3614 980")
    re.compile(r"(?<![\d+.,/])(?:2\d|69)(?:[\s.-]?\d){8}(?![\d/])"),
    re.compile(r"(?<![\d+.,/])(?:69\d[\s.-]?\d{3}[\s.-]?\d{4}|69\d\d[\s.-]?\d{3}[\s.-]?\d{3}"
               r"|2\d{4}[\s.-]?\d{2}[\s.-]?\d{3}|69\d[\s.-]?\d{2}[\s.-]?\d{2}"
               r"[\s.-]?\d{3}|2\d{2}[\s.-]?\d{7}|2\d{3}[\s.-]?\d{6}|2\d[\s.-]?\d{4}[\s.-]?\d{4}"
               r"|21\d[\s.-]\d{3}[\s.-]\d{4})(?![\d/])"),
    # Cyprus: eight digits from 2x or 9x, "97 555 312", "99 555871", "+357 24 555607"
    re.compile(r"(?<![\d+.,/])(?:(?:\+|00)357[\s.-]?)?(?:2[2-6]|9[4-9])(?:\s\d{3}\s\d{3}|\s\d{6})"
               r"(?![\d/])|(?:\+|00)357[\s.-]?(?:2[2-6]|9[4-9])\d{6}(?!\d)"),
    # an area code in brackets: "(28410) 55 512", "(210) 361 4980"
    re.compile(r"\((?:2\d{4}\)\s?\d{2}\s?\d{3}|2\d{3}\)\s?\d{3}\s?\d{3}|2\d{2}\)\s?\d{3}\s?\d{4}"
               r"|2\d\)\s?\d{4}\s?\d{4})(?!\d)"),
    # after a label: τηλ. 99 123456 (Cyprus), κιν.: 6971234567
    re.compile(r"\b(?:τηλ|τηλέφωνο|τηλέφωνό|κιν|κινητό|φαξ|fax)\.?:?\s*(?P<v>\+?\d[\d\s-]{6,15}\d)",
               re.I),
]


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _is_amka(digits: str) -> bool:
    """ΑΜΚΑ: a birth date as DDMMYY, five more digits, the last a Luhn check digit."""
    day, month = int(digits[:2]), int(digits[2:4])
    return 1 <= day <= 31 and 1 <= month <= 12 and _luhn(digits)


def _is_afm(digits: str) -> bool:
    """ΑΦΜ: the first eight digits weighted by powers of two, mod 11, mod 10, is the last."""
    total = sum(int(d) * 2 ** (8 - i) for i, d in enumerate(digits[:8]))
    return digits != "000000000" and total % 11 % 10 == int(digits[8])


# --- words ---------------------------------------------------------------------------------
_GR = "\u0386\u0388-\u03ce"  # Greek letters, with accents, as NFC writes them
_GREEK_WORD_RE = re.compile(rf"(?<![\w])[{_GR}][{_GR}\u0301\u0308]*(?:-[{_GR}]+)?(?![\w])")
_UPPER = "\u0386\u0388-\u038f\u0391-\u03ab"
# A capitalised Greek word (or one in capitals), with a hyphenated second part
# ("Μαρία-Ελένη").
_CAP = rf"[{_UPPER}][{_GR}]+(?:-[{_UPPER}][{_GR}]+)?"
# Surname endings strong enough to outweigh the list of common words ("Παπαδόπουλος" is
# frequent in the news, and still a surname), and weaker ones that only mark an unknown word.
_STRONG_SURNAME_RE = re.compile(
    r"(?:όπουλ(?:ος|ου|ο|ε)|οπούλου|ίδης|ίδη|ίδου|ιάδης|ιάδη|ιάδου|άκης|άκη|άκου|ογλου|όγλου"
    r"|ούδης|ούδη|έλλης|έλλη)$")
_WEAK_SURNAME_RE = re.compile(r"(?:ίου|άου|άτος|άτου|έας|ίνης|ίνη|ώτης|ώτη|άκος|ίτσα)$")
_STRONG_BARE_RE = re.compile(r"(?:οπουλ(?:ος|ου|ο)|ιδης|ιδη|ιδου|ιαδης|ιαδου|ακης|ογλου)$")
_SAINT_RE = re.compile(
    r"(?<!\w)(?:(?:Άγιος|Άγιο|Αγίου|Αγία|Αγίας|Άγιοι|Αγίων|Αγ\.|Αγ|Οσίου|Οσίας|Προφήτη|Προφήτου"
    rf"|Ταξιαρχών|Ευαγγελιστρίας|Παναγίας|Αγίους)\s+|(?:Αη|Αϊ|Άη|Άι)-){_CAP}"
    rf"(?:\s+(?:και|&)\s+{_CAP})?")
_PREPOSITION_BEFORE_RE = re.compile(
    r"(?:\b(?:στη|στην|στο|στον|στα|στις|στους|από|προς|για|κοντά|έξω|μέσα|γύρω)"
    r"(?:\s+(?:από|σε|στη|στην|στο|στον|τη|την|το|τον|τα|τις|τους))?)\s+$", re.I)
_ARTICLE = r"(?:[οΟ]|[ηΗ]|[τΤ]ου|[τΤ]ης|[τΤ]ον|[τΤ]ην|[τΤ]η|ο\s+μικρός|η\s+μικρή)"
_ARTICLE_BEFORE_RE = re.compile(rf"(?<!\w){_ARTICLE}\s+$")
# "στη Λήμνο", "στον Κοντιά", "από τη Ζωφριά": where one goes or comes from is a place
_LOCATIVE_BEFORE_RE = re.compile(
    r"(?<!\w)(?:[σΣ]τη|[σΣ]την|[σΣ]το|[σΣ]τον|[σΣ]τα|[σΣ]τις|[σΣ]τους|[Αα]πό\s+(?:τη|την|το|τον"
    r"|τα|τις|τους))\s+$")

_TITLE = (r"(?:κυρ-|Κυρ-|κυρά-|Κυρά-|κυρα-|Κυρα-|μπαρμπα-|Μπαρμπα-|θεια-|Θεια-"
          r"|κ\.|Κ\.|κα\.?|Κα\.?|κος\.?|Κος\.?|κυρία|Κυρία|κυρίας|Κυρίας|κύριος|Κύριος"
          r"|κυρίου|Κυρίου|κύριο|Κύριο|κύριε|Κύριε|κυρ|Κυρ|Δρ\.?|δρ\.?|Dr\.?|πατήρ|Πατήρ"
          r"|πατέρα|π\.|Π\.|παπα-|παπά|αδελφή|Αδελφή|αδελφής|μοναχή|γερο-|θεία|θείας|θείος"
          r"|θείου|κυρα-|κυρά|μπάρμπα-|ΚΥΡΙΑ|ΚΥΡΙΑΣ|ΚΥΡΙΟΣ|ΚΥΡΙΟΥ|ΚΥΡΙΟ|ΚΥΡΙΕ)")
_INITIAL = rf"[{_UPPER}]\.(?:\s?[{_UPPER}]\.)?"
# "Η Δ. (32)", "ο Γ.Κ. πάλι", "τον Φ. Α.": initials after an article are someone;
# "Β. Λ., 61": so are two initials before an age
_ARTICLE_INITIALS_RE = re.compile(
    rf"(?<!\w){_ARTICLE}\s+(?P<init>[{_UPPER}]\.(?:\s?[{_UPPER}]\.){{0,2}})(?!\w)")
_INITIALS_AGE_RE = re.compile(
    rf"(?<![\w.])(?P<init>[{_UPPER}]\.\s?[{_UPPER}]\.)(?=,?\s*\(?\d{{1,2}}\b)"
    # "Η μαθήτρια (Ε.Π., αρ. μητρώου ...)": initials opening a bracket, then a comma
    rf"|(?<=\()(?P<i2>[{_UPPER}]\.\s?[{_UPPER}]\.)(?=\s*,)"
    # "θα τον πω Ν.", "ας την πούμε Κ.": the writer's own stand-in for someone
    rf"|(?:θα\s+(?:τον|την)\s+(?:πω|λέω)|ας\s+(?:τον|την)\s+(?:πούμε|πω))\s+"
    rf"(?P<i3>[{_UPPER}]\.(?:\s?[{_UPPER}]\.)?)(?!\w)")
# "Ασθ. Ε.Μ.,", "Η ανήλικη Ε.Κ.,", "Ανήλικος 15 χρονών, Τ.Μ.,", "Φοιτήτρια, Δ.Τ.,": initials
# after a word for the person they stand for
_PERSON_INITIALS_RE = re.compile(
    r"(?:(?<!\w)[Αα]σθ\.|(?<!\w)(?:[Αα]σθεν|[Αα]νήλικ|[Φφ]οιτήτρι|[Φφ]οιτητ|[Μμ]αθήτρι|[Μμ]αθητ"
    r"|[Κκ]ρατούμεν|[Ππ]ελάτ|[Ωω]φελούμεν|[Ττ]ρόφιμ|[Υυ]πόθεση|[Ππ]ερίπτωση)\w*)"
    r"(?:\s+\d{1,2}\s+\w+)?,?\s+"
    rf"(?P<init>[{_UPPER}]\.\s?[{_UPPER}]\.(?:\s?[{_UPPER}]\.)?)(?!\w)")
_TITLED_NAME_RE = re.compile(
    rf"(?<!\w){_TITLE}\s*(?:(?P<init>{_INITIAL})(?!\w)|(?P<name>{_CAP}(?:\s+{_CAP})?))")
# "kyria Vasso", "o kyrios Lefteris" (a title no other language writes), "k. Papadopoulos"
_GREEKLISH_TITLED_RE = re.compile(
    r"\b(?:(?:k\.|kos|Dr\.?)\s+[A-Z][a-z]+(?:opoulos|opoulou|idis|idou|akis|aki|atos|oglou"
    r"|poulos)|(?:[Kk]yria|[Kk]yrios|[Kk]iria|[Kk]irios|[Kk]yra|[Kk]yr)\s+[A-Z][a-z]{2,})\b")

# --- places --------------------------------------------------------------------------------
_STREET_WORD = r"(?:οδός|οδό|οδού|οδ\.|Οδός|Οδό|Οδού|Οδ\.)"
_AVENUE_WORD = (r"(?:[Λλ]εωφ\.|[Λλ]εωφόρος|[Λλ]εωφόρου|[Λλ]εωφόρο|[Ππ]λατεία|[Ππ]λατείας"
                r"|[Ππ]λ\.|[Ππ]άροδος|[Ππ]αρόδου|[Σσ]τενό|[Σσ]οκάκι)")
_NUMBER = r"\d{1,3}(?!\d)[Α-Δα-δ]?(?![\d,.]\d)"
# "Αγίου Νικολάου", "Αρχ. Μακαρίου Γ΄": a saint's or an archbishop's street, with his numeral
_STREET_NAME = (rf"(?:(?:Αγίου|Αγίας|Αγ\.|Αγίων|Αρχ\.|Αρχιεπισκόπου|\d{{1,2}}ης)\s+)?{_CAP}"
                rf"(?:\s+{_CAP})?(?:\s+[Α-Ω][΄'’])?")
_STREET_RES = [
    re.compile(rf"(?<!\w){_STREET_WORD}\s+{_STREET_NAME}(?:\s+{_NUMBER})?"),
    re.compile(rf"(?<!\w){_AVENUE_WORD}\s+{_STREET_NAME}(?:\s+{_NUMBER})?"),
]
# "Ερμού 25", "Βασιλίσσης Σοφίας 12": a capitalised genitive and a house number.
_GENITIVE_STREET_RE = re.compile(
    rf"(?<!\w)(?P<street>(?:(?:Αγίου|Αγίας|Αγίων|Αρχ\.|Αρχιεπισκόπου|\d{{1,2}}ης)\s+)?"
    rf"[{_UPPER}][{_GR}]*(?:ου|ού|ης|ής|ας|άς|ων|ών|η|ή|α|ά|ς)"
    rf"(?:\s+[{_UPPER}][{_GR}]*(?:ου|ού|ης|ής|ας|ων|α|ά))?(?:\s+[Α-Ω][΄'’])?)"
    rf"\s+{_NUMBER}(?!\s*(?:%|mg|ml|ευρώ|€|χρον|χρόν|ετ|κιλ|λεπτ|ώρ|φορ|μέρ|ημέρ|μήν|εβδ|χιλ|μ\b|παιδιά|άτομα|ασθεν))")
_NOT_STREETS = frozenset(_fold(w) for w in _words(
    "Άρθρου Άρθρα Κεφαλαίου Σελίδας Σελίδα Ομάδας Ομάδα Τάξης Τάξη Κλίνης Κλίνη Θαλάμου "
    "Ορόφου Γραφείου Αίθουσας Αίθουσα Νόμου Παραγράφου Εδαφίου Ηλικίας Ώρας Ώρα Ημέρας "
    "Εβδομάδας Δόσης Δόση Φάσης Φάση Σταδίου Βαθμού Κατηγορίας Συνεδρίας Συνεδρία Τεύχους "
    "Μονάδας Πτέρυγας Πτέρυγα Κρεβατιού Ενότητας Ενότητα Περίπτωσης Περίπτωση Έτους "
    "Γυναίκα Άντρας Άνδρας Ασθενής Πελάτισσα Πελάτης Κορίτσι Αγόρι Παιδί Μαθήτρια Μαθητής"))
_POSTCODE_RE = re.compile(r"(?<!\w)(?:Τ\.\s?Κ\.|ΤΚ|Τ\.Κ|T\.K\.|TK)\s*:?\s*\d{3}\s?\d{2}(?!\d)")
# "54633 Θεσσαλονίκη": a postcode and its town, one place
_POSTCODE_TOWN_RE = re.compile(rf"(?<![\w.,/-])\d{{3}}\s?\d{{2}}\s+(?P<town>{_CAP})")
_INSTITUTION = (
    r"(?:\d{1,2}(?:ο|ου|ης|η)\s+)?(?:Γενικό\s+|Πανεπιστημιακό\s+|Ψυχιατρικό\s+|Παίδων\s+)?"
    r"(?:[Νν]οσοκομείο|[Νν]οσοκομείου|Γ\.\s?Ν\.|ΓΝ|ΠΓΝ|Π\.Γ\.Ν\.|[Κκ]λινική|[Κκ]λινικής"
    r"|[Γγ]ηροκομείο|[Γγ]ηροκομείου|[Οο]ίκος\s+[Εε]υγηρίας|[Οο]ίκο\s+[Εε]υγηρίας|ΜΦΗ|ΚΑΠΗ|ΚΔΑΠ"
    r"|[Σσ]τέγη\s+Γερόντων|[Σσ]τέγης\s+Γερόντων|Κ\.\s?Υ\."
    r"|[Κκ]έντρο\s+[Υυ]γείας|[Κκ]έντρου\s+[Υυ]γείας|Δημοτικό\s+Σχολείο|Δημοτικού\s+Σχολείου"
    r"|Δημοτικό|Δημοτικού|Γυμνάσιο|Γυμνασίου|Λύκειο|Λυκείου|ΓΕΛ|ΕΠΑΛ|[Νν]ηπιαγωγείο"
    r"|[Νν]ηπιαγωγείου|[Σσ]χολείο|[Σσ]χολείου|Ιερός\s+Ναός|Ιερού\s+Ναού|Ι\.\s?Ν\.|[Ιι]ερό\s+"
    r"[Μμ]ητροπόλεως|[Μμ]ονή|[Μμ]ονής|[Εε]νορία|[Εε]νορίας|[Φφ]υλακές|[Φφ]υλακών|[Ψψ]υχιατρείο"
    r"|[Ξξ]ενώνας|[Ξξ]ενώνα|[Φφ]ροντιστήριο|[Κκ]αφενείο|[Κκ]αφενείου|[Κκ]αφετέρια|[Ττ]αβέρνα"
    r"|[Ττ]αβέρνας|[Φφ]ούρνο|[Φφ]ούρνος|[Φφ]αρμακείο|[Φφ]αρμακείου|[Σσ]ούπερ\s+μάρκετ"
    r"|[Εε]ταιρεία|[Εε]ταιρείας|[Ββ]ιοτεχνία|[Ββ]ιοτεχνίας|[Ξξ]ενοδοχείο|[Ξξ]ενοδοχείου"
    r"|Αστυνομικό\s+Τμήμα|Αστυνομικού\s+Τμήματος|Α\.Τ\.|Πρωτοδικείο|Πρωτοδικείου|Εφετείο"
    r"|Εφετείου|Ειρηνοδικείο|Ειρηνοδικείου|Κατάστημα\s+Κράτησης|Καταστήματος\s+Κράτησης"
    r"|[Φφ]υλακή|[Φφ]υλακής|Πανεπιστήμιο|Πανεπιστημίου|[Μμ]αιευτήριο|[Μμ]αιευτηρίου"
    r"|Θεραπευτήριο|Θεραπευτηρίου|Πολυκλινική|Πολυκλινικής|Κέντρο\s+Κοινότητας"
    r"|Κέντρου\s+Κοινότητας|ΚΗΦΗ|Δομή\s+Φιλοξενίας|Δομής\s+Φιλοξενίας|Σύλλογος|Συλλόγου"
    r"|Σύλλογο|Σωματείο|Σωματείου|Ίδρυμα|Ιδρύματος)")
_INSTITUTION_RE = re.compile(
    rf"(?<!\w){_INSTITUTION}(?P<name>\s+(?:(?:του|της|των)\s+)?[«\"“]?{_CAP}"
    rf"(?:\s+{_CAP}){{0,3}}[»\"”]?)")
# "Γηροκομείο «Η Αγία Ειρήνη»", "ΜΦΗ: «Γαλήνη»", "στη φάρμα «Τα Πλατάνια»": a home, a farm
# or a shop named in quotes after its word; the name is what the quotes hold
_QUOTED_INSTITUTION_RE = re.compile(
    rf"(?<!\w)(?:{_INSTITUTION}|[Φφ]άρμα|[Φφ]άρμας|[Κκ]ατάστημα|[Κκ]αταστήματος|[Σσ]τέγη"
    r"|[Μμ]ονάδα|[Κκ]τήμα|[Σσ]υνεργείο|[Ππ]ρατήριο|[Μμ]αγαζί|[Ζζ]αχαροπλαστείο|[Ββ]ουστάσιο)"
    r"\s*:?\s*«(?P<q>[Α-ΩΆΈΉΊΌΎΏ][^«»\n]{1,50})»")
# What follows an institution's word and describes it instead of naming it: an
# institution with nothing else after its word is no particular one.
_GENERIC_AFTER_INSTITUTION = frozenset(_fold(w) for w in _words(
    "Παίδων Ψυχικής Υγείας Αναφοράς Ημέρας Ημερήσιας Ειδικής Αγωγής Νοσηλείας Αποκατάστασης "
    "Αποθεραπείας Φροντίδας Ηλικιωμένων Δευτεροβάθμιας Πρωτοβάθμιας Χρονίων Παθήσεων "
    "Γονέων Κηδεμόνων Εφήβων Ανηλίκων Ασθενών Εθελοντών Ατόμων Αναπηρία ΑμεΑ"))
# Words that open the name of a body, so the capitalised word after them is the body's
# name, not a person's: "Σύλλογος Ενοριακής Φιλοπτώχου", "Υπηρεσία Επιμελητών".
_BODY_WORDS = frozenset(_fold(w) for w in _words(
    "Σύλλογος Σύλλογο Συλλόγου Υπηρεσία Υπηρεσίας Τμήμα Τμήματος Σχολή Σχολής Μονάδα Μονάδας "
    "Κέντρο Κέντρου Δομή Δομής Θεραπευτήριο Θεραπευτηρίου Οργανισμός Οργανισμού Ίδρυμα "
    "Ιδρύματος Γραφείο Γραφείου Διεύθυνση Διεύθυνσης Σωματείο Σωματείου Ένωση Ένωσης Ομάδα "
    "Ομάδας Δήμος Δήμου Περιφέρεια Περιφέρειας Φυλακή Φυλακής Φυλακές Φυλακών Κατάστημα "
    "Καταστήματος Κράτησης ΜΕΘ ΜΑΦ Κλινική Κλινικής Πτέρυγα Πτέρυγας Χρονίων Κοινωνικής"))


_KNOWN_INSTITUTION_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(INSTITUTIONS, key=len, reverse=True))
    + r")(?![\w-])")
_ARTICLE_FOR_INSTITUTION_RE = re.compile(
    r"(?<!\w)(?:[οΟ]|[τΤ]ο|[τΤ]ου|[τΤ]ον|[σΣ]το|[σΣ]τον|[σΣ]του|[αΑ]πό\s+το|[αΑ]πό\s+τον)\s+$")
# "Πνευμονολόγος, Σωτηρία.": a note that opens with the writer's role and her workplace
_HEADING_PLACE_RE = re.compile(
    rf"[{_UPPER}][^\W\d]+,\s+[{_UPPER}][^\W\d]+(?:\s+[{_UPPER}][^\W\d]+)?[.,]")
# Services by their abbreviations: "ΑΤ Ομονοίας", "ΨΝ Λέρου", "ΚΥ Σάμης", "Κ/Υ Σπάτων"
_SERVICES = ("ΑΤ", "ΨΝ", "ΚΥ", "ΠΙ", "ΤΑ", "ΚΑΠΗ", "ΚΔΑΠ", "ΚΕΠ", "ΚΚΠΠΑ", "ΤΑΕΠ", "ΓΝ", "ΠΓΝ",
             "ΚΕΠΕΠ", "ΚΗΦΗ", "ΚΔΑΠμεΑ", "ΚΨΥ", "ΚΕΘΕΑ", "ΑΕΙ", "ΤΕΙ", "ΕΚΑΒ", "ΔΑΥ", "ΣΔΕ",
             "ΕΠΑΛ", "ΚΔΗΦ")
# Two capitals with full stops that are no one's initials: a service, or the social worker
# (κοινωνική λειτουργός, "Κ.Λ.") who signs
_NOT_INITIALS = frozenset(s for s in _SERVICES if len(s) == 2) | {"ΚΛ"}
# A service's abbreviation and the place it serves
_ABBREVIATION_AND_PLACE_RE = re.compile(
    rf"(?<![\w-])(?:{'|'.join(_SERVICES)}|Κ/Υ|Κ\.Υ\.)\s+"
    rf"(?P<g>[{_UPPER}][^\W\d]{{3,}})(?![\w-])")
# "στο χωριό της Αμοργού", "το ιατρείο του Κοκκαριού": a capitalised genitive after a word
# for a place is that place
_PLACE_NOUN_BEFORE_RE = re.compile(
    r"(?<!\w)(?:χωριό|χωριού|νησί|νησιού|πόλη|πόλης|ιατρείο|ιατρείου|ενορία|ενορίας|περιοχή"
    r"|περιοχής|λιμάνι|λιμανιού|κοινότητα|κοινότητας|δήμο|δήμου|συνοικία|συνοικίας|Δήμου"
    r"|Δήμος|χωριό\s+μας|καταυλισμό|οικισμό|οικισμού)\s+(?:(?:του|της|των)\s+)?$")
# "Νέα Μανωλάδα", "Άνω Πόλη": a town's name may open with such a word
_TOWN_PREFIXES = frozenset(_words("Νέα Νέο Νέος Νέας Νέου Άνω Κάτω Παλαιά Παλιά Μεγάλο Μικρό "
                                  "Μεγάλη Μικρή Αγία Άγιο Άγιος Αγίου Αγίας"))
_TOWN_PREFIX_RE = re.compile(rf"(?<!\w)(?:{'|'.join(sorted(_TOWN_PREFIXES))})\s+$")
# "Άνω Πόλη", "Κάτω Πατήσια", "Κακή Βίγλα", "Νέα Ιωνία": a town by the word before it, anywhere
_PREFIXED_TOWN_RE = re.compile(
    r"(?<!\w)(?P<pre>Άνω|Κάτω|Ανω|Κατω|Νέα|Νέο|Νέος|Νέας|Νέου|Παλαιά|Παλιά|Παλαιό|Παλαιού|Κακή)"
    r"\s+(?P<w>[Α-ΩΆΈΉΊΌΎΏ][α-ωάέήίόύώϊϋΐΰς]{2,})")
# "γιαγιά Φρόσω, 96, Σίφνος.": where she lives, after her age between commas
_PLACE_AFTER_AGE_RE = re.compile(
    r"(?<=\d, )(?P<p>[Α-ΩΆΈΉΊΌΎΏ][α-ωάέήίόύώϊϋΐΰς]{2,}(?:\s+[Α-ΩΆΈΉΊΌΎΏ][α-ωάέήίόύώϊϋΐΰς]{2,})?)"
    r"(?=\s*[.,;])")


# --- other ---------------------------------------------------------------------------------
# A role one person has where everyone knows everyone ("ο μοναδικός φούρναρης του χωριού",
# "η παλιά μαία του νησιού", "ο πρόεδρος του χωριού"), someone known through the one who
# holds an office ("ο γιος του πρώην δημάρχου", "η χήρα του νεκροθάφτη"), or someone seen on
# the news. A role many share ("ο γιατρός", "οι δάσκαλοι του σχολείου") is no one.
_LEADING_ARTICLE = r"(?:(?:[οΟηΗ]|[τΤ]ον|[τΤ]ην|[τΤ]ου|[τΤ]ης|[τΤ]ο)\s+)?"
_COMMUNITY = (r"(?:χωριού|νησιού|πόλης|γειτονιάς|περιοχής|λιμανιού|ενορίας|συνοικίας|κοινότητας"
              r"|δήμου|τηλεόρασης|κωμόπολης|ορεινού\s+χωριού|τοπικού\s+συλλόγου|[Σσ]υλλόγου"
              r"(?:\s+[{UPPER}]\w+)?)").replace("{UPPER}", _UPPER)
_ONE_OF_A_KIND_RE = re.compile(
    rf"(?<!\w){_LEADING_ARTICLE}(?:μοναδικ|τελευταί|παλι|γνωστ|πρώην|Μοναδικ|Τελευταί|Παλι"
    rf"|Γνωστ)\w*\s+(?:[^\W\d]+\s+){{0,2}}?[^\W\d]+\s+(?:του|της|των)\s+{_COMMUNITY}"
    rf"|(?<!\w){_LEADING_ARTICLE}(?:πρόεδρος|πρόεδρο|προέδρου|δήμαρχος|δήμαρχο|κοινοτάρχης"
    rf"|παπάς|παπά|γυμναστής|προπονητής|ταμίας)\s+(?:του|της)\s+{_COMMUNITY}"
    # "ο μοναδικός γυναικολόγος της Σαμοθράκης", "η πρώτη γυναίκα διοικήτρια πυροσβεστικής
    # στη Λέσβο", "ο μόνος γιατρός που έχει μείνει στο νησί": the only one of a place
    rf"|(?<!\w)(?:[οΟηΗ]|[τΤ]ον|[τΤ]ην|[τΤ]ου|[τΤ]ης)\s+(?:μοναδικ\w*|μόνος|μόνη|πρώτη|πρώτος"
    rf"|τελευταί\w*)\s+(?!(?:μέρα|φορά|χρονιά|εβδομάδα|βάρδια|ώρα|νύχτα|φάση|συνάντηση)\b)"
    rf"(?:[^\W\d]+\s+){{0,6}}?(?:της|του|στη|στην"
    rf"|στο|στον)\s+(?:[{_UPPER}][^\W\d]{{3,}}|νησί|χωριό|πόλη|γειτονιά|περιοχή|λιμάνι"
    rf"|ενορία|{_COMMUNITY})"
    # "ο ψάλτης της Μητρόπολης", "ο πρώην διευθυντής του σχολείου μας", "ο ιδιοκτήτης του
    # μοναδικού φούρνου": an office one person holds
    rf"|(?<!\w){_LEADING_ARTICLE}(?:πρώην\s+)?(?:ψάλτης|ψάλτη|νεωκόρος|καντηλανάφτης"
    rf"|διευθυντής|διευθύντρια|διευθυντή)\s+(?:του|της)\s+(?:Μητρόπολης|ναού|ενορίας"
    rf"|σχολείου\s+μας|σχολείου\s+του\s+χωριού|σχολής\s+μας)"
    rf"|(?<!\w){_LEADING_ARTICLE}ιδιοκτήτ\w+\s+(?:του|της)\s+μοναδικ\w+\s+[^\W\d]+"
    rf"(?:\s+(?:στο|στη|του|της)\s+[^\W\d]+)?")
_HOLDERS = (r"(?:δημάρχου|βουλευτή|παπά|ιερέα|προέδρου|νεκροθάφτη|αστυνόμου|διοικητή"
            r"|μητροπολίτη|δεσπότη|υπουργού|περιφερειάρχη|γυμνασιάρχη|λυκειάρχη|κοινοτάρχη"
            r"|συναδέλφου\s+μου|ιδιοκτήτη\s+(?:της|του)(?:\s+[^\W\d]+){1,3}(?=[,.;]))")
_KIN_OF_HOLDER_RE = re.compile(
    rf"(?<!\w){_LEADING_ARTICLE}(?:γιος|γιο|γιου|κόρη|κόρης|γυναίκα|σύζυγος|σύζυγο|χήρα"
    rf"|εγγονός|εγγονό|εγγονή|ανιψιός|ανιψιό|ανιψιά|αδερφός|αδερφό|αδερφή|νταντά|θείος|θεία"
    rf"|πεθερά|πεθερός|μάνα|μητέρα|πατέρας|ερωμένη)\s+(?:των\s+παιδιών\s+)?(?:του|της)\s+"
    rf"(?:πρώην\s+|τοπικού\s+|νυν\s+)?{_HOLDERS}")
_ON_THE_NEWS_RE = re.compile(
    rf"(?<!\w){_LEADING_ARTICLE}[^\W\d]+\s+που\s+(?:έβγαινε|βγήκε|εμφανίστηκε|έπαιζε|ήταν)\s+"
    rf"(?:στις\s+ειδήσεις|στην\s+τηλεόραση|στα\s+κανάλια|στις\s+εφημερίδες|στα\s+νέα)"
    rf"(?:\s+(?:μετά|για)\s+(?:τη|την|το|τον)\s+[^\W\d]+)?")


_LAST_CAPITAL_RE = re.compile(rf"(?<=\s)[{_UPPER}][^\W\d]{{3,}}$")
_THE_ONLY_RE = re.compile(r"\w+\s+(?:μοναδικ|μόνος|μόνη|πρώτ|τελευταί)", re.I)


def _others(text: str) -> Iterator[_Candidate]:
    for rx in (_ONE_OF_A_KIND_RE, _KIN_OF_HOLDER_RE, _ON_THE_NEWS_RE):
        for m in rx.finditer(text):
            yield _Candidate("other", m.start(), m.end(), _P_PLACE_PREP + 1)
            # "ο μοναδικός οδοντίατρος της Κιμώλου": the one place such a role is of
            last = _LAST_CAPITAL_RE.search(m.group())
            if rx is _ONE_OF_A_KIND_RE and last and _THE_ONLY_RE.match(m.group()) and _kind(
                    last.group()) not in ("region", "calendar", "first"):
                yield _Candidate("place", m.start() + last.start(), m.start() + last.end(),
                                 _P_CITY_PREP)


def _in_greek(text: str) -> bool:
    return re.search(f"[{_GR}]", text) is not None


# Endings of adjectives and institution nouns, not of names: "Παθολογική",
# "Νοσηλευτικής", "Πρωτοδικείο", "Πολυκλινικό" (compared without accents, in lower case).
# (`_bare` folds the final ς to σ.)
_WORD_ENDING_RE = re.compile(
    r"(?:ικη|ικησ|ικο|ικου|ικα|ικων|ικοσ|ικοι|ικεσ|ικουσ|ιακη|ιακησ|ιακο|ιακου|ιακα|ιακων"
    r"|ιακοσ|ειο|ειου|ειων|τηριο|τηριου"
    # participles and passive verbs opening a form's line ("Ωφελούμενη:", "Φιλοξενούμενος:",
    # "Βεβαιώνεται ότι"), a doctor by his field ("Παιδίατρος"), "Δικαιούχος", "Πατρώνυμο"
    r"|ουμενοσ|ουμενη|ουμενο|ουμενοι|ομενοσ|ομενη|ομενο|μενοσ|μενη|εται|ονται|ειται|ιεται"
    r"|ουνται|ιατροσ|ιατρο|ιατρου|ουχοσ|ουχο|ωνυμο)$")


def _kind(word: str) -> str:
    """What one capitalised Greek word is: "first", "surname", "ambiguous", "town",
    "region", "calendar", "not_name", "adjective", "common" or "unknown"."""
    folded = _fold(word)
    bare = _bare(word)
    capitals = word.isupper()
    if folded in _NOT_NAMES_FOLDED or bare in _CALENDAR_FOLDED:
        return "calendar" if bare in _CALENDAR_FOLDED else "not_name"
    if folded in _REGIONS_FOLDED:
        return "region"
    if folded in _AMBIGUOUS_FOLDED:
        return "ambiguous"
    if word in FIRST_NAMES or (capitals and bare in _FIRST_BARE):
        return "first"
    if word in SURNAMES or (capitals and bare in _SURNAMES_BARE):
        return "surname"
    if _is_a_town(word):
        return "town"
    if _STRONG_SURNAME_RE.search(word) or (capitals and len(word) > 5
                                          and _STRONG_BARE_RE.search(bare)):
        return "surname"
    if _WORD_ENDING_RE.search(bare):
        return "adjective"
    if folded in COMMON_WORDS or bare in COMMON_WORDS:
        return "common"
    if capitals and len(word) <= 5:
        return "not_name"  # "ΔΕΠΥ", "ΚΕΠΑ", "ΨΝΑ": an abbreviation
    if _WEAK_SURNAME_RE.search(word) and len(word) > 5:
        return "surname"
    return "unknown"


def _names(text: str) -> Iterator[_Candidate]:
    for m in _TITLED_NAME_RE.finditer(text):
        group: str = "init" if m.group("init") else "name"
        parts = (m.group(group) or "").split()
        if group == "name" and _kind(parts[0]) in ("calendar", "region", "not_name"):
            continue  # "κ. Δευτέρα" is no one; "Κύριε Ελέησον" neither
        end = m.end()
        if group == "name" and len(parts) == 2 and _kind(parts[1]) in (
                "calendar", "region", "not_name", "town", "common"):
            end = m.start(group) + len(parts[0])
        yield _Candidate("name", m.start(), end, _P_NAME_TITLE)
    for m in _GREEKLISH_TITLED_RE.finditer(text):
        yield _Candidate("name", m.start(), m.end(), _P_NAME_TITLE)
    for rx in (_ARTICLE_INITIALS_RE, _INITIALS_AGE_RE, _PERSON_INITIALS_RE):
        for m in rx.finditer(text):
            group = next(g for g in ("init", "i2", "i3") if g in rx.groupindex and m.group(g))
            if re.sub(r"[.\s]", "", m.group(group)) in _NOT_INITIALS:
                continue  # "(Κ.Υ., Σπάτων)": a health centre, no one's initials
            yield _Candidate("name", m.start(group), m.end(group), _P_NAME)
    saints = [(m.start(), m.end()) for m in _SAINT_RE.finditer(text)]
    words = list(_GREEK_WORD_RE.finditer(text))
    shouted = _words_among_capitals(words)
    run: list[tuple[int, int, str]] = []  # consecutive capitalised words of a name
    previous_end = -1
    body = False  # the word before was one that opens a body's name
    for w in words:
        word = unicodedata.normalize("NFC", w.group())
        after_body, body = body and text[previous_end:w.start()] == " ", False
        if not word[0].isupper() or len(word) < 3:
            yield from _flush(text, run)
            run = []
            previous_end = w.end()
            continue
        if any(s <= w.start() < e for s, e in saints):
            yield from _flush(text, run)
            run = []
            continue  # "του Αγίου Δημητρίου": a feast or a church, not a person
        kind = _kind(word)
        if kind == "unknown" and w.start() in shouted:
            kind = "not_name"  # "Η ΜΗΤΕΡΑ ΕΡΧΕΤΑΙ, ΜΙΛΑΕΙ": in capitals only a known name says one
        if kind == "adjective" or _fold(word) in _BODY_WORDS:
            body = True
        if after_body and not run and kind in ("unknown", "ambiguous", "common"):
            previous_end, body = w.end(), True
            continue  # "Υπηρεσία Επιμελητών", "Ενοριακής Φιλοπτώχου": a body, no one
        joined = bool(run) and text[previous_end:w.start()] in (" ", "-")
        if not joined:
            yield from _flush(text, run)
            run = []
        # A common word joins a name it follows only as a genitive surname ("Σοφία
        # Γεωργίου", "Ελένη Δημητρίου": women's surnames are often their father's name).
        if kind in ("first", "surname", "ambiguous", "unknown") or (
                kind == "common" and joined and run[-1][2] in ("first", "surname", "ambiguous")
                and word.endswith(("ου", "ΟΥ"))):
            run.append((w.start(), w.end(), kind))
        elif (kind == "common" and not run and not word.isupper()
              and not _at_sentence_start(text, w.start())
              and _ARTICLE_BEFORE_RE.search(text, max(0, w.start() - 15), w.start())):
            # Greek writes no noun in capitals: after an article, in mid-sentence, a word
            # of the dictionary in capitals is someone's name ("η Ντίνα", "ο Λευτέρης")
            run.append((w.start(), w.end(), "word"))
        else:
            yield from _flush(text, run)
            run = []
        previous_end = w.end()
    yield from _flush(text, run)


def _words_among_capitals(words: list[re.Match[str]]) -> frozenset[int]:
    """In a note typed in capitals ("ΔΕΝ ΞΕΡΩ ΜΕ ΠΟΙΟΝ"; most of its words in capitals), the
    starts of those words: there a capital says nothing of a name."""
    long = [w for w in words if len(w.group()) >= 3]
    shouted = [w.start() for w in long if w.group().isupper()]
    if len(shouted) < 4 or len(shouted) < 0.6 * len(long):
        return frozenset()
    return frozenset(shouted)


def _flush(text: str, run: list[tuple[int, int, str]]) -> Iterator[_Candidate]:
    """A run of capitalised words as a name, if one of them is a known name or the run
    stands where a name stands (after "ο"/"η", in mid-sentence)."""
    if not run:
        return
    start, end = run[0][0], run[-1][1]
    kinds = {k for _, _, k in run}
    sentence_start = _at_sentence_start(text, start)
    after_article = _ARTICLE_BEFORE_RE.search(text, max(0, start - 15), start) is not None
    if kinds & {"first", "surname"}:
        yield _Candidate("name", start, end, _P_NAME)
    elif sentence_start:
        return  # an unknown capitalised word opening a sentence says nothing
    elif _LOCATIVE_BEFORE_RE.search(text, max(0, start - 15), start) or (
            _PLACE_NOUN_BEFORE_RE.search(text, max(0, start - 30), start)):
        yield _Candidate("place", start, end, _P_PLACE_PREP)
    elif kinds == {"word"}:
        yield _Candidate("name", start, end, _P_WEAK)
    elif after_article:
        yield _Candidate("name", start, end, _P_NAME)
    else:
        yield _Candidate("name", start, end, _P_WEAK)


def _places(text: str) -> Iterator[_Candidate]:
    for m in _PREFIXED_TOWN_RE.finditer(text):
        kind = _kind(m.group("w"))
        if kind in ("town", "unknown", "ambiguous") or (
                m.group("pre") in ("Άνω", "Κάτω", "Ανω", "Κατω") and kind == "common"):
            yield _Candidate("place", m.start(), m.end(), _P_CITY_PREP)
    for m in _PLACE_AFTER_AGE_RE.finditer(text):
        if all(_kind(w) in ("town", "unknown") for w in m.group("p").split()):
            yield _Candidate("place", m.start(), m.end(), _P_CITY_PREP)
    for rx in _STREET_RES:
        for m in rx.finditer(text):
            yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _GENITIVE_STREET_RE.finditer(text):
        street = m.group("street").split()
        # famous Greeks name streets ("Ανδρέα Παπανδρέου 33"); abbreviations do not
        if any(_fold(w) in _NOT_STREETS or _kind(w) == "calendar"
               or (_kind(w) == "not_name" and w.isupper() and w[-1] not in "΄'’")
               for w in street):  # (but "Γ΄" is an archbishop's numeral)
            continue
        if (len(street) == 1 and _kind(street[0]) == "common"
                and _at_sentence_start(text, m.start())) or _ARTICLE_BEFORE_RE.search(
                    text, max(0, m.start() - 15), m.start()):
            continue  # "Ασθενής 35 με", "Στις 3:40", "ο Ηρακλής 5 χρ.": no street
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _POSTCODE_RE.finditer(text):
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _POSTCODE_TOWN_RE.finditer(text):
        if _kind(m.group("town")) in ("town", "unknown"):
            yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _INSTITUTION_RE.finditer(text):
        name = m.group("name").split()
        named = [w for w in name if w not in ("του", "της", "των")]
        if all(_fold(w.strip("«\"“»”")) in _GENERIC_AFTER_INSTITUTION for w in named):
            continue
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _QUOTED_INSTITUTION_RE.finditer(text):
        if len(m.group("q").split()) <= 5:  # a name, not a sentence quoted from a letter
            yield _Candidate("place", m.start("q"), m.end("q"), _P_PLACE_STRUCT)
    for m in _KNOWN_INSTITUTION_RE.finditer(text):
        name = m.group()
        by_article = _ARTICLE_FOR_INSTITUTION_RE.search(text, max(0, m.start() - 12), m.start())
        if " " not in name and not name.isupper() and _kind(name) not in ("unknown", "surname") \
                and not by_article and not _HEADING_PLACE_RE.match(text[:m.end() + 2]):
            continue  # "Αλεξάνδρα", "Δαφνί" alone may be a woman, a town ("Πνευμονολόγος,
            # Σωτηρία." opens with the writer's workplace)
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _ABBREVIATION_AND_PLACE_RE.finditer(text):
        if _kind(m.group("g")) in ("unknown", "surname", "town"):
            yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    yield from _places_by_position(text)
    yield from _towns(text)
    yield from _heading_places(text)


# "Φαρμακοποιός, Αγία Νάπα.", "Λεμεσός, Παλιό Λιμάνι.", "Ψυχολόγος, ιδιωτικό γραφείο,
# Κολωνάκι.": a note that opens with the writer's role or town, then where she works
_HEADING_END_EL_RE = re.compile(r"[.:;!?\n]|\s[-–—]\s")
_HEADING_PART_EL_RE = re.compile(rf"{_CAP}(?:\s+{_CAP}){{0,2}}")


def _heading_places(text: str) -> Iterator[_Candidate]:
    end = _HEADING_END_EL_RE.search(text, 0, 120)
    if end is None:
        return
    parts = [(m.start(), m.group()) for m in re.finditer(r"[^,]+", text[:end.start()])]
    if len(parts) < 2:
        return
    first = parts[0][1].strip().split()
    if len(first) > 3 or not first or not first[0][:1].isupper() or _kind(first[0]) in (
            "first", "surname", "ambiguous"):
        return  # "Ο κ. Παπαδάκης, Αρχάνες": a person first, no heading
    for start, part in parts[1:]:
        body = part.strip()
        lead = len(part) - len(part.lstrip())
        if not body or not body[0].isupper():
            continue  # "ιδιωτικό γραφείο", "4ος όροφος": a part of the work
        m = _HEADING_PART_EL_RE.fullmatch(body)
        if m is None:
            return
        words = body.split()
        not_a_place = any(_kind(w) in ("first", "calendar", "region", "not_name") for w in words)
        if (not_a_place or len(words) == 1 and _kind(body) in ("adjective", "common")) and (
                body not in INSTITUTIONS):
            continue  # "Θωρακοχειρουργική": a ward, not a place
        yield _Candidate("place", start + lead, start + lead + len(body), _P_CITY_PREP)


def _places_by_position(text: str) -> Iterator[_Candidate]:
    """A capitalised word where a place stands: after "στη"/"από το" ("στη Λήμνο", "στο
    Κολωνάκι"), or in the genitive after a word for a place ("το χωριό της Αμοργού")."""
    for w in _GREEK_WORD_RE.finditer(text):
        word = unicodedata.normalize("NFC", w.group())
        if not word[0].isupper() or len(word) < 3 or word.isupper():
            continue
        if _kind(word) not in ("common", "unknown", "town", "ambiguous") or (
                _fold(word) in _BODY_WORDS or word in _TOWN_PREFIXES):
            continue
        before = text[max(0, w.start() - 40):w.start()]
        prefix = _TOWN_PREFIX_RE.search(before)
        start = w.start() - (len(prefix.group()) if prefix else 0)
        after_locative = _LOCATIVE_BEFORE_RE.search(text, max(0, start - 15), start)
        if (after_locative and _kind(word) != "ambiguous") or _PLACE_NOUN_BEFORE_RE.search(
                text, max(0, start - 30), start):
            yield _Candidate("place", start, w.end(), _P_PLACE_PREP)


_COMMON_BARE = frozenset(_COMMON_BY_BARE)
_PREPOSITION_BEFORE_BARE_RE = re.compile(_bare(_PREPOSITION_BEFORE_RE.pattern), re.I)
# A Greek capital: a note without any was typed in lower case ("ο λακης απο το περαμα")
_GREEK_CAPITAL_RE = re.compile(r"[Α-ΩΆΈΉΊΌΎΏΪΫ]")


def _is_a_town_in_lower_case(name: str, after_preposition: bool) -> bool:
    """A town of the lists written in lower case, whose words are no first names or other
    words of the lists; one that is also a word only after "απο το", "στη" and of six
    letters or more ("απο το περαμα", "στη σαλαμινα"; not "της καρδιας", "στη σκαλα")."""
    if not _is_a_town(name) or (any(_bare(w) in _COMMON_BARE for w in name.split()) and not (
            after_preposition and len(name) >= 6)):
        return False
    return not any(
        _bare(w) in _FIRST_BARE
        or _fold(w) in _NOT_NAMES_FOLDED or _fold(w) in _REGIONS_FOLDED
        or _bare(w) in _CALENDAR_FOLDED for w in name.split())


def _towns(text: str) -> Iterator[_Candidate]:
    words = list(_GREEK_WORD_RE.finditer(text))
    in_lower_case = _GREEK_CAPITAL_RE.search(text) is None
    for i in range(len(words)):
        # the longest town name of up to three words starting here ("Νέα Σμύρνη")
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            span = words[i:i + n]
            if any(text[a.end():b.start()] != " " for a, b in zip(span, span[1:], strict=False)):
                continue
            name = text[span[0].start():span[-1].end()]
            start, end = span[0].start(), span[-1].end()
            if not name[0].isupper():
                if in_lower_case and len(name) > 3 and _is_a_town_in_lower_case(
                        name, _PREPOSITION_BEFORE_BARE_RE.search(
                            _bare(text[max(0, start - 25):start])) is not None):
                    yield _Candidate("place", start, end, _P_CITY)
                    break
                continue
            if not _is_a_town(name) or (n == 1 and name in _TOWN_PREFIXES):
                continue  # "Νέα" of "Νέα Περαμό" is no town of its own
            after_preposition = _PREPOSITION_BEFORE_RE.search(
                text, max(0, start - 25), start) is not None
            if after_preposition:
                yield _Candidate("place", start, end, _P_CITY_PREP)
            elif n == 1 and _kind(name) != "town":
                pass  # also a name or a feast: only after "στη"/"από το"
            elif not name.startswith(("Άγι", "Αγί")):
                yield _Candidate("place", start, end, _P_CITY)
            break


# Each accented Greek letter to its bare letter, one for one: a note typed in capitals or
# without accents ("ΕΝΕΝΗΝΤΑ ΕΝΑ", "ενενηντα δυο") is read as if written with them, at the
# same offsets
_NO_ACCENTS = {c: unicodedata.normalize("NFD", chr(c))[0]
               for c in (*range(0x0370, 0x0400), *range(0x1F00, 0x2000))
               if len(unicodedata.normalize("NFD", chr(c))) > 1}
_DATE_RES_BARE = [re.compile(rx.pattern.translate(_NO_ACCENTS), rx.flags) for rx in _DATE_RES]
_AGE_RES_BARE = [re.compile(rx.pattern.translate(_NO_ACCENTS), rx.flags) for rx in _AGE_RES]


# Once a month has been named, a day alone after "στις" is a day of it ("Στις 12
# Οκτωβρίου ... Στις 13 την έφερε η γιαγιά") - not an hour ("στις 13:00", "στις 8 το πρωί")
_BARE_DAY_EL_RE = re.compile(
    rf"(?<!\w)(?:στις|τις|από\s+τις|μέχρι\s+τις|ως\s+τις|έως\s+τις)\s+(?P<d>{_DAY})"
    r"(?!\d|[/.,:]\d|\s*(?:ώρα|ώρες|η\s+ώρα|το\s+(?:πρωί|απόγευμα|βράδυ|μεσημέρι)|τα\s+ξημερώματα"
    r"|π\.?\s?μ|μ\.?\s?μ|και\s+\d|ή\s+\d|με\s+\d|-|–|λεπτά|φορές|%|mg|\w+\s+του\s+μηνός))", re.I)
_BARE_DAY_EL_RE_BARE = re.compile(_BARE_DAY_EL_RE.pattern.translate(_NO_ACCENTS), re.I)


def _dates_and_ages(text: str) -> Iterator[_Candidate]:
    bare = text.translate(_NO_ACCENTS)
    first_month = len(text)
    for rx in _DATE_RES_BARE:
        for m in rx.finditer(bare):
            group: str | int = "v" if "v" in rx.groupindex else 0
            yield _Candidate("date", m.start(group), m.end(group), _P_DATE)
            if rx is _DATE_RES_BARE[0]:
                first_month = min(first_month, m.start())
    for m in _BARE_DAY_EL_RE_BARE.finditer(bare, first_month):
        yield _Candidate("date", m.start("d"), m.end("d"), _P_DATE)
    for rx in _AGE_RES_BARE:
        for m in rx.finditer(bare):
            group = "v" if "v" in rx.groupindex else 0
            yield _Candidate("age_over_89", m.start(group), m.end(group), _P_AGE)


def _numbers(text: str) -> Iterator[_Candidate]:
    for m in _AMKA_LABELLED_RE.finditer(text):
        yield _Candidate("id_number", m.start(1), m.end(1), _P_ID)
    for m in _ELEVEN_DIGITS_RE.finditer(text):
        if _is_amka(m.group(1)):
            yield _Candidate("id_number", m.start(1), m.end(1), _P_ID)
    for m in _AFM_LABELLED_RE.finditer(text):
        yield _Candidate("id_number", m.start(1), m.end(1), _P_ID)
    for m in _NINE_DIGITS_RE.finditer(text):
        if _is_afm(m.group(1)):
            yield _Candidate("id_number", m.start(1), m.end(1), _P_ID)
    for m in _NUMBER_AFTER_WORDS_RE.finditer(text):
        which = next(g for g in ("v", "c", "a") if m.group(g))
        yield _Candidate("id_number", m.start(which), m.end(which), _P_ID)
    for m in _ID_CARD_RE.finditer(text):
        yield _Candidate("id_number", m.start(1), m.end(1), _P_ID)
    for m in _FILE_NUMBER_RE.finditer(text):
        group = 1 if m.group(1) else 2
        yield _Candidate("id_number", m.start(group), m.end(group), _P_ID)
    for m in _PLATE_RE.finditer(text):
        yield _Candidate("id_number", m.start(), m.end(), _P_ID)
    for m in _VEHICLE_PLATE_RE.finditer(text):
        yield _Candidate("id_number", m.start("v"), m.end("v"), _P_ID)
    for rx in _PHONE_RES:
        for m in rx.finditer(text):
            value: str | int = "v" if "v" in rx.groupindex else 0
            yield _Candidate("phone", m.start(value), m.end(value), _P_PHONE)


# Someone a patient listens to, reads or sings is a public figure: "ακούει Ψαραντώνη",
# "βιβλίο του Γιάλομ", "τραγουδάει Μπιθικώτση" (a verb with no article: "ακούει τη Μαρία"
# is her daughter)
_PUBLIC_FIGURE_RE = re.compile(
    r"(?<!\w)(?:(?:ακούει|άκουγε|ακούω|άκουγα|ακούμε|ακούγαμε|τραγουδάει|τραγουδά|τραγουδούσε"
    r"|τραγουδούσαμε|βάζουμε|έβαζε|βάζει|διαβάζει|διάβαζε)"
    r"|(?:βιβλίο|βιβλία|τραγούδια|τραγούδι|ταινίες|ταινία|δίσκους|δίσκο|ποίημα|ποιήματα|στίχους"
    r"|οπαδός|φαν)\s+(?:του|της|των))"
    rf"\s+(?P<n>{_CAP}(?:\s+{_CAP})?)")
def public_figures(text: str) -> Iterator[tuple[int, int]]:
    """Where the text names someone the patient listens to or reads. (The Balint
    literature's authors and the public figures of the lists, in Greek spelling too, are
    left out of every language's names by `_words._inside_a_citation`.)"""
    for m in _PUBLIC_FIGURE_RE.finditer(text):
        yield m.start("n"), m.end("n")


def find(text: str) -> Iterator[_Candidate]:
    if _GREEKLISH_TITLED_RE.search(text):
        yield from (c for c in _names(text) if c.priority == _P_NAME_TITLE)
    if not _in_greek(text):
        return
    yield from _names(text)
    yield from _places(text)
    yield from _dates_and_ages(text)
    yield from _others(text)
    if re.search(r"\d", text):
        yield from _numbers(text)
