"""Generated socket messages (Hypothesis) over real WebSocket connections, as a member and
as a leader: whatever comes - not JSON, the wrong shapes, huge numbers, control
characters, unknown actions, names of other people's things - the server answers
without an error of its own, the socket stays open, and what it refuses changes nothing
in the room."""

from typing import Any

import pytest
from channels.db import database_sync_to_async
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from balintroom.live import consumers, services
from balintroom.live.models import Room
from balintroom.method.round import Action
from tests.live.test_consumer import join

pytestmark = pytest.mark.django_db(transaction=True)

ACTIONS = [str(a) for a in Action] + ["ping", "snapshot", "leader_message"]
KEYS = ["user", "label", "minutes", "card", "round", "on", "expected_version", "text",
        "id", "urgency", "keep", "action", "mode"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=300),
    st.sampled_from(["", "\x00", "\u202e", "' OR 1=1 --", "<script>x</script>", "9" * 40]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=8)
messages = st.one_of(
    st.fixed_dictionaries({"action": st.sampled_from(ACTIONS)},
                          optional={key: values for key in KEYS if key != "action"}),
    st.dictionaries(st.sampled_from(KEYS), values, max_size=5),
    st.text(min_size=1, max_size=200),  # not JSON, or JSON that is not an object
    st.binary(min_size=1, max_size=200),
    st.lists(values, max_size=3),
)


@pytest.fixture
def fuzz_room(cast: Any, monkeypatch: Any) -> Any:
    services.room_create(meeting=cast.meeting)
    # The socket's own speed limit is tested elsewhere; here every message must get through.
    monkeypatch.setattr(consumers, "MESSAGES_BURST", 1e9)
    return cast


async def version_after(socket: Any, probe: str) -> tuple[int, list[dict[str, Any]]]:
    """The room's version once everything before the probe is answered, and the answers."""
    await socket.send({"action": "ping", "id": probe})
    answers = []
    for _ in range(50):
        message = await socket.receive(timeout=5)
        if message["type"] == "pong" and message["id"] == probe:
            return int(message["version"]), answers
        answers.append(message)
    raise AssertionError("no answer to the probe")


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(sent=st.lists(messages, min_size=1, max_size=8), as_leader=st.booleans())
async def test_no_message_breaks_the_socket_or_changes_the_room_when_refused(
        fuzz_room: Any, sent: list[Any], as_leader: bool) -> None:
    cast = fuzz_room
    socket = await join(cast, cast.leader if as_leader else cast.members[1])
    try:
        version, _answers = await version_after(socket, "start")
        for number, message in enumerate(sent):
            if isinstance(message, str):
                await socket.communicator.send_to(text_data=message)
            elif isinstance(message, bytes):
                await socket.communicator.send_to(bytes_data=message)
            else:
                await socket.send(message)
            after, answers = await version_after(socket, f"probe-{number}")
            errors = [a for a in answers if a["type"] == "error"]
            assert all(e["code"] != "server_error" for e in errors), (message, errors)
            if errors:
                assert after == version, (message, errors)  # refused: nothing changed
            version = after
    finally:
        await socket.close()
    room = await database_sync_to_async(Room.objects.get)(meeting=cast.meeting)
    assert room.version >= version
