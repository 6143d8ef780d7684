"""Forms: each use case through its form, errors next to the field with the input kept."""

from __future__ import annotations

import html
import re

from nextround.bootstrap import Nextround
from nextround.services.applications import get_application
from nextround.services.feedback import list_feedback
from tests.web.conftest import Browser, field_error, input_value


def _app(nextround: Nextround, app_id: int):  # type: ignore[no-untyped-def]
    with nextround.uow() as uow:
        return get_application(uow, app_id)


def test_create_application_redirects_to_it_with_a_message(browser: Browser) -> None:
    response = browser.post(
        "/applications",
        {
            "company": "Acme",
            "role_title": "TPM",
            "applied_on": "2026-10-01",
            "tags": "a, b, digital health",
            "source": "referral",
            "work_mode": "remote",
            "posting_url": "https://acme.example/job",
        },
    )
    assert response.status_code == 303
    page = browser.get(response.headers["location"])
    assert "Added TPM at Acme." in page.text  # the one-time message
    assert "Added TPM at Acme." not in browser.get(response.headers["location"]).text
    assert "Remote" in page.text and ">a</span>" in page.text
    # Separated by commas, as the hint says: two words between commas are one tag.
    assert ">digital-health</span>" in page.text and ">health</span>" not in page.text


def test_missing_company_is_shown_next_to_the_field_with_input_kept(browser: Browser) -> None:
    response = browser.post(
        "/applications",
        {
            "company": "  ",
            "role_title": "Data Lead",
            "applied_on": "2026-10-01",
            "notes": "keep me",
        },
    )
    assert response.status_code == 422
    html = response.text
    assert field_error(html, "new-app-company") == "Company is required; give a non-empty value"
    assert input_value(html, "new-app-role-title") == "Data Lead"
    assert "keep me</textarea>" in html
    assert '<details class="card disclosure" id="new" open>' in html


def test_bad_date_and_bad_url_and_bad_tag_each_get_their_message(browser: Browser) -> None:
    html = browser.post(
        "/applications", {"company": "A", "role_title": "B", "applied_on": "01/10/2026"}
    ).text
    # 1 October in the UK, January 10 in the US: both named, neither guessed (QA17 F2).
    said = " ".join((field_error(html, "new-app-applied-on") or "").split())
    assert "could be 10 January (2026-01-10) or 1 October (2026-10-01); write it as" in said
    html = browser.post(
        "/applications", {"company": "A", "role_title": "B", "applied_on": "2027-05-01"}
    ).text
    assert "is in the future" in (field_error(html, "new-app-applied-on") or "")
    html = browser.post(
        "/applications",
        {"company": "A", "role_title": "B", "applied_on": "2026-10-01", "posting_url": "ftp://x"},
    ).text
    assert "is not a web address" in field_error(html, "new-app-posting-url")
    html = browser.post(
        "/applications",
        {"company": "A", "role_title": "B", "applied_on": "2026-10-01", "tags": "ok, not/ok!"},
    ).text
    assert "is not valid" in field_error(html, "new-app-tags")


