from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .devices import device_known_for, device_remember, guessing_warn
from .models import User


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter, with its notes ("You are signed in as ...") in the language of
    the page that shows them, and failed sign-ins counted apart on her own devices."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "Too many wrong passwords for this address. Please wait a few minutes, or sign "
            "in from a computer or phone where you have signed in before."),
    }

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        # As allauth's own, but a browser she has signed in on before counts its failures
        # under a key of its own (accounts/devices.py).
        email = str(credentials.get("email", "")).lower()
        known = device_known_for(request, email)
        key = self._get_login_attempts_cache_key(request, **credentials)
        self._login_failed_rl_usage = ratelimit.consume(
            request, app="allauth.account", action="login_failed",
            key=f"{key}:known" if known else key)
        if not self._login_failed_rl_usage:
            if not known:
                guessing_warn(email)
            raise self.validation_error("too_many_login_attempts")

    def post_login(self, request: HttpRequest, user: AbstractBaseUser, **kwargs: Any
                   ) -> HttpResponse:
        response: HttpResponse = super().post_login(request, user, **kwargs)
        if isinstance(user, User):
            device_remember(response, user)
        return response

    def add_message(self, request: HttpRequest, level: int, message_template: str | None = None,
                    message_context: dict[str, Any] | None = None, extra_tags: str = "",
                    message: str | None = None) -> None:
        # A note is written when it is added, in the language active then: just after
        # signing in, still the browser's. The next page speaks the profile's language
        # (UserLocaleMiddleware), and so should the note.
        user = getattr(request, "user", None)
        language = ""
        if user is not None and user.is_authenticated:
            language = getattr(user, "language", "")
        with translation.override(language or translation.get_language()):
            super().add_message(request, level, message_template, message_context, extra_tags,
                                message)
