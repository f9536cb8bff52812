"""The offline identifier check: categories in English and German, tricky negatives,
offsets, and floors on the shipped test sets so that regressions fail. No database."""

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from balintroom.deid.identifier_eval import ALL, TESTSET_DIR, TESTSETS, evaluate, load
from balintroom.deid.identifiers import CATEGORY_LABELS, Finding, find_identifiers

SRC = Path(__file__).resolve().parents[2] / "src"


def found(text: str, language: str | None = None) -> list[tuple[str, str]]:
    return [(f.category, f.text) for f in find_identifiers(text, language)]


# --- positives, per category and language --------------------------------------------------

POSITIVES = [
    # names
    ("en", "Mrs Patel who calls every Monday", "name", "Mrs Patel"),
    ("en", "Note: Mr. Smith called again", "name", "Mr. Smith"),
    ("en", "A patient named Sarah refuses the scan", "name", "Sarah"),
    ("en", "John Miller, the one with the biscuits", "name", "John Miller"),
    ("en", "Flagged by Nurse Brown on the ward round", "name", "Nurse Brown"),
    ("en", "Mrs K., after the fall", "name", "Mrs K."),
    ("en", "Dr. Weber's patient again", "name", "Dr. Weber"),
    ("de", "Frau Müller, die jeden Montag anruft", "name", "Frau Müller"),
    ("de", "Herr Dr. Weber hat sie überwiesen", "name", "Herr Dr. Weber"),
    ("de", "Überweisung von Frau Dr. med. Schulz", "name", "Frau Dr. med. Schulz"),
    ("de", "Patientin Anna will keine Chemo", "name", "Anna"),
    ("de", "Anruf von Herrn Meier, sehr aufgebracht", "name", "Herrn Meier"),
    ("de", "Schwester Monika hat sie gefunden", "name", "Schwester Monika"),
    ("de", "Marie-Luise Becker, Witwe", "name", "Marie-Luise Becker"),
    ("de", "Herr S. und seine Mutter", "name", "Herr S."),
    # dates
    ("en", "Seen on 3 March 2024 in the morning", "date", "3 March 2024"),
    ("en", "Seen on March 3rd, then a week later", "date", "March 3rd"),
    ("en", "Follow-up appointment 03/12/2024", "date", "03/12/2024"),
    ("en", "DOB 1948-07-22 on the letter", "date", "1948-07-22"),
    ("en", "Phoned her on the 14th of February", "date", "14th of February"),
    ("de", "Termin am 12.03.2024 verschoben", "date", "12.03.2024"),
    ("de", "Sie rief am 3.4. an", "date", "3.4."),
    ("de", "am 5. Mai wieder da", "date", "5. Mai"),
    ("de", "März 2022 Diagnose gestellt", "date", "März 2022"),
    # ages of 90 and over
    ("en", "A 92-year-old widow, lives alone", "age_over_89", "92-year-old"),
    ("en", "a 95 y/o with dementia", "age_over_89", "95 y/o"),
    ("en", "Mr. Chen, 91, after the fall", "age_over_89", "91"),
    ("en", "She is turning 101 next week", "age_over_89", "turning 101"),
    ("de", "92 Jahre alt, lebt allein", "age_over_89", "92 Jahre alt"),
    ("de", "im Alter von 91 noch Auto gefahren", "age_over_89", "im Alter von 91"),
    ("de", "Eine 95-jährige Dame", "age_over_89", "95-jährige"),
    ("de", "Frau K., 93, nach dem Sturz", "age_over_89", "93"),
    # places
    ("en", "Lives at 12 Baker Street, third floor", "place", "12 Baker Street"),
    ("en", "Seen at St. Mary's Hospital last winter", "place", "St. Mary's Hospital"),
    ("en", "Lives in Leeds with her daughter", "place", "Leeds"),
    ("en", "Her flat on Victoria Road is cold", "place", "Victoria Road"),
    ("en", "Home visit in Bristol BS1 4DJ", "place", "Bristol BS1 4DJ"),
    ("en", "Seen in A&E at Leeds General Infirmary", "place", "Leeds General Infirmary"),
    ("de", "Wohnt in der Hauptstraße 12, 2. Stock", "place", "Hauptstraße 12"),
    ("de", "10115 Berlin, Hinterhaus", "place", "10115 Berlin"),
    ("de", "Sie rief aus dem Klinikum Süd an", "place", "Klinikum Süd"),
    ("de", "Im St. Josef-Hospital operiert", "place", "St. Josef-Hospital"),
    ("de", "Herr M. aus Dorfen, Landwirt", "place", "Dorfen"),
    ("de", "Die Klinik in Essen hat abgelehnt", "place", "Essen"),
    ("de", "Reha in Bad Kissingen abgebrochen", "place", "Bad Kissingen"),
    ("de", "Wohnt in Köln-Ehrenfeld", "place", "Köln-Ehrenfeld"),
    # phone and fax
    ("en", "Fax from the clinic: +44 20 7946 0958", "phone", "+44 20 7946 0958"),
    ("en", "Call back on (555) 123-4567 today", "phone", "(555) 123-4567"),
    ("en", "She rang from 07700 900123 at midnight", "phone", "07700 900123"),
    ("de", "Tel. +49 30 12345678", "phone", "+49 30 12345678"),
    ("de", "Fax 089/123456-78", "phone", "089/123456-78"),
    ("de", "Tochter: 030 / 123 45 67", "phone", "030 / 123 45 67"),
    ("de", "Handy: +49 (0)151 23456789", "phone", "+49 (0)151 23456789"),
    # email and web
    ("en", "His email is j.harris@example.org, long letters", "email", "j.harris@example.org"),
    ("de", "Mail von k.schneider@web.de gestern", "email", "k.schneider@web.de"),
    ("en", "She showed me https://www.facebook.com/groups/pain.", "url",
     "https://www.facebook.com/groups/pain"),
    ("de", "Schickt Links auf www.heilsteine-shop.de", "url", "www.heilsteine-shop.de"),
    ("en", "Her blog, ruths-goodbye.blogspot.com, is about me", "url",
     "ruths-goodbye.blogspot.com"),
    # ID numbers
    ("en", "MRN 12345678, the diabetic foot", "id_number", "12345678"),
    ("en", "SSN 123-45-6789 on the form", "id_number", "123-45-6789"),
    ("en", "Her car, AB12 CDE, was outside", "id_number", "AB12 CDE"),
    ("de", "KV-Nummer A123456789 lag auf dem Tisch", "id_number", "A123456789"),
    ("de", "Fallnummer 2023-4711 im Arztbrief", "id_number", "2023-4711"),
    ("de", "IBAN DE89 3704 0044 0532 0130 00 für die Rückzahlung", "id_number",
     "DE89 3704 0044 0532 0130 00"),
    ("de", "Kennzeichen M-AB 1234, parkt immer dort", "id_number", "M-AB 1234"),
]


