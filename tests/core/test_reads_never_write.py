"""Reads never write: every page of the site, asked for with GET by a leader, a member and
an outsider, leaves the database as it was. What a page shows comes from what the
services wrote; a page that wrote would be a second way to change something."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from balintroom.groups.models import BalintGroup, Invitation, Meeting, Membership, PromptCard
from balintroom.groups.services import custom_format_create
from balintroom.live.models import Room
from tests.conftest import Cast

pytestmark = pytest.mark.django_db

# Django's own pages, and those that only ever answer a form (POST).
SKIPPED = ("admin/", "i18n/")


def patterns(resolver: URLResolver | None = None, prefix: str = "") -> Iterator[str]:
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if not route.startswith(SKIPPED):
                yield from patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


def filled(route: str, values: dict[str, Any]) -> str | None:
    """The route with its parameters filled in, or None if one is unknown."""
    path = route.lstrip("^").rstrip("$")
    for name, value in values.items():
        for converter in ("int", "str", "slug"):
            path = path.replace(f"<{converter}:{name}>", str(value))
    return None if "<" in path else "/" + path


@contextmanager
def writes() -> Iterator[list[str]]:
    found: list[str] = []

    def record(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if sql.lstrip().split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            found.append(sql[:100])
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        yield found


def test_no_page_writes_when_it_is_read(cast: Cast) -> None:
    room = Room.objects.get(meeting=cast.meeting)
    invitation = Invitation.objects.create(group=cast.group, email="new@example.org",
                                           invited_by=cast.leader)
    custom = custom_format_create(group=cast.group, name="Short round",
                                  phases=[{"name": "Round", "minutes": 30}])
    values = {
        "group_id": cast.group.pk, "meeting_id": cast.meeting.pk,
        "membership_id": Membership.objects.get(group=cast.group, user=cast.member).pk,
        "invitation_id": invitation.pk, "format_id": custom.pk,
        "card_id": 1,
        "token": room.display_token, "code": "unknown-code", "what": "attendance",
        "organisation_id": 1, "key": "unknown", "note_id": 1, "record_id": 1,
        "certificate_id": 1, "entry_id": 1,
    }
    paths = [path for route in patterns() if (path := filled(route, values))]
    assert len(paths) > 60
    # What a page once made on its first visit: a room for a meeting (now made when it is
    # scheduled), a group's default prompt cards (now given with the group).
    bare = Meeting.objects.create(group=cast.group, starts_at=cast.meeting.starts_at,
                                  duration_minutes=45, setting="online")
    paths += [f"/m/{bare.pk}/room/", f"/m/{bare.pk}/notes/", f"/m/{bare.pk}/attendance/"]
    PromptCard.objects.filter(group=cast.group).delete()
    BalintGroup.objects.filter(pk=cast.group.pk).update(prompt_cards_given=False)
    for who in (cast.leader, cast.member, cast.outsider, None):
        client = Client()
        if who is not None:
            client.force_login(who)
        for path in paths:
            with writes() as found:
                response = client.get(path)
            assert response.status_code < 500, path
            assert found == [], (path, who, found)
