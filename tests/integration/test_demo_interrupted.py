"""An interrupted `nextround demo` leaves the previous demo (or none), never half of one."""

from __future__ import annotations

import os
import signal
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from nextround.analysis import embeddings
from nextround.cli import main
from nextround.services import demo

pytestmark = pytest.mark.usefixtures("default_ctrl_c")


def _run(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_:
        main(["demo"])
    return int(exit_.value.code or 0), capsys.readouterr().err


def _counts(path: Path) -> tuple[int, int, int]:
    with closing(sqlite3.connect(path)) as conn:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM applications), (SELECT count(*) FROM plan_actions),"
            " (SELECT count(*) FROM notes)"
        ).fetchone()
    return tuple(row)


def test_ctrl_c_during_the_load_keeps_the_previous_demo_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(embeddings, "MODEL_PACKAGE", "no_such_model_package_here")
    monkeypatch.setenv("NEXTROUND_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("NEXTROUND_DATABASE_URL", raising=False)
    code, err = _run(capsys)
    assert code == 0
    assert "Started a new, empty database" not in err  # the demo makes its file on purpose
    whole = _counts(tmp_path / "demo.sqlite3")
    assert whole[0] == 7 and whole[1] > 0 and whole[2] == 1

    def interrupted(*_: object) -> None:  # late in the load: most of the journey is in
        os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(demo, "send_thank_you", interrupted)
    code, err = _run(capsys)
    assert code == 130
    assert "Interrupted; nothing was changed." in err
    assert _counts(tmp_path / "demo.sqlite3") == whole
    assert sorted(p.name for p in tmp_path.iterdir() if "sqlite3" in p.name) == ["demo.sqlite3"]


@pytest.mark.postgres
def test_ctrl_c_during_a_postgresql_load_leaves_the_database_empty(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    postgres_base_url: str,
) -> None:
    """A server database has no file to swap in: the whole load is one transaction."""
    from sqlalchemy import create_engine, func, select

    from nextround.io.backup import row_counts
    from nextround.store import tables
    from tests.postgres_server import create_database

    url = create_database(postgres_base_url)
    monkeypatch.setattr(embeddings, "MODEL_PACKAGE", "no_such_model_package_here")
    monkeypatch.setenv("NEXTROUND_DATA_DIR", str(tmp_path))

    def interrupted(*_: object) -> None:  # late in the load: most of the journey is in
        os.kill(os.getpid(), signal.SIGINT)

    def held() -> tuple[dict[str, int], int]:
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                cached = conn.scalar(select(func.count()).select_from(tables.embedding_cache))
                return row_counts(conn), int(cached or 0)
        finally:
            engine.dispose()

    with monkeypatch.context() as patched:
        patched.setattr(demo, "send_thank_you", interrupted)
        with pytest.raises(SystemExit) as exit_:
            main(["--db", url, "demo"])
    assert exit_.value.code == 130
    assert "Interrupted; nothing was changed." in capsys.readouterr().err
    counts, cached = held()
    assert not any(counts.values()) and cached == 0
    # Still empty, so the demo loads into it whole.
    with pytest.raises(SystemExit) as exit_:
        main(["--db", url, "demo"])
    assert not exit_.value.code
    counts, _ = held()
    assert counts["applications"] == 7 and counts["notes"] == 1 and counts["plan_actions"] > 0
