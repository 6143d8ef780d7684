"""Competencies, frameworks and the mapping of a text onto them."""

from __future__ import annotations

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
