"""A recurring gap the latest sources call a strength says it is improving, and the plan shifts."""

from __future__ import annotations

from datetime import date

from nextround.domain.evidence import Evidence, Place
from nextround.domain.plan import build_plan
from nextround.domain.profile import build_profile
from tests.unit.growth_fixtures import (
    FRAMEWORK,
    GAP,
    HIRING_MANAGER,
    INTERVIEWER,
    MANAGER_REVIEW,
    RECRUITER,
    ev,
)
from tests.unit.growth_fixtures import STRENGTH as PRAISE

RISK = "risk-management"
TODAY = date(2026, 11, 27)


def _at(company: str) -> Place:
    return Place(company)


def _gap_then(praise: int) -> list[Evidence]:
    """Two gap sources in spring, then ``praise`` later sources calling it a strength."""
    said = [
        ev(RISK, GAP, RECRUITER, date(2026, 2, 10), app=1, place=_at("DHL"), text="Vague."),
        ev(RISK, GAP, INTERVIEWER, date(2026, 3, 30), app=2, place=_at("Kuehne"), text="Thin."),
    ]
    later = [
        ev(RISK, PRAISE, HIRING_MANAGER, date(2026, 6, 5), app=3, place=_at("Geodis"),
           text="Much better at spotting risks."),
        ev(RISK, PRAISE, HIRING_MANAGER, date(2026, 10, 5), app=4, place=_at("Maersk"),
           text="Clear, confident risk management."),
    ]  # fmt: skip
    return said + later[:praise]


def test_a_gap_the_last_two_sources_praise_is_improving_and_quotes_the_praise() -> None:
    profile = build_profile(_gap_then(2), FRAMEWORK, TODAY)
    [gap] = profile.recurring_gaps  # still a recurring gap: the witnesses did say it
    assert gap.improving and gap.trajectory == "improving"
    assert gap.improving_text == (
        "improving: the last 2 sources say strength — Geodis, Jun 2026; Maersk, Oct 2026"
    )
    assert [w.evidence.text for w in gap.recent_quotes] == [
        "Clear, confident risk management.",
        "Much better at spotting risks.",
    ]
    data = profile.to_json()["recurring_gaps"][0]
    assert data["trajectory"] == "improving"
    assert [s["source"] for s in data["improving_sources"]] == ["Geodis", "Maersk"]


def test_a_source_without_a_company_is_named_as_people_say_it() -> None:
    review = ev(RISK, PRAISE, MANAGER_REVIEW, date(2026, 7, 1), text="Owns the risk log now.")
    evidence = [*_gap_then(1), review]
    [gap] = build_profile(evidence, FRAMEWORK, TODAY).recurring_gaps
    assert gap.improving_text == (
        "improving: the last 2 sources say strength — Geodis, Jun 2026; manager review, Jul 2026"
    )


def test_one_later_source_is_not_enough_to_call_it_improving() -> None:
    profile = build_profile(_gap_then(1), FRAMEWORK, TODAY)
    [gap] = profile.recurring_gaps
    assert not gap.improving and gap.improving_text == "" and gap.recent_quotes == ()
    assert profile.to_json()["recurring_gaps"][0]["trajectory"] == "recurring"


def test_praise_not_reviewed_yet_does_not_make_it_improving() -> None:
    evidence = [
        *_gap_then(0),
        ev(RISK, PRAISE, HIRING_MANAGER, date(2026, 6, 5), app=3, confirmed=False, confidence=0.9),
        ev(RISK, PRAISE, HIRING_MANAGER, date(2026, 10, 5), app=4, confirmed=False, confidence=0.9),
    ]
    [gap] = build_profile(evidence, FRAMEWORK, TODAY).recurring_gaps
    assert not gap.improving


