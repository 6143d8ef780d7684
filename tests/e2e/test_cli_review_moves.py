"""`feedback review` says what a confirmation moved in the profile, as the profile computes it."""

from __future__ import annotations

import json
import re


def _score(cli, competency: str) -> float:
    profile = json.loads(cli.ok("profile", "--json"))
    return next(c["mean"] for c in profile["competencies"] if c["competency_id"] == competency)


def test_confirming_a_statement_says_which_scores_moved(growth_cli):
    growth_cli.ok(
        "feedback", "add", "Clear, confident stakeholder management.", "--source", "interviewer"
    )
    [pending] = json.loads(growth_cli.ok("feedback", "review", "--json"))
    before = _score(growth_cli, "stakeholder-management")
    out = growth_cli.ok(
        "feedback", "review", "--statement", str(pending["statement"]["id"]),
        "--competency", "stakeholder-management",
    )  # fmt: skip
    after = _score(growth_cli, "stakeholder-management")
    assert f"{before:.2f}" != f"{after:.2f}"  # confirming counts it in full
    said = re.search(r"Your profile: Stakeholder management (\d\.\d\d) → (\d\.\d\d)\.", out)
    assert said is not None, out
    assert said.groups() == (f"{before:.2f}", f"{after:.2f}")
