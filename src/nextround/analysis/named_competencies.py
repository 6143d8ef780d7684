"""Competencies a text names outright ("risk management didn't come through"), or nearly."""

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


# A name said with a word inserted ("without formal authority", "risk and issue
# management") is still the name; two inserted words are a phrase of their own ("risk of
# poor stakeholder management" is no risk management).
_INSERTED = 1
# A name this long may be said without its first word, its head: "influence senior
# stakeholders without formal authority" names leadership without authority, "the big
# picture" seeing the big picture. A two-word name needs both: "strong on execution" is
# no planning and execution.
_HEADLESS_FROM = 3


def said_in(text_terms: Sequence[str], names: Sequence[tuple[str, ...]]) -> list[int]:
    """Indices of the names the text says outright or with small variations.

    Those ``named_in`` finds, and a name whose words come in its order with at most one
    word inserted between two of them ("without formal authority"), or, for a name of
    three words or more, all but its first word so ("without formal authority" says
    "Leadership without authority").
    """
    found = []
    for index, name in enumerate(names):
        if not name:
            continue
        if (
            _close_together(text_terms, name)
            or _in_order(text_terms, name)
            or (len(name) >= _HEADLESS_FROM and _in_order(text_terms, name[1:]))
        ):
            found.append(index)
    return found


def _in_order(text_terms: Sequence[str], name: Sequence[str]) -> bool:
    """Whether the name's words come in order, at most ``_INSERTED`` words apart."""
    for start, term in enumerate(text_terms):
        if term != name[0]:
            continue
        at = start
        for word in name[1:]:
            window = text_terms[at + 1 : at + 2 + _INSERTED]
            if word not in window:
                break
            at += 1 + list(window).index(word)
        else:
            return True
    return False
