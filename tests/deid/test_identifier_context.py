"""Identifiers that only the words around them show (issue 17, second round): first names
that are also words, nicknames, surnames after family words, institutions known by name,
ages without "years old", dates in short forms, numbers without a label, and details that
single out one person. Each test also holds the traps that must stay unflagged."""

from .findings import found


def test_first_names_that_are_words_count_where_the_context_shows_a_person() -> None:
    assert ("name", "Summer") in found("Summer, 7, came in with bruises", "en")
    assert ("name", "Holly") in found("Holly and Leon, twins, in care again", "en")
    assert ("name", "Daisy") in found("Daisy says she is scared of him", "en")
    assert ("name", "Faith") in found("her twin Faith refuses to speak", "en")
    assert ("name", "Ruby") in found("baby Ruby, born early", "en")
    assert ("name", "Poppy") in found("Poppy in 3B hides at break", "en")
    assert found("Hope is fading for a recovery.", "en") == []
    assert found("Grace period ends tomorrow.", "en") == []


def test_nicknames_and_short_forms_are_names() -> None:
    assert ("name", "Gaz") in found("Gaz from the estate turned up again", "en")
    assert ("name", "Bernie") in found("Bernie brought marrows", "en")
    assert ("name", "Schorsch") in found("Schorsch kommt wieder betrunken", "de")
    assert ("name", "Grandad Reg") in found("lives with Grandad Reg", "en")


def test_titles_with_initials_nobles_and_age_phrases() -> None:
    assert ("name", "Mr P") in found("Mr P, 67, wife insists on sitting in", "en")
    assert ("name", "mrs t") in found("mrs t, 88, refuses the key safe", "en")
    assert ("name", "Graf von Bülow") in found("Graf von Bülow ruft an", "de")
    # "Ende fünfzig" is an age, not Herr Ende
    assert found("Ein Herr Ende fünfzig, arbeitslos", "de") == []


def test_surnames_after_family_words_and_double_barrelled_names() -> None:
    assert ("name", "Okafor") in found("the Okafor family again", "en")
    assert ("name", "Whitfield-Jones") in found("the Whitfield-Jones boys, truanting", "en")
    assert ("name", "Whitfield-Jones") in found("spoke about Whitfield-Jones today", "en")
    assert ("name", "Yilmaz") in found("die Geschwister Yilmaz, beide in Therapie", "de")
    assert ("name", "Kaya") in found("Mediation: Eheleute Kaya, Streit ums Haus", "de")
    assert found("Mr & Mrs Lindqvist, the Swedish couple", "en") == [
        ("name", "Mrs Lindqvist")]
    assert found("Ehlers-Danlos, jahrelang nicht geglaubt", "de") == []
    assert found("the Ehlers-Danlos diagnosis", "en") == []
    assert found("Guillain-Barré syndrome after flu", "en") == []


def test_places_named_after_people_are_places() -> None:
    assert found("night shift at the John Radcliffe", "en") == [("place", "John Radcliffe")]
    assert ("place", "Maria Laach") in found("Mit Pater Anselm in Maria Laach gesprochen", "de")
    assert ("place", "Maudsley") in found("the Maudsley said no again", "en")


def test_institutions_known_by_name() -> None:
    assert ("place", "Charité") in found("Mutter arbeitet in der Charité", "de")
    assert ("place", "Charité") in found("Charité-Transplantationsteam sagte nein", "de")
    assert ("place", "Addenbrooke's") in found("transferred to Addenbrooke's", "en")
    assert ("place", "Papworth's") in found("Papworth's transplant team said no", "en")
    assert ("place", "Old Vicarage") in found("lives at the Old Vicarage, alone", "en")
    assert ("place", "Priory") in found("the Priory admission didn't help", "en")
    assert ("place", "Southern General") in found("admitted to the Southern General", "en")
    assert ("place", "Bethel Gospel church") in found("Bethel Gospel church, the pastor", "en")
    assert ("place", "Little Acorns") in found("the nursery (Little Acorns) phoned", "en")
    assert ("place", "Sonnenhang") in found("das Heim (Sonnenhang) ruft an", "de")
    assert ("place", "Wohngruppe Sonnenhof") in found("Wohngruppe Sonnenhof: haut ab", "de")
    assert ("place", "Pflegeheim St. Elisabeth") in found(
        "Pflegeheim St. Elisabeth – Nachtdienst", "de")
    assert found("Seen by the Crisis Team.", "en") == []
    assert found("the Attorney General said so", "en") == []
    assert found("Worked at Tesco, then Lidl.", "en") == []
    assert found("in der Nacht gestürzt, in der Ambulanz gesehen", "de") == []


