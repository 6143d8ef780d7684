"""`plan` and `plan week` when a career break came up: an answer to prepare and rehearse."""

from __future__ import annotations

import json
from datetime import date, timedelta

from tests.e2e.conftest import seed_application


def test_a_career_break_on_record_is_prepared_in_the_plan_and_rehearsed_before_the_interview(cli):
    ids = seed_application(cli, "Barts Health")
    cli.ok("debrief", str(ids.interview), "--overall", "2",
           "--went-badly", "I stumbled when they asked about the gap on my CV",
           "-q", "Walk me through the gap on your CV. = none")  # fmt: skip
    cli.ok("feedback", "add", "--source", "mentor",
           "When you talk about the career break you sound defensive.")  # fmt: skip
    waiting = json.loads(cli.ok("feedback", "review", "--json"))
    for item in waiting:
        cli.ok("feedback", "review", "--statement", str(item["statement"]["id"]),
               "--competency", "resilience", "--polarity", "gap")  # fmt: skip
    plan = json.loads(cli.ok("plan", "--json"))["actions"]
    by_id = {a["id"]: a for a in plan}
    answer = by_id["position:career-break:answer"]
    assert answer["kind"] == "position" and answer["competency_id"] is None
    assert "“Walk me through the gap on your CV”" in answer["why"]
    assert "position:career-break:aloud" in by_id
    assert not any("routine of sleep" in a["detail"] for a in plan)
    shown = " ".join(cli.ok("plan").split())
    assert "pitch Write a two-sentence answer about your career break" in shown
    on = date.today() + timedelta(days=3)
    cli.ok("interview", "add", str(ids.application), "Second panel", "--at", f"{on} 10:00")
    week = " ".join(cli.ok("plan", "week").split())
    assert "Rehearse your career-break answer once, aloud" in week
    assert "Your debrief said: “I stumbled when they asked about the gap on my CV”." in week
    assert "Rework what went badly" not in week
