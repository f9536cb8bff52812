"""A member is in the room on her phone when the leader changes the group's agreement: the
room sends her out at once, says why with a link to the new text, shows nothing more of
the room, and once she accepts it she is back in."""

from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import log_in
from tests.support.server import Server

pytestmark = [pytest.mark.browser, pytest.mark.server]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def test_a_changed_agreement_sends_her_out_and_back_in(browser: Any, server: Server) -> None:
    demo = server.demo("agreement", "double_hour")
    accounts = {a["email"].split("-")[0]: a for a in demo["accounts"]}
    room = f"{server.url}/m/{demo['meeting']}/room/"

    phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    log_in(phone, server, accounts["anna"]["email"], accounts["anna"]["password"])
    phone.goto(room)
    phone.wait_for_selector("#connection[data-state=open]")
    assert phone.locator("#stage").is_visible()

    leader = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    log_in(leader, server, accounts["leader"]["email"], accounts["leader"]["password"])
    leader.goto(f"{server.url}/groups/{demo['group']}/edit/")
    text = leader.locator("textarea[name=confidentiality_text]")
    text.fill(text.input_value() + " Notes stay on paper and are shredded after the group.")
    leader.locator("main form button[type=submit]").last.click()
    leader.wait_for_load_state()

    notice = phone.locator("#room-error")
    notice.locator("a").wait_for(timeout=10_000)
    assert "confidentiality agreement has changed" in notice.inner_text()
    assert not phone.locator("#stage").is_visible()  # nothing more of the room
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "agreement-changed-390.png"))

    notice.locator("a").click()
    phone.wait_for_selector("text=shredded after the group")
    phone.click("text=I accept the agreement")
    phone.wait_for_url(room)
    phone.wait_for_selector("#connection[data-state=open]")
    assert phone.locator("#stage").is_visible()
