"""The server process's start and stop, as the room's sockets need them (ASGI lifespan).

At the start the process says it is alive, and finds dead the processes that went before
it without stopping cleanly (after a crash, their sockets' rows are closed at once); then
its heartbeat runs. The identifier tagger's model is read then too, in a thread: the
label check runs on the event loop, and no room should wait half a second for the file.
At a clean stop, once the server has closed its sockets, whatever rows are still open are
closed, and the rooms are told.
"""

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any

from channels.db import database_sync_to_async

from balintroom.deid import tagger

from .broadcast import Broadcast, broadcasts_held
from .hub import hub
from .processes import HEARTBEAT_SECONDS, process_beat, process_stop

log = logging.getLogger(__name__)


def _holding(work: Callable[[], object]) -> Callable[[], list[Broadcast]]:
    def run() -> list[Broadcast]:
        with broadcasts_held() as held:
            work()
        return held
    return run


async def _run(work: Callable[[], object], what: str) -> None:
    try:
        await hub().publish(await database_sync_to_async(_holding(work))())
    except Exception as exc:  # noqa: BLE001 - the server goes on; the next beat tries again
        log.error("%s failed: %s", what, type(exc).__name__)


async def _heartbeat() -> None:
    while True:
        await asyncio.sleep(HEARTBEAT_SECONDS)
        await _run(process_beat, "heartbeat")


async def lifespan(scope: dict[str, Any], receive: Callable[..., Any],
                   send: Callable[..., Any]) -> None:
    beating: asyncio.Task[None] | None = None
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await _run(process_beat, "process start")
            await asyncio.to_thread(tagger.model)
            beating = asyncio.ensure_future(_heartbeat())
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            if beating is not None:
                beating.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await beating
            await _run(process_stop, "process stop")
            await send({"type": "lifespan.shutdown.complete"})
            return
