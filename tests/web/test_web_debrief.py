"""The debrief form of an interview: overall, went well or badly, self-ratings, questions."""

from __future__ import annotations

from nextround.bootstrap import Nextround
from tests.web.conftest import Browser, field_error


def _interview(browser: Browser, when: str = "2026-10-05T10:00") -> tuple[int, int]:
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Final loop", "kind": "final_loop", "started_on": "2026-10-05"},
    )
    response = browser.post(
        f"/applications/{app_id}/interviews",
        {
            "round": "1",
            "title": "Whiteboard",
            "scheduled_at": when,
            "competencies": "risk-management, systems-thinking",
        },
    )
    assert response.status_code == 303, response.text
    return app_id, int(response.headers["location"].rsplit("-", 1)[1])


def _debrief(nextround: Nextround, interview_id: int):  # type: ignore[no-untyped-def]
    with nextround.uow() as uow:
        return uow.debriefs.for_interview(interview_id)


def test_debrief_form_loads_with_the_probed_competencies_first(browser: Browser) -> None:
    app_id, interview_id = _interview(browser)
    page = browser.get(f"/applications/{app_id}").text
    assert "Write the debrief" in page
    form = browser.get(
        f"/applications/{app_id}/forms/debrief-{interview_id}", headers={"HX-Request": "true"}
    ).text
    assert f'action="/interviews/{interview_id}/debrief"' in form
    probed = form[: form.index("Other competencies")]
    assert "<legend>Risk management</legend>" in probed
    assert "<legend>Systems thinking</legend>" in probed
    assert "How did it go overall?" in form and 'name="questions"' in form


