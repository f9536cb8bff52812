from typing import Any

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "balintroom.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .middleware import session_started

        def note_sign_in(sender: Any, *, request: Any, **kwargs: Any) -> None:
            if request is not None and hasattr(request, "session"):
                session_started(request=request)

        user_logged_in.connect(note_sign_in, dispatch_uid="accounts.note_sign_in", weak=False)
