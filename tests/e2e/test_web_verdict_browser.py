"""A confirmed verdict changed in a real browser: opened as it stands, changed only on save."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from nextround.domain.competency import Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.services.applications import add_application
from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
from nextround.services.frameworks import active_framework
from nextround.services.review import review_statement
from tests.e2e.test_web_browser import Tab, chromium, shots, start_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

MAIL = "Solid coding, clean and well tested. The system design was shallow on trade-offs."

FOCUSED = """() => {const e = document.activeElement;
  return {tag: e.tagName, id: e.id, name: e.name || '', value: e.value || '',
          checked: !!e.checked, statement: e.closest('li') ? e.closest('li').id : ''}}"""


def test_changing_a_verdict_opens_it_as_it_stands_from_the_keyboard_and_cancel_keeps_it(
    chromium: Any,  # noqa: F811
    shots: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    server = start_server(tmp_path)
    nextround = server.nextround
    with nextround.uow() as uow:
        app = add_application(
            uow, {"company": "Stripeline", "role_title": "Backend engineer",
                  "applied_on": date.today() - timedelta(30)},
        )  # fmt: skip
        framework = active_framework(uow)
        item, (coding, _) = add_mapped_feedback(
            uow, MAIL, FeedbackSource.RECRUITER, lambda: nextround.mapper(uow, framework),
            framework.id, links=FeedbackLinks(application_id=app.id),
        )  # fmt: skip
        chosen = ["technical-depth", "problem-solving"]
        review_statement(uow, coding.id or 0, chosen, Polarity.STRENGTH)
    sid = coding.id

    def verdict() -> tuple[list[str], str, bool]:
        with nextround.uow() as uow:
            s = uow.statements.get(sid or 0)
            return list(s.competencies), s.polarity.value, s.confirmed

    tab = Tab(chromium)
    page = tab.page
    try:
        page.goto(f"{server.url}/feedback/{item.id}")
        page.locator(f"#statement-{sid} >> text=Change your verdict").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert f"?change={sid}" in page.url
        # The keyboard lands on the verdict as it stands: its first competency, ticked.
        focused = page.evaluate(FOCUSED)
        assert focused["tag"] == "INPUT" and focused["statement"] == f"statement-{sid}"
        assert (focused["value"], focused["checked"]) == ("technical-depth", True)
        form = page.locator(".change-verdict")
        ticked = form.locator("input[name='competency']:checked")
        assert sorted(ticked.evaluate_all("l => l.map(e => e.value)")) == sorted(chosen)
        assert form.locator(f"#statement-{sid}-polarity").input_value() == "strength"
        tab.shot(shots, "verdict-change-open")
        assert verdict() == (chosen, "strength", True)  # opening it changed nothing
        # Unticked, then cancelled: the verdict stays, and the focus returns to it.
        page.keyboard.press("Space")
        with page.expect_navigation():
            form.locator("text=Cancel").click()
        assert verdict() == (chosen, "strength", True)
        assert page.evaluate(FOCUSED)["id"] == f"statement-{sid}"
        # Changed and saved: only now does it count the new way.
        page.locator(f"#statement-{sid} >> text=Change your verdict").click()
        page.uncheck(".change-verdict input[value='problem-solving']")
        page.select_option(f"#statement-{sid}-polarity", "neutral")
        with page.expect_navigation():
            page.click("button:has-text('Save your verdict')")
        flash = " ".join(page.inner_text(".flash-box").split())
        assert flash.startswith("Changed your verdict: Technical depth")
        assert verdict() == (["technical-depth"], "neutral", True)
        assert page.evaluate(FOCUSED)["id"] == f"statement-{sid}"
    finally:
        tab.close()
        server.stop()
