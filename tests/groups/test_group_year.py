"""A group's year: its start and end, its closing meeting, and its end - after which
its records are kept and nothing new is planned in it."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from balintroom.groups import services
from balintroom.groups.models import Invitation, Meeting
from tests.conftest import Cast
from tests.groups.helpers import assert_login_redirect, text

EDIT = {"name": "Tuesday GPs", "setting": "online", "language": "en",
        "served": "patients", "confidentiality_text": "What is said here stays here."}
MEETING = {"date": "2031-06-10", "time": "18:30", "duration_minutes": "90",
           "setting": "online", "place": "", "video_link": "https://meet.example.org/t",
           "format_key": "classic"}


def test_the_group_says_when_it_meets_from_and_to(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    url = f"/groups/{cast.group.pk}/edit/"
    response = client.post(url, {**EDIT, "starts_on": "2031-01-13", "ends_on": "2030-12-15"})
    assert "The group ends after it starts." in text(response)
    cast.group.refresh_from_db()
    assert cast.group.ends_on is None
    client.post(url, {**EDIT, "starts_on": "2031-01-13", "ends_on": "2031-12-15"})
    page = text(client.get(f"/groups/{cast.group.pk}/"))
    assert "The group meets from Jan. 13, 2031 to Dec. 15, 2031." in page


def test_the_closing_meeting_is_marked(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    client.post(f"/groups/{cast.group.pk}/meetings/new/", {**MEETING, "closing": "on"})
    assert Meeting.objects.get(starts_at__year=2031).closing
    client.force_login(cast.members[0])
    assert "Closing meeting" in text(client.get(f"/groups/{cast.group.pk}/"))


def test_a_group_ends_once_nothing_is_planned_and_keeps_its_records(client: Client,
                                                                    cast: Cast) -> None:
    ahead = services.meeting_schedule(group=cast.group,
                                      starts_at=timezone.now() + timedelta(days=3),
                                      duration_minutes=90, setting="online",
                                      video_link="https://meet.example.org/t")
    client.force_login(cast.leader)
    url = f"/groups/{cast.group.pk}/end/"
    assert "End Tuesday GPs?" in text(client.get(url))
    response = client.post(url, follow=True)
    assert "Meetings are still planned" in text(response)
    cast.group.refresh_from_db()
    assert cast.group.archived_at is None
    services.meeting_cancel(meeting=ahead)
    page = text(client.post(url, follow=True))
    assert "The group has ended. Its records are kept." in page
    assert "Schedule a series" not in page and "Send the invitation" not in page
    # Nothing new: no meeting, no invitation.
    response = client.post(f"/groups/{cast.group.pk}/meetings/new/", MEETING)
    assert "This group has ended" in text(response)
    client.post(f"/groups/{cast.group.pk}/invitations/", {"email": "new@example.org"})
    assert not Invitation.objects.filter(email="new@example.org").exists()
    assert not Meeting.objects.filter(starts_at__year=2031).exists()
    # The members still find the group and their hours.
    client.force_login(cast.members[0])
    assert "This group ended on" in text(client.get(f"/groups/{cast.group.pk}/"))
    assert client.get(f"/groups/{cast.group.pk}/records/").status_code == 200


def test_only_a_leader_ends_the_group(client: Client, cast: Cast) -> None:
    url = f"/groups/{cast.group.pk}/end/"
    for someone in (cast.members[0], cast.outsider):
        client.force_login(someone)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    client.logout()
    assert_login_redirect(client.post(url), url)
    cast.group.refresh_from_db()
    assert cast.group.archived_at is None


def test_an_ended_group_is_listed_after_those_that_meet(client: Client, cast: Cast) -> None:
    later = services.group_create(by=cast.leader, name="Aardvark group", setting="online")
    services.group_archive(group=later)
    client.force_login(cast.leader)
    page = text(client.get("/"))
    assert page.index("Tuesday GPs") < page.index("Aardvark group")
    assert "Ended" in page[page.index("Aardvark group"):]
