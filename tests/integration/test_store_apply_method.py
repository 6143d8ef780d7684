"""How an application was sent, on the real database: stored, checked, migrated both ways."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from nextround.domain.journey import ApplyMethod
from nextround.services import applications
from nextround.store import tables as t
from tests.integration.migration_steps import downgrade


def _add(app, method: ApplyMethod | None) -> int:
    with app.uow() as uow:
        created = applications.add_application(
            uow,
            {
                "company": "Corvid Cloud",
                "role_title": "Senior CSM",
                "applied_on": date(2026, 10, 5),
                "method": method,
            },
        )
    assert created.id is not None
    return created.id


def test_a_method_is_kept_and_a_value_that_is_none_is_refused_by_the_database(app) -> None:
    app_id = _add(app, ApplyMethod.IN_PERSON)
    with app.uow() as uow:
        assert applications.get_application(uow, app_id).method is ApplyMethod.IN_PERSON
    with pytest.raises(IntegrityError), app.engine.begin() as conn:
        conn.execute(text("UPDATE applications SET method = 'pigeon'"))


def test_down_to_0022_drops_the_method_and_keeps_the_application_and_up_again_asks_anew(
    app,
) -> None:
    from nextround.store.database import HEAD_REVISION, current_revision, upgrade

    app_id = _add(app, ApplyMethod.EMAIL)
    downgrade(app.engine, "0022")
    with app.engine.connect() as conn:
        assert conn.execute(text("SELECT id FROM applications")).scalars().all() == [app_id]
    upgrade(app.engine)
    assert current_revision(app.engine) == HEAD_REVISION
    with app.engine.connect() as conn:
        assert conn.execute(select(t.applications.c.method)).scalars().all() == [None]
    with pytest.raises(IntegrityError), app.engine.begin() as conn:
        conn.execute(text("UPDATE applications SET method = 'pigeon'"))


def test_a_backup_keeps_the_method_and_one_from_before_0023_restores_without_it(app) -> None:
    from nextround.services.data import export_backup, restore_backup

    _add(app, ApplyMethod.PHONE)
    with app.uow() as uow:
        doc = export_backup(uow)
    assert [row["method"] for row in doc["tables"]["applications"]] == ["phone"]
    older = {**doc, "revision": "0022"}
    older["tables"] = {
        **doc["tables"],
        "applications": [
            {k: v for k, v in row.items() if k != "method"} for row in doc["tables"]["applications"]
        ],
    }
    with app.uow() as uow:
        restore_backup(uow, older, replace=True)
    with app.engine.connect() as conn:
        assert conn.execute(select(t.applications.c.method)).scalars().all() == [None]
    with app.uow() as uow:
        restore_backup(uow, doc, replace=True)
    with app.engine.connect() as conn:
        assert conn.execute(select(t.applications.c.method)).scalars().all() == ["phone"]
