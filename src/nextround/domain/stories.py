"""The story bank: STAR stories, their precision checks and competency coverage."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from nextround.domain import values
from nextround.domain.competency import CompetencyMatch, Framework
from nextround.domain.story_checks import (
    CHECKS,
    DEFAULT_BUDGET_SECONDS,
    WORDS_PER_MINUTE,
    Finding,
    Severity,
    StoryCheck,
    check_story,
)
from nextround.domain.tagging import TaggedOnFrameworks, Tagging

# The checks live in story_checks; they are re-exported so the story bank is one import.
__all__ = [
    "CHECKS",
    "DEFAULT_BUDGET_SECONDS",
    "STAR_PARTS",
    "STORIES_PER_GAP",
    "STORIES_PER_SPIKE",
    "WORDS_PER_MINUTE",
    "CoverageMatrix",
    "CoverageRow",
    "Finding",
    "Severity",
    "Story",
    "StoryCheck",
    "StorySummary",
    "TaggedStory",
    "check_story",
    "coverage",
    "stories_showing",
]

STORY_FIELD_MAX = 10_000
STAR_PARTS = ("situation", "task", "action", "result")
# A spike should be impossible to miss: two stories, so it can come up twice in one loop.
STORIES_PER_SPIKE = 2
STORIES_PER_GAP = 1


@dataclass(eq=False)
class Story(TaggedOnFrameworks):
    """A STAR story from the person's experience, tagged with the competencies it shows.

    Its tags are per framework (see domain.tagging): ``competencies`` and ``suggestions``
    are those on ``framework_id``; ``tags_on`` reads them on any framework.
    """

    title: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    competencies: list[str] = field(default_factory=list)
    # What the mapper suggested; the user's confirmed choice is ``competencies``.
    suggestions: list[CompetencyMatch] = field(default_factory=list)
    framework_id: str | None = None
    #: The tags on other frameworks, by framework.
    elsewhere: dict[str, Tagging] = field(default_factory=dict)
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def text(self) -> str:
        """The whole story as one text, situation to result."""
        return "\n".join(p for p in (self.situation, self.task, self.action, self.result) if p)

    @property
    def empty_parts(self) -> list[str]:
        """The STAR parts with nothing written yet, in story order: what a draft still needs."""
        return [part for part in STAR_PARTS if not getattr(self, part).strip()]

    def check(self) -> None:
        """Raise DomainError unless the story is storable; a draft may leave STAR parts empty."""
        self.title = values.name(self.title, "story title")
        self.situation = values.text(self.situation, "situation", limit=STORY_FIELD_MAX) or ""
        self.task = values.text(self.task, "task", limit=STORY_FIELD_MAX) or ""
        self.action = values.text(self.action, "action", limit=STORY_FIELD_MAX) or ""
        self.result = values.text(self.result, "result", limit=STORY_FIELD_MAX) or ""
        self.competencies = values.tags(self.competencies, "competency")

    def summary(
        self, framework: Framework, budget_seconds: int = DEFAULT_BUDGET_SECONDS
    ) -> StorySummary:
        """What the growth plan on a framework needs to know about this story."""
        checked = check_story(self, budget_seconds)
        fixes = [f.fix for f in checked.findings if f.severity is not Severity.INFO]
        return StorySummary(
            id=self.id,
            title=self.title,
            competencies=self.tags_on(framework.id, framework.ids).competencies,
            ready=checked.ready,
            first_fix=fixes[0] if fixes else None,
        )


@dataclass(frozen=True)
class StorySummary:
    """A story as the plan sees it: which competencies it shows and whether it is ready."""

    id: int | None
    title: str
    competencies: tuple[str, ...]
    ready: bool = True
    first_fix: str | None = None


class TaggedStory(Protocol):
    """Anything with a title and competency tags: a Story or a StorySummary."""

    @property
    def id(self) -> int | None:
        """The story's id, if stored."""

    @property
    def title(self) -> str:
        """The story's title."""

    @property
    def competencies(self) -> Sequence[str]:
        """The competencies the story shows."""


def stories_showing(stories: Sequence[TaggedStory], competency_id: str) -> list[TaggedStory]:
    """The stories tagged with a competency."""
    return [s for s in stories if competency_id in s.competencies]


