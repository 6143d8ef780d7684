"""`plan` after a "no" for experience, `plan week` and `story coverage` before an interview."""

from __future__ import annotations

import json
from datetime import date, timedelta

from tests.e2e.conftest import seed_application


def test_a_rejection_for_experience_leads_to_positioning_quoting_the_reason(cli):
    ids = seed_application(cli, "Finch Bank")
    cli.ok("interview", "edit", str(ids.future_interview), "--called-off")
    cli.ok("decision", "set", str(ids.application), "--outcome", "rejection",
           "--reason", "Went with a candidate with prior PM experience")  # fmt: skip
    plan = json.loads(cli.ok("plan", "--json"))["actions"]
    positioning = [a for a in plan if a["kind"] == "position"]
    assert [a["title"] for a in positioning] == [
        "Write a pitch story that maps your past work onto the role",
        "Prepare your “why this role, why now” answer",
    ]
    assert "said “Went with a candidate with prior PM experience”" in positioning[0]["why"]
    assert "the decision at Finch Bank" in positioning[0]["why"]
    shown = " ".join(cli.ok("plan").split())
    assert "pitch Write a pitch story that maps your past work onto the role" in shown


def test_a_rejection_for_a_kind_of_experience_asks_for_the_closest_one(cli):
    # QA9 F8: a senior engineer short of Kubernetes at scale is no career switcher.
    ids = seed_application(cli, "Harbor Health")
    cli.ok("interview", "edit", str(ids.future_interview), "--called-off")
    reason = "Looking for someone with more experience running large-scale Kubernetes platforms"
    cli.ok("decision", "set", str(ids.application), "--outcome", "rejection", "--reason", reason)
    plan = json.loads(cli.ok("plan", "--json"))["actions"]
    positioning = [a for a in plan if a["kind"] == "position"]
    assert [a["title"] for a in positioning] == [
        "Put numbers on the experience closest to what they asked for",
        "Say in your pitch how close your experience is",
        "Treat roles that require it as a stretch in Option A",
    ]
    assert "experience running large-scale Kubernetes platforms" in positioning[0]["detail"]
    shown = " ".join(cli.ok("plan").split())
    assert "a title you did not have" not in shown and "new role or domain" not in shown


def test_a_case_interview_and_a_went_badly_note_shape_the_week(cli):
    ids = seed_application(cli, "Wayfare")
    cli.ok("debrief", str(ids.interview), "--overall", "3",
           "--went-badly", "Fumbled the 'why PM, why now' question")  # fmt: skip
    on = date.today() + timedelta(days=5)
    for title, competency in (("Product sense", "systems-thinking"), ("Metrics", "communication")):
        cli.ok("interview", "add", str(ids.application), title, "--at", f"{on} 10:00",
               "--format", "case", "--competency", competency)  # fmt: skip
    cli.ok("plan")
    week = " ".join(cli.ok("plan", "week").split())
    # QA9 F11: "2, 1, 5" read as a mistake; the week says whose numbers they are.
    assert "Most pressing first; each keeps its number in your plan (`nextround plan`)" in week
    assert "Rework what went badly: “Fumbled the 'why PM, why now' question”" in week
    assert "Run a systems thinking case aloud against a timer" in week
    assert "which one to solve first and why" in week
    assert "Lead with one example, what you did yourself, and one number" not in week


def test_story_coverage_flags_what_the_interview_coming_up_probes(cli):
    ids = seed_application(cli, "Wayfare")
    on = date.today() + timedelta(days=5)
    cli.ok("interview", "add", str(ids.application), "Product sense", "--at", f"{on} 10:00",
           "--format", "case", "--competency", "systems-thinking")  # fmt: skip
    out = " ".join(cli.ok("story", "coverage").split())
    # Before: "No spikes or recurring gaps yet, so none needs a story".
    assert "none needs a story" not in out
    assert f"Systems thinking (probed at the interview on {on:%a %-d %b})" in out
    data = json.loads(cli.ok("story", "coverage", "--json"))
    assert data["uncovered"] == ["systems-thinking"]


def test_a_level_the_role_needed_said_in_feedback_leads_to_positioning(cli):
    # "We just needed someone more senior" is the decision's reason, no skill: it reads
    # neutral, and the plan positions the person's level rather than practising a skill.
    ids = seed_application(cli, "Kestrel Labs")
    cli.ok("interview", "edit", str(ids.future_interview), "--called-off")
    cli.ok("decision", "set", str(ids.application), "--outcome", "rejection")
    text = "It's not that your answers were weak, we just needed someone more senior."
    cli.ok("feedback", "add", text, "--source", "recruiter", "--app", str(ids.application))
    plan = json.loads(cli.ok("plan", "--json"))["actions"]
    positioning = [a for a in plan if a["kind"] == "position"]
    assert positioning, [a["title"] for a in plan]
    assert "we just needed someone more senior" in positioning[0]["why"]
