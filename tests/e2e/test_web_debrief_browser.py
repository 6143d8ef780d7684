"""Logged questions in a real browser: confirmed one after another, the list kept open;
one removed at phone width."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from nextround.domain.journey import RoundKind
from nextround.services.applications import add_application
from nextround.services.debriefs import confirm_questions, get_debrief, record_debrief
from nextround.services.frameworks import active_framework
from nextround.services.process import add_interview, add_round
from tests.e2e.test_web_browser import Tab, chromium, shots, start_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


def _debriefed_with_questions(tmp_path: Path) -> tuple[Any, int, int]:
    """A server whose one interview has a debrief logging three questions, unconfirmed."""
    server = start_server(tmp_path)
    held = date.today() - timedelta(days=5)
    with server.nextround.uow() as uow:
        app = add_application(
            uow, {"company": "Brightwave", "role_title": "EM", "applied_on": held - timedelta(20)}
        )
        add_round(uow, app.id, {"name": "Loop", "kind": RoundKind.FINAL_LOOP, "started_on": held})
        interview = add_interview(
            uow,
            app.id,
            None,
            {"title": "Deep dive", "scheduled_at": datetime(*held.timetuple()[:3], 10, tzinfo=UTC)},
        )
    iid = interview.id
    with server.nextround.uow() as uow:
        mapper = server.nextround.mapper(uow, active_framework(uow))
        record_debrief(
            uow,
            iid,
            3,
            questions=[
                "How do you find the risks in a migration?",
                "How do you decide when to split a team?",
                "Why us?",
            ],
            mapper=mapper,
        )
    return server, app.id, iid


def test_questions_are_confirmed_in_a_row_and_one_is_added(
    chromium: Any,  # noqa: F811
    shots: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    server, app_id, iid = _debriefed_with_questions(tmp_path)
    tab = Tab(chromium)
    page = tab.page
    try:
        page.goto(f"{server.url}/applications/{app_id}")
        page.click(f"#questions-{iid} > summary")
        page.select_option(f"#question-{iid}-1", "risk-management")
        page.locator(f"#asked-{iid}-1 button:has-text('Confirm')").click()
        page.wait_for_selector("text=Confirmed question 1: Risk management.")
        # The list is still open: the next question is there to confirm, not hidden again.
        assert page.is_visible(f"#question-{iid}-2")
        # The message pinned under the bar does not cover the question just confirmed.
        flash = page.locator(".flash-box").bounding_box()
        landed = page.locator(f"#asked-{iid}-1").bounding_box()
        assert flash is not None and landed is not None
        assert flash["y"] + flash["height"] <= landed["y"], (flash, landed)

        # A question that probed two competencies takes a second one.
        page.select_option(f"#question-{iid}-2", "people-leadership")
        page.select_option(f"#question-{iid}-2-also", "systems-thinking")
        page.locator(f"#asked-{iid}-2 button:has-text('Confirm')").click()
        page.wait_for_selector("text=Confirmed question 2: People leadership, Systems thinking.")
        assert page.is_visible(f"#question-{iid}-3")

        # One more remembered: added to the list, which stays open at it.
        page.fill(f"#question-{iid}-new", "How do you handle a vendor outage? = risk management")
        page.locator(f"#questions-{iid} button:has-text('Add')").click()
        page.wait_for_selector("text=Added question 4: Risk management.")
        assert page.is_visible(f"#question-{iid}-4")
        tab.shot(shots, "debrief-questions")
        with server.nextround.uow() as uow:
            saved = get_debrief(uow, iid)
        assert saved is not None
        assert [(q.confirmed, q.competencies) for q in saved.questions] == [
            (True, ["risk-management"]),
            (True, ["people-leadership", "systems-thinking"]),
            (False, saved.questions[2].competencies),
            (True, ["risk-management"]),
        ]
        tab.close()
    finally:
        server.stop()


def test_a_question_is_removed_on_a_phone_and_the_others_keep_their_verdicts(
    chromium: Any,  # noqa: F811
    shots: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    server, app_id, iid = _debriefed_with_questions(tmp_path)
    with server.nextround.uow() as uow:
        confirm_questions(uow, iid, {2: ["people-leadership"], 3: []})
    tab = Tab(chromium, width=390)
    page = tab.page
    try:
        page.goto(f"{server.url}/applications/{app_id}")
        page.click(f"#questions-{iid} > summary")
        # Two steps: "Remove" opens the question's confirmation, which says what goes.
        page.click(f"#remove-question-{iid}-2 > summary")
        said = page.locator(f"#remove-question-{iid}-2 .hint").inner_text()
        assert "You had confirmed it probed People leadership" in said
        button = page.locator(f"#remove-question-{iid}-2 button")
        assert button.is_visible() and button.inner_text() == "Remove question 2"
        # Nothing sticks out sideways at phone width, the confirmation open.
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the questions are {overflow}px wider than the screen"
        box = button.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 390 and box["height"] >= 24
        tab.shot(shots, "debrief-question-remove-390")
        button.click()
        page.wait_for_selector(
            "text=Removed Q2 “How do you decide when to split a team?” (confirmed: People "
            "leadership). The questions after it moved up one."
        )
        # The list stays open, numbered afresh: "Why us?" is question 2 now.
        assert page.is_visible(f"#question-{iid}-2")
        assert "Why us?" in page.locator(f"#asked-{iid}-2").inner_text()
        assert page.locator(f"#asked-{iid}-3").count() == 0
        with server.nextround.uow() as uow:
            saved = get_debrief(uow, iid)
        assert saved is not None
        assert [(q.text, q.confirmed) for q in saved.questions] == [
            ("How do you find the risks in a migration?", False),
            ("Why us?", True),
        ]
        assert saved.questions[1].competencies == []
        tab.close()
    finally:
        server.stop()
