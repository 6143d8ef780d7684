"""Reading one built profile again: explanations as of any day, without gathering evidence twice."""

from __future__ import annotations

from datetime import date

from nextround.domain.profile import explain_competency
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
