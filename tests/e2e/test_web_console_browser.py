"""The main pages over the demo journey in a real browser: no console error, no CSP refusal.

The Content-Security-Policy refuses inline styles, and an element htmx swaps in place can
pick one up; Chromium then logs "Refused to apply inline style". Each page is loaded, a plan
action is marked done through htmx, and a listener for CSP violations must stay empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nextround.services.plan import refresh_plan
from tests.e2e.test_web_browser import (  # noqa: F401 - fixtures
    LiveServer,
    Tab,
    chromium,
    start_server,
)
from tests.web.conftest import load_demo_journey

pytestmark = pytest.mark.browser

#: Collects every CSP violation of the page, whatever the console says about it.
_LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, int]]:
    live = start_server(tmp_path_factory.mktemp("console"))
    loaded = load_demo_journey(live.nextround)
    settings = live.nextround.settings
    with live.nextround.uow() as uow:  # the plan the user builds with one click
        refresh_plan(uow, settings.half_life_days, settings.story_budget_seconds)
    yield live, loaded.main_application
    live.stop()


def _violations(tab: Tab) -> list[str]:
    return list(tab.page.evaluate("window.__violations || []"))


def _open(browser: Any) -> Tab:
    tab = Tab(browser)
    tab.page.add_init_script(_LISTEN)
    return tab


def test_the_main_pages_log_no_error_and_no_csp_violation(
    chromium: Any,  # noqa: F811
    demo: tuple[LiveServer, int],
) -> None:
    server, main = demo
    tab = _open(chromium)
    pages = {
        "dashboard": "/",
        "applications": "/applications",
        "application": f"/applications/{main}",
        "feedback": "/feedback",
        "profile": "/profile",
        "plan": "/plan",
        "stories": "/stories",
        "Option A": "/options",
    }
    seen: dict[str, list[str]] = {}
    for name, path in pages.items():
        answer = tab.page.goto(server.url + path)
        assert answer is not None and answer.status == 200, name
        tab.page.wait_for_load_state("networkidle")
        seen[name] = _violations(tab)
    assert seen == {name: [] for name in pages}
    tab.close()  # fails on any console error


def test_a_plan_action_marked_done_through_htmx_logs_no_csp_violation(
    chromium: Any,  # noqa: F811
    demo: tuple[LiveServer, int],
) -> None:
    server, _ = demo
    tab = _open(chromium)
    page = tab.page
    page.goto(f"{server.url}/plan")
    # The form swaps the whole plan (date fields with ids included) in place.
    page.locator("form[action='/plan/done']:not(.done-on-form) button[type=submit]").first.click()
    page.wait_for_selector(".flash:has-text('Done:')")
    assert page.url.endswith("/plan")  # swapped in place, not a new page
    assert _violations(tab) == []
    tab.close()


def test_the_listener_catches_an_inline_style(
    chromium: Any,  # noqa: F811
    demo: tuple[LiveServer, int],
) -> None:
    """The check above can fail: an inline style set from a page is refused and caught."""
    server, _ = demo
    tab = _open(chromium)
    tab.page.goto(f"{server.url}/stories")
    caught = tab.page.evaluate(
        """async () => {
          document.body.insertAdjacentHTML('beforeend', '<p style="color: red">x</p>');
          await new Promise((done) => setTimeout(done, 200));  // the event comes queued
          return window.__violations;
        }"""
    )
    assert caught and caught[0].startswith("style-src")
    tab.errors.clear()  # the refusal is logged too: expected here
    tab.close()


def test_no_script_of_ours_sets_an_inline_style_attribute() -> None:
    """CSSOM (element.style.x = …) is allowed by the CSP; a style attribute is not."""
    static = Path(__file__).parents[2] / "src" / "nextround" / "web" / "static"
    ours = [path for path in static.glob("*.js") if not path.name.endswith(".min.js")]
    assert ours
    for path in ours:
        text = path.read_text(encoding="utf-8")
        assert 'setAttribute("style"' not in text and "style=" not in text, path.name
