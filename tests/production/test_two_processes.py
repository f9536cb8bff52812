"""Production shape: two server processes on two ports sharing PostgreSQL and Redis, the
participants of one round split between them; one process killed mid-round; Redis
restarted mid-round; PostgreSQL crashed mid-round. The last two on a Redis and a PostgreSQL
of the test's own (tests/support/services.py): the machine's are left alone."""

import asyncio
from typing import Any

import pytest

from tests.support.server import Server, login_cookie
from tests.support.services import PrivatePostgres, PrivateRedis

from .clients import Participant, phase, round_of

pytestmark = pytest.mark.server

# Who connects where first: the leader and two members on the first process, the
# co-leader and two members on the second.
SPLIT = {"leader": 0, "anna": 0, "ben": 0, "coleader": 1, "clara": 1, "david": 1}


def people(demo: dict[str, Any], servers: tuple[Server, Server]) -> dict[str, Participant]:
    """One participant per demo account, each listing its own server first and the other
    as the place to reconnect to."""
    result = {}
    for account in demo["accounts"]:
        name = account["email"].split("-", 1)[0].split("@", 1)[0]
        home = servers[SPLIT[name]]
        other = servers[1 - SPLIT[name]]
        cookie = login_cookie(home, account["email"], account["password"])
        result[name] = Participant(name, [home.url, other.url], demo["meeting"], cookie)
    return result


async def start_all(group: dict[str, Participant]) -> None:
    for p in group.values():
        p.start()
    for p in group.values():
        await p.connected()


async def stop_all(group: dict[str, Participant]) -> None:
    for p in group.values():
        await p.stop()


def view(state: dict[str, Any]) -> tuple[Any, Any]:
    """A state as far as a change shows in it: the round and who volunteered."""
    return round_of(state), [(v["user"], v["label"]) for v in state.get("volunteers", [])]


async def everyone_sees(group: dict[str, Participant], state: dict[str, Any],
                        timeout: float = 10) -> None:
    """Every participant has been sent this state's round and volunteers."""
    wanted = view(state)
    for p in group.values():
        await p.until(lambda s, p=p: any(view(seen) == wanted for seen in p.seen), timeout)


async def fresh_state(server: Server, someone: Participant, timeout: float = 10
                      ) -> dict[str, Any]:
    """The room as a socket opened now, as `someone`, is sent it: what the database holds."""
    truth = Participant("truth", [server.url], someone.meeting, someone.cookie)
    truth.start()
    try:
        await truth.connected(timeout=timeout)
        return truth.state
    finally:
        await truth.stop()


async def begin_round(group: dict[str, Participant]) -> None:
    """Anna (first process) and Clara (second) offer cases, the leader picks Anna and
    starts; everyone sees each step."""
    leader, anna, clara = group["leader"], group["anna"], group["clara"]
    await anna.act("volunteer", label="")
    await everyone_sees(group, await leader.until(lambda s: len(s["volunteers"]) == 1))
    await clara.act("volunteer", label="a night shift")
    await everyone_sees(group, await leader.until(lambda s: len(s["volunteers"]) == 2))
    anna_id = next(v["user"] for v in leader.state["volunteers"] if v["label"] == "")
    await leader.act("choose_presenter", user=anna_id)
    await everyone_sees(group, await leader.until(
        lambda s: bool(s["round"]) and s["round"]["presenter"] == anna_id))
    await leader.act("start")
    await everyone_sees(group, await leader.until(
        lambda s: phase(s) == 0 and s["round"]["status"] == "running"))


async def in_its_second_phase(group: dict[str, Participant]) -> dict[str, Any]:
    """A round begun and moved on to its second phase, seen by all; its state."""
    await begin_round(group)
    await group["leader"].act("advance")
    state = await group["leader"].until(lambda s: phase(s) == 1)
    await everyone_sees(group, state)
    return state


async def test_a_round_across_two_processes_reaches_everyone(
        two_servers: tuple[Server, Server]) -> None:
    first, _second = two_servers
    group = people(first.demo("split"), two_servers)
    await start_all(group)
    try:
        leader, coleader = group["leader"], group["coleader"]
        await begin_round(group)
        # Changes made on either process, each seen by all six.
        steps: list[tuple[Participant, str, dict[str, Any], Any]] = [
            (leader, "advance", {}, lambda s: phase(s) == 1),
            (coleader, "advance", {}, lambda s: phase(s) == 2),
            (leader, "pause", {}, lambda s: s["round"]["status"] == "paused"),
            (coleader, "resume", {}, lambda s: s["round"]["status"] == "running"),
            (leader, "extend", {"minutes": 1}, None),
            (coleader, "back", {}, lambda s: phase(s) == 1),
        ]
        for actor, action, extra, done in steps:
            before = leader.state["round"]["deadline"]
            await actor.act(action, **extra)
            if done is None:
                def done(s: dict[str, Any], before: Any = before) -> bool:
                    return bool(s["round"]["deadline"] != before)
            await everyone_sees(group, await leader.until(done))
        assert all(p.connections == 1 for p in group.values())
        assert not [e for p in group.values() for e in p.errors]
    finally:
        await stop_all(group)


