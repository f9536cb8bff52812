"""A real SMTP server on loopback (aiosmtpd), for servers under test to send to: the
tests read back what arrived, as a mail program would."""

import email
import email.policy
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Mailbox:
    port: int
    messages: list[EmailMessage] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        """What a server's environment needs to send here."""
        return {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(self.port),
                "EMAIL_USE_TLS": "0", "DEFAULT_FROM_EMAIL": "groups@balint.example.org"}

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 OK"

    def to(self, address: str, timeout: float = 10) -> list[EmailMessage]:
        """What arrived for this address, waiting a moment for the first."""
        deadline = time.monotonic() + timeout
        while True:
            found = [m for m in self.messages if address in str(m["To"])]
            if found or time.monotonic() > deadline:
                return found
            time.sleep(0.05)


def plain_text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None, "the e-mail has no plain-text part"
    return str(part.get_content())


@contextmanager
def smtp_server() -> Iterator[Mailbox]:
    from aiosmtpd.controller import Controller

    mailbox = Mailbox(port=free_port())
    controller = Controller(mailbox, hostname="127.0.0.1", port=mailbox.port)
    controller.start()
    try:
        yield mailbox
    finally:
        controller.stop()
