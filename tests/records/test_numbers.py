"""Figures and times as the reader's language writes them: 0,50 and 19:52 for a German
reader, 0.50 and 7:52 p.m. (one period) for an English one; CSV stays machine-readable."""

import datetime as dt
import zoneinfo
from fractions import Fraction

import pytest
from django.urls import reverse
from django.utils import translation

from balintroom.records import services
from balintroom.records.numbers import figure
from tests.conftest import Cast
from tests.groups.helpers import text

from .conftest import client_for, past_meeting

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(("language", "value", "whole_bare", "shown"), [
    ("en", Fraction(1, 2), True, "0.50"),
    ("de", Fraction(1, 2), True, "0,50"),
    ("de", Fraction(80, 45), True, "1,77"),  # rounded down
    ("de", 12, True, "12"),
    ("de", 12, False, "12,00"),
    ("de", "5.11", False, "5,11"),  # as a certificate keeps it
    ("en", "2.00", False, "2.00"),
    ("de", None, True, ""),
])
def test_it_writes_a_figure_in_the_readers_language(language: str, value: object,
                                                   whole_bare: bool, shown: str) -> None:
    with translation.override(language):
        assert figure(value, whole_bare=whole_bare) == shown  # type: ignore[arg-type]


@pytest.fixture
def evening(cast: Cast) -> Cast:
    """Ben came to a 45-minute meeting that began at 19:52 in Berlin: half a double hour."""
    start = dt.datetime(2026, 3, 10, 19, 52, tzinfo=BERLIN)
    meeting = past_meeting(cast.group, starts_at=start, minutes=45, setting="in_person")
    services.attendance_confirm(meeting=meeting, by=cast.leader,
                                roll_call={cast.members[1].pk: "present"})
    return cast


def _reader(cast: Cast, language: str):  # noqa: ANN202 - a test client
    cast.leader.language = language
    cast.leader.save()
    return client_for(cast.leader)


def test_a_german_reader_sees_decimal_commas(evening: Cast) -> None:
    html = text(_reader(evening, "de").get(reverse("group_hours", args=[evening.group.pk])))
    assert ">0,50</td>" in html
    assert "0.50" not in html


def test_an_english_reader_sees_decimal_points(evening: Cast) -> None:
    html = text(_reader(evening, "en").get(reverse("group_hours", args=[evening.group.pk])))
    assert ">0.50</td>" in html
    assert "0,50" not in html


def test_the_csv_stays_machine_readable_in_any_language(evening: Cast) -> None:
    response = _reader(evening, "de").get(reverse("group_hours_csv",
                                                  args=[evening.group.pk]))
    csv = response.content.decode()
    assert ",0.50" in csv and "0,50" not in csv


@pytest.mark.parametrize(("language", "time"), [("en", "7:52 p.m."), ("de", "19:52")])
def test_a_time_ends_with_one_period(evening: Cast, language: str, time: str) -> None:
    client = _reader(evening, language)
    html = text(client.get(reverse("records_group", args=[evening.group.pk])))
    assert time in html
    assert "p.m.." not in html and "a.m.." not in html


def test_the_attendance_page_ends_a_time_with_one_period(evening: Cast) -> None:
    meeting = evening.group.meetings.get(duration_minutes=45)
    html = text(_reader(evening, "en").get(reverse("meeting_attendance", args=[meeting.pk])))
    assert "7:52 p.m." in html
    assert "p.m.." not in html
