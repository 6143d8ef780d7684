"""Forms for a new record in a real browser: one press saves one, and Back shows them blank.

QA21 F1: after saving an application, Back showed the form still filled in, and the next
application typed over it kept the level and notes not retyped. F2: Enter pressed twice saved
the application twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.test_web_browser import (  # noqa: F401 - fixtures
    LiveServer,
    Tab,
    chromium,
    shots,
    start_server,
)

pytestmark = pytest.mark.browser

#: The values of a form's fields that can be typed in, by id.
TYPED = """(selector) => Object.fromEntries(
  [...document.querySelector(selector).elements]
    .filter((e) => ['text', 'url', 'search', 'textarea'].includes(e.type) && e.id)
    .map((e) => [e.id, e.value]))"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = start_server(tmp_path_factory.mktemp("add-forms"))
    yield live
    live.stop()


def companies(server: LiveServer, name: str) -> int:
    with server.nextround.uow() as uow:
        return sum(1 for a in uow.applications.all() if a.company == name)


def test_back_after_saving_an_application_shows_a_blank_form(
    chromium: Any,  # noqa: F811
    shots: Path,  # noqa: F811
    server: LiveServer,
) -> None:
    tab = Tab(chromium)
    page = tab.page
    page.goto(f"{server.url}/applications?new=1#new")
    page.fill("#new-app-company", "Leeds City Council")
    page.fill("#new-app-role-title", "Lead Data Scientist")
    page.fill("#new-app-applied-on", "2026-11-02")
    page.fill("#new-app-level", "Grade 11")
    page.fill("#new-app-location", "Leeds")
    page.fill("#new-app-notes", "Council data science hub; closes 16 Nov")
    page.click("button:has-text('Save application')")
    page.wait_for_url("**/applications/*")
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url.endswith("/applications?new=1#new")
    typed = page.evaluate(TYPED, "form[action='/applications']")
    assert typed["new-app-level"] == "" and typed["new-app-notes"] == "", typed
    assert set(typed.values()) == {""}, typed
    tab.shot(shots, "add-form-after-back")

    # The next application, typed over the form, is only what was typed.
    page.fill("#new-app-company", "Cera Care")
    page.fill("#new-app-role-title", "Head of Data Science")
    page.fill("#new-app-applied-on", "2026-11-05")
    page.press("#new-app-company", "Enter")
    page.wait_for_url("**/applications/*")
    with server.nextround.uow() as uow:
        cera = next(a for a in uow.applications.all() if a.company == "Cera Care")
    assert (cera.level, cera.location, cera.notes) in {(None, None, None), ("", "", "")}
    assert companies(server, "Leeds City Council") == 1
    tab.close()


def test_back_after_saving_a_story_shows_a_blank_story_form(
    chromium: Any,  # noqa: F811
    server: LiveServer,
) -> None:
    tab = Tab(chromium)
    page = tab.page
    page.goto(f"{server.url}/stories/new")
    page.fill("#story-title", "Real-time fraud scoring")
    page.fill("#story-situation", "Card fraud losses doubled in 2025.")
    page.click("#story-form button[type=submit]")
    page.wait_for_url(re.compile(r"/stories/\d+"))
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url.endswith("/stories/new")
    assert page.evaluate(TYPED, "#story-form") == {
        "story-title": "",
        "story-situation": "",
        "story-task": "",
        "story-action": "",
        "story-result": "",
    }
    tab.close()


def test_enter_pressed_twice_saves_one_application(
    chromium: Any,  # noqa: F811
    server: LiveServer,
) -> None:
    tab = Tab(chromium)
    page = tab.page
    for n in range(3):
        name = f"Double Enter {n}"
        page.goto(f"{server.url}/applications?new=1#new")
        page.fill("#new-app-company", name)
        page.fill("#new-app-role-title", "Lead Data Scientist")
        page.fill("#new-app-applied-on", "2026-11-27")
        page.focus("#new-app-company")
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")
        page.wait_for_url("**/applications/*")
        page.wait_for_load_state("networkidle")
        assert companies(server, name) == 1
    tab.close()


#: Whether the form with this selector is marked as sent (the guard's state), per button.
GUARD = """(selector) => {
  const form = document.querySelector(selector);
  return [form.getAttribute('aria-busy'),
          ...[...form.querySelectorAll('button[type=submit]')]
            .map((b) => b.getAttribute('aria-disabled'))];
}"""


