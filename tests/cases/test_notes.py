"""The notes page of a meeting: opting in, adding, editing and deleting a note, and that
nobody but the author ever reaches one."""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from balintroom.cases.models import NoteKind, NotesOptIn, PrivateNote
from balintroom.cases.services import notes_opt_in
from balintroom.groups.models import Meeting
from tests.conftest import Cast, make_user
from tests.groups.helpers import assert_login_redirect, text

from .conftest import SECRET, client_for, keep_note

pytestmark = pytest.mark.usefixtures("no_check")  # the check has its own tests


def notes_url(meeting: Meeting) -> str:
    return reverse("meeting_notes", args=[meeting.pk])


def add_url(meeting: Meeting) -> str:
    return reverse("note_add", args=[meeting.pk])


def note_urls(note: PrivateNote) -> dict[str, str]:
    args = [note.meeting_id, note.pk]
    return {"edit": reverse("note_edit", args=args),
            "delete_confirm": reverse("note_delete_confirm", args=args),
            "delete": reverse("note_delete", args=args)}


def fields(**changes: str) -> dict[str, str]:
    values = {"kind": NoteKind.FURTHERED, "text": SECRET, "label": "", "round_number": "",
              "action": "save"}
    values.update(changes)
    return values


# Opting in


def test_it_is_off_until_she_opts_in(cast: Cast) -> None:
    client = client_for(cast.member)
    response = client.get(notes_url(cast.meeting))
    assert response.status_code == 200
    html = text(response)
    assert "Keep private notes for this meeting" in html
    assert "only you can read them" in html and "deleted 30 days after the meeting" in html
    assert 'name="text"' not in html
    response = client.post(add_url(cast.meeting), fields())
    assert response.status_code == 302
    assert not PrivateNote.objects.exists()


def test_it_opts_in(cast: Cast) -> None:
    client = client_for(cast.member)
    response = client.post(reverse("notes_keep", args=[cast.meeting.pk]))
    assert response.status_code == 302
    assert NotesOptIn.objects.filter(user=cast.member, meeting=cast.meeting).exists()
    html = text(client.get(notes_url(cast.meeting)))
    assert 'name="text"' in html and 'spellcheck="false"' in html
    assert "Only you can read these notes." in html
    # What the check is worth, said where she writes.
    assert "It finds most of them, not all: a second pair of eyes, not a guarantee." in html


def test_it_opts_in_by_post_only(cast: Cast) -> None:
    response = client_for(cast.member).get(reverse("notes_keep", args=[cast.meeting.pk]))
    assert response.status_code == 405
    assert not NotesOptIn.objects.exists()


def test_it_stops_and_deletes_her_notes(cast: Cast) -> None:
    keep_note(cast.member, cast.meeting)
    other = keep_note(cast.members[1], cast.meeting, text="Ben's note")
    client = client_for(cast.member)
    confirm = client.get(reverse("notes_stop_confirm", args=[cast.meeting.pk]))
    assert "deleted for good" in text(confirm)
    response = client.post(reverse("notes_stop", args=[cast.meeting.pk]))
    assert response.status_code == 302
    assert list(PrivateNote.objects.all()) == [other]
    assert not NotesOptIn.objects.filter(user=cast.member).exists()


# Adding, editing, deleting


def test_it_saves_a_note(cast: Cast) -> None:
    client = client_for(cast.member)
    notes_opt_in(user=cast.member, meeting=cast.meeting)
    response = client.post(add_url(cast.meeting),
                           fields(label="the widower", round_number="2"))
    assert response.status_code == 302
    note = PrivateNote.objects.get()
    assert (note.author, note.meeting, note.text, note.label, note.round_number, note.kind) == (
        cast.member, cast.meeting, SECRET, "the widower", 2, NoteKind.FURTHERED)
    assert "Quist" not in response["Location"] and "widower" not in response["Location"]
    page = text(client.get(response["Location"]))
    assert SECRET in page and "the widower" in page and "Your note is saved." in page


def test_it_refuses_an_empty_note(cast: Cast) -> None:
    client = client_for(cast.member)
    notes_opt_in(user=cast.member, meeting=cast.meeting)
    response = client.post(add_url(cast.meeting), fields(text="   \n "))
    assert response.status_code == 200
    assert "The note is empty." in text(response)
    assert "Nothing was saved." in text(response)
    assert not PrivateNote.objects.exists()


def test_it_refuses_a_note_that_is_too_long(cast: Cast) -> None:
    client = client_for(cast.member)
    notes_opt_in(user=cast.member, meeting=cast.meeting)
    response = client.post(add_url(cast.meeting), fields(text="x" * 20001))
    assert response.status_code == 200
    assert "at most 20000 characters; this one has 20001" in text(response)
    assert not PrivateNote.objects.exists()
    response = client.post(add_url(cast.meeting), fields(text="x" * 20000))
    assert PrivateNote.objects.get().text == "x" * 20000


