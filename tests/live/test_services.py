"""The live room's services: every action a leader or member can take in a round, who may
take it, what the room then shows (its snapshot), and presence.

These run synchronously against the database; the consumer tests cover the WebSocket."""

import time
from datetime import timedelta
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.forms.models import model_to_dict
from django.test import override_settings
from django.utils import timezone

from balintroom.groups.models import Meeting
from balintroom.groups.services import meeting_schedule
from balintroom.live import connections, services
from balintroom.live.broadcast import broadcasts_held, room_group_name
from balintroom.live.models import Connection, PhaseEvent, Room, Round, Volunteer
from balintroom.live.requests import request_parse
from balintroom.live.roomstate import BuiltState
from balintroom.live.services import room_act
from balintroom.live.snapshot import room_snapshot, state_at
from balintroom.method.formats import CLASSIC_ROUND
from balintroom.method.room import StaleVersion
from balintroom.method.round import LEADER_ACTIONS, Action, RoundError

pytestmark = pytest.mark.django_db

PHASE_SECONDS = [phase.minutes * 60 for phase in CLASSIC_ROUND.phases]


# --- helpers ---------------------------------------------------------------------------

def room_of(cast: Any) -> Room:
    return Room.objects.select_related("meeting").get(meeting=cast.meeting)


def act(cast: Any, who: Any, action: Action | str, /, *, expected: int | None = None,
        **args: Any) -> int:
    """Act as a participant who has just seen the current room state, with a message as
    her page would send it."""
    if expected is None:
        expected = room_of(cast).version
    request = request_parse({"action": str(action), **args})
    return room_act(meeting_id=cast.meeting.pk, by=who, action=request.action,
                    args=request.args, expected_version=expected)


def built_now(cast: Any) -> BuiltState:
    """The room's state as it would be sent now (kept or built)."""
    room = room_of(cast)
    return state_at(room_id=room.pk, version=room.version, display_token=room.display_token,
                    group_id=room.meeting.group_id, format_key=room.meeting.format_key,
                    rows_version=room.rows_version)


def snapshot(cast: Any) -> dict[str, Any]:
    return room_snapshot(room_of(cast))


def the_round(cast: Any) -> Round:
    return Round.objects.get(room__meeting=cast.meeting, number=1)


def picture(cast: Any) -> dict[str, Any]:
    """Everything an action could change, to show that a refused one changed nothing."""
    room = room_of(cast)
    return {
        "room": model_to_dict(room),
        "rounds": [model_to_dict(r) for r in Round.objects.filter(room=room).order_by("pk")],
        "volunteers": sorted(Volunteer.objects.filter(room=room).values_list("user_id", "label")),
        "events": PhaseEvent.objects.count(),
    }


def refused(cast: Any, who: Any, action: Action, /, *, expected: int | None = None,
            error: type[RoundError] = RoundError, **args: Any) -> str:
    before = picture(cast)
    with pytest.raises(error) as info:
        act(cast, who, action, expected=expected, **args)
    assert picture(cast) == before
    assert info.value.message  # a sentence for the person who tried
    return info.value.message


def presence_of(cast: Any, user: Any) -> dict[str, Any]:
    (entry,) = [p for p in snapshot(cast)["participants"] if p["id"] == user.pk]
    return entry


@pytest.fixture
def room(cast: Any) -> Room:
    return services.room_create(meeting=cast.meeting)


@pytest.fixture
def chosen(cast: Any, room: Room) -> Any:
    """Anna offered a case ("night shift") and the leader chose her."""
    act(cast, cast.member, Action.VOLUNTEER, label="night shift")
    act(cast, cast.leader, Action.CHOOSE_PRESENTER, user=cast.member.pk)
    return cast


@pytest.fixture
def running(chosen: Any) -> Any:
    act(chosen, chosen.leader, Action.START)
    return chosen


# --- gathering cases and choosing a presenter ------------------------------------------

def test_ask_for_cases_shows_the_question_to_everyone(cast, room):
    assert snapshot(cast)["asking_for_cases"] is False
    version = act(cast, cast.leader, Action.ASK_FOR_CASES)
    state = snapshot(cast)
    assert state["asking_for_cases"] is True
    assert state["version"] == version == room.version + 1


