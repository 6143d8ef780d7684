"""The resume on the real database: stored, replaced, backed up, migrated, and never evidence."""

from __future__ import annotations

import pytest
from sqlalchemy import func, inspect, select

from nextround.analysis.lexical import LexicalMapper
from nextround.errors import InvalidInputError
from nextround.io.resume_files import read_resume
from nextround.services import data, resumes
from nextround.services.debriefs import record_debrief
from nextround.services.frameworks import active_framework
from nextround.services.profile import current_profile
from nextround.services.stories import remove_story
from nextround.store import tables as t
from nextround.views import jsonable
from tests.integration.conftest import load_journey
from tests.integration.migration_steps import downgrade

RESUME = """\
# Priya Raman
## Experience
### Northwind Logistics — Senior Product Manager
Jan 2021 – Present
- Cut partner integration time from 6 weeks to 9 days by launching a sandbox.
- Ran weekly roadmap reviews with Sales, Legal and Eng.
### Contoso — Product Manager
2017 – 2020
- Reduced customer churn by 12% with a risk review of every renewal.
## Skills
- SQL
"""

OTHER = """\
# Priya Raman
## Experience
### Globex — Program Manager
- Shipped 3 releases on time.
"""


def _import(app, text: str = RESUME, *, replace: bool = False):
    with app.uow() as uow:
        # Read inside the unit of work, as the CLI does: the domain classes are mapped by then.
        resume = read_resume(text.encode(), "cv.md")
        return resumes.import_resume(
            uow, resume, LexicalMapper(active_framework(uow)), replace=replace
        )


def _rows(app, table) -> int:
    with app.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_a_resume_is_stored_mapped_and_read_back(app):
    _import(app)
    with app.uow() as uow:
        resume = resumes.current(uow)
        assert [r.label for r in resume.roles] == [
            "Senior Product Manager, Northwind Logistics",
            "Product Manager, Contoso",
        ]
        assert [len(r.highlights) for r in resume.roles] == [2, 1]
        assert resume.framework_id == "nextround-core"
        assert resume.mapper == "lexical (fallback)"
        churn = resume.roles[1].highlights[0]
        assert churn.suggestions  # "risk review" shares words with a competency
        assert resume.skills == ["SQL"]


def test_importing_again_is_refused_unless_it_replaces_and_then_nothing_old_is_left(app):
    _import(app)
    with pytest.raises(InvalidInputError, match=r"a resume is already stored: cv\.md \(Markdown"):
        _import(app, OTHER)
    assert (_rows(app, t.resumes), _rows(app, t.resume_highlights)) == (1, 3)
    done = _import(app, OTHER, replace=True)
    assert done.replaced is not None and "2 roles, 3 highlights" in done.replaced
    assert (_rows(app, t.resumes), _rows(app, t.resume_roles), _rows(app, t.resume_highlights)) == (
        1,
        1,
        1,
    )


def test_a_story_from_a_highlight_stops_it_being_a_seed_until_the_story_is_deleted(app):
    _import(app)
    with app.uow() as uow:
        resume = resumes.current(uow)
        view = current_profile(uow, 60)
        seeds = resumes.seeds(uow, resume, view.profile)
    assert [s.highlight.id for s in seeds.seeds] == [1, 3]
    with app.uow() as uow:
        story = resumes.add_story_from_highlight(uow, 1, {"task": "Partners waited weeks."}, None)
    assert (
        story.situation == "At Northwind Logistics, as Senior Product Manager (Jan 2021 – Present)."
    )
    assert story.task == "Partners waited weeks."
    assert story.result == ""
    with app.uow() as uow:
        resume = resumes.current(uow)
        assert resume.highlights[0].story_id == story.id
        assert [s.highlight.id for s in resumes.seeds(uow, resume, view.profile).seeds] == [3]
    with app.uow() as uow:
        remove_story(uow, story.id)  # the database sets the link to NULL (both backends)
    with app.uow() as uow:
        assert resumes.current(uow).highlights[0].story_id is None


def test_a_resume_never_counts_as_evidence(app):
    journey = load_journey(app)
    with app.uow() as uow:
        record_debrief(uow, journey.whiteboard, 3, ratings={"risk-management": 2})
    with app.uow() as uow:
        before = jsonable(current_profile(uow, 60).profile)
    _import(app)
    with app.uow() as uow:
        after = jsonable(current_profile(uow, 60).profile)
    assert after == before
    risk = next(c for c in before["competencies"] if c["competency_id"] == "risk-management")
    assert risk["evidence_count"] == 1  # the debrief: so the comparison means something


def test_a_backup_holds_the_resume_and_restores_it_exactly(app, make_app, second_url):
    _import(app)
    with app.uow() as uow:
        resumes.add_story_from_highlight(uow, 3, {}, None)
        doc = data.export_backup(uow)
    assert [len(doc["tables"][n]) for n in ("resumes", "resume_roles", "resume_highlights")] == [
        1,
        2,
        3,
    ]
    restored = make_app(second_url)
    with restored.uow() as uow:
        counts = data.restore_backup(uow, doc)
    assert counts["resume_highlights"] == 3
    with restored.uow() as uow:
        assert {**data.export_backup(uow), "exported_at": None} == {**doc, "exported_at": None}
        # Ids continue after the restored ones.
        again = resumes.import_resume(
            uow,
            read_resume(OTHER.encode(), "cv.md"),
            LexicalMapper(active_framework(uow)),
            replace=True,
        )
        assert again.resume.id == 2


def test_a_backup_from_before_resumes_restores_and_a_damaged_one_is_refused(
    app, make_app, second_url
):
    _import(app)
    with app.uow() as uow:
        doc = data.export_backup(uow)
    older = {
        **doc,
        "revision": "0010",
        "tables": {
            k: v
            for k, v in doc["tables"].items()
            if k not in {"resumes", "resume_roles", "resume_highlights"}
        },
    }
    restored = make_app(second_url)
    with restored.uow() as uow:
        data.restore_backup(uow, older)
    with restored.uow() as uow:
        assert uow.resumes.current() is None
    damaged = {**doc, "tables": {**doc["tables"]}}
    damaged["tables"].pop("resume_roles")
    with (
        pytest.raises(InvalidInputError, match="lacks the resume_roles table"),
        restored.uow() as uow,
    ):
        data.restore_backup(uow, damaged, replace=True)
    bad_row = {
        **doc,
        "tables": {
            **doc["tables"],
            "resume_highlights": [
                {**row, "role_id": 99} for row in doc["tables"]["resume_highlights"]
            ],
        },
    }
    with (
        pytest.raises(InvalidInputError, match="refers to resume_roles id 99"),
        restored.uow() as uow,
    ):
        data.restore_backup(uow, bad_row, replace=True)
    with restored.uow() as uow:
        assert uow.resumes.current() is None  # nothing half-written


def test_downgrading_drops_only_the_resume_tables_and_upgrading_brings_them_back(app):
    from nextround.store.database import HEAD_REVISION, current_revision, upgrade

    load_journey(app)
    _import(app)
    kept = {table.name: _rows(app, table) for table in (t.applications, t.feedback, t.stories)}
    downgrade(app.engine, "0010")
    names = set(inspect(app.engine).get_table_names())
    assert not names & {"resumes", "resume_roles", "resume_highlights"}
    assert {table.name: _rows(app, table) for table in (t.applications, t.feedback, t.stories)} == (
        kept
    )
    upgrade(app.engine)
    assert current_revision(app.engine) == HEAD_REVISION
    assert _rows(app, t.resumes) == 0
    _import(app)  # the tables work again, constraints and all
    assert _rows(app, t.resume_highlights) == 3
