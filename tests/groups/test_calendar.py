"""Her meetings in her calendar program: a private, revocable address; a feed that a
second, independent iCalendar library expands to exactly the meetings the group has."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from django.test import Client
from icalendar import Calendar

from balintroom.groups import services
from balintroom.groups.models import CalendarFeed, Meeting
from tests.conftest import Cast
from tests.groups.helpers import assert_login_redirect, text

BERLIN = ZoneInfo("Europe/Berlin")
SITE = "https://balint.example.org"


@pytest.fixture(autouse=True)
def site_url(settings) -> None:
    settings.SITE_URL = SITE


def feed_path(client: Client) -> str:
    client.post("/calendar/new-address/")
    page = text(client.get("/calendar/"))
    start = page.index(f'value="{SITE}/calendar/') + len('value="') + len(SITE)
    return page[start:page.index('"', start)]


def expanded(client: Client, path: str) -> set[tuple[datetime, datetime, str]]:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = recurring_ical_events.of(calendar).between(datetime(2029, 1, 1, tzinfo=UTC),
                                                        datetime(2032, 1, 1, tzinfo=UTC))
    return {(e["DTSTART"].dt.astimezone(UTC),
             (e["DTEND"].dt if "DTEND" in e else e["DTSTART"].dt + e["DURATION"].dt)
             .astimezone(UTC), str(e.get("STATUS"))) for e in events}


def in_database(cast: Cast) -> set[tuple[datetime, datetime, str]]:
    meetings = Meeting.objects.filter(group=cast.group, starts_at__year__gte=2029)
    return {(m.starts_at.astimezone(UTC), m.ends_at.astimezone(UTC),
             "CANCELLED" if m.cancelled else "CONFIRMED") for m in meetings}


def test_the_feed_holds_exactly_the_groups_meetings(client: Client, cast: Cast) -> None:
    series = services.series_create(
        group=cast.group, recurrence="weekly", first_date=date(2030, 10, 15),
        start_time=time(19, 0), zone="Europe/Berlin", count=6, duration_minutes=90,
        setting="online", video_link="https://meet.example.org/tuesday")
    meetings = list(series.meetings.order_by("starts_at"))
    services.meeting_skip(meeting=meetings[1])  # a holiday
    services.meeting_update(meeting=meetings[2],  # moved to the Wednesday, longer
                            starts_at=datetime(2030, 10, 30, 18, 0, tzinfo=BERLIN),
                            duration_minutes=120)
    services.meeting_cancel(meeting=meetings[3], reason="The leader is ill.")
    services.meeting_schedule(group=cast.group, starts_at=datetime(2031, 3, 1, 9, 0,
                                                                   tzinfo=BERLIN),
                              duration_minutes=408, setting="in_person",
                              place="Seminar room 2", format_key="block_day")
    client.force_login(cast.member)
    got = expanded(client, feed_path(client))
    assert got == in_database(cast)
    # Across the clock change (27 October), still 19:00 in Berlin.
    starts = sorted(start.astimezone(BERLIN) for start, _end, status in got
                    if status == "CONFIRMED" and start.month in (10, 11))
    assert {s.time() for s in starts} == {time(19, 0), time(18, 0)}  # 18:00: the moved one


def test_the_feed_says_what_calendar_programs_need(client: Client, cast: Cast) -> None:
    series = services.series_create(
        group=cast.group, recurrence="monthly", first_date=date(2030, 10, 1),
        start_time=time(19, 0), zone="Europe/Berlin", count=10, duration_minutes=90,
        setting="online", video_link="https://meet.example.org/tuesday")
    first, second, third = list(series.meetings.order_by("starts_at"))[:3]
    services.meeting_skip(meeting=second)
    services.meeting_cancel(meeting=third, reason="Holiday")
    client.force_login(cast.member)
    path = feed_path(client)
    body = client.get(path).content.decode()
    calendar = Calendar.from_ical(body)
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Berlin"
    events = calendar.walk("VEVENT")
    master = next(e for e in events if "RRULE" in e)
    rule = master["RRULE"]
    assert (rule["FREQ"], rule["BYDAY"], rule["COUNT"]) == (["MONTHLY"], ["+1TU"], [10])
    assert master["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert master["SEQUENCE"] == 1  # a date taken out
    assert "EXDATE" in master
    cancelled = next(e for e in events if e.get("STATUS") == "CANCELLED")
    assert cancelled["UID"] == master["UID"] and "RECURRENCE-ID" in cancelled
    assert cancelled["SEQUENCE"] == 1
    assert "Holiday" in str(cancelled["DESCRIPTION"])
    # The same meeting keeps its UID from one fetch to the next.
    again = Calendar.from_ical(client.get(path).content)
    assert {e["UID"] for e in again.walk("VEVENT")} == {e["UID"] for e in events}
    assert f"{SITE}/m/{first.pk}/room/" in body.replace("\r\n ", "")


def test_the_address_is_made_on_request_and_a_new_one_ends_the_old(client: Client,
                                                                    cast: Cast) -> None:
    client.force_login(cast.member)
    page = text(client.get("/calendar/"))
    assert "Make my calendar address" in page
    assert not CalendarFeed.objects.exists()  # looking makes nothing
    old = feed_path(client)
    assert client.get(old).status_code == 200
    response = client.post("/calendar/new-address/", follow=True)
    assert "the old one no longer works" in text(response)
    new = feed_path(client)
    assert new != old
    client.logout()  # a calendar program signs in to nothing
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_a_feed_holds_only_her_own_groups(client: Client, cast: Cast) -> None:
    theirs = services.meeting_schedule(group=cast.other_group,
                                       starts_at=datetime(2030, 5, 5, 9, 0, tzinfo=UTC),
                                       duration_minutes=90, setting="in_person",
                                       place="Elsewhere")
    client.force_login(cast.member)
    body = client.get(feed_path(client)).content.decode()
    assert "Elsewhere" not in body and f"meeting-{theirs.pk}@" not in body
    assert cast.group.name in body


@pytest.mark.parametrize("token", ["", "x" * 32, "../../etc/passwd", "%00"])
def test_an_unknown_address_is_not_there(client: Client, cast: Cast, token: str) -> None:
    assert client.get(f"/calendar/{token}/meetings.ics").status_code == 404


def test_the_address_page_wants_her_signed_in(client: Client, cast: Cast) -> None:
    assert_login_redirect(client.get("/calendar/"), "/calendar/")
    assert_login_redirect(client.post("/calendar/new-address/"), "/calendar/new-address/")
    assert client.get("/calendar/new-address/").status_code in (302, 405)
    assert not CalendarFeed.objects.exists()


def test_a_series_on_given_dates_is_expanded_as_the_group_has_it(client: Client,
                                                                 cast: Cast) -> None:
    series = services.series_create(
        group=cast.group, recurrence="dates", first_date=date(2031, 3, 7),
        start_time=time(9, 0), zone="Europe/Berlin", count=0, duration_minutes=408,
        setting="in_person", place="Seminar house", format_key="block_day",
        dates=[date(2031, 3, 7), date(2031, 3, 8), date(2031, 5, 9), date(2031, 5, 10)])
    services.meeting_skip(meeting=series.meetings.order_by("starts_at")[2])
    client.force_login(cast.member)
    path = feed_path(client)
    assert expanded(client, path) == in_database(cast)
    body = client.get(path).content.decode()
    assert "RDATE;TZID=Europe/Berlin" in body and "RRULE" not in body
