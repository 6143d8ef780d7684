"""The footer says where the data is: on this computer, or on a named PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from nextround.bootstrap import Nextround
from nextround.config import Settings
from nextround.store.database import make_engine
from nextround.store.urls import parse_url
from nextround.web import create_app
from nextround.web.rendering import LOCAL_DATA, where_data_lives
from tests.web.conftest import BASE, lexical


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:////home/marta/nextround.sqlite3",
        "postgresql://marta:x@127.0.0.1:55418/nextround",
        "postgresql://marta:x@localhost/nextround",
        "postgresql:///nextround?host=/var/run/postgresql",
    ],
)
def test_data_on_this_computer_keeps_the_local_first_footer(url):
    assert where_data_lives(parse_url(url)) == LOCAL_DATA


def test_a_remote_server_is_named_without_its_user_or_password():
    said = where_data_lives(parse_url("postgresql://marta:s3cret@pg.firm.example:5432/nextround"))
    assert said == (
        "Your data is in the PostgreSQL database nextround at pg.firm.example, not on this "
        "computer."
    )
    assert "marta" not in said and "s3cret" not in said


def test_every_page_of_an_app_on_a_remote_server_says_where_the_data_is(tmp_path: Path):
    pytest.importorskip("psycopg")
    url = "postgresql://marta:s3cret@pg.firm.example:5432/nextround"
    nextround = Nextround(Settings(data_dir=tmp_path, database_url=url))
    # The engine exists and is never asked to connect: a page that needs no data is enough.
    nextround.__dict__["engine"] = make_engine(url)
    app = create_app(lexical(nextround))
    with TestClient(app, base_url=BASE) as client:
        page = client.get("/no-such-page").text
    assert "Your data is in the PostgreSQL database nextround at pg.firm.example" in page
    assert "on this computer." not in page.replace("not on this computer.", "")
    assert "s3cret" not in page and "marta" not in page


def test_the_local_app_keeps_its_local_first_footer(client: TestClient):
    page = client.get("/data").text
    assert LOCAL_DATA in page
    assert "It lives in one database on this computer." in page
