"""The decision form's answer-by date, and the reminder on the board, the page and the plan."""

from __future__ import annotations

import html
import re
from datetime import date

from nextround.bootstrap import Nextround
from tests.web.conftest import Browser, field_error, input_value

# The web tests' clock stands on Wed 25 Nov 2026.
OFFER = {"outcome": "offer", "decided_on": "2026-11-20", "offer_response": "pending"}
REMINDER = "Offer: answer by Mon 30 Nov (in 5 days)"


def _answer_by(nextround: Nextround, app_id: int) -> date | None:
    with nextround.uow() as uow:
        decision = uow.applications.get(app_id).current_decision
        assert decision is not None
        return decision.answer_by


def _text(page: str) -> str:
    """The page's words, without its tags."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())


def test_the_form_sets_the_deadline_and_every_page_reminds_until_answered(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application(company="Orbital Pay")
    assert "Answer by" in browser.get(f"/applications/{app_id}?form=decision").text
    done = browser.post(f"/applications/{app_id}/decision", {**OFFER, "answer_by": "2026-11-30"})
    assert done.status_code == 303
    assert _answer_by(sqlite_app, app_id) == date(2026, 11, 30)
    page = browser.get(f"/applications/{app_id}").text
    assert REMINDER in _text(page)
    assert input_value(browser.get(f"/applications/{app_id}?form=decision").text,
                       "decision-answer-by") == "2026-11-30"  # fmt: skip
    assert REMINDER in _text(browser.get("/").text)  # the board's card
    # Still being weighed, the process is not "closed" (QA10 F6).
    assert "The offer waits for your answer" in _text(page)
    assert "This application is closed" not in _text(page)
    assert "Answer Orbital Pay's offer by Mon 30 Nov (in 5 days)" in _text(
        browser.get("/plan").text
    )
    answered = browser.post(
        f"/applications/{app_id}/decision",
        {**OFFER, "offer_response": "declined", "answer_by": "2026-11-30"},
    )
    assert answered.status_code == 303
    assert "This application is closed" in _text(browser.get(f"/applications/{app_id}").text)
    for path in (f"/applications/{app_id}", "/", "/plan"):
        shown = _text(browser.get(path).text)
        assert "answer by Mon 30 Nov" not in shown and "offer by Mon 30 Nov" not in shown
    assert _answer_by(sqlite_app, app_id) == date(2026, 11, 30)  # kept on record


def test_a_deadline_before_the_offer_or_on_a_rejection_is_refused_under_the_field(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    early = browser.post(f"/applications/{app_id}/decision", {**OFFER, "answer_by": "2026-11-19"})
    assert early.status_code == 422
    error = html.unescape(field_error(early.text, "decision-answer-by") or "")
    assert error.startswith("The answer-by date 2026-11-19 is before the offer came, on 2026-11-20")
    typo = browser.post(f"/applications/{app_id}/decision", {**OFFER, "answer_by": "2026-11-31"})
    assert typo.status_code == 422
    assert "November 2026 has 30 days" in (field_error(typo.text, "decision-answer-by") or "")
    rejection = {"outcome": "rejection", "decided_on": "2026-11-20", "answer_by": "2026-11-30"}
    refused = browser.post(f"/applications/{app_id}/decision", rejection)
    assert refused.status_code == 422
    said = field_error(refused.text, "decision-answer-by") or ""
    assert "only applies to an offer" in said


def test_turning_the_offer_into_a_rejection_drops_the_deadline_the_form_came_with(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    browser.post(f"/applications/{app_id}/decision", {**OFFER, "answer_by": "2026-11-30"})
    # The form comes filled with the offer's deadline; changing only the outcome is fine.
    changed = browser.post(
        f"/applications/{app_id}/decision",
        {"outcome": "rejection", "decided_on": "2026-11-24", "answer_by": "2026-11-30"},
    )
    assert changed.status_code == 303
    assert _answer_by(sqlite_app, app_id) is None


def _timeline(page: str) -> str:
    """The timeline's events, in words."""
    found = re.search(r'<ol class="timeline">(.*?)</ol>', page, re.S)
    assert found is not None
    return found.group(1)


