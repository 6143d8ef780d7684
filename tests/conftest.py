"""Shared fixtures: an app object on a fresh database, and a real PostgreSQL server."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from nextround.bootstrap import Nextround
from nextround.config import Settings

FIXED_NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)

# Exporting the model to ONNX takes ~10 s and 1 GB of memory, so every test, in-process or a
# CLI subprocess (which inherits the environment), shares one export. It is safe to share:
# the export is atomic, locked, and checked against the model's sha256 before use.
MODEL_CACHE = Path(tempfile.gettempdir()) / "nextround-test-models"
os.environ.setdefault("NEXTROUND_MODEL_CACHE", str(MODEL_CACHE))


class Clock:
    """A clock tests can set and advance."""

    def __init__(self, now: datetime = FIXED_NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="session")
def postgres_base_url() -> Iterator[str]:
    """A PostgreSQL server started for this test session."""
    if os.environ.get("NEXTROUND_TEST_SKIP_POSTGRES") == "1":
        pytest.skip("NEXTROUND_TEST_SKIP_POSTGRES=1")
    from tests.postgres_server import running_server

    with running_server() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database: SQLite, then the same test again on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'nextround.sqlite3'}"
    from tests.postgres_server import create_database

    base = request.getfixturevalue("postgres_base_url")
    return create_database(base)


@pytest.fixture
def clock() -> Clock:
    """A fixed, settable clock."""
    return Clock()


@pytest.fixture
def make_app(tmp_path: Path, clock: Clock) -> Iterator[Callable[[str], Nextround]]:
    """Build app objects on given database URLs, closing them after the test."""
    built: list[Nextround] = []

    def build(url: str) -> Nextround:
        settings = Settings(data_dir=tmp_path / "data", database_url=url, model_cache=MODEL_CACHE)
        app = Nextround(settings, clock=clock)
        built.append(app)
        return app

    yield build
    for app in built:
        app.close()


@pytest.fixture
def app(make_app: Callable[[str], Nextround], database_url: str) -> Nextround:
    """The app object on a fresh database, for each backend."""
    return make_app(database_url)


@pytest.fixture
def sqlite_app(make_app: Callable[[str], Nextround], tmp_path: Path) -> Nextround:
    """The app object on a fresh SQLite file, for tests that need only one backend."""
    return make_app(f"sqlite:///{tmp_path / 'only.sqlite3'}")
