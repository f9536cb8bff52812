"""PDFs with fpdf2 (pure Python) and QR codes with segno: no system library. The font is
a subset of DejaVu Sans kept in static/records/fonts, so that names in any European script
print as written."""

import io
from collections.abc import Sequence
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path

import segno
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF, FontFace

from balintroom.method.roles import Role

from . import hours, schemes
from .models import Certificate, LogbookEntry
from .numbers import figure

FONTS = Path(__file__).resolve().parent / "static" / "records" / "fonts"
INK = (31, 42, 46)
MUTED = (91, 107, 112)
ACCENT = (47, 111, 106)


class _Document(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(format="A4")
        self.set_title(title)
        self.set_creator("Balint Room")
        self.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(True, margin=20)
        self.add_page()

    def line_of(self, text: str, size: float = 11, bold: bool = False,
                color: tuple[int, int, int] = INK, height: float = 6.5) -> None:
        self.set_font("DejaVu", "B" if bold else "", size)
        self.set_text_color(*color)
        self.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT", align="L")

    def gap(self, height: float = 4) -> None:
        self.ln(height)

    def rows(self, header: Sequence[str], rows: Sequence[Sequence[str]],
             widths: Sequence[int]) -> None:
        self.set_font("DejaVu", "", 9.5)
        self.set_text_color(*INK)
        headings = FontFace(emphasis="BOLD", fill_color=(232, 239, 238))
        with self.table(col_widths=tuple(widths), line_height=6, first_row_as_headings=True,
                        headings_style=headings) as table:
            for cells in [header, *rows]:
                row = table.row()
                for cell in cells:
                    row.cell(cell)


def _day(value: str | date) -> str:
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return date_format(day, "DATE_FORMAT")


def _role_label(role: str) -> str:
    return _("leader") if role == Role.LEADER else _("co-leader")


def _qr_png(url: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=4)
    buffer.seek(0)
    return buffer


def certificate_pdf(certificate: Certificate, *, url: str) -> bytes:
    """The certificate as its member prints it. `url` is the verification page, also in
    the QR code."""
    content = certificate.content
    with translation.override(str(content.get("language") or "en")):
        pdf = _Document(_("Certificate of attendance"))
        pdf.line_of(_("Certificate of attendance"), size=22, bold=True, color=ACCENT,
                    height=11)
        pdf.line_of(_("Balint group work"), size=13, color=MUTED)
        pdf.gap(8)
        pdf.line_of(_("This certifies that"), color=MUTED)
        pdf.line_of(str(content["member"]), size=17, bold=True, height=9)
        pdf.line_of(_("took part in the Balint group"), color=MUTED)
        pdf.line_of(str(content["group"]), size=14, bold=True, height=8)
        leaders = content.get("leaders") or []
        if leaders:
            names = ", ".join(f"{leader['name']} ({_role_label(leader['role'])})"
                              for leader in leaders)
            pdf.line_of(_("led by %(names)s") % {"names": names})
        pdf.line_of(_("from %(start)s to %(end)s") % {
            "start": _day(str(content["period_start"])), "end": _day(str(content["period_end"]))})
        pdf.gap(6)
        pdf.line_of(_("Sessions attended: %(count)s") % {"count": content["sessions"]},
                    bold=True)
        pdf.gap(2)
        units = [figure(str(content[key]), whole_bare=False)
                 for key in ("units_in_person", "units_online", "units")]
        pdf.rows(
            ["", _("In person"), _("Online"), _("Total")],
            [
                [_("Minutes"), str(content["minutes_in_person"]),
                 str(content["minutes_online"]), str(content["minutes"])],
                [_("Units of 45 minutes"), *units],
            ],
            widths=[70, 35, 35, 30],
        )
        pdf.gap(2)
        double = figure(str(content["double_hours"]), whole_bare=False)
        pdf.line_of(_("Double hours (90 minutes) in all: %(value)s") % {"value": double},
                    size=10, color=MUTED)
        scheme = content.get("scheme")
        if isinstance(scheme, dict):
            pdf.gap(4)
            pdf.line_of(_("Counts toward: %(scheme)s") % {"scheme": scheme["name"]})
        pdf.gap(6)
        if certificate.approved_at is not None:
            approved = timezone.localtime(certificate.approved_at).date()
            pdf.line_of(_("Approved by a leader of the group on %(date)s.") % {
                "date": _day(approved)}, size=10, color=MUTED)
        top = max(pdf.get_y() + 8, 215)
        pdf.image(_qr_png(url), x=20, y=top, w=42, h=42)
        pdf.set_xy(68, top + 4)
        pdf.set_font("DejaVu", "B", 10)
        pdf.set_text_color(*INK)
        pdf.multi_cell(0, 5.5, _("Verify this certificate"), new_x="LEFT", new_y="NEXT")
        pdf.set_font("DejaVu", "", 9.5)
        pdf.multi_cell(0, 5.5, _("Scan the code or open:"), new_x="LEFT", new_y="NEXT")
        pdf.multi_cell(0, 5.5, url, new_x="LEFT", new_y="NEXT")
        pdf.multi_cell(0, 5.5, _("Verification code: %(code)s") % {"code": certificate.code},
                       new_x="LEFT", new_y="NEXT")
        return bytes(pdf.output())


def logbook_pdf(*, leader_name: str, led: Sequence[tuple[datetime, str, str, str, int, int]],
                entries: Sequence[LogbookEntry],
                progress: Sequence[tuple[schemes.Scheme, list[schemes.Result]]]) -> bytes:
    """The leader's logbook: meetings led and co-led (date, group, role, setting, minutes,
    cases), her own entries, and where she stands on each pathway."""
    pdf = _Document(_("Leader logbook"))
    pdf.line_of(_("Leader logbook"), size=20, bold=True, color=ACCENT, height=10)
    pdf.line_of(leader_name, size=13, bold=True)
    pdf.line_of(_("As of %(date)s") % {"date": _day(timezone.localdate())}, color=MUTED)
    pdf.gap(4)
    pdf.line_of(_("Meetings led and co-led"), size=13, bold=True)
    if led:
        pdf.rows([_("Date"), _("Group"), _("Role"), _("Setting"), _("Minutes"), _("Cases")],
                 [[_day(timezone.localtime(when).date()), group, role, setting, str(minutes),
                   str(cases)] for when, group, role, setting, minutes, cases in led],
                 widths=[28, 52, 24, 26, 20, 20])
        total = sum(row[4] for row in led)
        pdf.line_of(_("In all: %(count)s meetings, %(units)s units of 45 minutes") % {
            "count": len(led), "units": figure(hours.units(total), whole_bare=False)},
                    size=10, color=MUTED)
    else:
        pdf.line_of(_("None recorded yet."), color=MUTED)
    pdf.gap(4)
    pdf.line_of(_("Entries"), size=13, bold=True)
    if entries:
        pdf.rows([_("Date"), _("Kind"), _("Hours"), _("Note")],
                 [[_day(e.date), str(e.get_kind_display()),
                   figure(Fraction(e.minutes, 60), whole_bare=False), e.note]
                  for e in entries],
                 widths=[28, 42, 18, 82])
    else:
        pdf.line_of(_("None yet."), color=MUTED)
    for scheme, results in progress:
        pdf.gap(4)
        pdf.line_of(scheme.name, size=12, bold=True)
        for result in results:
            mark = _("met") if result.met else _("open")
            amount = ""
            if result.have is not None and result.need is not None:
                have, need = (figure(v, whole_bare=False) for v in (result.have, result.need))
                amount = f" ({have} / {need})"
            desirable = "" if result.rule.required else _(" [desirable]")
            pdf.line_of(f"{mark}{amount}{desirable}: {result.rule.text}", size=9.5,
                        height=5.5)
            pdf.line_of(f"{result.rule.source} ({result.rule.source_date})", size=8,
                        color=MUTED, height=4.5)
    return bytes(pdf.output())
