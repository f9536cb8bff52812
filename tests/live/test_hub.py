"""The process's hub: one subscription per room, its messages handed to the room's sockets
of this process; a socket that cannot take a message holds up nobody else."""

import asyncio
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer

from balintroom.live import hub as hub_module
from balintroom.live.broadcast import room_group_name
from balintroom.live.hub import Hub


class Socket:
    def __init__(self, *, stuck: asyncio.Event | None = None) -> None:
        self.heard: list[dict[str, Any]] = []
        self.stuck = stuck

    async def room_state(self, event: dict[str, Any]) -> None:
        if self.stuck is not None:
            await self.stuck.wait()  # a phone on a bad line: its buffer is full
        self.heard.append(event)

    async def leader_message(self, event: dict[str, Any]) -> None:
        self.heard.append(event)

    async def resync(self) -> None:
        self.heard.append({"type": "resync"})


def state(room: int, version: int) -> dict[str, Any]:
    return {"type": "room.state", "room": room, "version": version}


async def until(condition: Any, timeout: float = 5) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


async def test_each_room_hears_its_own_messages_and_only_those() -> None:
    hub = Hub()
    first, second, elsewhere = Socket(), Socket(), Socket()
    await hub.join(1, first)
    await hub.join(1, second)
    await hub.join(2, elsewhere)
    await hub.publish([(room_group_name(1), state(1, 5))])
    assert [e["version"] for e in first.heard] == [5]
    assert [e["version"] for e in second.heard] == [5]
    assert elsewhere.heard == []

    await hub.leave(1, first)
    await hub.publish([(room_group_name(1), state(1, 6))])
    assert [e["version"] for e in first.heard] == [5]
    assert [e["version"] for e in second.heard] == [5, 6]


async def test_a_socket_that_cannot_take_a_message_holds_up_nobody() -> None:
    hub = Hub()
    released = asyncio.Event()
    slow, quick = Socket(stuck=released), Socket()
    await hub.join(1, slow)
    await hub.join(1, quick)
    hub.deliver(state(1, 2))
    # Handed out at once to the one that can take it...
    assert [e["version"] for e in quick.heard] == [2]
    assert slow.heard == []
    # ... and the other gets it when its line clears.
    released.set()
    await until(lambda: slow.heard)
    assert [e["version"] for e in slow.heard] == [2]


async def test_what_another_process_sends_arrives_through_the_layer_for_every_room() -> None:
    """A view's change (from a thread, through the channel layer) reaches the sockets; the
    process's one channel has room for every room's message at once."""
    hub = Hub()
    sockets = {room: Socket() for room in range(1, 301)}
    for room, socket in sockets.items():
        await hub.join(room, socket)
    layer = get_channel_layer()

    def a_view_sends_all() -> None:
        from asgiref.sync import async_to_sync
        for room in sockets:
            async_to_sync(layer.group_send)(room_group_name(room), state(room, 9))

    await sync_to_async(a_view_sends_all, thread_sensitive=False)()
    await until(lambda: all(s.heard for s in sockets.values()))
    assert {len(s.heard) for s in sockets.values()} == {1}
    for room in sockets:
        await hub.leave(room, sockets[room])


@pytest.mark.parametrize("kind", ["room.state", "leader.message"])
async def test_the_hubs_own_message_coming_back_through_the_layer_is_not_handed_out_twice(
        kind: str) -> None:
    hub = Hub()
    socket = Socket()
    await hub.join(1, socket)
    message = {"type": kind, "room": 1, "version": 3}
    hub.deliver(message)
    # As a layer shared by several processes gives it back to its sender:
    await get_channel_layer().group_send(room_group_name(1), {**message, "hub": hub.key})
    await get_channel_layer().group_send(room_group_name(1), {**message, "hub": "another"})
    await until(lambda: len(socket.heard) == 2)
    await asyncio.sleep(0.1)
    assert [e.get("hub") for e in socket.heard] == [None, "another"]
    await hub.leave(1, socket)


