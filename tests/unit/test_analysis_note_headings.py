"""A note's heading, owned by note_headers: alone on its line, or left on the first note."""

from __future__ import annotations

import pytest

from nextround.analysis.note_headers import heading_length, is_note_header
from nextround.analysis.text_normalise import strip_lead_in

HAYS = "Call with Hays recruiter (Dan), 30 Oct. "


@pytest.mark.parametrize(
    ("heading", "note"),
    [
        (HAYS, "They liked your stakeholder stories."),
        ("Quick debrief with Priya, Tue 4 Nov: ", "Answers ran long on the data questions."),
        ("  notes from the call with Ana. ", "Strong on trade-offs."),
    ],
)
def test_a_heading_left_on_its_first_note_is_found_and_dropped(heading, note):
    text = heading + note
    assert heading_length(text) == len(heading)
    assert strip_lead_in(text) == note


@pytest.mark.parametrize(
    "text",
    [
        "Meeting with the CTO went well and she liked the design.",
        "Call with Dan. then he said it was all fine.",  # no capital: one sentence
        "Interview with the CTO. They liked it a lot.",  # may be a note of its own
        "They liked the call with Dan. Strong on data.",
    ],
)
def test_a_statement_that_only_mentions_a_call_has_no_heading(text):
    assert heading_length(text) == 0
    assert strip_lead_in(text) == text


def test_the_heading_on_its_own_line_is_a_note_header():
    # Both readings of one header agree: set aside as a line, dropped from a statement.
    assert is_note_header(HAYS.strip())
    assert strip_lead_in(HAYS + "They liked your stories.") == "They liked your stories."
