"""The room's socket never falls over on what it is sent: text the database cannot keep,
versions never sent, floods of messages, paths that lead nowhere, pages of other sites.
Each gets a clear answer, changes nothing, and the socket stays."""

import logging
from typing import Any

import pytest
from channels.db import database_sync_to_async

from balintroom.live import consumers
from balintroom.live.models import Connection, Volunteer
from tests.live.test_consumer import (
    HOST,
    Socket,
    headers_for,
    join,
    refused_handshake,
    room_path,
    room_row,
)

pytestmark = pytest.mark.django_db(transaction=True)


async def answer_to(socket: Socket, message: dict[str, Any]) -> dict[str, Any]:
    await socket.send(message)
    return await socket.receive()


async def still_usable(socket: Socket) -> None:
    await socket.send({"action": "ping", "id": 7})
    pong = await socket.receive()
    assert (pong["type"], pong["id"]) == ("pong", 7)


@pytest.mark.parametrize("label", ["\ud800", "a\udfffb", "night\x00shift", "bell\x07"])
async def test_text_the_database_cannot_keep_gets_an_error(cast, room, label, caplog):
    anna = await join(cast, cast.member)
    version = anna.state["version"]
    with caplog.at_level(logging.ERROR):
        error = await answer_to(anna, {"action": "volunteer", "label": label})
    assert error["type"] == "error" and "cannot be kept" in error["message"]
    assert (await room_row(cast)).version == version
    assert not await database_sync_to_async(Volunteer.objects.exists)()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    await still_usable(anna)
    # Her socket is still counted in the room.
    assert await database_sync_to_async(
        Connection.objects.filter(user=cast.member, closed_at__isnull=True).exists)()
    await anna.close()


async def test_a_leaders_message_the_page_cannot_show_is_refused(cast, room):
    lena = await join(cast, cast.leader)
    error = await answer_to(lena, {"action": "leader_message", "text": "see \x00 me"})
    assert error["type"] == "error"
    await still_usable(lena)
    await lena.close()


async def test_a_version_the_room_never_had_is_stale(cast, running):
    lena = await join(cast, cast.leader)
    version = lena.state["version"]
    error = await answer_to(lena, {"action": "advance", "expected_version": version + 5})
    assert error["code"] == "stale"
    fresh = await lena.receive()
    assert fresh["type"] == "state" and fresh["round"]["phase_index"] == 0
    assert (await room_row(cast)).version == version
    await lena.close()


async def test_what_changes_nothing_sends_nothing(cast, running):
    lena = await join(cast, cast.leader)
    ben = await join(cast, cast.members[1])
    await lena.settle()
    await lena.send({"action": "advance", "expected_version": lena.state["version"]})
    await lena.state_where(lambda s: s["round"]["phase_index"] == 1)
    await ben.settle()
    await ben.send({"action": "raise_hand"})
    raised = await lena.state_where(lambda s: s["hands"] == [cast.members[1].pk])
    for _ in range(10):
        await ben.send({"action": "raise_hand"})
    assert await lena.communicator.receive_nothing(timeout=0.3)
    assert (await room_row(cast)).version == raised["version"]
    await ben.close()
    await lena.close()


async def test_a_flood_is_slowed_with_a_clear_message(cast, room, monkeypatch):
    monkeypatch.setattr(consumers, "MESSAGES_BURST", 5.0)
    monkeypatch.setattr(consumers, "MESSAGES_PER_SECOND", 0.5)
    anna = await join(cast, cast.member)
    for number in range(8):
        await anna.send({"action": "ping", "id": number})
    answers = [await anna.receive() for _ in range(8)]
    assert [a["type"] for a in answers[:5]] == ["pong"] * 5
    assert {a.get("code") for a in answers[5:]} == {"too_fast"}
    assert "Wait a moment" in answers[5]["message"]
    await anna.close()


async def test_an_error_on_the_servers_side_changes_nothing_and_keeps_the_socket(
        cast, room, monkeypatch, caplog):
    def broken(*args: Any, **kwargs: Any) -> int:
        label = "night shift, Frau Müller"
        raise RuntimeError(label)  # an error whose text quotes a case

    monkeypatch.setattr(consumers.services, "room_apply", broken)
    anna = await join(cast, cast.member)
    with caplog.at_level(logging.ERROR):
        error = await answer_to(anna, {"action": "volunteer", "label": "night shift"})
    assert error["code"] == "server_error" and "nothing was changed" in error["message"]
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "RuntimeError" in logged and "Müller" not in logged and "night" not in logged
    await still_usable(anna)
    await anna.close()


@pytest.mark.parametrize("path", ["/ws/other/", "/ws/meeting/-1/", "/ws/meeting/x/",
                                  "/ws/meeting/99999999999999999999999/", "/ws/"])
async def test_a_path_that_leads_nowhere_is_refused_at_the_handshake(cast, room, path, caplog):
    with caplog.at_level(logging.ERROR):
        await refused_handshake(path, await headers_for(cast.member))
    assert not caplog.records  # no traceback, no server error


@pytest.mark.parametrize("origin", [
    b"http://127.0.0.1:8001",  # the same host on another port
    b"https://127.0.0.1",  # https, though the socket is plain
    b"http://127.0.0.1.evil.example",
    b"null",
])
async def test_an_origin_must_match_scheme_host_and_port(cast, room, origin):
    await refused_handshake(room_path(cast), await headers_for(cast.member, origin=origin))


async def test_a_secure_socket_takes_only_its_https_origin(cast, room):
    from channels.testing import WebsocketCommunicator

    from balintroom.asgi import application

    async def handshake(origin: bytes) -> bool:
        headers = [*(await headers_for(cast.member, origin=origin))]
        communicator = WebsocketCommunicator(application, room_path(cast), headers=headers)
        communicator.scope["scheme"] = "wss"
        connected, _code = await communicator.connect()
        await communicator.disconnect()
        return bool(connected)

    assert await handshake(b"https://" + HOST)
    assert not await handshake(b"http://" + HOST)


async def test_a_label_may_name_the_groups_own_people(cast, room):
    """Ben is one of the group: naming him is no warning; a stranger's name still is."""
    anna = await join(cast, cast.member)
    state = await answer_to(anna, {"action": "volunteer", "label": "what Ben said to me"})
    assert state["type"] == "state"
    assert state["volunteers"][0]["label"] == "what Ben said to me"
    error = await answer_to(anna, {"action": "volunteer", "label": "Frau Quist again"})
    assert error["code"] == "may_identify"
    assert [f["text"] for f in error["findings"]] == ["Frau Quist"]
    await anna.close()
