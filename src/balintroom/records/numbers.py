"""Figures as the reader's language writes them: 0.50 in English, 0,50 in German.

Pages and PDFs show figures through here; CSV exports keep str(Decimal) ("0.50"), the
form spreadsheets and scripts read in any language.
"""

from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

from django.utils.formats import number_format

from balintroom.records import hours

TWO_PLACES = Decimal("0.01")


def figure(value: Fraction | Decimal | int | str | None, *, whole_bare: bool = True) -> str:
    """A figure with two decimals, rounded down, in the active language's format.

    Fractions are what hours.py computes; strings and Decimals are figures kept in a
    certificate's content ("5.11"). With whole_bare a whole number shows as one (12, not
    12.00), as in tables; a certificate shows its figures as written (2.00).
    """
    if value is None or value == "":
        return ""
    if isinstance(value, Fraction | int):
        exact = hours.decimal(value)
    else:
        exact = Decimal(value).quantize(TWO_PLACES, rounding=ROUND_DOWN)
    if whole_bare and exact == exact.to_integral_value():
        return number_format(exact, decimal_pos=0)
    return number_format(exact, decimal_pos=2)
