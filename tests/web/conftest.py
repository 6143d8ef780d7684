"""Web fixtures: the web app over a fresh SQLite app object, and an in-process HTTP client."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from fastapi import FastAPI
from starlette.testclient import TestClient

from nextround.bootstrap import Nextround
from nextround.services.demo import LoadedDemo
from nextround.web import create_app

BASE = "http://127.0.0.1:8000"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class Browser:
    """An HTTP client that behaves like a browser on the app: cookies, CSRF token, forms."""

    def __init__(self, client: TestClient) -> None:
        self.client = client

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.client.get(path, **kwargs)

    def token(self) -> str:
        """The session's CSRF token, as a page embeds it."""
        match = _TOKEN.search(self.client.get("/data").text)
        assert match, "no CSRF token on the data page"
        return match.group(1)

    def post(self, path: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        """Submit a form with the session's token, as the page would."""
        fields = {"csrf_token": self.token(), **(data or {})}
        kwargs.setdefault("follow_redirects", False)
        return self.client.post(path, data=fields, **kwargs)

    def add_application(self, **fields: str) -> int:
        """Create an application through the form; returns its id."""
        data = {"company": "Acme", "role_title": "TPM", "applied_on": "2026-10-01", **fields}
        response = self.post("/applications", data)
        assert response.status_code == 303, response.text
        return int(response.headers["location"].rsplit("/", 1)[1])


def lexical(nextround: Nextround) -> Nextround:
    """Map with the lexical fallback: fast, and the same on every machine.

    The semantic model is tested where it matters (tests/integration); here the pages and
    forms are, and building its framework embeddings would cost seconds per test.
    """
    nextround.__dict__["embedder"] = None
    return nextround


@pytest.fixture
def web_app(sqlite_app: Nextround) -> FastAPI:
    """The web app on a fresh SQLite database."""
    return create_app(lexical(sqlite_app))


@pytest.fixture
def client(web_app: FastAPI) -> Iterator[TestClient]:
    """An in-process client addressed as the loopback server."""
    with TestClient(web_app, base_url=BASE) as test_client:
        yield test_client


@pytest.fixture
def browser(client: TestClient) -> Browser:
    """A browser-like client."""
    return Browser(client)


@pytest.fixture
def make_web(make_app: Callable[[str], Nextround], tmp_path: Any) -> Callable[..., TestClient]:
    """Build a client on a web app with custom settings (e.g. an access token)."""
    from dataclasses import replace

    def build(base_url: str = BASE, **settings: Any) -> TestClient:
        nextround = lexical(make_app(f"sqlite:///{tmp_path / 'custom.sqlite3'}"))
        nextround.settings = replace(nextround.settings, **settings)
        return TestClient(create_app(nextround), base_url=base_url)

    return build


#: A story the story checker calls ready: only such a story ticks a story action off.
READY_STORY = {
    "title": "Mapping the order flow",
    "situation": "In 2025 orders at Tempoline were lost between 5 teams.",
    "task": "I had to find where the flow broke within 4 weeks.",
    "action": "I drew the whole order flow across 5 teams and found 2 loops. I interviewed 12 "
    "people on each hand-off and chose to name one owner per hand-off, because nobody owned "
    "the gaps. The sales lead pushed back, so I showed him the 40 lost orders and we agreed a "
    "2-week pilot. I ran the pilot with the warehouse lead and checked every lost order daily.",
    "result": "Lost orders fell from 40 to 6 a month within 3 months, and the flow map became "
    "the onboarding guide.",
}


def load_demo_journey(nextround: Nextround) -> LoadedDemo:
    """The demo journey, its feedback mapped by the lexical mapper (fast, no model needed)."""
    from nextround.analysis.lexical import LexicalMapper
    from nextround.services.demo import load_demo
    from nextround.services.frameworks import active_framework

    with nextround.uow() as uow:
        return load_demo(uow, LexicalMapper(active_framework(uow)))


def field_error(html: str, field_id: str) -> str | None:
    """The error message shown under a field, by the field's element id."""
    match = re.search(rf'id="{re.escape(field_id)}-error">([^<]*)<', html)
    return match.group(1) if match else None


def input_value(html: str, field_id: str) -> str | None:
    """The value attribute of an input, by its id (still HTML-escaped)."""
    match = re.search(rf'id="{re.escape(field_id)}"[^>]*value="([^"]*)"', html)
    return match.group(1) if match else None


def web_words(message: str | None) -> str:
    """``message``, checked to name no command or flag: on a page, the fix is a form."""
    assert message, "no message shown"
    text = html.unescape(message)
    # "a nextround backup" names a file, not a command.
    assert not re.search(r"`|(^|\s)--[a-z]|\bnextround (?!backup\b)\w", text), text
    return text


def day(text: str) -> date:
    return date.fromisoformat(text)
