"""Secrets that must ride in an address - a calendar subscription, an invitation, an
unsubscribe link, a password-reset key - are taken out of the log lines that would
carry them (the server's access log, Django's warnings for 404s and 405s).

The room display's key never is in an address (live/display.py); these cannot avoid it:
a calendar app knows only a URL, an e-mail only a link."""

import logging
import re

# The part of the address after these prefixes is a secret.
SECRET_PATHS = re.compile(
    r"(/calendar/|/invite/|/unsubscribe/|/accounts/data/export/|"
    r"/accounts/password/reset/key/|/accounts/confirm-email/)[^/\s\"?]+")
REDACTED = r"\1[redacted]"


def redacted(text: str) -> str:
    return SECRET_PATHS.sub(REDACTED, text)


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redacted(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redacted(a) if isinstance(a, str) else a for a in record.args)
        return True


# uvicorn's access log, Django's request warnings, and the development server's.
REDACTED_LOGGERS = ("uvicorn.access", "uvicorn.error", "django.request", "django.server")


def install() -> None:
    for name in REDACTED_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSecrets) for f in logger.filters):
            logger.addFilter(RedactSecrets())
