"""On a phone (390 px wide) no page scrolls sideways: tables stack into cards
(table.stack), forms and long words wrap. A representative set of pages, as the leader, a
member, the coordinator and a visitor see them."""

import json
from typing import Any

import pytest

from tests.support.browser import log_in
from tests.support.server import Server

pytestmark = [pytest.mark.browser, pytest.mark.server]

PHONE = {"width": 390, "height": 844}


def _too_wide(page: Any, server: Server, paths: list[str]) -> dict[str, int]:
    wide = {}
    for path in paths:
        response = page.goto(server.url + path)
        assert response is not None and response.ok, path
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[path] = width
    return wide


def test_no_page_scrolls_sideways_on_a_phone(browser: Any, server: Server) -> None:
    demo = json.loads(server.command("records_demo", "--json", "--tag", "narrow"))
    accounts = {a["role"] if a["role"] != "member" else a["email"].split("-")[0]: a
                for a in demo["accounts"]}
    group, organisation = demo["group"], demo["organisation"]
    pages = {
        "leader": [f"/groups/{group}/", f"/groups/{group}/records/",
                   f"/groups/{group}/records/hours/", f"/groups/{group}/certificates/",
                   f"/groups/{group}/organisations/", "/logbook/"],
        "anna": [f"/groups/{group}/records/", "/certificates/"],
        "coordinator": ["/o/", f"/o/{organisation}/", f"/o/{organisation}/groups/{group}/"],
        None: ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"],
    }
    wide: dict[str, int] = {}
    for who, paths in pages.items():
        for language in ("en", "de"):  # German words are longer
            context = browser.new_context(viewport=PHONE, locale=language,
                                          extra_http_headers={"Accept-Language": language})
            page = context.new_page()
            if who is not None:
                log_in(page, server, accounts[who]["email"], accounts[who]["password"])
            wide.update({f"{who} {language} {path}": width
                         for path, width in _too_wide(page, server, paths).items()})
            context.close()
    assert wide == {}

    # The hours table really is stacked: a cell names its column.
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    log_in(page, server, accounts["leader"]["email"], accounts["leader"]["password"])
    page.goto(f"{server.url}/groups/{group}/records/hours/")
    cell = page.locator("#hours td[data-label='Double hours']").first
    label = cell.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Double hours"'
    assert page.locator("#hours thead").bounding_box()["width"] <= 1  # type: ignore[index]
    context.close()
