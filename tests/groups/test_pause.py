"""A member who pauses (parental leave) keeps her place: in those days she is not
reminded, and the roll call counts her excused."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from balintroom.groups import notices, services
from balintroom.groups.models import Membership, Notice, NoticeKind
from balintroom.records.services import meeting_roster
from tests.conftest import Cast
from tests.groups.helpers import assert_login_redirect, text


def pause_url(cast: Cast, membership: Membership) -> str:
    return f"/groups/{cast.group.pk}/members/{membership.pk}/pause/"


def anna(cast: Cast) -> Membership:
    return Membership.objects.get(group=cast.group, user=cast.members[0])


def test_a_leader_notes_a_pause_and_the_place_stays(client: Client, cast: Cast) -> None:
    today = timezone.localdate()
    client.force_login(cast.leader)
    response = client.post(pause_url(cast, anna(cast)), {
        "paused_from": today.isoformat(),
        "paused_until": (today + timedelta(days=180)).isoformat()}, follow=True)
    page = text(response)
    assert "The pause is noted; the place stays Anna&#x27;s." in page
    assert "On pause" in page
    assert Membership.objects.filter(group=cast.group, user=cast.members[0]).exists()
    # No reminder for a meeting in her pause; the others are reminded.
    cast.group.reminder_hours = 24
    cast.group.save()
    services.meeting_schedule(group=cast.group, starts_at=timezone.now() + timedelta(hours=5),
                              duration_minutes=90, setting="online",
                              video_link="https://meet.example.org/x")
    notices.reminders_due()
    reminded = set(Notice.objects.filter(kind=NoticeKind.REMINDER)
                   .values_list("user_id", flat=True))
    assert cast.members[0].pk not in reminded and cast.members[1].pk in reminded
    # The roll call counts her excused.
    roster = {line.user.pk: line.default_status for line in meeting_roster(cast.meeting)}
    assert roster[cast.members[0].pk] == "excused"
    assert roster[cast.members[1].pk] != "excused"
    # Back early.
    client.post(pause_url(cast, anna(cast)), {"resume": "1"})
    assert anna(cast).paused_until is None


def test_a_member_pauses_herself_but_nobody_else(client: Client, cast: Cast) -> None:
    today = timezone.localdate()
    data = {"paused_from": today.isoformat(),
            "paused_until": (today + timedelta(days=30)).isoformat()}
    client.force_login(cast.members[0])
    assert "Pause my membership" in text(client.get(f"/groups/{cast.group.pk}/"))
    client.post(pause_url(cast, anna(cast)), data)
    assert anna(cast).paused_until == today + timedelta(days=30)
    ben = Membership.objects.get(group=cast.group, user=cast.members[1])
    assert client.post(pause_url(cast, ben), data).status_code == 404
    client.force_login(cast.outsider)
    assert client.get(pause_url(cast, ben)).status_code == 404
    assert client.post(pause_url(cast, ben), data).status_code == 404
    client.logout()
    assert_login_redirect(client.post(pause_url(cast, ben), data), pause_url(cast, ben))
    ben.refresh_from_db()
    assert ben.paused_until is None


def test_a_pause_that_cannot_be_is_named_and_changes_nothing(client: Client,
                                                             cast: Cast) -> None:
    today = timezone.localdate()
    client.force_login(cast.leader)
    for data, message in [
        ({"paused_from": today.isoformat(),
          "paused_until": (today - timedelta(days=1)).isoformat()},
         "The pause ends after it begins."),
        ({"paused_from": (today - timedelta(days=30)).isoformat(),
          "paused_until": (today - timedelta(days=1)).isoformat()},
         "This pause would already be over."),
        ({"paused_from": "someday", "paused_until": ""}, "Enter a valid date."),
    ]:
        response = client.post(pause_url(cast, anna(cast)), data)
        assert response.status_code == 200
        assert message in text(response)
        assert anna(cast).paused_until is None
