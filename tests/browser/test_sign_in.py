"""Signing in on a phone, in a real browser: labelled fields, a "Forgot your password?"
link large enough to tap, the checkbox's words toggle it, and the next page says who is
signed in."""

from typing import Any

import pytest

from tests.support.server import Server

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_a_member_signs_in_on_a_phone(browser: Any, server: Server) -> None:
    account = server.demo("signin")["accounts"][0]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{server.url}/accounts/login/")

    forgot = page.get_by_role("link", name="Forgot your password?")
    box = forgot.bounding_box()
    assert box is not None and box["width"] >= 24 and box["height"] >= 24, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_label("Email address").fill(account["email"])
    page.get_by_label("Password").fill(account["password"])
    page.get_by_text("Keep me signed in on this device").click()
    assert page.get_by_label("Keep me signed in on this device").is_checked()
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.url}/")
    assert page.get_by_text("You are signed in as").is_visible()
    context.close()
