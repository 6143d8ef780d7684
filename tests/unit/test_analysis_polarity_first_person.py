"""A note in the first person and reported speech keep the polarity of what was said."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.polarity_first_person import as_said_to_you
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity


def polarities(text: str) -> list[Polarity]:
    return [read_polarity(s.text, feedback=True).polarity for s in split_statements(text)]


def test_a_summary_of_a_recruiter_call_keeps_the_praise_and_the_gap():
    # QA17 F9: the first part was read as neutral.
    said = (
        "Recruiter said the technical interviewer liked my problem solving but I need to "
        "talk through my thinking out loud more."
    )
    assert polarities(said) == [Polarity.STRENGTH, Polarity.GAP]
    assert polarities("The interviewer liked your problem solving.") == [Polarity.STRENGTH]


@pytest.mark.parametrize(
    ("sentence", "polarity"),
    [
        ("The panel loved my energy.", Polarity.STRENGTH),
        ("The recruiter mentioned the team really liked my portfolio.", Polarity.STRENGTH),
        ("Recruiter said the interviewer enjoyed my answers on caching.", Polarity.STRENGTH),
        ("According to Sarah, the panel valued my honesty.", Polarity.STRENGTH),
        ("She said they thought I was a strong communicator.", Polarity.STRENGTH),
        ("According to the recruiter, the panel felt I rushed the case study.", Polarity.GAP),
        ("He said the panel felt my examples were vague.", Polarity.GAP),
        # Reported speech about "you" keeps what was said, too.
        ("According to the recruiter, your answers lacked structure.", Polarity.GAP),
        ("She mentioned that the panel loved your case study.", Polarity.STRENGTH),
        (
            "The recruiter said that the panel felt you were a strong communicator.",
            Polarity.STRENGTH,
        ),
    ],
)
def test_reported_speech_in_the_first_person_keeps_its_polarity(sentence, polarity):
    assert read_polarity(sentence, feedback=True).polarity is polarity


@pytest.mark.parametrize(
    ("sentence", "polarity"),
    [
        # The interviewer's own first person, addressing the person, stays as it is.
        ("I'd recommend spending more time on risk.", Polarity.GAP),
        ("My suggestion is to quantify impact.", Polarity.GAP),
        ("I was impressed by your clarity.", Polarity.STRENGTH),
        # A recruiter's own news is nobody's gap.
        ("The hiring manager is on leave this week so I don't have more detail.", Polarity.NEUTRAL),
    ],
)
def test_the_writers_own_first_person_is_not_read_as_the_persons(sentence, polarity):
    assert read_polarity(sentence, feedback=True).polarity is polarity


def test_only_a_note_that_does_not_address_the_person_is_read_as_said_to_them():
    assert as_said_to_you("They liked how I framed it") == "They liked how you framed it"
    assert as_said_to_you("My answers were great") == "Your answers were great"
    assert as_said_to_you("I liked your answers") is None
    assert as_said_to_you("so I don't have more detail") is None


@pytest.mark.parametrize(
    ("sentence", "polarity"),
    [
        ("At times you withdrew from the discussion.", Polarity.GAP),
        ("You went quiet during the group exercise.", Polarity.GAP),
        ("He disengaged from the group task after ten minutes.", Polarity.GAP),
        ("You never withdrew from the discussion.", Polarity.STRENGTH),
        # Out of the process, not out of the group's work.
        ("You withdrew your application.", Polarity.NEUTRAL),
    ],
)
def test_withdrawing_from_the_discussion_is_a_gap(sentence, polarity):
    assert read_polarity(sentence, feedback=True).polarity is polarity
