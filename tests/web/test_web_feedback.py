"""Feedback: suggestions shown before saving, corrections saved in one go, and the inbox."""

from __future__ import annotations

import html as html_text
import re

from nextround.bootstrap import Nextround
from tests.web.conftest import Browser, field_error, load_demo_journey

TEXT = "Strong communicator, but the whiteboard flow lacked structure."


def _statements(nextround: Nextround):  # type: ignore[no-untyped-def]
    with nextround.uow() as uow:
        return [s for item in uow.feedback.list() for s in uow.statements.for_feedback(item.id)]


def _feedback_count(nextround: Nextround) -> int:
    with nextround.uow() as uow:
        return len(uow.feedback.list())


def _preview(browser: Browser, app_id: int, **fields: str):  # type: ignore[no-untyped-def]
    data = {"text": TEXT, "source": "interviewer", "received_on": "2026-10-10", **fields}
    return browser.post(f"/applications/{app_id}/feedback/preview", data)


def picks(html: str) -> dict[str, str]:
    """The form fields of the previewed statements, as the page fills them in."""
    fields = dict(re.findall(r'<input type="hidden" name="(s\d+-text)" value="([^"]*)"', html))
    fields["statements"] = re.search(r'name="statements" value="(\d+)"', html).group(1)  # type: ignore[union-attr]
    for name, value in re.findall(r'name="(s\d+-competency)" value="([^"]+)" checked', html):
        fields[name] = value
    for name in re.findall(r'name="(s\d+-none)" value="1" checked', html):
        fields[name] = "1"
    for name, value in re.findall(
        r'name="(s\d+-polarity)">.*?<option value="(\w+)" selected', html, re.DOTALL
    ):
        fields[name] = value
    return {k: html_text.unescape(v) for k, v in fields.items()}


def _previewed_form(browser: Browser) -> tuple[int, dict[str, str]]:
    """A new application and the feedback form as its preview of TEXT fills it in."""
    app_id = browser.add_application()
    fields = picks(_preview(browser, app_id).text)
    return app_id, {"text": TEXT, "source": "interviewer", "received_on": "2026-10-10", **fields}