def test_volunteer_with_a_label_appears_in_the_list(cast, room):
    act(cast, cast.members[1], Action.VOLUNTEER, label="  a  difficult\n night ")
    act(cast, cast.member, Action.VOLUNTEER)
    assert snapshot(cast)["volunteers"] == [
        {"user": cast.members[1].pk, "label": "a difficult night", "urgency": 2},
        {"user": cast.member.pk, "label": "", "urgency": 2},
    ]


def test_volunteering_again_changes_the_label_not_the_list(cast, room):
    act(cast, cast.member, Action.VOLUNTEER, label="first")
    act(cast, cast.member, Action.VOLUNTEER, label="second")
    assert snapshot(cast)["volunteers"] == [
        {"user": cast.member.pk, "label": "second", "urgency": 2}]


def test_a_label_of_80_characters_is_kept(cast, room):
    act(cast, cast.member, Action.VOLUNTEER, label="x" * 80)
    assert snapshot(cast)["volunteers"] == [
        {"user": cast.member.pk, "label": "x" * 80, "urgency": 2}]


@pytest.mark.parametrize("label", ["x" * 81, 42, ["night"], {"text": "night"}, True])
def test_a_label_too_long_or_not_text_is_refused(cast, room, label):
    refused(cast, cast.member, Action.VOLUNTEER, label=label)
    assert snapshot(cast)["volunteers"] == []


def test_withdraw_takes_the_case_off_the_list(cast, room):
    act(cast, cast.member, Action.VOLUNTEER, label="night shift")
    act(cast, cast.members[1], Action.VOLUNTEER)
    act(cast, cast.member, Action.WITHDRAW)
    assert snapshot(cast)["volunteers"] == [{"user": cast.members[1].pk, "label": "", "urgency": 2}]


def test_withdraw_without_a_case_is_refused(cast, room):
    refused(cast, cast.member, Action.WITHDRAW)


def test_leaders_may_volunteer_too(cast, room):
    act(cast, cast.coleader, Action.VOLUNTEER, label="mine")
    assert snapshot(cast)["volunteers"] == [
        {"user": cast.coleader.pk, "label": "mine", "urgency": 2}]


def test_choose_presenter_makes_a_waiting_round_and_clears_the_volunteer(cast, room):
    act(cast, cast.leader, Action.ASK_FOR_CASES)
    act(cast, cast.member, Action.VOLUNTEER, label="night shift")
    act(cast, cast.members[1], Action.VOLUNTEER, label="the visit")
    act(cast, cast.leader, Action.CHOOSE_PRESENTER, user=cast.member.pk)
    state = snapshot(cast)
    assert state["round"] == {
        "number": 1, "status": "waiting", "phase_index": 0, "deadline": None,
        "remaining": None, "presenter": cast.member.pk, "label": "night shift",
        "part_index": 0, "kind": "round", "follow_up": False, "speaker_order": [],
        "speaker_index": 0, "phase_left": [], "hands_closed": "",
    }
    # The chosen one leaves the list; the others stay; the question is answered.
    assert state["volunteers"] == [{"user": cast.members[1].pk, "label": "the visit", "urgency": 2}]
    assert state["asking_for_cases"] is False


def test_choose_presenter_who_did_not_volunteer_is_allowed_for_a_member(cast, room):
    act(cast, cast.leader, Action.CHOOSE_PRESENTER, user=cast.members[2].pk)
    assert snapshot(cast)["round"]["presenter"] == cast.members[2].pk
    assert snapshot(cast)["round"]["label"] == ""


def test_choosing_someone_else_puts_the_first_choice_back_on_the_list(chosen):
    act(chosen, chosen.leader, Action.CHOOSE_PRESENTER, user=chosen.members[1].pk)
    state = snapshot(chosen)
    assert state["round"]["presenter"] == chosen.members[1].pk
    assert state["volunteers"] == [{"user": chosen.member.pk, "label": "night shift", "urgency": 2}]
    assert Round.objects.filter(room__meeting=chosen.meeting).count() == 1



def test_choosing_the_same_presenter_again_keeps_her_label(chosen):
    act(chosen, chosen.leader, Action.CHOOSE_PRESENTER, user=chosen.member.pk)
    assert snapshot(chosen)["round"]["label"] == "night shift"


@pytest.mark.parametrize("who", ["outsider", "unknown", "text", "boolean", "missing"])
def test_choose_presenter_only_from_the_group(cast, room, who):
    act(cast, cast.member, Action.VOLUNTEER)
    args = {
        "outsider": {"user": cast.outsider.pk},
        "unknown": {"user": 999_999},
        "text": {"user": str(cast.member.pk)},
        "boolean": {"user": True},
        "missing": {},
    }[who]
    refused(cast, cast.leader, Action.CHOOSE_PRESENTER, **args)
    assert snapshot(cast)["round"] is None


