"""The identifier check: precision and recall on the labelled test sets, and its speed
against a baseline measured in the same run.

  precision, recall  per set and category of the rules alone, from
                     balintroom.deid.identifier_eval on every labelled set (all of them
                     development sets by now; the tagger learned them, so with it they
                     would say little: the honest figures are in identifier_testset/README)
  throughput         characters per second of find_identifiers() over every test text, one
                     call per text as the app makes them, against the baseline
                     re.findall(r"\\w+", text) over the same texts; best of 5 rounds; and
                     of the rules alone (with_tagger=False), for the tagger's cost

`python bench/identifiers.py` prints everything; bench/run.py includes `run()`'s summary.
These numbers stay out of pass/fail tests (tests/cases has its own floors).
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from balintroom.deid.identifier_eval import (  # noqa: E402
    ALL,
    TESTSET_DIR,
    TESTSETS,
    Score,
    evaluate,
    format_table,
    load,
)
from balintroom.deid.identifiers import find_identifiers  # noqa: E402

ROUNDS = 5
MIN_ROUND_SECONDS = 0.2
_WORD = re.compile(r"\w+")


def _texts() -> list[str]:
    return [str(item["text"]) for name in TESTSETS for item in load(TESTSET_DIR / f"{name}.jsonl")]


def _chars_per_second(texts: list[str], fn: Callable[[str], object]) -> float:
    """Best of ROUNDS rounds; each round repeats the texts for at least MIN_ROUND_SECONDS."""
    chars = sum(len(t) for t in texts)
    best = 0.0
    for _ in range(ROUNDS):
        done, started = 0, time.perf_counter()
        while True:
            for t in texts:
                fn(t)
            done += chars
            elapsed = time.perf_counter() - started
            if elapsed >= MIN_ROUND_SECONDS:
                break
        best = max(best, done / elapsed)
    return best


def throughput() -> tuple[float, float, float]:
    """(ours, the rules alone, baseline) in characters per second, measured now, one after
    the other."""
    texts = _texts()
    find_identifiers("warm-up: the tagger's model is read on first use")
    baseline = _chars_per_second(texts, _WORD.findall)
    ours = _chars_per_second(texts, lambda t: find_identifiers(t))
    rules = _chars_per_second(texts, lambda t: find_identifiers(t, with_tagger=False))
    return ours, rules, baseline


def scores() -> dict[str, dict[str, Score]]:
    return {name: evaluate(TESTSET_DIR / f"{name}.jsonl", with_tagger=False)
            for name in TESTSETS}


def _summary(all_scores: dict[str, dict[str, Score]], ours: float, rules: float,
             baseline: float) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for name, per_category in all_scores.items():
        s = per_category[ALL]
        rows.append((f"identifiers {name}: precision / recall (rules)",
                     f"{s['precision']:.2f} / {s['recall']:.2f}"))
    rows.append(("identifiers: chars/s (find_identifiers)", f"{ours:,.0f}"))
    rows.append(("identifiers: chars/s (the rules alone)", f"{rules:,.0f}"))
    rows.append(("identifiers: the tagger's cost", f"{rules / ours:.2f}x the rules' time"))
    rows.append(("identifiers: chars/s (baseline re.findall \\w+)", f"{baseline:,.0f}"))
    rows.append(("identifiers: baseline / ours", f"{baseline / ours:.0f}x slower"))
    return rows


def run() -> list[tuple[str, str]]:
    """Summary rows (name, value) for bench/run.py."""
    ours, rules, baseline = throughput()
    return _summary(scores(), ours, rules, baseline)


def main() -> int:
    all_scores = scores()
    for name, per_category in all_scores.items():
        print(format_table(name, per_category))
        print()
    ours, rules, baseline = throughput()
    summary = _summary(all_scores, ours, rules, baseline)
    width = max(len(a) for a, _ in summary)
    for label, value in summary:
        print(f"{label:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
