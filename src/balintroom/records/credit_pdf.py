"""The member's credit record as one PDF for her training programme: her sessions group by
group, the totals, her certificates with the codes that verify them, and her progress
toward each scheme with the source of every rule. Drawn with records.pdf's document."""

from collections.abc import Callable
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from . import hours
from .credits import CreditRecord, SchemeProgress
from .models import CertificateStatus
from .numbers import figure
from .pdf import ACCENT, MUTED, _day, _Document, scheme_progress, setting_label, totals_table
from .services import verify_url


def _totals(pdf: _Document, totals: hours.Totals) -> None:
    totals_table(pdf, [str(totals.minutes_in_person), str(totals.minutes_online),
                       str(totals.minutes)],
                 [figure(value, whole_bare=False) for value in
                  (totals.units_in_person, totals.units_online, totals.units)])


def _sessions(pdf: _Document, record: CreditRecord, local: Callable[..., date]) -> None:
    pdf.line_of(_("Sessions a leader confirmed"), size=13, bold=True)
    shown = [entry for entry in record.groups if entry.records]
    if not shown:
        pdf.line_of(_("None yet."), color=MUTED)
    for entry in shown:
        pdf.gap(2)
        pdf.line_of(entry.group.name, size=11.5, bold=True)
        pdf.rows([_("Date"), _("Minutes"), _("Units"), _("Setting")],
                 [[_day(local(r.meeting.starts_at)), str(r.minutes),
                   figure(hours.units(r.minutes), whole_bare=False), setting_label(r.setting)]
                  for r in entry.records],
                 widths=[50, 30, 30, 60])
        pdf.line_of(_("In this group: %(sessions)s sessions, %(minutes)s minutes, %(units)s "
                      "units of 45 minutes (%(in_person)s in person, %(online)s online)") % {
            "sessions": entry.totals.sessions, "minutes": entry.totals.minutes,
            "units": figure(entry.totals.units, whole_bare=False),
            "in_person": figure(entry.totals.units_in_person, whole_bare=False),
            "online": figure(entry.totals.units_online, whole_bare=False)},
                    size=9.5, color=MUTED, height=5.5)
    pdf.gap(4)
    pdf.line_of(_("In all"), size=13, bold=True)
    pdf.line_of(_("Sessions attended: %(count)s") % {"count": record.totals.sessions})
    _totals(pdf, record.totals)
    pdf.line_of(_("Double hours (90 minutes) in all: %(value)s") % {
        "value": figure(record.totals.double_hours, whole_bare=False)}, size=9.5, color=MUTED)


def _certificates(pdf: _Document, record: CreditRecord) -> None:
    pdf.line_of(_("Certificates"), size=13, bold=True)
    if not record.certificates:
        pdf.line_of(_("None released yet."), color=MUTED)
    for certificate in record.certificates:
        content = certificate.content
        group = str(content.get("group") or (certificate.group.name if certificate.group
                                             else ""))
        pdf.gap(1.5)
        pdf.line_of(_("%(group)s, %(start)s to %(end)s: %(units)s units of 45 minutes") % {
            "group": group, "start": _day(certificate.period_start),
            "end": _day(certificate.period_end),
            "units": figure(str(content.get("units", "0")), whole_bare=False)}, size=10.5,
                    bold=True, height=5.5)
        if certificate.status == CertificateStatus.REVOKED and certificate.revoked_at:
            status = _("Revoked on %(date)s.") % {
                "date": _day(timezone.localtime(certificate.revoked_at).date())}
        elif certificate.approved_at is not None:
            status = _("Approved on %(date)s.") % {
                "date": _day(timezone.localtime(certificate.approved_at).date())}
        else:
            status = ""
        pdf.line_of(f"{status} " + _("Verification code: %(code)s") % {
            "code": certificate.code}, size=9.5, height=5)
        pdf.line_of(verify_url(certificate.code), size=8.5, color=MUTED, height=4.5)


def _scheme(pdf: _Document, item: SchemeProgress) -> None:
    name = item.offered.scheme.name
    if item.offered.organisation is not None:
        name = f"{name} ({item.offered.organisation.name})"
    scheme_progress(pdf, name, item.results, [g.name for g in item.groups])


def credit_record_pdf(record: CreditRecord, *, name: str, profession: str = "") -> bytes:
    """`name` is hers as a training programme knows it (her full name if she gave it)."""
    local = timezone.localdate
    pdf = _Document(_("Record of Balint group work"))
    pdf.line_of(_("Record of Balint group work"), size=20, bold=True, color=ACCENT,
                height=10)
    pdf.line_of(name, size=14, bold=True, height=8)
    if profession:
        pdf.line_of(profession, color=MUTED)
    pdf.line_of(_("As of %(date)s. Only sessions whose attendance a leader confirmed "
                  "count.") % {"date": _day(local())}, size=10, color=MUTED)
    pdf.gap(4)
    _sessions(pdf, record, local)
    pdf.gap(4)
    _certificates(pdf, record)
    pdf.gap(4)
    pdf.line_of(_("Progress toward schemes"), size=13, bold=True)
    if not record.progress:
        pdf.line_of(_("None of these groups counts toward a scheme yet."), color=MUTED)
    for item in record.progress:
        _scheme(pdf, item)
    pdf.gap(6)
    pdf.line_of(_("Made by Balint Room from the attendance the groups' leaders confirmed. Each "
                  "certificate can be checked at its address above."), size=8.5, color=MUTED,
                height=4.5)
    return bytes(pdf.output())
