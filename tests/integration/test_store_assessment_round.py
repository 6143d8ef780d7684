"""An online assessment round on the real database: stored, migrated both ways, a screen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from nextround.domain.journey import RoundKind, Source, Status
from nextround.domain.pipeline import ApplicationFacts
from nextround.services import applications
from nextround.store import tables as t
from tests.conftest import Clock
from tests.integration.migration_steps import downgrade
from tests.integration.round_kinds import round_kinds, seed_rounds


def _new_grad(app, clock: Clock) -> tuple[int, int]:
    """A new-grad application: an online assessment, a debriefed technical screen, an onsite."""
    return seed_rounds(
        app,
        clock,
        company="Stripe",
        role_title="Software Engineer New Grad",
        source=Source.CAREERS_PAGE,
        applied_days_ago=50,
        rounds=(
            ("Online assessment (HackerRank)", RoundKind.ASSESSMENT, 40),
            ("Technical phone screen", RoundKind.TECHNICAL, 20),
            ("Virtual onsite", RoundKind.FINAL_LOOP, 2),
        ),
        interview={"title": "Coding"},
        overall=3,
    )


def test_an_assessment_is_stored_is_a_screen_not_an_interview(app, clock):
    app_id, _ = _new_grad(app, clock)
    assert round_kinds(app) == ["assessment", "technical", "final_loop"]
    with app.uow() as uow:
        loaded = applications.get_application(uow, app_id)
    stages = ApplicationFacts.of(loaded).stages
    # QA13 F8: the OA day is the screen; the first interview is the technical screen after it.
    assert stages.screen == (clock.now - timedelta(40)).date()
    assert stages.interviews == (clock.now - timedelta(20)).date()
    with app.engine.begin() as conn:
        conn.execute(text("DELETE FROM rounds WHERE kind <> 'assessment'"))
    with app.uow() as uow:
        assert applications.get_application(uow, app_id).status is Status.SCREENING
    with pytest.raises(IntegrityError), app.engine.begin() as conn:
        conn.execute(text("UPDATE rounds SET kind = 'quiz'"))


def test_down_to_0017_keeps_every_row_and_up_again_takes_an_assessment(app, clock):
    from nextround.store.database import HEAD_REVISION, current_revision, upgrade

    app_id, interview_id = _new_grad(app, clock)
    downgrade(app.engine, "0017")
    # Before 0018 an online assessment was kept as a take-home; every other row stays.
    assert round_kinds(app) == ["take_home", "technical", "final_loop"]
    with app.engine.connect() as conn:
        assert conn.execute(select(t.debriefs.c.interview_id)).scalars().all() == [interview_id]
        assert conn.execute(select(t.interviews.c.id)).scalars().all() == [interview_id]
    with pytest.raises(IntegrityError), app.engine.begin() as conn:
        conn.execute(text("UPDATE rounds SET kind = 'assessment'"))
    upgrade(app.engine)
    assert current_revision(app.engine) == HEAD_REVISION
    with app.engine.begin() as conn:
        conn.execute(text("UPDATE rounds SET kind = 'assessment' WHERE name LIKE 'Online%'"))
    assert round_kinds(app) == ["assessment", "technical", "final_loop"]
    with app.uow() as uow:
        restored = applications.get_application(uow, app_id)
    assert [i.id for r in restored.rounds for i in r.interviews] == [interview_id]


def test_a_backup_keeps_an_assessment(app, clock):
    from nextround.services.data import export_backup, restore_backup

    _new_grad(app, clock)
    with app.uow() as uow:
        doc = export_backup(uow)
    assert [row["kind"] for row in doc["tables"]["rounds"]] == [
        "assessment",
        "technical",
        "final_loop",
    ]
    with app.uow() as uow:
        restore_backup(uow, doc, replace=True)
    assert round_kinds(app) == ["assessment", "technical", "final_loop"]