def _new_application(page: Any, server: LiveServer, company: str) -> None:
    page.goto(f"{server.url}/applications?new=1#new")
    page.fill("#new-app-company", company)
    page.fill("#new-app-role-title", "Analytics Lead")
    page.fill("#new-app-applied-on", "2026-11-20")


def test_a_form_the_browser_refuses_can_be_corrected_and_sent(
    chromium: Any,  # noqa: F811
    server: LiveServer,
) -> None:
    tab = Tab(chromium)
    page = tab.page
    _new_application(page, server, "")  # required: the browser's own check refuses it
    page.click("button:has-text('Save application')")
    assert page.evaluate("document.querySelector('#new-app-company').validity.valueMissing")
    assert page.evaluate(GUARD, "form:has(#new-app-company)") == [None, None]
    page.fill("#new-app-company", "Refused Then Fixed")
    page.click("button:has-text('Save application')")
    page.wait_for_url("**/applications/*")
    assert companies(server, "Refused Then Fixed") == 1
    tab.close()


def test_a_form_the_server_refuses_can_be_corrected_and_sent(
    chromium: Any,  # noqa: F811
    server: LiveServer,
) -> None:
    tab = Tab(chromium)
    page = tab.page
    _new_application(page, server, "Server Refused")
    page.fill("#new-app-role-title", "   ")  # passes the browser, not the server
    page.click("button:has-text('Save application')")
    page.wait_for_selector("#new-app-role-title[aria-invalid='true']")
    assert page.evaluate(GUARD, "form:has(#new-app-company)") == [None, None]
    page.fill("#new-app-role-title", "Analytics Lead")
    page.click("button:has-text('Save application')")
    page.wait_for_url("**/applications/*")
    assert companies(server, "Server Refused") == 1
    tab.errors.clear()  # the 422 answer is logged as a failed resource: expected
    tab.close()


def test_a_submission_stopped_on_its_way_leaves_the_form_to_send_again(
    chromium: Any,  # noqa: F811
    server: LiveServer,
) -> None:
    tab = Tab(chromium)
    page = tab.page
    held: list[Any] = []

    def hold(route: Any) -> None:  # the answer never comes
        held.append(route)

    page.route(f"{server.url}/applications", hold)
    _new_application(page, server, "Stopped On Its Way")
    # In one script: Playwright waits for a navigation under way before it evaluates again.
    busy_then, busy_after = page.evaluate(
        """async () => {
          const form = document.querySelector('form:has(#new-app-company)');
          form.requestSubmit(form.querySelector('button[type=submit]'));
          await new Promise((done) => setTimeout(done, 500));
          const then = form.getAttribute('aria-busy');
          window.stop();  // the user presses Esc or the stop button
          await new Promise((done) => setTimeout(done, 300));
          return [then, form.getAttribute('aria-busy')];
        }"""
    )
    assert held and (busy_then, busy_after) == ("true", None)
    assert page.evaluate(GUARD, "form:has(#new-app-company)") == [None, None]
    page.unroute(f"{server.url}/applications")  # the stopped request went with the stop
    assert companies(server, "Stopped On Its Way") == 0
    page.click("button:has-text('Save application')")
    page.wait_for_url("**/applications/*")
    assert companies(server, "Stopped On Its Way") == 1
    tab.errors.clear()
    tab.close()


def test_a_submission_another_script_stops_leaves_the_form_to_send_again(
    chromium: Any,  # noqa: F811
    server: LiveServer,
) -> None:
    tab = Tab(chromium)
    page = tab.page
    _new_application(page, server, "Stopped By A Script")
    # A listener after the guard's (a browser extension's, say) stops the submission.
    page.evaluate(
        "window.stopOnce = (e) => { e.preventDefault(); "
        "document.removeEventListener('submit', window.stopOnce); };"
        "document.addEventListener('submit', window.stopOnce)"
    )
    page.click("button:has-text('Save application')")
    # A string predicate would be evaluated in the page, which the CSP forbids.
    page.wait_for_selector("form[aria-busy]", state="detached")
    assert companies(server, "Stopped By A Script") == 0
    page.click("button:has-text('Save application')")
    page.wait_for_url("**/applications/*")
    assert companies(server, "Stopped By A Script") == 1
    tab.close()
