"""The feedback preview and the saved feedback agree: same shares, honest buttons, named repeats."""

from __future__ import annotations

import html as html_text
import re

from nextround.bootstrap import Nextround
from nextround.domain.statements import shown_share
from tests.web.conftest import Browser
from tests.web.test_web_feedback import picks

TEXT = "Strong communicator, but the whiteboard flow lacked structure. Strong communicator."
_SHARE = re.compile(r"<small>(\d+(?:\.\d)?%)</small>")


def _preview(browser: Browser, app_id: int) -> str:
    data = {"text": TEXT, "source": "interviewer", "received_on": "2026-10-10"}
    return browser.post(f"/applications/{app_id}/feedback/preview", data).text


def test_a_suggestion_shows_the_same_share_in_the_preview_and_once_saved(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    page = _preview(browser, app_id)
    fields = picks(page)
    data = {"text": TEXT, "source": "interviewer", "received_on": "2026-10-10", **fields}
    saved = browser.post(f"/applications/{app_id}/feedback", {**data, "confirm": "changed"})
    assert saved.status_code == 303
    with sqlite_app.uow() as uow:
        (item,) = uow.feedback.list()
        statements = uow.statements.for_feedback(item.id)
    # The preview shows the shares the saved statements hold, written as everywhere else.
    expected = [shown_share(m.confidence) for s in statements for m in s.suggestions]
    assert _SHARE.findall(page) == expected
    record = html_text.unescape(browser.get(f"/feedback/{item.id}").text)
    for share in expected:
        assert f" {share}" in record


def test_the_second_save_button_says_it_confirms_only_changes(browser: Browser) -> None:
    page = html_text.unescape(_preview(browser, browser.add_application()))
    assert ">Save; confirm only my changes</button>" in page
    assert "a suggestion ticked for you stays a suggestion" in page


def test_a_statement_said_twice_is_named_in_the_preview_and_after_saving(
    browser: Browser,
) -> None:
    app_id = browser.add_application()
    page = html_text.unescape(_preview(browser, app_id))
    assert "Said earlier in this text (statement 1)" in page
    data = {"text": TEXT, "source": "interviewer", "received_on": "2026-10-10", **picks(page)}
    saved = browser.post(f"/applications/{app_id}/feedback", {**data, "confirm": "changed"})
    shown = html_text.unescape(browser.get(saved.headers["location"]).text)
    assert "statement 3, “Strong communicator.”, says statement 1 again" in shown