@pytest.mark.parametrize(("language", "text", "category", "expected"), POSITIVES)
def test_it_finds_each_category_in_english_and_german(language: str, text: str,
                                                      category: str, expected: str) -> None:
    assert (category, expected) in found(text, language)
    assert (category, expected) in found(text)  # both languages at once


# --- tricky negatives ----------------------------------------------------------------------

NEGATIVES = [
    ("en", "The quiet man with the headaches"),
    ("en", "since 2019 she has been on dialysis"),
    ("en", "Moved from Bavaria in 2015"),
    ("en", "Just back from holiday in Spain"),
    ("en", "a 45-year-old with back pain"),
    ("en", "An 89-year-old who still gardens"),
    ("en", "Weighs 92 kg and won't talk about it"),
    ("en", "95% oxygen saturation"),
    ("en", "BP 140/90 at the last visit"),
    ("en", "Dr."),
    ("en", "the GP"),
    ("en", "Monday again, the same complaints"),
    ("en", "In March she stopped coming"),
    ("en", "Will he come back after what I said?"),
    ("en", "May I present this case next time?"),
    ("en", "Hope is the only thing left for her"),
    ("en", "Referred by the Memory Clinic"),
    ("en", "The man from the night shift"),
    ("en", "Room 12, bed 3"),
    ("de", "seit 2019 in Behandlung"),
    ("de", "Bayern"),
    ("de", "In Österreich aufgewachsen"),
    ("de", "Kommt aus der Türkei"),
    ("de", "Montag"),
    ("de", "Dr."),
    ("de", "der Hausarzt"),
    ("de", "Die 45-jährige Lehrerin, die nie weint"),
    ("de", "Der 89-jährige Landwirt"),
    ("de", "Sie kam aus Angst nicht zur Untersuchung"),
    ("de", "Er fährt nach Hause und trinkt"),
    ("de", "In Sorge um den Sohn"),
    ("de", "Nach Weihnachten ging es bergab"),
    ("de", "Nach dem Essen wird ihr übel"),
    ("de", "\"Herr Doktor, helfen Sie mir!\""),
    ("de", "Sehr geehrte Frau Kollegin"),
    ("de", "Frau, 45, Rückenschmerzen"),
    ("de", "Das Klinikum hat nicht zurückgerufen"),
    ("de", "In der Tagesklinik fühlt sie sich wohl"),
    ("de", "Blutdruck 140/90, 20 mg morgens"),
    ("de", "Zimmer 12, Bett 3, Station 4b"),
    ("de", "Ihre Schwester pflegt sie seit Jahren"),
    ("de", "Im Jahr 2018 verwitwet"),
]


