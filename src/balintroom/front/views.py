from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

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


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "front/welcome.html")
    return render(request, "front/dashboard.html", {
        "groups": groups_for_user(request.user),
        "meetings": meetings_for_user(request.user),
        "invitations": invitations_for_user(request.user),
        "leads_a_group": request.user.memberships.filter(role__in=LEADING_ROLES).exists(),
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
