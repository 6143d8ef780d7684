"""Timeline and stats use cases on the in-memory fakes."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import Outcome, RoundKind, Source
from nextround.domain.timeline import EventKind
from nextround.errors import NotFoundError
from nextround.services.applications import add_application
from nextround.services.feedback import add_feedback
from nextround.services.overview import stats, timeline
from nextround.services.process import add_round, set_decision
from tests.unit.growth_fakes import FakeGrowthUnitOfWork


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    """The timeline reads debriefs too, so it needs the growth engine's fake."""
    return FakeGrowthUnitOfWork()


def test_timeline_includes_the_applications_feedback_only(uow):
    with uow:
        a = add_application(
            uow, {"company": "A", "role_title": "PM", "applied_on": date(2025, 1, 1)}
        )
        b = add_application(
            uow, {"company": "B", "role_title": "PM", "applied_on": date(2025, 1, 1)}
        )
        add_feedback(
            uow,
            "about A",
            FeedbackSource.RECRUITER,
            received_on=date(2025, 2, 1),
            application_id=a.id,
        )
        add_feedback(
            uow,
            "about B",
            FeedbackSource.RECRUITER,
            received_on=date(2025, 2, 1),
            application_id=b.id,
        )
        add_feedback(uow, "general", FeedbackSource.MENTOR, received_on=date(2025, 2, 1))
    with uow:
        app, events = timeline(uow, a.id)
    assert app.id == a.id
    assert [e.detail for e in events if e.kind is EventKind.FEEDBACK] == ["about A"]
    with uow, pytest.raises(NotFoundError):
        timeline(uow, 99)


def test_stats_over_every_application(uow):
    with uow:
        for n, source in enumerate([Source.LINKEDIN, Source.LINKEDIN, Source.REFERRAL]):
            app = add_application(
                uow,
                {
                    "company": f"C{n}",
                    "role_title": "PM",
                    "applied_on": date(2025, 1, 1),
                    "source": source,
                },
            )
            if n:
                add_round(
                    uow,
                    app.id,
                    {
                        "name": "Screen",
                        "kind": RoundKind.SCREEN,
                        "started_on": date(2025, 1, 1 + 2 * n),
                    },
                )
        set_decision(uow, 3, Outcome.OFFER, date(2025, 2, 1))
    with uow:
        result = stats(uow)
    # The offer came after a screen, with no final round on record: counted as none.
    assert [s.count for s in result.funnel] == [3, 2, 0, 0, 1]
    # The offer passed its screen; the other screen is still pending, as stored.
    [screens] = result.round_kinds
    assert (screens.kind, screens.passed, screens.pending) == (RoundKind.SCREEN, 1, 1)
    assert result.stage_gaps[0].median_days == 3  # 2 and 4 days
    assert {r.source: r.applications for r in result.by_source} == {
        Source.LINKEDIN: 2,
        Source.REFERRAL: 1,
    }


def test_timeline_puts_a_debrief_under_its_interview(uow):
    from datetime import UTC, datetime

    from nextround.domain.debrief import Debrief
    from nextround.services.process import add_interview

    with uow:
        app = add_application(
            uow, {"company": "A", "role_title": "PM", "applied_on": date(2025, 1, 1)}
        )
        add_round(
            uow,
            app.id,
            {"name": "Loop", "kind": RoundKind.FINAL_LOOP, "started_on": date(2025, 2, 1)},
        )
        interview = add_interview(
            uow,
            app.id,
            None,
            {"title": "Case", "scheduled_at": datetime(2025, 2, 1, 9, tzinfo=UTC)},
        )
        uow.debriefs.add(Debrief(interview.id, 3, went_well="Clear plan."))
        uow.commit()
    with uow:
        _, events = timeline(uow, app.id)
    kinds = [e.kind for e in events]
    assert kinds[kinds.index(EventKind.INTERVIEW) + 1] is EventKind.DEBRIEF
    assert events[kinds.index(EventKind.DEBRIEF)].detail == "went well: Clear plan."
