"""The pipeline across applications: stage dates, the funnel and time between stages."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from nextround.domain.journey import (
    Application,
    OfferResponse,
    Outcome,
    RoundKind,
    Source,
    Status,
    WorkMode,
    derive_status,
)

#: Funnel stages in order, with the label shown to the user.
FUNNEL_STAGES: tuple[tuple[str, str], ...] = (
    ("applied", "Applications"),
    ("screen", "Screens"),
    ("final", "Final rounds"),
    ("offer", "Offers"),
)


@dataclass(frozen=True)
class RoundFact:
    """The little a read model needs to know about a round."""

    kind: RoundKind
    started_on: date


@dataclass(frozen=True)
class DecisionFact:
    """The little a read model needs to know about a decision."""

    outcome: Outcome
    decided_on: date
    offer_response: OfferResponse | None
    current: bool


@dataclass(frozen=True)
class StageDates:
    """The date an application entered each stage; None where it never did."""

    applied: date
    screen: date | None
    interviews: date | None
    final: date | None
    offer: date | None
    decision: date | None


@dataclass
class ApplicationFacts:
    """One application reduced to the facts the pipeline maths needs."""

    id: int
    company: str
    role_title: str
    source: Source
    applied_on: date
    level: str | None = None
    location: str | None = None
    work_mode: WorkMode | None = None
    tags: list[str] = field(default_factory=list)
    rounds: list[RoundFact] = field(default_factory=list)
    decisions: list[DecisionFact] = field(default_factory=list)

    @classmethod
    def of(cls, app: Application) -> ApplicationFacts:
        """Reduce a loaded aggregate to its facts."""
        assert app.id is not None
        return cls(
            id=app.id,
            company=app.company,
            role_title=app.role_title,
            source=app.source,
            applied_on=app.applied_on,
            level=app.level,
            location=app.location,
            work_mode=app.work_mode,
            tags=list(app.tags),
            rounds=[RoundFact(r.kind, r.started_on) for r in app.ordered_rounds],
            decisions=[
                DecisionFact(d.outcome, d.decided_on, d.offer_response, d.reopened_on is None)
                for d in app.decisions
            ],
        )

    @property
    def current_decision(self) -> DecisionFact | None:
        """The decision in force, if any."""
        return next((d for d in self.decisions if d.current), None)

    @cached_property
    def status(self) -> Status:
        """Derived exactly as the aggregate derives it."""
        current = self.current_decision
        return derive_status(
            [r.kind for r in self.rounds],
            current.outcome if current else None,
            current.offer_response if current else None,
        )

    @cached_property
    def stages(self) -> StageDates:
        """When each stage was first entered."""
        starts = sorted(self.rounds, key=lambda r: r.started_on)
        offers = [d.decided_on for d in self.decisions if d.outcome is Outcome.OFFER]
        current = self.current_decision
        return StageDates(
            applied=self.applied_on,
            # Any first round counts as getting past the screen stage: some processes open
            # straight with the hiring manager.
            screen=starts[0].started_on if starts else None,
            interviews=next((r.started_on for r in starts if r.kind is not RoundKind.SCREEN), None),
            final=next((r.started_on for r in starts if r.kind is RoundKind.FINAL_LOOP), None),
            offer=min(offers) if offers else None,
            decision=current.decided_on if current else None,
        )


@dataclass(frozen=True)
class FunnelStep:
    """One stage of the funnel and the share of the previous stage that reached it."""

    stage: str
    label: str
    count: int
    conversion: float | None


@dataclass(frozen=True)
class StageGap:
    """The median number of days from one stage to the next."""

    start: str
    end: str
    median_days: float | None
    samples: int


@dataclass(frozen=True)
class SourceOutcomes:
    """What came of the applications from one source."""

    source: Source
    applications: int
    by_status: dict[str, int]
    offers: int


@dataclass(frozen=True)
class PipelineStats:
    """The funnel, the time between stages and outcomes by source."""

    funnel: list[FunnelStep]
    stage_gaps: list[StageGap]
    by_source: list[SourceOutcomes]
    by_status: dict[str, int]


def _reached(stages: StageDates, stage: str) -> bool:
    if stage == "applied":
        return True
    if stage == "final":
        # An offer without a recorded final round still went through the final stage.
        return stages.final is not None or stages.offer is not None
    if stage == "screen":
        return stages.screen is not None or stages.offer is not None
    return stages.offer is not None


def funnel(facts: Sequence[ApplicationFacts]) -> list[FunnelStep]:
    """Applications → screens → final rounds → offers, with conversion at each step."""
    all_stages = [f.stages for f in facts]
    steps: list[FunnelStep] = []
    previous: int | None = None
    for stage, label in FUNNEL_STAGES:
        count = sum(1 for s in all_stages if _reached(s, stage))
        conversion = None if previous is None or previous == 0 else count / previous
        steps.append(FunnelStep(stage, label, count, conversion))
        previous = count
    return steps


_GAPS = (("applied", "screen"), ("screen", "final"), ("final", "decision"))


def stage_gaps(facts: Iterable[ApplicationFacts]) -> list[StageGap]:
    """The median days between consecutive stages, over applications that saw both."""
    samples: dict[tuple[str, str], list[int]] = defaultdict(list)
    for fact in facts:
        stages = fact.stages
        for start, end in _GAPS:
            first: date | None = getattr(stages, start)
            second: date | None = getattr(stages, end)
            if first is not None and second is not None:
                samples[(start, end)].append((second - first).days)
    return [
        StageGap(
            start,
            end,
            statistics.median(samples[(start, end)]) if samples[(start, end)] else None,
            len(samples[(start, end)]),
        )
        for start, end in _GAPS
    ]


def outcomes_by_source(facts: Iterable[ApplicationFacts]) -> list[SourceOutcomes]:
    """How each source of applications turned out."""
    grouped: dict[Source, list[ApplicationFacts]] = defaultdict(list)
    for fact in facts:
        grouped[fact.source].append(fact)
    result = []
    for source in Source:
        group = grouped.get(source)
        if not group:
            continue
        statuses = Counter(f.status.value for f in group)
        offers = sum(1 for f in group if f.stages.offer is not None)
        result.append(SourceOutcomes(source, len(group), dict(statuses), offers))
    return result


def pipeline_stats(facts: Sequence[ApplicationFacts]) -> PipelineStats:
    """Everything `stats` shows, from one pass of facts."""
    return PipelineStats(
        funnel=funnel(facts),
        stage_gaps=stage_gaps(facts),
        by_source=outcomes_by_source(facts),
        by_status=dict(Counter(f.status.value for f in facts)),
    )
