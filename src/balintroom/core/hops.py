"""The sockets' database thread, and work taken to it in batches.

Every database call from a socket crosses from the event loop to a thread that may do
Django's database work, and back. `in_database_thread` takes one piece of work to this
process's thread for the sockets (as Channels' database_sync_to_async, whose single
thread it replaces here, without asgiref's context copying on every crossing, which cost
an eighth of the server's CPU at 500 room changes a second: bench/run.py with
BENCH_PROFILE=1). Work queued while the thread is busy is done in a row, each piece
handed back as soon as it is done; like Channels, the thread closes database connections
that have broken or grown old before and after each row.

A `HopQueue` is for work that is cheaper done together than one by one (the sockets
opened in a moment, written at once, one new state per room; the rooms' versions for a
moment's pings, read in one crossing): it gathers whatever is queued while its last
batch is under way and takes it to the thread as one piece. Nothing waits to be
gathered; the first item goes at once, and batches form only when the thread is busy.
"""

import asyncio
import contextlib
import logging
import queue
import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django.db import close_old_connections

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class _Waiting(Generic[T, R]):
    items: list[tuple[T, "asyncio.Future[R]"]] = field(default_factory=list)
    running: bool = False


class HopQueue(Generic[T, R]):
    def __init__(self, run: Callable[[list[T]], Sequence[R | BaseException]], *,
                 most: int | None = None) -> None:
        """`run` takes a batch in the database thread and returns, for each item in
        order, its result or the exception it raised (which its caller gets).

        `most`: the largest batch. What is queued beyond it goes in further batches,
        all handed to the thread at once: the first batch's callers go on (their rooms'
        sockets are sent the new states) while the thread does the next."""
        self.run = run
        self.most = most
        # Per event loop: a server has one, the tests one per test.
        self.waiting: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Waiting[T, R]] = (
            weakref.WeakKeyDictionary())

    async def submit(self, item: T) -> R:
        loop = asyncio.get_running_loop()
        waiting = self.waiting.get(loop)
        if waiting is None:
            waiting = self.waiting[loop] = _Waiting()
        future: asyncio.Future[R] = loop.create_future()
        waiting.items.append((item, future))
        if not waiting.running:
            waiting.running = True
            asyncio.ensure_future(self._drain(waiting))
        return await future

    async def _drain(self, waiting: _Waiting[T, R]) -> None:
        try:
            while waiting.items:
                queued, waiting.items = waiting.items, []
                size = self.most or len(queued)
                batches = [queued[k:k + size] for k in range(0, len(queued), size)]
                running = [in_database_thread(self.run, [item for item, _f in batch])
                           for batch in batches]
                for k, (batch, done) in enumerate(zip(batches, running, strict=True)):
                    try:
                        results = await done
                    except asyncio.CancelledError:
                        for later in running[k + 1:]:
                            later.cancel()
                        for later_batch in batches[k:]:
                            for _item, future in later_batch:
                                future.cancel()
                        raise
                    except Exception as exc:  # noqa: BLE001 - every caller hears of it
                        results = [exc] * len(batch)
                    _settle_all(batch, results)
        finally:
            waiting.running = False


def _settle_all(batch: list[tuple[Any, "asyncio.Future[R]"]],
                results: Sequence[R | BaseException]) -> None:
    for (_item, future), result in zip(batch, results, strict=True):
        if future.done():
            continue  # its caller gave up (the socket closed)
        if isinstance(result, BaseException):
            future.set_exception(result)
        else:
            future.set_result(result)


_Job = tuple[Callable[[Any], Any], Any, asyncio.AbstractEventLoop, "asyncio.Future[Any]"]


_jobs: "queue.SimpleQueue[_Job]" = queue.SimpleQueue()
_thread: threading.Thread | None = None
_thread_lock = threading.Lock()


def in_database_thread(work: Callable[[T], R], argument: T) -> "asyncio.Future[R]":
    """`work(argument)` in the sockets' database thread; the future has its result.
    One thread: SQLite writes one at a time anyway, and with PostgreSQL more threads
    made a burst of changes no faster on two cores (bench/run.py: the round trips
    overlapped, but the processes then waited for the CPU)."""
    global _thread
    loop = asyncio.get_running_loop()
    future: asyncio.Future[R] = loop.create_future()
    with _thread_lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_serve, args=(_jobs,), daemon=True,
                                       name="balintroom-sockets-db")
            _thread.start()
    _jobs.put((work, argument, loop, future))
    return future


def _settle(future: "asyncio.Future[Any]", failed: bool, value: Any) -> None:
    if future.done():
        return
    if failed:
        future.set_exception(value)
    else:
        future.set_result(value)


def _serve(jobs: "queue.SimpleQueue[_Job]") -> None:
    while True:
        job: _Job | None = jobs.get()
        # Work queued one after another (a burst of actions) is done in a row, each handed
        # back as soon as it is done, with the connection checked once for the row.
        _close_old_connections()
        while job is not None:
            work, argument, loop, future = job
            failed, value = False, None
            try:
                value = work(argument)
            except Exception as exc:  # noqa: BLE001 - handed to the caller
                failed, value = True, exc
            # Its event loop may have closed (a test's): then nobody waits for it.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(_settle, future, failed, value)
            try:
                job = jobs.get_nowait()
            except queue.Empty:
                job = None
        _close_old_connections()


def _close_old_connections() -> None:
    """As Django does around a request; a failure to close one is logged, and never ends
    this thread, which every socket of the process waits on."""
    try:
        close_old_connections()
    except Exception as exc:  # noqa: BLE001 - the next statement opens a new one
        log.error("database connection not checked: %s", type(exc).__name__)
