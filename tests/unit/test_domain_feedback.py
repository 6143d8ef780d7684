"""Feedback is stored as given: only surrounding whitespace goes."""

from datetime import date

import pytest

from nextround.domain.competency import CompetencyMatch
from nextround.domain.feedback import FEEDBACK_MAX, Feedback, FeedbackSource
from nextround.domain.statements import (
    EVIDENCE_MIN_CONFIDENCE,
    FeedbackStatement,
    confident_pick,
    nothing_fits,
)
from nextround.errors import DomainError


def test_text_is_kept_apart_from_surrounding_whitespace():
    raw = "\n  Risk management didn't come through.\n\n  Strong stakeholder work 👏 \t\n"
    item = Feedback(raw, FeedbackSource.RECRUITER, date(2025, 6, 18), author=" Maya ")
    item.check()
    assert item.text == raw.strip()
    assert item.author == "Maya"


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_is_refused(text):
    with pytest.raises(DomainError, match="feedback text is required; give a non-empty value"):
        Feedback(text, FeedbackSource.MENTOR, date(2025, 6, 18)).check()


def test_control_characters_are_refused():
    with pytest.raises(
        DomainError, match=r"feedback text contains the control character '\\x00' at position 2"
    ):
        Feedback("ab\x00c", FeedbackSource.MENTOR, date(2025, 6, 18)).check()


def test_length_limit():
    Feedback("x" * FEEDBACK_MAX, FeedbackSource.PEER, date(2025, 6, 18)).check()
    with pytest.raises(DomainError, match="the limit is 50,000"):
        Feedback("x" * (FEEDBACK_MAX + 1), FeedbackSource.PEER, date(2025, 6, 18)).check()


def _clause(text: str, part: str) -> FeedbackStatement:
    start = text.index(part)
    return FeedbackStatement(1, 0, part, start, start + len(part), "core")


def test_a_clause_comes_with_the_sentence_it_was_split_from():
    text = "Good prep. Strong communicator, but the whiteboard flow lacked structure.\nThanks!"
    sentence = "Strong communicator, but the whiteboard flow lacked structure."
    assert _clause(text, "Strong communicator").sentence_in(text) == sentence
    assert _clause(text, "the whiteboard flow lacked structure.").sentence_in(text) == sentence
    # a whole sentence needs no context, and offsets that do not fit the text give none
    assert _clause(text, "Good prep.").sentence_in(text) is None
    assert _clause(text, "Thanks!").sentence_in(text) is None
    assert FeedbackStatement(1, 0, "x", 5, 500, "core").sentence_in(text) is None


def test_a_long_sentence_is_cut_around_the_clause():
    text = "Intro " * 60 + "then the key clause here, " + "and more words " * 40 + "end."
    shown = _clause(text, "the key clause here").sentence_in(text)
    assert shown is not None and "the key clause here" in shown
    assert shown.startswith("…") and shown.endswith("…")
    assert len(shown) <= 2 * 160 + len("the key clause here") + 2


def test_only_a_confident_top_suggestion_is_pre_selected():
    sure = [CompetencyMatch("risk-management", 0.72), CompetencyMatch("ownership", 0.1)]
    unsure = [CompetencyMatch("communication", 0.25), CompetencyMatch("presentation", 0.13)]
    assert confident_pick(sure) == ["risk-management"]
    assert confident_pick(unsure) == []
    assert confident_pick([CompetencyMatch("ownership", EVIDENCE_MIN_CONFIDENCE)]) == ["ownership"]
    both = [CompetencyMatch("risk-management", 0.5), CompetencyMatch("systems-thinking", 0.45)]
    assert confident_pick([*both, CompetencyMatch("ownership", 0.05)]) == [
        "risk-management",
        "systems-thinking",
    ]
    assert confident_pick([]) == []


def test_only_a_statement_nothing_fitted_starts_as_about_no_competency():
    # The CLI review's Enter and the web's pre-ticked box both ask this one rule.
    assert nothing_fits([])
    assert not nothing_fits([CompetencyMatch("communication", 0.12)])  # weak: the user picks


def test_the_cli_review_enter_files_a_statement_nothing_fitted_as_about_no_competency():
    from nextround.cli.prompts import _choice

    assert _choice("", [], {}) == []
    assert _choice("", [CompetencyMatch("ownership", 0.6)], {}) == ["ownership"]


def test_the_inbox_ticks_only_a_confident_suggestion_or_the_users_own_verdict():
    from nextround.services.review import ReviewItem
    from nextround.web.routes.feedback import judgement_of

    feedback = Feedback("Strong communicator.", FeedbackSource.MENTOR, date(2025, 6, 18))

    def picker(matches, *, confirmed=False, chosen=()):
        statement = FeedbackStatement(1, 0, "Strong communicator.", 0, 20, "core")
        statement.suggestions, statement.confirmed = list(matches), confirmed
        statement.competencies = list(chosen) or confident_pick(matches)
        return judgement_of(ReviewItem(statement, feedback))

    assert picker([CompetencyMatch("communication", 0.6)]).chosen == ("communication",)
    assert picker([CompetencyMatch("communication", 0.25)]).chosen == ()
    # a statement stored before this rule still ticked its top guess: not shown as a pick
    legacy = picker([CompetencyMatch("communication", 0.25)], chosen=["communication"])
    assert legacy.chosen == ()
    mine = picker([CompetencyMatch("communication", 0.25)], confirmed=True, chosen=["ownership"])
    assert mine.chosen == ("ownership",)


def test_the_sentence_of_an_html_paste_is_shown_as_plain_text():
    text = (
        "<p>Great <b>discovery</b>, but you <i>pitched</i> features before uncovering"
        " pain &mdash; twice.</p>"
    )
    clause = _clause(text, "<i>pitched</i> features")
    assert clause.sentence_in(text) == (
        "Great discovery, but you pitched features before uncovering pain — twice."
    )
    # plain text that holds "<" is left as typed
    plain = "Latency <100ms was fine, but the cache missed."
    assert _clause(plain, "the cache missed.").sentence_in(plain) == plain
