"""WebSocket clients for the bench: groups of eight real sockets on loopback, a leader in
each who advances the phase, and the time from her action to the last member's receipt.

Every loop here has a count and a time limit.
"""

import asyncio
import contextlib
import json
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import websockets
from websockets.asyncio.client import ClientConnection

# Leaders walk the round's phases up to the last and back again: 0, 1, ... 4, 3, ... 0.
DEFAULT_LAST_PHASE = 4  # the classic format's five phases, when the state does not say

# As the room page (static/live/room.js) does: three quick pings when the socket opens,
# then one every PING_EVERY seconds; after a lost connection, a new try after a delay
# that doubles from RETRY_FIRST up to RETRY_MAX, each drawn between half and all of it.
QUICK_PINGS = (0.0, 0.3, 0.6)
PING_EVERY = 20.0
RETRY_FIRST = 0.5
RETRY_MAX = 5.0
# A pong announcing a newer version than the page has: it asks for the room if that
# version has not come BEHIND_GRACE seconds later.
BEHIND_GRACE = 1.0


@dataclass
class Change:
    target: int
    base_version: int
    sent_at: float
    waiting: set[int]
    done: asyncio.Future[float]
    # When the leader's own socket had it: the rest is the way to the others.
    leader_at: float | None = None


@dataclass
class Member:
    group: "Group"
    index: int
    url: str
    headers: dict[str, str]
    ws: ClientConnection | None = None
    version: int = 0
    phase: int | None = None
    task: asyncio.Task[None] | None = None
    ping_id: int = 0
    # After a restart: whether its server closed it, and when its first state from the
    # new server arrived.
    lost: bool = False
    back_at: float | None = None
    participants: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Group:
    meeting: int
    members: list[Member] = field(default_factory=list)
    pending: Change | None = None
    direction: int = 1
    last_phase: int = DEFAULT_LAST_PHASE

    @property
    def leader(self) -> Member:
        return self.members[0]


@dataclass
class Stats:
    messages: int = 0
    errors: int = 0
    error_codes: dict[str, int] = field(default_factory=dict)
    last_message_at: float = 0.0
    closed: int = 0
    pings: int = 0
    pongs: int = 0
    # Pongs after which a page still had not had the version they announced a moment
    # later (it then asks for the room again).
    behind: int = 0
    leader_latencies: list[float] = field(default_factory=list)
    # Failed tries to connect again after a restart, by kind.
    retries: dict[str, int] = field(default_factory=dict)


