"""Downloading all of one's notes, before they are deleted."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from balintroom.groups.models import Meeting, Membership
from tests.conftest import Cast

from .conftest import SECRET, client_for, keep_note

pytestmark = pytest.mark.usefixtures("no_check")


@pytest.fixture
def notes(cast: Cast) -> None:
    keep_note(cast.member, cast.meeting, label="the widower", round_number=1)
    keep_note(cast.member, cast.meeting, text="Was mich weitergebracht hat: „Schuld“.",
              kind="what_furthered_my_thinking")
    keep_note(cast.members[1], cast.meeting, text="Ben's note about Mrs Elm")
    # A meeting of another group she belongs to.
    Membership.objects.create(group=cast.other_group, user=cast.member)
    elsewhere = Meeting.objects.create(group=cast.other_group, setting="online",
                                       starts_at=timezone.now() - timedelta(days=3))
    keep_note(cast.member, elsewhere, text="From Olga's group")
    # Expired, not yet purged.
    old = Meeting.objects.create(group=cast.group, setting="online",
                                 starts_at=timezone.now() - timedelta(days=10))
    keep_note(cast.member, old, text="Old, soon gone")
    old.starts_at = timezone.now() - timedelta(days=60)
    old.save()


def test_it_exports_her_notes_as_text(cast: Cast, notes: None) -> None:
    response = client_for(cast.member).get(reverse("notes_export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="balint-room-notes-')
    assert response["Content-Disposition"].endswith('.txt"')
    body = response.content.decode("utf-8")
    assert SECRET in body and "label: the widower" in body and "round 1" in body
    assert "„Schuld“" in body and "What furthered my thinking, and why" in body
    assert "From Olga's group" in body and "Tuesday GPs" in body
    assert "Mrs Elm" not in body
    assert "Old, soon gone" not in body


def test_it_exports_her_notes_as_json(cast: Cast, notes: None) -> None:
    response = client_for(cast.member).get(reverse("notes_export"), {"format": "json"})
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].endswith('.json"')
    data = json.loads(response.content.decode("utf-8"))
    texts = [note["text"] for note in data["notes"]]
    assert sorted(texts) == sorted([SECRET, "Was mich weitergebracht hat: „Schuld“.",
                                    "From Olga's group"])
    first = next(note for note in data["notes"] if note["text"] == SECRET)
    assert first["label"] == "the widower" and first["round_number"] == 1
    assert first["group"] == "Tuesday GPs" and first["kind"] == "during_round"
    assert "deleted_after" in first


def test_it_exports_only_his_own_to_the_leader(cast: Cast, notes: None) -> None:
    body = client_for(cast.leader).get(reverse("notes_export")).content.decode()
    assert "Quist" not in body and "Mrs Elm" not in body
    assert "You have no private notes." in body


def test_it_exports_after_she_left_the_group(cast: Cast, notes: None) -> None:
    Membership.objects.filter(user=cast.member, group=cast.group).delete()
    body = client_for(cast.member).get(reverse("notes_export")).content.decode()
    assert SECRET in body
