"""Polarity accuracy of nextround's reader on the labelled competency-indicator files.

Usage: python bench/polarity_accuracy.py [--data DIR] [--half dev|holdout|all] [--min 0.90]

Each file's items that carry a ``polarity`` (strength/gap) are read; neutral counts as
wrong. Items are split into two fixed halves by a hash of their text, so rules can be
tuned while looking at the "dev" half only and checked on the "holdout" half. The
script prints only aggregate figures (accuracy, confusion matrix, which cue kinds fired
on errors), never item texts, and exits 1 if any file's accuracy (on the chosen half) is
below --min.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from nextround.analysis.polarity import read_polarity  # noqa: E402

FILES = ("ibcos-indicators.jsonl", "uk-cs-2012-indicators.jsonl")
LABELS = ("strength", "gap", "neutral")


def half_of(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "dev" if digest[0] % 2 == 0 else "holdout"


def load(path: Path) -> list[tuple[str, str]]:
    items = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("polarity") in ("strength", "gap"):
                items.append((row["text"], row["polarity"]))
    return items


def evaluate(items: list[tuple[str, str]]) -> tuple[float, dict[tuple[str, str], int], dict]:
    confusion: dict[tuple[str, str], int] = collections.Counter()
    error_cues: dict[str, int] = collections.Counter()
    for text, gold in items:
        reading = read_polarity(text)
        predicted = reading.polarity.value
        confusion[(gold, predicted)] += 1
        if predicted != gold:
            kinds = {cue.split(":", 1)[0] for cue in reading.cues} or {"(no cue)"}
            for kind in kinds:
                error_cues[f"{gold}->{predicted} {kind}"] += 1
    correct = sum(n for (g, p), n in confusion.items() if g == p)
    return (correct / len(items) if items else 0.0), confusion, error_cues


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/competency-eval")
    parser.add_argument("--half", choices=("dev", "holdout", "all"), default="all")
    parser.add_argument("--min", type=float, default=0.90, dest="minimum")
    parser.add_argument("--errors", action="store_true", help="print error cue kinds")
    args = parser.parse_args()

    failed = False
    for name in FILES:
        path = args.data / name
        if not path.exists():
            print(f"{name}: missing at {path}")
            failed = True
            continue
        items = load(path)
        halves = {h: [it for it in items if half_of(it[0]) == h] for h in ("dev", "holdout")}
        halves["all"] = items
        started = time.perf_counter()
        results = {h: evaluate(halves[h]) for h in ("dev", "holdout", "all")}
        elapsed = time.perf_counter() - started
        summary = "  ".join(
            f"{h} {results[h][0]:.3f} (n={len(halves[h])})" for h in ("dev", "holdout", "all")
        )
        print(f"{name}: {summary}  [{elapsed * 1000:.0f} ms]")
        accuracy, confusion, error_cues = results[args.half]
        print(f"  confusion ({args.half}; rows gold, columns predicted)")
        print("  " + " " * 10 + "".join(f"{p:>10}" for p in LABELS))
        for gold in ("strength", "gap"):
            row = "".join(f"{confusion.get((gold, p), 0):>10}" for p in LABELS)
            print(f"  {gold:>10}{row}")
        if args.errors:
            for key, count in sorted(error_cues.items(), key=lambda kv: -kv[1]):
                print(f"    {count:>3}  {key}")
        if accuracy < args.minimum:
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