def test_save_a_debrief_and_see_it_on_the_interview(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, interview_id = _interview(browser)
    response = browser.post(
        f"/interviews/{interview_id}/debrief",
        {
            "overall": "2",
            "went_well": "Clear opening",
            "went_badly": "Lost the thread on risks",
            "rating-risk-management": "2",
            "rating-systems-thinking": "3",
            "rating-communication": "4",
            "questions": "How would you find the risks?\n\nWhat breaks downstream?",
        },
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/applications/{app_id}#interview-{interview_id}"
    debrief = _debrief(sqlite_app, interview_id)
    assert debrief.overall == 2
    assert debrief.ratings == {"risk-management": 2, "systems-thinking": 3, "communication": 4}
    assert [q.text for q in debrief.questions] == [
        "How would you find the risks?",
        "What breaks downstream?",
    ]
    assert all(q.suggestions for q in debrief.questions)  # mapped to competencies
    page = browser.get(response.headers["location"]).text
    assert "Saved the debrief: 3 self-ratings and 2 questions." in page
    assert "not well overall (2/5)" in page and "Lost the thread on risks" in page
    assert "Edit the debrief" in page
    # The timeline has it too, right under its interview.
    start = page.index('id="timeline"')
    timeline = page[start : page.index("</ol>", start)]
    interview = timeline.index("Interview: Whiteboard</p>")
    debrief = timeline.index('<li class="event event-debrief">')
    assert interview < debrief and timeline.count("<li", interview, debrief) == 0
    assert "Debrief: 2/5 overall</p>" in timeline[debrief:]
    assert (
        "went well: Clear opening · did not go well: Lost the thread on risks · 3 self-ratings "
        "· 2 questions logged"
    ) in timeline[debrief:]
    # Editing rewrites it; the form shows what was saved.
    form = browser.get(f"/applications/{app_id}?form=debrief-{interview_id}").text
    assert 'name="rating-risk-management" value="2" checked' in form
    # "Not rated" (the blank choice) removes one rating; the others stay as chosen.
    assert 'name="rating-risk-management" value=""' in form and "Not rated" in form
    browser.post(
        f"/interviews/{interview_id}/debrief",
        {"overall": "2", "rating-risk-management": "", "rating-systems-thinking": "3"},
    )
    assert _debrief(sqlite_app, interview_id).ratings == {"systems-thinking": 3}
    browser.post(f"/interviews/{interview_id}/debrief", {"overall": "3"})
    assert _debrief(sqlite_app, interview_id).ratings == {}


def test_bad_debrief_input_is_shown_next_to_the_field_with_input_kept(
    browser: Browser, sqlite_app: Nextround
) -> None:
    _, interview_id = _interview(browser)
    response = browser.post(
        f"/interviews/{interview_id}/debrief",
        {"went_well": "keep me", "rating-risk-management": "7"},
    )
    assert response.status_code == 422
    html = response.text
    key = f"debrief-{interview_id}"
    assert "from 1 (badly) to 5" in (field_error(html, f"{key}-overall") or "")
    assert "from 1 to 5" in (field_error(html, f"{key}-rating-risk-management") or "")
    assert "keep me</textarea>" in html
    assert _debrief(sqlite_app, interview_id) is None


def test_a_future_interview_cannot_be_debriefed_yet(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, interview_id = _interview(browser, when="2026-12-20T10:00")
    # No form to fill in first: the page says when the debrief can be written instead.
    later = "Debrief it once it has happened: from Sun 20 Dec 2026, 10:00."
    page = browser.get(f"/applications/{app_id}").text
    assert "Write the debrief" not in page and later in page
    fragment = browser.get(
        f"/applications/{app_id}/forms/debrief-{interview_id}", headers={"HX-Request": "true"}
    ).text
    assert later in fragment and "How did it go overall?" not in fragment
    # A page left open from before it was rescheduled: refused, naming it as the page does,
    # at the top of the page, which offers no debrief form for it.
    response = browser.post(f"/interviews/{interview_id}/debrief", {"overall": "4"})
    assert response.status_code == 422
    assert (
        '<div class="form-error page-alert" role="alert">The interview “Whiteboard” on '
        "2026-12-20 10:00 has not happened yet; debrief it afterwards</div>"
    ) in response.text
    assert f"interview {interview_id}" not in response.text.lower()
    assert _debrief(sqlite_app, interview_id) is None


def test_a_refused_debrief_with_no_form_to_return_to_keeps_what_was_written(
    browser: Browser, sqlite_app: Nextround
) -> None:
    _, interview_id = _interview(browser, when="2026-12-20T10:00")
    written = {
        "overall": "2",
        "went_well": "Opened with the <b>user's</b> problem",
        "went_badly": "Ran out of time\non the rollout plan",
        "questions": "How would you de-risk a migration?\nTell me about a conflict.",
    }
    response = browser.post(f"/interviews/{interview_id}/debrief", written)
    assert response.status_code == 422
    assert "What you wrote, kept for you" in response.text
    assert "Nothing was saved. Copy it before you leave this page." in response.text
    import re

    kept = re.findall(r"<textarea readonly[^>]*>(.*?)</textarea>", response.text, re.S)
    assert kept == [
        "Opened with the &lt;b&gt;user&#39;s&lt;/b&gt; problem",
        "Ran out of time\non the rollout plan",
        "How would you de-risk a migration?\nTell me about a conflict.",
    ]  # the rating "2" is not prose, and the token is never shown
    assert _debrief(sqlite_app, interview_id) is None
    # A form that is on the page keeps its own text, with no second copy.
    refused = browser.post(f"/interviews/{interview_id}", {"title": "", "format": "behavioural"})
    assert refused.status_code == 422
    assert "What you wrote, kept for you" not in refused.text


def test_debrief_needs_the_token_and_a_real_interview(
    browser: Browser, sqlite_app: Nextround
) -> None:
    _, interview_id = _interview(browser)
    refused = browser.client.post(f"/interviews/{interview_id}/debrief", data={"overall": "4"})
    assert refused.status_code == 403
    assert _debrief(sqlite_app, interview_id) is None
    assert browser.post("/interviews/999/debrief", {"overall": "4"}).status_code == 404


def test_a_debrief_rated_on_another_framework_says_so(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from nextround.domain.competency import Competency, Framework
    from nextround.services.frameworks import import_framework

    app_id, interview_id = _interview(browser)
    browser.post(
        f"/interviews/{interview_id}/debrief", {"overall": "3", "rating-communication": "4"}
    )
    other = Framework(
        id="briefs",
        name="Briefs",
        competencies=(Competency(id="communication", name="Memos", description="d"),),
    )
    with sqlite_app.uow() as uow:
        import_framework(uow, other, use=True)
    page = " ".join(browser.get(f"/applications/{app_id}").text.split())
    assert "1 self-rating on another framework (nextround-core)" in page
    form = " ".join(
        browser.get(
            f"/applications/{app_id}/forms/debrief-{interview_id}", headers={"HX-Request": "true"}
        ).text.split()
    )
    assert "are on another framework (nextround-core), so they are not shown here" in form
    assert "Saving rates it on Briefs instead" in form


def test_questions_not_in_english_are_saved_with_a_warning(
    browser: Browser, sqlite_app: Nextround
) -> None:
    _, interview_id = _interview(browser)
    german = "Erzählen Sie mir von einem Risiko, das Sie früh erkannt haben."
    saved = browser.post(
        f"/interviews/{interview_id}/debrief", {"overall": "3", "questions": german}
    )
    assert saved.status_code == 303
    assert [q.text for q in _debrief(sqlite_app, interview_id).questions] == [german]
    page = browser.get(saved.headers["location"]).text
    assert "This list of questions looks like German; nextround reads English only" in page
    english = browser.post(
        f"/interviews/{interview_id}/debrief",
        {"overall": "3", "questions": "Tell me about a risk you spotted early."},
    )
    assert "looks like" not in browser.get(english.headers["location"]).text


def test_an_interview_without_a_time_in_a_round_ahead_cannot_be_debriefed_yet(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, held_id = _interview(browser)
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Hiring manager", "kind": "hiring_manager", "started_on": "2026-12-20"},
    )
    added = browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "2", "title": "Peer chat"},
        follow_redirects=True,
    )
    assert (
        "Added the interview Peer chat. No time given: add it with “Edit interview”, so it "
        "shows in the week&#39;s plan and the interviews calendar (.ics)."
    ) in added.text
    with sqlite_app.uow() as uow:
        (interview_id,) = [
            i.id
            for r in uow.applications.get(app_id).rounds
            for i in r.interviews
            if i.id != held_id
        ]
    later = (
        "Debrief it once it has happened: its round starts on 2026-12-20, and it has no time "
        "on record yet (add it with “Edit interview”)."
    )
    # The held one in the round before keeps its form.
    assert later in added.text and added.text.count("<summary>Write the debrief") == 1
    # Nor is it offered to file feedback under: nothing can have been heard about it.
    form = browser.get(
        f"/applications/{app_id}/forms/feedback", headers={"HX-Request": "true"}
    ).text
    assert "Interviews still to come are not listed" in form and "Peer chat" not in form
    assert f'value="{held_id}"' in form
    response = browser.post(f"/interviews/{interview_id}/debrief", {"overall": "4"})
    assert response.status_code == 422
    assert "has no time on record and its round starts on 2026-12-20" in response.text
    assert _debrief(sqlite_app, interview_id) is None


def test_a_logged_question_is_confirmed_or_corrected_on_the_page(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, interview_id = _interview(browser)
    saved = browser.post(
        f"/interviews/{interview_id}/debrief",
        {
            "overall": "3",
            "questions": "How would you find the risks?\nWhy us? = none\n"
            "What breaks downstream? = systems thinking",
        },
    )
    assert saved.status_code == 303, saved.text
    debrief = _debrief(sqlite_app, interview_id)
    # Named after '=' in the form: confirmed as said; the rest is only suggested.
    assert [q.confirmed for q in debrief.questions] == [False, True, True]
    assert [q.competencies for q in debrief.questions][1:] == [[], ["systems-thinking"]]
    assert [q.text for q in debrief.questions][1] == "Why us?"
    page = browser.get(f"/applications/{app_id}").text
    action = f'action="/interviews/{interview_id}/debrief/questions/1"'
    assert action in page
    form = page[page.index(action) : page.index("</form>", page.index(action))]
    assert (
        'Confirm<span class="sr-only"> what question 1 probed</span></button>' in form
        and "suggested" in form
    )
    assert '<option value="none">About no competency</option>' in form
    response = browser.post(
        f"/interviews/{interview_id}/debrief/questions/1", {"competency": "technical-depth"}
    )
    assert response.status_code == 303
    # Back at the question, the list open: the next one is confirmed straight after.
    target = f"/applications/{app_id}?form=questions-{interview_id}#asked-{interview_id}-1"
    assert response.headers["location"] == target
    page = browser.get(response.headers["location"]).text
    assert f'<details class="disclosure small" id="questions-{interview_id}" open>' in page
    assert f'<li id="asked-{interview_id}-1">' in page
    assert "Confirmed question 1: Technical depth." in page
    first = _debrief(sqlite_app, interview_id).questions[0]
    assert first.confirmed and first.competencies == ["technical-depth"]
    form = page[page.index(action) : page.index("</form>", page.index(action))]
    assert (
        '<option value="technical-depth" selected>' in form
        and 'Change<span class="sr-only"> what question 1 probed</span></button>' in form
    )
    # The page as first opened keeps the list closed.
    assert "open><summary>3 questions asked" not in browser.get(f"/applications/{app_id}").text
    # The same verdict again changes nothing, and says so.
    again = browser.post(
        f"/interviews/{interview_id}/debrief/questions/1", {"competency": "technical-depth"}
    )
    assert (
        "Question 1 was confirmed already: Technical depth."
        in browser.get(again.headers["location"]).text
    )
    # Then about no competency; a question the debrief lacks is refused, nothing changes.
    browser.post(f"/interviews/{interview_id}/debrief/questions/1", {"competency": "none"})
    assert _debrief(sqlite_app, interview_id).questions[0].competencies == []
    refused = browser.post(
        f"/interviews/{interview_id}/debrief/questions/9", {"competency": "none"}
    )
    page = browser.get(refused.headers["location"]).text
    assert "Not confirmed: the debrief of interview" in page and "has no question 9" in page


def test_a_question_can_probe_two_competencies_on_the_page(
    browser: Browser, sqlite_app: Nextround
) -> None:
    _, interview_id = _interview(browser)
    browser.post(
        f"/interviews/{interview_id}/debrief",
        {"overall": "3", "questions": "How would you find the risks?\nWhy us?"},
    )
    url = f"/interviews/{interview_id}/debrief/questions/1"
    # Two pickers, both named "competency": the second is optional.
    done = browser.post(
        url,
        {"competency": ["risk-management", "Systems thinking"]},  # type: ignore[dict-item]
    )
    page = browser.get(done.headers["location"]).text
    assert "Confirmed question 1: Risk management, Systems thinking." in page
    first = _debrief(sqlite_app, interview_id).questions[0]
    assert first.confirmed and first.competencies == ["risk-management", "systems-thinking"]
    form = page[page.index(f'action="{url}"') :]
    form = form[: form.index("</form>")]
    first_picker, second_picker = form.split('class="also"')
    assert '<option value="risk-management" selected>' in first_picker
    assert '<option value="systems-thinking" selected>' in second_picker
    # A second picker left blank confirms the first alone.
    browser.post(url, {"competency": ["communication", ""]})  # type: ignore[dict-item]
    assert _debrief(sqlite_app, interview_id).questions[0].competencies == ["communication"]
    # "About no competency" with a competency is a contradiction: refused, nothing changes.
    refused = browser.post(url, {"competency": ["none", "ownership"]})  # type: ignore[dict-item]
    said = browser.get(refused.headers["location"]).text
    assert "Not confirmed: question 1 is either about no competency or about the ones" in said
    assert _debrief(sqlite_app, interview_id).questions[0].competencies == ["communication"]
    # A tampered id is refused in the page's words: no command is quoted.
    refused = browser.post(url, {"competency": "xylophone"})
    said = browser.get(refused.headers["location"]).text
    assert "Not confirmed: &#39;xylophone&#39; is not a competency of" in said
    assert "its competencies are listed on the Frameworks page" in said
    assert "nextround framework" not in said and "`" not in said.split("flash-warning")[1][:400]


def test_one_more_question_is_added_and_the_others_keep_their_verdicts(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, interview_id = _interview(browser)
    browser.post(
        f"/interviews/{interview_id}/debrief",
        {"overall": "3", "questions": "How would you find the risks?\nWhy us? = none"},
    )
    browser.post(
        f"/interviews/{interview_id}/debrief/questions/1", {"competency": "systems-thinking"}
    )
    page = browser.get(f"/applications/{app_id}").text
    assert f'action="/interviews/{interview_id}/debrief/questions"' in page
    assert "Another question you were asked" in page
    added = browser.post(
        f"/interviews/{interview_id}/debrief/questions",
        {"question": "How do you handle a vendor outage? = risk management"},
    )
    assert added.status_code == 303
    assert added.headers["location"] == (
        f"/applications/{app_id}?form=questions-{interview_id}#asked-{interview_id}-3"
    )
    page = browser.get(added.headers["location"]).text
    assert "Added question 3: Risk management." in page
    assert f'id="questions-{interview_id}" open>' in page
    saved = _debrief(sqlite_app, interview_id)
    assert [(q.text, q.confirmed, q.competencies) for q in saved.questions] == [
        ("How would you find the risks?", True, ["systems-thinking"]),
        ("Why us?", True, []),
        ("How do you handle a vendor outage?", True, ["risk-management"]),
    ]
    # One logged already is not added twice; an empty one is not added at all.
    again = browser.post(f"/interviews/{interview_id}/debrief/questions", {"question": "why us?"})
    said = browser.get(again.headers["location"]).text
    assert "Question 2 is this one, logged already, so it is not added twice" in said
    empty = browser.post(f"/interviews/{interview_id}/debrief/questions", {"question": " "})
    assert (
        "Not added: type the question you were asked."
        in browser.get(empty.headers["location"]).text
    )
    assert len(_debrief(sqlite_app, interview_id).questions) == 3


def test_saving_the_whole_form_says_which_questions_it_took_off_the_list(
    browser: Browser, sqlite_app: Nextround
) -> None:
    _, interview_id = _interview(browser)
    browser.post(
        f"/interviews/{interview_id}/debrief",
        {"overall": "3", "questions": "How would you find the risks?\nWhy us? = none"},
    )
    saved = browser.post(
        f"/interviews/{interview_id}/debrief",
        {"overall": "3", "questions": "How would you find the risks?"},
    )
    page = browser.get(saved.headers["location"]).text
    assert (
        "Saved the debrief: 0 self-ratings and 1 question. Removed 1 question no longer "
        "listed, which you had confirmed: “Why us?”."
    ) in page


def test_a_question_is_removed_only_as_the_page_showed_it(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, interview_id = _interview(browser)
    browser.post(
        f"/interviews/{interview_id}/debrief",
        {"overall": "3", "questions": "How would you find the risks?\nWhy us? = none\nWhat next?"},
    )
    remove = f"/interviews/{interview_id}/debrief/questions/2/remove"
    page = browser.get(f"/applications/{app_id}").text
    assert f'action="{remove}"' in page
    assert "You had confirmed it probed no competency: that verdict goes with it." in page
    # Without the form's token, nothing goes.
    refused = browser.client.post(remove, data={"text": "Why us?"})
    assert refused.status_code == 403
    assert len(_debrief(sqlite_app, interview_id).questions) == 3
    # The words the page showed are checked: a list changed meanwhile loses nothing.
    stale = browser.post(remove, {"text": "What next?"})
    said = browser.get(stale.headers["location"]).text
    assert "Not removed: question 2 of interview" in said and "is no longer “What next?”" in said
    assert len(_debrief(sqlite_app, interview_id).questions) == 3
    out_of_range = browser.post(f"/interviews/{interview_id}/debrief/questions/7/remove", {})
    said = browser.get(out_of_range.headers["location"]).text
    assert "has no question 7: its questions are 1-3" in said
    done = browser.post(remove, {"text": "Why us?"})
    page = browser.get(done.headers["location"]).text
    assert (
        "Removed Q2 “Why us?” (confirmed: no competency). The questions after it moved up one."
        in page
    )
    assert [q.text for q in _debrief(sqlite_app, interview_id).questions] == [
        "How would you find the risks?",
        "What next?",
    ]


def test_an_interview_with_nothing_set_offers_the_likely_competencies_first(
    browser: Browser,
) -> None:
    # QA14 F10: a mock pitch with no competencies set listed all 28, design craft included.
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Role play", "kind": "other", "started_on": "2026-10-05"},
    )
    for title, fmt, competencies in [
        ("Negotiation role play", "behavioural", "negotiation"),
        ("Mock pitch", "presentation", ""),
    ]:
        response = browser.post(
            f"/applications/{app_id}/interviews",
            {
                "round": "1",
                "title": title,
                "format": fmt,
                "scheduled_at": "2026-10-05T10:00",
                "competencies": competencies,
            },
        )
        assert response.status_code == 303, response.text
    interview_id = int(response.headers["location"].rsplit("-", 1)[1])
    form = browser.get(
        f"/applications/{app_id}/forms/debrief-{interview_id}", headers={"HX-Request": "true"}
    ).text
    likely = form[: form.index("Other competencies")]
    for name in ("Presenting and storytelling", "Negotiation"):
        assert f"<legend>{name}</legend>" in likely
    assert "<legend>Design craft</legend>" not in likely
    # The rest are one click away, folded.
    assert "<legend>Design craft</legend>" in form
    assert '<details class="disclosure small">' in form


def test_editing_a_moment_out_names_the_draft_still_quoting_it_and_keeps_it(
    browser: Browser, sqlite_app: Nextround
) -> None:
    """An edit deletes no note: the message links to the draft; a sent one is not named."""
    from tests.web.test_web_process_removal import MOMENT, _notes

    app_id, interview_id = _interview(browser)
    browser.post(f"/interviews/{interview_id}/debrief", {"overall": "3", "went_well": MOMENT})
    draft, sent = _notes(sqlite_app, app_id, (False, True))
    saved = browser.post(
        f"/interviews/{interview_id}/debrief", {"overall": "3", "went_well": "Fine."}
    )
    assert saved.status_code == 303, saved.text
    page = " ".join(browser.get(saved.headers["location"]).text.split())
    assert (
        f"Thank-you note {draft} (draft) still quotes “re-baselining after the conveyor slip”: "
        f'<a href="/notes#note-{draft}">open note {draft} in Notes</a> to delete it'
    ) in page
    assert f"Thank-you note {sent} " not in page
    with sqlite_app.uow() as uow:
        assert [n.id for n in uow.notes.list(app_id)] == [draft, sent]
    notes = browser.get("/notes").text
    assert f'id="note-{draft}"' in notes
