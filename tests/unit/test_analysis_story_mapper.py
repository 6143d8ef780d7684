"""Stories read by the taught mapper and the plain one together: each competency's better."""

from __future__ import annotations

from collections.abc import Sequence

from nextround.analysis.story_mapper import StoryMapper, better_of
from nextround.domain.competency import CompetencyMatch, Framework


class Fixed:
    """A mapper that reads every text the same way."""

    name, is_fallback = "fixed", False
    framework = Framework("f", "F", ())

    def __init__(self, *matches: tuple[str, float]) -> None:
        self.matches = [CompetencyMatch(c, p) for c, p in matches]
        self.seen: list[str] = []

    def map(self, texts: Sequence[str], k: int = 3) -> list[list[CompetencyMatch]]:
        self.seen += texts
        return [list(self.matches[:k]) for _ in texts]


def test_each_competency_keeps_its_better_reading():
    # Taught by feedback on synthesis only, the journey map slips behind it.
    taught = Fixed(("synthesis", 0.18), ("services", 0.09))
    plain = Fixed(("services", 0.61), ("synthesis", 0.1), ("access", 0.3))
    [found] = StoryMapper(taught, plain).map(["I mapped the whole journey"], k=3)
    assert found == [
        CompetencyMatch("services", 0.61),
        CompetencyMatch("access", 0.3),
        CompetencyMatch("synthesis", 0.18),
    ]
    assert taught.seen == plain.seen == ["I mapped the whole journey"]


def test_the_better_of_two_readings_keeps_only_the_top_k():
    first = [CompetencyMatch("a", 0.5), CompetencyMatch("b", 0.2)]
    second = [CompetencyMatch("c", 0.4), CompetencyMatch("a", 0.1)]
    assert better_of(first, second, 2) == [CompetencyMatch("a", 0.5), CompetencyMatch("c", 0.4)]
    assert better_of([], [], 3) == []


def test_it_answers_as_the_taught_mapper_does():
    taught = Fixed()
    mapper = StoryMapper(taught, Fixed())
    assert (mapper.name, mapper.is_fallback, mapper.framework) == ("fixed", False, taught.framework)
