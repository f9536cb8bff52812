"""The kinds of identifier of issue 17: check digits, ages in words, institutions, dates in
words and weekday forms, addresses and towns, names the context shows. No database."""

from balintroom.deid.identifiers import find_identifiers


def found(text: str, language: str | None = None) -> list[tuple[str, str]]:
    return [(f.category, f.text) for f in find_identifiers(text, language)]


def test_nhs_numbers_count_only_with_a_valid_check_digit() -> None:
    assert ("id_number", "943 476 5919") in found("seen, 943 476 5919, again", "en")
    assert ("id_number", "943 476 5918") not in found("seen, 943 476 5918, again", "en")


def test_kvnr_and_iban_check_digits() -> None:
    assert found("Versichert: A123456780 seit Jahren", "de") == [("id_number", "A123456780")]
    assert ("id_number", "DE89 3704 0044 0532 0130 00") in found(
        "Konto DE89 3704 0044 0532 0130 00 gesperrt", "de")


def test_court_files_references_and_ip_addresses() -> None:
    assert ("id_number", "XVII 123/21") in found("Verfahren XVII 123/21 läuft", "de")
    assert ("id_number", "AB/FAM/1234") in found("see AB/FAM/1234 for it", "en")
    assert ("id_number", "192.0.2.17") in found("logged from 192.0.2.17.", "en")
    assert ("id_number", "0815-23-XY") in found("Vorgangsnr. 0815-23-XY", "de")


def test_ages_in_words() -> None:
    assert found("Ninety-two and still driving", "en") == [("age_over_89", "Ninety-two")]
    assert ("age_over_89", "in his mid-nineties") in found("A man in his mid-nineties.", "en")
    assert found("einundneunzigjährig, allein", "de") == [("age_over_89",
                                                           "einundneunzigjährig")]
    assert ("age_over_89", "Mitte neunzig") in found("Dame Mitte neunzig", "de")
    assert ("age_over_89", "im 94. Lebensjahr") in found("im 94. Lebensjahr gestorben", "de")


def test_ages_up_to_89_and_counts_are_not_flagged() -> None:
    assert found("Man, 67, early Parkinson's.", "en") == []
    assert found("ninety-five minutes of silence", "en") == []
    assert found("Sie ist achtundachtzig.", "de") == []


def test_institutions_known_by_name() -> None:
    assert ("place", "St Bede's") in found("nights at St Bede's now", "en")
    assert ("place", "Royal Gwent") in found("sent to the Royal Gwent", "en")
    assert ("place", "Kita Sonnenschein") in found("Erzieherin der Kita Sonnenschein", "de")
    assert ("place", "Haus Birkenhain") in found("zieht ins Haus Birkenhain", "de")


def test_dates_with_weekdays_and_ordinals() -> None:
    assert ("date", "Wed 14/2") in found("Wed 14/2 - home visit", "en")
    assert ("date", "the 21st") in found("Review on the 21st", "en")
    assert ("date", "Christmas 2019") in found("before Christmas 2019", "en")
    assert ("date", "Mi 14.") in found("Mi 14. – Hausbesuch", "de")
    assert found("the 3rd time this week", "en") == []
    assert found("Every Monday in March.", "en") == []


def test_towns_and_eponyms() -> None:
    assert found("Kinder pendeln nach Wunsiedel", "de") == [("place", "Wunsiedel")]
    assert found("Chorea Huntington in der Familie", "de") == []


def test_names_with_particles_and_nouns_after_a_title() -> None:
    assert found("Frau von Bredow kam.", "de") == [("name", "Frau von Bredow")]
    assert found("Herr Sommer kam.", "de") == [("name", "Herr Sommer")]
    assert found("Frau Doktor kam.", "de") == []


def test_names_the_context_shows() -> None:
    assert ("name", "Tomasz") in found("Tomasz, 46, fell", "en")
    assert found("Woman, 52, diabetic", "en") == []
    assert ("name", "Hartley") in found("Hartley v Hartley again", "en")
    text = "Client 'Fizz' again; Fizz says no."
    assert [t for c, t in found(text, "en") if c == "name"] == ["Fizz", "Fizz"]