async def test_text_postgresql_cannot_keep_changes_nothing(
        two_servers: tuple[Server, Server]) -> None:
    """A NUL character or a lone surrogate in a case label: PostgreSQL refuses both; the
    socket answers with an error before the database is asked, and stays."""
    first, _second = two_servers
    group = people(first.demo("nul"), two_servers)
    anna = group["anna"]
    anna.start()
    try:
        await anna.connected()
        version = anna.state["version"]
        for label in ("night\x00shift", "\ud800"):
            await anna.act("volunteer", label=label)
            async with asyncio.timeout(5):
                while len(anna.errors) < (1 if label.startswith("night") else 2):
                    await asyncio.sleep(0.02)
        assert all("cannot be kept" in e["message"] for e in anna.errors)
        await anna.act("volunteer", label="night shift")
        state = await anna.until(lambda s: bool(s["volunteers"]))
        assert state["version"] == version + 1 and anna.connections == 1
    finally:
        await anna.stop()


async def test_killing_one_process_mid_round_loses_nothing(
        two_servers: tuple[Server, Server]) -> None:
    first, second = two_servers
    group = people(first.demo("kill"), two_servers)
    await start_all(group)
    try:
        leader = group["leader"]
        await begin_round(group)
        await leader.act("advance")
        await leader.until(lambda s: phase(s) == 1)
        await leader.act("advance")
        before = await leader.until(lambda s: phase(s) == 2)
        await everyone_sees(group, before)

        first.stop(hard=True)  # the leader's own process, with no goodbye

        moved = [p for name, p in group.items() if SPLIT[name] == 0]
        stayed = [p for name, p in group.items() if SPLIT[name] == 1]
        async with asyncio.timeout(20):
            while not all(p.connected_to == second.url and p.connections == 2 for p in moved):
                await asyncio.sleep(0.05)
        for p in moved:
            state = await p.until(lambda s: s["version"] >= before["version"])
            assert view(state) == view(before), p.name  # the round and the volunteers
        assert all(p.connections == 1 for p in stayed)

        await leader.act("advance")
        await everyone_sees(group, await leader.until(lambda s: phase(s) == 3))
        await group["coleader"].act("advance")
        await everyone_sees(group, await leader.until(lambda s: phase(s) == 4))
    finally:
        await stop_all(group)


async def test_after_a_redis_restart_every_client_resyncs(
        two_servers_own_redis: tuple[Server, Server], own_redis: PrivateRedis) -> None:
    first, second = two_servers_own_redis
    group = people(first.demo("redis"), two_servers_own_redis)
    await start_all(group)
    try:
        leader = group["leader"]
        await in_its_second_phase(group)

        own_redis.stop()
        # A change while Redis is away: it is stored, but its broadcast cannot go out.
        await leader.act("advance")
        await asyncio.sleep(1.5)
        own_redis.start(same_port=True)  # where both servers look for it

        # Everyone converges on what the database holds: a fresh socket's snapshot.
        truth = await fresh_state(second, leader)
        assert phase(truth) == 2, "the change made while Redis was down was lost"
        await everyone_sees(group, truth, timeout=30)

        # And the layer carries changes again, between both processes.
        await leader.act("advance")
        await everyone_sees(group, await leader.until(lambda s: phase(s) == 3, timeout=15))
    finally:
        await stop_all(group)


async def test_after_a_postgres_crash_the_round_goes_on(
        two_servers_own_postgres: tuple[Server, Server], own_postgres: PrivatePostgres) -> None:
    first, second = two_servers_own_postgres
    group = people(first.demo("postgres"), two_servers_own_postgres)
    await start_all(group)
    try:
        leader = group["leader"]
        before = await in_its_second_phase(group)

        # A crash: every connection cut, no checkpoint; the next start recovers from the log.
        own_postgres.stop(immediate=True)
        await asyncio.sleep(0.5)
        own_postgres.start(same_port=True)  # where both servers look for it

        # What was committed before the crash is what a fresh socket is sent.
        truth = await fresh_state(second, leader, timeout=15)
        assert view(truth) == view(before), "the round was lost in the crash"

        # And both processes serve the room again: a change made on each reaches everyone.
        await leader.act("advance")
        await everyone_sees(group, await leader.until(lambda s: phase(s) == 2, timeout=10))
        await group["coleader"].act("advance")
        await everyone_sees(group, await leader.until(lambda s: phase(s) == 3))
        assert not [e for p in group.values() for e in p.errors]
    finally:
        await stop_all(group)
