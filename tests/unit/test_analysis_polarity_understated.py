"""Understated criticism is a gap: a behaviour narrowed by "only", a flaw softened by "a bit"."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity

STRENGTH, GAP, NEUTRAL = Polarity.STRENGTH, Polarity.GAP, Polarity.NEUTRAL


@pytest.mark.parametrize(
    "text",
    [
        "Focused on the first fix only.",
        "Looked at the happy path only.",
        "Considered one option only.",
        "You only considered one option for the migration.",
        "Just tested the main flow before release.",
        "Tested the main flow only before release.",
        "She looked at only the first explanation.",
        "He relied on gut feel only and skipped the data.",
        "Planning still looked at the best case only.",
        "They only ever consulted the engineering leads.",
    ],
)
def test_a_behaviour_narrowed_by_only_is_a_gap(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is GAP, (text, reading)
    # The verb that narrowed ("focused", "tested") is part of the criticism, no praise.
    narrowed = [cue for cue in reading.cues if cue.startswith("criticism:")]
    assert any(w in cue.lower() for cue in narrowed for w in ("only", "just")), reading.cues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Narrowed to what matters, or "only" that is about someone else or the time taken.
        ("She focused only on what mattered to the client.", {NEUTRAL, STRENGTH}),
        ("You were the only candidate who tested the edge cases.", {NEUTRAL, STRENGTH}),
        ("Delivered the migration in only two weeks.", {STRENGTH}),
        ("Focused on the customer throughout.", {STRENGTH}),
        # "Just" as "a moment ago", or the writer's own errand.
        ("She has just presented the roadmap to the board.", {NEUTRAL, STRENGTH}),
        ("I just checked with the panel and they agreed.", {NEUTRAL, STRENGTH}),
    ],
)
def test_only_that_narrows_no_behaviour_leaves_the_reading_alone(text, expected):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity in expected, (text, reading)


@pytest.mark.parametrize(
    "text",
    [
        "Your portfolio examples felt a bit dated.",
        "The answer was somewhat generic.",
        "Your analysis was slightly surface-level.",
        "Your delivery came across as a little rehearsed.",
        "The closing felt a touch abrupt.",
        "The slides looked a bit busy.",
        "Her tone was a little bit flat.",
        "It was a little bit rushed.",
        "Your examples felt dated.",
        "The case studies in your deck were dated.",
    ],
)
def test_a_judgement_softened_by_a_hedge_is_still_a_gap(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is GAP, (text, reading)
    assert any(cue.startswith("hedge:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A hedge before praise or a comparative softens no flaw.
        ("You were a bit more confident this time.", STRENGTH),
        ("The second answer was slightly better.", STRENGTH),
        ("She was somewhat strong on data.", STRENGTH),
        # A hedge that measures, or news that is good.
        ("It was a bit of a stretch goal, and you hit it.", NEUTRAL),
        ("The project ran slightly ahead of schedule.", NEUTRAL),
        ("He spent a little time on the risks.", NEUTRAL),
        ("Your answers were a little different from what we expected.", NEUTRAL),
        # A plan with dates in it is no dated plan.
        ("Her cutover plan had a dated rollback decision with named owners.", NEUTRAL),
    ],
)
def test_a_hedge_that_softens_no_flaw_reads_as_before(text, expected):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is expected, (text, reading)


def test_softened_criticism_after_praise_is_its_own_gap_statement():
    text = "The panel liked your structure, but your pricing answer felt a bit generic."
    readings = [
        (s.text, read_polarity(s.text, feedback=True).polarity) for s in split_statements(text)
    ]
    assert readings == [
        ("The panel liked your structure", STRENGTH),
        ("your pricing answer felt a bit generic.", GAP),
    ]
