from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter, with its notes ("You are signed in as ...") in the language of
    the page that shows them."""

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
