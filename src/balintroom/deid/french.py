"""French: what may identify someone in a French note that the English and German rules
miss (titles such as "Mme", addresses such as "12 rue des Lilas", "92 ans", "le 3 mai").

`find(text)` yields candidates; `identifiers.find_identifiers` runs it for French text
and for text of no stated language, routes names and places through the same filters as
the other rules' (medicines, eponyms, the group's own names) and resolves overlaps by
priority (`_text._P_*`). Since these rules also read English and German case labels,
every pattern leans on something French (a French title, month, street word or
preposition) or on a list from which English and German words were removed.
"""

from __future__ import annotations

import re
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
    _P_PLACE_PREP,
    _P_PLACE_STRUCT,
    _alternation,
    _at_sentence_start,
    _Candidate,
    _Token,
    _tokens,
)

# --- word lists (data/README.md, section "French") ----------------------------------------
FIRST_NAMES = data.FR_FIRST_NAMES
# Also ordinary words ("Rose", "Claire", "Aurore"): a name only before a surname or after a cue.
AMBIGUOUS_FIRST_NAMES = data.FR_AMBIGUOUS_FIRST_NAMES
SURNAMES = data.FR_SURNAMES
_SURNAMES_LC = frozenset(n.casefold() for n in SURNAMES)
REGIONS = data.FR_REGIONS
# Flagged wherever they stand: none is an ordinary French, English or German word.
TOWNS = data.FR_TOWNS - data.EPONYMS - REGIONS - data.FIRST_NAMES - FIRST_NAMES
# Ordinary words or names too ("Tours", "Nice", "Paris" is a first name): after "à", "près de".
AMBIGUOUS_TOWNS = ((data.FR_AMBIGUOUS_TOWNS | data.CITIES | data.WORLD_CITIES
                    | data.TOWNS) - data.EPONYMS - REGIONS - data.DRUG_NAMES)
WORDS = data.FR_WORDS

_ALL_FIRST = FIRST_NAMES | AMBIGUOUS_FIRST_NAMES
# French first names and those of every language: built once, not on each word
_ANY_FIRST = _ALL_FIRST | data.FIRST_NAMES
_LISTED_TOWNS = TOWNS | AMBIGUOUS_TOWNS | data.CITIES
_MAX_TOWN_WORDS = 4  # "Saint-Martin-de-Ré" is one token; "Les Sables-d'Olonne" two