def test_rounds_interviews_decision_and_reopen(browser: Browser, sqlite_app: Nextround) -> None:
    app_id = browser.add_application()
    response = browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Recruiter screen", "kind": "screen", "started_on": "2026-10-05", "mode": "phone"},
    )
    assert response.status_code == 303 and "#round-" in response.headers["location"]
    second = browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Final loop", "kind": "final_loop", "started_on": "2026-10-20"},
    )
    assert second.status_code == 303
    app = _app(sqlite_app, app_id)
    assert [r.name for r in app.ordered_rounds] == ["Recruiter screen", "Final loop"]
    assert app.status.value == "final_round"

    final = app.ordered_rounds[1]
    created = browser.post(
        f"/applications/{app_id}/interviews",
        {
            "round": "2",
            "title": "Whiteboard exercise",
            "format": "practical_exercise",
            "scheduled_at": "2026-10-20T10:00",
            "duration_minutes": "45",
            "interviewers": "Inés Carvalho, Lead\nKwame Asante",
            "competencies": "systems-thinking",
        },
    )
    assert created.status_code == 303
    interview = _app(sqlite_app, app_id).ordered_rounds[1].interviews[0]
    assert [p.name for p in interview.interviewers] == ["Inés Carvalho", "Kwame Asante"]
    assert interview.interviewers[0].title == "Lead"
    assert interview.duration_minutes == 45

    edited = browser.post(
        f"/interviews/{interview.id}",
        {
            "title": "Whiteboard: process flow",
            "format": "practical_exercise",
            "scheduled_at": "2026-10-20T10:30",
            "duration_minutes": "",
            "interviewers": "",
            "competencies": "",
        },
    )
    assert edited.status_code == 303
    interview = _app(sqlite_app, app_id).ordered_rounds[1].interviews[0]
    assert interview.title == "Whiteboard: process flow" and interview.duration_minutes is None

    passed = browser.post(
        f"/rounds/{final.id}",
        {
            "name": "Final loop",
            "kind": "final_loop",
            "started_on": "2026-10-20",
            "ended_on": "2026-10-21",
            "outcome": "passed",
            "notes": "Went well",
        },
    )
    assert passed.status_code == 303
    decided = browser.post(
        f"/applications/{app_id}/decision",
        {
            "outcome": "rejection",
            "decided_on": "2026-10-28",
            "finalists": "4",
            "reason": "Chose another finalist",
        },
    )
    assert decided.status_code == 303
    app = _app(sqlite_app, app_id)
    assert app.status.value == "rejected" and app.current_decision.finalists == 4
    page = browser.get(f"/applications/{app_id}/forms/new-interview-1").text
    assert "One of 4 finalists." in page and "Reopen it to add more rounds" in page
    # A closed process still takes a round or interview held by the decision, and says so.
    assert "A round or interview held by the decision on" in page

    reopened = browser.post(f"/applications/{app_id}/reopen", {"on": "2026-11-02"})
    assert reopened.status_code == 303
    assert _app(sqlite_app, app_id).status.value == "final_round"


def test_a_decision_recorded_by_mistake_is_deleted_and_its_rounds_are_pending_again(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application(company="Calderwick")
    for name, kind, day in (
        ("Screen", "screen", "2026-10-05"),
        ("HM", "hiring_manager", "2026-10-12"),
    ):
        browser.post(
            f"/applications/{app_id}/rounds", {"name": name, "kind": kind, "started_on": day}
        )
    page = browser.get(f"/applications/{app_id}/forms/new-interview-1").text
    assert "Delete the decision" not in page  # nothing to delete yet
    decided = browser.post(
        f"/applications/{app_id}/decision", {"outcome": "rejection", "decided_on": "2026-11-20"}
    )
    assert decided.status_code == 303
    page = browser.get(f"/applications/{app_id}?form=delete-decision").text
    assert "Yes, delete the rejection of 20 Nov 2026" in page

    unticked = browser.post(f"/applications/{app_id}/decision/delete", {})
    assert unticked.status_code == 422
    assert "tick the box" in field_error(unticked.text, "delete-decision-confirm").lower()
    assert _app(sqlite_app, app_id).status.value == "rejected"

    deleted = browser.post(f"/applications/{app_id}/decision/delete", {"confirm": "1"})
    assert deleted.status_code == 303
    assert deleted.headers["location"] == f"/applications/{app_id}#decision"
    assert (
        "Deleted the rejection of 20 Nov 2026; the application is interviewing again. "
        "Rounds 1 and 2 are pending again."
    ) in browser.get(f"/applications/{app_id}").text
    app = _app(sqlite_app, app_id)
    assert app.decisions == []
    assert [r.outcome.value for r in app.ordered_rounds] == ["pending", "pending"]
    again = browser.post(f"/applications/{app_id}/decision/delete", {"confirm": "1"})
    assert again.status_code == 422 and "has no decision to remove" in again.text


def test_round_date_rule_is_shown_on_the_date_field(browser: Browser) -> None:
    app_id = browser.add_application(applied_on="2026-10-10")
    response = browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Too early", "kind": "screen", "started_on": "2026-10-01"},
    )
    assert response.status_code == 422
    error = field_error(response.text, "new-round-started-on")
    assert error and "before the application on 2026-10-10" in error
    assert input_value(response.text, "new-round-name") == "Too early"


def test_a_round_dated_before_the_previous_one_is_kept_with_a_note(browser: Browser) -> None:
    app_id = browser.add_application(applied_on="2026-10-01")
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Screen", "kind": "screen", "started_on": "2026-10-08"},
    )
    response = browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Onsite", "kind": "final_loop", "started_on": "2026-10-05"},
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert (
        "Added round 2: Onsite. Note: round 2 starts on 2026-10-05, before round 1 "
        "(Screen, 2026-10-08)" in response.text
    )


