"""An assessment centre round and a group exercise on the real database, migrated both ways."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from nextround.domain.journey import InterviewFormat, RoundKind, Source, Status
from nextround.domain.pipeline import ApplicationFacts
from nextround.services import applications
from nextround.store import tables as t
from tests.conftest import Clock
from tests.integration.migration_steps import downgrade
from tests.integration.round_kinds import round_kinds, seed_rounds


def _graduate_scheme(app, clock: Clock) -> tuple[int, int]:
    """A graduate scheme: an online test, then an assessment centre with a group exercise."""
    return seed_rounds(
        app,
        clock,
        company="BAE Systems",
        role_title="Graduate Software Engineer",
        source=Source.JOB_BOARD,
        applied_days_ago=60,
        rounds=(
            ("Online test", RoundKind.ASSESSMENT, 40),
            ("Assessment centre", RoundKind.ASSESSMENT_CENTRE, 10),
        ),
        interview={"title": "Group exercise", "format": InterviewFormat.GROUP_EXERCISE},
        overall=3,
    )


def _formats(app) -> list[str]:
    with app.engine.connect() as conn:
        return [str(f) for f in conn.execute(select(t.interviews.c.format)).scalars()]


def test_an_assessment_centre_is_stored_as_the_final_round_after_the_online_test(app, clock):
    app_id, _ = _graduate_scheme(app, clock)
    assert round_kinds(app) == ["assessment", "assessment_centre"]
    assert _formats(app) == ["group_exercise"]
    with app.uow() as uow:
        loaded = applications.get_application(uow, app_id)
    assert loaded.status is Status.FINAL_ROUND
    stages = ApplicationFacts.of(loaded).stages
    # QA17 F4: the online test screens; the assessment centre is the first interview stage
    # and the deciding one.
    assert stages.screen == (clock.now - timedelta(40)).date()
    assert stages.interviews == stages.final == (clock.now - timedelta(10)).date()
    with pytest.raises(IntegrityError), app.engine.begin() as conn:
        conn.execute(text("UPDATE rounds SET kind = 'assessment_center'"))
    with pytest.raises(IntegrityError), app.engine.begin() as conn:
        conn.execute(text("UPDATE interviews SET format = 'group'"))


def test_down_to_0019_keeps_every_row_and_up_again_takes_both(app, clock):
    from nextround.store.database import HEAD_REVISION, current_revision, upgrade

    app_id, interview_id = _graduate_scheme(app, clock)
    downgrade(app.engine, "0019")
    # Before 0020 an assessment centre was an "other" round, a group exercise a practical one.
    assert round_kinds(app) == ["assessment", "other"]
    assert _formats(app) == ["practical_exercise"]
    with app.engine.connect() as conn:
        assert conn.execute(select(t.debriefs.c.interview_id)).scalars().all() == [interview_id]
    with pytest.raises(IntegrityError), app.engine.begin() as conn:
        conn.execute(text("UPDATE rounds SET kind = 'assessment_centre'"))
    with pytest.raises(IntegrityError), app.engine.begin() as conn:
        conn.execute(text("UPDATE interviews SET format = 'group_exercise'"))
    upgrade(app.engine)
    assert current_revision(app.engine) == HEAD_REVISION
    with app.engine.begin() as conn:
        conn.execute(text("UPDATE rounds SET kind = 'assessment_centre' WHERE kind = 'other'"))
        conn.execute(text("UPDATE interviews SET format = 'group_exercise'"))
    assert round_kinds(app) == ["assessment", "assessment_centre"]
    assert _formats(app) == ["group_exercise"]
    with app.uow() as uow:
        restored = applications.get_application(uow, app_id)
    assert [i.id for r in restored.rounds for i in r.interviews] == [interview_id]


def test_a_backup_keeps_an_assessment_centre_and_its_group_exercise(app, clock):
    from nextround.services.data import export_backup, restore_backup

    _graduate_scheme(app, clock)
    with app.uow() as uow:
        doc = export_backup(uow)
    assert [row["kind"] for row in doc["tables"]["rounds"]] == ["assessment", "assessment_centre"]
    assert [row["format"] for row in doc["tables"]["interviews"]] == ["group_exercise"]
    with app.uow() as uow:
        restore_backup(uow, doc, replace=True)
    assert round_kinds(app) == ["assessment", "assessment_centre"]
    assert _formats(app) == ["group_exercise"]
