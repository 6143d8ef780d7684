"""A process waiting on the company goes quiet after three weeks with no news."""

from __future__ import annotations

from datetime import UTC, date, datetime

from nextround.domain.gone_quiet import QUIET_AFTER_DAYS, quiet_days, weeks
from nextround.domain.journey import Outcome, RoundKind, Source
from nextround.domain.pipeline import ApplicationFacts, DecisionFact, RoundFact

TODAY = date(2026, 11, 27)


def facts(applied: date, rounds: tuple[date, ...] = (), offer: date | None = None):
    return ApplicationFacts(
        id=1,
        company="Acme",
        role_title="Engineer",
        source=Source.LINKEDIN,
        applied_on=applied,
        rounds=[RoundFact(RoundKind.SCREEN, on) for on in rounds],
        decisions=[DecisionFact(Outcome.OFFER, offer, None, True)] if offer else [],
    )


def test_three_weeks_with_no_news_is_quiet_and_less_is_not():
    assert QUIET_AFTER_DAYS == 21
    assert quiet_days(facts(date(2026, 11, 6)), None, TODAY) == 21
    assert quiet_days(facts(date(2026, 11, 7)), None, TODAY) is None


def test_the_latest_step_counts_not_the_application_day():
    assert quiet_days(facts(date(2026, 9, 1), (date(2026, 11, 20),)), None, TODAY) is None
    assert quiet_days(facts(date(2026, 9, 1), (date(2026, 10, 30),)), None, TODAY) == 28


def test_a_process_with_something_coming_or_an_offer_is_never_quiet():
    old = date(2026, 9, 1)
    booked = datetime(2026, 12, 2, 10, tzinfo=UTC)
    assert quiet_days(facts(old), booked, TODAY) is None  # the company has answered
    assert quiet_days(facts(old, (old,), offer=old), None, TODAY) is None  # waits on the person


def test_how_long_reads_in_weeks_then_months():
    assert weeks(21) == "3 weeks"
    assert weeks(59) == "8 weeks"
    assert weeks(75) == "2 months"
