"""HTTP load for the bench: signed-in people fetching a page over and over, with aiohttp,
a fixed number at once, for a fixed time."""

import asyncio
import time
from typing import Any

import aiohttp


async def http_load(urls: list[tuple[str, str]], *, concurrency: int, duration: float,
                    warmup: float = 1.0) -> dict[str, Any]:
    """urls: (url, cookie header) pairs; worker k fetches urls[k % len(urls)] in a loop.
    Returns requests per second, p50 and p95 (ms) and the failures."""
    latencies: list[float] = []
    failures = 0
    connector = aiohttp.TCPConnector(limit=concurrency, force_close=False)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        start = time.perf_counter()
        measure_from = start + warmup
        end = measure_from + duration

        async def worker(k: int) -> None:
            nonlocal failures
            url, cookie = urls[k % len(urls)]
            headers = {"Cookie": cookie, "Accept-Language": "en"}
            for _ in range(1_000_000):
                if time.perf_counter() >= end:
                    return
                t = time.perf_counter()
                try:
                    async with session.get(url, headers=headers,
                                           allow_redirects=False) as response:
                        await response.read()
                        ok = response.status == 200
                except (aiohttp.ClientError, TimeoutError):
                    ok = False
                if t >= measure_from:
                    if ok:
                        latencies.append(time.perf_counter() - t)
                    else:
                        failures += 1

        await asyncio.gather(*(worker(k) for k in range(concurrency)))
        elapsed = time.perf_counter() - measure_from
    latencies.sort()
    return {
        "requests": len(latencies), "failures": failures, "rps": len(latencies) / elapsed,
        "p50_ms": percentile(latencies, 50) * 1000, "p95_ms": percentile(latencies, 95) * 1000,
    }


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = (len(sorted_values) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)
