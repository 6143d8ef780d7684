"""The read cache: reuse until the data version moves, the process writes, or time passes."""

from __future__ import annotations

import threading
import time

from nextround.web.cache import ReadCache


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> int:
        self.calls += 1
        return self.calls


def test_reuses_until_the_version_changes() -> None:
    version = [1]
    cache = ReadCache(lambda: version[0])
    compute = Counter()
    assert cache.get("k", compute) == 1
    assert cache.get("k", compute) == 1
    version[0] = 2
    assert cache.get("k", compute) == 2


def test_bump_and_ttl_and_size() -> None:
    now = [0.0]
    cache = ReadCache(lambda: 0, ttl=10, size=2, clock=lambda: now[0])
    compute = Counter()
    cache.get("a", compute)
    cache.bump()
    assert cache.get("a", compute) == 2
    now[0] = 11
    assert cache.get("a", compute) == 3
    cache.get("b", compute)
    cache.get("c", compute)  # evicts the least recently used, "a"
    assert cache.get("a", compute) == 6


def test_concurrent_misses_compute_once() -> None:
    cache = ReadCache(lambda: 0)
    calls = []

    def slow() -> str:
        calls.append(1)
        time.sleep(0.05)
        return "value"

    threads = [threading.Thread(target=cache.get, args=("k", slow)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1


def test_a_write_during_computation_is_not_cached() -> None:
    cache = ReadCache(lambda: 0)

    def racing() -> str:
        cache.bump()  # another request wrote while this one was reading
        return "stale"

    assert cache.get("k", racing) == "stale"
    assert cache.get("k", lambda: "fresh") == "fresh"


def test_misses_of_different_keys_take_turns() -> None:
    """Ten pages built at once would share the GIL and all finish late; one at a time, each
    finishes as soon as its own work is done."""
    cache = ReadCache(lambda: 0)
    running, most = [0], [0]
    guard = threading.Lock()

    def build() -> str:
        with guard:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.02)
        with guard:
            running[0] -= 1
        return "page"

    threads = [threading.Thread(target=cache.get, args=(f"page-{n}", build)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == 1
    assert all(cache.get(f"page-{n}", lambda: "again") == "page" for n in range(6))


def test_a_read_model_built_from_another_does_not_wait_for_itself() -> None:
    cache = ReadCache(lambda: 0)
    board = cache.get("page", lambda: "board of " + cache.get("rows", lambda: "rows"))
    assert board == "board of rows"
    assert cache.get("rows", lambda: "other") == "rows"
