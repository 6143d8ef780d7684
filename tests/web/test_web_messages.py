"""The message shown after an action: its place on the page, its dismiss button, its warning."""

from __future__ import annotations

import re

from starlette.requests import Request

from nextround.web.rendering import FLASH_COOKIE, Flash, Renderer
from tests.web.conftest import Browser

MESSAGES = re.compile(r'<div id="messages" class="messages" role="status">(.*?)</div>', re.S)


def messages(html: str) -> str:
    """What the page's message region holds."""
    found = MESSAGES.search(html)
    assert found, "the page has no message region"
    return found.group(1)


def test_the_message_after_a_redirect_is_a_dialog_closed_by_its_own_form(
    browser: Browser,
) -> None:
    app_id = browser.add_application()
    added = browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Screen", "kind": "screen", "started_on": "2026-10-05"},
    )
    assert added.status_code == 303 and "#round-" in added.headers["location"]
    shown = messages(browser.get(added.headers["location"]).text)
    assert '<dialog class="flash-box" open aria-label="Message">' in shown
    assert '<p class="flash">Added round 1: Screen.</p>' in shown
    # Closing needs no script: a dialog's form with method="dialog" closes it.
    assert '<form method="dialog" class="flash-dismiss">' in shown
    assert 'aria-label="Dismiss the message"' in shown
    assert "flash-warning" not in shown
    # Shown once; the region stays, empty, for the next message.
    assert messages(browser.get(f"/applications/{app_id}").text) == ""


def _request(cookie: str | None = None) -> Request:
    headers = [(b"cookie", f"{FLASH_COOKIE}={cookie}".encode())] if cookie else []
    return Request({"type": "http", "method": "GET", "path": "/", "headers": headers})


def test_a_warning_travels_apart_from_the_message() -> None:
    renderer = Renderer(b"k" * 32)
    for message, warning in [("Done.", None), ("Acme: offer received.", "It misses a must-have.")]:
        response = renderer.redirect("/", message, warning)
        cookie = response.headers["set-cookie"].split(";")[0].split("=", 1)[1]
        assert renderer.read_flash(_request(cookie)) == Flash(message, warning)
    assert renderer.read_flash(_request("forged")) is None
    assert renderer.read_flash(_request()) is None
    unexpected = renderer.flash_signer.dumps({"message": "x"})
    assert renderer.read_flash(_request(unexpected)) is None
