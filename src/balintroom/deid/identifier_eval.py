"""Precision and recall of `find_identifiers` on a labelled JSONL test set.

Each line of a test set is {"text": ..., "spans": [{"category", "start", "end"}, ...]}.
A predicted finding matches a gold span of the same category if the two overlap.

    tp  gold spans found (overlapped by a prediction of their category)
    fn  gold spans missed
    fp  predictions that overlap no gold span of their category
    precision = matched predictions / all predictions; recall = tp / (tp + fn)

Run `python -m balintroom.deid.identifier_eval [--errors] [--rules-only] [file ...]` for a
table of the shipped sets (`--rules-only`: without the statistical tagger, which was
trained on them).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TypedDict

from balintroom.deid.identifiers import CATEGORY_LABELS, find_identifiers

TESTSET_DIR = Path(__file__).resolve().parent / "identifier_testset"
LANGUAGES = ("en", "de", "fr", "el")
# The development sets (the rules were built against them), the first held-out sets, and
# the sets first scored as final held-out sets, since then used for development as well:
# see identifier_testset/README.
TESTSETS = ("en", "de", "en_dev2", "de_dev2", "en_heldout", "de_heldout", "en_final",
            "de_final", "en_heldout3", "de_heldout3", "en_heldout4", "de_heldout4",
            "en_heldout5", "de_heldout5", "en_heldout6", "de_heldout6", "en_heldout7",
            "de_heldout7", "en_heldout8", "de_heldout8", "en_heldout9", "de_heldout9",
            "en_heldout10", "de_heldout10", "en_heldout11", "de_heldout11", "en_heldout12",
            "de_heldout12", "en_heldout13", "de_heldout13", "en_heldout14", "de_heldout14",
            "en_heldout15", "de_heldout15", "en_heldout16", "de_heldout16", "en_heldout17",
            "de_heldout17", "en_heldout18", "de_heldout18", "fr_heldout1", "el_heldout1",
            "fr_heldout2", "el_heldout2", "fr_heldout3", "el_heldout3", "en_heldout19",
            "de_heldout19", "fr_heldout4", "el_heldout4", "en_heldout20", "de_heldout20",
            "fr_heldout5", "el_heldout5", "en_heldout21", "de_heldout21", "fr_heldout6",
            "el_heldout6", "en_heldout22", "de_heldout22", "fr_heldout7", "el_heldout7",
            "en_heldout23", "de_heldout23", "fr_heldout8", "el_heldout8", "en_heldout24",
            "de_heldout24", "fr_heldout9", "el_heldout9")
ALL = "all"


class Score(TypedDict):
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float


class _Counts:
    def __init__(self) -> None:
        self.gold_found = 0
        self.gold_missed = 0
        self.pred_matched = 0
        self.pred_unmatched = 0

    def score(self) -> Score:
        predicted = self.pred_matched + self.pred_unmatched
        gold = self.gold_found + self.gold_missed
        return Score(tp=self.gold_found, fp=self.pred_unmatched, fn=self.gold_missed,
                     precision=self.pred_matched / predicted if predicted else 1.0,
                     recall=self.gold_found / gold if gold else 1.0)


def _language_of(path: Path) -> str | None:
    """ "en.jsonl" and "en_heldout.jsonl" are English; anything else: both languages."""
    code = path.stem.split("_")[0]
    return code if code in LANGUAGES else None


def load(path: str | Path) -> list[dict[str, object]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(path: str | Path, language: str | None = "auto", *,
             with_tagger: bool = True) -> dict[str, Score]:
    """Scores per category (plus "all") for the test set at `path`.

    `language` is passed to `find_identifiers`; "auto" takes it from the file name
    ("en.jsonl", "en_heldout.jsonl" -> "en"), None checks for both languages.
    `with_tagger=False` scores the rules alone: the tagger was trained on these sets, so
    with it their scores say little about unseen text.
    """
    path = Path(path)
    if language == "auto":
        language = _language_of(path)
    counts: dict[str, _Counts] = {}
    total = _Counts()
    for item in load(path):
        text = str(item["text"])
        raw_spans = item["spans"]
        assert isinstance(raw_spans, list)
        gold = [(str(s["category"]), int(s["start"]), int(s["end"])) for s in raw_spans]
        predicted = [(f.category, f.start, f.end)
                     for f in find_identifiers(text, language, with_tagger=with_tagger)]
        for cat, start, end in gold:
            found = any(c == cat and _overlaps((start, end), (s, e)) for c, s, e in predicted)
            for bucket in (counts.setdefault(cat, _Counts()), total):
                if found:
                    bucket.gold_found += 1
                else:
                    bucket.gold_missed += 1
        for cat, start, end in predicted:
            matched = any(c == cat and _overlaps((start, end), (s, e)) for c, s, e in gold)
            for bucket in (counts.setdefault(cat, _Counts()), total):
                if matched:
                    bucket.pred_matched += 1
                else:
                    bucket.pred_unmatched += 1
    order = [c for c in CATEGORY_LABELS if c in counts] + sorted(set(counts) - set(
        CATEGORY_LABELS))
    result = {cat: counts[cat].score() for cat in order}
    result[ALL] = total.score()
    return result


def errors(path: str | Path, language: str | None = "auto", *,
           with_tagger: bool = True) -> list[str]:
    """Human-readable misses and false alarms, for tuning by hand."""
    path = Path(path)
    if language == "auto":
        language = _language_of(path)
    lines: list[str] = []
    for item in load(path):
        text = str(item["text"])
        raw_spans = item["spans"]
        assert isinstance(raw_spans, list)
        gold = [(str(s["category"]), int(s["start"]), int(s["end"])) for s in raw_spans]
        predicted = [(f.category, f.start, f.end)
                     for f in find_identifiers(text, language, with_tagger=with_tagger)]
        for cat, s, e in gold:
            if not any(c == cat and _overlaps((s, e), (ps, pe)) for c, ps, pe in predicted):
                lines.append(f"MISS {cat:<12} {text[s:e]!r:<30} in {text!r}")
        for cat, s, e in predicted:
            if not any(c == cat and _overlaps((s, e), (gs, ge)) for c, gs, ge in gold):
                lines.append(f"FP   {cat:<12} {text[s:e]!r:<30} in {text!r}")
    return lines


def format_table(language: str, scores: dict[str, Score]) -> str:
    rows = [f"{language:<4} {'category':<12} {'tp':>4} {'fp':>4} {'fn':>4} "
            f"{'precision':>9} {'recall':>7}"]
    for cat, s in scores.items():
        rows.append(f"{'':<4} {cat:<12} {s['tp']:>4} {s['fp']:>4} {s['fn']:>4} "
                    f"{s['precision']:>9.2f} {s['recall']:>7.2f}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    show_errors = "--errors" in args
    with_tagger = "--rules-only" not in args
    paths = [Path(a) for a in args if not a.startswith("--")] or [
        TESTSET_DIR / f"{name}.jsonl" for name in TESTSETS]
    for path in paths:
        print(format_table(path.stem, evaluate(path, with_tagger=with_tagger)))
        if show_errors:
            print("\n".join(errors(path, with_tagger=with_tagger)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
