"""Generated form posts (Hypothesis) to every form a leader or member fills in: whatever
is typed or forged - empty, enormous, control characters, numbers where dates go, fields
the form does not have - the server answers without an error of its own, and a form sent
back with errors has changed nothing."""

import re
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Cast
from tests.core.authorisation_world import World, make_world
from tests.core.test_authorisation_matrix import changed, named_routes, path_of
from tests.core.test_reads_never_write import writes

pytestmark = pytest.mark.django_db

# Each form, and who fills it in.
FORMS = {
    "group_create": "member", "group_edit": "leader", "group_privacy": "leader",
    "meeting_create": "leader", "meeting_edit": "leader", "series_create": "leader",
    "meeting_cancel_confirm": "leader", "custom_format_create": "leader",
    "custom_format_edit": "leader", "prompt_card_add": "leader", "invitation_create": "leader",
    "candidates": "leader", "member_pause": "member", "group_organisations": "leader",
    "certificates_create": "leader", "certificate_revoke": "leader",
    "attendance_correct": "leader", "logbook": "leader", "note_add": "presenter",
    "note_edit": "presenter", "absence_give": "member", "profile": "member",
    "organisation_scheme_new": "coordinator", "group_agreement": "member",
}
# Where the form of an action that answers only a POST is.
FORM_ON = {"absence_give": "records_group", "certificates_create": "group_certificates",
           "invitation_create": "group_detail", "note_add": "meeting_notes",
           "prompt_card_add": "prompt_cards"}
INPUT_NAME = re.compile(r'<(?:input|select|textarea)\b[^>]*\bname="([a-zA-Z_][\w-]*)"')
typed = st.one_of(
    st.text(max_size=50), st.text(max_size=5000),
    st.sampled_from(["", " ", "\x00", "0", "-1", "99999999999999999999", "2026-02-30",
                     "1e309", "NaN", "<script>alert(1)</script>", "' OR 1=1 --",
                     "\u202eevil", "=HYPERLINK(\"x\")", "a" * 200]),
    st.integers(min_value=-(2**64), max_value=2**64).map(str),
    st.dates().map(str), st.datetimes().map(lambda d: d.isoformat()))


@pytest.fixture
def world(cast: Cast, settings: Any) -> World:
    return make_world(cast, settings)


def fields_of(client: Client, path: str) -> list[str]:
    """The names the form on the page has, plus one it has not."""
    page = client.get(path).content.decode()
    names = [n for n in INPUT_NAME.findall(page) if n != "csrfmiddlewaretoken"]
    return sorted(set(names)) + ["not_a_field"]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_no_form_breaks_or_half_saves(world: World, data: Any) -> None:
    name = data.draw(st.sampled_from(sorted(FORMS)), label="form")
    routes = named_routes()
    path = path_of(name, routes[name], world)
    client = Client(raise_request_exception=False)
    client.force_login(world.people[FORMS[name]])
    page = FORM_ON.get(name, name)
    fields = fields_of(client, path_of(page, routes[page], world))
    post = {field: data.draw(typed, label=field) for field in fields
            if data.draw(st.booleans(), label=f"send {field}")}
    with transaction.atomic(), writes() as written:
        response = client.post(path, post)
        transaction.set_rollback(True)
    assert response.status_code < 500, (name, post)
    if response.status_code == 200:  # sent back with its errors
        assert changed(written) == [], (name, post, written)
