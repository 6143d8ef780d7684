"""Benchmark: splitting feedback into statements stays linear in the length of the input."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from nextround.analysis.statements import split_statements

# Ten times the text may take at most this many times as long (linear is 10; a regular
# expression that backtracks shows as 100 or more).
MAX_RATIO = 20.0
UNIT = (
    "Strong on data, but the roadmap answer lacked structure; she could have gone deeper "
    "on risk. Dr. Ng noted 3.5 years of experience.\n- Clear writer\n- Weak on pricing\n"
)


def _best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    cases = {
        "feedback paragraphs": lambda n: UNIT * (n // len(UNIT) + 1),
        "one unpunctuated line": lambda n: ("word and " * (n // 9)) + "more, " * (n // 24),
    }
    missed = []
    for name, make in cases.items():
        small, large = make(10_000), make(100_000)
        base = _best_of(5, lambda s=small: split_statements(s))
        full = _best_of(3, lambda s=large: split_statements(s))
        ratio = full / base
        ok = ratio <= MAX_RATIO
        print(
            f"{name:24} 10 KB {base * 1000:7.1f} ms   100 KB {full * 1000:7.1f} ms   "
            f"ratio {ratio:5.1f} (target <= {MAX_RATIO:.0f})  {'ok' if ok else 'MISSED'}"
        )
        if not ok:
            missed.append(name)
    if missed:
        print(f"TARGETS MISSED: {', '.join(missed)}")
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
