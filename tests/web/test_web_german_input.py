"""The web for a job seeker in Germany: portfolio reviews, German dates, Excel's semicolons."""

from __future__ import annotations

import re

from nextround.bootstrap import Nextround
from nextround.io.job_search_csv import OFFER_COLUMNS
from nextround.services import options
from nextround.services.applications import get_application
from tests.web.conftest import Browser


def _new_round_kinds(page: str) -> str:
    """The kind select of the "Add a round" form (the form posting to .../rounds)."""
    form = re.search(r'<form [^>]*action="/applications/\d+/rounds".*?</form>', page, re.S)
    assert form is not None
    found = re.search(r'<select[^>]*name="kind"[^>]*>(.*?)</select>', form.group(0), re.S)
    assert found is not None
    return found.group(1)


def test_a_portfolio_review_is_a_round_kind_and_a_new_round_starts_as_the_cli_default(
    browser: Browser, sqlite_app: Nextround
):
    # QA12 F8: no kind for a portfolio review, and "Add a round" pre-selected Hiring manager
    # (the CLI's default is other), so a portfolio presentation was saved as one.
    app_id = browser.add_application(company="Zalando", role_title="Product Designer")
    for _ in range(2):  # without rounds and with one: the same default both times
        kinds = _new_round_kinds(browser.get(f"/applications/{app_id}?form=new-round").text)
        assert '<option value="presentation">Presentation / portfolio review</option>' in kinds
        assert re.findall(r'<option value="(\w+)" selected>', kinds) == ["other"]
        added = browser.post(
            f"/applications/{app_id}/rounds",
            {"name": "Portfolio review", "kind": "presentation", "started_on": "2026-10-14"},
        )
        assert added.status_code == 303
    with sqlite_app.uow() as uow:
        app = get_application(uow, app_id)
    assert [r.kind.value for r in app.rounds] == ["presentation", "presentation"]
    # A portfolio review is an interview stage, not the deciding round.
    assert app.status.value == "interviewing"
    assert (
        "Presentation / portfolio review · 14 Oct 2026"
        in browser.get(f"/applications/{app_id}").text
    )


def test_a_day_with_dots_and_a_decimal_comma_are_read_as_on_the_command_line(
    browser: Browser, sqlite_app: Nextround
):
    # QA12 F8: one date parser and one number reading for both.
    app_id = browser.add_application(company="Personio", applied_on="1.10.2026")
    added = browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Portfolio review", "kind": "presentation", "started_on": "20.10.2026"},
    )
    assert added.status_code == 303
    with sqlite_app.uow() as uow:
        app = get_application(uow, app_id)
        criteria = options.get_option_a(uow).criteria
    assert (str(app.applied_on), str(app.rounds[0].started_on)) == ("2026-10-01", "2026-10-20")
    sent = {f"weight-{c.id}": "1" for c in criteria}
    saved = browser.post("/options/weights", {**sent, f"weight-{criteria[0].id}": "1,5",
                                               "threshold": "3,5"})  # fmt: skip
    assert saved.status_code == 303, saved.text
    with sqlite_app.uow() as uow:
        option_a = options.get_option_a(uow)
    assert (option_a.criteria[0].weight, option_a.threshold) == (1.5, 3.5)


def test_the_data_page_offers_the_proof_of_search_for_german_excel(browser: Browser):
    # QA12 F4: the web's CSV, like the CLI's, opened in one column in German Excel.
    import csv
    import io

    browser.add_application(company="Ömer GmbH", location="München", notes="via Xing")
    page = browser.get("/data").text
    link = re.search(r'<a class="btn[^"]*" href="([^"]+)" download>CSV for Excel in German', page)
    assert link is not None and "--semicolon" not in page
    german = browser.get(link.group(1).replace("&amp;", "&"))
    assert german.status_code == 200
    assert german.content.startswith(b"\xef\xbb\xbfid;company;")
    assert "excel-semicolon" in german.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(german.content.decode("utf-8-sig")), delimiter=";"))
    assert (rows[0]["company"], rows[0]["location"], rows[0]["notes"]) == (
        "Ömer GmbH",
        "München",
        "via Xing",
    )
    # The first link is as before: commas, the mark, and the notes and tags before the
    # offer's terms and how each was sent, the columns added since.
    plain = browser.get("/data/applications.csv").content
    assert plain.startswith(b"\xef\xbb\xbfid,company,") and plain.split(b"\r\n")[0].endswith(
        ",".join(("", "notes", "tags", *OFFER_COLUMNS, "method")).encode()
    )
    assert browser.get("/data/applications.csv?separator=pipe").status_code == 400
