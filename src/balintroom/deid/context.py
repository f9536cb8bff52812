"""Other details that identify someone only by what the words around them say: a handle on
social media, a role only one person has ("the only vet in the valley", "our MP", "der
Ortsvorsteher"), fame, a tragedy or an event in the papers. It must not flag a role many
people share ("the kids at our school", "the pharmacist from the high street").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from balintroom.deid import identifier_data as data
from balintroom.deid._text import _P_PLACE_PREP, _P_URL, _alternation, _Candidate
from balintroom.deid._words import _GERMAN, _is_ordinary_word

_ONLY_ONE_EN_RE = re.compile(
    r"\bthe\s+only\s+(?!(?:one|thing|time|way|reason|option|choice|problem|place|day"
    r"|question|person|people)\b)(?:[A-Za-z][a-z]*(?:-[a-z]+)?|[A-Z]{2,4})"
    r"(?:\s+(?:[A-Za-z][a-z]*(?:-[a-z]+)?|[A-Z]{2,4}))"
    r"{0,2}?\s+(?:in|at|on|of)\s+(?:the\s+|this\s+"
    r"|our\s+|their\s+|her\s+|his\s+)?(?:village|valley|town|hamlet|island|parish|county"
    r"|district|area|city|street|road|estate|neighbourhood|dale|glen\b|(?=[A-Z][\w'’-]+))")
_ONLY_ONE_DE_RE = re.compile(
    r"\b(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]en|[Dd]em|[Ii]hr|[Ss]ein)\s+[Ee]inzige[nrs]?\s+"
    r"(?:[a-zäöüß][\w-]+\s+)?"  # "der einzige sorbischsprachige Hausarzt"
    r"(?!(?:Mal|Grund|Weg|Problem|Mensch|Tag|Ort|Person|Frage|Möglichkeit)\b)[A-ZÄÖÜ]\w+\s+"
    r"(?:im|in|am|an|auf|von|vom|des|der)\s+(?:\w+\s+)?(?:Tal|Dorf|Ort|Stadt|Kreis|Gemeinde"
    r"|Viertel|Kiez|Insel|Landkreis|Umkreis|Bezirk|Stadtteil|Ortsteil|Straße|Gegend"
    r"|[A-ZÄÖÜ]\w+)\b")
_OFFICE_RE = re.compile(
    r"\b(?:(?:Ober|Orts)?[Bb]ürgermeister(?:in)?|Ortsvorsteher(?:in)?|Landrat|Landrätin"
    r"|[Mm]ayor(?:ess)?|Lord\s+Mayor)(?=\s+(?:von|of|in|der\s+Gemeinde|der\s+Stadt)\s+"
    r"[A-ZÄÖÜ])")
# "the current mayor", "der amtierende Bürgermeister": the one holder of an office now
_OFFICE_HOLDER_RE = re.compile(
    r"\b(?:the\s+(?:current|present|sitting|incumbent|serving)|(?i:der|die|den|dem)\s+"
    r"(?:amtierende|derzeitige|jetzige|aktuelle)[nr]?)\s+(?:(?:deputy|Lord|stellvertretende[nr]?)"
    r"\s+)?(?:mayor(?:ess)?|MP|MEP|headteacher|head\s+teacher|headmaster|headmistress"
    r"|principal|vicar|rector|bishop|imam|rabbi|chief\s+constable|police\s+commissioner"
    r"|council\s+leader|leader\s+of\s+the\s+council|coroner|Bürgermeister(?:in)?"
    r"|Oberbürgermeister(?:in)?|Landrat|Landrätin|Ortsvorsteher(?:in)?|Schulleiter(?:in)?"
    r"|Rektor(?:in)?|Pfarrer(?:in)?|Bischof|Bischöfin|Abgeordnete[nr]?|Polizeipräsident(?:in)?"
    r"|Vorsitzende[nr]?|Trainer(?:in)?|Kapitän(?:in)?)\b")
# "was on Top of the Pops", "on the front page of the local paper", "beim Vorentscheid zum
# Grand Prix aufgetreten": someone the public has seen
_MEDIA_FAME_RE = re.compile(
    # a person was seen there, not "it was on the local news", "the Games were on TV"
    r"\b(?:who|he|she|that|[a-z]*(?:son|daughter|mother|father|mum|dad|wife|husband|brother"
    r"|sister|man|woman|boy|girl|band|singer|er|or|ist))\s+"
    r"(?:was|has\s+been|had\s+been|appeared|featured|starred)\s+(?:on|in)\s+(?:the\s+)?"
    r"(?:front\s+page(?:\s+of\s+(?:the\s+)?(?:local\s+|national\s+)?(?:paper|newspaper|news))?"
    r"|(?:local\s+|national\s+)?(?:TV|television|telly|news|papers|radio)\b(?!\s+(?:licen|set|"
    r"remote))|Top\s+of\s+the\s+Pops|Crimewatch|X\s+Factor|Britain['’]s\s+Got\s+Talent"
    r"|Eurovision|Big\s+Brother|Love\s+Island)"
    r"|\b(?:beim|im|in\s+der|bei\s+der|auf\s+der)\s+(?:Vorentscheid|Grand\s+Prix|Eurovision"
    r"|ESC|Fernsehen|Titelseite|Tagesschau|Lokalzeitung|Zeitung|Bild-Zeitung|Castingshow)"
    r"(?:\s+[\wäöüß]+){0,3}?\s+(?:aufgetreten|gewesen|gesungen|zu\s+sehen|erschienen|abgebildet"
    r"|gezeigt)\b")
# "the 2017 fire in the tower block", "beim Hochwasser 2021": an event in the papers
_EVENT_RE = re.compile(
    r"\b(?:the|der|des|dem|beim|vom|nach\s+dem)\s+(?:(?:19|20)\d\d\s+(?:tower\s+block\s+)?"
    r"(?:fire|flood|floods|explosion|bombing|attack|shooting|stabbing|crash|rail\s+crash"
    r"|derailment|collapse|riots?|disaster|massacre|tragedy|landslide)"
    r"|(?:Brand|Großbrand|Hochwasser|Flut|Anschlag|Amoklauf|Unglück|Zugunglück|Explosion"
    r"|Einsturz|Erdrutsch)\s+(?:von\s+)?(?:19|20)\d\d)\b"
    r"(?:\s+(?:in|at|on|im|in\s+der|am|an\s+der)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:block|tower|estate|school|station|stadium|arena|bridge|factory|mine|club"
    r"|Schule|Hochhaus|Bahnhof|Brücke|Fabrik|Disco|Stadion))?")
# What makes one person known to everyone: a title, a record, a tragedy in the papers, a
# role in a small community.
_FAME_RE = re.compile(
    r"\b(?:(?:former|ex-|retired|this\s+year's|last\s+year's|(?i:ehemalige|frühere"
    r"|diesjährige|letztjährige|amtierende)[nrs]?)\s*)?"
    r"(?:(?:Olympic|Paralympic)\s+(?:[a-z]+\s+)?(?:[a-z]+(?:er|ist|or)|athlete|champion"
    r"|medallist|medalist|hopeful|star)|(?:Olympia|Paralympics)-?[\wäöüß]*(?:in|er|ike)"
    r"|(?:world|European|Commonwealth|national|British|Olympic)\s+champion"
    r"|(?:Welt|Europa|Olympia)meister(?:in)?|Schützenkönig(?:in)?|Weinkönigin|Maikönigin"
    r"|Karnevalsprinz(?:essin)?|Kinderprinz(?:essin)?|May\s+Queen|Carnival\s+Queen)\b"
    r"|\bwon\s+the\s+(?:lottery|jackpot|pools|Euromillions|Lotto)(?:\s+(?:twice|again))?\b"
    r"|\bwon\s+the\s+(?:village|town|school|club|office|works)\s+(?:lottery|raffle|draw)\b"
    r"|\b(?:\w+\s+)?(?:im\s+Lotto|den\s+Jackpot)\s+(?:gewonnen|gewann|geknackt)\b")
# Someone known through the one office-holder they belong to ("the wife of the local MP",
# "the Chief Constable's daughter", "der Sohn des Landrats"), a role a community has once
# ("the town's only undertaker", "the island's policeman"), or a record a place holds
# ("the oldest man in Wales", "die älteste Frau im Bezirk").
# (offices one person holds in a place; not "the vicar's wife": parishes have many vicars)
_OFFICES_EN = (r"(?:mayor(?:ess)?|Lord\s+Mayor|MP|MEP|Chief\s+Constable|chief\s+constable"
               r"|coroner|police\s+commissioner|council\s+leader)")
_OFFICES_DE = (r"(?:Landrats|Landrätin|Bürgermeisters|Bürgermeisterin|Oberbürgermeisters"
               r"|Ortsvorstehers|Abgeordneten|Polizeipräsidenten|Bürgermeister|Landrat"
               r"|Vorsitzenden\s+(?:vom|des|der)\s+[\wäöüß-]+)")
# The one holder of an office or trade in a village, in any case: "Apotheker", "Metzgers",
# "Dorfarzt", "Gemeindepräsidenten", "Inselbürgermeister"
_LOCAL_ROLES_DE = (r"[a-zäöüß]*(?:bürgermeister|präsident|apotheker|metzger|bäcker|dorfarzt"
                   r"|tierarzt|tierärztin|pfarrer|pfarrerin|wirt|wirtin|schulleiter|schulleiterin"
                   r"|förster|landrat|landrätin|ortsvorsteher|lehrer|lehrerin|polizist"
                   r"|direktor|direktorin|chefarzt|chefärztin|kommandant)"
                   r"(?:s|es|en|in|n)?")
_KIN_EN = (r"(?:wife|husband|son|daughter|widow|widower|mother|father|brother|sister"
           r"|partner|girlfriend|boyfriend|grandson|granddaughter|twins|kids|children)")
_KIN_DE = (r"(?:Sohn|Tochter|Frau|Ehefrau|Mann|Ehemann|Witwe|Witwer|Mutter|Vater|Bruder"
           r"|Schwester|Enkel|Enkelin|Freundin|Freund|Kinder)")
_NOT_A_VERB = r"(?!(?:is|was|are|were|has|had|will|can|and|but|to)\b)"
_COMMUNITY_OWNER = r"(?:town|village|island|parish|county|city|valley|estate|street)"
_BELONGING_RE = re.compile(
    rf"\b(?:[Tt]he\s+)?{_KIN_EN}\s+of\s+(?:the|our)\s+(?:(?:local|current|former|retired"
    rf"|new|old)\s+)?{_OFFICES_EN}\b"
    rf"|\b[Tt]he\s+(?:(?:local|current|former|retired|new|old)\s+|{_COMMUNITY_OWNER}['’]s\s+)?"
    rf"(?:{_OFFICES_EN}|{_alternation(data.ROLE_NOUNS_EN)}|[Aa]rchdeacon|RSM)['’]s\s+"
    rf"(?:{_KIN_EN}|housekeeper|boy|girl|lad|lass)\b"
    rf"|\b[Tt]he\s+{_COMMUNITY_OWNER}['’]s\s+(?:only\s+|own\s+|first\s+|new\s+|old\s+)?"
    rf"(?:{_alternation(data.ROLE_NOUNS_EN)})\b"
    rf"|\b(?:[Dd]er|[Dd]ie|[Dd]en|[Dd]em)\s+{_KIN_DE}\s+(?:des|vom|unseres|von\s+unserem)\s+"
    rf"(?:[a-zäöü]+e[nrs]?\s+)?{_OFFICES_DE}\b"
    # "die Frau vom Apotheker im Ort", "der sohn vom bürgermeister", "Die Tochter vom
    # Metzger", "die Frau des Gemeindepräsidenten": kin of a village's one office or trade
    rf"|(?i:\b(?:der|die|den|dem)\s+(?:{_KIN_DE}|Schwager|Schwägerin|Neffe|Nichte|Enkelsohn"
    rf"|Enkeltochter|Witwe)\s+(?:des|vom|von\s+dem|von\s+der|der)\s+"
    rf"(?:(?:früheren|ehemaligen|alten|neuen|verstorbenen|pensionierten)\s+)?)"
    rf"(?i:{_LOCAL_ROLES_DE})\b(?:\s+(?:im\s+Ort|im\s+Dorf|aus\s+dem\s+Nachbarort"
    rf"|von\s+[A-ZÄÖÜ][\wäöüß-]+))?"
    rf"|\b[Tt]he\s+(?:oldest|youngest|first|last)\s+{_NOT_A_VERB}[a-z-]+\s+"
    rf"(?:{_NOT_A_VERB}[a-z-]+\s+){{0,2}}?(?:(?:alive|living|left)\s+)?"
    rf"(?:(?:in|on|of)\s+the\s+{_COMMUNITY_OWNER}\b|(?=(?:in|on)\s+[A-Z]))"
    rf"|\b(?:[Dd]er|[Dd]ie)\s+(?:älteste|jüngste|erste|letzte)\s+[A-ZÄÖÜ][\wäöüß-]+\s+"
    rf"(?:[\wäöüß-]+\s+)?(?:(?:im|in\s+der|auf\s+der|am)\s+(?:ganzen\s+)?(?:Tal|Dorf|Ort"
    rf"|Bezirk|Landkreis|Gemeinde|Insel|Stadt|Kreis|Viertel|Kanton)\b|(?=in\s+[A-ZÄÖÜ]))")
_BELONGING_HINT_RE = re.compile(
    r"\b(?:of\s+the|of\s+our|['’]s|des|vom|unseres|unserem|oldest|youngest|first|last|älteste"
    r"|jüngste|erste|letzte)\b")
# A user name written with an underscore ("DaddyBear_Leeds", "ShadowWolf_07"): handles have
# them, words do not
_UNDERSCORE_HANDLE_RE = re.compile(r"(?<![\w@./:-])[A-Za-z][\w.]*_[\w.]*[A-Za-z0-9](?![\w@/-])")
_KIN = (r"(?:son|daughter|twins|child|children|kids|baby|husband|wife|brother|sister|parents"
        r"|mother|father|boy|girl|Sohn|Tochter|Zwillinge|Kind|Kinder|Baby|Mann|Frau|Bruder"
        r"|Schwester|Eltern)")
_TRAGEDY_RE = re.compile(
    rf"\bwhose\s+(?:\w+\s+)?{_KIN}\s+(?:drowned|was\s+killed|were\s+killed|was\s+murdered"
    r"|were\s+murdered|went\s+missing|disappeared|was\s+shot|were\s+shot|burned)"
    r"(?:\s+(?:in|at|on)\s+(?:the\s+)?\w+)?"
    rf"|\b(?:deren|dessen)\s+(?:\w+\s+)?{_KIN}\s+(?:[\wäöüß]+\s+){{0,4}}?(?:ertrunken"
    r"|umgekommen|ermordet|getötet|verunglückt|verschwunden|erschossen|verbrannt)"
    r"(?:\s+(?:ist|sind|war|waren))?")
_COMMUNITY = (r"(?:village|town|parish|school|church|street|estate|club|island|valley"
              r"|community|chapel|surgery|practice)")
_COMMUNITY_ROLE_RE = re.compile(
    rf"\b(?:the\s+)(?:retired\s+|former\s+|old\s+)?(?P<role>[a-z]+(?:\s+[a-z]+)?)\s+(?:of|at|in"
    rf"|from)\s+our\s+{_COMMUNITY}\b"
    rf"|\bour\s+{_COMMUNITY}['’]s\s+(?!(?:own|only|first|best|new|old)\b)[a-z]+"
    r"|\b(?P<rolede>[A-ZÄÖÜ][\wäöüß-]+)\s+(?:unseres|unserer)\s+(?:Ortes|Ort|Dorfes|Dorf"
    r"|Gemeinde|Stadt|Schule|Kirchengemeinde|Pfarrei|Vereins|Insel|Straße|Siedlung)\b")
# Cheap tests before the patterns above: a word each of them needs.
_FAME_HINT_RE = re.compile(r"lymp|champion|meister|könig|prinz|Queen|lotter|jackpot|Lotto|pools"
                           r"|Euromillions")
_OFFICE_HOLDER_HINT_RE = re.compile(r"current|present|sitting|incumbent|serving|amtierend"
                                    r"|derzeitig|jetzig|aktuell")
_MEDIA_HINT_RE = re.compile(r"news|TV|television|telly|paper|radio|front|Pops|Crimewatch"
                            r"|Factor|Talent|Eurovision|Brother|Island|Vorentscheid|Grand"
                            r"|ESC|Fernseh|Titelseite|Tagesschau|Zeitung|Castingshow")
_YEAR_HINT_RE = re.compile(r"(?:19|20)\d\d")
_TRAGEDY_HINT_RE = re.compile(r"\b(?:whose|deren|dessen)\b")
_COMMUNITY_HINT_RE = re.compile(r"\b(?:our|unseres|unserer)\b")
_NOT_A_ROLE = frozenset({"Kinder", "Schüler", "Eltern", "Leute", "Menschen", "Familien",
                         "Bewohner", "Mitglieder", "Häuser", "Straßen", "Mitte", "Hälfte"})
_HANDLE_RE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?")
_HANDLE_CUE_RE = re.compile(
    r"(?i:\b(?:skype|signal|insta(?:gram)?|tik\s?tok|snapchat|snap|twitter|facebook|fb"
    r"|threads|discord|telegram|youtube|twitch|reddit|onlyfans|bluesky)(?:[- ](?:name|handle"
    r"|user(?:name)?|account|profile|id|nick|konto|profil|kanal|channel))?"
    r"|\b(?:handle|username|user\s+name|screen\s+name|benutzername|nutzername|nickname))"
    r"(?:\s+(?:is|ist|lautet|called|heißt|als))?\s*[:=]?\s*['\"‚‘“„]?"
    r"(?P<handle>@?[\w][\w.-]{1,40}[\w])")


_NUMBER_GOES_ON_RE = re.compile(r" [A-Z\d]{3,4}\b")


# Offices one person holds where she lives or works
_ONE_HOLDER_EN = (r"(?:parish\s+priest|priest|vicar|rector|bishop|archbishop|mayor|MP|MLA|MSP|TD"
                  r"|councillor|headteacher|head\s+teacher|headmaster|headmistress|principal"
                  r"|coroner|sheriff|chief\s+constable|police\s+commissioner|magistrate|judge"
                  r"|[Vv]ice-[Cc]hancellor|dean|provost|chief\s+executive|imam|rabbi|pastor"
                  r"|minister|senator|governor|harbour\s?master|harbor\s?master|consultant|GP"
                  r"|publican|postmaster|postmistress|station\s?master|sergeant|laird|undertaker"
                  r"|ferryman|lighthouse\s+keeper|village\s+doctor|village\s+policeman)")
# "la femme du patron de la conserverie", "le fils du seul boucher du village", "Η χήρα του
# δασκάλου": kin of the one holder of a trade or an office, in French and Greek
_KIN_OF_AN_OFFICE_FR_EL_RE = re.compile(
    r"\b(?:[Ll]a|[Ll]e|[Ss]a|[Ss]on)\s+(?:femme|mari|fils|fille|veuve|veuf|frère|sœur|mère|père"
    r"|épouse|époux|belle-fille|gendre|neveu|nièce|compagne|compagnon)\s+(?:du|de\s+la|de\s+l['’])"
    r"\s*(?:seule?\s+)?(?:maire|curé|pasteur|notaire|boulanger|boulangère|boucher|bouchère"
    r"|garagiste|pharmacien|pharmacienne|vétérinaire|patron|patronne|directeur|directrice"
    r"|instituteur|institutrice|gendarme|facteur|adjoint|député|sénateur|préfet|juge"
    r"|procureur|commissaire|président|présidente|épicier|épicière|cafetier|aubergiste"
    r"|buraliste|médecin\s+du\s+village|maître\s+d['’]école)\b"
    r"(?:\s+(?:du|de\s+la|de\s+l['’]|des)\s*[\w-]+)?"
    r"|(?<!\w)(?:[Ηη]|[Οο]|[Ττ]η|[Ττ]ην|[Ττ]ον)\s+(?:χήρα|γυναίκα|σύζυγο|σύζυγος|γιος|γιο|κόρη"
    r"|αδερφή|αδελφή|αδερφό|αδερφός|αδελφός|μάνα|μητέρα|πατέρα|πατέρας|ανιψιό|ανιψιός|ανιψιά"
    r"|εγγονό|εγγονός|εγγονή)\s+(?:του|της)\s+(?:δασκάλου|δασκάλας|παπά|ιερέα|δημάρχου|προέδρου"
    r"|φαρμακοποιού|αστυνόμου|διευθυντή|διευθύντριας|κοινοτάρχη|βουλευτή|δικαστή|μητροπολίτη"
    r"|ταχυδρόμου|καφετζή|χασάπη|φούρναρη|λιμενάρχη)(?!\w)")
# "the parish priest's sister", "the MLA's brother", "the son of the Vice-Chancellor", "the
# retired bishop", "the weatherman on Look North": someone known through an office
_KIN_OF_AN_OFFICE_EN_RE = re.compile(
    rf"\b(?:[Tt]he|[Oo]ur)\s+(?:(?:local|retired|former|late|new|old)\s+)?{_ONE_HOLDER_EN}['’]s\s+"
    r"(?:son|daughter|wife|husband|brother|sister|mother|father|mum|dad|widow|partner|nephew"
    r"|niece|grandson|granddaughter|girlfriend|boyfriend|kid|kids|boy|girl)\b"
    r"|\b(?:[Tt]he|[Hh]is|[Hh]er)\s+(?:son|daughter|wife|husband|brother|sister|widow|nephew"
    rf"|niece)\s+of\s+(?:the|our)\s+(?:(?:local|retired|former|late)\s+)?{_ONE_HOLDER_EN}\b"
    r"|\b[Tt]he\s+(?:retired|former|ex-|previous|last)\s*(?:bishop|archbishop|mayor|MP|MLA|TD"
    r"|chief\s+constable|coroner|police"
    r"\s+commissioner|[Vv]ice-[Cc]hancellor|provost)\b"
    r"|\b[Tt]he\s+(?:weatherman|weather\s+girl|weatherwoman|newsreader|presenter|anchor)\s+on"
    r"\s+[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+){0,2}")
# "The man who sells fish on the quay", "the girl whose mom is the state senator", "my kid's
# soccer coach", "my landlord's nephew": someone the whole place, or the writer, knows
_KNOWN_LOCALLY_EN_RE = re.compile(
    r"\b[Tt]he\s+(?:man|woman|girl|boy|lady|guy|bloke|lad|fella|chap|couple|family)\s+who"
    r"\s+(?:runs|sells|owns|drives|lives\s+(?:on|at|in|above)"
    r"|works\s+(?:on|at|in))\s+(?:the\s+|a\s+)?[\w'’-]+(?:\s+(?:on|at|in|of|by|down|up)\s+"
    r"(?:the\s+)?[\w'’-]+(?:\s+[A-Z][\w'’-]+)*)?"
    r"|\b(?:[Tt]he\s+)?(?:man|woman|girl|boy|lady|guy|lad|kid)\s+whose\s+(?:mom|mum|dad|father"
    r"|mother|brother|sister|uncle|aunt|wife|husband)\s+is\s+(?:the|a)\s+(?:[\w-]+\s+){0,3}?"
    rf"(?:{_ONE_HOLDER_EN}|senator|sergeant|superintendent|inspector|footballer|star|celebrity"
    r"|newsreader|presenter)\b(?:\s+(?:in|of)\s+the\s+(?:village|town|county|parish))?"
    r"|\b[Mm]y\s+(?:own\s+)?(?:kid|kids|son|daughter|child|children|landlord|landlady|neighbour"
    r"|neighbor|husband|wife|partner|mum|mom|dad|sister|brother|boss|best\s+friend)['’]s?\s+"
    r"(?:[a-z]+\s+)?(?:teacher|coach|nephew|niece|son|daughter|brother|sister|friend|boss"
    r"|husband|wife|mother|father|mum|dad|cousin|tutor|headteacher|girlfriend|boyfriend"
    r"|ex)\b")
# "the town's only taxi driver", "the hospital's own chief executive", "the principal of the
# school my kids go to": the one person in a place everyone knows
_A_PLACES_OWN_EN_RE = re.compile(
    r"\b(?:[Tt]he|[Oo]ur)\s+(?:town|village|island|parish|valley|county|city|school|hospital"
    r"|practice|estate|club|team|street)['’]s\s+(?:only|own|one)\s+"
    r"(?!(?:hope|chance|way|option|choice|problem|thing|reason|time|place|road|bus)\b)"
    r"(?:(?!(?:is|was|are|were|the|a|an|and|but|who|that|in|at|on|of|to|for|has|had)\b)"
    r"[a-z][\w-]*(?:\s+|(?=[,.;:!?)]|$))){1,3}"
    r"|\b[Tt]he\s+(?:principal|headteacher|head\s+teacher|headmaster|headmistress|manager"
    r"|owner|landlord|landlady|chair|chairman|president|caretaker|matron)\s+of\s+(?:the|our|my)"
    r"\s+(?:school|practice|club|pub|hospital|care\s+home|nursing\s+home|church|mosque|surgery"
    r"|shop|garage|home|team)\b(?:\s+(?:my|our|her|his)\s+(?:kids|children|son|daughter)"
    r"\s+(?:go|goes|went)\s+to)?")


def _other(text: str, langs: frozenset[str]) -> Iterator[_Candidate]:
    """Handles on social media, a role only one person has: "the only vet in the valley"."""
    if "@" in text:
        for m in _HANDLE_RE.finditer(text):
            yield _Candidate("other", m.start(), m.end(), _P_URL - 5)
    for m in _HANDLE_CUE_RE.finditer(text):
        handle = m.group("handle")
        if _NUMBER_GOES_ON_RE.match(text, m.end("handle")):
            continue  # "facebook: GR16 0110 1250 ...": an account number, not a handle
        # a bare word is a handle only in Latin letters ("στο Instagram μια φωτογραφία")
        if (re.search(r"[._@\d]", handle) or (handle.islower() and handle.isascii()
                                              and not _is_ordinary_word(handle, langs))):
            yield _Candidate("other", m.start("handle"), m.end("handle"), _P_URL - 5)
    if "_" in text:
        for m in _UNDERSCORE_HANDLE_RE.finditer(text):
            yield _Candidate("other", m.start(), m.end(), _P_URL - 5)
    rules = [_ONLY_ONE_EN_RE, _ONLY_ONE_DE_RE, _OFFICE_RE, _KIN_OF_AN_OFFICE_EN_RE,
             _KIN_OF_AN_OFFICE_FR_EL_RE,
             _A_PLACES_OWN_EN_RE, _KNOWN_LOCALLY_EN_RE]
    if _BELONGING_HINT_RE.search(text):
        rules.append(_BELONGING_RE)
    if _OFFICE_HOLDER_HINT_RE.search(text):
        rules.append(_OFFICE_HOLDER_RE)
    if _MEDIA_HINT_RE.search(text):
        rules.append(_MEDIA_FAME_RE)
    if _YEAR_HINT_RE.search(text):
        rules.append(_EVENT_RE)
    if _FAME_HINT_RE.search(text):
        rules.append(_FAME_RE)
    if _TRAGEDY_HINT_RE.search(text):
        rules.append(_TRAGEDY_RE)
    for rx in rules:
        for m in rx.finditer(text):
            yield _Candidate("other", m.start(), m.end(), _P_PLACE_PREP + 1)
    if not _COMMUNITY_HINT_RE.search(text):
        return
    for m in _COMMUNITY_ROLE_RE.finditer(text):
        role = m.group("role") or m.group("rolede") or ""
        if role.endswith("s") and not role.endswith("ss") or role in _NOT_A_ROLE:
            continue  # "the kids at our school", "die Kinder unserer Schule": many people
        yield _Candidate("other", m.start(), m.end(), _P_PLACE_PREP + 1)

# Role nouns: a definite description of a role only one person has ("the vicar of the next
# parish", "der Pfarrer der Nachbargemeinde", "our MP")
_ROLES_EN = _alternation(data.ROLE_NOUNS_EN)
_ROLES_DE = (rf"[A-ZÄÖÜ][\wäöüß-]*?(?:{_alternation(data.ROLE_NOUNS_DE)})"
             rf"|(?:{_alternation(tuple(r.capitalize() for r in data.ROLE_NOUNS_DE))})")
_UNIQUE_ROLES = _alternation(data.UNIQUE_ROLES)
_NOT_A_COMPLEMENT_WORD = (r"(?!(?:and|but|or|who|which|that|when|because|so|he|she|they|is"
                          r"|was|has|had)\b)")
_ROLE_EN_RE = re.compile(
    rf"(?:\b(?:is|was|['’]s|became|becomes|used\s+to\s+be)\s+|(?:^|(?<=[.!?:;]\s)))"
    rf"(?P<desc>(?:[Tt]he|[Oo]ur)\s+(?:(?:only|new|old|former|retired|current|local|deputy"
    rf"|assistant|head|chief|senior|longtime|long-serving|female|male|first|last|youngest"
    rf"|oldest)\s+){{0,2}}(?:[a-z]+(?:-[a-z]+)?\s+)?(?:{_ROLES_EN})"
    rf"(?:\s+(?:of|at|in|for|on|from)\s+(?:the|our|this|that|a)\s+(?:{_NOT_A_COMPLEMENT_WORD}"
    rf"[a-z0-9]+(?:-[a-z0-9]+)*\s+){{0,4}}{_NOT_A_COMPLEMENT_WORD}[a-z]+(?:-[a-z]+)*"
    # "the vicar of Little Hembury": the place stays a finding of its own
    rf"|(?=\s+(?:of|at|in)\s+[A-Z][\w'’-]+))?)\b(?!-)")
_ROLE_DE_RE = re.compile(
    rf"(?:\b(?:ist|war|wird|wurde)\s+|(?:^|(?<=[.!?:;]\s)))"
    rf"(?P<desc>(?:[Dd]er|[Dd]ie|[Uu]nser|[Uu]nsere)\s+(?:(?:einzige|neue|alte|frühere"
    rf"|ehemalige|jetzige|langjährige|stellvertretende|erste|letzte)[nr]?\s+){{0,2}}"
    rf"(?:{_ROLES_DE})"
    rf"(?:\s+(?:der|des|vom|von\s+der|von\s+dem|an\s+der|am|im|in\s+der|bei\s+der|beim)"
    rf"\s+(?:(?:[a-zäöüß]+e[nrms]?|[A-ZÄÖÜ][\wäöüß-]+)\s+){{0,3}}?[A-ZÄÖÜ][\wäöüß-]+"
    rf"(?:\s+(?:im|in\s+der|am)\s+(?:Ort|Dorf|Viertel|Kiez|Stadtteil))?)?)\b")
# In a German label, the role with its place and no article: "Pächter der Tankstelle in
# Gmund", "Kapellmeister der Musikkapelle", "Spieß der 3. Kompanie"; and a relative of a
# role's holder: "Tochter des Hausmeisters", "Witwe vom Pfarrer"
_OUR_OWN_SETTING_DE = frozenset({"Gruppe", "Balintgruppe", "Sitzung", "Runde", "Supervision",
                                 "Fortbildung", "Weiterbildung"})
_ROLE_DE_LABEL_RE = re.compile(
    rf"(?:^|(?<=[,–(:]\s)|(?<=\s-\s))(?P<desc>(?:{_ROLES_DE}|Spieß)\s+(?:der|des|vom|von\s+der)\s+"
    rf"(?:\d+\.\s+)?[A-ZÄÖÜ][\wäöüß-]+(?:\s+[A-ZÄÖÜ][\wäöüß-]+)?)"
    rf"|\b(?P<kin>(?:(?:[Dd]er|[Dd]ie|[Dd]en|[Dd]em)\s+)?(?:Sohn|Tochter|Frau|Ehefrau|Mann"
    rf"|Ehemann|Witwe|Witwer|Mutter|Vater|Enkel"
    rf"|Enkelin)\s+(?:des|vom|unseres)\s+(?:{_ROLES_DE})s?)\b")
# "The man who lost his whole family in the fire", "Der Mann, der beim Brand ... verloren hat"
_DISASTER = (r"(?:fire|blaze|crash|collapse|flood|floods|explosion|bombing|attack|shooting"
             r"|stabbing|derailment|riots?|disaster|massacre|tragedy|landslide|avalanche"
             r"|earthquake|accident|pile-up|sinking|Brand|Großbrand|Hochwasser|Flut|Anschlag"
             r"|Amoklauf|Unglück|Zugunglück|Explosion|Einsturz|Erdrutsch|Unfall|Erdbeben"
             r"|Silvesternacht|Flutkatastrophe|Katastrophe)")
_SURVIVOR_RE = re.compile(
    rf"\b(?P<d>(?:[Tt]he\s+(?:only\s+)?(?:man|woman|boy|girl|lad|lady|couple|family|mother"
    rf"|father|driver|teenager|pilot|survivor)\s+who\s+(?:[\w'’-]+\s+){{1,9}}?{_DISASTER}"
    rf"(?:\s+(?:in|at|on)\s+(?:the\s+)?[\w-]+)?"
    rf"|(?:[Dd]er|[Dd]ie|[Dd]as)\s+(?:einzige\s+)?(?:Mann|Frau|Junge|Mädchen|Paar|Ehepaar"
    rf"|Familie|Mutter|Vater|Fahrer|Pilot|Überlebende)\s*,\s+(?:der|die|das)\s+"
    rf"(?:[\wäöüß'’-]+\s+){{0,10}}?(?:verloren|überlebt|verursacht|gerettet|getötet"
    rf"|überfahren|erschossen)(?:\s+(?:hat|hatte|haben|ist|war|wurde))?))\b")
# Someone known for what happened to them or what they did: "the man who found the body on
# the beach", "the nurse stabbed at the health centre", "the boy on the news", "Der Junge,
# der beim Brand als Einziger rauskam", "die Frau aus der Fernsehsendung"
_PERSON_WORD_EN = (r"(?:(?:young|old|little)\s+)?(?:man|woman|boy|girl|lad|lass|lady|couple"
                   r"|family|kid|teenager|child|mother|father|mum|dad|nurse|driver|twins"
                   r"|triplets|baby|student|farmer|fisherman|pilot|soldier|cyclist|biker)")
_EVENT_PERSON_RE = re.compile(
    rf"\b[Tt]he\s+{_PERSON_WORD_EN}\s+(?:who|that)\s+(?:found\s+(?:the\s+bod(?:y|ies)|him|her|them)"
    r"|survived|won(?!['’]t)|drove|fell|jumped"
    r"|killed|shot|stabbed|crashed|rescued|saved|pulled|set\s+fire|went\s+missing|escaped"
    r"|walked\s+away|was\s+(?:on|in)\s+the\s+(?:news|papers?|telly|TV))\b(?:\s+[\w'’-]+){0,5}"
    rf"|\b[Tt]he\s+{_PERSON_WORD_EN}\s+(?:stabbed|born|found|shot|killed|rescued|attacked"
    r"|pulled)\s+(?:at|in|on|from|out\s+of)\b(?:\s+[\w'’-]+){1,5}"
    rf"|\b[Tt]he\s+{_PERSON_WORD_EN}\s+(?:on|in|from)\s+the\s+(?:news|papers?|telly|TV"
    r"|front\s+page)\b"
    r"|\b(?:[Dd]er|[Dd]ie|[Dd]as)\s+(?:Junge|Mädchen|Mann|Frau|Bub|Kind|Fahrer|Familie"
    r"|Zwillinge|Jugendliche)\s*,\s*(?:der|die|das)\s+[^,.;–]{0,60}?(?:überlebt|gefunden"
    r"|gewonnen|gerettet|rauskam|herauskam|entkommen|zu\s+sehen|im\s+Fernsehen|in\s+der"
    r"\s+Zeitung)\b(?:\s+(?:hat|hatte|ist|war|wurde))?"
    r"|\b(?:[Dd]er|[Dd]ie|[Dd]as)\s+(?:Junge|Mädchen|Mann|Frau|Bub|Kind|Familie)\s+aus\s+"
    r"(?:der|dem)\s+(?:Fernsehsendung|Fernsehen|Zeitung|Reportage|Doku)\b(?:\s+[\wäöüß-]+){0,2}")
# "Last year's county under-18 boxing champion", "der letztjährige Landesmeister im Boxen"
_CHAMPION_RE = re.compile(
    r"\b(?:(?:[Ll]ast|[Tt]his|[Nn]ext)\s+year['’]s|[Rr]eigning|[Ff]ormer|[Cc]urrent"
    r"|[Dd]efending)\s+(?:[\w-]+\s+){0,4}?champion\b(?!s)"
    r"|\b(?:[Dd]er|[Dd]ie)\s+(?:(?:letztjährige|diesjährige|amtierende|ehemalige|frühere"
    r"|jetzige|dreifache|zweifache|mehrfache)\s+)?(?:Landes|Kreis|Bezirks|Stadt|Bundes"
    r"|Vize|Welt|Europa|Deutsche[rn]?\s+|Vereins|Jugend|Schul)[a-zäöü]*meister(?:in)?\b"
    r"(?:\s+im\s+[A-ZÄÖÜ][\wäöüß-]+)?")
# "the only Black consultant in the trust", "the only woman firefighter at the station", "la
# seule femme soudeuse de l'usine", "der Wirt vom einzigen Gasthaus im Dorf", "η μόνη
# γυναίκα πιλότος της εταιρείας": one of a kind within a community, a workplace or an event,
# however many words lie between (not the writer: "I'm the only doctor on the island")
_ONLY_ONE_SCOPE_RE = re.compile(
    r"\b(?:[Tt]he\s+only|[Ll]e\s+seul|[Ll]a\s+seule|[Ll]['’]unique|[Dd]u\s+seul|[Dd]e\s+la\s+seule"
    r"|(?<=,\s)seule?|(?<=est\s)seule?|[Dd]er\s+einzige|[Dd]ie\s+einzige|[Dd]as\s+einzige|[Dd]em"
    r"\s+einzigen|[Dd]en\s+einzigen|vom\s+einzigen|[Oo]\s+μόνος|[Ηη]\s+μόνη|[Tt]ο\s+μόνο)\s+"
    r"(?!(?:way|thing|time|reason|option|choice|problem|question|answer|solution|person|people"
    r"|place|endroit|lieu|Ort|μέρος"
    r"|one\s+who\s+(?:listens|understands|cares)|chose|fois|moyen|Mal|Weg|Grund|Problem"
    r"|φορά|λύση|τρόπος)\b)"
    r"(?P<body>(?:[^\W\d][\w'’-]*\s+){0,8}?)(?:[ldLD]['’])?"
    r"(?:village|valley|town|township|hamlet|island|parish|county|district|city|estate|trust"
    r"|crew|course|regiment|reservation|coast|fire|crash|sinking|bombing|collapse|accident"
    r"|attack|flood|disaster|shipwreck|vallée|île|commune|département|usine|refuge"
    r"|canton|quartier|naufrage|incendie|plateau|Dorf|Ort|Tal|Insel|Gemeinde|Landkreis"
    r"|Kreis|Stadt|Bezirk|Werk|Betrieb|Unglück|Brand|Absturz|χωριό|χωριού|νησί|νησιού|σχολή"
    r"|station|school|club|team|watch|brigade|church|street|firm|company|practice|surgery"
    r"|plant|factory|mine|pub|office|council|force|squad|unit|department|college|university"
    r"|academy|Feuerwehr|Verein|Schule|Firma|Wache|Mannschaft|Team|Straße|Siedlung|Polizei"
    r"|Revier|Kompanie|Fabrik|Kaserne"
    r"|σχολής|εταιρεία|εταιρείας|περιοχή|περιοχής|δήμο|δήμου|ναυάγιο|ναυαγίου|Ωδείο)\b")
_WRITER_BEFORE_RE = re.compile(
    r"(?i:\b(?:I\s+am|I['’]m|I\s+was|we['’]re|we\s+are|we\s+were|je\s+suis|j['’]étais"
    r"|nous\s+sommes|ich\s+bin|ich\s+war|wir\s+sind|είμαι|ήμουν|είμαστε))\s+$")
_ROLE_HINT_RE = re.compile(r"\b(?:[Tt]he|[Oo]ur|[Dd]er|[Dd]ie|[Uu]nser|[Uu]nsere)\s")
_UNIQUE_ROLE_CF = frozenset(r.casefold() for r in data.UNIQUE_ROLES)


def _is_unique_role(desc: str) -> bool:
    last = desc.split()[-1].casefold()
    return desc.casefold().endswith(tuple(f" {r}" for r in _UNIQUE_ROLE_CF)) or any(
        last.endswith(r) for r in _UNIQUE_ROLE_CF if len(r) > 5)


_NAMED_PLACE_AFTER_RE = re.compile(r"\s+(of|at|in)\s+[A-Z]")


def _roles(text: str) -> Iterator[_Candidate]:
    """ "is the vicar of the next parish", "our MP", "Der Ortsvorsteher", "ist die Landrätin",
    "the man who lost his family in the fire", "last year's county boxing champion"."""
    for rx in (_ROLE_EN_RE, _ROLE_DE_RE) if _ROLE_HINT_RE.search(text) else ():
        for m in rx.finditer(text):
            desc = m.group("desc")
            words = desc.split()
            has_complement = any(w in ("of", "at", "in", "for", "on", "from", "der", "des",
                                       "vom", "von", "an", "am", "im", "bei", "beim")
                                 for w in words[2:])
            ours = words[0].casefold() in ("our", "unser", "unsere")
            copula = m.start() < m.start("desc")
            if not copula and not any(w in ("of", "der", "des") for w in words[2:]) and not any(
                    w in ("von", "vom") and nxt[:1].isupper()
                    and not _is_ordinary_word(nxt, _GERMAN)  # "vom Goldenen Hirschen"
                    for w, nxt in zip(words[2:], words[3:], strict=False)):
                has_complement = False  # "The pharmacist from the high street": generic
            place_after = _NAMED_PLACE_AFTER_RE.match(text, m.end("desc"))
            if place_after and (copula or place_after.group(1) == "of"):
                has_complement = True  # "the vicar of Little Hembury", "is the GP in Tain"
            if not (has_complement or _is_unique_role(desc) or (ours and copula)):
                continue
            yield _Candidate("other", m.start("desc"), m.end("desc"), _P_PLACE_PREP + 2)
    for m in _ONLY_ONE_SCOPE_RE.finditer(text):
        if not _WRITER_BEFORE_RE.search(text, max(0, m.start() - 16), m.start()):
            yield _Candidate("other", m.start(), m.end(), _P_PLACE_PREP + 2)
    for m in _ROLE_DE_LABEL_RE.finditer(text):
        g = "desc" if m.group("desc") else "kin"
        if g == "desc" and m.group(g).split()[-1] in _OUR_OWN_SETTING_DE:
            continue  # "Leiter der Gruppe": the Balint group's own leader
        yield _Candidate("other", m.start(g), m.end(g), _P_PLACE_PREP + 2)
    for rx in (_SURVIVOR_RE, _CHAMPION_RE, _EVENT_PERSON_RE):
        for m in rx.finditer(text):
            yield _Candidate("other", m.start(), m.end(), _P_PLACE_PREP + 2)
