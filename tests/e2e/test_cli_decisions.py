"""`decision set` and `decision rm`: which rounds a decision closes, and what it says it did."""

from __future__ import annotations

import json
import re


def _outcomes(cli) -> list[str]:
    shown = json.loads(cli.ok("app", "show", "1", "--json"))
    return [r["outcome"] for r in shown["rounds"]]


def test_a_rejection_after_round_3_passes_round_2_and_says_so(cli):
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-11-01")
    for name, day in (("Screen", "2026-11-02"), ("Case", "2026-11-03"), ("Loop", "2026-11-04")):
        cli.ok("round", "add", "1", name, "--on", day)
    cli.ok("round", "edit", "1", "--outcome", "passed")
    out = cli.ok("decision", "set", "1", "--outcome", "rejection", "--on", "2026-11-05")
    assert " ".join(out.split()) == (
        "Application 1: rejection on 2026-11-05. Round 2 marked passed, round 3 rejected."
    )
    assert _outcomes(cli) == ["passed", "passed", "rejected"]
    history = cli.ok("export", "csv")  # the proof of search's stage_history
    assert re.search(r"round 2 Case \(\w+, passed\); .* round 3 Loop \(\w+, rejected\)", history)
    # Taken back: the rounds it closed are pending again, the one passed by hand stays.
    cli.ok("decision", "rm", "1", "--yes")
    assert _outcomes(cli) == ["passed", "pending", "pending"]


def test_an_accepted_offer_says_accepted(cli):
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-11-01")
    out = cli.ok(
        "decision", "set", "1", "--outcome", "offer", "--response", "accepted",
        "--on", "2026-11-24",
    )  # fmt: skip
    assert out.strip() == "Application 1: offer on 2026-11-24, accepted."
