"""The group's own people are not patients: find_identifiers(..., known_names=...) leaves
out what is only one of their names (or part of one, with or without a title), and still
flags every patient's name next to theirs. No database."""

from balintroom.deid.identifiers import find_identifiers

# The cast of a group as its members see each other: display names, as typed.
GROUP = ["Dr. Lena Leader", "Carl", "Anna", "Ben Berger", "clara weiss", "Jörg Müller"]


def found(text: str, language: str | None = None, names: list[str] = GROUP) -> list[str]:
    return [f.text for f in find_identifiers(text, language, known_names=names)]


def test_it_flags_the_names_without_known_names() -> None:
    text = "Ben Berger asked Dr. Lena Leader about it."
    assert [f.text for f in find_identifiers(text, "en")] == ["Ben Berger",
                                                             "Dr. Lena Leader"]


def test_it_leaves_out_the_groups_names_whole_and_in_part() -> None:
    assert found("Ben Berger asked Dr. Lena Leader about it.", "en") == []
    assert found("Ben asked Lena about it; Anna agreed.", "en") == []
    assert found("Lena Leader's idea, then Dr. Leader's question", "en") == []
    assert found("Frau Leader und Herr Berger fragten nach.", "de") == []


def test_it_leaves_out_names_pasted_from_the_leaders_channel() -> None:
    pasted = "Lena: Carl, can you take the time?\nCarl: Yes. Ben Berger looks tired."
    assert found(pasted, None) == []


def test_it_compares_letters_without_case_but_with_accents() -> None:
    assert found("Clara Weiss said little.", "en") == []  # typed lowercase in her profile
    assert found("Herr Müller kam zu spät.", "de") == []
    assert found("Herr Muller kam zu spät.", "de") == ["Herr Muller"]


def test_it_still_flags_a_patient_next_to_the_group() -> None:
    assert found("Ben said Mrs Patel calls every Monday.", "en") == ["Mrs Patel"]
    assert found("Lena brachte Frau Quist, 93, aus Dorfen mit.", "de") == [
        "Frau Quist", "93", "Dorfen"]
    # A known first name with an unknown surname is someone else.
    assert found("Anna Schmidt phoned again.", "en") == ["Anna Schmidt"]
    assert found("Ben Quist came back.", "en") == ["Ben Quist"]


def test_it_still_flags_a_known_name_a_cue_gives_to_a_patient() -> None:
    assert found("Patientin Anna will keine Chemo.", "de") == ["Anna"]
    assert found("Her son Ben phoned.", "en") == ["Ben"]


def test_it_never_takes_an_initial_for_a_known_name() -> None:
    assert found("Frau K. kam wieder.", "de", names=["K. Kunz", "Karin K"]) == ["Frau K."]


def test_it_keeps_findings_with_more_than_a_name() -> None:
    # A street named like a member, with a number: an address.
    assert found("wohnt in der Leaderstraße 5", "de") == ["Leaderstraße 5"]
    assert found("Ben, 93, lebt allein", "de") == ["93"]


def test_it_ignores_empty_and_title_only_names() -> None:
    text = "Mrs Patel and Dr. Weber"
    assert found(text, "en", names=["", "Dr.", "  "]) == ["Mrs Patel", "Dr. Weber"]


def test_a_member_whose_name_has_macrons_is_known_with_them() -> None:
    # the rules read the text without macrons; the member's own spelling must still match
    text = "Tāne asked about the patient from Ōpōtiki."
    assert found(text, "en", ["Tāne Walker"]) == ["Ōpōtiki"]
