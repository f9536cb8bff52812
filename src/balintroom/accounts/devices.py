"""Devices she has signed in on, so that a stranger's guessing cannot lock her out.

Failed sign-ins are counted per address (allauth's login_failed limit) in the shared cache.
A browser that has signed in to the account before carries a signed cookie saying so; its
attempts are counted apart. Whoever types her address elsewhere is slowed down after a
few wrong passwords - and she is told by e-mail - while at her own computer or phone she
still signs in (OWASP's "device cookies")."""

import logging
import smtplib

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from .audit import audit
from .models import AuditKind, User

log = logging.getLogger(__name__)

DEVICE_COOKIE = "balintroom-device"
DEVICE_SALT = "balintroom.known-device"
DEVICE_DAYS = 365
# At most one warning an hour, however long the guessing goes on.
WARNING_EVERY_SECONDS = 3600


def device_remember(response: HttpResponse, user: User) -> None:
    response.set_cookie(
        DEVICE_COOKIE, signing.dumps(user.pk, salt=DEVICE_SALT),
        max_age=DEVICE_DAYS * 86400, httponly=True, samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE)


def device_known_for(request: HttpRequest, email: str) -> bool:
    """Has this browser signed in to the account of this address before?"""
    value = request.COOKIES.get(DEVICE_COOKIE, "")
    if not value or not email:
        return False
    try:
        user_id = signing.loads(value, salt=DEVICE_SALT, max_age=DEVICE_DAYS * 86400)
    except signing.BadSignature:
        return False
    return isinstance(user_id, int) and User.objects.filter(
        pk=user_id, email__iexact=email).exists()


def guessing_warn(email: str) -> None:
    """Tell the owner of the address that someone is guessing her password (once an hour);
    nothing if there is no such account - the page says the same either way."""
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is None or not cache.add(f"guessing-warned:{user.pk}", 1, WARNING_EVERY_SECONDS):
        return
    audit(AuditKind.GUESSING_SLOWED, user_id=user.pk)
    context = {"user": user, "reset_link": settings.SITE_URL + "/accounts/password/reset/"}
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string("account/email/guessing_subject.txt",
                                            context).split())
        body = render_to_string("account/email/guessing_body.txt", context)
    try:
        send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [user.email])
    except (smtplib.SMTPException, OSError) as exc:
        log.warning("sign-in warning to user #%s not sent: %s", user.pk, type(exc).__name__)
