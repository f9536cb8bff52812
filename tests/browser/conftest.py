import base64
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server import Server

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
]


def _chromium_path() -> str | None:
    if os.path.exists(CHROMIUM):
        return CHROMIUM
    return shutil.which("chromium")


# One Playwright per test module: its sync API keeps an event loop running in this thread,
# which the asyncio tests that run after the browser tests must not find.
@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    path = _chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests, and Chromium is missing")
        pytest.skip("no Chromium here (CI installs it: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """A server of the test's own: SQLite and the in-memory layer, migrated, with a key
    for what is encrypted (notes, review answers), as every deployment has one."""
    key = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
    server = Server(data_dir=tmp_path / "server", extra_env={"FIELD_ENCRYPTION_KEYS": key})
    server.command("migrate", "--noinput", "-v0")
    server.start()
    yield server
    server.stop()
