"""Feedback split into statements, each mapped onto competencies with a polarity."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from nextround.domain.competency import CompetencyMatch, Polarity
from nextround.errors import DomainError

#: Unconfirmed suggestions below this confidence are not treated as evidence.
EVIDENCE_MIN_CONFIDENCE = 0.35


@dataclass(eq=False)
class FeedbackStatement:
    """One judgement from a piece of feedback, e.g. 'the whiteboard flow lacked structure'."""

    feedback_id: int
    position: int
    text: str
    start: int
    end: int
    framework_id: str
    polarity: Polarity = Polarity.NEUTRAL
    polarity_confidence: float = 0.0
    cues: list[str] = field(default_factory=list)
    suggestions: list[CompetencyMatch] = field(default_factory=list)
    competencies: list[str] = field(default_factory=list)
    confirmed: bool = False
    mapper: str = ""
    id: int | None = None
    reviewed_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def evidence(self) -> list[tuple[str, float]]:
        """(competency, confidence) pairs this statement is evidence for."""
        if self.confirmed:
            return [(c, 1.0) for c in self.competencies]
        return [
            (m.competency_id, m.confidence)
            for m in self.suggestions
            if m.confidence >= EVIDENCE_MIN_CONFIDENCE
        ]

    def confirm(
        self, competencies: list[str], polarity: Polarity | None, known: set[str], now: datetime
    ) -> None:
        """The user's verdict: these competencies (possibly none) and this polarity."""
        unknown = [c for c in competencies if c not in known]
        if unknown:
            raise DomainError(f"unknown competency {unknown[0]!r}; see `nextround framework show`")
        self.competencies = list(dict.fromkeys(competencies))
        if polarity is not None:
            self.polarity = polarity
        self.confirmed = True
        self.reviewed_at = now
