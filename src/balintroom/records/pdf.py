"""PDFs with fpdf2 (pure Python) and QR codes with segno: no system library. The font is
a subset of DejaVu Sans kept in static/records/fonts, so that names in any European script
print as written."""

import io
from collections.abc import Sequence
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import segno
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF, FontFace

from balintroom.method.roles import Role

from . import hours, progress, schemes
from .barcodes import code39_png
from .models import Certificate, LogbookEntry, StoredImage
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


def _short_day(value: str) -> str:
    return date_format(date.fromisoformat(value), "SHORT_DATE_FORMAT")


def _role_label(role: str) -> str:
    return _("leader") if role == Role.LEADER else _("co-leader")


def _qr_png(url: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=4)
    buffer.seek(0)
    return buffer


def _stored_png(sha256: object) -> io.BytesIO | None:
    if not isinstance(sha256, str):
        return None
    image = StoredImage.objects.filter(sha256=sha256).first()
    return io.BytesIO(bytes(image.png)) if image is not None else None


def setting_label(setting: str) -> str:
    return {hours.ONLINE: _("online"), hours.IN_PERSON: _("in person")}.get(
        setting, _("in person and online"))


# The foot of the first page: approval and signature on the left, the verification code
# on the right. Sessions go above it when they fit, else on a page of their own.
FOOT_HEIGHT = 48
ROW_HEIGHT = 6


def _head(pdf: _Document, content: dict[str, Any]) -> None:
    issuer = content.get("issuer")
    if not isinstance(issuer, dict):
        return
    logo = _stored_png(issuer.get("logo"))
    if logo is not None:
        # Fitted into a box at the top right, whatever the logo's proportions.
        pdf.image(logo, x=150, y=14, w=40, h=22, keep_aspect_ratio=True)
    pdf.set_xy(20, 14)
    pdf.set_font("DejaVu", "B", 11)
    pdf.set_text_color(*INK)
    pdf.multi_cell(120, 5.5, str(issuer["name"]), new_x="LMARGIN", new_y="NEXT")
    address = str(issuer.get("address") or "").strip()
    if address:
        pdf.set_font("DejaVu", "", 9)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(120, 4.5, address, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(pdf.get_y(), 36 if logo is not None else 0) + 6)


def _member(pdf: _Document, content: dict[str, Any]) -> None:
    pdf.line_of(_("This certifies that"), color=MUTED)
    pdf.line_of(str(content["member"]), size=17, bold=True, height=9)
    if content.get("profession"):
        pdf.line_of(str(content["profession"]), color=MUTED)
    efn = str(content.get("efn") or "")
    if efn:

        pdf.line_of(_("EFN %(efn)s") % {"efn": efn}, size=10)
        # The chambers' scanners read the EFN as Code 39, as on her own stickers.
        pdf.image(io.BytesIO(code39_png(efn, module_px=2, height_px=60)), x=20,
                  y=pdf.get_y() + 1, h=10)
        pdf.ln(12)


def _group(pdf: _Document, content: dict[str, Any]) -> None:
    pdf.line_of(_("took part in the Balint group"), color=MUTED)
    pdf.line_of(str(content["group"]), size=14, bold=True, height=8)
    if content.get("group_setting"):
        pdf.line_of(_("meeting %(setting)s") % {
            "setting": setting_label(str(content["group_setting"]))}, size=10, color=MUTED)
    leaders = content.get("leaders") or []
    if leaders:
        pdf.line_of(_("led by"), color=MUTED)
        for leader in leaders:
            who = f"{leader['name']} ({_role_label(leader['role'])})"
            if leader.get("qualification"):
                who = f"{who}, {leader['qualification']}"
            pdf.line_of(who, size=10.5, height=5.5)
    pdf.line_of(_("from %(start)s to %(end)s") % {
        "start": _day(str(content["period_start"])), "end": _day(str(content["period_end"]))})


