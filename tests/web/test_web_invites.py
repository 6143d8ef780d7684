"""A calendar invite uploaded on an application's page: previewed, confirmed, escaped, once only."""

from __future__ import annotations

import html
import re
from pathlib import Path

from nextround.bootstrap import Nextround
from nextround.services.note_sender import set_sender
from tests.web.conftest import Browser, web_words
from tests.web.test_web_escaping import assert_inert

INVITES = Path(__file__).resolve().parents[1] / "fixtures" / "invites"


def _round(browser: Browser, company: str) -> tuple[int, int]:
    app_id = browser.add_application(company=company)
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Onsite", "kind": "hiring_manager", "started_on": "2026-11-20"},
    )
    page = browser.get(f"/applications/{app_id}").text
    assert "Import calendar invite" in page
    round_id = re.search(r'name="round" value="(\d+)"', page)
    assert round_id
    return app_id, int(round_id.group(1))


def _upload(browser: Browser, app_id: int, round_id: int, name: str, **fields: str):  # type: ignore[no-untyped-def]
    body = (INVITES / name).read_bytes() if (INVITES / name).exists() else name.encode()
    return browser.post(
        f"/applications/{app_id}/invites",
        {"round": str(round_id), **fields},
        files={"invite": (name if name.endswith(".ics") else "x.ics", body, "text/calendar")},
    )


def _confirm(browser: Browser, preview: str):  # type: ignore[no-untyped-def]
    """Submit the preview's confirm form as the browser would, hidden fields and all."""
    form = re.search(r'action="(/applications/\d+/invites/import)".*?</form>', preview, re.S)
    assert form, "no Import button on the preview"
    text = re.search(r'<textarea name="invite_text" hidden>(.*?)</textarea>', form.group(0), re.S)
    assert text
    fields = {"invite_text": html.unescape(text.group(1))}
    for name, value in re.findall(
        r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.group(0)
    ):
        if name != "csrf_token":
            fields[name] = html.unescape(value)
    return browser.post(form.group(1), fields)


def test_an_invite_is_previewed_then_imported_once(browser: Browser, sqlite_app: Nextround) -> None:
    app_id, round_id = _round(browser, "Zentrofy")
    preview = _upload(browser, app_id, round_id, "google.ics", me="sam.candidate@mail.example")
    assert preview.status_code == 200
    text = html.unescape(preview.text)
    # Your own name (the invite's name for your address) is no part of the title.
    assert "Add “System Design Interview” (system design, 60 min)" in text
    assert "with Riley Recruiter, Dana Architect" in text
    with sqlite_app.uow() as uow:  # a preview writes nothing
        assert not uow.applications.get(app_id).ordered_rounds[0].interviews
    done = _confirm(browser, preview.text)
    assert done.status_code == 303
    page = html.unescape(browser.get(done.headers["location"]).text)
    assert "Added interview" in page and "System Design Interview" in page
    assert "(Sam Candidate)" not in page
    again = _upload(browser, app_id, round_id, "google.ics", me="sam.candidate@mail.example")
    assert "already on record" in html.unescape(again.text)
    assert 'id="invite-nothing"' in again.text and "/invites/import" not in again.text


def test_hostile_words_in_an_invite_stay_text_on_the_page(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, round_id = _round(browser, "Acme")
    raw = (
        (INVITES / "hostile.ics")
        .read_bytes()
        .replace(b"SUMMARY:Case interview", b"SUMMARY:Case <script>alert(1)</script>")
    )
    preview = browser.post(
        f"/applications/{app_id}/invites",
        {"round": str(round_id)},
        files={"invite": ("evil.ics", raw, "text/calendar")},
    )
    assert_inert(preview.text)
    done = _confirm(browser, preview.text)
    page = browser.get(done.headers["location"]).text
    assert_inert(page)
    assert "&lt;b&gt;please&lt;/b&gt;" in page  # the description's escaped tag, kept as text


def test_a_file_that_is_no_invite_says_what_to_fix_and_imports_nothing(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, round_id = _round(browser, "Lumenhall")
    for name, said in (
        ("all-day.ics", "all-day event"),
        ("far-future.ics", "years ahead"),
        ("hello, this is a letter", "not a calendar invite"),
    ):
        refused = _upload(browser, app_id, round_id, name)
        assert refused.status_code == 422
        message = re.search(r'id="invite-error">([^<]*)<', refused.text)
        assert message and said in html.unescape(message.group(1))
        assert "Nothing was imported." in web_words(message.group(1))


def test_another_companys_invite_is_warned_about_and_a_damaged_one_keeps_the_round(
    browser: Browser, sqlite_app: Nextround
) -> None:
    aurora, aurora_round = _round(browser, "Aurora Analytics GmbH")
    tidewater, round_id = _round(browser, "Tidewater Labs")
    me = {"me": "tom.becker@posteo.de"}
    first = _upload(browser, aurora, aurora_round, "google-other-company.ics", **me)
    assert _confirm(browser, first.text).status_code == 303
    preview = _upload(browser, tidewater, round_id, "google-other-company.ics", **me)
    text = web_words(preview.text)
    elsewhere = f"interview 1 of Aurora Analytics GmbH (application {aurora})"
    assert f"Warning: this invite is already {elsewhere}." in text
    assert "not Tidewater Labs." in text
    assert 'name="also_here"' in preview.text
    refused = _confirm(browser, preview.text)  # the box left unticked
    assert refused.status_code == 422 and "Import it here as well" in web_words(refused.text)
    with sqlite_app.uow() as uow:
        assert not uow.applications.get(tidewater).ordered_rounds[0].interviews
    broken = _upload(browser, tidewater, round_id, "damaged-cut-short.ics")
    assert broken.status_code == 422
    words = web_words(broken.text)
    assert "Round 1 (Onsite) of Tidewater Labs" in words
    assert "line 7 ends VCALENDAR where END:VEVENT belongs" in words
    assert f'name="round" value="{round_id}"' in broken.text


def test_a_recruiter_who_only_organises_is_left_out_and_said_so(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, round_id = _round(browser, "Tidewater Labs")
    me = {"me": "tom.becker@posteo.de"}
    preview = _upload(browser, app_id, round_id, "outlook-recruiter.ics", **me)
    text = web_words(preview.text)
    assert "Left out the organiser, Jana Roth (recruiter?) — not an attendee." in text
    assert "with Markus Engel, Priya Nair" in text
    assert _confirm(browser, preview.text).status_code == 303
    with sqlite_app.uow() as uow:
        (made,) = uow.applications.get(app_id).ordered_rounds[0].interviews
    assert [p.name for p in made.interviewers] == ["Markus Engel", "Priya Nair"]


def test_the_address_you_sign_notes_with_is_left_out_and_said_so(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, round_id = _round(browser, "Zentrofy")
    with sqlite_app.uow() as uow:
        set_sender(uow, "Sam Candidate <sam.candidate@mail.example>")
    preview = _upload(browser, app_id, round_id, "google.ics")
    text = web_words(preview.text)
    assert "Leaving you out: sam.candidate@mail.example" in text
    assert "with Riley Recruiter, Dana Architect" in text
    assert "To leave yourself out" not in text
    assert _confirm(browser, preview.text).status_code == 303
    with sqlite_app.uow() as uow:
        (made,) = uow.applications.get(app_id).ordered_rounds[0].interviews
    assert [p.name for p in made.interviewers] == ["Riley Recruiter", "Dana Architect"]
