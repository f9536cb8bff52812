"""The room over real WebSocket connections to a real server process, including a
server restart in the middle of a round."""

import asyncio
import contextlib
import json
from typing import Any

import pytest
import websockets
from websockets.exceptions import InvalidStatus

from tests.support.server import Server, login_cookie

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    server = Server(data_dir=tmp_path_factory.mktemp("server"))
    server.command("migrate", "--noinput", "-v0")
    server.start()
    yield server
    server.stop()


class Client:
    """One participant's socket, keeping the newest room state it has been sent."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.state: dict[str, Any] = {}
        self.errors: list[dict[str, Any]] = []

    async def next(self, timeout: float = 5) -> dict[str, Any]:
        message = json.loads(await asyncio.wait_for(self.socket.recv(), timeout))
        if message["type"] == "state":
            self.state = message
        elif message["type"] == "error":
            self.errors.append(message)
        return message

    async def until(self, predicate: Any, timeout: float = 5) -> dict[str, Any]:
        async with asyncio.timeout(timeout):
            while True:
                message = await self.next(timeout)
                if message["type"] == "state" and predicate(message):
                    return message

    async def act(self, action: str, **extra: Any) -> None:
        await self.socket.send(json.dumps(
            {"action": action, "expected_version": self.state.get("version"), **extra}
        ))


def connect(server: Server, meeting: int, cookie: str | None, origin: str | None = None) -> Any:
    headers = {"Origin": origin or server.url}
    if cookie:
        headers["Cookie"] = cookie
    return websockets.connect(f"{server.ws_url}/ws/meeting/{meeting}/",
                              additional_headers=headers, open_timeout=5)


def phase(state: dict[str, Any]) -> int | None:
    return state["round"]["phase_index"] if state.get("round") else None


async def test_it_refuses_outsiders_anonymous_and_foreign_origins(server: Server) -> None:
    demo = server.demo("refuse")
    other = server.demo("refuse-other")
    outsider = other["accounts"][0]
    cookie = login_cookie(server, outsider["email"], outsider["password"])
    for cookie_ in (cookie, None):
        with pytest.raises(InvalidStatus) as refused:
            async with connect(server, demo["meeting"], cookie_):
                pass
        assert refused.value.response.status_code == 403
    member = demo["accounts"][2]
    member_cookie = login_cookie(server, member["email"], member["password"])
    with pytest.raises(InvalidStatus) as refused:
        async with connect(server, demo["meeting"], member_cookie, "http://evil.example"):
            pass
    assert refused.value.response.status_code == 403
    # The same member, from the site's own origin, is let in.
    async with connect(server, demo["meeting"], member_cookie) as socket:
        assert json.loads(await socket.recv())["type"] == "state"


async def test_it_goes_on_after_a_server_restart_mid_round(server: Server) -> None:
    demo = server.demo("restart")
    leader_account, anna_account = demo["accounts"][0], demo["accounts"][2]
    leader_cookie = login_cookie(server, leader_account["email"], leader_account["password"])
    anna_cookie = login_cookie(server, anna_account["email"], anna_account["password"])
    async with connect(server, demo["meeting"], leader_cookie) as ls, \
            connect(server, demo["meeting"], anna_cookie) as as_:
        leader, anna = Client(ls), Client(as_)
        await leader.next()
        await anna.next()
        await anna.act("volunteer", label="")
        await leader.until(lambda s: s["volunteers"])
        anna_id = leader.state["volunteers"][0]["user"]
        await leader.act("choose_presenter", user=anna_id)
        await leader.until(lambda s: s["round"] and s["round"]["presenter"] == anna_id)
        await leader.act("start")
        await leader.until(lambda s: phase(s) == 0 and s["round"]["status"] == "running")
        await leader.act("advance")
        await leader.until(lambda s: phase(s) == 1)
        await leader.act("advance")
        seen = await anna.until(lambda s: phase(s) == 2)
        deadline = seen["round"]["deadline"]

    server.stop(hard=True)
    server.start()

    async with connect(server, demo["meeting"], leader_cookie) as ls, \
            connect(server, demo["meeting"], anna_cookie) as as_:
        leader, anna = Client(ls), Client(as_)
        after = await leader.next()
        await anna.next()
        assert phase(after) == 2
        assert after["round"]["status"] == "running"
        assert after["round"]["deadline"] == deadline
        assert after["round"]["presenter"] == anna_id
        await leader.act("advance")
        moved = await anna.until(lambda s: phase(s) == 3)
        assert moved["round"]["status"] == "running"


def open_rows(server: Server) -> int:
    """Connection rows still open in the server's database, read by a process of its own."""
    return int(server.command("shell", "--no-imports", "-c", (
        "from balintroom.live.models import Connection;"
        "print(Connection.objects.filter(closed_at__isnull=True).count())")).split()[-1])


async def sockets_in_room(server: Server, demo: dict[str, Any], stack: Any) -> list[Client]:
    clients = []
    for account in demo["accounts"][:4]:
        cookie = login_cookie(server, account["email"], account["password"])
        client = Client(await stack.enter_async_context(connect(server, demo["meeting"], cookie)))
        await client.next()
        clients.append(client)
    # Everyone's arrival has been written: the leader sees all four present.
    await clients[0].until(lambda s: sum(p["presence"] == "online"
                                          for p in s["participants"]) == 4)
    return clients


async def test_a_clean_stop_leaves_no_socket_open_in_the_database(server: Server) -> None:
    demo = server.demo("clean-stop")
    async with contextlib.AsyncExitStack() as stack:
        clients = await sockets_in_room(server, demo, stack)
        assert open_rows(server) >= 4
        server.stop()  # SIGTERM with the sockets open, as systemd stops it
        for client in clients:
            with pytest.raises(websockets.ConnectionClosed) as closed:
                for _message in range(20):  # what was sent before the close, then the close
                    await client.next()
            assert closed.value.rcvd is not None and closed.value.rcvd.code == 1012
    assert open_rows(server) == 0
    server.start()


async def test_after_a_crash_the_new_process_closes_the_dead_ones_sockets_at_once(
        server: Server) -> None:
    demo = server.demo("crash")
    async with contextlib.AsyncExitStack() as stack:
        await sockets_in_room(server, demo, stack)
        before = open_rows(server)
        assert before >= 4
        server.stop(hard=True)  # SIGKILL: nothing of the old process runs again
        assert open_rows(server) == before
        server.start()
        # No page has come back yet; the new process found the old one dead as it started.
        assert open_rows(server) == 0
        leader_account = demo["accounts"][0]
        cookie = login_cookie(server, leader_account["email"], leader_account["password"])
        async with connect(server, demo["meeting"], cookie) as socket:
            seen = await Client(socket).next()
        # The others are shown as having just left, not as present.
        assert {p["presence"] for p in seen["participants"]
                if p["role"] != "leader"} <= {"reconnecting", "away"}