def test_choose_presenter_with_an_absurd_id_is_refused(cast, room):
    refused(cast, cast.leader, Action.CHOOSE_PRESENTER, user=2**70)


def test_choose_presenter_is_refused_once_the_round_runs(running):
    refused(running, running.leader, Action.CHOOSE_PRESENTER, user=running.members[1].pk)


def test_the_presenter_cannot_offer_another_case_in_her_round(chosen):
    refused(chosen, chosen.member, Action.VOLUNTEER, label="another")


# --- steering the round ----------------------------------------------------------------

def test_start_is_refused_without_a_presenter(cast, room):
    message = refused(cast, cast.leader, Action.START)
    assert "presenter" in message.lower()



def test_start_is_refused_when_the_chosen_presenter_is_gone(chosen):
    chosen.member.delete()  # her account was deleted: the round's presenter is now empty
    assert the_round(chosen).presenter_id is None
    refused(chosen, chosen.leader, Action.START)


def test_start_runs_the_first_phase_with_its_full_time(chosen):
    before = time.time()
    act(chosen, chosen.leader, Action.START)
    after = time.time()
    rnd = snapshot(chosen)["round"]
    assert rnd["status"] == "running"
    assert rnd["phase_index"] == 0
    assert rnd["presenter"] == chosen.member.pk
    assert before + PHASE_SECONDS[0] <= rnd["deadline"] <= after + PHASE_SECONDS[0]
    assert the_round(chosen).started_at is not None


def test_start_twice_is_refused(running):
    refused(running, running.leader, Action.START)


def test_advance_goes_to_the_next_phase_with_its_full_time(running):
    before = time.time()
    act(running, running.leader, Action.ADVANCE)
    rnd = snapshot(running)["round"]
    assert rnd["phase_index"] == 1
    assert rnd["status"] == "running"
    assert before + PHASE_SECONDS[1] <= rnd["deadline"] <= time.time() + PHASE_SECONDS[1]


def test_advance_through_all_phases_then_refused_at_the_last(running):
    for index in range(1, len(PHASE_SECONDS)):
        act(running, running.leader, Action.ADVANCE)
        assert snapshot(running)["round"]["phase_index"] == index
    refused(running, running.leader, Action.ADVANCE)


def test_advance_before_start_is_refused(chosen):
    refused(chosen, chosen.leader, Action.ADVANCE)


@pytest.mark.parametrize("action", [Action.ADVANCE, Action.BACK, Action.PAUSE, Action.RESUME,
                                    Action.EXTEND, Action.END])
def test_steering_without_a_round_is_refused(cast, room, action):
    refused(cast, cast.leader, action, minutes=1)


def test_back_goes_on_with_the_time_the_previous_phase_had_left(running):
    act(running, running.leader, Action.ADVANCE)
    left = snapshot(running)["round"]["deadline"] - time.time()
    act(running, running.leader, Action.ADVANCE)
    act(running, running.leader, Action.BACK)
    rnd = snapshot(running)["round"]
    assert rnd["phase_index"] == 1
    # The clarifying questions had most of their five minutes left, not a fresh five.
    assert rnd["deadline"] - time.time() <= left
    assert rnd["deadline"] - time.time() > left - 5
    assert rnd["phase_left"][2] == pytest.approx(PHASE_SECONDS[2], abs=5)


def test_back_from_the_first_phase_is_refused(running):
    refused(running, running.leader, Action.BACK)


def test_pause_keeps_the_time_left_and_resume_counts_on(running):
    act(running, running.leader, Action.PAUSE)
    rnd = snapshot(running)["round"]
    assert rnd["status"] == "paused"
    assert rnd["deadline"] is None
    assert PHASE_SECONDS[0] - 5 < rnd["remaining"] <= PHASE_SECONDS[0]
    remaining = rnd["remaining"]
    before = time.time()
    act(running, running.leader, Action.RESUME)
    rnd = snapshot(running)["round"]
    assert rnd["status"] == "running"
    assert rnd["phase_index"] == 0
    assert before + remaining <= rnd["deadline"] <= time.time() + remaining


