"""`plan situation`: someone between jobs gets practice they can do without a workplace."""

from __future__ import annotations

import json

ALTERNATIVE = "Between jobs? Do it on a side project"


def _people_leadership_gap(cli) -> None:
    for source, text in (
        ("mentor", "You have not shown people leadership: no team of your own yet."),
        ("peer", "People leadership is the gap: you lead projects, not people."),
    ):
        cli.ok("feedback", "add", "--source", source, text)
    for item in json.loads(cli.ok("feedback", "review", "--json")):
        cli.ok("feedback", "review", "--statement", str(item["statement"]["id"]),
               "--competency", "people-leadership", "--polarity", "gap")  # fmt: skip


def _drills(cli) -> list[str]:
    plan = json.loads(cli.ok("plan", "--json"))["actions"]
    return [a["detail"].split("Practise: ", 1)[1] for a in plan if a["kind"] == "mitigate"]


def test_saying_you_are_between_jobs_rewords_the_plan_and_is_remembered(cli):
    assert "Not said yet: the plan assumes you have a job" in " ".join(
        cli.ok("plan", "situation").split()
    )
    _people_leadership_gap(cli)
    employed = _drills(cli)
    assert any("your team" in d or "team member" in d for d in employed), employed
    saved = " ".join(cli.ok("plan", "situation", "between-jobs").split())
    assert "Saved: I am between jobs. The plan is refreshed" in saved
    between = _drills(cli)
    assert between != employed
    for drill in between:
        if "your team" in drill or "team member" in drill or "delegate" in drill:
            assert ALTERNATIVE in drill, drill
    assert "You said: I am between jobs." in cli.ok("plan", "situation")
    wrong = cli("plan", "situation", "retired")
    assert wrong.code != 0
    assert "use employed or between-jobs" in " ".join(wrong.err.split())
