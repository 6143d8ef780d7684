"""The profile maths: weights, Beta scores, spikes, recurring gaps, calibration, trend, explain."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import beta as beta_dist

from nextround.domain.calibration import CalibrationKind
from nextround.domain.evidence import SOURCE_WEIGHTS, Evidence, EvidenceOrigin, weigh
from nextround.domain.profile import (
    build_profile,
    explain_competency,
    quarter_end,
    quarter_label,
)
from nextround.errors import DomainError, NotFoundError
from tests.unit.growth_fixtures import (
    COMMUNICATION,
    FRAMEWORK,
    GAP,
    HIRING_MANAGER,
    INTERVIEWER,
    MANAGER_REVIEW,
    MENTOR,
    NEUTRAL,
    PEER,
    RECRUITER,
    RISK,
    SELF,
    STAKEHOLDERS,
    STRENGTH,
    SYSTEMS,
    TODAY,
    ev,
    rating,
)

# ---------------------------------------------------------------- the hand-computed example
# today = 2026-01-01, half-life 365 days. Five pieces of evidence about risk management:
#
#   piece                                   source  recency            confirm.        weight
#   1 interviewer gap, 2026-01-01, conf.    1.0  x  0.5**(0/365)=1  x  1           =  1.0
#   2 recruiter gap, 2025-01-01, conf.      0.9  x  0.5**(365/365)  x  1           =  0.45
#   3 hiring-manager strength, today, conf. 1.0  x  1               x  1           =  1.0
#   4 mentor strength, today, UNconfirmed,  0.6  x  1               x  0.7 x 0.8   =  0.336
#     mapper confidence 0.8
#   5 self-rating 2/5 on 2024-01-02         0.3  x  0.5**(730/365)  x  1           =  0.075
#     (730 days = two half-lives -> 0.25); a 2 reads as strength share (2-1)/4 = 0.25,
#     so 0.25 x 0.075 = 0.01875 goes to alpha and 0.75 x 0.075 = 0.05625 to beta.
#   6 interviewer NEUTRAL mention, today    1.0  x  1               x  1           =  1.0
#     (amount of evidence only: nothing to alpha or beta)
#
#   alpha = 1 (prior) + 1.0 + 0.336 + 0.01875          = 2.35475
#   beta  = 1 (prior) + 1.0 + 0.45  + 0.05625          = 2.50625
#   mean  = 2.35475 / (2.35475 + 2.50625) = 2.35475 / 4.861 = 0.484417
#   evidence weight = 1.0 + 0.45 + 1.0 + 0.336 + 0.075 + 1.0 = 3.861 (six pieces)
#   scored weight   = 3.861 - 1.0 (neutral) = 2.861  >= 2 (prior's weight) -> not thin
#   80% interval = Beta(2.35475, 2.50625) quantiles 0.1 and 0.9 = 0.2074, 0.7650
HAND_EXAMPLE = [
    ev("risk-management", GAP, INTERVIEWER, date(2026, 1, 1), app=1),
    ev("risk-management", GAP, RECRUITER, date(2025, 1, 1), app=2),
    ev("risk-management", STRENGTH, HIRING_MANAGER, date(2026, 1, 1), app=3),
    ev("risk-management", STRENGTH, MENTOR, date(2026, 1, 1), confirmed=False, confidence=0.8),
    rating("risk-management", 2, date(2024, 1, 2), app=4),
    ev("risk-management", NEUTRAL, INTERVIEWER, date(2026, 1, 1), app=1),
]


def test_hand_computed_example() -> None:
    profile = build_profile(HAND_EXAMPLE, FRAMEWORK, TODAY)
    risk = profile.score_of("risk-management")
    assert risk is not None
    assert risk.alpha == pytest.approx(2.35475)
    assert risk.beta == pytest.approx(2.50625)
    assert risk.mean == pytest.approx(2.35475 / 4.861)
    assert risk.mean == pytest.approx(0.484417, abs=1e-6)
    assert risk.evidence_count == 6
    assert risk.evidence_weight == pytest.approx(3.861)
    assert risk.scored_weight == pytest.approx(2.861)
    assert risk.strength_weight == pytest.approx(1.35475)
    assert risk.gap_weight == pytest.approx(1.50625)
    assert not risk.thin
    assert risk.verdict == "mixed"
    assert risk.low == pytest.approx(0.2074, abs=1e-4)
    assert risk.high == pytest.approx(0.7650, abs=1e-4)
    assert (risk.low, risk.high) == pytest.approx(
        tuple(beta_dist.ppf([0.1, 0.9], 2.35475, 2.50625)), abs=1e-12
    )


def _reading(evidence: list[Evidence]) -> tuple[str, float, float]:
    score = build_profile(evidence, FRAMEWORK, TODAY).score_of("risk-management")
    assert score is not None
    return score.verdict, score.low, score.high


def test_gaps_only_never_read_as_mixed_when_the_interval_crosses_the_middle() -> None:
    # The finding: two gaps and two 2/5 self-ratings read "mixed", which people take as
    # "some said good, some said bad". Nobody did; the evidence leans one way.
    heard = [
        ev("risk-management", GAP, RECRUITER, app=1),
        ev("risk-management", GAP, PEER),
        rating("risk-management", 2, app=1),
        rating("risk-management", 2, app=2),
    ]
    verdict, low, high = _reading(heard)
    assert low < 0.5 < high  # not sure enough for "gap"
    assert verdict == "leaning gap"


def test_strengths_only_with_a_wide_interval_lean_towards_strength() -> None:
    verdict, low, high = _reading(
        [
            ev("risk-management", STRENGTH, PEER),
            ev("risk-management", STRENGTH, RECRUITER, app=1),
            rating("risk-management", 4, app=1),
            rating("risk-management", 4, app=2),
        ]
    )
    assert low < 0.5 < high and verdict == "leaning strength"


def test_evidence_both_ways_reads_mixed_and_a_stray_piece_does_not() -> None:
    both = [
        ev("risk-management", GAP, INTERVIEWER, app=1),
        ev("risk-management", STRENGTH, INTERVIEWER, app=2),
    ]
    assert _reading(both)[0] == "mixed"
    # One light unconfirmed guess against two interviewer gaps is noise, not a second
    # side: its 0.6 x 0.7 x 0.5 = 0.21 is under a quarter of the scored weight.
    stray = [
        *(ev("risk-management", GAP, INTERVIEWER, app=n) for n in (1, 2)),
        ev("risk-management", STRENGTH, PEER, app=3, confirmed=False, confidence=0.5),
    ]
    verdict, low, high = _reading(stray)
    assert low < 0.5 < high and verdict == "leaning gap"


def test_neutral_evidence_alone_reads_uncertain() -> None:
    assert _reading([rating("risk-management", 3, app=n) for n in range(8)])[0] == "uncertain"


def test_interval_matches_the_closed_form() -> None:
    # Two fresh confirmed interviewer strengths: Beta(3, 1), whose CDF is x**3, so the
    # quantile q is q**(1/3): 0.1**(1/3) = 0.46416 and 0.9**(1/3) = 0.96549.
    profile = build_profile(
        [ev("communication", STRENGTH, INTERVIEWER, app=1)] * 2, FRAMEWORK, TODAY
    )
    comm = profile.score_of("communication")
    assert comm is not None
    assert (comm.alpha, comm.beta) == (3.0, 1.0)
    assert comm.mean == pytest.approx(0.75)
    assert comm.low == pytest.approx(0.1 ** (1 / 3))
    assert comm.high == pytest.approx(0.9 ** (1 / 3))


# ------------------------------------------------------------------------------ the weights
def test_source_weights_follow_the_brief_order() -> None:
    w = SOURCE_WEIGHTS
    top = min(w[INTERVIEWER], w[RECRUITER], w[HIRING_MANAGER])
    assert top > w[MANAGER_REVIEW] > max(w[MENTOR], w[PEER])
    assert min(w[MENTOR], w[PEER]) > w[SELF]
    assert w[INTERVIEWER] == w[HIRING_MANAGER] == 1.0


def test_recency_halves_every_half_life() -> None:
    piece = ev("risk-management", GAP, INTERVIEWER, date(2025, 1, 1))
    assert weigh(piece, date(2025, 1, 1)).recency == 1.0
    assert weigh(piece, date(2026, 1, 1)).recency == pytest.approx(0.5)
    assert weigh(piece, date(2026, 1, 1), half_life_days=73).recency == pytest.approx(0.5**5)


def test_confirming_always_counts_more() -> None:
    sure_guess = ev("risk-management", GAP, INTERVIEWER, confirmed=False, confidence=1.0)
    confirmed = ev("risk-management", GAP, INTERVIEWER, confirmed=True, confidence=0.4)
    assert weigh(sure_guess, TODAY).weight == pytest.approx(0.7)
    assert weigh(confirmed, TODAY).weight == 1.0


def test_weighing_refuses_a_bad_half_life_or_future_evidence() -> None:
    piece = ev("risk-management", GAP, INTERVIEWER, date(2026, 2, 1))
    with pytest.raises(DomainError, match="after 2026-01-01"):
        weigh(piece, TODAY)
    with pytest.raises(DomainError, match="half-life"):
        weigh(piece, date(2026, 3, 1), half_life_days=0)


@pytest.mark.parametrize(
    ("value", "polarity", "share"),
    [(1, GAP, 0.0), (2, GAP, 0.25), (3, NEUTRAL, 0.5), (4, STRENGTH, 0.75), (5, STRENGTH, 1.0)],
)
def test_self_ratings_become_graded_self_evidence(
    value: int, polarity: object, share: float
) -> None:
    piece = rating("systems-thinking", value)
    assert piece.source is SELF
    assert piece.polarity is polarity
    assert piece.strength_share == share
    assert piece.confirmed
    assert piece.origin == EvidenceOrigin.SELF_RATING
    assert not piece.is_external


def test_evidence_refuses_inconsistent_values() -> None:
    with pytest.raises(DomainError, match="1 to 5"):
        rating("systems-thinking", 6)
    with pytest.raises(DomainError, match="source self"):
        Evidence("x", STRENGTH, INTERVIEWER, TODAY, self_rating=4)
    with pytest.raises(DomainError, match="reads as strength"):
        Evidence("x", GAP, SELF, TODAY, self_rating=4)
    with pytest.raises(DomainError, match="confidence"):
        Evidence("x", GAP, INTERVIEWER, TODAY, confidence=1.5)


# ------------------------------------------------------------------------- honest about thin
def test_no_evidence_is_said_plainly() -> None:
    profile = build_profile([], FRAMEWORK, TODAY)
    assert [s.competency_id for s in profile.competencies] == [c.id for c in FRAMEWORK.competencies]
    for s in profile.competencies:
        assert s.evidence_count == 0
        assert s.thin
        assert s.verdict == "no evidence yet"
        assert s.mean == 0.5
    assert profile.spikes == [] and profile.recurring_gaps == [] and profile.trend == []


def test_thin_until_the_evidence_outweighs_the_prior() -> None:
    one = build_profile([ev("communication", STRENGTH, INTERVIEWER)], FRAMEWORK, TODAY)
    assert one.score_of("communication").thin  # type: ignore[union-attr]
    assert one.score_of("communication").verdict == "thin evidence"  # type: ignore[union-attr]
    # Neutral mentions add to the amount of evidence but not to its certainty.
    mentions = build_profile(
        [ev("communication", NEUTRAL, INTERVIEWER)] * 5, FRAMEWORK, TODAY
    ).score_of("communication")
    assert mentions is not None and mentions.evidence_weight == 5.0 and mentions.thin
    two = build_profile([ev("communication", STRENGTH, INTERVIEWER)] * 2, FRAMEWORK, TODAY)
    assert not two.score_of("communication").thin  # type: ignore[union-attr]


def test_out_of_framework_and_future_evidence_are_left_out() -> None:
    profile = build_profile(
        [
            ev("negotiation", GAP, INTERVIEWER),
            ev("communication", GAP, INTERVIEWER, date(2026, 6, 1)),
        ],
        FRAMEWORK,
        TODAY,
    )
    assert all(s.evidence_count == 0 for s in profile.competencies)


# ---------------------------------------------------------------------------------- spikes
def _strong(competency_id: str, n: int, apps: tuple[int, ...]) -> list[Evidence]:
    return [ev(competency_id, STRENGTH, INTERVIEWER, app=apps[i % len(apps)]) for i in range(n)]


def test_a_spike_needs_a_sure_strength_from_independent_sources() -> None:
    # Five fresh interviewer strengths over two applications: Beta(6, 1), low = 0.1**(1/6)
    # = 0.681 > 0.6. Four in one application plus a peer: Beta(5.6, 1), low = 0.663.
    evidence = [
        *_strong("stakeholder-management", 5, (1, 2)),
        *_strong("communication", 4, (1,)),
        ev("communication", STRENGTH, PEER),
    ]
    profile = build_profile(evidence, FRAMEWORK, TODAY)
    assert [s.competency_id for s in profile.spikes] == ["stakeholder-management", "communication"]
    top = profile.spikes[0]
    assert top.score.low == pytest.approx(0.1 ** (1 / 6))
    assert top.sources == 2
    assert len(top.evidence) == 5


def test_your_own_rating_is_no_second_source_for_a_spike() -> None:
    evidence = [
        *_strong("stakeholder-management", 6, (1,)),  # one outside source, however loud
        *[rating("stakeholder-management", 5, app=a) for a in range(2, 5)],  # and you agree
    ]
    profile = build_profile(evidence, FRAMEWORK, TODAY)
    assert profile.score_of("stakeholder-management").low > 0.6  # type: ignore[union-attr]
    assert profile.spikes == []
    (near,) = profile.near_spikes
    assert near.shortfall.startswith("its strength evidence comes from 1 independent source")


def test_no_spike_from_one_source_or_from_self_alone_or_from_guesses() -> None:
    evidence = [
        *_strong("stakeholder-management", 6, (1,)),  # one source, however loud
        *[rating("communication", 5, app=a) for a in range(1, 30)],  # only the person
        *[  # machine guesses under the pattern threshold
            ev("risk-management", STRENGTH, INTERVIEWER, app=a, confirmed=False, confidence=0.4)
            for a in range(1, 30)
        ],
    ]
    profile = build_profile(evidence, FRAMEWORK, TODAY)
    assert profile.score_of("stakeholder-management").low > 0.6  # type: ignore[union-attr]
    assert profile.score_of("communication").low > 0.6  # type: ignore[union-attr]
    assert profile.score_of("risk-management").low > 0.6  # type: ignore[union-attr]
    assert profile.spikes == []
    # Each reads as a strength, so each says which part of the rule it misses.
    assert {n.competency_id: n.shortfall for n in profile.near_spikes} == {
        "stakeholder-management": (
            "its strength evidence comes from 1 independent source other than you (a spike needs 2)"
        ),
        "communication": (
            "only your own ratings show it (a spike needs 2 independent sources other than you)"
        ),
        "risk-management": (
            "its strength evidence comes from 0 independent sources other than you "
            "(a spike needs 2)"
        ),
    }


def test_a_strength_below_the_spike_line_says_how_far_below() -> None:
    # Two interviewer strengths in two applications: Beta(3, 1), low 0.1 ** (1/3) = 0.464:
    # not even "strength", yet a likely spike: two reviewed witnesses, only the cautious end
    # short, and two more such statements (Beta(5, 1), low 0.631) would make it a spike.
    # Three: Beta(4, 1), low 0.562: a strength, and one more would do.
    [two] = build_profile(_strong("communication", 2, (1, 2)), FRAMEWORK, TODAY).near_spikes
    assert two.score.verdict == "leaning strength" and two.likely and two.more_needed == 2
    profile = build_profile(_strong("communication", 3, (1, 2)), FRAMEWORK, TODAY)
    [near] = profile.near_spikes
    assert near.score.verdict == "strength" and profile.spikes == []
    assert near.shortfall == "its cautious end is 0.56 (a spike needs above 0.60)"
    assert near.likely and near.more_needed == 1
    assert near.to_confirm.startswith("one more reviewed strength statement from an interviewer")


def test_the_spike_rule_in_words_is_made_from_the_constants(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from nextround.domain import patterns

    assert "above 0.60" in patterns.SPIKE_RULE and "at least 2 independent" in patterns.SPIKE_RULE
    monkeypatch.setattr(patterns, "SPIKE_MIN_LOW", 0.7)
    profile = build_profile(_strong("communication", 5, (1, 2)), FRAMEWORK, TODAY)
    assert profile.spikes == []  # Beta(6, 1): low 0.681, under the moved line
    assert profile.near_spikes[0].shortfall.endswith("(a spike needs above 0.70)")


def test_a_strength_that_is_not_sure_is_no_spike() -> None:
    evidence = [*_strong("communication", 3, (1, 2)), ev("communication", GAP, INTERVIEWER, app=3)]
    profile = build_profile(evidence, FRAMEWORK, TODAY)  # Beta(4, 2): low = 0.41
    assert profile.spikes == []


# ------------------------------------------------------------------------- recurring gaps
def _gap_ids(evidence: list[Evidence]) -> list[str]:
    return [g.competency_id for g in build_profile(evidence, FRAMEWORK, TODAY).recurring_gaps]


def test_gaps_from_two_applications_recur() -> None:
    assert _gap_ids(
        [
            ev("systems-thinking", GAP, INTERVIEWER, app=1),
            ev("systems-thinking", GAP, INTERVIEWER, app=2),
        ]
    ) == ["systems-thinking"]


def test_gaps_from_two_kinds_of_source_recur() -> None:
    assert _gap_ids(
        [ev("systems-thinking", GAP, RECRUITER, app=1), ev("systems-thinking", GAP, MENTOR)]
    ) == ["systems-thinking"]


def test_the_persons_own_view_never_makes_one_of_the_two_sources() -> None:
    # The finding this guards: one unconfirmed recruiter sentence plus the person's own
    # self-rating of the same interview read as "seen by two independent sources".
    recruiter = ev("stakeholder-management", GAP, RECRUITER, app=1, confirmed=False)
    profile = build_profile(
        [recruiter, rating("stakeholder-management", 2, app=1)], FRAMEWORK, TODAY
    )
    assert profile.recurring_gaps == []
    [early] = profile.early_gaps
    assert len(early.outside_sources) == 1 and early.own_view_agrees
    assert early.own_view == "your own view agrees"
    # Nor do self-ratings from several applications add up to a second witness.
    assert (
        _gap_ids(
            [
                ev("systems-thinking", GAP, INTERVIEWER, app=1),
                rating("systems-thinking", 1, app=2),
                rating("systems-thinking", 2, app=3),
            ]
        )
        == []
    )


def test_same_application_and_kind_is_one_source() -> None:
    assert _gap_ids([ev("systems-thinking", GAP, INTERVIEWER, app=1)] * 4) == []
    # Two mentor notes outside any application: most likely the same mentor.
    assert (
        _gap_ids(
            [
                ev("systems-thinking", GAP, MENTOR, date(2025, 3, 1)),
                ev("systems-thinking", GAP, MENTOR),
            ]
        )
        == []
    )


def test_mappings_nobody_reviewed_do_not_make_a_gap_recur() -> None:
    guess = ev("systems-thinking", GAP, INTERVIEWER, app=2, confirmed=False, confidence=0.3)
    sure = ev("systems-thinking", GAP, INTERVIEWER, app=2, confirmed=False, confidence=0.9)
    reviewed = ev("systems-thinking", GAP, INTERVIEWER, app=2, confidence=0.3)
    first = ev("systems-thinking", GAP, INTERVIEWER, app=1)
    assert _gap_ids([first, guess]) == []
    # However sure the mapper is, the second witness is its guess until the person reviews it.
    assert _gap_ids([first, sure]) == []
    assert _gap_ids([first, reviewed]) == ["systems-thinking"]


def test_a_recurring_gap_lists_its_sources_and_evidence_loudest_first() -> None:
    evidence = [
        ev("risk-management", GAP, INTERVIEWER, app=1, text="drew only the happy path"),
        ev("risk-management", GAP, INTERVIEWER, app=1, text="no triggers or owners"),
        ev(
            "risk-management", GAP, MENTOR, date(2025, 1, 1), text="never heard what could go wrong"
        ),
        rating("risk-management", 2, app=1),
        ev("systems-thinking", GAP, RECRUITER, app=1),
        ev("systems-thinking", GAP, RECRUITER, app=2),
        ev("risk-management", STRENGTH, PEER, text="ran a pre-mortem"),
    ]
    gaps = build_profile(evidence, FRAMEWORK, TODAY).recurring_gaps
    assert [g.competency_id for g in gaps] == ["risk-management", "systems-thinking"]
    risk = gaps[0]
    assert [(s.application_id, s.source, s.pieces) for s in risk.sources] == [
        (1, INTERVIEWER, 2),
        (1, SELF, 1),
        (None, MENTOR, 1),
    ]
    assert not risk.self_only and risk.own_view == "your own view agrees"
    assert [(s.application_id, s.source) for s in risk.outside_sources] == [
        (1, INTERVIEWER),
        (None, MENTOR),
    ]
    assert gaps[1].own_view == ""  # two recruiters: nobody's own view
    # Gap evidence only, heaviest first: two interviewer statements (1.0 each), the mentor's
    # year-old note (0.6 x 0.5 = 0.3), then the self-rating (0.3 x 0.75 of its 0.3 weight).
    assert [w.evidence.text for w in risk.evidence][2:] == [
        "never heard what could go wrong",
        "Self-rating 2/5",
    ]
    assert risk.gap_weight == pytest.approx(1.0 + 1.0 + 0.3 + 0.225)
    assert risk.latest_on == TODAY


def test_a_gap_heard_once_from_someone_else_is_an_early_signal_only() -> None:
    profile = build_profile(
        [
            ev("risk-management", GAP, INTERVIEWER, app=1),
            ev("risk-management", GAP, INTERVIEWER, app=1),  # the same source again
            ev("systems-thinking", GAP, RECRUITER, app=1),
            ev("systems-thinking", GAP, RECRUITER, app=2),  # recurring: not early
            rating("communication", 1, app=1),  # only the person: not a signal
            ev("stakeholder-management", STRENGTH, INTERVIEWER, app=1),
        ],
        FRAMEWORK,
        TODAY,
    )
    assert [g.competency_id for g in profile.recurring_gaps] == ["systems-thinking"]
    assert [g.competency_id for g in profile.early_gaps] == ["risk-management"]
    early = profile.early_gaps[0]
    assert [(s.application_id, s.source, s.pieces) for s in early.sources] == [(1, INTERVIEWER, 2)]
    # The JSON keeps its five documented keys.
    assert "early_gaps" not in profile.to_json()


def test_a_gap_only_the_person_sees_is_no_pattern_at_all() -> None:
    profile = build_profile(
        [rating("systems-thinking", 1, app=1), rating("systems-thinking", 2, app=2)],
        FRAMEWORK,
        TODAY,
    )
    assert profile.recurring_gaps == [] and profile.early_gaps == []


# ---------------------------------------------------------------------------- calibration
def test_calibration_finds_blind_spots_hidden_strengths_and_agreement() -> None:
    evidence = [
        # Risk: self 5 -> 1.0; others two gaps -> Beta(1, 3), mean 0.25; difference +0.75.
        rating("risk-management", 5),
        ev("risk-management", GAP, INTERVIEWER, app=1),
        ev("risk-management", GAP, HIRING_MANAGER, app=1),
        # Stakeholders: self 1 -> 0.0; others two strengths -> Beta(3, 1), 0.75; -0.75.
        rating("stakeholder-management", 1),
        ev("stakeholder-management", STRENGTH, INTERVIEWER, app=1),
        ev("stakeholder-management", STRENGTH, INTERVIEWER, app=2),
        # Communication: self 4 -> 0.75; others Beta(3, 1) -> 0.75; difference 0.
        rating("communication", 4),
        ev("communication", STRENGTH, INTERVIEWER, app=1),
        ev("communication", STRENGTH, HIRING_MANAGER, app=1),
        # Systems: self-view only, nothing external -> not compared.
        rating("systems-thinking", 2),
    ]
    cal = build_profile(evidence, FRAMEWORK, TODAY).calibration
    kinds = {i.competency_id: i.kind for i in cal.items}
    assert kinds == {
        "risk-management": CalibrationKind.BLIND_SPOT,
        "stakeholder-management": CalibrationKind.HIDDEN_STRENGTH,
        "communication": CalibrationKind.AGREEMENT,
    }
    diffs = {i.competency_id: i.difference for i in cal.items}
    assert diffs == pytest.approx(
        {"risk-management": 0.75, "stakeholder-management": -0.75, "communication": 0.0}
    )
    # Agreement = 1 - mean(|0.75|, |-0.75|, |0|) = 1 - 0.5 = 0.5.
    assert cal.agreement == pytest.approx(0.5)
    assert cal.mean_difference == pytest.approx(0.5)
    assert cal.mean_difference_points == pytest.approx(2.0)  # two rating points
    assert cal.agreement_percent == 50
    assert [i.competency_id for i in cal.agreed] == ["communication"]
    data = cal.to_json()
    assert data["mean_difference"] == 0.5 and data["agreed"] == ["communication"]
    assert cal.correlation is None  # three points are too few
    assert [i.competency_id for i in cal.blind_spots] == ["risk-management"]
    assert [i.competency_id for i in cal.hidden_strengths] == ["stakeholder-management"]


def test_calibration_self_view_is_recency_weighted() -> None:
    # Self 2 two half-lives ago (weight 0.3 x 0.25), then 4 today (weight 0.3):
    # (0.075 x 0.25 + 0.3 x 0.75) / 0.375 = 0.65.
    evidence = [
        rating("systems-thinking", 2, date(2024, 1, 2)),
        rating("systems-thinking", 4),
        ev("systems-thinking", STRENGTH, INTERVIEWER, app=1),
    ]
    (item,) = build_profile(evidence, FRAMEWORK, TODAY).calibration.items
    assert item.self_score == pytest.approx(0.65)
    assert item.others.mean == pytest.approx(2 / 3)
    assert item.kind is CalibrationKind.AGREEMENT


def test_calibration_correlation_once_there_are_enough_points() -> None:
    comps = [RISK, SYSTEMS, STAKEHOLDERS, COMMUNICATION]
    evidence = []
    for i, c in enumerate(comps):
        evidence.append(rating(c.id, i + 1))
        evidence += [ev(c.id, STRENGTH, INTERVIEWER, app=1)] * i
        evidence += [ev(c.id, GAP, INTERVIEWER, app=1)] * (3 - i)
    assert build_profile(evidence, FRAMEWORK, TODAY).calibration.correlation is None
    from nextround.domain.competency import Competency, Framework

    extra = Competency(id="extra", name="Extra", description="d")
    bigger = Framework(id="b", name="B", competencies=(*comps, extra))
    evidence += [rating("extra", 5), *[ev("extra", STRENGTH, INTERVIEWER, app=1)] * 4]
    cal = build_profile(evidence, bigger, TODAY).calibration
    assert cal.correlation is not None and cal.correlation > 0.95


# ---------------------------------------------------------------------------------- trend
def test_quarters() -> None:
    assert quarter_label(date(2025, 5, 14)) == "2025Q2"
    assert quarter_end(date(2025, 5, 14)) == date(2025, 6, 30)
    assert quarter_end(date(2025, 11, 1)) == date(2025, 12, 31)
    assert quarter_end(date(2024, 2, 29)) == date(2024, 3, 31)


def test_trend_is_cumulative_per_quarter_and_moves_only_where_evidence_arrived() -> None:
    today = date(2025, 11, 15)
    evidence = [
        ev("risk-management", GAP, INTERVIEWER, date(2025, 2, 10), app=1),
        ev("risk-management", STRENGTH, INTERVIEWER, date(2025, 8, 1), app=2),
        ev("risk-management", GAP, PEER, date(2025, 10, 1)),
        ev("communication", STRENGTH, PEER, date(2025, 9, 30)),
    ]
    profile = build_profile(evidence, FRAMEWORK, today)
    series = {t.competency_id: t for t in profile.trend}
    assert set(series) == {"risk-management", "communication"}
    risk = series["risk-management"].points
    assert [p.quarter for p in risk] == ["2025Q1", "2025Q2", "2025Q3", "2025Q4"]
    assert [p.as_of for p in risk] == [
        date(2025, 3, 31),
        date(2025, 6, 30),
        date(2025, 9, 30),
        today,
    ]
    assert [(p.new_evidence, p.carried_forward) for p in risk] == [
        (1, False),
        (0, True),
        (1, False),
        (1, False),
    ]
    # Q1: the gap alone, 49 days old at 2025-03-31: beta = 1 + 0.5**(49/365).
    assert risk[0].score.beta == pytest.approx(1 + 0.5 ** (49 / 365))
    assert risk[0].score.alpha == 1.0
    # Q2: nothing new. Measured afresh the faded gap would read as improvement (the finding:
    # 0.28 -> 0.30 with no evidence); carried forward, the score stands still.
    assert risk[1].score == risk[0].score
    # Q3 adds the strength; the last point, with new evidence, is today's profile score.
    assert risk[2].score.alpha > 1.0
    assert risk[3].score == profile.score_of("risk-management")
    # A competency's series starts at its first evidence. Its quiet current quarter is not
    # carried forward: the trend ends on today's profile score, marked as moved by fading
    # alone (the peer's strength, 47 days older now, counts for less).
    communication = series["communication"].points
    assert [p.quarter for p in communication] == ["2025Q3", "2025Q4"]
    assert [(p.new_evidence, p.carried_forward, p.faded) for p in communication] == [
        (1, False, False),
        (0, False, True),
    ]
    assert communication[1].score == profile.score_of("communication")
    assert communication[1].score.mean < communication[0].score.mean
    last = profile.to_json()["trend"][1]["points"][1]
    assert (last["as_of"], last["faded"], last["carried_forward"]) == ("2025-11-15", True, False)


# -------------------------------------------------------------------------------- explain
def test_explain_reproduces_the_profile_numbers() -> None:
    profile = build_profile(HAND_EXAMPLE, FRAMEWORK, TODAY)
    explanation = explain_competency(HAND_EXAMPLE, FRAMEWORK, "risk-management", TODAY)
    pieces = explanation.pieces
    weights = [w.weight for w in pieces]
    assert weights == sorted(weights, reverse=True)
    assert weights == pytest.approx([1.0, 1.0, 1.0, 0.45, 0.336, 0.075])
    for w in pieces:
        assert w.weight == pytest.approx(w.source_weight * w.recency * w.confirmation)
    alpha = explanation.prior_alpha + sum(w.to_alpha for w in pieces)
    beta = explanation.prior_beta + sum(w.to_beta for w in pieces)
    score = profile.score_of("risk-management")
    assert score is not None
    assert (alpha, beta) == pytest.approx((score.alpha, score.beta))
    assert alpha / (alpha + beta) == pytest.approx(score.mean)
    assert sum(w.weight for w in pieces) == pytest.approx(score.evidence_weight)
    assert explanation.score == score
    neutral = [w for w in pieces if w.evidence.polarity is NEUTRAL]
    assert neutral[0].to_neutral == 1.0
    record = explanation.to_json()["evidence"][0]
    assert {"source", "observed_on", "weight", "to_alpha", "to_beta", "text"} <= set(record)


def test_explain_an_unknown_competency() -> None:
    with pytest.raises(NotFoundError, match="no competency with id negotiation"):
        explain_competency([], FRAMEWORK, "negotiation", TODAY)


# ---------------------------------------------------------------------------------- JSON
def test_json_has_exactly_the_documented_top_level_keys() -> None:
    evidence = [*HAND_EXAMPLE, *_strong("communication", 5, (1, 2)), rating("communication", 4)]
    data = build_profile(evidence, FRAMEWORK, TODAY).to_json()
    assert list(data) == ["competencies", "spikes", "recurring_gaps", "calibration", "trend"]
    assert json.loads(json.dumps(data)) == data
    assert data["spikes"][0]["competency_id"] == "communication"
    assert data["recurring_gaps"][0]["competency_id"] == "risk-management"
    assert data["calibration"]["items"][0]["kind"] == "agreement"


# ----------------------------------------------------------------- a realistic journey
def test_a_realistic_journey_tells_the_coachs_story() -> None:
    """Eighteen months like the demo's: a rejected final loop, reviews, a mentor, new loops."""
    st, co, ri, sy = (
        "stakeholder-management",
        "communication",
        "risk-management",
        "systems-thinking",
    )
    d = date
    evidence = [
        # The final loop that ended in a "no" (application 1), and the recruiter's feedback.
        *[ev(c, p, RECRUITER, d(2025, 6, 18), app=1) for c, p in
          [(st, STRENGTH), (co, STRENGTH), (ri, GAP), (sy, GAP)]],
        *[rating(c, v, d(2025, 6, 10), app=1) for c, v in [(st, 5), (co, 3), (ri, 2), (sy, 2)]],
        *[rating(c, v, d(2025, 6, 11), app=1) for c, v in [(st, 4), (ri, 2), (sy, 2)]],
        # Mentor and manager in the following months.
        *[ev(c, p, MENTOR, d(2025, 7, 9)) for c, p in [(st, STRENGTH), (ri, GAP), (sy, GAP)]],
        *[ev(c, p, MANAGER_REVIEW, d(2025, 12, 15)) for c, p in
          [(st, STRENGTH), (co, STRENGTH), (ri, GAP), (sy, GAP)]],
        # Another loop in spring 2026 (application 5): the same two gaps again.
        *[ev(c, p, HIRING_MANAGER, d(2026, 3, 20), app=5) for c, p in
          [(st, STRENGTH), (ri, GAP), (sy, GAP)]],
        *[rating(c, v, d(2026, 3, 6), app=5) for c, v in [(st, 5), (co, 5), (ri, 2), (sy, 2)]],
        # Then the work pays off: a peer, the mid-year review, the mentor's mock loop.
        *[ev(c, STRENGTH, PEER, d(2026, 6, 12)) for c in (st, co, ri)],
        *[ev(c, p, MANAGER_REVIEW, d(2026, 6, 24)) for c, p in
          [(st, STRENGTH), (ri, STRENGTH), (sy, GAP)]],
        *[ev(c, p, MENTOR, d(2026, 9, 15)) for c, p in
          [(ri, STRENGTH), (sy, STRENGTH), (co, GAP)]],
        # The current process (application 7).
        *[rating(c, 4, d(2026, 11, 18), app=7) for c in (st, co, ri, sy)],
        *[ev(c, STRENGTH, INTERVIEWER, d(2026, 11, 18), app=7) for c in (st, ri)],
    ]  # fmt: skip
    profile = build_profile(evidence, FRAMEWORK, date(2026, 11, 20))
    # Both gaps recur, each seen by six independent sources, systems thinking now the louder.
    assert [(g.competency_id, len(g.sources)) for g in profile.recurring_gaps] == [(sy, 6), (ri, 6)]
    # Stakeholder management is the one clear spike; communication has a fresh gap against it.
    assert [s.competency_id for s in profile.spikes] == [st]
    # The person's own view agrees with everyone else's, on the gaps too.
    kinds = {i.competency_id: i.kind for i in profile.calibration.items}
    assert kinds == dict.fromkeys((ri, sy, st, co), CalibrationKind.AGREEMENT)
    assert profile.calibration.agreement is not None and profile.calibration.agreement > 0.85
    # Risk management recovers over 2026 while the old gaps fade; systems thinking lags.
    trend = {t.competency_id: [round(p.score.mean, 2) for p in t.points] for t in profile.trend}
    assert trend[ri] == [0.33, 0.3, 0.26, 0.22, 0.42, 0.48, 0.57]
    assert trend[sy][-1] < 0.4
    assert [p.quarter for p in profile.trend[0].points] == [
        "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4"
    ]  # fmt: skip


