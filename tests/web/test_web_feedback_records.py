"""All feedback in one list, feedback about no application, and one item corrected or deleted."""

from __future__ import annotations

import re

from nextround.bootstrap import Nextround
from nextround.domain.feedback import Feedback, FeedbackSource
from tests.web.conftest import Browser, field_error
from tests.web.test_web_feedback import TEXT, picks

MENTOR = "Your weekly stakeholder updates are a model. The risk register was thin."


def _items(nextround: Nextround) -> list[Feedback]:
    with nextround.uow() as uow:
        return uow.feedback.list()


def _statement_state(nextround: Nextround, feedback_id: int) -> list[tuple[str, bool, list[str]]]:
    with nextround.uow() as uow:
        return [
            (s.text, s.confirmed, list(s.competencies))
            for s in uow.statements.for_feedback(feedback_id)
        ]


def _general(browser: Browser, **fields: str):  # type: ignore[no-untyped-def]
    data = {"text": MENTOR, "source": "mentor", "author": "Søren", "received_on": "2026-10-12"}
    return browser.post("/feedback/new/preview", {**data, **fields})


def _app_feedback(browser: Browser, nextround: Nextround) -> tuple[int, Feedback]:
    """An application with a round and an interview, and feedback on it, confirmed as shown."""
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Final loop", "kind": "final_loop", "started_on": "2026-10-05"},
    )
    browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "1", "title": "Whiteboard", "scheduled_at": "2026-10-05T10:00"},
    )
    data = {"text": TEXT, "source": "interviewer", "received_on": "2026-10-10", "round": "1"}
    fields = picks(browser.post(f"/applications/{app_id}/feedback/preview", data).text)
    fields["s1-competency"] = "communication"
    fields["s2-competency"] = "process-design"
    saved = browser.post(f"/applications/{app_id}/feedback", {**data, **fields})
    assert saved.status_code == 303, saved.text
    (item,) = _items(nextround)
    return app_id, item


def test_feedback_about_no_application_is_previewed_then_saved(
    browser: Browser, sqlite_app: Nextround
) -> None:
    page = browser.get("/feedback/all").text
    assert "No feedback yet" in page and 'action="/feedback/new"' in page
    # The preview shows the statements and stores nothing.
    preview = _general(browser)
    assert preview.status_code == 200
    assert "2 statements: confirm or correct each" in preview.text
    assert "About the round" not in preview.text  # no process, so no round to pick
    assert _items(sqlite_app) == []
    htmx = browser.post(
        "/feedback/new/preview",
        {"text": MENTOR, "source": "mentor"},
        headers={"HX-Request": "true", "HX-Target": "feedback-form"},
    )
    assert re.match(r'<form [^>]*action="/feedback/new"', htmx.text.lstrip())
    assert "<html" not in htmx.text
    fields = picks(preview.text)
    fields["s1-competency"] = "stakeholder-management"
    fields["s2-competency"] = "risk-management"
    fields["s2-polarity"] = "gap"
    data = {"text": MENTOR, "source": "mentor", "author": "Søren", "received_on": "2026-10-12"}
    saved = browser.post("/feedback/new", {**data, **fields, "confirm": "all"})
    assert saved.status_code == 303
    (item,) = _items(sqlite_app)
    assert saved.headers["location"] == f"/feedback/{item.id}"
    assert item.application_id is None and item.source is FeedbackSource.MENTOR
    assert _statement_state(sqlite_app, item.id or 0)[1][1:] == (True, ["risk-management"])
    shown = browser.get(saved.headers["location"]).text
    assert "confirmed its 2 statements" in shown
    assert "Mentor · Søren · about no application" in shown
    assert 'href="/profile/risk-management">Risk management</a>' in shown
    listed = browser.get("/feedback/all").text
    assert "1 piece of feedback." in listed and "about no application" in listed
    # It counts in the profile like any other feedback.
    assert "The risk register was thin." in browser.get("/profile/risk-management").text


