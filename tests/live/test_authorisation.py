"""Who may do what in the live room, as one table: every action a socket can send against
every role, sent over real WebSocket connections. A new action without a row fails the
suite, and so does a role that is let do what is not hers (or refused what is).

    Y  taken up (it may still be refused for the round's state: not hers to be refused)
    N  refused: not hers to do        X  no socket at all: refused at the handshake

Roles, in order: anonymous, outsider (who leads a group of her own), member, presenter,
co-leader, leader, coordinator of the group's programme, administrator, the room display.
The pages' table is tests/core/test_authorisation_matrix.py."""

from typing import Any

import pytest
from channels.db import database_sync_to_async

from balintroom.live import consumers
from balintroom.live.models import Room
from balintroom.method.round import VERSIONED_ACTIONS, Action
from tests.core.authorisation_world import ROLES, make_world
from tests.live.test_consumer import (
    display_socket,
    headers_for,
    join,
    open_socket,
    refused_handshake,
    room_path,
)
from tests.live.test_services import act

pytestmark = pytest.mark.django_db(transaction=True)

WS_ROLES = (*ROLES, "display")
IN_ROOM = ("member", "presenter", "co_leader", "leader", "display")
LEADS = "XXNNYYXXN"
EVERYONE_IN_IT = "XXYYYYXXN"
BESIDE_THE_ROUND = "XXYYYYXXY"  # ping and snapshot: the display too

TABLE: dict[str, str] = {
    # every participant
    Action.VOLUNTEER: EVERYONE_IN_IT, Action.WITHDRAW: EVERYONE_IN_IT,
    Action.RAISE_HAND: EVERYONE_IN_IT, Action.LOWER_HAND: EVERYONE_IN_IT,
    Action.MAY_KNOW_PATIENT: EVERYONE_IN_IT, Action.STEP_OUT: EVERYONE_IN_IT,
    # the leaders: steering the round and the console
    **{action: LEADS for action in (
        Action.ASK_FOR_CASES, Action.CHOOSE_PRESENTER, Action.CHOOSE_FOLLOW_UP,
        Action.START, Action.ADVANCE, Action.BACK, Action.PAUSE, Action.RESUME,
        Action.EXTEND, Action.NEXT_SPEAKER, Action.SKIP_PART, Action.SHOW_PROMPT,
        Action.HIDE_PROMPT, Action.CALL_ON, Action.NAME_MODE, Action.NAME_BACKUP,
        Action.LET_BACK, Action.SEE_OUT, Action.RENEW_DISPLAY_LINK, Action.END,
        Action.END_MEETING)},
    # the socket's own
    "ping": BESIDE_THE_ROUND, "snapshot": BESIDE_THE_ROUND, "leader_message": LEADS,
}
# Refusals that say "not yours to do", as against the round's state.
NOT_HERS = {"Only the leader or co-leader can do that.",
            "You are not a participant of this meeting.",
            "The room display only shows the room.", "Unknown action."}
# What ends the meeting goes last: after it, the state would refuse everything.
LAST = (Action.END, Action.END_MEETING)


def test_every_action_has_a_row() -> None:
    assert {str(a) for a in Action} | {"ping", "snapshot", "leader_message"} == set(TABLE)
    assert all(len(row) == len(WS_ROLES) for row in TABLE.values())


def payload(action: str, world: Any, version: int) -> dict[str, Any]:
    message: dict[str, Any] = {"action": action, "id": 1}
    people = world.people
    message.update({
        Action.VOLUNTEER: {"label": "a night shift"},
        Action.CHOOSE_PRESENTER: {"user": people["presenter"].pk},
        Action.CHOOSE_FOLLOW_UP: {"round": 1},
        Action.EXTEND: {"minutes": 5},
        Action.SHOW_PROMPT: {"card": world.values["card_id"]},
        Action.NAME_MODE: {"on": True},
        Action.LET_BACK: {"user": people["member"].pk},
        Action.SEE_OUT: {"user": people["member"].pk},
        "leader_message": {"text": "all well?"},
    }.get(action, {}))
    if action in {str(a) for a in VERSIONED_ACTIONS}:
        message["expected_version"] = version
    return message


async def answer(socket: Any) -> str:
    """Y or N for what the socket was sent back (states of others may come between)."""
    for _ in range(20):
        if await socket.communicator.receive_nothing(timeout=0.3):
            return "Y"
        message = await socket.receive()
        if message["type"] == "error":
            return "N" if message["message"] in NOT_HERS else "Y"
        if message["type"] == "pong":
            return "Y"
    return "Y"


async def test_every_role_is_let_do_what_the_table_says(cast: Any, settings: Any,
                                                        monkeypatch: Any) -> None:
    monkeypatch.setattr(consumers, "MESSAGES_BURST", 10_000.0)
    world = await database_sync_to_async(make_world)(cast, settings)
    room = await database_sync_to_async(Room.objects.get)(meeting=cast.meeting)
    await database_sync_to_async(act)(cast, cast.member, Action.VOLUNTEER, label="a case")
    for role in ("anonymous", "outsider", "coordinator", "admin"):
        refused = await refused_handshake(room_path(cast), await headers_for(
            world.people[role]))
        assert refused == 4403, role
    sockets = {role: await join(cast, world.people[role]) for role in IN_ROOM[:-1]}
    sockets["display"] = await open_socket(*display_socket(cast, room.display_token))
    wrong = []
    order = [a for a in TABLE if a not in LAST] + [str(a) for a in LAST]
    for action in order:
        # Those who may not go first: a refusal changes nothing for the others.
        roles = sorted(IN_ROOM, key=lambda r: TABLE[action][WS_ROLES.index(r)] == "Y")
        for role in roles:
            if action == Action.RENEW_DISPLAY_LINK and role in ("co_leader", "leader"):
                continue  # would close the display's socket; its row is the same as END's
            version = (await database_sync_to_async(Room.objects.get)(pk=room.pk)).version
            socket = sockets[role]
            await socket.send(payload(action, world, version))
            got, want = await answer(socket), TABLE[action][WS_ROLES.index(role)]
            if got != want:
                wrong.append(f"{action} as {role}: {got}, not {want}")
    for socket in sockets.values():
        await socket.close()
    assert not wrong, "\n".join(wrong)
