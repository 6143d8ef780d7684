"""The demo journey in a real database, on both backends: it obeys every rule and backs up."""

from __future__ import annotations

from nextround.domain.journey import Status
from nextround.services.data import export_backup, restore_backup
from nextround.services.demo import load_demo
from nextround.services.overview import stats, timeline


def test_demo_loads_and_reads_back_valid(app, make_app, tmp_path):
    with app.uow() as uow:
        loaded = load_demo(uow)
    with app.uow() as uow:
        apps = uow.applications.all()
        assert len(apps) == len(loaded.applications)
        for application in apps:
            application.check()  # as stored, every record still obeys every rule
        main, events = timeline(uow, loaded.main_application)
        assert main.status is Status.REJECTED
        assert events[0].title.startswith("Applied: Technical Program Manager at ")
        assert events[-1].title == "Decision: rejection"
        funnel = stats(uow).funnel
        assert funnel[0].count == len(apps)
        doc = export_backup(uow)
    target = make_app(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    with target.uow() as uow:
        counts = restore_backup(uow, doc)
    assert counts["interviews"] == len(loaded.interviews)
    with target.uow() as uow:
        again = export_backup(uow)
    assert again["tables"] == doc["tables"]
