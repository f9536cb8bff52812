"""Accessibility as a test: every page of the site, for each kind of person who sees it, on
a phone and on a laptop, in English and German, has no critical or serious finding of
axe-core (WCAG 2.1 A and AA rules; tests/support/axe.py).

The pages come from the URL patterns, as in tests/core/test_reads_never_write.py: each
named pattern is either a page checked here, for the roles that see it, or excused below
with the reason (an action that only answers a POST, a file, a redirect); a new pattern
that is neither fails test_every_page_is_checked_or_excused. The live room and the room
display are left to the room's own browser tests, which can call the same helper in each
state of the room.

One server and one browser serve the module; each (role, width, language) gets a context
of its own, made when its first case runs, with the role's login kept from the first."""

import base64
import json
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.support.axe import axe_findings, axe_preload, axe_report
from tests.support.browser import log_in
from tests.support.server import Server

pytestmark = [pytest.mark.browser, pytest.mark.server]

LEADER, MEMBER, COORDINATOR, ANONYMOUS = "leader", "member", "coordinator", "anonymous"
ADMINISTRATOR = "administrator"
L, M, C, A = LEADER, MEMBER, COORDINATOR, ANONYMOUS
NOT_FOUND = "not_found"

# Each page and the roles that see it (as a page of their own: not a redirect to the
# login, not a 404). Account pages look alike for every signed-in person: the member's.
PAGES: dict[str, tuple[str, ...]] = {
    "home": (L, M, C, A),
    "profile": (L, M),
    "security_log": (M,),
    "personal_data": (M,),
    # allauth's two-factor pages, restyled by our allauth/layouts templates
    "mfa_index": (M,),
    "mfa_activate_totp": (M,),
    "mfa_add_webauthn": (M,),
    "mfa_list_webauthn": (M,),
    "mfa_generate_recovery_codes": (M,),
    # allauth's pages (the sign-in pages' templates are restyled in templates/account/)
    "account_login": (A,),
    "account_signup": (A,),
    "account_logout": (M,),
    "account_inactive": (A,),
    "account_reauthenticate": (M,),
    "account_request_reauthentication_code": (M,),
    "account_email": (M,),
    "account_email_verification_sent": (A,),
    "account_confirm_email": (A,),  # an unknown key: the page that says the link is bad
    "account_change_password": (M,),
    "account_reset_password": (A,),
    "account_reset_password_done": (A,),
    "account_reset_password_from_key": (A,),  # an unknown key, as above
    "account_reset_password_from_key_done": (A,),
    # groups
    "group_create": (L,),
    "group_detail": (L, M),
    "group_edit": (L,),
    "group_leave_confirm": (L, M),
    "member_remove_confirm": (L,),
    "member_pause": (L, M),
    "candidates": (L,),
    "group_archive": (L,),
    "meeting_create": (L,),
    "series_create": (L,),
    "calendar": (L, M),
    "unsubscribe": (M, A),  # the link in a reminder: no sign-in needed
    "meeting_edit": (L,),
    "meeting_cancel_confirm": (L,),
    "group_agreement": (L, M),
    "custom_formats": (L,),
    "custom_format_create": (L,),
    "custom_format_edit": (L,),
    "custom_format_delete_confirm": (L,),
    "prompt_cards": (L,),
    "invitation_accept": (M, A),
    "invitation_accept_pending": (M,),
    # private notes and debriefs
    "meeting_notes": (L, M),
    "notes_stop_confirm": (M,),
    "note_edit": (M,),
    "note_delete_confirm": (M,),
    "my_notes": (L, M),
    "meeting_debrief": (L,),
    "debrief_delete_confirm": (L,),
    "my_debriefs": (L,),
    "group_privacy": (L,),
    # the evening's end: the last meeting is over, its attendance not yet confirmed
    "meeting_after": (L,),
    # records
    "records_group": (L, M),
    "group_hours": (L,),
    "group_schemes": (L,),
    "group_certificates": (L,),
    "certificate_issuer": (L,),
    "certificate_signer": (L,),
    "group_organisations": (L,),
    "meeting_attendance": (L,),
    "attendance_correct": (L,),
    "meeting_eiv": (L,),
    "my_certificates": (L, M),
    "credit_record": (L, M),
    "certificate_preview": (L,),
    "certificate_revoke": (L,),
    "certificate_verify": (M, A),
    "logbook": (L, M),
    # reflection
    "review": (L, M),
    "group_development": (L,),
    "my_reviews": (L, M),
    "instruments": (ADMINISTRATOR,),
    "group_questionnaires": (L,),
    "questionnaire_answer": (M,),
    "my_questionnaires": (M,),
    "organisation_questionnaires": (C,),
    "organisations": (L, C),
    "organisation_detail": (C,),
    "organisation_group": (C,),
    "organisation_scheme_new": (C,),
    "organisation_scheme_edit": (C,),
    # Not a pattern: the page for an address that is none, or not open to this person.
    NOT_FOUND: (M, A),
}

