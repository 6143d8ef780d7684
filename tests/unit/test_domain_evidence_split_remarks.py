"""Statements split from one sentence count as one remark: each shares its weight (QA9 F6)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from nextround.domain.competency import Polarity
from nextround.domain.evidence import ITEM_MAX_PIECES, Evidence
from nextround.domain.profile import explain_competency
from nextround.domain.statements import FeedbackStatement, sentence_ends
from tests.unit.growth_fixtures import FRAMEWORK, GAP, RECRUITER, STRENGTH, TODAY, ev

FEEDBACK = (
    "Thanks for your time last week. System design was shallow on trade-offs: you picked a "
    "token bucket quickly but didn't weigh it against the alternatives. Solid coding."
)
FIRST = "System design was shallow on trade-offs: you picked a token bucket quickly"
SECOND = "didn't weigh it against the alternatives."


def _statement(text: str) -> FeedbackStatement:
    start = FEEDBACK.index(text)
    return FeedbackStatement(
        feedback_id=1, position=0, text=text, start=start, end=start + len(text), framework_id="f"
    )


def _said(sentence: int | None, polarity: Polarity = GAP, item: int = 1) -> Evidence:
    piece = ev("communication", polarity, RECRUITER, app=1)
    return replace(piece, feedback_id=item, sentence=sentence)


def test_both_halves_of_a_sentence_split_at_but_are_in_the_same_sentence() -> None:
    first, second = _statement(FIRST), _statement(SECOND)
    assert first.sentence_index(FEEDBACK) == second.sentence_index(FEEDBACK) == 1
    assert _statement("Solid coding.").sentence_index(FEEDBACK) == 2
    assert _statement("Thanks for your time last week.").sentence_index(FEEDBACK) == 0
    # Read with the ends worked out once, as the profile reads a whole item.
    assert second.sentence_index(FEEDBACK, sentence_ends(FEEDBACK)) == 1


def test_offsets_that_do_not_fit_the_text_give_no_sentence() -> None:
    assert _statement(FIRST).sentence_index("short") is None


def test_one_remark_split_in_two_counts_once() -> None:
    explanation = explain_competency([_said(1), _said(1)], FRAMEWORK, "communication", TODAY)
    one = 0.9  # a recruiter, confirmed, today
    assert explanation.score.gap_weight == pytest.approx(one)
    assert [w.remark_parts for w in explanation.pieces] == [2, 2]
    assert all(w.weight == pytest.approx(one / 2) for w in explanation.pieces)
    note = explanation.pieces[0].remark_note
    assert note == "One remark, split in two: each counts half."
    assert explanation.pieces[0].to_json()["remark_parts"] == 2


def test_three_parts_each_count_a_third() -> None:
    explanation = explain_competency([_said(4)] * 3, FRAMEWORK, "communication", TODAY)
    assert explanation.score.gap_weight == pytest.approx(0.9)
    assert explanation.pieces[0].remark_note == "One remark, split in three: each counts a third."


def test_other_sentences_polarities_and_items_count_in_full() -> None:
    # Item 1 says three things (under the cap); item 3's statements have no known sentence.
    pieces = [_said(1), _said(2), _said(1, STRENGTH), _said(1, item=2)]
    pieces += [_said(None, item=3), _said(None, item=3)]
    explanation = explain_competency(pieces, FRAMEWORK, "communication", TODAY)
    assert all(not w.split_remark and w.remark_note is None for w in explanation.pieces)
    assert explanation.score.evidence_weight == pytest.approx(0.9 * len(pieces))


def test_a_split_remark_is_one_of_the_items_capped_pieces() -> None:
    # Four statements, two of them one remark: three remarks, under the cap.
    pieces = [_said(1), _said(1), _said(2), _said(3)]
    explanation = explain_competency(pieces, FRAMEWORK, "communication", TODAY)
    assert all(w.item_pieces == ITEM_MAX_PIECES and not w.saturated for w in explanation.pieces)
    assert explanation.score.gap_weight == pytest.approx(0.9 * 3)
