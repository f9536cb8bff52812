"""The Redis pub/sub layer as several processes share it: the states a moment produced
cross to the other processes in one pipeline, each room's in the order they were made,
encrypted on the way."""

import asyncio
import secrets
from typing import Any

import pytest
import redis as redis_client

from balintroom.core.layers import RedisPubSubChannelLayer
from tests.support.server import REDIS_TEST_URL as REDIS_URL

KEY = "test-layer-key-0123456789"


def layer(prefix: str) -> RedisPubSubChannelLayer:
    return RedisPubSubChannelLayer(hosts=[{"address": REDIS_URL}], prefix=prefix,
                                   symmetric_encryption_keys=[KEY])


@pytest.fixture
def prefix(redis: None) -> str:
    return f"test-{secrets.token_hex(4)}"


async def test_a_moments_states_reach_the_other_process_in_each_rooms_order(
        prefix: str) -> None:
    sender, receiver = layer(prefix), layer(prefix)
    try:
        channel = await receiver.new_channel()
        rooms = range(1, 51)
        for room in rooms:
            await receiver.group_add(f"room-{room}", channel)
        sends = [(f"room-{room}", {"type": "room.state", "room": room, "version": version})
                 for version in (1, 2) for room in rooms]
        await sender.group_send_many(sends)
        heard: dict[int, list[int]] = {room: [] for room in rooms}
        async with asyncio.timeout(10):
            for _ in sends:
                message = await receiver.receive(channel)
                heard[message["room"]].append(message["version"])
        assert heard == {room: [1, 2] for room in rooms}
    finally:
        await sender.flush()
        await receiver.flush()


async def test_what_crosses_redis_together_is_encrypted(prefix: str) -> None:
    sender = layer(prefix)
    client = redis_client.Redis.from_url(REDIS_URL)
    pubsub = client.pubsub()
    try:
        pubsub.psubscribe(f"{prefix}*")
        pubsub.get_message(timeout=1)  # the subscription's confirmation
        await sender.group_send_many(
            [("room-1", {"type": "room.state", "label": "Mrs Example, the night shift"})])
        message: dict[str, Any] | None = None
        for _ in range(50):
            message = pubsub.get_message(timeout=0.2)
            if message and message["type"] == "pmessage":
                break
        assert message and message["type"] == "pmessage"
        assert b"Mrs Example" not in message["data"]
        assert sender.deserialize(message["data"])["label"] == "Mrs Example, the night shift"
    finally:
        pubsub.close()
        client.close()
        await sender.flush()
