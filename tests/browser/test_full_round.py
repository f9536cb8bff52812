"""A whole Balint round in real browsers: a leader, four members and the room display,
each in a browser context of its own, against a real server process."""

import json
import time
from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import PHASE_WATCH, log_in, more, steer
from tests.support.server import Server

pytestmark = [pytest.mark.browser, pytest.mark.server]

PHASES = ["presentation", "clarifying_questions", "group_exploration", "presenter_returns",
          "review"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def seconds_left(page: Any) -> int:
    return int(page.get_attribute("#timer", "data-seconds-left"))


def wait_phase(pages: dict[str, Any], key: str, timeout_ms: int = 5000) -> None:
    for page in pages.values():
        page.wait_for_selector(f"#stage[data-phase={key}]", timeout=timeout_ms)


def phase_latency_ms(pages: dict[str, Any], key: str, clicked_at: float) -> float:
    """From the leader's click to the last page that showed the phase."""
    seen = [page.evaluate(f"window.__phaseSeen[{json.dumps(key)}]") for page in pages.values()]
    return max(seen) - clicked_at


def click(page: Any, selector: str) -> float:
    """Click as the user would, returning the page's clock just before the click."""
    page.wait_for_selector(f"{selector}:not([hidden])")
    started = page.evaluate("Date.now()")
    page.click(selector)
    return float(started)


def wait_until(condition: Any, timeout: float = 5.0) -> None:
    # Polled from here: the pages' Content-Security-Policy forbids evaluating strings.
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


def assert_times_agree(pages: dict[str, Any]) -> None:
    # Read every page twice within a short moment; the displayed whole seconds may only
    # differ where a second ticks over between two reads.
    readings = {name: seconds_left(page) for name, page in pages.items()}
    spread = max(readings.values()) - min(readings.values())
    assert spread <= 1, f"displayed times disagree: {readings}"


def answer_the_review(pages: dict[str, Any]) -> None:
    """Three members answer in their room's review card; everyone, the display too, then
    sees the group's summary without names, and the presenter may keep her mirror."""
    for name, feeling in (("ben", "helpless"), ("clara", "angry"), ("david", "helpless")):
        page = pages[name]
        page.wait_for_selector("#review-card form[data-review-form]")
        page.click("#review-card label:has(input[name=urge][value='4'])")
        page.click(f"#review-card label:has(input[name=feelings][value={feeling}])")
        page.click("#review-card button[type=submit]")
        page.wait_for_selector("#review-card:has-text('You have answered')")
    for name in ("leader", "anna", "display"):
        pages[name].wait_for_selector("#review-summary:has-text('From 3 answers')")
    summary = pages["display"].text_content("#review-summary")
    assert "helpless" in summary and "4.0" in summary
    assert "Ben" not in summary and "Clara" not in summary
    anna = pages["anna"]
    anna.wait_for_selector("#review-card .mirror")
    anna.click("#review-card .mirror label:has(input[value=helpless])")
    anna.click("#review-card .mirror button[type=submit]")
    anna.wait_for_selector("#review-card .mirror:has-text('Change what I keep')")


def test_it_runs_a_full_round_for_leader_members_and_display(browser: Any, server: Server) -> None:
    demo = server.demo("round")
    accounts = {a["email"].split("-")[0]: a for a in demo["accounts"]}
    room_url = f"{server.url}/m/{demo['meeting']}/room/"
    pages: dict[str, Any] = {}
    for name in ("leader", "anna", "ben", "clara", "david"):
        # The leader runs the round from a phone.
        viewport = {"width": 390, "height": 844} if name == "leader" else None
        context = browser.new_context(viewport=viewport or {"width": 1200, "height": 900})
        context.add_init_script(PHASE_WATCH)
        page = context.new_page()
        log_in(page, server, accounts[name]["email"], accounts[name]["password"])
        page.goto(room_url)
        pages[name] = page
    display_context = browser.new_context(viewport={"width": 1280, "height": 720})
    display_context.add_init_script(PHASE_WATCH)
    display = display_context.new_page()
    display.goto(f"{server.url}/m/{demo['meeting']}/display/#{demo['display_token']}")
    pages["display"] = display
    for page in pages.values():
        page.wait_for_selector("#connection[data-state=open]")
    leader, anna = pages["leader"], pages["anna"]

    # Who has a case? Anna volunteers, the leader picks her.
    steer(leader, "ask_for_cases")
    anna.wait_for_selector("#cases:not([hidden])")
    anna.fill("#volunteer-label", "the woman with the headaches")
    anna.click("#volunteer-button")
    leader.wait_for_selector("#volunteers li[data-user] button")
    assert "the woman with the headaches" in leader.text_content("#volunteers")
    leader.click("#volunteers li[data-user] button")
    pages["ben"].wait_for_selector("#presenter:has-text('Anna')")

    latencies: dict[str, float] = {}
    clicked = steer(leader, "start")
    wait_phase(pages, "presentation")
    latencies["presentation"] = phase_latency_ms(pages, "presentation", clicked)
    assert_times_agree(pages)
    assert seconds_left(display) in (600, 599)
    assert "Listen. No questions yet." in display.text_content("#phase-rule")

    for key in PHASES[1:]:
        clicked = steer(leader, "advance")
        wait_phase(pages, key)
        latencies[key] = phase_latency_ms(pages, key, clicked)
        assert_times_agree(pages)

        if key == "group_exploration":
            assert "sitting back" in anna.text_content("#guidance")
            assert "camera off" in anna.text_content("#guidance")
            assert "Explore, don't solve" in pages["ben"].text_content("#guidance")
            # Ben reloads in the middle of the exploration and comes back to it.
            before = seconds_left(leader)
            pages["ben"].reload()
            pages["ben"].wait_for_selector("#stage[data-phase=group_exploration]")
            pages["ben"].wait_for_selector("#connection[data-state=open]")
            time.sleep(0.5)  # let the page's clock offset settle on its pings
            assert abs(seconds_left(pages["ben"]) - seconds_left(leader)) <= 1
            assert seconds_left(leader) <= before
            # A pause holds the time for everyone; resume goes on from there.
            click(leader, "#pause-button")
            for page in pages.values():
                page.wait_for_selector("#stage[data-status=paused]")
            held = seconds_left(display)
            time.sleep(1.5)
            assert seconds_left(display) == held
            click(leader, "#resume-button")
            for page in pages.values():
                page.wait_for_selector("#stage[data-status=running]")
            more(leader, "#extend5-button")
            # Every page, the leader's own too, has the extension before they are compared.
            wait_until(lambda: all(seconds_left(p) > 1400 for p in pages.values()))
            assert_times_agree(pages)
        if key == "presenter_returns":
            assert "Listen, do not comment" in pages["clara"].text_content("#guidance")
            # The server stops in the middle of the round and comes back: every page
            # reconnects by itself and the round goes on in the same phase and time.
            before = seconds_left(leader)
            server.stop(hard=True)
            for page in pages.values():
                page.wait_for_selector("#connection[data-state=lost]")
            server.start()
            for page in pages.values():
                page.wait_for_selector("#connection[data-state=open]", timeout=15000)
            wait_phase(pages, "presenter_returns")
            time.sleep(0.5)
            assert_times_agree(pages)
            assert before - 20 <= seconds_left(leader) <= before
        if key == "review":
            questions = leader.text_content("#review-questions")
            assert "urge to" in questions and "solve" in questions
            answer_the_review(pages)

    # The agenda's last phase: her next step is to end the meeting; ending only the
    # round (for another case) is one tap away.
    assert leader.get_attribute("#primary-button", "data-action") == "end_meeting"
    more(leader, "#end-button")
    leader.click("#confirm-ok")
    for page in pages.values():
        page.wait_for_selector("#round-info:has-text('Rounds finished: 1')")
        assert page.get_attribute("#stage", "data-phase") == "none"
    steer(leader, "end_meeting")
    for page in pages.values():
        if page is not leader:
            page.wait_for_selector("#stage[data-phase=ended]")
    assert "The meeting has ended." in display.text_content("#phase-name")

    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "phase-latency.json").write_text(json.dumps(latencies, indent=2))
    print("phase change reached every browser within (ms):", latencies)
    slow = {k: v for k, v in latencies.items() if v >= 1000}
    assert not slow, f"a phase change took a second or more to reach every browser: {slow}"