# ------------------------------------------------------------------------ properties
_SOURCES = list(SOURCE_WEIGHTS)


@st.composite
def _evidence(draw: st.DrawFn) -> Evidence:
    source = draw(st.sampled_from(_SOURCES))
    day = TODAY - timedelta(days=draw(st.integers(0, 2000)))
    if source is SELF and draw(st.booleans()):
        return rating("risk-management", draw(st.integers(1, 5)), day)
    return ev(
        "risk-management",
        draw(st.sampled_from([STRENGTH, GAP, NEUTRAL])),
        source,
        day,
        app=draw(st.none() | st.integers(1, 4)),
        confirmed=draw(st.booleans()),
        confidence=draw(st.floats(0, 1)),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(_evidence(), max_size=25))
def test_any_evidence_gives_a_coherent_explainable_score(evidence: list[Evidence]) -> None:
    profile = build_profile(evidence, FRAMEWORK, TODAY)
    score = profile.score_of("risk-management")
    assert score is not None
    assert 0 < score.low <= score.mean <= score.high < 1
    explanation = explain_competency(evidence, FRAMEWORK, "risk-management", TODAY)
    assert score.alpha == pytest.approx(1 + sum(w.to_alpha for w in explanation.pieces))
    assert score.beta == pytest.approx(1 + sum(w.to_beta for w in explanation.pieces))
    more = build_profile([*evidence, ev("risk-management", STRENGTH, PEER)], FRAMEWORK, TODAY)
    assert more.score_of("risk-management").mean > score.mean  # type: ignore[union-attr]
    # The trend ends where the profile stands, whatever the last quarter held.
    for series in profile.trend:
        assert series.points[-1].score == profile.score_of(series.competency_id)
    # No pattern rests on fewer than two independent outside sources the person reviewed.
    for pattern in [*profile.spikes, *profile.recurring_gaps]:
        reviewed = {
            w.evidence.independence_key
            for w in pattern.evidence
            if w.evidence.is_external and w.evidence.confirmed
        }
        assert len(reviewed) >= 2


def test_a_past_day_is_a_date_or_the_end_of_a_quarter() -> None:
    from nextround.domain.profile import past_day
    from nextround.errors import InvalidInputError

    today = date(2026, 11, 26)
    assert past_day("2026Q3", today) == date(2026, 9, 30)
    assert past_day("2025-q4", today) == date(2025, 12, 31)
    assert past_day("2026Q4", today) == today  # this quarter: as of today
    assert past_day("2026-06-15", today) == date(2026, 6, 15)
    for later in ("2027Q1", "2026-11-27"):
        with pytest.raises(InvalidInputError, match="is after today"):
            past_day(later, today)
    with pytest.raises(InvalidInputError, match="is not a date") as refused:
        past_day("last spring", today)
    # The error names every form it takes, and each one it names works.
    said = refused.value.for_cli()
    assert "today or yesterday; or give a quarter, e.g. 2026Q3" in said
    assert past_day("yesterday", today) == date(2026, 11, 25)
    assert past_day("Today", today) == today
    assert past_day("2026 Q3", today) == date(2026, 9, 30)
