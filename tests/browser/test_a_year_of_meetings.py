"""A leader sets up her group's year in one sitting, from her phone: a series of meetings
every two weeks (a format chosen sets the length), and a member subscribes to her
meetings in her calendar program, whose feed holds every one of them."""

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import recurring_ical_events
from icalendar import Calendar

from tests.support.browser import log_in
from tests.support.server import Server

pytestmark = [pytest.mark.browser, pytest.mark.server]

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1280, "height": 800}
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def above_the_fold(page: Any, locator: Any) -> None:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    assert box is not None and box["y"] + box["height"] <= height, box


def test_a_leader_schedules_a_year_and_a_member_subscribes(browser: Any,
                                                          server: Server) -> None:
    demo = server.demo("year")
    accounts = {a["role"]: a for a in demo["accounts"]}
    group_url = f"{server.url}/groups/{demo['group']}/"
    first = (datetime.now(UTC) + timedelta(days=30)).date()

    lena = browser.new_context(viewport=PHONE).new_page()
    log_in(lena, server, accounts["leader"]["email"], accounts["leader"]["password"])
    lena.goto(group_url)
    series_link = lena.get_by_role("link", name="Schedule a series")
    above_the_fold(lena, series_link)
    series_link.click()
    lena.get_by_label("Every two weeks").check()
    lena.get_by_label("First meeting").fill(first.isoformat())
    lena.get_by_label("Starts at").fill("19:00")
    lena.get_by_label("Number of meetings").fill("20")
    lena.get_by_label("Where").select_option("online")
    lena.get_by_label("Video-call link").fill("https://meet.example.org/our-group")
    # The block seminar day takes its own length, at once, on the page.
    lena.locator("input[name=format_key][value=block_day]").check()
    assert lena.get_by_label("Duration in minutes").input_value() == "408"
    lena.locator("input[name=format_key][value=double_hour]").check()
    assert lena.get_by_label("Duration in minutes").input_value() == "90"
    assert lena.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(lena, "series-form-390")
    lena.get_by_role("button", name="Schedule the series").click()
    lena.wait_for_url(group_url)
    assert lena.get_by_text("20 meetings were scheduled.").is_visible()
    shot(lena, "group-with-series-390")

    anna = browser.new_context(viewport=DESK).new_page()
    member = next(a for a in demo["accounts"] if a["role"] == "member")
    log_in(anna, server, member["email"], member["password"])
    anna.goto(group_url)
    anna.get_by_role("link", name="Your meetings in your calendar").click()
    anna.get_by_role("button", name="Make my calendar address").click()
    address = anna.get_by_label("Your private calendar address").input_value()
    shot(anna, "calendar-1280")
    # Her calendar program, which signs in to nothing, reads every meeting of the year.
    feed = browser.new_context().request.get(address)
    assert feed.ok and feed.headers["content-type"].startswith("text/calendar")
    events = recurring_ical_events.of(Calendar.from_ical(feed.body())).between(
        datetime.combine(first, datetime.min.time(), UTC), datetime(2100, 1, 1, tzinfo=UTC))
    ours = [e for e in events if e["DTSTART"].dt.date() >= first]
    assert len(ours) == 20
    assert {e["DTSTART"].dt.strftime("%H:%M") for e in ours} == {"19:00"}
