"""Who may do what, as one table: every URL of the site against every role, opened (GET)
and sent a form (POST), with the answer each role must get. The test walks the table with
real requests; a URL without a row fails it, and so does any answer that changed. A refused
request changes nothing in the database.

Read a row as two columns of eight letters, one per role in ROLES order: anonymous,
outsider (who leads a group of her own), member, presenter (the member whose case and
note and certificate these are), co-leader, leader, coordinator (of a programme that
holds the group), administrator (staff, in no group).

    P  the page (200)           L  sent to sign in          A  asked for her password again
    R  done, and sent on (302)  N  not found (404)          M  not this method (405)
    B  refused as bad (400)

The room's WebSocket actions have their own table: tests/live/test_authorisation.py."""

import re
from typing import Any

import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import Cast
from tests.core.authorisation_world import ROLES, World, make_world
from tests.core.test_reads_never_write import writes

pytestmark = pytest.mark.django_db

# Django's admin (staff only, its own tests) and the language switch (anyone).
SKIPPED = ("admin/", "i18n/")
REFUSED = set("LNMB")

TABLE: dict[str, tuple[str, str]] = {
    "absence_give": ("LMMMMMMM", "LNRRRRNN"),
    "absence_withdraw": ("LMMMMMMM", "LNRRRRNN"),
    "account_change_password": ("LPPPPPPP", "LPPPPPPP"),
    "account_confirm_email": ("NNNNNNNN", "NNNNNNNN"),
    "account_confirm_login_code": ("LRRRRRRR", "LRRRRRRR"),
    "account_confirm_reauthentication_code": ("LAAAAAAA", "LAAAAAAA"),
    "account_email": ("LPPPPPPP", "LRRRRRRR"),
    "account_email_verification_sent": ("PPPPPPPP", "MMMMMMMM"),
    "account_inactive": ("PPPPPPPP", "MMMMMMMM"),
    "account_login": ("PRRRRRRR", "PRRRRRRR"),
    "account_logout": ("RPPPPPPP", "RRRRRRRR"),
    "account_reauthenticate": ("LPPPPPPP", "LPPPPPPP"),
    "account_request_reauthentication_code": ("LPPPPPPP", "LPPPPPPP"),
    "account_reset_password": ("PPPPPPPP", "PPPPPPPP"),
    "account_reset_password_done": ("PPPPPPPP", "MMMMMMMM"),
    "account_reset_password_from_key": ("NNNNNNNN", "NNNNNNNN"),
    "account_reset_password_from_key_done": ("PPPPPPPP", "MMMMMMMM"),
    "account_set_password": ("LRRRRRRR", "LRRRRRRR"),
    "account_signup": ("PRRRRRRR", "PRRRRRRR"),
    "attendance_confirm": ("LMMMMMMM", "LNNNPPNN"),
    "attendance_correct": ("LNNNPPNN", "LNNNPPNN"),
    "calendar": ("LPPPPPPP", "LPPPPPPP"),
    "calendar_feed": ("PPPPPPPP", "MMMMMMMM"),
    "calendar_new_address": ("LMMMMMMM", "LRRRRRRR"),
    "candidate_step": ("LMMMMMMM", "LNNNRRNN"),
    "candidates": ("LNNNPPNN", "LNNNPPNN"),
    "case_ahead": ("LMMMMMMM", "LNRRRRNN"),
    "certificate_approve": ("LMMMMMMM", "LNNNRRNN"),
    "certificate_discard": ("LMMMMMMM", "LNNNRRNN"),
    "certificate_download": ("LNNPPPPN", "LMMMMMMM"),
    "certificate_issuer": ("LNNNPPNN", "LNNNPPNN"),
    "certificate_preview": ("LNNNPPNN", "LMMMMMMM"),
    "certificate_revoke": ("LNNNPPNN", "LNNNPPNN"),
    # Her own signature: whoever leads a group (the outsider leads her own).
    "certificate_signer": ("LPNNPPNN", "LRNNRRNN"),
    "certificate_verify": ("PPPPPPPP", "MMMMMMMM"),
    "certificates_approve_all": ("LMMMMMMM", "LNNNRRNN"),
    "certificates_create": ("LMMMMMMM", "LNNNPPNN"),
    "credit_record": ("LPPPPPPP", "LMMMMMMM"),
    "credit_record_pdf": ("LPPPPPPP", "LMMMMMMM"),
    "custom_format_create": ("LNNNPPNN", "LNNNPPNN"),
    "custom_format_delete": ("LMMMMMMM", "LNNNRRNN"),
    "custom_format_delete_confirm": ("LNNNPPNN", "LNNNPPNN"),
    "custom_format_edit": ("LNNNPPNN", "LNNNPPNN"),
    "custom_formats": ("LNNNPPNN", "LNNNPPNN"),
    "debrief_delete": ("LMMMMMMM", "LNNNRRNN"),
    "debrief_delete_confirm": ("LNNNRRNN", "LMMMMMMM"),
    "display_token_renew": ("LMMMMMMM", "LNNNRRNN"),
    "group_agreement": ("LNPPPPNN", "LNRRRRNN"),
    "group_archive": ("LNNNPPNN", "LNNNRRNN"),
    "group_certificates": ("LNNNPPNN", "LMMMMMMM"),
    "group_create": ("LPPPPPPP", "LPPPPPPP"),
    "group_detail": ("LNPPPPNN", "LNPPPPNN"),
    "group_development": ("LNNNPPNN", "LMMMMMMM"),
    "group_edit": ("LNNNPPNN", "LNNNPPNN"),
    "group_hours": ("LNNNPPNN", "LMMMMMMM"),
    "group_hours_csv": ("LNNNPPNN", "LMMMMMMM"),
    "group_leave": ("LMMMMMMM", "LNRRRRNN"),
    "group_leave_confirm": ("LNPPPPNN", "LNPPPPNN"),
    "group_organisation_leave": ("LMMMMMMM", "LNNNRRNN"),
    "group_organisations": ("LNNNPPNN", "LNNNPPNN"),
    "group_privacy": ("LNNNPPNN", "LNNNPPNN"),
    "group_questionnaires": ("LNNNPPNN", "LNNNBBNN"),
    "group_scheme_add": ("LMMMMMMM", "LNNNRRNN"),
    "group_scheme_remove": ("LMMMMMMM", "LNNNRRNN"),
    "group_schemes": ("LNNNPPNN", "LMMMMMMM"),
    "healthz": ("PPPPPPPP", "PPPPPPPP"),
    "home": ("PPPPPPPP", "PPPPPPPP"),
    "instrument_withdraw": ("LMMMMMMM", "LNNNNNNR"),
    "instruments": ("LNNNNNNP", "LNNNNNNB"),
    "invitation_accept": ("PBBBBBBB", "PBBBBBBB"),
    "invitation_accept_pending": ("LNNNNNNN", "LNNNNNNN"),
    "invitation_create": ("LMMMMMMM", "LNNNPPNN"),
    "invitation_revoke": ("LMMMMMMM", "LNNNRRNN"),
    "logbook": ("LPPPPPPP", "LPPPPPPP"),
    "logbook_csv": ("LPPPPPPP", "LMMMMMMM"),
    "logbook_entry_delete": ("LMMMMMMM", "LNNNNRNN"),
    "logbook_pdf": ("LPPPPPPP", "LMMMMMMM"),
    "meeting_after": ("LNNNPPNN", "LMMMMMMM"),
    "meeting_attendance": ("LNNNPPNN", "LMMMMMMM"),
    "meeting_cancel": ("LMMMMMMM", "LNNNRRNN"),
    "meeting_cancel_confirm": ("LNNNPPNN", "LNNNPPNN"),
    "meeting_create": ("LNNNPPNN", "LNNNPPNN"),
    "meeting_debrief": ("LNNNPPNN", "LNNNPPNN"),
    "meeting_display": ("PPPPPPPP", "NNNNNNNN"),
    "meeting_edit": ("LNNNPPNN", "LNNNPPNN"),
    "meeting_eiv": ("LNNNPPNN", "LMMMMMMM"),
    "meeting_eiv_pdf": ("LNNNRRNN", "LMMMMMMM"),  # not confirmed, no VNR: back to the page
    "meeting_notes": ("LNPPPPNN", "LMMMMMMM"),
    "meeting_room": ("LNPPPPNN", "LNPPPPNN"),
    "meeting_skip": ("LMMMMMMM", "LNNNRRNN"),
    "member_pause": ("LNPNPPNN", "LNPNPPNN"),
    "member_remove": ("LMMMMMMM", "LNNNAANN"),
    "member_remove_confirm": ("LNNNPPNN", "LNNNPPNN"),
    "member_role_change": ("LMMMMMMM", "LNNNAANN"),
    "mfa_activate_totp": ("LAAAAAAA", "LAAAAAAA"),
    "mfa_add_webauthn": ("LAAAAAAA", "LAAAAAAA"),
    "mfa_authenticate": ("LRRRRRRR", "LRRRRRRR"),
    "mfa_deactivate_totp": ("LNNNNNNN", "LNNNNNNN"),
    "mfa_download_recovery_codes": ("LNNNNNNN", "LNNNNNNN"),
    "mfa_edit_webauthn": ("LAAAAAAA", "LAAAAAAA"),
    "mfa_generate_recovery_codes": ("LAAAAAAA", "LAAAAAAA"),
    "mfa_index": ("LPPPPPPP", "LMMMMMMM"),
    "mfa_list_webauthn": ("LPPPPPPP", "LMMMMMMM"),
    "mfa_reauthenticate": ("LAAAAAAA", "LAAAAAAA"),
    "mfa_reauthenticate_webauthn": ("LAAAAAAA", "LAAAAAAA"),
    "mfa_remove_webauthn": ("LAAAAAAA", "LAAAAAAA"),
    "mfa_view_recovery_codes": ("LNNNNNNN", "LMMMMMMM"),
    "my_certificates": ("LPPPPPPP", "LMMMMMMM"),
    "my_debriefs": ("LPPPPPPP", "LMMMMMMM"),
    "my_notes": ("LPPPPPPP", "LMMMMMMM"),
    "my_questionnaires": ("LPPPPPPP", "LMMMMMMM"),
    "my_reviews": ("LPPPPPPP", "LMMMMMMM"),
    "note_add": ("LMMMMMMM", "LNRPRRNN"),
    "note_delete": ("LMMMMMMM", "LNNRNNNN"),
    "note_delete_confirm": ("LNNPNNNN", "LMMMMMMM"),
    "note_edit": ("LNNPNNNN", "LNNPNNNN"),
    "notes_export": ("LPPPPPPP", "LMMMMMMM"),
    "notes_keep": ("LMMMMMMM", "LNRRRRNN"),
    "notes_stop": ("LMMMMMMM", "LNRRRRNN"),
    "notes_stop_confirm": ("LNPPPPNN", "LMMMMMMM"),
    "organisation_code_renew": ("LMMMMMMM", "LNNNNNRN"),
    "organisation_detail": ("LNNNNNPN", "LMMMMMMM"),
    "organisation_export": ("LNNNNNPN", "LMMMMMMM"),
    "organisation_group": ("LNNNNNPN", "LMMMMMMM"),
    "organisation_questionnaires": ("LNNNNNPN", "LMMMMMMM"),
    "organisation_research_export": ("LNNNNNPN", "LMMMMMMM"),
    "organisation_scheme_delete": ("LMMMMMMM", "LNNNNNNN"),
    "organisation_scheme_edit": ("LNNNNNNN", "LNNNNNNN"),
    "organisation_scheme_new": ("LNNNNNPN", "LNNNNNPN"),
    "organisations": ("LPPPPPPP", "LMMMMMMM"),
    "personal_data": ("LAAAAAAA", "LAAAAAAA"),
    "personal_data_erase": ("LMMMMMMM", "LRRRRRRR"),
    "personal_data_export": ("LNNPNNNN", "LMMMMMMM"),
    "profile": ("LPPPPPPP", "LPPPPPPP"),
    "prompt_card_add": ("LMMMMMMM", "LNNNPPNN"),
    "prompt_card_delete": ("LMMMMMMM", "LNNNRRNN"),
    "prompt_card_edit": ("LMMMMMMM", "LNNNPPNN"),
    "prompt_card_move": ("LMMMMMMM", "LNNNRRNN"),
    "prompt_cards": ("LNNNPPNN", "LNNNPPNN"),
    "questionnaire_answer": ("LNPPNNNN", "LNBBNNNN"),
    "records_group": ("LNPPPPNN", "LMMMMMMM"),
    "research_consent": ("LMMMMMMM", "LNRRRRNN"),
    "review": ("LNPPPPNN", "LNBBBBNN"),
    "review_mirror": ("LMMMMMMM", "LNBBBBNN"),
    "review_on_display": ("NNNNNNNN", "MMMMMMMM"),
    "security_log": ("LPPPPPPP", "LMMMMMMM"),
    "series_create": ("LNNNPPNN", "LNNNPPNN"),
    "unsubscribe": ("PPPPPPPP", "PPPPPPPP"),
}


