"""One subscription per server process and room: the room's new states (and the leaders'
private messages) arrive once per process, and are handed to its sockets in that room.

The channel layer would otherwise carry a message per socket: with eight sockets in a
room, eight queue entries, eight task wake-ups (and with Redis eight decryptions) for
every change. Here each process's event loop has one channel; it joins a room's group
when the first of its sockets in that room opens and leaves it with the last.

What a socket of this process changed reaches this process's sockets at once, without
the round trip through the layer (nor a dependence on it: with Redis away, the room goes
on for everyone on this process); the layer takes it to the other processes, marked as
this hub's, and its copy coming back is not handed out twice.

A layer shared by several processes delivers at most once: while Redis is away, or
reconnecting, messages are lost. The hub sends itself a message through the layer every
ECHO_SECONDS; when one fails or does not come back in time, and then one comes back
again, every socket of this process is sent its room as it stands, at once, without
waiting for the pages' pings.
"""

import asyncio
import contextlib
import logging
import time
import uuid
import weakref
from typing import Any, Protocol

from channels.layers import get_channel_layer

from balintroom.core.eager import start_eagerly

from .broadcast import Broadcast, room_group_name

log = logging.getLogger(__name__)


class Listener(Protocol):
    """A socket in a room, as the hub sees it."""

    async def room_state(self, event: dict[str, Any]) -> None: ...

    async def leader_message(self, event: dict[str, Any]) -> None: ...

    async def session_ended(self, event: dict[str, Any]) -> None: ...

    async def review_tally(self, event: dict[str, Any]) -> None: ...

    async def resync(self) -> None:
        """Send the room as it stands: messages may have been lost."""


ECHO_SECONDS = 1.0
ECHO_LOST_AFTER = 3.0

# The in-memory layer's settings give channels with this prefix room for every room's
# messages at once (its default, 100, is a channel per socket's).
HUB_CHANNEL_PREFIX = "hub"
_HANDLERS = {"room.state": "room_state", "leader.message": "leader_message",
             "session.ended": "session_ended", "review.tally": "review_tally"}
_ECHO = "hub.echo"


