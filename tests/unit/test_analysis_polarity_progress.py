"""Progress over a past gap is a strength, kept in one statement with the gap it overcame."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity

STRENGTH, GAP, NEUTRAL = Polarity.STRENGTH, Polarity.GAP, Polarity.NEUTRAL

OVERCOME = [
    "Risk management was a growth area, but you have improved a lot since.",
    "Stakeholder updates were a development point last year, but Sam has improved a lot since.",
    "Risk management used to be a weakness, but it has improved considerably.",
    "Although delegation was a concern early on, you've come a long way.",
    "Your written updates were vague at first; they're much better now.",
    "Prioritisation had been an issue, but that's no longer a concern.",
    "Time management was a weakness in the first quarter, but you have made real progress there.",
]


@pytest.mark.parametrize("text", OVERCOME)
def test_progress_over_a_past_gap_is_a_sure_strength(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is STRENGTH, (text, reading)
    assert any(cue.startswith("progress:") for cue in reading.cues), reading.cues
    # The gap is history: it does not make the reading less sure.
    assert reading.confidence >= 0.7


@pytest.mark.parametrize("text", OVERCOME)
def test_progress_over_a_past_gap_stays_one_statement_with_what_it_overcame(text):
    assert [s.text for s in split_statements(text)] == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The gap named last is the verdict.
        ("You have improved a lot, but risk management is still a growth area.", GAP),
        # Progress of another topic than the gap: the clauses judge different things.
        ("Your updates were vague, but your SQL has improved a lot.", NEUTRAL),
        # No progress.
        ("Risk management was weak, and it has not improved.", GAP),
        ("You have improved a lot since.", STRENGTH),
    ],
)
def test_progress_that_overcomes_no_past_gap_reads_as_before(text, expected):
    assert read_polarity(text, feedback=True).polarity is expected


def test_progress_on_another_topic_is_cut_from_the_gap():
    text = "Your updates were vague, but your SQL has improved a lot."
    assert [s.text for s in split_statements(text)] == [
        "Your updates were vague",
        "your SQL has improved a lot.",
    ]
