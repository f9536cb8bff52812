"""Identifiers shown by general patterns rather than by word lists (issue 17, fourth round):
capitals in the middle of a sentence, names someone is called by, titles from the other
language, round ages in words, labelled and hyphenated numbers, firms, farms and
departments, and roles or events only one person fits. The sentences are invented for these
tests, not taken from the test sets; each test also holds traps that must stay unflagged."""

from .findings import found


def test_a_first_name_that_is_a_word_is_a_person_in_mid_sentence() -> None:
    assert ("name", "Hope") in found("I finally met Hope at the drop-in and she looked well.",
                                     "en")
    assert ("name", "Ruby") in found("Her daughter Ruby brings the shopping on Sundays.", "en")
    assert ("name", "Heather") in found("Heather, his eldest, wants him moved closer.", "en")
    assert ("name", "Dawn") in found("Dawn from the pharmacy rang about the blister packs.", "en")
    assert ("name", "Ivy") in found("Ivy in bed 4 keeps pulling her cannula.", "en")
    assert ("name", "Will") in found("Will swears the tablets make him worse.", "en")
    # traps: months, adjectives, titles, German nouns, the start of a sentence
    assert found("In May, the clinic closed for two weeks.", "en") == []
    assert found("We discussed the Christian family's view of transfusion.", "en") == []
    assert found("We sang Amazing Grace at the funeral.", "en") == []
    assert found("Hope is the only thing keeping her going.", "en") == []
    assert found("Er hat Angst vor dem Wolf im Wald.", "de") == []
    assert found("Im Ernst, sie will nicht mehr kommen.", "de") == []


def test_a_word_no_list_knows_is_a_name_where_a_person_stands() -> None:
    assert ("name", "Kwabena") in found("After the session, Kwabena cried in the car park.", "en")
    assert ("name", "Olumide") in found("Olumide brought his sister to translate.", "en")
    assert ("name", "Mbali") in found("My supervisor said Mbali needs a referral.", "en")
    assert ("name", "Oluwaseun") in found("Gestern kam Oluwaseun mit seiner Mutter.", "de")
    assert ("name", "Kemal") in found("Kemal kam wieder zu spät und war wütend.", "de")
    assert ("name", "Chidinma Eze") in found("Referral for mum Chidinma Eze, no family here.",
                                             "en")
    assert ("name", "Tomasz Wrona") in found("The twins, Kinga and Tomasz Wrona, sleep badly.",
                                             "en")
    # traps: drugs with a dose, brands, eponyms and scores, German nouns and verbs
    assert found("Patient on Zoloft 50 mg since spring, sleeping better.", "en") == []
    assert found("She watches EastEnders every night.", "en") == []
    assert found("The Wednesday group talked about Brexit again.", "en") == []
    assert found("Post-stroke, Barthel 40, wife exhausted.", "en") == []
    assert found("Baby with Edwards syndrome, parents praying.", "en") == []
    assert found("Die Patientin nimmt Sertralin 50 mg und schläft schlecht.", "de") == []
    assert found("Kommt aus der Türkei, spricht wenig Deutsch.", "de") == []
    assert found("Ein junges Paar möchte im Frühjahr heiraten.", "de") == []
    assert found("Der Vater arbeitet in einer Gärtnerei und trinkt.", "de") == []


def test_names_someone_is_called_by_and_titles_of_the_other_language() -> None:
    assert ("name", "Spider") in found("He calls himself 'Spider' on the ward.", "en")
    assert ("name", "Mouse") in found('His nickname in the army was "Mouse".', "en")
    assert ("name", "Lenny") in found('At night she cries for "Lenny", her first husband.', "en")
    assert ("name", "Bärchen") in found('Frau Meier nennt ihn nur "Bärchen".', "de")
    assert ("name", "Frau Albrecht") in found("Frau Albrecht, the lodger, pays in cash.", "en")
    assert ("name", "Mr Thompson") in found("Mr Thompson aus der Nachbarschaft kocht.", "de")
    assert ("name", "R.") in found("Long session with R.: anger at her father.", "en")
    # a therapist's own nickname is not the patient's: "called me"
    assert found('He called me "Doc" and laughed.', "en") == []


