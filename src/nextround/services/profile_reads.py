"""Reading one built profile again: explanations as of any day, without gathering evidence twice."""

from __future__ import annotations

from datetime import date

from nextround.domain.calibration import own_share
from nextround.domain.evidence import weigh
from nextround.domain.profile import TrendPoint, explain_competency, trend_point
from nextround.domain.scoring import Explanation
from nextround.services.profile import ProfileView


def explain_in(view: ProfileView, competency_id: str, as_of: date | None = None) -> Explanation:
    """Every piece of evidence behind one competency's score, as of ``as_of``.

    The default is the profile's own day. A trend point is the score at its quarter's end,
    so it is explained as of that day.
    """
    day = view.profile.as_of if as_of is None or as_of > view.profile.as_of else as_of
    return explain_competency(
        view.evidence, view.framework, competency_id, day, view.profile.half_life_days
    )


def trend_point_in(
    view: ProfileView, competency_id: str, as_of: date | None = None
) -> TrendPoint | None:
    """The competency's trend point on ``as_of`` (default today), with what moved it there."""
    today = view.profile.as_of
    day = today if as_of is None or as_of > today else as_of
    return trend_point(
        view.evidence, view.framework, competency_id, day, today, view.profile.half_life_days
    )


def self_view(view: ProfileView) -> dict[str, float]:
    """The person's own view per competency, 0-1, wherever they rated themselves.

    Read as calibration reads it (calibration.own_share): a self-rating r as (r - 1) / 4, a
    note they wrote as a 2 or a 4, weighted by recency. Unlike calibration, it needs no one
    else's view to exist.
    """
    totals: dict[str, tuple[float, float]] = {}
    for piece in view.evidence:
        share = own_share(piece)
        if piece.is_external or share is None or piece.observed_on > view.profile.as_of:
            continue
        weight = weigh(piece, view.profile.as_of, view.profile.half_life_days).weight
        weighted, total = totals.get(piece.competency_id, (0.0, 0.0))
        totals[piece.competency_id] = (weighted + weight * share, total + weight)
    return {c: weighted / total for c, (weighted, total) in totals.items() if total > 0}
