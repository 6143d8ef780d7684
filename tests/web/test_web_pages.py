"""Every page answers with its key content; unknown ids and addresses get the 404 page."""

from __future__ import annotations

import re

from nextround.bootstrap import Nextround
from tests.web.conftest import Browser, load_demo_journey


def test_empty_dashboard_invites_a_first_application(browser: Browser) -> None:
    page = browser.get("/")
    assert page.status_code == 200
    assert "Nothing tracked yet" in page.text
    assert 'href="/applications?new=1#new"' in page.text


def test_dashboard_shows_board_agenda_funnel_and_growth_panels(
    browser: Browser, sqlite_app: Nextround
) -> None:
    load_demo_journey(sqlite_app)
    page = browser.get("/")
    assert page.status_code == 200
    html = page.text
    for column in ("Applied", "Screening", "Interviewing", "Final round", "Offer"):
        assert f">{column}</h3>" in html
    assert "Mossgrove Climate" in html  # the one open process in the demo
    assert "Upcoming interviews" in html and "Conversation with the VP Engineering" in html
    assert "<title" in html and "Funnel: how far applications got" in html
    assert "Closed:" in html and "3 rejected" in html
    assert "Coming with the growth engine" not in html
    # The growth panels: the week's plan (none built yet) and a small profile radar.
    assert ">This week</h2>" in html and "Build your plan" in html
    assert "Profile radar (small)" in html
    assert 'href="/profile/systems-thinking">Systems thinking</a>' in html
    # The statements still waiting for a verdict are one click away.
    with sqlite_app.uow() as uow:
        waiting = len(uow.statements.unconfirmed())
    assert waiting and f'. <a href="/feedback">{waiting} feedback statements to review</a>' in html
    with sqlite_app.uow() as uow:
        assert uow.statements.count_unconfirmed() == waiting


def test_nav_lists_every_page(browser: Browser) -> None:
    html = browser.get("/").text
    nav = html[html.index('<nav class="nav"') : html.index("</nav>")]
    for path in ("/applications", "/feedback", "/profile", "/plan", "/stories", "/frameworks"):
        assert f'href="{path}"' in nav
    assert 'href="/data"' in nav


def test_application_list_filters_sorts_and_pages(browser: Browser) -> None:
    for n in range(55):
        browser.add_application(company=f"Company {n:02d}", role_title="PM", tags="fintech")
    browser.add_application(company="Zed Systems", role_title="TPM", tags="climate")
    first = browser.get("/applications")
    assert "Showing 1–50 of 56" in first.text and "Page 1 of 2" in first.text
    second = browser.get("/applications?page=2")
    assert "Showing 51–56 of 56" in second.text
    assert "Zed Systems" in browser.get("/applications?q=zed").text
    assert "Company 01" not in browser.get("/applications?tag=climate").text
    by_company = browser.get("/applications?sort=company").text
    assert by_company.index("Company 00") < by_company.index("Company 01")
    assert "Showing 1–1 of 1 matching" in browser.get("/applications?company=zed").text
    assert "No application matches" in browser.get("/applications?status=offer").text


def test_list_ignores_a_bad_filter_and_says_so(browser: Browser) -> None:
    browser.add_application()
    page = browser.get("/applications?from=yesterday-ish&status=bogus")
    assert page.status_code == 200
    assert "is not a date" in page.text and "is not a status" in page.text
    assert "Acme" in page.text


def test_list_refuses_a_latest_date_before_the_earliest(browser: Browser) -> None:
    browser.add_application()
    page = browser.get("/applications?from=2026-08-01&to=2026-01-01")
    assert page.status_code == 200
    assert "2026-01-01 is before the earliest date, 2026-08-01; give a later one" in page.text
    assert "Acme" in page.text  # the latest date is ignored, not the whole list


def test_htmx_asks_for_just_the_results(browser: Browser) -> None:
    browser.add_application()
    fragment = browser.get(
        "/applications?q=acme", headers={"HX-Request": "true", "HX-Target": "results"}
    )
    assert fragment.text.lstrip().startswith('<section id="results"')
    assert "<html" not in fragment.text


def test_the_list_filters_fold_and_open_when_one_is_on(browser: Browser) -> None:
    browser.add_application()
    fold = re.compile(
        r'<details class="filter-fold disclosure" id="filters"( open)?>\s*<summary>'
        r'<span>Filter and sort<span id="filter-count">([^<]*)</span></span></summary>'
    )
    plain = fold.search(browser.get("/applications").text)
    assert plain and plain.groups() == (None, "")
    # Opened when filters are on, with their number; the default order is not one of them.
    filtered = fold.search(browser.get("/applications?q=acme&status=open&sort=newest").text)
    assert filtered and filtered.groups() == (" open", " (2 active)")
    sorted_ = fold.search(browser.get("/applications?sort=company").text)
    assert sorted_ and sorted_.groups() == (" open", " (1 active)")
    # Typing (htmx) brings the number on the summary up to date, out of band.
    fragment = browser.get(
        "/applications?q=acme&tag=x", headers={"HX-Request": "true", "HX-Target": "results"}
    ).text
    assert '<span id="filter-count" hx-swap-oob="true"> (2 active)</span>' in fragment
    assert "Filter and sort" not in fragment  # the rest of the form stays as it is


