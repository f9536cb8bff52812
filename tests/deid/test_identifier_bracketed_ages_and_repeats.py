"""Names the notes give away by what stands beside them: an age in brackets, a second
mention in a lower-case note."""

import pytest

from tests.deid.findings import flags


@pytest.mark.parametrize(("text", "name", "language"), [
    ("Kinder: Emre (7), Lara (4). KV in Haft.", "Emre", "de"),
    ("erstgespräch ben (11) mit KM + KV, getrennt lebend.", "ben", "de"),
    ("Die Eltern von Malte (3) lehnen jede Impfung ab.", "Malte", "de"),
    ("Ketsia (16 ans) est venue avec sa mère.", "Ketsia", "fr"),
])
def test_a_name_with_a_bare_age_in_brackets(text: str, name: str, language: str) -> None:
    assert name in flags(text, "name", language)


@pytest.mark.parametrize(("text", "language"), [
    ("Termine (12), Kinder (3) und Fälle (2) in diesem Quartal.", "de"),
    ("Der Dolmetscher fiel aus, der Älteste (9) übersetzte.", "de"),
    ("La patiente (38 ans) veut du Xanax.", "fr"),
    ("Sessions (12) were cancelled this term.", "en"),
])
def test_a_count_or_a_person_word_with_a_number_in_brackets_is_no_name(
        text: str, language: str) -> None:
    assert flags(text, "name", language) == []


def test_a_lower_case_first_name_found_once_is_found_again() -> None:
    text = "kim (13) – schwimmunterricht, will nicht. kim weiß nichts davon."
    assert flags(text, "name", "de") == ["kim", "kim"]


def test_a_word_that_is_also_a_name_is_not_found_again_as_a_word() -> None:
    text = "will (12) wants to go home. The will was read on Monday."
    assert "will" not in flags(text, "name", "en")


def test_an_age_after_a_name_set_apart_by_commas() -> None:
    text = "Mr Baptiste, 89, told me about Windrush. His wife, Evangeline, is 92."
    assert flags(text, "age_over_89", "en") == ["92"]


def test_a_measurement_set_apart_by_commas_is_no_age() -> None:
    assert flags("On the monitor, Pulse, is 96 and steady.", "age_over_89", "en") == []


@pytest.mark.parametrize("text", [
    "Herr Kaiser (Bett am Fenster) wollte „Stille Nacht“ hören.",
    "Fr. Kaiser, 97, bestellt telefonisch, Bote bringt",
])
def test_kaiser_after_a_title_is_a_surname(text: str) -> None:
    assert any("Kaiser" in n for n in flags(text, "name", "de"))


def test_the_emperor_is_no_name() -> None:
    assert flags("Er hält sich für den Kaiser von China.", "name", "de") == []


@pytest.mark.parametrize(("text", "age"), [
    ("Kurzinfo: Pat. H. Wendt (91J) war heut morgen wieder auf der Strasse.", "91"),
    ("Herr Lüthi (Jg. 1929, also 95) wohnt noch allein.", "95"),
    ("Ehepaar im Doppelzimmer, er 90, sie 87. Er ist dement.", "90"),
    ("bewohnerin 93 jahre alt sagt jede nacht sie wird besucht", "93"),
])
def test_a_german_notes_shorthand_for_an_age(text: str, age: str) -> None:
    assert any(age in a for a in flags(text, "age_over_89", "de"))


def test_doses_and_weights_after_a_pronoun_are_no_ages() -> None:
    text = "Sie hat 90, 95 und 100 mg genommen. Er wog 92, sie 60 kg."
    assert flags(text, "age_over_89", "de") == []