def test_pause_twice_and_resume_while_running_are_refused(running):
    refused(running, running.leader, Action.RESUME)
    act(running, running.leader, Action.PAUSE)
    refused(running, running.leader, Action.PAUSE)


def test_advance_from_a_paused_phase_runs_again(running):
    act(running, running.leader, Action.PAUSE)
    act(running, running.leader, Action.ADVANCE)
    rnd = snapshot(running)["round"]
    assert (rnd["status"], rnd["phase_index"]) == ("running", 1)
    assert rnd["deadline"] is not None


@pytest.mark.parametrize("minutes", [1, 5])
def test_extend_adds_one_or_five_minutes(running, minutes):
    deadline = snapshot(running)["round"]["deadline"]
    act(running, running.leader, Action.EXTEND, minutes=minutes)
    assert snapshot(running)["round"]["deadline"] == pytest.approx(deadline + minutes * 60)


def test_extend_while_paused_adds_to_the_time_left(running):
    act(running, running.leader, Action.PAUSE)
    remaining = snapshot(running)["round"]["remaining"]
    act(running, running.leader, Action.EXTEND, minutes=5)
    assert snapshot(running)["round"]["remaining"] == pytest.approx(remaining + 300)


@pytest.mark.parametrize("minutes", [0, 2, 10, -1, "5", 1.0, True, None])
def test_extend_by_anything_but_1_or_5_is_refused(running, minutes):
    refused(running, running.leader, Action.EXTEND, minutes=minutes)


def test_end_finishes_the_round(running):
    act(running, running.leader, Action.ADVANCE)
    act(running, running.leader, Action.END)
    state = snapshot(running)
    assert state["round"] is None
    assert state["rounds_done"] == 1
    rnd = the_round(running)
    assert rnd.status == "ended"
    assert rnd.ended_at is not None
    # Nothing is left to steer; a new round begins with a new presenter.
    refused(running, running.leader, Action.ADVANCE)
    act(running, running.member, Action.VOLUNTEER, label="again")
    act(running, running.leader, Action.CHOOSE_PRESENTER, user=running.members[1].pk)
    assert snapshot(running)["round"]["number"] == 2


def test_the_coleader_steers_as_the_leader_does(running):
    act(running, running.coleader, Action.ADVANCE)
    act(running, running.coleader, Action.PAUSE)
    assert snapshot(running)["round"]["status"] == "paused"


# --- who may do what -------------------------------------------------------------------

# Well-formed arguments, so that only who is asking stands in the way.
LEADER_ARGS: dict[Action, dict[str, Any]] = {
    Action.EXTEND: {"minutes": 5}, Action.CHOOSE_FOLLOW_UP: {"round": 1},
    Action.LET_BACK: {"user": 1}, Action.NAME_MODE: {"on": True}, Action.SHOW_PROMPT: {"card": 1},
    Action.SEE_OUT: {"user": 1},
}


@pytest.mark.parametrize("action", sorted(LEADER_ACTIONS))
def test_a_member_cannot_take_leader_actions(running, action):
    args = LEADER_ARGS.get(action, {})
    if action == Action.CHOOSE_PRESENTER:
        args = {"user": running.members[1].pk}
    message = refused(running, running.members[1], action, **args)
    assert "leader" in message.lower()


@pytest.mark.parametrize("action", sorted(Action))
def test_the_outsider_is_refused_everything(running, action):
    args = {**LEADER_ARGS, Action.VOLUNTEER: {"label": "mine"},
            Action.CHOOSE_PRESENTER: {"user": running.outsider.pk}}.get(action, {})
    refused(running, running.outsider, action, **args)


def test_a_meeting_without_a_room_refuses_actions(cast):
    # Every scheduled meeting has its room; one made around the services has none, and an
    # action must not make one.
    meeting = Meeting.objects.create(group=cast.group, starts_at=timezone.now(),
                                     duration_minutes=45, setting="online")
    with pytest.raises(RoundError):
        room_act(meeting_id=meeting.pk, by=cast.leader, action=Action.ASK_FOR_CASES,
                 expected_version=1)
    assert not Room.objects.filter(meeting=meeting).exists()


def test_scheduling_a_meeting_makes_its_room(cast):
    meeting = meeting_schedule(group=cast.group, starts_at=timezone.now(),
                               duration_minutes=45, setting="online")
    assert Room.objects.filter(meeting=meeting, version=1).exists()


# --- versions ----------------------------------------------------------------------------

