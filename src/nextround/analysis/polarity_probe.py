"""A linear probe that reads good practice versus flaw from a sentence embedding."""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

# Importing typing would cost more than this module; mypy treats any constant named
# TYPE_CHECKING as true.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from collections.abc import Sequence

# The probe is a logistic regression fitted by bench/train_polarity_probe.py on sentences
# written for nextround (bench/polarity_seed.txt). Its weights only make sense for vectors
# of the model below, L2-normalised, as the semantic mapper produces them.
PROBE_MODEL_ID = "all-MiniLM-L6-v2"
_WEIGHTS_FILE = Path(__file__).with_name("polarity_probe.json")


class _Probe:
    __slots__ = ("bias", "dim", "weights")

    def __init__(self, weights: list[float], bias: float) -> None:
        self.weights, self.bias, self.dim = weights, bias, len(weights)


@cache
def _probe() -> _Probe:
    data = json.loads(_WEIGHTS_FILE.read_text(encoding="utf-8"))
    if data.get("model_id") != PROBE_MODEL_ID or len(data["weights"]) != data["dim"]:
        raise ValueError(f"{_WEIGHTS_FILE} is not a probe for {PROBE_MODEL_ID}")
    return _Probe([float(v) for v in data["weights"]], float(data["bias"]))


def probe_logit(embedding: Sequence[float]) -> float:
    """Log-odds that the embedded text describes good practice rather than a flaw.

    ``embedding`` must be an L2-normalised all-MiniLM-L6-v2 vector of the same text.
    """
    probe = _probe()
    if len(embedding) != probe.dim:
        raise ValueError(
            f"the polarity probe needs a {probe.dim}-dimensional {PROBE_MODEL_ID} embedding, "
            f"got {len(embedding)} dimensions"
        )
    return math.fsum(w * float(x) for w, x in zip(probe.weights, embedding, strict=True)) + (
        probe.bias
    )
