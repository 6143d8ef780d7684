"""Which competencies a text names outright, whatever the word forms and order."""

from __future__ import annotations

from nextround.analysis.lexical import terms
from nextround.analysis.named_competencies import name_terms, named_in

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
