"""Calibration over time: your own view against others' as it stood on a past day or quarter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from nextround.domain.calibration import Calibration, CalibrationItem, calibrate
from nextround.domain.competency import Framework
from nextround.domain.evidence import DEFAULT_HALF_LIFE_DAYS, Evidence
from nextround.domain.scoring import weigh_all
from nextround.domain.trend import quarter_end, quarter_label


def calibration_as_of(
    evidence: Sequence[Evidence],
    framework: Framework,
    day: date,
    half_life_days: int = DEFAULT_HALF_LIFE_DAYS,
) -> Calibration:
    """Calibration from the ratings, notes and feedback known on ``day``, weighed as of then.

    The same rule as today's: both views fade with the same half-life, so a self-rating
    from a year before counts for less than last month's, as others' feedback does.
    """
    return calibrate(framework.competencies, weigh_all(evidence, day, half_life_days))


@dataclass(frozen=True)
class CalibrationPoint:
    """The agreement figure at the end of one quarter (today for the current one)."""

    quarter: str
    as_of: date
    calibration: Calibration

    def to_json(self) -> dict[str, Any]:
        """The quarter, its day, the figure and what read apart then."""
        c = self.calibration
        agreement = c.agreement
        return {
            "quarter": self.quarter,
            "as_of": self.as_of.isoformat(),
            "agreement": None if agreement is None else round(agreement, 4),
            "compared": len(c.items),
            "agreed": [i.competency_id for i in c.agreed],
            "blind_spots": [i.competency_id for i in c.blind_spots],
            "noted_yourself": [i.competency_id for i in c.noted_yourself],
            "hidden_strengths": [i.competency_id for i in c.hidden_strengths],
        }


def calibration_trend(
    evidence: Sequence[Evidence],
    framework: Framework,
    today: date,
    half_life_days: int = DEFAULT_HALF_LIFE_DAYS,
) -> list[CalibrationPoint]:
    """The calibration at each quarter's end since the first self-rating or note, today last.

    Quarters where nothing could be compared yet (no own view beside others') are left out.
    """
    known = {c.id for c in framework.competencies}
    relevant = [e for e in evidence if e.competency_id in known and e.observed_on <= today]
    own = [e.observed_on for e in relevant if not e.is_external]
    if not own:
        return []
    days = []
    day = quarter_end(min(own))
    while day < today:
        days.append(day)
        day = quarter_end(day + timedelta(days=1))
    days.append(today)
    points = []
    for as_of in days:
        calibration = calibration_as_of(relevant, framework, as_of, half_life_days)
        if calibration.items:
            points.append(CalibrationPoint(quarter_label(as_of), as_of, calibration))
    return points


#: The readings a quarter can show apart, as the profile names them.
_APART = (
    ("blind spot", "blind_spots"),
    ("seen but rated high", "noted_yourself"),
    ("hidden strength", "hidden_strengths"),
)


@dataclass(frozen=True)
class CalibrationStep:
    """One quarter of the calibration's history as the profile shows it (today last)."""

    #: The quarter ("2025Q2"), or "today" for the last.
    label: str
    agreement_percent: int | None
    #: What read apart then, as (reading, competency names): ("blind spot", ("Stakeholder …",)).
    apart: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def apart_text(self) -> str:
        """'blind spot: Stakeholder management; hidden strength: …', or ""."""
        return "; ".join(f"{reading}: {', '.join(names)}" for reading, names in self.apart)


def calibration_steps(points: Sequence[CalibrationPoint]) -> list[CalibrationStep]:
    """The quarters worth a line in the terminal, on the web page and in the report.

    A quarter whose figure and readings are the last shown's is left out; the last is today's.
    """
    steps: list[CalibrationStep] = []
    for index, point in enumerate(points):
        c = point.calibration
        apart = tuple(
            (reading, tuple(i.name for i in items))
            for reading, attribute in _APART
            if (items := getattr(c, attribute))
        )
        last = index == len(points) - 1
        said = (steps[-1].agreement_percent, steps[-1].apart) if steps else None
        if said == (c.agreement_percent, apart) and not last:
            continue
        steps.append(
            CalibrationStep("today" if last else point.quarter, c.agreement_percent, apart)
        )
    return steps


@dataclass(frozen=True)
class CalibrationChange:
    """One competency's reading then and today: 'blind spot' → 'agreed'."""

    competency_id: str
    name: str
    then: CalibrationItem | None
    now: CalibrationItem | None

    @property
    def then_reading(self) -> str:
        """The reading on the past day, or that it was not compared then."""
        return self.then.reading if self.then else "not compared yet"

    @property
    def now_reading(self) -> str:
        """Today's reading, or that it is not compared today."""
        return self.now.reading if self.now else "not compared now"

    @property
    def changed(self) -> bool:
        """Whether the reading is different today."""
        return self.then_reading != self.now_reading

    def to_json(self) -> dict[str, Any]:
        """Both readings with both sides' figures."""
        return {
            "competency_id": self.competency_id,
            "name": self.name,
            "then": None if self.then is None else self.then.to_json(),
            "now": None if self.now is None else self.now.to_json(),
            "changed": self.changed,
        }


@dataclass(frozen=True)
class CalibrationThen:
    """Calibration as known on a past day, beside today's: how your view has moved."""

    as_of: date
    then: Calibration
    today: Calibration

    @property
    def changes(self) -> list[CalibrationChange]:
        """Every competency compared then or now, the ones then in the order then, then new ones."""
        then = {i.competency_id: i for i in self.then.items}
        now = {i.competency_id: i for i in self.today.items}
        ordered = [*then, *(c for c in now if c not in then)]
        return [
            CalibrationChange(c, (then.get(c) or now[c]).name, then.get(c), now.get(c))
            for c in ordered
        ]

    def to_json(self) -> dict[str, Any]:
        """The past day's calibration, today's, and each competency's reading in both."""
        return {
            "as_of": self.as_of.isoformat(),
            "then": self.then.to_json(),
            "today": self.today.to_json(),
            "changes": [c.to_json() for c in self.changes],
        }
