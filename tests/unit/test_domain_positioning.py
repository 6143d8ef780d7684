"""A "no" for experience or level leads to positioning actions that quote the record."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from nextround.domain.plan import build_plan
from nextround.domain.positioning import (
    ExperienceReason,
    experience_asked_for,
    is_about_experience,
    positioning_actions,
    quote_clauses,
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
    ((_, _, _, why), *_) = positioning_actions([reason])
    assert "said “They hired someone with more platform-migration experience”" in why
    assert "Rafael" not in why


HARBOR = ExperienceReason(
    "Looking for someone with more experience running large-scale Kubernetes platforms",
    "the decision at Harbor Health (10 Nov 2026)",
    "Harbor Health",
    "Senior Platform Engineer",
    date(2026, 11, 10),
)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "Looking for someone with more experience running large-scale Kubernetes platforms",
            "experience running large-scale Kubernetes platforms",
        ),
        (
            "the hiring manager decided to go with a candidate who has more experience "
            "operating Kubernetes platforms at scale.",
            "experience operating Kubernetes platforms at scale",
        ),
        (
            "They hired someone with more platform-migration experience.",
            "platform-migration experience",
        ),
        ("We went with more payments domain experience", "payments domain experience"),
        ("10 years of experience in fintech", "experience in fintech"),
    ],
)
def test_a_named_kind_of_experience_is_read_in_the_reasons_words(text, asked):
    assert experience_asked_for(text) == asked


@pytest.mark.parametrize(
    "text",
    [
        "Went with a candidate with prior PM experience",
        "In the end the team went with a candidate who already had PM experience in payments.",
        "We chose a more senior profile",
        "Not the right level for this role",
        "a candidate with more experience",
        "more relevant experience for the role",
        "more experience leading engineering teams",
        "more industry experience",
    ],
)
def test_a_role_a_level_or_no_kind_at_all_is_a_switch(text):
    assert experience_asked_for(text) is None


def test_a_named_kind_of_experience_asks_for_the_closest_one_in_numbers():
    actions = positioning_actions([HARBOR])
    assert [key for key, *_ in actions] == ["closest", "how-close", "stretch"]
    text = " ".join(f"{title} {detail}" for _, title, detail, _ in actions)
    assert "Put numbers on the experience closest to what they asked for" in text
    assert "They asked for experience running large-scale Kubernetes platforms." in text
    assert "pick the story that shows it best" in text
    assert "Say in your pitch how close your experience is" in text
    assert "Treat roles that require it as a stretch in Option A" in text
    # Nothing written for someone moving into a role they have not held.
    assert "another title" not in text and "a title you did not have" not in text
    assert "new role or domain" not in text
    why = actions[0][3]
    assert why.startswith("A rejection named a kind of experience, not a skill")


def test_a_kind_and_a_switch_on_record_each_get_their_own_actions():
    actions = positioning_actions([HARBOR, FINCH])
    assert [key for key, *_ in actions] == ["closest", "how-close", "stretch", "pitch", "why-now"]
    assert "Finch Bank" not in actions[0][3] and "Harbor Health" not in actions[3][3]


def test_a_long_reason_is_quoted_whole_when_it_fits():
    said = (
        "After careful consideration the hiring manager decided to go with a candidate who has "
        "more experience operating Kubernetes platforms at scale."
    )
    assert len(said) > 120  # the old cut, mid-phrase: "…more experience operating…"
    assert quote_clauses(said) == said
    reason = replace(HARBOR, text=said, where="feedback from the recruiter at Harbor Health")
    why = positioning_actions([reason])[0][3]
    assert "“After careful consideration" in why and "Kubernetes platforms at scale”" in why


def test_a_reason_too_long_to_quote_is_cut_at_a_clause_boundary():
    said = (
        "We were really impressed with how you approached the exercise, with the way you "
        "talked through the trade-offs, and with your questions for the panel, but in the end "
        "we decided to go with a candidate who has more experience running payments platforms "
        "at scale, which is what the team needs most this year, given the migration ahead."
    )
    quoted = quote_clauses(said, 120)
    assert quoted == (
        "…but in the end we decided to go with a candidate who has more experience running "
        "payments platforms at scale…"
    )
    # Cut only where a clause ends: never mid-phrase.
    longer = quote_clauses(said, 200)
    assert longer.startswith("…with the way you talked") and longer.endswith("at scale…")


def test_the_closest_experience_is_asked_for_in_words_any_field_uses():
    # QA10 F9: a ward manager was asked for "traffic … people on call" and "another platform".
    barts = ExperienceReason(
        "We went with a candidate with commercial, private-sector experience",
        "the decision at Barts Health NHS Trust (21 Oct 2026)",
        "Barts Health NHS Trust",
        "Operations Manager",
        date(2026, 10, 21),
    )
    actions = positioning_actions([barts])
    closest, how_close = (detail for key, _, detail, _ in actions if key != "stretch")
    assert "the scale in numbers (people, budget, volume, users or systems)" in closest
    assert "(a smaller scale, another setting, sector or platform)" in how_close
    text = closest + how_close
    assert "traffic" not in text and "on call" not in text