@pytest.mark.parametrize(("language", "text"), NEGATIVES)
def test_it_leaves_tricky_negatives_alone(language: str, text: str) -> None:
    assert found(text, language) == []


def test_it_flags_a_year_only_with_a_day_or_month() -> None:
    assert found("seit 2019", "de") == []
    assert found("since 2019", "en") == []
    assert found("Diagnose am 12.03.2019", "de") == [("date", "12.03.2019")]


def test_it_flags_ages_from_90_only() -> None:
    assert found("an 89-year-old", "en") == []
    assert found("a 90-year-old", "en") == [("age_over_89", "90-year-old")]
    assert found("89 Jahre alt", "de") == []
    assert found("90 Jahre alt", "de") == [("age_over_89", "90 Jahre alt")]


def test_it_does_not_flag_regions_but_flags_cities() -> None:
    assert found("Bayern, Bavaria, Germany, Texas", None) == []
    assert found("Sie lebt in München", "de") == [("place", "München")]


# --- offsets -------------------------------------------------------------------------------

def assert_offsets(text: str, findings: list[Finding]) -> None:
    for f in findings:
        assert text[f.start:f.end] == f.text
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    for a, b in zip(findings, findings[1:], strict=False):
        assert a.end <= b.start


def test_it_gives_str_offsets_after_umlauts_and_emoji() -> None:
    text = "Übelkeit 😀🙈, Ärger 👨‍👩‍👧: Frau Müller rief am 3.4. an, Tel. 0171 2345678"
    findings = find_identifiers(text, "de")
    assert_offsets(text, findings)
    assert [(f.category, f.text) for f in findings] == [
        ("name", "Frau Müller"), ("date", "3.4."), ("phone", "0171 2345678")]
    assert findings[0].start == text.index("Frau")


def test_it_handles_decomposed_umlauts_without_moving_offsets() -> None:
    text = unicodedata.normalize("NFD", "Gespräch mit Frau Özdemir in München")
    findings = find_identifiers(text, "de")
    assert_offsets(text, findings)
    assert [f.category for f in findings] == ["name", "place"]
    assert unicodedata.normalize("NFC", findings[0].text) == "Frau Özdemir"


