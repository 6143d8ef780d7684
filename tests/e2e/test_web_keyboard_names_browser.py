"""What a keyboard or screen-reader user meets in a real browser, on the demo journey.

A wide table's scrolling box takes the focus and scrolls with the arrow keys; each Confirm of
the review page names its statement; a form that takes seconds says what it is doing while
the server works, and a second press sends nothing (static/working.js).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from nextround.services.applications import add_application
from nextround.services.options import get_option_a, rate
from tests.e2e.test_web_browser import LiveServer, Tab, chromium, start_server  # noqa: F401
from tests.web.conftest import load_demo_journey

pytestmark = pytest.mark.browser

#: One word wider than the ranking table's share of an 800 px screen: it scrolls sideways.
LONG_NAME = "Zweckverbandsgeschaeftsfuehrungsangelegenheiten"

FEEDBACK = "Clear stakeholder updates every week. The risk plan was thin on mitigations."

#: What the focused element is, and its box's sideways scroll.
FOCUSED = """() => {const e = document.activeElement;
  return {role: e.getAttribute('role'), label: e.getAttribute('aria-label'),
          outline: getComputedStyle(e).outlineStyle, left: e.scrollLeft}}"""


#: A button's words a sighted user reads: all but its screen-reader-only text.
SEEN = """b => [...b.childNodes].filter(n => !(n.classList && n.classList.contains('sr-only')))
  .map(n => n.textContent).join('').trim()"""


#: Once a form is sent, what the page shows: the button pressed, each button's aria-disabled
#: and the status line, logged to the console as JSON.
SAY_AFTER_SUBMIT = """() => document.addEventListener('submit', (event) => setTimeout(() => {
  const form = event.target;
  console.log(JSON.stringify({
    pressed: event.submitter.textContent,
    disabled: [...form.querySelectorAll('button[type=submit][name]')]
      .map(b => b.getAttribute('aria-disabled')),
    status: document.getElementById('working-status').textContent}));
}))"""


#: What the browser does on giving a page back from its page cache (Back, after a post).
PAGE_CACHE_SHOW = "window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))"


class Held:
    """Requests held back: the page waits for their answers until the test lets each go."""

    def __init__(self) -> None:
        self.routes: list[Any] = []

    def __call__(self, route: Any) -> None:
        self.routes.append(route)


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = start_server(tmp_path_factory.mktemp("keyboard"))
    load_demo_journey(live.nextround)
    with live.nextround.uow() as uow:
        app = add_application(
            uow, {"company": LONG_NAME, "role_title": "TPM", "applied_on": date(2026, 10, 1)}
        )
        assert app.id is not None
        rate(uow, app.id, {c.id: 4 for c in get_option_a(uow).criteria})
    yield live
    live.stop()


def test_the_ranking_scrolls_sideways_from_the_keyboard(
    chromium: Any,  # noqa: F811
    demo_server: LiveServer,
) -> None:
    tab = Tab(chromium, width=800)
    page = tab.page
    try:
        page.goto(f"{demo_server.url}/options")
        region = page.get_by_role("region", name="Ranking table")
        assert region.get_attribute("tabindex") == "0"
        assert region.evaluate("e => e.scrollWidth > e.clientWidth"), "the table fits: no test"
        # Tab from the link just before it lands on the box, ringed, named, not yet scrolled.
        page.locator("#ranking-filter a").focus()
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert (focused["role"], focused["label"]) == ("region", "Ranking table")
        assert focused["outline"] == "solid"
        assert focused["left"] == 0
        page.keyboard.press("ArrowRight")
        page.keyboard.press("End")
        page.wait_for_function("() => document.activeElement.scrollLeft > 0")
    finally:
        tab.close()


def test_each_confirm_names_the_statement_it_confirms(
    chromium: Any,  # noqa: F811
    demo_server: LiveServer,
) -> None:
    tab = Tab(chromium)
    page = tab.page
    try:
        page.goto(f"{demo_server.url}/feedback")
        items = page.locator("article.review-item")
        confirms = page.get_by_role("button", name=re.compile(r"^Confirm “"))
        assert items.count() > 1 and confirms.count() == items.count()
        names = [
            str(b.evaluate("b => b.textContent.replace(/\\s+/g, ' ').trim()"))
            for b in confirms.all()
        ]
        assert len(set(names)) == len(names), names
        # Each names its own statement, by its first words; the visible label stays Confirm.
        for item in items.all():
            text = str(item.locator("blockquote.statement").text_content()).strip()
            first_words = " ".join(text.split()[:3])
            button = item.get_by_role("button", name=re.compile(r"^Confirm “"))
            assert first_words in str(button.text_content()), (text, button.text_content())
            assert button.evaluate(SEEN) == "Confirm"
        # Found by the name a screen reader says, a short statement is quoted whole.
        short = page.get_by_role("button", name="Confirm “Strong hire signal from me.”")
        assert short.count() == 1
    finally:
        tab.close()


def test_a_feedback_preview_says_it_is_mapping_and_a_second_press_sends_nothing(
    chromium: Any,  # noqa: F811
    demo_server: LiveServer,
) -> None:
    tab = Tab(chromium)
    page = tab.page
    held = Held()
    page.route("**/feedback/new/preview", held)
    try:
        page.goto(f"{demo_server.url}/feedback/all#new-feedback")
        page.fill("#feedback-text", FEEDBACK)
        button = page.locator("#feedback-form button[formaction$='/preview']")
        button.click()
        page.wait_for_function("() => document.getElementById('working-status').textContent")
        assert button.inner_text() == "Mapping the feedback…"
        assert button.get_attribute("aria-disabled") == "true" and button.is_disabled()
        assert page.locator("#feedback-form").get_attribute("aria-busy") == "true"
        assert page.locator("#working-status").text_content() == "Mapping the feedback…"
        assert page.locator("#working-status").get_attribute("aria-live") == "polite"
        button.click(force=True)  # pressed anyway: a disabled-looking button is still clicked
        page.focus("#feedback-author")
        page.keyboard.press("Enter")  # and the form sent from a field
        page.wait_for_timeout(300)
        assert len(held.routes) == 1, "a second press sent the form again"
        held.routes[0].continue_()
        # The preview arrives in place; its form works again.
        page.wait_for_selector("#feedback-preview")
        save = page.get_by_role("button", name="Save and confirm")
        assert save.get_attribute("aria-disabled") is None
        assert page.locator("#working-status").text_content() == ""
    finally:
        tab.close()


def test_a_saved_form_says_it_is_saving_until_the_next_page_comes(
    chromium: Any,  # noqa: F811
    demo_server: LiveServer,
) -> None:
    tab = Tab(chromium)
    page = tab.page
    held = Held()
    said: list[dict[str, Any]] = []
    page.on("console", lambda m: said.append(json.loads(m.text)) if m.text[:1] == "{" else None)
    page.route(re.compile(r".*/feedback/new$"), held)
    try:
        page.goto(f"{demo_server.url}/feedback/all#new-feedback")
        page.fill("#feedback-text", FEEDBACK)
        page.locator("#feedback-form button[formaction$='/preview']").click()
        save = page.get_by_role("button", name="Save and confirm")
        # While a page is on its way, the test cannot look at the one still shown: the page
        # itself says what it shows, once the form is sent.
        page.evaluate(SAY_AFTER_SUBMIT)
        save.click(no_wait_after=True)
        for _ in range(50):
            if said:
                break
            page.wait_for_timeout(50)
        [shown] = said
        assert shown == {
            "pressed": "Saving the feedback…",
            "disabled": ["true", "true"],
            "status": "Saving the feedback…",
        }
        # The post itself was sent once, with the button pressed, and goes through.
        assert len(held.routes) == 1
        assert "confirm=all" in (held.routes[0].request.post_data or "")
        with page.expect_navigation():
            held.routes[0].continue_()
        assert "Saved" in page.inner_text("#messages")
    finally:
        tab.close()


def test_back_to_a_page_left_while_working_shows_its_form_as_drawn(
    chromium: Any,  # noqa: F811
    demo_server: LiveServer,
) -> None:
    tab = Tab(chromium)
    page = tab.page
    held = Held()
    page.route("**/feedback/new/preview", held)
    try:
        page.goto(f"{demo_server.url}/feedback/all#new-feedback")
        page.fill("#feedback-text", FEEDBACK)
        button = page.locator("#feedback-form button[formaction$='/preview']")
        button.click()
        page.wait_for_function("() => document.getElementById('working-status').textContent")
        # The browser's page cache gives a page back as it was left, then says "pageshow".
        page.evaluate(PAGE_CACHE_SHOW)
        assert button.inner_text() == "Show suggested competencies"
        assert button.get_attribute("aria-disabled") is None
        assert page.locator("#feedback-form").get_attribute("aria-busy") is None
        assert page.locator("#working-status").text_content() == ""
        held.routes[0].continue_()
        page.wait_for_selector("#feedback-preview")
    finally:
        tab.close()


def test_a_pdf_report_says_it_is_being_built_then_is_saved_once(
    chromium: Any,  # noqa: F811
    demo_server: LiveServer,
) -> None:
    tab = Tab(chromium)
    page = tab.page
    held = Held()
    page.route("**/reports/profile.pdf", held)
    try:
        page.goto(f"{demo_server.url}/data")
        link = page.get_by_role("link", name="Profile report (PDF)")
        link.click()
        page.wait_for_function("() => document.getElementById('working-status').textContent")
        building = page.locator("a[href='/reports/profile.pdf']")
        assert building.inner_text() == "Building the PDF…"
        assert building.get_attribute("aria-disabled") == "true"
        assert page.locator("#working-status").text_content() == "Building the PDF…"
        building.click(force=True)
        page.wait_for_timeout(300)
        assert len(held.routes) == 1, "a second press built the report again"
        with page.expect_download() as saving:
            held.routes[0].continue_()
        download = saving.value
        assert re.fullmatch(r"nextround-profile-\d{4}-\d\d-\d\d\.pdf", download.suggested_filename)
        assert Path(download.path()).read_bytes()[:5] == b"%PDF-"
        page.wait_for_function("() => !document.getElementById('working-status').textContent")
        assert link.inner_text() == "Profile report (PDF)"
        assert link.get_attribute("aria-disabled") is None
        assert page.url.endswith("/data")  # the page stayed
    finally:
        tab.close()
