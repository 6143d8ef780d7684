"""Split texts into statements and map each onto competencies with a polarity."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nextround.domain.competency import (
    CompetencyMatch,
    Framework,
    LabelledExample,
    Polarity,
    PolarityExample,
)
from nextround.domain.statements import in_use
from nextround.services.ports import GrowthUnitOfWork

if TYPE_CHECKING:
    from nextround.analysis.mapper import Mapper
    from nextround.analysis.polarity_memory import PolarityMemory


@dataclass(frozen=True)
class MappedStatement:
    """One statement of a text, with its polarity and best competencies."""

    text: str
    start: int
    end: int
    polarity: Polarity
    polarity_confidence: float
    cues: tuple[str, ...]
    matches: list[CompetencyMatch] = field(default_factory=list)
    #: The competency name the statement sits under or that opened its line ("Risk
    #: management: ..."): it counts in ``matches``, and tells the reader what a bare
    #: "missed the vendor dependency" is about.
    topic: str | None = None


@dataclass(frozen=True)
class MappedText:
    """A whole text: the statements it was split into."""

    text: str
    statements: list[MappedStatement]


def analyse(texts: Sequence[str], mapper: Mapper, k: int = 3) -> list[MappedText]:
    """Split every text, read each statement's polarity and map all statements in one batch.

    A competency named as a heading or a line's label ("Risk management: tracked risks
    well, but missed the vendor dependency") counts for each statement under it: it is the
    interviewer's own word for what the statement is about (see ``topic_lines``).
    """
    from nextround.analysis.polarity import PolarityReading, read_polarity
    from nextround.analysis.polarity_suggestion import suggested_readings
    from nextround.analysis.statements import split_statements
    from nextround.analysis.topic_lines import Topics, lean_on_topic

    competencies = mapper.framework.competencies
    names = [c.name for c in competencies]
    topics = Topics(names)
    split = [split_statements(text, names) for text in texts]
    flat = [statement.text for parts in split for statement in parts]
    matches = iter(mapper.map(flat, k=k) if flat else [])
    # The semantic mapper's embedder (cached) also feeds the polarity probe, which settles
    # statements whose wording alone is mixed; the lexical fallback has none.
    embedder = getattr(mapper, "embedder", None)
    vectors = embedder.embed(flat) if embedder is not None and flat else None
    headings = [statement.heading for parts in split for statement in parts]
    readings = [
        read_polarity(
            text,
            heading=heading,
            embedding=None if vectors is None else vector,
            feedback=True,
        )
        for text, heading, vector in zip(
            flat, headings, [None] * len(flat) if vectors is None else vectors, strict=True
        )
    ]
    # Each text's statements are suggested together: a list point follows the one before
    # it in the same text, never the last statement of another text.
    by_text: list[PolarityReading] = []
    for parts in split:
        by_text += suggested_readings(parts, readings[len(by_text) : len(by_text) + len(parts)])
    readings = by_text
    # The polarities the user confirmed carry over to near-identical statements.
    memory: PolarityMemory | None = getattr(mapper, "polarity_memory", None)
    if memory is not None:
        readings = memory.recall(flat, readings, vectors)
    read = iter(readings)
    result = []
    for text, parts in zip(texts, split, strict=True):
        mapped = []
        for statement in parts:
            reading = next(read)
            named = topics.named(statement.topic) if statement.topic else []
            mapped.append(
                MappedStatement(
                    text=statement.text,
                    start=statement.start,
                    end=statement.end,
                    polarity=reading.polarity,
                    polarity_confidence=reading.confidence,
                    cues=tuple(reading.cues),
                    matches=lean_on_topic(next(matches), [competencies[i].id for i in named], k),
                    topic=statement.topic,
                )
            )
        result.append(MappedText(text, mapped))
    return result


def confirmed_examples(uow: GrowthUnitOfWork, framework: Framework) -> list[LabelledExample]:
    """What the user confirmed on this framework: the examples that teach the mapper."""
    known = {c.id for c in framework.competencies}
    examples = [
        LabelledExample(statement.text, competency)
        for statement in uow.statements.confirmed(framework.id)
        for competency in statement.competencies
        if competency in known
    ]
    for debrief in uow.debriefs.all():
        for question in debrief.questions:
            # Only what the user confirmed on this framework: a question confirmed on
            # another one says nothing about this one's competencies, even a same-named id.
            tags = question.tags_on(framework.id, known)
            if tags.confirmed:
                examples.extend(LabelledExample(question.text, c) for c in tags.competencies)
    return examples


def confirmed_polarities(uow: GrowthUnitOfWork) -> list[PolarityExample]:
    """The polarities the user confirmed, on any framework: they teach the reader.

    A statement's polarity does not depend on the framework its competencies come from.
    One reviewed as about no competency (a disclaimer, a pleasantry) teaches nothing: its
    polarity was never the user's verdict.
    """
    return [PolarityExample(s.text, s.polarity) for s in in_use(uow.statements.confirmed())]
