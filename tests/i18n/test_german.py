"""German everywhere: the pages a German-speaking leader opens, the room's texts, and the
catalogue itself (complete, nothing fuzzy, placeholders kept, compiled)."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import polib
import pytest
from cryptography.fernet import Fernet
from django.core import mail
from django.test import Client
from django.utils import translation

import balintroom
from balintroom.cases import services as cases
from balintroom.cases.models import NoteKind
from balintroom.deid.identifiers import CATEGORY_LABELS
from balintroom.live.services import room_create
from balintroom.live.texts import room_texts
from balintroom.method.agenda import MEETING_FORMATS, FormatError, MeetingFormat, custom_format
from balintroom.method.formats import CLASSIC_ROUND, REVIEW_QUESTIONS
from balintroom.method.guidance import guidance_table
from balintroom.method.roles import ROLE_LABELS

LOCALE = Path(balintroom.__file__).parent / "locale" / "de" / "LC_MESSAGES"
PO = LOCALE / "django.po"
MO = LOCALE / "django.mo"

GERMAN_PHASES = {
    "presentation": "Fallvorstellung",
    "clarifying_questions": "Verständnisfragen",
    "group_exploration": "Gruppenarbeit",
    "presenter_returns": "Rückkehr der Fallgeber:in",
    "review": "Rückblick",
}


def _catalogue() -> polib.POFile:
    return polib.pofile(str(PO))


def _english_only() -> set[str]:
    """Every English text whose German differs: seeing one of these on a German page means
    a text was not translated."""
    return {entry.msgid for entry in _catalogue().translated_entries()
            if entry.msgstr != entry.msgid}


class _Texts(HTMLParser):
    """What a person reads on a page: text between tags and the readable attributes."""

    READABLE = ("aria-label", "placeholder", "title", "alt")

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in self.READABLE and value:
                self.texts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.texts.append(" ".join(data.split()))


def _readable(html: str) -> list[str]:
    parser = _Texts()
    parser.feed(html)
    return parser.texts


# A language is offered under its own name (profile: "English", "Deutsch").
ENDONYMS = {"English"}


def _assert_no_english(html: str, *, own_words: tuple[str, ...] = ()) -> None:
    """own_words: what a group wrote itself (its confidentiality agreement, stored in the
    group's language when it was founded) is shown as written, not translated."""
    english = _english_only() - ENDONYMS - {" ".join(words.split()) for words in own_words}
    left = [text for text in _readable(html) if text in english]
    assert not left, f"English on a German page: {left}"


def _json_script(html: str, element_id: str) -> Any:
    match = re.search(
        rf'<script id="{element_id}" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, f"no #{element_id} on the page"
    return json.loads(match.group(1))


def _leaves(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]


@pytest.fixture
def german(cast: Any) -> Client:
    """Lena, who leads the group, with German in her profile; her browser asks for English,
    so every German word below comes from the profile."""
    cast.leader.language = "de"
    cast.leader.save()
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(cast.leader)
    return client


def _get(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "de"
    html = response.content.decode()
    assert '<html lang="de">' in html
    return html


# --- the pages ---------------------------------------------------------------------------

def test_it_shows_the_dashboard_in_german(german: Client) -> None:
    html = _get(german, "/")
    for word in ("Meine Gruppen", "Nächste Sitzungen", "Raum öffnen", "Gruppe gründen",
                 "Abmelden", "Sprache und Zeitzone",
                 "Was in der Gruppe gesagt wird, bleibt in der Gruppe."):
        assert word in html
    assert "My groups" not in html
    _assert_no_english(html)


def test_it_shows_the_group_page_in_german(german: Client, cast: Any) -> None:
    html = _get(german, f"/groups/{cast.group.pk}/")
    for word in ("Kommende Sitzungen", "Mitglieder", "Sitzung planen", "Gruppe bearbeiten",
                 "Jemanden einladen", "Einladung senden", "Gruppe verlassen",
                 ">Leitung<", ">Co-Leitung<", ">Mitglied<", "(Sie)"):
        assert word in html
    for english in ("Upcoming meetings", "Schedule a meeting", ">Leader<", ">Member<"):
        assert english not in html
    _assert_no_english(html)


def test_it_shows_the_room_in_german(german: Client, cast: Any) -> None:
    html = _get(german, f"/m/{cast.meeting.pk}/room/")
    texts = _json_script(html, "room-texts")
    assert {key: phase["name"] for key, phase in texts["phases"].items()} == GERMAN_PHASES
    # json_script writes non-ASCII as \u escapes, so the words are looked for in the JSON
    assert "Fallvorstellung" in _leaves(texts) and "Verständnisfragen" in _leaves(texts)
    assert texts["format_name"] == "Klassische Balintrunde"
    assert texts["roles"] == {"leader": "Leitung", "co_leader": "Co-Leitung",
                              "member": "Mitglied"}
    assert texts["ui"]["presenter"] == "Fallgeber:in"
    assert texts["ui"]["who_has_a_case"] == "Wer hat einen Fall?"
    assert texts["phases"]["review"]["rule"] == "Nicht mehr in den Fall zurückgehen."
    assert texts["review_questions"][0] == "Gab es einen starken Drang, den Fall zu „lösen“?"
    for word in ("Treffen beenden", "Eine Phase zurück", "Wer ist da", "Raumanzeige",
                 "Konsole der Leitung"):
        assert word in html
    _assert_no_english(html, own_words=(cast.group.confidentiality_text,))


# The leader's console and the tools every participant has, as the page writes them (the
# rest of the console's words reach room.js through #room-texts, checked below).
GERMAN_CONSOLE = (
    "Konsole der Leitung", "Impulskarten", "Karte ausblenden", "Das Wort erteilen",
    "Um Nennung des Namens bitten", "Vertretung, wenn keine Leitung im Raum ist",
    "Nur für die Leitung", "Zwischen Leitung und Co-Leitung.", "Senden",
)
GERMAN_PARTICIPANT_TOOLS = (
    "Hand heben", "Wortmeldungen", "Ich kenne diese:n Patient:in möglicherweise",
    "Raum verlassen", "Frühere Fälle", "Wie dringend?", "Ablauf", "Vertraulichkeit",
    "Bitte nennen Sie Ihren Namen, bevor Sie sprechen", "Meine privaten Notizen",
)


def test_it_shows_the_leaders_console_in_german(german: Client, cast: Any) -> None:
    html = _get(german, f"/m/{cast.meeting.pk}/room/")
    for word in GERMAN_CONSOLE + GERMAN_PARTICIPANT_TOOLS:
        assert word in html, word
    for english in ("Prompt cards", "Give the word", "Leaders only", "Raise my hand",
                    "I may know this patient", "Step out", "Back-up if no leader"):
        assert english not in html, english
    ui = _json_script(html, "room-texts")["ui"]
    assert ui["prompts"] == "Impulskarten"
    assert ui["raise_hand"] == "Hand heben"
    assert ui["lower_hand"] == "Hand senken"
    assert ui["call_on"] == "Das Wort erteilen"
    assert ui["has_the_word"] == "%(name)s hat das Wort"
    assert ui["leader_channel"] == "Nur für die Leitung"
    assert ui["may_know"] == "Ich kenne diese:n Patient:in möglicherweise"
    assert ui["step_out"] == "Raum verlassen"
    assert ui["let_back"] == "Wieder hereinlassen"
    assert ui["follow_up_of"] == "Nachbericht"
    _assert_no_english(html, own_words=(cast.group.confidentiality_text,))


def test_it_shows_a_german_member_her_tools_but_no_console(cast: Any) -> None:
    cast.member.language = "de"
    cast.member.save()
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(cast.member)
    html = _get(client, f"/m/{cast.meeting.pk}/room/")
    for word in GERMAN_PARTICIPANT_TOOLS:
        assert word in html, word
    assert "Konsole der Leitung" not in html and "Nur für die Leitung" not in html
    _assert_no_english(html, own_words=(cast.group.confidentiality_text,))


def test_it_shows_the_private_notes_in_german(cast: Any, settings: Any) -> None:
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    cast.member.language = "de"
    cast.member.save()
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(cast.member)
    notes = f"/m/{cast.meeting.pk}/notes/"
    html = _get(client, notes)
    assert "Private Notizen zu dieser Sitzung führen?" in html
    _assert_no_english(html)
    cases.notes_opt_in(user=cast.member, meeting=cast.meeting)
    cases.note_create(author=cast.member, meeting=cast.meeting, text="Gedanken zur Runde",
                      kind=NoteKind.FURTHERED, round_number=2)
    html = _get(client, notes)
    for word in ("Meine privaten Notizen", "Neue Notiz", "Ihre Notizen zu dieser Sitzung",
                 "Was mein Nachdenken weitergebracht hat, und warum", "Runde 2",
                 "Alle meine Notizen herunterladen (Text)"):
        assert word in html, word
    _assert_no_english(html)
    html = _get(client, "/notes/")
    assert "1 Notiz, wird am" in html
    _assert_no_english(html)


def test_it_shows_the_room_display_in_the_browsers_language(cast: Any) -> None:
    token = room_create(meeting=cast.meeting).display_token
    client = Client(headers={"Accept-Language": "de-DE,de;q=0.9"})
    client.post(f"/m/{cast.meeting.pk}/display/", {"key": token})
    html = _get(client, f"/m/{cast.meeting.pk}/display/")
    texts = _json_script(html, "room-texts")
    assert texts["phases"]["group_exploration"]["name"] == "Gruppenarbeit"
    assert "Verbindung wird hergestellt…" in html
    _assert_no_english(html)


def test_it_shows_the_profile_in_german(german: Client) -> None:
    html = _get(german, "/accounts/profile/")
    for word in ("Ihr Profil", "Anzeigename", "Beruf", "Sprache", "Zeitzone", "Speichern",
                 "Passwort ändern", "E-Mail-Adressen", "Wie in meinem Browser eingestellt"):
        assert word in html
    assert "Your profile" not in html
    _assert_no_english(html)


def test_it_welcomes_a_german_browser_in_german(client: Client, db: None) -> None:
    html = _get(Client(headers={"Accept-Language": "de"}), "/")
    assert "Balintgruppen, online und vor Ort" in html
    assert "Registrieren" in html
    _assert_no_english(html)


def test_it_writes_the_invitation_in_the_groups_language(cast: Any) -> None:
    """The mail follows the group's language, not the inviting leader's."""
    cast.group.language = "de"
    cast.group.save()
    client = Client()
    client.force_login(cast.leader)  # her profile says nothing: English
    response = client.post(f"/groups/{cast.group.pk}/invitations/",
                           {"email": "eva@example.org"})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.subject == "Einladung in die Balintgruppe Tuesday GPs"
    assert message.body.startswith("Guten Tag,")
    assert "lädt Sie in die Balintgruppe „Tuesday GPs“ auf Balint Room ein." in message.body
    assert "Falls Sie diese Einladung nicht erwartet haben" in message.body


# --- the method's words ------------------------------------------------------------------

def test_it_translates_every_phase_of_the_classic_round() -> None:
    for phase in CLASSIC_ROUND.phases:
        with translation.override("de"):
            german = translation.gettext(phase.name)
        assert german != phase.name, phase.name
        assert german == GERMAN_PHASES[phase.key]
    with translation.override("de"):
        assert translation.gettext(CLASSIC_ROUND.name) == "Klassische Balintrunde"


def test_it_translates_every_rule_role_and_review_question() -> None:
    english = [phase.rule for phase in CLASSIC_ROUND.phases]
    english += list(REVIEW_QUESTIONS) + list(ROLE_LABELS.values())
    with translation.override("de"):
        german = [translation.gettext(text) for text in english]
    assert [e for e, g in zip(english, german, strict=True) if e == g] == []


# Texts of the room that are rightly the same in English and German, each with its reason.
# Keep it small: a text belongs here only when a German speaker would write it just so.
# Today every text of every shipped format reads differently in German, so it is empty.
SAME_IN_GERMAN: dict[str, str] = {}

FORMAT_KEYS = sorted(MEETING_FORMATS)


def _room_texts(meeting_format: MeetingFormat, *, online: bool, language: str) -> Any:
    with translation.override(language):
        return room_texts(meeting_format=meeting_format, online=online)


def _method_texts(meeting_format: MeetingFormat, *, online: bool) -> list[str]:
    """Every English text of a format, straight from the method: its name and description,
    each part's name, each phase's name and rule, and what each viewer is asked to do."""
    texts = [meeting_format.name, meeting_format.description]
    for part in meeting_format.parts:
        texts.append(part.name)
        table = guidance_table(part, online=online)
        for phase in part.phases:
            texts += [phase.name, phase.rule, *table[phase.key].values()]
    return texts


@pytest.mark.parametrize("online", [True, False])
@pytest.mark.parametrize("key", FORMAT_KEYS)
def test_it_translates_every_part_and_phase_of_every_format(key: str, online: bool) -> None:
    english = _method_texts(MEETING_FORMATS[key], online=online)
    assert all(english), "a shipped format has an empty text"
    with translation.override("de"):
        german = [translation.gettext(text) for text in english]
    same = [e for e, g in zip(english, german, strict=True) if e == g and e not in SAME_IN_GERMAN]
    assert same == [], f"not translated: {same}"


@pytest.mark.parametrize("online", [True, False])
@pytest.mark.parametrize("key", FORMAT_KEYS)
def test_it_translates_every_text_of_the_room(key: str, online: bool) -> None:
    meeting_format = MEETING_FORMATS[key]
    english = _room_texts(meeting_format, online=online, language="en")
    german = _room_texts(meeting_format, online=online, language="de")
    # The room knows every part and phase of the format (and of the classic round that
    # extra rounds use), under the same keys in both languages.
    parts = [*meeting_format.parts, CLASSIC_ROUND]
    assert set(german["parts"]) == {part.key for part in parts}
    assert set(german["phases"]) == {phase.key for part in parts for phase in part.phases}
    assert german.keys() == english.keys() and german["ui"].keys() == english["ui"].keys()
    with translation.override("de"):
        assert german["format_name"] == translation.gettext(meeting_format.name)
    english_leaves, german_leaves = _leaves(english), _leaves(german)
    same = [e for e, g in zip(english_leaves, german_leaves, strict=True)
            if e == g and e not in SAME_IN_GERMAN]
    assert same == [], f"not translated: {same}"


def test_it_names_the_parts_of_the_double_hour_in_german() -> None:
    texts = _room_texts(MEETING_FORMATS["double_hour"], online=True, language="de")
    assert texts["format_name"] == "Doppelstunde"
    assert texts["parts"]["check_in"] == "Ankommensrunde"
    assert texts["parts"]["follow_up"] == "Nachbericht"
    assert texts["phases"]["check_in"]["rule"] == (
        "Alle sagen kurz, wie sie ankommen. Keine Diskussion.")
    assert texts["ui"]["check_in_turn"] == "%(name)s ist an der Reihe"
    assert texts["ui"]["start_part"] == "%(part)s beginnen"


def test_the_allow_list_holds_only_texts_the_room_shows_unchanged() -> None:
    shown = {
        (english, german)
        for key in FORMAT_KEYS for online in (True, False)
        for english, german in zip(
            _leaves(_room_texts(MEETING_FORMATS[key], online=online, language="en")),
            _leaves(_room_texts(MEETING_FORMATS[key], online=online, language="de")),
            strict=True)
    }
    for text, reason in SAME_IN_GERMAN.items():
        assert reason, text
        assert (text, text) in shown, f"{text!r} is no longer shown unchanged: drop it"


# --- validation messages -----------------------------------------------------------------

def test_it_tells_a_german_leader_what_is_wrong_with_her_format_in_german() -> None:
    with pytest.raises(FormatError) as raised:
        custom_format(key="c", name="", phases=[{"name": "x", "minutes": 0}])
    error = raised.value
    assert error.messages == ["Give the format a name.",
                              "Phase 1 needs a duration of at least one minute."]
    with translation.override("de"):
        german = error.translated(translation.gettext)
    assert german == ["Geben Sie dem Format einen Namen.",
                      "Phase 1 braucht eine Dauer von mindestens einer Minute."]


def test_it_shows_the_format_form_errors_in_german(german: Client, cast: Any) -> None:
    response = german.post(f"/groups/{cast.group.pk}/formats/new/", {
        "name": "",
        "phases-TOTAL_FORMS": "1", "phases-INITIAL_FORMS": "1",
        "phases-MIN_NUM_FORMS": "0", "phases-MAX_NUM_FORMS": "22",
        "phases-0-name": "x", "phases-0-minutes": "0", "phases-0-rule": "",
        "phases-0-speaks": "everyone", "phases-0-ORDER": "1",
    })
    assert response.status_code == 200
    html = response.content.decode()
    assert "Geben Sie dem Format einen Namen." in html
    assert "Phase 1 braucht eine Dauer von mindestens einer Minute." in html
    assert "Give the format a name." not in html
    _assert_no_english(html)


def test_it_names_every_kind_of_identifier_in_german() -> None:
    english = list(CATEGORY_LABELS.values())
    with translation.override("de"):
        german = [translation.gettext(text) for text in english]
    assert [e for e, g in zip(english, german, strict=True) if e == g] == []
    with translation.override("de"):
        assert translation.gettext(CATEGORY_LABELS["name"]) == "Name einer Person"
