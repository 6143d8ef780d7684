"""The plan page: the week read without writing, done toggles that keep the week, momentum.

An action done on an earlier day is recorded on that day, within the days it could have been.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from nextround.bootstrap import Nextround
from tests.conftest import Clock
from tests.web.conftest import READY_STORY, Browser, load_demo_journey


def _plan(nextround: Nextround):  # type: ignore[no-untyped-def]
    with nextround.uow() as uow:
        return uow.plan.all()


def _first_week_action(html: str, *, about_a_competency: bool = False) -> str:
    week = html[html.index('id="this-week"') : html.index('id="momentum-title"')]
    found = re.findall(r'name="action" value="([^"]+)"', week)
    if about_a_competency:
        # Not the round's own work (a "went badly" note) nor positioning after a "no":
        # those answer no evidence about a competency, so any day since they joined counts.
        found = [i for i in found if not i.startswith(("prepare:round-", "position:"))]
    assert found, week
    return found[0]


def _week_ids(html: str) -> list[str]:
    # An open action has two forms, its tick and "done on an earlier day": one id each.
    week = html[html.index('id="this-week"') : html.index('id="momentum')]
    return list(dict.fromkeys(re.findall(r'name="action" value="([^"]+)"', week)))


def test_with_nothing_to_plan_the_page_says_what_makes_actions_appear(browser: Browser) -> None:
    # QA7: "No plan yet … Build my plan" led to the same empty page, on the dashboard too.
    page = browser.get("/plan")
    assert page.status_code == 200
    assert "Nothing to plan yet" in page.text and "No plan yet" not in page.text
    assert "Actions appear when feedback names a gap and you review it" in page.text
    assert 'action="/plan/refresh"' not in page.text  # building would give nothing
    panel = browser.get("/").text
    assert "Nothing to plan yet. Actions appear when" in panel and "Build your plan" not in panel
    said = browser.get(browser.post("/plan/refresh").headers["location"]).text
    assert "Nothing to plan yet: below is what makes actions appear." in said
    assert "Built your plan: 0" not in said


def test_without_a_plan_the_page_offers_to_build_one(
    browser: Browser, sqlite_app: Nextround
) -> None:
    load_demo_journey(sqlite_app)
    page = browser.get("/plan").text
    assert "No plan yet" in page and 'action="/plan/refresh"' in page
    assert re.search(r"Building it now gives \d+ open actions", page), page
    panel = browser.get("/").text
    assert re.search(r"No plan yet\. Building it now gives \d+ open actions", panel)
    assert "Build your plan" in panel


def test_build_the_plan_then_see_the_week_and_the_whole_plan(
    browser: Browser, sqlite_app: Nextround
) -> None:
    load_demo_journey(sqlite_app)
    response = browser.post("/plan/refresh")
    assert response.status_code == 303 and response.headers["location"] == "/plan"
    html = browser.get("/plan").text
    open_count = sum(1 for a in _plan(sqlite_app) if not a.done)
    # The first build says it built the plan, not that it refreshed one.
    assert f"Built your plan: {open_count} open actions." in html
    again = browser.get(browser.post("/plan/refresh").headers["location"]).text
    assert f"Refreshed the plan: {open_count} open actions." in again
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
    before = _week_ids(html)
    response = browser.post("/plan/done", {"action": action_id})
    assert response.status_code == 303
    plan = {a.id: a for a in _plan(sqlite_app)}
    assert plan[action_id].done
    assert sum(1 for a in plan.values() if a.week) == 5  # the week's pick is stored
    html = browser.get("/plan").text
    after = _week_ids(html)
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


AUTOFOCUS = re.compile(r"<[a-z]+\b[^<>]*\sautofocus\b[^<>]*>")


@pytest.mark.parametrize("place", ["week", "plan"])
def test_the_toggled_action_keeps_the_focus_in_its_own_list(
    browser: Browser, sqlite_app: Nextround, place: str
) -> None:
    load_demo_journey(sqlite_app)
    browser.post("/plan/refresh")
    action_id = _first_week_action(browser.get("/plan").text)
    htmx = {"HX-Request": "true", "HX-Target": "plan-body"}
    for path, pressed in [("/plan/done", "true"), ("/plan/undo", "false")]:
        fragment = browser.post(path, {"action": action_id, "place": place}, headers=htmx).text
        # The one autofocus of the answer: the tick just pressed, in the list it was
        # pressed in (the week's comes first; the whole plan's lists it again).
        [tag] = AUTOFOCUS.findall(fragment)
        assert 'class="tick"' in tag and f'aria-pressed="{pressed}"' in tag
        whole = fragment.index('id="whole-plan"')
        at = fragment.index(tag)
        assert (at > whole) == (place == "plan")
        form = fragment[fragment.rindex("<form", 0, at) : at]
        assert f'name="action" value="{action_id}"' in form
    # A page read afresh moves the focus nowhere.
    assert not AUTOFOCUS.findall(browser.get("/plan").text)


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


def test_a_reviewed_gap_heard_once_gets_a_provisional_action_and_stays_on_the_watch_list(
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
    # Reviewed, heard once: not recurring, but the plan has a provisional action for it,
    # and the story the Stories page says it needs.
    plan = browser.get("/plan").text
    assert "No plan yet" in plan and "Building it now gives 2 open actions;" in plan
    plan = browser.get(browser.post("/plan/refresh").headers["location"]).text
    assert "Built your plan: 2 open actions." in plan
    assert "(provisional: heard once)" in plan
    assert "Write a story that shows risk management" in plan
    assert "Risk management was heard once so far (an interviewer" in plan
    profile = browser.get("/profile").text
    assert "None: no gap has come up from two independent sources besides you." in profile
    watch = profile[profile.index('class="early-gaps"') :].split("</div>")[0]
    assert "Heard once so far" in watch
    assert '<li><a href="/profile/risk-management">Risk management</a>' in watch


def _done_on_form(html: str, place: str, action_id: str) -> str:
    start = html.index(f'id="done-{place}-{action_id}-on"'.replace("_", "-"))
    return html[html.rindex("<details", 0, start) : html.index("</details>", start)]


def test_an_open_action_can_be_recorded_as_done_on_an_earlier_day(
    browser: Browser, sqlite_app: Nextround, clock: Clock
) -> None:
    load_demo_journey(sqlite_app)
    browser.post("/plan/refresh")  # Wednesday 2026-11-25, 2026-W48
    clock.now += timedelta(days=8)  # Thursday 2026-12-03, 2026-W49
    html = browser.get("/plan").text
    action_id = _first_week_action(html, about_a_competency=True)
    # One form in the week and one in the whole plan, each with its own ids; today is the
    # default, and the browser offers only the days the server accepts.
    for place in ("week", "plan"):
        form = _done_on_form(html, place, action_id)
        assert 'value="2026-12-03"' in form and 'type="date"' in form
        # Any past day: work done before the plan was built counts too.
        assert 'max="2026-12-03"' in form and "min=" not in form
        assert (
            "Any day up to today, also before the plan was built (not before the evidence" in form
        )
        assert "<details" in form and " open" not in form.split(">", 1)[0]
    before_the_plan = browser.post(
        "/plan/done", {"action": action_id, "place": "week", "on": "2026-11-23"}
    )
    assert before_the_plan.status_code == 303
    assert {a.id: a.done_on for a in _plan(sqlite_app)}[action_id] == date(2026, 11, 23)
    response = browser.post(
        "/plan/done", {"action": action_id, "place": "week", "on": "2026-11-27"}
    )
    assert response.status_code == 303
    assert {a.id: a.done_on for a in _plan(sqlite_app)}[action_id] == date(2026, 11, 27)
    html = browser.get("/plan").text
    assert "Done on 27 Nov 2026: " in html
    # It counts in its own week (last week), which keeps the streak alive this week.
    assert "<strong>0</strong> done this week · streak <strong>1</strong> week " in html
    assert "Done 27 Nov 2026" in html


@pytest.mark.parametrize(
    ("on", "message"),
    [
        ("2026-11-26", "Done on 2026-11-26 is in the future; record it once it is done"),
        ("last week", "&#39;last week&#39; is not a date; write it as "),
        # Before anything was said about its competency: a tick for a reason not yet heard.
        ("2019-01-01", "Done on 2019-01-01 is before the first evidence about "),
    ],
)  # fmt: skip
@pytest.mark.parametrize("htmx", [False, True])
def test_a_day_the_action_cannot_have_been_done_on_is_refused_by_the_field(
    browser: Browser, sqlite_app: Nextround, on: str, message: str, htmx: bool
) -> None:
    load_demo_journey(sqlite_app)
    browser.post("/plan/refresh")
    action_id = _first_week_action(browser.get("/plan").text, about_a_competency=True)
    headers = {"HX-Request": "true", "HX-Target": "plan-body"} if htmx else {}
    response = browser.post(
        "/plan/done", {"action": action_id, "place": "plan", "on": on}, headers=headers
    )
    assert response.status_code == 422
    assert response.text.lstrip().startswith('<div id="plan-body">') == htmx
    # The whole plan's copy of the form opens, keeps what was typed and says what to fix.
    form = _done_on_form(response.text, "plan", action_id)
    assert form.split(">", 1)[0].endswith(" open")
    assert f'value="{on}"' in form and message in form and "autofocus" in form
    assert " open" not in _done_on_form(response.text, "week", action_id).split(">", 1)[0]
    # Nothing is written, not even the week's pick.
    assert all(a.done_on is None and a.week is None for a in _plan(sqlite_app))


def _panel_today(nextround: Nextround, clock: Clock, competencies: list[str]) -> None:
    """A panel at Brightwave with Mei Tan in three hours, probing these competencies."""
    from nextround.domain.journey import Interviewer, RoundKind
    from nextround.services import applications, process

    today = clock.now.date()
    with nextround.uow() as uow:
        app = applications.add_application(
            uow, {"company": "Brightwave", "role_title": "TPM", "applied_on": today}
        )
        assert app.id is not None
        process.add_round(
            uow, app.id, {"name": "Panel", "kind": RoundKind.FINAL_LOOP, "started_on": today}
        )
        # Sooner than anything in the demo, so it is the round the week prepares for.
        process.add_interview(
            uow,
            app.id,
            None,
            {
                "title": "Deep dive",
                "scheduled_at": clock.now + timedelta(hours=3),
                "interviewers": [Interviewer("Mei Tan")],
                "competencies": competencies,
            },
        )


def test_the_week_prepares_for_an_interview_coming_up(
    browser: Browser, sqlite_app: Nextround, clock: Clock
) -> None:
    load_demo_journey(sqlite_app)
    browser.post("/plan/refresh")
    gap = next(a.competency_id for a in _plan(sqlite_app) if a.kind == "mitigate")
    _panel_today(sqlite_app, clock, [gap or ""])
    html = browser.get("/plan").text
    week = html[html.index('id="this-week"') : html.index('id="momentum-title"')]
    assert week.count('class="action"') == 5
    reason = "For your panel at Brightwave with Mei Tan today: "
    assert week.count(reason) >= 3, re.findall(r'action-why">([^<]*)', week)
    first = _first_week_action(html)
    assert {a.id: a for a in _plan(sqlite_app)}[first].competency_id == gap
    # Ticking it off stores the week as shown, preparation included.
    before = _week_ids(html)
    assert browser.post("/plan/done", {"action": first}).status_code == 303
    assert _week_ids(browser.get("/plan").text) == before


def test_each_action_shows_the_number_the_command_line_takes(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from nextround.services.plan_week import week_view

    load_demo_journey(sqlite_app)
    browser.post("/plan/refresh")
    with sqlite_app.uow() as uow:
        numbers = week_view(uow).numbers
    html = browser.get("/plan").text
    first = _first_week_action(html)
    assert (
        f'<span class="action-no" title="Its number, as `nextround plan done {numbers[first]}`'
        in html
    )


def test_on_a_first_pick_preparation_beyond_the_interview_places_waits_for_the_cap(
    browser: Browser, sqlite_app: Nextround
) -> None:
    load_demo_journey(sqlite_app)
    browser.post("/plan/refresh")
    html = browser.get("/plan").text
    # The demo's final loop is coming up: it takes three places and more preparation waits,
    # not because the week was picked before (a repick would change nothing).
    assert "Also for your final conversations at Mossgrove" in html
    assert "The week gives the interview at most 3 of its 5 places" in html
    assert "This week is already picked" not in html


def test_a_week_already_picked_stays_and_new_preparation_waits_until_a_repick(
    browser: Browser, sqlite_app: Nextround, clock: Clock
) -> None:
    load_demo_journey(sqlite_app)
    browser.post("/plan/refresh")
    picked = _week_ids(browser.get("/plan").text)
    # Ticking one off stores the week as picked.
    assert browser.post("/plan/done", {"action": picked[0]}).status_code == 303
    gap = next(a.competency_id for a in _plan(sqlite_app) if a.kind == "mitigate")
    _panel_today(sqlite_app, clock, [gap or "", "communication"])
    html = browser.get("/plan").text
    # The interview came after the pick: the week stays, and says what waits outside it.
    assert sorted(_week_ids(html)) == sorted(picked)
    assert "Also for your panel at Brightwave with Mei Tan today:" in html
    assert "This week is already picked, so" in html and 'action="/plan/repick"' in html
    shown = browser.get(browser.post("/plan/repick").headers["location"]).text
    assert "Picked this week again: 5 actions." in shown
    again = _week_ids(shown)
    assert picked[0] in again and set(again) != set(picked)  # what was done stays
    assert "This week is already picked" not in shown
    assert "Also for your panel" not in shown  # picked again, the preparation has its places


def test_undoing_a_story_action_the_story_bank_answers_says_it_stays_done(
    browser: Browser, sqlite_app: Nextround
) -> None:
    """The CLI's rule, from the same service: no "Back on the list" the next look takes back."""
    from nextround.domain.plan import ActionKind
    from nextround.services.stories import add_story

    load_demo_journey(sqlite_app)
    browser.post("/plan/refresh")
    story_action = next(a for a in _plan(sqlite_app) if a.kind == ActionKind.STORY)
    with sqlite_app.uow() as uow:
        add_story(
            uow,
            {**READY_STORY, "competencies": [story_action.competency_id]},
        )
    browser.post("/plan/refresh")
    assert {a.id: a for a in _plan(sqlite_app)}[story_action.id].done
    response = browser.post("/plan/undo", {"action": story_action.id}, follow_redirects=True)
    text = " ".join(response.text.split())
    assert "Still done: " in text and "Back on the list" not in text
    assert "change the story’s competencies (on its page under Stories) to reopen it" in (
        text.replace("&#39;", "’").replace("'", "’")
    )
    assert {a.id: a for a in _plan(sqlite_app)}[story_action.id].done
    # An action nothing ticks off again does go back on the list.
    other = next(a for a in _plan(sqlite_app) if a.kind != ActionKind.STORY and not a.done)
    browser.post("/plan/done", {"action": other.id})
    back = browser.post("/plan/undo", {"action": other.id}, follow_redirects=True)
    assert "Back on the list: " in back.text
    assert not {a.id: a for a in _plan(sqlite_app)}[other.id].done


def test_most_processes_ending_at_the_online_test_gets_its_practice_on_the_plan(
    browser: Browser, sqlite_app: Nextround
) -> None:
    # QA17 F1: the figure the stats give is the reason the plan gives.
    from nextround.domain.journey import Outcome, RoundKind
    from nextround.services.applications import add_application, close_application
    from nextround.services.process import add_round

    with sqlite_app.uow() as uow:
        for company in ("Auto Trader", "Booking.com", "Monzo"):
            app = add_application(
                uow,
                {"company": company, "role_title": "Graduate", "applied_on": date(2026, 9, 1)},
            )
            assert app.id is not None
            add_round(
                uow,
                app.id,
                {"name": "HackerRank OA", "kind": RoundKind.ASSESSMENT,
                 "started_on": date(2026, 9, 10)},
            )  # fmt: skip
            close_application(uow, app.id, Outcome.REJECTION)
    plan = browser.get(browser.post("/plan/refresh").headers["location"]).text
    group = plan[plan.index("Get past the round where you stop") :].split("</section>")[0]
    assert "Do two timed practice tests a week on the platform your applications use" in group
    assert (
        "Most of your processes end at the online assessment: 3 of the 3 that ended after a "
        "round." in group
    )
