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