def test_it_keeps_offsets_with_crlf_and_tabs() -> None:
    text = "Zeile 1\r\n\tMrs Patel\r\nemail: a.b@example.com\r\n"
    findings = find_identifiers(text)
    assert_offsets(text, findings)
    assert [(f.category, f.text) for f in findings] == [
        ("name", "Mrs Patel"), ("email", "a.b@example.com")]


@pytest.mark.parametrize("name", TESTSETS)
def test_it_returns_sorted_non_overlapping_exact_findings_on_every_test_text(name: str) -> None:
    for item in load(TESTSET_DIR / f"{name}.jsonl"):
        text = str(item["text"])
        for language in ("en", "de", None):
            assert_offsets(text, find_identifiers(text, language))


def test_it_returns_nothing_for_empty_text() -> None:
    assert find_identifiers("") == []
    assert find_identifiers("   \n") == []


def test_it_reads_locale_codes_and_checks_both_languages_without_one() -> None:
    assert found("Frau Müller", "de-AT") == [("name", "Frau Müller")]
    assert found("Frau Müller", "de_DE") == [("name", "Frau Müller")]
    assert found("Frau Müller und Mrs Patel") == [("name", "Frau Müller"),
                                                   ("name", "Mrs Patel")]


def test_it_stays_fast_on_long_pathological_input() -> None:
    import time

    for text in ("a." * 20000, "Aa-" * 15000, "Aaaaaaa" * 5000 + "straße", "Frau Dr. " * 4000,
                 "12.3." * 8000, "St " * 10000 + "Hospital", "Am A 1 " * 5000,
                 "Aa(Bb) " * 5000, "at Aa " * 8000, "Frau Aa-" * 5000,
                 "the only Aa " * 5000, "whose son " * 5000, "Aa Bb Cc " * 5000 + "church",
                 "Aa Bb church " * 5000, "Grace and Hope " * 5000,
                 "OX1 " * 10000, "@ Aa " * 8000, "in der Aa " * 5000, "ZW21C" * 10000,
                 "our town's " * 5000, "Aa-Bb " * 8000, "the Aa " * 8000 + "twins",
                 "calls herself online " * 4000, "Aa & Bb " * 5000 + "GmbH",
                 "Aa Bb Cc Dd " * 4000 + "emergency department", "the current " * 5000,
                 "was on the " * 5000 + "news", "the 2017 " * 5000 + "fire",
                 "turned " * 5000 + "ninety", "NHS number " * 4000 + "485 777 3456",
                 "BT-12-" * 6000, "vom Aahof " * 5000, "Aa, Bb " * 8000, "Aa Bb " * 8000,
                 "Ruby and Aa Bb " * 4000, "der einzige aa " * 5000,
                 "is the aa " * 5000, "is the vicar of the aa " * 3000, "ist der Aa " * 5000,
                 "ist der Pfarrer der aae " * 3000, "The man who aa " * 4000 + "fire",
                 "Der Mann, der aa " * 4000, "last year's aa " * 4000 + "champion",
                 "the only aa aa at the aa " * 3000, "pt aa " * 8000, "in aa " * 8000,
                 "she is " * 5000 + "92", "(ninety " * 5000, "seit dem 2. " * 5000,
                 "the Aa Bb and " * 4000 + "Crown", "the Aa " * 8000 + "Grill",
                 "Villa Am " * 5000, "Aapark Nord " * 5000, "FC Aa " * 5000,
                 "Aa & " * 8000 + "Bb", "Aaische Aagemeinde " * 4000, "to Aa-Bb " * 5000,
                 "Aa Park " * 5000, "A1 J9 " * 5000, "MRS A. " * 5000 + "BB",
                 "Hope and " * 5000 + "Jack", "Precious " * 8000):
        started = time.perf_counter()
        find_identifiers(text)
        assert time.perf_counter() - started < 5.0


def test_it_labels_every_category() -> None:
    assert set(CATEGORY_LABELS) == {"name", "date", "age_over_89", "place", "phone", "email",
                                    "url", "id_number", "other"}
    assert all(isinstance(v, str) and v for v in CATEGORY_LABELS.values())


