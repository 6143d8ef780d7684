"""Read models computed once and reused until the data changes or they grow stale."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class ReadCache:
    """A small LRU of read models, keyed by what they answer and the database's data version.

    The board and the list over thousands of applications take tens of milliseconds to build;
    serving them from here keeps pages fast under concurrent use. An entry is valid while the
    data version is unchanged, this process has not written since, and it is younger than
    ``ttl`` seconds (views such as "upcoming interviews" depend on the clock, not only data).
    """

    def __init__(
        self,
        version: Callable[[], Hashable],
        *,
        ttl: float = 30.0,
        size: int = 64,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._version = version
        self._ttl = ttl
        self._size = size
        self._clock = clock
        self._entries: OrderedDict[Hashable, tuple[Hashable, float, float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        # One read model is computed at a time. Building one is CPU work in Python, and the
        # GIL runs one thread at a time anyway: ten concurrent misses sharing it would all
        # finish late together, while taking turns lets each finish as soon as its own work
        # is done. Re-entrant, because building a page may ask for another read model.
        self._computing = threading.RLock()
        self._generation = 0

    def bump(self) -> None:
        """Forget everything: this process has just changed the data."""
        with self._lock:
            self._generation += 1
            self._entries.clear()

    def get(self, key: Hashable, compute: Callable[[], T], *, ttl: float | None = None) -> T:
        """The cached value for ``key``, computing it (once, however many ask) when stale.

        ``ttl`` overrides the cache's own for this entry: a model that depends on the data
        but hardly on the clock (the profile) may live longer than one that counts down.
        """
        stamp = self._stamp()
        hit = self._lookup(key, stamp)
        if hit is not None:
            return hit[0]  # type: ignore[no-any-return]
        # Concurrent requests for the same stale key wait for one computation, not ten.
        with self._computing:
            stamp = self._stamp()  # the data may have changed while this request waited
            hit = self._lookup(key, stamp)
            if hit is not None:
                return hit[0]  # type: ignore[no-any-return]
            value = compute()
            with self._lock:
                if stamp[0] == self._generation:
                    life = self._ttl if ttl is None else ttl
                    self._entries[key] = (stamp, self._clock(), life, value)
                    self._entries.move_to_end(key)
                    while len(self._entries) > self._size:
                        self._entries.popitem(last=False)
            return value

    def _stamp(self) -> tuple[int, Hashable]:
        with self._lock:
            generation = self._generation
        return (generation, self._version())

    def _lookup(self, key: Hashable, stamp: Hashable) -> tuple[Any] | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            entry_stamp, born, life, value = entry
            if entry_stamp != stamp or self._clock() - born > life:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return (value,)