def test_the_timeline_shows_the_answer_by_day_to_come_then_overdue(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application(company="Orbital Pay")
    browser.post(f"/applications/{app_id}/decision", {**OFFER, "answer_by": "2026-11-30"})
    events = _timeline(browser.get(f"/applications/{app_id}").text)
    assert 'class="event event-answer_by"' in events
    assert REMINDER in _text(events)  # the words of app show
    browser.post(f"/applications/{app_id}/decision", {**OFFER, "answer_by": "2026-11-23"})
    events = _timeline(browser.get(f"/applications/{app_id}").text)
    assert 'class="event event-answer_by overdue"' in events
    assert "Offer: answer by Mon 23 Nov (overdue by 2 days)" in _text(events)
    # Answered, there is nothing left to answer by.
    browser.post(f"/applications/{app_id}/decision", {**OFFER, "offer_response": "declined"})
    assert "event-answer_by" not in _timeline(browser.get(f"/applications/{app_id}").text)


def test_the_list_and_the_summary_line_name_the_answer_as_the_next_step(
    browser: Browser, sqlite_app: Nextround
) -> None:
    # QA17 F11: the list's "Next interview" said "—" for the offer, and on a phone the
    # summary named only the interview, the offer's card screens further down.
    offer_id = browser.add_application(company="Orbital Pay")
    browser.post(f"/applications/{offer_id}/decision", {**OFFER, "answer_by": "2026-11-30"})
    other = browser.add_application(company="GCHQ")
    browser.post(
        f"/applications/{other}/rounds",
        {"name": "Assessment centre", "kind": "other", "started_on": "2026-12-01"},
    )
    browser.post(
        f"/applications/{other}/interviews",
        {"title": "Group exercise", "scheduled_at": "2026-12-01T10:00"},
    )
    listing = browser.get("/applications").text
    assert '<th scope="col">Next</th>' in listing
    assert '<td data-label="Next"><strong>answer by Mon 30 Nov</strong></td>' in listing
    # An empty cell is marked, so a phone's card leaves out its row.
    assert '<td data-label="Tags" class="blank-cell"></td>' in listing
    summary = _text(re.search(r'id="pipeline-summary".*?</p>', browser.get("/").text, re.S)[0])
    assert "Answer Orbital Pay's offer by Mon 30 Nov (in 5 days). Next interview" in summary
    # Due after the interview, the answer comes second.
    browser.post(f"/applications/{offer_id}/decision", {**OFFER, "answer_by": "2026-12-04"})
    summary = _text(re.search(r'id="pipeline-summary".*?</p>', browser.get("/").text, re.S)[0])
    assert summary.index("Next interview") < summary.index(
        "Answer Orbital Pay's offer by Fri 4 Dec"
    )


def test_the_offer_s_page_says_when_its_answer_is_due_before_another_interview(
    browser: Browser,
) -> None:
    offer_id = browser.add_application(company="Orbital Pay")
    browser.post(f"/applications/{offer_id}/decision", {**OFFER, "answer_by": "2026-11-30"})
    other = browser.add_application(company="GCHQ")
    browser.post(
        f"/applications/{other}/rounds",
        {"name": "Assessment centre", "kind": "other", "started_on": "2026-12-01"},
    )
    browser.post(
        f"/applications/{other}/interviews",
        {"title": "Group exercise", "scheduled_at": "2026-12-01T10:00"},
    )
    clash = (
        "You answer Orbital Pay by Mon 30 Nov, before your assessment centre at GCHQ on "
        "Tue 1 Dec: you could ask Orbital Pay for more time."
    )
    assert _text(browser.get(f"/applications/{offer_id}").text).count(clash) == 1
    assert clash not in _text(browser.get(f"/applications/{other}").text)