def test_it_does_not_import_django() -> None:
    code = ("import sys; from balintroom.deid.identifiers import find_identifiers; "
            "find_identifiers('Frau Müller'); assert 'django' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, env={"PYTHONPATH": str(SRC)})


# --- the test sets and the evaluation ------------------------------------------------------

def test_it_ships_labelled_test_sets_with_exact_offsets() -> None:
    for name in TESTSETS:
        items = load(TESTSET_DIR / f"{name}.jsonl")
        if name in ("en", "de"):
            assert len(items) >= 120
            assert sum(1 for i in items if not i["spans"]) >= 40  # negatives
        for item in items:
            text = str(item["text"])
            spans = item["spans"]
            assert isinstance(spans, list)
            for s in spans:
                assert s["category"] in CATEGORY_LABELS
                assert 0 <= s["start"] < s["end"] <= len(text)
                assert text[s["start"]:s["end"]].strip() == text[s["start"]:s["end"]]


def test_it_evaluates_by_overlap_within_a_category(tmp_path: Path) -> None:
    path = tmp_path / "en.jsonl"
    lines = [
        {"text": "Mrs Patel from Leeds", "spans": [
            {"category": "name", "start": 4, "end": 9},  # found: "Mrs Patel" overlaps
            {"category": "date", "start": 15, "end": 20},  # missed: it is a place
        ]},
        {"text": "nothing here", "spans": []},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    scores = evaluate(path)
    assert scores["name"] == {"tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0}
    assert scores["date"] == {"tp": 0, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.0}
    assert scores["place"] == {"tp": 0, "fp": 1, "fn": 0, "precision": 0.0, "recall": 1.0}
    assert scores[ALL]["tp"] == 1 and scores[ALL]["fp"] == 1 and scores[ALL]["fn"] == 1


# Floors set below what each set scores, so that a regression fails here and an
# improvement needs no change. What each figure rests on:
# - en, de: the first development sets (1.00 everywhere);
# - en_heldout, de_heldout: the first held-out sets (recall 0.78-0.79 when first scored),
#   developed on since;
# - dev2 and final: written blind, the final ones scored once (recall 0.87-0.88), then
#   developed on;
# - heldout3, heldout4: written blind, scored once (recall 0.87-0.91), then developed on;
# - heldout5, heldout6: written blind and scored once with the rules as they stand
#   (precision 0.93-0.97, recall 0.85-0.87).
DEV_FLOORS = {
    "name": (0.9, 0.85), "date": (0.9, 0.9), "age_over_89": (0.9, 0.85),
    "place": (0.9, 0.85), "phone": (0.9, 0.85), "email": (0.9, 0.8), "url": (0.9, 0.8),
    "id_number": (0.85, 0.8), ALL: (0.93, 0.9),
}
HELDOUT_FLOORS = {
    "name": (0.85, 0.8), "date": (0.9, 0.7), "place": (0.8, 0.65), "phone": (0.75, 0.8),
    "email": (0.9, 0.8), "url": (0.9, 0.8), ALL: (0.95, 0.95),
}
FLOORS: dict[str, dict[str, tuple[float, float]]] = {
    **dict.fromkeys(["en", "de"], DEV_FLOORS),
    **dict.fromkeys(["en_heldout", "de_heldout"], HELDOUT_FLOORS),
    **dict.fromkeys(["en_dev2", "de_dev2", "en_final", "de_final"], {ALL: (0.96, 0.97)}),
    **dict.fromkeys(["en_heldout3", "de_heldout3"], {ALL: (0.96, 0.96)}),
    **dict.fromkeys(["en_heldout4", "de_heldout4"], {ALL: (0.94, 0.95)}),
    **dict.fromkeys(["en_heldout5", "de_heldout5", "en_heldout6", "de_heldout6"],
                    {ALL: (0.94, 0.91)}),
    **dict.fromkeys(["en_heldout7", "de_heldout7"], {ALL: (0.93, 0.86)}),
    **dict.fromkeys(["en_heldout8", "de_heldout8"], {ALL: (0.93, 0.86)}),
    **dict.fromkeys(["en_heldout9", "de_heldout9"], {ALL: (0.90, 0.85)}),
    # written blind, scored once with the rules of round 9 (0.89 / 0.82, 0.96 / 0.84)
    **dict.fromkeys(["en_heldout10", "de_heldout10"], {ALL: (0.89, 0.83)}),
    # written blind, scored once with the rules of round 10 (0.83 / 0.77, 0.93 / 0.78)
    **dict.fromkeys(["en_heldout11", "de_heldout11"], {ALL: (0.82, 0.76)}),
    # written blind, scored once with the rules of round 11 (0.92 / 0.86, 0.92 / 0.87)
    **dict.fromkeys(["en_heldout12", "de_heldout12"], {ALL: (0.90, 0.84)}),
    # written blind, scored once with the rules of round 12 (0.92 / 0.87, 0.95 / 0.85)
    **dict.fromkeys(["en_heldout13", "de_heldout13"], {ALL: (0.90, 0.84)}),
    # written blind, scored once with the rules of round 13 (0.95 / 0.86, 0.95 / 0.88)
    **dict.fromkeys(["en_heldout14", "de_heldout14"], {ALL: (0.93, 0.84)}),
    # written blind, scored once with the rules of round 14 (0.92 / 0.83, 0.94 / 0.89)
    **dict.fromkeys(["en_heldout15", "de_heldout15"], {ALL: (0.90, 0.81)}),
    # written blind, scored once with the rules of round 14 and the tagger (0.89 / 0.87,
    # 0.94 / 0.90); the rules alone 0.91 / 0.84 and 0.96 / 0.89
    "en_heldout16": {ALL: (0.89, 0.82)},
    "de_heldout16": {ALL: (0.94, 0.87)},
    # written blind and scored once with the first French and Greek rules, whose writers
    # never saw them (0.91 / 0.77, 0.73 / 0.72); before, with the English and German rules
    # and the tagger alone, 0.34 / 0.43 and 0.26 / 0.18
    # written blind and scored once with the rules of round 15 and the tagger (0.76 /
    # 0.79, 0.89 / 0.87); the rules alone 0.77 / 0.77 and 0.89 / 0.85
    "en_heldout17": {ALL: (0.87, 0.88)},
    "de_heldout17": {ALL: (0.90, 0.85)},
    # written blind, scored once with the rules of round 16 and the tagger (0.87 / 0.88,
    # 0.92 / 0.93); the rules alone 0.88 / 0.86 and 0.93 / 0.92
    "en_heldout18": {ALL: (0.91, 0.91)},
    "de_heldout18": {ALL: (0.93, 0.92)},
    # developed on since (0.92 / 0.81 and 0.85 / 0.74 before the second round)
    "fr_heldout1": {ALL: (0.96, 0.92)},
    "el_heldout1": {ALL: (0.93, 0.93)},
    # written blind, scored once with the second French and Greek rules (0.93 / 0.87,
    # 0.88 / 0.83); with the first 0.90 / 0.83 and 0.88 / 0.75
    "fr_heldout2": {ALL: (0.94, 0.88)},
    "el_heldout2": {ALL: (0.90, 0.88)},
    # written blind, scored once with the French and Greek rules of the same round (0.92 /
    # 0.87, 0.93 / 0.88); with the first 0.89 / 0.83 and 0.88 / 0.76
    "fr_heldout3": {ALL: (0.95, 0.93)},
    "el_heldout3": {ALL: (0.94, 0.91)},
    # written blind, scored once with the rules of round 17 and the tagger (0.82 / 0.85,
    # 0.93 / 0.93, 0.90 / 0.85, 0.88 / 0.87); the rules alone 0.83 / 0.83 and 0.94 / 0.91;
    # developed on since
    "en_heldout19": {ALL: (0.85, 0.87)},
    "de_heldout19": {ALL: (0.93, 0.92)},
    "fr_heldout4": {ALL: (0.93, 0.89)},
    "el_heldout4": {ALL: (0.91, 0.89)},
    # written blind, scored once with the rules of round 18 and the tagger trained on the 42
    # sets before them (0.86 / 0.87, 0.91 / 0.90, 0.93 / 0.83, 0.85 / 0.86)
    # developed on since
    "en_heldout20": {ALL: (0.88, 0.86)},
    "de_heldout20": {ALL: (0.92, 0.89)},
    "fr_heldout5": {ALL: (0.94, 0.86)},
    "el_heldout5": {ALL: (0.88, 0.89)},
    # written blind, scored once with the rules of round 19 and the tagger trained on the 54
    # sets before them (0.86 / 0.87, 0.94 / 0.93, 0.94 / 0.92, 0.89 / 0.84); the rules alone
    # 0.87 / 0.84 and 0.94 / 0.91 for English and German
    "en_heldout21": {ALL: (0.86, 0.83)},
    "de_heldout21": {ALL: (0.93, 0.90)},
    "fr_heldout6": {ALL: (0.93, 0.91)},
    "el_heldout6": {ALL: (0.88, 0.83)},
    # written blind, scored once with the rules of round 20 and the tagger trained on the 46
    # English and German sets before them (0.87 / 0.92, 0.90 / 0.96, 0.96 / 0.90,
    # 0.89 / 0.89); the rules alone 0.88 / 0.90, 0.91 / 0.95, 0.96 / 0.90, 0.89 / 0.89
    "en_heldout22": {ALL: (0.87, 0.89)},
    "de_heldout22": {ALL: (0.90, 0.94)},
    "fr_heldout7": {ALL: (0.95, 0.89)},
    "el_heldout7": {ALL: (0.88, 0.88)},
    # written blind, scored once with the rules of round 21 and the tagger trained on the 48
    # English and German sets before them (0.89 / 0.86, 0.84 / 0.91, 0.88 / 0.88,
    # 0.86 / 0.87); the rules alone 0.89 / 0.84, 0.85 / 0.90, 0.88 / 0.88, 0.86 / 0.87.
    # Their writers counted room and bed numbers as identifiers, which the older sets
    # mostly did not
    "en_heldout23": {ALL: (0.88, 0.83)},
    "de_heldout23": {ALL: (0.84, 0.89)},
    "fr_heldout8": {ALL: (0.87, 0.87)},
    "el_heldout8": {ALL: (0.85, 0.86)},
    # written blind from a brief that said room, bed and cot numbers are no identifiers,
    # scored once with the rules of round 22 and the tagger trained on the 50 English and
    # German sets before them (0.84 / 0.90, 0.87 / 0.94, 0.85 / 0.89, 0.76 / 0.87); the
    # rules alone 0.85 / 0.87, 0.88 / 0.93, 0.85 / 0.89, 0.76 / 0.87
    "en_heldout24": {ALL: (0.84, 0.86)},
    "de_heldout24": {ALL: (0.87, 0.92)},
    "fr_heldout9": {ALL: (0.84, 0.88)},
    "el_heldout9": {ALL: (0.75, 0.86)},
}


def test_every_labelled_set_has_its_floor() -> None:
    assert set(FLOORS) == set(TESTSETS)


@pytest.mark.parametrize("name", list(FLOORS))
def test_it_reaches_the_floors_on_every_labelled_set(name: str) -> None:
    # The rules alone: the tagger learned these sets, with it they would hide a regression.
    scores = evaluate(TESTSET_DIR / f"{name}.jsonl", with_tagger=False)
    for category, (precision, recall) in FLOORS[name].items():
        assert scores[category]["precision"] >= precision, (name, category, scores[category])
        assert scores[category]["recall"] >= recall, (name, category, scores[category])
