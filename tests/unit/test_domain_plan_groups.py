"""The plan in groups as every page shows it, titles cut where a reader can stop, sources named."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from nextround.domain.competency import Polarity
from nextround.domain.evidence import EvidenceOrigin
from nextround.domain.feedback import FeedbackSource
from nextround.domain.plan import PlanAction
from nextround.domain.plan_groups import KIND_TITLES, kind_title, plan_groups
from nextround.domain.plan_ideas import ActionKind, cite, title_cut
from tests.unit.growth_fixtures import ev

DAY = date(2026, 11, 20)


def action(kind: str, rank: int = 0, ident: str = "") -> PlanAction:
    return PlanAction(
        id=ident or f"{kind}:x:{rank}",
        kind=kind,
        competency_id=None,
        title=f"{kind} {rank}",
        detail="",
        why="",
        created_on=DAY,
        rank=rank,
    )


def test_every_kind_of_the_plan_has_a_heading() -> None:
    assert set(KIND_TITLES) == {kind.value for kind in ActionKind}


def test_groups_follow_the_plans_priority_and_rank_whatever_order_they_come_in() -> None:
    actions = [
        action("story", 1),
        action("position", 2),
        action("mitigate", 101),
        action("position", 1),
        action("mitigate", 1),
        action("prepare", 0),
    ]
    groups = plan_groups(actions)
    assert [g.kind for g in groups] == ["prepare", "mitigate", "position", "story"]
    assert [g.title for g in groups][2] == "Position your experience"
    assert [a.rank for a in groups[1].actions] == [1, 101]
    assert [a.rank for a in groups[2].actions] == [1, 2]
    assert sum(len(g.actions) for g in groups) == len(actions)


def test_a_kind_without_a_heading_yet_is_shown_under_its_own_name_not_dropped() -> None:
    groups = plan_groups([action("career_break", 0), action("mitigate", 0), action("custom", 0)])
    assert [g.kind for g in groups] == ["mitigate", "custom", "career_break"]
    assert (groups[-1].title, groups[-1].note) == ("Career break", "")
    assert groups[-1].actions[0].title == "career_break 0"
    assert kind_title("interview-day")[0] == "Interview day"


def test_a_long_title_stops_at_a_clause_never_after_a_word_that_joins() -> None:
    idea = (
        "Take a recent decision and list the evidence behind it, its assumptions and what "
        "data would have changed your mind."
    )
    assert title_cut(idea) == "Take a recent decision and list the evidence behind it…"
    # A first clause that only sets the scene is no title: cut at a word, not after "on".
    setting = (
        "For a change you recently made or proposed, list three second-order effects on "
        "other teams and how you would detect each one."
    )
    assert title_cut(setting) == (
        "For a change you recently made or proposed, list three second-order effects…"
    )
    bracket = "In a practice system design, put two or three options side by side (a token bucket)"
    assert (
        title_cut(bracket) == "In a practice system design, put two or three options side by side…"
    )
    assert title_cut("Take your last project and write a one-page pre-mortem") == (
        "Take your last project and write a one-page pre-mortem"
    )


def test_a_self_assessment_is_called_one_and_a_debrief_a_debrief() -> None:
    pasted = ev(
        "data",
        Polarity.GAP,
        FeedbackSource.SELF,
        DAY,
        text="I am weaker at analysing data than at running teams.",
    )
    assert cite(pasted).startswith("Your self-assessment said in November 2026: “I am weaker")
    debriefed = replace(pasted, origin=EvidenceOrigin.DEBRIEF)
    assert cite(debriefed).startswith("Your own debrief said in November 2026:")
    mentor = replace(pasted, source=FeedbackSource.MENTOR)
    assert cite(mentor).startswith("Your mentor said in November 2026:")
