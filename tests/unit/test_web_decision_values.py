"""The decision form's values: a day not known comes empty, not as its stand-in (QA21 F9)."""

from __future__ import annotations

from datetime import date

from nextround.domain.journey import Decision, Outcome
from nextround.web.journey_forms import decision_values


def test_a_day_not_known_comes_empty_and_marked_a_known_day_as_given() -> None:
    undated = decision_values(Decision(Outcome.NO_RESPONSE, date(2026, 9, 18), day_known=False),
                              "2026-11-28")  # fmt: skip
    assert (undated["decided_on"], undated["day_not_known"]) == ("", "1")
    dated = decision_values(Decision(Outcome.REJECTION, date(2026, 10, 2)), "2026-11-28")
    assert (dated["decided_on"], dated["day_not_known"]) == ("2026-10-02", "")
    assert decision_values(None, "2026-11-28")["decided_on"] == "2026-11-28"
