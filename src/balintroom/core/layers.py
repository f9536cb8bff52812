"""The in-memory channel layer, for one process (the default set-up).

Channels' InMemoryChannelLayer looks for expired messages and group memberships on every
`receive` and every `group_send`, walking every channel and every membership in the
process. With thousands of open sockets that walk is most of the cost of a room change:
at 4,000 sockets, one broadcast to a room of eight took 23 ms, nearly all of it there
(bench/run.py; 0.4 ms with this class). Expiry is a matter of seconds (messages live
60 s, memberships a day), so here the walk runs at most once a second.
"""

import asyncio
import time
from copy import deepcopy
from typing import Any

from channels.layers import InMemoryChannelLayer as ChannelsInMemoryChannelLayer


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
