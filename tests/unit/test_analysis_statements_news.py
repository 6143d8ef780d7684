"""News of the next stage ("you're through to the onsite") is process talk, not evidence."""

import pytest

from nextround.analysis.left_out import left_out
from nextround.analysis.statements import split_statements


@pytest.mark.parametrize(
    "line",
    [
        "Great news, Marcus enjoyed your conversation and you're through to the virtual onsite!",
        "Good news: you've been shortlisted.",
        "We'd like to invite you to the next round.",
        "We're moving you forward to the final stage.",
        "Exciting news - you're through to the final loop on Thursday!",
        "Dana enjoyed the conversation, and we'd love to bring you in for the onsite.",
    ],
)
def test_news_of_the_next_stage_is_left_out_and_listed(line):
    text = f"Your stakeholder map was excellent.\n{line}"
    statements = split_statements(text)
    assert [s.text for s in statements] == ["Your stakeholder map was excellent."]
    assert left_out(text, [(s.start, s.end) for s in statements]) == [line]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (
            "Great news, Marcus loved your roadmap thinking and you're through to the onsite!",
            "Marcus loved your roadmap thinking",
        ),
        (
            "Marcus was impressed by your metrics case, so we'd like to invite you to the "
            "final round next week.",
            "Marcus was impressed by your metrics case",
        ),
        (
            "You're through to the final round, and Marcus loved your roadmap thinking.",
            "Marcus loved your roadmap thinking.",
        ),
        (
            "We're moving you forward to the final stage because your metrics case was excellent.",
            "your metrics case was excellent.",
        ),
    ],
)
def test_what_the_news_says_of_the_person_is_kept_without_it(line, kept):
    statements = split_statements(line)
    assert [s.text for s in statements] == [kept]
    assert line[statements[0].start : statements[0].end] == kept


@pytest.mark.parametrize(
    "line",
    [
        # The same words about how the person worked in the interview.
        "You moved on to the next topic too quickly.",
        "Marcus enjoyed your presentation of the pricing case.",
        "Good news about your metrics: they were solid.",
    ],
)
def test_the_same_words_about_the_person_are_still_read(line):
    assert [s.text for s in split_statements(line)] == [line]


def test_news_cut_from_after_the_feedback_is_listed_without_its_join():
    text = "Great news, Marcus loved your roadmap thinking and you're through to the onsite!"
    statements = split_statements(text)
    assert left_out(text, [(s.start, s.end) for s in statements]) == [
        "you're through to the onsite!"
    ]
