"""Two writers on one SQLite file: the second waits its turn, or says the database is busy."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from nextround.errors import NextroundError
from nextround.services.applications import add_application
from nextround.store import database


def _add(uow, company: str) -> None:
    add_application(
        uow, {"company": company, "role_title": "Data Engineer", "applied_on": date(2026, 11, 2)}
    )


def test_a_writer_that_reads_first_waits_for_another_writer(make_app, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    first, second = make_app(url), make_app(url)  # two processes' worth of connections
    first.engine  # noqa: B018 - create and migrate the file before the race
    writing = threading.Event()
    failures: list[BaseException] = []

    def slow_writer() -> None:
        try:
            with first.uow() as uow:
                uow.applications.count()
                _add_uncommitted(uow, "Slow Co")
                writing.set()
                time.sleep(1.0)  # holds the write lock, as a long command does
                uow.commit()
        except BaseException as exc:  # reported by the main thread
            writing.set()
            failures.append(exc)

    thread = threading.Thread(target=slow_writer)
    thread.start()
    assert writing.wait(30)
    # Reads first, writes later, like `round add` or `feedback add`: SQLite cannot upgrade
    # a reader while the other connection writes, so without the write lock taken up
    # front this failed at once with "database is locked".
    with second.uow() as uow:
        assert uow.applications.count() in (0, 1)
        _add(uow, "Quick Co")
    thread.join()
    assert failures == []
    with second.uow(writes=False) as uow:
        assert sorted(a.company for a in uow.applications.all()) == ["Quick Co", "Slow Co"]


def _add_uncommitted(uow, company: str) -> None:
    from nextround.domain.journey import Application

    now = uow.now()
    uow.applications.add(
        Application(company, "Data Engineer", date(2026, 11, 2), created_at=now, updated_at=now)
    )
    uow.flush()


def test_a_reader_does_not_wait_for_a_writer(make_app, tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    app = make_app(f"sqlite:///{path}")
    with app.uow() as uow:
        _add(uow, "Kept Co")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        began = time.monotonic()
        with app.uow(writes=False) as uow:
            assert [a.company for a in uow.applications.all()] == ["Kept Co"]
        assert time.monotonic() - began < 2
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_writer_kept_out_too_long_gets_a_clear_error(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 1)
    path = tmp_path / "shared.sqlite3"
    app = make_app(f"sqlite:///{path}")
    app.engine  # noqa: B018 - migrate before the lock is taken
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(NextroundError) as caught, app.uow() as uow:
            uow.applications.count()
            _add(uow, "Blocked Co")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    message = caught.value.for_cli()
    assert f"the database {path} is busy" in message
    assert "over 1 s" in message and "try again" in message
    with app.uow(writes=False) as uow:
        assert uow.applications.count() == 0
