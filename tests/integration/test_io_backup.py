"""The JSON backup round-trips every record exactly, on both backends (hypothesis)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings

import nextround
from nextround.bootstrap import Nextround
from nextround.config import Settings
from nextround.io import backup
from nextround.services.applications import add_application
from nextround.services.data import export_backup, parse_backup, restore_backup
from nextround.store.database import HEAD_REVISION
from nextround.views import jsonable
from tests.integration import journeys
from tests.integration.conftest import load_journey


def wipe(app: Nextround) -> None:
    """Empty every table, children first, so one database serves many examples."""
    with app.uow() as uow:
        conn = uow.session.connection()
        for table in reversed(backup.backed_up_tables()):
            conn.execute(table.delete())
        uow.commit()


def everything(app: Nextround) -> dict[str, Any]:
    """Every record as loaded through the repositories, in JSON-ready form."""
    with app.uow() as uow:
        return {
            "applications": [jsonable(a) for a in uow.applications.all()],
            "contacts": [jsonable(c) for c in uow.contacts.list()],
            "feedback": [jsonable(f) for f in uow.feedback.list()],
        }


def without_stamp(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != "exported_at"}


def round_trip(source: Nextround, target: Nextround) -> tuple[dict[str, Any], dict[str, Any]]:
    """Export the source, restore the JSON text into the target, export the target."""
    with source.uow() as uow:
        first = export_backup(uow)
    text = backup.dumps(first)
    with target.uow() as uow:
        restore_backup(uow, parse_backup(text.encode("utf-8")))
    with target.uow() as uow:
        second = export_backup(uow)
    return first, second


def test_round_trip_of_generated_journeys(database_url, second_url, tmp_path):
    examples = 25 if database_url.startswith("sqlite") else 10
    clock = journeys.SteppingClock([datetime(2026, 11, 25, 12, tzinfo=UTC)])
    source = Nextround(Settings(data_dir=tmp_path, database_url=database_url), clock=clock)
    target = Nextround(Settings(data_dir=tmp_path, database_url=second_url), clock=clock)

    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(journey=journeys.journeys())
    def check(journey: dict[str, Any]) -> None:
        wipe(source)
        wipe(target)
        stepping = journeys.SteppingClock(journey["stamps"])
        source.clock = target.clock = stepping
        with source.uow() as uow:
            journeys.load(uow, journey)
        first, second = round_trip(source, target)
        assert without_stamp(second) == without_stamp(first)
        assert everything(target) == everything(source)
        # Feedback text is kept exactly, apart from surrounding whitespace.
        with target.uow() as uow:
            stored = sorted(f.text for f in uow.feedback.list())
        assert stored == sorted(item["text"].strip() for item in journey["feedback"])
        # Timestamps come back aware, in UTC, to the microsecond.
        stamps = {s.astimezone(UTC) for s in journey["stamps"]}
        for table in first["tables"].values():
            for row in table:
                assert row["created_at"].endswith("+00:00")
                assert datetime.fromisoformat(row["created_at"]) in stamps
                assert datetime.fromisoformat(row["updated_at"]) in stamps

    try:
        check()
    finally:
        source.close()
        target.close()


def test_round_trip_of_the_known_journey_keeps_ids_and_continues_them(app, make_app, second_url):
    load_journey(app)
    target = make_app(second_url)
    first, second = round_trip(app, target)
    assert without_stamp(second) == without_stamp(first)
    assert everything(target) == everything(app)
    assert [r["id"] for r in first["tables"]["applications"]] == [1, 2, 3]
    # New rows in the restored database continue after the restored ids.
    with target.uow() as uow:
        created = add_application(
            uow, {"company": "After", "role_title": "PM", "applied_on": date(2026, 1, 1)}
        )
    assert created.id == 4


def test_export_document_shape(app, clock):
    load_journey(app)
    with app.uow() as uow:
        doc = export_backup(uow)
    assert doc["format"] == "nextround-backup"
    assert doc["format_version"] == backup.FORMAT_VERSION
    assert doc["revision"] == HEAD_REVISION
    assert doc["nextround_version"] == nextround.__version__
    assert doc["exported_at"] == clock.now.isoformat()
    assert list(doc["tables"]) == [t.name for t in backup.backed_up_tables()]
    backup.validate(doc)  # what we write, we can read
    interview = doc["tables"]["interviews"][1]
    assert interview["scheduled_at"] == "2025-06-10T09:00:00+00:00"
    [ines] = [c["id"] for c in doc["tables"]["contacts"] if c["name"] == "Inés Carvalho"]
    assert interview["interviewers"][0] == {
        "name": "Inés Carvalho",
        "title": "Lead, Process Excellence",
        "contact_id": ines,
    }
    assert interview["competencies"] == ["systems-thinking", "communication"]


def test_dumps_is_utf8_text_that_parses_back(app):
    load_journey(app)
    with app.uow() as uow:
        doc = export_backup(uow)
    text = backup.dumps(doc)
    assert "Inés" in text  # not \u escapes
    assert text.endswith("\n")
    assert parse_backup(text.encode("utf-8")) == doc


def test_a_backup_from_before_interview_time_zones_restores(app, make_app, second_url):
    load_journey(app)
    with app.uow() as uow:
        doc = export_backup(uow)
    doc["revision"] = "0004"  # interviews had no time_zone column yet
    for row in doc["tables"]["interviews"]:
        del row["time_zone"]
    target = make_app(second_url)
    with target.uow() as uow:
        restore_backup(uow, parse_backup(backup.dumps(doc).encode("utf-8")))
    with target.uow() as uow:
        restored = export_backup(uow)
    assert [r["time_zone"] for r in restored["tables"]["interviews"]] == [None] * len(
        doc["tables"]["interviews"]
    )
    assert [r["scheduled_at"] for r in restored["tables"]["interviews"]] == [
        r["scheduled_at"] for r in doc["tables"]["interviews"]
    ]
