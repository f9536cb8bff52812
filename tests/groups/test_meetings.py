from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from balintroom.groups import services
from balintroom.groups.models import Meeting
from tests.conftest import Cast
from tests.groups.helpers import assert_login_redirect, text

VALID = {
    "date": "2030-06-10",
    "time": "18:30",
    "duration_minutes": "90",
    "setting": "online",
    "place": "",
    "video_link": "https://meet.example.org/tuesday",
    "format_key": "classic",
}


def new_url(cast: Cast) -> str:
    return f"/groups/{cast.group.pk}/meetings/new/"


def edit_url(cast: Cast, meeting: Meeting) -> str:
    return f"/groups/{cast.group.pk}/meetings/{meeting.pk}/edit/"


def cancel_url(cast: Cast, meeting: Meeting) -> str:
    return f"/groups/{cast.group.pk}/meetings/{meeting.pk}/cancel/"


WEEK = timedelta(days=7)


def later(cast: Cast, **fields: object) -> Meeting:
    values: dict[str, object] = {
        "group": cast.group, "starts_at": datetime(2030, 6, 10, 16, 30, tzinfo=UTC),
        "duration_minutes": 90, "setting": "online", "video_link": "https://meet.example.org/a",
    }
    values.update(fields)
    return Meeting.objects.create(**values)


def new_meetings(cast: Cast):
    return Meeting.objects.exclude(pk=cast.meeting.pk)


# Scheduling


def test_it_schedules_in_the_leaders_time_zone(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)  # Europe/Berlin: summer time, two hours ahead of UTC
    form = client.get(new_url(cast))
    assert form.status_code == 200
    assert "Europe/Berlin" in text(form)
    response = client.post(new_url(cast), VALID, follow=True)
    meeting = new_meetings(cast).get()
    assert meeting.starts_at == datetime(2030, 6, 10, 16, 30, tzinfo=UTC)
    assert meeting.duration_minutes == 90
    assert meeting.video_link == "https://meet.example.org/tuesday"
    assert meeting.format_key == "classic"
    page = text(response)
    assert "The meeting was scheduled." in page
    assert "June 10, 2030, 6:30 p.m.</strong> &ndash; 8 p.m." in page
    assert f"/m/{meeting.pk}/room/" in page


def test_it_reads_the_time_in_another_leaders_zone(client: Client, cast: Cast) -> None:
    cast.coleader.timezone = "America/New_York"
    cast.coleader.save()
    client.force_login(cast.coleader)
    client.post(new_url(cast), {**VALID, "date": "2030-01-15", "time": "13:00"})
    meeting = new_meetings(cast).get()
    assert meeting.starts_at == datetime(2030, 1, 15, 18, 0, tzinfo=UTC)
    # Members elsewhere see it in their own zone.
    client.force_login(cast.member)  # Europe/Berlin
    assert "Jan. 15, 2030, 7 p.m.</strong>" in text(client.get(f"/groups/{cast.group.pk}/"))


def test_it_refuses_a_time_that_does_not_exist(client: Client, cast: Cast) -> None:
    # Clocks in Berlin jump from 2:00 to 3:00 on 31 March 2030.
    client.force_login(cast.leader)
    response = client.post(new_url(cast), {**VALID, "date": "2030-03-31", "time": "02:30"})
    assert response.status_code == 200
    assert "couldn’t be interpreted in time zone Europe/Berlin" in text(response)
    assert not new_meetings(cast).exists()


def test_it_meets_in_person(client: Client, cast: Cast) -> None:
    cast.group.video_link = "https://meet.example.org/group"
    cast.group.save()
    client.force_login(cast.leader)
    response = client.post(new_url(cast), {**VALID, "setting": "in_person", "video_link": "",
                                           "place": "Practice Weber, room 2"}, follow=True)
    meeting = new_meetings(cast).get()
    assert meeting.setting == "in_person"
    assert meeting.place == "Practice Weber, room 2"
    assert meeting.video_link == ""  # no video link for a meeting in the room
    assert "Practice Weber, room 2" in text(response)


def test_it_uses_the_groups_link_for_an_online_meeting(client: Client, cast: Cast) -> None:
    cast.group.video_link = "https://meet.example.org/group"
    cast.group.save()
    client.force_login(cast.leader)
    client.post(new_url(cast), {**VALID, "video_link": ""})
    assert new_meetings(cast).get().video_link == "https://meet.example.org/group"


