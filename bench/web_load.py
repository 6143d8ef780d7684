"""Web load: 10 concurrent clients on loopback against `nextround serve` over 2,000 applications.

Starts the real server in a subprocess on a seeded database, drives each page in turn from
concurrent asyncio + httpx clients, prints p50, p95, throughput and errors per page, and exits
non-zero when a page misses its p95 target or any request fails.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.seed import build_database

#: p95 targets in milliseconds, per page (the issue's targets for a 2-core machine).
TARGETS_MS = {"dashboard": 100.0, "list": 100.0, "list page 7": 100.0, "detail": 100.0}
#: No run is allowed to go on for ever: each page stops after this many seconds.
PAGE_TIME_LIMIT = 60.0


@dataclass
class PageResult:
    """What one page's run measured."""

    name: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wall: float = 0.0

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(folder: Path, database: Path, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "NEXTROUND_DATA_DIR": str(folder),
        "NEXTROUND_DATABASE_URL": f"sqlite:///{database}",
        "PYTHONPATH": os.pathsep.join(
            [str(Path(__file__).resolve().parent.parent / "src"), os.environ.get("PYTHONPATH", "")]
        ),
    }
    env.pop("NEXTROUND_ACCESS_TOKEN", None)
    return subprocess.Popen(
        [sys.executable, "-m", "nextround", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_until_up(base: str, process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(
                f"the server exited: {process.stderr.read().decode() if process.stderr else ''}"
            )
        try:
            if httpx.get(base + "/", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise SystemExit("the server did not come up in time")


async def drive(base: str, name: str, paths: list[str], clients: int, total: int) -> PageResult:
    """``clients`` concurrent clients share ``total`` requests over ``paths`` (round robin)."""
    result = PageResult(name)
    counter = iter(range(total))
    deadline = time.monotonic() + PAGE_TIME_LIMIT

    async def client() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=10) as http:
            for index in counter:
                if time.monotonic() > deadline:
                    result.errors.append("time limit reached")
                    return
                path = paths[index % len(paths)]
                began = time.perf_counter()
                try:
                    response = await http.get(path)
                except httpx.HTTPError as exc:
                    result.errors.append(f"{path}: {exc!r}")
                    continue
                result.latencies.append(time.perf_counter() - began)
                if response.status_code != 200:
                    result.errors.append(f"{path}: HTTP {response.status_code}")

    began = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    result.wall = time.perf_counter() - began
    return result


async def run_pages(base: str, applications: int, clients: int, requests: int) -> list[PageResult]:
    rng = random.Random(11)
    details = [f"/applications/{rng.randint(1, applications)}" for _ in range(50)]
    pages = [
        ("dashboard", ["/"]),
        ("list", ["/applications"]),
        ("list page 7", ["/applications?page=7"]),
        ("detail", details),
    ]
    results = []
    for name, paths in pages:
        await drive(base, name, paths, clients, clients * 2)  # warm-up, not measured
        results.append(await drive(base, name, paths, clients, requests))
    # For information (no target): pages seen for the first time, so nothing is cached.
    unseen = [i for i in range(1, applications + 1) if f"/applications/{i}" not in details]
    first_views = [f"/applications/{i}" for i in rng.sample(unseen, min(requests, len(unseen)))]
    results.append(await drive(base, "detail, first", first_views, clients, len(first_views)))
    return results


def report(results: list[PageResult], clients: int) -> bool:
    print(f"\n{clients} concurrent clients on loopback")
    print(f"{'page':<14}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'req/s':>9}{'errors':>8}  target")
    ok = True
    for r in results:
        p95 = r.percentile(0.95)
        target = TARGETS_MS.get(r.name)
        met = not r.errors and (target is None or p95 <= target)
        ok &= met
        print(
            f"{r.name:<14}{len(r.latencies):>9}{r.percentile(0.5):>9.1f}{p95:>9.1f}"
            f"{len(r.latencies) / r.wall:>9.0f}{len(r.errors):>8}  "
            + (f"p95 <= {target:.0f} ms {'ok' if met else 'MISSED'}" if target else "(no target)")
        )
        for error in r.errors[:3]:
            print(f"    {error}")
    return ok


def main() -> int:
    """Seed, serve, load, report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=500, help="measured requests per page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nextround-web-load-") as tmp:
        folder = Path(tmp)
        database = folder / "bench.sqlite3"
        began = time.perf_counter()
        counts = build_database(f"sqlite:///{database}", applications=args.applications)
        print(f"seeded {counts} in {time.perf_counter() - began:.1f} s")
        port = free_port()
        server = start_server(folder, database, port)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base, server)
            results = asyncio.run(run_pages(base, args.applications, args.clients, args.requests))
        finally:
            server.terminate()
            server.wait(timeout=10)
    ok = report(results, args.clients)
    print("\nall targets met" if ok else "\nTARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
