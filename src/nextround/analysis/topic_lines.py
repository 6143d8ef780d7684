"""Feedback lines and labels that only name a competency: "Risk management:", "Ownership -".

Interviewers often sort their notes by skill: a competency's name on a line of its own, or
as the label that opens a line ("Risk management: tracked risks well, but missed the vendor
dependency"). The name says which competency the words under it are about, more surely than
the words themselves, and it judges nothing: "Systems thinking" is no praise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nextround.analysis.lexical import terms
from nextround.analysis.named_competencies import name_terms, named_in
from nextround.domain.competency import CompetencyMatch

# A label is at most this many words: "Data-informed decision making", "Process design and
# improvement", or two names joined ("Risk management and systems thinking").
_MAX_LABEL_WORDS = 8
# Framing around a name that is no part of it: "**Risk management**", "## Ownership", "1)".
_FRAMING = " \t:*#_-–—•.()[]0123456789"


@cache
def _label_mark() -> re.Pattern[str]:
    # A colon, or a dash between spaces ("Systems thinking - didn't see ..."); a hyphen inside
    # a word ("second-order") is none.
    return re.compile(r"\s*:\s+|\s+[-–—]\s+")


#: The share of a statement's mapping that the competencies named above it take at least:
#: the interviewer's own label is surer than any reading of the words under it, yet the
#: rest is left to the words, so a statement plainly about another skill still says so.
TOPIC_SHARE = 0.6


@cache
def _word() -> re.Pattern[str]:
    return re.compile(r"[a-z]+")


class Topics:
    """The competency names a text may be sorted by, and how to find them in it."""

    def __init__(self, names: Sequence[str]) -> None:
        self._names = [name_terms(name) for name in names]
        self._words = {w for name in names for w in _word().findall(name.lower())}

    def __bool__(self) -> bool:
        return any(self._names)

    def named(self, text: str) -> list[int]:
        """Indices of the names the text names anywhere in it (see ``named_in``)."""
        return named_in(terms(text), self._names)

    def only_names(self, text: str) -> bool:
        """Whether the text is one or more competency names and nothing else.

        "Risk management", "**Systems thinking**:", "Risk management and systems thinking"
        are; "Risk management was weak" and "Strengths" are not.
        """
        core = text.strip(_FRAMING)
        if not core or len(core.split()) > _MAX_LABEL_WORDS:
            return False
        words = terms(core)
        found = named_in(words, self._names)
        covered = {term for index in found for term in self._names[index]}
        if not found or any(word not in covered for word in words):
            return False
        # "Risk Manager:" names who speaks, not the skill, though its stems are the same.
        return not any(
            w.endswith(("er", "ers", "or", "ors")) and w not in self._words
            for w in _word().findall(core.lower())
        )

    def label(self, text: str, start: int, end: int) -> tuple[str, int] | None:
        """A name that opens text[start:end] as its label: (the name, where the rest starts).

        The label ends at a colon or a spaced dash and holds nothing but competency names;
        the rest must hold words, or the line is a heading, not a labelled statement.
        """
        mark = _label_mark().search(text, start, min(end, start + 100))
        if mark is None or not text[mark.end() : end].strip():
            return None
        name = text[start : mark.start()]
        return (name.strip(" \t*_"), mark.end()) if self.only_names(name) else None


def lean_on_topic(
    matches: Sequence[CompetencyMatch], named: Sequence[str], k: int = 3
) -> list[CompetencyMatch]:
    """A statement's suggestions once the competencies its topic names are counted in.

    Together they take at least TOPIC_SHARE, in the proportion the words gave them (evenly
    if the words gave them nothing); the others shrink to fit in what is left, so the
    confidences still sum to at most 1. Best first, at most ``k``.
    """
    if not named:
        return list(matches)
    shares = {m.competency_id: m.confidence for m in matches}
    own = sum(shares.get(c, 0.0) for c in named)
    if own < TOPIC_SHARE:
        for c in named:
            shares[c] = shares.get(c, 0.0) * TOPIC_SHARE / own if own else TOPIC_SHARE / len(named)
        rest = sum(p for c, p in shares.items() if c not in named)
        if rest > 1.0 - TOPIC_SHARE:
            for c in shares:
                if c not in named:
                    shares[c] *= (1.0 - TOPIC_SHARE) / rest
    ranked = sorted(shares.items(), key=lambda kv: -kv[1])[:k]
    return [CompetencyMatch(c, p) for c, p in ranked if p > 0.0]
