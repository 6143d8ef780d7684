"""The web app when its database cannot be reached: a 503 page, one log line, and recovery."""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from nextround.bootstrap import Nextround
from nextround.config import Settings
from nextround.store.database import make_engine
from nextround.web import create_app
from tests.web.conftest import BASE, lexical


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # free again once closed: nothing listens there


def assert_outage_page(response, caplog: pytest.LogCaptureFixture, where: str) -> None:
    assert response.status_code == 503
    assert response.headers["retry-after"] == "10"
    page = response.text
    assert "The database cannot be reached" in page
    assert f"nextround cannot reach its database, the PostgreSQL server at {where}." in page
    assert "reload this page: it works again as soon as the database is back" in page
    assert 'href="/applications"' in page and "Skip to content" in page  # the app's layout
    assert "SELECT" not in page and "Traceback" not in page
    (record,) = [r for r in caplog.records if r.name.startswith("nextround")]
    line = record.getMessage()
    assert line.startswith("GET /applications: database unreachable (postgresql://")
    assert "\n" not in line and "SELECT" not in line and record.exc_info is None
    assert "s3cret" not in line


def test_an_unreachable_postgresql_server_gets_a_503_page(tmp_path: Path, caplog):
    pytest.importorskip("psycopg")
    port = _closed_port()
    url = f"postgresql://nobody:s3cret@127.0.0.1:{port}/nextround"
    nextround = Nextround(Settings(data_dir=tmp_path, database_url=url))
    # As if the server went away after the app started: the engine exists, nothing answers.
    nextround.__dict__["engine"] = make_engine(url)
    app = create_app(lexical(nextround))
    with TestClient(app, base_url=BASE) as client, caplog.at_level(logging.WARNING):
        response = client.get("/applications")
    assert_outage_page(response, caplog, f"127.0.0.1:{port}")
    assert f"postgresql://nobody:***@127.0.0.1:{port}/nextround" in caplog.text


@pytest.mark.postgres
def test_the_app_recovers_when_postgresql_accepts_connections_again(
    make_app: Callable[[str], Nextround], postgres_base_url: str, caplog
):
    import psycopg

    from tests.postgres_server import create_database

    url = create_database(postgres_base_url)
    name = url.rsplit("/", 1)[1]
    nextround = lexical(make_app(url))
    admin = postgres_base_url.replace("postgresql+psycopg://", "postgresql://") + "/postgres"

    def allow(allowed: bool) -> None:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {str(allowed).lower()}')
            if not allowed:  # the app's pooled connections die too, as when a server stops
                conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                    (name,),
                )

    with TestClient(create_app(nextround), base_url=BASE) as client:
        assert client.get("/applications").status_code == 200
        allow(False)
        try:
            with caplog.at_level(logging.WARNING):
                down = client.get("/applications")
        finally:
            allow(True)
        assert_outage_page(down, caplog, postgres_base_url.rsplit("@", 1)[1])
        assert client.get("/applications").status_code == 200
