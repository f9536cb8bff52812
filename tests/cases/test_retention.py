"""Notes are deleted when their group's retention time is over; leaders set that time."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from balintroom.cases.models import CasePolicy, NotesOptIn, PrivateNote
from balintroom.cases.selectors import notes_expire_at
from balintroom.cases.services import case_policy_update, notes_purge_expired
from balintroom.groups.models import Meeting
from tests.conftest import Cast
from tests.groups.helpers import assert_login_redirect, text

from .conftest import client_for, keep_note


def meeting_ago(group, days: float) -> Meeting:
    return Meeting.objects.create(group=group, setting="online", duration_minutes=90,
                                  starts_at=timezone.now() - timedelta(days=days))


def note_from(cast: Cast, meeting: Meeting, text: str, author=None) -> PrivateNote:
    # Written while the meeting was recent; the clock is moved by `now` below.
    return keep_note(author or cast.member, meeting, text=text)


def test_it_deletes_notes_older_than_the_retention(cast: Cast) -> None:
    old = meeting_ago(cast.group, 10)
    recent = meeting_ago(cast.group, 1)
    gone = note_from(cast, old, "old")
    kept = note_from(cast, recent, "recent")
    # 30 days by default, counted from the end of the meeting.
    assert notes_purge_expired(now=timezone.now() + timedelta(days=20)) == 0
    assert notes_purge_expired(now=timezone.now() + timedelta(days=25)) == 1
    assert list(PrivateNote.objects.all()) == [kept]
    assert not PrivateNote.objects.filter(pk=gone.pk).exists()
    assert not NotesOptIn.objects.filter(meeting=old).exists()
    assert NotesOptIn.objects.filter(meeting=recent).exists()


def test_it_counts_from_the_end_of_the_meeting(cast: Cast) -> None:
    meeting = cast.meeting  # 90 minutes from now
    note_from(cast, meeting, "x")
    end = meeting.ends_at + timedelta(days=30)
    assert notes_expire_at(meeting) == end
    assert notes_purge_expired(now=end - timedelta(seconds=1)) == 0
    assert notes_purge_expired(now=end) == 1


def test_it_respects_each_groups_retention(cast: Cast) -> None:
    from balintroom.groups.models import Membership

    Membership.objects.create(group=cast.other_group, user=cast.member)
    case_policy_update(group=cast.group, retention_days=7)
    case_policy_update(group=cast.other_group, retention_days=90)
    short = note_from(cast, meeting_ago(cast.group, 2), "short")
    long = note_from(cast, meeting_ago(cast.other_group, 2), "long")
    default = note_from(cast, meeting_ago(cast.group, 2), "x")  # same group, same rule
    now = timezone.now() + timedelta(days=10)
    assert notes_purge_expired(now=now) == 2
    assert list(PrivateNote.objects.all()) == [long]
    assert not PrivateNote.objects.filter(pk__in=[short.pk, default.pk]).exists()
    assert notes_purge_expired(now=timezone.now() + timedelta(days=87)) == 0
    assert notes_purge_expired(now=timezone.now() + timedelta(days=89)) == 1


def test_a_shorter_retention_deletes_at_the_next_purge(cast: Cast) -> None:
    note_from(cast, meeting_ago(cast.group, 5), "x")
    assert notes_purge_expired() == 0
    case_policy_update(group=cast.group, retention_days=3)
    assert notes_purge_expired() == 1


def test_the_command_purges(cast: Cast) -> None:
    meeting = meeting_ago(cast.group, 1)
    note_from(cast, meeting, "x")
    meeting.starts_at = timezone.now() - timedelta(days=40)
    meeting.save()
    out = io.StringIO()
    call_command("purge_expired_notes", stdout=out)
    assert "Deleted 1 expired private note(s)." in out.getvalue()
    assert not PrivateNote.objects.exists()


def test_it_keeps_the_retention_in_range(cast: Cast) -> None:
    for days in (0, 3651):
        with pytest.raises(ValidationError):
            case_policy_update(group=cast.group, retention_days=days)
    with pytest.raises(IntegrityError), transaction.atomic():
        CasePolicy.objects.create(group=cast.group, retention_days=0)
    assert case_policy_update(group=cast.group, retention_days=3650).retention_days == 3650


# The leaders' page


def privacy_url(cast: Cast) -> str:
    return reverse("group_privacy", args=[cast.group.pk])


def test_a_leader_sets_the_retention(cast: Cast) -> None:
    client = client_for(cast.coleader)
    page = client.get(privacy_url(cast))
    assert page.status_code == 200
    assert 'value="30"' in text(page) and "not you" in text(page)
    response = client.post(privacy_url(cast), {"retention_days": "14"})
    assert response.status_code == 302
    assert CasePolicy.objects.get(group=cast.group).retention_days == 14
    assert "deleted 14 days after each meeting" in text(client.get(response["Location"]))


def test_it_refuses_a_retention_out_of_range(cast: Cast) -> None:
    client = client_for(cast.leader)
    for value in ("0", "3651", "", "ten"):
        response = client.post(privacy_url(cast), {"retention_days": value})
        assert response.status_code == 200, value
        assert "Please correct" in text(response)
    assert not CasePolicy.objects.exists()


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_only_leaders_open_the_privacy_page(cast: Cast, who: str) -> None:
    client = client_for(getattr(cast, who))
    assert client.get(privacy_url(cast)).status_code == 404
    assert client.post(privacy_url(cast), {"retention_days": "1"}).status_code == 404
    assert not CasePolicy.objects.exists()


def test_the_privacy_page_needs_a_login(cast: Cast) -> None:
    assert_login_redirect(client_for(None).get(privacy_url(cast)), privacy_url(cast))


def test_the_notes_page_tells_the_groups_retention(cast: Cast) -> None:
    case_policy_update(group=cast.group, retention_days=7)
    html = text(client_for(cast.member).get(reverse("meeting_notes", args=[cast.meeting.pk])))
    assert "deleted 7 days after the meeting" in html


def test_it_forgets_the_opt_in_of_an_expired_meeting_without_notes(cast: Cast) -> None:
    from balintroom.cases.services import notes_opt_in

    meeting = meeting_ago(cast.group, 1)
    notes_opt_in(user=cast.member, meeting=meeting)
    assert notes_purge_expired(now=timezone.now() + timedelta(days=40)) == 0
    assert not NotesOptIn.objects.exists()