def named_routes(resolver: URLResolver | None = None, prefix: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if not route.startswith(SKIPPED):
                found.update(named_routes(entry, route))
        elif isinstance(entry, URLPattern) and entry.name:
            found[entry.name] = route
    return found


def path_of(name: str, route: str, world: World) -> str:
    path = "/" + route
    values = {**world.values, **world.only.get(name, {})}
    for param in re.findall(r"<(?:int|str|slug):(\w+)>", route):
        value = world.tokens[name] if param == "token" else values[param]
        path = re.sub(rf"<(?:int|str|slug):{param}>", str(value), path)
    return path


def changed(written: list[str]) -> list[str]:
    """Writes to data: the visitor's own session (where she was going) is none."""
    return [sql for sql in written if "django_session" not in sql]


def answer(response: HttpResponse) -> str:
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        if "/accounts/login/" in location:
            return "L"
        return "A" if "/reauthenticate/" in location else "R"
    return {200: "P", 404: "N", 403: "F", 405: "M", 400: "B"}.get(
        response.status_code, str(response.status_code))


def test_every_url_has_a_row() -> None:
    routes = named_routes()
    assert set(routes) - set(TABLE) == set(), "new URLs: add a row for each to TABLE"
    assert set(TABLE) - set(routes) == set(), "rows for URLs that are gone"
    assert all(len(get) == len(post) == len(ROLES) for get, post in TABLE.values())


def test_every_role_gets_the_answer_the_table_gives(cast: Cast, settings: Any) -> None:
    world = make_world(cast, settings)
    routes = named_routes()
    wrong = []
    for name, (get, post) in sorted(TABLE.items()):
        path = path_of(name, routes[name], world)
        for method, expected in (("get", get), ("post", post)):
            for role, want in zip(ROLES, expected, strict=True):
                # Each request on the world as it was: what one role did (signing out
                # too) is undone.
                with transaction.atomic():
                    client = Client()
                    if world.people[role] is not None:
                        client.force_login(world.people[role])
                    with writes() as written:
                        got = answer(getattr(client, method)(path, {}))
                    transaction.set_rollback(True)
                if got != want:
                    wrong.append(f"{method.upper()} {name} as {role}: {got}, not {want}")
                elif want in REFUSED and method == "post" and (data := changed(written)):
                    wrong.append(f"POST {name} as {role} was refused but wrote {data[0]}")
    assert not wrong, "\n".join(wrong)
