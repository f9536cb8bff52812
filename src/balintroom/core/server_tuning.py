"""The garbage collector, tuned for a server that holds thousands of open sockets.

Each open socket keeps a few hundred long-lived objects (the consumer, its scope, its
tasks and queues, the protocol's buffers). With CPython's default thresholds the cycle
collector walks all of them again and again: at 4,000 sockets a full collection stopped
the process for 470-660 ms, several times a minute, while collecting nothing
(bench/run.py, gc.callbacks). Nearly everything a request or a room change allocates is
freed by reference counting as soon as it is done with, so the collector can run far
less often.

What is loaded at start-up (Django, the app's modules, the translations) never becomes
garbage: it is moved out of the collector's sight (gc.freeze) so that no collection walks
it. GC_THRESHOLDS (three integers, as gc.set_threshold takes them) overrides the values.
"""

import gc
import os

DEFAULT_THRESHOLDS = (50_000, 50, 1000)


def thresholds_from_env() -> tuple[int, int, int]:
    raw = os.environ.get("GC_THRESHOLDS", "")
    if not raw.strip():
        return DEFAULT_THRESHOLDS
    problem = "GC_THRESHOLDS takes three non-negative integers, e.g. 50000,50,1000"
    try:
        values = [int(part) for part in raw.split(",")]
    except ValueError:
        raise ValueError(problem) from None
    if len(values) != 3 or any(v < 0 for v in values):
        raise ValueError(problem)
    return values[0], values[1], values[2]


def tune_for_server() -> None:
    gc.collect()
    gc.freeze()
    gc.set_threshold(*thresholds_from_env())
