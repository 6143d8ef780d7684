"""Sam, a new graduate, through the real command line: the online assessment as a round."""

from __future__ import annotations

import csv
import io
import json


def _said(out: str) -> str:
    return " ".join(out.split())


def test_an_online_assessment_is_the_screen_and_the_first_interview_is_the_live_one(cli):
    # QA13 F8: recorded as a take-home, the OA day was both screen_on and interviews_on.
    cli.ok("app", "add", "Stripe", "Software Engineer New Grad", "--applied", "2026-10-01")
    for name, kind, day in (
        ("Online assessment (HackerRank)", "assessment", "2026-10-11"),
        ("Recruiter screen", "screen", "2026-10-21"),
        ("Technical phone screen", "technical", "2026-11-02"),
        ("Virtual onsite", "final-loop", "2026-11-11"),
    ):
        cli.ok("round", "add", "1", name, "--kind", kind, "--on", day)
    cli.ok("app", "add", "Datadog", "Software Engineer", "--applied", "2026-10-02")
    cli.ok("round", "add", "2", "OA", "--kind", "assessment", "--on", "2026-10-09")
    rows = {r["company"]: r for r in csv.DictReader(io.StringIO(cli.ok("export", "csv")))}
    stripe, datadog = rows["Stripe"], rows["Datadog"]
    assert (stripe["screen_on"], stripe["interviews_on"], stripe["final_round_on"]) == (
        "2026-10-11",
        "2026-11-02",
        "2026-11-11",
    )
    assert (
        "round 1 Online assessment (HackerRank) (online assessment, passed)"
        in (stripe["stage_history"])
    )
    # Only the OA so far: screening, and no interview yet.
    assert (datadog["status"], datadog["screen_on"], datadog["interviews_on"]) == (
        "screening",
        "2026-10-09",
        "",
    )
    assert "OA — online assessment, 2026-10-09" in _said(cli.ok("app", "show", "2"))
    stats = json.loads(cli.ok("stats", "--json"))
    assert stats["by_status"] == {"final_round": 1, "screening": 1}
    # The OA is each one's screen, in the funnel as in screen_on, and the text says so.
    assert [s["count"] for s in stats["funnel"]] == [2, 2, 1, 1, 0]
    assert stats["stage_gaps"][0]["median_days"] == 8.5  # applied → the OA: 10 and 7 days
    said = _said(cli.ok("stats"))
    assert "First rounds counts each application that got a first round of any kind: a " in said
    # QA21 F12: the stages between which the days run are named as the funnel names them.
    assert "applied first round" in " ".join(said.split()).replace("│", "").replace("  ", " ")
    assert "interviews_on" not in said
    help_text = _said(cli.ok("round", "add", "--help").replace("│", ""))
    assert "One of screen, assessment, hiring-manager" in help_text
    for typed in ("OA", "HackerRank", "online test", "coding test"):
        wrong = cli("round", "add", "2", "Coding test", "--kind", typed)
        assert wrong.code != 0 and "did you mean 'assessment'?" in wrong.err


def test_stats_give_each_kind_of_round_its_pass_rate_and_name_where_processes_end(cli):
    # QA17 F1: Tomás fails most of his online tests, which "Screens" hid among recruiter
    # calls; the stats now say how each kind of round went and where his processes end.
    companies = ("Auto Trader", "Booking.com", "Monzo", "Sky", "Matillion")
    for company in companies:
        cli.ok("app", "add", company, "Graduate Software Engineer", "--applied", "2026-09-01")
        cli.ok("round", "add", str(companies.index(company) + 1), "HackerRank OA",
               "--kind", "assessment", "--on", "2026-09-10")  # fmt: skip
    for app_id in ("1", "2", "3"):
        cli.ok("decision", "set", app_id, "--outcome", "rejection", "--on", "2026-09-20")
    # Sky's OA is still pending; Matillion's passed on to a technical interview.
    cli.ok("round", "add", "5", "Technical", "--kind", "technical", "--on", "2026-09-25")
    stats = json.loads(cli.ok("stats", "--json"))
    assert [s["stage"] for s in stats["funnel"]] == [
        "applied", "screen", "interviews", "final", "offer",
    ]  # fmt: skip
    assert [s["count"] for s in stats["funnel"]] == [5, 5, 1, 0, 0]
    kinds = {k["kind"]: k for k in stats["round_kinds"]}
    assert list(kinds) == ["assessment", "technical"]
    oa = kinds["assessment"]
    assert (oa["passed"], oa["rejected"], oa["pending"]) == (1, 3, 1)
    assert oa["summary"] == "Online assessment: 1 of 4 passed (25%), 1 pending"
    assert stats["drop_off"]["kind"] == "assessment"
    shown = _said(cli.ok("stats"))
    assert "Rounds by kind" in shown and "Online assessment │ 1 │ 3 │ 25% │ 1" in shown
    assert "Interviews │ 1 │ 20%" in shown
    assert (
        "Most of your processes end at the online assessment: 3 of the 3 that ended after "
        "a round." in shown
    )


def test_the_plan_practises_for_the_online_tests_while_most_processes_end_there(cli):
    # QA17 F1: the stats named the drop, and the plan did nothing with it.
    companies = ("Auto Trader", "Booking.com", "Monzo", "Sky")
    for number, company in enumerate(companies, start=1):
        cli.ok("app", "add", company, "Graduate Software Engineer", "--applied", "2026-09-01")
        cli.ok("round", "add", str(number), "HackerRank OA",
               "--kind", "assessment", "--on", "2026-09-10")  # fmt: skip
    for app_id in ("1", "2", "3"):
        cli.ok("app", "close", app_id, "--as", "rejection", "--on", "2026-09-20")
    plan = _said(cli.ok("plan"))
    assert "round Do two timed practice tests a week on the platform your applications use" in plan
    assert (
        "Most of your processes end at the online assessment: 3 of the 3 that ended after a "
        "round." in plan
    )
    (action,) = [a for a in json.loads(cli.ok("plan", "--json"))["actions"]
                 if a["kind"] == "practice"]  # fmt: skip
    assert action["id"] == "practice:drop-off:assessment"
    # Two failed tests are no pattern: the sentence goes from the stats, the action from the plan.
    cli.ok("app", "rm", "1", "--yes")
    assert json.loads(cli.ok("stats", "--json"))["drop_off"] is None
    assert "timed practice tests" not in cli.ok("plan")
