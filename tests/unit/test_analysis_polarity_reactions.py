"""The panel's reactions to the person, and what the panel values that the person showed."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity


def polarity(text: str) -> Polarity:
    return read_polarity(text).polarity


@pytest.mark.parametrize(
    "sentence",
    [
        "The panel loved your energy",
        "We loved how you framed the trade-offs.",
        "They were really impressed by your stakeholder map.",
        "Everyone enjoyed your demo.",
        "I liked the way you handled the pushback.",
        "The hiring manager admired her composure.",
        "The team values your input.",
    ],
)
def test_the_panels_liking_aimed_at_the_person_is_a_strength(sentence):
    assert polarity(sentence) is Polarity.STRENGTH


@pytest.mark.parametrize(
    "sentence",
    [
        # About the company or the day, not the person.
        "The panel loved the product",
        "The hiring manager liked the new office.",
        # Courtesy, not a trait.
        "We appreciated your patience",
        "Thanks, we appreciate you taking the time.",
        # What the panel likes in general is context.
        "They love to see ownership.",
    ],
)
def test_liking_aimed_elsewhere_is_neutral(sentence):
    assert polarity(sentence) is Polarity.NEUTRAL


def test_a_negated_reaction_is_a_gap():
    assert polarity("The panel did not love your energy.") is Polarity.GAP


def test_a_reaction_before_but_gives_way_to_the_criticism():
    reading = read_polarity("The panel loved her energy but felt the risk story was thin.")
    assert reading.polarity is Polarity.GAP


@pytest.mark.parametrize(
    "sentence",
    [
        "They value collaboration, which you showed",
        "They value collaboration, which you clearly demonstrated in the exercise.",
        "The panel values ownership and you showed plenty of it.",
        "We look for structure, which we saw throughout.",
        "They value collaboration, which she brought to every exercise.",
    ],
)
def test_what_the_panel_values_shown_by_the_person_is_a_strength(sentence):
    assert polarity(sentence) is Polarity.STRENGTH


@pytest.mark.parametrize(
    "sentence",
    [
        "They value collaboration, which we did not see",
        "We look for structure, which we never saw.",
        "We value ownership, which you have not shown.",
    ],
)
def test_what_the_panel_values_and_did_not_see_is_a_gap(sentence):
    assert polarity(sentence) is Polarity.GAP


@pytest.mark.parametrize(
    "sentence",
    [
        # "They" may be the company: only the person shows, anyone may see.
        "The company values data, which they showed in the demo.",
        # A list of what is valued goes on being context.
        "We care about ownership and excellent communication.",
        # Showing something, with no value named, judges nothing.
        "You showed the roadmap.",
    ],
)
def test_showing_outside_a_valued_clause_is_neutral(sentence):
    assert polarity(sentence) is Polarity.NEUTRAL


def test_the_valued_thing_and_its_showing_stay_one_statement():
    source = "They value collaboration, which you showed."
    assert [s.text for s in split_statements(source)] == [source]