def test_a_phone_card_leaves_out_empty_rounds(browser: Browser) -> None:
    app_id = browser.add_application(company="Roundless")
    listing = browser.get("/applications").text
    assert '<td data-label="Rounds" class="blank-cell">0</td>' in listing
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Screen", "kind": "screen", "started_on": "2026-10-05"},
    )
    assert '<td data-label="Rounds">1</td>' in browser.get("/applications").text


def test_application_page_shows_the_whole_process(browser: Browser, sqlite_app: Nextround) -> None:
    loaded = load_demo_journey(sqlite_app)
    page = browser.get(f"/applications/{loaded.main_application}")
    assert page.status_code == 200
    html = page.text
    assert "Technical Program Manager" in html and "Tempoline" in html
    assert "Round 3" in html and "Final loop" in html
    assert "Practical exercise: map a process on the whiteboard" in html
    assert "risk management" in html  # the feedback, word for word
    assert "Maya Lindgren" in html  # a contact
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in html
    assert 'aria-labelledby="timeline-' in html


def test_data_page_offers_exports_and_import(browser: Browser) -> None:
    page = browser.get("/data")
    assert page.status_code == 200
    for link in ("/data/backup.json", "/data/applications.csv", "/data/interviews.ics"):
        assert f'href="{link}"' in page.text
    assert 'enctype="multipart/form-data"' in page.text
    assert "At most 5 MB" in page.text
    # Downloaded, the CSV opens in Excel as UTF-8: it starts with the byte-order mark.
    assert browser.get("/data/applications.csv").content.startswith(b"\xef\xbb\xbfid,")


def test_unknown_application_gets_the_404_page(browser: Browser) -> None:
    page = browser.get("/applications/999")
    assert page.status_code == 404
    assert "There is no application with id 999." in page.text
    assert "<nav" in page.text  # a real page, with the way back
    assert "The Applications page lists what there is." in page.text
    # Each kind of thing points to the page that lists its kind.
    for path, where in (
        ("/stories/999", "The Stories page lists"),
        ("/feedback/999", "All feedback lists"),
        ("/frameworks/nope", "The Frameworks page lists"),
    ):
        other = browser.get(path)
        assert other.status_code == 404 and where in other.text, path


def test_non_numeric_id_and_unknown_path_are_404(browser: Browser) -> None:
    assert browser.get("/applications/abc").status_code == 404
    missing = browser.get("/nowhere")
    assert missing.status_code == 404 and "There is no page at this address." in missing.text


def test_unknown_round_or_interview_is_404(browser: Browser) -> None:
    assert browser.post("/rounds/77", {"name": "x"}).status_code == 404
    assert browser.post("/interviews/77", {"title": "x"}).status_code == 404
    assert (
        browser.post(
            "/applications/77/rounds", {"name": "x", "started_on": "2026-10-02"}
        ).status_code
        == 404
    )


def test_static_assets_are_vendored(browser: Browser) -> None:
    html = browser.get("/").text
    for name in ("app.css", "htmx.min.js", "favicon.svg", "focus.js", "working.js"):
        assert f"/static/{name}?v=" in html
    htmx = browser.get("/static/htmx.min.js")
    assert htmx.status_code == 200 and "htmx" in htmx.text[:200]
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html


def test_round_and_interview_forms_load_on_demand(browser: Browser, sqlite_app: Nextround) -> None:
    loaded = load_demo_journey(sqlite_app)
    app_id = loaded.main_application
    interview_id = next(iter(loaded.interviews.values()))
    page = browser.get(f"/applications/{app_id}").text
    assert f'hx-get="/applications/{app_id}/forms/interview-{interview_id}"' in page
    assert f'id="interview-{interview_id}-title"' not in page  # not rendered until asked
    htmx = {"HX-Request": "true"}
    fragment = browser.get(f"/applications/{app_id}/forms/interview-{interview_id}", headers=htmx)
    assert fragment.status_code == 200 and f'id="interview-{interview_id}-title"' in fragment.text
    assert 'name="csrf_token"' in fragment.text
    assert (
        browser.get(f"/applications/{app_id}/forms/new-interview-2", headers=htmx).status_code
        == 200
    )
    assert browser.get(f"/applications/{app_id}/forms/round-999", headers=htmx).status_code == 404
    assert browser.get(f"/applications/{app_id}/forms/bogus-1", headers=htmx).status_code == 404
    # Without JavaScript the link opens the page with that form in it.
    plain = browser.get(
        f"/applications/{app_id}/forms/interview-{interview_id}", follow_redirects=False
    )
    assert plain.status_code == 303
    with_form = browser.get(f"/applications/{app_id}?form=interview-{interview_id}").text
    assert f'id="interview-{interview_id}-title"' in with_form
