"""Deleting a round or an interview from the application page, behind a confirming tick."""

from __future__ import annotations

from datetime import date

from nextround.bootstrap import Nextround
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import Application
from nextround.services.debriefs import record_debrief
from nextround.services.feedback import add_feedback
from tests.web.conftest import Browser, field_error
from tests.web.test_web_feedback import picks


def _app(nextround: Nextround, app_id: int) -> Application:
    with nextround.uow() as uow:
        return uow.applications.get(app_id)


def _process(browser: Browser, nextround: Nextround) -> tuple[int, Application]:
    """Two rounds, both pending, the first with a debriefed interview and feedback heard in it."""
    app_id = browser.add_application()
    for name, kind, day in (
        ("Screen", "screen", "2026-10-05"),
        ("Loop", "final_loop", "2026-10-20"),
    ):
        browser.post(
            f"/applications/{app_id}/rounds",
            {"name": name, "kind": kind, "started_on": day, "keep_pending": "1"},
        )
    browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "1", "title": "Call <b>with</b> Maya", "format": "behavioural"},
    )
    app = _app(nextround, app_id)
    interview = app.ordered_rounds[0].interviews[0]
    with nextround.uow() as uow:
        add_feedback(
            uow, "Calm and clear.", FeedbackSource.RECRUITER, received_on=date(2026, 10, 6),
            application_id=app_id, interview_id=interview.id,
        )  # fmt: skip
        record_debrief(uow, interview.id or 0, 3)
    return app_id, app


