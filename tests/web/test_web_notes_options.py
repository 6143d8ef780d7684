"""Notes, the Option A warning and report downloads in the web app, with the in-process client."""

from __future__ import annotations

import email
import re
from datetime import UTC, date, datetime, time
from email import policy

from nextround.bootstrap import Nextround
from nextround.domain.contacts import ContactRole
from nextround.domain.journey import (
    Interviewer,
    OfferResponse,
    Outcome,
    RoundKind,
    WorkMode,
)
from nextround.services import options
from nextround.services.applications import add_application
from nextround.services.contacts import add_contact
from nextround.services.debriefs import record_debrief
from nextround.services.note_sender import get_sender
from nextround.services.notes import list_notes
from nextround.services.process import add_interview, add_round, set_decision
from tests.web.conftest import Browser, field_error


def _process(nextround: Nextround, contact: str = "Maya Lindgren") -> int:
    with nextround.uow() as uow:
        app = add_application(
            uow,
            {
                "company": "Tempoline",
                "role_title": "TPM",
                "applied_on": date(2026, 9, 1),
                "work_mode": WorkMode.ONSITE,
                "location": "London",
            },
        )
        add_contact(uow, contact, ContactRole.RECRUITER, application_id=app.id, email="m@t.test")
    assert app.id is not None
    return app.id


def test_draft_keep_copy_and_mark_a_note_as_sent(browser: Browser, sqlite_app: Nextround) -> None:
    app_id = _process(sqlite_app)
    assert "No notes kept yet" in browser.get("/notes").text
    page = browser.get(f"/applications/{app_id}/notes/new")
    assert page.status_code == 200
    html = page.text
    assert html.count("Keep this note") == 3
    assert html.count('data-copy="keep-') == 3 and "notes.js" in html
    assert "Dear Maya," in html and "Hi Maya," in html and "Hello Maya," in html
    kept = browser.post(
        f"/applications/{app_id}/notes",
        {
            "variant": "2",
            "tone": "after_interview",
            "subject": "Thanks!",
            "body": "Hi Maya, thanks.",
        },
    )
    assert kept.status_code == 303 and kept.headers["location"] == "/notes#note-1"
    notes = browser.get("/notes").text
    assert "Kept the note (not sent yet)." in notes
    assert "Hi Maya, thanks.</textarea>" in notes and 'data-copy="note-text-1"' in notes
    assert "Not sent yet" in notes and 'action="/notes/1/sent"' in notes
    late = browser.post("/notes/1/sent", {"on": "2099-01-01"})
    assert late.status_code == 422
    assert "is in the future" in field_error(late.text, "sent-1-on")
    done = browser.post("/notes/1/sent", {"on": "2026-11-20"})
    assert done.status_code == 303
    notes = browser.get("/notes").text
    assert "Marked as sent on 2026-11-20." in notes and "Sent 20 Nov 2026" in notes
    assert 'action="/notes/1/sent"' not in notes


def test_a_kept_note_is_deleted_only_with_the_tick(browser: Browser, sqlite_app: Nextround) -> None:
    app_id = _process(sqlite_app)
    for body in ("Hi Maya, thanks.", "Hi Maya, thanks again."):
        browser.post(
            f"/applications/{app_id}/notes",
            {"variant": "1", "tone": "after_interview", "subject": "Thanks!", "body": body},
        )
    page = browser.get("/notes").text
    assert 'action="/notes/2/delete"' in page and "Yes, delete this note to Maya Lindgren" in page
    # Not ticked: nothing goes, and the form comes back open with its box focused.
    kept = browser.post("/notes/2/delete", {})
    assert kept.status_code == 422
    assert '<details class="disclosure danger" id="delete-2" open>' in kept.text
    assert '<details class="disclosure danger" id="delete-1">' in kept.text
    assert "Tick the box to confirm; deleting cannot be undone" in field_error(
        kept.text, "delete-2-confirm"
    )
    assert re.search(r'<input id="delete-2-confirm"[^>]* autofocus>', kept.text)
    with sqlite_app.uow() as uow:
        assert [item.note.id for item in list_notes(uow)] == [1, 2]
    # Without the form's token, nothing happens either.
    assert browser.client.post("/notes/2/delete", data={"confirm": "1"}).status_code == 403
    gone = browser.post("/notes/2/delete", {"confirm": "1"})
    assert gone.status_code == 303 and gone.headers["location"] == "/notes"
    assert "Deleted the note to Maya Lindgren (TPM at Tempoline)." in browser.get("/notes").text
    with sqlite_app.uow() as uow:
        assert [item.note.id for item in list_notes(uow)] == [1]
    assert browser.post("/notes/2/delete", {"confirm": "1"}).status_code == 404


