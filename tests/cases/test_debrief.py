"""The leaders' debrief of a meeting: written by the group's leader and co-leader, for them
alone; encrypted; checked for identifying details before it is saved; kept past the notes'
retention time and deleted with its meeting. The leaders' private channel of the room is
copied into it only in the browser (static/cases/debrief.js), and only sent when saved."""

import importlib.util
import json
import logging
import os
import re
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.contrib import admin
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from balintroom.cases import services
from balintroom.cases.models import LeaderDebrief
from balintroom.groups.models import Meeting, Membership
from balintroom.method.roles import Role
from tests.conftest import Cast, make_user
from tests.groups.helpers import assert_login_redirect, text

from .conftest import SECRET, client_for

FLAGGED = "Mr Quist came up again; on 12.03.2024 Anna felt she had to rescue him."
PLAIN = "The group wanted to solve it at first; we let the urge be named. " + SECRET


def debrief_url(meeting: Meeting) -> str:
    return reverse("meeting_debrief", args=[meeting.pk])


def all_urls(meeting: Meeting) -> dict[str, str]:
    m = meeting.pk
    return {"page": debrief_url(meeting),
            "delete_confirm": reverse("debrief_delete_confirm", args=[m]),
            "delete": reverse("debrief_delete", args=[m])}


def stamp(meeting: Meeting) -> str:
    debrief = LeaderDebrief.objects.filter(meeting=meeting).first()
    return debrief.updated_at.isoformat() if debrief else ""


def post(client: Client, meeting: Meeting, note: str = PLAIN, action: str = "save",
         seen: str | None = None) -> Any:
    return client.post(debrief_url(meeting), {
        "text": note, "action": action, "seen": stamp(meeting) if seen is None else seen,
    })


def write(user: Any, meeting: Meeting, note: str = PLAIN) -> LeaderDebrief:
    seen = LeaderDebrief.objects.filter(meeting=meeting).first()
    return services.debrief_save(user=user, meeting=meeting, text=note,
                                 seen=seen.updated_at if seen else None)


def meeting_ago(group: Any, days: float) -> Meeting:
    return Meeting.objects.create(group=group, setting="online", duration_minutes=90,
                                  starts_at=timezone.now() - timedelta(days=days))


@pytest.fixture
def real_check() -> None:
    """The real identifier check, where it is installed."""
    if importlib.util.find_spec("balintroom.deid.identifiers") is None:
        pytest.skip("balintroom.deid.identifiers is not installed")


@pytest.fixture(autouse=True)
def _checked_by_default(request: pytest.FixtureRequest) -> None:
    # The identifier check has its own tests below, mostly with a stand-in that flags
    # "Mr Name" and dates (conftest.fake_check).
    if not {"fake_check", "real_check"} & set(request.fixturenames):
        request.getfixturevalue("no_check")


# Leader and co-leader write and read


def test_it_shows_the_leader_the_form_with_its_prompts(cast: Cast) -> None:
    response = client_for(cast.leader).get(debrief_url(cast.meeting))
    assert response.status_code == 200
    html = text(response)
    assert "Leaders' debrief" in html and "Tuesday GPs" in html
    for prompt in ("How did the group work?", "What did I notice in myself?",
                   "How did we lead together?", "What would I do differently?"):
        assert prompt in html
    # The prompts stand above the textarea.
    assert html.index("What would I do differently?") < html.index("<textarea")
    assert 'name="text"' in html and 'spellcheck="false"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Only the leaders of this group can read this debrief: Lena, Carl." in html
    assert "not deleted when the group's retention time of 30" in html
    assert "It is deleted with the meeting" in html


def test_it_lets_the_leader_write_and_the_coleader_read_and_edit(cast: Cast) -> None:
    lena = client_for(cast.leader)
    response = post(lena, cast.meeting)
    assert response.status_code == 302
    assert response["Location"] == debrief_url(cast.meeting)
    debrief = LeaderDebrief.objects.get()
    assert (debrief.meeting, debrief.text, debrief.updated_by) == (cast.meeting, PLAIN,
                                                                   cast.leader)
    assert "The debrief is saved." in text(lena.get(response["Location"]))

    carl = client_for(cast.coleader)
    page = text(carl.get(debrief_url(cast.meeting)))
    assert "Quist" in page and "Last saved by Lena" in page
    response = post(carl, cast.meeting, note=PLAIN + "\r\nCarl: we sat too close.")
    assert response.status_code == 302
    debrief.refresh_from_db()
    assert debrief.text == PLAIN + "\nCarl: we sat too close."
    assert debrief.updated_by == cast.coleader and debrief.updated_at > debrief.created_at
    assert LeaderDebrief.objects.count() == 1
    assert "Last saved by Carl" in text(lena.get(debrief_url(cast.meeting)))


