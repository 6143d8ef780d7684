"""The Data page's spreadsheet upload: `app import` on the web, with CSRF and per-row errors."""

from __future__ import annotations

import html
import re
from datetime import date

from nextround.bootstrap import Nextround
from nextround.domain.calendar_days import MONTH_NAMES
from tests.web.conftest import Browser, field_error, web_words
from tests.web.test_web_escaping import EVIL, assert_inert

SHEET = (
    "\ufeffCompany;Role;Applied;Source;Salary\n"
    f"Stripe;Software Engineer;2026-10-01;careers page;1\n"
    f"{EVIL};Backend Developer;01.10.2026;referral;\n"
    "Stripe;Software Engineer;2026-10-01;;\n"
).encode()


def _upload(browser: Browser, body: bytes, **fields: str):  # type: ignore[no-untyped-def]
    return browser.post(
        "/data/applications", fields, files={"sheet": ("apps.csv", body, "text/csv")}
    )


def _companies(nextround: Nextround) -> list[str]:
    with nextround.uow() as uow:
        return [a.company for a in uow.applications.all()]


def test_a_sheet_is_checked_then_imported_then_skipped_when_uploaded_again(
    browser: Browser, sqlite_app: Nextround
) -> None:
    assert "Import applications from a spreadsheet" in browser.get("/data").text
    preview = _upload(browser, SHEET, dry_run="1")
    assert preview.status_code == 200
    assert_inert(preview.text)
    text = " ".join(html.unescape(preview.text).split())
    assert "Dry run, nothing was added: would add 2 applications; would skip 1 (repeated in " \
        "the file: 1)." in text  # fmt: skip
    assert "Skip, line 4: Stripe, Software Engineer (applied 2026-10-01): repeats line 2" in text
    assert "Note: ignored the column Salary" in text
    assert _companies(sqlite_app) == []
    done = _upload(browser, SHEET)
    assert done.status_code == 303 and done.headers["location"] == "/applications"
    page = browser.get("/applications")
    said = " ".join(html.unescape(page.text).split())
    assert "Added 2 applications (ids 1 to 2), skipped 1 (repeated in the file: 1)." in said
    assert_inert(page.text)
    assert _companies(sqlite_app) == ["Stripe", EVIL]
    again = _upload(browser, SHEET)
    assert again.status_code == 303
    assert "Added nothing, skipped 3 (already tracked: 3)." in html.unescape(
        browser.get("/applications").text
    )
    assert len(_companies(sqlite_app)) == 2


def test_bad_rows_are_listed_and_nothing_is_added(browser: Browser, sqlite_app: Nextround) -> None:
    bad = SHEET + b"Acme;Engineer;2026-13-01;xing;\n;Ops;2026-10-01;;\n"
    response = _upload(browser, bad)
    assert response.status_code == 422
    assert_inert(response.text)
    message = web_words(field_error(response.text, "sheet-sheet"))
    assert "The file apps.csv has 2 rows to fix, listed below; nothing was added" in message
    text = html.unescape(response.text)
    assert "line 5: applied date '2026-13-01' has no month 13" in text
    assert "source 'xing'" not in text  # QA17 F6: read as other, named in the notes
    assert "line 6: company is empty" in text
    assert _companies(sqlite_app) == []
    header = _upload(browser, b"name,when\nx,y\n")
    assert header.status_code == 422
    assert "needs a column for the company, role and applied date" in web_words(
        field_error(header.text, "sheet-sheet")
    )
    picture = _upload(browser, b"\x89PNG\r\n\x1a\n" + bytes(16))
    assert "is a PNG image, not a CSV file" in web_words(field_error(picture.text, "sheet-sheet"))
    assert browser.post("/data/applications", {}).status_code == 422


def test_the_upload_needs_the_csrf_token(browser: Browser, sqlite_app: Nextround) -> None:
    response = browser.client.post(
        "/data/applications", files={"sheet": ("apps.csv", SHEET, "text/csv")}
    )
    assert response.status_code == 403
    assert _companies(sqlite_app) == []


def _checked_token(page: str) -> str:
    found = re.search(r'name="checked" value="([^"]+)"', page)
    assert found, "the preview offers no import of the checked file"
    return found.group(1)


