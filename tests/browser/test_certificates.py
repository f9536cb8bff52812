"""A leader confirms a meeting's attendance and releases certificates, in a real browser;
a member downloads hers, and its QR code opens the public page that confirms it."""

import io
import json
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from pypdf import PdfReader

from tests.support.browser import log_in
from tests.support.server import Server

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_a_leader_confirms_attendance_and_releases_certificates(browser: Any,
                                                                server: Server) -> None:
    demo = json.loads(server.command("records_demo", "--json", "--tag", "cert"))
    accounts = {a["role"] if a["role"] != "member" else a["email"].split("-")[0]: a
                for a in demo["accounts"]}
    people = demo["people"]

    leader_context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
    leader = leader_context.new_page()
    log_in(leader, server, accounts["leader"]["email"], accounts["leader"]["password"])
    leader.goto(f"{server.url}/groups/{demo['group']}/records/")
    leader.click(f"a[href='/m/{demo['unconfirmed_meeting']}/attendance/']")

    # The room recorded the leaders, Anna and Ben; Clara and David need the roll call.
    roll_call = leader.locator("#roll-call")
    assert roll_call.locator(f"input[name='status-{people['clara']}']").count() == 3
    assert roll_call.locator(f"input[name='status-{people['anna']}']").count() == 0
    anna = roll_call.locator("li[data-person='Anna Weber']").inner_text()
    assert "Partly present: 60 of 90 min" in anna
    assert "10 min stepped out" in roll_call.locator("li[data-person='Ben Müller']").inner_text()
    leader.check(f"input[name='status-{people['clara']}'][value='present']")
    leader.check(f"input[name='status-{people['david']}'][value='excused']")
    leader.click("#confirm-attendance")
    leader.wait_for_selector("text=Attendance confirmed: 5 of 6 present.")
    assert "Excused" in leader.locator("#records tr[data-person='David Łukasiewicz']").inner_text()

    # Drafts for Anna and Ben, then approval.
    leader.goto(f"{server.url}/groups/{demo['group']}/certificates/")
    leader.check(f"#draft-form input[name='members'][value='{people['anna']}']")
    leader.check(f"#draft-form input[name='members'][value='{people['ben']}']")
    leader.click("#draft-form button[type=submit]")
    leader.wait_for_selector("text=2 drafts are ready")
    assert leader.locator("#approve-form li").count() == 2
    for box in leader.locator("#approve-form input[name='certificate']").all():
        box.check()
    leader.click("#approve-selected")
    leader.wait_for_selector("text=2 certificates released.")
    assert leader.locator("#released li").count() == 2

    # Anna downloads hers.
    anna_context = browser.new_context()
    anna = anna_context.new_page()
    log_in(anna, server, accounts["anna"]["email"], accounts["anna"]["password"])
    anna.goto(f"{server.url}/certificates/")
    with anna.expect_download() as caught:
        anna.click("text=Download (PDF)")
    reader = PdfReader(io.BytesIO(Path(caught.value.path()).read_bytes()))
    words = " ".join(reader.pages[0].extract_text().split())
    assert "Anna Weber" in words and "Dr. Lena Leader (leader)" in words
    # Five meetings: two in person (90 minutes each), three online, in the room for 60
    # minutes of each: 180 and 180 minutes, 4 units each.
    assert "Sessions attended: 5" in words
    assert "Units of 45 minutes 4.00 4.00 8.00" in words
    urls = [found.text for image in reader.pages[0].images
            for found in zxingcpp.read_barcodes(image.image)]
    assert len(urls) == 1 and urls[0].startswith(f"{server.url}/verify/")

    # Anyone who scans it, logged in or not, sees that it is authentic.
    stranger = browser.new_context().new_page()
    stranger.goto(urls[0])
    verdict = stranger.text_content("#verdict") or ""
    assert "authentic" in verdict
    page = stranger.content()
    assert "Anna Weber" in page and "Clara" not in page and "@" not in page.split("<main")[1]
    for context in (leader_context, anna_context, stranger.context):
        context.close()
