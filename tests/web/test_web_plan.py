"""The plan page: the week read without writing, done toggles that keep the week, momentum."""

from __future__ import annotations

import re

from nextround.bootstrap import Nextround
from tests.web.conftest import Browser, load_demo_journey


def _plan(nextround: Nextround):  # type: ignore[no-untyped-def]
    with nextround.uow() as uow:
        return uow.plan.all()


def _first_week_action(html: str) -> str:
    week = html[html.index('id="this-week"') : html.index('id="momentum-title"')]
    found = re.search(r'name="action" value="([^"]+)"', week)
    assert found, week
    return found.group(1)


def test_without_a_plan_the_page_offers_to_build_one(browser: Browser) -> None:
    page = browser.get("/plan")
    assert page.status_code == 200
    assert "No plan yet" in page.text and 'action="/plan/refresh"' in page.text


def test_build_the_plan_then_see_the_week_and_the_whole_plan(
    browser: Browser, sqlite_app: Nextround
) -> None:
    load_demo_journey(sqlite_app)
    response = browser.post("/plan/refresh")
    assert response.status_code == 303 and response.headers["location"] == "/plan"
    html = browser.get("/plan").text
    assert "Refreshed the plan:" in html
    week = html[html.index('id="this-week"') : html.index('id="momentum-title"')]
    assert week.count('class="action"') == 5
    assert "Close your gaps" in html and "Lean into your spikes" in html
    assert "Nothing ticked off in the last eight weeks yet" in html
    # Reading the page picked nothing: the week is stored only when an action is ticked.
    assert all(a.week is None for a in _plan(sqlite_app))


def test_done_toggle_keeps_the_week_and_counts_momentum(
    browser: Browser, sqlite_app: Nextround
) -> None:
    load_demo_journey(sqlite_app)
    browser.post("/plan/refresh")
    html = browser.get("/plan").text
    action_id = _first_week_action(html)
    before = re.findall(r'name="action" value="([^"]+)"', html[: html.index('id="momentum')])
    response = browser.post("/plan/done", {"action": action_id})
    assert response.status_code == 303
    plan = {a.id: a for a in _plan(sqlite_app)}
    assert plan[action_id].done
    assert sum(1 for a in plan.values() if a.week) == 5  # the week's pick is stored
    html = browser.get("/plan").text
    after = re.findall(r'name="action" value="([^"]+)"', html[: html.index('id="momentum')])
    assert after == before  # the ticked action stays in the week, as a checklist
    assert "1 of 5 done" in html and 'aria-pressed="true"' in html
    assert "Actions done per week" in html  # the momentum chart, now that one is done
    # Untick it.
    assert browser.post("/plan/undo", {"action": action_id}).status_code == 303
    assert not {a.id: a for a in _plan(sqlite_app)}[action_id].done


def test_htmx_toggle_swaps_the_plan_in_place(browser: Browser, sqlite_app: Nextround) -> None:
    load_demo_journey(sqlite_app)
    browser.post("/plan/refresh")
    action_id = _first_week_action(browser.get("/plan").text)
    fragment = browser.post(
        "/plan/done",
        {"action": action_id},
        headers={"HX-Request": "true", "HX-Target": "plan-body"},
    )
    assert fragment.status_code == 200
    assert fragment.text.lstrip().startswith('<div id="plan-body">')
    assert "<html" not in fragment.text
    # The message goes out of band to the page's message region, pinned in sight wherever
    # the ticked action is; not inside the plan's body, whose top may be far above.
    body, region = fragment.text.split('<div id="messages"', 1)
    assert "Done: " not in body
    assert region.startswith(' class="messages" role="status" hx-swap-oob="true">')
    assert '<p class="flash">Done: ' in region


def test_dashboard_shows_the_week_read_only(browser: Browser, sqlite_app: Nextround) -> None:
    load_demo_journey(sqlite_app)
    browser.post("/plan/refresh")
    html = browser.get("/").text
    panel = html[html.index('id="panel-plan"') : html.index('id="panel-profile"')]
    assert "0 of 5 done this week" in panel and panel.count("To do: ") == 5
    assert 'href="/plan"' in panel
    assert all(a.week is None for a in _plan(sqlite_app))


def test_unknown_action_is_404_and_the_token_is_required(
    browser: Browser, sqlite_app: Nextround
) -> None:
    load_demo_journey(sqlite_app)
    browser.post("/plan/refresh")
    assert browser.post("/plan/done", {"action": "mitigate:nothing"}).status_code == 404
    assert browser.post("/plan/done", {}).status_code == 404
    action_id = _first_week_action(browser.get("/plan").text)
    refused = browser.client.post("/plan/done", data={"action": action_id})
    assert refused.status_code == 403
    assert not any(a.done for a in _plan(sqlite_app))


def test_a_gap_heard_once_is_shown_where_the_plan_would_be(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    text = "Risk management was weak."
    browser.post(
        f"/applications/{app_id}/feedback",
        {
            "text": text, "source": "interviewer", "received_on": "2026-10-10",
            "statements": "1", "s1-text": text, "s1-competency": "risk-management",
            "s1-polarity": "gap", "confirm": "all",
        },
    )  # fmt: skip
    with sqlite_app.uow() as uow:
        assert [s.competencies for s in uow.statements.confirmed()] == [["risk-management"]]
    plan = browser.get("/plan").text
    assert "No plan yet" in plan
    assert re.search(
        r"Heard once so far, to ask about and to watch for in your next process: "
        r'<a href="/profile/risk-management">Risk management</a>\.',
        plan,
    ), plan
    profile = browser.get("/profile").text
    assert "None: no gap has come up from two independent sources." in profile
    assert re.search(
        r'Heard once so far: <a href="/profile/risk-management">Risk management', profile
    )
