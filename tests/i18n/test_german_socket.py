"""The room's WebSocket answers each person in her own language: a German member's refused
actions, and what the label check found in her case label, come back in German."""

import json
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from balintroom.asgi import application
from balintroom.live import services
from balintroom.live.consumers import LEADER_MESSAGE_MAX

pytestmark = pytest.mark.django_db(transaction=True)

ORIGIN = b"http://127.0.0.1"


def _session_cookie(user: Any) -> bytes:
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}".encode()


def _speaks_german(user: Any) -> None:
    user.language = "de"
    user.save()


async def _join(cast: Any, user: Any) -> WebsocketCommunicator:
    await sync_to_async(_speaks_german)(user)
    cookie = await sync_to_async(_session_cookie)(user)
    # Her browser asks for English: the German comes from her profile.
    headers = [(b"cookie", cookie), (b"origin", ORIGIN), (b"host", b"127.0.0.1"),
               (b"accept-language", b"en")]
    socket = WebsocketCommunicator(application, f"/ws/meeting/{cast.meeting.pk}/",
                                   headers=headers)
    connected, _code = await socket.connect()
    assert connected
    return socket


async def _error_after(socket: WebsocketCommunicator, message: dict[str, Any]) -> Any:
    await socket.send_to(text_data=json.dumps(message))
    for _ in range(10):
        answer = await socket.receive_json_from(timeout=2)
        if answer["type"] == "error":
            return answer
    raise AssertionError("no error came back")


@pytest.fixture
def room(cast: Any) -> Any:
    return services.room_create(meeting=cast.meeting)


async def test_it_flags_an_identifying_label_in_german(cast: Any, room: Any) -> None:
    socket = await _join(cast, cast.member)
    error = await _error_after(socket, {"action": "volunteer",
                                        "label": "Frau Müller, 93, Hauptstraße 12"})
    assert error["code"] == "may_identify"
    assert error["message"] == ("Diese Kurzbezeichnung könnte eine Patient:in erkennbar "
                                "machen. Ändern Sie sie oder behalten Sie sie bei.")
    categories = {finding["category"] for finding in error["findings"]}
    assert "Name einer Person" in categories
    assert "Alter von 90 Jahren oder mehr" in categories
    await socket.disconnect()


async def test_it_refuses_in_german(cast: Any, room: Any) -> None:
    socket = await _join(cast, cast.member)
    error = await _error_after(socket, {"action": "lower_hand"})
    assert error["message"] == "Sie haben die Hand nicht gehoben."
    error = await _error_after(socket, {"action": "step_out"})
    assert error["message"] == "Gerade wird kein Fall vorgestellt."
    await socket.disconnect()


async def test_it_tells_a_german_leader_her_message_is_too_long(cast: Any, room: Any) -> None:
    socket = await _join(cast, cast.leader)
    too_long = "x" * (LEADER_MESSAGE_MAX + 1)
    error = await _error_after(socket, {"action": "leader_message", "text": too_long})
    assert error["message"] == (
        f"Schreiben Sie eine kurze Nachricht (höchstens {LEADER_MESSAGE_MAX} Zeichen).")
    await socket.disconnect()
