"""Which rules read a text: English and German ones where it is English or German (said,
or seen when no language is given, as for a case label), and for French and Greek text
only those that need no English or German words. No database."""

import pytest

from balintroom.deid.identifiers import find_identifiers


def found(text: str, language: str | None) -> list[tuple[str, str]]:
    return [(f.category, f.text) for f in find_identifiers(text, language)]


@pytest.mark.parametrize("language", ["fr", None])
@pytest.mark.parametrize("text", [
    "Elle vit seule depuis la mort de son mari. Son fils habite loin.",
    "Cinq enfants, deux pièces, et la mère qui ne dort plus.",
    "J'ai menti. Je ne sais pas pourquoi, mais je n'ai rien dit au médecin.",
])
def test_french_words_are_no_names(text: str, language: str | None) -> None:
    assert [f for f in found(text, language) if f[0] == "name"] == []


@pytest.mark.parametrize("language", ["el", None])
def test_greek_words_are_no_names_to_the_tagger(language: str | None) -> None:
    text = "Η ασθενής ήρθε πάλι σήμερα και μίλησε για τον άντρα της που πέθανε."
    assert found(text, language) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Mme Dubois, 92 ans, ne veut plus sortir.", [("name", "Mme Dubois"),
                                                  ("age_over_89", "92")]),
    ("Écrire à c.marchal@example.org avant le conseil de classe.",
     [("email", "c.marchal@example.org")]),
])
def test_french_text_keeps_the_rules_that_need_no_language(
        text: str, expected: list[tuple[str, str]]) -> None:
    result = found(text, "fr")
    for item in expected:
        assert item in result


@pytest.mark.parametrize(("text", "expected"), [
    ("Her cousin (Oisín) rings the ward every night.", [("name", "Oisín")]),
    ("Ihr Cousin (Jannik) ruft jede Nacht auf Station an.", [("name", "Jannik")]),
    ("the man with the dog and the chest pain", []),
    ("Die Frau mit dem Hund und den Bauchschmerzen", []),
])
def test_with_no_language_an_english_or_german_label_is_read_as_such(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, None) == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("She asked whether God was punishing her for leaving Enugu.", "en", ("place", "Enugu")),
    ("Husband: Chief Obi, Onitsha. Review next month.", "en", ("place", "Onitsha")),
    # after a cue a city's name is a person's
    ("Oksana und ihr Sohn Taras, Notunterkunft", "de", ("name", "Taras")),
    ("the Ferguson boy from Lochgair again", "en", ("name", "Ferguson")),
])
def test_a_city_a_weak_name_rule_saw_is_the_city(text: str, language: str,
                                                  expected: tuple[str, str]) -> None:
    found_by_rules = [(f.category, f.text)
                      for f in find_identifiers(text, language, with_tagger=False)]
    assert expected in found_by_rules
