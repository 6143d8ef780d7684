"""The .ics calendar: which interviews a closed process still puts in it."""

from __future__ import annotations

from datetime import UTC, date, datetime

from icalendar import Calendar

from nextround.domain.journey import (
    Application,
    Decision,
    Interview,
    Outcome,
    Round,
    RoundKind,
)
from nextround.io.calendar import write_ics

NOW = datetime(2026, 11, 26, 12, tzinfo=UTC)


def _titles(apps: list[Application]) -> list[str]:
    calendar = Calendar.from_ical(write_ics(apps, NOW))
    return [str(e["summary"]) for e in calendar.walk("VEVENT")]


def _process(decided_on: date | None) -> Application:
    loop = Round("Final loop", RoundKind.FINAL_LOOP, date(2026, 10, 1), position=1)
    loop.interviews = [
        Interview("Held panel", id=1, scheduled_at=datetime(2026, 10, 5, 9, tzinfo=UTC)),
        Interview("Future chat", id=2, scheduled_at=datetime(2026, 12, 3, 14, tzinfo=UTC)),
        Interview("Unscheduled", id=3),
    ]
    app = Application("Tempoline", "TPM", date(2026, 9, 1), rounds=[loop], id=1)
    if decided_on is not None:
        # Stored before decisions refused interviews still to come (or from such a backup).
        app.decisions = [Decision(Outcome.REJECTION, decided_on)]
    return app


def test_an_open_process_keeps_every_scheduled_interview() -> None:
    assert _titles([_process(None)]) == ["Held panel - Tempoline", "Future chat - Tempoline"]


def test_a_closed_process_drops_the_interviews_it_never_held() -> None:
    assert _titles([_process(date(2026, 10, 20))]) == ["Held panel - Tempoline"]


def test_a_reopened_process_keeps_them_again() -> None:
    app = _process(date(2026, 10, 20))
    app.decisions[0].reopened_on = date(2026, 10, 25)
    assert _titles([app]) == ["Held panel - Tempoline", "Future chat - Tempoline"]


def test_an_interview_called_off_or_ahead_in_a_cancelled_round_stays_out() -> None:
    from nextround.domain.journey import RoundOutcome

    app = _process(None)
    app.rounds[0].interviews[1].called_off = True
    assert _titles([app]) == ["Held panel - Tempoline"]
    # A round cancelled before interviews were marked: the one ahead is off too, while one
    # held before the round was cancelled stays in the calendar.
    app = _process(None)
    app.rounds[0].outcome = RoundOutcome.CANCELLED
    assert _titles([app]) == ["Held panel - Tempoline"]
