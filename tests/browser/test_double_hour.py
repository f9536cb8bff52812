"""A real double-hour meeting in real browsers, run from the leader's console: the
check-in in turns, a follow-up of an earlier case, two rounds with prompt cards, raised
hands, the name mode, the leaders' private channel and the Lindauer rule, the leader's
browser closing mid-round (the co-leader and then the named back-up take over), and the
closing."""

import time
from typing import Any

import pytest

from tests.support.browser import log_in, steer
from tests.support.server import Server

pytestmark = [pytest.mark.browser, pytest.mark.server]


def visible(page: Any, selector: str, timeout: int = 5000) -> None:
    page.wait_for_selector(f"{selector}:not([hidden])", timeout=timeout)


def phase(pages: list[Any], key: str) -> None:
    for page in pages:
        page.wait_for_selector(f"#stage[data-phase={key}]")


def part(pages: list[Any], kind: str) -> None:
    for page in pages:
        page.wait_for_selector(f"#stage[data-part={kind}]")


def through_the_round(leader: Any, pages: list[Any]) -> None:
    for key in ("clarifying_questions", "group_exploration", "presenter_returns", "review"):
        steer(leader, "advance")
        phase(pages, key)


def test_it_runs_a_double_hour_from_the_console(browser: Any, server: Server) -> None:
    demo = server.demo("double", format_key="double_hour")
    accounts = {a["email"].split("-")[0]: a for a in demo["accounts"]}
    room_url = f"{server.url}/m/{demo['meeting']}/room/"
    contexts: dict[str, Any] = {}
    pages: dict[str, Any] = {}

    def enter(name: str, width: int = 1100) -> Any:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        log_in(page, server, accounts[name]["email"], accounts[name]["password"])
        page.goto(room_url)
        page.wait_for_selector("#connection[data-state=open]")
        contexts[name], pages[name] = context, page
        return page

    leader = enter("leader", width=390)  # from her phone
    coleader = enter("coleader")
    anna, ben, clara = enter("anna"), enter("ben"), enter("clara")
    everyone = [leader, coleader, anna, ben, clara]

    # The room recalls the group's confidentiality agreement before anything starts.
    visible(anna, "#agreement-recall")
    assert "stays in this group" in anna.text_content("#agreement-recall")

    # Check-in: each one present has a short turn, in order.
    assert "Check-in" in leader.text_content("#primary-button")
    steer(leader, "start")
    phase(everyone, "check_in")
    anna.wait_for_selector("#agreement-recall", state="hidden")
    order = anna.locator("#check-in-order li")
    assert order.count() == 5
    first = order.nth(0).text_content()
    # The others see whose turn it is; she sees that it is hers.
    assert first == "Anna" and "Anna" in ben.text_content("#guidance")
    assert anna.text_content("#guidance") == "Your turn"
    # A fresh turn of a minute (a second more while the page's clock offset is still
    # settling on a busy machine: the state's server time is read when it is sent).
    assert 55 <= int(anna.get_attribute("#timer", "data-seconds-left")) <= 61
    for turn in range(1, 5):
        steer(leader, "next_speaker")
        anna.wait_for_selector(f"#check-in-order li:nth-child({turn + 1}).current")
    # Her own page has the last turn too (the pages render a few milliseconds apart).
    leader.wait_for_selector("#primary-button:has-text('End the check-in')")
    leader.click("#primary-button")
    # Asked in the page, in words for what ends.
    assert leader.text_content("#confirm-text") == "End the check-in now?"
    leader.click("#confirm-ok")
    part(everyone, "follow_up")

    # Follow-up: the group's earlier cases, by label and date only.
    visible(leader, "#follow-up")
    assert "the night call" in leader.text_content("#earlier-cases")
    assert "Ben" not in leader.text_content("#earlier-cases")
    leader.click("#earlier-cases button")
    ben.wait_for_selector("#presenter:has-text('the night call')")
    steer(leader, "start")
    phase(everyone, "follow_up")
    assert "You are presenting" in ben.text_content("#presenter")
    assert "what happened next" in ben.text_content("#guidance")
    steer(leader, "end")
    part(everyone, "round")

    # Round 1. Anna's first label names the patient: she is asked before it is kept.
    visible(anna, "#cases")
    anna.fill("#volunteer-label", "Frau Müller, Hauptstraße 12")
    anna.select_option("#volunteer-urgency", "3")
    anna.click("#volunteer-button")
    visible(anna, "#label-check")
    assert "Hauptstraße 12" in anna.text_content("#label-check-findings")
    anna.click("#label-edit")
    anna.fill("#volunteer-label", "the woman who never sits down")
    anna.click("#volunteer-button")
    leader.wait_for_selector("#volunteers li[data-user] button")
    assert "urgent" in leader.text_content("#volunteers")
    leader.click("#volunteers li[data-user] button")
    steer(leader, "start")
    phase(everyone, "presentation")

    # The Lindauer rule: Clara may know the patient. Only the leaders are told.
    visible(clara, "#may-know-button")
    clara.click("#may-know-button")
    clara.click("#confirm-ok")
    for page in (leader, coleader):
        page.wait_for_selector("#lindauer-alerts p:has-text('Clara')")
    time.sleep(0.3)
    assert "Clara" not in ben.text_content("body").split("Who is here")[0]
    assert ben.query_selector("#lindauer-alerts") is None
    visible(clara, "#step-out-button")
    clara.click("#step-out-button")
    visible(clara, "#outside-note")
    assert "never sits down" not in clara.text_content("#stage")
    assert "never sits down" in ben.text_content("#stage")
    leader.wait_for_selector("#signals .lindauer button:has-text('Let Clara back in')")
    leader.click("#signals .lindauer button")
    clara.wait_for_selector("#outside-note", state="hidden")
    clara.wait_for_selector("#presenter:has-text('never sits down')")

    through_the_round(leader, everyone)
    phase(everyone, "review")

    # The console during the review: a prompt card, the speaking queue, the name mode.
    card = leader.locator("#prompt-cards button").first
    card_text = card.text_content()
    card.click()
    for page in everyone:
        page.wait_for_selector(f"#banner:has-text('{card_text}')")
    leader.click("#hide-prompt-button")
    ben.wait_for_selector("#banner", state="hidden")
    ben.click("#hand-button")
    clara.click("#hand-button")
    leader.wait_for_selector("#hands li:nth-child(2)")
    assert [t.strip().split(" ")[0] for t in leader.locator("#hands li").all_text_contents()] \
        == ["Ben", "Clara"]
    leader.click("#signals .hand button")
    ben.wait_for_selector("#signals .your-turn:has-text('You have the word')")
    leader.click("#name-mode-button")
    visible(anna, "#name-mode")
    # The leaders' private channel reaches the co-leader, and no member.
    leader.fill("#leader-message", "Ben seems moved; let him finish.")
    leader.press("#leader-message", "Enter")
    coleader.wait_for_selector("#leader-messages li:has-text('let him finish')")
    assert "let him finish" not in anna.content()
    leader.select_option("#backup-select", label="Clara")
    steer(leader, "end")
    part(everyone, "round")

    # Round 2: Ben presents. The leader's browser closes; the co-leader steers on.
    ben.fill("#volunteer-label", "the boy and his mother")
    ben.click("#volunteer-button")
    leader.wait_for_selector("#volunteers li[data-user] button")
    leader.click("#volunteers li[data-user] button")
    steer(leader, "start")
    phase(everyone, "presentation")
    contexts["leader"].close()
    members = [coleader, anna, ben, clara]
    anna.wait_for_selector("#participants li[data-presence=reconnecting]")
    steer(coleader, "advance")
    phase(members, "clarifying_questions")
    # The co-leader's connection drops too: after the grace period, Clara, the back-up the
    # leader named, holds the controls.
    assert clara.is_hidden("#primary-button")
    contexts["coleader"].close()
    visible(clara, "#stand-in-note", timeout=15000)
    steer(clara, "advance")
    phase([anna, ben, clara], "group_exploration")
    assert "sitting back" in ben.text_content("#guidance")
    # The leader comes back: the controls are hers again.
    leader = enter("leader")
    clara.wait_for_selector("#primary-button", state="hidden")
    leader.wait_for_selector("#stage[data-phase=group_exploration]")
    through_participants = [leader, anna, ben, clara]
    for key in ("presenter_returns", "review"):
        steer(leader, "advance")
        phase(through_participants, key)
    steer(leader, "end")
    part(through_participants, "closing")

    # The closing is the agenda's last part: ending it ends the meeting, for everyone.
    steer(leader, "start")
    phase(through_participants, "closing")
    steer(leader, "end_meeting")
    leader.wait_for_url(f"{server.url}/m/{demo['meeting']}/after/")
    for page in through_participants[1:]:
        page.wait_for_selector("#stage[data-phase=ended]")
        visible(page, "#closing")