def test_the_checked_file_is_imported_without_choosing_it_again(
    browser: Browser, sqlite_app: Nextround
) -> None:
    sheet = "Company;Role;Applied\nSociété Générale;Analyst – Risk;2025-10-01\n".encode("cp1252")
    preview = _upload(browser, sheet, dry_run="1")
    text = " ".join(html.unescape(preview.text).split())
    assert "Note: read as Windows-1252 (not UTF-8)" in text
    assert "Import 1 application from this file" in text
    token = _checked_token(preview.text)
    assert _companies(sqlite_app) == []  # nothing written until confirmed
    # Without the CSRF token, nothing is imported.
    forged = browser.client.post("/data/applications/checked", data={"checked": token})
    assert forged.status_code == 403 and _companies(sqlite_app) == []
    done = browser.post("/data/applications/checked", {"checked": token})
    assert done.status_code == 303 and done.headers["location"] == "/applications"
    assert _companies(sqlite_app) == ["Société Générale"]
    said = " ".join(html.unescape(browser.get("/applications").text).split())
    assert "Added 1 application (id 1)." in said and "Read as Windows-1252" in said
    # Imported once: the token is spent, and an unknown one is refused, adding nothing.
    for spent in (token, "made-up"):
        again = browser.post("/data/applications/checked", {"checked": spent})
        assert again.status_code == 422
        assert (
            "the checked file is no longer held"
            in web_words(field_error(again.text, "sheet-sheet")).lower()
        )
    assert _companies(sqlite_app) == ["Société Générale"]


def test_the_checked_file_is_checked_again_when_imported(
    browser: Browser, sqlite_app: Nextround
) -> None:
    token = _checked_token(_upload(browser, SHEET, dry_run="1").text)
    # Added meanwhile (another tab): the import skips it, as it skips any application on record.
    assert _upload(browser, SHEET).status_code == 303
    done = browser.post("/data/applications/checked", {"checked": token})
    assert done.status_code == 303
    assert "Added nothing, skipped 3 (already tracked: 3)." in html.unescape(
        browser.get("/applications").text
    )
    assert len(_companies(sqlite_app)) == 2
    # A preview that would add nothing offers no import.
    nothing = _upload(browser, SHEET, dry_run="1")
    assert 'name="checked"' not in nothing.text


def test_the_order_of_dates_is_asked_chosen_and_kept_for_the_checked_import(
    browser: Browser, sqlite_app: Nextround
) -> None:
    # QA17 F2: nothing in the column tells 2 August from February 8; the page asks.
    sheet = b"Company,Role,Applied,Status\nArm,Graduate SWE,02/08/2026,rejected after OA\n"
    page = browser.get("/data").text
    assert 'name="dates"' in page and "Day first (UK, Europe: 2 August 2026)" in page
    asked = _upload(browser, sheet, dry_run="1")
    assert asked.status_code == 422
    said = web_words(field_error(asked.text, "sheet-sheet"))
    assert "could have the day or the month first" in said
    assert "choose the order of dates such as 02/08/2026" in said and "--dates" not in said
    preview = _upload(browser, sheet, dry_run="1", dates="day_first")
    text = " ".join(html.unescape(preview.text).split())
    # The status's "after OA" adds that round, shown before the ending.
    assert "Add, line 2: Arm, Graduate SWE (applied 2026-08-02); round OA (online assessment, " \
        "rejected); closed as rejection, day not known (rejected after OA)" in text  # fmt: skip
    assert "day first (2 August 2026), as you chose" in text
    assert 'name="dates" value="day_first"' in preview.text  # carried to "Import these"
    done = browser.post(
        "/data/applications/checked",
        {"checked": _checked_token(preview.text), "dates": "day_first"},
    )
    assert done.status_code == 303
    with sqlite_app.uow() as uow:
        (arm,) = uow.applications.all()
        assert arm.applied_on.isoformat() == "2026-08-02"
        assert arm.current_decision is not None
        assert arm.current_decision.outcome.value == "rejection"


