"""Four languages, each complete: every message the code and the templates say has its
German, Greek and French, nothing fuzzy, every placeholder kept, the compiled catalogue
current - and the pages a leader opens speak her language, dates and numbers included."""

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polib
import pytest
from django.test import Client

import balintroom
from balintroom.groups import services

PACKAGE = Path(balintroom.__file__).parent
LANGUAGES = ("de", "el", "fr")
PLURALS = {"de": "nplurals=2; plural=(n != 1);", "el": "nplurals=2; plural=(n != 1);",
           "fr": "nplurals=2; plural=(n > 1);"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{\s*\w+\s*\}\}|<[^>]+>")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po"))


# A message as the code writes it on one line: {% translate "..." %} in a template, or
# _("...") / gettext("...") / gettext_lazy / gettext_noop / pgettext-free calls in Python.
_TEMPLATE_MESSAGE = re.compile(r'{%\s*translate\s+"((?:[^"\\]|\\.)*)"')
_PYTHON_MESSAGE = re.compile(
    r'\b(?:_|gettext|gettext_lazy|gettext_noop)\(\s*"((?:[^"\\\n]|\\.)*)"\s*\)')


def messages_in_the_source() -> set[str]:
    found: set[str] = set()
    for path in PACKAGE.rglob("*.html"):
        found.update(_TEMPLATE_MESSAGE.findall(path.read_text(encoding="utf-8")))
    for path in PACKAGE.rglob("*.txt"):
        if "templates" in path.parts:
            found.update(_TEMPLATE_MESSAGE.findall(path.read_text(encoding="utf-8")))
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        found.update(_PYTHON_MESSAGE.findall(path.read_text(encoding="utf-8")))
    return {message.replace('\\"', '"') for message in found}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_of_the_source_is_in_the_catalogue(language: str) -> None:
    known = {entry.msgid for entry in catalogue(language)}
    missing = sorted(messages_in_the_source() - known)
    assert not missing, f"run makemessages -l {language} and translate: {missing[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_has_no_empty_or_fuzzy_message(language: str) -> None:
    po = catalogue(language)
    assert not po.metadata_is_fuzzy
    assert po.untranslated_entries() == [] and po.fuzzy_entries() == []
    for entry in po:
        if entry.msgid_plural:
            assert entry.msgstr_plural and all(entry.msgstr_plural.values()), entry.msgid
        else:
            assert entry.msgstr, entry.msgid


def test_the_languages_hold_the_same_messages() -> None:
    german = {entry.msgid for entry in catalogue("de")}
    for language in LANGUAGES[1:]:
        assert {entry.msgid for entry in catalogue(language)} == german, language


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_keeps_every_placeholder(language: str) -> None:
    """Two forms, one and many: msgstr[0] answers the msgid, msgstr[1] the msgid_plural
    (a singular may leave out the count, as English does)."""
    po = catalogue(language)
    assert po.metadata["Plural-Forms"].startswith(PLURALS[language])
    for entry in po:
        if entry.msgid_plural:
            pairs = [(entry.msgid, entry.msgstr_plural[0]),
                     (entry.msgid_plural, entry.msgstr_plural[1])]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for english, translated in pairs:
            assert sorted(PLACEHOLDER.findall(translated)) == sorted(
                PLACEHOLDER.findall(english)), (language, entry.msgid)


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_ships_the_compiled_catalogue_of_the_current_po(language: str) -> None:
    mo = PACKAGE / "locale" / language / "LC_MESSAGES" / "django.mo"
    assert mo.is_file(), "run compilemessages"
    compiled = {entry.msgid: entry.msgstr for entry in polib.mofile(str(mo)) if entry.msgid}
    source = {entry.msgid: entry.msgstr for entry in catalogue(language).translated_entries()}
    assert compiled == source, f"{language}: django.mo is older than django.po"


# The pages, in Greek and in French, from the profile (the browser asks for English).
# 19:00 in Berlin (her time zone), as each language writes a date and time.
WHEN = {"el": "10/06/2031 7 μμ.", "fr": "10 juin 2031 19:00"}


@pytest.mark.parametrize("language", ["el", "fr"])
def test_a_leaders_group_page_speaks_her_language(cast: Any, language: str) -> None:
    cast.leader.language = language
    cast.leader.save()
    services.meeting_schedule(group=cast.group, starts_at=datetime(2031, 6, 10, 17, 0,
                                                                   tzinfo=UTC),
                              duration_minutes=90, setting="online",
                              video_link="https://meet.example.org/x")
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(cast.leader)
    response = client.get(f"/groups/{cast.group.pk}/")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == language
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    po = {entry.msgid: entry.msgstr for entry in catalogue(language)}
    for english in ("Upcoming meetings", "Schedule a series", "Invite someone"):
        assert po[english] in page, english
        assert f">{english}<" not in page
    assert WHEN[language] in page
