"""The Lindauer rule: a member who may know the patient tells the leaders, and only them,
steps out, sees nothing of the case until a leader lets her back; the time is kept."""

import json
from typing import Any

import pytest

from balintroom.live.models import StepOut
from balintroom.method.round import Action
from tests.live.test_services import act, built_now, refused, snapshot

pytestmark = pytest.mark.django_db


def sent_views(cast: Any) -> dict[str, dict[str, Any]]:
    """Each kind of viewer's state as it is sent to her now."""
    texts = built_now(cast).texts(server_time=0.0)
    return {kind: json.loads(text) for kind, text in texts.items()}


def test_only_the_leaders_are_told(running):
    cast = running
    ben = cast.members[1]
    act(cast, ben, Action.MAY_KNOW_PATIENT)
    state = snapshot(cast)
    assert [s["user"] for s in state["lindauer"]] == [ben.pk]
    every = sent_views(cast)
    built = built_now(cast)
    assert built.view_kind(cast.leader.pk) == "leader"
    assert built.view_kind(cast.coleader.pk) == "leader"
    for member in cast.members:
        kind = built.view_kind(member.pk)
        assert kind == "member"
        assert every[kind]["lindauer"] == []
    assert every["display"]["lindauer"] == []


def test_a_member_steps_out_and_sees_nothing_of_the_case(running):
    cast = running
    ben = cast.members[1]
    act(cast, ben, Action.MAY_KNOW_PATIENT)
    act(cast, ben, Action.STEP_OUT)
    state = snapshot(cast)
    assert state["outside"] == [ben.pk]
    assert built_now(cast).view_kind(ben.pk) == "outside"
    view = sent_views(cast)["outside"]
    assert view["round"]["label"] == "" and view["round"]["presenter"] is None
    assert "night shift" not in str(view)
    # Everyone else still sees the case.
    assert sent_views(cast)["member"]["round"]["label"] == "night shift"
    refused(cast, ben, Action.STEP_OUT)


def test_a_leader_lets_her_back_and_the_time_outside_is_kept(running):
    cast = running
    ben = cast.members[1]
    act(cast, ben, Action.STEP_OUT)  # she may step out at once, too
    refused(cast, cast.member, Action.LET_BACK, user=ben.pk)
    act(cast, cast.leader, Action.LET_BACK, user=ben.pk)
    state = snapshot(cast)
    assert state["outside"] == [] and state["lindauer"] == []
    step_out = StepOut.objects.get(user=ben)
    assert step_out.stepped_out_at <= step_out.returned_at
    refused(cast, cast.leader, Action.LET_BACK, user=ben.pk)


def test_the_presenter_cannot_signal_and_nobody_can_outside_a_case(chosen):
    cast = chosen
    refused(cast, cast.members[1], Action.MAY_KNOW_PATIENT)  # the round has not started
    act(cast, cast.leader, Action.START)
    refused(cast, cast.member, Action.MAY_KNOW_PATIENT)  # Anna presents
    refused(cast, cast.outsider, Action.MAY_KNOW_PATIENT)


def test_ending_the_round_brings_everyone_back(running):
    cast = running
    act(cast, cast.members[1], Action.STEP_OUT)
    act(cast, cast.leader, Action.END)
    assert snapshot(cast)["outside"] == []
    assert StepOut.objects.get(user=cast.members[1]).returned_at is not None