def test_a_new_round_passes_the_pending_rounds_before_it_as_the_cli_does(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application(applied_on="2026-10-01")
    page = browser.get(f"/applications/{app_id}?form=new-round").text
    assert "Keep the earlier rounds pending" not in page  # nothing is pending yet
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Screen", "kind": "screen", "started_on": "2026-10-08"},
    )
    page = browser.get(f"/applications/{app_id}?form=new-round").text
    assert "Keep the earlier rounds pending" in page
    response = browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Hiring manager", "kind": "hiring_manager", "started_on": "2026-10-15"},
        follow_redirects=True,
    )
    assert (
        "Added round 2: Hiring manager. Round 1 (Screen) marked passed. If it is still open, "
        "set its outcome back to Pending under “Edit round”." in html.unescape(response.text)
    )
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Case", "kind": "case", "started_on": "2026-10-20", "keep_pending": "1"},
    )
    outcomes = [r.outcome.value for r in _app(sqlite_app, app_id).ordered_rounds]
    assert outcomes == ["passed", "pending", "pending"]


def test_editing_a_round_keeps_the_bad_input_in_that_rounds_form(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Screen", "kind": "screen", "started_on": "2026-10-05"},
    )
    round_id = _app(sqlite_app, app_id).rounds[0].id
    response = browser.post(
        f"/rounds/{round_id}",
        {"name": "Screen", "kind": "screen", "started_on": "2026-10-05", "ended_on": "2026-10-02"},
    )
    assert response.status_code == 422
    error = field_error(response.text, f"round-{round_id}-ended-on")
    assert error and "before it starts" in error
    assert input_value(response.text, f"round-{round_id}-ended-on") == "2026-10-02"


def test_interview_duration_and_time_errors(browser: Browser, sqlite_app: Nextround) -> None:
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Screen", "kind": "screen", "started_on": "2026-10-05"},
    )
    response = browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "1", "title": "Call", "duration_minutes": "900"},
    )
    assert "Duration 900 min is not possible" in field_error(
        response.text, "new-interview-1-duration-minutes"
    )
    response = browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "1", "title": "Call", "duration_minutes": "forty"},
    )
    assert "whole number" in field_error(response.text, "new-interview-1-duration-minutes")
    response = browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "1", "title": "Call", "scheduled_at": "2026-09-01T10:00"},
    )
    assert "before its round" in field_error(response.text, "new-interview-1-scheduled-at")


def test_interview_competencies_by_id_or_name(browser: Browser, sqlite_app: Nextround) -> None:
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Screen", "kind": "screen", "started_on": "2026-10-05"},
    )
    response = browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "1", "title": "Panel", "competencies": "Risk Management, systms-thinking"},
        follow_redirects=True,
    )
    assert response.status_code == 200
    # A name becomes its id (it used to split into the tags "risk" and "management"); a tag
    # the framework lacks is kept, with a note naming the nearest competency.
    assert _app(sqlite_app, app_id).rounds[0].interviews[0].competencies == [
        "risk-management",
        "systms-thinking",
    ]
    assert (
        "Added the interview Panel. Note: &#39;systms-thinking&#39; is not a competency of"
        in response.text
    )
    assert "did you mean &#39;systems-thinking&#39; (Systems thinking)?" in response.text
    refused = browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "1", "title": "Panel 2", "competencies": "stakeholder managment"},
    )
    assert refused.status_code == 422
    error = html.unescape(field_error(refused.text, "new-interview-1-competencies") or "")
    assert "did you mean 'stakeholder-management' (Stakeholder management)?" in error
    assert len(_app(sqlite_app, app_id).rounds[0].interviews) == 1


def test_close_and_delete(browser: Browser, sqlite_app: Nextround) -> None:
    app_id = browser.add_application()
    closed = browser.post(
        f"/applications/{app_id}/close",
        {"outcome": "withdrawal", "on": "2026-10-09", "reason": "Not a fit"},
    )
    assert closed.status_code == 303
    assert _app(sqlite_app, app_id).status.value == "withdrawn"
    again = browser.post(f"/applications/{app_id}/close", {"outcome": "rejection"})
    assert again.status_code == 422 and "already closed" in again.text
    refused = browser.post(f"/applications/{app_id}/delete", {})
    assert refused.status_code == 422
    assert "tick the box" in field_error(refused.text, "delete-confirm").lower()
    deleted = browser.post(f"/applications/{app_id}/delete", {"confirm": "1"})
    assert deleted.status_code == 303 and deleted.headers["location"] == "/applications"
    assert browser.get(f"/applications/{app_id}").status_code == 404


