"""The channel layers: in memory for one process (the default set-up), Redis pub/sub for
several.

Channels' InMemoryChannelLayer looks for expired messages and group memberships on every
`receive` and every `group_send`, walking every channel and every membership in the
process. With thousands of open sockets that walk is most of the cost of a room change:
at 4,000 sockets, one broadcast to a room of eight took 23 ms, nearly all of it there
(bench/run.py; 0.4 ms with this class). Expiry is a matter of seconds (messages live
60 s, memberships a day), so here the walk runs at most once a second.
"""

import asyncio
import time
from collections import defaultdict
from copy import deepcopy
from typing import Any

from channels.layers import InMemoryChannelLayer as ChannelsInMemoryChannelLayer
from channels_redis.pubsub import RedisPubSubChannelLayer as ChannelsRedisPubSubLayer


class InMemoryChannelLayer(ChannelsInMemoryChannelLayer):
    clean_every_seconds = 1.0
    _next_clean = 0.0
    # What a process sends through it reaches no other process (live/hub.py hands its
    # own messages to its own sockets directly).
    reaches_other_processes = False

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # Channels' base class keeps `channel_capacity` as given, a dict of glob patterns,
        # where get_capacity expects them compiled (channels_redis compiles its own).
        given: dict[str, int] = self.channel_capacity  # type: ignore[has-type]
        self.channel_capacity = self.compile_capacities(given)

    def _clean_expired(self) -> None:
        now = time.monotonic()
        if now < self._next_clean:
            return
        self._next_clean = now + self.clean_every_seconds
        super()._clean_expired()

    async def group_send(self, group: str, message: dict[str, Any]) -> None:
        """As Channels' own, which starts a task per member and copies the message for
        each: here the message is copied once and put on each member's queue at once.
        Receivers must not change the message (ours only read it)."""
        assert isinstance(message, dict), "Message is not a dict"
        self.require_valid_group_name(group)
        self._clean_expired()
        members = self.groups.get(group)
        if not members:
            return
        expires = time.time() + self.expiry
        item = (expires, deepcopy(message))
        for channel in list(members):
            queue = self.channels.setdefault(
                channel, asyncio.Queue(maxsize=self.get_capacity(channel)))
            try:
                queue.put_nowait(item)
            except asyncio.QueueFull:
                continue  # as Channels: a full channel misses the message (ChannelFull)


class RedisPubSubChannelLayer(ChannelsRedisPubSubLayer):
    """channels_redis's pub/sub layer, which publishes one message per round trip to Redis,
    one after another under a lock per shard: when a hundred groups act at once, the last
    state waited for the ninety-nine before it (bench/run.py, two processes). Here the
    messages a moment produced go in one pipeline. The lock is the shard's own, so the
    order of what this process publishes is kept (channels_redis 4.3; pinned)."""

    async def group_send_many(self, sends: list[tuple[str, dict[str, Any]]]) -> None:
        loop_layer = self._get_layer()
        by_shard: dict[Any, list[tuple[str, bytes]]] = defaultdict(list)
        for group, message in sends:
            name = loop_layer._get_group_channel_name(group)
            by_shard[loop_layer._get_shard(name)].append((name, self.serialize(message)))
        for shard, items in by_shard.items():
            async with shard._lock:
                shard._ensure_redis()
                async with shard._redis.pipeline(transaction=False) as pipe:
                    for name, data in items:
                        pipe.publish(name, data)
                    await pipe.execute()
