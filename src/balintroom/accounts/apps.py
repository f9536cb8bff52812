from typing import Any

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "balintroom.accounts"
    label = "accounts"

    def ready(self) -> None:
        from allauth.account import signals as allauth_signals
        from allauth.mfa import signals as mfa_signals
        from django.contrib.auth import signals as auth_signals

        from .audit import audit
        from .middleware import session_started
        from .models import AuditKind, User

        def signed_in(sender: Any, *, request: Any, user: Any, **kwargs: Any) -> None:
            if request is not None and hasattr(request, "session"):
                session_started(request=request)
            audit(AuditKind.SIGN_IN, user_id=user.pk, actor_id=user.pk, request=request)

        def signed_out(sender: Any, *, request: Any, user: Any, **kwargs: Any) -> None:
            if user is not None:
                audit(AuditKind.SIGN_OUT, user_id=user.pk, actor_id=user.pk, request=request)

        def sign_in_failed(sender: Any, *, credentials: dict[str, Any], request: Any = None,
                           **kwargs: Any) -> None:
            # The address typed is not kept: a typo can be someone else's address.
            user = User.objects.filter(email__iexact=str(credentials.get("email", ""))).first()
            audit(AuditKind.SIGN_IN_FAILED, user_id=user.pk if user else None,
                  request=request)

        def own(kind: AuditKind) -> Any:
            def record(sender: Any, *, request: Any = None, user: Any, **kwargs: Any) -> None:
                audit(kind, user_id=user.pk, actor_id=user.pk, request=request)
            return record

        connect = [
            (auth_signals.user_logged_in, signed_in, "signed_in"),
            (auth_signals.user_logged_out, signed_out, "signed_out"),
            (auth_signals.user_login_failed, sign_in_failed, "sign_in_failed"),
            (allauth_signals.password_changed, own(AuditKind.PASSWORD_CHANGED), "pw_changed"),
            (allauth_signals.password_set, own(AuditKind.PASSWORD_CHANGED), "pw_set"),
            (allauth_signals.password_reset, own(AuditKind.PASSWORD_RESET), "pw_reset"),
            (allauth_signals.email_added, own(AuditKind.EMAIL_CHANGED), "email_added"),
            (allauth_signals.email_removed, own(AuditKind.EMAIL_CHANGED), "email_removed"),
            (allauth_signals.email_changed, own(AuditKind.EMAIL_CHANGED), "email_changed"),
            (mfa_signals.authenticator_added, own(AuditKind.TWO_FACTOR_CHANGED), "mfa_added"),
            (mfa_signals.authenticator_removed, own(AuditKind.TWO_FACTOR_CHANGED),
             "mfa_removed"),
            (mfa_signals.authenticator_reset, own(AuditKind.TWO_FACTOR_CHANGED), "mfa_reset"),
        ]
        for signal, receiver, name in connect:
            signal.connect(receiver, dispatch_uid=f"accounts.audit.{name}", weak=False)
