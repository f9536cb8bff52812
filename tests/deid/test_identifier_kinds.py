"""The kinds of identifier of issue 17: check digits, ages in words, institutions, dates in
words and weekday forms, addresses and towns, names the context shows. No database."""

from .findings import found


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


def test_handles_and_unique_roles_are_other() -> None:
    assert ("other", "@sam_k99") in found("Instagram @sam_k99 - posts about us", "en")
    assert ("other", "jo.the.baker") in found("Skype name jo.the.baker, off the books", "en")
    assert ("other", "the only vet in the valley") in found(
        "He is the only vet in the valley.", "en")
    assert ("other", "die einzige Hebamme im Dorf") in found(
        "Sie ist die einzige Hebamme im Dorf.", "de")
    assert found("the only one in the family who cares", "en") == []


def test_places_the_context_shows() -> None:
    assert ("place", "Am Lindengrund 7b") in found("Hausbesuch Am Lindengrund 7b, Hund", "de")
    assert ("place", "Kastanienhain 9") in found("Brief an Kastanienhain 9, 12345 Dorfen", "de")
    assert ("place", "12345") in found("PLZ 12345 nicht zuständig", "de")
    assert ("place", "Drosselweg") in found("Die Kinder aus dem Drosselweg", "de")
    assert ("place", "Humboldtschule") in found("Klasse 3 an der Humboldtschule", "de")
    assert ("place", "Grasbrook") in found("Sie wohnt im Grasbrook, allein.", "de")
    assert ("place", "Fernleigh") in found("Resident at Fernleigh, aged 80.", "en")
    assert ("place", "Elmhurst surgery") in found("Phoned Elmhurst surgery today.", "en")
    assert ("place", "LS6 3HN") in found("sent to 4 Ash Close, LS6 3HN", "en")
    assert ("place", "Kirkbyfold") in found("14 Moor Lane, Kirkbyfold - hoarding", "en")


def test_generic_words_in_those_contexts_stay_unflagged() -> None:
    assert found("Die Kinder gehen in die Grundschule und den Kindergarten.", "de") == []
    assert found("Er wohnt im Erdgeschoss, am Waldrand.", "de") == []
    assert found("Am Montag 3 Patienten, im Zimmer 12, Station 4.", "de") == []
    assert found("Kennzeichen vom Praxisparkplatz notiert.", "de") == []
    assert found("Riecht immer nach Hefe, sagt sie.", "de") == []
    assert found("Tinnitus, 71, can't hear my jokes.", "en") == []
    assert found("Kopfschmerzpatient, 42, will MRT.", "de") == []
    assert found("still hates April Fools.", "en") == []


def test_names_no_list_knows() -> None:
    assert ("name", "Wilf") in found("She brought the complaint about Wilf.", "en")
    assert ("name", "Zosia") in found("Zosia, 34, cleaner on nights", "en")
    assert ("name", "Zosia") in found("I phoned Zosia again.", "en")
    assert ("name", "Idas") in found("Idas Mutter kam schreiend", "de")
    assert ("name", "E. Kettelhorst") in found("Kontoinhaberin E. Kettelhorst", "de")
    assert ("name", "rosa okonkwo") in found("notiz: rosa okonkwo absagen", "de")
    assert ("name", "dr. specht") in found("notiz: nicht bei dr. specht einbuchen", "de")
    assert found("Went on with Sertraline.", "en") == []
