"""The spike checklist: every condition of the spike rule, met or not, with its figures."""

from __future__ import annotations

import pytest

from nextround.domain.evidence import Evidence, weigh
from nextround.domain.patterns import (
    SPIKE_MIN_LOW,
    SPIKE_MIN_SOURCES,
    CompetencyPatterns,
    patterns_of,
)
from nextround.domain.profile import CompetencyScore, build_profile
from tests.unit.growth_fixtures import (
    FRAMEWORK,
    INTERVIEWER,
    RECRUITER,
    STRENGTH,
    TODAY,
    ev,
    rating,
)

STAKEHOLDERS = "stakeholder-management"


def _patterns(evidence: list[Evidence]) -> tuple[CompetencyScore, CompetencyPatterns]:
    score = build_profile(evidence, FRAMEWORK, TODAY).score_of(STAKEHOLDERS)
    assert score is not None
    return score, patterns_of(score, [weigh(e, TODAY) for e in evidence])


def test_every_condition_is_listed_with_its_figures_not_only_the_first_unmet() -> None:
    # One interviewer strength and your own 5/5: thin, one outside source, one reviewed.
    score, patterns = _patterns(
        [ev(STAKEHOLDERS, STRENGTH, INTERVIEWER, app=1), rating(STAKEHOLDERS, 5, app=1)]
    )
    cautious, sources, reviewed = patterns.spike_checklist
    assert [c.key for c in patterns.spike_checklist] == [
        "cautious_end",
        "outside_sources",
        "reviewed_sources",
    ]
    assert [c.met for c in patterns.spike_checklist] == [False, False, False]
    assert patterns.conditions_met == 0
    assert cautious.value == pytest.approx(score.low) and cautious.needed == SPIKE_MIN_LOW
    assert cautious.figures == (
        f"{score.low:.2f} (range {score.low:.2f}–{score.high:.2f}, "
        f"{score.high - score.low:.2f} wide: the evidence is still thin)"
    )
    assert (sources.value, sources.needed, sources.figures) == (1, SPIKE_MIN_SOURCES, "1")
    assert (reviewed.value, reviewed.figures) == (1, "1 reviewed")
    # The reason names every unmet part, not just the first one.
    assert patterns.not_a_spike == (
        f"its evidence is still thin, so its cautious end is {score.low:.2f} (a spike needs "
        "above 0.60); its strength evidence comes from 1 independent source other than you "
        "(a spike needs 2)"
    )


def test_a_strength_only_a_review_keeps_from_a_spike_meets_the_first_two() -> None:
    # Six strengths, three per process; one process unreviewed at 0.9 confidence.
    evidence = [
        *[ev(STAKEHOLDERS, STRENGTH, INTERVIEWER, app=1) for _ in range(3)],
        *[
            ev(STAKEHOLDERS, STRENGTH, RECRUITER, app=2, confirmed=False, confidence=0.9)
            for _ in range(3)
        ],
    ]
    score, patterns = _patterns(evidence)
    assert score.low > SPIKE_MIN_LOW and patterns.spike is None
    assert [c.met for c in patterns.spike_checklist] == [True, True, False]
    assert patterns.conditions_met == 2
    assert patterns.spike_checklist[2].figures == "1 reviewed, and 1 more not reviewed yet"
    assert patterns.not_a_spike == (
        "its strength evidence comes from 2 independent sources other than you, but only 1 in "
        "statements you have reviewed (a spike needs 2)"
    )


def test_only_your_own_ratings_is_said_so() -> None:
    _, patterns = _patterns([rating(STAKEHOLDERS, 5, app=a) for a in range(1, 30)])
    sources = patterns.spike_checklist[1]
    assert not sources.met and sources.figures == "0: only your own ratings show it"
    assert patterns.spike_checklist[0].met  # sure enough: only the witnesses are missing
    assert patterns.not_a_spike == (
        "only your own ratings show it (a spike needs 2 independent sources other than you)"
    )


def test_a_spike_meets_every_condition_and_the_json_lists_them() -> None:
    evidence = [ev(STAKEHOLDERS, STRENGTH, INTERVIEWER, app=a) for a in (1, 1, 2, 2, 2)]
    _, patterns = _patterns(evidence)
    assert patterns.spike is not None and patterns.not_a_spike is None
    assert all(c.met for c in patterns.spike_checklist)
    listed = patterns.to_json()["spike_checklist"]
    assert [(c["condition"], c["met"], c["value"], c["needed"]) for c in listed] == [
        ("cautious_end", True, round(patterns.spike.score.low, 4), 0.6),
        ("outside_sources", True, 2, 2),
        ("reviewed_sources", True, 2, 2),
    ]
    assert listed[0]["rule"] == "the cautious end of its 80% range above 0.60"
