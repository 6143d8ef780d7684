"""The trend: each competency's score quarter by quarter, and what moved it between points."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from nextround.domain.calendar_days import DAY_WORDS, calendar_day, named_day
from nextround.domain.competency import Framework
from nextround.domain.evidence import DEFAULT_HALF_LIFE_DAYS, Evidence
from nextround.domain.scoring import CompetencyScore, score, weigh_all
from nextround.errors import InvalidInputError

# A point's change below this is float noise, not a movement anything could explain.
_NOISE = 1e-9

#: How a point is marked whose change comes mostly from fading, on every surface.
FADING_NOTE = "mostly older evidence fading"
#: The same after a quarter where nothing new arrived: all of the change is fading.
ONLY_FADING_NOTE = "no new evidence: older evidence fading"
#: The words both notes share, for a legend or a hint that explains either.
FADING_MARK = "older evidence fading"
#: What the mark means, in words, for a legend or a hint.
FADING_MEANING = (
    "it moved more because older evidence counts for less as it ages than because of "
    "new evidence, and that part is no change in you"
)


def quarter_label(day: date) -> str:
    """The calendar quarter a day falls in, e.g. "2025Q2"."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


_QUARTER = re.compile(r"(\d{4})[- ]?[Qq]([1-4])")


def past_day(value: str, today: date, field: str = "--as-of") -> date:
    """A day to look back from: YYYY-MM-DD, a quarter such as 2026Q3, today or yesterday.

    A trend point is the score at its quarter's end, so a quarter names that day; today's
    quarter is today. A day after today is refused: nothing is known about it yet.
    """
    if value.strip().lower() in DAY_WORDS:
        return named_day(value, field, today)
    match = _QUARTER.fullmatch(value.strip())
    if match is not None:
        year, quarter = int(match[1]), int(match[2])
        if date(year, quarter * 3 - 2, 1) <= today:
            return min(quarter_end(date(year, quarter * 3, 1)), today)
        day = date(year, quarter * 3 - 2, 1)
    else:
        try:
            day = calendar_day(value, field, words=True)
        except InvalidInputError as exc:
            # A trend point is named by its quarter: say that form works too.
            raise InvalidInputError(
                f"{exc.message}; or give a quarter, e.g. {last_quarter(today)}",
                cli_hint=exc.cli_hint,
                web_hint=exc.web_hint,
            ) from None
    if day > today:
        raise InvalidInputError(
            f"{field} {value.strip()} is after today ({today}); give a past day, or a quarter "
            f"such as {last_quarter(today)}"
        )
    return day