@dataclass(frozen=True)
class CoverageRow:
    """One competency across the story bank."""

    competency_id: str
    name: str
    cells: tuple[bool, ...]
    is_spike: bool
    is_gap: bool
    # A gap heard once that the plan acts on (a provisional action), and the day of an
    # interview coming up that is set to probe it: each needs a story too.
    heard_once: bool = False
    probed_on: date | None = None
    # Per story (column), whether the story checker calls it ready; empty: all count.
    ready: tuple[bool, ...] = ()

    @property
    def reason(self) -> str | None:
        """Why it needs a story, in words: "spike", "recurring gap", "heard once", "probed …"."""
        said = []
        if self.is_spike:
            said.append("spike")
        if self.is_gap:
            said.append("recurring gap")
        elif self.heard_once:
            said.append("gap heard once")
        if self.probed_on is not None:
            said.append(f"probed at the interview on {self.probed_on:%a %-d %b}")
        return ", ".join(said) or None

    @property
    def count(self) -> int:
        """How many stories ready to tell show this competency: only they cover a need."""
        if not self.ready:
            return sum(self.cells)
        return sum(c and r for c, r in zip(self.cells, self.ready, strict=True))

    @property
    def drafts(self) -> int:
        """How many stories show it that the story checker calls not ready yet."""
        return sum(self.cells) - self.count

    def is_draft(self, column: int) -> bool:
        """Whether the story in ``column`` shows this competency but is not ready yet."""
        return self.cells[column] and bool(self.ready) and not self.ready[column]

    @property
    def needed(self) -> int:
        """How many stories it should have: two per spike, one per gap or probed competency.

        A gap counts recurring or heard once (with a plan action); a probed competency is
        one an interview coming up is set to probe.
        """
        if self.is_spike:
            return STORIES_PER_SPIKE
        return STORIES_PER_GAP if self.is_gap or self.heard_once or self.probed_on else 0

    @property
    def missing(self) -> int:
        """How many more stories it needs."""
        return max(0, self.needed - self.count)

    @property
    def count_label(self) -> str:
        """The stories it has, against those it needs: "2 (1 needed)", "0 (2 needed)", "3"."""
        needed = f" ({self.needed} needed)" if self.needed else ""
        if self.drafts:
            # "0 ready + 1 not ready (1 needed)": a draft is shown, never counted as cover.
            return f"{self.count} ready + {self.drafts} not ready{needed}"
        return f"{self.count}{needed}"

    def to_json(self) -> dict[str, Any]:
        """The row with its counts."""
        return {
            "competency_id": self.competency_id,
            "name": self.name,
            "cells": list(self.cells),
            "count": self.count,
            "drafts": self.drafts,
            "is_spike": self.is_spike,
            "is_gap": self.is_gap,
            "heard_once": self.heard_once,
            "probed_on": None if self.probed_on is None else self.probed_on.isoformat(),
            "reason": self.reason,
            "needed": self.needed,
            "missing": self.missing,
        }


@dataclass(frozen=True)
class CoverageMatrix:
    """Competencies x stories, with the spikes and gaps that no story shows."""

    story_titles: tuple[str, ...]
    story_ids: tuple[int | None, ...]
    rows: tuple[CoverageRow, ...]
    # Stories tagged on another framework only (chosen before a switch), not on this one.
    elsewhere: tuple[int | None, ...] = ()
    # Per story, whether the story checker calls it ready; a draft covers no need yet.
    story_ready: tuple[bool, ...] = ()

    @property
    def uncovered(self) -> list[CoverageRow]:
        """Competencies that need a story and have none behind them."""
        return [r for r in self.rows if r.needed and r.count == 0]

    @property
    def short(self) -> list[CoverageRow]:
        """Spikes and gaps with fewer stories than they need."""
        return [r for r in self.rows if r.missing]

    @property
    def has_targets(self) -> bool:
        """Whether anything needs stories: a spike, a gap, or an interview coming up."""
        return any(r.needed for r in self.rows)

    @property
    def untagged(self) -> list[int | None]:
        """The stories that show no competency of the framework yet (none confirmed)."""
        return [
            ident
            for column, ident in enumerate(self.story_ids)
            if not any(r.cells[column] for r in self.rows)
        ]

    @property
    def shown(self) -> list[CoverageRow]:
        """The rows worth a line: a competency some story shows, or one that needs a story."""
        return [r for r in self.rows if any(r.cells) or r.needed]

    def to_json(self) -> dict[str, Any]:
        """The stories, rows and the competencies that need stories."""
        return {
            "stories": [
                {"id": i, "title": t, "ready": r}
                for i, t, r in zip(
                    self.story_ids,
                    self.story_titles,
                    self.story_ready or [True] * len(self.story_ids),
                    strict=True,
                )
            ],
            "rows": [r.to_json() for r in self.rows],
            "uncovered": [r.competency_id for r in self.uncovered],
            "short": [r.competency_id for r in self.short],
            "untagged": self.untagged,
            "tagged_elsewhere": list(self.elsewhere),
        }


def coverage(
    stories: Sequence[Story],
    framework: Framework,
    spikes: Sequence[str] = (),
    gaps: Sequence[str] = (),
    heard_once: Sequence[str] = (),
    probed: Mapping[str, date] | None = None,
    ready: Sequence[bool] = (),
) -> CoverageMatrix:
    """The framework's competencies against the story bank, spikes and gaps marked.

    A story counts by its tags on this framework only: one tagged on another framework
    (before a switch) is listed apart, never read as this one's, even where ids coincide.
    With ``ready`` (per story, the story checker's verdict), only ready stories cover a
    need; the others are shown as drafts, as the plan counts them.
    """
    tags = [set(s.tags_on(framework.id, framework.ids).competencies) for s in stories]
    verdicts = tuple(ready)
    rows = tuple(
        CoverageRow(
            competency_id=c.id,
            name=c.name,
            cells=tuple(c.id in shown for shown in tags),
            is_spike=c.id in spikes,
            is_gap=c.id in gaps,
            heard_once=c.id in heard_once,
            probed_on=(probed or {}).get(c.id),
            ready=verdicts,
        )
        for c in framework.competencies
    )
    return CoverageMatrix(
        story_titles=tuple(s.title for s in stories),
        story_ids=tuple(s.id for s in stories),
        rows=rows,
        elsewhere=tuple(
            s.id
            for s, shown in zip(stories, tags, strict=True)
            if not shown and s.tagged_on() - {framework.id}
        ),
        story_ready=verdicts,
    )