def _two_rounds(nextround: Nextround) -> int:
    """A process with a recruiter, a screen, and a technical round held by Kwame."""
    app_id = _process(nextround)
    with nextround.uow() as uow:
        add_round(
            uow,
            app_id,
            {"name": "Screen", "kind": RoundKind.SCREEN, "started_on": date(2026, 9, 5)},
        )
        add_round(
            uow,
            app_id,
            {
                "name": "Systems design",
                "kind": RoundKind.TECHNICAL,
                "started_on": date(2026, 9, 12),
            },
        )
        add_interview(
            uow,
            app_id,
            2,
            {
                "title": "Design a playlist service",
                "interviewers": [Interviewer("Kwame Asante", "Staff")],
            },
        )
    return app_id


def html_text(page: str) -> str:
    import html

    return html.unescape(page)


def test_the_drafts_can_go_to_anyone_in_the_process_after_any_round(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = _two_rounds(sqlite_app)
    html = browser.get(f"/applications/{app_id}/notes/new").text
    # Everyone on record is offered; the default (who was in the latest round: Kwame, not the
    # recruiter) is ticked, the latest round chosen.
    assert re.search(r'name="to" value="1"> Maya Lindgren', html)
    # Kwame, named on the interview, is a contact of the application: offered by his id.
    assert re.search(r'name="to" value="\d+" checked> Kwame Asante', html)
    assert re.search(r'<option value="2" selected>2\. Systems design</option>', html)
    assert "Dear Kwame," in html and "Maya," not in html
    # The round's label as a sentence says it: "Systems design" names no kind of interview.
    assert "To Kwame Asante, after the systems design round." in html
    # The screen had no interviewer on record: the recruiter was in it.
    screen_default = browser.get(f"/applications/{app_id}/notes/new", params={"round": "1"}).text
    assert "Dear Maya," in screen_default and "Kwame," not in screen_default

    chosen = browser.get(
        f"/applications/{app_id}/notes/new",
        params={"to": "Kwame Asante", "tone": "after_interview"},
    ).text
    assert "Dear Kwame," in chosen and "Dear Maya," not in chosen
    kwame_id = re.search(r'name="to" value="(\d+)" checked> Kwame Asante', chosen)
    assert kwame_id  # picked by name, kept by his contact's id
    assert "to=Kwame+Asante&amp;tone=after_interview" in chosen  # the tone links keep the choice
    # An open process is thanked after an interview: no offer or rejection to speak of yet.
    assert "tone=after_rejection" not in chosen and "tone=after_offer" not in chosen
    assert chosen.count(f'<input type="hidden" name="to" value="{kwame_id[1]}">') == 3

    # A kept link for someone removed since still opens the page, saying what happened.
    stale = browser.get(f"/applications/{app_id}/notes/new", params={"to": "999"})
    assert stale.status_code == 200
    assert "Contact 999 is no longer on record (removed since?)" in html_text(stale.text)
    assert re.search(r'name="to" value="\d+"> Kwame Asante', stale.text)
    screen = browser.get(
        f"/applications/{app_id}/notes/new", params={"to": ["1", "Kwame Asante"], "round": "1"}
    ).text
    assert "after the screen" in screen and "Dear Maya and Kwame," in screen
    kept = browser.post(
        f"/applications/{app_id}/notes",
        {
            "variant": "1",
            "to": ["1", "Kwame Asante"],
            "round": "1",
            "subject": "Thanks",
            "body": "Dear Maya and Kwame, thank you.",
        },
    )
    assert kept.status_code == 303
    with sqlite_app.uow() as uow:
        (listing,) = list_notes(uow, app_id)
    assert [r.name for r in listing.note.recipients] == ["Maya Lindgren", "Kwame Asante"]


def test_someone_ticked_who_was_not_in_the_round_is_questioned_on_the_page(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = _two_rounds(sqlite_app)
    page = html_text(browser.get(f"/applications/{app_id}/notes/new", params={"to": "1"}).text)
    assert (
        "Maya Lindgren was not in the systems design round (round 2), which this note thanks "
        "them for; in it on record: Kwame Asante; check who is ticked under “To”, or pick the "
        "round they were in."
    ) in page
    assert "--to" not in page
    assert "Dear Maya," in page  # drafted all the same
    # Ticked for the round she was in, or with who was there, nobody is questioned.
    for params in ({"to": "1", "round": "1"}, {"to": "Kwame Asante"}):
        page = html_text(browser.get(f"/applications/{app_id}/notes/new", params=params).text)
        assert "was not in" not in page


def test_the_hints_say_where_the_moment_came_from_or_what_is_missing(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = _two_rounds(sqlite_app)
    with sqlite_app.uow() as uow:
        interview = uow.applications.get(app_id).ordered_rounds[1].interviews[0]
        record_debrief(uow, interview.id, 4, went_well="Shard plan landed well.")
    maya = html_text(browser.get(f"/applications/{app_id}/notes/new", params={"to": "1"}).text)
    assert "No moment: Maya Lindgren sat in none of the interviews on record" in maya
    assert "tick an interviewer under “To” to recall one" in maya and "--to" not in maya
    assert "No learning: no confirmed feedback on this application names a competency." in maya
    kwame = html_text(
        browser.get(f"/applications/{app_id}/notes/new", params={"to": "Kwame Asante"}).text
    )
    assert "our conversation about the shard plan" in kwame
    assert "Moment: from what went well in “Design a playlist service”." in kwame


def test_an_unknown_recipient_or_round_is_explained(browser: Browser, sqlite_app) -> None:
    app_id = _two_rounds(sqlite_app)
    unknown = browser.get(f"/applications/{app_id}/notes/new", params={"to": "Zed"})
    assert unknown.status_code == 200
    assert "obody called &#39;Zed&#39;" in unknown.text and "Keep this note" not in unknown.text
    assert re.search(r'name="to" value="\d+"> Kwame Asante', unknown.text)  # the picker stays
    assert (
        "has no round 7"
        in browser.get(f"/applications/{app_id}/notes/new", params={"round": "7"}).text
    )
    bad = browser.get(f"/applications/{app_id}/notes/new", params={"round": "last"})
    assert bad.status_code == 400 and "is not a round number" in bad.text


def test_a_kept_note_with_a_bad_date_shows_the_drafts_again(browser: Browser, sqlite_app) -> None:
    app_id = _process(sqlite_app)
    response = browser.post(
        f"/applications/{app_id}/notes",
        {"variant": "1", "subject": "S", "body": "B", "sent_on": "someday"},
    )
    assert response.status_code == 422
    assert "is not a date" in field_error(response.text, "keep-1-sent-on")
    assert browser.get("/notes").text.count("<article") == 0


def test_keeping_a_note_needs_the_csrf_token(browser: Browser, sqlite_app) -> None:
    app_id = _process(sqlite_app)
    response = browser.client.post(
        f"/applications/{app_id}/notes", data={"subject": "S", "body": "B"}
    )
    assert response.status_code == 403


def test_hostile_names_stay_text(browser: Browser, sqlite_app) -> None:
    app_id = _process(sqlite_app, contact="<script>alert(1)</script> Eve")
    html = browser.get(f"/applications/{app_id}/notes/new").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Eve" in html


def test_nobody_to_thank_is_said_on_the_page(browser: Browser, sqlite_app: Nextround) -> None:
    app_id = browser.add_application()
    html = browser.get(f"/applications/{app_id}/notes/new").text
    assert "Nobody on record took part in application" in html_text(html)
    assert "nextround contact add" not in html and "--to" not in html  # web words on a web page
    assert f'href="/applications/{app_id}#people"' in html
    # Someone on record, but not as recruiter or hiring manager: pick them under "To".
    with sqlite_app.uow() as uow:
        add_contact(uow, "Tom Agent", ContactRole.OTHER, application_id=app_id)
    html = browser.get(f"/applications/{app_id}/notes/new").text
    assert "tick who the note is for under “To”" in html and "Tom Agent" in html


def test_the_eml_download_opens_in_a_mail_client(browser: Browser, sqlite_app) -> None:
    app_id = _process(sqlite_app)
    browser.post(
        f"/applications/{app_id}/notes", {"variant": "1", "subject": "Danke – Zoë", "body": "Hi"}
    )
    page = browser.get("/notes").text
    assert "give your name and address under “Who your notes are from”" in page
    assert "nextround note sender" not in page  # web words on a web page
    # Without an address, the .eml link leads to where it is given.
    early = browser.get("/notes/1.eml", follow_redirects=False)
    assert early.status_code == 303 and early.headers["location"] == "/notes#sender"
    bad = browser.post("/notes/sender", {"sender": "Zoë <zoe@@example>"})
    assert bad.status_code == 422
    assert "is not a name with an email address" in (field_error(bad.text, "sender-sender") or "")
    saved = browser.post("/notes/sender", {"sender": "Zoë Ångström <zoe@example.test>"})
    assert saved.status_code == 303
    page = browser.get("/notes").text
    assert "Your notes are signed by Zoë Ångström &lt;zoe@example.test&gt;." in page
    assert 'value="Zoë Ångström &lt;zoe@example.test&gt;"' in page  # shown as stored
    with sqlite_app.uow() as uow:
        assert get_sender(uow).email == "zoe@example.test"
    assert 'href="/notes/1.eml"' in browser.get("/notes").text
    response = browser.get("/notes/1.eml")
    assert response.headers["content-type"] == "message/rfc822"
    assert "attachment" in response.headers["content-disposition"]
    message = email.message_from_bytes(response.content, policy=policy.default)
    assert message["Subject"] == "Danke – Zoë"
    assert message["From"].addresses[0].display_name == "Zoë Ångström"


def test_an_offer_short_of_option_a_is_flagged_on_the_application_page(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = _process(sqlite_app)
    with sqlite_app.uow() as uow:
        options.define(uow, must_haves=["no relocation [location~amsterdam]"], threshold=3.5)
        options.rate(uow, app_id, {"scope": 2, "mission": 2, "compensation": 5})
    assert "Saying yes to the wrong thing?" not in browser.get(f"/applications/{app_id}").text
    response = browser.post(
        f"/applications/{app_id}/decision",
        {"outcome": "offer", "decided_on": "2026-10-20", "offer_response": "pending"},
    )
    assert response.status_code == 303
    html = browser.get(f"/applications/{app_id}").text
    # Only the offer is recorded, not a yes: advice before answering.
    assert "Before you answer the offer:" in html and "Saying yes" not in html
    assert "It misses the must-have “no relocation” (London)." in html
    # Scope, mission, compensation and location (derived) are rated: 4 of 7 weight points.
    assert re.search(
        r"On the 57% of the weight rated so far, it scores \d\.\d\d against your Option A, "
        r"below your threshold of 3\.5\.",
        html,
    )
    assert (
        f'Complete the score: <a href="/options?rate={app_id}#rate">rate growth; learning; '
        "team and manager</a>." in html
    )
    assert "partial: 57% of the weight rated" in html  # the Option A panel says it too
    # The location the record gave says why, on the rating form, and that a rating wins.
    form = " ".join(browser.get(f"/options?rate={app_id}").text.split())
    assert (
        "From the record: 1 (onsite in London, not a place your must-haves name: onsite "
        "counts 1). Pick a rating to override it." in form
    )
    assert "<strong>Gains:</strong> compensation 5/5" in html
    with sqlite_app.uow() as uow:
        set_decision(
            uow, app_id, Outcome.OFFER, date(2026, 10, 20), None, None, OfferResponse.DECLINED
        )
    assert "Before you answer" not in browser.get(f"/applications/{app_id}").text


def test_the_notes_after_declining_an_offer_say_so(browser: Browser, sqlite_app) -> None:
    app_id = _process(sqlite_app)
    with sqlite_app.uow() as uow:
        set_decision(
            uow, app_id, Outcome.OFFER, date(2026, 10, 20), None, None, OfferResponse.DECLINED
        )
    html = browser.get(f"/applications/{app_id}/notes/new").text
    assert "After declining the offer" in html and "After an offer" not in html
    assert "After a lot of thought, I have decided to decline it." in html  # the brief one
    kept = browser.post(
        f"/applications/{app_id}/notes",
        {"variant": "3", "tone": "after_offer", "subject": "Thanks", "body": "Hi Maya, thanks."},
    )
    assert kept.status_code == 303, kept.text
    listed = " ".join(browser.get("/notes").text.split())
    assert "To Maya Lindgren · after declining the offer · 3 words" in listed


def test_an_offer_taken_on_the_board_is_questioned_too(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = _process(sqlite_app)
    with sqlite_app.uow() as uow:
        options.define(uow, must_haves=["no relocation [location~amsterdam]"], threshold=3.5)
        options.rate(uow, app_id, {"scope": 2, "mission": 2, "compensation": 5})
    moved = browser.post(f"/applications/{app_id}/move", {"move": "offer"})
    assert moved.status_code == 303, moved.text
    shown = browser.get(moved.headers["location"]).text
    assert '<p class="flash">Tempoline: offer received.</p>' in shown
    assert (
        '<p class="flash-warning">Before you answer the offer: On the 57% of the weight rated so '
        "far, it scores 2.50 against" in shown
    )
    assert "it misses the must-have “no relocation” (London): see the application&#39;s" in shown


def test_reports_download_as_html_and_pdf(browser: Browser, sqlite_app) -> None:
    app_id = _process(sqlite_app)
    page = browser.get(f"/applications/{app_id}").text
    assert f'href="/applications/{app_id}/report.pdf"' in page
    html = browser.get(f"/applications/{app_id}/report.html")
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert re.search(
        r'attachment; filename="nextround-app-\d+-tempoline-[\d-]+\.html"',
        html.headers["content-disposition"],
    )
    assert "TPM at Tempoline" in html.text and "<script" not in html.text
    pdf = browser.get("/reports/profile.pdf?paper=letter")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert 'href="/reports/profile.pdf"' in browser.get("/data").text
    assert browser.get(f"/applications/{app_id}/report.doc").status_code == 404
    assert browser.get("/reports/profile.pdf?paper=a5").status_code == 400
    assert browser.get("/applications/999/report.html").status_code == 404


def test_notes_is_in_the_navigation(browser: Browser) -> None:
    assert '<a href="/notes"' in browser.get("/").text


def test_a_process_without_an_answer_gets_a_check_in_note(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from nextround.services.applications import close_application

    app_id = _process(sqlite_app)
    thanks = browser.get(f"/applications/{app_id}/notes/new").text
    assert "<title>Thank-you note · Tempoline" in thanks and "<h1>Thank-you note" in thanks
    with sqlite_app.uow() as uow:
        close_application(uow, app_id, Outcome.NO_RESPONSE)
    page = browser.get(f"/applications/{app_id}/notes/new").text
    assert "<title>Check-in note · Tempoline" in page
    assert "<h1>Check-in note" in page and 'aria-current="page">Check-in note</span>' in page


def test_a_screen_is_not_thanked_to_a_hiring_manager_who_was_not_in_it(
    browser: Browser, sqlite_app: Nextround
) -> None:
    with sqlite_app.uow() as uow:
        app = add_application(
            uow, {"company": "Acme Cloud", "role_title": "PM", "applied_on": date(2026, 10, 20)}
        )
        add_contact(uow, "Jordan Lee", ContactRole.HIRING_MANAGER, application_id=app.id)
        add_round(
            uow, app.id, {"name": "Recruiter screen", "kind": RoundKind.SCREEN,
                          "started_on": date(2026, 11, 10)},
        )  # fmt: skip
    html = html_text(browser.get(f"/applications/{app.id}/notes/new").text)
    assert "Nobody on record was in the recruiter screen (round 1)" in html
    assert "tick who was there under “To”, or add the recruiter under People" in html
    assert "Dear Jordan" not in html and "Jordan Lee" in html  # offered, not picked


def test_after_a_rejection_the_page_says_whom_it_took_for_recruiter_and_hiring_manager(
    browser: Browser, sqlite_app: Nextround
) -> None:
    # QA7: every person added as an interviewer, so no contact had the recruiter's role.
    with sqlite_app.uow() as uow:
        app = add_application(
            uow, {"company": "Brightwave", "role_title": "EM", "applied_on": date(2026, 9, 1)}
        )
        assert app.id is not None
        for position, (name, kind, person) in enumerate(
            (
                ("Recruiter screen", RoundKind.SCREEN, "Lucía Ferrer"),
                ("Hiring manager", RoundKind.HIRING_MANAGER, "Dev Malhotra"),
                ("Final loop", RoundKind.FINAL_LOOP, "Karin Holm"),
            ),
            start=1,
        ):
            day = date(2026, 9, 5 * position)
            add_round(uow, app.id, {"name": name, "kind": kind, "started_on": day})
            add_interview(
                uow,
                app.id,
                position,
                {
                    "title": f"With {person}",
                    "scheduled_at": datetime.combine(day, time(10), UTC),
                    "interviewers": [Interviewer(person)],
                },
            )
        set_decision(uow, app.id, Outcome.REJECTION, date(2026, 10, 1))
    page = html_text(browser.get(f"/applications/{app.id}/notes/new").text)
    assert "Dear Lucía and Dev," in page  # not the whole final loop
    assert (
        f"No contact of application {app.id} is on record as its recruiter or hiring manager, "
        "so this note goes to Lucía Ferrer as the recruiter (was in the recruiter screen) and "
        "Dev Malhotra as the hiring manager (was in the hiring manager round); if that is "
        "wrong, tick who the note is for under “To”"
    ) in page
    assert "nextround contact edit" not in page  # web words on a web page


def test_a_late_thank_you_checks_in_and_says_why_on_the_page(
    browser: Browser, sqlite_app: Nextround
) -> None:
    # QA8 F7: the same rule as the command line, with the page's own way to thank anyway.
    from datetime import timedelta

    held = date.today() - timedelta(days=15)
    with sqlite_app.uow() as uow:
        app = add_application(
            uow, {"company": "Wayfare", "role_title": "PM", "applied_on": held - timedelta(days=9)}
        )
        add_round(uow, app.id, {"name": "Hiring manager", "kind": RoundKind.HIRING_MANAGER,
                                "started_on": held})  # fmt: skip
        when = datetime.combine(held, time(10), UTC)
        details = {"title": "HM interview", "scheduled_at": when}
        add_interview(uow, app.id, None, {**details, "interviewers": [Interviewer("Marcus Webb")]})
        add_round(uow, app.id, {"name": "Onsite", "kind": RoundKind.FINAL_LOOP,
                                "started_on": date.today() + timedelta(days=6)})  # fmt: skip
        uow.commit()
        app_id = app.id
    page = browser.get(f"/applications/{app_id}/notes/new", params={"round": "1"}).text
    text = html_text(page)
    # The app's clock may not be today's: how late is counted from it.
    assert re.search(r"The hiring manager round was \d+ days ago and you are already through", text)
    assert "“After interview” above drafts a plain thank-you anyway" in text
    assert "--tone" not in text and "<h1>Check-in note" in page
    assert "next steps" not in text
    anyway = browser.get(
        f"/applications/{app_id}/notes/new", params={"round": "1", "tone": "after_interview"}
    ).text
    assert "<h1>Thank-you note" in anyway and "days ago" not in html_text(anyway)


def test_the_drafts_page_says_who_signs_the_notes(browser: Browser, sqlite_app: Nextround) -> None:
    # QA10 F9: the drafts ended "Best regards," with no name, and the page said nothing.
    from nextround.domain.resume import Resume, ResumeKind

    app_id = _process(sqlite_app)
    page = browser.get(f"/applications/{app_id}/notes/new").text
    assert "Best regards,\n[Your name]" in page
    assert "The drafts end “[Your name]”: replace it before you send" in page
    assert '<a href="/notes#sender">Who your notes are from</a>' in page
    with sqlite_app.uow() as uow:
        now = uow.now()
        uow.resumes.add(
            Resume(
                "cv.md", ResumeKind.MARKDOWN, name="Amara Okafor", created_at=now, updated_at=now
            )
        )
        uow.commit()
    page = browser.get(f"/applications/{app_id}/notes/new").text
    assert "Best regards,\nAmara Okafor" in page and "[Your name]" not in page
    assert "Signed with the name on your resume, Amara Okafor." in page


def test_the_application_page_offers_a_feedback_request_after_a_no_without_feedback(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = _process(sqlite_app)
    with sqlite_app.uow() as uow:
        add_round(
            uow,
            app_id,
            {
                "name": "Assessment centre",
                "kind": RoundKind.OTHER,
                "started_on": date(2026, 11, 10),
            },
        )
        add_interview(uow, app_id, 1, {"title": "Group exercise"})
        add_interview(uow, app_id, 1, {"title": "Presentation"})
        set_decision(uow, app_id, Outcome.REJECTION, date(2026, 11, 20))
    text = html_text(browser.get(f"/applications/{app_id}").text)
    assert "Ask for feedback" in text
    assert "No feedback is on record for the assessment centre. Best sent by" in text
    assert "to Maya Lindgren" in text
    assert "Dear Maya," in text
    assert "especially on the group exercise and the presentation?" in text
