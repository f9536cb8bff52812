"""Train the identifier tagger (`tagger.py`) on the labelled test sets, offline.

    python -m balintroom.deid.train_tagger            # all the sets -> deid/model/tagger.json.gz
    python -m balintroom.deid.train_tagger --cv       # leave-one-pair-out cross-validation
    python -m balintroom.deid.train_tagger --cv --rules-findings DIR
        # the same, with the rules' findings on each left-out set read from
        # DIR/<set>.json (a list, per text, of [category, start, end]), e.g. from the
        # version of the rules that had not seen that set

Deterministic: a fixed seed for the order of the texts, a fixed number of epochs, a
greedy averaged perceptron (each decision sees the two tags before it, as predicted).
Weights smaller than MIN_WEIGHT are pruned and the rest rounded, to keep the file small.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import itertools
import json
import random
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from balintroom.deid import tagger
from balintroom.deid.identifier_eval import TESTSET_DIR, TESTSETS, _language_of, load

SEED = 1
EPOCHS = 8
MIN_WEIGHT = 0.5  # averaged weights below this (in absolute value) are dropped
CV_PAIRS = ("heldout15", "heldout14", "heldout13", "heldout12")  # the newest, written blind
# The tagger reads English and German only (French and Greek have rules of their own).
TRAINING_SETS = tuple(name for name in TESTSETS if name.split("_")[0] in ("en", "de"))
DEFAULT_THRESHOLDS = "name=8,place=12,other=off"  # from --cv: see deid/model/README.md
THRESHOLDS = (0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0)

Gold = list[tuple[str, int, int]]
Example = tuple[str, str | None, Gold]  # text, language, gold spans


def read_set(name: str) -> list[Example]:
    path = TESTSET_DIR / f"{name}.jsonl"
    lang = _language_of(path)
    out: list[Example] = []
    for item in load(path):
        spans = item["spans"]
        assert isinstance(spans, list)
        out.append((str(item["text"]), lang,
                    [(str(s["category"]), int(s["start"]), int(s["end"])) for s in spans]))
    return out


def token_tags(toks: Sequence[tagger.Token], gold: Gold) -> list[str]:
    """BIO tags: a token overlapping a gold span of a tagged category takes its category."""
    tags = ["O"] * len(toks)
    for cat, start, end in sorted(gold, key=lambda g: g[1]):
        if cat not in tagger.CATEGORIES:
            continue
        first = True
        for i, t in enumerate(toks):
            if t.end > start and t.start < end and tags[i] == "O":
                if not t.text[:1].isalnum() and (t.start < start or first):
                    continue  # a quotation mark or bracket at the edge
                tags[i] = ("B-" if first else "I-") + cat
                first = False
    return tags


class _Trainer:
    def __init__(self, labels: Sequence[str]) -> None:
        self.labels = tuple(labels)
        self.w: dict[str, dict[int, float]] = {}
        self.totals: dict[str, dict[int, float]] = {}
        self.stamps: dict[str, dict[int, int]] = {}
        self.i = 0

    def scores(self, feats: list[str]) -> list[float]:
        s = [0.0] * len(self.labels)
        for f in feats:
            ws = self.w.get(f)
            if ws:
                for c, v in ws.items():
                    s[c] += v
        return s

    def update(self, truth: int, guess: int, feats: list[str]) -> None:
        self.i += 1
        if truth == guess:
            return
        for f in feats:
            ws = self.w.setdefault(f, {})
            tot = self.totals.setdefault(f, {})
            st = self.stamps.setdefault(f, {})
            for c, d in ((truth, 1.0), (guess, -1.0)):
                v = ws.get(c, 0.0)
                tot[c] = tot.get(c, 0.0) + (self.i - st.get(c, 0)) * v
                st[c] = self.i
                ws[c] = v + d

    def averaged(self, min_weight: float) -> dict[str, list[tuple[int, float]]]:
        out: dict[str, list[tuple[int, float]]] = {}
        for f in sorted(self.w):
            pairs = []
            for c in sorted(self.w[f]):
                total = self.totals[f].get(c, 0.0) + (self.i - self.stamps[f].get(c, 0)) * \
                    self.w[f][c]
                avg = round(total / max(self.i, 1), 2)
                if abs(avg) >= min_weight:
                    pairs.append((c, avg))
            if pairs:
                out[f] = pairs
        return out


def train(examples: Sequence[Example], *, epochs: int = EPOCHS, seed: int = SEED,
          min_weight: float = MIN_WEIGHT) -> tagger.Model:
    labels = tagger.LABELS
    index = {label: k for k, label in enumerate(labels)}
    lexicon = tagger._Lexicon()
    prepared = []
    for text, lang, gold in examples:
        toks = tagger.tokens(text)
        if not toks:
            continue
        fs = tagger.Features(lexicon, text, toks, lang)
        prepared.append(([fs.token(i) for i in range(len(toks))], fs.shapes,
                         [index[t] for t in token_tags(toks, gold)]))
    trainer = _Trainer(labels)
    rng = random.Random(seed)
    order = list(range(len(prepared)))
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            base, shapes, truth = prepared[k]
            prev, prev2 = "O", "O"
            for i, feats0 in enumerate(base):
                feats = tagger.with_tags(feats0, prev, prev2, shapes[i])
                s = trainer.scores(feats)
                guess = max((c for c in range(len(labels))
                             if tagger.allowed(labels[c], prev)), key=lambda c: (s[c], -c))
                trainer.update(truth[i], guess, feats)
                prev2, prev = prev, labels[guess]
    weights = trainer.averaged(min_weight)
    header = {"epochs": epochs, "seed": seed, "min_weight": min_weight}
    return tagger.Model(weights, header, labels)


def save(m: tagger.Model, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = {"header": m.header, "labels": list(m.labels),
           "weights": {f: [[c, v] for c, v in pairs] for f, pairs in m.weights.items()}}
    body = json.dumps(raw, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    with open(path, "wb") as out, gzip.GzipFile(filename="", fileobj=out, mode="wb", mtime=0) as gz:
        gz.write(body.encode("utf-8"))


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=Path(__file__).resolve().parent,
            capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# --- cross-validation ----------------------------------------------------------------------

def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def merge(rules: Gold, tagged: Gold) -> Gold:
    """The rules' findings and the tagger's spans that overlap none of them."""
    out = list(rules)
    for cat, s, e in tagged:
        if not any(_overlaps((s, e), (rs, re_)) for _, rs, re_ in out):
            out.append((cat, s, e))
    return out


Counts = dict[str, list[int]]  # category -> [gold found, gold missed, pred ok, pred wrong]


def score(gold: Gold, pred: Gold, counts: Counts) -> None:
    for cat, s, e in gold:
        hit = any(c == cat and _overlaps((s, e), (ps, pe)) for c, ps, pe in pred)
        for key in (cat, "all"):
            counts.setdefault(key, [0, 0, 0, 0])[0 if hit else 1] += 1
    for cat, s, e in pred:
        ok = any(c == cat and _overlaps((s, e), (gs, ge)) for c, gs, ge in gold)
        for key in (cat, "all"):
            counts.setdefault(key, [0, 0, 0, 0])[2 if ok else 3] += 1


def pr(c: list[int]) -> tuple[float, float]:
    pred, gold = c[2] + c[3], c[0] + c[1]
    return (c[2] / pred if pred else 1.0, c[0] / gold if gold else 1.0)


def _rule_findings(examples: Sequence[Example], name: str, findings_dir: Path | None
                   ) -> list[Gold]:
    if findings_dir is not None:
        raw = json.loads((findings_dir / f"{name}.json").read_text(encoding="utf-8"))
        return [[(str(c), int(s), int(e)) for c, s, e in item] for item in raw]
    from balintroom.deid.identifiers import find_identifiers
    return [[(f.category, f.start, f.end)
             for f in find_identifiers(t, lang, with_tagger=False)]
            for t, lang, _ in examples]


def cross_validate(findings_dir: Path | None = None, pairs: Sequence[str] = CV_PAIRS,
                   thresholds: Sequence[float] = THRESHOLDS) -> dict[str, Any]:
    """Per left-out pair: the rules' counts, and for each reported category and threshold
    the counts of the rules plus the tagger's spans of that category alone."""
    sets = {name: read_set(name) for name in TRAINING_SETS}
    result: dict[str, Any] = {}
    for pair in pairs:
        left = [f"en_{pair}", f"de_{pair}"]
        m = train([ex for name in TRAINING_SETS if name not in left for ex in sets[name]])
        rules_counts: Counts = {}
        by: dict[tuple[str, float], Counts] = {
            (c, th): {} for c in tagger.EMIT for th in thresholds}
        for name in left:
            rules = _rule_findings(sets[name], name, findings_dir)
            for (text, lang, gold), found in zip(sets[name], rules, strict=True):
                score(gold, found, rules_counts)
                spans = m.spans(text, lang, threshold=0.0)
                for (cat, th), counts in by.items():
                    tagged = [(c, *span) for c, s, e, conf in spans
                              if c == cat and conf >= th
                              and (span := tagger.plausible(text, c, s, e, lang))]
                    score(gold, merge(found, tagged), counts)
        result[pair] = {"rules": rules_counts, "by": by}
    return result


