"""Work taken to the sockets' database thread in batches (core/hops.py)."""

import asyncio
import threading

import pytest

from balintroom.core.hops import HopQueue, in_database_thread


async def queued_while_busy(hops: HopQueue[int, int], items: range) -> list[asyncio.Task[int]]:
    """Submit `items` while the database thread is busy, as a burst finds it: they gather."""
    busy = threading.Event()
    holding = in_database_thread(lambda _arg: busy.wait(10), None)
    answers = [asyncio.ensure_future(hops.submit(item)) for item in items]
    await asyncio.sleep(0.05)
    busy.set()
    await asyncio.wait_for(holding, 10)
    return answers


async def test_a_burst_goes_in_batches_of_at_most_most_and_the_first_are_answered_first(
) -> None:
    batches: list[list[int]] = []
    last_may_run = threading.Event()

    def run(items: list[int]) -> list[int]:
        batches.append(items)
        if 9 in items:
            # The last batch waits until the first callers have had their answers.
            assert last_may_run.wait(10)
        return [item * 10 for item in items]

    answers = await queued_while_busy(HopQueue(run, most=4), range(10))

    # Answered while the thread still holds the last batch.
    assert await asyncio.wait_for(answers[4], 5) == 40
    assert not answers[9].done()
    last_may_run.set()
    assert await asyncio.gather(*answers) == [item * 10 for item in range(10)]
    assert batches == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]


async def test_a_failing_batch_fails_its_own_callers_only() -> None:
    def run(items: list[int]) -> list[int]:
        if 3 in items:
            raise RuntimeError("database away")
        return items

    answers = await queued_while_busy(HopQueue(run, most=2), range(6))
    results = await asyncio.gather(*answers, return_exceptions=True)
    # Batches [0, 1], [2, 3], [4, 5]: only the one with 3 failed.
    assert results[:2] == [0, 1] and results[4:] == [4, 5]
    assert all(isinstance(r, RuntimeError) for r in results[2:4])


async def test_a_connection_that_cannot_be_checked_does_not_stop_the_thread(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def fails() -> None:
        raise RuntimeError("database away")

    monkeypatch.setattr("balintroom.core.hops.close_old_connections", fails)
    # Every socket of the process waits on this thread: it must go on answering.
    assert await asyncio.wait_for(in_database_thread(lambda n: n + 1, 1), 5) == 2
    assert await asyncio.wait_for(in_database_thread(lambda n: n + 1, 2), 5) == 3
    assert "database connection not checked: RuntimeError" in caplog.text
