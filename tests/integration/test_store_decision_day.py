"""A decision whose day is not known, on the real database: imported, kept, migrated both ways."""

from __future__ import annotations

from datetime import date

from sqlalchemy import inspect, select

from nextround.io.application_csv import read_sheet
from nextround.services.application_import import import_applications
from nextround.services.data import export_backup, restore_backup
from nextround.services.overview import stats
from nextround.services.process import edit_decision
from nextround.store import tables as t
from tests.integration.migration_steps import downgrade

#: QA21 F9: Ade's sheet: one "ghosted" with no closed date, one rejection with its day.
SHEET = (
    "Company,Role,Applied,Status,Closed on\n"
    "Lloyds Banking Group,Lead Data Scientist,18/09/2026,ghosted,\n"
    "Monzo,Staff Data Scientist,01/09/2026,rejected,16/10/2026\n"
)


def _imported(app) -> dict[str, int]:
    with app.uow() as uow:
        done = import_applications(uow, read_sheet(SHEET.encode(), "ade.csv"), "ade.csv")
    return {a.application.company: a.application.id for a in done.added}


def _days(app) -> dict[int, tuple[date, bool]]:
    with app.engine.connect() as conn:
        rows = conn.execute(
            select(t.decisions.c.application_id, t.decisions.c.decided_on,
                   t.decisions.c.day_known)
        )  # fmt: skip
        return {r.application_id: (r.decided_on, r.day_known) for r in rows}


def test_an_undated_ending_is_kept_as_not_known_until_given_a_day(app) -> None:
    ids = _imported(app)
    lloyds, monzo = ids["Lloyds Banking Group"], ids["Monzo"]
    assert _days(app) == {
        lloyds: (date(2026, 9, 18), False),  # the day applied only orders it
        monzo: (date(2026, 10, 16), True),
    }
    with app.facts() as facts:
        gaps = stats(facts).stage_gaps
    assert all(g.samples == 0 for g in gaps)  # no stage days from a stand-in
    with app.uow() as uow:
        edit_decision(uow, lloyds, {"reason": "never heard back"})
    assert _days(app)[lloyds] == (date(2026, 9, 18), False)
    with app.uow() as uow:
        edit_decision(uow, lloyds, {"decided_on": date(2026, 10, 30)})
    assert _days(app)[lloyds] == (date(2026, 10, 30), True)


def test_down_to_0021_and_up_again_finds_the_undated_import_by_its_stamps(app) -> None:
    from nextround.store.database import HEAD_REVISION, current_revision, upgrade

    ids = _imported(app)
    downgrade(app.engine, "0021")
    assert "day_known" not in {c["name"] for c in inspect(app.engine).get_columns("decisions")}
    upgrade(app.engine)
    assert current_revision(app.engine) == HEAD_REVISION
    # Written with its application and dated the day applied: an import's stand-in.
    days = _days(app)
    assert days[ids["Lloyds Banking Group"]][1] is False
    assert days[ids["Monzo"]][1] is True


def test_a_backup_keeps_the_unknown_day_and_an_older_one_reads_as_known(
    app, make_app, tmp_path
) -> None:
    ids = _imported(app)
    with app.uow() as uow:
        doc = export_backup(uow)
    target = make_app(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    with target.uow() as uow:
        restore_backup(uow, doc)
    assert _days(target) == _days(app)
    older = {**doc, "revision": "0021"}
    older["tables"] = {
        **doc["tables"],
        "decisions": [
            {k: v for k, v in row.items() if k != "day_known"} for row in doc["tables"]["decisions"]
        ],
    }
    again = make_app(f"sqlite:///{tmp_path / 'older.sqlite3'}")
    with again.uow() as uow:
        restore_backup(uow, older)
    assert _days(again)[ids["Monzo"]] == (date(2026, 10, 16), True)