def test_it_saves_by_post_with_csrf_only(cast: Cast) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.leader)
    assert client.post(debrief_url(cast.meeting), {"text": PLAIN, "action": "save",
                                                   "seen": ""}).status_code == 403
    assert client_for(cast.leader).put(debrief_url(cast.meeting)).status_code == 405
    assert not LeaderDebrief.objects.exists()


def test_it_lets_a_leader_delete_the_debrief(cast: Cast) -> None:
    write(cast.leader, cast.meeting)
    client = client_for(cast.coleader)
    urls = all_urls(cast.meeting)
    assert "Delete this debrief?" in text(client.get(urls["delete_confirm"]))
    assert client.get(urls["delete"]).status_code == 405
    response = client.post(urls["delete"])
    assert response.status_code == 302 and response["Location"] == urls["page"]
    assert not LeaderDebrief.objects.exists()
    # Nothing left to delete: back to the (empty) form.
    assert client.get(urls["delete_confirm"]).status_code == 302


# Nobody else


@pytest.mark.parametrize("who", ["member", "presenter", "outsider", "admin", "former_leader"])
def test_nobody_else_reaches_the_debrief(cast: Cast, who: str) -> None:
    write(cast.leader, cast.meeting)
    if who == "admin":
        user = make_user("root@example.org", "Root")
        user.is_staff = user.is_superuser = True
        user.save()
    elif who == "former_leader":
        # Carl steps down to member: the debrief is for the group's leaders only.
        Membership.objects.filter(user=cast.coleader).update(role=Role.MEMBER)
        user = cast.coleader
    else:
        user = {"member": cast.member, "presenter": cast.members[1],
                "outsider": cast.outsider}[who]
    client = client_for(user)
    urls = all_urls(cast.meeting)
    assert client.get(urls["page"]).status_code == 404
    assert client.get(urls["delete_confirm"]).status_code == 404
    assert post(client, cast.meeting, note="overwritten").status_code == 404
    assert client.post(urls["delete"]).status_code == 404
    assert LeaderDebrief.objects.get().text == PLAIN
    assert "Quist" not in text(client.get(reverse("my_debriefs")))


def test_every_member_gets_404_and_nothing_is_written(cast: Cast) -> None:
    for member in cast.members:
        client = client_for(member)
        assert client.get(debrief_url(cast.meeting)).status_code == 404
        assert post(client, cast.meeting).status_code == 404
    assert not LeaderDebrief.objects.exists()


def test_the_outsider_gets_404_also_from_her_own_group(cast: Cast) -> None:
    own = Meeting.objects.create(group=cast.other_group, setting="in_person",
                                 starts_at=timezone.now())
    client = client_for(cast.outsider)
    assert client.get(debrief_url(cast.meeting)).status_code == 404
    assert client.get(debrief_url(own)).status_code == 200
    assert client.get(reverse("meeting_debrief", args=[999999])).status_code == 404


def test_it_sends_anonymous_visitors_to_log_in(cast: Cast) -> None:
    write(cast.leader, cast.meeting)
    client = client_for(None)
    urls = all_urls(cast.meeting)
    for url in (urls["page"], urls["delete_confirm"], reverse("my_debriefs")):
        assert_login_redirect(client.get(url), url)
    for url in (urls["page"], urls["delete"]):
        assert_login_redirect(client.post(url, {"text": "overwritten", "action": "save"}), url)
    assert LeaderDebrief.objects.get().text == PLAIN


def test_the_service_refuses_a_member_too(cast: Cast) -> None:
    with pytest.raises(ValidationError):
        services.debrief_save(user=cast.member, meeting=cast.meeting, text=PLAIN, seen=None)
    write(cast.leader, cast.meeting)
    with pytest.raises(ValidationError):
        services.debrief_delete(user=cast.outsider, meeting=cast.meeting)
    assert LeaderDebrief.objects.count() == 1


