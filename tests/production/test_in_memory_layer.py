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
