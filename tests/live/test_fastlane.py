"""A leader's change to a running round's phase or timer, by the fast lane (four SQL
statements and the state kept from the change before): what every viewer is sent must be
exactly what a state built afresh from the database would show, and whatever the fast lane
cannot vouch for goes the general way."""

import contextlib
import json
from datetime import timedelta
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.utils import timezone

from balintroom.live import roomstate, services
from balintroom.live.broadcast import broadcasts_held, room_group_name
from balintroom.live.models import Connection, PhaseEvent, Room
from balintroom.live.presence import presence_and_next_change
from balintroom.live.snapshot import sendable_state
from balintroom.method.round import Action, RoundError
from tests.live.test_services import act, picture, refused, room_of

pytestmark = pytest.mark.django_db

TIMER_CHANGES: list[tuple[Action, dict[str, Any]]] = [
    (Action.ADVANCE, {}), (Action.ADVANCE, {}), (Action.PAUSE, {}),
    (Action.EXTEND, {"minutes": 5}), (Action.RESUME, {}), (Action.BACK, {}),
    (Action.EXTEND, {"minutes": 1}),
]


def views(texts: dict[str, str]) -> dict[str, Any]:
    """The four views as the browsers parse them, without the server's clock."""
    parsed = {kind: json.loads(text) for kind, text in texts.items()}
    for view in parsed.values():
        view.pop("server_time")
    return parsed


def rebuilt(cast: Any) -> dict[str, Any]:
    """The views of a state built now from the database, nothing kept."""
    roomstate.forget_all()
    return views(sendable_state(room_of(cast)).texts(server_time=0.0))


def sent(cast: Any, action: Action, args: dict[str, Any], capture: Any,
         queries: Any = None) -> dict[str, Any]:
    """Act as the leader, who has seen the last state; returns the message broadcast for
    it. `queries` (django_assert_max_num_queries(n)) counts the change's queries."""
    expected = room_of(cast).version
    with queries or contextlib.nullcontext(), broadcasts_held() as held, \
            capture(execute=True):
        act(cast, cast.leader, action, expected=expected, **args)
    ((group, message),) = held
    assert group == room_group_name(room_of(cast).pk)
    return message


@pytest.fixture
def kept_running(running: Any, django_capture_on_commit_callbacks: Any) -> Any:
    """A running round whose state has been built and kept, as after any broadcast."""
    roomstate.forget_all()
    sendable_state(room_of(running))
    return running


def test_every_timer_change_sends_what_a_fresh_build_would(
        kept_running, django_capture_on_commit_callbacks, django_assert_max_num_queries):
    cast = kept_running
    for action, args in TIMER_CHANGES:
        # Four statements in a savepoint (the test's transaction holds the outer one);
        # the general path took eight, and seven more to build the state.
        message = sent(cast, action, args, django_capture_on_commit_callbacks,
                       django_assert_max_num_queries(6))
        assert views(message["texts"]) == rebuilt(cast), action
        assert message["version"] == room_of(cast).version
        # What the fast lane keeps is what the next change starts from.
        sendable_state(room_of(cast))


def test_the_fast_lane_logs_each_change_like_the_general_path(
        kept_running, django_capture_on_commit_callbacks):
    cast = kept_running
    for action, args in TIMER_CHANGES[:3]:
        sent(cast, action, args, django_capture_on_commit_callbacks)
    events = list(PhaseEvent.objects.filter(round__room__meeting=cast.meeting)
                  .values_list("action", "phase_index", "status", "by"))
    assert events[-3:] == [("advance", 1, "running", cast.leader.pk),
                           ("advance", 2, "running", cast.leader.pk),
                           ("pause", 2, "paused", cast.leader.pk)]


def test_the_co_leader_steers_by_the_fast_lane_too(
        kept_running, django_capture_on_commit_callbacks, django_assert_max_num_queries):
    cast = kept_running
    expected = room_of(cast).version
    with django_assert_max_num_queries(6), django_capture_on_commit_callbacks(execute=True):
        act(cast, cast.coleader, Action.ADVANCE, expected=expected)
    assert room_of(cast).version == sendable_state(room_of(cast)).version
    assert rebuilt(cast)["leader"]["round"]["phase_index"] == 1


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_members_and_outsiders_are_refused_with_a_state_kept(kept_running, who):
    cast = kept_running
    message = refused(cast, getattr(cast, who), Action.ADVANCE)
    assert message


