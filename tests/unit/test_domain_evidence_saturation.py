"""One feedback item counts as at most ITEM_MAX_PIECES pieces per competency, however long."""

from __future__ import annotations

from dataclasses import replace

import pytest

from nextround.domain.evidence import ITEM_MAX_PIECES, Evidence, saturation_notes
from nextround.domain.profile import build_profile, explain_competency
from tests.unit.growth_fixtures import (
    FRAMEWORK,
    GAP,
    INTERVIEWER,
    MANAGER_REVIEW,
    PEER,
    RECRUITER,
    STRENGTH,
    TODAY,
    ev,
    rating,
)


def _from(item: int, piece: Evidence) -> Evidence:
    return replace(piece, feedback_id=item)


def test_an_item_up_to_the_cap_counts_in_full() -> None:
    pieces = [_from(1, ev("communication", GAP, INTERVIEWER, app=1))] * ITEM_MAX_PIECES
    explanation = explain_competency(pieces, FRAMEWORK, "communication", TODAY)
    assert [w.saturation for w in explanation.pieces] == [1.0] * ITEM_MAX_PIECES
    assert explanation.score.gap_weight == pytest.approx(ITEM_MAX_PIECES)
    assert saturation_notes(explanation.pieces) == []


def test_a_long_paste_weighs_as_much_as_the_cap_and_keeps_its_mix() -> None:
    # 240 unreviewed peer statements on data: 180 read as strengths, 60 as gaps.
    paste = [
        _from(9, ev("data", STRENGTH, PEER, confirmed=False, confidence=0.5)) for _ in range(180)
    ] + [_from(9, ev("data", GAP, PEER, confirmed=False, confidence=0.5)) for _ in range(60)]
    explanation = explain_competency(paste, _data_framework(), "data", TODAY)
    one = 0.6 * 0.7 * 0.5  # peer x unconfirmed x confidence
    assert explanation.score.evidence_weight == pytest.approx(ITEM_MAX_PIECES * one)
    # Three quarters strength, as in the paste itself.
    assert explanation.score.strength_weight == pytest.approx(0.75 * ITEM_MAX_PIECES * one)
    piece = explanation.pieces[0]
    assert piece.item_pieces == 240 and piece.saturation == pytest.approx(3 / 240)
    assert piece.weight == pytest.approx(
        piece.source_weight * piece.recency * piece.confirmation * piece.saturation
    )
    (note,) = saturation_notes(explanation.pieces)
    assert "Feedback 9 gives 240 pieces of evidence on this competency" in note
    assert "3/240" in note
    assert piece.to_json()["saturation"] == pytest.approx(0.0125)


def test_a_long_paste_cannot_outweigh_reviewed_sources() -> None:
    # The finding: a 1,000-line peer paste turned a reviewed recurring gap into 0.95.
    reviewed = [
        _from(1, ev("data", GAP, RECRUITER, app=1)),
        _from(1, ev("data", GAP, RECRUITER, app=1)),
        _from(2, ev("data", GAP, MANAGER_REVIEW)),
        rating("data", 2),
    ]
    paste = [
        _from(5, ev("data", STRENGTH, PEER, confirmed=False, confidence=0.68)) for _ in range(240)
    ]
    profile = build_profile(reviewed + paste, _data_framework(), TODAY)
    data = profile.score_of("data")
    assert data is not None and data.mean < 0.5
    assert [g.competency_id for g in profile.recurring_gaps] == ["data"]


def test_pieces_of_different_items_and_self_ratings_are_never_capped() -> None:
    pieces = [_from(i, ev("communication", GAP, INTERVIEWER, app=i)) for i in range(1, 6)]
    pieces += [rating("communication", 2, app=i) for i in range(1, 6)]
    explanation = explain_competency(pieces, FRAMEWORK, "communication", TODAY)
    assert all(not w.saturated for w in explanation.pieces)


def _data_framework():  # type: ignore[no-untyped-def]
    from nextround.domain.competency import Competency, Framework

    return Framework(
        id="t", name="T", competencies=(Competency(id="data", name="Data", description="d"),)
    )