# Forms sent empty, to check them with their errors shown (radio buttons and checkboxes
# among them): the page, who sends it, and its submit button.
WITH_ERRORS: dict[str, tuple[str, str]] = {
    "meeting_create": (L, "main form[novalidate] button[type=submit]"),
    "series_create": (L, "main form[novalidate] button[type=submit]"),
    "group_certificates": (L, "#draft-form button[type=submit]"),
    "logbook": (L, "main form[novalidate] button[type=submit]"),
    "questionnaire_answer": (M, "main form.questionnaire button[type=submit]"),
    "instruments": (ADMINISTRATOR, "main form[novalidate] button[type=submit]"),
}

# Pages behind the password asked again (allauth's re-authentication).
ASKS_PASSWORD_AGAIN = {"personal_data", "mfa_activate_totp", "mfa_add_webauthn",
                       "mfa_generate_recovery_codes"}
NEEDS_A_SECOND_FACTOR = "only once she has a second factor (tests/accounts/test_two_factor.py)"

ACTION = "an action: answers a POST, its page is the one it is on"
FILE = "a file, not a page"
EXCUSED: dict[str, str] = {
    "healthz": "plain text for the load balancer",
    "meeting_room": "the live room: the lead checks each room state with the same helper",
    "meeting_display": "the room display: as the live room",
    "review_on_display": "a part of the room display, which the display puts in its page",
    "account_set_password": "a redirect to the password change (every demo account has one)",
    "account_confirm_login_code": "a redirect to the login unless a code was requested",
    "account_confirm_reauthentication_code": "a redirect unless a code was requested",
    "mfa_authenticate": "a redirect to the sign-in unless a password was just given",
    "mfa_download_recovery_codes": FILE,
    **{name: NEEDS_A_SECOND_FACTOR for name in (
        "mfa_deactivate_totp", "mfa_view_recovery_codes", "mfa_edit_webauthn",
        "mfa_remove_webauthn", "mfa_reauthenticate", "mfa_reauthenticate_webauthn")},
    **{name: FILE for name in ("calendar_feed", "notes_export", "group_hours_csv",
                               "certificate_download", "credit_record_pdf", "logbook_pdf",
                               "logbook_csv", "organisation_export", "personal_data_export",
                               "meeting_eiv_pdf", "organisation_research_export")},
    **{name: ACTION for name in (
        "group_leave", "member_role_change", "member_remove", "invitation_create",
        "invitation_revoke", "meeting_cancel", "meeting_skip", "calendar_new_address",
        "case_ahead", "candidate_step",
        "custom_format_delete", "prompt_card_add",
        "prompt_card_edit", "prompt_card_delete", "prompt_card_move", "display_token_renew",
        "notes_keep", "notes_stop", "note_add", "note_delete", "debrief_delete",
        "group_scheme_add", "group_scheme_remove", "certificates_create",
        "certificates_approve_all", "group_organisation_leave", "attendance_confirm",
        "absence_give", "absence_withdraw", "certificate_approve", "certificate_discard",
        "logbook_entry_delete", "organisation_code_renew", "organisation_scheme_delete",
        "personal_data_erase", "review_mirror", "instrument_withdraw", "research_consent")},
}

