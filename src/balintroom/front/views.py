from dataclasses import dataclass

from allauth.account.decorators import reauthentication_required
from allauth.account.internal.flows import reauthentication
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from balintroom.accounts.audit import audit
from balintroom.accounts.http import AuthedRequest
from balintroom.accounts.models import AuditEvent, AuditKind, User
from balintroom.cases.selectors import has_debrief
from balintroom.groups.models import BalintGroup
from balintroom.groups.selectors import (
    groups_for_user,
    invitations_for_user,
    meetings_for_user,
    next_meeting_of,
)
from balintroom.live.selectors import cases_of_meeting
from balintroom.method.roles import LEADING_ROLES, role_label
from balintroom.records.forms import roll_call_form, roll_call_rows
from balintroom.records.models import AttendanceStatus
from balintroom.records.selectors import confirmation_of, meeting_for_leader, records_of_meeting
from balintroom.records.services import meeting_over, meeting_roster
from balintroom.reflection.selectors import questionnaires_waiting

from .personal_data import account_erase, account_export


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("I understand: my account, my notes and my records are erased "
                           "and cannot be brought back."))


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "front/welcome.html")
    return render(request, "front/dashboard.html", {
        "groups": groups_for_user(request.user),
        "meetings": meetings_for_user(request.user),
        "invitations": invitations_for_user(request.user),
        "leads_a_group": request.user.memberships.filter(role__in=LEADING_ROLES).exists(),
        "questionnaires": questionnaires_waiting(request.user),
    })


def healthz(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


@login_required
@never_cache
@require_GET
def meeting_after(request: AuthedRequest, meeting_id: int) -> HttpResponse:
    """Everything left to do once the meeting has ended, on one page, for its leaders:
    attendance (pre-filled from the room, confirmed in one tap), the debrief, and the
    cases to follow up next time."""
    meeting, membership = meeting_for_leader(request.user, meeting_id)
    context: dict[str, object] = {
        "meeting": meeting, "group": meeting.group, "membership": membership,
        "over": meeting_over(meeting),
        "confirmation": confirmation_of(meeting),
        "has_debrief": has_debrief(meeting),
        "cases": cases_of_meeting(meeting.pk),
        "next_meeting": next_meeting_of(meeting),
        "next": request.path,
    }
    confirmation = context["confirmation"]
    if confirmation is not None:
        records = records_of_meeting(meeting)
        context.update({"records": records, "present": sum(
            1 for r in records if r.status == AttendanceStatus.PRESENT)})
    elif context["over"]:
        lines = meeting_roster(meeting)
        form = roll_call_form(lines)
        context.update({"rows": roll_call_rows(lines, form), "form": form})
    return render(request, "front/after.html", context)


SECURITY_LOG_SHOWN = 200


@login_required
@require_GET
def security_log(request: AuthedRequest) -> HttpResponse:
    """Her own security events: sign-ins (and wrong passwords), her password and addresses,
    her roles and certificates - what she looks at when something seems wrong."""
    events = list(AuditEvent.objects.filter(user_id=request.user.pk)[:SECURITY_LOG_SHOWN])
    others = {e.actor_id for e in events if e.actor_id and e.actor_id != request.user.pk}
    names = {user.pk: user.name for user in User.objects.filter(pk__in=others)}
    groups = dict(BalintGroup.objects.filter(pk__in={e.group_id for e in events if e.group_id})
                  .values_list("pk", "name"))
    rows = [SecurityRow(event=e, by=names.get(e.actor_id or 0, "") if e.actor_id in others
                        else "", by_gone=e.actor_id in others and e.actor_id not in names,
                        group=groups.get(e.group_id or 0, ""),
                        role=role_label(e.detail) if e.kind == AuditKind.ROLE_CHANGED
                        else "") for e in events]
    return render(request, "front/security_log.html", {"rows": rows})


@dataclass
class SecurityRow:
    event: AuditEvent
    by: str
    by_gone: bool
    group: str
    role: str


EXPORT_SALT = "balintroom.data-export"
EXPORT_LINK_SECONDS = 600


@login_required
@reauthentication_required
def personal_data_page(request: AuthedRequest) -> HttpResponse:
    """Her data: a download of all of it, and erasing her account - behind her password,
    asked again (a computer left signed in is not enough)."""
    token = signing.dumps(request.user.pk, salt=EXPORT_SALT)
    return render(request, "front/personal_data.html", {
        "export_url": reverse("personal_data_export", args=[token]),
        "minutes": EXPORT_LINK_SECONDS // 60,
        "form": EraseForm(),
    })


@login_required
@require_GET
def personal_data_export(request: AuthedRequest, token: str) -> HttpResponse:
    """The download, by a signed link that expires and works only for her."""
    try:
        user_id = signing.loads(token, salt=EXPORT_SALT, max_age=EXPORT_LINK_SECONDS)
    except signing.BadSignature:
        messages.error(request, _("This download link has expired. Here is a fresh one."))
        return redirect("personal_data")
    if user_id != request.user.pk:
        raise Http404
    audit(AuditKind.DATA_EXPORTED, user_id=request.user.pk, actor_id=request.user.pk,
          request=request)
    response = HttpResponse(account_export(request.user), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="balint-room-my-data.zip"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def personal_data_erase(request: AuthedRequest) -> HttpResponse:
    if reauthentication.is_reauthentication_required(request, app=""):
        # Her password was asked more than a few minutes ago: asked again on the page,
        # which she comes back to.
        return redirect("personal_data")
    form = EraseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tick the box to confirm: your account cannot be brought "
                                  "back."))
        return redirect("personal_data")
    try:
        account_erase(user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("personal_data")
    logout(request)
    messages.success(request, _("Your account is erased."))
    return redirect("home")
