from fractions import Fraction

from django import template
from django.utils.translation import gettext as _

from balintroom.records import hours, schemes

register = template.Library()


@register.filter
def dec(value: Fraction | int | None) -> str:
    """A fraction as a number with two decimals, rounded down; 12.00 shows as 12."""
    if value is None:
        return ""
    text = str(hours.decimal(value))
    return text.removesuffix(".00")


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