def test_the_delete_confirmation_counts_what_goes_with_the_application(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from nextround.services import options

    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Screen", "kind": "screen", "started_on": "2026-10-05"},
    )
    browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "", "title": "Call", "format": "behavioural", "scheduled_at": "2026-10-05T10:00"},
    )
    browser.post(f"/applications/{app_id}/contacts", {"name": "Maya", "role": "talent_acquisition"})
    with sqlite_app.uow() as uow:
        options.rate(uow, app_id, {"scope": 4})
    said = "Yes, delete TPM at Acme with 1 round, 1 interview and its Option A rating"
    page = browser.get(f"/applications/{app_id}?form=delete").text
    assert said in page and "1 person on it stays in your contacts." in page
    fragment = browser.get(f"/applications/{app_id}/forms/delete", headers={"HX-Request": "true"})
    assert said in fragment.text
    deleted = browser.post(f"/applications/{app_id}/delete", {"confirm": "1"})
    assert deleted.status_code == 303
    assert (
        "Deleted TPM at Acme with 1 round, 1 interview and its Option A rating. 1 person on it "
        "stays in your contacts." in browser.get("/applications").text
    )


def test_edit_details_clears_emptied_fields(browser: Browser, sqlite_app: Nextround) -> None:
    app_id = browser.add_application(level="Senior", notes="old notes")
    response = browser.post(
        f"/applications/{app_id}/edit",
        {
            "company": "Acme Corp",
            "role_title": "TPM",
            "applied_on": "2026-10-01",
            "level": "",
            "notes": "",
            "tags": "",
        },
    )
    assert response.status_code == 303
    app = _app(sqlite_app, app_id)
    assert app.company == "Acme Corp" and app.level is None and app.notes is None


def test_feedback_is_stored_word_for_word(browser: Browser, sqlite_app: Nextround) -> None:
    app_id = browser.add_application()
    text = "Strong stakeholder work.\n\nRisk management did not come through."
    response = browser.post(
        f"/applications/{app_id}/feedback",
        {"text": text, "source": "recruiter", "author": "Maya", "received_on": "2026-10-30"},
    )
    assert response.status_code == 303
    with sqlite_app.uow() as uow:
        [item] = list_feedback(uow, app_id)
    assert item.text == text and item.author == "Maya"
    assert "Risk management did not come through." in browser.get(f"/applications/{app_id}").text
    future = browser.post(
        f"/applications/{app_id}/feedback", {"text": "later", "received_on": "2027-01-01"}
    )
    assert "in the future" in field_error(future.text, "feedback-received-on")
    empty = browser.post(f"/applications/{app_id}/feedback", {"text": "   "})
    assert "feedback text is required" in field_error(empty.text, "feedback-text").lower()


def test_contacts(browser: Browser) -> None:
    app_id = browser.add_application()
    added = browser.post(
        f"/applications/{app_id}/contacts",
        {"name": "Jonas Ekström", "role": "hiring_manager", "email": "j@x.io"},
    )
    assert added.status_code == 303
    assert "Jonas Ekström" in browser.get(f"/applications/{app_id}").text
    bad = browser.post(f"/applications/{app_id}/contacts", {"name": "X", "email": "nope"})
    assert "is not an address" in field_error(bad.text, "contact-email")