PHONE, LAPTOP = (390, 844), (1280, 800)
# Every page in English on both; in German on the phone, where the longer words wrap.
SETTINGS = [(PHONE, "en"), (LAPTOP, "en"), (PHONE, "de")]
LOCALES = {"en": "en-GB", "de": "de-DE"}

SKIPPED = ("admin/", "i18n/")  # Django's admin, and the language switch (a POST)


def routes(resolver: URLResolver | None = None, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(name, route) of every named pattern of the site."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if not route.startswith(SKIPPED):
                yield from routes(entry, route)
        elif isinstance(entry, URLPattern) and entry.name:
            yield entry.name, route


ROUTES = dict(routes())


@dataclass(frozen=True)
class Case:
    name: str
    role: str
    width: int
    height: int
    language: str
    submit: str = ""  # a form's submit button: sent empty before the check

    def __str__(self) -> str:
        shown = f"{self.name}+errors" if self.submit else self.name
        return f"{shown}-{self.role}-{self.width}-{self.language}"


def _cases() -> Iterator[Case]:
    # Grouped by context, so that each context is made once and closed when it is done.
    for (width, height), language in SETTINGS:
        for role in (LEADER, MEMBER, COORDINATOR, ANONYMOUS, ADMINISTRATOR):
            for name, roles in PAGES.items():
                if role in roles:
                    yield Case(name, role, width, height, language)
                    sender, button = WITH_ERRORS.get(name, ("", ""))
                    if sender == role:
                        yield Case(name, role, width, height, language, submit=button)


CASES = list(_cases())


def test_every_page_is_checked_or_excused() -> None:
    named, checked = set(ROUTES), PAGES.keys() - {NOT_FOUND}
    assert named - checked - EXCUSED.keys() == set(), (
        "new pages: add each to PAGES with the roles that see it, or to EXCUSED with why")
    assert checked & EXCUSED.keys() == set()
    assert (checked | EXCUSED.keys()) - named == set(), "names no pattern has"


# What records_demo does not make: a pending invitation (the group's, and one for Anna
# from another group), a custom format, a prompt card, certificates (a draft, one
# released), a logbook entry, a scheme of the group and of the organisation, Anna's
# private note and the leaders' debrief of the last meeting. Printed as JSON, last line.
EXTRA_DATA = """
import json
from datetime import timedelta

from django.utils import timezone

from balintroom.accounts.efn import efn_problem
from balintroom.accounts.models import User
from balintroom.cases import services as cases
from balintroom.groups import services as groups
from balintroom.groups.models import BalintGroup, Meeting, Membership
from balintroom.groups.notices import unsubscribe_token
from balintroom.records import services as records
from balintroom.records.models import AttendanceRecord, Organisation
from balintroom.records.schemes import shipped

group = BalintGroup.objects.get(pk=DEMO["group"])
organisation = Organisation.objects.get(pk=DEMO["organisation"])
people = {handle: User.objects.get(pk=pk) for handle, pk in DEMO["people"].items()}
leader, anna = people["leader"], people["anna"]
coordinator = organisation.coordinators.get()
recent = Meeting.objects.get(pk=DEMO["unconfirmed_meeting"])
pending = groups.invitation_create(group=group, email="new-person@example.org", by=leader)
other = groups.group_create(by=people["coleader"], name="Thursday group", setting="online")
for_anna = groups.invitation_create(group=other, email=anna.email, by=people["coleader"])
custom = groups.custom_format_create(group=group, name="Short round",
                                     phases=[{"name": "Round", "minutes": 30}])
card = groups.prompt_card_add(group=group, text="What does the patient want from the doctor?")
day = timezone.localdate()
for person, full in ((anna, "Dr. med. Anna Weber"), (people["ben"], "Ben Okafor")):
    person.legal_name = full
    person.save(update_fields=["legal_name"])
made, _skipped = records.certificates_draft(
    group=group, members=[anna, people["ben"]], period_start=day - timedelta(days=365),
    period_end=day, scheme=None, by=leader)
released = records.certificate_approve(certificate=made[0], by=leader)
entry = records.logbook_entry_add(user=leader, kind="supervision", day=day - timedelta(days=3),
                                  hours_text="1.5", note="Supervision")
shipped_scheme = shipped()["generic-hours-months"]
records.group_scheme_add(group=group, key=shipped_scheme.key)
own_scheme = records.organisation_scheme_save(
    organisation=organisation, by=coordinator,
    text=json.dumps({**shipped_scheme.data, "key": "programme-hours"}))
cases.notes_opt_in(user=anna, meeting=recent)
note = cases.note_create(author=anna, meeting=recent, text="What moved me in the round.")
cases.debrief_save(user=leader, meeting=recent, text="The group held the frame.", seen=None)
record = AttendanceRecord.objects.filter(meeting__group=group).exclude(meeting=recent).first()
# The confirmed meeting accredited, and EFNs for those present but one: the EIV report.
Meeting.objects.filter(pk=record.meeting_id).update(vnr="2760602024012345678",
                                                    cme_points=3)
for number, attended in enumerate(AttendanceRecord.objects.filter(
        meeting_id=record.meeting_id, status="present").select_related("user")[1:]):
    body = f"80276090{number:06d}"
    attended.user.efn = next(body + d for d in "0123456789" if not efn_problem(body + d))
    attended.user.save(update_fields=["efn"])
# A questionnaire: its first wave closed, its second open for Anna to answer.
from balintroom.reflection.models import Instrument
from balintroom.reflection.questionnaires import administrations_schedule

ours = Instrument.objects.get(shipped=True)
waves = administrations_schedule(group=group, instrument=ours, by=leader,
                                 first_day=day - timedelta(days=200))
administrator = User.objects.create_user(email="administrator@a11y.example",
                                         password="a-long-a11y-password", is_staff=True)
from allauth.account.models import EmailAddress

EmailAddress.objects.create(user=administrator, email=administrator.email, verified=True,
                            primary=True)
print(json.dumps({
    "administration_id": waves[1].pk, "instrument_id": ours.pk,
    "administrator": {"email": administrator.email, "password": "a-long-a11y-password"},
    "invitation_id": pending.pk, "anna_invitation_id": for_anna.pk,
    "token": groups.invitation_token(for_anna), "format_id": custom.pk, "card_id": card.pk,
    "certificate_id": released.pk, "code": released.code, "entry_id": entry.pk,
    "note_id": note.pk, "key": own_scheme.key,
    "membership_id": Membership.objects.get(group=group, user=anna).pk,
    "record_id": record.pk, "confirmed_meeting": record.meeting_id,
    "unsubscribe_token": unsubscribe_token(anna, "reminder"),
}))
"""


@dataclass
class Site:
    server: Server
    accounts: dict[str, dict[str, str]]
    values: dict[str, Any]
    # Which meeting (or other object) a page is about, where it is not the default.
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)

    def path(self, name: str, role: str) -> str:
        if name == NOT_FOUND:
            return "/no-such-page/"
        values = {**self.values, **self.overrides.get(name, {})}
        if name == "invitation_accept_pending" and role == MEMBER:
            values["invitation_id"] = values["anna_invitation_id"]
        route = ROUTES[name]
        # <int:name> in a path, (?P<name>...) in a regular expression
        kwargs = {param: values[param] for param in re.findall(r"<(?:\w+:)?(\w+)>", route)}
        return reverse(name, kwargs=kwargs)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    # Notes and debriefs are encrypted; a server without DEBUG needs a key given.
    key = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
    server = Server(data_dir=tmp_path_factory.mktemp("a11y") / "server",
                    extra_env={"FIELD_ENCRYPTION_KEYS": key})
    server.command("migrate", "--noinput", "-v0")
    demo = json.loads(server.command("records_demo", "--json", "--tag", "a11y"))
    server.command("reviews_demo", "--group", str(demo["group"]))
    output = server.command("shell", "-c", f"DEMO = {demo!r}\n{EXTRA_DATA}")
    extra = json.loads(output.strip().splitlines()[-1])
    accounts = {account["role"] if account["role"] != "member"
                else account["email"].split("-")[0]: account for account in demo["accounts"]}
    accounts[MEMBER] = accounts["anna"]
    accounts[ADMINISTRATOR] = extra["administrator"]
    recent, ahead = demo["unconfirmed_meeting"], demo["meeting_ahead"]
    site = Site(
        server=server, accounts=accounts,
        values={**extra, "group_id": demo["group"], "organisation_id": demo["organisation"],
                "meeting_id": recent, "uidb36": "1", "key": extra["key"]},
        overrides={
            "meeting_edit": {"meeting_id": ahead},
            "meeting_cancel_confirm": {"meeting_id": ahead},
            "attendance_correct": {"meeting_id": extra["confirmed_meeting"]},
            "meeting_eiv": {"meeting_id": extra["confirmed_meeting"]},
            "review": {"meeting_id": extra["confirmed_meeting"], "number": 1},
            "account_confirm_email": {"key": "unknown-key"},
            "unsubscribe": {"token": extra["unsubscribe_token"]},
            "account_reset_password_from_key": {"key": "unknown-key"},
        },
    )
    server.start()
    yield site
    server.stop()