@pytest.mark.parametrize(("change", "message"), [
    ({"duration_minutes": "0"}, "Ensure this value is greater than or equal to 10."),
    ({"duration_minutes": "721"}, "Ensure this value is less than or equal to 720."),
    ({"duration_minutes": "ninety"}, "Enter a whole number."),
    ({"date": ""}, "This field is required."),
    ({"date": "10/06/2030x"}, "Enter a valid date."),
    ({"time": ""}, "This field is required."),
    ({"video_link": "meet example org"}, "Enter a valid URL."),
    ({"video_link": "javascript:alert(1)"}, "Enter a valid URL."),
    ({"video_link": ""}, "Add the link of the video call."),
    ({"setting": "in_person", "place": ""}, "Say where the group meets in person."),
    ({"setting": "on_the_moon"}, "Select a valid choice."),
    ({"format_key": "speed_dating"}, "Select a valid choice."),
    ({"date": "2020-01-01"}, "This date and time are in the past."),
])
def test_it_shows_what_is_wrong(client: Client, cast: Cast, change: dict[str, str],
                                message: str) -> None:
    client.force_login(cast.leader)
    response = client.post(new_url(cast), {**VALID, **change})
    assert response.status_code == 200
    page = text(response)
    assert "Please correct what is marked below." in page
    assert message in page
    assert 'class="errorlist' in page
    assert not new_meetings(cast).exists()


def test_it_does_not_let_a_member_schedule(client: Client, cast: Cast) -> None:
    client.force_login(cast.member)
    assert client.get(new_url(cast)).status_code == 404
    assert client.post(new_url(cast), VALID).status_code == 404
    assert not new_meetings(cast).exists()


def test_it_does_not_let_an_outsider_schedule(client: Client, cast: Cast) -> None:
    client.force_login(cast.outsider)
    assert client.get(new_url(cast)).status_code == 404
    assert client.post(new_url(cast), VALID).status_code == 404
    assert not new_meetings(cast).exists()


def test_it_requires_login_to_schedule(client: Client, cast: Cast) -> None:
    assert_login_redirect(client.get(new_url(cast)), new_url(cast))
    assert_login_redirect(client.post(new_url(cast), VALID), new_url(cast))
    assert not new_meetings(cast).exists()


# Editing


def test_it_shows_the_meeting_in_the_leaders_time_zone_for_editing(client: Client,
                                                                    cast: Cast) -> None:
    meeting = later(cast)
    client.force_login(cast.leader)
    page = text(client.get(edit_url(cast, meeting)))
    assert 'value="2030-06-10"' in page
    assert 'value="18:30"' in page


def test_it_changes_a_meeting(client: Client, cast: Cast) -> None:
    meeting = later(cast)
    client.force_login(cast.coleader)
    response = client.post(edit_url(cast, meeting),
                           {**VALID, "time": "19:00", "duration_minutes": "180"}, follow=True)
    meeting.refresh_from_db()
    assert meeting.starts_at == datetime(2030, 6, 10, 17, 0, tzinfo=UTC)
    assert meeting.duration_minutes == 180
    assert "The meeting was changed." in text(response)
    assert "June 10, 2030, 7 p.m.</strong> &ndash; 10 p.m." in text(response)


def test_it_keeps_a_meeting_on_bad_input(client: Client, cast: Cast) -> None:
    meeting = later(cast)
    client.force_login(cast.leader)
    response = client.post(edit_url(cast, meeting), {**VALID, "duration_minutes": "0",
                                                     "date": ""})
    assert response.status_code == 200
    assert "Ensure this value is greater than or equal to 10." in text(response)
    meeting.refresh_from_db()
    assert meeting.duration_minutes == 90
    assert meeting.starts_at == datetime(2030, 6, 10, 16, 30, tzinfo=UTC)


def test_it_lets_a_running_meeting_keep_its_start(client: Client, cast: Cast) -> None:
    # The meeting has begun; the leader makes it longer.
    start = timezone.localtime(cast.meeting.starts_at, ZoneInfo("Europe/Berlin"))
    original_start = cast.meeting.starts_at
    client.force_login(cast.leader)
    response = client.post(edit_url(cast, cast.meeting), {
        **VALID, "date": start.date().isoformat(), "time": start.strftime("%H:%M"),
        "duration_minutes": "120"})
    assert response.status_code == 302
    cast.meeting.refresh_from_db()
    assert cast.meeting.duration_minutes == 120
    assert cast.meeting.starts_at == original_start


def test_it_does_not_let_a_member_edit(client: Client, cast: Cast) -> None:
    meeting = later(cast)
    client.force_login(cast.member)
    assert client.get(edit_url(cast, meeting)).status_code == 404
    assert client.post(edit_url(cast, meeting), {**VALID, "time": "07:00"}).status_code == 404
    meeting.refresh_from_db()
    assert meeting.starts_at == datetime(2030, 6, 10, 16, 30, tzinfo=UTC)


def test_it_does_not_let_an_outsider_edit(client: Client, cast: Cast) -> None:
    meeting = later(cast)
    client.force_login(cast.outsider)
    assert client.get(edit_url(cast, meeting)).status_code == 404
    assert client.post(edit_url(cast, meeting), {**VALID, "time": "07:00"}).status_code == 404
    # Nor through her own group's address.
    url = f"/groups/{cast.other_group.pk}/meetings/{meeting.pk}/edit/"
    assert client.post(url, {**VALID, "time": "07:00"}).status_code == 404
    meeting.refresh_from_db()
    assert meeting.starts_at == datetime(2030, 6, 10, 16, 30, tzinfo=UTC)


