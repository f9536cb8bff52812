"""Secrets that ride in addresses (calendar subscriptions, invitations, unsubscribe and
password-reset links) do not reach the server's logs."""

import contextlib
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from balintroom.core.redact import redacted
from tests.support.server import Server

SECRET = "Zq8cJd0sECRETtoken42"


@pytest.mark.parametrize("path", [
    f"/calendar/{SECRET}/meetings.ics", f"/invite/{SECRET}/", f"/unsubscribe/{SECRET}/",
    f"/accounts/data/export/{SECRET}/", f"/accounts/password/reset/key/1-{SECRET}/",
    f"/accounts/confirm-email/{SECRET}/"])
def test_a_secret_in_an_address_is_taken_out(path: str) -> None:
    line = f'127.0.0.1:5000 - "GET {path} HTTP/1.1" 404'
    assert SECRET not in redacted(line) and "[redacted]" in redacted(line)


def test_other_addresses_stay_as_they_are() -> None:
    line = '"GET /groups/12/meetings/3/edit/ HTTP/1.1" 200'
    assert redacted(line) == line


def test_the_servers_log_never_shows_them(tmp_path: Path) -> None:
    server = Server(data_dir=tmp_path / "server", extra_env={"LOG_LEVEL": "info"})
    server.command("migrate", "--noinput", "-v0")
    server.start()
    try:
        for path in (f"/calendar/{SECRET}/meetings.ics", f"/invite/{SECRET}/",
                     f"/unsubscribe/{SECRET}/"):
            # A 404 is logged twice: the access line and Django's warning.
            with contextlib.suppress(urllib.error.HTTPError):
                urllib.request.urlopen(server.url + path, timeout=10).close()
    finally:
        server.stop()
    log = server.log_path.read_text() if server.log_path else ""
    assert "/calendar/[redacted]" in log and "/invite/[redacted]" in log
    assert SECRET not in log