def _totals(pdf: _Document, content: dict[str, Any]) -> None:
    pdf.gap(3)
    pdf.line_of(_("Sessions attended: %(count)s") % {"count": content["sessions"]}, bold=True)
    pdf.gap(1)
    units = [figure(str(content[key]), whole_bare=False)
             for key in ("units_in_person", "units_online", "units")]
    totals_table(pdf, [str(content[key]) for key in
                       ("minutes_in_person", "minutes_online", "minutes")], units)
    double = figure(str(content["double_hours"]), whole_bare=False)
    pdf.line_of(_("Double hours (90 minutes) in all: %(value)s") % {"value": double},
                size=9.5, color=MUTED)
    if content.get("cme_points"):
        vnrs = sorted({str(s["vnr"]) for s in content.get("session_list") or [] if s["vnr"]})
        pdf.line_of(_("CME points in all: %(points)s (event numbers: %(vnr)s)") % {
            "points": figure(str(content["cme_points"])), "vnr": ", ".join(vnrs)},
                    size=10.5, bold=True)
    scheme = content.get("scheme")
    if isinstance(scheme, dict):
        pdf.line_of(_("Counts toward: %(scheme)s") % {"scheme": scheme["name"]}, size=10.5)


def totals_table(pdf: _Document, minutes: Sequence[str], units: Sequence[str]) -> None:
    """Minutes and units of 45 minutes, each in person, online and in all."""
    pdf.rows(["", _("In person"), _("Online"), _("Total")],
             [[_("Minutes"), *minutes], [_("Units of 45 minutes"), *units]],
             widths=[70, 35, 35, 30])


def _session_table(pdf: _Document, sessions: list[dict[str, Any]]) -> None:
    with_cme = any(s.get("vnr") or s.get("points") for s in sessions)
    header = [_("Date"), _("Minutes"), _("Units"), _("Setting")]
    widths = [40, 25, 25, 40]
    if with_cme:
        header += [_("Event number (VNR)"), _("Points")]
        widths = [26, 20, 18, 30, 58, 18]
    rows = []
    for s in sessions:
        row = [_short_day(str(s["date"])), str(s["minutes"]),
               figure(str(s["units"]), whole_bare=False),
               setting_label(str(s["setting"]))]
        if with_cme:
            row += [str(s.get("vnr") or ""), figure(str(s.get("points") or ""))]
        rows.append(row)
    pdf.rows(header, rows, widths=widths)


def _foot(pdf: _Document, certificate: Certificate, content: dict[str, Any], url: str,
          top: float) -> None:
    approval = content.get("approval")
    if isinstance(approval, dict):
        signature = _stored_png(approval.get("signature"))
        if signature is not None:
            pdf.image(signature, x=20, y=top, w=60, h=20, keep_aspect_ratio=True)
        pdf.set_draw_color(*MUTED)
        pdf.line(20, top + 22, 95, top + 22)
        pdf.set_xy(20, top + 24)
        pdf.set_font("DejaVu", "B", 10)
        pdf.set_text_color(*INK)
        pdf.multi_cell(80, 5, str(approval["name"]), new_x="LEFT", new_y="NEXT", align="L")
        pdf.set_font("DejaVu", "", 9)
        if approval.get("qualification"):
            pdf.multi_cell(80, 4.5, str(approval["qualification"]), new_x="LEFT",
                           new_y="NEXT", align="L")
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(80, 4.5, _("Approved on %(date)s") % {"date": _day(approval["date"])},
                       new_x="LEFT", new_y="NEXT", align="L")
    elif certificate.approved_at is not None:
        # Approved before certificates named who approved them.
        approved = timezone.localtime(certificate.approved_at).date()
        pdf.set_xy(20, top + 24)
        pdf.set_font("DejaVu", "", 9.5)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(80, 5, _("Approved by a leader of the group on %(date)s.") % {
            "date": _day(approved)}, new_x="LEFT", new_y="NEXT", align="L")
    pdf.image(_qr_png(url), x=108, y=top, w=34, h=34)
    pdf.set_xy(144, top + 2)
    pdf.set_font("DejaVu", "B", 9.5)
    pdf.set_text_color(*INK)
    pdf.multi_cell(46, 5, _("Verify this certificate"), new_x="LEFT", new_y="NEXT", align="L")
    pdf.set_font("DejaVu", "", 8)
    pdf.multi_cell(46, 4, _("Scan the code or open:"), new_x="LEFT", new_y="NEXT", align="L")
    pdf.multi_cell(46, 4, url, new_x="LEFT", new_y="NEXT", align="L")
    pdf.set_xy(108, top + 36)
    pdf.multi_cell(82, 4, _("Verification code: %(code)s") % {"code": certificate.code},
                   new_x="LEFT", new_y="NEXT", align="L")