class Hub:
    def __init__(self) -> None:
        self.key = uuid.uuid4().hex
        # Each room's sockets in the order they came (a dict as an ordered set): a state is
        # handed to them in that order, every time.
        self.rooms: dict[int, dict[Listener, None]] = {}
        # Each room's subscription, while it is being made or kept.
        self.joined: dict[int, asyncio.Future[None]] = {}
        self.channel: asyncio.Future[str] | None = None
        self.reader: asyncio.Task[None] | None = None
        self.watcher: asyncio.Task[None] | None = None
        self.echo_at = time.monotonic()
        self.lost = False
        self.outbox = Outbox()

    async def join(self, room_id: int, listener: Listener) -> None:
        """From now on `listener` hears the room's messages."""
        layer = get_channel_layer()
        listeners = self.rooms.setdefault(room_id, {})
        listeners[listener] = None
        if layer is None:
            return
        if self.channel is None:
            self.channel = asyncio.ensure_future(self._open(layer))
        joined = self.joined.get(room_id)
        if joined is None:
            joined = self.joined[room_id] = asyncio.ensure_future(
                self._subscribe(layer, room_id))
        try:
            # Shielded: one socket giving up must not cancel the others' subscription.
            await asyncio.shield(joined)
        except Exception:
            # The layer could not subscribe (Redis away): the next socket tries afresh.
            if joined.done() and self.joined.get(room_id) is joined:
                del self.joined[room_id]
            channel = self.channel
            if channel is not None and channel.done() and (
                    channel.cancelled() or channel.exception() is not None):
                self.channel = None
            await self.leave(room_id, listener)
            raise

    async def leave(self, room_id: int, listener: Listener) -> None:
        listeners = self.rooms.get(room_id)
        if listeners is None:
            return
        listeners.pop(listener, None)
        if listeners:
            return
        del self.rooms[room_id]
        joined = self.joined.pop(room_id, None)
        layer = get_channel_layer()
        if layer is None or self.channel is None or joined is None:
            return
        with contextlib.suppress(Exception):
            await joined
        await layer.group_discard(room_group_name(room_id), await self.channel)

    async def _open(self, layer: Any) -> str:
        channel: str = await layer.new_channel(prefix=HUB_CHANNEL_PREFIX)
        self.reader = asyncio.ensure_future(self._read(layer, channel))
        if getattr(layer, "reaches_other_processes", True):
            self.watcher = asyncio.ensure_future(self._watch(layer, channel))
        return channel

    async def _watch(self, layer: Any, channel: str) -> None:
        while True:
            await asyncio.sleep(ECHO_SECONDS)
            try:
                await layer.send(channel, {"type": _ECHO})
            except Exception:  # noqa: BLE001 - the layer is away
                self.lost = True
            if time.monotonic() - self.echo_at > ECHO_LOST_AFTER:
                self.lost = True

    def _echoed(self) -> None:
        self.echo_at = time.monotonic()
        if not self.lost:
            return
        self.lost = False
        log.warning("room messages flow again; every socket is sent its room afresh")
        for listeners in list(self.rooms.values()):
            for listener in list(listeners):
                start_eagerly(listener.resync())

    async def _subscribe(self, layer: Any, room_id: int) -> None:
        assert self.channel is not None
        await layer.group_add(room_group_name(room_id), await self.channel)

    async def publish(self, broadcasts: list[Broadcast]) -> None:
        """Hand each message to this process's sockets now, and send it to the others
        (raises when the layer cannot take it: the change is stored all the same)."""
        for _group, message in broadcasts:
            self.deliver(message)
        layer = get_channel_layer()
        if layer is None or not getattr(layer, "reaches_other_processes", True):
            return
        await self.outbox.send(layer, [(group, {**message, "hub": self.key})
                                       for group, message in broadcasts])

    def deliver(self, message: dict[str, Any]) -> None:
        """Hand a room's message to this process's sockets in that room."""
        name = _HANDLERS.get(message.get("type", ""))
        listeners = self.rooms.get(message.get("room", 0))
        if name is None or not listeners:
            return
        for listener in list(listeners):
            start_eagerly(getattr(listener, name)(message))

    async def _read(self, layer: Any, channel: str) -> None:
        while True:
            try:
                message = await layer.receive(channel)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - the layer lost its connection
                # The pages notice at their next ping that they are behind, and ask.
                log.error("room messages not received: %s", type(exc).__name__)
                await asyncio.sleep(1)
                continue
            if message.get("type") == _ECHO:
                self._echoed()
            elif message.get("hub") != self.key:
                self.deliver(message)


class Outbox:
    """What this process's sockets changed, on its way to the other processes: what comes
    while a send is under way goes together in the next (one pipeline, with a layer that
    has `group_send_many`), in the order it came. Each caller waits for its own messages,
    and hears of their failure."""

    def __init__(self) -> None:
        self.pending: list[tuple[str, dict[str, Any]]] = []
        self.waiting: list[asyncio.Future[None]] = []
        self.sending = False

    async def send(self, layer: Any, sends: list[tuple[str, dict[str, Any]]]) -> None:
        if not sends:
            return
        sent = asyncio.get_running_loop().create_future()
        self.pending.extend(sends)
        self.waiting.append(sent)
        if not self.sending:
            self.sending = True
            start_eagerly(self._send_all(layer))
        await sent

    async def _send_all(self, layer: Any) -> None:
        try:
            while self.pending:
                sends, self.pending = self.pending, []
                waiting, self.waiting = self.waiting, []
                try:
                    await _send_together(layer, sends)
                except Exception as exc:  # noqa: BLE001 - each caller hears of it
                    for sent in waiting:
                        if not sent.done():
                            sent.set_exception(exc)
                else:
                    for sent in waiting:
                        if not sent.done():
                            sent.set_result(None)
        finally:
            self.sending = False


async def _send_together(layer: Any, sends: list[tuple[str, dict[str, Any]]]) -> None:
    many = getattr(layer, "group_send_many", None)
    if many is not None:
        await many(sends)
        return
    for group, message in sends:
        await layer.group_send(group, message)


# One hub per event loop: a process serves from one loop, the tests from one per test.
_hubs: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Hub]" = weakref.WeakKeyDictionary()


def hub() -> Hub:
    loop = asyncio.get_running_loop()
    found = _hubs.get(loop)
    if found is None:
        found = _hubs[loop] = Hub()
    return found