def test_a_stale_version_is_refused(running):
    seen = room_of(running).version
    act(running, running.coleader, Action.ADVANCE, expected=seen)
    # Lena pressed at the same moment, on the picture before Carl's change.
    refused(running, running.leader, Action.ADVANCE, expected=seen, error=StaleVersion)
    assert snapshot(running)["round"]["phase_index"] == 1


@pytest.mark.parametrize("expected", [None, "7", 7.0])
def test_a_steering_action_without_a_whole_version_is_stale(running, expected):
    before = picture(running)
    with pytest.raises(StaleVersion):
        room_act(meeting_id=running.meeting.pk, by=running.leader, action=Action.ADVANCE,
                 expected_version=expected)
    assert picture(running) == before


def test_presence_and_volunteers_do_not_make_the_leader_stale(running):
    seen = room_of(running).version
    connections.connections_apply([connections.SocketOpened(
            room_id=room_of(running).pk, user_id=running.members[2].pk, name="test.presence!1")])
    act(running, running.members[1], Action.VOLUNTEER, label="later")
    room = room_of(running)
    assert room.version == seen + 2
    assert room.steered_version <= seen
    act(running, running.leader, Action.ADVANCE, expected=seen)
    assert snapshot(running)["round"]["phase_index"] == 1


def test_member_actions_need_no_version(cast, room):
    room_act(meeting_id=cast.meeting.pk, by=cast.member, action=Action.VOLUNTEER)
    room_act(meeting_id=cast.meeting.pk, by=cast.member, action=Action.WITHDRAW)
    assert room_of(cast).version == room.version + 2


def test_each_change_raises_the_version_by_one_and_steering_is_logged(cast, room):
    steps: list[tuple[Any, Action, dict[str, Any]]] = [
        (cast.leader, Action.ASK_FOR_CASES, {}),
        (cast.member, Action.VOLUNTEER, {"label": "night shift"}),
        (cast.leader, Action.CHOOSE_PRESENTER, {"user": cast.member.pk}),
        (cast.leader, Action.START, {}),
        (cast.leader, Action.ADVANCE, {}),
        (cast.leader, Action.BACK, {}),
        (cast.leader, Action.PAUSE, {}),
        (cast.leader, Action.RESUME, {}),
        (cast.leader, Action.EXTEND, {"minutes": 1}),
        (cast.coleader, Action.EXTEND, {"minutes": 5}),
        (cast.leader, Action.END, {}),
    ]
    version = room_of(cast).version
    for user, action, args in steps:
        new = act(cast, user, action, **args)
        assert new == version + 1 == room_of(cast).version, action
        if action in LEADER_ACTIONS:
            assert room_of(cast).steered_version == new, action
        version = new
    rnd = the_round(cast)
    events = list(PhaseEvent.objects.filter(round=rnd).values_list(
        "action", "phase_index", "status", "by"))
    assert events == [
        ("start", 0, "running", cast.leader.pk),
        ("advance", 1, "running", cast.leader.pk),
        ("back", 0, "running", cast.leader.pk),
        ("pause", 0, "paused", cast.leader.pk),
        ("resume", 0, "running", cast.leader.pk),
        ("extend", 0, "running", cast.leader.pk),
        ("extend", 0, "running", cast.coleader.pk),
        ("end", 0, "ended", cast.leader.pk),
    ]


def test_each_change_is_broadcast_after_commit(cast, room, django_capture_on_commit_callbacks):
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(room_group_name(room.pk), channel)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            version = act(cast, cast.member, Action.VOLUNTEER, label="night shift")
        message = async_to_sync(layer.receive)(channel)
        assert message["type"] == "room.state"
        assert message["version"] == version
        assert f'"version":{version},' in message["texts"]["member"]
        assert "night shift" in message["texts"]["member"]
        assert "night shift" not in message["texts"]["display"]

        # A refused action sends nothing.
        with (django_capture_on_commit_callbacks(execute=True) as callbacks,
              pytest.raises(RoundError)):
            act(cast, cast.member, Action.ADVANCE)
        assert callbacks == []
    finally:
        async_to_sync(layer.group_discard)(room_group_name(room.pk), channel)


def test_renewing_the_display_token_tells_displays(cast, room, django_capture_on_commit_callbacks):
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(room_group_name(room.pk), channel)
    old = room.display_token
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.room_renew_display_token(room=room, by=cast.leader)
        message = async_to_sync(layer.receive)(channel)
    finally:
        async_to_sync(layer.group_discard)(room_group_name(room.pk), channel)
    renewed = room_of(cast).display_token
    assert renewed != old
    assert message["display_token"] == renewed