def certificate_pdf(certificate: Certificate, *, url: str) -> bytes:
    """The certificate as its member prints it, in the language it was made in: one page
    when the sessions fit on it, else a second page lists them. `url` is the verification
    page, also in the QR code."""
    content = certificate.content
    with translation.override(str(content.get("language") or "en")):
        pdf = _Document(_("Certificate of attendance"))
        _head(pdf, content)
        pdf.line_of(_("Certificate of attendance"), size=22, bold=True, color=ACCENT,
                    height=11)
        pdf.line_of(_("Balint group work"), size=13, color=MUTED)
        pdf.gap(3)
        _member(pdf, content)
        _group(pdf, content)
        _totals(pdf, content)
        sessions = list(content.get("session_list") or [])
        foot_top = pdf.h - pdf.b_margin - FOOT_HEIGHT
        needed = 10 + ROW_HEIGHT * (len(sessions) + 1)  # the heading, the table
        on_first_page = bool(sessions) and pdf.get_y() + needed < foot_top
        if on_first_page:
            pdf.gap(3)
            pdf.line_of(_("Sessions"), size=11, bold=True)
            _session_table(pdf, sessions)
        elif sessions:
            pdf.gap(2)
            pdf.line_of(_("The sessions are listed on the next page."), size=9.5,
                        color=MUTED)
        # The foot stays on the first page, below what is there.
        pdf.set_auto_page_break(False)
        _foot(pdf, certificate, content, url, top=max(foot_top, pdf.get_y() + 4))
        pdf.set_auto_page_break(True, margin=20)
        if sessions and not on_first_page:
            pdf.add_page()
            pdf.line_of(_("Sessions attended by %(name)s") % {"name": content["member"]},
                        size=13, bold=True)
            pdf.line_of(str(content["group"]), color=MUTED)
            pdf.gap(2)
            _session_table(pdf, sessions)
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
        scheme_progress(pdf, scheme.name, results)
    return bytes(pdf.output())


def scheme_progress(pdf: _Document, name: str, results: Sequence[schemes.Result],
                    counted_from: Sequence[str] = ()) -> None:
    """A scheme or pathway as the pages show it (records/_progress.html): what is still
    open, then each rule with its figures in words and its source."""
    pdf.gap(3)
    pdf.line_of(name, size=11.5, bold=True)
    if counted_from:
        pdf.line_of(_("Counted from: %(groups)s") % {"groups": " · ".join(counted_from)},
                    size=9.5, color=MUTED, height=5.5)
    still = progress.still_open(results)
    pdf.line_of(_("Every required rule is met.") if not still else
                _("Still open: %(what)s") % {"what": "; ".join(still)}, size=10.5, bold=True)
    for result in results:
        amount = progress.amount(result)
        desirable = "" if result.rule.required else " " + _("(desirable)")
        pdf.line_of(f"{progress.status_word(result)}{desirable}: {result.rule.text}"
                    + (f" ({amount})" if amount else ""), size=9.5, height=5.5)
        pdf.line_of(_("Source: %(source)s (%(date)s)") % {
            "source": result.rule.source, "date": result.rule.source_date}, size=8,
                    color=MUTED, height=4.5)