def test_the_plan_for_an_improving_gap_captures_what_changed_and_keeps_one_drill() -> None:
    steady = build_plan(build_profile(_gap_then(0), FRAMEWORK, TODAY), FRAMEWORK, [], [], TODAY)
    drills = [a for a in steady if a.kind == "mitigate" and a.competency_id == RISK]
    assert len(drills) == 3 and not any(a.id.endswith("what-changed") for a in drills)

    plan = build_plan(build_profile(_gap_then(2), FRAMEWORK, TODAY), FRAMEWORK, [], [], TODAY)
    mine = [a for a in plan if a.kind == "mitigate" and a.competency_id == RISK]
    assert mine[0].id == "mitigate:risk-management:what-changed"
    assert len(mine) == 2  # the story of the change, and one drill
    changed = mine[0]
    assert changed.title == "Capture the story of what changed in your risk management"
    assert "Clear, confident risk management." in changed.detail
    assert "improving: the last 2 sources say strength" in changed.why
    # Refreshing keeps it stable: the what-changed action does not push out the one drill.
    again = build_plan(build_profile(_gap_then(2), FRAMEWORK, TODAY), FRAMEWORK, [], plan, TODAY)
    assert [a.id for a in again if a.competency_id == RISK and a.kind == "mitigate"] == [
        a.id for a in mine
    ]


def _closed() -> list[Evidence]:
    """The same two gap sources, then enough later praise that the strength outweighs it."""
    more = [
        ev(RISK, PRAISE, INTERVIEWER, date(2026, 9, day), app=app, place=_at(name),
           text=f"Strong risk thinking at {name}.")
        for day, app, name in ((1, 5, "Schenker"), (8, 6, "Bolloré"), (15, 7, "Rhenus"))
    ]  # fmt: skip
    return [*_gap_then(2), *more]


def test_a_gap_the_strength_now_outweighs_reads_as_closed_with_then_and_now() -> None:
    profile = build_profile(_closed(), FRAMEWORK, TODAY)
    assert profile.recurring_gaps == []
    [closed] = profile.outweighed_gaps
    assert closed.improving and closed.trajectory == "improving"
    assert closed.why.startswith(
        "closed since Mar 2026: named a gap by DHL and Kuehne (Feb 2026–Mar 2026); "
        "improving: the last 5 sources say strength — Geodis, Jun 2026;"
    )
    assert "mixed" not in closed.why
    assert closed.gap.quotes and closed.gap.recent_quotes  # then, and now
    # The JSON adds the growth block a recurring gap has, beside the keys it had.
    [data] = [c["gap_outweighed"] for c in profile.to_json()["competencies"] if c["gap_outweighed"]]
    assert {"reviewed_sources", "sources", "statements_to_review"} <= data.keys()
    assert data["trajectory"] == "improving" and data["closed_since"] == "2026-03-30"
    assert [s["source"] for s in data["improving_sources"]][:2] == ["Geodis", "Schenker"]
    assert len(data["since"]) == 5


def test_a_closed_gap_gets_the_what_changed_action_and_no_drill() -> None:
    plan = build_plan(build_profile(_closed(), FRAMEWORK, TODAY), FRAMEWORK, [], [], TODAY)
    mine = [a for a in plan if a.kind == "mitigate" and a.competency_id == RISK]
    assert [a.id for a in mine] == ["mitigate:risk-management:what-changed"]
    assert mine[0].why.startswith("Risk management was a gap, closed since Mar 2026")
    assert "Then: " in mine[0].detail and "Now: " in mine[0].detail


def test_the_drill_kept_on_an_improving_gap_is_the_habit_that_changed_it() -> None:
    plan = build_plan(build_profile(_gap_then(2), FRAMEWORK, TODAY), FRAMEWORK, [], [], TODAY)
    [drill] = [
        a
        for a in plan
        if a.kind == "mitigate" and a.competency_id == RISK and not a.id.endswith("what-changed")
    ]
    assert drill.why.startswith("Keep this habit: it is what changed.")
    assert "recurring gap, seen by" not in drill.why
    # It quotes what recent sources said, not the old gap statements.
    assert "Much better at spotting risks." in drill.detail or "Clear, confident" in drill.detail
    assert "Vague." not in drill.detail and "Thin." not in drill.detail


def test_the_trend_lines_hold_a_closed_gap_and_the_biggest_mover() -> None:
    # Systems thinking: no pattern, but a score that moved far; one piece only: no line.
    moved = [
        ev("systems-thinking", GAP, INTERVIEWER, date(2026, 1, 10), app=8),
        ev("systems-thinking", PRAISE, HIRING_MANAGER, date(2026, 10, 1), app=9),
        ev("systems-thinking", PRAISE, INTERVIEWER, date(2026, 10, 2), app=10),
    ]
    profile = build_profile([*_closed(), *moved], FRAMEWORK, TODAY)
    assert [t.competency_id for t in profile.trend_lines] == [RISK, "systems-thinking"]
