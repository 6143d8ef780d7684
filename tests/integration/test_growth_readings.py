"""Feedback read on several frameworks, and a plan per framework, on both backends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from nextround.domain.feedback import FeedbackSource
from nextround.domain.plan import PlanAction
from nextround.services import data
from nextround.services.feedback import add_mapped_feedback, remove_feedback
from nextround.services.framework_reading import read_feedback_on
from nextround.services.framework_removal import remove_framework
from nextround.services.frameworks import import_framework, use_framework
from nextround.services.profile import current_profile
from nextround.services.review import review_statement
from nextround.store import tables as t
from tests.integration.migration_steps import downgrade
from tests.unit.growth_fakes import keyword_mapper
from tests.unit.growth_fixtures import FRAMEWORK
from tests.unit.test_services_framework_reading import VALUES, values_mapper


def _action(action_id: str, done_on: date | None = None) -> PlanAction:
    return PlanAction(action_id, "mitigate", "risk-management", "Do it", "", "", date(2026, 11, 2),
                      done_on)  # fmt: skip


def _fill(app) -> None:  # type: ignore[no-untyped-def]
    """Two items read on the test framework (one confirmed), both read on values too."""
    _on_test(app)
    _on_values(app)


def _on_test(app) -> None:  # type: ignore[no-untyped-def]
    with app.uow() as uow:
        import_framework(uow, FRAMEWORK, use=True)
        import_framework(uow, VALUES)
        for text in ("Strong communicator, weak on risk.", "She did not push back."):
            add_mapped_feedback(uow, text, FeedbackSource.RECRUITER, keyword_mapper, "test")
    with app.uow() as uow:
        first = uow.statements.for_feedback(1)[0]
        review_statement(uow, first.id, ["communication"])
    with app.uow() as uow:
        uow.plan.replace_all([_action("mitigate:risk-management:practice-1", date(2026, 11, 3))])
        uow.commit()


def _on_values(app) -> None:  # type: ignore[no-untyped-def]
    with app.uow() as uow:
        use_framework(uow, "values")
        read_feedback_on(uow, "values", values_mapper)
    with app.uow() as uow:
        uow.plan.replace_all([_action("mitigate:risk-management:practice-1")])
        uow.commit()


def test_each_framework_keeps_its_reading_and_its_plan(app):
    _on_test(app)
    with app.uow() as uow:
        before = current_profile(uow, 365).profile.to_json()
    _on_values(app)
    with app.uow() as uow:
        assert {s.framework_id for s in uow.statements.for_feedback(1)} == {"values"}
        assert uow.statements.count_unconfirmed() == len(uow.statements.unconfirmed()) == 3
        # The same action id on two frameworks: two plans, the other's done action kept.
        assert [a.done_on for a in uow.plan.all()] == [None]
        assert [a.done_on for a in uow.plan.done_elsewhere()] == [date(2026, 11, 3)]
        use_framework(uow, "test")
    with app.uow() as uow:
        assert {s.framework_id for s in uow.statements.for_feedback(1)} == {"test"}
        assert uow.statements.count_unconfirmed() == len(uow.statements.unconfirmed()) == 2
        assert [a.done_on for a in uow.plan.all()] == [date(2026, 11, 3)]
        assert current_profile(uow, 365).profile.to_json() == before


def test_deleting_feedback_takes_every_reading_and_a_framework_only_its_own(app):
    _fill(app)
    with app.uow() as uow:
        use_framework(uow, "test")
    with app.uow() as uow:
        removed = remove_feedback(uow, 2)
    assert removed.statements == 1  # as shown: one statement, read on two frameworks
    with app.uow() as uow:
        remove_framework(uow, "values")
    with app.engine.connect() as conn:
        rows = conn.execute(select(t.statements.c.feedback_id, t.statements.c.framework_id))
        assert sorted(tuple(r) for r in rows) == [(1, "test"), (1, "test")]
        plans = conn.execute(select(t.plan_actions.c.framework_id)).scalars().all()
        assert plans == ["test"]
        assert conn.execute(select(t.frameworks.c.id)).scalars().all() == ["test"]


@pytest.fixture
def another_database_url(database_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A second empty database on the same backend."""
    if database_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    from tests.postgres_server import create_database

    return create_database(request.getfixturevalue("postgres_base_url"))