async def test_a_subscription_that_failed_is_tried_afresh_by_the_next_socket(
        monkeypatch: pytest.MonkeyPatch) -> None:
    layer = get_channel_layer()
    real_group_add = layer.group_add
    calls = []

    async def away_once(group: str, channel: str) -> None:
        calls.append(group)
        if len(calls) == 1:
            raise ConnectionError("Redis is away")
        await real_group_add(group, channel)

    monkeypatch.setattr(layer, "group_add", away_once)
    hub = Hub()
    first, second = Socket(), Socket()
    with pytest.raises(ConnectionError):
        await hub.join(1, first)
    assert 1 not in hub.rooms  # the socket that failed is not kept
    await hub.join(1, second)
    assert len(calls) == 2
    await get_channel_layer().group_send(room_group_name(1), state(1, 4))
    await until(lambda: second.heard)
    assert first.heard == []
    await hub.leave(1, second)


async def test_after_the_layer_was_away_every_socket_is_sent_its_room_afresh(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Redis delivers at most once: what was published while it was away, or while this
    process was subscribing again, is lost; the hub notices and its sockets ask again."""
    monkeypatch.setattr(hub_module, "ECHO_SECONDS", 0.05)
    monkeypatch.setattr(hub_module, "ECHO_LOST_AFTER", 0.2)
    layer = get_channel_layer()
    monkeypatch.setattr(layer, "reaches_other_processes", True, raising=False)
    real_send = layer.send
    away = True

    async def send(channel: str, message: dict[str, Any]) -> None:
        if away:
            raise ConnectionError("Redis is away")
        await real_send(channel, message)

    monkeypatch.setattr(layer, "send", send)
    hub = Hub()
    here, there = Socket(), Socket()
    await hub.join(1, here)
    await hub.join(2, there)
    await asyncio.sleep(0.3)
    assert here.heard == [] and there.heard == []  # nothing to resend while it is away
    away = False
    await until(lambda: here.heard and there.heard)
    assert here.heard == [{"type": "resync"}] and there.heard == [{"type": "resync"}]
    await asyncio.sleep(0.3)
    assert len(here.heard) == 1  # once, not at every echo
    for task in (hub.reader, hub.watcher):
        assert task is not None
        task.cancel()
    await hub.leave(1, here)
    await hub.leave(2, there)


class PipelinedLayer:
    """A layer shared by processes, whose sends wait until released."""

    reaches_other_processes = True

    def __init__(self, *, fails: bool = False) -> None:
        self.batches: list[list[int]] = []
        self.release = asyncio.Event()
        self.fails = fails

    async def group_send_many(self, sends: list[tuple[str, dict[str, Any]]]) -> None:
        self.batches.append([message["version"] for _group, message in sends])
        await self.release.wait()
        if self.fails:
            raise ConnectionError("Redis is away")


async def test_what_comes_while_a_send_is_under_way_goes_to_the_others_together(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A hundred groups acting at once: the last state does not wait for a round trip to
    Redis for each of the ninety-nine before it."""
    layer = PipelinedLayer()
    monkeypatch.setattr(hub_module, "get_channel_layer", lambda: layer)
    hub = Hub()
    here = Socket()
    hub.rooms[1] = {here: None}  # joined: the stand-in layer takes no subscriptions
    sends = [asyncio.ensure_future(hub.publish([(room_group_name(1), state(1, version))]))
             for version in range(1, 5)]
    await until(lambda: layer.batches)
    # This process's socket has every state at once, before any has crossed.
    assert [e["version"] for e in here.heard] == [1, 2, 3, 4]
    layer.release.set()
    await asyncio.gather(*sends)
    assert layer.batches == [[1], [2, 3, 4]]


async def test_each_caller_hears_that_its_states_did_not_cross(
        monkeypatch: pytest.MonkeyPatch) -> None:
    layer = PipelinedLayer(fails=True)
    monkeypatch.setattr(hub_module, "get_channel_layer", lambda: layer)
    hub = Hub()
    sends = [asyncio.ensure_future(hub.publish([(room_group_name(1), state(1, version))]))
             for version in range(1, 4)]
    await until(lambda: layer.batches)
    layer.release.set()
    results = await asyncio.gather(*sends, return_exceptions=True)
    assert all(isinstance(result, ConnectionError) for result in results)
    # The next change is sent again, not lost behind a stuck sender.
    layer.fails = False
    await hub.publish([(room_group_name(1), state(1, 9))])
    assert layer.batches[-1] == [9]
