"""Balint work beyond medicine, in real browsers: a group of teachers (in German) and a
mixed group of social workers and a judge (in English) each run a round and get their
certificates, and nowhere on the way do they read the word "patient"."""

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.support.browser import log_in, steer
from tests.support.server import Server

pytestmark = [pytest.mark.browser, pytest.mark.server]

MEDICAL = re.compile(r"patient", re.IGNORECASE)  # German "Patient:in" too

SETUP = """
import json
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.utils import timezone

from balintroom.accounts.models import User
from balintroom.groups.models import Membership, Meeting
from balintroom.groups.services import group_create, meeting_schedule
from balintroom.records import services as records

def person(email, name, kind, language, words=""):
    user = User.objects.create_user(email=email, password="a-long-test-password-42",
                                    display_name=name, legal_name=name, language=language,
                                    profession_kind=kind, profession=words)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user

result = {}
for tag, language, served, people in (
        ("school", "de", "pupils",
         [("Lena Lehrer", "teacher", ""), ("Anna Adler", "teacher", ""),
          ("Ben Berg", "teacher", ""), ("Clara Conrad", "educator", "")]),
        ("casework", "en", "people",
         [("Lee Leader", "social_worker", ""), ("Amy Ash", "social_worker", ""),
          ("Bo Birch", "judge", ""), ("Cy Cole", "other", "youth-welfare worker")])):
    users = [person(f"{name.split()[0].lower()}@{tag}.example", name, kind, language, words)
             for name, kind, words in people]
    leader, members = users[0], users[1:]
    group = group_create(by=leader, name=f"Group {tag}", setting="online",
                         language=language, served=served)
    for user in members:
        Membership.objects.create(group=group, user=user, role="member",
                                  agreed_at=timezone.now())
    now = meeting_schedule(group=group, starts_at=timezone.now(), duration_minutes=45,
                           setting="online", format_key="classic")
    past = Meeting.objects.create(group=group, setting="online", duration_minutes=90,
                                  starts_at=timezone.now() - timedelta(days=7))
    records.attendance_confirm(meeting=past, by=leader,
                               roll_call={u.pk: "present" for u in users})
    result[tag] = {"group": group.pk, "meeting": now.pk,
                   "emails": [u.email for u in users], "ids": [u.pk for u in users]}
print(json.dumps(result))
"""


def read_nothing_medical(page: Any, where: str) -> None:
    text = page.inner_text("body")
    found = MEDICAL.search(text)
    assert found is None, f"{where}: {text[max(0, found.start() - 80):found.end() + 40]!r}"


def signed_in(browser: Any, server: Server, email: str, *, phone: bool = False) -> Any:
    viewport = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
    page = browser.new_context(viewport=viewport).new_page()
    log_in(page, server, email, "a-long-test-password-42")
    return page


def run_a_round_and_certify(browser: Any, server: Server, group: dict[str, Any],
                            served_word: str) -> None:
    leader = signed_in(browser, server, group["emails"][0], phone=True)
    anna = signed_in(browser, server, group["emails"][1])
    ben = signed_in(browser, server, group["emails"][2], phone=True)
    leader.goto(f"{server.url}/groups/{group['group']}/")
    read_nothing_medical(leader, "the group page")
    room = f"{server.url}/m/{group['meeting']}/room/"
    for page in (leader, anna, ben):
        page.goto(room)
        page.wait_for_selector("#connection[data-state=open]")
    steer(leader, "ask_for_cases")
    anna.wait_for_selector("#cases:not([hidden])")
    anna.click("#volunteer-button")
    leader.wait_for_selector("#volunteers li[data-user] button")
    leader.click("#volunteers li[data-user] button")
    steer(leader, "start")
    for _phase in range(2):
        steer(leader, "advance")
    ben.wait_for_selector("#stage[data-phase=group_exploration]")
    # The Lindauer signal names whom the group serves.
    assert served_word in ben.inner_text("#may-know-button")
    for page, who in ((leader, "the leader's room"), (anna, "the presenter's room"),
                      (ben, "a member's room")):
        read_nothing_medical(page, who)
    for _phase in range(2):
        steer(leader, "advance")
    ben.wait_for_selector("#review-card form[data-review-form]")
    read_nothing_medical(ben, "the review")
    steer(leader, "end_meeting")
    ben.wait_for_selector("#stage[data-phase=ended]")
    leader.wait_for_url("**/after/")  # she goes on to what is left to do

    # Certificates for the past meeting, and Anna's PDF.
    leader.goto(f"{server.url}/groups/{group['group']}/certificates/")
    read_nothing_medical(leader, "the certificates page")
    leader.check(f"#draft-form input[name='members'][value='{group['ids'][1]}']")
    leader.click("#draft-form button[type=submit]")
    leader.wait_for_selector("#approve-form li")
    leader.locator("#approve-form input[name='certificate']").first.check()
    leader.click("#approve-selected")
    leader.wait_for_selector("#released li")
    anna.goto(f"{server.url}/certificates/")
    read_nothing_medical(anna, "her certificates")
    with anna.expect_download() as caught:
        anna.click("a[href$='/pdf/']")
    reader = PdfReader(io.BytesIO(Path(caught.value.path()).read_bytes()))
    words = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert MEDICAL.search(words) is None, words
    return None


def test_teachers_and_a_mixed_group_never_read_patient(browser: Any, server: Server) -> None:
    groups = json.loads(server.command("shell", "-c", SETUP).strip().splitlines()[-1])
    run_a_round_and_certify(browser, server, groups["school"], "Schüler")
    run_a_round_and_certify(browser, server, groups["casework"], "this person")
