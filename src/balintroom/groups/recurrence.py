"""A series' rule, as a calendar reads it (RFC 5545's RRULE), and the dates it gives.

The same rule text makes the meetings (here, with dateutil) and stands in the members'
calendar feeds (groups/calendar.py): what a calendar program expands is what the group
has. Dates are local to the series' time zone, so daylight-saving changes keep the hour."""

from collections.abc import Sequence
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def nth_weekday(day: date) -> int:
    """Which of its month's weekdays this is: 1 for the first Tuesday ... -1 for the last,
    when it is the fifth (a month does not always have one)."""
    n = (day.day - 1) // 7 + 1
    return -1 if n == 5 else n


def rule_text(recurrence: str, first: date, count: int) -> str:
    """The RRULE of a regular series (a series on given dates has none: its RDATEs)."""
    if recurrence == "weekly":
        return f"FREQ=WEEKLY;INTERVAL=1;COUNT={count}"
    if recurrence == "fortnightly":
        return f"FREQ=WEEKLY;INTERVAL=2;COUNT={count}"
    if recurrence == "monthly":
        weekday = f"{nth_weekday(first):+d}{WEEKDAYS[first.weekday()]}"
        return f"FREQ=MONTHLY;BYDAY={weekday};COUNT={count}"
    raise ValueError(f"unknown recurrence {recurrence!r}")


def rule_dates(recurrence: str, first: date, count: int,
               given: Sequence[str] = ()) -> list[date]:
    """Every date of the series, the skipped ones included (as COUNT counts them)."""
    if recurrence == "dates":
        return sorted(date.fromisoformat(day) for day in given)
    rule = rrulestr(rule_text(recurrence, first, count),
                    dtstart=datetime.combine(first, time()))
    return [moment.date() for moment in rule]


def local_start(day: date, start: time, zone: str) -> datetime:
    return datetime.combine(day, start, tzinfo=ZoneInfo(zone))
