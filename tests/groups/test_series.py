"""A year of meetings in one sitting: a series every week, every two weeks or on the same
weekday of each month, at the same local time when the clocks change; single dates
taken out, one meeting moved or cancelled."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from balintroom.groups import services
from balintroom.groups.models import Meeting, MeetingSeries
from tests.conftest import Cast
from tests.groups.helpers import assert_login_redirect, text

BERLIN = ZoneInfo("Europe/Berlin")
SERIES = {
    "recurrence": "fortnightly", "date": "2030-10-08", "time": "19:00", "count": "6",
    "duration_minutes": "90", "setting": "online", "place": "",
    "video_link": "https://meet.example.org/tuesday", "format_key": "double_hour",
}


def series_url(cast: Cast) -> str:
    return f"/groups/{cast.group.pk}/series/new/"


def series_meetings(cast: Cast) -> list[Meeting]:
    return list(Meeting.objects.filter(group=cast.group, series__isnull=False)
                .order_by("starts_at"))


def test_a_fortnightly_series_keeps_its_local_time_across_the_clock_change(
        client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)  # Europe/Berlin; summer time ends on 27 October 2030
    response = client.post(series_url(cast), SERIES, follow=True)
    assert "6 meetings were scheduled." in text(response)
    meetings = series_meetings(cast)
    local = [m.starts_at.astimezone(BERLIN) for m in meetings]
    assert [d.date() for d in local] == [date(2030, 10, 8), date(2030, 10, 22),
                                         date(2030, 11, 5), date(2030, 11, 19),
                                         date(2030, 12, 3), date(2030, 12, 17)]
    assert {d.time() for d in local} == {time(19, 0)}
    # In UTC the hour moves, as the clocks do.
    assert meetings[0].starts_at.hour == 17 and meetings[2].starts_at.hour == 18
    assert {m.duration_minutes for m in meetings} == {90}
    assert f"/m/{meetings[0].pk}/room/" in text(response)


@pytest.mark.parametrize(("first", "expected"), [
    # The first Tuesday of each month...
    ("2030-01-01", [date(2030, 1, 1), date(2030, 2, 5), date(2030, 3, 5), date(2030, 4, 2)]),
    # ... and the last, when the first meeting is on a fifth one.
    ("2030-01-29", [date(2030, 1, 29), date(2030, 2, 26), date(2030, 3, 26),
                    date(2030, 4, 30)]),
])
def test_a_monthly_series_meets_on_the_same_weekday_of_the_month(
        client: Client, cast: Cast, first: str, expected: list[date]) -> None:
    client.force_login(cast.leader)
    client.post(series_url(cast), {**SERIES, "recurrence": "monthly", "date": first,
                                   "count": "4"})
    assert [m.starts_at.astimezone(BERLIN).date() for m in series_meetings(cast)] == expected


def test_a_block_seminar_format_sets_the_length_of_each_meeting(client: Client,
                                                               cast: Cast) -> None:
    client.force_login(cast.leader)
    client.post(series_url(cast), {**SERIES, "recurrence": "weekly", "count": "2",
                                   "format_key": "block_day"})
    assert {m.duration_minutes for m in series_meetings(cast)} == {408}


@pytest.mark.parametrize(("change", "message"), [
    ({"date": "2020-01-07"}, "This date and time are in the past."),
    ({"count": "61"}, "Ensure this value is less than or equal to 60."),
    ({"count": "1"}, "Ensure this value is greater than or equal to 2."),
    ({"recurrence": "daily"}, "Select a valid choice."),
])
def test_a_series_that_cannot_be_is_named_and_makes_nothing(
        client: Client, cast: Cast, change: dict[str, str], message: str) -> None:
    client.force_login(cast.leader)
    response = client.post(series_url(cast), {**SERIES, **change})
    assert response.status_code == 200
    assert message in text(response)
    assert not MeetingSeries.objects.exists() and series_meetings(cast) == []


def test_only_the_groups_leaders_schedule_a_series(client: Client, cast: Cast) -> None:
    for someone in (cast.member, cast.outsider):
        client.force_login(someone)
        assert client.get(series_url(cast)).status_code == 404
        assert client.post(series_url(cast), SERIES).status_code == 404
    client.logout()
    assert_login_redirect(client.post(series_url(cast), SERIES), series_url(cast))
    assert not MeetingSeries.objects.exists()


def make_series(cast: Cast, count: int = 4) -> MeetingSeries:
    return services.series_create(
        group=cast.group, recurrence="weekly", first_date=date(2030, 10, 15),
        start_time=time(19, 0), zone="Europe/Berlin", count=count, duration_minutes=90,
        setting="online", video_link="https://meet.example.org/tuesday")


def skip_url(cast: Cast, meeting: Meeting) -> str:
    return f"/groups/{cast.group.pk}/meetings/{meeting.pk}/skip/"


def test_a_date_taken_out_of_the_series_is_gone(client: Client, cast: Cast) -> None:
    series = make_series(cast)
    second = series_meetings(cast)[1]
    client.force_login(cast.leader)
    page = text(client.get(f"/groups/{cast.group.pk}/meetings/{second.pk}/cancel/confirm/"))
    assert "Take this date out" in page
    response = client.post(skip_url(cast, second), follow=True)
    assert "The date was taken out of the series." in text(response)
    assert len(series_meetings(cast)) == 3
    series.refresh_from_db()
    assert series.skipped == ["2030-10-22"] and series.sequence == 1


def test_a_date_is_taken_out_only_by_the_leaders_and_only_of_a_series(
        client: Client, cast: Cast) -> None:
    make_series(cast)
    first = series_meetings(cast)[0]
    for someone in (cast.member, cast.outsider):
        client.force_login(someone)
        assert client.post(skip_url(cast, first)).status_code == 404
    assert len(series_meetings(cast)) == 4
    with pytest.raises(ValidationError):
        services.meeting_skip(meeting=cast.meeting)  # on its own, and already begun
    assert Meeting.objects.filter(pk=cast.meeting.pk).exists()


def test_moving_one_meeting_of_a_series_raises_its_sequence(cast: Cast) -> None:
    make_series(cast)
    third = series_meetings(cast)[2]
    moved = datetime(2030, 10, 30, 18, 0, tzinfo=BERLIN)
    services.meeting_update(meeting=third, starts_at=moved)
    third.refresh_from_db()
    assert third.starts_at == moved and third.sequence == 1
    assert third.occurrence == date(2030, 10, 29)  # its date in the series stays


def test_the_dashboard_shows_the_next_few_meetings_and_no_room_for_a_cancelled_one(
        client: Client, cast: Cast) -> None:
    make_series(cast, count=20)
    meetings = series_meetings(cast)
    services.meeting_cancel(meeting=meetings[0], reason="Holiday")
    client.force_login(cast.member)
    page = text(client.get("/"))
    # Five in all: the meeting now in progress, the cancelled one (marked, without a room)
    # and the next three; not twenty.
    assert f"/m/{cast.meeting.pk}/room/" in page
    assert [m for m in meetings if f"/m/{m.pk}/room/" in page] == meetings[1:4]
    assert "Cancelled" in page


def test_a_block_seminar_on_given_days(client: Client, cast: Cast) -> None:
    client.force_login(cast.leader)
    response = client.post(series_url(cast), {
        **SERIES, "recurrence": "dates", "date": "", "count": "", "time": "09:00",
        "dates": "2031-03-08\n2031-03-07, 2031-05-09", "format_key": "block_day"},
        follow=True)
    assert "3 meetings were scheduled." in text(response)
    meetings = series_meetings(cast)
    assert [m.starts_at.astimezone(BERLIN) for m in meetings] == [
        datetime(2031, 3, 7, 9, 0, tzinfo=BERLIN), datetime(2031, 3, 8, 9, 0, tzinfo=BERLIN),
        datetime(2031, 5, 9, 9, 0, tzinfo=BERLIN)]
    assert {m.duration_minutes for m in meetings} == {408}


@pytest.mark.parametrize(("dates", "message"), [
    ("2031-03-07", "Give at least two dates."),
    ("2031-03-07 someday", "“someday” is not a date (for example 2031-03-06)."),
    ("2020-03-07 2020-03-08", "This date and time are in the past."),
])
def test_given_dates_that_cannot_be_are_named(client: Client, cast: Cast, dates: str,
                                              message: str) -> None:
    client.force_login(cast.leader)
    response = client.post(series_url(cast), {**SERIES, "recurrence": "dates", "date": "",
                                               "count": "", "dates": dates})
    assert response.status_code == 200
    assert message in text(response)
    assert not MeetingSeries.objects.exists()
