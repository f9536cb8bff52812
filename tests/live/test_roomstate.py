"""Kept room states: after an action, the state sent is the kept state's people and agenda
with the new room, not read again. What every viewer is sent must be exactly what a state
built afresh from the database would show; a kept state is used only at its exact version
and while presence cannot have moved on by itself."""

import json
from datetime import timedelta
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.utils import timezone

from balintroom.live import connections, roomstate, services
from balintroom.live.broadcast import broadcasts_held, room_group_name
from balintroom.live.models import Connection, Room
from balintroom.live.presence import rooms_presence
from balintroom.live.snapshot import RoomAt, state_at, states_at
from balintroom.method.round import Action, RoundError
from tests.conftest import make_cast
from tests.live.test_services import act, built_now, picture, room_of

pytestmark = pytest.mark.django_db

CHANGES: list[tuple[str, Action, dict[str, Any]]] = [
    ("leader", Action.ADVANCE, {}), ("member", Action.RAISE_HAND, {}),
    ("leader", Action.ADVANCE, {}), ("leader", Action.PAUSE, {}),
    ("member", Action.MAY_KNOW_PATIENT, {}), ("leader", Action.EXTEND, {"minutes": 5}),
    ("member", Action.STEP_OUT, {}), ("leader", Action.RESUME, {}),
    ("leader", Action.BACK, {}), ("leader", Action.NAME_MODE, {"on": True}),
    ("leader", Action.EXTEND, {"minutes": 1}), ("leader", Action.END, {}),
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
    return views(built_now(cast).texts(server_time=0.0))


def sent(cast: Any, who: Any, action: Action, args: dict[str, Any], capture: Any
         ) -> dict[str, Any]:
    """Act as someone who has seen the last state; returns the message broadcast."""
    with broadcasts_held() as held, capture(execute=True):
        act(cast, who, action, **args)
    ((group, message),) = held
    assert group == room_group_name(room_of(cast).pk)
    return message


@pytest.fixture
def kept_running(running: Any, django_capture_on_commit_callbacks: Any) -> Any:
    """A running round whose state has been built and kept, as after any broadcast."""
    roomstate.forget_all()
    built_now(running)
    return running


def test_every_change_sends_what_a_fresh_build_would(
        kept_running, django_capture_on_commit_callbacks):
    cast = kept_running
    for who, action, args in CHANGES:
        person = cast.leader if who == "leader" else cast.members[1]
        message = sent(cast, person, action, args, django_capture_on_commit_callbacks)
        assert message["version"] == room_of(cast).version
        assert views(message["texts"]) == rebuilt(cast), action
        built_now(cast)  # kept again, as the broadcast left it


def test_a_phase_change_from_a_kept_state_takes_a_handful_of_queries(
        kept_running, django_capture_on_commit_callbacks, django_assert_max_num_queries):
    """Lock the room with her role, write the round, log it, raise the version (and, in
    a test, the savepoint and its release around them)."""
    cast = kept_running
    expected = room_of(cast).version
    with django_assert_max_num_queries(6), broadcasts_held(), \
            django_capture_on_commit_callbacks(execute=True):
        act(cast, cast.leader, Action.ADVANCE, expected=expected)


def test_a_change_made_elsewhere_is_never_overwritten_by_a_kept_state(
        kept_running, django_capture_on_commit_callbacks):
    """Another process changed the room (its version moved on, and with it the version
    of its rows, as store.room_write writes them): this process's kept state is too old,
    and the whole state is read again."""
    cast = kept_running
    room = room_of(cast)
    Room.objects.filter(pk=room.pk).update(version=room.version + 1,
                                           rows_version=room.version + 1, banner="Breathe.")
    message = sent(cast, cast.leader, Action.ADVANCE, {}, django_capture_on_commit_callbacks)
    assert json.loads(message["texts"]["member"])["banner"] == "Breathe."
    assert views(message["texts"]) == rebuilt(cast)


def someone_came_on_another_process(cast: Any, who: Any, name: str) -> None:
    """A socket opened on another process: the room's new version is that process's; this
    one still keeps the state before it."""
    old = built_now(cast)
    connections.connections_apply([connections.SocketOpened(
        room_id=old.room_id, user_id=who.pk, name=name)])
    roomstate.forget_all()
    roomstate.keep(old)


def test_after_a_change_of_people_elsewhere_only_the_people_are_read_again(
        kept_running, django_assert_max_num_queries):
    cast = kept_running
    someone_came_on_another_process(cast, cast.members[2], "elsewhere.1")
    room = room_of(cast)  # as the room's lock reads it
    with django_assert_max_num_queries(2):  # the group's members, and who is connected
        texts = state_at(room_id=room.pk, version=room.version, display_token=room.display_token,
                         group_id=room.meeting.group_id, format_key=room.meeting.format_key,
                         rows_version=room.rows_version).texts(server_time=0.0)
    assert views(texts) == rebuilt(cast)
    assert [p["presence"] for p in json.loads(texts["leader"])["participants"]
            if p["id"] == cast.members[2].pk] == ["online"]


def test_after_a_change_of_the_room_elsewhere_the_kept_state_is_not_used(
        kept_running, django_capture_on_commit_callbacks):
    cast = kept_running
    someone_came_on_another_process(cast, cast.members[2], "elsewhere.1")
    old = roomstate._kept[room_of(cast).pk]
    # Then that process changed the round; this one still keeps the state from before both.
    act(cast, cast.leader, Action.ADVANCE)
    roomstate.forget_all()
    roomstate.keep(old)
    assert views(built_now(cast).texts(server_time=0.0)) == rebuilt(cast)


def test_a_renewed_display_link_is_never_served_from_a_kept_state(
        kept_running, django_capture_on_commit_callbacks):
    cast = kept_running
    renewed = sent(cast, cast.leader, Action.RENEW_DISPLAY_LINK, {},
                   django_capture_on_commit_callbacks)
    message = sent(cast, cast.leader, Action.ADVANCE, {}, django_capture_on_commit_callbacks)
    assert message["display_token"] == renewed["display_token"] == room_of(cast).display_token


def test_a_kept_state_lasts_until_presence_would_change_by_itself(kept_running, monkeypatch):
    cast = kept_running
    room = room_of(cast)
    built = built_now(cast)
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
    presence, next_change = rooms_presence(
        {room.pk: [cast.member.pk, cast.members[1].pk]})[room.pk]
    assert presence[cast.member.pk]["presence"] == "online"
    assert presence[cast.members[1].pk]["presence"] == "reconnecting"
    # The second one's grace period ends in 20 s; the first one's heartbeat is stale in 70.
    assert next_change == pytest.approx((now + timedelta(seconds=20)).timestamp(), abs=1)
    _presence, nothing = rooms_presence({room.pk: []})[room.pk]
    assert nothing == float("inf")


def test_a_refused_change_sends_nothing(kept_running, django_capture_on_commit_callbacks):
    cast = kept_running
    before = picture(cast)
    with (django_capture_on_commit_callbacks(execute=True) as callbacks,
          broadcasts_held() as held, pytest.raises(RoundError)):
        act(cast, cast.leader, Action.BACK)
    assert callbacks == [] and held == []
    assert picture(cast) == before


def test_an_action_that_changes_nothing_sends_nothing(
        kept_running, django_capture_on_commit_callbacks):
    cast = kept_running
    sent(cast, cast.leader, Action.ADVANCE, {}, django_capture_on_commit_callbacks)
    sent(cast, cast.members[1], Action.RAISE_HAND, {}, django_capture_on_commit_callbacks)
    before = picture(cast)
    for _ in range(3):
        with (django_capture_on_commit_callbacks(execute=True) as callbacks,
              broadcasts_held() as held):
            version = act(cast, cast.members[1], Action.RAISE_HAND)
        assert callbacks == [] and held == []
        assert version == room_of(cast).version
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


@pytest.fixture
def other_running(django_capture_on_commit_callbacks: Any) -> Any:
    """A second group's round, running, its state kept."""
    cast = make_cast("other")
    services.room_create(meeting=cast.meeting)
    act(cast, cast.member, Action.VOLUNTEER, label="the ward")
    act(cast, cast.leader, Action.CHOOSE_PRESENTER, user=cast.member.pk)
    act(cast, cast.leader, Action.START)
    built_now(cast)
    return cast


def test_the_people_of_several_rooms_changed_elsewhere_are_read_together(
        kept_running, other_running, django_assert_max_num_queries):
    """A burst's rooms whose people changed on another process: two queries for all."""
    casts = (kept_running, other_running)
    before = [built_now(cast) for cast in casts]
    for cast in casts:
        connections.connections_apply([connections.SocketOpened(
            room_id=room_of(cast).pk, user_id=cast.members[2].pk,
            name=f"elsewhere.{cast.meeting.pk}")])
    roomstate.forget_all()
    for old in before:
        roomstate.keep(old)
    rooms = [room_of(cast) for cast in casts]
    with django_assert_max_num_queries(2):
        states = states_at([RoomAt(r.pk, r.version, r.display_token, r.meeting.group_id,
                                   r.meeting.format_key, r.rows_version) for r in rooms])
    for cast, room in zip(casts, rooms, strict=True):
        assert views(states[room.pk].texts(server_time=0.0)) == rebuilt(cast)
