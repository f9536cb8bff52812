"""The room's WebSocket, in process: the whole ASGI stack (Origin check, session auth,
routing, consumer) through Channels' WebsocketCommunicator, with real sessions."""

import json
import time
from collections.abc import Callable
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from balintroom.asgi import application
from balintroom.live import connections, services
from balintroom.live.models import Room, Volunteer
from balintroom.method.round import Action
from tests.live.test_services import act

pytestmark = pytest.mark.django_db(transaction=True)

HOST = b"127.0.0.1"
ORIGIN = b"http://127.0.0.1"


# --- helpers ---------------------------------------------------------------------------

def session_cookie(user: Any) -> bytes:
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}".encode()


async def headers_for(user: Any | None, *, origin: bytes | None = ORIGIN,
                      extra: list[tuple[bytes, bytes]] | None = None) -> list[tuple[bytes, bytes]]:
    headers = list(extra or [])
    if user is not None:
        headers.append((b"cookie", await sync_to_async(session_cookie)(user)))
    if origin is not None:
        headers.append((b"origin", origin))
    headers.append((b"host", HOST))
    return headers


def room_path(cast: Any) -> str:
    return f"/ws/meeting/{cast.meeting.pk}/"


def display_socket(cast: Any, token: str, *, extra: list[tuple[bytes, bytes]] | None = None
                   ) -> tuple[str, list[tuple[bytes, bytes]]]:
    """The display's socket: its key rides in its cookie, never in the address."""
    cookie = f"display-{cast.meeting.pk}={token}".encode()
    return (f"/ws/meeting/{cast.meeting.pk}/display/",
            [(b"cookie", cookie), (b"origin", ORIGIN), (b"host", HOST), *(extra or [])])


