"""Embedding cache: a storage protocol keyed by text hash, and an embedder that fills it lazily."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy as np

from nextround.analysis.embeddings import Embedder, Vectors

CACHE_BATCH_SIZE = 256


def text_key(text: str) -> str:
    """The cache key of a text: sha256 of its UTF-8 bytes, so no text is stored twice."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingStore(Protocol):
    """Where vectors persist between runs; keyed by (model_id, text_key)."""

    def get_many(self, model_id: str, keys: Sequence[str]) -> dict[str, Vectors]:
        """The stored vectors among keys; missing keys are simply absent from the result."""
        ...

    def put_many(self, model_id: str, items: Mapping[str, Vectors]) -> None:
        """Store vectors by key; a key already stored keeps its vector (it is the same one)."""
        ...

    def forget(self, keys: Sequence[str]) -> int:
        """Delete the vectors of these keys, of every model; how many went."""
        ...


class InMemoryEmbeddingStore:
    """A dict-backed store for tests and one-off runs."""

    def __init__(self) -> None:
        self._data: dict[tuple[str, str], Vectors] = {}

    def get_many(self, model_id: str, keys: Sequence[str]) -> dict[str, Vectors]:
        """The stored vectors among keys."""
        return {k: self._data[(model_id, k)] for k in keys if (model_id, k) in self._data}

    def put_many(self, model_id: str, items: Mapping[str, Vectors]) -> None:
        """Store copies, so a caller mutating its array cannot corrupt the cache."""
        for key, vector in items.items():
            if (model_id, key) not in self._data:  # as the database does: the first one stays
                self._data[(model_id, key)] = np.array(vector, dtype=np.float32, copy=True)

    def forget(self, keys: Sequence[str]) -> int:
        """Delete the vectors of these keys, of every model; how many went."""
        gone = [k for k in self._data if k[1] in set(keys)]
        for k in gone:
            del self._data[k]
        return len(gone)

    def __len__(self) -> int:
        return len(self._data)


class UnsavedEmbeddingStore:
    """Reads another store, but keeps the vectors put into it in memory: it writes nothing.

    For runs that must leave the database as it was (`nextround map`), while a text seen
    twice in the run is still embedded once.
    """

    def __init__(self, stored: EmbeddingStore) -> None:
        self.stored = stored
        self.fresh = InMemoryEmbeddingStore()

    def get_many(self, model_id: str, keys: Sequence[str]) -> dict[str, Vectors]:
        """The vectors of this run, then those the other store already had."""
        found = self.fresh.get_many(model_id, keys)
        rest = [k for k in keys if k not in found]
        if rest:
            found.update(self.stored.get_many(model_id, rest))
        return found

    def put_many(self, model_id: str, items: Mapping[str, Vectors]) -> None:
        """Keep the vectors for this run only."""
        self.fresh.put_many(model_id, items)

    def forget(self, keys: Sequence[str]) -> int:
        """Forget them for this run; the other store is left as it is."""
        return self.fresh.forget(keys)


class CachedEmbedder:
    """An Embedder that asks the inner one only for texts the store has not seen."""

    def __init__(
        self,
        inner: Embedder,
        store: EmbeddingStore,
        batch_size: int = CACHE_BATCH_SIZE,
        seed: Mapping[str, Vectors] | None = None,
    ) -> None:
        self.inner = inner
        self.store = store
        self.batch_size = batch_size
        # Vectors known before the store is asked (the package's own texts, see
        # package_vectors): neither looked up nor written there.
        self.seed: Mapping[str, Vectors] = seed or {}
        self.model_id = inner.model_id
        self.dim = inner.dim

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Vectors for texts, computing and storing the missing ones in batches."""
        keys = [text_key(t) for t in texts]
        unseeded = [k for k in dict.fromkeys(keys) if k not in self.seed]
        found = self.store.get_many(self.model_id, unseeded) if unseeded else {}
        found.update((k, self.seed[k]) for k in keys if k in self.seed)
        missing: dict[str, str] = {}
        for key, text in zip(keys, texts, strict=True):
            if key not in found:
                missing.setdefault(key, text)
        pending = list(missing.items())
        for start in range(0, len(pending), self.batch_size):
            chunk = pending[start : start + self.batch_size]
            vectors = self.inner.embed([text for _, text in chunk])
            fresh = {key: vectors[i] for i, (key, _) in enumerate(chunk)}
            self.store.put_many(self.model_id, fresh)
            found.update(fresh)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, key in enumerate(keys):
            out[row] = found[key]
        return out
