"""A real SMTP server on loopback for the groups' e-mails (tests/support/smtp.py)."""

from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.smtp import Mailbox, smtp_server


@pytest.fixture
def mailbox(settings: Any) -> Iterator[Mailbox]:
    with smtp_server() as box:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", box.port
        settings.EMAIL_USE_TLS = False
        settings.SITE_URL = "https://balint.example.org"
        yield box
