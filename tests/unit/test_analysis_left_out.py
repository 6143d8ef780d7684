"""What a feedback text says outside its statements, listed so that nothing goes unseen."""

from __future__ import annotations

import pytest

from nextround.analysis.left_out import left_out
from nextround.analysis.statements import split_statements

EMAIL = """Hi Nadia,

Thank you so much for your time over the last few weeks.

Unfortunately, we have decided to move forward with another candidate. The panel found you a \
strong communicator, but risk management didn't come through.

Strengths:
- clear, structured answers

We'd love to stay in touch.

Best,
Maya Lindgren
Talent Acquisition Partner | Tempoline
+49 30 1234567 | maya.lindgren@tempoline.example"""


def _left(text: str) -> list[str]:
    return left_out(text, [(s.start, s.end) for s in split_statements(text)])


def test_thanks_decision_talk_and_sign_off_are_listed_not_greetings_or_headings() -> None:
    assert _left(EMAIL) == [
        "Thank you so much for your time over the last few weeks.",
        "Unfortunately, we have decided to move forward with another candidate.",
        "We'd love to stay in touch.",
    ]


def test_nothing_is_left_out_of_plain_feedback() -> None:
    assert _left("Strong communicator, but the whiteboard flow lacked structure.") == []


def test_gaps_between_and_after_spans_are_found_in_order() -> None:
    text = "Kept one. Dropped sentence here. Kept two. Another one dropped here!"
    spans = [(0, 9), (33, 42)]
    assert left_out(text, spans) == ["Dropped sentence here.", "Another one dropped here!"]
    assert left_out(text, [(0, len(text))]) == []


def test_a_competency_named_over_statements_was_read_and_is_not_left_out() -> None:
    names = ["Process design and improvement", "Data-informed decision making"]
    text = (
        "Process design and improvement\nThe flow had no swimlanes.\n\n"
        "Data-informed decision making - used no numbers at all.\n\n"
        "We'd love to stay in touch."
    )
    spans = [(s.start, s.end) for s in split_statements(text, names)]
    assert left_out(text, spans, names) == ["We'd love to stay in touch."]
    # Without the names, the labels are passages like any other.
    assert "Process design and improvement" in left_out(text, spans)


def test_a_heading_line_ending_in_a_colon_is_not_listed() -> None:
    text = "Notes from our call on Tuesday with the panel:\nYour risk section is still thin."
    assert _left(text) == []


@pytest.mark.parametrize(
    ("text", "left", "statements"),
    [
        (
            "Thanks for your time - unfortunately, your case study was too shallow.",
            ["Thanks for your time"],
            ["your case study was too shallow."],
        ),
        (
            "Thank you for interviewing with us — unfortunately your answer lacked depth.",
            ["Thank you for interviewing with us"],
            ["your answer lacked depth."],
        ),
        (
            "Thanks for your time–unfortunately the case study was too shallow.",
            ["Thanks for your time"],
            ["the case study was too shallow."],
        ),
        (
            "Thanks for your time, but unfortunately your examples were thin.",
            ["Thanks for your time"],
            ["your examples were thin."],
        ),
        (
            "Thank you for your time - sadly, the panel felt your answers lacked structure.",
            ["Thank you for your time"],
            ["the panel felt your answers lacked structure."],
        ),
        (
            "Thanks for your time—your stakeholder stories were the highlight.",
            ["Thanks for your time"],
            ["your stakeholder stories were the highlight."],
        ),
    ],
)
def test_what_is_left_out_before_a_dash_reads_as_whole_words_and_the_feedback_is_kept(
    text, left, statements
) -> None:
    """The regret that joined thanks to the feedback goes with neither of them."""
    assert _left(text) == left
    assert [s.text for s in split_statements(text)] == statements


def test_a_sentence_left_out_whole_keeps_its_dash() -> None:
    text = "It was a tough call - we had three strong finalists. Your pricing was excellent."
    assert _left(text) == ["It was a tough call - we had three strong finalists."]