def test_admin_shows_no_debrief(cast: Cast) -> None:
    assert not admin.site.is_registered(LeaderDebrief)
    debrief = write(cast.leader, cast.meeting)
    assert str(debrief) == f"leader debrief #{debrief.pk}"
    root = make_user("root@example.org", "Root")
    root.is_staff = root.is_superuser = True
    root.save()
    client = client_for(root)
    # Deleting Lena in the admin keeps the debrief (it is the leaders', not hers alone).
    page = text(client.get(reverse("admin:accounts_user_delete", args=[cast.leader.pk])))
    assert "Quist" not in page
    cast.leader.delete()
    debrief.refresh_from_db()
    assert debrief.updated_by is None and debrief.text == PLAIN
    assert "Last saved on" in text(client_for(cast.coleader).get(debrief_url(cast.meeting)))


# At rest, in logs, in URLs


def test_it_keeps_the_text_encrypted_in_the_database(cast: Cast) -> None:
    response = post(client_for(cast.leader), cast.meeting)
    assert response.status_code == 302
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM cases_leaderdebrief")
        (raw,) = cursor.fetchone()
        cursor.execute("SELECT * FROM cases_leaderdebrief")
        row = " ".join(str(value) for value in cursor.fetchone())
    assert raw.startswith("gAAAAA")  # a Fernet token
    for words in ("Quist", "widower", "urge", "solve"):
        assert words not in raw and words not in row
    assert LeaderDebrief.objects.get().text == PLAIN


def test_it_puts_no_text_in_urls_or_logs(cast: Cast, caplog: Any, settings: Any) -> None:
    # The most a server can log: DEBUG, every query with its parameters, all of Django's
    # loggers (they do not propagate to the root logger, where caplog listens).
    settings.DEBUG = True
    django_logger = logging.getLogger("django")
    django_logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.DEBUG), caplog.at_level(logging.DEBUG, logger="django"):
            response = post(client_for(cast.leader), cast.meeting)
            client_for(cast.coleader).get(debrief_url(cast.meeting))
            client_for(cast.leader).get(reverse("my_debriefs"))
            client_for(cast.member).get(debrief_url(cast.meeting))  # a 404, logged
    finally:
        django_logger.removeHandler(caplog.handler)
    assert response.status_code == 302 and "Quist" not in response["Location"]
    assert "cases_leaderdebrief" in caplog.text  # the queries were logged, their words not
    assert "Quist" not in caplog.text and "urge" not in caplog.text