def test_a_backup_round_trips_both_readings_and_both_plans(app, make_app, another_database_url):
    _fill(app)
    with app.uow() as uow:
        doc = data.export_backup(uow)
    assert sorted(r["framework_id"] for r in doc["tables"]["plan_actions"]) == ["test", "values"]
    restored = make_app(another_database_url)
    with restored.uow() as uow:
        data.restore_backup(uow, doc)
    with restored.uow() as uow:
        assert {**data.export_backup(uow), "exported_at": None} == {**doc, "exported_at": None}


def test_a_backup_from_before_plans_per_framework_puts_its_plan_on_its_framework_in_use(
    app, make_app, another_database_url
):
    _fill(app)
    with app.uow() as uow:
        use_framework(uow, "test")
        doc = data.export_backup(uow)
    tables = doc["tables"]
    # As revision 0009 wrote it: one reading per item, one plan, no framework on the plan.
    tables["statements"] = [s for s in tables["statements"] if s["framework_id"] == "test"]
    tables["plan_actions"] = [
        {k: v for k, v in a.items() if k != "framework_id"}
        for a in tables["plan_actions"]
        if a["framework_id"] == "test"
    ]
    old = {**doc, "revision": "0009", "tables": tables}
    restored = make_app(another_database_url)
    with restored.uow() as uow:
        data.restore_backup(uow, old)
    with restored.uow() as uow:
        assert [a.done_on for a in uow.plan.all()] == [date(2026, 11, 3)]
        use_framework(uow, "values")
        assert uow.plan.all() == []
    # A backup of this revision must say which framework each action is on.
    from nextround.errors import InvalidInputError

    missing = pytest.raises(InvalidInputError, match=r"the field 'framework_id' is missing")
    with missing, make_app(another_database_url).uow() as uow:
        data.restore_backup(uow, {**old, "revision": doc["revision"]}, replace=True)


def test_upgrading_puts_the_plan_on_the_framework_in_use_and_downgrading_keeps_one_reading(app):
    from nextround.store.database import HEAD_REVISION, current_revision, upgrade

    _fill(app)
    with app.uow() as uow:
        last = max(s.id or 0 for s in uow.statements.all_readings())
        remove_feedback(uow, 2)  # the statements with the largest ids go
    downgrade(app.engine, "0009")
    with app.engine.connect() as conn:
        rows = conn.execute(select(t.statements.c.framework_id).order_by(t.statements.c.id))
        # The first reading of each item stays; the plan of the framework in use ("values").
        assert rows.scalars().all() == ["test", "test"]
        assert conn.execute(select(t.plan_actions.c.done_on)).scalars().all() == [None]
    upgrade(app.engine)
    assert current_revision(app.engine) == HEAD_REVISION
    with app.engine.connect() as conn:
        assert conn.execute(select(t.plan_actions.c.framework_id)).scalars().all() == ["values"]
    with app.uow() as uow:
        assert [s.framework_id for s in uow.statements.for_feedback(1)] == ["test", "test"]
        # A second reading can be stored again after the round trip, and no id deleted
        # before is given again (a plan action may still cite it).
        read = read_feedback_on(uow, "values", values_mapper)
    assert min(s.id or 0 for s in read.statements) > last
    with app.uow() as uow:
        assert {s.framework_id for s in uow.statements.for_feedback(1)} == {"values"}


def test_a_verdict_of_no_competency_carries_over_on_both_backends(app, clock):
    from datetime import timedelta

    from nextround.services.framework_reading import verdicts_carried
    from nextround.services.review import pending_review, review_again

    _on_test(app)
    with app.uow() as uow:
        noise = uow.statements.for_feedback(2)[0]
        review_statement(uow, noise.id, [])  # about no competency, on "test"
    clock.now += timedelta(hours=1)
    with app.uow() as uow:
        use_framework(uow, "values")
        read = read_feedback_on(uow, "values", values_mapper)
    assert [s.text for s in read.about_none] == [noise.text]
    kept = read.about_none[0].id
    with app.uow() as uow:
        stored = uow.statements.get(kept)
        assert (stored.confirmed, stored.competencies, stored.verdict_carried) == (True, [], True)
        assert verdicts_carried(uow, "values") == 1
        assert kept not in {i.statement.id for i in pending_review(uow)}
        review_again(uow, kept)
    with app.uow() as uow:
        assert kept in {i.statement.id for i in pending_review(uow)}
        assert verdicts_carried(uow, "values") == 0
        # The verdict on the first framework stays as it was.
        assert uow.statements.get(noise.id).about_none