def test_a_cell_that_is_no_date_is_told_the_forms_the_hint_names(
    browser: Browser, sqlite_app: Nextround
) -> None:
    """QA21 F13: the advice named one form, with last year's example, unlike the field's hint."""
    response = _upload(browser, b"Company,Role,Applied\nMonzo,Staff DS,next week\n")
    assert response.status_code == 422
    text = html.unescape(response.text)
    today = date.today()
    assert (
        f"line 2: applied date 'next week' is not a date; write it as {today.isoformat()}, "
        f"{today.day} {MONTH_NAMES[today.month - 1][:3]} {today.year}, today or yesterday"
    ) in text
    assert "2025-05-14" not in text
    assert _companies(sqlite_app) == []


def test_a_ghosted_row_with_no_closed_date_is_shown_with_its_day_not_known(
    browser: Browser, sqlite_app: Nextround
) -> None:
    # QA21 F9: "closed as no response on 2026-09-18", the day he applied.
    sheet = (
        b"Company,Role,Applied,Status,Closed on\n"
        b"Lloyds Banking Group,Lead Data Scientist,18/09/2026,ghosted,\n"
    )
    preview = " ".join(html.unescape(_upload(browser, sheet, dry_run="1").text).split())
    assert "closed as no response, day not known" in preview
    assert "closed as no response on 2026-09-18" not in preview
    assert _upload(browser, sheet).status_code == 303
    page = browser.get("/applications/1").text
    decision = web_words(page.split('id="decision"', 1)[1].split("</section>")[0])
    assert "day not known" in decision and "18 Sept" not in decision
    assert "The day it ended was not given" in decision
    timeline = page.split('id="timeline"', 1)[1].split("</section>")[0]
    assert "Day not known" in timeline


def test_the_decision_form_of_a_day_not_known_comes_empty_and_saved_empty_keeps_it(
    browser: Browser, sqlite_app: Nextround
) -> None:
    # QA21 F9: the form came filled with the day applied, the stand-in, as if the real day.
    sheet = (
        b"Company,Role,Applied,Status,Closed on\n"
        b"Lloyds Banking Group,Lead Data Scientist,18/09/2026,ghosted,\n"
    )
    assert _upload(browser, sheet).status_code == 303
    page = browser.get("/applications/1/forms/decision").text
    form = page.split('action="/applications/1/decision"', 1)[1].split("</form>", 1)[0]
    [day] = re.findall(r'<input[^>]*name="decided_on"[^>]*>', form)
    assert 'value=""' in day and "required" not in day
    assert "Day not known; give it if you know it" in web_words(form)
    fields = {"outcome": "no_response", "decided_on": "", "day_not_known": "1", "reason": "silence"}
    assert browser.post("/applications/1/decision", fields).status_code == 303
    with sqlite_app.uow() as uow:
        kept = uow.applications.get(1).current_decision
    assert kept is not None
    assert (kept.day_known, kept.reason) == (False, "silence")
    fields["decided_on"] = "2026-10-02"
    assert browser.post("/applications/1/decision", fields).status_code == 303
    with sqlite_app.uow() as uow:
        given = uow.applications.get(1).current_decision
    assert given is not None
    assert (given.decided_on, given.day_known) == (date(2026, 10, 2), True)
    page = browser.get("/applications/1/forms/decision").text
    form = page.split('action="/applications/1/decision"', 1)[1].split("</form>", 1)[0]
    assert 'value="2026-10-02"' in form and "day_not_known" not in form


def test_a_closed_application_with_no_day_names_no_made_up_day(
    browser: Browser, sqlite_app: Nextround
) -> None:
    # QA21 F9: the rounds' note and the delete box named the stand-in day as the decision's.
    sheet = (
        b"Company,Role,Applied,Status,Closed on\n"
        b"Lloyds Banking Group,Lead Data Scientist,18/09/2026,ghosted,\n"
    )
    assert _upload(browser, sheet).status_code == 303
    page = browser.get("/applications/1").text
    rounds = web_words(page.split("This application is closed.", 1)[1].split("</p>", 1)[0])
    assert "The day it ended is not known" in rounds
    assert "held by the decision on" not in rounds
    delete = web_words(browser.get("/applications/1/forms/delete-decision").text)
    assert "Yes, delete the no response, day not known" in delete
    assert "no response of" not in delete