def last_quarter(today: date) -> str:
    """The quarter before today's, as it is typed (2026Q3): an example that is in the past."""
    before = date(today.year, (today.month - 1) // 3 * 3 + 1, 1) - timedelta(days=1)
    return f"{before.year}Q{(before.month - 1) // 3 + 1}"


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
    (``carried_forward``), so a quiet quarter never shows a change that nothing caused. Any
    other point's change from the one before is split in two: what older evidence fading
    did on its own (``from_fading``), and what the evidence that arrived since added
    (``from_new_evidence``). A point whose change is mostly the first is ``faded``.
    """

    quarter: str
    as_of: date
    score: CompetencyScore
    # Pieces of evidence about the competency observed within this quarter.
    new_evidence: int = 0
    carried_forward: bool = False
    # The change of the mean since the point before, in its two parts (0 for the first).
    from_fading: float = 0.0
    from_new_evidence: float = 0.0
    # The point before (its quarter and score), None for the first.
    previous_quarter: str | None = None
    previous_mean: float | None = None

    @property
    def change(self) -> float:
        """How far the mean moved since the point before."""
        return self.from_fading + self.from_new_evidence

    @property
    def faded(self) -> bool:
        """Whether its change from the point before comes mostly from older evidence fading.

        Older evidence counts for less as it ages, so a score drifts towards the even 0.5
        with nothing new heard; where that drift outweighs what the new evidence did, the
        point moved for no reason in the person, and says so.
        """
        return abs(self.from_fading) > max(abs(self.from_new_evidence), _NOISE)

    @property
    def note(self) -> str:
        """What a trend shows beside the point, if anything: why it moved, or did not."""
        if self.carried_forward:
            return "no new evidence"
        if self.faded:
            return ONLY_FADING_NOTE if not self.new_evidence else FADING_NOTE
        return ""

    @property
    def movement(self) -> str:
        """How it moved since the point before, in words: the change and its two parts.

        Three decimals, as the explanation's arithmetic, so the parts visibly add up.
        """
        if self.previous_quarter is None or self.previous_mean is None:
            return "the first point of the trend"
        if self.carried_forward:
            return (
                f"no new evidence since {self.previous_quarter}, so the trend carries its "
                f"{self.previous_mean:.2f} forward"
            )
        new = (
            f"{_signed(self.from_new_evidence)} from {self.new_evidence} new "
            f"piece{'' if self.new_evidence == 1 else 's'} of evidence"
            if self.new_evidence
            else "no new evidence"
        )
        reading = f"; {FADING_NOTE}" if self.faded and self.new_evidence else ""
        return (
            f"{_signed(self.change)} since {self.previous_quarter} ({self.previous_mean:.3f}): "
            f"{new}, {_signed(self.from_fading)} from older evidence fading{reading}"
        )

    def to_json(self) -> dict[str, Any]:
        """The quarter, the day it was measured, the score then and what moved it."""
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
            "previous_quarter": self.previous_quarter,
            "previous_mean": None if self.previous_mean is None else round(self.previous_mean, 4),
            "change_from_fading": round(self.from_fading, 4),
            "change_from_new_evidence": round(self.from_new_evidence, 4),
            "faded": self.faded,
        }


def _signed(value: float) -> str:
    """'+0.034', '−0.071' or '±0.000': the sign a reader would see at three decimals."""
    shown = round(value, 3) + 0.0  # no "-0.000"
    if shown == 0:
        return "±0.000"
    return f"+{shown:.3f}" if shown > 0 else f"−{-shown:.3f}"


@dataclass(frozen=True)
class TrendSeries:
    """One competency's score quarter by quarter, from its first evidence to today."""

    competency_id: str
    name: str
    points: tuple[TrendPoint, ...]

    def steps(self) -> list[tuple[TrendPoint, TrendPoint]]:
        """The points as a line of text reads them: a run of quiet quarters as one step.

        Each step is (first, last): the same point, or the first and last of quarters in a
        row that heard nothing new ("2025Q3–2026Q1 no new evidence").
        """
        steps: list[tuple[TrendPoint, TrendPoint]] = []
        for point in self.points:
            if point.carried_forward and steps and steps[-1][1].carried_forward:
                steps[-1] = (steps[-1][0], point)
            else:
                steps.append((point, point))
        return steps

    def to_json(self) -> dict[str, Any]:
        """The competency and its points in time order."""
        return {
            "competency_id": self.competency_id,
            "name": self.name,
            "points": [p.to_json() for p in self.points],
        }


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

    The last point is today's profile score even when nothing arrived this quarter: a trend
    ending on another number than the profile beside it reads as a contradiction. Every
    measured point's change is split into fading and new evidence, so any point that moved
    mostly by fading (today's or a past quarter's, when the new evidence was slight) says so.
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
        label = quarter_label(as_of)
        for competency in framework.competencies:
            series = points.setdefault(competency.id, [])
            new = arrived[competency.id]
            if not series and not new:
                continue  # the series starts at the competency's first evidence
            # The point before, as a reader sees it: the last one measured, not carried.
            before = next((p for p in reversed(series) if not p.carried_forward), None)
            if before is not None and not new and as_of != today:
                series.append(
                    TrendPoint(
                        label,
                        as_of,
                        before.score,
                        carried_forward=True,
                        previous_quarter=before.quarter,
                        previous_mean=before.score.mean,
                    )
                )
                continue
            pieces = weighted[competency.id]
            measured = score(competency, pieces)
            if before is None:
                series.append(TrendPoint(label, as_of, measured, new))
                continue
            # What the evidence known at the point before says now, decayed to this day:
            # the difference from that point is fading alone; the rest is what arrived.
            old = score(competency, [w for w in pieces if w.evidence.observed_on <= after])
            series.append(
                TrendPoint(
                    label,
                    as_of,
                    measured,
                    new,
                    from_fading=old.mean - before.score.mean,
                    from_new_evidence=measured.mean - old.mean,
                    previous_quarter=before.quarter,
                    previous_mean=before.score.mean,
                )
            )
        after = as_of
    return [
        TrendSeries(competency_id=c.id, name=c.name, points=tuple(points[c.id]))
        for c in framework.competencies
        if points.get(c.id)
    ]


def competency_trend(
    evidence: Sequence[Evidence],
    framework: Framework,
    competency_id: str,
    today: date,
    half_life_days: int = DEFAULT_HALF_LIFE_DAYS,
) -> TrendSeries | None:
    """One competency's trend as the profile shows it, or None before its first evidence."""
    mine = [e for e in evidence if e.competency_id == competency_id]
    return next(iter(build_trend(mine, framework, today, half_life_days)), None)


def trend_point(
    evidence: Sequence[Evidence],
    framework: Framework,
    competency_id: str,
    day: date,
    today: date,
    half_life_days: int = DEFAULT_HALF_LIFE_DAYS,
) -> TrendPoint | None:
    """One competency's trend point on ``day``, with what moved it since the point before.

    A quarter's end (or today) is the profile trend's own point, carried forward or not.
    Any other day is measured as the trend would measure it were that day today, the point
    before being the end of the previous quarter. None when nothing was known by then.
    """
    series = competency_trend(evidence, framework, competency_id, today, half_life_days)
    point = next((p for p in series.points if p.as_of == day), None) if series else None
    if point is None and day < today:
        then = competency_trend(evidence, framework, competency_id, day, half_life_days)
        point = then.points[-1] if then else None
    return point
