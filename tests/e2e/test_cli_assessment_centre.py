"""Tomás, a UK graduate, through the real command line: assessment centres and late rounds."""

from __future__ import annotations

import csv
import io
import json


def _said(out: str) -> str:
    return " ".join(out.replace("│", "").split())


def test_an_assessment_centre_is_a_round_kind_and_the_final_round(cli):
    # QA17 F4: "assessment centre" was offered 'assessment', the online test that screens.
    cli.ok("app", "add", "BAE Systems", "Graduate Software Engineer", "--applied", "2026-09-01")
    cli.ok("round", "add", "1", "HackerRank", "--kind", "assessment", "--on", "2026-09-20")
    added = cli.ok(
        "round",
        "add",
        "1",
        "Assessment centre",
        "--kind",
        "assessment centre",
        "--on",
        "2026-10-14",
    )
    assert "Assessment centre" in added
    cli.ok(
        "interview",
        "add",
        "1",
        "Group exercise",
        "--round",
        "2",
        "--format",
        "group-exercise",
        "--at",
        "2026-10-14T10:00",
    )
    shown = _said(cli.ok("app", "show", "1"))
    assert "Assessment centre — assessment centre, 2026-10-14" in shown
    assert "group exercise" in shown.lower()
    rows = list(csv.DictReader(io.StringIO(cli.ok("export", "csv"))))
    bae = rows[0]
    assert (bae["status"], bae["screen_on"], bae["interviews_on"], bae["final_round_on"]) == (
        "final round",
        "2026-09-20",
        "2026-10-14",
        "2026-10-14",
    )
    assert "round 2 Assessment centre (assessment centre, pending)" in bae["stage_history"]
    assert json.loads(cli.ok("stats", "--json"))["by_status"] == {"final_round": 1}
    help_text = _said(cli.ok("round", "add", "--help"))
    assert "presentation, assessment-centre, other" in help_text
    for typed in ("assessment center", "AC", "assessment day"):
        wrong = cli("round", "add", "1", "AC", "--kind", typed)
        assert wrong.code != 0
        assert "did you mean 'assessment-centre'?" in wrong.err


def test_a_round_forgotten_before_the_decision_is_added_without_reopening(cli):
    # QA17 F5: the error led to `app reopen`, recording a reopening that never happened.
    cli.ok("app", "add", "Barclays", "Graduate Analyst", "--applied", "2026-09-10")
    cli.ok("decision", "set", "1", "--outcome", "rejection", "--on", "2026-09-28")
    added = _said(
        cli.ok("round", "add", "1", "HackerRank OA", "--kind", "assessment", "--on", "2026-09-26")
    )
    assert "Round 1 marked rejected, from the decision (rejection on 2026-09-28)" in added
    later = cli("round", "add", "1", "Video interview", "--kind", "screen", "--on", "2026-10-02")
    assert later.code != 0
    err = _said(later.err)
    assert "starts on 2026-10-02, after the decision that closed application 1" in err
    assert "`nextround app reopen 1 --on DATE` if the process came back" in err
    assert "`nextround decision rm 1` to correct the record" in err
    shown = _said(cli.ok("app", "show", "1"))
    assert "reopened" not in shown
    app = json.loads(cli.ok("app", "show", "1", "--json"))
    assert [(r["name"], r["outcome"]) for r in app["rounds"]] == [("HackerRank OA", "rejected")]


def test_rounds_of_one_afternoon_added_under_a_rejection_pass_all_but_the_last(cli):
    # QA22 F2: a presentation and a role-play on one day, remembered after the rejection.
    cli.ok("app", "add", "Kettleby Health", "CSM", "--applied", "2026-10-01")
    cli.ok("decision", "set", "1", "--outcome", "rejection", "--on", "2026-11-10")
    cli.ok("round", "add", "1", "Presentation", "--kind", "presentation", "--on", "2026-10-23")
    added = _said(cli.ok("round", "add", "1", "Role-play", "--kind", "other", "--on", "2026-10-23"))
    assert "Round 1 (Presentation) marked passed." in added
    app = json.loads(cli.ok("app", "show", "1", "--json"))
    assert [(r["name"], r["outcome"]) for r in app["rounds"]] == [
        ("Presentation", "passed"),
        ("Role-play", "rejected"),
    ]
