from datetime import date
from decimal import Decimal
from fractions import Fraction

from django import template

from balintroom.records import hours, numbers, progress, schemes

register = template.Library()


@register.filter
def dec(value: Fraction | Decimal | int | str | None) -> str:
    """A figure with two decimals, rounded down, as the reader's language writes it; 12.00
    shows as 12."""
    return numbers.figure(value)


@register.filter
def dec2(value: Fraction | Decimal | int | str | None) -> str:
    """A figure with two decimals always (2.00), as a certificate states it."""
    return numbers.figure(value, whole_bare=False)


@register.filter
def isodate(value: str) -> date | str:
    """A date a certificate keeps as text ("2026-03-14"), for the date filter."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return value


@register.filter
def units(minutes: int) -> str:
    return dec(hours.units(minutes))


@register.filter
def status_label(result: schemes.Result) -> str:
    return progress.status_word(result)


@register.filter
def percent(result: schemes.Result) -> int:
    """How far along, 0 to 100, for a progress bar."""
    if result.have is None or not result.need:
        return 100 if result.met else 0
    return int(min(Fraction(100), 100 * result.have / result.need))


@register.filter
def amount(result: schemes.Result) -> str:
    """The rule's figures in words: "12 of 30 units", "6 months needed, 4 so far"."""
    return progress.amount(result)


@register.filter
def still_open(results: list[schemes.Result]) -> list[str]:
    """What the required rules still ask, in words; empty when every one is met."""
    return progress.still_open(results)
