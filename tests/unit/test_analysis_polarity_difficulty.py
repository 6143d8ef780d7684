"""What the person found hard reads as a gap; hard work, hard skills and hard problems do not."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity

STRENGTH, GAP = Polarity.STRENGTH, Polarity.GAP


@pytest.mark.parametrize(
    "text",
    [
        # Praise words after the difficulty name what was hard, not what went well.
        "You found it hard to explain how you would win over the finance director.",
        "You found it really difficult to summarise your findings for the board.",
        "You found the sizing exercise tricky.",
        # Praise words before "was hard for you" are its subject.
        "Presenting to senior leaders was hard for you.",
        "Managing the conflicting priorities seemed difficult for you.",
        "Coaching the junior analysts was a real challenge for you.",
        "It was hard for you to give a clear recommendation.",
        "You had a hard time explaining the architecture.",
        "Delegating work proved a struggle for you.",
    ],
)
def test_a_difficulty_said_of_the_person_is_a_gap(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is GAP
    assert any(cue.startswith("difficulty:") for cue in reading.cues)
    # Sure enough that the embedding probe does not overrule it.
    assert reading.confidence >= 0.7


def test_the_praise_words_are_folded_into_the_difficulty_cue():
    reading = read_polarity("Negotiating scope was hard for you.", feedback=True)
    assert reading.cues == ("difficulty: 'Negotiating scope was hard for you'",)


@pytest.mark.parametrize(
    "text",
    [
        "You are clearly hard-working.",
        "Your hard skills are excellent.",
        "You tackled a hard problem well.",
        # Denied, a difficulty is praise.
        "Presenting to senior leaders wasn't hard for you.",
        "Nothing seemed difficult for you.",
        "You never found it hard to ask for help.",
    ],
)
def test_hard_work_and_hard_problems_are_no_difficulty(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is STRENGTH
    assert not any(cue.startswith("difficulty:") for cue in reading.cues)


@pytest.mark.parametrize(
    "text",
    [
        "You worked hard on the preparation and it showed.",
        "You found a hard problem in the data and solved it neatly.",
    ],
)
def test_working_hard_and_finding_a_hard_problem_are_no_gap(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is not GAP
    assert not any(cue.startswith("difficulty:") for cue in reading.cues)


@pytest.mark.parametrize(
    "text",
    [
        "We found it hard to choose between you and the other finalist.",
        "I found it hard to fault your preparation.",
        "Leading a larger team will be a new challenge for you.",
    ],
)
def test_the_panels_difficulty_and_a_new_challenge_are_no_gap_of_the_persons(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is not GAP


def test_a_difficulty_after_praise_of_something_else_keeps_both():
    statements = split_statements(
        "Your survey design was excellent. Handling objections was hard for you."
    )
    readings = [read_polarity(s.text, feedback=True).polarity for s in statements]
    assert readings == [STRENGTH, GAP]