def test_it_refuses_a_long_label_and_an_unknown_kind(cast: Cast) -> None:
    client = client_for(cast.member)
    notes_opt_in(user=cast.member, meeting=cast.meeting)
    response = client.post(add_url(cast.meeting), fields(label="l" * 81))
    assert "at most 80 characters" in text(response)
    response = client.post(add_url(cast.meeting), fields(kind="diagnosis"))
    assert "Select a valid choice" in text(response)
    response = client.post(add_url(cast.meeting), fields(round_number="0"))
    assert response.status_code == 200
    assert not PrivateNote.objects.exists()


def test_it_adds_by_post_only(cast: Cast) -> None:
    notes_opt_in(user=cast.member, meeting=cast.meeting)
    assert client_for(cast.member).get(add_url(cast.meeting)).status_code == 405


def test_it_edits_a_note(cast: Cast) -> None:
    note = keep_note(cast.member, cast.meeting)
    client = client_for(cast.member)
    form = client.get(note_urls(note)["edit"])
    assert form.status_code == 200 and SECRET in text(form)
    response = client.post(note_urls(note)["edit"], fields(text="Changed my mind.",
                                                           kind=NoteKind.FOLLOW_UP))
    assert response.status_code == 302
    note.refresh_from_db()
    assert (note.text, note.kind) == ("Changed my mind.", NoteKind.FOLLOW_UP)
    assert note.updated_at > note.created_at


def test_it_refuses_an_empty_edit(cast: Cast) -> None:
    note = keep_note(cast.member, cast.meeting)
    response = client_for(cast.member).post(note_urls(note)["edit"], fields(text=""))
    assert "The note is empty." in text(response)
    note.refresh_from_db()
    assert note.text == SECRET


def test_it_deletes_a_note(cast: Cast) -> None:
    note = keep_note(cast.member, cast.meeting)
    client = client_for(cast.member)
    assert "Delete this note?" in text(client.get(note_urls(note)["delete_confirm"]))
    assert client.get(note_urls(note)["delete"]).status_code == 405
    assert client.post(note_urls(note)["delete"]).status_code == 302
    assert not PrivateNote.objects.exists()


def test_it_keeps_no_note_after_the_retention_time(cast: Cast) -> None:
    meeting = Meeting.objects.create(group=cast.group, setting="online",
                                     starts_at=timezone.now() - timedelta(days=40))
    client = client_for(cast.member)
    client.post(reverse("notes_keep", args=[meeting.pk]))
    assert "retention time of this meeting is over" in text(client.get(notes_url(meeting)))
    client.post(add_url(meeting), fields())
    assert not PrivateNote.objects.exists()


def test_it_says_so_when_the_server_has_no_key(cast: Cast, settings) -> None:
    settings.FIELD_ENCRYPTION_KEYS = []
    settings.DEBUG = False
    client = client_for(cast.member)
    assert "not available on this server" in text(client.get(notes_url(cast.meeting)))
    client.post(reverse("notes_keep", args=[cast.meeting.pk]))
    assert not NotesOptIn.objects.exists()


def test_it_lets_no_page_with_notes_be_cached(cast: Cast) -> None:
    note = keep_note(cast.member, cast.meeting)
    client = client_for(cast.member)
    for url in (notes_url(cast.meeting), note_urls(note)["edit"], reverse("notes_export"),
                reverse("my_notes")):
        assert "no-store" in client.get(url)["Cache-Control"], url


# Who sees what


def test_she_sees_only_her_own_notes(cast: Cast) -> None:
    keep_note(cast.member, cast.meeting)
    keep_note(cast.members[1], cast.meeting, text="Ben writes about Mrs Elm")
    notes_opt_in(user=cast.leader, meeting=cast.meeting)
    anna = text(client_for(cast.member).get(notes_url(cast.meeting)))
    assert SECRET in anna and "Mrs Elm" not in anna
    ben = text(client_for(cast.members[1]).get(notes_url(cast.meeting)))
    assert "Mrs Elm" in ben and "Quist" not in ben
    lena = text(client_for(cast.leader).get(notes_url(cast.meeting)))
    assert "Quist" not in lena and "Mrs Elm" not in lena


