"""Story tags and logged questions per framework in a real database: upgrade, backup, restore."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from nextround.domain.competency import CompetencyMatch
from nextround.domain.tagging import Tagging
from nextround.services import data
from nextround.services.debriefs import record_debrief
from nextround.services.framework_reading import read_feedback_on
from nextround.services.frameworks import import_framework, use_framework
from nextround.services.stories import add_story, edit_story
from nextround.store import tables as t
from tests.integration.migration_steps import downgrade
from tests.unit.growth_fakes import keyword_mapper, seed_process
from tests.unit.growth_fixtures import FRAMEWORK
from tests.unit.test_services_framework_reading import VALUES, values_mapper

#: Tags as revisions before 0012 kept them: ids of two frameworks in one list.
MIXED = ["communication", "risk-management", "own-the-outcome"]
MIXED_SUGGESTIONS = [
    {"competency_id": "say-the-hard-thing", "confidence": 0.4},
    {"competency_id": "risk-management", "confidence": 0.9},
]


def _fill(app) -> None:  # type: ignore[no-untyped-def]
    """A story and a logged question, each read on the test framework and on values."""
    seeded = seed_process(app.uow(), interviews=[("Case", datetime(2026, 11, 2, tzinfo=UTC), [])])
    with app.uow() as uow:
        import_framework(uow, FRAMEWORK, use=True)
        import_framework(uow, VALUES)
        add_story(
            uow,
            {"title": "Outage", "action": "I briefed the VP.", "competencies": ["risk-management"]},
        )
        record_debrief(
            uow, seeded.interview_ids[0], 3, questions=["How do you communicate a risk?"],
            mapper=keyword_mapper(),
        )  # fmt: skip
    with app.uow() as uow:
        use_framework(uow, "values")
        read_feedback_on(uow, "values", values_mapper)
    with app.uow() as uow:
        edit_story(uow, 1, {"competencies": ["own-the-outcome"]})
        use_framework(uow, "test")


@pytest.fixture
def another_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A second empty database on the same backend as ``app``."""
    if "postgresql" not in request.node.callspec.id:
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    from tests.postgres_server import create_database

    return create_database(request.getfixturevalue("postgres_base_url"))


def test_both_readings_are_stored_and_a_backup_round_trips_them(
    app, make_app, another_database_url
):
    _fill(app)
    with app.uow() as uow:
        (story,) = uow.stories.all()
        assert story.tags_on("test").competencies == ("risk-management",)
        assert story.tags_on("values").competencies == ("own-the-outcome",)
        (question,) = uow.debriefs.all()[0].questions
        assert question.tagged_on() == {"test", "values"}
        doc = data.export_backup(uow)
    restored = make_app(another_database_url)
    with restored.uow() as uow:
        data.restore_backup(uow, doc)
    with restored.uow() as uow:
        assert {**data.export_backup(uow), "exported_at": None} == {**doc, "exported_at": None}


def test_upgrading_puts_each_tag_on_the_framework_that_has_it(app):
    from nextround.store.database import upgrade

    _fill(app)
    downgrade(app.engine, "0012")
    # As an older nextround kept them: one list, whatever framework each id came from.
    with app.engine.begin() as conn:
        matches = [CompetencyMatch(m["competency_id"], m["confidence"]) for m in MIXED_SUGGESTIONS]
        conn.execute(update(t.stories).values(competencies=MIXED, suggestions=matches))
    upgrade(app.engine)
    with app.engine.connect() as conn:
        row = conn.execute(select(t.stories.c.framework_id, t.stories.c.competencies)).one()
    # "communication" is on both: the one in use ("test") has it.
    assert tuple(row) == ("test", ["communication", "risk-management"])
    with app.uow() as uow:
        (story,) = uow.stories.all()
        assert story.tags_on("values") == Tagging(
            ("own-the-outcome",), (CompetencyMatch("say-the-hard-thing", 0.4),), True
        )
        assert story.tags_on("test").suggestions == (CompetencyMatch("risk-management", 0.9),)


def test_a_backup_from_before_tags_per_framework_is_read_the_same_way(
    app, make_app, another_database_url
):
    _fill(app)
    with app.uow() as uow:
        doc = data.export_backup(uow)
    tables = doc["tables"]
    old_rows = [
        {k: v for k, v in row.items() if k not in ("framework_id", "elsewhere")}
        | {"competencies": MIXED, "suggestions": MIXED_SUGGESTIONS}
        for row in tables["stories"]
    ]
    old = {**doc, "revision": "0012", "tables": {**tables, "stories": old_rows}}
    restored = make_app(another_database_url)
    with restored.uow() as uow:
        data.restore_backup(uow, old)
    with restored.uow() as uow:
        (story,) = uow.stories.all()
        assert story.framework_id == "test"
        assert story.tags_on("test").competencies == ("communication", "risk-management")
        assert story.tags_on("values").competencies == ("own-the-outcome",)
