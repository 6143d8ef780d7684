"""JSON gives no made-up day for a decision whose day is not known (QA21 F9)."""

from __future__ import annotations

from datetime import date

from nextround.domain.journey import Decision, Outcome
from nextround.domain.timeline import EventKind, TimelineEvent
from nextround.views import jsonable


def test_a_decision_whose_day_is_not_known_reads_null_in_json() -> None:
    undated = Decision(Outcome.NO_RESPONSE, date(2026, 8, 8), day_known=False)
    data = jsonable(undated)
    assert (data["decided_on"], data["day_known"]) == (None, False)
    # The stand-in stays on the object: it orders the events.
    assert undated.decided_on == date(2026, 8, 8)
    dated = jsonable(Decision(Outcome.REJECTION, date(2026, 9, 30)))
    assert (dated["decided_on"], dated["day_known"]) == ("2026-09-30", True)


def test_a_timeline_event_whose_day_is_not_known_reads_null_in_json() -> None:
    event = TimelineEvent(date(2026, 8, 8), EventKind.DECISION, "No response", day_known=False)
    assert [jsonable(event)["on"], jsonable([event])[0]["day_known"]] == [None, False]
