"""Statements made once (core/prepared.py): they read and write exactly what the ORM
would, with the SQL built only the first time."""

from datetime import UTC, datetime
from typing import Any

import pytest
from django.db import connection

from balintroom.core.prepared import Prepared, insert_row, update_row
from balintroom.groups.models import Membership
from balintroom.live.models import PhaseEvent, Room, Round
from tests.conftest import Cast

pytestmark = pytest.mark.django_db


def test_a_prepared_query_reads_what_its_queryset_reads(
        cast: Cast, django_assert_num_queries: Any) -> None:
    def roles(group: int, user: int) -> Any:
        return Membership.objects.filter(group_id=group, user_id=user).values_list(
            "role", "user__display_name")

    prepared = Prepared(roles, "group", "user")
    for user in (cast.leader, cast.member, cast.outsider):
        with django_assert_num_queries(1):
            rows = prepared.rows(group=cast.group.pk, user=user.pk)
        assert rows == list(roles(cast.group.pk, user.pk))
    assert len(prepared._compiled) == 1  # compiled once, for the one database


def test_a_parameter_the_query_does_not_use_is_refused(cast: Cast) -> None:
    prepared = Prepared(lambda group, user: Membership.objects.filter(group_id=group), "group",
                        "user")
    with pytest.raises(ValueError, match="not every parameter"):
        prepared.rows(group=cast.group.pk, user=cast.member.pk)


def test_update_row_writes_as_the_orm_would(cast: Cast) -> None:
    room = Room.objects.get(meeting=cast.meeting)
    rnd = Round.objects.create(room=room, number=1)
    deadline = datetime(2026, 11, 29, 20, 15, 3, 123456, tzinfo=UTC)
    with connection.cursor() as cursor:
        assert update_row(cursor, Round, rnd.pk, {
            "status": "running", "deadline": deadline, "speaker_order": [3, 1],
            "presenter": cast.member.pk}) == 1
    rnd.refresh_from_db()
    assert (rnd.status, rnd.deadline, rnd.speaker_order, rnd.presenter_id) == (
        "running", deadline, [3, 1], cast.member.pk)
    with connection.cursor() as cursor:
        assert update_row(cursor, Room, room.pk, {"hands": [cast.member.pk],
                                                  "speaker": None}) == 1
        assert update_row(cursor, Room, 10**9, {"banner": "nobody"}) == 0
    room.refresh_from_db()
    assert (room.hands, room.speaker_id) == ([cast.member.pk], None)


def test_insert_row_adds_a_row_as_the_orm_would(cast: Cast) -> None:
    rnd = Round.objects.create(room=Room.objects.get(meeting=cast.meeting), number=1)
    at = datetime(2026, 11, 29, 20, 0, tzinfo=UTC)
    with connection.cursor() as cursor:
        insert_row(cursor, PhaseEvent, {"round": rnd.pk, "action": "advance",
                                        "phase_index": 1, "status": "running", "at": at,
                                        "by": cast.leader.pk})
    (event,) = PhaseEvent.objects.filter(round=rnd)
    assert (event.action, event.phase_index, event.at, event.by_id) == (
        "advance", 1, at, cast.leader.pk)
