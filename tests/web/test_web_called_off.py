"""Calling off from the application page: a round cancelled by hand, one interview ticked."""

from __future__ import annotations

from datetime import timedelta

from nextround.bootstrap import Nextround
from nextround.domain.journey import Application
from nextround.services.debriefs import record_debrief
from nextround.web.journey_forms import interview_values
from tests.web.conftest import Browser, field_error
from tests.web.test_web_messages import messages


def _app(nextround: Nextround, app_id: int) -> Application:
    with nextround.uow() as uow:
        return uow.applications.get(app_id)


def _booked(browser: Browser, nextround: Nextround) -> tuple[int, int, int]:
    """A hiring-manager round with an interview booked in five days: (app, round, interview)."""
    soon = (nextround.clock() + timedelta(days=5)).astimezone().replace(tzinfo=None)
    app_id = browser.add_application(company="Acme")
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Hiring manager", "kind": "hiring_manager", "started_on": "2026-11-20"},
    )
    browser.post(
        f"/applications/{app_id}/interviews",
        {"title": "HM with Jordan", "scheduled_at": soon.strftime("%Y-%m-%dT%H:%M")},
    )
    round_ = _app(nextround, app_id).ordered_rounds[0]
    assert round_.id is not None and round_.interviews[0].id is not None
    return app_id, round_.id, round_.interviews[0].id


def test_a_round_cancelled_by_hand_says_its_interviews_are_called_off(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, round_id, _ = _booked(browser, sqlite_app)
    assert "HM with Jordan" in browser.get("/").text  # upcoming on the dashboard
    page = browser.get(f"/applications/{app_id}?form=decision").text
    assert "Call off the interviews still to come" in page

    done = browser.post(
        f"/rounds/{round_id}",
        {
            "name": "Hiring manager",
            "kind": "hiring_manager",
            "started_on": "2026-11-20",
            "outcome": "cancelled",
        },
    )
    assert done.status_code == 303
    shown = messages(browser.get(done.headers["location"]).text)
    assert (
        "Saved round 1: Hiring manager. Called off with it: the interview “HM with Jordan” on "
    ) in shown
    assert "It stays on record, marked called off, and no longer counts as still to come." in (
        shown
    )
    (kept,) = _app(sqlite_app, app_id).ordered_rounds[0].interviews
    assert kept.called_off
    # Upcoming nowhere, and nothing left for a decision to call off.
    assert "HM with Jordan" not in browser.get("/").text
    page = browser.get(f"/applications/{app_id}?form=decision").text
    assert "Call off the interviews still to come" not in page
    assert '<span class="pill outcome-cancelled">Called off</span>' in page


def test_one_interview_is_called_off_and_back_with_its_tick(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, _, interview_id = _booked(browser, sqlite_app)
    stored = _app(sqlite_app, app_id).ordered_rounds[0].interviews[0]
    # As the edit form sends it: every field, the time on the interview's clock.
    form = {k: v for k, v in interview_values(stored).items() if k != "called_off" and v}
    page = browser.get(f"/applications/{app_id}?form=interview-{interview_id}").text
    assert f'id="interview-{interview_id}-called-off"' in page
    assert browser.post(f"/interviews/{interview_id}", {**form, "called_off": "1"}).status_code == (
        303
    )
    kept = _app(sqlite_app, app_id).ordered_rounds[0].interviews[0]
    assert kept.called_off and kept.scheduled_at == stored.scheduled_at
    # The edit form shows it ticked; saving without the tick puts it back on.
    page = browser.get(f"/applications/{app_id}?form=interview-{interview_id}").text
    box = f'id="interview-{interview_id}-called-off" name="called_off" type="checkbox"'
    assert f'{box} value="1" checked' in page
    assert browser.post(f"/interviews/{interview_id}", form).status_code == 303
    assert not _app(sqlite_app, app_id).ordered_rounds[0].interviews[0].called_off


def test_an_interview_with_a_debrief_is_not_called_off(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application(company="Acme")
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Loop", "kind": "final_loop", "started_on": "2026-11-02"},
    )
    browser.post(
        f"/applications/{app_id}/interviews",
        {"title": "Panel", "scheduled_at": "2026-11-03T10:00"},
    )
    interview = _app(sqlite_app, app_id).ordered_rounds[0].interviews[0]
    with sqlite_app.uow() as uow:
        record_debrief(uow, interview.id or 0, 4)
    refused = browser.post(
        f"/interviews/{interview.id}",
        {"title": "Panel", "format": "behavioural", "called_off": "1"},
    )
    assert refused.status_code == 422
    error = field_error(refused.text, f"interview-{interview.id}-called-off") or ""
    assert "has a debrief, so it took place and cannot be called off" in error
    assert not _app(sqlite_app, app_id).ordered_rounds[0].interviews[0].called_off


def test_deleting_a_decision_that_called_off_brings_its_interviews_back(
    browser: Browser, sqlite_app: Nextround, clock
) -> None:
    app_id, _, interview_id = _booked(browser, sqlite_app)
    clock.now += timedelta(minutes=1)
    done = browser.post(
        f"/applications/{app_id}/close",
        {"outcome": "withdrawal", "on": clock.now.date().isoformat(), "call_off": "1"},
    )
    assert done.status_code == 303
    assert _app(sqlite_app, app_id).ordered_rounds[0].interviews[0].called_off
    clock.now += timedelta(minutes=1)
    deleted = browser.post(f"/applications/{app_id}/decision/delete", {"confirm": "1"})
    assert deleted.status_code == 303
    shown = " ".join(messages(browser.get(deleted.headers["location"]).text).split())
    assert "Deleted the withdrawal of" in shown
    assert "Round 1 is pending again." in shown
    assert "Going ahead again (it was called off with the decision): the interview “HM with" in (
        shown
    )
    app = _app(sqlite_app, app_id)
    assert app.status.value == "interviewing"
    assert [i.called_off for i in app.ordered_rounds[0].interviews] == [False]
    assert app.ordered_rounds[0].interviews[0].id == interview_id


def test_an_interview_still_called_off_after_the_decision_goes_is_named(
    browser: Browser, sqlite_app: Nextround, clock
) -> None:
    app_id, _, interview_id = _booked(browser, sqlite_app)
    clock.now += timedelta(minutes=1)
    browser.post(
        f"/applications/{app_id}/close",
        {"outcome": "withdrawal", "on": clock.now.date().isoformat(), "call_off": "1"},
    )
    clock.now += timedelta(minutes=1)
    interview = _app(sqlite_app, app_id).ordered_rounds[0].interviews[0]
    browser.post(
        f"/interviews/{interview_id}",
        {**interview_values(interview), "notes": "They cancelled it", "called_off": "1"},
    )
    clock.now += timedelta(minutes=1)
    deleted = browser.post(f"/applications/{app_id}/decision/delete", {"confirm": "1"})
    page = " ".join(browser.get(deleted.headers["location"]).text.split())
    assert "Still called off: the interview “HM with Jordan”" in page
    assert "untick an interview&#39;s “Called off” under “Edit interview”" in page
    assert _app(sqlite_app, app_id).ordered_rounds[0].interviews[0].called_off
