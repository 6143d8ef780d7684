"""CLI latency on a 2,000-application database: whole-process medians against a baseline."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.seed import build_database

TARGET_SECONDS = 0.5
IMPORT_TARGET_SECONDS = 15.0
HEAVY_MODULES = ("torch", "sentence_transformers", "onnxruntime", "transformers")


def run(args: list[str], env: dict[str, str]) -> float:
    """Wall time of one whole process; fails loudly if the command fails."""
    began = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(
            f"command failed ({done.returncode}): {' '.join(args)}\n{done.stderr.decode()}"
        )
    return elapsed


def heavy_imports(args: list[str], env: dict[str, str]) -> list[str]:
    """Heavy modules a command imports, read from -X importtime."""
    done = subprocess.run(
        [args[0], "-X", "importtime", *args[1:]], env=env, capture_output=True, check=False
    )
    found = set()
    for line in done.stderr.decode().splitlines():
        name = line.rsplit("|", 1)[-1].strip()
        if name.split(".")[0] in HEAVY_MODULES:
            found.add(name.split(".")[0])
    return sorted(found)


def main() -> int:
    """Build the database, time the commands, print figures, exit 1 on a missed target."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="runs per command (median taken)")
    parser.add_argument("--applications", type=int, default=2000)
    options = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="nextround-bench-"))
    db = work / "bench.sqlite3"
    began = time.perf_counter()
    counts = build_database(f"sqlite:///{db}", applications=options.applications)
    print(f"database: {counts} (built in {time.perf_counter() - began:.1f} s)")

    env = {**os.environ, "NEXTROUND_DATA_DIR": str(work / "data"), "COLUMNS": "120"}
    cli = [sys.executable, "-m", "nextround", "--db", str(db)]
    middle = str(options.applications // 2)
    commands = {
        "app list": [*cli, "app", "list"],
        "app show": [*cli, "app", "show", middle],
        "timeline": [*cli, "timeline", middle],
        "stats": [*cli, "stats"],
        "--help": [sys.executable, "-m", "nextround", "--help"],
    }
    # Not a target (a 2,000-row table is for pipes, not eyes), but shown for honesty.
    informational = {"app list --all": [*cli, "app", "list", "--all"]}
    baseline_cmd = [sys.executable, "-c", "import sqlite3"]
    for args in (*commands.values(), baseline_cmd):  # warm the page cache and .pyc files
        run(args, env)

    samples: dict[str, list[float]] = {name: [] for name in (*commands, *informational, "baseline")}
    for _ in range(options.runs):  # interleaved, so a noisy moment hits every command alike
        samples["baseline"].append(run(baseline_cmd, env))
        for name, args in (*commands.items(), *informational.items()):
            samples[name].append(run(args, env))

    baseline = statistics.median(samples["baseline"])
    failures: list[str] = []
    print(f"\n{'command':<12} {'median s':>9} {'x baseline':>11} {'heavy imports':>14}")
    print(f"{'baseline':<12} {baseline:>9.3f} {1:>11.1f} {'-':>14}")
    for name, args in commands.items():
        median = statistics.median(samples[name])
        heavy = heavy_imports(args, env)
        print(
            f"{name:<12} {median:>9.3f} {median / baseline:>11.1f} {','.join(heavy) or 'none':>14}"
        )
        if median > TARGET_SECONDS:
            failures.append(f"{name}: median {median:.3f} s > {TARGET_SECONDS} s")
        if heavy:
            failures.append(f"{name} imports {', '.join(heavy)}")

    for name in informational:
        median = statistics.median(samples[name])
        print(f"{name:<12} {median:>9.3f} {median / baseline:>11.1f} {'(no target)':>14}")

    backup = work / "backup.json"
    run([*cli, "export", "json", "-o", str(backup)], env)
    target = work / "restored.sqlite3"
    run([sys.executable, "-m", "nextround", "--db", str(target), "init"], env)
    elapsed = run(
        [sys.executable, "-m", "nextround", "--db", str(target), "import", "json", str(backup)], env
    )
    size = backup.stat().st_size / 1e6
    print(
        f"\nJSON import of the whole database ({size:.1f} MB): {elapsed:.2f} s "
        f"(target < {IMPORT_TARGET_SECONDS:.0f} s)"
    )
    if elapsed >= IMPORT_TARGET_SECONDS:
        failures.append(f"JSON import took {elapsed:.1f} s")

    if failures:
        print("\nMISSED: " + "; ".join(failures))
        return 1
    print("\nAll CLI latency targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
