"""A presentation or portfolio review round on the real database: stored, migrated both ways."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from nextround.domain.journey import RoundKind, Source, Status
from nextround.services import applications, process
from nextround.services.debriefs import record_debrief
from nextround.store import tables as t
from tests.conftest import Clock


def _designer(app, clock: Clock) -> tuple[int, int]:
    """A design application with a screen, a panel and a debriefed portfolio review."""
    now = clock.now
    with app.uow() as uow:
        created = applications.add_application(
            uow,
            {
                "company": "Zalando",
                "role_title": "Senior Product Designer",
                "source": Source.JOB_BOARD,
                "applied_on": (now - timedelta(40)).date(),
            },
        )
        assert created.id is not None
        for name, kind, days in (
            ("Screen", RoundKind.SCREEN, 30),
            ("Portfolio review", RoundKind.PRESENTATION, 20),
            ("Panel", RoundKind.PANEL, 2),
        ):
            process.add_round(
                uow,
                created.id,
                {"name": name, "kind": kind, "started_on": (now - timedelta(days)).date()},
            )
        interview = process.add_interview(
            uow,
            created.id,
            2,
            {"title": "Portfolio", "scheduled_at": now - timedelta(days=20)},
        )
        assert interview.id is not None
        record_debrief(uow, interview.id, 4)
        return created.id, interview.id


def _kinds(app) -> list[str]:
    with app.engine.connect() as conn:
        kinds = conn.execute(select(t.rounds.c.kind).order_by(t.rounds.c.id)).scalars()
        return [str(k) for k in kinds]


def _config():
    from alembic.config import Config

    from nextround.store.database import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def test_a_presentation_is_stored_is_not_a_final_round_and_anything_else_is_refused(app, clock):
    app_id, _ = _designer(app, clock)
    assert _kinds(app) == ["screen", "presentation", "panel"]
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
    from alembic import command

    from nextround.store.database import HEAD_REVISION, current_revision, upgrade

    app_id, interview_id = _designer(app, clock)
    config = _config()
    with app.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0016")
    # Before 0017 a portfolio review could only be "other"; the panel and everything else stay.
    assert _kinds(app) == ["screen", "other", "panel"]
    with app.engine.connect() as conn:
        assert conn.execute(select(t.debriefs.c.interview_id)).scalars().all() == [interview_id]
        assert conn.execute(select(t.interviews.c.id)).scalars().all() == [interview_id]
    with pytest.raises(IntegrityError), app.engine.begin() as conn:
        conn.execute(text("UPDATE rounds SET kind = 'presentation'"))
    upgrade(app.engine)
    assert current_revision(app.engine) == HEAD_REVISION
    with app.engine.begin() as conn:
        conn.execute(text("UPDATE rounds SET kind = 'presentation' WHERE name LIKE 'Portfolio%'"))
    assert _kinds(app) == ["screen", "presentation", "panel"]
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
    assert _kinds(app) == ["screen", "presentation", "panel"]