def test_feedback_about_no_application_is_checked_like_any_other(
    browser: Browser, sqlite_app: Nextround
) -> None:
    empty = _general(browser, text="  ")
    assert empty.status_code == 422
    assert "Feedback text is required" in (field_error(empty.text, "feedback-text") or "")
    assert 'value="Søren"' in empty.text  # what was typed is kept
    future = _general(browser, received_on="2027-01-01")
    assert future.status_code == 422
    assert "future" in (field_error(future.text, "feedback-received-on") or "")
    fields = picks(_general(browser).text)
    for name in ("s1-competency", "s1-none"):
        fields.pop(name, None)
    # Saved without a verdict on a statement: that one waits, the other is confirmed.
    unpicked = browser.post("/feedback/new", {"text": MENTOR, "source": "mentor", **fields})
    assert unpicked.status_code == 303
    assert "1 with no competency chosen waits for your review" in (
        browser.get(unpicked.headers["location"]).text
    )
    [item] = _items(sqlite_app)
    assert [confirmed for _, confirmed, _ in _statement_state(sqlite_app, item.id or 0)] == [
        False,
        True,
    ]


def test_all_feedback_lists_every_item_newest_first_with_where_it_was_heard(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, item = _app_feedback(browser, sqlite_app)
    fields = picks(_general(browser).text)
    data = {"text": MENTOR, "source": "mentor", "received_on": "2026-11-01", **fields}
    # Saved for review later: its statements wait in the inbox.
    assert browser.post("/feedback/new", {**data, "confirm": "changed"}).status_code == 303
    listed = browser.get("/feedback/all").text
    assert "2 pieces of feedback" in listed
    assert listed.index("1 Nov 2026") < listed.index("10 Oct 2026")  # newest first
    assert f'href="/applications/{app_id}#feedback-{item.id}">Acme · Final loop</a>' in listed
    assert "2 statements, all confirmed" in listed
    assert '2 statements, <a class="to-review" href="/feedback">2 to review</a>' in listed
    # The application page links each item to its own page.
    detail = browser.get(f"/applications/{app_id}").text
    assert f'href="/feedback/{item.id}">Correct or delete' in detail
    # The two views of feedback link to each other.
    assert 'href="/feedback/all"' in browser.get("/feedback").text
    assert re.search(r'href="/feedback"[^>]*>To review', listed)


def test_feedback_is_corrected_on_its_page_and_keeps_its_verdicts(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, item = _app_feedback(browser, sqlite_app)
    before = _statement_state(sqlite_app, item.id or 0)
    page = browser.get(f"/feedback/{item.id}").text
    assert re.search(r'<option value="interviewer" selected>', page)
    assert re.search(rf'<option value="{app_id}" selected>Acme — TPM \(applied 1 Oct 2026', page)
    assert re.search(r'<option value="round-1" selected>Round 1: Final loop', page)
    assert '<option value="interview-' in page and "— Whiteboard</option>" in page
    assert "Communication: clarity and concision</a>" in page and "· confirmed" in page
    fields = {
        "source": "hiring_manager",
        "author": "Maya Lindgren",
        "received_on": "2026-10-11",
        "application": str(app_id),
        "part": "",
    }
    saved = browser.post(f"/feedback/{item.id}", fields)
    assert saved.status_code == 303 and saved.headers["location"] == f"/feedback/{item.id}"
    assert (
        "Saved: hiring manager feedback (Maya Lindgren) of 11 Oct 2026, about Acme. "
        "Its 2 statements count that way in your profile now."
    ) in browser.get(saved.headers["location"]).text
    (edited,) = _items(sqlite_app)
    assert edited.source is FeedbackSource.HIRING_MANAGER and edited.author == "Maya Lindgren"
    assert edited.round_id is None and edited.application_id == app_id
    assert str(edited.received_on) == "2026-10-11"
    assert _statement_state(sqlite_app, item.id or 0) == before  # words and verdicts kept
    # The same form again changes nothing, and says so.
    again = browser.post(f"/feedback/{item.id}", fields)
    assert "Nothing to change" in browser.get(again.headers["location"]).text
    # A blank name removes it; an interview pins its round.
    interview = browser.get(f"/applications/{app_id}").text
    interview_id = re.search(r'id="interview-(\d+)"', interview).group(1)  # type: ignore[union-attr]
    moved = {**fields, "author": "", "part": f"interview-{interview_id}"}
    assert browser.post(f"/feedback/{item.id}", moved).status_code == 303
    (edited,) = _items(sqlite_app)
    assert edited.author is None and edited.interview_id == int(interview_id)
    assert edited.round_id is not None


def test_feedback_moves_to_another_application_or_to_none(
    browser: Browser, sqlite_app: Nextround
) -> None:
    _, item = _app_feedback(browser, sqlite_app)
    other = browser.add_application(company="Globex", applied_on="2026-09-01")
    fields = {"source": "interviewer", "received_on": "2026-10-10", "application": str(other)}
    # The round of the old process does not come along: it is about Globex's whole process.
    moved_to = browser.post(f"/feedback/{item.id}", {**fields, "part": "round-1"})
    assert moved_to.status_code == 303
    shown = browser.get(moved_to.headers["location"]).text
    assert "Moved, it is about that whole process now" in shown
    (moved,) = _items(sqlite_app)
    assert moved.application_id == other and moved.round_id is None
    assert "Globex" in browser.get(f"/feedback/{item.id}").text
    detached = browser.post(f"/feedback/{item.id}", {**fields, "application": ""})
    assert "about no application" in browser.get(detached.headers["location"]).text
    assert _items(sqlite_app)[0].application_id is None


def test_a_bad_correction_changes_nothing_and_says_what_to_fix(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, item = _app_feedback(browser, sqlite_app)
    base = {"source": "interviewer", "application": str(app_id)}
    cases = {
        "2026-09-01": ("edit-feedback-received-on", "predates the application"),
        "2027-02-01": ("edit-feedback-received-on", "future"),
        "1o/10/26": ("edit-feedback-received-on", "not a date"),  # a letter o for a 0
        "": ("edit-feedback-received-on", "Give the date"),
    }
    for received_on, (field, words) in cases.items():
        response = browser.post(f"/feedback/{item.id}", {**base, "received_on": received_on})
        assert response.status_code == 422, received_on
        assert words in (field_error(response.text, field) or ""), received_on
        assert f'value="{received_on}"' in response.text  # the input is kept
    gone = browser.post(
        f"/feedback/{item.id}", {**base, "received_on": "2026-10-10", "application": "999"}
    )
    assert gone.status_code == 422
    error = field_error(gone.text, "edit-feedback-application") or ""
    assert "That application no longer exists; pick another" in error
    for part, words in (
        ("round-x", "is not a round or an interview"),
        ("round-9", "is not part of application"),
    ):
        bad = browser.post(
            f"/feedback/{item.id}", {**base, "received_on": "2026-10-10", "part": part}
        )
        assert bad.status_code == 422, part
        assert words in (field_error(bad.text, "edit-feedback-part") or ""), part
    bad_source = browser.post(
        f"/feedback/{item.id}", {**base, "received_on": "2026-10-10", "source": "oracle"}
    )
    assert "not one of" in (field_error(bad_source.text, "edit-feedback-source") or "")
    (unchanged,) = _items(sqlite_app)
    assert str(unchanged.received_on) == "2026-10-10" and unchanged.application_id == app_id
    assert browser.get("/feedback/999").status_code == 404
    assert browser.post("/feedback/999", base).status_code == 404


def test_feedback_is_deleted_from_its_page_after_confirming(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, item = _app_feedback(browser, sqlite_app)
    page = browser.get(f"/feedback/{item.id}").text
    assert f'action="/feedback/{item.id}/delete"' in page
    assert "Yes, delete it and its 2 statements" in page
    refused = browser.post(f"/feedback/{item.id}/delete", {})
    assert refused.status_code == 422
    error = field_error(refused.text, f"delete-feedback-{item.id}-confirm") or ""
    assert "tick the box" in error.lower()
    assert len(_items(sqlite_app)) == 1
    done = browser.post(f"/feedback/{item.id}/delete", {"confirm": "1"})
    assert done.status_code == 303
    assert done.headers["location"] == f"/applications/{app_id}#feedback"
    assert (
        "Deleted the feedback of 10 Oct 2026 and its 2 statements."
        in browser.get(done.headers["location"]).text
    )
    assert _items(sqlite_app) == []
    with sqlite_app.uow() as uow:
        assert uow.statements.for_feedback(item.id or 0) == []
    assert browser.post(f"/feedback/{item.id}/delete", {"confirm": "1"}).status_code == 404
    # Feedback about no application goes back to the list of all feedback.
    fields = picks(_general(browser).text)
    fields.update({"s1-none": "1", "s2-none": "1"})
    data = {"text": MENTOR, "source": "mentor", "received_on": "2026-10-12", **fields}
    browser.post("/feedback/new", data)
    (general,) = _items(sqlite_app)
    gone = browser.post(f"/feedback/{general.id}/delete", {"confirm": "1"})
    assert gone.headers["location"] == "/feedback/all"


def test_feedback_pages_need_the_token(browser: Browser, sqlite_app: Nextround) -> None:
    _, item = _app_feedback(browser, sqlite_app)
    for path in ("/feedback/new/preview", "/feedback/new", f"/feedback/{item.id}"):
        response = browser.client.post(path, data={"text": MENTOR, "received_on": "2026-10-01"})
        assert response.status_code == 403, path
    assert len(_items(sqlite_app)) == 1 and _items(sqlite_app)[0].source.value == "interviewer"


def test_evidence_in_the_profile_opens_the_feedback_it_was_heard_in(
    browser: Browser, sqlite_app: Nextround
) -> None:
    _, item = _app_feedback(browser, sqlite_app)
    with sqlite_app.uow() as uow:
        first = uow.statements.for_feedback(item.id or 0)[0]
    page = browser.get("/profile/communication").text
    assert f'<a href="/feedback/statements/{first.id}"' in page
    opened = browser.get(f"/feedback/statements/{first.id}", follow_redirects=False)
    assert opened.status_code == 303
    assert opened.headers["location"] == f"/feedback/{item.id}#statement-{first.id}"
    assert f'id="statement-{first.id}"' in browser.get(f"/feedback/{item.id}").text
    assert browser.get("/feedback/statements/99999").status_code == 404


def test_a_statement_to_review_is_found_on_whichever_inbox_page_it_waits(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    data = {"text": TEXT, "source": "interviewer", "received_on": "2026-10-10"}
    fields = picks(browser.post(f"/applications/{app_id}/feedback/preview", data).text)
    for _ in range(11):  # 22 statements: two inbox pages of 20
        saved = browser.post(
            f"/applications/{app_id}/feedback", {**data, **fields, "confirm": "changed"}
        )
        assert saved.status_code == 303
    last = _items(sqlite_app)[-1]
    with sqlite_app.uow() as uow:
        waiting = uow.statements.for_feedback(last.id or 0)[-1]
    assert f'id="statement-{waiting.id}"' not in browser.get("/feedback").text
    # Links to it carry its id, and the inbox opens the page it is on.
    item_page = browser.get(f"/feedback/{last.id}").text
    assert f'href="/feedback?statement={waiting.id}#statement-{waiting.id}"' in item_page
    page = browser.get(f"/feedback?statement={waiting.id}").text
    assert f'id="statement-{waiting.id}"' in page and "Page 2 of 2" in page
    # One that no longer waits opens the first page.
    assert "Page 1 of 2" in browser.get("/feedback?statement=99999").text


def test_feedback_that_is_all_template_offers_no_split(
    browser: Browser, sqlite_app: Nextround
) -> None:
    # QA13 F11: a page that says nothing reads as feedback offers no "Split and map it".
    from nextround.services.feedback import add_feedback

    text = "Thank you for applying. Unfortunately we won't be moving forward at this time."
    with sqlite_app.uow() as uow:
        item = add_feedback(uow, text, FeedbackSource.RECRUITER)
    page = browser.get(f"/feedback/{item.id}").text
    assert "Nothing in it reads as feedback (only thanks, courtesy, talk about the" in page
    assert f'action="/feedback/{item.id}/map"' not in page
    assert "Not split into statements yet" not in page


def test_feedback_stored_without_mapping_is_split_from_its_page(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from nextround.services.feedback import add_feedback

    with sqlite_app.uow() as uow:
        item = add_feedback(uow, MENTOR, FeedbackSource.MENTOR)
    page = browser.get(f"/feedback/{item.id}").text
    assert "Not split into statements yet: it was stored without mapping" in page
    assert f'action="/feedback/{item.id}/map"' in page
    done = browser.post(f"/feedback/{item.id}/map", {})
    assert done.status_code == 303
    assert (
        "Split into 2 statements; they wait for your review"
        in browser.get(done.headers["location"]).text
    )
    assert [(text, confirmed) for text, confirmed, _ in _statement_state(sqlite_app, item.id)] == [
        ("Your weekly stakeholder updates are a model.", False),
        ("The risk register was thin.", False),
    ]
    page = browser.get(f"/feedback/{item.id}").text
    assert f'action="/feedback/{item.id}/map"' not in page
    again = browser.post(f"/feedback/{item.id}/map", {})
    assert (
        "already split into 2 statements; see them on its page"
        in browser.get(again.headers["location"]).text
    )
    assert len(_statement_state(sqlite_app, item.id)) == 2  # not split twice
    assert browser.client.post(f"/feedback/{item.id}/map").status_code == 403  # token


def test_feedback_stored_without_mapping_says_when_it_repeats_earlier_feedback(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from nextround.services.feedback import add_feedback

    with sqlite_app.uow() as uow:
        first = add_feedback(uow, MENTOR, FeedbackSource.MENTOR)
        again = add_feedback(uow, MENTOR, FeedbackSource.MENTOR)
    assert browser.post(f"/feedback/{first.id}/map", {}).status_code == 303
    done = browser.post(f"/feedback/{again.id}/map", {})
    page = " ".join(browser.get(done.headers["location"]).text.split())
    assert "Split into 2 statements; they wait for your review in Feedback." in page
    assert f"this text is identical to feedback {first.id}" in page
    assert f"delete this one (feedback {again.id})" in page


def test_the_application_timeline_quotes_a_long_feedback_and_links_to_the_whole(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from datetime import date

    from nextround.services.feedback import add_feedback

    email = (
        "Hi Zoë,\n\nThank you for your time over the past few weeks.\n\n"
        "The panel felt your stakeholder management was excellent: you aligned three "
        "directors on the migration plan with real clarity. However, your answers on risk "
        "management stayed at a high level, and the panel could not see how you would "
        "mitigate risks early. In the design exercise the flow you drew missed the loops.\n\n"
        "We chose a candidate with more regulated experience. Best regards,\nMaya\n"
    )
    app_id = browser.add_application()
    with sqlite_app.uow() as uow:
        item = add_feedback(
            uow,
            email,
            FeedbackSource.RECRUITER,
            received_on=date(2026, 10, 10),
            application_id=app_id,
        )
    page = browser.get(f"/applications/{app_id}").text
    timeline = " ".join(page[page.index('id="timeline"') : page.index('id="feedback"')].split())
    assert "…The panel felt your stakeholder management was excellent" in timeline
    assert "Hi Zoë" not in timeline and "Best regards" not in timeline
    assert f'<a href="#feedback-{item.id}">Read all of it' in timeline
    # The whole of it is on the same page, under Feedback, where the link leads.
    whole = page[page.index(f'id="feedback-{item.id}"') :]
    assert "Best regards," in whole[: whole.index("</blockquote>")]


def test_a_confirmed_verdict_opens_as_it_stands_and_changes_only_when_saved(
    browser: Browser, sqlite_app: Nextround
) -> None:
    import html as html_text

    _, item = _app_feedback(browser, sqlite_app)
    before = _statement_state(sqlite_app, item.id or 0)
    (first, second) = before
    assert first[1] and first[2] == ["communication"]
    with sqlite_app.uow() as uow:
        statement = uow.statements.for_feedback(item.id or 0)[0]
    statement_id, polarity = statement.id, statement.polarity.value
    page = browser.get(f"/feedback/{item.id}").text
    change = f"/feedback/{item.id}?change={statement_id}"
    assert f'href="{change}"' in page
    # One per confirmed statement, each naming its statement to a screen reader.
    assert page.count('>Change your verdict<span class="sr-only"> on statement ') == 2
    assert f"/feedback/statements/{statement_id}/again" not in page
    # Opened, the verdict as it stands is ticked, the focus on it; nothing has changed.
    opened = browser.get(change).text
    form = opened[
        opened.index('class="change-verdict"') : opened.index(
            "</form>", opened.index('class="change-verdict"')
        )
    ]
    assert f'action="/feedback/statements/{statement_id}/verdict"' in opened
    assert 'value="communication" checked autofocus' in form
    assert f'<option value="{polarity}" selected>' in form
    assert 'name="none" value="1" checked' not in form
    cancel = f'href="/feedback/{item.id}?at={statement_id}">Cancel</a>'
    assert cancel in form
    assert _statement_state(sqlite_app, item.id or 0) == before
    # A page from before (its button posted to /again) opens it too, and undoes nothing.
    stale = browser.post(f"/feedback/statements/{statement_id}/again", {})
    assert stale.headers["location"] == change
    assert _statement_state(sqlite_app, item.id or 0) == before
    # Left as it was (Cancel), the statement takes the focus back and nothing changes.
    back = browser.get(f"/feedback/{item.id}?at={statement_id}").text
    assert f'<li id="statement-{statement_id}" tabindex="-1" autofocus>' in back
    # Saved with nothing chosen: refused, in place, and the verdict stays.
    refused = browser.post(f"/feedback/statements/{statement_id}/verdict", {"polarity": "gap"})
    assert refused.status_code == 422
    assert "No competency is chosen for this statement yet" in html_text.unescape(refused.text)
    assert _statement_state(sqlite_app, item.id or 0) == before
    # Saved: the new verdict, and the other statement keeps its own.
    saved = browser.post(
        f"/feedback/statements/{statement_id}/verdict",
        {"competency": ["communication", "process-design"], "polarity": "strength"},
    )
    assert saved.status_code == 303
    assert saved.headers["location"] == f"/feedback/{item.id}?at={statement_id}"
    shown = html_text.unescape(browser.get(saved.headers["location"]).text)
    assert "Changed your verdict: Communication: clarity and concision, " in shown
    after = _statement_state(sqlite_app, item.id or 0)
    assert after[0][1] and after[0][2] == ["communication", "process-design"]
    assert after[1] == second
    with sqlite_app.uow() as uow:
        assert uow.statements.get(statement_id).polarity.value == "strength"


def test_feedback_pasted_again_about_no_application_is_named_and_never_confirmed(
    browser: Browser, sqlite_app: Nextround
) -> None:
    import html as html_text

    _app_feedback(browser, sqlite_app)  # TEXT, confirmed on an application
    # The same words pasted again from All feedback, with one new point: about no application.
    again = f"{TEXT} The risk register had no mitigations."
    preview = html_text.unescape(_general(browser, text=again).text)
    note = "This feedback: 2 of its 3 statements are already in feedback 1 (received 2026-10-10)."
    assert note in preview
    assert preview.count("Already in feedback 1: saved unconfirmed, whatever is ticked.") == 2
    fields = picks(preview)
    fields |= {"s1-competency": "communication", "s2-competency": "process-design"}
    fields |= {"s3-competency": "risk-management"}
    data = {"text": again, "source": "mentor", "author": "Søren", "received_on": "2026-10-12"}
    saved = browser.post("/feedback/new", {**data, **fields, "confirm": "all"})
    assert saved.status_code == 303, saved.text
    page = " ".join(html_text.unescape(browser.get(saved.headers["location"]).text).split())
    assert "Saved the feedback word for word, and confirmed 1 of its 3." in page
    assert "Note: 2 of its 3 statements are already in feedback 1 (received 2026-10-10)" in page
    # The repeated statements wait, left out of the profile; only the new point counts.
    assert [confirmed for _, confirmed, _ in _statement_state(sqlite_app, 2)] == [
        False,
        False,
        True,
    ]
    # Pasted once more, with nothing new: none of it is confirmed, and it says so plainly.
    data |= {"text": f"Dear Sam,\n\n{TEXT}", "author": "Sam"}
    fields = picks(_general(browser, text=data["text"], author="Sam").text)
    fields |= {"s1-competency": "communication", "s2-competency": "process-design"}
    saved = browser.post("/feedback/new", {**data, **fields, "confirm": "all"})
    page = " ".join(html_text.unescape(browser.get(saved.headers["location"]).text).split())
    assert "Saved the feedback word for word, and confirmed none of its 2." in page


def test_deleting_feedback_deletes_the_unsent_notes_quoting_it_and_keeps_sent_ones(
    browser: Browser, sqlite_app: Nextround
) -> None:
    """The question names both; the draft goes with the feedback's words, the letter sent stays."""
    from datetime import date

    from nextround.domain.notes import Note, Recipient, Tone

    app_id, item = _app_feedback(browser, sqlite_app)
    quoting = "I took to heart that the whiteboard flow lacked structure."
    with sqlite_app.uow() as uow:
        for subject, sent_on in (("Draft", None), ("Sent", date(2026, 10, 11))):
            uow.notes.add(
                Note(
                    application_id=app_id,
                    tone=Tone.AFTER_INTERVIEW,
                    subject=subject,
                    body=f"Dear Ana,\n\n{quoting}\n\nBest",
                    recipients=[Recipient("Ana")],
                    sent_on=sent_on,
                    created_at=uow.now(),
                    updated_at=uow.now(),
                )
            )
        uow.notes.add(
            Note(
                application_id=app_id,
                tone=Tone.AFTER_INTERVIEW,
                subject="Other",
                body="Dear Ana,\n\nThank you for your time.\n\nBest",
                recipients=[Recipient("Ana")],
                created_at=uow.now(),
                updated_at=uow.now(),
            )
        )
        uow.commit()
        draft, sent, other = (n.id for n in uow.notes.list(app_id))
    page = " ".join(browser.get(f"/feedback/{item.id}").text.split())
    assert f"Thank-you note {draft} (“Draft”) quotes it and is not sent: deleted with it." in page
    assert f"Thank-you note {sent} (“Sent”), already sent, quotes it: kept as you sent it." in page
    done = browser.post(f"/feedback/{item.id}/delete", {"confirm": "1"})
    assert done.status_code == 303
    assert (
        f"Deleted the unsent note {draft} that quoted it."
        in browser.get(done.headers["location"]).text
    )
    with sqlite_app.uow() as uow:
        assert [n.id for n in uow.notes.list(app_id)] == [sent, other]


def test_a_statement_naming_another_round_is_shown_there_and_filed_elsewhere_by_hand(
    browser: Browser, sqlite_app: Nextround
) -> None:
    # QA21 F11: Monzo's email praises the take-home (round 2) and is about round 3.
    app_id = browser.add_application(company="Monzo", applied_on="2026-09-01")
    for name, kind, day in (
        ("Recruiter screen", "screen", "2026-09-10"),
        ("Technical take-home", "take_home", "2026-09-20"),
        ("ML system design", "technical", "2026-10-05"),
    ):
        browser.post(
            f"/applications/{app_id}/rounds", {"name": name, "kind": kind, "started_on": day}
        )
    email = (
        "The panel were impressed by your take-home: the churn model was rigorous. In the ML "
        "system design interview you struggled to reason about serving latency."
    )
    data = {"text": email, "source": "recruiter", "received_on": "2026-10-16", "round": "3"}
    preview = browser.post(f"/applications/{app_id}/feedback/preview", data).text
    # Before saving, the preview says where each statement will be filed, as the review does.
    about = re.search(r'id="feedback-s1-round">([^<]*)<', preview)
    assert about is not None
    assert about.group(1) == "About round 2, Technical take-home (named in it)"
    assert 'id="feedback-s2-round"' not in preview  # the feedback's own round: nothing said
    fields = picks(preview)
    saved = browser.post(f"/applications/{app_id}/feedback", {**data, **fields})
    assert saved.status_code == 303, saved.text
    (item,) = _items(sqlite_app)
    with sqlite_app.uow() as uow:
        praise, concern = uow.statements.for_feedback(item.id or 0)
    page = browser.get(f"/feedback/{item.id}").text
    named = re.search(rf'id="statement-{praise.id}-named">([^<]*)<', page)
    assert named is not None and named.group(1) == "Named in it: round 2, Technical take-home"
    assert f'id="statement-{concern.id}-named"' not in page
    assert re.search(r'<option value="2" selected>round 2, Technical take-home</option>', page)
    moved = browser.post(f"/feedback/statements/{concern.id}/round", {"about_round": "1"})
    assert moved.status_code == 303
    after = browser.get(moved.headers["location"]).text
    assert "Filed under round 1: your profile and reports say so now." in after
    assert f'id="statement-{concern.id}-named">Named in it: round 1, Recruiter screen' in after
    wrong = browser.post(f"/feedback/statements/{concern.id}/round", {"about_round": "7"})
    assert "has no round 7" in browser.get(wrong.headers["location"]).text


def test_the_review_inbox_shows_the_round_a_statement_names_and_files_it_on_confirm(
    browser: Browser, sqlite_app: Nextround
) -> None:
    # QA21 F11: the inbox is where statements are reviewed; the round is chosen there too.
    from datetime import date

    from nextround.analysis.lexical import LexicalMapper
    from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
    from nextround.services.frameworks import active_framework

    app_id = browser.add_application(company="Monzo", applied_on="2026-09-01")
    for name, kind, day in (
        ("Technical take-home", "take_home", "2026-09-20"),
        ("ML system design", "technical", "2026-10-05"),
    ):
        browser.post(
            f"/applications/{app_id}/rounds", {"name": name, "kind": kind, "started_on": day}
        )
    with sqlite_app.uow() as uow:
        framework = active_framework(uow)
        _, (praise, _) = add_mapped_feedback(
            uow, "The panel were impressed by your take-home. The system design was shaky.",
            FeedbackSource.RECRUITER, lambda: LexicalMapper(framework), framework.id,
            received_on=date(2026, 10, 16), links=FeedbackLinks(app_id, round_position=2),
        )  # fmt: skip
    page = browser.get("/feedback").text
    key = f"statement-{praise.id}"
    assert f'id="{key}-named">Named in it: round 1, Technical take-home' in page
    confirmed = browser.post(
        f"/feedback/statements/{praise.id}",
        {"competency": "technical-depth", "polarity": "strength", "about_round": "0"},
    )
    assert confirmed.status_code == 303, confirmed.text
    with sqlite_app.uow() as uow:
        done = uow.statements.get(praise.id or 0)
    assert done.confirmed and done.round_id is None  # filed under the feedback's own round
