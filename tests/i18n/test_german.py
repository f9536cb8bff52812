"""German everywhere: the pages a German-speaking leader opens, the room's texts, and the
catalogue itself (complete, nothing fuzzy, placeholders kept, compiled)."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import polib
import pytest
from django.core import mail
from django.test import Client
from django.utils import translation

import balintroom
from balintroom.live.services import room_for_meeting
from balintroom.live.texts import room_texts
from balintroom.method.formats import CLASSIC_ROUND, REVIEW_QUESTIONS
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


def _assert_no_english(html: str) -> None:
    english = _english_only() - ENDONYMS
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
    assert texts["client"] == "Patient:in"  # the cast's group is mostly clinicians
    assert texts["ui"]["presenter"] == "Fallgeber:in"
    assert texts["ui"]["who_has_a_case"] == "Wer hat einen Fall?"
    assert texts["phases"]["review"]["rule"] == "Nicht mehr in den Fall zurückgehen."
    assert texts["review_questions"][0] == "Gab es einen starken Drang, den Fall zu „lösen“?"
    for word in ("Runde beginnen", "Nächste Phase", "Wer ist da", "Raumanzeige",
                 "Steuerung für die Leitung"):
        assert word in html
    _assert_no_english(html)


def test_it_shows_the_room_display_in_the_browsers_language(cast: Any) -> None:
    token = room_for_meeting(cast.meeting).display_token
    client = Client(headers={"Accept-Language": "de-DE,de;q=0.9"})
    html = _get(client, f"/m/{cast.meeting.pk}/display/{token}/")
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


@pytest.mark.parametrize("online", [True, False])
@pytest.mark.parametrize("audience", ["clinicians", "mixed"])
def test_it_translates_every_text_of_the_room(online: bool, audience: str) -> None:
    with translation.override("en"):
        english = _leaves(room_texts(format_key="classic", online=online, audience=audience))
    with translation.override("de"):
        german = _leaves(room_texts(format_key="classic", online=online, audience=audience))
    same = [e for e, g in zip(english, german, strict=True) if e == g]
    assert same == [], f"not translated: {same}"


# --- the catalogue -----------------------------------------------------------------------

def test_it_has_no_empty_or_fuzzy_message() -> None:
    po = _catalogue()
    assert not po.metadata_is_fuzzy
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    for entry in po:
        if entry.msgid_plural:
            assert entry.msgstr_plural and all(entry.msgstr_plural.values()), entry.msgid
        else:
            assert entry.msgstr, entry.msgid
    assert po.percent_translated() == 100


def test_it_keeps_every_placeholder() -> None:
    placeholder = re.compile(r"%\(\w+\)[sd]|\{\{\s*\w+\s*\}\}|<[^>]+>")
    for entry in _catalogue():
        if entry.obsolete:
            continue
        wanted = sorted(placeholder.findall(entry.msgid))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text:
                assert sorted(placeholder.findall(text)) == wanted, entry.msgid


def test_it_ships_the_compiled_catalogue_of_the_current_po() -> None:
    assert MO.is_file(), "run compilemessages"
    compiled = {entry.msgid: entry.msgstr for entry in polib.mofile(str(MO)) if entry.msgid}
    source = {entry.msgid: entry.msgstr for entry in _catalogue().translated_entries()}
    assert compiled == source, "django.mo is older than django.po: run compilemessages"
