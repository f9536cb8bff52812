"""Continuing medical education (CME) of an accredited meeting: the event number a German
medical chamber gives it (Veranstaltungsnummer, VNR: 19 digits, printed as a barcode on
the chamber's papers) and the points it is worth. The organiser reports the VNR with the
EFNs of the physicians present (records/eiv.py)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from balintroom.core.typed_numbers import digits_typed

VNR_LENGTH = 19
# The chambers give a meeting of a few hours a few points; a congress of several days
# some tens. More than this is a typo (45 for 4.5).
CME_POINTS_MAX = Decimal(50)


def vnr_problem(text: str) -> str:
    """What is wrong with this VNR, in words she can act on; "" if nothing."""
    vnr = digits_typed(text)
    if not vnr.isascii() or not vnr.isdigit():
        return _("A VNR has digits only: the 19 digits of the event number your medical "
                 "chamber gave the meeting.")
    if len(vnr) < VNR_LENGTH:
        return _("A VNR has 19 digits; this has only %(count)s.") % {"count": len(vnr)}
    if len(vnr) > VNR_LENGTH:
        return _("A VNR has 19 digits; this has %(count)s.") % {"count": len(vnr)}
    return ""


def validate_vnr(value: str) -> None:
    """The model's check: what is kept is the 19 digits, nothing else."""
    problem = vnr_problem(value) if value else ""
    if problem or value != digits_typed(value):
        raise ValidationError(problem or _("Keep the VNR as its 19 digits only."),
                              code="vnr")


def cme_points_problem(points: Decimal) -> str:
    if points <= 0:
        return _("CME points are more than 0; leave the field empty if the meeting has none.")
    if points > CME_POINTS_MAX:
        return _("At most %(max)s CME points.") % {"max": CME_POINTS_MAX}
    if points != points.quantize(Decimal("0.1")):
        return _("CME points have at most one decimal place, for example 4.5.")
    return ""


def validate_cme_points(value: Decimal) -> None:
    problem = cme_points_problem(value)
    if problem:
        raise ValidationError(problem, code="cme_points")
