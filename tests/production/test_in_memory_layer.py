"""The one-process channel layer: Channels' in-memory layer, its expiry sweep amortised
(bench/run.py measured the sweep as most of a room change's cost at 4,000 sockets)."""

import time
from typing import Any

import pytest
from channels.layers import InMemoryChannelLayer as ChannelsLayer

from balintroom.core.layers import InMemoryChannelLayer


async def test_it_delivers_a_group_message_to_every_member() -> None:
    layer = InMemoryChannelLayer()
    channels = [await layer.new_channel() for _ in range(3)]
    for channel in channels[:2]:
        await layer.group_add("room-1", channel)
    await layer.group_send("room-1", {"type": "room.state", "version": 7})
    for channel in channels[:2]:
        assert (await layer.receive(channel))["version"] == 7
    assert channels[2] not in layer.channels


async def test_expired_messages_still_go_at_the_next_sweep() -> None:
    layer = InMemoryChannelLayer(expiry=0.01)
    channel = await layer.new_channel()
    await layer.group_add("room-1", channel)
    await layer.send(channel, {"type": "room.state"})
    time.sleep(0.05)
    layer._next_clean = 0.0  # a second has passed, as far as the sweep knows
    layer._clean_expired()
    assert channel not in layer.channels
    assert channel not in layer.groups.get("room-1", {})


async def test_it_sweeps_at_most_once_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    sweeps = []

    def sweep(self: Any) -> None:
        sweeps.append(time.monotonic())

    monkeypatch.setattr(ChannelsLayer, "_clean_expired", sweep)
    layer = InMemoryChannelLayer()
    channel = await layer.new_channel()
    await layer.group_add("room-1", channel)
    for _ in range(100):
        await layer.group_send("room-1", {"type": "room.state"})
        await layer.receive(channel)
    assert len(sweeps) == 1


async def test_a_group_message_is_copied_once_and_never_shares_the_senders_dict() -> None:
    layer = InMemoryChannelLayer()
    channels = [await layer.new_channel() for _ in range(2)]
    for channel in channels:
        await layer.group_add("room-1", channel)
    message = {"type": "room.state", "members": [1, 2]}
    await layer.group_send("room-1", message)
    message["members"].append(3)  # the sender changing its dict afterwards
    received = [await layer.receive(channel) for channel in channels]
    assert all(r["members"] == [1, 2] for r in received)


async def test_a_full_channel_misses_the_message_and_the_others_get_it() -> None:
    layer = InMemoryChannelLayer(capacity=1)
    full, free = await layer.new_channel(), await layer.new_channel()
    for channel in (full, free):
        await layer.group_add("room-1", channel)
    await layer.send(full, {"type": "room.state", "version": 1})
    await layer.group_send("room-1", {"type": "room.state", "version": 2})
    assert (await layer.receive(full))["version"] == 1
    assert (await layer.receive(free))["version"] == 2
    assert full not in layer.channels  # nothing else was queued for it


async def test_a_group_nobody_is_in_takes_the_message_quietly() -> None:
    layer = InMemoryChannelLayer()
    await layer.group_send("room-404", {"type": "room.state"})
    assert layer.channels == {}
