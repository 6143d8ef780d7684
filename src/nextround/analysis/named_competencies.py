"""Competencies a text names outright ("risk management didn't come through")."""

from __future__ import annotations

from collections.abc import Sequence

from nextround.analysis.lexical import terms


def name_terms(name: str) -> tuple[str, ...]:
    """The stemmed words that name a competency: its name before any colon.

    "Communication: clarity and concision" is named by "communication" alone; "Planning and
    execution" by both of its words.
    """
    return tuple(terms(name.split(":", 1)[0]))


def named_in(text_terms: Sequence[str], names: Sequence[tuple[str, ...]]) -> list[int]:
    """Indices of the names whose every word appears close together in the text.

    In any order and within one word of each other, so that "managing the risks" names risk
    management as "risk management" does; a word spread over a long sentence does not.
    """
    found = []
    for index, name in enumerate(names):
        if name and _close_together(text_terms, name):
            found.append(index)
    return found


def _close_together(text_terms: Sequence[str], name: tuple[str, ...]) -> bool:
    width = len(name) + 1
    wanted = set(name)
    for start, term in enumerate(text_terms):
        if term in wanted and wanted <= set(text_terms[start : start + width]):
            return True
    return False
