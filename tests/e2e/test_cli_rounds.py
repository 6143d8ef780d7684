"""`round add|edit|rm` through the real command line: one rule for passing, rounds by number."""

from __future__ import annotations

import json


def _outcomes(cli, app: str = "1") -> list[str]:
    shown = json.loads(cli.ok("app", "show", app, "--json"))
    return [r["outcome"] for r in shown["rounds"]]


def _said(out: str) -> str:
    return " ".join(out.split())


def test_a_new_round_passes_the_one_before_says_so_and_can_be_set_back(cli):
    cli.ok("app", "add", "Kestrel", "Ops lead", "--applied", "2026-09-01")
    cli.ok("round", "add", "1", "Recruiter screen", "--kind", "screen", "--on", "2026-09-09")
    out = _said(cli.ok("round", "add", "1", "Hiring manager", "--on", "2026-09-16"))
    assert out == (
        "Added round 2 of application 1 (round id 2): Kestrel – Hiring manager. Round 1 "
        "(Recruiter screen) marked passed. If it is still open: `nextround round edit 1 1 "
        "--outcome pending`."
    )
    assert _outcomes(cli) == ["passed", "pending"]
    # The way out it names works, and --keep-pending leaves the earlier rounds as they are.
    cli.ok("round", "edit", "1", "1", "--outcome", "pending")
    out = _said(cli.ok("round", "add", "1", "Case", "--on", "2026-09-20", "--keep-pending"))
    assert "marked passed" not in out
    assert _outcomes(cli) == ["pending", "pending", "pending"]


def test_a_round_added_by_mistake_is_deleted_by_number_and_the_one_it_passed_is_pending(cli):
    cli.ok("app", "add", "Kestrel", "Ops lead", "--applied", "2026-09-01")
    cli.ok("round", "add", "1", "Screen", "--on", "2026-09-09")
    cli.ok("round", "add", "1", "Oops", "--on", "2026-09-16")
    assert _outcomes(cli) == ["passed", "pending"]
    out = _said(cli.ok("round", "rm", "1", "2", "--yes"))
    assert out == (
        "Deleted round 2 of Kestrel (Oops). Round 1 is pending again, as before this round "
        "was added."
    )
    assert _outcomes(cli) == ["pending"]


def test_round_edit_takes_the_application_and_the_number_and_names_what_it_edited(cli):
    for company in ("Acme", "Brightwave"):
        cli.ok("app", "add", company, "PM", "--applied", "2026-09-01")
    cli.ok("round", "add", "1", "Screen", "--on", "2026-09-09")  # round id 1
    cli.ok("round", "add", "2", "Screen", "--on", "2026-09-10")  # round id 2
    cli.ok("round", "add", "2", "Panel", "--on", "2026-09-17")  # round id 3, round 2 of app 2
    out = _said(cli.ok("round", "edit", "2", "2", "--outcome", "rejected", "--ended", "2026-09-17"))
    assert out.startswith(
        "Updated round 2 of application 2 (round id 3): Brightwave – Panel; end date (none) → "
        "2026-09-17, outcome pending → rejected."
    )
    # The round id alone still works, as scripts have written it, and says what it hit.
    out = _said(cli.ok("round", "edit", "1", "--notes", "Call with Sam"))
    assert out == "Updated round 1 of application 1 (round id 1): Acme – Screen; notes."
    missing = cli("round", "edit", "1", "5", "--notes", "x")
    assert missing.code == 2
    assert "application 1 has no round 5; it has 1 round" in missing.err
    unknown = cli("round", "edit", "9", "--notes", "x")
    assert unknown.code == 3 and "no round with id 9" in unknown.err
    assert "`3 2` for round 2 of application 3" in _said(unknown.err)


def test_app_show_says_which_interviews_are_debriefed(cli):
    cli.ok("app", "add", "Lumora", "Ops", "--applied", "2026-09-01")
    cli.ok("round", "add", "1", "Final loop", "--kind", "final-loop", "--on", "2026-09-10")
    for title, at in (("Case", "2026-09-10T10:00"), ("Values", "2026-09-10T14:00")):
        cli.ok("interview", "add", "1", title, "--at", at)
    cli.ok("debrief", "1", "--overall", "4", "--went-well", "Clear structure")
    shown = _said(cli.ok("app", "show", "1"))
    assert "Round 1 (round id 1) Final loop" in shown
    assert "interview 1: Case — 2026-09-10 10:00 · debrief 4/5 overall" in shown
    assert "interview 2: Values — 2026-09-10 14:00 · no debrief yet (`nextround debrief 2`)" in (
        shown
    )
    data = json.loads(cli.ok("app", "show", "1", "--json"))
    assert [(d["interview_id"], d["overall"]) for d in data["debriefs"]] == [(1, 4)]


def test_an_nhs_job_from_a_job_board_with_a_panel_interview(cli):
    # QA10 F9: no "panel" round kind and no "job board" source; a panel read as a final loop.
    cli.ok(
        "app", "add", "Barts Health NHS Trust", "Operations Manager",
        "--applied", "2026-09-01", "--source", "job-board", "--level", "Band 8a",
    )  # fmt: skip
    cli.ok("round", "add", "1", "Shortlisting call", "--kind", "screen", "--on", "2026-09-20")
    cli.ok("round", "add", "1", "Interview", "--kind", "panel", "--on", "2026-10-14")
    shown = _said(cli.ok("app", "show", "1"))
    assert "Status final round" in shown and "via job board" in shown
    assert "Interview — panel interview, 2026-10-14" in shown
    assert [r["kind"] for r in json.loads(cli.ok("app", "show", "1", "--json"))["rounds"]] == [
        "screen",
        "panel",
    ]
    assert "job board │ 1 │ 0 │ final round 1" in _said(cli.ok("stats"))
    proof = cli.ok("export", "csv")
    assert "round 2 Interview (panel interview, pending)" in proof
    # The help's box may wrap the list of kinds anywhere: read it without its borders.
    help_text = _said(cli.ok("round", "add", "--help").replace("│", ""))
    assert "final-loop, panel," in help_text
    assert "job-board" in _said(cli.ok("app", "add", "--help"))
