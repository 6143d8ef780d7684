"""What a behaviour is done instead of: "X rather than Y" judges by what Y is.

When the alternative passed over is good practice ("rather than used to steer"), the
sentence says it is missing: praise words for what happens instead ("updated",
"maintained") describe the substitute and count little. When the alternative is a flaw
("rather than blame"), the sentence is praise. Words alone are read.
"""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.domain.competency import Polarity

STRENGTH, GAP, NEUTRAL = Polarity.STRENGTH, Polarity.GAP, Polarity.NEUTRAL


def _read(text: str) -> Polarity:
    return read_polarity(text, feedback=True).polarity


@pytest.mark.parametrize(
    "text",
    [
        # The demo's manager review, after its "but".
        "it is updated before steering committees rather than used to steer.",
        "The risk log is kept up to date rather than used to steer decisions.",
        "The plan is maintained carefully rather than used to guide the team.",
        "The backlog is groomed every week instead of being used to steer priorities.",
    ],
)
def test_good_practice_passed_over_is_a_gap_whatever_the_substitute_is_called(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is GAP, reading
    assert any(cue.startswith("negated praise:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    "text",
    [
        "She focuses on solutions rather than blame.",
        "He asks for help early rather than struggling alone.",
        "She coaches the team rather than micromanaging them.",
    ],
)
def test_a_flaw_passed_over_is_still_praise(text):
    assert _read(text) is STRENGTH


def test_a_steering_committee_is_no_praise_of_who_meets_it():
    reading = read_polarity("She presented the plan to the steering committee.", feedback=True)
    assert not any("steering" in cue for cue in reading.cues), reading.cues
    assert reading.polarity is NEUTRAL
