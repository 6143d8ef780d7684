"""The evidence-weighted profile: scores, spikes, recurring gaps, calibration and trend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from nextround.domain.calibration import Calibration, calibrate
from nextround.domain.calibration_history import (
    CalibrationPoint,
    CalibrationStep,
    calibration_steps,
    calibration_trend,
)
from nextround.domain.competency import Framework
from nextround.domain.evidence import DEFAULT_HALF_LIFE_DAYS, Evidence
from nextround.domain.patterns import (
    NearSpike,
    OutweighedGap,
    RecurringGap,
    Spike,
    awaiting_review_json,
    find_early_gaps,
    find_gaps_awaiting_review,
    find_near_spikes,
    find_outweighed_gaps,
    find_recurring_gaps,
    find_spikes,
    is_provisional_gap,
)
from nextround.domain.scoring import CompetencyScore, Explanation, explain, score, weigh_all
from nextround.domain.trend import (
    TrendPoint,
    TrendSeries,
    build_trend,
    competency_trend,
    past_day,
    quarter_end,
    quarter_label,
    trend_point,
)
from nextround.errors import NotFoundError

#: A competency outside the patterns is on the trend when its score moved this much.
TREND_SHOWN_CHANGE = 0.15
#: At most this many trend lines: the chart tells them apart by five dash styles.
TREND_MAX_LINES = 5

__all__ = [
    "CompetencyScore",
    "Explanation",
    "Profile",
    "TrendPoint",
    "TrendSeries",
    "build_profile",
    "competency_trend",
    "explain_competency",
    "past_day",
    "quarter_end",
    "quarter_label",
    "trend_point",
]


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
    # Gaps heard from one outside source so far: shown as early signals, and not part of
    # the five keys of the JSON; the plan acts on them provisionally (provisional_gaps).
    early_gaps: list[RecurringGap] = field(default_factory=list)
    # Competencies reading "strength" that are no spike, with the part of the rule unmet, and
    # likely spikes (see patterns.LIKELY_SPIKE_MIN_LOW); outside the JSON too, except those
    # only review is missing for and the likely ones (see to_json).
    near_spikes: list[NearSpike] = field(default_factory=list)
    # Gaps two or more outside sources speak to, fewer than two of them in statements the
    # person reviewed: what reviewing would decide; planned for provisionally at most.
    gaps_awaiting_review: list[RecurringGap] = field(default_factory=list)
    # Gaps two or more reviewed sources named on a competency whose score now reads as a
    # strength: shown as mixed, never as a recurring gap, never planned for.
    outweighed_gaps: list[OutweighedGap] = field(default_factory=list)
    # The calibration at each quarter's end since the first own rating or note, today last:
    # how the person's view of themselves has moved against others'.
    calibration_trend: list[CalibrationPoint] = field(default_factory=list)

    def score_of(self, competency_id: str) -> CompetencyScore | None:
        """The score of one competency, or None if the framework has no such competency."""
        return next((s for s in self.competencies if s.competency_id == competency_id), None)

    @property
    def provisional_gaps(self) -> list[RecurringGap]:
        """Gaps not recurring yet that the plan acts on provisionally, loudest first.

        Heard once, or from more sources awaiting review, with a statement the person
        reviewed or their own low rating agreeing (see patterns.is_provisional_gap).
        """
        waiting = [*self.gaps_awaiting_review, *self.early_gaps]
        return sorted(
            (g for g in waiting if is_provisional_gap(g)),
            key=lambda g: (-g.gap_weight, g.competency_id),
        )

    @property
    def calibration_history(self) -> list[CalibrationStep]:
        """The calibration by quarter as every surface shows it; empty before two quarters.

        One quarter alone is today's figure, already said: no history to show.
        """
        if len(self.calibration_trend) < 2:
            return []
        return calibration_steps(self.calibration_trend)

    @property
    def trend_lines(self) -> list[TrendSeries]:
        """The trend lines every surface shows: the patterns first, then the biggest movers.

        The trend of every competency would drown the story. Spikes, recurring gaps, gaps
        outweighed since and likely spikes come first (in that order), then the competencies
        whose score moved at least TREND_SHOWN_CHANGE, biggest move first; a line needs two
        points. One list for the terminal, the web page and the report, so the mentor's copy
        holds what the person saw.
        """
        lines = {t.competency_id: t for t in self.trend if len(t.points) >= 2}
        patterns = [
            *(s.competency_id for s in self.spikes),
            *(g.competency_id for g in self.recurring_gaps),
            *(g.competency_id for g in self.outweighed_gaps),
            *(n.competency_id for n in self.likely_spikes),
        ]
        movers = sorted(
            (t for t in lines.values() if _moved(t) >= TREND_SHOWN_CHANGE),
            key=lambda t: (-_moved(t), t.competency_id),
        )
        chosen: list[str] = []
        for competency_id in [*patterns, *(t.competency_id for t in movers)]:
            if competency_id in lines and competency_id not in chosen:
                chosen.append(competency_id)
        return [lines[c] for c in chosen[:TREND_MAX_LINES]]

    @property
    def likely_spikes(self) -> list[NearSpike]:
        """The near spikes only the cautious end of their range keeps from being spikes."""
        return [n for n in self.near_spikes if n.likely]

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
        patterns with reviewed witnesses. A gap heard from one outside source so far is its
        competency's ``heard_once`` (that source), a gap two reviewed sources named that the
        rest of the evidence outweighs is its ``gap_outweighed``, and a strength only the
        cautious end of its range keeps from being a spike is its ``likely_spike`` (with what
        would confirm it); each is null otherwise.
        """
        early = {g.competency_id: g for g in self.early_gaps}
        outweighed = {g.competency_id: g for g in self.outweighed_gaps}
        likely = {n.competency_id: n for n in self.likely_spikes}
        return {
            "competencies": [
                {
                    **s.to_json(),
                    "awaiting_review": self.awaiting_review(s.competency_id),
                    "heard_once": (
                        early[s.competency_id].outside_sources[0].to_json()
                        if s.competency_id in early
                        else None
                    ),
                    "gap_outweighed": (
                        outweighed[s.competency_id].to_json()
                        if s.competency_id in outweighed
                        else None
                    ),
                    "likely_spike": (
                        likely[s.competency_id].likely_json() if s.competency_id in likely else None
                    ),
                }
                for s in self.competencies
            ],
            "spikes": [s.to_json() for s in self.spikes],
            "recurring_gaps": [g.to_json() for g in self.recurring_gaps],
            "calibration": {
                **self.calibration.to_json(),
                "by_quarter": [p.to_json() for p in self.calibration_trend],
            },
            "trend": [t.to_json() for t in self.trend],
        }


def _moved(series: TrendSeries) -> float:
    """How far a competency's score moved over its trend, highest point to lowest."""
    means = [p.score.mean for p in series.points]
    return max(means) - min(means)


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
        outweighed_gaps=find_outweighed_gaps(scores, weighted),
        calibration_trend=calibration_trend(evidence, framework, today, half_life_days),
    )


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
