"""A whole double-hour meeting: check-in with turns, a follow-up of an earlier case, two
rounds and the closing, and what happens past the end of the agenda."""

from typing import Any

import pytest
from django.utils import timezone

from balintroom.groups.models import Meeting
from balintroom.live import services
from balintroom.live.models import Connection, Round
from balintroom.live.requests import MayIdentify
from balintroom.method.round import Action
from tests.live.test_services import act, refused, room_of, snapshot

pytestmark = pytest.mark.django_db


def arrive(cast: Any, *users: Any) -> None:
    room = room_of(cast)
    for user in users:
        Connection.objects.create(room=room, user=user, channel_name=f"test.{user.pk}")


@pytest.fixture
def double_hour(cast: Any) -> Any:
    cast.meeting.format_key = "double_hour"
    cast.meeting.save()
    services.room_create(meeting=cast.meeting)
    arrive(cast, cast.leader, cast.members[0], cast.members[1])
    return cast


def run_round(cast: Any, presenter: Any, label: str) -> None:
    act(cast, presenter, Action.VOLUNTEER, label=label)
    act(cast, cast.leader, Action.CHOOSE_PRESENTER, user=presenter.pk)
    act(cast, cast.leader, Action.START)
    for _ in range(4):
        act(cast, cast.leader, Action.ADVANCE)
    act(cast, cast.leader, Action.END)


def test_it_runs_the_check_in_in_turns_of_those_present(double_hour):
    cast = double_hour
    state = snapshot(cast)
    assert [p["kind"] for p in state["meeting"]["agenda"]] == [
        "check_in", "follow_up", "round", "round", "closing"]
    assert state["part"]["kind"] == "check_in"
    assert state["meeting"]["rounds_planned"] == 2
    act(cast, cast.leader, Action.START)
    state = snapshot(cast)
    rnd = state["round"]
    # Those in the room take turns, in the order of the list (by name): Anna, Ben, Lena.
    assert rnd["speaker_order"] == [cast.members[0].pk, cast.members[1].pk, cast.leader.pk]
    assert rnd["speaker_index"] == 0
    # A turn is a minute, not the whole five minutes of the check-in.
    assert 55 <= rnd["deadline"] - state["server_time"] <= 60
    act(cast, cast.leader, Action.NEXT_SPEAKER)
    act(cast, cast.leader, Action.NEXT_SPEAKER)
    assert snapshot(cast)["round"]["speaker_index"] == 2
    message = refused(cast, cast.leader, Action.NEXT_SPEAKER)
    assert "Everyone has had a turn" in message
    refused(cast, cast.members[0], Action.NEXT_SPEAKER)
    act(cast, cast.leader, Action.END)
    assert snapshot(cast)["part"]["kind"] == "follow_up"


def test_it_needs_no_presenter_for_a_check_in_and_no_case_for_it(double_hour):
    cast = double_hour
    message = refused(cast, cast.leader, Action.CHOOSE_PRESENTER, user=cast.member.pk)
    assert "no presenter" in message
    message = refused(cast, cast.leader, Action.NEXT_SPEAKER)
    assert message


def test_it_follows_up_an_earlier_case_by_its_label_and_date(double_hour):
    cast = double_hour
    # An earlier meeting of the group, where Ben presented "the night call".
    earlier = Meeting.objects.create(group=cast.group, setting="online", duration_minutes=45,
                                     starts_at=timezone.now() - timezone.timedelta(days=14))
    services.room_create(meeting=earlier)
    cast.meeting, today = earlier, cast.meeting
    run_round(cast, cast.members[1], "the night call")
    cast.meeting = today
    act(cast, cast.leader, Action.SKIP_PART)  # no check-in today
    state = snapshot(cast)
    assert state["part"]["kind"] == "follow_up"
    (case,) = state["earlier_cases"]
    assert case == {"id": case["id"], "label": "the night call",
                    "date": earlier.starts_at.date().isoformat()}
    refused(cast, cast.leader, Action.CHOOSE_FOLLOW_UP, round=case["id"] + 999)
    refused(cast, cast.members[0], Action.CHOOSE_FOLLOW_UP, round=case["id"])
    act(cast, cast.leader, Action.CHOOSE_FOLLOW_UP, round=case["id"])
    rnd = snapshot(cast)["round"]
    assert rnd["presenter"] == cast.members[1].pk
    assert rnd["label"] == "the night call"
    assert rnd["follow_up"] is True
    act(cast, cast.leader, Action.START)
    act(cast, cast.leader, Action.END)
    assert snapshot(cast)["part"]["kind"] == "round"


def test_it_runs_a_whole_double_hour(double_hour):
    cast = double_hour
    act(cast, cast.leader, Action.START)  # check-in
    act(cast, cast.leader, Action.END)
    act(cast, cast.leader, Action.SKIP_PART)  # no follow-up today
    run_round(cast, cast.members[0], "first")
    state = snapshot(cast)
    assert state["part"]["index"] == 3 and state["rounds_done"] == 1
    run_round(cast, cast.members[1], "second")
    assert snapshot(cast)["part"]["kind"] == "closing"
    act(cast, cast.leader, Action.START)
    act(cast, cast.leader, Action.END)
    state = snapshot(cast)
    assert state["rounds_done"] == 2
    # Past the agenda, the group may still take another case: an extra classic round.
    assert state["part"]["index"] == 5 and state["part"]["kind"] == "round"
    kinds = list(Round.objects.filter(room=room_of(cast)).order_by("number")
                 .values_list("kind", "status"))
    assert kinds == [("check_in", "ended"), ("round", "ended"), ("round", "ended"),
                     ("closing", "ended")]


def test_it_does_not_skip_a_part_that_has_started(double_hour):
    cast = double_hour
    act(cast, cast.leader, Action.START)
    message = refused(cast, cast.leader, Action.SKIP_PART)
    assert "started" in message


def test_a_skipped_round_gives_the_chosen_presenter_back_to_the_list(cast, room):
    act(cast, cast.member, Action.VOLUNTEER, label="mine")
    act(cast, cast.leader, Action.CHOOSE_PRESENTER, user=cast.member.pk)
    act(cast, cast.leader, Action.SKIP_PART)
    state = snapshot(cast)
    assert state["round"] is None
    assert state["volunteers"] == [{"user": cast.member.pk, "label": "mine", "urgency": 2}]


def test_volunteers_are_listed_by_urgency(cast, room):
    act(cast, cast.members[0], Action.VOLUNTEER, urgency=1)
    act(cast, cast.members[1], Action.VOLUNTEER, urgency=3)
    act(cast, cast.members[2], Action.VOLUNTEER)
    assert [v["user"] for v in snapshot(cast)["volunteers"]] == [
        cast.members[1].pk, cast.members[2].pk, cast.members[0].pk]
    for bad in (0, 4, "3", True, None):
        refused(cast, cast.members[3], Action.VOLUNTEER, urgency=bad)


def test_a_label_that_may_identify_a_patient_is_flagged_before_it_is_kept(cast, room):
    message = refused(cast, cast.member, Action.VOLUNTEER, label="Frau Müller, 93, Hauptstraße 12",
                      error=MayIdentify)
    assert "may identify" in message
    assert snapshot(cast)["volunteers"] == []
    # She keeps it knowingly.
    act(cast, cast.member, Action.VOLUNTEER, label="Frau Müller, 93, Hauptstraße 12", keep=True)
    assert snapshot(cast)["volunteers"][0]["label"] == "Frau Müller, 93, Hauptstraße 12"
    # A label without identifiers goes through at once.
    act(cast, cast.members[1], Action.VOLUNTEER, label="the quiet man with the headaches")
