"""Only reviewed statements are witnesses: spikes and recurring gaps that wait for a review."""

from __future__ import annotations

from nextround.domain.competency import Polarity
from nextround.domain.evidence import Evidence, weigh
from nextround.domain.feedback import FeedbackSource
from nextround.domain.patterns import GAP_RULE, REVIEW_RULE, SPIKE_RULE, patterns_of
from nextround.domain.profile import build_profile
from tests.unit.growth_fixtures import (
    FRAMEWORK,
    GAP,
    HIRING_MANAGER,
    INTERVIEWER,
    MENTOR,
    RECRUITER,
    STRENGTH,
    TODAY,
    ev,
    rating,
)

SYSTEMS = "systems-thinking"
STAKEHOLDERS = "stakeholder-management"


def _unreviewed(
    competency: str, polarity: Polarity, source: FeedbackSource, app: int | None, statement: int
) -> Evidence:
    """A statement the mapper read with 0.9 confidence, not reviewed yet."""
    return ev(
        competency, polarity, source, app=app, confirmed=False, confidence=0.9, origin_id=statement
    )


def test_a_gap_two_sources_speak_to_waits_for_review_until_two_are_reviewed() -> None:
    evidence = [
        ev(SYSTEMS, GAP, INTERVIEWER, app=1, origin_id=1),
        _unreviewed(SYSTEMS, GAP, RECRUITER, 2, statement=7),
        _unreviewed(SYSTEMS, GAP, RECRUITER, 2, statement=8),
        rating(SYSTEMS, 2, app=2),
    ]
    profile = build_profile(evidence, FRAMEWORK, TODAY)
    assert profile.recurring_gaps == [] and profile.early_gaps == []
    [waiting] = profile.gaps_awaiting_review
    assert [(s.application_id, s.reviewed) for s in waiting.outside_sources] == [
        (1, True),
        (2, False),
    ]
    assert len(waiting.witnesses) == 1 and waiting.own_view_agrees
    assert [w.evidence.origin_id for w in waiting.awaiting_review] == [7, 8]
    # The JSON keeps its keys; the competency says what waits and which statements decide it.
    data = profile.to_json()
    assert data["recurring_gaps"] == []
    systems = next(c for c in data["competencies"] if c["competency_id"] == SYSTEMS)
    assert systems["awaiting_review"] == [
        {
            "pattern": "recurring_gap",
            "reviewed_sources": 1,
            "unreviewed_sources": 1,
            "statements": [7, 8],
        }
    ]
    # Reviewing one of the recruiter's statements makes the recruiter a witness.
    evidence[1] = ev(SYSTEMS, GAP, RECRUITER, app=2, origin_id=7)
    profile = build_profile(evidence, FRAMEWORK, TODAY)
    [gap] = profile.recurring_gaps
    assert len(gap.witnesses) == 2 and gap.unreviewed_sources == ()
    assert profile.gaps_awaiting_review == []
    assert profile.to_json()["recurring_gaps"][0]["reviewed_sources"] == 2


def test_a_recurring_gap_counts_its_unreviewed_sources_apart() -> None:
    evidence = [
        ev(SYSTEMS, GAP, INTERVIEWER, app=1),
        ev(SYSTEMS, GAP, MENTOR),
        _unreviewed(SYSTEMS, GAP, HIRING_MANAGER, 3, statement=9),
    ]
    [gap] = build_profile(evidence, FRAMEWORK, TODAY).recurring_gaps
    assert len(gap.outside_sources) == 3
    assert len(gap.witnesses) == 2
    assert [(s.application_id, s.source) for s in gap.unreviewed_sources] == [(3, HIRING_MANAGER)]
    data = gap.to_json()
    assert (data["reviewed_sources"], data["unreviewed_sources"]) == (2, 1)
    assert [s["reviewed"] for s in data["sources"]] == [True, False, True]


def test_a_gap_heard_once_unreviewed_is_an_early_signal() -> None:
    profile = build_profile(
        [_unreviewed(SYSTEMS, GAP, RECRUITER, 1, statement=3)], FRAMEWORK, TODAY
    )
    [early] = profile.early_gaps
    assert early.witnesses == () and len(early.unreviewed_sources) == 1
    assert profile.gaps_awaiting_review == []


def _strong_unreviewed(apps: tuple[int, ...], per_app: int) -> list[Evidence]:
    return [
        _unreviewed(STAKEHOLDERS, STRENGTH, INTERVIEWER, app, statement=10 * app + i)
        for app in apps
        for i in range(per_app)
    ]


