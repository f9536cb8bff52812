import time
import zoneinfo
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from .audit import audit
from .models import AuditKind


class UserLocaleMiddleware:
    """Language and time zone from the profile; language from the browser for everyone else.

    It stands where LocaleMiddleware would, but after authentication, because the
    profile decides. No language prefix in URLs: a group's links stay the same for all.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        language = ""
        tz_name = ""
        if user is not None and user.is_authenticated:
            language = user.language
            tz_name = user.timezone
        if not language:
            language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        if tz_name:
            try:
                timezone.activate(zoneinfo.ZoneInfo(tz_name))
            except zoneinfo.ZoneInfoNotFoundError:
                timezone.deactivate()
        else:
            timezone.deactivate()
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


SIGNED_IN_AT = "balintroom_signed_in_at"
SEEN_COOKIE = "balintroom-seen"
SEEN_SALT = "balintroom.seen"


def session_started(*, request: HttpRequest) -> None:
    """At sign-in: the moment the absolute limit counts from."""
    request.session[SIGNED_IN_AT] = int(time.time())


class SessionTimeoutMiddleware:
    """Signs her out after SESSION_IDLE_MINUTES without a page opened, and in any case
    SESSION_MAX_HOURS after signing in ("Keep me signed in on this device":
    SESSION_REMEMBER_DAYS, no idle limit). The computer on a ward is shared.

    When she was last seen rides in a signed cookie, renewed with every page: opening a
    page writes nothing on the server (reads never write)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            ended = self._ended(request)
            if ended:
                audit(AuditKind.SESSION_ENDED, user_id=user.pk, request=request)
                logout(request)
                messages.info(request, ended)
                return redirect_to_login(request.get_full_path())
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response.set_cookie(
                SEEN_COOKIE, signing.dumps(user.pk, salt=SEEN_SALT),
                max_age=settings.SESSION_IDLE_MINUTES * 60, httponly=True, samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE)
        return response

    def _ended(self, request: HttpRequest) -> str:
        now = time.time()
        started = request.session.get(SIGNED_IN_AT)
        remembered = not request.session.get_expire_at_browser_close()
        if not isinstance(started, int):
            return ""  # signed in before these limits existed: the session's own age holds
        longest = (settings.SESSION_REMEMBER_DAYS * 86400 if remembered
                   else settings.SESSION_MAX_HOURS * 3600)
        if now - started > longest:
            return _("For your group's safety you are signed out after a while. Please sign "
                     "in again.")
        if remembered:
            return ""
        idle = settings.SESSION_IDLE_MINUTES * 60
        try:
            seen = signing.loads(request.COOKIES.get(SEEN_COOKIE, ""), salt=SEEN_SALT,
                                 max_age=idle)
        except signing.BadSignature:
            seen = None
        # No page for longer than that (the cookie is gone, too old, or someone else's
        # on this browser) - unless she has only just signed in and not been sent one.
        if seen != request.user.pk and now - started > idle:
            return _("You were signed out after %(minutes)s minutes without activity. "
                     "Please sign in again.") % {"minutes": settings.SESSION_IDLE_MINUTES}
        return ""
