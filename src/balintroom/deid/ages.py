"""Ages of 90 or over, in digits or words, in English and German: "92-year-old",
"Frau K., 93", "she is ninety", "zweiundneunzigjährig", "Mitte neunzig". It must not flag
a number that measures something else (a dose, a score, a pulse, "sats 94%", "the late
nineties" as a decade) nor an age under 90.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from balintroom.deid import identifier_data as data
from balintroom.deid._text import _MONTHS_ANY, _P_AGE, _WEEKDAYS, _Candidate, _Token

_OLD = r"(?:9\d|1[01]\d)"  # 90 to 119
_NOT_A_UNIT = (
    r"(?!\s*(?:%|‰|kg|g\b|mg|µg|ml|l\b|cm|mm|m\b|km|h\b|min|°|mmHg|bpm|Euro|EUR|€|\$|£"
    r"|Prozent|percent|Punkte|points|Tage|days|Wochen|weeks|Monate|months|Minuten|minutes"
    r"|Stunden|hours|Mal|times|x\b))")
_AGE_RES = [
    re.compile(rf"\b{_OLD}(?:[- ](?:year|yr)s?[- ]old|\s?(?:y/o|yo|y\.o\.|yrs?\b|y\b\.?|J\.))",
               re.I),
    # "her 100th", "for his 95th:": a birthday without the word
    re.compile(rf"(?<=\b(?:her|his)\s){_OLD}(?:st|nd|rd|th)\b(?!\s+(?:time|visit|day|week"
               r"|admission|appointment|session|fall|attempt))"),
    re.compile(rf"\b{_OLD}\s?-?\s?(?:jährig|Jährig)\w*"),
    re.compile(rf"\b{_OLD}\s+(?i:Jahre|Lebensjahre?)\s+alt\b"),
    # "Pat. H. Wendt (91J)", "(Jg. 1929, also 95)", "er 90, sie 87": a German note's shorthand
    re.compile(rf"\b(?P<age>{_OLD})\s?J(?=\))"),
    re.compile(rf"\bJg\.\s*\d{{4}},?\s*(?:also|d\.\s?h\.|jetzt)\s+(?P<age>{_OLD})\b"),
    re.compile(rf"(?<![\w'’-])(?:[Ee]r|[Ss]ie)\s+(?P<age>{_OLD})(?=\s*[,;)])(?!,\d)"),
    re.compile(rf"\b(?:im\s+Alter\s+von|Alter:?|aged?|age\s+of|at\s+the\s+age\s+of)\s+{_OLD}\b"
               + _NOT_A_UNIT, re.I),
    re.compile(rf"(?<=\bmit\s){_OLD}\b" + _NOT_A_UNIT, re.I),
    re.compile(rf"\b(?:turn(?:s|ed|ing)?|wird|wurde|werden)\s+(?:\w+\s+){{0,2}}?{_OLD}\b"
               + _NOT_A_UNIT + r"(?!\s*[.,]\d)", re.I),
    # "F 92 fall", "M, 94": sex and age, the shorthand of a referral (not ICD "F92")
    re.compile(rf"(?<![\w.'’-])[MFW],?\s+(?P<age>{_OLD})\b" + _NOT_A_UNIT + r"(?!\s*[.,/]\d)"),
    # "pt 94F", "92M": the age, then the sex, as triage writes it (not "temp 101F")
    re.compile(rf"(?<![\w.])(?<!temp\s)(?<!Temp\s)(?<!T\s)(?P<age>{_OLD})\s?[MFW](?![\w°])"),
    # "pat. 91j", "91 j."
    re.compile(rf"\b(?P<age>{_OLD})\s?j\.?(?!\w)"),
    # "(both 93)", "beide 91", "beide über 90"
    re.compile(rf"\b(?:both|beide|each|jeweils)\s+(?:(?:über|over)\s+)?(?P<age>{_OLD})\b"
               + _NOT_A_UNIT
               + r"(?!\s*[.,]\d)", re.I),
    # "103 Jahre, fragt", "Frau K., 93 years;": years without "old", then a pause
    re.compile(rf"\b{_OLD}\s+(?i:Jahre|years)(?=\s*(?:[,;:)–!]|\s-\s|$))"),
    # "97 and sharper than me", "95, lives alone": a bare number opening the text
    re.compile(rf"^\s*{_OLD}(?=\s*(?:,|;|\s(?:and|und)\s|\s[-–]\s))"),
    # "über 90, keine Angehörigen": "over" and an age opening a clause, then a pause
    re.compile(rf"(?:^|(?<=[.;:]\s))(?i:über|fast|knapp|almost|nearly|over|well\s+over|past)"
               rf"\s+{_OLD}(?=\s*(?:[,;]|\s[-–]\s))"),
]
# Ages in words: "ninety-one", "one hundred and two", "zweiundneunzigjährig", "Mitte neunzig".
_EN_ONES = "one|two|three|four|five|six|seven|eight|nine"
_EN_TEENS = ("ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
             "|nineteen")
_EN_OLD_WORDS = (rf"ninety[- ](?:{_EN_ONES})\b|(?:a|one)[- ]hundred(?:[- ]and[- ]"
                 rf"(?:{_EN_ONES}|{_EN_TEENS}))?\b")
_DE_ONES = "ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun"
_DE_OLD_WORDS = (rf"(?:{_DE_ONES})undneunzig|(?:ein)?hundert(?:und)?(?:{_DE_ONES}|eins|zehn|elf"
                 r"|zwölf|(?:drei|vier|fünf|sech|sieb|acht|neun)zehn)")
_WORD_AGE_NOT_A_COUNT = (
    r"(?!\s*(?:%|per\s?cent|Prozent|minutes|Minuten|hours|Stunden|days|Tage|Tagen|weeks|Wochen"
    r"|times|Mal|mal|pounds|Euro|euros|quid|tablets|Tabletten|miles|Meter|metres|people"
    r"|Leute|Menschen|patients|Patienten|of\b|von\b|\w*prozent))")
_EN_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_DE_ORDINALS = "erst|zweit|dritt|viert|fünft|sechst|siebt|acht|neunt"
_AGE_WORD_RES = [
    # "died at ninety", "turned ninety on the 3rd", "wurde am 5. Mai hundert": a round age
    # after a word of ageing or dying (bare "ninety" is too often a count to flag alone)
    re.compile(r"\b(?:turn(?:s|ed|ing)?|reach(?:es|ed|ing)?|made\s+it\s+to|make\s+it\s+to"
               r"|lived\s+to|live\s+to|living\s+to|died\s+at|dies\s+at|dead\s+at|died\s+aged"
               r"|passed\s+away\s+at|wird|wurde|werden|geworden|starb\s+mit|gestorben\s+mit"
               r"|erreicht(?:e|en)?)\s+(?:[\w.]+\s+){0,3}?(?P<age>ninety|(?:a|one)\s+hundred"
               r"|neunzig|hundert)\b(?!\s*(?:%|per\s?cent|Prozent|prozent))"
               # "turned ninety beds", "wurde hundert Meter": a count of things
               r"(?!\s+(?!this\b|was\b|is\b|has\b|as\b)[a-z]+s\b|\s+(?!Anfang|Ende|Mitte)"
               r"(?-i:[A-ZÄÖÜ])[a-zäöüß]+(?:en|n|e|s|er)\b|\s+(?:degrees|Grad)\b)", re.I),
    # "her hundredth birthday", "ihren neunzigsten Geburtstag", "the ninety-first"
    re.compile(rf"\b(?:ninetieth|hundredth|ninety[- ](?:{_EN_ORDINALS})|(?:(?:a|one)[- ])?"
               rf"hundred(?:[- ]and)?[- ](?:{_EN_ORDINALS}))\s+(?:birthday|party)\b"
               rf"|\b(?:neunzigst|hundertst|(?:{_DE_ONES})undneunzigst|hundert(?:und)?"
               rf"(?:{_DE_ORDINALS}))(?:e|en|er|es)?\s+Geburtstag\w*", re.I),
    re.compile(rf"\b(?:{_EN_OLD_WORDS})(?:[- ]years?[- ]old)?" + _WORD_AGE_NOT_A_COUNT, re.I),
    re.compile(rf"\b(?:{_DE_OLD_WORDS}|neunzig|hundert)[- ]?jährig\w*", re.I),
    # "Frau Grabowski, neunzig Jahre, PG 4" - not "seit neunzig Jahren", "vor hundert Jahren"
    re.compile(rf"(?<!seit\s)(?<!vor\s)(?<!für\s)(?<!nach\s)(?<!über\s)\b(?P<age>{_DE_OLD_WORDS}"
               r"|neunzig|hundert)\s+Jahre\b(?!\s+(?:lang|her|später|zuvor|danach))", re.I),
    # "frau, 90+, alleine"
    re.compile(rf"(?<![\w.]){_OLD}\+(?!\d)"),
    re.compile(rf"\b(?:{_DE_OLD_WORDS})\b" + _WORD_AGE_NOT_A_COUNT, re.I),
    re.compile(r"\b(?:nonagenarian|(?:super)?centenarian|Hundertjährige\w*|Neunzigjährige\w*)",
               re.I),
    re.compile(r"\bin\s+(?:her|his|their)\s+(?:(?:early|mid|late)[- ]?)?(?:nineties|90s)\b",
               re.I),
    # "late nineties, bedbound": but not the decade, "since the late nineties"
    re.compile(r"(?<!\bthe\s)(?<!\bthe\s\s)\b(?:early|mid|late)[- ]?(?:nineties|90s)\b"
               r"(?!\s*(?:music|band|songs?|when|,\s*when))", re.I),
    re.compile(r"\b(?:Anfang|Mitte|Ende)\s+(?:neunzig|der\s+Neunziger|90)\b"),
    re.compile(r"\b(?:almost|nearly|pushing|over|past|well\s+over|fast|knapp|über|mit)\s+"
               r"(?:ninety|a\s+hundred|neunzig|hundert)\b" + _WORD_AGE_NOT_A_COUNT, re.I),
    re.compile(r"\b(?:ninety|neunzig|9\d)(?:[- ]odd|[- ]something|\s+and\s+a\s+bit"
               r"|\s+und\s+ein\s+paar\b[\w ]{0,15})", re.I),
    re.compile(rf"\b(?:im\s+)?{_OLD}\.\s*Lebensjahr\b", re.I),
    re.compile(rf"\b{_OLD}(?:st|nd|rd|th)\s+(?:birthday|party|celebration)\b"
               rf"|\b{_OLD}\.\s+Geburtstag\b", re.I),
    # "90 next month": the age, not the time ("turning 101" stays the span where it is)
    re.compile(rf"\b{_OLD}(?=\s+(?:next|this|on|in\s+the\s+next)\s+(?:week|month|year|spring"
               r"|summer|autumn|winter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
               r"|Sunday))"
               rf"|\b{_OLD}(?=\s+(?:im\s+nächsten|nächste[nrs]?|diese[nrs]?)\s+\w+)"
               rf"|\b{_OLD}\s+geworden\b"),
    re.compile(rf"\b(?:she's|he's|she\s+is|he\s+is|sie\s+ist|er\s+ist|sei|actually|in"
               rf"\s+Wahrheit|eigentlich)\s+(?:{_OLD}|ninety|neunzig)\b" + _NOT_A_UNIT
               + r"(?!\s*[.,]\d)"),
    # "Glenys, 90, bereaved", "'Nana Pat' - 98 - wants": a bare age between commas or dashes;
    # "Pat. weibl., neunzig, Sturz" in words
    re.compile(rf"(?:(?<=[^\W\d],\s)|(?<=['’“”\"),]\s)|(?<=\s[-–]\s))"
               rf"(?:{_OLD}|(?<!zig,\s)(?<!ty,\s)(?i:ninety|neunzig|hundert|a\s+hundred))"
               r"(?=\s*(?:,|;|\s[-–]\s))"),
    # "(Alzheimer, 92)": the age closing a bracket after a word and a comma
    re.compile(rf"(?<=[^\W\d],\s){_OLD}(?=\))"),
    # "Nana Brathwaite died on the 19th. 101. She used to", "Ninety. Fiercely private.",
    # "(93!)": an age that is a sentence of its own (not a numbered line, which opens one)
    re.compile(rf"(?:(?<=[^\W\d\s][.!?]\s)|(?<=[^\W\d\s]['’”“\"][.!?]\s))"
               rf"(?:{_OLD}|(?i:ninety|neunzig|hundert))(?=\.(?:\s|$))"),
    re.compile(rf"(?<=\(){_OLD}(?=!\))"),
    # "Mr Thapa, ex-Gurkha, 90 on 1st Feb", "Oma Gerti, 99 im Oktober", "- ninety in Oct
    # 2024": after a pause, an age and the birthday when it is reached
    re.compile(rf"(?:(?<=,\s)|(?<=[-–]\s))(?P<age>{_OLD}|(?i:ninety|neunzig|hundert|a\s+hundred))"
               rf"(?=\s+(?:on|in|im|am)\s+(?:the\s+)?(?:\d|(?:{_MONTHS_ANY})\b|(?i:{_WEEKDAYS})\b))"),
    # "ihre Mitbewohnerin, die 97 ist": the age in a German relative clause
    re.compile(rf"(?<=,\s)(?:die|der)\s+(?P<age>{_OLD}|neunzig|hundert)\s+(?:ist|war|wird|wurde)\b"),
    # "Neunzig ist er geworden", "pat. neunzig geworden"
    re.compile(r"(?:^|(?<=[.!?:]\s))(?:Ninety|Neunzig|Hundert)(?=\s+(?:ist|wird|war|is|was"
               r"|she\s+is|he\s+is)\b)|\b(?i:neunzig|hundert)(?=\s+geworden\b)"),
]
# "Frau K., 93", "Frau K. (93)", and in a hasty note "mr k 93 fell again"
_AGE_AFTER_PERSON = re.compile(rf"\s*(?:,\s*|\(\s*|\s){_OLD}\b" + _NOT_A_UNIT
                               + r"(?!\s*[.,/]\d)")
# "wife 95", "Ehemann 90", "a widower of 93": a person word, then the age without a comma
_AGE_AFTER_PERSON_WORD = re.compile(
    rf"\s+(?:of\s+|von\s+)?{_OLD}\b" + _NOT_A_UNIT
    + r"(?!\s*[.,/]\d)(?!\s+(?:years?|Jahre|Jahren)\s+(?:ago|later|before|zuvor|später|her))")


# Every age pattern needs a digit or one of these words: a cheap test before forty regexes.
_AGE_HINT_RE = re.compile(r"\d|(?i:ninet|neunzig|hundert|hundred|centenarian|nonagen)")


def _ages_in_words(text: str) -> Iterator[_Candidate]:
    if not _AGE_HINT_RE.search(text):
        return
    for rx in _AGE_WORD_RES:
        group = "age" if "age" in rx.groupindex else 0
        for m in rx.finditer(text):
            yield _Candidate("age_over_89", m.start(group), m.end(group), _P_AGE)


# A bare number from 90 in a sentence that speaks of age: "Our oldest patient, nearly 100",
# "Age on the referral says 104", "Geboren 1930, also 95" - not "HR 95" or "Zimmer 102".
# (a full stop after a digit ends no sentence: "am 2. Februar")
_SENTENCE_RE = re.compile(r"(?:[^.!?;]|(?<=\d)\.|\.(?=\d))+(?:[.!?;]|$)|[.!?;]")
_AGE_WORD_RE = re.compile(
    r"\b(?i:ages?|aged|oldest|birthday|born|centenarian|geboren|geb\.|Geburtstag|Alter"
    r"|älteste[nr]?|Jahrgang|Lebensjahr|hundertste[nr]?)(?!\w)")
_BARE_OLD_RE = re.compile(rf"(?<![\w.,/:-]){_OLD}(?![\w.,/:-]\d|\w)" + _NOT_A_UNIT
                          + r"(?!\s*(?:/|-\d|Jahre\s+(?:lang|her)|years\s+ago))")
_MEASURE_BEFORE_RE = re.compile(
    r"(?i:HR|BP|RR|sats|SpO2|SaO2|pulse|Puls|BZ|BMI|MMSE|IQ|score|Punkte|page|Seite|Zimmer"
    r"|room|bed|Bett|ward|Station|bus|Linie|Nr|No|Haus|flat|Wohnung|Platz|about|von|of"
    r"|in|im|seit|since|bis|until|bei|at)\.?\s*[:#]?\s*$")


# "dev's nani, copd, 91": the age closing a label; not "sats on air, 94"
_AGE_AT_END_RE = re.compile(rf"(?:(?<=[^\W\d])|(?<=[^\W\d]\.)),\s(?P<age>{_OLD})\.?\s*$")
_SEGMENT_START_RE = re.compile(r"[^,;:.!?]*$")
_MEASURE_WORD_RE = re.compile(
    r"(?i:\b(?:HR|BP|RR|sats|SpO2|SaO2|O2|air|pulse|Puls|BZ|BMI|MMSE|MoCA|IQ|score|Punkte"
    r"|weight|wt|Gewicht|temp|glucose|sugar|HbA1c|percent|centile)\b)")


def _ages(text: str) -> Iterator[_Candidate]:
    for rx in _AGE_RES:
        group = "age" if "age" in rx.groupindex else 0
        for m in rx.finditer(text):
            yield _Candidate("age_over_89", m.start(group), m.end(group), _P_AGE)
    if (last := _AGE_AT_END_RE.search(text)) is not None:
        segment = _SEGMENT_START_RE.search(text, 0, last.start())
        if segment is None or not _MEASURE_WORD_RE.search(segment.group()):
            yield _Candidate("age_over_89", last.start("age"), last.end("age"), _P_AGE - 1)
    for sentence in _SENTENCE_RE.finditer(text):
        if not _AGE_WORD_RE.search(sentence.group()):
            continue
        for m in _BARE_OLD_RE.finditer(text, sentence.start(), sentence.end()):
            if not _MEASURE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
                yield _Candidate("age_over_89", m.start(), m.end(), _P_AGE - 1)


def _ages_after_persons(text: str, toks: list[_Token],
                        names: list[_Candidate]) -> Iterator[_Candidate]:
    """ "Frau K., 93", "Mr. Chen, 91", "the widow (94)"."""
    ends = {c.end for c in names}
    person_words = {t.end for t in toks if t.text in data.PERSON_NOUNS}
    ends |= person_words
    for end in sorted(ends):
        m = _AGE_AFTER_PERSON.match(text, end)
        if not m and end in person_words:
            m = _AGE_AFTER_PERSON_WORD.match(text, end)
        if m:
            num = re.search(_OLD + r"\b", m.group())
            assert num is not None
            yield _Candidate("age_over_89", end + num.start(), end + num.end(), _P_AGE)

_OLD_WORD = (rf"(?:{_OLD}|ninety|neunzig|(?:a|one)\s+hundred|hundert|{_EN_OLD_WORDS}"
             rf"|{_DE_OLD_WORDS})")
# Copula and age: "she is 92 and", "Die Mutter ist 95,", "His mother is ninety",
# "will be 101 in October", "wird bald 100"; but not "HR was 96", "sats 94%".
_AGE_COPULA_RE = re.compile(
    rf"(?:(?<![\w'’])(?:is|was|ist|war|wäre|sei|will\s+be|would\s+have\s+been"
    rf"|would\s+be|wird|würde|is\s+now|ist\s+jetzt|ist\s+nun|is\s+already|ist\s+schon"
    rf"|ist\s+bereits|wird\s+bald|will\s+soon\s+be)|(?:(?<=\b[Hh]e)|(?<=\b[Ss]he))['’](?:s|ll\s+be))\s+"
    rf"(?:(?:now|jetzt|already|schon|bereits|nun|fast|almost|nearly|knapp|über|over|gerade"
    rf"|stolze|just|erst)\s+)?(?P<age>{_OLD_WORD})\b(?!\s*[.,]\d)(?!\s*/)"
    + _NOT_A_UNIT + r"(?!\s*(?:percent|per\s?cent|Prozent|pounds|euros?|quid|beats|mmHg"
    r"|mg|ml|kg|units|Einheiten|Schläge|über\b|over\b|von\b|of\b|out\b|Punkte"
    # "96 on air", but "ninety on Saturday week", "100 on the 3rd"
    r"|on\b(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the\s+\d"
    r"|(?:her|his)\s+(?:next\s+)?birthday))"
    r"|minutes|Minuten|m\b|metres|Meter|degrees|Grad))", re.I)
_SUBJECT_BEFORE_RE = re.compile(r"([^\W\d_][\w'’]*)\s+$")
_PERSON_SET_OFF_BEFORE_RE = re.compile(r"(?:\([A-ZÄÖÜ][^()]{0,40}\)|(?P<w>[^\W\d_][\w'’]*)\s[-–—]"
                                       r"|(?i:bed|room|Bett|Zimmer)\s+\d{1,3}"
                                       # "His wife, Evangeline, is 92": a name set apart
                                       r"|,\s(?P<n>[A-ZÄÖÜ][a-zäöüß'’-]+),)\s*$")
_NOT_AGE_SUBJECTS = frozenset({
    "hr", "bp", "rr", "sats", "spo2", "temp", "pulse", "puls", "score", "wert", "level",
    "count", "weight", "gewicht", "bz", "blutzucker", "glucose", "sugar", "rate", "result",
    "ergebnis", "total", "summe", "number", "nummer", "zimmer", "room", "bed", "bett", "it",
    "es", "that", "this", "das", "dies", "which", "was", "cost", "price", "preis", "bill",
    "rechnung", "bus", "tram", "line", "linie", "platform", "gleis", "page", "seite", "mmse",
    "moca", "barthel", "phq", "gad", "hba1c", "crp", "hb", "egfr", "creatinine", "kreatinin",
    "saturation", "sättigung", "fev1", "iq", "bmi", "ldl", "hdl", "tsh", "ferritin", "ck",
    "figure", "zahl", "anzahl", "speed", "tempo", "limit", "year", "jahr", "house", "haus",
    "flat", "wohnung", "ward", "station", "there", "da", "here", "hier", "what", "frequency",
    "frequenz", "herzfrequenz", "atemfrequenz", "sauerstoffsättigung",
    "cholesterol", "cholesterin", "glukose", "lactate", "laktat", "natrium", "sodium",
    "kalium", "potassium", "troponin", "inr", "psa", "ggt", "alt", "ast", "ap", "ldh",
    "temperature", "temperatur", "ratio", "index", "percentile", "perzentile"})
# "(ninety last month)", "(neunzig Jahre alt)", "neunzig Jahre alt", "dreiundneunzigeinhalb"
_AGE_WORD_MORE_RES = [
    re.compile(rf"(?i:\(\s*(?P<age>ninety|neunzig|(?:a|one)\s+hundred|hundert|{_EN_OLD_WORDS}"
               rf"|{_DE_OLD_WORDS}|{_OLD})\b)(?=\s*(?:\)|,|last|next|this|im|letzte|nächste"
               rf"|vorige|years|Jahre|y\b|J\.|and|und|now|jetzt|today|heute|soon|bald))"),
    re.compile(rf"(?i:\b(?P<age>(?:ninety|neunzig|(?:a|one)\s+hundred|hundert|{_EN_OLD_WORDS}"
               rf"|{_DE_OLD_WORDS})\s+(?:Jahre|years)\s+(?:alt|old)))\b"),
    # "ninety this year", "a hundred next month": a birthday to come or just gone
    re.compile(rf"(?i:\b(?P<age>ninety|(?:a|one)\s+hundred|{_EN_OLD_WORDS})\s+(?:this|last|next)"
               rf"\s+(?:year|month|week|birthday|spring|summer|autumn|fall|winter))\b"),
    re.compile(rf"(?i:\b(?P<age>(?:{_DE_OLD_WORDS}|neunzig)(?:einhalb|dreiviertel)"
               rf"|(?:ninety|{_EN_OLD_WORDS})\s+and\s+(?:a\s+half|three\s+quarters)))\b"),
    # "celebrated her ninetieth", "seinen Neunzigsten": an ordinal of age after a possessive
    re.compile(rf"(?i:\b(?:her|his|their|ihren|seinen|ihrem|seinem)\s+(?P<age>ninetieth"
               rf"|hundredth|ninety[- ](?:{_EN_ORDINALS})|neunzigsten|hundertsten"
               rf"|(?:{_DE_ONES})undneunzigsten))\b(?!\s+(?:percentile|Perzentile|minute"
               rf"|Minute|time|Mal|place|Platz|day|Tag|anniversary|Jahrestag|year|Jahr))"),
]


def _is_a_measure(subject: str) -> bool:
    """Whether the word before "is 96" is what is measured ("HR", "sats"), not a person."""
    return subject.casefold() in _NOT_AGE_SUBJECTS or (
        subject.isupper() and len(subject) > 1 and subject != "I")


def _ages_after_a_copula_and_spelled_out(text: str,
                                         names: list[_Candidate]) -> Iterator[_Candidate]:
    """ "she is 92", "Die Mutter ist 95", "(ninety last month)", "seinen Neunzigsten": an
    age after a copula whose subject is a person, not a measurement ("HR was 96"), and ages
    spelled out with years, halves or an ordinal."""
    if not _AGE_HINT_RE.search(text):
        return
    for m in _AGE_COPULA_RE.finditer(text):
        if text[m.start()] in "'’":  # "He's 92", "she's 101": the subject is a person
            yield _Candidate("age_over_89", m.start("age"), m.end("age"), _P_AGE)
            continue
        before = _SUBJECT_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
        if before is None:
            # "Gladys in bed 3 is 104", "Nan - real name Beryl Tapsell - is 91", "(Anna
            # S.) ist 96": the person named before a bed, a dash or a bracket
            set_off = _PERSON_SET_OFF_BEFORE_RE.search(text, max(0, m.start() - 48), m.start())
            if set_off is not None and not _is_a_measure(
                    set_off.group("w") or set_off.group("n") or ""):
                yield _Candidate("age_over_89", m.start("age"), m.end("age"), _P_AGE)
            continue
        if _is_a_measure(before.group(1)):
            continue
        yield _Candidate("age_over_89", m.start("age"), m.end("age"), _P_AGE)
    for rx in _AGE_WORD_MORE_RES:
        for m in rx.finditer(text):
            yield _Candidate("age_over_89", m.start("age"), m.end("age"), _P_AGE)
