"""A presentation or portfolio review round on the real database: stored, migrated both ways."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from nextround.domain.journey import RoundKind, Source, Status
from nextround.services import applications
from nextround.store import tables as t
from tests.conftest import Clock
from tests.integration.migration_steps import downgrade
from tests.integration.round_kinds import round_kinds, seed_rounds


def _designer(app, clock: Clock) -> tuple[int, int]:
    """A design application with a screen, a panel and a debriefed portfolio review."""
    return seed_rounds(
        app,
        clock,
        company="Zalando",
        role_title="Senior Product Designer",
        source=Source.JOB_BOARD,
        applied_days_ago=40,
        rounds=(
            ("Screen", RoundKind.SCREEN, 30),
            ("Portfolio review", RoundKind.PRESENTATION, 20),
            ("Panel", RoundKind.PANEL, 2),
        ),
        interview={"title": "Portfolio"},
        overall=4,
    )


def test_a_presentation_is_stored_is_not_a_final_round_and_anything_else_is_refused(app, clock):
    app_id, _ = _designer(app, clock)
    assert round_kinds(app) == ["screen", "presentation", "panel"]
    with app.uow() as uow:
        # The panel decides; a portfolio review before it is an interview stage.
        assert applications.get_application(uow, app_id).status is Status.FINAL_ROUND
    with app.engine.begin() as conn:
        conn.execute(text("UPDATE rounds SET kind = 'hiring_manager' WHERE name = 'Panel'"))
    with app.uow() as uow:
        assert applications.get_application(uow, app_id).status is Status.INTERVIEWING
    with pytest.raises(IntegrityError), app.engine.begin() as conn:
        conn.execute(text("UPDATE rounds SET kind = 'lunch'"))


def test_down_to_0016_keeps_every_row_and_up_again_takes_a_presentation(app, clock):
    from nextround.store.database import HEAD_REVISION, current_revision, upgrade

    app_id, interview_id = _designer(app, clock)
    downgrade(app.engine, "0016")
    # Before 0017 a portfolio review could only be "other"; the panel and everything else stay.
    assert round_kinds(app) == ["screen", "other", "panel"]
    with app.engine.connect() as conn:
        assert conn.execute(select(t.debriefs.c.interview_id)).scalars().all() == [interview_id]
        assert conn.execute(select(t.interviews.c.id)).scalars().all() == [interview_id]
    with pytest.raises(IntegrityError), app.engine.begin() as conn:
        conn.execute(text("UPDATE rounds SET kind = 'presentation'"))
    upgrade(app.engine)
    assert current_revision(app.engine) == HEAD_REVISION
    with app.engine.begin() as conn:
        conn.execute(text("UPDATE rounds SET kind = 'presentation' WHERE name LIKE 'Portfolio%'"))
    assert round_kinds(app) == ["screen", "presentation", "panel"]
    with app.uow() as uow:
        restored = applications.get_application(uow, app_id)
    assert [i.id for r in restored.rounds for i in r.interviews] == [interview_id]


def test_a_backup_keeps_a_presentation(app, clock):
    from nextround.services.data import export_backup, restore_backup

    _designer(app, clock)
    with app.uow() as uow:
        doc = export_backup(uow)
    assert [row["kind"] for row in doc["tables"]["rounds"]] == ["screen", "presentation", "panel"]
    with app.uow() as uow:
        restore_backup(uow, doc, replace=True)
    assert round_kinds(app) == ["screen", "presentation", "panel"]
