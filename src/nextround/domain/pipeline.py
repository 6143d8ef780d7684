"""The pipeline across applications: stage dates, the funnel and time between stages."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from itertools import pairwise
from typing import ClassVar

from nextround.domain.articles import indefinite
from nextround.domain.counts import counted
from nextround.domain.journey import (
    FINAL_ROUND_KINDS,
    SCREENING_KINDS,
    Application,
    OfferResponse,
    Outcome,
    RoundKind,
    RoundOutcome,
    Source,
    Status,
    WorkMode,
    derive_status,
)
from nextround.domain.offer_deadline import AcceptedOffer, AnswerDue, answer_due
from nextround.domain.round_pass_rates import DropOff, RoundKindRate, drop_off, round_kind_rates
from nextround.domain.sheet_stages import dated_by_import

#: Funnel stages in order, with the label shown to the user.
FUNNEL_STAGES: tuple[tuple[str, str], ...] = (
    ("applied", "Applications"),
    ("screen", "First rounds"),
    ("interviews", "Interviews"),
    ("final", "Final rounds"),
    ("offer", "Offers"),
)
#: One of each stage, as a sentence counts it ("1 final round"; the labels are the plural).
STAGE_ONE: dict[str, str] = {
    "applied": "application",
    "screen": "first round",
    "interviews": "interview",
    "final": "final round",
    "offer": "offer",
}

#: What the "First rounds" stage counts, said wherever the funnel is shown (stats, the web's
#: funnel). The first response to an application is its first round, whatever its kind: a
#: recruiter's call, an online assessment (the usual first stage for new graduates), or an
#: interview a process opened with. Counting only recruiter calls would show a new
#: graduate's OAs as no response at all; calling the stage "Screens" counted a hiring
#: manager's chat as a screen (QA21 F12). Said in the user's words: no export column names.
SCREEN_STAGE_RULE = (
    "First rounds counts each application that got a first round of any kind: a recruiter "
    "screen, an online assessment, or an interview the process opened with; the median days "
    "run from that first round. Interviews counts those that went on to a live interview, a "
    "round other than a recruiter screen or an online assessment."
)

#: The stages as a sentence names them (the median days' "From" and "To").
STAGE_WORDS = {
    "applied": "applied",
    "screen": "first round",
    "interviews": "interviews",
    "final": "final round",
    "offer": "offer",
    "decision": "decision",
}


@dataclass(frozen=True)
class RoundFact:
    """The little a read model needs to know about a round."""

    kind: RoundKind
    started_on: date
    outcome: RoundOutcome = RoundOutcome.PENDING
    #: Its day only stands in for one not known: a sheet's stage, dated the day applied
    #: (sheet_stages.dated_by_import). Left out of the days between stages.
    day_inferred: bool = False


@dataclass(frozen=True)
class DecisionFact:
    """The little a read model needs to know about a decision."""

    outcome: Outcome
    decided_on: date
    offer_response: OfferResponse | None
    current: bool
    answer_by: date | None = None
    reason: str | None = None
    #: The day an offer was accepted or declined, when kept apart from the day it came.
    responded_on: date | None = None
    #: The field ``day_known`` qualifies: null in JSON when the day is not known.
    DAY_FIELD: ClassVar[str] = "decided_on"
    #: False when its day is not known (a sheet's undated ending): decided_on only stands
    #: in, so it dates no stage and counts in no days between stages.
    day_known: bool = True

    @property
    def answered_on(self) -> date:
        """The day an offer was answered: its own day when no other was kept."""
        return self.responded_on or self.decided_on


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
            rounds=[
                RoundFact(
                    r.kind,
                    r.started_on,
                    r.outcome,
                    dated_by_import(r.started_on, app.applied_on, r.created_at, app.created_at),
                )
                for r in app.ordered_rounds
            ],
            decisions=[
                DecisionFact(
                    d.outcome,
                    d.decided_on,
                    d.offer_response,
                    d.reopened_on is None,
                    d.answer_by,
                    d.reason,
                    d.responded_on,
                    d.day_known,
                )
                for d in app.decisions
            ],
        )

    @property
    def current_decision(self) -> DecisionFact | None:
        """The decision in force, if any."""
        return next((d for d in self.decisions if d.current), None)

    def answer_due(self, today: date) -> AnswerDue | None:
        """The answer-by reminder of a pending offer in force (see domain/offer_deadline)."""
        d = self.current_decision
        pending = (
            d is not None
            and d.outcome is Outcome.OFFER
            and d.offer_response is OfferResponse.PENDING
        )
        return answer_due(pending, d.answer_by if d else None, today, self.company, self.id)

    def accepted_offer(self) -> AcceptedOffer | None:
        """The offer accepted here and in force, with the day it was accepted; else None."""
        d = self.current_decision
        if d is None or d.outcome is not Outcome.OFFER:
            return None
        if d.offer_response is not OfferResponse.ACCEPTED:
            return None
        return AcceptedOffer(self.company, self.id, d.answered_on)

    @cached_property
    def status(self) -> Status:
        """Derived exactly as the aggregate derives it."""
        current = self.current_decision
        return derive_status(
            [r.kind for r in self.rounds],
            current.outcome if current else None,
            current.offer_response if current else None,
        )

    def _stage_rounds(self) -> dict[str, RoundFact]:
        """The round that opened each stage a round opens (screen, interviews, final)."""
        starts = sorted(self.rounds, key=lambda r: r.started_on)
        # Any first round counts as getting past the screen stage: some processes open
        # straight with the hiring manager. An online assessment is the screen, not an
        # interview: the first interview is the first live round.
        opened = {
            "screen": starts[0] if starts else None,
            "interviews": next((r for r in starts if r.kind not in SCREENING_KINDS), None),
            "final": next((r for r in starts if r.kind in FINAL_ROUND_KINDS), None),
        }
        return {stage: r for stage, r in opened.items() if r is not None}

    @property
    def inferred_stages(self) -> frozenset[str]:
        """The stages whose day only stands in for one not known (a sheet's stage round)."""
        return frozenset(s for s, r in self._stage_rounds().items() if r.day_inferred)

    @cached_property
    def stages(self) -> StageDates:
        """When each stage was first entered."""
        opened = self._stage_rounds()
        offers = [d for d in self.decisions if d.outcome is Outcome.OFFER]
        current = self.current_decision
        return StageDates(
            applied=self.applied_on,
            screen=opened["screen"].started_on if "screen" in opened else None,
            interviews=opened["interviews"].started_on if "interviews" in opened else None,
            final=opened["final"].started_on if "final" in opened else None,
            # An offer whose day is not known still counts as an offer: its stand-in day
            # orders it, and offer_day says whether that is a day to show.
            offer=min(d.decided_on for d in offers) if offers else None,
            # A decision whose day is not known dates nothing (no days to it, no day shown).
            decision=current.decided_on if current and current.day_known else None,
        )

    @property
    def offer_day(self) -> date | None:
        """The day the first offer came, as known: None when none came or its day is not."""
        first = min(
            (d for d in self.decisions if d.outcome is Outcome.OFFER),
            key=lambda d: d.decided_on,
            default=None,
        )
        return first.decided_on if first is not None and first.day_known else None


@dataclass(frozen=True)
class FunnelStep:
    """One stage of the funnel: the applications with it on record, and how many went on.

    ``conversion`` is the share of the previous stage's applications that have this one
    on record too. ``unrecorded`` counts those here without the previous stage on record
    (an offer with no final round recorded): counted at this stage, not at the one skipped.
    With any, the previous stage is not the base this one came through, so there is no
    conversion: "Offers 1 · 0%" beside one offer that skipped the final round reads as a bug.
    """

    stage: str
    label: str
    count: int
    conversion: float | None
    unrecorded: int = 0

    @property
    def conversion_text(self) -> str:
        """The conversion as a table shows it: "67%", "—" where none is true, "" at the top."""
        if self.conversion is not None:
            return f"{self.conversion:.0%}"
        return "—" if self.unrecorded else ""


@dataclass(frozen=True)
class StageGap:
    """The median number of days from one stage to the next."""

    start: str
    end: str
    median_days: float | None
    samples: int
    #: Applications that saw both stages, left out as one's day is only inferred (a sheet's
    #: stage round, dated the day applied).
    left_out: int = 0


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
    #: How each kind of round went, in the order of RoundKind (kinds with no round left out).
    round_kinds: list[RoundKindRate] = field(default_factory=list)
    #: The kind of round where most processes end, when there is a clear one.
    drop_off: DropOff | None = None
    #: Applications left out of some days between stages (a round's day only inferred).
    gaps_left_out: int = 0


def _reached(stages: StageDates, stage: str) -> bool:
    """Whether the stage is on record: a stage that was never recorded did not happen.

    An offer straight after applying (or after a hiring-manager round) is no screen or
    final round; counting it as one would make the funnel disagree with the record.
    """
    if stage == "applied":
        return True
    return getattr(stages, stage) is not None


def funnel(facts: Sequence[ApplicationFacts]) -> list[FunnelStep]:
    """Applications → first rounds → interviews → final rounds → offers, as recorded.

    Each stage counts the applications with it on record (see FUNNEL_STAGES).
    """
    all_stages = [f.stages for f in facts]
    steps: list[FunnelStep] = []
    before: set[int] | None = None
    for stage, label in FUNNEL_STAGES:
        here = {i for i, s in enumerate(all_stages) if _reached(s, stage)}
        unrecorded = 0 if before is None else len(here - before)
        conversion = None if not before or unrecorded else len(here & before) / len(before)
        steps.append(FunnelStep(stage, label, len(here), conversion, unrecorded))
        before = here
    return steps


def funnel_note(steps: Sequence[FunnelStep]) -> str | None:
    """What the funnel leaves out, in a sentence: stages skipped on the way to a later one.

    E.g. "1 offer came without a final round on record: the funnel counts only the stages
    recorded." None when every application went through each stage in turn.
    """
    parts = []
    for previous, step in pairwise(steps):
        if step.unrecorded:
            what = counted(step.unrecorded, STAGE_ONE[step.stage], step.label.lower())
            missing = STAGE_ONE[previous.stage]
            parts.append(f"{what} came without {indefinite(missing)} on record")
    if not parts:
        return None
    return f"{'; '.join(parts)}: the funnel counts only the stages recorded."


_GAPS = (("applied", "screen"), ("screen", "final"), ("final", "decision"))


def stage_gaps(facts: Iterable[ApplicationFacts]) -> list[StageGap]:
    """The median days between consecutive stages, over applications that saw both."""
    samples: dict[tuple[str, str], list[int]] = defaultdict(list)
    left_out: Counter[tuple[str, str]] = Counter()
    for fact in facts:
        stages = fact.stages
        inferred = fact.inferred_stages
        for start, end in _GAPS:
            first: date | None = getattr(stages, start)
            second: date | None = getattr(stages, end)
            if first is None or second is None:
                continue
            if start in inferred or end in inferred:
                # A day the import stood in with (the day applied) would read as 0 days.
                left_out[(start, end)] += 1
            else:
                samples[(start, end)].append((second - first).days)
    return [
        StageGap(
            start,
            end,
            statistics.median(samples[(start, end)]) if samples[(start, end)] else None,
            len(samples[(start, end)]),
            left_out[(start, end)],
        )
        for start, end in _GAPS
    ]


def gaps_left_out(facts: Iterable[ApplicationFacts]) -> int:
    """How many applications some days between stages leave out, a round's day inferred."""
    return sum(1 for f in facts if _in_a_gap(f))


def gaps_left_out_note(left_out: int) -> str:
    """What the median days leave out, and how to bring those applications back in."""
    whose, they = ("whose rounds", "they") if left_out > 1 else ("whose round", "it")
    return (
        f"Left out of the median days: {counted(left_out, 'application')} {whose} came from "
        f"a spreadsheet's stage column, dated the day applied as the sheet gave no day "
        f"({they} would read as 0 days). Give a round its real day with `nextround round "
        "edit APP N --on DATE` to count it."
    )


def _in_a_gap(fact: ApplicationFacts) -> bool:
    """Whether an inferred stage of ``fact`` meets another stage on record in a gap."""
    stages, inferred = fact.stages, fact.inferred_stages
    return any(
        (start in inferred or end in inferred)
        and getattr(stages, start) is not None
        and getattr(stages, end) is not None
        for start, end in _GAPS
    )


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
        round_kinds=round_kind_rates(facts),
        drop_off=drop_off(facts),
        gaps_left_out=gaps_left_out(facts),
    )