def test_it_requires_login_to_edit(client: Client, cast: Cast) -> None:
    meeting = later(cast)
    assert_login_redirect(client.get(edit_url(cast, meeting)), edit_url(cast, meeting))
    assert_login_redirect(client.post(edit_url(cast, meeting), VALID), edit_url(cast, meeting))


# Cancelling


def test_it_asks_before_cancelling(client: Client, cast: Cast) -> None:
    meeting = later(cast)
    client.force_login(cast.leader)
    response = client.get(cancel_url(cast, meeting) + "confirm/")
    assert response.status_code == 200
    assert "June 10, 2030, 6:30 p.m." in text(response)
    assert f'action="{cancel_url(cast, meeting)}"' in text(response)
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_it_cancels_a_meeting_with_a_reason(client: Client, cast: Cast) -> None:
    meeting = services.meeting_schedule(group=cast.group, starts_at=timezone.now() + WEEK,
                                        duration_minutes=90, setting="online",
                                        video_link="https://meet.example.org/a")
    client.force_login(cast.leader)
    response = client.post(cancel_url(cast, meeting), {"reason": "The leader  is ill."},
                           follow=True)
    page = text(response)
    assert "The meeting was cancelled." in page
    # It stays on the schedule, marked, with the reason; its room is not open.
    assert "Cancelled" in page and "The leader is ill." in page
    assert f"/m/{meeting.pk}/room/" not in page
    meeting.refresh_from_db()
    assert meeting.cancelled and meeting.sequence == 1
    client.force_login(cast.member)
    room = client.get(f"/m/{meeting.pk}/room/", follow=True)
    assert "This meeting was cancelled." in text(room)
    # Once is enough.
    client.force_login(cast.leader)
    again = client.post(cancel_url(cast, meeting), {"reason": "Twice"}, follow=True)
    assert "This meeting is already cancelled." in text(again)
    meeting.refresh_from_db()
    assert meeting.cancel_reason == "The leader is ill."


def test_a_reason_too_long_changes_nothing(client: Client, cast: Cast) -> None:
    meeting = later(cast)
    client.force_login(cast.leader)
    response = client.post(cancel_url(cast, meeting), {"reason": "x" * 201}, follow=True)
    assert "Keep the reason to 200 characters." in text(response)
    meeting.refresh_from_db()
    assert not meeting.cancelled


def test_it_keeps_a_meeting_that_has_begun(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    page = text(client.get(f"/groups/{cast.group.pk}/"))
    assert f"meetings/{cast.meeting.pk}/cancel/" not in page
    response = client.post(cancel_url(cast, cast.meeting), follow=True)
    assert "This meeting has already begun" in text(response)
    assert Meeting.objects.filter(pk=cast.meeting.pk).exists()


def test_it_does_not_let_a_member_cancel(client: Client, cast: Cast) -> None:
    meeting = later(cast)
    client.force_login(cast.member)
    assert client.get(cancel_url(cast, meeting) + "confirm/").status_code == 404
    assert client.post(cancel_url(cast, meeting)).status_code == 404
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    assert "/cancel/" not in text(client.get(f"/groups/{cast.group.pk}/"))


def test_it_does_not_let_an_outsider_cancel(client: Client, cast: Cast) -> None:
    meeting = later(cast)
    client.force_login(cast.outsider)
    assert client.get(cancel_url(cast, meeting) + "confirm/").status_code == 404
    assert client.post(cancel_url(cast, meeting)).status_code == 404
    url = f"/groups/{cast.other_group.pk}/meetings/{meeting.pk}/cancel/"
    assert client.post(url).status_code == 404
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_it_cancels_by_post_only(client: Client, cast: Cast) -> None:
    meeting = later(cast)
    client.force_login(cast.leader)
    assert client.get(cancel_url(cast, meeting)).status_code == 405
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_it_requires_login_to_cancel(client: Client, cast: Cast) -> None:
    meeting = later(cast)
    url = cancel_url(cast, meeting)
    assert_login_redirect(client.post(url), url)
    assert_login_redirect(client.get(url + "confirm/"), url + "confirm/")
    assert Meeting.objects.filter(pk=meeting.pk).exists()


# What members see


def test_it_shows_members_the_schedule(client: Client, cast: Cast) -> None:
    upcoming = later(cast, setting="in_person", place="Practice Weber", video_link="")
    past = later(cast, starts_at=timezone.now() - timedelta(days=14))
    client.force_login(cast.members[2])
    page = text(client.get(f"/groups/{cast.group.pk}/"))
    assert "Practice Weber" in page
    assert f"/m/{upcoming.pk}/room/" in page
    assert f"/m/{cast.meeting.pk}/room/" in page  # the one going on now
    assert page.index("Upcoming meetings") < page.index("Past meetings")
    assert f"/m/{past.pk}/room/" not in page
    assert "/edit/" not in page
