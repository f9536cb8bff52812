"""The keys for case material, and encryption with them (cryptography's MultiFernet).

The keys come from FIELD_ENCRYPTION_KEYS, newest first: the first encrypts, all decrypt,
which is what lets keys rotate. They are never derived from SECRET_KEY, so that whoever
holds the signing key (or a database backup) still cannot read a note.
"""

import os
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

__all__ = ["DecryptionError", "decrypt", "encrypt", "is_configured", "keys"]

MISSING_KEYS = (
    "No key for encrypted case material. Set FIELD_ENCRYPTION_KEYS (or "
    "FIELD_ENCRYPTION_KEYS_FILE) to one or more Fernet keys, newest first. Make one with: "
    'python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
)


class DecryptionError(Exception):
    """A stored value that none of the keys opens: a key was removed too early, or the
    keys belong to another installation. Says nothing about the value itself."""


def _dev_keys() -> list[str]:
    """Development only: one key in DATA_DIR, made on first use."""
    path = Path(settings.FIELD_ENCRYPTION_DEV_KEY_FILE)
    if not path.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Created readable by its owner only, and never overwritten if two processes race.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as file:
                file.write(Fernet.generate_key().decode() + "\n")
    found = path.read_text().split()
    if not found:  # another process has just created it and not yet written the key
        raise ImproperlyConfigured(f"{path} holds no key yet; try again.")
    return found


def is_configured() -> bool:
    return bool(settings.FIELD_ENCRYPTION_KEYS) or settings.DEBUG


def keys() -> list[str]:
    configured = list(settings.FIELD_ENCRYPTION_KEYS)
    if configured:
        return configured
    if settings.DEBUG:
        return _dev_keys()
    raise ImproperlyConfigured(MISSING_KEYS)


@lru_cache(maxsize=8)
def _multifernet(key_tuple: tuple[str, ...]) -> MultiFernet:
    fernets = []
    for position, key in enumerate(key_tuple, start=1):
        try:
            fernets.append(Fernet(key))
        except (ValueError, TypeError):
            # The key itself stays out of the message: error pages and logs keep it.
            raise ImproperlyConfigured(
                f"FIELD_ENCRYPTION_KEYS: key number {position} is not a Fernet key "
                "(32 url-safe base64-encoded bytes)."
            ) from None
    return MultiFernet(fernets)


def multifernet() -> MultiFernet:
    return _multifernet(tuple(keys()))


def encrypt(plaintext: str) -> str:
    return multifernet().encrypt(plaintext.encode()).decode("ascii")


def decrypt(token: str, *, where: str = "a value") -> str:
    try:
        return multifernet().decrypt(token.encode("ascii")).decode()
    except (InvalidToken, UnicodeEncodeError):
        raise DecryptionError(
            f"None of FIELD_ENCRYPTION_KEYS opens {where}. Was a key removed before "
            "`balintroom rotate_encryption_keys` had run?"
        ) from None