def test_preview_shows_statements_suggestions_and_polarity_without_saving(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    response = _preview(browser, app_id)
    assert response.status_code == 200
    html = response.text
    assert "2 statements: confirm or correct each" in html
    assert "Strong communicator" in html and "the whiteboard flow lacked structure." in html
    assert 'name="s1-competency"' in html and 'name="s2-polarity"' in html
    assert re.search(r'<option value="gap" selected>Gap</option>', html)
    assert "Mapped by word matching" in html  # the fallback says so
    assert _feedback_count(sqlite_app) == 0  # nothing stored yet
    # With htmx, only the form comes back, swapped in place.
    fragment = _preview(browser, app_id, **{})
    htmx = browser.post(
        f"/applications/{app_id}/feedback/preview",
        {"text": TEXT, "source": "interviewer"},
        headers={"HX-Request": "true", "HX-Target": "feedback-form"},
    )
    assert re.match(r'<form [^>]*action="/applications/', htmx.text.lstrip())
    assert "<html" not in htmx.text and fragment.status_code == 200


def test_preview_warns_when_the_feedback_is_not_in_english(browser: Browser) -> None:
    app_id = browser.add_application()
    english = _preview(browser, app_id).text
    assert "looks like" not in english
    russian = _preview(browser, app_id, text="Ваша коммуникация была отличной.").text
    assert (
        '<p class="flash-warning" role="status">This feedback looks like Russian. nextround '
        "reads English only"
    ) in russian
    french = _preview(browser, app_id, text="Votre communication était excellente.").text
    assert (
        '<p class="flash-warning" role="status">This feedback looks like French. nextround '
        "reads only common French words of praise and criticism and maps English only"
    ) in french


def test_german_feedback_is_previewed_with_its_polarity_and_says_what_is_read(
    browser: Browser,
) -> None:
    app_id = browser.add_application()
    german = "Ihr Portfolio hat uns gefallen, aber die Recherche war zu dünn."
    page = _preview(browser, app_id, text=german).text
    fields = picks(page)
    assert fields["s1-text"] == "Ihr Portfolio hat uns gefallen"
    assert fields["s1-polarity"] == "strength" and fields["s2-polarity"] == "gap"
    assert (
        "This feedback looks like German. nextround reads only common German words of praise "
        "and criticism and maps English only, so"
    ) in page


def test_preview_points_once_to_importing_a_framework_when_nothing_fits(browser: Browser) -> None:
    # QA12 F1: a strength the framework has no home for was a dead end.
    app_id = browser.add_application()
    odd = "Your sourdough starter was excellent. Your knitting was poor."
    html = _preview(browser, app_id, text=odd).text
    assert html.count("import a framework") == 1
    assert (
        "Nothing in the built-in framework fits 2 of these statements well. If your field has "
        'its own skills, import a framework for it on the <a href="/frameworks#import-title">'
        "Frameworks page</a>."
    ) in html
    assert "nextround framework import" not in html  # no command line on the web
    assert "import a framework" not in _preview(browser, app_id).text


def test_preview_on_an_imported_framework_says_to_add_a_competency_to_its_file(
    browser: Browser, sqlite_app: Nextround
) -> None:
    # QA20 F5: "import a framework" was advised while her own imported one was in use.
    from nextround.domain.competency import Competency, Framework
    from nextround.services.frameworks import import_framework

    mine = Framework(
        id="acme",
        name="Acme research",
        competencies=(Competency(id="synthesis", name="Synthesis", description="Themes."),),
    )
    with sqlite_app.uow() as uow:
        import_framework(uow, mine, use=True)
    app_id = browser.add_application()
    html = _preview(browser, app_id, text="Your sourdough starter was excellent.").text
    assert "import a framework" not in html
    assert (
        "Nothing in “Acme research” fits one of these statements well: review it, as about the "
        "competency meant or about none. If “Acme research” lacks a skill your field needs, add "
        "a competency for it to its file and import the file again in its place on the "
        '<a href="/frameworks#import-title">Frameworks page</a>.'
    ) in html_text.unescape(html)


def test_save_with_one_corrected_competency_confirms_in_one_go(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, data = _previewed_form(browser)
    # No suggestion reaches 35% here, so none is ticked for the user: each is their pick.
    assert "s1-competency" not in data and "s2-competency" not in data
    data["s1-competency"] = "communication"  # the first suggestion, ticked by the user
    data["s2-competency"] = "process-design"  # a correction
    data["s2-polarity"] = "gap"
    response = browser.post(f"/applications/{app_id}/feedback", {**data, "confirm": "all"})
    assert response.status_code == 303
    assert response.headers["location"].startswith(f"/applications/{app_id}#feedback-")
    first, second = _statements(sqlite_app)
    assert first.confirmed and second.confirmed
    assert second.competencies == ["process-design"] and second.polarity.value == "gap"
    page = browser.get(response.headers["location"]).text
    assert "confirmed its 2 statements" in page
    assert 'href="/profile/process-design">Process design and improvement</a>' in page


def test_review_later_confirms_only_what_was_changed(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, data = _previewed_form(browser)
    data["s2-competency"] = "process-design"
    response = browser.post(f"/applications/{app_id}/feedback", {**data, "confirm": "changed"})
    assert response.status_code == 303
    first, second = _statements(sqlite_app)
    assert not first.confirmed and second.confirmed
    inbox = browser.get("/feedback").text
    assert "1 statement to review" in inbox and "Strong communicator" in inbox
    # A clause is shown with the sentence it was split from, so it can be judged.
    assert (
        '<p class="meta context">In: “Strong communicator, but the whiteboard flow lacked '
        "structure.”</p>"
    ) in inbox


def test_review_later_keeps_an_about_no_competency_correction(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, data = _previewed_form(browser)
    # The mapper had (weak) suggestions for both, so nothing was ticked for the user.
    assert "s1-none" not in data and "s2-none" not in data
    data["s2-none"] = "1"
    response = browser.post(f"/applications/{app_id}/feedback", {**data, "confirm": "changed"})
    assert response.status_code == 303
    first, second = _statements(sqlite_app)
    assert not first.confirmed  # untouched: waits in the inbox
    assert second.confirmed and second.competencies == []
    assert (
        "2 statements; your correction is confirmed, and the rest wait"
        in browser.get(response.headers["location"]).text
    )
    # Saved for later with nothing changed: nothing is called a correction.
    other = "Clear communicator, but the whiteboard flow lacked structure."  # not a copy
    fresh = picks(_preview(browser, app_id, text=other).text)
    later = {"text": other, "source": "interviewer", "received_on": "2026-10-11", **fresh}
    saved = browser.post(f"/applications/{app_id}/feedback", {**later, "confirm": "changed"})
    shown = browser.get(saved.headers["location"]).text
    assert "2 statements; they wait for your review in Feedback." in shown


def test_a_statement_left_without_a_pick_waits_and_the_others_are_confirmed(
    browser: Browser, sqlite_app: Nextround
) -> None:
    """Weak suggestions are not ticked; "Save and confirm" is not held back by them."""
    app_id, data = _previewed_form(browser)
    data.pop("s1-competency", None)
    data.pop("s1-none", None)
    data["s2-competency"] = "systems-thinking"
    response = browser.post(f"/applications/{app_id}/feedback", data)
    assert response.status_code == 303
    shown = browser.get(response.headers["location"]).text
    assert (
        "confirmed 1 of its 2 statements; 1 with no competency chosen waits for your review"
        in shown
    )
    first, second = _statements(sqlite_app)
    assert not first.confirmed
    assert second.confirmed and second.competencies == ["systems-thinking"]
    # "About no competency" is a verdict: confirmed, about none.
    other = "Clear thinker, but the rollout plan had no fallback."
    fresh = picks(_preview(browser, app_id, text=other).text)
    fresh.pop("s1-competency", None)
    fresh["s1-none"] = "1"
    saved = browser.post(
        f"/applications/{app_id}/feedback",
        {"text": other, "source": "interviewer", "received_on": "2026-10-10", **fresh},
    )
    assert saved.status_code == 303
    newest = [s for s in _statements(sqlite_app) if s.text.startswith("Clear thinker")]
    assert newest and newest[0].confirmed and newest[0].competencies == []


def test_a_statement_nothing_fits_comes_ticked_as_about_no_competency(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    text = "Strong communicator. We had lunch by the canal."
    html = _preview(browser, app_id, text=text).text
    fields = picks(html)
    # The mapper found nothing for the lunch: its verdict is pre-ticked, and nothing else is.
    assert fields.get("s2-none") == "1" and "s1-none" not in fields
    assert "s2-competency" not in fields
    data = {"text": text, "source": "interviewer", "received_on": "2026-10-10", **fields}
    data["s1-competency"] = "communication"
    assert browser.post(f"/applications/{app_id}/feedback", data).status_code == 303
    first, second = _statements(sqlite_app)
    assert first.competencies == ["communication"]
    assert second.confirmed and second.competencies == []
    # Left for later, it waits in the inbox with the same verdict ticked.
    fresh = picks(_preview(browser, app_id, text=text).text)
    later = {"text": text, "source": "interviewer", "received_on": "2026-10-11", **fresh}
    assert (
        browser.post(
            f"/applications/{app_id}/feedback", {**later, "confirm": "changed"}
        ).status_code
        == 303
    )
    inbox = browser.get("/feedback").text
    lunch = inbox[inbox.index("We had lunch by the canal.") :]
    assert re.search(r'name="none" value="1" checked', lunch[: lunch.index("</form>")])


def test_text_changed_after_the_preview_is_previewed_again(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    fields = picks(_preview(browser, app_id).text)
    data = {"text": "Excellent stakeholder management.", "source": "interviewer", **fields}
    response = browser.post(f"/applications/{app_id}/feedback", data)
    assert response.status_code == 422
    assert "splits into different statements" in response.text
    assert "1 statement: confirm or correct each" in response.text
    assert _feedback_count(sqlite_app) == 0


def test_feedback_errors_show_next_to_the_field_with_input_kept(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    empty = _preview(browser, app_id, text="   ", author="Maya")
    assert empty.status_code == 422
    assert "Feedback text is required" in (field_error(empty.text, "feedback-text") or "")
    assert 'value="Maya"' in empty.text
    early = _preview(browser, app_id, received_on="2020-01-01")
    assert "predates the application" in (field_error(early.text, "feedback-received-on") or "")
    assert "confirm or correct each" not in early.text
    assert _feedback_count(sqlite_app) == 0


def test_inbox_confirms_and_corrects_in_place(browser: Browser, sqlite_app: Nextround) -> None:
    load_demo_journey(sqlite_app)
    html = browser.get("/feedback").text
    pending = [s for s in _statements(sqlite_app) if not s.confirmed]
    assert f"{len(pending)} statements to review" in html
    target = pending[0]
    assert f'id="statement-{target.id}"' in html
    htmx = {"HX-Request": "true", "HX-Target": f"statement-{target.id}"}
    bad = browser.post(f"/feedback/statements/{target.id}", {"polarity": "gap"}, headers=htmx)
    assert bad.status_code == 422 and "No competency is chosen for this statement yet" in bad.text
    assert bad.text.lstrip().startswith('<article class="card review-item"')
    # The focus goes to the statement's first choice, not to the page (the button is gone).
    [focused] = re.findall(r"<[a-z]+\b[^<>]*\sautofocus\b[^<>]*>", bad.text)
    assert focused.startswith('<input type="checkbox" name="competency"'), focused
    done = browser.post(
        f"/feedback/statements/{target.id}",
        {"competency": "collaboration", "other": "ownership", "polarity": "strength"},
        headers=htmx,
    )
    assert done.status_code == 200
    assert "Confirmed: Collaboration, Ownership · strength." in done.text
    # What it moved in the profile, as the CLI says it (services.review.moves_text).
    assert re.search(r"Your profile: [^<]*Collaboration \d\.\d\d → \d\.\d\d", done.text)
    # The counts elsewhere on the page follow, swapped in by htmx out of band.
    left = len(pending) - 1
    assert f'id="inbox-count" hx-swap-oob="true">{left} statements still to review.' in done.text
    assert f'id="tab-review" aria-current="page" hx-swap-oob="true">To review ({left})' in done.text
    confirmed = next(s for s in _statements(sqlite_app) if s.id == target.id)
    assert confirmed.confirmed and confirmed.competencies == ["collaboration", "ownership"]
    assert f'id="statement-{target.id}"' not in browser.get("/feedback").text
    # Without JavaScript: a redirect with the message.
    other = pending[1]
    refused = browser.post(f"/feedback/statements/{other.id}", {"polarity": "gap"})
    assert refused.status_code == 303
    shown = browser.get(refused.headers["location"]).text
    # What was refused comes as a warning, not in the success message's green.
    assert re.search(
        r"<p class=\"flash-warning\">No competency is chosen for this statement yet", shown, re.I
    )
    assert '<p class="flash">' not in shown
    plain = browser.post(f"/feedback/statements/{other.id}", {"none": "1"})
    assert plain.status_code == 303 and plain.headers["location"] == "/feedback"
    assert browser.post("/feedback/statements/99999", {"none": "1"}).status_code == 404


def test_inbox_shows_clarifying_questions(browser: Browser, sqlite_app: Nextround) -> None:
    load_demo_journey(sqlite_app)
    html = browser.get("/feedback").text
    # The inbox does not wait for them: htmx loads them once the page is shown.
    assert 'hx-get="/feedback/questions" hx-trigger="load"' in html
    fragment = browser.get("/feedback/questions", headers={"HX-Request": "true"}).text
    assert "<html" not in fragment and fragment.count("<li>") >= 2 and "Tempoline" in fragment
    # Without JavaScript, the link shows the inbox with the questions in it.
    page = browser.get("/feedback/questions").text
    questions = page[page.index('id="questions"') :]
    assert "Questions to ask" in questions and "Tempoline" in questions
    # The process still open comes first; a "no" from long ago is said to be past asking.
    assert questions.index("Mossgrove Climate") < questions.index("Tempoline")
    tempoline = questions[questions.index("Tempoline") :]
    assert "the window for asking has likely passed" in tempoline
    assert re.search(r"received \d+ months ago", tempoline)
    # Each card is headed by the sentence its questions quote (QA20 F6).
    for card in html_text.unescape(questions).split('<article class="clarify">')[1:]:
        header = re.search(r'statement-line">“([^”]*)”', card)
        assert header is not None
        for quote in re.findall(r"You mentioned “([^”…]{25})", card):
            assert quote.casefold() in header.group(1).casefold(), (quote, header.group(1))


def test_no_questions_says_why_as_the_cli_does(browser: Browser) -> None:
    # No feedback about an application: not "no vague statements", which claims a check.
    fragment = browser.get("/feedback/questions", headers={"HX-Request": "true"}).text
    assert "Nothing to ask: no statement was read from feedback about an application." in (fragment)
    assert "No vague statements" not in fragment and "more left out" not in fragment


def test_feedback_forms_need_the_token(browser: Browser, sqlite_app: Nextround) -> None:
    app_id = browser.add_application()
    load_demo_journey(sqlite_app)
    statement = next(s for s in _statements(sqlite_app) if not s.confirmed)
    for path in (
        f"/applications/{app_id}/feedback/preview",
        f"/applications/{app_id}/feedback",
        f"/feedback/statements/{statement.id}",
    ):
        assert browser.client.post(path, data={"text": TEXT, "none": "1"}).status_code == 403
    assert not next(s for s in _statements(sqlite_app) if s.id == statement.id).confirmed


def test_preview_lists_what_it_does_not_read_as_feedback(browser: Browser) -> None:
    app_id = browser.add_application()
    email = (
        "Hi Nadia,\n\nThank you so much for your time over the last few weeks.\n\n"
        "Unfortunately, we have decided to move forward with another candidate. "
        "Strong communicator, but the whiteboard flow lacked structure.\n\nBest,\nMaya"
    )
    html = _preview(browser, app_id, text=email).text
    assert "2 statements: confirm or correct each" in html
    left = html[html.index('class="left-out"') :]
    assert "2 passages not read as feedback" in left
    assert "<li>Thank you so much for your time over the last few weeks.</li>" in left
    assert "<li>Unfortunately, we have decided to move forward with another candidate.</li>" in left
    plain = _preview(browser, app_id).text
    assert 'class="left-out"' not in plain  # nothing left out of plain feedback


def test_preview_lists_a_quoted_thread_and_a_disclaimer_with_their_reasons(
    browser: Browser,
) -> None:
    app_id = browser.add_application()
    email = (
        "Hi Nadia,\n\nStrong communicator, but the whiteboard flow lacked structure.\n\n"
        "Best,\nMaya\n\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are "
        "confidential and intended solely for the addressee.\n\n"
        "On Mon, Oct 13, 2026 at 9:02 AM Nadia <nadia@example.com> wrote:\n"
        "> Hi Maya, any news on the final round? I enjoyed meeting the team.\n"
    )
    html = _preview(browser, app_id, text=email).text
    assert "2 statements: confirm or correct each" in html
    listed = html[html.index('class="preview-list"') : html.index('class="left-out"')]
    assert "Hi Maya, any news" not in listed and "CONFIDENTIALITY" not in listed
    left = html[html.index('class="left-out"') :]
    assert "2 passages not read as feedback (e-mail disclaimer, quoted earlier message)" in left
    assert '<span class="left-out-reason">quoted earlier message:</span> Hi Maya, any news' in left
    assert '<span class="left-out-reason">e-mail disclaimer:</span> CONFIDENTIALITY' in left


def test_preview_lists_tips_on_interview_technique_and_the_graduate_no(browser: Browser) -> None:
    # QA17 F7, F8: neither is a statement to confirm; both are listed with what they are.
    app_id = browser.add_application()
    text = (
        "Unfortunately on this occasion you have not been successful. In interviews use "
        "STAR and quantify results. Tailor your CV to each role. Next time spend more time "
        "on risk."
    )
    html = _preview(browser, app_id, text=text).text
    assert "1 statement: confirm or correct" in html
    listed = html[html.index('class="preview-list"') : html.index('class="left-out"')]
    assert "Next time spend more time on risk." in listed
    assert "STAR" not in listed and "not been successful" not in listed
    left = html[html.index('class="left-out"') :]
    assert (
        "3 passages not read as feedback (thanks, courtesy, sign-off, talk about the decision, "
        "advice on interview technique)"
    ) in left
    assert "<li>Unfortunately on this occasion you have not been successful.</li>" in left
    assert (
        '<span class="left-out-reason">advice on interview technique:</span> Tailor your CV'
    ) in left


def test_only_interviews_held_are_offered_for_feedback(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import add_feedback

    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Loop", "kind": "final_loop", "started_on": "2026-10-05"},
    )
    for title, at in [("Held panel", "2026-10-05T10:00"), ("Future chat", "2026-12-03T14:00")]:
        added = browser.post(
            f"/applications/{app_id}/interviews",
            {"round": "1", "title": title, "scheduled_at": at},
        )
        assert added.status_code == 303, added.text
    form = browser.get(
        f"/applications/{app_id}/forms/feedback", headers={"HX-Request": "true"}
    ).text
    assert ">Held panel</option>" in form and "Future chat" not in form
    assert "Interviews still to come are not listed: add their feedback afterwards" in form

    # Its page, to move feedback to an interview: the same, except the one it is about.
    with sqlite_app.uow() as uow:
        item = add_feedback(
            uow, TEXT, FeedbackSource.RECRUITER, received_on=None, application_id=app_id
        )
    page = browser.get(f"/feedback/{item.id}").text
    parts = re.search(r'<select id="edit-feedback-part".*?</select>', page, re.DOTALL)
    assert parts and "— Held panel</option>" in parts.group() and "Future" not in parts.group()


def test_feedback_saved_twice_is_named_in_the_preview_and_after_saving(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, data = _previewed_form(browser)
    data |= {"s1-competency": "communication", "s2-competency": "process-design"}
    first = _preview(browser, app_id).text
    assert "identical to feedback" not in first and ">Save and confirm</button>" in first
    saved = browser.post(f"/applications/{app_id}/feedback", {**data, "confirm": "all"})
    assert saved.status_code == 303
    assert [s.confirmed for s in _statements(sqlite_app)] == [True, True]
    html = _preview(browser, app_id).text
    assert "This text is identical to feedback 1 (received 2026-10-10)." in html
    # A copy is offered no confirming save: confirmed, the same words would count twice.
    assert ">Save and confirm</button>" not in html
    assert 'name="confirm" value="changed">Save without confirming</button>' in html
    # Confirmed anyway (a form from before the first save), nothing of the copy is confirmed.
    response = browser.post(f"/applications/{app_id}/feedback", {**data, "confirm": "all"})
    assert response.status_code == 303
    page = html_text.unescape(browser.get(response.headers["location"]).text)
    assert (
        "Saved the feedback word for word, without confirming anything: this text is identical "
        "to feedback 1 (received 2026-10-10), so its 2 statements wait for review in Feedback "
        "and your profile counts the words once."
    ) in page
    assert "delete this one (feedback 2) under “Delete it” on its page" in page
    assert _feedback_count(sqlite_app) == 2  # said, not refused
    copy = [s for s in _statements(sqlite_app) if s.feedback_id == 2]
    assert len(copy) == 2 and not any(s.confirmed for s in copy)
    # In the inbox, each of its statements says what confirming it would do.
    inbox = html_text.unescape(browser.get("/feedback").text)
    note = (
        "Feedback 2 repeats feedback 1 (received 2026-10-10) word for word: confirmed, these "
        "words count a second time. Pasted twice?"
    )
    assert inbox.count(note) == 2
    # Each link names the statement it sits under, for a screen reader tabbing through them.
    copies = re.findall(
        r'<a href="/feedback/2#delete">Delete the copy<span class="sr-only"> of statement \d+, '
        r"“([^”]+)”</span></a> instead\.",
        inbox,
    )
    assert len(copies) == 2 and len(set(copies)) == 2, copies


def test_a_competency_label_is_shown_over_its_statements_and_ticked_for_them(
    browser: Browser,
) -> None:
    app_id = browser.add_application()
    text = "Risk management: tracked risks well, but missed the vendor dependency."
    html = _preview(browser, app_id, text=text).text
    assert "tracked risks well" in html and "missed the vendor dependency." in html
    assert html.count("Under “Risk management”, which counts towards its competency.") == 2
    chosen = picks(html)
    assert chosen["s1-competency"] == chosen["s2-competency"] == "risk-management"
    # A label that names no competency is not shown as one.
    plain = _preview(browser, app_id, text="Summary: missed the vendor dependency.").text
    assert "Under “" not in plain


def test_a_polarity_corrected_once_is_previewed_for_a_near_identical_statement(
    browser: Browser, sqlite_app: Nextround
) -> None:
    said = "Your SQL exercise raised a few eyebrows."
    app_id = browser.add_application()
    data = picks(_preview(browser, app_id, text=said).text)
    assert data["s1-polarity"] == "neutral"  # the words alone say nothing
    # Set aside as about no competency, its "gap" is no verdict and teaches nothing.
    aside = {**data, "s1-none": "1", "s1-polarity": "gap"}
    form = {"text": said, "source": "interviewer", "received_on": "2026-10-10", **aside}
    assert (
        browser.post(f"/applications/{app_id}/feedback", {**form, "confirm": "all"}).status_code
        == 303
    )
    near = "Her SQL exercise raised a few eyebrows too."
    assert picks(_preview(browser, app_id, text=near).text)["s1-polarity"] == "neutral"
    # Confirmed as a gap in technical depth, it is a verdict on the words.
    said = "Your SQL exercise raised a few eyebrows here."
    data = picks(_preview(browser, app_id, text=said).text)
    data.pop("s1-none", None)
    data.update({"s1-competency": "technical-depth", "s1-polarity": "gap"})
    form = {"text": said, "source": "interviewer", "received_on": "2026-10-10", **data}
    assert (
        browser.post(f"/applications/{app_id}/feedback", {**form, "confirm": "all"}).status_code
        == 303
    )
    again = picks(_preview(browser, app_id, text=near).text)
    assert again["s1-polarity"] == "gap"
    # Saved for later review, the inbox says where the reading came from.
    form = {"text": near, "source": "interviewer", "received_on": "2026-10-10", **again}
    browser.post(f"/applications/{app_id}/feedback", {**form, "confirm": "changed"})
    inbox = html_text.unescape(browser.get("/feedback").text)
    assert "Read from: your review: you confirmed a near-identical statement as a gap" in inbox


def test_preview_of_a_very_long_paste_warns_before_anything_is_saved(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    paste = "\n".join(f"The risk plan for launch {n} was missing." for n in range(80))
    html = _preview(browser, app_id, text=paste).text
    assert "80 statements: confirm or correct each" in html
    warning = html[html.index('class="flash-warning many-statements"') :].split("</p>")[0]
    assert "This feedback splits into 80 statements, far more than one person" in warning
    assert "nothing is saved until you save" in warning
    assert _feedback_count(sqlite_app) == 0
    assert "many-statements" not in _preview(browser, app_id).text


RECRUITER_EMAIL = (
    "Marcus also noted that your answers ran long and it was sometimes hard to follow the "
    "thread. The panel met in the small room on the third floor. This e-mail and any "
    "attachments are confidential and intended solely for the addressee."
)


def _closed_process(nextround: Nextround) -> int:
    """Hyperscale Cloud: a final loop held, the recruiter on record, a rejection."""
    from datetime import UTC, date, datetime

    from nextround.domain.contacts import ContactRole
    from nextround.domain.journey import Interviewer, Outcome, RoundKind
    from nextround.services import applications, process
    from nextround.services.contacts import add_contact

    with nextround.uow() as uow:
        app = applications.add_application(
            uow, {"company": "Hyperscale Cloud", "role_title": "PM", "applied_on": date(2026, 9, 1)}
        )
        assert app.id is not None
        process.add_round(
            uow, app.id, {"name": "Final loop", "kind": RoundKind.FINAL_LOOP,
                          "started_on": date(2026, 10, 6)},
        )  # fmt: skip
        process.add_interview(
            uow, app.id, None, {"title": "Product sense",
                                "scheduled_at": datetime(2026, 10, 6, 10, tzinfo=UTC),
                                "interviewers": [Interviewer("Marcus Lee")]},
        )  # fmt: skip
        add_contact(uow, "Jana Kowalski", ContactRole.RECRUITER, application_id=app.id)
        process.set_decision(uow, app.id, Outcome.REJECTION, date(2026, 10, 15))
        uow.commit()
        return app.id


def test_a_statement_set_aside_and_a_clause_fragment_never_reach_questions_or_notes(
    browser: Browser, sqlite_app: Nextround
) -> None:
    # QA6 F7/F18, on the web: the same rules as the command line.
    app_id = _closed_process(sqlite_app)
    fields = picks(_preview(browser, app_id, text=RECRUITER_EMAIL, source="recruiter").text)
    data = {"text": RECRUITER_EMAIL, "source": "recruiter", "received_on": "2026-10-15",
            "author": "Jana Kowalski", **fields}  # fmt: skip
    assert browser.post(f"/applications/{app_id}/feedback", {**data, "confirm": "changed"})
    # The disclaimer is set aside by the reader; the remark is left to the person to review.
    ran_long, remark = (s for s in _statements(sqlite_app) if not s.confirmed)
    assert "ran long" in ran_long.text and "third floor" in remark.text
    htmx = {"HX-Request": "true"}
    browser.post(f"/feedback/statements/{ran_long.id}",
                 {"competency": "communication", "polarity": "gap"}, headers=htmx)  # fmt: skip
    # The form always sends "Reads as"; ticked "about no competency", it is neutral anyway.
    done = browser.post(
        f"/feedback/statements/{remark.id}", {"none": "1", "polarity": "gap"}, headers=htmx
    ).text
    assert "about no competency, so it reads as neutral and counts nowhere" in done
    stored = next(s for s in _statements(sqlite_app) if s.id == remark.id)
    assert stored.polarity.value == "neutral" and stored.competencies == []
    questions = html_text.unescape(
        browser.get("/feedback/questions", headers={"HX-Request": "true"}).text
    )
    assert "Hyperscale Cloud" in questions and "clarity and concision" in questions
    assert "confidential" not in questions and "on answers ran long" not in questions
    assert "third floor" not in questions
    notes = html_text.unescape(browser.get(f"/applications/{app_id}/notes/new").text)
    assert "feedback on clarity and concision" in notes
    assert "ran long and it" not in notes and "confidential" not in notes
    assert "third floor" not in notes


def test_feedback_copied_again_with_a_new_line_confirms_only_what_is_new(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, data = _previewed_form(browser)
    data |= {"s1-competency": "communication", "s2-competency": "process-design"}
    assert browser.post(f"/applications/{app_id}/feedback", {**data, "confirm": "all"}).is_redirect
    # The same words again, with one new point: not identical, but mostly said before.
    again = f"{TEXT} The risk register had no mitigations."
    html = _preview(browser, app_id, text=again).text
    assert "identical to feedback" not in html
    note = "This feedback: 2 of its 3 statements are already in feedback 1 (received 2026-10-10)."
    assert note in html_text.unescape(html)
    assert html.count("Already in feedback 1: saved unconfirmed, whatever is ticked.") == 2
    fields = picks(html)
    assert fields["statements"] == "3" and fields["s3-text"].startswith("The risk register")
    form = {**data, **fields, "text": again, "s1-competency": "communication"}
    form |= {"s2-competency": "process-design", "s3-competency": "risk-management"}
    response = browser.post(f"/applications/{app_id}/feedback", {**form, "confirm": "all"})
    assert response.status_code == 303
    page = " ".join(html_text.unescape(browser.get(response.headers["location"]).text).split())
    assert "Saved the feedback word for word, and confirmed 1 of its 3." in page
    assert (
        "Note: 2 of its 3 statements are already in feedback 1 (received 2026-10-10), so those "
        "2 statements wait unconfirmed in Feedback and your profile counts the words once."
    ) in page
    copy = sorted((s.position, s.confirmed) for s in _statements(sqlite_app) if s.feedback_id == 2)
    assert [confirmed for _, confirmed in copy] == [False, False, True]
    inbox = html_text.unescape(browser.get("/feedback").text)
    assert inbox.count("This statement of feedback 2 is already in feedback 1 (received") == 2


#: A rejection e-mail (QA9 F10): its decision sentence, contracted, comes after courtesy.
REJECTION = (
    "Hi Kenji,\n\nThanks again for your time on the virtual onsite. The team enjoyed meeting "
    "you, but we've decided not to move forward.\n\nFeedback from the panel: solid coding, "
    "clean and well tested. System design was shallow on trade-offs.\n\nBest,\nAiko"
)


def test_a_decision_sentence_is_not_a_statement_to_judge(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    html = _preview(browser, app_id, text=REJECTION, source="recruiter").text
    fields = picks(html)
    judged = [v for k, v in fields.items() if k.endswith("-text")]
    # Read as talk about the decision, as the CLI reads it: listed with the passages not
    # read as feedback, never one more statement for Save and confirm to ask about.
    assert not any("decided" in text for text in judged), judged
    left_out = html[html.index('<details class="left-out">') :]
    assert "we&#39;ve decided not to move forward" in left_out[: left_out.index("</details>")]
    # Saved with a verdict on each statement left, it is stored as feedback whose
    # statements are the panel's words only.
    data = {"text": REJECTION, "source": "recruiter", "received_on": "2026-10-10", **fields}
    for n in range(1, int(fields["statements"]) + 1):
        if f"s{n}-competency" not in data:
            data[f"s{n}-competency"] = "technical-depth"
    assert browser.post(f"/applications/{app_id}/feedback", data).status_code == 303
    stored = _statements(sqlite_app)
    assert stored and all(s.confirmed for s in stored)
    assert not any("decided" in s.text for s in stored)


CUT_TEXT = (
    "Your stakeholder management was excellent. However, in the ML system design interview "
    "you struggled to explain the trade-offs between batch and online scoring."
)


def test_a_statement_cut_after_however_is_shown_as_a_sentence_and_sent_as_cut(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    preview = _preview(browser, app_id, text=CUT_TEXT).text
    assert ">In the ML system design interview you struggled" in preview
    # The form sends the text as cut: it keys the embedding cache and copy detection.
    fields = picks(preview)
    assert fields["s2-text"].startswith("in the ML system design interview")
    data = {"text": CUT_TEXT, "source": "interviewer", "received_on": "2026-10-10", **fields}
    saved = browser.post(f"/applications/{app_id}/feedback", {**data, "confirm": "changed"})
    assert saved.status_code == 303
    [statement] = [s for s in _statements(sqlite_app) if "ML system" in s.text]
    assert statement.text.startswith("in the ML system design interview")
    shown = "In the ML system design interview you struggled"
    record = browser.get(f"/feedback/{statement.feedback_id}").text
    assert f"“{shown}" in record and "“in the ML" not in record
    inbox = browser.get("/feedback").text
    assert f'-text">{shown}' in inbox and ">in the ML" not in inbox
    # The buttons' names for a screen reader quote it so too.
    assert "statement 2, “In the ML system design" in inbox
    application = browser.get(f"/applications/{app_id}").text
    assert f'<span class="stmt">{shown}' in application
