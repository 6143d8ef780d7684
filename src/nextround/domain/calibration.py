"""Calibration: the person's own view of each competency against everyone else's."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from nextround.domain.competency import Competency
from nextround.domain.evidence import WeightedEvidence
from nextround.domain.scoring import CompetencyScore, score

# Self and others differ by at least a quarter of the 0..1 scale: one full point on the
# 1-5 self-rating scale. Smaller differences are within the noise of a single interview.
CALIBRATION_MARGIN = 0.25
# A correlation over fewer points than this is noise, so it is left out.
CALIBRATION_MIN_POINTS_FOR_CORRELATION = 5


class CalibrationKind(StrEnum):
    """How the person's view of a skill compares with everyone else's."""

    BLIND_SPOT = "blind_spot"
    HIDDEN_STRENGTH = "hidden_strength"
    AGREEMENT = "agreement"


@dataclass(frozen=True)
class CalibrationItem:
    """One competency's self-view against others' view, both on a 0..1 scale."""

    competency_id: str
    name: str
    self_score: float
    others: CompetencyScore
    self_count: int

    @property
    def difference(self) -> float:
        """Self minus others: above 0 the person rates themselves higher."""
        return self.self_score - self.others.mean

    @property
    def kind(self) -> CalibrationKind:
        """Blind spot, hidden strength or agreement, at a margin of one rating point."""
        if self.difference >= CALIBRATION_MARGIN:
            return CalibrationKind.BLIND_SPOT
        if self.difference <= -CALIBRATION_MARGIN:
            return CalibrationKind.HIDDEN_STRENGTH
        return CalibrationKind.AGREEMENT

    def to_json(self) -> dict[str, Any]:
        """Both views, their difference and the reading."""
        return {
            "competency_id": self.competency_id,
            "name": self.name,
            "self": round(self.self_score, 4),
            "others": round(self.others.mean, 4),
            "others_low": round(self.others.low, 4),
            "others_high": round(self.others.high, 4),
            "difference": round(self.difference, 4),
            "kind": self.kind.value,
            "self_count": self.self_count,
            "others_count": self.others.evidence_count,
            "others_thin": self.others.thin,
        }


@dataclass(frozen=True)
class Calibration:
    """Self against others across competencies, with one overall agreement figure."""

    items: tuple[CalibrationItem, ...]

    @property
    def mean_difference(self) -> float | None:
        """Mean |self - others| over the compared competencies, on the 0..1 scale."""
        if not self.items:
            return None
        return statistics.fmean(abs(i.difference) for i in self.items)

    @property
    def mean_difference_points(self) -> float | None:
        """The mean difference in rating points on the 1-5 self-rating scale (0.25 each)."""
        mean = self.mean_difference
        return None if mean is None else mean / CALIBRATION_MARGIN

    @property
    def agreement(self) -> float | None:
        """1 - mean |self - others| over the compared competencies; 1 is full agreement.

        It measures how close the two views are everywhere, while each competency's reading
        only asks whether they are within a rating point: every competency can read as
        agreed and the figure still be below 100%.
        """
        mean = self.mean_difference
        return None if mean is None else 1.0 - mean

    @property
    def agreement_percent(self) -> int | None:
        """The agreement figure as every view shows it: a whole percentage, rounded."""
        agreement = self.agreement
        return None if agreement is None else round(agreement * 100)

    @property
    def provisional(self) -> bool:
        """Whether every competency's "others" side is thin: the figure is a first reading."""
        return bool(self.items) and all(i.others.thin for i in self.items)

    @property
    def agreed(self) -> list[CalibrationItem]:
        """Where self and others are within a rating point of each other, in framework order."""
        return [i for i in self.items if i.kind is CalibrationKind.AGREEMENT]

    @property
    def correlation(self) -> float | None:
        """Pearson's r between self and others, once there are enough points to mean much."""
        if len(self.items) < CALIBRATION_MIN_POINTS_FOR_CORRELATION:
            return None
        try:
            return statistics.correlation(
                [i.self_score for i in self.items], [i.others.mean for i in self.items]
            )
        except statistics.StatisticsError:  # one side constant: no correlation to speak of
            return None

    @property
    def blind_spots(self) -> list[CalibrationItem]:
        """Where the person rates themselves higher than others do, widest first."""
        return sorted(
            (i for i in self.items if i.kind is CalibrationKind.BLIND_SPOT),
            key=lambda i: -i.difference,
        )

    @property
    def hidden_strengths(self) -> list[CalibrationItem]:
        """Where others rate the person higher than they do themselves, widest first."""
        return sorted(
            (i for i in self.items if i.kind is CalibrationKind.HIDDEN_STRENGTH),
            key=lambda i: i.difference,
        )

    def to_json(self) -> dict[str, Any]:
        """Every compared competency plus the overall figures."""
        agreement, correlation, mean = self.agreement, self.correlation, self.mean_difference
        return {
            "agreement": None if agreement is None else round(agreement, 4),
            # What agreement is 1 minus, so a reader can see why it is not 1.
            "mean_difference": None if mean is None else round(mean, 4),
            "correlation": None if correlation is None else round(correlation, 4),
            "provisional": self.provisional,
            "agreed": [i.competency_id for i in self.agreed],
            "blind_spots": [i.competency_id for i in self.blind_spots],
            "hidden_strengths": [i.competency_id for i in self.hidden_strengths],
            "items": [i.to_json() for i in self.items],
        }


def calibrate(
    competencies: Sequence[Competency], weighted: Mapping[str, Sequence[WeightedEvidence]]
) -> Calibration:
    """Compare self-assessment with external evidence wherever both exist.

    Self: the recency-weighted mean of the person's own strength shares (a rating r reads as
    (r - 1) / 4). Others: the Beta posterior mean of the external evidence alone, so one
    stray statement is pulled towards 0.5 and cannot make a blind spot by itself.
    """
    items = []
    for competency in competencies:
        pieces = weighted.get(competency.id, ())
        own = [
            (w, share)
            for w in pieces
            if not w.evidence.is_external and (share := w.evidence.strength_share) is not None
        ]
        external = [w for w in pieces if w.evidence.is_external and w.to_alpha + w.to_beta > 0]
        own_weight = sum(w.weight for w, _ in own)
        if not external or own_weight <= 0:
            continue
        items.append(
            CalibrationItem(
                competency_id=competency.id,
                name=competency.name,
                self_score=sum(w.weight * share for w, share in own) / own_weight,
                others=score(competency, external),
                self_count=len(own),
            )
        )
    return Calibration(items=tuple(items))
