from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from balintroom.accounts.models import User, has_second_factor
from balintroom.groups.models import Membership
from balintroom.method.roles import LEADING_ROLES
from balintroom.records.models import Organisation

# Where she may go before her second factor is set up: the account's own pages (setting
# it up, signing out, confirming an address), the language switch, static files.
OPEN_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/healthz")


def needs_second_factor(user: User) -> bool:
    """Those who hold a group or a programme's records: leaders, co-leaders, coordinators
    and staff."""
    return bool(
        user.is_staff
        or Membership.objects.filter(user=user, role__in=[r.value for r in LEADING_ROLES])
        .exists()
        or Organisation.objects.filter(coordinators=user).exists())


class TwoFactorRequiredMiddleware:
    """A leader without a second factor is sent to set one up before anything else: her
    password alone must not open a group's records (TWO_FACTOR_REQUIRED)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        # Who must have one asked first: a member's page costs two small queries, not three.
        if (settings.TWO_FACTOR_REQUIRED and isinstance(user, User)
                and not request.path.startswith(OPEN_PREFIXES)
                and needs_second_factor(user) and not has_second_factor(user.pk)):
            messages.info(request, _(
                "You lead a group: please set up two-factor sign-in first - an authenticator "
                "app on your phone, or a security key. It keeps your group's records safe "
                "even if your password is guessed."))
            return redirect("mfa_index")
        return self.get_response(request)
