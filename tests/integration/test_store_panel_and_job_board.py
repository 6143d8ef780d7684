"""Panel interviews and job boards on the real database: stored, migrated both ways, kept."""

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


def _nhs(app, clock: Clock) -> tuple[int, int]:
    """An NHS Jobs application with a screen and a held panel interview, debriefed."""
    now = clock.now
    with app.uow() as uow:
        created = applications.add_application(
            uow,
            {
                "company": "Barts Health NHS Trust",
                "role_title": "Operations Manager",
                "source": Source.JOB_BOARD,
                "applied_on": (now - timedelta(30)).date(),
            },
        )
        assert created.id is not None
        for name, kind, days in (("Screen", RoundKind.SCREEN, 20), ("Panel", RoundKind.PANEL, 2)):
            process.add_round(
                uow,
                created.id,
                {"name": name, "kind": kind, "started_on": (now - timedelta(days)).date()},
            )
        interview = process.add_interview(
            uow, created.id, None, {"title": "Panel", "scheduled_at": now - timedelta(days=2)}
        )
        assert interview.id is not None
        record_debrief(uow, interview.id, 3)
        return created.id, interview.id


def _stored(app) -> tuple[list[str], list[str]]:
    with app.engine.connect() as conn:
        kinds = conn.execute(select(t.rounds.c.kind).order_by(t.rounds.c.id)).scalars()
        sources = conn.execute(select(t.applications.c.source)).scalars()
        return [str(k) for k in kinds], [str(s) for s in sources]


def _config():
    from alembic.config import Config

    from nextround.store.database import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def test_a_panel_and_a_job_board_are_stored_and_anything_else_is_still_refused(app, clock):
    app_id, _ = _nhs(app, clock)
    assert _stored(app) == (["screen", "panel"], ["job_board"])
    with app.uow() as uow:
        assert applications.get_application(uow, app_id).status is Status.FINAL_ROUND
    with pytest.raises(IntegrityError), app.engine.begin() as conn:
        conn.execute(text("UPDATE rounds SET kind = 'lunch'"))
    with pytest.raises(IntegrityError), app.engine.begin() as conn:
        conn.execute(text("UPDATE applications SET source = 'pigeon'"))


def test_downgrading_keeps_every_row_and_upgrading_again_takes_the_new_values(app, clock):
    from alembic import command

    from nextround.store.database import HEAD_REVISION, current_revision, upgrade

    app_id, interview_id = _nhs(app, clock)
    config = _config()
    with app.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0015")
    # Before 0016 a panel was the final loop, and a job board "other"; nothing was lost.
    assert _stored(app) == (["screen", "final_loop"], ["other"])
    with app.engine.connect() as conn:
        assert conn.execute(select(t.debriefs.c.interview_id)).scalars().all() == [interview_id]
        assert conn.execute(select(t.interviews.c.id)).scalars().all() == [interview_id]
    for refused in (
        "UPDATE rounds SET kind = 'panel'",
        "UPDATE applications SET source = 'job_board'",
    ):
        with pytest.raises(IntegrityError), app.engine.begin() as conn:
            conn.execute(text(refused))
    upgrade(app.engine)
    assert current_revision(app.engine) == HEAD_REVISION
    with app.engine.begin() as conn:
        conn.execute(text("UPDATE rounds SET kind = 'panel' WHERE name = 'Panel'"))
        conn.execute(text("UPDATE applications SET source = 'job_board'"))
    assert _stored(app) == (["screen", "panel"], ["job_board"])
    with app.uow() as uow:
        restored = applications.get_application(uow, app_id)
    assert [i.id for r in restored.rounds for i in r.interviews] == [interview_id]


def test_a_backup_keeps_a_panel_and_a_job_board(app, clock):
    from nextround.services.data import export_backup, restore_backup

    _nhs(app, clock)
    with app.uow() as uow:
        doc = export_backup(uow)
    assert [row["kind"] for row in doc["tables"]["rounds"]] == ["screen", "panel"]
    with app.uow() as uow:
        restore_backup(uow, doc, replace=True)
    assert _stored(app) == (["screen", "panel"], ["job_board"])
