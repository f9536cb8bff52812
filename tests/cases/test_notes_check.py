"""The check before a note is saved: what may identify a patient is shown, and she edits
the note or saves it anyway. A stand-in check (conftest.fake_check) flags "Mr Name" and
dates, so that these tests do not depend on what the real check finds."""

import importlib.util
import logging
from typing import Any

import pytest
from django.urls import reverse

from balintroom.cases.models import PrivateNote
from balintroom.cases.services import notes_opt_in
from tests.conftest import Cast
from tests.groups.helpers import text

from .conftest import SECRET, client_for, keep_note

FLAGGED = "Saw Mr Quist again on 12.03.2024; he seemed lighter."


def post(client, url: str, action: str, note: str = FLAGGED, label: str = "") -> object:
    return client.post(url, {"kind": "during_round", "text": note, "label": label,
                             "round_number": "", "action": action})


@pytest.fixture
def anna(cast: Cast):
    notes_opt_in(user=cast.member, meeting=cast.meeting)
    return client_for(cast.member)


def add_url(cast: Cast) -> str:
    return reverse("note_add", args=[cast.meeting.pk])


def test_it_shows_the_findings_before_saving(cast: Cast, anna, fake_check) -> None:
    response = post(anna, add_url(cast), "save", label="Mr Quist")
    assert response.status_code == 200
    html = text(response)
    assert "This may identify a patient:" in html
    assert '<span class="badge">Name</span> <mark>Mr Quist</mark>' in html
    assert '<span class="badge">Date</span> <mark>12.03.2024</mark>' in html
    assert "(in the case label)" in html
    # The note itself, with the flagged parts marked.
    assert 'Saw <mark title="Name">Mr Quist</mark> again on <mark title="Date">' in html
    assert 'value="edit"' in html and 'value="save_anyway"' in html
    assert not PrivateNote.objects.exists()


def test_it_saves_anyway(cast: Cast, anna, fake_check) -> None:
    response = post(anna, add_url(cast), "save_anyway")
    assert response.status_code == 302
    assert PrivateNote.objects.get().text == FLAGGED


def test_edit_goes_back_to_the_form_and_saves_nothing(cast: Cast, anna, fake_check) -> None:
    response = post(anna, add_url(cast), "edit")
    assert response.status_code == 200
    html = text(response)
    assert "This may identify" not in html
    assert "<textarea" in html and "Mr Quist again" in html and "autofocus" in html
    assert not PrivateNote.objects.exists()


def test_an_edited_note_without_findings_is_saved_at_once(cast: Cast, anna,
                                                          fake_check) -> None:
    response = post(anna, add_url(cast), "save", note="Saw him again; he seemed lighter.")
    assert response.status_code == 302
    assert PrivateNote.objects.get().text == "Saw him again; he seemed lighter."


def test_it_checks_an_edit_too(cast: Cast, fake_check) -> None:
    note = keep_note(cast.member, cast.meeting, text="nothing to flag")
    client = client_for(cast.member)
    url = reverse("note_edit", args=[cast.meeting.pk, note.pk])
    assert "This may identify" in text(post(client, url, "save"))
    note.refresh_from_db()
    assert note.text == "nothing to flag"
    assert post(client, url, "edit").status_code == 200
    note.refresh_from_db()
    assert note.text == "nothing to flag"
    assert post(client, url, "save_anyway").status_code == 302
    note.refresh_from_db()
    assert note.text == FLAGGED


def test_it_asks_when_the_check_fails(cast: Cast, anna, fake_check, caplog) -> None:
    def broken(text: str, language: str | None = None, **_kwargs: Any) -> list:
        raise ValueError(f"cannot parse {text}")

    fake_check.find_identifiers = broken
    with caplog.at_level(logging.ERROR):
        response = post(anna, add_url(cast), "save")
    assert "did not run this time" in text(response)
    assert not PrivateNote.objects.exists()
    assert "ValueError" in caplog.text and "Quist" not in caplog.text
    assert post(anna, add_url(cast), "save_anyway").status_code == 302


def test_it_checks_in_both_languages_whatever_the_group_speaks(cast: Cast, anna) -> None:
    # An English-speaking group, a note in German: the German name, age and town are found.
    assert cast.group.language == "en"
    response = anna.post(add_url(cast), {
        "kind": "during_round", "label": "",
        "text": "Frau Müller, 93, aus Dorfen, am 12.03.2024", "action": "save"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Müller</mark>" in page
    assert "<mark>12.03.2024</mark>" in page
    assert not PrivateNote.objects.exists()


def test_it_runs_the_real_check(cast: Cast, anna) -> None:
    if importlib.util.find_spec("balintroom.deid.identifiers") is None:
        pytest.skip("balintroom.deid.identifiers is not written yet (another engineer's "
                    "part); the flow is tested above with a stand-in")
    note = ("Mrs. Johanna Schmidt, born 12.03.1956, lives at Hauptstraße 12, 10115 Berlin; "
            "phone +49 171 2345678, email j.schmidt@example.org. " + SECRET)
    html = text(post(anna, add_url(cast), "save", note=note))
    assert "This may identify a patient:" in html
    assert "<mark>" in html
    assert not PrivateNote.objects.exists()


def test_it_does_not_flag_the_groups_own_people(cast: Cast, anna) -> None:
    note = "Ben presented; Lena asked about Frau Quist. Clara and David kept quiet."
    html = text(post(anna, add_url(cast), "save", note=note, label="Ben's case"))
    assert "Quist</mark>" in html
    for name in ("Ben", "Lena", "Clara", "David"):
        assert f">{name}</mark>" not in html
    assert not PrivateNote.objects.exists()
    note = "Ben presented; Lena asked about his mother. Clara and David kept quiet."
    assert post(anna, add_url(cast), "save", note=note, label="Ben's case").status_code == 302