def test_board_move_without_javascript_redirects_home(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    moved = browser.post(f"/applications/{app_id}/move", {"move": "screen"})
    assert moved.status_code == 303 and moved.headers["location"] == "/"
    assert (
        '<p class="flash">Acme: Screen added as round 1 on 25 Nov 2026; it is now in '
        "Screening.</p>" in browser.get("/").text
    )
    assert _app(sqlite_app, app_id).status.value == "screening"


def test_board_moves_with_htmx_return_the_board(browser: Browser, sqlite_app: Nextround) -> None:
    app_id = browser.add_application()
    headers = {"HX-Request": "true", "HX-Target": "board"}
    for move, status in [("final_loop", "final_round"), ("offer", "offer"), ("accept", "accepted")]:
        response = browser.post(
            f"/applications/{app_id}/move", {"move": move, "confirm": "yes"}, headers=headers
        )
        assert response.status_code == 200
        assert response.text.lstrip().startswith('<section id="board"')
        assert _app(sqlite_app, app_id).status.value == status
    refused = browser.post(f"/applications/{app_id}/move", {"move": "screen"}, headers=headers)
    assert refused.status_code == 422
    assert "does not apply" in refused.text
    reopened = browser.post(f"/applications/{app_id}/move", {"move": "reopen"}, headers=headers)
    assert reopened.status_code == 200
    assert _app(sqlite_app, app_id).status.value == "final_round"


def test_board_move_that_breaks_a_rule_explains_on_the_card(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Later", "kind": "screen", "started_on": "2026-12-20"},
    )
    response = browser.post(f"/applications/{app_id}/move", {"move": "rejected", "confirm": "yes"})
    assert response.status_code == 422
    assert f'id="move-{app_id}-error"' in response.text
    assert "before the last round" in response.text
    assert _app(sqlite_app, app_id).status.value == "screening"
    assert '<option value="rejected" selected>' in response.text  # the choice is kept


def test_an_interview_held_in_another_time_zone(
    browser: Browser, sqlite_app: Nextround, local_zone
) -> None:
    from datetime import UTC, datetime

    local_zone("Europe/Amsterdam")
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Screen", "kind": "screen", "started_on": "2026-10-20"},
    )
    bad = browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "1", "title": "Call", "scheduled_at": "2026-10-20T10:00", "time_zone": "NYC"},
    )
    assert bad.status_code == 422
    assert "&#39;NYC&#39; is not a known time zone" in field_error(
        bad.text, "new-interview-1-time-zone"
    )
    assert input_value(bad.text, "new-interview-1-scheduled-at") == "2026-10-20T10:00"
    assert input_value(bad.text, "new-interview-1-time-zone") == "NYC"
    assert _app(sqlite_app, app_id).ordered_rounds[0].interviews == []

    created = browser.post(
        f"/applications/{app_id}/interviews",
        {
            "round": "1",
            "title": "Call",
            "scheduled_at": "2026-10-20T10:00",
            "time_zone": "america/new york",
        },
    )
    assert created.status_code == 303
    interview = _app(sqlite_app, app_id).ordered_rounds[0].interviews[0]
    assert interview.time_zone == "America/New_York"
    assert interview.scheduled_at == datetime(2026, 10, 20, 14, tzinfo=UTC)
    page = browser.get(f"/applications/{app_id}/forms/new-interview-1").text
    assert "Tue 20 Oct 2026, 16:00 (10:00 New York time)" in page
    # The edit form is on the interview's clock, so saving it unchanged changes nothing.
    form = browser.get(f"/applications/{app_id}?form=interview-{interview.id}").text
    assert input_value(form, f"interview-{interview.id}-scheduled-at") == "2026-10-20T10:00"
    assert input_value(form, f"interview-{interview.id}-time-zone") == "America/New_York"
    assert 'option value="Asia/Kolkata"' in form  # the zone suggestions
    # ... of places only: not this machine's setting, nor the tz database's placeholder.
    assert 'option value="localtime"' not in form and 'option value="Factory"' not in form
    browser.post(
        f"/interviews/{interview.id}",
        {
            "title": "Call",
            "format": "behavioural",
            "scheduled_at": "2026-10-20T10:00",
            "time_zone": "America/New_York",
        },
    )
    again = _app(sqlite_app, app_id).ordered_rounds[0].interviews[0]
    assert again.scheduled_at == interview.scheduled_at
    # Clearing the zone alone keeps the moment, now shown on the user's own clock.
    browser.post(
        f"/interviews/{interview.id}",
        {"title": "Call", "format": "behavioural", "scheduled_at": "2026-10-20T10:00"},
    )
    local = _app(sqlite_app, app_id).ordered_rounds[0].interviews[0]
    assert local.time_zone is None
    assert local.scheduled_at == interview.scheduled_at
    # A new time beside it is read on the user's own clock.
    browser.post(
        f"/interviews/{interview.id}",
        {"title": "Call", "format": "behavioural", "scheduled_at": "2026-10-20T10:30"},
    )
    moved = _app(sqlite_app, app_id).ordered_rounds[0].interviews[0]
    assert moved.scheduled_at == datetime(2026, 10, 20, 8, 30, tzinfo=UTC)


