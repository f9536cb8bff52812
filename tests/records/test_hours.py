"""Hours arithmetic: intervals, the room's presence, units and double hours, periods and
time zones. Plain Python, no database."""

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from balintroom.records import hours
from balintroom.records.hours import Session

BERLIN = ZoneInfo("Europe/Berlin")
T0 = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def span(a: float, b: float) -> tuple[datetime, datetime]:
    return (at(a), at(b))


def test_it_needs_no_django() -> None:
    code = ("import sys; import balintroom.records.hours, balintroom.records.schemes; "
            "balintroom.records.schemes.shipped(); "
            "assert not [m for m in sys.modules if m.startswith('django')], 'django imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_it_merges_overlapping_and_touching_intervals() -> None:
    assert hours.union([span(30, 60), span(0, 10), span(5, 20), span(60, 70)]) == [
        span(0, 20), span(30, 70)]


def test_it_bridges_short_gaps_only() -> None:
    merged = hours.union([span(0, 10), span(10.5, 20), span(25, 30)],
                         bridge=timedelta(seconds=30))
    assert merged == [span(0, 20), span(25, 30)]


def test_it_drops_empty_and_reversed_intervals() -> None:
    assert hours.union([span(5, 5), span(9, 3)]) == []


def test_it_clips_to_the_meeting() -> None:
    assert hours.clip([span(-10, 20), span(80, 100), span(95, 99)], at(0), at(90)) == [
        span(0, 20), span(80, 90)]


def test_it_subtracts_holes() -> None:
    assert hours.subtract([span(0, 90)], [span(20, 30), span(25, 40), span(85, 100)]) == [
        span(0, 20), span(40, 85)]


def test_presence_is_the_union_clipped_less_stepping_out() -> None:
    # Two tabs, open before the start and after the end; out for 10 minutes.
    found = hours.presence(connections=[span(-5, 50), span(40, 95)],
                           stepped_out=[span(20, 30)], starts_at=at(0), ends_at=at(90))
    assert found.minutes == 80
    assert found.stepped_out_minutes == 10
    assert (found.joined_at, found.left_at) == (at(0), at(90))


def test_stepping_out_while_not_in_the_room_does_not_count_twice() -> None:
    found = hours.presence(connections=[span(0, 40)], stepped_out=[span(30, 60)],
                           starts_at=at(0), ends_at=at(90))
    assert (found.minutes, found.stepped_out_minutes) == (30, 10)


def test_a_reconnect_within_the_grace_period_is_no_absence() -> None:
    found = hours.presence(connections=[span(0, 45), span(45.4, 90)], stepped_out=[],
                           starts_at=at(0), ends_at=at(90), bridge=timedelta(seconds=30))
    assert found.minutes == 90
    without = hours.presence(connections=[span(0, 45), span(45.4, 90)], stepped_out=[],
                             starts_at=at(0), ends_at=at(90))
    assert without.minutes == 89  # 89.6 minutes, rounded down


def test_presence_outside_the_meeting_counts_nothing() -> None:
    found = hours.presence(connections=[span(-60, -1), span(91, 120)], stepped_out=[],
                           starts_at=at(0), ends_at=at(90))
    assert found == hours.Presence(0, 0, None, None)
    assert not found.opened_room


def test_a_meeting_across_midnight_counts_whole_on_the_day_it_began() -> None:
    start = datetime(2026, 1, 31, 23, 30, tzinfo=BERLIN)
    found = hours.presence(connections=[(start, start + timedelta(minutes=90))], stepped_out=[],
                           starts_at=start, ends_at=start + timedelta(minutes=90))
    assert found.minutes == 90
    session = Session(start, found.minutes, "online")
    assert hours.period_key(start, BERLIN, "month") == "2026-01"
    assert list(hours.by_period([session], BERLIN, "month")) == ["2026-01"]
    assert hours.within([session], BERLIN, date(2026, 2, 1), None) == []
    assert hours.within([session], BERLIN, date(2026, 1, 31), date(2026, 1, 31)) == [session]


def test_the_period_depends_on_the_time_zone() -> None:
    start = datetime(2026, 3, 31, 22, 30, tzinfo=UTC)  # 00:30 on 1 April in Berlin
    session = Session(start, 90, "in_person")
    assert list(hours.by_period([session], UTC, "month")) == ["2026-03"]
    assert list(hours.by_period([session], BERLIN, "month")) == ["2026-04"]
    assert list(hours.by_period([session], UTC, "quarter")) == ["2026-Q1"]
    assert list(hours.by_period([session], BERLIN, "quarter")) == ["2026-Q2"]
    assert list(hours.by_period([session], BERLIN, "year")) == ["2026"]
    with pytest.raises(ValueError):
        hours.period_key(start, UTC, "week")


def test_units_and_double_hours_are_exact() -> None:
    assert hours.units(90) == 2
    assert hours.double_hours(90) == 1
    assert hours.units(80) == Fraction(16, 9)
    assert str(hours.decimal(hours.units(80))) == "1.77"  # 1.777..., rounded down
    assert str(hours.decimal(hours.double_hours(45))) == "0.50"


def test_totals_keep_in_person_and_online_apart() -> None:
    found = hours.totals([Session(at(0), 90, "in_person"), Session(at(1), 60, "online"),
                          Session(at(2), 0, "online")])
    assert (found.sessions, found.minutes_in_person, found.minutes_online) == (2, 90, 60)
    assert found.units == Fraction(150, 45)
    assert found.as_dict()["units"] == "3.33"
    assert found.as_dict()["double_hours"] == "1.66"


def test_a_correction_changes_the_totals() -> None:
    before = [Session(at(0), 90, "online"), Session(at(100), 90, "online")]
    corrected = [before[0], Session(at(100), 45, "in_person")]
    assert hours.totals(before).units == 4
    assert hours.totals(corrected).units == 3
    assert hours.totals(corrected).units_in_person == 1


def test_it_refuses_unknown_settings_and_negative_minutes() -> None:
    with pytest.raises(ValueError):
        Session(at(0), 10, "hybrid")
    with pytest.raises(ValueError):
        Session(at(0), -1, "online")


def test_months_between_counts_whole_months() -> None:
    assert hours.months_between(date(2026, 1, 10), date(2026, 7, 10)) == 6
    assert hours.months_between(date(2026, 1, 10), date(2026, 7, 9)) == 5
    assert hours.months_between(date(2026, 1, 31), date(2026, 2, 28)) == 1
    assert hours.months_between(date(2026, 5, 1), date(2026, 4, 1)) == 0
    assert hours.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert hours.add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