def test_towns_streets_and_districts_the_context_shows() -> None:
    assert ("place", "Reading") in found("family court at Reading", "en")
    assert ("place", "Upper Slaughter") in found("the hamlet of Upper Slaughter", "en")
    assert ("place", "Niederkirchheim") in found("Schreiner bei Niederkirchheim, pleite", "de")
    assert ("place", "Hollybank") in found("Whitney @ Hollybank, found on the floor", "en")
    assert ("place", "Lindenhof") in found("Frau Engel @ Lindenhof, gestürzt", "de")
    assert ("place", "Stoke Mandeville") in found("seen at Stoke Mandeville", "en")
    assert ("place", "Mill Rd") in found("lives off Mill Rd, near the park", "en")
    assert ("place", "SE15") in found("a flat in SE15 with damp", "en")
    assert ("place", "Am Mühlbach 7") in found("wohnt Am Mühlbach 7 mit vier Katzen", "de")
    # chemistry, tumour markers, regions and German nouns after prepositions are no places
    assert found("CO2 retention, PO4 low, CA19-9 raised", "en") == []
    assert found("irgendwo in der Lausitz, aus der Rhön", "de") == []
    assert found("junges Paar aus Norddeutschland", "de") == []
    assert found("nach Radunfall in Hausschuhen entlassen", "de") == []
    assert found("Bei Bedarf 5 mg, bei Schmerzen mehr", "de") == []


def test_ages_without_years_old() -> None:
    assert ("age_over_89", "95") in found("ex-miner with COPD, wife 95", "en")
    assert ("age_over_89", "90") in found("Ehefrau 89, Ehemann 90", "de")
    assert ("age_over_89", "92") in found("F 92 fall at home", "en")
    assert ("age_over_89", "93") in found("Harold & Joan (both 93)", "en")
    assert ("age_over_89", "93") in found("A widower of 93 who still cycles", "en")
    assert ("age_over_89", "103 Jahre") in found("103 Jahre, fragt nach dem Sinn", "de")
    assert ("age_over_89", "97") in found("97 and sharper than me", "en")
    assert ("age_over_89", "über 90") in found("über 90, keine Angehörigen", "de")
    assert ("age_over_89", "late nineties") in found("late nineties, bedbound", "en")
    assert found("Wife 89, husband 85.", "en") == []
    assert found("since the late nineties, no contact", "en") == []
    assert found("Sättigung über 90, Puls über 90", "de") == []
    assert found("F32 diagnosis, F 32.1 episode", "en") == []


def test_short_dates() -> None:
    assert ("date", "Sept '19") in found("Dx Sept '19, still in denial", "en")
    assert ("date", "4/2021") in found("Erstkontakt 4/2021, seitdem jede Woche", "de")
    assert ("date", "29/2") in found("baby born 29/2, mum thinks it's cursed", "en")
    assert ("date", "Donnerstag, dem 17.") in found("am Donnerstag, dem 17., kam sie", "de")
    assert ("date", "1. Weihnachtstag 1931") in found("Geboren am 1. Weihnachtstag 1931", "de")
    assert found("24/7 care, score 10/10", "en") == []


def test_numbers_without_a_label() -> None:
    assert ("id_number", "ZW21C00388") in found("care case ZW21C00388, mother", "en")
    assert ("id_number", "L01X00T47") in found("Ausweis L01X00T47 lag da", "de")
    assert ("id_number", "2023/118734") in found("Vorgang der Polizei 2023/118734", "de")
    assert ("url", "t.me/mamaohnekinder") in found("Link: t.me/mamaohnekinder", "de")
    assert found("APGAR 3/5/7, Eltern wütend", "de") == []
    assert found("Schuljahr 2023/2024", "de") == []


def test_details_that_single_out_one_person() -> None:
    assert ("other", "the only GP on the island") in found("the only GP on the island", "en")
    assert ("other", "only female lorry driver in the village") in [
        (c, t.removeprefix("the ")) for c, t in found(
            "the only female lorry driver in the village", "en")]
    assert ("other", "former Olympic rower") in found("former Olympic rower, tetraplegic", "en")
    assert ("other", "ehemalige Olympia-Ruderin") in found("ehemalige Olympia-Ruderin", "de")
    assert ("other", "diesjährige Schützenkönig") in found("der diesjährige Schützenkönig", "de")
    assert ("other", "the man who won the lottery twice") in found(
        "the man who won the lottery twice", "en")
    assert ("other", "whose twins drowned in the quarry") in found(
        "the mum whose twins drowned in the quarry", "en")
    assert ("other", "the caretaker at our school") in found(
        "the caretaker at our school collapsed", "en")
    assert ("other", "Pfarrer unseres Dorfes") in found("der Pfarrer unseres Dorfes", "de")
    assert ("other", "our town's mayor") in found("our town's mayor, drinking", "en")
    assert found("the Olympic Games were on TV", "en") == []
    assert found("the kids at our school are kind", "en") == []
    assert found("the girl whose mother died last year", "en") == []
    assert found("die Kinder unserer Schule", "de") == []
