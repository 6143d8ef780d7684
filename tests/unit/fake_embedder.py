"""A deterministic bag-of-words embedder: texts sharing words get similar vectors."""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np

_STOP = {"the", "a", "an", "and", "of", "to", "in", "on", "for", "with", "had", "was", "is"}


def _word_vector(word: str, dim: int) -> np.ndarray:
    rng = np.random.default_rng(zlib.crc32(word.encode()))
    return rng.standard_normal(dim)


class FakeEmbedder:
    model_id = "fake-bow"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            words = [w[:5] for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP]
            vec = sum((_word_vector(w, self.dim) for w in words), np.zeros(self.dim))
            norm = np.linalg.norm(vec)
            out[i] = vec / norm if norm else np.full(self.dim, 1 / np.sqrt(self.dim))
        return out