class Socket:
    """One participant's open room socket and the last state she saw."""

    def __init__(self, communicator: WebsocketCommunicator, state: dict[str, Any]) -> None:
        self.communicator = communicator
        self.state = state

    async def send(self, message: Any) -> None:
        await self.communicator.send_to(text_data=json.dumps(message))

    async def receive(self, timeout: float = 2) -> dict[str, Any]:
        message = await self.communicator.receive_json_from(timeout=timeout)
        if message["type"] == "state":
            assert message["version"] >= self.state["version"], "an older state was sent"
            self.state = message
        return message

    async def state_where(self, predicate: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """Read states until one matches (presence changes of others may come first)."""
        for _ in range(10):
            message = await self.receive()
            assert message["type"] == "state", message
            if predicate(message):
                return message
        raise AssertionError("no such state arrived")

    async def settle(self) -> None:
        """Read whatever states are still on their way."""
        while not await self.communicator.receive_nothing(timeout=0.1):
            message = await self.receive()
            assert message["type"] == "state", message

    async def close(self) -> None:
        await self.communicator.disconnect()


async def open_socket(path: str, headers: list[tuple[bytes, bytes]]) -> Socket:
    communicator = WebsocketCommunicator(application, path, headers=headers)
    connected, _code = await communicator.connect()
    assert connected
    state = await communicator.receive_json_from()
    assert state["type"] == "state"
    return Socket(communicator, state)


async def join(cast: Any, user: Any) -> Socket:
    return await open_socket(room_path(cast), await headers_for(user))


async def refused_handshake(path: str, headers: list[tuple[bytes, bytes]]) -> int:
    communicator = WebsocketCommunicator(application, path, headers=headers)
    connected, code = await communicator.connect()
    assert connected is False
    await communicator.disconnect()
    return code


@database_sync_to_async
def room_row(cast: Any) -> Room:
    return Room.objects.get(meeting=cast.meeting)


def presence(state: dict[str, Any], user: Any) -> str:
    (entry,) = [p for p in state["participants"] if p["id"] == user.pk]
    return entry["presence"]


@pytest.fixture
def room(cast: Any) -> Room:
    return services.room_create(meeting=cast.meeting)


@pytest.fixture
def running(cast: Any, room: Room) -> Any:
    """Anna presents; the round runs in its first phase."""
    act(cast, cast.member, Action.VOLUNTEER, label="night shift")
    act(cast, cast.leader, Action.CHOOSE_PRESENTER, user=cast.member.pk)
    act(cast, cast.leader, Action.START)
    return cast


# --- the handshake -----------------------------------------------------------------------

async def test_a_member_gets_the_whole_state_at_once(cast, running):
    socket = await join(cast, cast.members[1])
    state = socket.state
    assert state["version"] == (await room_row(cast)).version
    assert state["round"]["status"] == "running"
    assert state["round"]["presenter"] == cast.member.pk
    assert presence(state, cast.members[1]) == "online"
    assert presence(state, cast.leader) == "away"
    assert {p["id"] for p in state["participants"]} == {
        cast.leader.pk, cast.coleader.pk, *(m.pk for m in cast.members)
    }
    # One state, not the same one twice.
    assert await socket.communicator.receive_nothing(timeout=0.2)
    await socket.close()


async def test_a_room_before_its_first_round_says_so(cast):
    socket = await join(cast, cast.member)
    assert socket.state["round"] is None
    assert socket.state["version"] == (await room_row(cast)).version
    await socket.close()


async def test_the_outsider_is_refused_at_the_handshake(cast, room):
    assert await refused_handshake(room_path(cast), await headers_for(cast.outsider)) == 4403


async def test_anonymous_is_refused(cast, room):
    assert await refused_handshake(room_path(cast), await headers_for(None)) == 4403


@pytest.mark.parametrize("origin", [b"http://evil.example", None])
async def test_another_sites_origin_is_refused(cast, room, origin):
    await refused_handshake(room_path(cast), await headers_for(cast.member, origin=origin))
    assert (await room_row(cast)).version == room.version  # no presence was recorded


async def test_others_see_her_come_and_go(cast, room):
    anna = await join(cast, cast.member)
    ben = await join(cast, cast.members[1])
    state = await anna.state_where(lambda s: presence(s, cast.members[1]) == "online")
    assert state["version"] == ben.state["version"]
    await ben.close()
    await anna.state_where(lambda s: presence(s, cast.members[1]) == "reconnecting")
    await anna.close()


# --- the room display ----------------------------------------------------------------------

async def test_the_display_with_the_right_token_gets_the_state(cast, running, room):
    display = await open_socket(*display_socket(cast, room.display_token))
    assert display.state["version"] == (await room_row(cast)).version
    assert display.state["round"]["phase_index"] == 0
    assert display.state["round"]["deadline"] is not None
    # A display is no participant, and it is told nobody's name.
    assert display.state["participants"] == []
    await display.close()


async def test_the_display_with_a_wrong_token_is_refused(cast, room):
    for token in ("wrong", room.display_token[:-1], room.display_token + "x", ""):
        assert await refused_handshake(*display_socket(cast, token)) == 4403


async def test_the_display_cannot_act(cast, running, room):
    display = await open_socket(*display_socket(cast, room.display_token))
    version = display.state["version"]
    await display.send({"action": "advance", "expected_version": version})
    message = await display.receive()
    assert message["type"] == "error"
    assert message["code"] == "refused"
    assert message["message"] == "The room display only shows the room."
    assert await display.communicator.receive_nothing(timeout=0.2)
    assert (await room_row(cast)).version == version
    await display.close()


async def test_renewing_the_display_link_closes_the_old_display(cast, running, room):
    display = await open_socket(*display_socket(cast, room.display_token))
    anna = await join(cast, cast.member)
    await display.settle()
    await database_sync_to_async(services.room_renew_display_token)(room=room, by=cast.leader)
    closing = await display.communicator.receive_output(timeout=2)
    assert (closing["type"], closing["code"]) == ("websocket.close", 4410)
    # Participants stay, and are sent the room as it is now.
    assert (await anna.receive())["type"] == "state"
    await anna.send({"action": "ping"})
    assert (await anna.receive())["type"] == "pong"
    # The new link works, the old one no longer.
    renewed = await room_row(cast)
    assert await refused_handshake(*display_socket(cast, room.display_token)) == 4403
    fresh = await open_socket(*display_socket(cast, renewed.display_token))
    await fresh.close()
    await anna.close()


async def test_the_display_gets_no_names_or_case_labels(cast, running, room):
    display = await open_socket(*display_socket(cast, room.display_token))
    text = json.dumps(display.state)
    await display.close()
    assert "night shift" not in text
    for user in (cast.leader, *cast.members):
        assert user.display_name not in text


# --- what the socket refuses -------------------------------------------------------------

BAD_MESSAGES = {
    "not json": {"text_data": "advance please"},
    "a json list": {"text_data": json.dumps(["advance", 3])},
    "a json string": {"text_data": json.dumps("advance")},
    "no action": {"text_data": json.dumps({"expected_version": 3})},
    "action not text": {"text_data": json.dumps({"action": 5})},
    "unknown action": {"text_data": json.dumps({"action": "dance", "expected_version": 3})},
    "too large": {"text_data": json.dumps({"action": "volunteer", "label": "x" * 5000})},
    "binary": {"bytes_data": json.dumps({"action": "volunteer"}).encode()},
}


@pytest.mark.parametrize("kind", list(BAD_MESSAGES))
async def test_bad_messages_get_an_error_and_change_nothing(cast, room, kind):
    socket = await join(cast, cast.leader)
    version = socket.state["version"]
    await socket.communicator.send_to(**BAD_MESSAGES[kind])
    message = await socket.receive()
    assert message["type"] == "error", kind
    assert message["message"]
    assert await socket.communicator.receive_nothing(timeout=0.2)
    assert (await room_row(cast)).version == version
    # The socket stays usable.
    await socket.send({"action": "ping", "id": 1})
    assert (await socket.receive(timeout=0.5))["type"] == "pong"
    await socket.close()
    assert not await database_sync_to_async(Volunteer.objects.exists)()


async def test_a_message_of_exactly_the_limit_is_read(cast, room, settings):
    socket = await join(cast, cast.member)
    message = {"action": "volunteer", "label": ""}
    padding = settings.WS_MAX_MESSAGE_BYTES - len(json.dumps(message).encode())
    message["label"] = " " * padding  # spaces are squeezed away: a valid, empty label
    await socket.send(message)
    state = await socket.receive()
    assert state["type"] == "state"
    assert state["volunteers"] == [{"user": cast.member.pk, "label": "", "urgency": 2}]
    await socket.close()


async def test_a_member_cannot_steer(cast, running):
    ben = await join(cast, cast.members[1])
    version = ben.state["version"]
    await ben.send({"action": "advance", "expected_version": version})
    message = await ben.receive()
    assert message["type"] == "error"
    assert message["code"] == "refused"
    assert message["action"] == "advance"
    assert message["message"]
    assert await ben.communicator.receive_nothing(timeout=0.2)
    row = await room_row(cast)
    assert row.version == version
    await ben.close()


# --- steering, seen by everyone ----------------------------------------------------------

async def test_the_leaders_advance_reaches_every_member(cast, running):
    anna = await join(cast, cast.member)
    lena = await join(cast, cast.leader)
    await anna.settle()
    seen = lena.state["version"]
    before = time.time()
    await lena.send({"action": "advance", "expected_version": seen})
    for socket in (anna, lena):
        state = await socket.receive()
        assert state["type"] == "state"
        assert state["version"] == seen + 1
        assert state["round"]["phase_index"] == 1
        assert state["round"]["deadline"] >= before + 5 * 60
    await anna.close()
    await lena.close()


async def test_a_member_volunteers_and_the_leader_sees_it(cast, room):
    lena = await join(cast, cast.leader)
    anna = await join(cast, cast.member)
    await lena.settle()
    # Nobody offers a case in someone else's name: a message that tries is not read.
    await anna.send({"action": "volunteer", "label": "night shift", "user": cast.leader.pk})
    assert (await anna.receive())["code"] == "refused"
    await anna.send({"action": "volunteer", "label": "night shift"})
    state = await lena.receive()
    assert state["volunteers"] == [{"user": cast.member.pk, "label": "night shift", "urgency": 2}]
    await lena.send({"action": "choose_presenter", "user": cast.member.pk,
                     "expected_version": state["version"]})
    state = await anna.state_where(lambda s: s["round"] is not None)
    assert state["round"]["presenter"] == cast.member.pk
    assert state["volunteers"] == []
    await anna.close()
    await lena.close()


async def test_a_stale_version_gets_stale_then_a_fresh_state(cast, running):
    lena = await join(cast, cast.leader)
    carl = await join(cast, cast.coleader)
    await lena.settle()
    seen = lena.state["version"]
    await carl.send({"action": "pause", "expected_version": seen})
    await carl.receive()
    # Lena pressed "Next phase" on the picture before Carl's pause reached her.
    await lena.send({"action": "advance", "expected_version": seen})
    message = await lena.receive()
    if message["type"] == "state":  # Carl's pause, broadcast before her press was read
        message = await lena.receive()
    assert message["type"] == "error"
    assert message["code"] == "stale"
    assert message["message"]
    fresh = await lena.receive()
    assert fresh["type"] == "state"
    assert fresh["round"]["status"] == "paused"
    assert fresh["round"]["phase_index"] == 0
    assert (await room_row(cast)).version == fresh["version"]
    await lena.close()
    await carl.close()


async def test_presence_does_not_make_the_leader_stale(cast, running):
    lena = await join(cast, cast.leader)
    seen = lena.state["version"]
    anna = await join(cast, cast.member)  # a newer version, but only presence
    await lena.state_where(lambda s: presence(s, cast.member) == "online")
    await lena.send({"action": "advance", "expected_version": seen})
    state = await lena.state_where(lambda s: s["round"]["phase_index"] == 1)
    assert state["round"]["status"] == "running"
    await anna.close()
    await lena.close()


async def test_ping_gets_a_pong_with_the_server_time(cast, room):
    anna = await join(cast, cast.member)
    await anna.send({"action": "ping", "id": 7})
    pong = await anna.receive()
    assert pong["type"] == "pong"
    assert pong["id"] == 7
    assert abs(pong["server_time"] - time.time()) < 5
    await anna.close()


async def test_the_display_may_ping_and_ask_for_a_snapshot(cast, room):
    display = await open_socket(*display_socket(cast, room.display_token))
    await display.send({"action": "ping", "id": 1})
    assert (await display.receive())["type"] == "pong"
    await display.communicator.send_to(text_data=json.dumps({"action": "snapshot"}))
    again = await display.communicator.receive_json_from()
    assert again["type"] == "state"
    assert again["version"] == display.state["version"]
    await display.close()


@pytest.mark.parametrize("who", ["display", "member"])
async def test_a_browser_in_another_language_can_still_talk(cast, room, who):
    extra = [(b"accept-language", b"ja,en;q=0.8")]
    if who == "display":
        socket = await open_socket(*display_socket(cast, room.display_token, extra=extra))
    else:  # a member who has not chosen a language in her profile
        socket = await open_socket(room_path(cast), await headers_for(cast.member, extra=extra))
    await socket.send({"action": "ping", "id": 1})
    assert (await socket.receive(timeout=0.5))["type"] == "pong"
    await socket.close()


async def test_a_removed_member_no_longer_receives_the_room(cast, running):
    from balintroom.groups.models import Membership
    from balintroom.groups.services import membership_end

    ben = await join(cast, cast.members[1])
    lena = await join(cast, cast.leader)
    await ben.settle()
    membership = await database_sync_to_async(Membership.objects.get)(
        group=cast.group, user=cast.members[1]
    )
    await database_sync_to_async(membership_end)(membership=membership, by=cast.leader)
    await lena.send({"action": "advance", "expected_version": lena.state["version"]})
    await lena.state_where(lambda s: s["round"]["phase_index"] == 1)
    # She is told to leave, and is sent nothing more of the group's room.
    output = await ben.communicator.receive_output(timeout=1)
    assert (output["type"], output.get("code")) == ("websocket.close", 4403)
    await ben.close()
    await lena.close()


async def test_deeply_nested_json_gets_an_error(cast, room):
    socket = await join(cast, cast.member)
    await socket.communicator.send_to(text_data="[" * 2000 + "]" * 2000)
    message = await socket.receive(timeout=0.5)
    assert message["type"] == "error"
    assert message["code"] == "malformed"
    await socket.send({"action": "ping"})
    assert (await socket.receive())["type"] == "pong"
    await socket.close()


async def test_the_pong_tells_a_page_that_missed_a_change_to_ask_again(cast, room):
    anna = await join(cast, cast.member)
    seen = anna.state["version"]
    # A change whose broadcast never reached her (the channel layer drops at most once).
    await database_sync_to_async(connections.connections_apply)([connections.SocketOpened(
            room_id=room.pk, user_id=cast.members[1].pk, name="elsewhere.1")])
    await anna.communicator.receive_output(timeout=1)  # the broadcast she did get: discard
    await anna.send({"action": "ping", "id": 7})
    pong = await anna.receive()
    while pong["type"] != "pong":
        pong = await anna.receive()
    assert pong["version"] > seen
    await anna.close()
