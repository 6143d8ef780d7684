"""Run the real `nextround` command as a subprocess, on a database of the test's own."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from nextround.bootstrap import Nextround
from nextround.config import Settings
from tests.integration.conftest import Journey, load_journey

SRC = Path(__file__).resolve().parents[2] / "src"


@dataclass
class Result:
    """What a command did."""

    code: int
    out: str
    err: str


@dataclass
class Cli:
    """The command line, pointed at one database, with its own data folder."""

    db: str
    env: dict[str, str]
    cwd: Path

    def __call__(self, *args: str, stdin: str | None = None, db: str | None = None) -> Result:
        command = [sys.executable, "-m", "nextround"]
        if db != "":
            command += ["--db", db or self.db]
        proc = subprocess.run(
            [*command, *args],
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=self.env,
            cwd=self.cwd,
            timeout=60,
            check=False,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    def ok(self, *args: str, stdin: str | None = None, db: str | None = None) -> str:
        """Run a command that must succeed; its standard output."""
        result = self(*args, stdin=stdin, db=db)
        assert result.code == 0, f"nextround {' '.join(args)} failed:\n{result.err}"
        assert "Traceback" not in result.err
        return result.out


def cli_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEXTROUND_")}
    env.update(
        NEXTROUND_DATA_DIR=str(data_dir),
        PYTHONPATH=os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        TZ="UTC",
        COLUMNS="120",
        PYTHONIOENCODING="utf-8",
    )
    return env


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """The CLI on an empty SQLite file in this test's folder."""
    return Cli(str(tmp_path / "nextround.sqlite3"), cli_env(tmp_path / "data"), tmp_path)


@pytest.fixture(scope="module")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Journey]:
    """A SQLite file holding the known journey, built once per module."""
    path = tmp_path_factory.mktemp("seed") / "seeded.sqlite3"
    app = Nextround(Settings(data_dir=path.parent, database_url=f"sqlite:///{path}"))
    journey = load_journey(app)
    app.close()  # the last connection closing folds the WAL back into the file
    return path, journey


@pytest.fixture
def seeded(seeded_template: tuple[Path, Journey], tmp_path: Path) -> tuple[Cli, Journey]:
    """The CLI on this test's own copy of the seeded database."""
    template, journey = seeded_template
    path = tmp_path / "seeded.sqlite3"
    shutil.copyfile(template, path)
    return Cli(str(path), cli_env(tmp_path / "data"), tmp_path), journey


def dump(path: str | Path) -> list[str]:
    """Every statement that would rebuild the database: schema and rows.

    The embedding cache is left out: it is rebuilt on demand and never backed up.
    """
    with sqlite3.connect(path) as conn:
        return [
            line for line in conn.iterdump() if not line.startswith('INSERT INTO "embedding_cache"')
        ]


Runner = Callable[..., Result]
