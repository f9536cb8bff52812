"""Run a coroutine at once, up to its first real wait, and only then as a task.

Sending a room state to a socket almost never waits: the text goes to the socket's buffer
and the coroutine ends. Awaiting each send in turn is then the cheapest fan-out, but one
phone on a bad line whose buffer is full would hold up every room of the process behind
it. `start_eagerly` runs the coroutine until it would wait; only a coroutine that really
waits becomes a task (as Python 3.12's eager task factory does, which 3.11 lacks).
"""

import asyncio
import logging
from collections.abc import Coroutine, Generator
from typing import Any

log = logging.getLogger(__name__)

_pending: set[asyncio.Task[Any]] = set()


class _Resumed:
    """The rest of a coroutine that has already yielded `first` to the event loop."""

    def __init__(self, coro: Coroutine[Any, Any, Any], first: Any) -> None:
        self.coro = coro
        self.first = first

    def __await__(self) -> Generator[Any, Any, Any]:
        to_yield = self.first
        while True:
            try:
                sent = yield to_yield
            except BaseException as exc:  # noqa: BLE001 - passed on into the coroutine
                try:
                    to_yield = self.coro.throw(exc)
                except StopIteration as stop:
                    return stop.value
            else:
                try:
                    to_yield = self.coro.send(sent)
                except StopIteration as stop:
                    return stop.value


async def _finish(resumed: _Resumed) -> None:
    try:
        await resumed
    except Exception as exc:  # noqa: BLE001 - a task nobody awaits: say what happened
        log.warning("a socket's send failed: %s", type(exc).__name__)


def start_eagerly(coro: Coroutine[Any, Any, Any]) -> None:
    """Run `coro` now; if it has to wait, let it finish on its own as a task. Its errors
    are logged by kind, never with their text (it may quote a room state)."""
    try:
        first = coro.send(None)
    except StopIteration:
        return
    except Exception as exc:  # noqa: BLE001 - as a task's would be
        log.warning("a socket's send failed: %s", type(exc).__name__)
        return
    task = asyncio.ensure_future(_finish(_Resumed(coro, first)))
    # Held until done: the loop keeps only weak references to tasks.
    _pending.add(task)
    task.add_done_callback(_pending.discard)