def test_only_leaders_renew_the_display_link(cast, room):
    refused(cast, cast.member, Action.RENEW_DISPLAY_LINK)
    assert room_of(cast).display_token == room.display_token


# --- the snapshot ------------------------------------------------------------------------

def test_snapshot_lists_the_group_with_roles_and_no_outsider(cast, room):
    state = snapshot(cast)
    assert state["type"] == "state"
    assert state["version"] == room.version
    people = {p["id"]: (p["name"], p["role"]) for p in state["participants"]}
    assert people == {
        cast.leader.pk: ("Lena", "leader"),
        cast.coleader.pk: ("Carl", "co_leader"),
        **{m.pk: (m.display_name, "member") for m in cast.members},
    }
    assert [p["key"] for p in state["part"]["phases"]] == [p.key for p in CLASSIC_ROUND.phases]
    assert abs(state["server_time"] - time.time()) < 5


def test_snapshot_shows_phase_deadline_and_presenter(running):
    act(running, running.leader, Action.ADVANCE)
    rnd = the_round(running)
    state = snapshot(running)
    assert state["round"]["phase_index"] == 1
    assert state["round"]["deadline"] == pytest.approx(rnd.deadline.timestamp())
    assert state["round"]["presenter"] == running.member.pk
    assert state["round"]["label"] == "night shift"


# --- presence ----------------------------------------------------------------------------

def open_connection(cast: Any, user: Any, name: str) -> Connection:
    connections.connections_apply([connections.SocketOpened(
            room_id=room_of(cast).pk, user_id=user.pk, name=name)])
    return Connection.objects.get(channel_name=name)


def test_everyone_is_away_before_connecting(cast, room):
    assert {p["presence"] for p in snapshot(cast)["participants"]} == {"away"}


def test_an_open_connection_is_online(cast, room):
    version = room_of(cast).version
    open_connection(cast, cast.member, "test.presence!a")
    assert presence_of(cast, cast.member) == {
        "id": cast.member.pk, "name": "Anna", "role": "member", "presence": "online",
        "until": None,
    }
    assert room_of(cast).version == version + 1
    assert presence_of(cast, cast.members[1])["presence"] == "away"


@override_settings(PRESENCE_GRACE_SECONDS=30)
def test_a_closed_connection_is_reconnecting_for_the_grace_period(cast, room):
    open_connection(cast, cast.member, "test.presence!a")
    version = room_of(cast).version
    connections.connections_apply([connections.SocketClosed(name="test.presence!a")])
    assert room_of(cast).version == version + 1
    closed_at = Connection.objects.get(channel_name="test.presence!a").closed_at
    entry = presence_of(cast, cast.member)
    assert entry["presence"] == "reconnecting"
    assert entry["until"] == pytest.approx((closed_at + timedelta(seconds=30)).timestamp())


@override_settings(PRESENCE_GRACE_SECONDS=30)
def test_after_the_grace_period_she_is_away(cast, room):
    open_connection(cast, cast.member, "test.presence!a")
    connections.connections_apply([connections.SocketClosed(name="test.presence!a")])
    Connection.objects.filter(channel_name="test.presence!a").update(
        closed_at=timezone.now() - timedelta(seconds=31)
    )
    assert presence_of(cast, cast.member) == {
        "id": cast.member.pk, "name": "Anna", "role": "member", "presence": "away",
        "until": None,
    }


@override_settings(PRESENCE_GRACE_SECONDS=0)
def test_without_grace_a_closed_connection_is_away_at_once(cast, room):
    open_connection(cast, cast.member, "test.presence!a")
    connections.connections_apply([connections.SocketClosed(name="test.presence!a")])
    assert presence_of(cast, cast.member)["presence"] == "away"


def test_one_open_connection_is_enough_to_be_online(cast, room):
    open_connection(cast, cast.member, "test.presence!a")
    open_connection(cast, cast.member, "test.presence!b")
    connections.connections_apply([connections.SocketClosed(name="test.presence!a")])
    assert presence_of(cast, cast.member)["presence"] == "online"
    connections.connections_apply([connections.SocketClosed(name="test.presence!b")])
    assert presence_of(cast, cast.member)["presence"] == "reconnecting"


