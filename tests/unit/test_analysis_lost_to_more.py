"""A hire chosen for having more of something: the reason is read as the person's gap."""

import pytest

from nextround.analysis.decision_talk import what_the_hire_had_more_of
from nextround.analysis.polarity import PolarityReading, read_polarity
from nextround.analysis.polarity_suggestion import suggested_readings
from nextround.analysis.statements import split_statements
from nextround.analysis.text_normalise import normalise_statement
from nextround.domain.competency import Polarity


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        (
            "Ultimately they went with a candidate with more mid-market closing experience.",
            "mid-market closing experience",
        ),
        (
            "The successful candidate had deeper experience in enterprise negotiations.",
            "experience in enterprise negotiations",
        ),
        ("We chose someone with stronger stakeholder management.", "stakeholder management"),
        (
            "In the end we hired an internal candidate who had more experience leading "
            "migrations, which mattered for the roadmap.",
            "experience leading migrations",
        ),
        # No reason, a level only, or a choice the person made: nothing the hire had more of.
        ("We went with another candidate.", None),
        ("We went with a candidate with more experience.", None),
        ("We went with a candidate who had more experience at the Principal level.", None),
        ("You chose someone with more budget authority for the demo.", None),
    ],
)
def test_what_the_hire_had_more_of(sentence, what):
    assert what_the_hire_had_more_of(sentence) == what


def _suggested(source: str) -> list[PolarityReading]:
    statements = split_statements(source)
    readings = [read_polarity(s.text, feedback=True) for s in statements]
    return suggested_readings(statements, readings)


@pytest.mark.parametrize(
    "source",
    [
        "Ultimately they went with a candidate with more mid-market closing experience.",
        # Praise of the hire is no praise of the person.
        "We chose someone with stronger stakeholder management.",
    ],
)
def test_the_choice_of_someone_with_more_is_suggested_as_a_gap_saying_why(source):
    (reading,) = _suggested(source)
    assert reading.polarity is Polarity.GAP
    assert reading.cues[0].startswith("comparison: the hire had more ")
    assert "what you had less of" in reading.cues[0]


def test_a_bare_choice_is_still_set_aside():
    assert split_statements("Thanks for your time. We went with another candidate.") == []


def test_the_reason_is_what_is_mapped():
    text = "Ultimately they went with a candidate with more mid-market closing experience."
    assert normalise_statement(text) == "mid-market closing experience."
    assert normalise_statement("We went with another candidate.") == (
        "We went with another candidate."
    )
