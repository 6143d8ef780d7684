"""Run the real `nextround` command as a subprocess, on a database of the test's own."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import pytest

from nextround.bootstrap import Nextround
from nextround.config import Settings
from tests.conftest import MODEL_CACHE
from tests.integration.conftest import Journey, load_journey

T = TypeVar("T")

#: How a bad-input case's expected message begins when something was not found: an unknown
#: id or a missing file. Those exit 3; every other user error exits 2.
_NOT_FOUND = re.compile(r"^\^?(error: )?(no [\w ]+ with id |no such file)")


def error_code(message: str) -> int:
    """The exit code a failure with this expected message must have: 3 not found, else 2."""
    return 3 if _NOT_FOUND.match(message) else 2


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

    def imported(self, *args: str) -> set[str]:
        """Every module a successful command imports (read with ``python -X importtime``)."""
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "nextround", "--db", self.db, *args],
            env=self.env, cwd=self.cwd, capture_output=True, text=True, check=False, timeout=60,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}

    def env_path(self, name: str) -> Path:
        """A folder the commands are given in the environment, e.g. NEXTROUND_DATA_DIR."""
        return Path(self.env[name])

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
        NEXTROUND_MODEL_CACHE=str(MODEL_CACHE),  # one export for every test (tests/conftest.py)
        PYTHONPATH=os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        TZ="UTC",
        COLUMNS="120",
        PYTHONIOENCODING="utf-8",
    )
    return env


def days_since(before: date) -> list[date]:
    """Each day from ``before`` (taken before running commands) to today: one, or two.

    A command works out "today" from its own clock: a date the test took a moment earlier
    is a day behind if a midnight passed in between. Comparing with each of these days keeps
    the check exact on any other run.
    """
    return [before + timedelta(days=n) for n in range((date.today() - before).days + 1)]


#: Longer than any one test that counts days from today takes.
_CLEAR_OF_MIDNIGHT = timedelta(minutes=2)


def today_clear_of_midnight() -> date:
    """Today, once no midnight is due while a test runs: waits past one about to come.

    For tests whose every message counts days from today ("in 5 days"): the commands then
    count from the day the test took.
    """
    now = datetime.now()
    midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
    if midnight - now < _CLEAR_OF_MIDNIGHT:
        time.sleep((midnight - now).total_seconds() + 1)
    return date.today()


@pytest.fixture(scope="session")
def model_ready(request: pytest.FixtureRequest) -> bool:
    """Whether the model is installed; if so, it has been exported for this run already."""
    try:
        request.getfixturevalue("real_embedder")
    except pytest.skip.Exception:
        return False
    return True


@pytest.fixture
def data_dir(tmp_path: Path, model_ready: bool) -> Path:
    """This test's own data folder (not created); the shared model is exported already.

    Exporting inside a command would count against its timeout, so `model_ready` does it
    first, once for the whole run.
    """
    return tmp_path / "data"


@pytest.fixture
def cli(tmp_path: Path, data_dir: Path) -> Cli:
    """The CLI on an empty SQLite file in this test's folder."""
    return Cli(str(tmp_path / "nextround.sqlite3"), cli_env(data_dir), tmp_path)


@pytest.fixture(scope="module")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Journey]:
    """A SQLite file holding the known journey, built once per module."""
    path = tmp_path_factory.mktemp("seed") / "seeded.sqlite3"
    app = Nextround(Settings(data_dir=path.parent, database_url=f"sqlite:///{path}"))
    journey = load_journey(app)
    app.close()  # the last connection closing folds the WAL back into the file
    return path, journey


@pytest.fixture
def seeded(
    seeded_template: tuple[Path, Journey], tmp_path: Path, data_dir: Path
) -> tuple[Cli, Journey]:
    """The CLI on this test's own copy of the seeded database."""
    template, journey = seeded_template
    path = tmp_path / "seeded.sqlite3"
    shutil.copyfile(template, path)
    return Cli(str(path), cli_env(data_dir), tmp_path), journey


def dump(path: str | Path) -> list[str]:
    """Every statement that would rebuild the database: schema and rows.

    The embedding cache is left out: it is rebuilt on demand and never backed up.
    """
    with sqlite3.connect(path) as conn:
        return [
            _constraints_in_order(line)
            for line in conn.iterdump()
            if not line.startswith('INSERT INTO "embedding_cache"')
        ]


def _constraints_in_order(line: str) -> str:
    """A CREATE TABLE with its named constraints sorted.

    Alembic's batch mode (SQLite's table copy in migration 0010) writes a table's
    constraints in an order that varies between runs; the schema is the same either way.
    """
    if not line.startswith("CREATE TABLE"):
        return line
    parts = line.split("\n")
    named = sorted(p.rstrip(", ") for p in parts if p.lstrip().startswith("CONSTRAINT"))
    kept = [p for p in parts if not p.lstrip().startswith("CONSTRAINT")]
    return "\n".join([*kept, *named])


Runner = Callable[..., Result]


@pytest.fixture(scope="session")
def warm_template(tmp_path_factory: pytest.TempPathFactory, real_embedder: object) -> Path:
    """An empty database whose embedding cache already holds the built-in framework's vectors.

    A fresh database makes the first mapping command embed ~1,500 reference texts (several
    seconds); copies of this one start warm, as a user's database is after the first use.
    """
    from nextround.services.frameworks import get_framework

    path = tmp_path_factory.mktemp("warm") / "warm.sqlite3"
    app = Nextround(Settings(data_dir=path.parent, database_url=f"sqlite:///{path}"))
    app.__dict__["embedder"] = real_embedder
    with app.uow() as uow:
        app.mapper(uow, get_framework(uow))
        uow.commit()
    app.close()
    return path


