"""A security key in a real browser: a leader adds one (Chromium's virtual authenticator
stands in for the key on her keyring), and signs in with it after her password - the
passkey path of two-factor sign-in, JavaScript, WebAuthn and all."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet

from tests.support.server import Server

PASSWORD_AGAIN = "input[name=password]"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """As the browser tests' own, with a key for the two-factor secrets (the recovery
    codes made with the first key are encrypted, front/mfa.py)."""
    server = Server(data_dir=tmp_path / "server",
                    extra_env={"FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode()})
    server.command("migrate", "--noinput", "-v0")
    server.start()
    yield server
    server.stop()


def test_a_leader_adds_a_security_key_and_signs_in_with_it(browser: Any, server: Server) -> None:
    demo = server.demo("key")
    # A security key belongs to a domain name, never to an IP address: "localhost".
    site = server.url.replace("127.0.0.1", "localhost")
    leader = next(a for a in demo["accounts"] if a["role"] == "leader")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "usb", "hasResidentKey": True,
        "hasUserVerification": True, "isUserVerified": True}})

    def password_then(submit: str = "form button[type=submit]") -> None:
        page.fill("input[name=login]", leader["email"])
        page.fill(PASSWORD_AGAIN, leader["password"])
        page.click(submit)

    page.goto(f"{site}/accounts/login/")
    password_then()
    page.wait_for_url(f"{site}/")
    page.goto(f"{site}/accounts/2fa/webauthn/add/")
    if page.locator(PASSWORD_AGAIN).count():  # her password again, before a change
        page.fill(PASSWORD_AGAIN, leader["password"])
        page.click("main button[type=submit]")
    page.fill("input[name=name]", "Keyring")
    page.click("#mfa_webauthn_add")
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)
    page.goto(f"{site}/accounts/2fa/webauthn/")
    assert "Keyring" in page.text_content("main")

    # Signed out and in again: after her password, the key.
    page.goto(f"{site}/accounts/logout/")
    page.click("main button[type=submit]")
    page.goto(f"{site}/accounts/login/")
    password_then()
    page.wait_for_url(f"{site}/accounts/2fa/authenticate/")
    assert page.locator("#mfa_webauthn_authenticate").is_visible()
    page.click("#mfa_webauthn_authenticate")
    page.wait_for_url(f"{site}/")
    assert "Sign out" in page.text_content(".site-header")  # signed in, at her groups
    context.close()
