"""Ctrl+C says in one line what the command left: nothing, or what it had saved (QA15 F8)."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

import pytest

from nextround.cli import applications, main

pytestmark = pytest.mark.usefixtures("default_ctrl_c")


def _ctrl_c(*_: object, **__: object) -> None:
    """A real SIGINT, as Ctrl+C in a terminal sends it, at this point of the command."""
    os.kill(os.getpid(), signal.SIGINT)


def _run(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_:
        main(["--db", f"sqlite:///{path}", *args])
    return int(exit_.value.code or 0), capsys.readouterr().err


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXTROUND_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("NEXTROUND_DATABASE_URL", raising=False)


def test_interrupted_after_the_commit_says_what_was_saved_and_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.sqlite3"
    monkeypatch.setattr(applications, "console", _ctrl_c)  # stored, not yet said
    code, err = _run(path, capsys, "app", "add", "Acme", "PM")
    assert code == 130
    last = err.strip().splitlines()[-1]
    assert last.startswith("Interrupted after it had saved changes (applications")
    assert "they are kept" in last
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT company FROM applications").fetchall() == [("Acme",)]


def test_interrupted_before_anything_is_saved_says_so_and_removes_a_new_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from nextround.services import applications as service

    path = tmp_path / "new.sqlite3"
    monkeypatch.setattr(service, "add_application", _ctrl_c)
    code, err = _run(path, capsys, "app", "add", "Acme", "PM")
    assert code == 130
    assert err.strip().splitlines()[-1] == (
        "Interrupted; nothing was changed. To try again: nextround --db "
        f"sqlite:///{path} app add Acme PM"
    )
    assert not path.exists()
    # Ctrl+C is Python's own KeyboardInterrupt again once the command is over.
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
