"""Criticism worded as plain chat or as what the role needs is not read as praise (QA22 F1)."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.polarity_importance import says_what_matters
from nextround.domain.competency import Polarity


@pytest.mark.parametrize(
    "text",
    [
        # The topic is a praise verb, the verdict comes after it with a degree word.
        "Your answers on coaching CSMs were pretty thin.",
        "His examples on mentoring juniors were fairly thin.",
        "The section on leading the team is still pretty thin.",
        # A send-off after the point wishes, it does not praise.
        "The mock QBR ran long, tighten it up, good luck!!",
    ],
)
def test_criticism_reads_as_a_gap(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is Polarity.GAP, reading


@pytest.mark.parametrize(
    "text",
    [
        "For a team lead, managing internal stakeholders across Sales and Product is critical.",
        "Coaching the team through change is absolutely essential in this role.",
        "Clear written updates are key here.",
    ],
)
def test_what_matters_judges_nobody(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is Polarity.NEUTRAL, reading
    assert says_what_matters(text, 0, len(text))


def test_what_matters_about_the_person_is_still_read():
    text = "Your calm handling of the escalation was critical."
    assert not says_what_matters(text, 0, len(text))


def test_a_framework_indicator_saying_what_matters_stays_good_practice():
    # Only feedback said to the person turns the clause into context.
    reading = read_polarity("Recognises that managing stakeholders well is critical.")
    assert reading.polarity is Polarity.STRENGTH, reading
