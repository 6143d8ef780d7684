"""Feedback is stored as given: only surrounding whitespace goes."""

from datetime import date

import pytest

from nextround.domain.feedback import FEEDBACK_MAX, Feedback, FeedbackSource
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
