"""A clause after praise and "but" is what fell short; a wrong order of steps is a gap."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.domain.competency import Polarity
from nextround.services.mapping import analyse
from tests.unit.growth_fakes import keyword_mapper


def readings(text: str) -> list[tuple[str, Polarity]]:
    (mapped,) = analyse([text], keyword_mapper())
    return [(s.text, s.polarity) for s in mapped.statements]


def test_the_clause_after_praise_and_but_is_the_gap():
    assert readings("Great discovery, but you pitched features before uncovering pain.") == [
        ("Great discovery", Polarity.STRENGTH),
        ("you pitched features before uncovering pain.", Polarity.GAP),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Strong opening, but you moved on to the demo in the second minute.",
        "Great energy; however, the demo ran for most of the slot.",
    ],
)
def test_a_plain_clause_after_praise_and_a_contrast_reads_as_a_gap(text):
    (first, second) = readings(text)
    assert first[1] is Polarity.STRENGTH
    assert second[1] is Polarity.GAP


def test_a_clause_that_praises_too_keeps_its_reading():
    assert readings("Great discovery, but your close was excellent.") == [
        ("Great discovery", Polarity.STRENGTH),
        ("your close was excellent.", Polarity.STRENGTH),
    ]


def test_a_plain_sentence_after_praise_with_no_contrast_stays_neutral():
    second = readings("Great discovery. You moved on to the demo in the second minute.")[1]
    assert second[1] is Polarity.NEUTRAL


@pytest.mark.parametrize(
    "text",
    [
        "You pitched features before uncovering pain.",
        "You demoed the product before asking about their goals.",
        "Talked about pricing before qualifying the budget.",
        "He jumped into a solution before understanding the problem.",
    ],
)
def test_telling_before_finding_out_is_a_gap(text):
    assert read_polarity(text, feedback=True).polarity is Polarity.GAP


@pytest.mark.parametrize(
    "text",
    [
        "You quantified the business pain before ever mentioning the product.",
        "She always listened before proposing a fix.",
        "He tried to solve it himself before asking for help.",
    ],
)
def test_finding_out_before_telling_is_no_gap(text):
    assert read_polarity(text, feedback=True).polarity is not Polarity.GAP


@pytest.mark.parametrize(
    "text",
    [
        "You quantified the business pain before ever mentioning the product.",
        "Built rapport quickly with the panel.",
    ],
)
def test_finding_out_first_and_building_rapport_read_as_praise(text):
    assert read_polarity(text, feedback=True).polarity is Polarity.STRENGTH