_UP = "A-ZÀ-ÖØ-Þ"
_CAP = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿœ]*(?:['’\-][A-ZÀ-ÖØ-Þa-zà-öø-ÿœ]+)*"  # Dubois, Saint-Roch, D


def _is_word(w: str) -> bool:
    """An ordinary word in French, English or German (lower-cased)."""
    lw = w.casefold().replace("’", "'")
    return (lw in WORDS or lw in data.COMMON_WORDS_EN
            or data.WORD_FREQUENCIES_DE.get(lw, 0.0) >= 3.0)


# --- 1. titles and names -------------------------------------------------------------------
_TITLES = (r"M\.|MM\.|Mme\.?|Mmes\.?|Mlle\.?|Mlles\.?|Madame|Monsieur|Mademoiselle|Messieurs"
           r"|Mesdames|Dr\.?|Dre\.?|Docteur|Docteure|Pr\.?|Professeur|Professeure|Maître|Me"
           r"|Père|Sœur|Soeur|Frère|[Ll]['’]abbé|Abbé"
           # in a hasty note ("pleuré en parlant de m. Girard"), and an office before a
           # surname ("le juge Rivière", "la commissaire Benali")
           r"|(?<!\d\s)m\.|mme\.?|mlle\.?|[Jj]uge|[Cc]ommissaire|[Cc]apitaine|[Ll]ieutenante?|[Aa]djudante?"
           r"|[Bb]rigadier|[Bb]rigadière|[Pp]asteure?|[Cc]uré|[Aa]umônière?")
_LOWER_TITLES = r"mme\.?|mlle\.?|m\.|madame|monsieur|mademoiselle|dr\.?|docteur|pr\.?"
# "mme petit", "mr ahmed K.": an abbreviated title is always followed by a name, even one
# that is a word too, unless by a word no name is
_ABBREVIATED_TITLE_NAME_RE = re.compile(
    r"(?<![\w.])(?:mme|mr|mlle|Mr)\.?\s+(?P<n>(?!(?:la|le|les|l|est|a|et|ou|votre|ma|sa"
    r"|son|de|du|des|qui|que|dit|me|m|se|s|y)\b)[a-zà-öø-ÿœ][a-zà-öø-ÿœ'\-]+"
    r"(?:\s+[A-Z]\.|\s+(?!(?:la|le|les|est|a|et|ou|de|du|des|qui|que|dit|me|m|se|s|y|en|au"
    r"|aux|encore|ce|cette|il|elle|on)\b)[a-zà-öø-ÿœ][a-zà-öø-ÿœ'\-]{2,}(?=\s*[(,.]))?)")
_PARTICLE = r"(?:(?:de\s+la|de\s+l['’]|de|du|des|d['’]|Le|La|Van|van|von)\s*)"
_TITLE_NAME_RE = re.compile(
    rf"(?<![\w.])(?:{_TITLES})\s+(?P<n>{_PARTICLE}?(?:[{_UP}]\.|{_CAP})(?:\s+{_PARTICLE}?(?P<n2>{_CAP}))?)")
_LOWER_TITLE_NAME_RE = re.compile(
    rf"(?<![\w.])(?:{_LOWER_TITLES})\s+(?P<n>[a-zà-öø-ÿœ][a-zà-öø-ÿœ'\-]{{2,}})")
# Not a person after a title: "Père Noël", "Monsieur le Maire" is cut by the capital rule.
_NOT_AFTER_TITLE = frozenset({"Noël", "Fouettard", "Lachaise", "Google", "House", "Who"})
_MONTHS = ("janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet",
           "août", "aout", "septembre", "octobre", "novembre", "décembre", "decembre")
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_CALENDAR = frozenset(w.capitalize() for w in _MONTHS + _WEEKDAYS)


def _titled_names(text: str) -> Iterator[_Candidate]:
    for m in _TITLE_NAME_RE.finditer(text):
        words = m.group("n").split()
        first = words[0].rstrip(".")
        # "M. Parkinson" is a German Morbus; "Dr Google", "Dr House" are no one
        if (first in _NOT_AFTER_TITLE or first in _CALENDAR or first in REGIONS
                or first in data.EPONYMS):
            continue
        if m.group().startswith("Me ") and _is_word(first):
            continue  # "Me" is "Maître" only before a name, and an English word elsewhere
        end = m.end()
        # "Mme Chanteloup Samedi": keep a second word only if it is not an ordinary word,
        # or after a first name ("Mme Jeanne Mercier": many surnames are words too)
        second = m.group("n2")
        if second and _is_word(second) and second not in SURNAMES and (
                first not in FIRST_NAMES and first not in AMBIGUOUS_FIRST_NAMES):
            end = m.start("n2")
            while text[end - 1].isspace():
                end -= 1
        if text[end - 2:end] in ("'s", "’s"):
            end -= 2  # "Dr. Weber's patient": an English possessive is no part of the name
        yield _Candidate("name", m.start(), end, _P_NAME_TITLE)
    for m in _ABBREVIATED_TITLE_NAME_RE.finditer(text):
        yield _Candidate("name", m.start(), m.end(), _P_NAME_TITLE)
    for m in _LOWER_TITLE_NAME_RE.finditer(text):
        word = m.group("n")
        if (not _is_word(word) or word in _SURNAMES_LC) and word.capitalize() not in _CALENDAR:
            yield _Candidate("name", m.start(), m.end(), _P_NAME_TITLE)


# "sa fille Rose", "la patiente, Aurore,": someone named after a word for a person
_CUE_RE = re.compile(
    r"\b(?:[Ss]a|[Ss]on|[Ll]a|[Ll]e|[Ll]eur|[Mm]a|[Mm]on|[Ll]['’])\s*(?:fille|fils|mère|père"
    r"|mari|femme|épouse|époux|compagne|compagnon|conjoint|conjointe|sœur|soeur|frère"
    r"|petite-fille|petit-fils|tante|oncle|cousine?|voisine?|amie?|patiente?|enfant"
    r"|bébé|aînée?|cadette?|belle-mère|beau-père|grand-mère|grand-père|résidente?)"
    r"\s*,?\s+(?P<n>" + _CAP + r")"
    r"|\b(?:s['’]appelle|prénommée?|nommée?|appelée?)\s+(?P<m>" + _CAP + r")")


# Someone named by where the words put a name: a family ("chez les Haddad", "famille
# Oliveira", "affaire Morel c/ Morel"), an animal ("le chien, Pirate", "la jument Tornade"),
# a nickname ("que tout le monde appelle « Doudou »"), an initial that stands for someone
# ("appelons-le R.", "la petite L."), a name before an age ("Jade, 15 ans").
_FAMILY_RE = re.compile(
    rf"\b(?:[Cc]hez\s+les|[Ff]amille|[Aa]ffaire|c/|[Ll]es\s+époux|[Ll]es\s+parents)\s+"
    rf"(?P<n>{_CAP})")
_ANIMALS_FR = (r"(?:[Cc]hien|[Cc]hienne|[Cc]hat|[Cc]hatte|[Cc]hiot|[Jj]ument|[Cc]heval|[Pp]oney"
               r"|[Ââ]ne|[Ââ]nesse|[Pp]erroquet|[Ll]apin|[Pp]erruche|[Vv]ache|[Cc]hèvre|[Mm]inou"
               r"|[Bb]erger\s+allemand|[Ll]abrador|[Tt]eckel|[Cc]aniche|[Ee]ntier|[Hh]ongre)")
_ANIMAL_RE = re.compile(
    rf"\b{_ANIMALS_FR}\s*,?\s+(?P<n>{_CAP})"
    # "le chien du curé, Pastis.", "Le berger allemand, Tango, reste": the animal described,
    # then its name between commas
    rf"|\b{_ANIMALS_FR}(?:\s+[a-zà-öø-ÿœ'’-]+){{0,5}}(?:\s+{_CAP})?\s*,\s+(?P<s>{_CAP})"
    r"(?=\s*[,.;)])")
_NICKNAME_RE = re.compile(
    rf"\b(?:appel(?:le|lent|ait|aient|ons)|surnomm(?:e|ent|ait|ée?))\s+(?:encore\s+)?"
    rf"(?:«\s*|\"|“)(?P<n>(?:[Ll]e\s+|[Ll]a\s+)?{_CAP})\s*(?:»|\"|”)")
_STANDING_INITIAL_RE = re.compile(
    rf"\b(?:appelons-l[ea]|appellerai|j['’]appellerai|nommons-l[ea]|disons|[Ll]a\s+petite"
    rf"|[Ll]e\s+petit|[Ll]a\s+jeune|[Ll]e\s+jeune|patiente?|élève|[Ll]['’]enfant"
    rf"|[Ll]e\s+détenu|[Ll]a\s+détenue|prévenue?|mineure?)\s+"
    rf"(?P<n>[{_UP}]\.(?:\s?[{_UP}]\.)?)"
    # "madame G.", "monsieur K.": a title in lower case and an initial
    rf"|(?<![\w.])(?P<m>(?:madame|monsieur|mademoiselle|mme|mlle)\s+[{_UP}]\.)"
    # "mme s. voulait rentrer": all in lower case, the initial too
    r"|(?<![\w.])(?P<s>(?:mme|mlle|m\.)\s+[a-zà-ÿ]\.)(?![\w.])")
# "Le détenu Berisha", "le jeune Ilyes B.", "la petite Maëlys": someone after a word for
# the person; "le père d'Enzo": after a word of kin
_PERSON_NOUN_NAME_RE = re.compile(
    rf"\b(?:[Ll]e\s+détenu|[Ll]a\s+détenue|[Ll]e\s+jeune|[Ll]a\s+jeune|[Ll]e\s+petit"
    rf"|[Ll]a\s+petite|[Ll]e\s+prévenu|[Ll]a\s+prévenue|[Ll]e\s+mineur|[Ll]a\s+mineure)"
    rf"\s+(?P<n>{_CAP}(?:\s+[{_UP}]\.)?)"
    rf"|\b(?:père|mère|papa|maman|frère|sœur|soeur|grand-mère|grand-père|tante|oncle"
    rf"|parents)\s+(?:d['’]|de\s+)(?P<m>{_CAP})(?![\w'’-])")
# "Le père, Minh, ne parle", "Un des garçons, Moussa, m'a suivie": a relative or one of a
# group, then the name between commas; "appeler Beat (fils)"; "s'appelle Pirate"
_APPOSED_NAME_FR_RE = re.compile(
    r"\b(?:[Ll]e|[Ll]a|[Ss]on|[Ss]a|[Ll]eur|[Uu]ne?\s+des|[Ll]['’]\s*)\s*(?:père|mère|fils|fille"
    r"|frère|sœur|soeur|garçons|filles|aîné|aînée|cadet|cadette|mari|femme|épouse|copain"
    r"|copine|voisin|voisine|enfants|élèves|petit-fils|petite-fille|beau-père|belle-mère"
    rf"|compagnon|compagne)\s*,\s+(?P<n>{_CAP})(?=\s*,)"
    rf"|(?<![\w'’-])(?P<m>{_CAP})\s*\((?:fils|fille|père|mère|frère|sœur|soeur|mari|épouse"
    r"|femme|voisine?|petit-fils|petite-fille|neveu|nièce)\)"
    rf"|\bs['’]appel(?:le|ait)\s+(?P<s>{_CAP})(?![\w'’-])")
_PERSON_NOUNS_FR = frozenset({
    "homme", "femme", "enfant", "garçon", "fille", "fillette", "patient", "patiente", "élève",
    "bébé", "ado", "adolescent", "adolescente", "jeune", "dame", "monsieur", "madame",
    "retraité", "retraitée", "étudiant", "étudiante", "veuf", "veuve", "mère", "père", "fils",
    "détenu", "détenue", "résident", "résidente", "usager", "usagère", "client", "cliente",
    "nourrisson", "primipare", "multipare", "collègue", "agriculteur", "agricultrice"})
# Québécois nicknames: "Ti-Guy", "Ti-Pit", "Ti-Gus"
_TI_NICKNAME_RE = re.compile(r"(?<![\w-])(?P<n>Ti-[A-Z][a-zà-öø-ÿ]+)(?![\w-])")
_NAME_BEFORE_AGE_RE = re.compile(rf"(?<=[,(]\s)(?P<n>{_CAP})\s*,\s*\d{{1,2}}\s*ans\b"
                                 rf"|(?<=\bde\s)(?P<m>{_CAP})\s*,\s*\d{{1,2}}\s*ans\b"
                                 # "Moussa, 9 ans, a dessiné": at a sentence's start
                                 rf"|(?:^|(?<=[.!?]\s))(?P<s>{_CAP})\s*,\s*\d{{1,2}}\s*ans\b")


def _named_by_position(text: str) -> Iterator[_Candidate]:
    for rx in (_FAMILY_RE, _ANIMAL_RE, _NICKNAME_RE, _STANDING_INITIAL_RE, _NAME_BEFORE_AGE_RE,
               _PERSON_NOUN_NAME_RE, _TI_NICKNAME_RE, _APPOSED_NAME_FR_RE):
        for m in rx.finditer(text):
            group = next(g for g in ("m", "s", "n") if g in rx.groupindex and m.group(g))
            name = m.group(group)
            if group == "s" and name.casefold() in _PERSON_NOUNS_FR:
                continue  # "Homme, 45 ans,": no one's name
            family = rx is _FAMILY_RE and text[m.start():m.start("n")].casefold().startswith(
                "famille")  # "la famille Meunier": a capital after it is the family's name
            if name in _CALENDAR or name in REGIONS or name in data.REGIONS or (
                    rx in (_FAMILY_RE, _PERSON_NOUN_NAME_RE)) and not family and (
                    _is_word(name.split()[0]) and name.split()[0] not in SURNAMES
                    and name.split()[0] not in _ALL_FIRST
                    and name.split()[0] not in data.FIRST_NAMES):
                continue
            if rx in (_NAME_BEFORE_AGE_RE, _PERSON_NOUN_NAME_RE) and (
                    name in TOWNS or name in data.CITIES
                    or name in AMBIGUOUS_TOWNS and group != "s"):
                continue
            yield _Candidate("name", m.start(group), m.end(group), _P_NAME)


# --- other ---------------------------------------------------------------------------------
# A role one person has in a small place ("le seul vétérinaire du canton", "l'ancienne
# institutrice du village"), someone known through an office-holder ("la femme du
# notaire", "le fils de l'ancien maire", "la fille de l'ancien député"), an office of a
# town ("la mairesse de Saint-Fabien"), someone in the papers or on television.
_COMMUNITY_FR = (r"(?:village|canton|commune|île|quartier|bourg|vallée|ville|hameau|paroisse"
                 r"|région|secteur|coin|circonscription|département|vallon|cité|rue|immeuble"
                 r"|lycée|collège|école)")
_OFFICES_FR = (r"(?:maire|mairesse|député|députée|notaire|pharmacien|pharmacienne|curé|pasteur"
               r"|préfet|préfète|sénateur|sénatrice|juge|commissaire|bourgmestre|syndic|échevin"
               r"|conseiller\s+général|directeur\s+de\s+l['’]école|directrice\s+de\s+l['’]école"
               r"|boulanger|boulangère|médecin\s+du\s+village|gendarme|instituteur|institutrice"
               r"|rabbin|imam|ministre)")
_KIN_FR = (r"(?:fils|fille|femme|épouse|mari|veuve|veuf|neveu|nièce|petit-fils|petite-fille"
           r"|frère|sœur|soeur|mère|père|gendre|belle-fille|beau-fils|belle-mère|beau-père"
           r"|maîtresse|amant|compagne|compagnon)")
_OTHER_FR_RES = [
    re.compile(rf"\b(?:[Ll]e|[Ll]a|[Ll]['’])\s*(?:seule?|dernière?|ancienne?|unique|première?)\s+"
               rf"(?:[a-zà-öø-ÿœ-]+\s+){{0,4}}?(?:du|de\s+la|de\s+l['’]|de|des|sur\s+l['’]|dans"
               rf"\s+l['’]|dans\s+le|dans\s+la)\s*{_COMMUNITY_FR}\b"),
    re.compile(rf"\b(?:[Ll]e|[Ll]a|[Ll]['’])\s*(?:seule?)\s+[a-zà-öø-ÿœ-]+(?=\s+(?:de|d['’]|du)\s+[{_UP}])"),
    re.compile(rf"\b(?:[Ll]e|[Ll]a|[Ll]['’])\s*{_KIN_FR}\s+(?:du|de\s+la|de\s+l['’](?:ancienne?\s+)?"
               rf"|de\s+notre|de\s+mon|de\s+ma|des)\s*(?:ancien\s+|ancienne\s+|futur\s+|nouveau\s+"
               rf"|nouvelle\s+)?{_OFFICES_FR}\b(?:\s+de\s+la\s+(?:ville|circonscription|commune))?"),
    re.compile(rf"\b(?:[Ll]e|[Ll]a)\s+(?:maire|mairesse|bourgmestre|syndic|curé|députée?)"
               rf"(?=\s+(?:de|d['’]|du)\s+[{_UP}])"),
    re.compile(r"\b(?:[Ll]e|[Ll]a)\s+patron(?:ne)?\s+du\s+seul\s+[a-zà-öø-ÿœ-]+"),
    re.compile(r"\b[Nn]otre\s+doyen(?:ne)?\b"),
    re.compile(rf"\b(?:un|une|le|la|celui|celle)\s+(?:[a-zà-öø-ÿœ-]+\s+)?(?:dont\s+tout\s+le\s+monde"
               rf"\s+parle|qui\s+est\s+passée?\s+(?:à|dans)|qu['’]on\s+a\s+vue?\s+(?:à|dans))"
               rf"(?:\s+[\w'’-]+){{1,4}}?\s+(?:journaux|télé|télévision|The\s+Voice|[{_UP}][\w'’-]+)"
               rf"(?:\s+l['’]an\s+dernier)?"),
]


def _others(text: str) -> Iterator[_Candidate]:
    for rx in _OTHER_FR_RES:
        for m in rx.finditer(text):
            yield _Candidate("other", m.start(), m.end(), _P_PLACE_PREP + 1)


def _first_names(text: str) -> Iterator[_Candidate]:
    for m in _CUE_RE.finditer(text):
        name = m.group("n") or m.group("m")
        start = m.start("n") if m.group("n") else m.start("m")
        if ((name in _ALL_FIRST or name in data.FIRST_NAMES or not _is_word(name))
                and name not in _CALENDAR and name not in REGIONS):
            yield _Candidate("name", start, start + len(name), _P_NAME)
    toks = _tokens(text)
    for i, tok in enumerate(toks):
        # English and German first names ("John Radcliffe") are the other rules' to judge
        if tok.text not in _ALL_FIRST or tok.text in data.FIRST_NAMES:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (nxt is not None and text[tok.end:nxt.start] == " " and nxt.text[:1].isupper()
                and nxt.text not in _CALENDAR and nxt.text not in REGIONS
                and (nxt.text in SURNAMES or nxt.text.isupper() or not _is_word(nxt.text))
                and (tok.text in FIRST_NAMES or not _at_sentence_start(text, tok.start))):
            # "Léa Fournier", "Aurore GIRARD": a first name and a surname
            yield _Candidate("name", tok.start, nxt.end, _P_NAME)
        elif tok.text in FIRST_NAMES and not _at_sentence_start(text, tok.start):
            yield _Candidate("name", tok.start, tok.end, _P_NAME)


# --- 2. ages of 90 or over -----------------------------------------------------------------
_AGE_NUM_RE = re.compile(r"(?<![\d,.])(?P<n>\d{2,3})\s*(?:ans\b|a\b(?![’'])|printemps\b)")
_UNITS_AFTER = (r"(?!\s*(?:mg|g|kg|ml|cl|l|euros?|€|%|pour\s*cent|minutes?|min|secondes?"
                r"|heures?|jours?|semaines?|mois|fois|mètres?|m|km|personnes|patients?|places"
                r"|lits|mmHg|mmol))")
_TENS_90 = (r"(?:quatre[- ]vingt[- ](?:dix(?:[- ](?:sept|huit|neuf))?|onze|douze|treize"
            r"|quatorze|quinze|seize|et[- ]onze)"
            r"|nonante(?:[- ](?:et[- ]un|deux|trois|quatre|cinq|six|sept|huit|neuf))?)")
_AGE_WORD_RE = re.compile(
    rf"\b(?:{_TENS_90}|cent(?:[- ](?:et[- ]un|un|une|deux|trois|quatre|cinq|six))?(?=\s+ans\b))"
    + _UNITS_AFTER, re.I)
_AGE_YEAR_RE = re.compile(r"\b[Dd]ans\s+sa\s+(?P<n>\d{2,3})\s*(?:e|ème|eme|è)\s+année\b")
_CENTENARIAN_RE = re.compile(r"\b(?:[Cc]entenaires?|[Nn]onagénaires?|[Ss]upercentenaires?)\b")


def _ages(text: str) -> Iterator[_Candidate]:
    for m in _AGE_NUM_RE.finditer(text):
        if 90 <= int(m.group("n")) <= 125:
            yield _Candidate("age_over_89", m.start("n"), m.end("n"), _P_AGE)
    for m in _AGE_YEAR_RE.finditer(text):
        if 91 <= int(m.group("n")) <= 125:  # in her 91st year: 90 years old
            yield _Candidate("age_over_89", m.start(), m.end(), _P_AGE)
    for m in _AGE_WORD_RE.finditer(text):
        yield _Candidate("age_over_89", m.start(), m.end(), _P_AGE)
    for m in _CENTENARIAN_RE.finditer(text):
        yield _Candidate("age_over_89", m.start(), m.end(), _P_AGE)


# --- 3. dates ------------------------------------------------------------------------------
_MONTH = (_alternation(_MONTHS)
          + r"|janv\.|févr\.|fevr\.|avr\.|juil\.|sept\.|oct\.|nov\.|déc\.|dec\.")
_WEEKDAY = _alternation(_WEEKDAYS)
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:1er|1ᵉʳ|0?[1-9]|[12]\d|3[01])"
_DATE_RES = [
    # "3 mai 2024", "mardi 1er mars", "le 14 juillet"
    re.compile(rf"(?<![\d,.])(?:(?:{_WEEKDAY})\s+)?{_DAY}\s+(?:{_MONTH})(?![a-zà-ÿ])"
               rf"(?:\s+{_YEAR}\b)?", re.I),
    # "mars 2022", "en août 2019"
    re.compile(rf"\b(?:{_MONTH})(?<!\.)\s+{_YEAR}\b|\b(?:{_MONTH})\s+{_YEAR}\b", re.I),
    # "mardi 14", "le jeudi 3": a weekday with a day, not an hour ("mardi 14h")
    re.compile(rf"\b(?:{_WEEKDAY})\s+{_DAY}\b(?!\s*(?:h\b|h\d|heures?|:\s*\d|ans|mg|min))", re.I),
    # "Séance du 6/12", "rendez-vous du 3/5": a day and a month after "du/le/au"
    re.compile(rf"(?<=\b(?:du|le|au)\s){_DAY}/(?:0?[1-9]|1[0-2])(?:/(?:{_YEAR}|\d\d))?(?![\d/])"),
    # "Noël 2021", "le lundi de Pâques 2023": a feast of a given year is one day
    re.compile(rf"\b(?:(?:lundi|dimanche)\s+de\s+)?(?:Noël|Pâques|Pentecôte|Toussaint"
               rf"|Ascension|Épiphanie|Chandeleur|Saint-Sylvestre|Réveillon)\s+{_YEAR}\b"),
]


# A day without its month: "depuis le 8", "jusqu'au 12"; and, once a month has been
# named, "le 18" ("menaces le 17 janvier, excuses le 18") - not an hour, an age, a floor
_DAY_CUE_FR = r"(?:depuis\s+le|jusqu['’]au|dès\s+le|avant\s+le|après\s+le)"
_NOT_A_DAY_AFTER_FR = (r"(?!\d|[/.,:]\d|\s\d\d|\s*(?:h\b|h\d|heures?|ans?\b|%|mg|€|euros?"
                       r"|fois|jours?|minutes?|min\b|kg|g\b|e\b|ème|eme|er\b|è|°|étage|rue|avenue|bd|allée"
                       r"|chemin|place|route|impasse|quai|ou\s+\d|et\s+\d|sur\s+\d))")
_BARE_DAY_FR_RE = re.compile(rf"\b(?P<cue>{_DAY_CUE_FR}|le|au)\s+(?P<d>1er|[12]\d|3[01]|0?[1-9])"
                             rf"{_NOT_A_DAY_AFTER_FR}", re.I)


def _dates(text: str) -> Iterator[_Candidate]:
    first_month = len(text)
    for rx in _DATE_RES:
        for m in rx.finditer(text):
            yield _Candidate("date", m.start(), m.end(), _P_DATE)
            if rx is _DATE_RES[0]:
                first_month = min(first_month, m.start())
    for m in _BARE_DAY_FR_RE.finditer(text):
        if m.start() > first_month or m.group("cue").casefold() not in ("le", "au"):
            yield _Candidate("date", m.start("d"), m.end("d"), _P_DATE)


# --- 4. addresses, towns and institutions --------------------------------------------------
_STREET_FREE = (r"rue|avenue|av\.|bd|boulevard|chemin|impasse|allée|quai|route|ruelle"
                r"|square|place|chaussée|esplanade|promenade|rond-point|sentier|faubourg")
_STREET_NUMBERED = _STREET_FREE + r"|cours|passage|voie|cité|résidence|lotissement|hameau"
_STREET_NAME = (rf"(?:(?:de\s+la|de\s+l['’]|des|du|de|d['’])\s*)?(?=\w\w){_CAP}"
                rf"(?:(?:\s+|-)(?:(?:de\s+la|de\s+l['’]|des|du|de|d['’]|et|la|le|les)\s*)?{_CAP}){{0,3}}")
_STREET_RES = [
    # "12 rue des Lilas", "3, avenue Jean-Jaurès", "12 bis rue ...": number and street word
    re.compile(rf"(?<![\d,.])\d{{1,4}}(?:\s*(?:bis|ter|[A-D]))?\s*,?\s+(?i:{_STREET_NUMBERED})"
               rf"\s+{_STREET_NAME}"),
    # "rue des Lilas", "bd Voltaire", "Place de la Mairie" without a number
    re.compile(rf"\b(?i:{_STREET_FREE})\s+{_STREET_NAME}"),
]
_POSTCODE_RES = [
    re.compile(rf"\b(?:0[1-9]|[1-8]\d|9[0-8]|2[AB])\d{{3}}\s+(?P<t>{_CAP}"
               rf"(?:[ \-](?:sur|sous|en|lès|les|le|la|de|du|d['’]|{_CAP})+)*)"
               rf"(?:\s+(?:Cedex|CEDEX)(?:\s+\d{{1,2}})?)?"),
    re.compile(rf"(?<![\d.,/])[1-9]\d{{3}}\s+(?P<t>{_CAP}(?:-{_CAP})*)"),  # 1000 Bruxelles
    re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s?\d[ABCEGHJ-NPRSTV-Z]\d\b"),  # H2X 1Y4
]
_AFTER_A_STREET_RE = re.compile(rf"(?i:{_STREET_FREE})\s+[^\n,]{{2,40}}?\s\d{{1,4}}[a-z]?\s*,\s*$")
_PLACE_PREP_RE = re.compile(
    r"(?:\b(?:à|a|près\s+de|proche\s+de|vers|sur|habite|vit|vivait|originaire\s+de"
    r"|venant\s+de|né|née|domicilié|domiciliée|hospitalisé\s+à|depuis|jusqu['’]à"
    r"|banlieue\s+de|commune\s+de|ville\s+de|village\s+de|région\s+de|route\s+de"
    r"|en\s+direction\s+de)|\bde|\bd['’])\s*$")
_INSTITUTION_HEADS = (r"EHPAD|Ehpad|ehpad|[Cc]linique|[Cc]rèche|foyer|[Pp]arc|Polyclinique|CHU|CHR"
                      r"|CHRU|CHS|CHG|CH|Hôpital"
                      r"|[Hh]ôpital|[Hh]opital|[Éé]cole|[Cc]ollège|[Ll]ycée|[Rr]ésidence"
                      r"|[Mm]aternité|[Pp]avillon|[Uu]nité|[Ss]ervice|CHSLD|CLSC|CPAS|CISSS"
                      r"|CIUSSS|EMS|[Pp]oste\s+de\s+police|[Cc]ommissariat|[Gg]endarmerie"
                      r"|[Mm]aison\s+centrale|[Cc]entre\s+pénitentiaire|[Mm]aison\s+d['’]arrêt"
                      r"|[Cc]entre\s+de\s+détention|[Mm]aison\s+médicale|[Mm]aison\s+des"
                      r"\s+naissances|[Mm]aison\s+de\s+repos|[Ss]alle|Mas|[Ll]ieu-dit|[Hh]ameau"
                      r"|[Dd]omaine|[Ff]erme|[Cc]ité|[Cc]hambre|[Aa]umônerie|[Pp]ensionnat"
                      r"|Hopital|Centre\s+hospitalier|Collège|École|Ecole|Lycée|Résidence"
                      r"|Maison\s+de\s+retraite|Maison\s+de\s+santé|Pharmacie|Polyclinique"
                      r"|Crèche|Brasserie|Café|Mairie|Paroisse|Église|Eglise|Chapelle"
                      r"|Couvent|Abbaye|Groupe\s+scolaire|Institution|Pensionnat|Faculté"
                      r"|Université|Foyer|Centre|Institut|Restaurant|Boulangerie|Hospice"
                      r"|IME|ITEP|ESAT|MAS|FAM|CMP|CMPP|CSAPA|CAMSP|SESSAD|USLD|SSR|EHPA"
                      r"|[Uu]niversité|[Gg]ymnase|[Éé]tablissement|[Mm]aison\s+de\s+retraite"
                      r"|[Pp]aroisse|[Pp]harmacie|[Tt]emple|[Cc]lub|GAEC|GMF|UMF"
                      r"|[Cc]ycle\s+d['’]orientation|[Cc]entre\s+jeunesse|Home|[Hh]ome\s+de\s+repos"
                      # "haras du Bois-Joli", "usine Tardieu Emballages", "quartier des
                      # Marolles", "centre de rééducation de Kerpape"
                      r"|[Hh]aras|[Cc]amping|[Uu]sine|[Éé]curie|[Cc]abinet\s+médical"
                      r"|[Mm]aison\s+de\s+quartier|[Qq]uartier|centre")
# Heads that are English or German words too: only with a French link ("Centre de ...").
_FRENCH_LINK_ONLY = frozenset({"Centre", "Foyer", "Institut", "Restaurant", "Café", "MAS",
                               "FAM", "CH", "Institution", "Université", "Service", "service",
                               "Salle", "Chambre", "chambre", "Domaine", "domaine", "Club",
                               "club", "Temple", "Gymnase", "Home", "centre", "Camping",
                               "camping"})
# "école maternelle Les Coquelicots", "service de gériatrie Les Capucins"
_INSTITUTION_KIND = (r"(?:\s+(?:maternelle|primaire|élémentaire|secondaire|privée?|publique?"
                     r"|municipale?|spécialisée?|psychiatrique|gériatrique|universitaire"
                     r"|régionale?|départementale?|pénitentiaire|catholique|protestante?"
                     r"|réformée?|pour\s+aînés|en\s+santé\s+mentale|de\s+détention|autonomie"
                     r"|séniors?|vétérinaire|dentaire|de\s+rééducation|de\s+réadaptation"
                     r"|de\s+(?:gériatrie|pédiatrie|psychiatrie|cardiologie|médecine|chirurgie"
                     r"|réanimation|néonatalogie|soins|long\s+séjour|jour|nuit|garde|pétanque"
                     r"|foot(?:ball)?|rugby|tennis|judo|boxe|basket|handball|natation|gym"
                     r"|cyclisme|randonnée|bridge|danse|chasse|pêche|aînés))){0,2}")
_INSTITUTION_RE = re.compile(
    rf"(?<![\w-])(?P<h>{_INSTITUTION_HEADS}){_INSTITUTION_KIND}\s+(?P<l>(?:(?:Les|Le|La|L['’]|les|le|la|l['’]"
    rf"|de\s+la|de\s+l['’]|des|du|de|d['’])\s*)?)(?P<n>{_CAP}"
    rf"(?:(?:\s+|-)(?:(?:de\s+la|de\s+l['’]|des|du|de|d['’]|et|la|le|les|sur|en)\s*)?"
    rf"{_CAP}){{0,3}})")


def _is_a_heading(text: str, start: int, end: int) -> bool:
    """ "Genève, encore ce patient", "Martigny. M. Crettenand": a town opens the note; or
    follows the writer's role ("Vétérinaire équin, Chantilly.", "Sage-femme PMI,
    Mamoudzou.")."""
    if text[end:end + 1] not in (",", ".", ":"):
        return False
    return not text[:start].strip() or _follows_a_role(text, start)


def _follows_a_role(text: str, start: int) -> bool:
    """ "Vétérinaire, clinique des Acacias, Angers.", "Infirmier, CHUV, Lausanne,": the
    writer's role opens the note, then up to three places of work, then the town."""
    before = text[:start].strip()
    if not before.endswith(","):
        return False
    role, *workplaces = before[:-1].split(",")
    return (_ROLE_HEADING_FR_RE.fullmatch(role.strip() + ",") is not None
            and len(workplaces) <= 3
            and all(_WORKPLACE_FR_RE.fullmatch(w.strip()) for w in workplaces))


# A role in a French heading: "Sage-femme PMI", "Capitaine de police", "Vétérinaire équin"
_ROLE_HEADING_FR_RE = re.compile(
    r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿœ-]+(?:\s+(?:[a-zà-öø-ÿœ'’-]+|[A-Z]{2,5}|\d{1,2})){0,4}\s*,")
# A place of work between the role and the town: "clinique des Acacias", "CHUV", "lycée
# Lakanal" - a few words, no sentence
_WORKPLACE_FR_RE = re.compile(r"[\wÀ-ÿœ'’-]+(?:\s+[\wÀ-ÿœ'’-]+){0,5}")


def _elided(tok: _Token) -> _Token:
    """ "d'Orsières" is "d'" and "Orsières": the town without the elided article."""
    if len(tok.text) > 3 and tok.text[:2] in ("d'", "d’", "l'", "l’") and tok.text[2].isupper():
        return _Token(tok.start + 2, tok.end, tok.text[2:])
    return tok


def _towns(text: str) -> Iterator[_Candidate]:
    toks = [_elided(t) for t in _tokens(text)]
    for i, tok in enumerate(toks):
        if not tok.text[:1].isupper():
            continue
        for n in range(min(_MAX_TOWN_WORDS, len(toks) - i), 0, -1):
            last = toks[i + n - 1]
            span = text[tok.start:last.end].replace("’", "'")
            if n > 1 and any(c in span for c in ".,;:\n"):
                continue
            if span in TOWNS:
                yield _Candidate("place", tok.start, last.end, _P_CITY)
                break
            if (span in AMBIGUOUS_TOWNS and span not in data.REGIONS
                    and (_PLACE_PREP_RE.search(text, max(0, tok.start - 30), tok.start)
                         or _JOURNEY_RE.search(text, max(0, tok.start - 20), tok.start)
                         or _is_a_heading(text, tok.start, last.end) and (
                             span in data.CITIES or span in data.WORLD_CITIES
                             or not _is_word(span) or _follows_a_role(text, tok.start)))
                    and not (text[max(0, tok.start - 3):tok.start].strip().endswith("de")
                             and span in _ANY_FIRST)):
                yield _Candidate("place", tok.start, last.end, _P_CITY_PREP)
                break
        else:  # no list knows it, not even with the words after it
            if _is_an_unknown_town(text, tok):
                yield _Candidate("place", tok.start, tok.end, _P_PLACE_PREP)


# "agriculteur à Échallens", "près d'Albina": after "à" or "près de", a word no list knows
_AT_A_TOWN_RE = re.compile(r"(?:(?<!pense\s)(?<!penser\s)(?<!pensé\s)(?<!\bdit\s)\bà"
                           r"|\bprès\s+d['’e]\s*|\boriginaire\s+d['’e]\s*"
                           r"|\bau-dessus\s+d['’e]\s*|\bcôté|\bhabite|\bvit\s+à)\s*$")


def _is_an_unknown_town(text: str, tok: _Token) -> bool:
    word = tok.text
    return (len(word) >= 4 and word[1:].islower() and "-" not in word
            and _AT_A_TOWN_RE.search(text, max(0, tok.start - 20), tok.start) is not None
            and not _is_word(word) and word not in _ANY_FIRST
            and word not in REGIONS and word not in data.REGIONS
            and word.casefold() not in _SURNAMES_LC and word not in data.EPONYMS
            and word not in data.DRUG_NAMES and word not in data.BRANDS)


# Regions that are cities too: "à Québec", "de Québec" name the city ("au Québec" the province)
_CITY_REGIONS = REGIONS & (data.CITIES | data.WORLD_CITIES)
_CITY_REGION_RE = re.compile(rf"\b(?:à|de|d['’]|pour)\s+(?P<c>{_alternation(_CITY_REGIONS)})\b")
_FR_INSTITUTION_RE = re.compile(rf"(?<![\w-])(?:{_alternation(data.FR_INSTITUTIONS)})(?![\w-])")
# "train pour Neuchâtel", "partie pour Sion": a journey's end
_JOURNEY_RE = re.compile(r"\b(?:train|bus|car|avion|vol|départ|partir|parti|partie|partis"
                         r"|rentrer|rentré|rentrée|repartir|reparti|repartie)\s+pour\s+$")


# "score de Glasgow", "échelle de Norton": a score, not a town
_SCORE_BEFORE_RE = re.compile(r"\b(?i:score|échelle|stade|classification|critères|indice)\s+"
                              r"(?:de\s+|d['’])$")


# "Lyon 6e", "dans le 13e", "commissariat du 18e": an arrondissement
_ARRONDISSEMENT_RE = re.compile(
    r"\b(?:Paris|Lyon|Marseille)\s+\d{1,2}(?:e|ème|er)\b"
    r"|\b(?:dans\s+le|du|le)\s+\d{1,2}(?:e|ème)(?=\s*(?:[,.;:)]|arrondissement|$))")


# "sur la D940", "l'A9 à la hauteur de Villeneuve", "la RN 7": a road by its number
_ROAD_RE = re.compile(r"(?:(?<=\bla\s)(?:D|N|RN|RD)\s?\d{1,4}|(?<=\bl['’])A\s?\d{1,3})(?![\w/.,-])")


def _places(text: str) -> Iterator[_Candidate]:
    for m in _ROAD_RE.finditer(text):
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _ARRONDISSEMENT_RE.finditer(text):
        start = m.start() if m.group()[0].isupper() else m.end() - len(m.group().split()[-1])
        yield _Candidate("place", start, m.end(), _P_PLACE_STRUCT)
    for c in _places_in_text(text):
        if not _SCORE_BEFORE_RE.search(text, max(0, c.start - 20), c.start):
            yield c


# Towns by the shape of their names: "Saint-Julien-du-Verdon", "Morne-à-l'Eau" (a particle
# between hyphens), "Grande-Rivière", "Pont-Aven" (a word of the land before the hyphen),
# "Strasbourg-Neudorf", "Bruxelles-Midi" (a city and its quarter), "Les Avirons" set apart
# by commas ("Mme Payet, 93 ans, Les Avirons, refuse") - no one's name has these shapes
_HYPHENATED_RE = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)+(?![\w'’-])")
_PARTICLE_INSIDE = frozenset({"de", "du", "des", "en", "sur", "sous", "lès", "les", "le", "la",
                              "à", "aux", "ès"})
_LAND_BEFORE = frozenset({"Saint", "Sainte", "Grand", "Grande", "Petit", "Petite", "Haut",
                          "Haute", "Bas", "Basse", "Vieux", "Vieille", "Mont", "Port", "Pont",
                          "Fort", "Val", "Bourg", "Morne", "Anse", "Cap", "Plan", "Pointe"})
_KIN_AFTER = frozenset({"Père", "Mère", "Papa", "Maman", "Oncle", "Tante", "Frère", "Sœur",
                        "Parents", "Duc", "Maître"})
_AFTER_AN_ANIMAL_RE = re.compile(rf"\b{_ANIMALS_FR}\s*,?\s*$")
_CITIES_BEFORE_A_QUARTER = (data.CITIES | data.WORLD_CITIES | TOWNS) - _ALL_FIRST
_LES_PLACE_RE = re.compile(rf"(?<=,\s)Les\s+{_CAP}(?=\s*[,.;)])")


def _is_a_town_by_its_shape(word: str) -> bool:
    parts = word.split("-")
    first, rest = parts[0], parts[1:]
    if word in REGIONS or word in data.REGIONS or first in _ANY_FIRST:
        return False
    if any(p.casefold() in _PARTICLE_INSIDE or p[:2].casefold() in ("d'", "l'", "d’", "l’")
           for p in rest[:-1]) and re.match(r"(?:[dl]['’])?[A-ZÀ-ÖØ-Þ]", rest[-1]):
        return True
    if first in _LAND_BEFORE and rest[0][:1].isupper() and rest[0] not in _KIN_AFTER:
        return True
    return (first in _CITIES_BEFORE_A_QUARTER and rest[0][:1].isupper()
            and first.casefold() not in _SURNAMES_LC)


def _places_in_text(text: str) -> Iterator[_Candidate]:
    for m in _HYPHENATED_RE.finditer(text):
        if _is_a_town_by_its_shape(m.group()) and not _AFTER_AN_ANIMAL_RE.search(
                text, max(0, m.start() - 30), m.start()):  # "Jument Belle-de-Mai": her name
            yield _Candidate("place", m.start(), m.end(), _P_CITY_PREP)
    for m in _LES_PLACE_RE.finditer(text):
        yield _Candidate("place", m.start(), m.end(), _P_CITY_PREP)
    for m in _FR_INSTITUTION_RE.finditer(text):
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _CITY_REGION_RE.finditer(text):
        yield _Candidate("place", m.start("c"), m.end("c"), _P_CITY_PREP)
    for rx in _STREET_RES:
        for m in rx.finditer(text):
            yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for rx in _POSTCODE_RES:
        for m in rx.finditer(text):
            if "t" in rx.groupindex:
                town = m.group("t")
                if rx is _POSTCODE_RES[1] and (
                        re.fullmatch(r"(?:19|20)\d\d", m.group()[:4])
                        or town not in _LISTED_TOWNS
                        and not _AFTER_A_STREET_RE.search(text, max(0, m.start() - 60),
                                                          m.start())):
                    continue  # "2019 Paris" is a year; a four-digit postcode needs a town
                    # (or a street before it: "rue du Vivier 3, 6900 Marche")
                if town in _CALENDAR or _is_word(town.split()[0].split("-")[0]) and (
                        town not in _LISTED_TOWNS) and not (
                        _AFTER_A_STREET_RE.search(text, max(0, m.start() - 60), m.start())):
                    continue
            yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    for m in _INSTITUTION_RE.finditer(text):
        head, link, name = m.group("h"), m.group("l"), m.group("n")
        if head in _FRENCH_LINK_ONLY and not link and not name.startswith(("Saint", "Sainte")):
            continue
        first = name.split()[0].split("-")[0]
        if first.rstrip(".") in ("Dr", "Docteur", "Pr", "Professeur", "Mme", "M", "Maître"):
            continue  # "Cabinet médical du Dr Fabre": the doctor is the name rules' to find
        a_region = (name in REGIONS or name in data.REGIONS) and not (
            name in _CITY_REGIONS and link.strip() in ("de", "d'", "d’"))
        if first in _CALENDAR or first in data.EPONYMS or a_region:
            continue  # "Centre de Bretagne", but "Centre jeunesse de Québec" is the city's
        words = re.split(r"[\s-]+", name)
        if (not link and head[0].isupper() and first not in ("Saint", "Sainte", "Notre")
                and all(_is_word(w) and w not in _ALL_FIRST for w in words)
                and not re.fullmatch(_INSTITUTION_HEADS, first)):
            # "Clinique Psychiatrique", "Collège Universitaire": a kind, not a name; after a
            # head in lower case the capital says it is one ("lycée Condorcet", "paroisse
            # Temple du Marais")
            continue
        yield _Candidate("place", m.start(), m.end(), _P_PLACE_STRUCT)
    yield from _towns(text)


# --- 5. ID numbers -------------------------------------------------------------------------
_NIR_RE = re.compile(
    r"(?<![\d\w])[12]\s?\d\d\s?(?:0[1-9]|1[0-2]|[2-9]\d)\s?(?:\d\d|2[AB])\s?\d{3}\s?\d{3}"
    r"\s?(?P<k>\d\d)(?![\d\w])")
# "2 47 06 13 055 118 42": a NIR in its printed groups, its shape alone (even with a wrong key)
_NIR_SPACED_RE = re.compile(r"[12] \d\d \d\d (?:\d\d|2[AB]) \d{3} \d{3} \d\d")
# Quebec health insurance: four letters of the name and eight digits ("FORL 3107 1528")
_RAMQ_RE = re.compile(r"\b[A-Z]{4}\s?\d{4}\s?\d{4}\b")
_LABELLED_ID_RE = re.compile(
    r"(?i:\b(?:n°|no\.?|num(?:éro|ero)?\.?)\s*(?:de\s+)?(?:dossier|patient|patiente|sécu"
    r"|sécurité\s+sociale|sécu\.|SS|allocataire|CAF|NIR|INS|RPPS|ADELI|FINESS|passeport"
    r"|carte\s+vitale|registre\s+national|immatriculation|client|contrat|PV|plainte"
    r"|procédure|écrou|RG|parquet)|\b(?:IPP|NIP|NDA|INS|NIR|RPPS|dossier\s+n°|dossier"
    r"|écrou|Écrou|RG|SPIP|RAMQ|boucle|plaque|Plaque|véhicule|Véhicule|immatriculation"
    r"|NAS|INAMI|AVS|INE|Notice|notice|mutuelle|[Dd]ossier\s+tribunal|[Rr]éf\.(?:\s+dossier)?)"
    r"|\bn°)\s*(?:(?:SPIP|RAMQ|n°|parquet|tribunal)\s*)?[:#]?\s*"
    # the number, in up to four groups ("COTM 3402 2818", "FR 1501 2387 44", "VD 482 117")
    r"(?P<id>(?=[A-Z0-9\-/. ]*\d)[A-Z0-9][A-Z0-9\-/.]*[A-Z0-9]"
    r"(?:\s[A-Z0-9](?:[A-Z0-9\-/.]*[A-Z0-9])?(?![\w-])){0,3})")
# A NIR after its label counts even if its key is wrong: one digit mistyped still names her.
_NIR_LABEL_RE = re.compile(r"(?i:\b(?:NIR|sécu|sécurité\s+sociale|carte\s+vitale|INSEE))"
                           r"\W{0,5}$")
_PLATE_RE = re.compile(r"\b[A-HJ-NP-TV-Z]{2}-\d{3}-[A-HJ-NP-TV-Z]{2}\b")
_BE_NRN_RE = re.compile(r"\b\d\d\.\d\d\.\d\d-\d{3}\.\d\d\b")


def _nir_key_ok(m: re.Match[str]) -> bool:
    digits = re.sub(r"\s", "", m.group())
    body, key = digits[:-2], int(digits[-2:])
    if "2A" in body or "2B" in body:  # Corsica: 2A and 2B count as 19 and 18
        body = body.replace("2A", "19").replace("2B", "18")
        number = int(body) - (1000000 if "19" in digits[5:7] or "2A" in digits else 2000000)
    else:
        number = int(body)
    return key == 97 - number % 97


def _ids(text: str) -> Iterator[_Candidate]:
    for m in _NIR_RE.finditer(text):
        if (_nir_key_ok(m) or _NIR_LABEL_RE.search(text, max(0, m.start() - 30), m.start())
                or _NIR_SPACED_RE.fullmatch(m.group())):
            yield _Candidate("id_number", m.start(), m.end(), _P_ID)
    for m in _LABELLED_ID_RE.finditer(text):
        if not re.fullmatch(r"\d{1,2}", m.group("id")):
            yield _Candidate("id_number", m.start("id"), m.end("id"), _P_ID)
    for rx in (_PLATE_RE, _BE_NRN_RE, _RAMQ_RE):
        for m in rx.finditer(text):
            yield _Candidate("id_number", m.start(), m.end(), _P_ID)


# Someone a patient listens to, quotes or looks like is a public figure ("écoute Céline Dion",
# "ressemble à Gérard Depardieu", "cite saint Augustin"); after "comme" only a full name
# ("comme Angèle" may be her sister), and never one written with a title ("écoute Mme Perrin")
_PUBLIC_FIGURE_RE = re.compile(
    r"(?:\b(?:écoute|écoutait|écouter|cite|citait|citant|citer|fan\s+de|fans\s+de|ressemble\s+à"
    r"|ressemblait\s+à|rappelle|rappelait|chante|chantait|admire|admirait|idolâtre"
    r"|effigie\s+de|livres?\s+de|chansons?\s+de|disques?\s+de|films?\s+de|saint|sainte)"
    r"|(?P<like>\bcomme))\s+(?:du\s+|de\s+|la\s+|le\s+|l['’])?"
    rf"(?P<n>{_CAP}(?:\s+{_CAP}){{0,2}})")


def public_figures(text: str) -> Iterator[tuple[int, int]]:
    """Where the text names someone the patient listens to, quotes or looks like."""
    for m in _PUBLIC_FIGURE_RE.finditer(text):
        words = m.group("n").split()
        if re.fullmatch(_TITLES, words[0]) or (m.group("like") and len(words) < 2):
            continue
        yield m.start("n"), m.end("n")


# A feast after a word of time is no one ("avant Noël", "depuis Pâques"; "Noël, son fils"
# may be), nor is a region written where a name stands ("Sage-femme, Haute-Savoie.")
_FEAST_RE = re.compile(
    r"\b(?:avant|depuis|après|pour|à|de|jusqu['’]à|la|le|veille\s+de|fêtes?\s+de"
    r"|réveillon\s+de|vacances\s+de)\s+(?P<n>Noël|Pâques|Toussaint|Pentecôte|Ascension"
    r"|Chandeleur|Épiphanie|Nouvel\s+An)\b")
_NAMED_REGIONS = REGIONS - _ALL_FIRST - data.FIRST_NAMES
_REGION_RE = re.compile(rf"(?<![\w-])(?:{_alternation(_NAMED_REGIONS)})(?![\w-])")


def feasts_and_regions(text: str) -> Iterator[tuple[int, int]]:
    """Where the text names a feast or a region, which no name found there can be."""
    for m in _FEAST_RE.finditer(text):
        yield m.start("n"), m.end("n")
    for m in _REGION_RE.finditer(text):
        yield m.start(), m.end()


def find(text: str) -> Iterator[_Candidate]:
    yield from _titled_names(text)
    yield from _first_names(text)
    yield from _named_by_position(text)
    yield from _others(text)
    yield from _ages(text)
    yield from _dates(text)
    yield from _places(text)
    if any(c.isdigit() for c in text):
        yield from _ids(text)