def test_a_crash_shows_and_reports_no_debrief_text(cast: Cast, monkeypatch: Any) -> None:
    import sys

    from django.core.signals import got_request_exception
    from django.views.debug import ExceptionReporter

    def crash(self: Any, *args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    reports = []

    def report(sender: Any, request: Any, **kwargs: Any) -> None:
        reports.append(ExceptionReporter(request, *sys.exc_info()).get_traceback_text())

    monkeypatch.setattr(LeaderDebrief, "save", crash)
    client = client_for(cast.leader)
    client.raise_request_exception = False
    got_request_exception.connect(report)
    try:
        response = post(client, cast.meeting)
    finally:
        got_request_exception.disconnect(report)
    assert response.status_code == 500
    assert "Quist" not in text(response)
    (traceback,) = reports
    assert "disk full" in traceback and "debrief_save" in traceback
    assert "Quist" not in traceback and "urge" not in traceback


def test_it_lets_no_page_with_a_debrief_be_cached(cast: Cast) -> None:
    write(cast.leader, cast.meeting)
    client = client_for(cast.leader)
    for url in (debrief_url(cast.meeting), reverse("debrief_delete_confirm",
                                                   args=[cast.meeting.pk]),
                reverse("my_debriefs")):
        assert "no-store" in client.get(url)["Cache-Control"], url


def test_it_says_so_when_the_server_has_no_key(cast: Cast, settings: Any) -> None:
    settings.FIELD_ENCRYPTION_KEYS = []
    settings.DEBUG = False
    client = client_for(cast.leader)
    html = text(client.get(debrief_url(cast.meeting)))
    assert "not available on this server" in html and "<textarea" not in html
    assert post(client, cast.meeting).status_code == 302
    assert not LeaderDebrief.objects.exists()


# Retention


def test_it_outlives_the_notes_retention_and_goes_with_its_meeting(cast: Cast) -> None:
    old = meeting_ago(cast.group, 400)
    write(cast.leader, old, "a year ago")
    write(cast.leader, cast.meeting)
    assert services.notes_purge_expired(now=timezone.now() + timedelta(days=3650)) == 0
    assert LeaderDebrief.objects.count() == 2
    old.delete()
    assert [d.text for d in LeaderDebrief.objects.all()] == [PLAIN]
    cast.group.delete()
    assert not LeaderDebrief.objects.exists()


# Bad input


def test_it_refuses_an_empty_debrief(cast: Cast) -> None:
    response = post(client_for(cast.leader), cast.meeting, note="  \r\n  ")
    assert response.status_code == 200
    html = text(response)
    assert "The debrief is empty." in html and "Nothing was saved." in html
    assert not LeaderDebrief.objects.exists()


def test_it_refuses_a_debrief_that_is_too_long(cast: Cast) -> None:
    client = client_for(cast.leader)
    response = post(client, cast.meeting, note="x" * 20001)
    assert response.status_code == 200
    assert "at most 20000 characters; this one has 20001" in text(response)
    assert not LeaderDebrief.objects.exists()
    assert post(client, cast.meeting, note="x" * 20000).status_code == 302
    assert LeaderDebrief.objects.get().text == "x" * 20000


def test_it_refuses_a_damaged_form(cast: Cast) -> None:
    response = post(client_for(cast.leader), cast.meeting, seen="yesterday")
    assert response.status_code == 200
    assert "The form was damaged" in text(response)
    assert not LeaderDebrief.objects.exists()


def test_it_keeps_one_leader_from_overwriting_the_other_unseen(cast: Cast) -> None:
    lena = client_for(cast.leader)
    opened = stamp(cast.meeting)  # Lena opens the empty form...
    write(cast.coleader, cast.meeting, "Carl's debrief")  # ...and Carl saves first.
    response = post(lena, cast.meeting, note="Lena's debrief", seen=opened)
    assert response.status_code == 200
    html = text(response)
    assert "Carl saved the debrief on" in html and "after you had opened it" in html
    assert "Carl&#x27;s debrief" in html  # the saved version, shown
    assert "Lena&#x27;s debrief</textarea>" in html  # hers, still in the box
    assert LeaderDebrief.objects.get().text == "Carl's debrief"
    # Having seen his, she saves hers knowingly.
    assert post(lena, cast.meeting, note="Both of ours", seen=stamp(cast.meeting)
                ).status_code == 302
    assert LeaderDebrief.objects.get().text == "Both of ours"


def test_it_tells_when_the_debrief_was_deleted_meanwhile(cast: Cast) -> None:
    write(cast.leader, cast.meeting)
    opened = stamp(cast.meeting)
    services.debrief_delete(user=cast.coleader, meeting=cast.meeting)
    response = post(client_for(cast.leader), cast.meeting, note="edited", seen=opened)
    assert "was deleted after you had opened it" in text(response)
    assert not LeaderDebrief.objects.exists()


# The identifier check


def test_it_shows_the_findings_before_saving(cast: Cast, fake_check: Any) -> None:
    response = post(client_for(cast.leader), cast.meeting, note=FLAGGED)
    assert response.status_code == 200
    html = text(response)
    assert "This may identify a patient:" in html
    assert '<span class="badge">Name</span> <mark>Mr Quist</mark>' in html
    assert '<span class="badge">Date</span> <mark>12.03.2024</mark>' in html
    assert '<mark title="Name">Mr Quist</mark> came up again' in html
    assert 'value="edit"' in html and 'value="save_anyway"' in html
    assert 'type="hidden" name="text"' in html and 'type="hidden" name="seen"' in html
    assert not LeaderDebrief.objects.exists()


def test_edit_goes_back_to_the_form_and_saves_nothing(cast: Cast, fake_check: Any) -> None:
    response = post(client_for(cast.leader), cast.meeting, note=FLAGGED, action="edit")
    assert response.status_code == 200
    html = text(response)
    assert "This may identify" not in html
    assert "<textarea" in html and "came up again" in html and "autofocus" in html
    assert not LeaderDebrief.objects.exists()


def test_it_saves_anyway(cast: Cast, fake_check: Any) -> None:
    client = client_for(cast.leader)
    assert post(client, cast.meeting, note=FLAGGED, action="save_anyway").status_code == 302
    assert LeaderDebrief.objects.get().text == FLAGGED
    # A later edit is checked again.
    response = post(client, cast.meeting, note=FLAGGED + " Again.")
    assert "This may identify" in text(response)
    assert LeaderDebrief.objects.get().text == FLAGGED


def test_a_debrief_without_findings_is_saved_at_once(cast: Cast, fake_check: Any) -> None:
    assert post(client_for(cast.leader), cast.meeting, note="A quiet group.").status_code == 302
    assert LeaderDebrief.objects.get().text == "A quiet group."


def test_it_asks_when_the_check_fails(cast: Cast, fake_check: Any, caplog: Any) -> None:
    def broken(text: str, language: str | None = None, **_kwargs: Any) -> list[Any]:
        raise ValueError(f"cannot parse {text}")

    fake_check.find_identifiers = broken
    client = client_for(cast.leader)
    with caplog.at_level(logging.ERROR):
        response = post(client, cast.meeting, note=FLAGGED)
    assert "did not run this time" in text(response)
    assert not LeaderDebrief.objects.exists()
    assert "ValueError" in caplog.text and "Quist" not in caplog.text
    assert post(client, cast.meeting, note=FLAGGED, action="save_anyway").status_code == 302


def test_it_checks_in_both_languages_whatever_the_group_speaks(cast: Cast,
                                                              fake_check: Any) -> None:
    seen = []

    def spy(text: str, language: str | None = None, **_kwargs: Any) -> list[Any]:
        seen.append(language)
        return []

    fake_check.find_identifiers = spy
    cast.group.language = "de"
    cast.group.save()
    post(client_for(cast.leader), cast.meeting)
    assert seen == [None]


def test_it_runs_the_real_check(cast: Cast, real_check: None) -> None:
    # An English-speaking group, a debrief in German: the name and the date are found.
    assert cast.group.language == "en"
    response = post(client_for(cast.leader), cast.meeting,
                    note="Anna brachte Frau Müller, 93, aus Dorfen, am 12.03.2024.")
    assert response.status_code == 200
    html = text(response)
    assert "Müller</mark>" in html and "<mark>12.03.2024</mark>" in html
    assert not LeaderDebrief.objects.exists()


def test_it_does_not_flag_the_groups_own_people(cast: Cast, real_check: None) -> None:
    # Names from the leaders' channel pasted in: Lena and Carl lead, Ben and Anna are
    # members; Mr Quist is the patient.
    note = "Lena: Ben brought Mr Quist again.\nCarl: Anna wanted to rescue him."
    html = text(post(client_for(cast.leader), cast.meeting, note=note))
    assert "<mark>Mr Quist</mark>" in html
    for name in ("Lena", "Ben", "Carl", "Anna"):
        assert f"<mark>{name}</mark>" not in html and f">{name}</mark>" not in html
    assert not LeaderDebrief.objects.exists()
    # Only the group's people: without Mr Quist the debrief is saved at once.
    note = "Lena: Ben brought his case again.\nCarl: Anna wanted to rescue him."
    assert post(client_for(cast.leader), cast.meeting, note=note).status_code == 302


def test_it_passes_the_names_of_the_groups_people_only(cast: Cast, fake_check: Any) -> None:
    seen: list[list[str]] = []

    def spy(text: str, language: str | None = None, *, known_names: Any = ()) -> list[Any]:
        seen.append(list(known_names))
        return []

    fake_check.find_identifiers = spy
    post(client_for(cast.leader), cast.meeting)
    assert seen == [["Anna", "Ben", "Carl", "Clara", "David", "Lena"]]  # not Olga


# The list


def test_the_list_shows_only_the_meetings_she_leads(cast: Cast) -> None:
    older = meeting_ago(cast.group, 7)
    unwritten = meeting_ago(cast.group, 14)
    write(cast.leader, older, "A week ago we lost the frame.")
    write(cast.coleader, cast.meeting)
    # Olga's group, where Lena is a member only: not hers to read.
    own = meeting_ago(cast.other_group, 1)
    write(cast.outsider, own, "Olga's own")
    Membership.objects.create(group=cast.other_group, user=cast.leader, role=Role.MEMBER)

    html = text(client_for(cast.leader).get(reverse("my_debriefs")))
    assert html.index(debrief_url(cast.meeting)) < html.index(debrief_url(older))
    assert "Tuesday GPs" in html and "last saved by Carl" in html
    assert debrief_url(own) not in html and "Olga&#x27;s group" not in html
    assert "Quist" not in html and "lost the frame" not in html  # dates and groups, no words
    assert "Recent meetings without a debrief" in html and debrief_url(unwritten) in html

    olga = text(client_for(cast.outsider).get(reverse("my_debriefs")))
    assert debrief_url(own) in olga and debrief_url(cast.meeting) not in olga
    assert debrief_url(unwritten) not in olga

    anna = text(client_for(cast.member).get(reverse("my_debriefs")))
    assert "No debriefs yet." in anna and "/debrief/" not in anna


# The leaders' channel, copied in the browser


def test_the_page_loads_debrief_js_as_a_module_and_no_inline_script(cast: Cast) -> None:
    response = client_for(cast.leader).get(debrief_url(cast.meeting))
    html = text(response)
    assert "script-src 'self'" in response["Content-Security-Policy"]
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    assert scripts == [(' type="module" src="/static/cases/debrief.js"', "")]
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers either
    assert 'id="leader-messages-insert"' in html
    assert f'data-meeting="{cast.meeting.pk}"' in html
    assert "Insert the leaders' messages from this meeting" in html
    assert 'data-heading="The leaders&#x27; messages during the meeting:"' in html
    assert "Nothing is sent unless you save." in html
    source = finders.find("cases/debrief.js")
    assert source
    with open(source) as file:
        module = file.read()
    assert "sessionStorage" in module and "balintroom.leaders.${" in module
    assert "fetch(" not in module and "XMLHttpRequest" not in module


def _chromium() -> str | None:
    path = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    return path if os.path.exists(path) else shutil.which("chromium")


@pytest.fixture
def page(live_server: Any, transactional_db: None, monkeypatch: pytest.MonkeyPatch
         ) -> Iterator[Any]:
    path = _chromium()
    if path is None:
        pytest.skip("no Chromium here (CI installs it: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread, which Django would take
    # for an async context; the test's own queries run between its calls, not in it.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        context = browser.new_context(locale="en-GB", timezone_id="Europe/Berlin")
        yield context.new_page()
        browser.close()


@pytest.mark.browser
def test_it_inserts_the_leaders_messages_in_the_browser(cast: Cast, live_server: Any,
                                                        page: Any) -> None:
    client = client_for(cast.leader)
    session = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": django_settings.SESSION_COOKIE_NAME, "value": session,
                               "url": live_server.url}])
    sent: list[str] = []
    page.on("request", lambda request: sent.append(f"{request.method} {request.url}"))
    url = live_server.url + debrief_url(cast.meeting)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" else None)

    page.goto(url)
    assert page.is_hidden("#leader-messages-insert")  # no messages in this tab

    at = datetime(2026, 3, 4, 19, 5, tzinfo=UTC).timestamp()
    messages = [{"type": "leader_message", "from": "Carl", "from_id": cast.coleader.pk,
                 "text": "Ben is getting quiet", "at": at},
                {"from": "Lena", "text": "I'll ask him after the round", "at": at + 60}]
    page.evaluate("([key, value]) => sessionStorage.setItem(key, value)",
                  [f"balintroom.leaders.{cast.meeting.pk}", json.dumps(messages)])
    page.reload()
    page.fill("#id_text", "My own first thoughts.")
    sent.clear()
    page.click("#insert-leader-messages")
    value = page.input_value("#id_text")
    assert value.startswith("My own first thoughts.\n\nThe leaders' messages during the "
                            "meeting:\n")
    # The time in the browser's zone (19:05 UTC is 20:05 in Berlin), in the page's language.
    assert re.search(r"\n08:05\sPM Carl: Ben is getting quiet\n"
                     r"08:06\sPM Lena: I'll ask him after the round\n$", value), value
    assert page.locator("#insert-leader-messages").count() == 0  # once is enough
    assert page.is_visible("#leader-messages-inserted")
    assert sent == []  # nothing left the browser
    assert not LeaderDebrief.objects.exists()

    page.click("button[value=save]")
    page.wait_for_url(url)
    assert "Carl: Ben is getting quiet" in LeaderDebrief.objects.get().text
    # Saved, the same tab does not offer them twice; a later message is offered alone.
    assert page.is_hidden("#leader-messages-insert")
    messages.append({"from": "Carl", "text": "Thank you,\nthat helped", "at": at + 120})
    page.evaluate("([key, value]) => sessionStorage.setItem(key, value)",
                  [f"balintroom.leaders.{cast.meeting.pk}", json.dumps(messages)])
    page.reload()
    page.click("#insert-leader-messages")
    value = page.input_value("#id_text")
    assert value.count("Ben is getting quiet") == 1
    assert re.search(r"PM Lena: I'll ask him after the round\n\nThe leaders' messages during "
                     r"the meeting:\n08:07\sPM Carl: Thank you, that helped\n$", value), value
    assert errors == []
