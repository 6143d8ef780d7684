"""What the pages give a keyboard and a screen reader before any script runs.

Every box a table scrolls in takes the focus and is named; each button a list repeats per
statement names its statement; the forms that take seconds carry the message working.js
shows, and the page carries the status line it says it in. The browser side of each is in
tests/e2e/test_web_keyboard_names_browser.py.
"""

from __future__ import annotations

import html
import re

import pytest

from nextround.bootstrap import Nextround
from tests.web.conftest import Browser, load_demo_journey

#: The opening tag of every box a table scrolls in.
SCROLL_BOX = re.compile(r'<div class="(?:table-wrap|table-scroll)[^"]*"[^>]*>')


def sr_names(page: str, visible: str) -> list[str]:
    """What a screen reader hears for each button or link whose visible words are ``visible``."""
    pattern = rf'>{re.escape(visible)}<span class="sr-only">([^<]*)</span>'
    return [html.unescape(m) for m in re.findall(pattern, page)]


@pytest.mark.parametrize(
    ("path", "labels"),
    [
        ("/options", ["Ranking table"]),
        ("/profile", ["Calibration over time", "Scores by quarter",
                      "You and others, by competency", "Every competency with evidence"]),
        ("/stories", ["Coverage: competencies against stories"]),
        ("/applications", ["Applications"]),
    ],
)  # fmt: skip
def test_every_scrolling_table_box_takes_the_focus_and_is_named(
    browser: Browser, sqlite_app: Nextround, path: str, labels: list[str]
) -> None:
    load_demo_journey(sqlite_app)
    page = browser.get(path).text
    boxes = SCROLL_BOX.findall(page)
    assert boxes, f"no table box on {path}"
    for box in boxes:
        assert 'role="region"' in box and 'tabindex="0"' in box, box
    assert [re.search(r'aria-label="([^"]*)"', b).group(1) for b in boxes] == labels  # type: ignore[union-attr]


def test_every_page_loads_the_script_that_keeps_a_fitting_table_box_out_of_the_tab_order(
    browser: Browser, sqlite_app: Nextround
) -> None:
    load_demo_journey(sqlite_app)
    for path in ("/options", "/profile", "/stories", "/applications"):
        assert "/static/scroll-box.js?v=" in browser.get(path).text, path
    script = browser.get("/static/scroll-box.js")
    assert script.status_code == 200 and 'removeAttribute("tabindex")' in script.text


def test_the_applications_list_keeps_its_named_box_when_htmx_asks_for_it(
    browser: Browser, sqlite_app: Nextround
) -> None:
    load_demo_journey(sqlite_app)
    fragment = browser.get(
        "/applications?page=1", headers={"HX-Request": "true", "HX-Target": "results"}
    )
    assert fragment.status_code == 200
    assert "<html" not in fragment.text
    [box] = SCROLL_BOX.findall(fragment.text)
    assert 'aria-label="Applications"' in box and 'tabindex="0"' in box


def test_each_confirm_quotes_its_statement_and_a_long_one_is_cut_at_a_word(
    browser: Browser, sqlite_app: Nextround
) -> None:
    load_demo_journey(sqlite_app)
    page = browser.get("/feedback").text
    statements = [
        html.unescape(s)
        for s in re.findall(r'<blockquote class="statement" id="[^"]+">([^<]*)</blockquote>', page)
    ]
    names = sr_names(page, "Confirm")
    assert len(names) == len(statements) > 1
    assert len(set(names)) == len(names), names
    for number, (statement, name) in enumerate(zip(statements, names, strict=True), start=1):
        # Its place in the inbox, as a feedback's page numbers its statements, then its words.
        which, quoted = name.strip().split(", ", 1)
        assert which == f"statement {number}"
        assert quoted.startswith("“") and quoted.endswith("”"), quoted
        words = quoted[1:-1]
        if len(statement) <= 40:
            assert words == statement
        else:
            # Cut where a word ends, with no comma left hanging before the ellipsis.
            assert words.endswith("…") and statement.startswith(words[:-1]), (statement, words)
            assert len(words) <= 41 and not words[:-1].endswith((",", " "))
            assert statement[len(words) - 1] in " ,;:", (statement, words)


