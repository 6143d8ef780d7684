"""Reading a story both as the user's confirmed feedback taught and from the framework alone.

Confirmed feedback teaches the mapper how feedback words each competency, and its vote goes
only to competencies that have such examples. A story is worded as acts, not as feedback,
and it is most needed for a competency no feedback has confirmed yet (one an interview will
probe): read with the examples alone, "I mapped the whole journey from the letter home to
the day itself" went to the synthesis feedback it resembled, at 18%, and Service and
systems thinking, which no feedback had confirmed, fell to 9% (61% from the framework).
So each competency keeps the better of the two readings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nextround.analysis.mapper import Mapper
    from nextround.domain.competency import CompetencyMatch, Framework


class StoryMapper:
    """Two mappers of one framework read as one: each competency at its better confidence."""

    def __init__(self, taught: Mapper, plain: Mapper) -> None:
        self.taught = taught
        self.plain = plain
        self.name: str = taught.name
        self.is_fallback: bool = taught.is_fallback
        self.framework: Framework = taught.framework

    def map(self, texts: Sequence[str], k: int = 3) -> list[list[CompetencyMatch]]:
        """Up to k matches per text, best first, each competency at its better reading."""
        return [
            better_of(taught, plain, k)
            for taught, plain in zip(
                self.taught.map(texts, k), self.plain.map(texts, k), strict=True
            )
        ]


def better_of(
    first: Sequence[CompetencyMatch], second: Sequence[CompetencyMatch], k: int
) -> list[CompetencyMatch]:
    """The top k of two readings of one text, each competency at its higher confidence."""
    best: dict[str, CompetencyMatch] = {}
    for match in (*first, *second):
        kept = best.get(match.competency_id)
        if kept is None or match.confidence > kept.confidence:
            best[match.competency_id] = match
    return sorted(best.values(), key=lambda m: -m.confidence)[:k]
