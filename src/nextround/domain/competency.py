"""Competencies, frameworks and the mapping of a text onto them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Polarity(StrEnum):
    """Whether a statement shows a competency as a strength or a gap."""

    STRENGTH = "strength"
    GAP = "gap"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Competency:
    """One skill of a framework; only id, name and description are required."""

    id: str
    name: str
    description: str
    indicators: tuple[str, ...] = ()
    missing_signs: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    practice: tuple[str, ...] = ()


@dataclass(frozen=True)
class Framework:
    """A named set of competencies, built in or imported."""

    id: str
    name: str
    competencies: tuple[Competency, ...]
    source: str | None = None
    description: str | None = None

    def competency(self, competency_id: str) -> Competency | None:
        """The competency with this id, or None."""
        return next((c for c in self.competencies if c.id == competency_id), None)

    def find(self, ref: str) -> Competency | None:
        """The competency a user means: its id, or its name (case, spaces, punctuation aside).

        "risk management", "Risk Management" and "risk_management" all find
        risk-management, so nobody has to look an id up to name a skill they can read.
        """
        exact = self.competency(ref.strip())
        if exact is not None:
            return exact
        key = _key(ref)
        return next(
            (c for c in self.competencies if key and key in (_key(c.id), _key(c.name))), None
        )

    def hint(self, ref: str) -> str:
        """What to say after an unknown competency: the nearest one, or where the ids are."""
        import difflib

        keys = {_key(text): c for c in self.competencies for text in (c.id, c.name)}
        close = difflib.get_close_matches(_key(ref), list(keys), n=1, cutoff=0.6)
        if close:
            c = keys[close[0]]
            return f"did you mean {c.id!r} ({c.name})?"
        return f"see `nextround framework show {self.id}` for the ids"


@dataclass(frozen=True)
class CompetencyMatch:
    """A competency suggested for a text, with a calibrated confidence in [0, 1]."""

    competency_id: str
    confidence: float


@dataclass(frozen=True)
class LabelledExample:
    """A text the user confirmed as evidence of a competency; it teaches the mapper."""

    text: str
    competency_id: str


def _key(text: str) -> str:
    """A competency id or name folded for matching: lower case, words only."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))
