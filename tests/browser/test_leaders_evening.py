"""A leader's whole classic meeting from her phone (390x844), her co-leader and four members
on laptops and the room display: she never scrolls for a control, her taps from opening
the room to confirmed attendance are counted, every role sees what is asked of her, and
axe finds nothing critical or serious in any role's room at any moment."""

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest

from tests.support.axe import axe_findings, axe_report
from tests.support.browser import log_in
from tests.support.server import Server

pytestmark = [pytest.mark.browser, pytest.mark.server]

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "evening"
MOST_TAPS = 12  # a classic meeting, four members, from the room to confirmed attendance


class Leader:
    """The leader's phone: every tap she makes is counted, and the control she taps must
    be in view without scrolling."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.taps: list[str] = []

    def in_view(self, selector: str) -> None:
        self.page.wait_for_selector(f"{selector}:not([hidden])")
        box = self.page.locator(selector).first.bounding_box()
        assert box is not None, selector
        assert self.page.evaluate("window.scrollY") == 0, "she has scrolled"
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (selector, box)
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (selector, box)

    def tap(self, selector: str, why: str) -> None:
        self.in_view(selector)
        self.page.locator(selector).first.click()
        self.taps.append(why)

    def next_step(self, action: str, why: str) -> None:
        self.page.wait_for_selector(f"#primary-button[data-action={action}]")
        self.tap("#primary-button", why)


def phase_on(pages: list[Any], key: str) -> None:
    for page in pages:
        page.wait_for_selector(f"#stage[data-phase={key}]")


def shoot(pages: dict[str, Any], moment: str) -> None:
    """A screenshot of every page at this moment, each checked with axe: no critical or
    serious finding in any role's room state (Clara reads the room in German)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    time.sleep(0.3)
    for name, page in pages.items():
        page.screenshot(path=str(ARTIFACTS / f"{moment}-{name}.png"))
        findings = axe_findings(page)
        assert not findings, axe_report(findings, where=f"{moment}, {name}")


def test_a_leader_runs_her_evening_from_her_phone(browser: Any, server: Server) -> None:
    demo = server.demo("evening", "classic")
    accounts = {a["email"].split("-")[0]: a for a in demo["accounts"]}
    server.command("shell", "-c", "from balintroom.accounts.models import User; "
                   f"User.objects.filter(email='{accounts['clara']['email']}')"
                   ".update(language='de')")
    room = f"{server.url}/m/{demo['meeting']}/room/"
    pages: dict[str, Any] = {}
    for name in ("leader", "coleader", "anna", "ben", "clara", "david"):
        context = browser.new_context(viewport=PHONE if name == "leader" else LAPTOP)
        page = context.new_page()
        log_in(page, server, accounts[name]["email"], accounts[name]["password"])
        pages[name] = page
    display = browser.new_context(viewport=LAPTOP).new_page()
    display.goto(f"{server.url}/m/{demo['meeting']}/display/#{demo['display_token']}")
    for page in pages.values():
        page.goto(room)
        page.wait_for_selector("#connection[data-state=open]")
    leader = Leader(pages["leader"])
    anna, ben, clara, david = (pages[n] for n in ("anna", "ben", "clara", "david"))
    members = [anna, ben, clara, david]
    everyone = [pages["leader"], pages["coleader"], *members, display]
    shoot({**pages, "display": display}, "0-arriving")

    # Who has a case? Anna, and the leader chooses her: both from the dock.
    leader.next_step("ask_for_cases", "ask who has a case")
    anna.fill("#volunteer-label", "the night call")
    anna.click("#volunteer-button")
    leader.next_step("choose_presenter", "choose Anna")
    ben.wait_for_selector("#presenter:has-text('Anna')")
    leader.next_step("start", "start the round")
    phase_on(everyone, "presentation")
    # Nobody raises a hand while the presenter tells her case.
    assert all(page.is_hidden("#hand-button") for page in members)
    shoot(pages, "1-presentation")

    # The clarifying questions: Ben raises his hand; the leader sees it wherever she is.
    assert "Next: Clarifying questions" in pages["leader"].text_content("#primary-button")
    leader.next_step("advance", "to the clarifying questions")
    phase_on(everyone, "clarifying_questions")
    ben.click("#hand-button")
    leader.in_view("#signals .hand button")
    leader.tap("#signals .hand button", "give Ben the word")
    ben.wait_for_selector("#signals .your-turn:has-text('You have the word')")
    clara.click("#hand-button")
    pages["leader"].wait_for_selector("#signals .hand:has-text('Clara')")
    shoot(pages, "2-clarifying")

    # The group exploration: the queue is cleared; Anna sits back with nothing to do.
    leader.next_step("advance", "to the group exploration")
    phase_on(everyone, "group_exploration")
    pages["leader"].wait_for_selector("#signals .hand", state="detached")
    assert clara.get_attribute("#hand-button", "data-raised") == "false"
    assert anna.is_hidden("#hand-button") and anna.is_hidden("#dock")
    assert anna.text_content("#phase-name") == "You are listening"
    # Members whose video call is in front read the phase and the time in the tab.
    assert re.match(r"\d+:\d\d · Group exploration – ", ben.title()), ben.title()
    david.click("#may-know-button")
    david.click("#confirm-ok")
    leader.tap("#signals .lindauer button", "see David out")
    david.wait_for_selector("#outside-note:not([hidden])")
    assert "the night call" not in david.text_content("#stage")
    ben.wait_for_selector("#participants li[data-presence=outside]")
    shoot({**pages, "display": display}, "3-exploration")

    # The presenter returns: her turn; the group is silent, and has no hands to raise.
    leader.next_step("advance", "to the presenter's return")
    phase_on(everyone, "presenter_returns")
    assert "Your turn" in anna.text_content("#guidance")
    assert ben.is_hidden("#hand-button")
    leader.tap("#signals .lindauer button", "let David back in")
    david.wait_for_selector("#outside-note", state="hidden")
    # Back in, he may say again that he knows the patient, should the case turn out so.
    david.wait_for_selector("#may-know-button:not([hidden])")
    shoot(pages, "4-returns")

    # The review; its questions do not push the next step out of her reach.
    leader.next_step("advance", "to the review")
    phase_on(everyone, "review")
    shoot(pages, "5-review")

    # The meeting ends, for everyone, and she lands on what is left to do.
    leader.next_step("end_meeting", "end the meeting")
    leader.tap("#confirm-ok", "confirm the end")
    pages["leader"].wait_for_url(f"{server.url}/m/{demo['meeting']}/after/")
    for page in members:
        page.wait_for_selector("#stage[data-phase=ended]")
        page.wait_for_selector("#closing:not([hidden])")
        assert page.title().split(" – ")[0] in ("Ended", "Beendet")  # Clara reads German
    display.wait_for_selector("#phase-name:has-text('The meeting has ended.')")
    shoot({**pages, "display": display}, "6-ended")

    # Attendance: pre-filled from the room, confirmed in one tap.
    leader.tap("#confirm-attendance", "confirm attendance")
    pages["leader"].wait_for_selector("text=Attendance confirmed")
    shoot({"leader": pages["leader"]}, "7-after")

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "taps.json").write_text(json.dumps(leader.taps, indent=2))
    print(f"the leader's taps, from the room to confirmed attendance: {len(leader.taps)}",
          leader.taps)
    essential = [t for t in leader.taps if t not in (
        "give Ben the word", "see David out", "let David back in")]
    assert len(essential) <= MOST_TAPS, essential
