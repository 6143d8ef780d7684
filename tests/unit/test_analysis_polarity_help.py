"""Hints, prompting and time in a technical interview read as gaps, and denied as praise."""

import pytest

from nextround.analysis.polarity import Polarity, read_polarity


@pytest.mark.parametrize(
    "text",
    [
        "You needed several hints to get to the optimal solution.",
        "She needed a few hints on the recursion.",
        "He needed some nudging on the complexity analysis.",
        "You needed prompting to consider edge cases.",
        "It took a couple of big hints before you saw the two-pointer approach.",
        "You ran out of time on the follow-up.",
        "You didn't get to the second part of the problem.",
        "You were not able to finish the implementation.",
        "You did not finish the problem.",
        "You struggled to explain the trade-offs.",
        "you needed several hints to get to the optimal solution and ran out of time on the "
        "follow-up.",
    ],
)
def test_help_needed_or_time_running_out_is_a_gap(text):
    assert read_polarity(text, feedback=True).polarity is Polarity.GAP


@pytest.mark.parametrize(
    "text",
    [
        "You didn't need any hints.",
        "She needed no prompting on edge cases.",
        "You solved it without a single hint.",
        "You finished the problem with time to spare.",
    ],
)
def test_help_denied_is_praise(text):
    assert read_polarity(text, feedback=True).polarity is Polarity.STRENGTH


def test_the_interviewers_own_time_is_no_gap():
    reading = read_polarity("We ran out of time before I could ask about testing.", feedback=True)
    assert reading.polarity is not Polarity.GAP