def test_a_round_is_deleted_after_the_tick_and_its_feedback_is_kept(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, app = _process(browser, sqlite_app)
    screen = app.ordered_rounds[0]
    page = browser.get(f"/applications/{app_id}?form=delete-round-{screen.id}").text
    assert f'action="/rounds/{screen.id}/delete"' in page
    assert "Yes, delete round 1 (Screen) with its interview and its debrief<" in page

    refused = browser.post(f"/rounds/{screen.id}/delete", {})
    assert refused.status_code == 422
    error = field_error(refused.text, f"delete-round-{screen.id}-confirm") or ""
    assert "tick the box" in error.lower()
    assert len(_app(sqlite_app, app_id).rounds) == 2

    done = browser.post(f"/rounds/{screen.id}/delete", {"confirm": "1"})
    assert done.status_code == 303
    assert done.headers["location"] == f"/applications/{app_id}#process"
    shown = browser.get(done.headers["location"]).text
    assert "Deleted round 1 of Acme (Screen) with 1 interview and 1 debrief." in shown
    assert "1 feedback item heard in it stays, about the whole application." in shown
    left = _app(sqlite_app, app_id).ordered_rounds
    assert [(r.position, r.name) for r in left] == [(1, "Loop")]
    with sqlite_app.uow() as uow:
        (item,) = uow.feedback.list(app_id)
    assert (item.round_id, item.interview_id) == (None, None)
    assert browser.post(f"/rounds/{screen.id}/delete", {"confirm": "1"}).status_code == 404


def test_an_interview_is_deleted_and_its_feedback_filed_under_its_round(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, app = _process(browser, sqlite_app)
    screen = app.ordered_rounds[0]
    interview = screen.interviews[0]
    fragment = browser.get(
        f"/applications/{app_id}/forms/delete-interview-{interview.id}",
        headers={"HX-Request": "true"},
    )
    assert fragment.status_code == 200
    # The title is the user's own text: escaped, never markup.
    assert "Yes, delete Call &lt;b&gt;with&lt;/b&gt; Maya and its debrief" in fragment.text
    done = browser.post(f"/interviews/{interview.id}/delete", {"confirm": "1"})
    assert done.status_code == 303
    assert done.headers["location"] == f"/applications/{app_id}#round-{screen.id}"
    assert _app(sqlite_app, app_id).ordered_rounds[0].interviews == []
    with sqlite_app.uow() as uow:
        (item,) = uow.feedback.list(app_id)
    assert (item.round_id, item.interview_id) == (screen.id, None)


def test_deleting_needs_the_token(browser: Browser, sqlite_app: Nextround) -> None:
    app_id, app = _process(browser, sqlite_app)
    screen = app.ordered_rounds[0]
    for path in (f"/rounds/{screen.id}/delete", f"/interviews/{screen.interviews[0].id}/delete"):
        response = browser.client.post(path, data={"confirm": "1"})
        assert response.status_code == 403
    assert len(_app(sqlite_app, app_id).rounds) == 2


def test_forms_left_open_name_rounds_by_id_so_a_deletion_cannot_misfile(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, app = _process(browser, sqlite_app)
    screen, loop = app.ordered_rounds
    item_id = _feedback_id(sqlite_app, app_id)
    # Both forms were loaded before the deletion: they name their rounds by id.
    page = browser.get(f"/applications/{app_id}?form=new-interview-{loop.id}").text
    assert f'<input type="hidden" name="round" value="{loop.id}">' in page
    assert f'<option value="round-{loop.id}"' in browser.get(f"/feedback/{item_id}").text
    browser.post(f"/rounds/{screen.id}/delete", {"confirm": "1"})

    # The loop is round 1 now; the open form still adds to it, not to whatever is round 2.
    added = browser.post(
        f"/applications/{app_id}/interviews", {"round": str(loop.id), "title": "Panel"}
    )
    assert added.status_code == 303
    (only,) = _app(sqlite_app, app_id).ordered_rounds
    assert [i.title for i in only.interviews] == ["Panel"]
    gone = browser.post(
        f"/applications/{app_id}/interviews", {"round": str(screen.id), "title": "Lost"}
    )
    assert gone.status_code == 404
    assert [i.title for i in _app(sqlite_app, app_id).ordered_rounds[0].interviews] == ["Panel"]
    base = {"source": "recruiter", "received_on": "2026-10-21", "application": str(app_id)}
    stale = browser.post(f"/feedback/{item_id}", {**base, "part": f"round-{screen.id}"})
    assert stale.status_code == 422
    error = field_error(stale.text, "edit-feedback-part") or ""
    assert error.startswith(f"Round {screen.id} is not part of application {app_id} (deleted")
    filed = browser.post(f"/feedback/{item_id}", {**base, "part": f"round-{loop.id}"})
    assert filed.status_code == 303
    with sqlite_app.uow() as uow:
        assert uow.feedback.get(item_id).round_id == loop.id


def _feedback_id(nextround: Nextround, app_id: int) -> int:
    with nextround.uow() as uow:
        (item,) = uow.feedback.list(app_id)
    assert item.id is not None
    return item.id


def test_new_feedback_names_its_round_by_id_too(browser: Browser, sqlite_app: Nextround) -> None:
    app_id, app = _process(browser, sqlite_app)
    screen, loop = app.ordered_rounds
    page = browser.get(f"/applications/{app_id}?form=feedback").text
    assert f'<option value="{loop.id}">Round 2: Loop</option>' in page
    data = {"text": "Clear and calm.", "source": "recruiter", "received_on": "2026-10-21"}
    # Previewed while the screen existed, saved after it was deleted in another tab.
    preview = browser.post(
        f"/applications/{app_id}/feedback/preview", {**data, "round": str(screen.id)}
    )
    fields = {**data, "round": str(screen.id), **picks(preview.text)}
    for n in range(1, int(fields["statements"]) + 1):
        if f"s{n}-competency" not in fields:
            fields[f"s{n}-none"] = "1"  # about no competency: the review is not the point here
    browser.post(f"/rounds/{screen.id}/delete", {"confirm": "1"})
    stale = browser.post(f"/applications/{app_id}/feedback", fields)
    assert stale.status_code == 422
    error = field_error(stale.text, "feedback-round") or ""
    assert error.startswith(f"Round {screen.id} is not part of application {app_id}"), error
    with sqlite_app.uow() as uow:
        assert len(uow.feedback.list(app_id)) == 1  # only the one from before
    saved = browser.post(f"/applications/{app_id}/feedback", {**fields, "round": str(loop.id)})
    assert saved.status_code == 303
    with sqlite_app.uow() as uow:
        newest = max(uow.feedback.list(app_id), key=lambda f: f.id or 0)
    assert newest.round_id == loop.id


def test_a_rejection_says_which_rounds_it_closed_and_passes_those_the_process_went_on_from(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from tests.web.test_web_messages import messages

    app_id, _ = _process(browser, sqlite_app)
    done = browser.post(
        f"/applications/{app_id}/decision", {"outcome": "rejection", "decided_on": "2026-10-21"}
    )
    assert done.status_code == 303
    shown = messages(browser.get(done.headers["location"]).text)
    assert "Recorded the decision: rejection. Round 1 marked passed, round 2 rejected." in shown
    outcomes = [r.outcome.value for r in _app(sqlite_app, app_id).ordered_rounds]
    assert outcomes == ["passed", "rejected"]


def test_an_accepted_offer_says_accepted(browser: Browser, sqlite_app: Nextround) -> None:
    from tests.web.test_web_messages import messages

    app_id, _ = _process(browser, sqlite_app)
    done = browser.post(
        f"/applications/{app_id}/decision",
        {"outcome": "offer", "decided_on": "2026-10-21", "offer_response": "accepted"},
    )
    shown = messages(browser.get(done.headers["location"]).text)
    assert "Recorded the decision: offer, accepted." in shown


def test_a_round_and_an_interview_yet_to_happen_take_no_outcome_and_no_feedback(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Loop", "kind": "final_loop", "started_on": "2026-12-03"},
    )
    browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "1", "title": "System design", "scheduled_at": "2026-12-03T10:00"},
    )
    loop = _app(sqlite_app, app_id).ordered_rounds[0]
    interview = loop.interviews[0]
    passed = browser.post(
        f"/rounds/{loop.id}",
        {"name": "Loop", "kind": "final_loop", "started_on": "2026-12-03", "outcome": "passed"},
    )
    assert passed.status_code == 422
    error = field_error(passed.text, f"round-{loop.id}-outcome") or ""
    assert "starts on 2026-12-03, so it cannot be passed yet" in error
    heard = browser.post(
        f"/applications/{app_id}/feedback",
        {"text": "great system design", "interview": str(interview.id)},
    )
    assert heard.status_code == 422
    assert "not happened yet" in (field_error(heard.text, "feedback-interview") or "")
    assert _app(sqlite_app, app_id).ordered_rounds[0].outcome.value == "pending"


def test_the_decision_and_close_forms_call_off_the_interviews_still_to_come_and_keep_them(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from datetime import timedelta

    from tests.web.test_web_messages import messages

    soon = (sqlite_app.clock() + timedelta(days=5)).astimezone().replace(tzinfo=None)
    day = soon.date().isoformat()
    ids = []
    for company in ("Acme", "Orbitra"):
        app_id = browser.add_application(company=company)
        browser.post(
            f"/applications/{app_id}/rounds",
            {"name": "Loop", "kind": "final_loop", "started_on": "2026-10-05"},
        )
        title = f"Panel <i>at</i> {company}"
        loop = _app(sqlite_app, app_id).ordered_rounds[0]
        browser.post(
            f"/applications/{app_id}/interviews",
            {
                "round": str(loop.id),
                "title": title,
                "scheduled_at": soon.strftime("%Y-%m-%dT%H:%M"),
            },
        )
        ids.append(app_id)
    acme, orbitra = ids

    page = browser.get(f"/applications/{acme}?form=decision").text
    assert "Call off the interviews still to come" in page
    assert "Calls off the interview “Panel &lt;i&gt;at&lt;/i&gt; Acme” on " in page
    # Without the tick: refused, pointing at the tick, and the interview stays.
    refused = browser.post(
        f"/applications/{acme}/decision", {"outcome": "withdrawal", "decided_on": day[:8] + "01"}
    )
    assert refused.status_code == 422
    assert "tick “Call off the interviews still to come”" in refused.text
    assert len(_app(sqlite_app, acme).ordered_rounds[0].interviews) == 1

    today = sqlite_app.clock().astimezone().date().isoformat()
    done = browser.post(
        f"/applications/{acme}/decision",
        {"outcome": "withdrawal", "decided_on": today, "call_off": "1"},
    )
    assert done.status_code == 303
    shown = messages(browser.get(done.headers["location"]).text)
    assert "Recorded the decision: withdrawal. Round 1 marked withdrawn. Called off the " in shown
    assert "Panel &lt;i&gt;at&lt;/i&gt; Acme" in shown
    assert "The interview stays on record, marked called off." in shown
    # Kept, with its booked time, and shown as called off.
    (kept,) = _app(sqlite_app, acme).ordered_rounds[0].interviews
    assert kept.called_off and kept.scheduled_at is not None
    page = browser.get(f"/applications/{acme}").text
    assert '<span class="pill outcome-cancelled">Called off</span>' in page
    assert "Interview: Panel &lt;i&gt;at&lt;/i&gt; Acme (called off)" in page  # the timeline
    assert "It was called off and did not take place, so there is nothing to debrief" in page

    assert len(_app(sqlite_app, orbitra).ordered_rounds[0].interviews) == 1
    done = browser.post(
        f"/applications/{orbitra}/close", {"outcome": "rejection", "on": today, "call_off": "1"}
    )
    assert done.status_code == 303
    shown = messages(browser.get(done.headers["location"]).text)
    assert "Closed: rejected. Called off the interview “Panel &lt;i&gt;at&lt;/i&gt; Orbitra”" in (
        shown
    )
    assert [i.called_off for i in _app(sqlite_app, orbitra).ordered_rounds[0].interviews] == [True]
    # Nothing left to call off: the box is gone, and the dashboard has nothing coming.
    assert "No interviews scheduled." in browser.get("/").text
    assert "Call off the interviews" not in browser.get(f"/applications/{orbitra}").text


def test_an_interview_cannot_be_moved_after_the_feedback_heard_about_it(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, app = _process(browser, sqlite_app)  # feedback about "Call with Maya" on 2026-10-06
    interview = app.ordered_rounds[0].interviews[0]
    moved = browser.post(
        f"/interviews/{interview.id}",
        {"title": interview.title, "format": "behavioural", "scheduled_at": "2026-10-08T10:00"},
    )
    assert moved.status_code == 422
    error = field_error(moved.text, f"interview-{interview.id}-scheduled-at") or ""
    assert "would come after the feedback about it, received on 2026-10-06" in error
    assert _app(sqlite_app, app_id).ordered_rounds[0].interviews[0].scheduled_at is None


def test_an_interview_with_a_debrief_cannot_be_moved_to_a_time_still_to_come(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Loop", "kind": "final_loop", "started_on": "2026-10-20"},
    )
    browser.post(
        f"/applications/{app_id}/interviews",
        {"title": "Panel", "format": "behavioural", "scheduled_at": "2026-10-21T10:00"},
    )
    interview = _app(sqlite_app, app_id).ordered_rounds[0].interviews[0]
    with sqlite_app.uow() as uow:
        record_debrief(uow, interview.id or 0, 4)
    moved = browser.post(
        f"/interviews/{interview.id}",
        {"title": "Panel", "format": "behavioural", "scheduled_at": "2026-12-21T10:00"},
    )
    assert moved.status_code == 422
    field = f"interview-{interview.id}-scheduled-at"
    error = " ".join((field_error(moved.text, field) or "").split())
    assert "“Panel” has a debrief, so it has taken place and cannot move to 2026-12-21" in error
    assert "add it under “Add an interview” in its round" in error
    assert "nextround interview add" not in error  # the web's own remedy
    stored = _app(sqlite_app, app_id).ordered_rounds[0].interviews[0]
    assert stored.scheduled_at == interview.scheduled_at


def test_a_lost_round_says_the_process_is_still_open(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from tests.web.test_web_messages import messages

    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Loop", "kind": "final_loop", "started_on": "2026-10-05"},
    )
    loop = _app(sqlite_app, app_id).ordered_rounds[0]
    form = {"name": "Loop", "kind": "final_loop", "started_on": "2026-10-05"}
    done = browser.post(f"/rounds/{loop.id}", {**form, "outcome": "rejected"})
    shown = messages(browser.get(done.headers["location"]).text)
    assert '<p class="flash">Saved round 1: Loop.</p>' in shown
    assert "The application is still open. If this ended the process, record it under " in shown
    done = browser.post(f"/rounds/{loop.id}", {**form, "outcome": "passed"})
    assert "still open" not in messages(browser.get(done.headers["location"]).text)


def test_answering_an_offer_on_the_web_keeps_the_day_it_came(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from tests.web.test_web_messages import messages

    app_id = browser.add_application()
    offer = {"outcome": "offer", "decided_on": "2026-10-21", "offer_response": "pending"}
    browser.post(f"/applications/{app_id}/decision", offer)
    page = browser.get(f"/applications/{app_id}?form=decision").text
    assert "Answered on" in page
    done = browser.post(
        f"/applications/{app_id}/decision",
        {**offer, "offer_response": "accepted", "responded_on": "2026-10-25"},
    )
    assert done.status_code == 303
    assert "Recorded the decision: offer, accepted." in messages(
        browser.get(done.headers["location"]).text
    )
    decision = _app(sqlite_app, app_id).current_decision
    assert decision is not None
    assert (decision.decided_on, decision.responded_on) == (date(2026, 10, 21), date(2026, 10, 25))
    shown = browser.get(f"/applications/{app_id}").text
    assert "for the offer of" in shown
    refused = browser.post(
        f"/applications/{app_id}/decision",
        {**offer, "offer_response": "accepted", "responded_on": "2026-10-01"},
    )
    assert refused.status_code == 422
    error = field_error(refused.text, "decision-responded-on") or ""
    assert "The answer on 2026-10-01 is before the offer came, on 2026-10-21" in error


MOMENT = "Maya's follow-ups on re-baselining after the conveyor slip: clear answers."
QUOTING = "Dear Maya,\n\nI enjoyed our talk about re-baselining after the conveyor slip.\n\nBest"


def _notes(nextround: Nextround, app_id: int, sent: tuple[bool, ...]) -> list[int]:
    """Notes of ``app_id`` quoting MOMENT, sent or not; their ids in order."""
    from nextround.domain.notes import Note, Recipient, Tone

    with nextround.uow() as uow:
        for i, was_sent in enumerate(sent):
            uow.notes.add(
                Note(
                    application_id=app_id, tone=Tone.AFTER_INTERVIEW, subject=f"Thanks {i + 1}",
                    body=QUOTING, recipients=[Recipient("Maya")],
                    sent_on=date(2026, 10, 7) if was_sent else None,
                    created_at=uow.now(), updated_at=uow.now(),
                )
            )  # fmt: skip
        uow.commit()
        return [n.id or 0 for n in uow.notes.list(app_id)]


def test_the_delete_confirmations_name_the_drafts_going_and_the_sent_notes_kept(
    browser: Browser, sqlite_app: Nextround
) -> None:
    """As the command line's question: not a fixed hint."""
    app_id, app = _process(browser, sqlite_app)
    screen = app.ordered_rounds[0]
    interview = screen.interviews[0]
    with sqlite_app.uow() as uow:
        record_debrief(uow, interview.id or 0, 3, went_well=MOMENT, replace=True)
    draft, sent = _notes(sqlite_app, app_id, (False, True))
    going = (
        f"Thank-you note {draft} (“Thanks 1”) quotes it and is not sent: deleted with it. "
        f"Thank-you note {sent} (“Thanks 2”), already sent, quotes it: kept as you sent it."
    )
    for key in (f"delete-interview-{interview.id}", f"delete-round-{screen.id}"):
        fragment = browser.get(
            f"/applications/{app_id}/forms/{key}", headers={"HX-Request": "true"}
        ).text
        page = browser.get(f"/applications/{app_id}?form={key}").text
        for shown in (fragment, page):
            assert going in " ".join(shown.split()), key
    # Not ticked: the form comes back with the same words.
    refused = browser.post(f"/interviews/{interview.id}/delete", {})
    assert refused.status_code == 422
    assert going in " ".join(refused.text.split())
    assert "1 feedback item heard in it stays, about round 1." in refused.text
    done = browser.post(f"/interviews/{interview.id}/delete", {"confirm": "1"})
    assert going in " ".join(browser.get(done.headers["location"]).text.split())
    with sqlite_app.uow() as uow:
        assert [n.id for n in uow.notes.list(app_id)] == [sent]


def test_a_delete_form_asked_for_a_round_gone_shows_the_page(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, _ = _process(browser, sqlite_app)
    assert browser.get(f"/applications/{app_id}?form=delete-round-9999").status_code == 200
