"""Downgrades are a recovery path: going back a schema revision keeps every record it can hold."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, inspect, select

from nextround.domain.feedback import FeedbackSource
from nextround.services.debriefs import record_debrief
from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
from nextround.store import tables as t
from tests.integration.migration_steps import downgrade
from tests.unit.growth_fakes import keyword_mapper, seed_process
from tests.unit.growth_fixtures import FRAMEWORK


def _counts(app) -> dict[str, int]:
    kept = ("interviews", "debriefs", "debrief_questions", "feedback", "statements")
    with app.engine.connect() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(t.metadata.tables[name])).scalar()
            for name in kept
        }


def test_downgrading_past_the_interview_and_debrief_columns_keeps_debriefs_and_feedback(app):
    """0005 and 0006 drop a column of interviews and of debriefs.

    Copying either table to drop it (batch mode on SQLite) would delete what points at it
    by cascade: the debriefs, their questions, the feedback heard in an interview and its
    statements. In place, nothing goes.
    """

    from nextround.services.frameworks import import_framework
    from nextround.store.database import HEAD_REVISION, current_revision, upgrade

    with app.uow() as uow:
        import_framework(uow, FRAMEWORK, use=True)
    seeded = seed_process(
        app.uow(), "Lumora", interviews=[("Case", datetime(2026, 9, 2, 10, tzinfo=UTC), [])]
    )
    [case] = seeded.interview_ids
    with app.uow() as uow:
        record_debrief(
            uow,
            case,
            4,
            went_well="The process map landed.",
            questions=["How would you know it worked?"],
            mapper=keyword_mapper(),
        )
        add_mapped_feedback(
            uow,
            "Clear process map. Answers were long.",
            FeedbackSource.INTERVIEWER,
            keyword_mapper,
            FRAMEWORK.id,
            received_on=date(2026, 9, 3),
            links=FeedbackLinks(seeded.application_id, None, case),
        )
    before = _counts(app)
    assert before == {
        "interviews": 1,
        "debriefs": 1,
        "debrief_questions": 1,
        "feedback": 1,
        "statements": 2,
    }
    downgrade(app.engine, "0004")
    columns = {c["name"] for c in inspect(app.engine).get_columns("interviews")}
    assert "time_zone" not in columns and "called_off" not in columns
    assert "framework_id" not in {c["name"] for c in inspect(app.engine).get_columns("debriefs")}
    assert _counts(app) == before
    upgrade(app.engine)
    assert current_revision(app.engine) == HEAD_REVISION
    assert _counts(app) == before