def warm_cli(template: Path, tmp_path: Path, data_dir: Path, name: str = "growth") -> Cli:
    """The CLI on this test's own copy of a template database."""
    path = tmp_path / f"{name}.sqlite3"
    shutil.copyfile(template, path)
    return Cli(str(path), cli_env(data_dir), tmp_path)


@pytest.fixture
def growth_cli(warm_template: Path, tmp_path: Path, data_dir: Path) -> Cli:
    """The CLI on an empty database with a warm embedding cache (needs the model)."""
    return warm_cli(warm_template, tmp_path, data_dir)


def full_dump(path: str | Path) -> tuple[list[str], int]:
    """Every statement that would rebuild the database, and the embedding cache's size.

    Failed commands must not write the cache either; its rows are counted rather than
    dumped, as they are many and never change once written.
    """
    with sqlite3.connect(path) as conn:
        cached = conn.execute("SELECT count(*) FROM embedding_cache").fetchone()[0]
    return dump(path), int(cached)


def open_app(cli: Cli) -> Nextround:
    """The app object on a CLI's database, to seed it or read it back in-process."""
    return Nextround(
        Settings(data_dir=Path(cli.env["NEXTROUND_DATA_DIR"]), database_url=f"sqlite:///{cli.db}")
    )


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database at the current schema, to copy rather than migrate in every test."""
    path = tmp_path_factory.mktemp("empty") / "empty.sqlite3"
    app = Nextround(Settings(data_dir=path.parent, database_url=f"sqlite:///{path}"))
    app.engine  # noqa: B018 - creating the engine creates and migrates the database
    app.close()
    return path


@dataclass(frozen=True)
class SeededIds:
    """Ids of the application seeded by `seed_application`."""

    application: int
    interview: int
    future_interview: int


def seed_application(cli: Cli, company: str = "Tempoline") -> SeededIds:
    """An application with a final loop: a past whiteboard interview and one next week."""
    from datetime import UTC, date, datetime, time, timedelta

    from nextround.domain.journey import RoundKind
    from nextround.services import applications, process

    today = date.today()
    started = today - timedelta(days=30)
    app = open_app(cli)
    try:
        with app.uow() as uow:
            created = applications.add_application(
                uow,
                {"company": company, "role_title": "TPM", "applied_on": today - timedelta(60)},
            )
            assert created.id is not None
            process.add_round(
                uow,
                created.id,
                {"name": "Final loop", "kind": RoundKind.FINAL_LOOP, "started_on": started},
            )
            past = process.add_interview(
                uow,
                created.id,
                None,
                {
                    "title": "Whiteboard case",
                    "scheduled_at": datetime.combine(started, time(10), UTC),
                    "competencies": ["systems-thinking", "communication"],
                },
            )
            ahead = process.add_interview(
                uow,
                created.id,
                None,
                {
                    "title": "Team lunch",
                    "scheduled_at": datetime.combine(today + timedelta(7), time(12), UTC),
                },
            )
    finally:
        app.close()
    assert past.id is not None and ahead.id is not None
    return SeededIds(created.id, past.id, ahead.id)


#: Feedback for `seed_profile`: (application or None, source, days ago, text).
PROFILE_FEEDBACK = [
    (0, "recruiter", 40, "Risk management did not come through."),
    (1, "hiring_manager", 20, "She never mitigated the obvious risks."),
    (0, "interviewer", 45, "The end-to-end system view was missing."),
    (1, "interviewer", 25, "Did not see how the systems interact."),
    (0, "interviewer", 44, "Excellent stakeholder management."),
    (1, "interviewer", 24, "Her stakeholder updates were outstanding."),
    (1, "hiring_manager", 20, "Stakeholders clearly trusted her."),
    (None, "manager_review", 10, "Great with stakeholders, every time."),
]


def seed_profile(cli: Cli) -> list[SeededIds]:
    """Two processes with confirmed feedback: risk and systems gaps, a stakeholder spike."""
    from datetime import date, timedelta

    from nextround.domain.feedback import FeedbackSource
    from nextround.services.debriefs import record_debrief
    from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
    from nextround.services.review import review_statement
    from tests.unit.growth_fakes import KeywordMapper

    seeded = [seed_application(cli, "Tempoline"), seed_application(cli, "Orbitra")]
    mapper = KeywordMapper(
        [
            ("risk", "risk-management", 0.9),
            ("mitigat", "risk-management", 0.8),
            ("system", "systems-thinking", 0.9),
            ("stakeholder", "stakeholder-management", 0.9),
        ]
    )
    app = open_app(cli)
    try:
        for which, source, days, text in PROFILE_FEEDBACK:
            links = (
                FeedbackLinks(application_id=seeded[which].application)
                if which is not None
                else None
            )
            with app.uow() as uow:
                _, statements = add_mapped_feedback(
                    uow,
                    text,
                    FeedbackSource(source),
                    lambda: mapper,
                    "nextround-core",
                    received_on=date.today() - timedelta(days),
                    links=links,
                )
            for statement in statements:
                with app.uow() as uow:
                    review_statement(uow, statement.id or 0)
        with app.uow() as uow:
            record_debrief(
                uow,
                seeded[0].interview,
                2,
                ratings={"systems-thinking": 2, "risk-management": 2, "stakeholder-management": 5},
            )
    finally:
        app.close()
    return seeded


def seeded_copy(base: Path, folder: Path, seed: Callable[[Cli], T]) -> tuple[Path, T]:
    """A copy of a template database with `seed` applied, to be copied again per test."""
    path = folder / "seeded.sqlite3"
    shutil.copyfile(base, path)
    result = seed(Cli(str(path), cli_env(folder / "data"), folder))
    return path, result
