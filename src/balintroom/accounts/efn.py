"""The German physician's continuing-education number (Einheitliche Fortbildungsnummer),
as a chamber issues it: 15 digits - the professional group (2: "80" for physicians), the
country (3, ISO 3166 numeric: "276" for Germany), the issuing body (3), a running number
(6) - and a check digit by the Luhn formula over all of them. Printed on her chamber's
barcode labels and on the back of her physician's card."""

from django.utils.translation import gettext as _

from balintroom.core.typed_numbers import digits_typed

EFN_LENGTH = 15


def luhn_holds(digits: str) -> bool:
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def efn_problem(text: str) -> str:
    """What is wrong with this EFN, in words she can act on; "" if nothing."""
    efn = digits_typed(text)
    if not efn.isascii() or not efn.isdigit():
        return _("An EFN has digits only; it is on your chamber's barcode labels and on the "
                 "back of your physician's card.")
    if len(efn) != EFN_LENGTH:
        return _("An EFN has 15 digits; this has %(count)s.") % {"count": len(efn)}
    if efn[2:5] == "000":
        return _("Digits 3 to 5 of an EFN are the country (276 for Germany); 000 is none.")
    if not luhn_holds(efn):
        return _("The last digit, the check digit, does not fit the others: a digit may be "
                 "mistyped, or two swapped.")
    return ""