def test_round_ages_in_words_after_words_of_ageing() -> None:
    assert ("age_over_89", "ninety") in found("My aunt died at ninety of nothing much.", "en")
    assert ("age_over_89", "a hundred") in found("She made it to a hundred, just.", "en")
    assert ("age_over_89", "hundred and first birthday") in found(
        "It was his hundred and first birthday.", "en")
    assert ("age_over_89", "neunzigsten Geburtstag") in found(
        "Wir feierten ihren neunzigsten Geburtstag im Heim.", "de")
    assert ("age_over_89", "neunzig") in found("Sie wurde im Mai neunzig und will nichts.", "de")
    # counts, not ages
    assert found("The ward turned ninety beds into eighty.", "en") == []
    assert found("She turned ninety degrees and fell.", "en") == []
    assert found("Er wurde hundert Meter weit getragen.", "de") == []


def test_labelled_and_hyphenated_numbers_and_weekday_dates() -> None:
    assert ("id_number", "943 476 5910") in found(
        "Her NHS number (943 476 5910) was wrong on the letter.", "en")
    assert ("id_number", "QQ 12 34 56 C") in found("NI number QQ 12 34 56 C on the form", "en")
    assert ("id_number", "JA-2022-11873") in found("Akte JA-2022-11873 liegt beim Gericht", "de")
    assert found("Seen Thu 21/3, again Mon 25/3.", "en") == [("date", "Thu 21/3"),
                                                            ("date", "Mon 25/3")]


def test_firms_farms_departments_and_village_names() -> None:
    assert ("place", "Bäckerei Krummholz GmbH") in found(
        "Sie arbeitet bei Bäckerei Krummholz GmbH in der Frühschicht.", "de")
    assert ("place", "Lindenhof") in found("Er wohnt jetzt auf dem Lindenhof.", "de")
    assert ("place", "Princess Alice") in found(
        "Seen in the Princess Alice maternity unit at night.", "en")
    assert ("place", "Harwick site") in found("Her brother works on the Harwick site.", "en")
    assert ("place", "Lower Dunsford") in found(
        "She moved to Ivy Cottage, Lower Dunsford, after the flood.", "en")
    assert ("place", "Thornby Zoo") in found("A trip to Thornby Zoo went badly.", "en")
    assert ("name", "Edward Bampton") in found("Edward Bampton told me about the will.", "en")
    # traps: a kind of place, a region, a common compound
    assert found("Der Junge verkauft auf dem Schulhof E-Zigaretten.", "de") == []
    assert found("She moved here from South Africa in 2001.", "en") == []
    assert found("Der Vater arbeitet nachts in einer Waschstraße.", "de") == []


def test_roles_and_events_only_one_person_fits() -> None:
    assert ("other", "the current vicar") in found("He's the current vicar and hates it.", "en")
    assert ("other", "die amtierende Bürgermeisterin") in found(
        "Sie ist die amtierende Bürgermeisterin und will diskret bleiben.", "de")
    assert ("other", "the only Polish-speaking midwife in the valley") in found(
        "She is the only Polish-speaking midwife in the valley.", "en")
    assert ("other", "der einzige türkischsprachige Hebamme im Ort") not in found(
        "Sie ist die einzige türkischsprachige Hebamme im Ort.", "de")
    assert ("other", "die einzige türkischsprachige Hebamme im Ort") in found(
        "Sie ist die einzige türkischsprachige Hebamme im Ort.", "de")
    assert any(c == "other" for c, _ in found("Her son was on the TV news last spring.", "en"))
    assert ("other", "the 2021 flood at the estate") in found(
        "She lost her flat in the 2021 flood at the estate.", "en")
    # a year alone, the news as such, an event without a year
    assert found("We watched the news on TV.", "en") == []
    assert found("In 2019 there was a fire in the kitchen.", "en") == []
    assert found("The fire at home scared her.", "en") == []