def test_a_stale_leader_is_refused_and_nothing_changes(kept_running):
    cast = kept_running
    version = room_of(cast).version
    refused(cast, cast.leader, Action.ADVANCE, expected=version - 1,
            error=services.StaleVersion)
    refused(cast, cast.leader, Action.ADVANCE, expected="latest",
            error=services.StaleVersion)


@pytest.mark.parametrize(("action", "args"), [
    (Action.BACK, {}),  # at the first phase
    (Action.RESUME, {}),  # not paused
    (Action.EXTEND, {"minutes": 7}),
    (Action.EXTEND, {"minutes": True}),
    (Action.EXTEND, {}),
])
def test_what_the_method_forbids_is_refused_with_its_reason(kept_running, action, args):
    refused(kept_running, kept_running.leader, action, **args)


def test_the_last_phase_does_not_advance(kept_running, django_capture_on_commit_callbacks):
    cast = kept_running
    for _ in range(4):
        sent(cast, Action.ADVANCE, {}, django_capture_on_commit_callbacks)
    assert "last phase" in refused(cast, cast.leader, Action.ADVANCE)


def test_a_change_made_elsewhere_is_never_overwritten_by_a_kept_state(
        kept_running, django_capture_on_commit_callbacks):
    """Another process changed the room (its version moved on): this process's kept
    state is too old to patch, and the whole state is read again."""
    cast = kept_running
    room = room_of(cast)
    Room.objects.filter(pk=room.pk).update(version=room.version + 1, banner="Breathe.")
    message = sent(cast, Action.ADVANCE, {}, django_capture_on_commit_callbacks)
    assert json.loads(message["texts"]["member"])["banner"] == "Breathe."
    assert views(message["texts"]) == rebuilt(cast)


def test_a_renewed_display_link_is_never_served_from_a_kept_state(
        kept_running, django_capture_on_commit_callbacks):
    cast = kept_running
    with django_capture_on_commit_callbacks(execute=True):
        renewed = services.room_renew_display_token(room=room_of(cast))
    message = sent(cast, Action.ADVANCE, {}, django_capture_on_commit_callbacks)
    assert message["display_token"] == renewed.display_token


def test_a_kept_state_lasts_until_presence_would_change_by_itself(kept_running, monkeypatch):
    cast = kept_running
    room = room_of(cast)
    built = sendable_state(room)
    assert roomstate.kept(room.pk, version=room.version,
                          display_token=room.display_token) is built
    monkeypatch.setattr(roomstate.time, "time", lambda: built.fresh_until + 0.001)
    assert roomstate.kept(room.pk, version=room.version,
                          display_token=room.display_token) is None


def test_presence_says_when_it_next_changes_by_itself(cast, room, settings):
    settings.PRESENCE_STALE_SECONDS, settings.PRESENCE_GRACE_SECONDS = 75, 30
    now = timezone.now()
    Connection.objects.create(room=room, user=cast.member, channel_name="a",
                              last_seen=now - timedelta(seconds=5))
    Connection.objects.create(room=room, user=cast.members[1], channel_name="b",
                              last_seen=now - timedelta(seconds=20),
                              closed_at=now - timedelta(seconds=10))
    presence, next_change = presence_and_next_change(room, [cast.member.pk, cast.members[1].pk])
    assert presence[cast.member.pk]["presence"] == "online"
    assert presence[cast.members[1].pk]["presence"] == "reconnecting"
    # The second one's grace period ends in 20 s; the first one's heartbeat is stale in 70.
    assert next_change == pytest.approx((now + timedelta(seconds=20)).timestamp(), abs=1)
    _presence, nothing = presence_and_next_change(room, [])
    assert nothing == float("inf")


def test_a_refused_fast_change_sends_nothing(kept_running, django_capture_on_commit_callbacks):
    cast = kept_running
    before = picture(cast)
    with (django_capture_on_commit_callbacks(execute=True) as callbacks,
          broadcasts_held() as held, pytest.raises(RoundError)):
        act(cast, cast.leader, Action.BACK)
    assert callbacks == [] and held == []
    assert picture(cast) == before


def test_broadcasts_outside_a_held_block_go_to_the_channel_layer(
        kept_running, django_capture_on_commit_callbacks):
    cast = kept_running
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    group = room_group_name(room_of(cast).pk)
    async_to_sync(layer.group_add)(group, channel)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            version = act(cast, cast.leader, Action.ADVANCE)
        message = async_to_sync(layer.receive)(channel)
    finally:
        async_to_sync(layer.group_discard)(group, channel)
    assert message["version"] == version
    assert json.loads(message["texts"]["display"])["round"]["phase_index"] == 1