@pytest.mark.parametrize("who", ["leader", "coleader", "other_member", "outsider", "admin"])
def test_nobody_else_reaches_her_note(cast: Cast, who: str) -> None:
    note = keep_note(cast.member, cast.meeting)
    if who == "admin":
        user = make_user("root@example.org", "Root")
        user.is_staff = user.is_superuser = True
        user.save()
    else:
        user = {"leader": cast.leader, "coleader": cast.coleader,
                "other_member": cast.members[1], "outsider": cast.outsider}[who]
    client = client_for(user)
    urls = note_urls(note)
    assert client.get(urls["edit"]).status_code == 404
    assert client.post(urls["edit"], fields(text="overwritten")).status_code == 404
    assert client.get(urls["delete_confirm"]).status_code == 404
    assert client.post(urls["delete"]).status_code == 404
    note.refresh_from_db()
    assert note.text == SECRET
    # Nor through a meeting of her own with his id.
    if who == "outsider":
        own = Meeting.objects.create(group=cast.other_group, setting="online",
                                     starts_at=timezone.now())
        assert client.get(reverse("note_edit", args=[own.pk, note.pk])).status_code == 404


def test_the_outsider_gets_404_everywhere(cast: Cast) -> None:
    note = keep_note(cast.member, cast.meeting)
    client = client_for(cast.outsider)
    m = cast.meeting.pk
    for url in (notes_url(cast.meeting), reverse("notes_stop_confirm", args=[m])):
        assert client.get(url).status_code == 404, url
    for url in (reverse("notes_keep", args=[m]), add_url(cast.meeting),
                reverse("notes_stop", args=[m])):
        assert client.post(url, fields()).status_code == 404, url
    assert not NotesOptIn.objects.filter(user=cast.outsider).exists()
    assert list(PrivateNote.objects.all()) == [note]
    assert "Quist" not in text(client.get(reverse("my_notes")))
    assert "Quist" not in client.get(reverse("notes_export")).content.decode()


def test_it_sends_anonymous_visitors_to_log_in(cast: Cast) -> None:
    note = keep_note(cast.member, cast.meeting)
    client = client_for(None)
    m = cast.meeting.pk
    for url in (notes_url(cast.meeting), reverse("notes_stop_confirm", args=[m]),
                note_urls(note)["edit"], note_urls(note)["delete_confirm"],
                reverse("my_notes"), reverse("notes_export")):
        assert_login_redirect(client.get(url), url)
    for url in (reverse("notes_keep", args=[m]), add_url(cast.meeting),
                reverse("notes_stop", args=[m]), note_urls(note)["delete"]):
        assert_login_redirect(client.post(url, fields()), url)
    assert PrivateNote.objects.count() == 1


def test_admin_shows_no_notes(cast: Cast) -> None:
    assert not admin.site.is_registered(PrivateNote)
    assert not admin.site.is_registered(NotesOptIn)
    keep_note(cast.member, cast.meeting)
    root = make_user("root@example.org", "Root")
    root.is_staff = root.is_superuser = True
    root.save()
    client = client_for(root)
    # Deleting Anna in the admin lists her notes by number, never by their words.
    page = text(client.get(reverse("admin:accounts_user_delete", args=[cast.member.pk])))
    assert "private note #" in page and "Quist" not in page


def test_my_notes_lists_her_meetings(cast: Cast) -> None:
    keep_note(cast.member, cast.meeting)
    keep_note(cast.member, cast.meeting, text="another")
    html = text(client_for(cast.member).get(reverse("my_notes")))
    assert "Tuesday GPs" in html and "2 notes, deleted on" in html
    assert "Quist" not in html
    assert "You have no private notes." in text(client_for(cast.leader).get(reverse("my_notes")))


def test_it_proposes_the_round_she_presented(cast: Cast) -> None:
    from balintroom.live.models import Round
    from balintroom.live.services import room_create

    room = room_create(meeting=cast.meeting)
    Round.objects.create(room=room, number=1, presenter=cast.members[1])
    Round.objects.create(room=room, number=2, presenter=cast.member)
    notes_opt_in(user=cast.member, meeting=cast.meeting)
    html = text(client_for(cast.member).get(notes_url(cast.meeting)))
    assert 'name="round_number" value="2"' in html


def test_a_crash_shows_and_reports_no_note_text(cast: Cast, monkeypatch) -> None:
    """The 500 page says nothing, and the error report an admin could be sent (POST data,
    every frame's variables) hides the note."""
    import sys

    from django.core.signals import got_request_exception
    from django.views.debug import ExceptionReporter

    def crash(self, *args, **kwargs):
        raise RuntimeError("disk full")

    reports = []

    def report(sender, request, **kwargs):
        reports.append(ExceptionReporter(request, *sys.exc_info()).get_traceback_text())

    monkeypatch.setattr(PrivateNote, "save", crash)
    notes_opt_in(user=cast.member, meeting=cast.meeting)
    client = client_for(cast.member)
    client.raise_request_exception = False
    got_request_exception.connect(report)
    try:
        response = client.post(add_url(cast.meeting), fields(label="the widower"))
    finally:
        got_request_exception.disconnect(report)
    assert response.status_code == 500
    assert "Quist" not in text(response)
    (traceback,) = reports
    assert "disk full" in traceback and "note_create" in traceback
    assert "Quist" not in traceback and "widower" not in traceback
