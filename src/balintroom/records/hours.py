"""Hours arithmetic, in plain Python (no Django), so that every rule is tested in
milliseconds.

Presence in the live room is a set of intervals (one per open connection); the time a
member counts is their union, clipped to the meeting, less the time she stepped out under
the Lindauer rule. Minutes are whole minutes, rounded down: a certificate never states more
than was there. A teaching unit is 45 minutes, a double hour 90; both are kept as exact
fractions and only rounded (down) for display.

A session belongs to the day, month, quarter and year in which its meeting starts, in the
time zone the reader asks for: a meeting from 23:30 to 01:00 counts on the day it began.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

UNIT_MINUTES = 45
DOUBLE_HOUR_MINUTES = 90
ONLINE = "online"
IN_PERSON = "in_person"
SETTINGS = (ONLINE, IN_PERSON)
PERIODS = ("month", "quarter", "year")

Interval = tuple[datetime, datetime]


def union(intervals: Iterable[Interval], *, bridge: timedelta = timedelta(0)) -> list[Interval]:
    """The intervals merged where they overlap or touch; gaps up to `bridge` are closed too
    (a reconnect within the grace period is no absence)."""
    merged: list[Interval] = []
    for start, end in sorted((s, e) for s, e in intervals if e > s):
        if merged and start <= merged[-1][1] + bridge:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def clip(intervals: Iterable[Interval], start: datetime, end: datetime) -> list[Interval]:
    clipped = [(max(s, start), min(e, end)) for s, e in intervals]
    return [(s, e) for s, e in clipped if e > s]


def subtract(intervals: Sequence[Interval], holes: Iterable[Interval]) -> list[Interval]:
    """The parts of `intervals` (merged, sorted) that lie outside every hole."""
    result = list(intervals)
    for hole_start, hole_end in union(holes):
        pieces: list[Interval] = []
        for start, end in result:
            if hole_end <= start or hole_start >= end:
                pieces.append((start, end))
                continue
            if start < hole_start:
                pieces.append((start, hole_start))
            if hole_end < end:
                pieces.append((hole_end, end))
        result = pieces
    return result


def seconds(intervals: Iterable[Interval]) -> int:
    return int(sum((e - s).total_seconds() for s, e in intervals))


@dataclass(frozen=True)
class Presence:
    """What the room recorded of one person in one meeting."""

    minutes: int
    stepped_out_minutes: int
    joined_at: datetime | None
    left_at: datetime | None

    @property
    def opened_room(self) -> bool:
        return self.joined_at is not None


def presence(*, connections: Iterable[Interval], stepped_out: Iterable[Interval],
             starts_at: datetime, ends_at: datetime,
             bridge: timedelta = timedelta(0)) -> Presence:
    """Minutes in the room during the meeting, less the minutes stepped out."""
    inside = clip(union(connections, bridge=bridge), starts_at, ends_at)
    if not inside:
        return Presence(0, 0, None, None)
    outside = clip(union(stepped_out), starts_at, ends_at)
    counted = subtract(inside, outside)
    # Only the time she was out while the room had her counts as stepped out.
    out_seconds = seconds(inside) - seconds(counted)
    return Presence(minutes=seconds(counted) // 60, stepped_out_minutes=out_seconds // 60,
                    joined_at=inside[0][0], left_at=inside[-1][1])


def units(minutes: int) -> Fraction:
    return Fraction(minutes, UNIT_MINUTES)


def double_hours(minutes: int) -> Fraction:
    return Fraction(minutes, DOUBLE_HOUR_MINUTES)


def decimal(value: Fraction | int, places: int = 2) -> Decimal:
    """A fraction as a decimal, rounded down."""
    exact = Decimal(value.numerator) / Decimal(value.denominator) if isinstance(
        value, Fraction) else Decimal(value)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


@dataclass(frozen=True)
class Session:
    """One meeting as one person attended it: minutes is 0 if she was not there."""

    starts_at: datetime
    minutes: int
    setting: str

    def __post_init__(self) -> None:
        if self.setting not in SETTINGS:
            raise ValueError(f"unknown setting {self.setting!r}")
        if self.minutes < 0:
            raise ValueError("minutes cannot be negative")


@dataclass(frozen=True)
class Totals:
    sessions: int = 0
    minutes_in_person: int = 0
    minutes_online: int = 0

    @property
    def minutes(self) -> int:
        return self.minutes_in_person + self.minutes_online

    @property
    def units(self) -> Fraction:
        return units(self.minutes)

    @property
    def units_in_person(self) -> Fraction:
        return units(self.minutes_in_person)

    @property
    def units_online(self) -> Fraction:
        return units(self.minutes_online)

    @property
    def double_hours(self) -> Fraction:
        return double_hours(self.minutes)

    def __add__(self, other: "Totals") -> "Totals":
        return Totals(self.sessions + other.sessions,
                      self.minutes_in_person + other.minutes_in_person,
                      self.minutes_online + other.minutes_online)

    def as_dict(self) -> dict[str, object]:
        """Every figure, rounded down for display, in a form JSON keeps."""
        return {
            "sessions": self.sessions,
            "minutes": self.minutes,
            "minutes_in_person": self.minutes_in_person,
            "minutes_online": self.minutes_online,
            "units": str(decimal(self.units)),
            "units_in_person": str(decimal(self.units_in_person)),
            "units_online": str(decimal(self.units_online)),
            "double_hours": str(decimal(self.double_hours)),
        }


def totals(sessions: Iterable[Session]) -> Totals:
    """Sessions attended (minutes above zero) and their minutes, in person and online."""
    result = Totals()
    for session in sessions:
        if session.minutes <= 0:
            continue
        if session.setting == IN_PERSON:
            result += Totals(1, session.minutes, 0)
        else:
            result += Totals(1, 0, session.minutes)
    return result


def local_date(moment: datetime, tz: tzinfo) -> date:
    return moment.astimezone(tz).date()


def period_key(moment: datetime, tz: tzinfo, period: str) -> str:
    day = local_date(moment, tz)
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    if period == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if period == "year":
        return str(day.year)
    raise ValueError(f"unknown period {period!r}")


def by_period(sessions: Iterable[Session], tz: tzinfo, period: str) -> dict[str, Totals]:
    """Totals per period, in order."""
    grouped: dict[str, list[Session]] = {}
    for session in sessions:
        grouped.setdefault(period_key(session.starts_at, tz, period), []).append(session)
    return {key: totals(grouped[key]) for key in sorted(grouped)}


def within(sessions: Iterable[Session], tz: tzinfo, first: date | None,
           last: date | None) -> list[Session]:
    """The sessions that start on a day from `first` to `last` (inclusive), in tz."""
    chosen = []
    for session in sessions:
        day = local_date(session.starts_at, tz)
        if (first is None or day >= first) and (last is None or day <= last):
            chosen.append(session)
    return chosen


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def months_between(first: date, last: date) -> int:
    """Whole months from first to last: Jan 10 to Jul 10 is 6, to Jul 9 is 5."""
    months = (last.year - first.year) * 12 + last.month - first.month
    while months > 0 and add_months(first, months) > last:
        months -= 1
    return max(months, 0)
