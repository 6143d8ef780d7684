"""What a keyboard or screen-reader user meets in a real browser, on the demo journey.

A wide table's scrolling box takes the focus and scrolls with the arrow keys, and one whose
table fits is no Tab stop (static/scroll-box.js); a disclosure's triangle is drawn, not said;
each Confirm of the review page names its statement, by number and first words; a form that
takes seconds says what it is doing while the server works, and a second press sends nothing
(static/working.js).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from nextround.analysis.lexical import LexicalMapper
from nextround.domain.feedback import FeedbackSource
from nextround.services.applications import add_application
from nextround.services.feedback import add_feedback
from nextround.services.framework_reading import read_feedback_on
from nextround.services.frameworks import active_framework
from nextround.services.options import get_option_a, rate
from tests.e2e.test_web_browser import LiveServer, Tab, chromium, start_server  # noqa: F401
from tests.web.conftest import load_demo_journey

pytestmark = pytest.mark.browser

#: One word wider than the ranking table's share of an 800 px screen: it scrolls sideways.
LONG_NAME = "Zweckverbandsgeschaeftsfuehrungsangelegenheiten"

FEEDBACK = "Clear stakeholder updates every week. The risk plan was thin on mitigations."

#: A sentence of the demo's feedback, pasted again on its own.
SAID_TWICE = "Strong hire signal from me."

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


@contextmanager
def _opened(browser: Any, url: str, width: int = 1280) -> Iterator[Any]:
    """A page at ``url``, closed after; any script error fails the test (see Tab)."""
    tab = Tab(browser, width=width)
    try:
        tab.page.goto(url)
        yield tab.page
    finally:
        tab.close()


#: Whether the page says it is working (static/working.js fills the status line).
WORKING = "() => document.getElementById('working-status').textContent"


def _feedback_form(page: Any, url: str) -> None:
    """The new-feedback form open, its text typed."""
    page.goto(f"{url}/feedback/all#new-feedback")
    page.fill("#feedback-text", FEEDBACK)


def _previewing(page: Any, url: str) -> tuple[Held, Any]:
    """The feedback form sent for its preview, the answer held: the page says it is working.

    The held requests, and the preview button pressed.
    """
    held = Held()
    page.route("**/feedback/new/preview", held)
    _feedback_form(page, url)
    button = page.locator("#feedback-form button[formaction$='/preview']")
    button.click()
    page.wait_for_function(WORKING)
    return held, button


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
        # A statement the demo has already, again: two Confirms alike but for their number.
        copy = add_feedback(uow, SAID_TWICE, FeedbackSource.RECRUITER)
        framework = active_framework(uow)
        read_feedback_on(
            uow, framework.id, lambda: LexicalMapper(framework), feedback_ids=[copy.id or 0]
        )
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
        confirms = page.get_by_role("button", name=re.compile(r"^Confirm statement \d+, “"))
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
            button = item.get_by_role("button", name=re.compile(r"^Confirm statement \d+, “"))
            assert first_words in str(button.text_content()), (text, button.text_content())
            assert button.evaluate(SEEN) == "Confirm"
        # Found by the name a screen reader says, a short statement is quoted whole; said
        # twice, each Confirm is told apart by its statement's number.
        said_twice = re.compile(rf"^Confirm statement \d+, “{re.escape(SAID_TWICE)}”$")
        alike = [str(b.text_content()) for b in page.get_by_role("button", name=said_twice).all()]
        assert len(alike) == 2 and alike[0] != alike[1], alike
    finally:
        tab.close()


def test_a_feedback_preview_says_it_is_mapping_and_a_second_press_sends_nothing(
    chromium: Any,  # noqa: F811
    demo_server: LiveServer,
) -> None:
    tab = Tab(chromium)
    page = tab.page
    try:
        held, button = _previewing(page, demo_server.url)
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
        _feedback_form(page, demo_server.url)
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
    try:
        held, button = _previewing(page, demo_server.url)
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
        page.wait_for_function(WORKING)
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


#: Each table box on the page: whether its table overflows it, and whether it is a Tab stop.
BOXES = """() => [...document.querySelectorAll('.scroll-box')].map(e => ({
  label: e.getAttribute('aria-label'),
  scrolls: e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight,
  stop: e.getAttribute('tabindex') === '0'}))"""


#: Whether every table box is a Tab stop exactly when its table scrolls.
SETTLED = f"() => ({BOXES})().every(b => b.stop === b.scrolls)"


def test_a_table_box_is_a_tab_stop_only_while_its_table_scrolls(
    chromium: Any,  # noqa: F811
    demo_server: LiveServer,
) -> None:
    with _opened(chromium, f"{demo_server.url}/profile") as page:
        page.wait_for_function(SETTLED)
        wide = page.evaluate(BOXES)
        assert [b["stop"] for b in wide] == [b["scrolls"] for b in wide], wide
        fits = [b["label"] for b in wide if not b["scrolls"]]
        assert fits, f"every table scrolls at 1280 px: no test ({wide})"
        # A phone's width: a table that fitted scrolls now, and its box takes the stop back.
        page.set_viewport_size({"width": 360, "height": 800})
        page.wait_for_function(SETTLED)
        narrow = page.evaluate(BOXES)
        assert [b["stop"] for b in narrow] == [b["scrolls"] for b in narrow], narrow
        assert any(b["stop"] for b in narrow if b["label"] in fits), (fits, narrow)


def test_without_javascript_every_table_box_stays_a_tab_stop(
    chromium: Any,  # noqa: F811
    demo_server: LiveServer,
) -> None:
    page = chromium.new_page(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    try:
        page.goto(f"{demo_server.url}/profile")
        boxes = page.locator(".scroll-box")
        stops = [boxes.nth(n).get_attribute("tabindex") for n in range(boxes.count())]
        assert stops and stops == ["0"] * len(stops)
    finally:
        page.close()


def test_a_disclosure_draws_its_triangle_without_saying_it(
    chromium: Any,  # noqa: F811
    demo_server: LiveServer,
) -> None:
    with _opened(chromium, f"{demo_server.url}/applications") as page:
        page.locator("table.apps a").first.click()
        summaries = page.locator("details.disclosure > summary")
        assert summaries.count() > 1
        heard = page.locator("main").aria_snapshot()
        assert "▸" not in heard, heard
        drawn = summaries.evaluate_all("ss => ss.map(s => getComputedStyle(s, '::before').content)")
        # Still drawn for the eye, where the summary is not a button of its own.
        assert any("▸" in c for c in drawn), drawn
