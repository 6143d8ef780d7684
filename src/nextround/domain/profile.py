"""The evidence-weighted profile: scores, spikes, recurring gaps, calibration and trend."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from nextround.domain.calendar_days import calendar_day
from nextround.domain.competency import Framework
from nextround.domain.evidence import DEFAULT_HALF_LIFE_DAYS, Evidence
from nextround.domain.patterns import (
    Calibration,
    NearSpike,
    RecurringGap,
    Spike,
    awaiting_review_json,
    calibrate,
    find_early_gaps,
    find_gaps_awaiting_review,
    find_near_spikes,
    find_recurring_gaps,
    find_spikes,
)
from nextround.domain.scoring import CompetencyScore, Explanation, explain, score, weigh_all
from nextround.errors import InvalidInputError, NotFoundError

__all__ = [
    "CompetencyScore",
    "Explanation",
    "Profile",
    "TrendPoint",
    "TrendSeries",
    "build_profile",
    "explain_competency",
    "past_day",
    "quarter_end",
    "quarter_label",
]


def quarter_label(day: date) -> str:
    """The calendar quarter a day falls in, e.g. "2025Q2"."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


_QUARTER = re.compile(r"(\d{4})-?[Qq]([1-4])")


def past_day(value: str, today: date, field: str = "--as-of") -> date:
    """A day to look back from: YYYY-MM-DD, or a quarter such as 2026Q3 (its last day).

    A trend point is the score at its quarter's end, so a quarter names that day; today's
    quarter is today. A day after today is refused: nothing is known about it yet.
    """
    match = _QUARTER.fullmatch(value.strip())
    if match is not None:
        year, quarter = int(match[1]), int(match[2])
        if date(year, quarter * 3 - 2, 1) <= today:
            return min(quarter_end(date(year, quarter * 3, 1)), today)
        day = date(year, quarter * 3 - 2, 1)
    else:
        day = calendar_day(value, field)
    if day > today:
        raise InvalidInputError(
            f"{field} {value.strip()} is after today ({today}); give a past day, or a quarter "
            "such as 2026Q3"
        )
    return day


def quarter_end(day: date) -> date:
    """The last day of the calendar quarter that ``day`` falls in."""
    first_month_next = (day.month - 1) // 3 * 3 + 4
    if first_month_next > 12:
        return date(day.year, 12, 31)
    return date(day.year, first_month_next, 1) - timedelta(days=1)


@dataclass(frozen=True)
class TrendPoint:
    """A competency's score as it stood at the end of one quarter, or today for this one.

    A past quarter without new evidence carries the last measured score forward unchanged
    (``carried_forward``), so a change in the trend only ever shows where evidence arrived.
    The last point is today's score, always, so the trend ends where the profile stands; when
    nothing arrived this quarter it is marked ``faded``: it differs from the point before
    only because older evidence counts for less as it ages.
    """

    quarter: str
    as_of: date
    score: CompetencyScore
    # Pieces of evidence about the competency observed within this quarter.
    new_evidence: int = 0
    carried_forward: bool = False
    faded: bool = False

    def to_json(self) -> dict[str, Any]:
        """The quarter, the day it was measured, the score then and whether it was new."""
        return {
            "quarter": self.quarter,
            "as_of": self.as_of.isoformat(),
            "mean": round(self.score.mean, 4),
            "low": round(self.score.low, 4),
            "high": round(self.score.high, 4),
            "evidence_weight": round(self.score.evidence_weight, 4),
            "thin": self.score.thin,
            "new_evidence": self.new_evidence,
            "carried_forward": self.carried_forward,
            "faded": self.faded,
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
    # outside the JSON too, except those only review is missing for (see to_json).
    near_spikes: list[NearSpike] = field(default_factory=list)
    # Gaps two or more outside sources speak to, fewer than two of them in statements the
    # person reviewed: what reviewing would decide, never planned for.
    gaps_awaiting_review: list[RecurringGap] = field(default_factory=list)

    def score_of(self, competency_id: str) -> CompetencyScore | None:
        """The score of one competency, or None if the framework has no such competency."""
        return next((s for s in self.competencies if s.competency_id == competency_id), None)

    def awaiting_review(self, competency_id: str) -> list[dict[str, Any]]:
        """The patterns about one competency that only the person's review can decide."""
        return awaiting_review_json(
            next((n for n in self.near_spikes if n.competency_id == competency_id), None),
            next((g for g in self.gaps_awaiting_review if g.competency_id == competency_id), None),
        )

    def to_json(self) -> dict[str, Any]:
        """The profile under exactly five keys, the shape `nextround profile --json` prints.

        A competency whose spike or recurring gap waits only for the person's review says so
        under its ``awaiting_review``; the ``spikes`` and ``recurring_gaps`` lists hold only
        patterns with reviewed witnesses.
        """
        return {
            "competencies": [
                {**s.to_json(), "awaiting_review": self.awaiting_review(s.competency_id)}
                for s in self.competencies
            ],
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
        gaps_awaiting_review=find_gaps_awaiting_review(scores, weighted),
    )


def build_trend(
    evidence: Sequence[Evidence],
    framework: Framework,
    today: date,
    half_life_days: int = DEFAULT_HALF_LIFE_DAYS,
) -> list[TrendSeries]:
    """Each competency's score at the end of every quarter since its first evidence.

    A quarter with new evidence about the competency is measured as the profile would have
    been on its last day: all evidence up to then, decayed relative to that day (the current
    quarter is measured today, so with new evidence its point is today's profile score).

    A past quarter without new evidence carries the previous point forward, marked so.
    Measuring it afresh would show a change that nothing caused: older evidence counts for
    less as it ages, so the score drifts towards the even 0.5, and a gap would seem to close
    (or a strength to fade) in a quarter where nothing was heard.

    The last point is today's profile score even when nothing arrived this quarter (marked
    ``faded``): a trend ending on another number than the profile beside it reads as a
    contradiction, and a point labelled as fading says what moved it.
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
    points: dict[str, list[TrendPoint]] = {}
    after = date.min
    for as_of in days:
        arrived = Counter(e.competency_id for e in relevant if after < e.observed_on <= as_of)
        weighted = weigh_all(relevant, as_of, half_life_days)
        for competency in framework.competencies:
            series = points.setdefault(competency.id, [])
            label = quarter_label(as_of)
            if arrived[competency.id]:
                measured = score(competency, weighted[competency.id])
                series.append(TrendPoint(label, as_of, measured, arrived[competency.id]))
            elif series and as_of == today:
                measured = score(competency, weighted[competency.id])
                series.append(TrendPoint(label, as_of, measured, faded=True))
            elif series:
                series.append(TrendPoint(label, as_of, series[-1].score, carried_forward=True))
        after = as_of
    return [
        TrendSeries(competency_id=c.id, name=c.name, points=tuple(points[c.id]))
        for c in framework.competencies
        if points[c.id]
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