def test_closing_an_unknown_connection_changes_nothing(cast, room):
    version = room_of(cast).version
    connections.connections_apply([connections.SocketClosed(name="test.presence!never-opened")])
    assert room_of(cast).version == version


@override_settings(PRESENCE_STALE_SECONDS=75, PRESENCE_GRACE_SECONDS=30)
def test_a_connection_of_a_crashed_server_goes_stale(cast, room):
    """Its server process died: it never closes, and its last_seen stops moving."""
    connection = open_connection(cast, cast.member, "test.presence!crashed")
    now = timezone.now()
    Connection.objects.filter(pk=connection.pk).update(last_seen=now - timedelta(seconds=80))
    entry = presence_of(cast, cast.member)
    assert entry["presence"] == "reconnecting"
    gone_at = now - timedelta(seconds=80) + timedelta(seconds=75)
    assert entry["until"] == pytest.approx((gone_at + timedelta(seconds=30)).timestamp(), abs=1)

    Connection.objects.filter(pk=connection.pk).update(last_seen=now - timedelta(seconds=106))
    assert presence_of(cast, cast.member)["presence"] == "away"
    assert Connection.objects.get(pk=connection.pk).closed_at is None


@override_settings(PRESENCE_STALE_SECONDS=75)
def test_a_connection_seen_recently_stays_online(cast, room):
    connection = open_connection(cast, cast.member, "test.presence!a")
    Connection.objects.filter(pk=connection.pk).update(
        opened_at=timezone.now() - timedelta(hours=1),
        last_seen=timezone.now() - timedelta(seconds=70),
    )
    assert presence_of(cast, cast.member)["presence"] == "online"


def test_a_name_saved_in_the_profile_reaches_the_open_room_at_once(cast, room):
    open_connection(cast, cast.member, "test.name!a")
    before = room_of(cast).version
    cast.member.last_login = timezone.now()
    cast.member.save(update_fields=["last_login"])  # signing in changes nothing shown
    assert room_of(cast).version == before
    cast.member.display_name = "Anna K."
    cast.member.save()
    assert room_of(cast).version == before + 1
    assert presence_of(cast, cast.member)["name"] == "Anna K."


# --- actions of a moment, in one transaction -------------------------------------------------

def test_actions_of_a_moment_each_follow_the_rules_and_the_refused_change_nothing(
        running, django_capture_on_commit_callbacks):
    version = room_of(running).version
    meeting = running.meeting.pk
    with broadcasts_held() as held, django_capture_on_commit_callbacks(execute=True):
        results = services.rooms_act([
            services.Act(meeting, running.leader, Action.ADVANCE, expected_version=version),
            services.Act(meeting, running.outsider, Action.ADVANCE, expected_version=version),
            # The same page's second click, on the picture before the first: stale.
            services.Act(meeting, running.leader, Action.ADVANCE, expected_version=version),
            # A leader who saw the first change goes back, in the same transaction.
            services.Act(meeting, running.coleader, Action.BACK, expected_version=version + 1),
        ])
    first, outsider, stale, back = results
    assert isinstance(first, services.Acted) and first.version == version + 1
    assert isinstance(outsider, RoundError) and not isinstance(outsider, StaleVersion)
    assert isinstance(stale, StaleVersion)
    assert isinstance(back, services.Acted) and back.version == version + 2
    assert the_round(running).phase_index == 0
    assert room_of(running).version == version + 2
    # Each change went to the room, in order.
    assert [message["version"] for _group, message in held] == [version + 1, version + 2]


def test_a_failure_in_a_moments_actions_takes_back_only_its_own(running, monkeypatch):
    version = room_of(running).version
    meeting = running.meeting.pk
    real = services.room_apply

    def broken_for_back(room: Any, ctx: Any, **kwargs: Any) -> Any:
        if kwargs["action"] == Action.BACK:
            raise RuntimeError("the database went away")
        return real(room, ctx, **kwargs)

    monkeypatch.setattr(services, "room_apply", broken_for_back)
    advanced, broken = services.rooms_act([
        services.Act(meeting, running.leader, Action.ADVANCE, expected_version=version),
        services.Act(meeting, running.coleader, Action.BACK, expected_version=version + 1),
    ])
    assert isinstance(advanced, services.Acted)
    assert isinstance(broken, RuntimeError)
    assert the_round(running).phase_index == 1
    assert room_of(running).version == version + 1
