"""The leader's console: prompt cards, raised hands and the speaking queue, the
"say your name" mode, and the back-up who steers when no leader is in the room."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from balintroom.groups.models import PromptCard
from balintroom.groups.selectors import prompt_cards_for
from balintroom.live import connections, roomstate
from balintroom.live.models import Connection
from balintroom.method.round import Action
from tests.live.test_services import act, refused, room_of, snapshot

pytestmark = pytest.mark.django_db


def test_it_shows_a_prompt_card_to_the_room_and_hides_it(cast, room):
    card = prompt_cards_for(cast.group)[0]
    act(cast, cast.leader, Action.SHOW_PROMPT, card=card.pk)
    assert snapshot(cast)["banner"] == card.text
    act(cast, cast.coleader, Action.HIDE_PROMPT)
    assert snapshot(cast)["banner"] == ""


def test_it_shows_only_the_groups_own_cards(cast, room):
    other = prompt_cards_for(cast.other_group)[0]
    refused(cast, cast.leader, Action.SHOW_PROMPT, card=other.pk)
    refused(cast, cast.leader, Action.SHOW_PROMPT, card="1")
    refused(cast, cast.member, Action.SHOW_PROMPT, card=prompt_cards_for(cast.group)[0].pk)
    assert PromptCard.objects.filter(group=cast.group).exists()


def test_it_queues_raised_hands_and_gives_the_word(cast, room):
    act(cast, cast.members[1], Action.RAISE_HAND)
    act(cast, cast.members[0], Action.RAISE_HAND)
    act(cast, cast.members[1], Action.RAISE_HAND)  # twice is once
    assert snapshot(cast)["hands"] == [cast.members[1].pk, cast.members[0].pk]
    act(cast, cast.leader, Action.CALL_ON)
    state = snapshot(cast)
    assert state["speaker"] == cast.members[1].pk
    assert state["hands"] == [cast.members[0].pk]
    act(cast, cast.members[0], Action.LOWER_HAND)
    assert snapshot(cast)["hands"] == []
    refused(cast, cast.members[0], Action.LOWER_HAND)
    refused(cast, cast.leader, Action.CALL_ON)
    refused(cast, cast.member, Action.CALL_ON)


def test_it_calls_on_a_chosen_person_in_the_queue(cast, room):
    act(cast, cast.members[1], Action.RAISE_HAND)
    act(cast, cast.members[2], Action.RAISE_HAND)
    act(cast, cast.leader, Action.CALL_ON, user=cast.members[2].pk)
    assert snapshot(cast)["hands"] == [cast.members[1].pk]
    refused(cast, cast.leader, Action.CALL_ON, user=cast.members[3].pk)


def test_it_turns_the_say_your_name_mode_on_and_off(cast, room):
    act(cast, cast.leader, Action.NAME_MODE, on=True)
    assert snapshot(cast)["name_mode"] is True
    act(cast, cast.leader, Action.NAME_MODE, on=False)
    assert snapshot(cast)["name_mode"] is False
    refused(cast, cast.leader, Action.NAME_MODE, on="yes")
    refused(cast, cast.member, Action.NAME_MODE, on=True)


def test_it_lets_the_named_back_up_steer_only_when_no_leader_is_in_the_room(running):
    cast = running
    backup = cast.members[2]
    refused(cast, cast.leader, Action.NAME_BACKUP, user=cast.coleader.pk)  # a member, please
    act(cast, cast.leader, Action.NAME_BACKUP, user=backup.pk)
    assert snapshot(cast)["backup"] == backup.pk
    room_ = room_of(cast)
    connections.connections_apply([connections.SocketOpened(
            room_id=room_.pk, user_id=cast.leader.pk, name="l.1")])
    # While the leader is in the room, the back-up is a member like the others.
    message = refused(cast, backup, Action.ADVANCE)
    assert "leader" in message
    # The leader's connection dropped: during the grace period she is still counted in.
    connections.connections_apply([connections.SocketClosed(name="l.1")])
    refused(cast, backup, Action.ADVANCE)
    with override_settings(PRESENCE_GRACE_SECONDS=30):
        # Her grace period ran out (and with it the state kept while it lasted).
        Connection.objects.filter(channel_name="l.1").update(
            closed_at=timezone.now() - timedelta(seconds=31))
        roomstate.forget_all()
        act(cast, backup, Action.ADVANCE)
        assert snapshot(cast)["round"]["phase_index"] == 1
        # Another member does not get the controls, nor the console.
        refused(cast, cast.members[3], Action.ADVANCE)
        refused(cast, backup, Action.SHOW_PROMPT, card=prompt_cards_for(cast.group)[0].pk)
        # The leader is back: the controls are hers again.
        connections.connections_apply([connections.SocketOpened(
                room_id=room_.pk, user_id=cast.leader.pk, name="l.2")])
        refused(cast, backup, Action.ADVANCE)
        act(cast, cast.leader, Action.ADVANCE)


def test_it_clears_the_back_up(cast, room):
    act(cast, cast.leader, Action.NAME_BACKUP, user=cast.member.pk)
    act(cast, cast.leader, Action.NAME_BACKUP, user=None)
    assert snapshot(cast)["backup"] is None


def test_console_state_is_cleared_when_a_part_ends(running):
    cast = running
    act(cast, cast.leader, Action.SHOW_PROMPT, card=prompt_cards_for(cast.group)[0].pk)
    act(cast, cast.leader, Action.ADVANCE)  # the clarifying questions: hands may go up
    act(cast, cast.members[1], Action.RAISE_HAND)
    act(cast, cast.leader, Action.END)
    state = snapshot(cast)
    assert state["banner"] == "" and state["hands"] == []

