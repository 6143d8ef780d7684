"""The evidence-weighted profile: scores, spikes, recurring gaps, calibration and trend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from nextround.domain.competency import Framework
from nextround.domain.evidence import DEFAULT_HALF_LIFE_DAYS, Evidence
from nextround.domain.patterns import (
    Calibration,
    NearSpike,
    RecurringGap,
    Spike,
    calibrate,
    find_early_gaps,
    find_near_spikes,
    find_recurring_gaps,
    find_spikes,
)
from nextround.domain.scoring import CompetencyScore, Explanation, explain, score, weigh_all
from nextround.errors import NotFoundError

__all__ = [
    "CompetencyScore",
    "Explanation",
    "Profile",
    "TrendPoint",
    "TrendSeries",
    "build_profile",
    "explain_competency",
    "quarter_end",
    "quarter_label",
]


def quarter_label(day: date) -> str:
    """The calendar quarter a day falls in, e.g. "2025Q2"."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def quarter_end(day: date) -> date:
    """The last day of the calendar quarter that ``day`` falls in."""
    first_month_next = (day.month - 1) // 3 * 3 + 4
    if first_month_next > 12:
        return date(day.year, 12, 31)
    return date(day.year, first_month_next, 1) - timedelta(days=1)


@dataclass(frozen=True)
class TrendPoint:
    """A competency's score as it stood at the end of one quarter."""

    quarter: str
    as_of: date
    score: CompetencyScore

    def to_json(self) -> dict[str, Any]:
        """The quarter, the day it was measured and the score then."""
        return {
            "quarter": self.quarter,
            "as_of": self.as_of.isoformat(),
            "mean": round(self.score.mean, 4),
            "low": round(self.score.low, 4),
            "high": round(self.score.high, 4),
            "evidence_weight": round(self.score.evidence_weight, 4),
            "thin": self.score.thin,
        }


@dataclass(frozen=True)
class TrendSeries:
    """One competency's score quarter by quarter, from its first evidence to today."""

    competency_id: str
    name: str
    points: tuple[TrendPoint, ...]

    def to_json(self) -> dict[str, Any]:
        """The competency and its points in time order."""
        return {
            "competency_id": self.competency_id,
            "name": self.name,
            "points": [p.to_json() for p in self.points],
        }


@dataclass(frozen=True)
class Profile:
    """Everything the evidence says about the person, as of one day."""

    competencies: list[CompetencyScore]
    spikes: list[Spike]
    recurring_gaps: list[RecurringGap]
    calibration: Calibration
    trend: list[TrendSeries]
    as_of: date
    half_life_days: int = DEFAULT_HALF_LIFE_DAYS
    # Gaps heard from one outside source so far: shown as early signals, never planned for,
    # and not part of the five keys of the JSON.
    early_gaps: list[RecurringGap] = field(default_factory=list)
    # Competencies reading "strength" that are no spike, with the part of the rule unmet;
    # outside the JSON too.
    near_spikes: list[NearSpike] = field(default_factory=list)

    def score_of(self, competency_id: str) -> CompetencyScore | None:
        """The score of one competency, or None if the framework has no such competency."""
        return next((s for s in self.competencies if s.competency_id == competency_id), None)

    def to_json(self) -> dict[str, Any]:
        """The profile under exactly five keys, the shape `nextround profile --json` prints."""
        return {
            "competencies": [s.to_json() for s in self.competencies],
            "spikes": [s.to_json() for s in self.spikes],
            "recurring_gaps": [g.to_json() for g in self.recurring_gaps],
            "calibration": self.calibration.to_json(),
            "trend": [t.to_json() for t in self.trend],
        }


def build_profile(
    evidence: Sequence[Evidence],
    framework: Framework,
    today: date,
    half_life_days: int = DEFAULT_HALF_LIFE_DAYS,
) -> Profile:
    """Score every competency of the framework from the evidence, as of ``today``.

    Evidence about competencies outside the framework (say, mapped under another framework)
    and evidence dated after ``today`` is left out: the profile is what was known that day.
    Competencies without evidence are still listed, marked "no evidence yet".
    """
    weighted = weigh_all(evidence, today, half_life_days)
    scores = [score(c, weighted.get(c.id, ())) for c in framework.competencies]
    return Profile(
        competencies=scores,
        spikes=find_spikes(scores, weighted),
        recurring_gaps=find_recurring_gaps(scores, weighted),
        calibration=calibrate(framework.competencies, weighted),
        trend=build_trend(evidence, framework, today, half_life_days),
        as_of=today,
        half_life_days=half_life_days,
        early_gaps=find_early_gaps(scores, weighted),
        near_spikes=find_near_spikes(scores, weighted),
    )


def build_trend(
    evidence: Sequence[Evidence],
    framework: Framework,
    today: date,
    half_life_days: int = DEFAULT_HALF_LIFE_DAYS,
) -> list[TrendSeries]:
    """Each competency's score at the end of every quarter since its first evidence.

    A point is cumulative: all evidence up to the quarter's end, decayed relative to that
    end, i.e. exactly the profile one would have built on that day. The current quarter is
    measured today rather than at its future end, so its point equals today's profile score.
    Quarters with no new evidence still get a point: the old evidence fades, and that is
    part of the story.
    """
    known = {c.id for c in framework.competencies}
    relevant = [e for e in evidence if e.competency_id in known and e.observed_on <= today]
    if not relevant:
        return []
    days = []
    day = quarter_end(min(e.observed_on for e in relevant))
    while day < today:
        days.append(day)
        day = quarter_end(day + timedelta(days=1))
    days.append(today)
    first_seen: dict[str, date] = {}
    for e in relevant:
        first_seen[e.competency_id] = min(e.observed_on, first_seen.get(e.competency_id, today))
    points: dict[str, list[TrendPoint]] = {c: [] for c in first_seen}
    for as_of in days:
        weighted = weigh_all(relevant, as_of, half_life_days)
        for competency in framework.competencies:
            if competency.id in weighted:
                points[competency.id].append(
                    TrendPoint(
                        quarter=quarter_label(as_of),
                        as_of=as_of,
                        score=score(competency, weighted[competency.id]),
                    )
                )
    return [
        TrendSeries(competency_id=c.id, name=c.name, points=tuple(points[c.id]))
        for c in framework.competencies
        if c.id in points
    ]


def explain_competency(
    evidence: Sequence[Evidence],
    framework: Framework,
    competency_id: str,
    today: date,
    half_life_days: int = DEFAULT_HALF_LIFE_DAYS,
) -> Explanation:
    """Every piece of evidence behind one competency's score, heaviest first."""
    competency = framework.find(competency_id)
    if competency is None:
        raise NotFoundError("competency", competency_id, framework.hint(competency_id))
    return explain(evidence, competency, today, half_life_days)
