"""A "no" for experience or level leads to positioning actions that quote the record."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.domain.plan import build_plan
from nextround.domain.positioning import (
    ExperienceReason,
    is_about_experience,
    positioning_actions,
)
from nextround.domain.profile import build_profile
from tests.unit.growth_fixtures import FRAMEWORK, TODAY

FINCH = ExperienceReason(
    "Went with a candidate with prior PM experience",
    "the decision at Finch Bank (24 Oct 2026)",
    "Finch Bank",
    "Product Manager, Payments",
    date(2026, 10, 24),
)


@pytest.mark.parametrize(
    "text",
    [
        "Went with a candidate with prior PM experience",
        "In the end the team went with a candidate who already had PM experience in payments.",
        "We chose a more senior profile",
        "They hired someone with a payments background",
        "Not the right level for this role",
    ],
)
def test_reasons_about_experience_level_or_background_are_recognised(text):
    assert is_about_experience(text)


@pytest.mark.parametrize(
    "text",
    [
        "Case lacked prioritisation and a clear recommendation",
        "Your stakeholder answers were thin",
        "We felt other candidates were a closer fit for what we need right now.",
    ],
)
def test_reasons_about_a_skill_or_nothing_in_particular_are_not(text):
    assert not is_about_experience(text)


def test_positioning_quotes_the_reason_and_where_it_was_said():
    actions = positioning_actions([FINCH])
    assert [key for key, *_ in actions] == ["pitch", "why-now"]
    (_, pitch, detail, why), (_, why_now, _, _) = actions
    assert pitch == "Write a pitch story that maps your past work onto the role"
    assert why_now == "Prepare your “why this role, why now” answer"
    assert "Product Manager, Payments at Finch Bank" in detail
    assert (
        "the decision at Finch Bank (24 Oct 2026) said “Went with a candidate with prior PM "
        "experience”" in why
    )


def test_without_a_reason_about_experience_nothing_is_suggested():
    assert positioning_actions([]) == []


def test_the_plan_holds_the_positioning_while_the_reason_is_on_record():
    profile = build_profile([], FRAMEWORK, TODAY)
    plan = build_plan(profile, FRAMEWORK, [], [], TODAY, [FINCH])
    assert [a.id for a in plan] == ["position:experience:pitch", "position:experience:why-now"]
    assert all(a.kind == "position" and a.competency_id is None for a in plan)
    # The reason gone (the decision reopened, the reason edited), open ones leave the plan.
    assert build_plan(profile, FRAMEWORK, [], plan, TODAY) == []


def test_the_reason_is_quoted_without_the_notes_written_after_it():
    reason = ExperienceReason(
        "They hired someone with more platform-migration experience. Asked Rafael for a "
        "feedback call.",
        "the decision at Orbitra Freight (29 Apr 2026)",
        "Orbitra Freight",
        "TPM",
        date(2026, 4, 29),
    )
    ((_, _, _, why), _) = positioning_actions([reason])
    assert "said “They hired someone with more platform-migration experience”" in why
    assert "Rafael" not in why