class Load:
    """All the groups' sockets in this process."""

    def __init__(self, groups: list[Group], compression: str | None = "deflate",
                 pings: bool = True) -> None:
        self.groups = groups
        self.stats = Stats()
        self.compression = compression
        self.pings = pings
        self.reconnecting = False
        self.pinger: asyncio.Task[None] | None = None

    # --- connecting ---------------------------------------------------------------------

    async def connect_all(self, *, concurrency: int = 48, time_limit: float = 420) -> float:
        """Connect every member, each waiting for its first room state; returns seconds."""
        started = time.perf_counter()
        gate = asyncio.Semaphore(concurrency)
        members = [m for g in self.groups for m in g.members]

        async def one(member: Member) -> None:
            async with gate:
                for attempt in range(5):
                    try:
                        await self._open(member)
                        return
                    except (OSError, websockets.exceptions.WebSocketException,
                            TimeoutError):
                        await asyncio.sleep(0.2 * (attempt + 1))
                raise RuntimeError(f"could not connect {member.url}")

        async with asyncio.timeout(time_limit):
            await asyncio.gather(*(one(m) for m in members))
        return time.perf_counter() - started

    async def _open(self, member: Member) -> None:
        ws = await websockets.connect(
            member.url, additional_headers=member.headers, open_timeout=60,
            ping_interval=None, max_size=2**20, compression=self.compression,
            close_timeout=2,
        )
        first = json.loads(await asyncio.wait_for(ws.recv(), 60))
        if first.get("type") != "state":
            raise RuntimeError(f"first message was not a state: {first}")
        member.ws = ws
        member.version = 0  # a new server's versions are the database's, as a page's
        phases = (first.get("part") or first.get("meeting") or {}).get("phases")
        if phases:
            member.group.last_phase = len(phases) - 1
        self._apply(member, first)
        if self.reconnecting and member.lost and member.back_at is None:
            member.back_at = time.perf_counter()
        member.task = asyncio.create_task(self._read(member))
        if self.pings:
            loop = asyncio.get_running_loop()
            for delay in QUICK_PINGS:
                loop.call_later(delay, self._ping, member)

    # --- the pages' heartbeat -----------------------------------------------------------

    def _ping(self, member: Member) -> None:
        ws = member.ws
        if ws is None or ws.state.name != "OPEN":
            return
        member.ping_id += 1
        self.stats.pings += 1
        asyncio.ensure_future(self._send_quietly(ws, json.dumps(
            {"action": "ping", "id": member.ping_id})))

    def _ask_if_still_behind(self, member: Member, version: int) -> None:
        if version > member.version and member.ws is not None:
            self.stats.behind += 1
            asyncio.ensure_future(self._send_quietly(member.ws, '{"action":"snapshot"}'))

    async def _send_quietly(self, ws: ClientConnection, text: str) -> None:
        with contextlib.suppress(Exception):
            await ws.send(text)

    def start_pings(self) -> None:
        """Every socket pings every PING_EVERY seconds, the sockets spread over that time,
        as pages opened at different moments are."""
        async def run() -> None:
            members = [m for g in self.groups for m in g.members]
            while True:
                started = time.perf_counter()
                for k, member in enumerate(members):
                    delay = started + k * PING_EVERY / len(members) - time.perf_counter()
                    if delay > 0:
                        await asyncio.sleep(delay)
                    self._ping(member)
        if self.pings and self.pinger is None:
            self.pinger = asyncio.ensure_future(run())

    def stop_pings(self) -> None:
        if self.pinger is not None:
            self.pinger.cancel()
            self.pinger = None

    async def settle(self, *, quiet: float = 1.0, time_limit: float = 60) -> None:
        """Wait until no message has arrived for `quiet` seconds (presence broadcasts after
        connecting), at most `time_limit`."""
        end = time.perf_counter() + time_limit
        while time.perf_counter() < end:
            if time.perf_counter() - self.stats.last_message_at >= quiet:
                return
            await asyncio.sleep(0.1)

    async def close_all(self, *, time_limit: float = 60) -> None:
        members = [m for g in self.groups for m in g.members if m.ws is not None]
        for m in members:
            if m.task:
                m.task.cancel()

        async def close(m: Member) -> None:
            assert m.ws is not None
            with contextlib.suppress(Exception):
                await asyncio.wait_for(m.ws.close(), 5)

        gate = asyncio.Semaphore(200)

        async def gated(m: Member) -> None:
            async with gate:
                await close(m)

        try:
            async with asyncio.timeout(time_limit):
                await asyncio.gather(*(gated(m) for m in members))
        except TimeoutError:
            pass

    # --- receiving ----------------------------------------------------------------------

    async def _read(self, member: Member) -> None:
        assert member.ws is not None
        try:
            async for raw in member.ws:
                self._apply(member, json.loads(raw))
        except websockets.exceptions.ConnectionClosed:
            pass
        self.stats.closed += 1
        if self.reconnecting:
            member.lost = True
            await self._reconnect(member)

    async def _reconnect(self, member: Member, *, time_limit: float = 180) -> None:
        """As a page: try again after a growing delay until the server answers."""
        member.ws = None
        retry = RETRY_FIRST
        end = time.perf_counter() + time_limit
        while time.perf_counter() < end:
            await asyncio.sleep(retry * random.uniform(0.5, 1.0))
            retry = min(retry * 2, RETRY_MAX)
            try:
                await self._open(member)
                return
            except (OSError, websockets.exceptions.WebSocketException, TimeoutError,
                    RuntimeError) as exc:
                kind = type(exc).__name__
                self.stats.retries[kind] = self.stats.retries.get(kind, 0) + 1
                continue

    def _apply(self, member: Member, message: dict[str, Any]) -> None:
        now = time.perf_counter()
        self.stats.messages += 1
        kind = message.get("type")
        group = member.group
        if kind == "error":
            self.stats.last_message_at = now
            self.stats.errors += 1
            code = str(message.get("code"))
            self.stats.error_codes[code] = self.stats.error_codes.get(code, 0) + 1
            change = group.pending
            if change is not None and member.index == 0 and not change.done.done():
                change.done.set_exception(RuntimeError(code))
                group.pending = None
            return
        if kind == "pong":
            self.stats.pongs += 1
            version = message.get("version")
            if isinstance(version, int) and version > member.version:
                asyncio.get_running_loop().call_later(
                    BEHIND_GRACE, self._ask_if_still_behind, member, version)
            return
        self.stats.last_message_at = now
        if kind != "state" or message["version"] <= member.version:
            return
        member.version = message["version"]
        member.participants = message.get("participants") or []
        rnd = message.get("round")
        member.phase = rnd["phase_index"] if rnd else None
        change = group.pending
        if (change is not None and member.phase == change.target
                and member.version > change.base_version and member.index in change.waiting):
            change.waiting.discard(member.index)
            if member.index == 0:
                change.leader_at = now - change.sent_at
                self.stats.leader_latencies.append(change.leader_at)
            if not change.waiting:
                group.pending = None
                if not change.done.done():
                    change.done.set_result(now - change.sent_at)

    # --- acting -------------------------------------------------------------------------

    def _next_move(self, group: Group) -> tuple[str, int]:
        phase = group.leader.phase or 0
        if phase >= group.last_phase:
            group.direction = -1
        elif phase <= 0:
            group.direction = 1
        return ("advance" if group.direction > 0 else "back"), phase + group.direction

    def start_change(self, group: Group) -> asyncio.Future[float]:
        """The leader's action, sent now; the future gives the seconds until the last of
        the group's sockets (the leader's own included) has the new phase."""
        leader = group.leader
        assert leader.ws is not None and group.pending is None
        action, target = self._next_move(group)
        done: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        text = json.dumps({"action": action, "expected_version": leader.version})
        change = Change(target=target, base_version=leader.version, sent_at=0.0,
                        waiting={m.index for m in group.members}, done=done)
        group.pending = change
        change.sent_at = time.perf_counter()
        asyncio.ensure_future(self._send(leader, text, change))
        return done

    async def _send(self, member: Member, text: str, change: Change) -> None:
        assert member.ws is not None
        try:
            await member.ws.send(text)
        except Exception as exc:  # noqa: BLE001
            if not change.done.done():
                change.done.set_exception(exc)
            member.group.pending = None

    # --- workloads ----------------------------------------------------------------------

    async def restart_storm(self, restart: Callable[[], Awaitable[float]], *,
                            time_limit: float = 150) -> dict[str, Any]:
        """A server restarts under its connected sockets. `restart` stops it and starts a
        new one, and returns the moment (perf_counter) the new one answered. Returns when
        every socket it closed has its first room state from the new server, or at the
        time limit: how long after that moment they had it."""
        members = [m for g in self.groups for m in g.members]
        for m in members:
            m.lost, m.back_at = False, None
        self.reconnecting = True
        started = time.perf_counter()
        try:
            answered = await restart()
            await asyncio.sleep(0.5)  # every socket of the old server has seen it close
            end = time.perf_counter() + time_limit
            while time.perf_counter() < end and any(m.lost and m.back_at is None
                                                    for m in members):
                await asyncio.sleep(0.05)
        finally:
            self.reconnecting = False
        lost = [m for m in members if m.lost]
        backs = sorted(m.back_at - answered for m in lost if m.back_at is not None)
        return {"sockets": len(lost), "back": len(backs), "failed_tries": self.stats.retries,
                "answered_after_s": answered - started,
                "p50_s": backs[len(backs) // 2] if backs else None,
                "last_s": backs[-1] if backs else None}

    def rooms_in_agreement(self) -> int:
        """Groups whose sockets all hold the same version of the room, in which everyone
        is shown online: the state each was sent is the room as it is."""
        agreed = 0
        for g in self.groups:
            versions = {m.version for m in g.members}
            people = g.leader.participants
            if len(versions) == 1 and people and all(
                    p.get("presence") == "online" for p in people):
                agreed += 1
        return agreed

    async def burst(self, groups: list[Group], *, timeout: float = 30) -> tuple[list[float], int]:
        """Every given group's leader acts at the same moment; returns the latencies (s)
        of the changes that completed, and how many did not."""
        futures = [self.start_change(g) for g in groups]
        done, pending = await asyncio.wait(futures, timeout=timeout)
        for g in groups:
            g.pending = None
        for f in pending:
            f.cancel()
        latencies = [f.result() for f in done if f.exception() is None]
        return latencies, len(groups) - len(latencies)

    async def sustained(self, rate: float, duration: float, *, drain: float = 5,
                        max_in_flight: int = 100, rng: random.Random) -> dict[str, Any]:
        """Phase changes at a steady `rate` per second for `duration` seconds, each in a
        group picked at random among those with no change under way. A server that falls
        behind by more than `max_in_flight` changes is not sent more (they count as
        skipped), so that the backlog it builds stays bounded."""
        total = int(rate * duration)
        futures: list[asyncio.Future[float]] = []
        skipped = 0
        in_flight = 0

        def finished(_f: asyncio.Future[float]) -> None:
            nonlocal in_flight
            in_flight -= 1

        t0 = time.perf_counter()
        for k in range(total):
            delay = t0 + k / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            if in_flight >= max_in_flight:
                skipped += 1
                continue
            for _try in range(20):
                group = self.groups[rng.randrange(len(self.groups))]
                if group.pending is None:
                    future = self.start_change(group)
                    in_flight += 1
                    future.add_done_callback(finished)
                    futures.append(future)
                    break
            else:
                skipped += 1
        sent_for = time.perf_counter() - t0
        done, pending = await asyncio.wait(futures, timeout=drain) if futures else (set(), set())
        for g in self.groups:
            g.pending = None
        for f in pending:
            f.cancel()
        latencies = [f.result() for f in done if f.exception() is None]
        return {"rate": rate, "sent": len(futures), "achieved_rate": len(futures) / sent_for,
                "skipped": skipped, "latencies": latencies,
                "failed": len(futures) - len(latencies)}


def make_groups(spec: list[dict[str, Any]], urls: list[str], cookie_name: str,
                origin_of: dict[str, str]) -> list[Group]:
    """Groups from bench_data's JSON. Member j of group i connects to urls[(i+j) % n]:
    with two servers every group is split between them, and half the leaders (who do the
    work of a change) are on each."""
    groups = []
    for i, g in enumerate(spec):
        group = Group(meeting=g["meeting"])
        for j, m in enumerate(g["members"]):
            base = urls[(i + j) % len(urls)]
            headers = {"Origin": origin_of[base]}
            if m.get("session"):
                headers["Cookie"] = f"{cookie_name}={m['session']}"
            group.members.append(Member(group=group, index=j, headers=headers,
                                        url=f"{base}/ws/meeting/{g['meeting']}/"))
        groups.append(group)
    return groups
