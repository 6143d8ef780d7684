"""Hostile HTML and JavaScript in every text field comes back as text, never as markup."""

from __future__ import annotations

from html.parser import HTMLParser

from markupsafe import escape

from nextround.bootstrap import Nextround
from nextround.services.applications import get_application
from tests.web.conftest import Browser

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'
#: Values that must also pass the domain's format checks (links, e-mail addresses).
EVIL_URL = 'https://evil.example/"><script>alert(1)</script>'
EVIL_EMAIL = '"><script>alert(1)</script>@evil.example'


class _Markup(HTMLParser):
    """Collects what a browser would treat as markup: tags, attributes, script bodies."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.in_script = False
        self.script_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.script_text += data


def assert_inert(page: str) -> None:
    """No hostile markup survived: no inline script, no event handler, no injected img."""
    parser = _Markup()
    parser.feed(page)
    assert parser.script_text.strip() == ""
    for tag, attrs in parser.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/"), attrs
        assert tag != "img", attrs


def test_every_text_field_of_the_journey_is_escaped(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application(
        company=f"Acme {EVIL}",
        role_title=f"TPM {EVIL}",
        level=EVIL,
        location=EVIL,
        posting_url=EVIL_URL,
        posting_text=EVIL,
        notes=EVIL,
    )
    assert (
        browser.post(
            f"/applications/{app_id}/rounds",
            {"name": f"Screen {EVIL}", "kind": "screen", "started_on": "2026-10-05", "notes": EVIL},
        ).status_code
        == 303
    )
    assert (
        browser.post(
            f"/applications/{app_id}/interviews",
            {
                "round": "1",
                "title": f"Call {EVIL}",
                "scheduled_at": "2026-10-05T10:00",
                "interviewers": f"{EVIL}, {EVIL}",
                "notes": EVIL,
            },
        ).status_code
        == 303
    )
    assert (
        browser.post(
            f"/applications/{app_id}/feedback",
            {"text": EVIL, "author": EVIL, "source": "interviewer", "received_on": "2026-10-10"},
        ).status_code
        == 303
    )
    assert (
        browser.post(
            f"/applications/{app_id}/contacts",
            {
                "name": EVIL,
                "title": EVIL,
                "company": EVIL,
                "email": EVIL_EMAIL,
                "phone": EVIL[:50],
                "notes": EVIL,
            },
        ).status_code
        == 303
    )
    assert (
        browser.post(
            f"/applications/{app_id}/decision",
            {"outcome": "rejection", "decided_on": "2026-10-20", "reason": EVIL},
        ).status_code
        == 303
    )
    with sqlite_app.uow() as uow:
        assert get_application(uow, app_id).company == f"Acme {EVIL}"  # stored as typed

    for path in ("/", "/applications", f"/applications/{app_id}", "/applications?q=acme"):
        page = browser.get(path).text
        assert_inert(page)
    detail = browser.get(f"/applications/{app_id}").text
    assert str(escape(EVIL)) in detail  # shown, as text
    assert 'href="https://evil.example/&#34;&gt;&lt;script&gt;' in detail
    assert "mailto:&#34;&gt;&lt;script&gt;" in detail
    # The chart labels and titles carry user text too.
    start = detail.index('class="chart"')
    chart = detail[start : detail.index("</svg>", start)]
    assert "Screen &lt;script&gt;" in chart and "<script>" not in chart


def test_board_and_agenda_escape_names(browser: Browser) -> None:
    app_id = browser.add_application(company=EVIL, role_title=EVIL)
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": EVIL, "kind": "screen", "started_on": "2026-11-20"},
    )
    browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "1", "title": EVIL, "scheduled_at": "2026-11-30T10:00"},
    )
    page = browser.get("/").text
    assert_inert(page)
    assert "Upcoming interviews" in page and str(escape(EVIL)) in page


def test_rejected_input_is_echoed_escaped(browser: Browser) -> None:
    response = browser.post(
        "/applications",
        {
            "company": EVIL,
            "role_title": EVIL,
            "applied_on": "2026-10-01",
            "tags": EVIL,
            "notes": EVIL,
        },
    )
    assert response.status_code == 422  # the tag is not a valid tag
    assert_inert(response.text)
    assert "is not valid" in response.text


def test_filters_and_error_pages_escape_the_address(browser: Browser) -> None:
    page = browser.get("/applications", params={"q": EVIL, "company": EVIL, "from": EVIL})
    assert_inert(page.text)
    assert browser.get("/applications/%3Cscript%3E").status_code == 404


def test_move_error_and_feedback_link_errors_are_escaped(browser: Browser) -> None:
    app_id = browser.add_application()
    response = browser.post(f"/applications/{app_id}/move", {"move": EVIL})
    assert response.status_code == 422
    assert_inert(response.text)
    response = browser.post(f"/applications/{app_id}/feedback", {"text": "x", "interview": EVIL})
    assert_inert(response.text)