def test_a_new_time_zone_alone_keeps_the_moment_as_the_command_line_does(
    browser: Browser, sqlite_app: Nextround, local_zone
) -> None:
    from datetime import UTC, datetime

    local_zone("UTC")
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Final", "kind": "final_loop", "started_on": "2026-10-05"},
    )
    panel = {"title": "Panel with the US team", "format": "behavioural"}
    browser.post(
        f"/applications/{app_id}/interviews",
        {
            **panel,
            "round": "1",
            "scheduled_at": "2026-10-05T09:00",
            "time_zone": "America/New_York",
        },
    )
    [interview] = _app(sqlite_app, app_id).ordered_rounds[0].interviews
    assert interview.scheduled_at == datetime(2026, 10, 5, 13, tzinfo=UTC)
    # The form says what a new zone alone does, before anything is saved.
    form = browser.get(f"/applications/{app_id}?form=interview-{interview.id}").text
    hint = re.search(rf'id="interview-{interview.id}-time-zone-hint">([^<]*)<', form)
    assert hint and "A new zone alone keeps the moment (Mon 5 Oct 2026, 13:00 your time)" in (
        hint.group(1)
    )

    # The QA's steps: only the zone changes, the time is sent back as the form showed it.
    saved = browser.post(
        f"/interviews/{interview.id}",
        {**panel, "scheduled_at": "2026-10-05T09:00", "time_zone": "Europe/London"},
    )
    assert saved.status_code == 303
    [kept] = _app(sqlite_app, app_id).ordered_rounds[0].interviews
    assert (kept.time_zone, kept.scheduled_at) == ("Europe/London", interview.scheduled_at)
    page = browser.get(saved.headers["location"]).text
    assert (
        "Saved the interview Panel with the US team, "
        "on Mon 5 Oct 2026, 13:00 (14:00 London time)." in page
    )

    # Both changed: the new time is read on the new zone's clock, as with --at and --tz.
    browser.post(
        f"/interviews/{interview.id}",
        {**panel, "scheduled_at": "2026-10-06T09:00", "time_zone": "America/New_York"},
    )
    [moved] = _app(sqlite_app, app_id).ordered_rounds[0].interviews
    assert moved.scheduled_at == datetime(2026, 10, 6, 13, tzinfo=UTC)


def test_a_list_typed_one_per_line_breaks_only_at_line_ends() -> None:
    from starlette.datastructures import ImmutableMultiDict

    from nextround.web.forms import FormReader

    typed = "Why this role?\r\nHow would this\u2028flow fail?\r\n\r\n  Who owns it?  "
    reader = FormReader("debrief", ImmutableMultiDict({"questions": typed}))
    assert reader.lines("questions") == [
        "Why this role?",
        "How would this\u2028flow fail?",
        "Who owns it?",
    ]


def test_the_interview_form_offers_system_design_and_coding_and_stores_them(
    browser: Browser, sqlite_app: Nextround
):
    # QA9 F4: an engineer's loop has system-design and coding interviews, not "technical".
    app_id = browser.add_application()
    data = {"name": "Onsite", "kind": "final_loop", "started_on": "2026-10-05"}
    assert browser.post(f"/applications/{app_id}/rounds", data).status_code == 303
    page = browser.get(f"/applications/{app_id}/forms/new-interview-1").text
    assert re.search(r'<option value="system_design"[^>]*>System design</option>', page)
    assert re.search(r'<option value="coding"[^>]*>Coding</option>', page)
    for title, fmt in (("Design a scheduler", "system_design"), ("Concurrency", "coding")):
        sent = {"round": "1", "title": title, "format": fmt}
        assert browser.post(f"/applications/{app_id}/interviews", sent).status_code == 303
    with sqlite_app.uow() as uow:
        [round_] = uow.applications.get(app_id).rounds
        assert [i.format.value for i in round_.sorted_interviews] == ["system_design", "coding"]


def test_the_add_application_form_sent_twice_at_once_saves_one(browser: Browser) -> None:
    """QA21 F2: Enter pressed twice sent the form twice; both presses open the one saved."""
    fields = {"company": "Cera Care", "role_title": "Head of Data", "applied_on": "2026-11-05"}
    first = browser.post("/applications", fields)
    second = browser.post("/applications", fields)
    assert first.status_code == second.status_code == 303
    assert first.headers["location"] == second.headers["location"]
    page = browser.get(second.headers["location"]).text
    assert "it is saved once" in page
    # A second application that differs in anything is a second application.
    third = browser.post("/applications", {**fields, "level": "Head"})
    assert third.headers["location"] != first.headers["location"]
    with browser.client.app.state.nextround.uow() as uow:  # type: ignore[attr-defined]
        assert sum(a.company == "Cera Care" for a in uow.applications.all()) == 2
