"""A development area named outright ("The main growth area is X") reads as a gap on X."""

import json
import math
from pathlib import Path

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity

STRENGTH, GAP = Polarity.STRENGTH, Polarity.GAP


def _towards_strength() -> list[float]:
    """An embedding the polarity probe reads as plainly as it can as good practice."""
    import nextround.analysis.polarity_probe as probe

    path = Path(probe.__file__).with_name("polarity_probe.json")
    weights = json.loads(path.read_text())["weights"]
    norm = math.sqrt(sum(w * w for w in weights))
    return [w / norm for w in weights]


@pytest.mark.parametrize(
    "text",
    [
        "The main growth area is risk management: risks are tracked.",
        "Your biggest development area is stakeholder management: you communicate often.",
        "An area to work on is prioritisation.",
        "One thing to improve is your storytelling.",
        "Her key development need right now is delegation.",
        "Improvement area - written updates, which are clear but long.",
        "Stakeholder management remains your biggest development area.",
        "I see commercial awareness as one of your main growth areas.",
        "Areas for development: risk planning, which you do well in small projects.",
    ],
)
def test_a_named_development_area_is_a_gap_the_probe_cannot_overturn(text):
    reading = read_polarity(text, embedding=_towards_strength())
    assert reading.polarity is GAP, (text, reading)
    assert any(cue.startswith("gap area:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    "text",
    [
        # A behaviour that looks for improvements is good practice, not a named area.
        "Identifies areas for improvement in team processes.",
        "Your biggest strength is stakeholder management.",
    ],
)
def test_an_area_that_is_not_named_as_the_persons_gap_is_no_gap_area(text):
    reading = read_polarity(text)
    assert reading.polarity is STRENGTH, (text, reading)
    assert not any(cue.startswith("gap area:") for cue in reading.cues)


def test_a_named_area_keeps_its_explanation_in_one_statement():
    text = (
        "The main growth area is risk management: risks are tracked but mitigations and "
        "owners are often missing until late. Your biggest development area is stakeholder "
        "management: you communicate often, but you rarely align priorities."
    )
    statements = split_statements(text)
    assert [s.text for s in statements] == [
        "The main growth area is risk management: risks are tracked but mitigations and "
        "owners are often missing until late.",
        "Your biggest development area is stakeholder management: you communicate often, "
        "but you rarely align priorities.",
    ]
    assert all(read_polarity(s.text).polarity is GAP for s in statements)


def test_a_label_that_praises_still_splits_at_its_contrast():
    statements = split_statements(
        "Great energy in the room: clear communicator, but the roadmap lacked structure."
    )
    readings = [read_polarity(s.text).polarity for s in statements]
    assert readings == [STRENGTH, GAP]