class Visitors:
    """One browser context at a time, for the (role, width, language) the case asks for;
    each role logs in once, and its later contexts start from that login."""

    def __init__(self, browser: Any, site: Site) -> None:
        self.browser, self.site = browser, site
        self.logins: dict[str, Any] = {}
        self.current: tuple[tuple[str, int, int, str], Any] | None = None

    def page(self, case: Case) -> Any:
        wanted = (case.role, case.width, case.height, case.language)
        if self.current is not None and self.current[0] == wanted:
            return self.current[1]
        self.close()
        context = self.browser.new_context(
            viewport={"width": case.width, "height": case.height},
            locale=LOCALES[case.language], storage_state=self.logins.get(case.role))
        axe_preload(context)
        page = context.new_page()
        if case.role != ANONYMOUS and case.role not in self.logins:
            account = self.site.accounts[case.role]
            log_in(page, self.site.server, account["email"], account["password"])
            self.logins[case.role] = context.storage_state()
        self.current = (wanted, page)
        return page

    def close(self) -> None:
        if self.current is not None:
            self.current[1].context.close()
            self.current = None


@pytest.fixture(scope="module")
def visitors(browser: Any, site: Site) -> Iterator[Visitors]:
    visitors = Visitors(browser, site)
    yield visitors
    visitors.close()


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_page_has_no_serious_accessibility_finding(case: Case, site: Site,
                                                       visitors: Visitors) -> None:
    page = visitors.page(case)
    url = site.server.url + site.path(case.name, case.role)
    if case.name in ASKS_PASSWORD_AGAIN:
        page.goto(url)  # to allauth's page that asks for it (unless given lately), and back
        if page.url != url:
            page.fill("input[name=password]", site.accounts[case.role]["password"])
            with page.expect_navigation():
                page.click("main button[type=submit]")
    response = page.goto(url)
    expected = 404 if case.name == NOT_FOUND else 200
    assert response is not None and response.status == expected, (
        f"{url} answered {response.status if response else 'nothing'} to the {case.role}")
    assert page.url == url, f"{url} sent the {case.role} on to {page.url}"
    if case.submit:
        with page.expect_navigation():
            page.click(case.submit)
        assert page.locator(".errorlist").count() > 0, f"{case}: the form showed no error"
    assert page.evaluate("() => document.documentElement.lang") == case.language
    findings = axe_findings(page)
    assert not findings, axe_report(findings, where=str(case))
