"""The report of an accredited meeting for the chambers' electronic distributor (EIV): the
event's VNR, its date and points, and the EFN of every physician present. The organiser
sends it to the chamber, which books the points onto each physician's account; here it is
text to paste into the chamber's form and a page of Code 39 barcodes to scan from.

Everyone present counts, leaders too (they earn the points as well). Someone present
without an EFN - not a physician, or one who has not given it - is listed apart, by name,
for the leader to ask; her certificate does not depend on it."""

import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from balintroom.accounts.efn import efn_problem
from balintroom.core.typed_numbers import digits_typed

from .barcodes import QUIET_MODULES, code39_modules, code39_png
from .pdf import ACCENT, MUTED, _Document


@dataclass(frozen=True)
class Present:
    name: str
    efn: str
    # She gave one, and it does not hold (given before the profile checked it).
    efn_invalid: bool = False


@dataclass(frozen=True)
class EivReport:
    vnr: str
    day: date
    points: Decimal | None
    # Those to report, by name; and the present without an EFN, listed apart.
    reported: list[Present]
    without_efn: list[Present]

    @property
    def efns(self) -> list[str]:
        return [person.efn for person in self.reported]


def eiv_report(*, vnr: str, day: date, points: Decimal | None,
               present: list[tuple[str, str]]) -> EivReport:
    """The report of a meeting with this VNR, on this (local) day, from (name, EFN as kept)
    of everyone present."""
    reported, without = [], []
    for name, kept in sorted(present, key=lambda p: p[0].casefold()):
        efn = digits_typed(kept)
        if efn and not efn_problem(efn):
            reported.append(Present(name, efn))
        else:
            without.append(Present(name, "", efn_invalid=bool(efn)))
    return EivReport(vnr=vnr, day=day, points=points, reported=reported,
                     without_efn=without)


def points_text(points: Decimal | None) -> str:
    """3, or 4.5 (4,5 in German): as the chamber wrote them."""
    if points is None:
        return ""
    whole = points == points.to_integral_value()
    return number_format(points, decimal_pos=0 if whole else 1)


def report_text(report: EivReport) -> str:
    """What the leader pastes: a short header, then one EFN a line."""
    lines = [
        _("VNR: %(vnr)s") % {"vnr": report.vnr},
        # As ISO 8601, which no reader takes for another day (8/2 is August in one
        # language and February in the next).
        _("Date: %(date)s") % {"date": report.day.isoformat()},
    ]
    if report.points is not None:
        lines.append(_("CME points: %(points)s") % {"points": points_text(report.points)})
    lines.append(_("EFN (%(count)s):") % {"count": len(report.reported)})
    lines.extend(report.efns)
    return "\n".join(lines) + "\n"


# The printed barcodes, in mm. A narrow bar of about 0.3 mm is what hand scanners read
# best from paper; the quiet zones (ten modules each side) are inside the image.
VNR_MODULE = 0.3
EFN_MODULE = 0.27
VNR_HEIGHT = 18
EFN_HEIGHT = 14
COLUMN_WIDTH = 85
ROW_PITCH = EFN_HEIGHT + 12


def _barcode(pdf: _Document, text: str, *, x: float, y: float, module: float,
             height: float) -> None:
    width = (len(code39_modules(text)) + 2 * QUIET_MODULES) * module
    pdf.image(io.BytesIO(code39_png(text, module_px=3)), x=x, y=y, w=width, h=height)
    # The digits beneath, for the eye and for typing when a scanner fails.
    pdf.set_xy(x, y + height + 0.5)
    pdf.set_font("DejaVu", "", 10)
    pdf.set_text_color(0, 0, 0)
    pdf.cell(width, 5, text, align="C")


def report_pdf(report: EivReport, *, group_name: str) -> bytes:
    """A page to scan from: the VNR once on top, then one barcode per EFN."""
    pdf = _Document(_("EIV report"))
    pdf.line_of(_("EIV report"), size=20, bold=True, color=ACCENT, height=10)
    pdf.line_of(group_name, size=12, color=MUTED)
    pdf.gap(2)
    pdf.line_of(_("Date: %(date)s") % {"date": date_format(report.day, "DATE_FORMAT")})
    if report.points is not None:
        pdf.line_of(_("CME points: %(points)s") % {"points": points_text(report.points)})
    pdf.line_of(_("Physicians present with an EFN: %(count)s") % {
        "count": len(report.reported)})
    if report.without_efn:
        pdf.line_of(_("Present without an EFN (not on this page): %(count)s") % {
            "count": len(report.without_efn)}, size=10, color=MUTED)
    pdf.gap(4)
    pdf.line_of(_("Event number (VNR)"), bold=True)
    _barcode(pdf, report.vnr, x=pdf.l_margin, y=pdf.get_y() + 1, module=VNR_MODULE,
             height=VNR_HEIGHT)
    pdf.set_xy(pdf.l_margin, pdf.get_y() + 10)
    pdf.line_of(_("EFN of those present"), bold=True)
    if not report.reported:
        pdf.line_of(_("Nobody present has given an EFN."), color=MUTED)
    y = pdf.get_y() + 1
    for index, efn in enumerate(report.efns):
        column = index % 2
        if column == 0 and y + ROW_PITCH > pdf.h - pdf.b_margin:
            pdf.add_page()
            y = pdf.t_margin
        _barcode(pdf, efn, x=pdf.l_margin + column * COLUMN_WIDTH, y=y, module=EFN_MODULE,
                 height=EFN_HEIGHT)
        if column == 1:
            y += ROW_PITCH
    return bytes(pdf.output())
