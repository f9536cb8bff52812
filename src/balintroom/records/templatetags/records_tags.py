from decimal import Decimal
from fractions import Fraction

from django import template
from django.utils.translation import gettext as _

from balintroom.records import hours, numbers, schemes

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
def units(minutes: int) -> str:
    return dec(hours.units(minutes))


@register.filter
def status_label(result: schemes.Result) -> str:
    if result.status == schemes.MET:
        return _("met")
    if result.status == schemes.BROKEN:
        return _("broken")
    if result.status == schemes.NOT_APPLICABLE:
        return _("does not apply")
    return _("not yet")


@register.filter
def percent(result: schemes.Result) -> int:
    """How far along, 0 to 100, for a progress bar."""
    if result.have is None or not result.need:
        return 100 if result.met else 0
    return int(min(Fraction(100), 100 * result.have / result.need))
