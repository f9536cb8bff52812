"""Accounts made by the product itself (not by allauth's sign-up page)."""

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction

from .models import User


class AddressTaken(Exception):
    """An account with this address exists: its owner signs in instead."""


def account_create_verified(*, email: str, password: str, display_name: str,
                            profession: str, timezone: str, language: str = "",
                            profession_kind: str = "") -> User:
    """An account whose address is already proven (the invitation's link reached it): no
    confirmation e-mail is sent; the address is her verified, primary one."""
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise AddressTaken(email)
    try:
        with transaction.atomic():
            user = User.objects.create_user(email, password, display_name=display_name,
                                            profession=profession,
                                            profession_kind=profession_kind,
                                            timezone=timezone,
                                            language=language)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    except IntegrityError as taken:  # made a moment ago, by a second click
        raise AddressTaken(email) from taken
    return user
