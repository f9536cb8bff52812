from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from balintroom.groups.selectors import groups_for_user, invitations_for_user, meetings_for_user
from balintroom.method.roles import LEADING_ROLES


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