def combine(rules: Counts, by: dict[tuple[str, float], Counts],
            chosen: dict[str, float | None]) -> Counts:
    """The counts of the rules plus the tagger's categories at the chosen thresholds (None:
    not reported); the categories add up, as their spans never overlap each other."""
    out = {k: list(v) for k, v in rules.items()}
    for cat, th in chosen.items():
        if th is None:
            continue
        counts = by[(cat, th)]
        for key in (cat, "all"):
            base = rules.get(key, [0, 0, 0, 0])
            new = counts.get(key, [0, 0, 0, 0])
            row = out.setdefault(key, [0, 0, 0, 0])
            for k in range(4):
                row[k] += new[k] - base[k]
    return out


def _pool(result: dict[str, Any], chosen: dict[str, float | None]) -> tuple[Counts, Counts]:
    rules: Counts = {}
    both: Counts = {}
    for r in result.values():
        for src, dst in ((r["rules"], rules), (combine(r["rules"], r["by"], chosen), both)):
            for key, row in src.items():
                acc = dst.setdefault(key, [0, 0, 0, 0])
                for k in range(4):
                    acc[k] += row[k]
    return rules, both


def choose_thresholds(result: dict[str, Any], min_precision: float = 0.95,
                      thresholds: Sequence[float] = THRESHOLDS) -> dict[str, float | None]:
    """Per category a threshold (or None: off), for the best pooled recall with pooled
    precision at least `min_precision`, and with it the best precision."""
    options: list[float | None] = [None, *thresholds]
    best: tuple[float, float] = (-1.0, -1.0)
    chosen: dict[str, float | None] = {c: None for c in tagger.EMIT}
    for combo in itertools.product(options, repeat=len(tagger.EMIT)):
        pick = dict(zip(tagger.EMIT, combo, strict=True))
        p, r = pr(_pool(result, pick)[1]["all"])
        if p >= min_precision and (r, p) > best:
            best, chosen = (r, p), pick
    return chosen


