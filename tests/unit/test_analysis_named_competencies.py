"""Which competencies a text names outright, whatever the word forms and order."""

from __future__ import annotations

from nextround.analysis.lexical import terms
from nextround.analysis.named_competencies import name_terms, named_in, said_in

NAMES = [
    name_terms(n)
    for n in (
        "Risk management",
        "Systems thinking",
        "Communication: clarity and concision",
        "Planning and execution",
    )
]


def _named(text: str) -> list[int]:
    return named_in(terms(text), NAMES)


def test_names_are_found_in_other_word_forms_and_orders() -> None:
    assert _named("risk management didn't come through") == [0]
    assert _named("gaps around systemic thinking") == [1]
    assert _named("managing the risks was thin") == [0]
    assert _named("she communicated clearly") == [2]  # the part before the colon names it
    assert _named("planning and execution were solid") == [3]


def test_a_name_needs_all_its_words_close_together() -> None:
    assert _named("strong on execution") == []  # half of "Planning and execution"
    assert _named("the risk was that the whole programme needed better management") == []
    assert _named("plain praise with no names") == []


def test_a_text_can_name_several() -> None:
    assert _named("risk management and systems thinking both came up") == [0, 1]


SAID = [
    name_terms(n)
    for n in (
        "Leadership without authority",
        "Risk management",
        "Seeing the Big Picture",
        "Planning and execution",
        "Stakeholder management",
    )
]


def _said(text: str) -> list[int]:
    return said_in(terms(text), SAID)


def test_a_name_said_with_a_word_inserted_or_without_its_head_is_said() -> None:
    assert _said("influence senior stakeholders without formal authority") == [0]
    assert _said("led the squad without any authority over it") == [0]
    assert _said("showed leadership without formal authority") == [0]
    assert _said("risk and issue management was solid") == [1]
    assert _said("the risks were managed late") == [1]  # an inflection, as named_in finds
    assert _said("kept the big picture in view") == [2]
    assert _said("stakeholders management") == [4]  # a plural


def test_a_name_said_loosely_still_needs_its_words_close_and_in_order() -> None:
    # Two words inserted make another phrase: this is stakeholder management, not risk.
    assert _said("the risk of poor stakeholder management") == [4]
    # A two-word name needs both words: half of it is not the name.
    assert _said("strong on execution") == []
    assert _said("she had the authority to decide") == []
    assert _said("a picture of the team's morale") == []
    assert _said("authority came without a fight") == []
