"""A room participant as the room page behaves (static/live/room.js): it keeps the newest
room state it has been sent, and when its socket closes it connects again, with a short
back-off - here to the next server in its list, as a reverse proxy in front of several
processes would send it to one that is up."""

import asyncio
import contextlib
import json
from collections.abc import Callable
from typing import Any

import websockets

State = dict[str, Any]


class Participant:
    def __init__(self, name: str, urls: list[str], meeting: int, cookie: str) -> None:
        self.name = name
        self.urls = list(urls)  # http base addresses; the first is where it connects first
        self.meeting = meeting
        self.cookie = cookie
        self.state: State = {}
        self.seen: list[State] = []  # every state it accepted, in order
        self.errors: list[dict[str, Any]] = []
        self.connected_to: str | None = None
        self.connections = 0
        self._socket: Any = None
        self._task: asyncio.Task[None] | None = None
        self._changed = asyncio.Condition()

    # --- connection ---------------------------------------------------------------------

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        if self._socket is not None:
            with contextlib.suppress(Exception):
                await self._socket.close()

    async def _run(self) -> None:
        retry = 0.2
        # Bounded; the tests' own time limits end it far sooner.
        for attempt in range(10_000):
            base = self.urls[attempt % len(self.urls)]
            try:
                async with websockets.connect(
                    f"{base.replace('http://', 'ws://')}/ws/meeting/{self.meeting}/",
                    additional_headers={"Origin": base, "Cookie": self.cookie},
                    open_timeout=5, close_timeout=1,
                ) as socket:
                    self._socket, self.connected_to = socket, base
                    self.connections += 1
                    retry = 0.2
                    async for raw in socket:
                        await self._receive(json.loads(raw))
            except (OSError, TimeoutError, websockets.exceptions.WebSocketException):
                pass
            self._socket = self.connected_to = None
            await asyncio.sleep(retry)
            retry = min(retry * 2, 1.0)

    async def _receive(self, message: dict[str, Any]) -> None:
        async with self._changed:
            if message["type"] == "state":
                if not self.state or message["version"] > self.state["version"]:
                    self.state = message
                    self.seen.append(message)
            elif message["type"] == "error":
                self.errors.append(message)
            self._changed.notify_all()

    # --- use ----------------------------------------------------------------------------

    async def until(self, predicate: Callable[[State], bool], timeout: float = 10) -> State:
        """The first state (the current one included) for which predicate holds."""
        async with asyncio.timeout(timeout), self._changed:
            while not (self.state and predicate(self.state)):
                await self._changed.wait()
            return self.state

    async def connected(self, timeout: float = 10) -> None:
        async with asyncio.timeout(timeout):
            while self._socket is None or not self.state:
                await asyncio.sleep(0.02)

    async def act(self, action: str, **extra: Any) -> None:
        """Send an action as the page does, with the version it has seen."""
        async with asyncio.timeout(10):
            while self._socket is None:
                await asyncio.sleep(0.02)
        await self._socket.send(json.dumps(
            {"action": action, "expected_version": self.state.get("version"), **extra}))


def phase(state: State) -> int | None:
    return state["round"]["phase_index"] if state.get("round") else None


def round_of(state: State) -> dict[str, Any] | None:
    """What must never be lost: the round's phase, status, deadline and presenter."""
    rnd = state.get("round")
    if not rnd:
        return None
    return {k: rnd.get(k) for k in ("number", "status", "phase_index", "deadline", "remaining",
                                    "presenter", "label")}
