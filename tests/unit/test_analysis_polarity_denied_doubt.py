"""Praise said by denying doubt, fault or a reason to hold back reads as praise."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.domain.competency import Polarity

STRENGTH, GAP, NEUTRAL = Polarity.STRENGTH, Polarity.GAP, Polarity.NEUTRAL


@pytest.mark.parametrize(
    "text",
    [
        "I can't see any reason not to move you forward.",
        "There's no reason why we wouldn't take you forward.",
        "You didn't give us any reason to doubt your ability.",
        "I have no doubt you could do this job.",
        "There's no question you have the technical skills.",
        "The team was never in any doubt about your technical ability.",
        "We had no hesitation in recommending you for the final.",
        "Nothing held you back in this round.",
        "There was no concern about your communication.",
        "I couldn't fault your preparation.",
        "Your preparation was impossible to fault.",
        "We found it hard to fault your analysis.",
        "Your presentation lacked nothing in terms of structure.",
        "I couldn't have asked for a better presentation.",
        "We could not be more pleased with how the final round went.",
        "The panel couldn't be happier with your case study.",
        "Honestly, I can't think of anything you could have done differently.",
        "Your portfolio didn't disappoint.",
        # Never holding a concern: "never" falls on the concern, not on an imperative.
        "Never had any concerns about your delivery.",
        "We never had a single concern with your communication.",
        "We didn't have any concerns about your technical depth.",
        "No concerns at all about your stakeholder management.",
        "I had no doubts about your judgement.",
    ],
)
def test_a_denied_doubt_or_fault_is_praise(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is STRENGTH, (text, reading)


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        # The doubt or the hold-back stated, not denied.
        ("What held you back was the lack of concrete examples.", GAP),
        ("I have some doubts about your stakeholder management.", GAP),
        # No doubt about a gap is still a gap.
        ("There's no doubt that you need more practice with SQL.", GAP),
        # Nothing to think of is praise only when it is what to change; an example
        # nobody can recall is a gap, a mistake nobody can recall praise.
        ("I can't think of a single example you gave of leading a team.", GAP),
        ("I can't remember a single mistake in your code.", STRENGTH),
        # "No doubt" opening a sentence is filler, not praise.
        ("No doubt you've heard this before.", NEUTRAL),
    ],
)
def test_doubt_and_fault_stated_or_about_a_gap_are_not_praise(text, polarity):
    assert read_polarity(text, feedback=True).polarity is polarity