def test_two_statements_alike_give_two_confirms_two_names(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from nextround.analysis.lexical import LexicalMapper
    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import add_feedback
    from nextround.services.framework_reading import read_feedback_on
    from nextround.services.frameworks import active_framework

    text = "Strong hire signal from me."
    with sqlite_app.uow() as uow:
        # The same words pasted twice: two items, each one statement, word for word alike.
        ids = [add_feedback(uow, text, FeedbackSource.RECRUITER).id or 0 for _ in range(2)]
        framework = active_framework(uow)
        read_feedback_on(uow, framework.id, lambda: LexicalMapper(framework), feedback_ids=ids)
    page = browser.get("/feedback").text
    assert sr_names(page, "Confirm") == [
        f" statement 1, “{text}”",
        f" statement 2, “{text}”",
    ]
    # The copy's link to delete it names the statement it sits under, the same way.
    copies = re.findall(r'Delete the copy<span class="sr-only"> of ([^<]+)</span>', page)
    assert [html.unescape(c) for c in copies] == [f"statement 2, “{text}”"]


def test_a_feedback_records_per_statement_buttons_name_their_statement(
    browser: Browser, sqlite_app: Nextround
) -> None:
    load_demo_journey(sqlite_app)
    listing = browser.get("/feedback/all").text
    ids = sorted({int(i) for i in re.findall(r'href="/feedback/(\d+)"', listing)})
    heard: list[str] = []
    for feedback_id in ids:
        page = browser.get(f"/feedback/{feedback_id}").text
        heard += sr_names(page, "review it") + sr_names(page, "Change your verdict")
    assert heard, "no statement to review or change in the demo's feedback"
    for name in heard:
        assert re.fullmatch(r"(:| on) statement \d+, “[^”]+”", name), name


@pytest.mark.parametrize(
    ("path", "action", "message"),
    [
        ("/feedback/all", "/feedback/new", "Saving the feedback…"),
        ("/data", "/data/resume", "Reading and mapping the resume…"),
        ("/data", "/data/applications", "Reading the sheet…"),
        ("/data", "/data/import", "Importing the backup…"),
        ("/frameworks", "/frameworks/import", "Importing the framework…"),
    ],
)
def test_a_form_that_takes_seconds_carries_what_it_is_doing(
    browser: Browser, path: str, action: str, message: str
) -> None:
    page = browser.get(path).text
    [form] = re.findall(rf'<form [^>]*action="{re.escape(action)}"[^>]*>', page)
    assert f'data-working="{message}"' in form
    assert re.search(r'<p id="working-status"[^>]*aria-live="polite"[^>]*></p>', page)
    assert re.search(r'<script src="/static/working\.js\?v=\w+" defer></script>', page)


def test_the_feedback_preview_button_says_it_maps(browser: Browser) -> None:
    page = browser.get("/feedback/all").text
    assert re.search(r'hx-post="/feedback/new/preview" data-working="Mapping the feedback…"', page)


def test_the_pdf_report_links_carry_what_they_are_doing(
    browser: Browser, sqlite_app: Nextround
) -> None:
    loaded = load_demo_journey(sqlite_app)
    data = browser.get("/data").text
    assert (
        '<a class="btn" href="/reports/profile.pdf" download data-working="Building the PDF…">'
        in data
    )
    app = browser.get(f"/applications/{loaded.main_application}").text
    pdfs = re.findall(r'<a href="[^"]*report\.pdf[^"]*" download([^>]*)>', app)
    assert len(pdfs) == 2 and all('data-working="Building the PDF…"' in p for p in pdfs), pdfs
