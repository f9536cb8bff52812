"""Two-factor secrets at rest: an authenticator app's key and the recovery codes' seed are
encrypted with FIELD_ENCRYPTION_KEYS, as notes are (allauth stores them in the clear
unless its adapter says otherwise). A database backup alone then cannot produce codes."""

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.db import transaction

from balintroom.cases import crypto

# Where allauth keeps the secret of each kind of authenticator.
SECRET_OF = {Authenticator.Type.TOTP: "secret", Authenticator.Type.RECOVERY_CODES: "seed"}


class MFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt(encrypted_text, where="a two-factor secret")


def two_factor_secrets_rotate() -> int:
    """Encrypt every two-factor secret again with the newest key; how many."""
    rotated = 0
    with transaction.atomic():
        for authenticator in Authenticator.objects.select_for_update().filter(
                type__in=list(SECRET_OF)):
            field = SECRET_OF[Authenticator.Type(authenticator.type)]
            value = authenticator.data.get(field)
            if not value:
                continue
            authenticator.data[field] = crypto.encrypt(crypto.decrypt(value))
            authenticator.save(update_fields=["data"])
            rotated += 1
    return rotated
