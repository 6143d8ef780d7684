"""Where the keyboard focus is after a saved form, and statements read whole on a phone.

After a post the server redirects back with a message, often to the #section that changed.
A keyboard user should carry on from there, not from "Skip to content" at the top of the
page (QA9 F10); without JavaScript the page still works, only the focus stays put.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import RoundKind
from nextround.services.applications import add_application
from nextround.services.debriefs import record_debrief
from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
from nextround.services.frameworks import active_framework
from nextround.services.process import add_interview, add_round
from nextround.services.review import review_statement
from tests.e2e.test_web_browser import (  # noqa: F401 - fixtures
    LiveServer,
    Tab,
    chromium,
    shots,
    start_server,
)

pytestmark = pytest.mark.browser

MAIL = (
    "Hi Kenji,\n\nThanks again for your time on the virtual onsite.\n\n"
    "Feedback from the panel: solid coding, clean and well tested. System design was shallow "
    "on trade-offs: you picked a token bucket quickly but didn't weigh it against the "
    "alternatives or discuss what happens under multi-region failover. The behavioural round "
    "went well and Dana liked your outage story.\n\nBest,\nAiko"
)

#: The focused element: its id, tag, description and whether it is the page's body.
FOCUSED = """() => {
  const e = document.activeElement;
  return {id: e.id, tag: e.tagName, body: e === document.body,
          describedBy: e.getAttribute('aria-describedby') || ''};
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = start_server(tmp_path_factory.mktemp("focus"))
    yield live
    live.stop()


def seed(server: LiveServer, company: str) -> dict[str, int]:
    """An application with a debriefed interview (three questions) and mapped feedback."""
    held = date.today() - timedelta(days=5)
    nextround = server.nextround
    with nextround.uow() as uow:
        app = add_application(
            uow, {"company": company, "role_title": "SWE", "applied_on": held - timedelta(20)}
        )
        assert app.id is not None
        add_round(uow, app.id, {"name": "Loop", "kind": RoundKind.FINAL_LOOP, "started_on": held})
        interview = add_interview(
            uow,
            app.id,
            None,
            {"title": "Onsite", "scheduled_at": datetime(*held.timetuple()[:3], 10, tzinfo=UTC)},
        )
        framework = active_framework(uow)
        item, statements = add_mapped_feedback(
            uow, MAIL, FeedbackSource.RECRUITER, lambda: nextround.mapper(uow, framework),
            framework.id, links=FeedbackLinks(application_id=app.id),
        )  # fmt: skip
    assert interview.id is not None and item.id is not None and statements[0].id is not None
    with nextround.uow() as uow:
        record_debrief(
            uow,
            interview.id,
            3,
            questions=["Design a rate limiter", "What if Redis goes down?", "Why us?"],
            mapper=nextround.mapper(uow, active_framework(uow)),
        )
        review_statement(uow, statements[0].id, ["technical-depth"])
    return {
        "app": app.id,
        "interview": interview.id,
        "feedback": item.id,
        "statement": statements[0].id,
    }


def focused(page: Any) -> dict[str, Any]:
    return dict(page.evaluate(FOCUSED))


def test_after_a_save_the_focus_is_on_what_changed_or_on_the_message(
    chromium: Any,  # noqa: F811
    server: LiveServer,
    shots: Path,  # noqa: F811
) -> None:
    ids = seed(server, "Focusline")
    tab = Tab(chromium)
    page = tab.page
    try:
        # An ordinary visit leaves the focus alone.
        page.goto(f"{server.url}/applications/{ids['app']}")
        assert focused(page)["body"]

        # Add application, from the keyboard: no #section, so the message has the focus, and
        # the next Tab is its own Close button, not "Skip to content".
        page.goto(f"{server.url}/applications?new=1#new")
        page.focus("#new-app-company")
        page.keyboard.type("Lambda Works")
        page.keyboard.press("Tab")
        page.keyboard.type("Backend Engineer")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "Added Backend Engineer at Lambda Works" in page.inner_text("#messages")
        assert focused(page)["id"] == "messages"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
            "Dismiss the message"
        )

        # Remove a question: the page lands on the questions, and so does the focus; a
        # screen reader hears the message as the section's description.
        iid = ids["interview"]
        page.goto(f"{server.url}/applications/{ids['app']}")
        page.click(f"#questions-{iid} > summary")
        page.click(f"#remove-question-{iid}-3 > summary")
        page.focus(f"#remove-question-{iid}-3 button")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "Removed Q3" in page.inner_text("#messages")
        now = focused(page)
        assert now["id"] == f"questions-{iid}", now
        assert now["describedBy"] == "flash-1"  # the message, said with the section
        tab.shot(shots, "focus-after-remove")
        # The next Tab goes on inside the questions, not back at the top of the page.
        page.keyboard.press("Tab")
        assert page.evaluate(
            f"document.getElementById('questions-{iid}').contains(document.activeElement)"
        )
        # The description was for the landing only.
        assert page.get_attribute(f"#questions-{iid}", "aria-describedby") is None

        # Change your verdict: the statement's picker opens in place, the focus in it.
        page.goto(f"{server.url}/feedback/{ids['feedback']}")
        page.get_by_role("link", name="Change your verdict").first.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        inside = page.evaluate("document.activeElement.closest('[id^=statement-]')?.id ?? null")
        assert inside == f"statement-{ids['statement']}"
    finally:
        tab.close()


def test_without_javascript_a_save_still_works_and_the_focus_stays_put(
    chromium: Any,  # noqa: F811
    server: LiveServer,
) -> None:
    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    try:
        page.goto(f"{server.url}/applications?new=1#new")
        page.fill("#new-app-company", "Nojs Co")
        page.fill("#new-app-role-title", "SRE")
        page.click("button:has-text('Save application')")
        page.wait_for_selector("#messages .flash")
        assert "Added SRE at Nojs Co" in page.inner_text("#messages")
        assert focused(page)["body"]
    finally:
        context.close()


#: Each statement line under an application's feedback: cut off (its text runs past the
#: line, hidden), and whether its text ends inside the line.
STATEMENTS = """() => [...document.querySelectorAll('.mapped li')].map((li) => {
  const text = li.querySelector('.stmt');
  const range = document.createRange();
  range.selectNodeContents(text);
  const end = range.getBoundingClientRect().right;
  return {text: text.textContent, cut: li.scrollWidth > li.clientWidth + 1,
          inside: end <= li.getBoundingClientRect().right + 1,
          ellipsis: getComputedStyle(li).textOverflow === 'ellipsis'
            && getComputedStyle(li).whiteSpace === 'nowrap'};
})"""


def test_on_a_phone_each_feedback_statement_reads_whole(
    chromium: Any,  # noqa: F811
    server: LiveServer,
    shots: Path,  # noqa: F811
) -> None:
    ids = seed(server, "Phoneline")
    tab = Tab(chromium, width=390)
    page = tab.page
    try:
        page.goto(f"{server.url}/applications/{ids['app']}")
        lines = page.evaluate(STATEMENTS)
        assert len(lines) >= 3
        for line in lines:
            assert not line["cut"] and line["inside"] and not line["ellipsis"], line
        # The longest one is there, whole.
        assert any("multi-region failover" in line["text"] for line in lines)
        assert (
            page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            <= 0
        )
        page.locator(".mapped").first.screenshot(path=str(shots / "feedback-statements-390.png"))
    finally:
        tab.close()