def test_a_strength_only_unreviewed_statements_show_is_a_spike_once_reviewed() -> None:
    # Six unreviewed interviewer strengths at 0.9 over two processes: 6 x 0.63 = 3.78, so
    # Beta(4.78, 1), cautious end 0.1 ** (1 / 4.78) = 0.618, above the line.
    evidence = _strong_unreviewed((1, 2), 3)
    profile = build_profile(evidence, FRAMEWORK, TODAY)
    assert profile.score_of(STAKEHOLDERS).low > 0.6  # type: ignore[union-attr]
    assert profile.spikes == []
    [near] = profile.near_spikes
    assert near.shortfall == (
        "its strength evidence comes from 2 independent sources other than you, but none in "
        "statements you have reviewed (a spike needs 2)"
    )
    assert near.why == f"reads as a strength but is not a spike yet: {near.shortfall}"
    assert [w.evidence.origin_id for w in near.awaiting_review] == [10, 11, 12, 20, 21, 22]
    stakeholders = next(
        c for c in profile.to_json()["competencies"] if c["competency_id"] == STAKEHOLDERS
    )
    assert stakeholders["awaiting_review"][0]["pattern"] == "spike"
    assert stakeholders["awaiting_review"][0]["reviewed_sources"] == 0
    # One process reviewed: one witness, and only the other process's statements wait.
    evidence[0] = ev(STAKEHOLDERS, STRENGTH, INTERVIEWER, app=1, origin_id=10)
    [near] = build_profile(evidence, FRAMEWORK, TODAY).near_spikes
    assert "but only 1 in statements you have reviewed" in near.shortfall
    assert {w.evidence.origin_id for w in near.awaiting_review} == {20, 21, 22}
    evidence[3] = ev(STAKEHOLDERS, STRENGTH, INTERVIEWER, app=2, origin_id=20)
    [spike] = build_profile(evidence, FRAMEWORK, TODAY).spikes
    assert (spike.sources, spike.unreviewed_sources) == (2, 0)


def test_review_is_not_offered_when_it_would_not_be_enough() -> None:
    # One process, however loud and unreviewed: reviewing it still leaves one source.
    profile = build_profile(_strong_unreviewed((1,), 6), FRAMEWORK, TODAY)
    [near] = profile.near_spikes
    assert near.shortfall.startswith("its strength evidence comes from 1 independent source ")
    assert near.awaiting_review == ()
    stakeholders = next(
        c for c in profile.to_json()["competencies"] if c["competency_id"] == STAKEHOLDERS
    )
    assert stakeholders["awaiting_review"] == []


def test_one_competencys_patterns_read_as_the_profile_reads_them() -> None:
    evidence = [
        *_strong_unreviewed((1, 2), 3),
        ev(SYSTEMS, GAP, INTERVIEWER, app=1),
        _unreviewed(SYSTEMS, GAP, RECRUITER, 2, statement=5),
    ]
    profile = build_profile(evidence, FRAMEWORK, TODAY)
    for competency in (STAKEHOLDERS, SYSTEMS):
        score = profile.score_of(competency)
        assert score is not None
        pieces = [weigh(e, TODAY) for e in evidence if e.competency_id == competency]
        patterns = patterns_of(score, pieces)
        assert patterns.near_spike == next(
            (n for n in profile.near_spikes if n.competency_id == competency), None
        )
        assert patterns.gap_awaiting_review == next(
            (g for g in profile.gaps_awaiting_review if g.competency_id == competency), None
        )
        assert patterns.spike is None and patterns.recurring_gap is None


def test_the_rules_in_words_say_a_witness_is_a_reviewed_statement() -> None:
    assert SPIKE_RULE.endswith("each in a statement you have reviewed")
    assert GAP_RULE.endswith("each in a statement you have reviewed")
    assert "makes no spike or recurring gap until you confirm it" in REVIEW_RULE


def test_a_competency_that_is_no_strength_yet_still_says_why_it_is_no_spike() -> None:
    # Two reviewed strength statements from two outside sources: thin evidence, not yet a
    # strength, so no near spike; the reading must still say which part of the rule fails.
    evidence = [
        ev(STAKEHOLDERS, STRENGTH, INTERVIEWER, app=1),
        ev(STAKEHOLDERS, STRENGTH, RECRUITER, app=2),
    ]
    profile = build_profile(evidence, FRAMEWORK, TODAY)
    score = profile.score_of(STAKEHOLDERS)
    assert score is not None and score.verdict != "strength" and not profile.spikes
    pieces = [weigh(e, TODAY) for e in evidence]
    patterns = patterns_of(score, pieces)
    assert patterns.near_spike is None
    assert patterns.not_a_spike is not None
    assert patterns.to_json()["not_a_spike_because"] == patterns.not_a_spike
    # Gap evidence alone says nothing of spikes: nothing to explain.
    gaps = [ev(SYSTEMS, GAP, INTERVIEWER, app=1)]
    gap_score = build_profile(gaps, FRAMEWORK, TODAY).score_of(SYSTEMS)
    assert gap_score is not None
    assert patterns_of(gap_score, [weigh(e, TODAY) for e in gaps]).not_a_spike is None
