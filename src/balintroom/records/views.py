"""Pages for attendance, hours, schemes, certificates, the leader logbook and
organisations. Every object comes through a permission-scoped selector; the one page
without login is the verification page, which shows what a certificate states and nothing
else."""

import base64
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from balintroom.accounts.http import AuthedRequest
from balintroom.accounts.models import User
from balintroom.core.next_url import ours
from balintroom.core.spreadsheet import csv_text
from balintroom.groups.models import BalintGroup
from balintroom.groups.selectors import members_of
from balintroom.method.roles import Role

from . import barcodes, eiv, hours, pdf, schemes, selectors, services
from .forms import (
    CertificateForm,
    CorrectionForm,
    HoursFilterForm,
    IssuerForm,
    JoinForm,
    LogbookEntryForm,
    NoticeForm,
    RevokeForm,
    RollCallForm,
    SchemeForm,
    SignerForm,
    roll_call_form,
    roll_call_rows,
)
from .models import (
    AttendanceStatus,
    CertificateStatus,
    LogbookEntry,
    Organisation,
    StoredImage,
)


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


def _csv(filename: str, header: Sequence[str], rows: Iterable[Sequence[object]]
         ) -> HttpResponse:
    response = HttpResponse(csv_text(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _pdf(filename: str, content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _tz() -> tzinfo:
    return timezone.get_current_timezone()


# The group's records page


@login_required
@require_GET
def records_group(request: AuthedRequest, group_id: int) -> HttpResponse:
    membership = selectors.membership_for(request.user, group_id)
    group = membership.group
    tz = _tz()
    mine = selectors.sessions_of(group, request.user)
    context: dict[str, object] = {
        "group": group,
        "membership": membership,
        "totals": hours.totals(mine),
        "per_year": hours.by_period(mine, tz, "year"),
        "progress": selectors.member_progress(group, request.user, tz),
        "upcoming": selectors.my_upcoming(group, request.user),
        "certificates": selectors.certificates_of_member(request.user).filter(group=group),
        "notice_form": NoticeForm(),
    }
    if membership.leads:
        past, ahead = selectors.meetings_overview(group)
        context.update({
            "past_meetings": past,
            "ahead_meetings": ahead,
            "warnings": selectors.schedule_warnings(group, tz),
            "organisations": selectors.organisations_of_group(group),
        })
    return render(request, "records/group.html", context)


# Notice of absence


@login_required
@require_POST
def absence_give(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting, _membership = selectors.meeting_for_member(request.user, meeting_id)
    form = NoticeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The note can be at most 200 characters."))
    else:
        try:
            services.absence_notice_give(meeting=meeting, user=request.user,
                                         note=form.cleaned_data["note"])
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("The leaders know that you cannot come."))
    return redirect("records_group", group_id=meeting.group_id)


@login_required
@require_POST
def absence_withdraw(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting, _membership = selectors.meeting_for_member(request.user, meeting_id)
    try:
        services.absence_notice_withdraw(meeting=meeting, user=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Your notice is withdrawn: you are expected."))
    return redirect("records_group", group_id=meeting.group_id)


# Attendance of one meeting


def _attendance_page(request: AuthedRequest, meeting_id: int, *,
                     form: RollCallForm | None = None) -> HttpResponse:
    meeting, membership = selectors.meeting_for_leader(request.user, meeting_id)
    context: dict[str, object] = {"meeting": meeting, "group": meeting.group,
                                  "membership": membership}
    confirmation = selectors.confirmation_of(meeting)
    if confirmation is not None:
        context.update({"confirmation": confirmation,
                        "records": selectors.records_of_meeting(meeting)})
    elif not services.meeting_over(meeting):
        expected, notices = selectors.expected_at(meeting)
        context.update({"ahead": True, "expected": expected, "notices": notices,
                        "running": meeting.starts_at <= timezone.now()})
    else:
        lines = services.meeting_roster(meeting)
        form = form or roll_call_form(lines)
        context.update({"rows": roll_call_rows(lines, form), "form": form})
    return render(request, "records/attendance.html", context)


@login_required
@never_cache
@require_GET
def meeting_attendance(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    return _attendance_page(request, meeting_id)


@login_required
@require_POST
def attendance_confirm(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting, _membership = selectors.meeting_for_leader(request.user, meeting_id)
    lines = services.meeting_roster(meeting)
    form = roll_call_form(lines, request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose present, absent or excused for everyone."))
        return _attendance_page(request, meeting_id, form=form)
    try:
        records = services.attendance_confirm(meeting=meeting, by=request.user,
                                              roll_call=form.statuses())
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        present = sum(1 for r in records if r.status == AttendanceStatus.PRESENT)
        messages.success(request, _("Attendance confirmed: %(present)s of %(all)s present.")
                         % {"present": present, "all": len(records)})
    # Back to where she confirmed it (the page after the meeting), if that is one of ours.
    back = ours(request, request.POST.get("next", ""))
    return redirect(back or reverse("meeting_attendance", args=[meeting.pk]))


@login_required
@require_http_methods(["GET", "POST"])
def attendance_correct(request: AuthedRequest, meeting_id: int, record_id: int
                       ) -> HttpResponse:
    meeting, _membership = selectors.meeting_for_leader(request.user, meeting_id)
    record = selectors.record_in_meeting(meeting, record_id)
    initial = {"status": record.status, "minutes": record.minutes, "setting": record.setting}
    form = CorrectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_correct(record=record, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The record of %(name)s is corrected.")
                             % {"name": record.user.name})
            return redirect("meeting_attendance", meeting_id=meeting.pk)
    return render(request, "records/correct.html", {
        "meeting": meeting, "group": meeting.group, "record": record, "form": form,
        "corrections": record.corrections.select_related("by")})


# The EIV report of an accredited meeting


@login_required
@never_cache
@require_GET
def meeting_eiv(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting, _membership = selectors.meeting_for_leader(request.user, meeting_id)
    report, missing = selectors.eiv_report_of(meeting, tz=_tz())
    context: dict[str, object] = {"meeting": meeting, "group": meeting.group,
                                  "report": report, "missing": missing}
    if report is not None:
        # Our own markup (rects, and the label escaped); what it carries is digits only.
        text = eiv.report_text(report)
        context.update({
            "text": text,
            "text_rows": min(text.count("\n"), 16),
            "points": eiv.points_text(report.points),
            "vnr_barcode": mark_safe(barcodes.code39_svg(report.vnr, height=50)),
            "efn_barcodes": [(person, mark_safe(barcodes.code39_svg(person.efn)))
                             for person in report.reported],
        })
    return render(request, "records/eiv.html", context)


@login_required
@require_GET
def meeting_eiv_pdf(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    meeting, _membership = selectors.meeting_for_leader(request.user, meeting_id)
    report, _missing = selectors.eiv_report_of(meeting, tz=_tz())
    if report is None:
        # The page says what is missing, and where to give it.
        return redirect("meeting_eiv", meeting_id=meeting.pk)
    return _pdf(f"eiv-{report.vnr}-{report.day.isoformat()}.pdf",
                eiv.report_pdf(report, group_name=meeting.group.name))


# Hours


def _hours_context(group: BalintGroup, request: HttpRequest) -> dict[str, object]:
    form = HoursFilterForm(request.GET or None)
    period, first, last = "month", None, None
    if form.is_bound and form.is_valid():
        period = form.cleaned_data["period"]
        first, last = form.cleaned_data["first"], form.cleaned_data["last"]
    lines = selectors.hours_table(group, tz=_tz(), period=period, first=first, last=last)
    return {"group": group, "form": form, "lines": lines, "period": period}


@login_required
@require_GET
def group_hours(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    return render(request, "records/hours.html", _hours_context(group, request))


def _hours_rows(lines: list[selectors.HoursLine]) -> list[list[object]]:
    rows: list[list[object]] = []
    for line in lines:
        for key, found in line.periods.items():
            rows.append([line.user.name, key, found.sessions, found.minutes_in_person,
                         found.minutes_online, found.minutes,
                         str(hours.decimal(found.units_in_person)),
                         str(hours.decimal(found.units_online)),
                         str(hours.decimal(found.units)),
                         str(hours.decimal(found.double_hours))])
    return rows


HOURS_HEADER = ["member", "period", "sessions", "minutes_in_person", "minutes_online",
                "minutes", "units_in_person", "units_online", "units", "double_hours"]


@login_required
@require_GET
def group_hours_csv(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    context = _hours_context(group, request)
    lines: list[selectors.HoursLine] = context["lines"]  # type: ignore[assignment]
    return _csv(f"hours-group-{group.pk}.csv", HOURS_HEADER, _hours_rows(lines))


# Schemes of a group


@login_required
@require_GET
def group_schemes(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    chosen = selectors.group_schemes(group)
    chosen_values = {o.value for o in chosen}
    return render(request, "records/schemes.html", {
        "group": group,
        "chosen": chosen,
        "offered": [o for o in selectors.schemes_offered(group) if o.value not in chosen_values],
        "warnings": selectors.schedule_warnings(group, _tz()),
    })


def _offered(group: BalintGroup, value: str) -> selectors.OfferedScheme | None:
    for offered in selectors.schemes_offered(group):
        if offered.value == value:
            return offered
    return None


@login_required
@require_POST
def group_scheme_add(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    offered = _offered(group, request.POST.get("scheme", ""))
    if offered is None:
        messages.error(request, _("Choose one of the schemes."))
    else:
        try:
            services.group_scheme_add(group=group, key=offered.scheme.key,
                                      organisation=offered.organisation)
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("The group's hours now count toward %(name)s.")
                             % {"name": offered.scheme.name})
    return redirect("group_schemes", group_id=group.pk)


@login_required
@require_POST
def group_scheme_remove(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    services.group_scheme_remove(group=group, key=request.POST.get("key", ""))
    messages.success(request, _("The scheme is no longer shown for this group."))
    return redirect("group_schemes", group_id=group.pk)


# Certificates


def _certificate_form(group: BalintGroup, data: object = None) -> CertificateForm:
    members = [(str(m.user_id), m.user.name) for m in members_of(group)]
    offered = [(o.value, o.scheme.name) for o in selectors.group_schemes(group)]
    confirmed = selectors.records_of_group(group)
    first, last = confirmed.first(), confirmed.last()
    initial = {}
    if first is not None and last is not None:
        tz = _tz()
        initial = {"period_start": hours.local_date(first.meeting.starts_at, tz),
                   "period_end": hours.local_date(last.meeting.starts_at, tz)}
    return CertificateForm(data, members=members, schemes=offered, initial=initial)


def _certificates_page(request: AuthedRequest, group: BalintGroup,
                       form: CertificateForm | None = None) -> HttpResponse:
    certificates = list(selectors.certificates_of_group(group))
    return render(request, "records/certificates.html", {
        "group": group,
        "issuer": selectors.issuer_of(group),
        "signer": selectors.signer_of(request.user),
        "without_full_name": selectors.members_without_full_name(group),
        "form": form or _certificate_form(group),
        "drafts": [c for c in certificates if c.status == CertificateStatus.DRAFT],
        "released": [c for c in certificates if c.status != CertificateStatus.DRAFT],
    })


@login_required
@never_cache
@require_GET
def group_certificates(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    return _certificates_page(request, group)


@login_required
@require_POST
def certificates_create(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    form = _certificate_form(group, request.POST)
    if not form.is_valid():
        return _certificates_page(request, group, form)
    scheme: schemes.Scheme | None = None
    if form.cleaned_data["scheme"]:
        chosen = {o.value: o for o in selectors.group_schemes(group)}
        scheme = chosen[form.cleaned_data["scheme"]].scheme
    wanted = {int(v) for v in form.cleaned_data["members"]}
    members = [m.user for m in members_of(group) if m.user_id in wanted]
    made, skipped = services.certificates_draft(
        group=group, members=members, period_start=form.cleaned_data["period_start"],
        period_end=form.cleaned_data["period_end"], scheme=scheme, by=request.user)
    for reason in skipped:
        messages.warning(request, reason)
    if made:
        messages.success(request, _("%(count)s drafts are ready. Check them, then approve "
                                    "them to release them.") % {"count": len(made)})
    return redirect("group_certificates", group_id=group.pk)


def _data_uri(image: StoredImage | None) -> str:
    """An image inline in the page: it belongs to whoever may see the page, so it gets no
    address of its own."""
    if image is None:
        return ""
    return "data:image/png;base64," + base64.b64encode(bytes(image.png)).decode()


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def certificate_issuer(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    issuer = selectors.issuer_of(group)
    if request.method == "POST":
        form = IssuerForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            services.certificate_issuer_save(
                group=group, name=data["name"], address=data["address"],
                logo_png=data["logo"], remove_logo=data["remove_logo"])
            messages.success(request, _("Saved. Certificates drafted from now on name this "
                                        "issuer."))
            return redirect("group_certificates", group_id=group.pk)
    else:
        form = IssuerForm(initial={"name": issuer.name if issuer else "",
                                   "address": issuer.address if issuer else ""})
    return render(request, "records/certificate_issuer.html", {
        "group": group, "form": form,
        "logo": _data_uri(issuer.logo if issuer else None)})


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def certificate_signer(request: AuthedRequest) -> HttpResponse:
    signer = selectors.signing_leader(request.user)
    if request.method == "POST":
        form = SignerForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            services.signer_save(user=request.user, qualification=data["qualification"],
                                 signature_png=data["signature"],
                                 remove_signature=data["remove_signature"])
            messages.success(request, _("Saved. The certificates you approve from now on "
                                        "show it."))
            return redirect(ours(request, request.POST.get("next", ""))
                            or reverse("certificate_signer"))
    else:
        form = SignerForm(initial={"qualification": signer.qualification if signer else ""})
    return render(request, "records/certificate_signer.html", {
        "form": form, "name": request.user.certificate_name,
        "signature": _data_uri(signer.signature if signer else None),
        "next": ours(request, request.GET.get("next", ""))})


@login_required
@never_cache
@require_GET
def certificate_preview(request: AuthedRequest, certificate_id: int) -> HttpResponse:
    certificate = selectors.certificate_for_leader(request.user, certificate_id)
    return render(request, "records/certificate_preview.html", {
        "certificate": certificate, "group": certificate.group,
        "content": certificate.content, "url": services.verify_url(certificate.code)})


@login_required
@require_POST
def certificate_approve(request: AuthedRequest, certificate_id: int) -> HttpResponse:
    certificate = selectors.certificate_for_leader(request.user, certificate_id)
    try:
        services.certificate_approve(certificate=certificate, by=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("The certificate of %(name)s is released.")
                         % {"name": certificate.content.get("member", "")})
    return redirect("group_certificates", group_id=certificate.group_id)


@login_required
@require_POST
def certificates_approve_all(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    wanted = {int(v) for v in request.POST.getlist("certificate") if v.isdigit()}
    drafts = selectors.certificates_of_group(group).filter(
        status=CertificateStatus.DRAFT, pk__in=wanted)
    count = 0
    for certificate in drafts:
        services.certificate_approve(certificate=certificate, by=request.user)
        count += 1
    if count:
        messages.success(request, _("%(count)s certificates released.") % {"count": count})
    else:
        messages.error(request, _("Tick the drafts you approve."))
    return redirect("group_certificates", group_id=group.pk)


@login_required
@require_POST
def certificate_discard(request: AuthedRequest, certificate_id: int) -> HttpResponse:
    certificate = selectors.certificate_for_leader(request.user, certificate_id)
    group_id = certificate.group_id
    try:
        services.certificate_discard(certificate=certificate)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("The draft is discarded."))
    return redirect("group_certificates", group_id=group_id)


@login_required
@require_http_methods(["GET", "POST"])
def certificate_revoke(request: AuthedRequest, certificate_id: int) -> HttpResponse:
    certificate = selectors.certificate_for_leader(request.user, certificate_id)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.certificate_revoke(certificate=certificate, by=request.user,
                                        reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The certificate is revoked; its page says so."))
            return redirect("group_certificates", group_id=certificate.group_id)
    return render(request, "records/certificate_revoke.html", {
        "certificate": certificate, "group": certificate.group, "form": form})


@login_required
@require_GET
def certificate_download(request: AuthedRequest, certificate_id: int) -> HttpResponse:
    certificate = selectors.certificate_for_reader(request.user, certificate_id)
    if certificate.status != CertificateStatus.APPROVED:
        # A draft is not a certificate yet; a revoked one must not be printed again.
        raise Http404
    content = pdf.certificate_pdf(certificate, url=services.verify_url(certificate.code))
    return _pdf(f"certificate-{certificate.period_end:%Y-%m-%d}-{certificate.pk}.pdf", content)


@login_required
@require_GET
def my_certificates(request: AuthedRequest) -> HttpResponse:
    return render(request, "records/my_certificates.html", {
        "certificates": selectors.certificates_of_member(request.user)})


@never_cache
@require_GET
def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: whoever holds the code sees what the certificate states, and whether it
    still stands. A draft, a forged or a mistyped code all read alike."""
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        response = render(request, "records/verify.html", {"found": False}, status=404)
    else:
        response = render(request, "records/verify.html", {
            "found": True, "certificate": certificate, "content": certificate.content,
            "revoked": certificate.status == CertificateStatus.REVOKED})
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# Organisations of a group


@login_required
@require_http_methods(["GET", "POST"])
def group_organisations(request: AuthedRequest, group_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_join(group=group, code=form.cleaned_data["code"],
                                                      by=request.user)
        except ValidationError as error:
            form.add_error("code", error)
        else:
            messages.success(request, _("The group is now part of %(name)s. Its coordinators "
                                        "see attendance, hours and certificates.")
                             % {"name": organisation.name})
            return redirect("group_organisations", group_id=group.pk)
    return render(request, "records/group_organisations.html", {
        "group": group, "form": form,
        "organisations": selectors.organisations_of_group(group)})


@login_required
@require_POST
def group_organisation_leave(request: AuthedRequest, group_id: int,
                             organisation_id: int) -> HttpResponse:
    group = selectors.leading_membership_for(request.user, group_id).group
    organisation = selectors.organisation_of_group(group, organisation_id)
    services.organisation_leave(group=group, organisation=organisation)
    messages.success(request, _("The group is no longer part of %(name)s.")
                     % {"name": organisation.name})
    return redirect("group_organisations", group_id=group.pk)


# Leader logbook


@dataclass
class _Logbook:
    led: list[selectors.LedMeeting]
    entries: list[LogbookEntry]
    progress: list[tuple[selectors.OfferedScheme, list[schemes.Result]]]


def _logbook_of(user: User) -> _Logbook:
    activities = selectors.leader_activities(user, _tz())
    return _Logbook(
        led=selectors.meetings_led(user),
        entries=list(selectors.logbook_entries(user)),
        progress=[(o, schemes.evaluate_pathway(o.scheme, activities))
                  for o in selectors.pathways_for(user)],
    )


@login_required
@require_http_methods(["GET", "POST"])
def logbook(request: AuthedRequest) -> HttpResponse:
    form = LogbookEntryForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.logbook_entry_add(
                user=request.user, kind=data["kind"], day=data["date"],
                hours_text=data["hours"], cases=data["cases"] or 0,
                in_person=data["in_person"], note=data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Added to your logbook."))
            return redirect("logbook")
    book = _logbook_of(request.user)
    return render(request, "records/logbook.html", {
        "form": form, "led": book.led, "entries": book.entries, "progress": book.progress})


@login_required
@require_POST
def logbook_entry_delete(request: AuthedRequest, entry_id: int) -> HttpResponse:
    entry = selectors.logbook_entry_of(request.user, entry_id)
    services.logbook_entry_delete(entry=entry)
    messages.success(request, _("The entry is deleted."))
    return redirect("logbook")


def _led_rows(led: list[selectors.LedMeeting]
              ) -> list[tuple[datetime, str, str, str, int, int]]:
    return [(m.record.meeting.starts_at, m.record.meeting.group.name,
             _("leader") if m.record.role == Role.LEADER else _("co-leader"),
             str(m.record.get_setting_display()), m.record.minutes, m.cases) for m in led]


@login_required
@require_GET
def logbook_pdf(request: AuthedRequest) -> HttpResponse:
    book = _logbook_of(request.user)
    content = pdf.logbook_pdf(leader_name=request.user.certificate_name, led=_led_rows(book.led),
                              entries=book.entries,
                              progress=[(o.scheme, results) for o, results in book.progress])
    return _pdf(f"logbook-{timezone.localdate():%Y-%m-%d}.pdf", content)


@login_required
@require_GET
def logbook_csv(request: AuthedRequest) -> HttpResponse:
    book = _logbook_of(request.user)
    tz = _tz()
    rows: list[list[object]] = []
    for when, group, role, setting, minutes, cases in _led_rows(book.led):
        rows.append([hours.local_date(when, tz).isoformat(), role, group, setting, minutes,
                     cases, ""])
    for entry in book.entries:
        rows.append([entry.date.isoformat(), entry.get_kind_display(), "",
                     _("In person") if entry.in_person else _("Online"), entry.minutes,
                     entry.cases, entry.note])
    return _csv(f"logbook-{timezone.localdate():%Y-%m-%d}.csv",
                ["date", "kind", "group", "setting", "minutes", "cases", "note"], rows)


# Coordinators


@login_required
@require_GET
def organisations(request: AuthedRequest) -> HttpResponse:
    return render(request, "records/organisations.html", {
        "organisations": selectors.organisations_for_coordinator(request.user)})


@login_required
@require_GET
def organisation_detail(request: AuthedRequest, organisation_id: int) -> HttpResponse:
    organisation = selectors.organisation_for_coordinator(request.user, organisation_id)
    groups = []
    for group in selectors.groups_of_organisation(organisation):
        found = hours.totals(r.as_session() for r in selectors.records_of_group(group))
        groups.append((group, found))
    certificates = [c for g, _found in groups for c in selectors.certificates_of_group(g)
                    if c.status != CertificateStatus.DRAFT]
    return render(request, "records/organisation.html", {
        "organisation": organisation, "groups": groups, "certificates": certificates,
        "schemes": organisation.schemes.all()})


@login_required
@require_GET
def organisation_group(request: AuthedRequest, organisation_id: int,
                       group_id: int) -> HttpResponse:
    organisation = selectors.organisation_for_coordinator(request.user, organisation_id)
    group = selectors.group_in_organisation(organisation, group_id)
    records = list(selectors.records_of_group(group))
    meetings = sorted({r.meeting for r in records}, key=lambda m: m.starts_at)
    people = sorted({r.user for r in records}, key=lambda u: u.name.lower())
    cells = {(r.meeting_id, r.user_id): r for r in records}
    # Each cell with its meeting: on a phone the table stacks and names each cell's date.
    matrix = [(person, [(m, cells.get((m.pk, person.pk))) for m in meetings])
              for person in people]
    context = _hours_context(group, request)
    context.update({"organisation": organisation, "meetings": meetings, "matrix": matrix,
                    "certificates": selectors.certificates_of_group(group).exclude(
                        status=CertificateStatus.DRAFT)})
    return render(request, "records/organisation_group.html", context)


def _organisation_records(organisation: Organisation) -> list[list[object]]:
    tz = _tz()
    rows: list[list[object]] = []
    for group in selectors.groups_of_organisation(organisation):
        for record in selectors.records_of_group(group):
            rows.append([group.name, hours.local_date(record.meeting.starts_at, tz).isoformat(),
                         record.meeting.duration_minutes, record.user.name,
                         record.get_role_display(), record.status, record.setting,
                         record.minutes, str(hours.decimal(hours.units(record.minutes))),
                         record.corrections.count()])
    return rows


@login_required
@require_GET
def organisation_export(request: AuthedRequest, organisation_id: int,
                        what: str) -> HttpResponse:
    organisation = selectors.organisation_for_coordinator(request.user, organisation_id)
    if what == "attendance":
        return _csv(f"attendance-{organisation.pk}.csv",
                    ["group", "date", "meeting_minutes", "member", "role", "status", "setting",
                     "minutes", "units", "corrections"], _organisation_records(organisation))
    if what == "hours":
        rows: list[list[object]] = []
        for group in selectors.groups_of_organisation(organisation):
            lines = selectors.hours_table(group, tz=_tz(), period="year")
            rows += [[group.name, *row] for row in _hours_rows(lines)]
        return _csv(f"hours-{organisation.pk}.csv", ["group", *HOURS_HEADER], rows)
    if what == "certificates":
        rows = []
        for group in selectors.groups_of_organisation(organisation):
            for c in selectors.certificates_of_group(group).exclude(
                    status=CertificateStatus.DRAFT):
                scheme = c.content.get("scheme")
                rows.append([group.name, c.content.get("member", ""), c.period_start.isoformat(),
                             c.period_end.isoformat(), c.content.get("units", ""),
                             c.content.get("units_in_person", ""),
                             c.content.get("units_online", ""),
                             scheme.get("name", "") if isinstance(scheme, dict) else "",
                             c.status])
        return _csv(f"certificates-{organisation.pk}.csv",
                    ["group", "member", "from", "to", "units", "units_in_person",
                     "units_online", "scheme", "status"], rows)
    raise Http404


@login_required
@require_POST
def organisation_code_renew(request: AuthedRequest, organisation_id: int) -> HttpResponse:
    organisation = selectors.organisation_for_coordinator(request.user, organisation_id)
    services.organisation_code_renew(organisation=organisation)
    messages.success(request, _("A new code is ready; the old one no longer works."))
    return redirect("organisation_detail", organisation_id=organisation.pk)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_scheme_edit(request: AuthedRequest, organisation_id: int,
                             key: str = "") -> HttpResponse:
    """Write a scheme or pathway as JSON: a new one, a copy of a shipped one (?from=key)
    with the organisation's numbers, or one the organisation has."""
    organisation = selectors.organisation_for_coordinator(request.user, organisation_id)
    initial = ""
    if key:
        initial = _json(selectors.organisation_scheme(organisation, key).definition)
    else:
        base = schemes.shipped().get(request.GET.get("from", "")) or schemes.shipped()[
            "generic-hours-months"]
        initial = _json(base.data)
    form = SchemeForm(request.POST or None, initial={"definition": initial})
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.organisation_scheme_save(
                organisation=organisation, text=form.cleaned_data["definition"],
                by=request.user)
        except ValidationError as error:
            for message in error.messages:
                form.add_error("definition", message)
        else:
            messages.success(request, _("The scheme %(key)s is saved.") % {"key": saved.key})
            return redirect("organisation_detail", organisation_id=organisation.pk)
    return render(request, "records/organisation_scheme.html", {
        "organisation": organisation, "form": form, "key": key,
        "shipped": schemes.shipped().values()})


@login_required
@require_POST
def organisation_scheme_delete(request: AuthedRequest, organisation_id: int,
                               key: str) -> HttpResponse:
    organisation = selectors.organisation_for_coordinator(request.user, organisation_id)
    selectors.organisation_scheme(organisation, key)
    services.organisation_scheme_delete(organisation=organisation, key=key)
    messages.success(request, _("The scheme %(key)s is deleted.") % {"key": key})
    return redirect("organisation_detail", organisation_id=organisation.pk)


def _json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)