def _print_cv(result: dict[str, Any], chosen: dict[str, float | None]) -> None:
    rows = {**result, "pooled": None}
    for key in rows:
        if key == "pooled":
            rules, both = _pool(result, chosen)
        else:
            rules, both = result[key]["rules"], combine(
                result[key]["rules"], result[key]["by"], chosen)
        print(f"== left out: {key}")
        print(f"   {'category':<12} {'rules P':>8} {'R':>6}   {'+tagger P':>9} {'R':>6}")
        for cat in [c for c in rules if c != "all"] + ["all"]:
            p0, r0 = pr(rules.get(cat, [0, 0, 0, 0]))
            p1, r1 = pr(both.get(cat, [0, 0, 0, 0]))
            print(f"   {cat:<12} {p0:>8.3f} {r0:>6.3f}   {p1:>9.3f} {r1:>6.3f}")
    for cat in tagger.EMIT:
        print(f"   sweep {cat:<6}", "  ".join(
            f"{th:g}: {pr(_pool(result, {cat: th})[1]['all'])[0]:.3f}/"
            f"{pr(_pool(result, {cat: th})[1]['all'])[1]:.3f}" for th in THRESHOLDS))


def _parse_thresholds(spec: str) -> dict[str, float]:
    out = {}
    for part in spec.split(","):
        cat, _, value = part.partition("=")
        if value.strip() != "off":
            out[cat.strip()] = float(value)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cv", action="store_true", help="leave-one-pair-out cross-validation")
    ap.add_argument("--rules-findings", type=Path, default=None)
    ap.add_argument("--thresholds", default=None,
                    help='per category, e.g. "name=8,place=12,other=off" (from --cv)')
    ap.add_argument("--output", type=Path, default=tagger.MODEL_PATH)
    args = ap.parse_args(argv)
    if args.cv:
        result = cross_validate(args.rules_findings)
        chosen = choose_thresholds(result)
        _print_cv(result, chosen)
        print("chosen thresholds:", ",".join(
            f"{c}={'off' if th is None else f'{th:g}'}" for c, th in chosen.items()))
        return 0
    examples = [ex for name in TRAINING_SETS for ex in read_set(name)]
    m = train(examples)
    m.header.update({
        "trained_on": list(TRAINING_SETS),
        "texts": len(examples),
        "trained": datetime.datetime.now(datetime.UTC).date().isoformat(),
        "thresholds": _parse_thresholds(args.thresholds or DEFAULT_THRESHOLDS),
        "features": len(m.weights),
        "commit": _commit(),
    })
    save(m, args.output)
    print(f"{args.output}: {len(m.weights)} features, {args.output.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
