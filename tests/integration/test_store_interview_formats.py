"""System-design and coding interviews on the real database: stored, migrated, backed up."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError

from nextround.domain.journey import InterviewFormat, RoundKind
from nextround.services import applications, process
from nextround.services.debriefs import record_debrief
from nextround.store import tables as t
from tests.conftest import Clock


def _onsite(app, clock: Clock) -> list[int]:
    """An onsite with a behavioural, a system-design and a coding interview, all held."""
    now = clock.now
    with app.uow() as uow:
        created = applications.add_application(
            uow,
            {
                "company": "Cobalt AI",
                "role_title": "Backend",
                "applied_on": (now - timedelta(30)).date(),
            },
        )
        assert created.id is not None
        process.add_round(
            uow,
            created.id,
            {
                "name": "Onsite",
                "kind": RoundKind.FINAL_LOOP,
                "started_on": (now - timedelta(2)).date(),
            },
        )
        ids = []
        for title, fmt in (
            ("Behavioural", InterviewFormat.BEHAVIOURAL),
            ("Design a job scheduler", InterviewFormat.SYSTEM_DESIGN),
            ("Concurrency", InterviewFormat.CODING),
        ):
            interview = process.add_interview(
                uow,
                created.id,
                None,
                {"title": title, "format": fmt, "scheduled_at": now - timedelta(days=1)},
            )
            assert interview.id is not None
            ids.append(interview.id)
        return ids


def _formats(app) -> list[str]:
    with app.engine.connect() as conn:
        query = select(t.interviews.c.format).order_by(t.interviews.c.id)
        return [str(f) for f in conn.execute(query).scalars()]


def _config():
    from alembic.config import Config

    from nextround.store.database import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def test_the_new_formats_are_stored_and_anything_else_is_still_refused(app, clock: Clock):
    _onsite(app, clock)
    assert _formats(app) == ["behavioural", "system_design", "coding"]
    with pytest.raises(IntegrityError), app.engine.begin() as conn:
        conn.execute(text("UPDATE interviews SET format = 'whiteboard'"))


def test_downgrading_makes_them_technical_and_upgrading_again_keeps_every_debrief(
    app, clock: Clock
):
    from alembic import command

    from nextround.store.database import upgrade

    behavioural, design, coding = _onsite(app, clock)
    with app.uow() as uow:
        for interview_id in (behavioural, design, coding):
            record_debrief(uow, interview_id, 3)
    config = _config()
    with app.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0013")
    assert _formats(app) == ["behavioural", "technical", "technical"]
    with pytest.raises(IntegrityError), app.engine.begin() as conn:
        conn.execute(text("UPDATE interviews SET format = 'coding'"))
    upgrade(app.engine)
    with app.engine.begin() as conn:
        conn.execute(
            update(t.interviews).where(t.interviews.c.id == coding).values(format="coding")
        )
    assert _formats(app) == ["behavioural", "technical", "coding"]
    with app.engine.connect() as conn:
        debriefs = conn.execute(select(t.debriefs.c.interview_id)).scalars().all()
    # Widening the check copied no table, so no debrief was cascaded away.
    assert sorted(debriefs) == [behavioural, design, coding]


def test_a_backup_keeps_the_new_formats(app, clock: Clock):
    from nextround.services.data import export_backup, restore_backup

    _onsite(app, clock)
    with app.uow() as uow:
        doc = export_backup(uow)
    assert [row["format"] for row in doc["tables"]["interviews"]] == [
        "behavioural",
        "system_design",
        "coding",
    ]
    with app.uow() as uow:
        restore_backup(uow, doc, replace=True)
    assert _formats(app) == ["behavioural", "system_design", "coding"]
