"""Joining, tried as a new member would, on her phone: the leader invites her from the
group's page; the e-mail arrives (a real SMTP server on loopback); its link leads to one
short page - her address already there and trusted, her name and profession asked, the
group's confidentiality agreement - and from there straight into the group, where she
sees the next meeting. No second e-mail to confirm an address the link has proven."""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import log_in
from tests.support.server import Server
from tests.support.smtp import Mailbox, plain_text, smtp_server

pytestmark = [pytest.mark.browser, pytest.mark.server]

PHONE = {"width": 390, "height": 844}
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    with smtp_server() as box:
        yield box


@pytest.fixture
def mail_server(tmp_path: Path, mailbox: Mailbox) -> Iterator[Server]:
    server = Server(data_dir=tmp_path / "server", extra_env=mailbox.env)
    server.command("migrate", "--noinput", "-v0")
    server.start()
    yield server
    server.stop()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_an_invited_social_worker_joins_in_one_step(browser: Any, mail_server: Server,
                                                    mailbox: Mailbox) -> None:
    server = mail_server
    demo = server.demo("join")
    leader = demo["accounts"][0]
    lena = browser.new_context(viewport=PHONE).new_page()
    log_in(lena, server, leader["email"], leader["password"])
    lena.goto(f"{server.url}/groups/{demo['group']}/")
    lena.get_by_label("Email address").fill("jonas.keller@example.org")
    lena.get_by_role("button", name="Send the invitation").click()
    assert lena.get_by_text("The invitation was sent to jonas.keller@example.org.").is_visible()

    (invitation,) = mailbox.to("jonas.keller@example.org")
    link = re.search(r"https?://\S+/invite/\S+/", plain_text(invitation))
    assert link is not None, plain_text(invitation)
    sent_before = len(mailbox.messages)

    jonas = browser.new_context(viewport=PHONE, timezone_id="Europe/Vienna").new_page()
    jonas.goto(link.group(0))
    address = jonas.get_by_label("Email address")
    assert address.input_value() == "jonas.keller@example.org"
    assert address.get_attribute("readonly") is not None
    assert jonas.evaluate("document.documentElement.scrollWidth") <= 390
    shot(jonas, "join-invitation-390")
    jonas.get_by_label("Display name").fill("Jonas Keller")
    jonas.get_by_role("combobox", name="Profession").select_option("social_worker")
    jonas.get_by_label("Choose a password").fill("a-long-new-password-73")
    jonas.get_by_label("The same password again").fill("a-long-new-password-73")
    jonas.get_by_text("I accept the group's confidentiality agreement").click()
    jonas.get_by_role("button", name="Accept and join the group").click()

    jonas.wait_for_url(f"{server.url}/groups/{demo['group']}/")
    assert jonas.get_by_text("Welcome to").is_visible()
    header = jonas.text_content("header") or ""
    assert "Jonas Keller" in header and "jonas.keller" not in header
    # Her next meeting is there, on the first screen of her phone.
    upcoming = jonas.locator("#upcoming-title")
    box = upcoming.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
    shot(jonas, "join-group-390")
    # No e-mail asked her to confirm her address.
    assert len(mailbox.messages) == sent_before

    # Her account is hers: she signs in again with it, on another device.
    again = browser.new_context(viewport=PHONE).new_page()
    log_in(again, server, "jonas.keller@example.org", "a-long-new-password-73")
    profile = again.goto(f"{server.url}/accounts/profile/")
    assert profile is not None and profile.ok
    assert again.get_by_label("Time zone").input_value() == "Europe/Vienna"
