""""I may bring a case": a member says it ahead of a meeting, and the leaders know - on the
group's page and by e-mail - without a word of the case."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from balintroom.groups import services
from balintroom.groups.models import CaseAhead, Meeting
from tests.conftest import Cast
from tests.groups.helpers import assert_login_redirect, text
from tests.support.smtp import Mailbox


def next_meeting(cast: Cast) -> Meeting:
    return services.meeting_schedule(group=cast.group,
                                     starts_at=timezone.now() + timedelta(days=7),
                                     duration_minutes=90, setting="online",
                                     video_link="https://meet.example.org/x")


def url(meeting: Meeting) -> str:
    return f"/m/{meeting.pk}/case-ahead/"


def send() -> None:
    call_command("send_reminders", stdout=StringIO())


def test_the_leaders_know_who_may_bring_a_case(client: Client, cast: Cast,
                                               mailbox: Mailbox) -> None:
    meeting = next_meeting(cast)
    send()
    mailbox.messages.clear()
    anna = cast.members[0]
    client.force_login(anna)
    group_page = f"/groups/{cast.group.pk}/"
    assert "I may bring a case" in text(client.get(group_page))
    response = client.post(url(meeting), follow=True)
    assert "The leaders know that you may bring a case." in text(response)
    assert "I do not bring a case after all" in text(response)
    client.post(url(meeting))  # twice is once
    send()
    assert sorted(str(m["To"]) for m in mailbox.messages) == sorted(
        [cast.leader.email, cast.coleader.email])
    assert "Anna may bring a case" in str(mailbox.messages[0]["Subject"])
    client.force_login(cast.leader)
    assert "May bring a case: Anna" in text(client.get(group_page))


def test_taken_back_before_the_mail_went_the_leaders_are_not_told(
        client: Client, cast: Cast, mailbox: Mailbox) -> None:
    meeting = next_meeting(cast)
    send()
    mailbox.messages.clear()
    client.force_login(cast.members[0])
    client.post(url(meeting))
    response = client.post(url(meeting), {"withdraw": "1"}, follow=True)
    assert "Noted: you do not bring a case this time." in text(response)
    send()
    assert mailbox.messages == []
    assert not CaseAhead.objects.exists()


def test_only_before_a_meeting_that_takes_place(client: Client, cast: Cast) -> None:
    client.force_login(cast.members[0])
    response = client.post(url(cast.meeting), follow=True)  # begun
    assert "This is said before a meeting that takes place." in text(response)
    ahead = next_meeting(cast)
    services.meeting_cancel(meeting=ahead)
    client.post(url(ahead))
    assert not CaseAhead.objects.exists()


def test_only_a_member_of_the_group_says_it(client: Client, cast: Cast) -> None:
    meeting = next_meeting(cast)
    client.force_login(cast.outsider)
    assert client.post(url(meeting)).status_code == 404
    client.force_login(cast.members[0])
    assert client.get(url(meeting)).status_code == 405
    client.logout()
    assert_login_redirect(client.post(url(meeting)), url(meeting))
    assert not CaseAhead.objects.exists()
