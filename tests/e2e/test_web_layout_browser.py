"""Layout in a real browser: long words, where a page lands after a redirect, refused forms.

What only a browser can show: widths, scroll positions, what the sticky top bar covers, and
which control has the focus. One server serves the module; each test seeds its own records.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from nextround.domain.contacts import ContactRole
from nextround.domain.journey import RoundKind
from nextround.services import process, stories
from nextround.services.applications import add_application
from nextround.services.contacts import add_contact
from tests.e2e.test_web_browser import (  # noqa: F401 - fixtures
    LiveServer,
    Tab,
    chromium,
    shots,
    start_server,
)

pytestmark = pytest.mark.browser

PHONE, DESKTOP = 390, 1280


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = start_server(tmp_path_factory.mktemp("layout"))
    yield live
    live.stop()


def seed_process(server: LiveServer, company: str, *, word: str = "") -> dict[str, int]:
    """An application with a round, an interview and a person; ``word`` goes in every text."""
    today = date.today()
    with server.nextround.uow() as uow:
        app = add_application(
            uow,
            {
                "company": company,
                "role_title": f"Lead {word}"[:200],
                "applied_on": today - timedelta(30),
                "location": word or None,
                "notes": f"Referred by a friend {word}",
            },
        )
        assert app.id is not None
        for n in range(1, 4):
            process.add_round(
                uow,
                app.id,
                {
                    "name": f"Round {n} {word}"[:200],
                    "kind": RoundKind.SCREEN if n == 1 else RoundKind.HIRING_MANAGER,
                    "started_on": today - timedelta(28 - 7 * n),
                    "notes": f"Notes on round {n} {word}",
                },
            )
            process.add_interview(
                uow, app.id, n, {"title": f"Interview {n} {word}"[:200], "duration_minutes": 45}
            )
        person = add_contact(
            uow, f"Dana {word}"[:200], ContactRole.HIRING_MANAGER, application_id=app.id
        )
        rounds = uow.applications.get(app.id).ordered_rounds
    assert person.id is not None
    interview = rounds[0].sorted_interviews[0].id
    assert interview is not None
    return {
        "app": app.id,
        "person": person.id,
        "round": rounds[0].id or 0,
        "interview": interview,
    }


def overflow(page: Any) -> int:
    """How many pixels the page is wider than the window."""
    return int(
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    )


#: Elements inside ``box`` whose right edge is past the box's (scrolling boxes excepted).
SPILL = """(selector) => {
  const box = document.querySelector(selector);
  const edge = box.getBoundingClientRect().right + 1;
  const scrolls = (el) => {
    for (let a = el.parentElement; a && a !== box; a = a.parentElement) {
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return true;
    }
    return false;
  };
  return [...box.querySelectorAll('*')]
    .filter((el) => el.getBoundingClientRect().right > edge && !scrolls(el))
    .map((el) => el.tagName.toLowerCase() + '.' + el.className);
}"""


def spill(page: Any, box: str) -> list[str]:
    """What sticks out of the element ``box`` (a CSS selector) to its right."""
    return list(page.evaluate(SPILL, box))


def test_a_long_unbroken_word_never_widens_a_page(
    chromium: Any,  # noqa: F811
    server: LiveServer,
    shots: Path,  # noqa: F811
) -> None:
    word = "W" * 200
    ids = seed_process(server, word, word=word)
    with server.nextround.uow() as uow:
        story = stories.add_story(
            uow, {"title": "T" * 200, "situation": word, "action": "I did it.", "result": "Done."}
        )
    pages = [
        "/",
        "/applications",
        f"/applications/{ids['app']}",
        f"/applications/{ids['app']}?form=edit-contact-{ids['person']}",
        f"/applications/{ids['app']}/notes/new",
        "/stories",
        f"/stories/{story.id}",
    ]
    for width in (PHONE, DESKTOP):
        tab = Tab(chromium, width=width)
        try:
            for path in pages:
                tab.page.goto(server.url + path)
                assert overflow(tab.page) <= 0, f"{path} is too wide at {width} px"
            # Nothing runs out of the main column into the side column (or off a phone).
            tab.page.goto(f"{server.url}/applications/{ids['app']}")
            assert spill(tab.page, ".detail-main") == []
            assert spill(tab.page, ".page-head") == []
            tab.shot(shots, f"long-word-{width}")
        finally:
            tab.close()


def box(page: Any, selector: str) -> dict[str, float]:
    """Where an element is in the window (y from the top of the window)."""
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not shown"
    return dict(found)


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_after_a_redirect_to_an_anchor_the_message_and_the_target_are_in_sight(
    chromium: Any,  # noqa: F811
    server: LiveServer,
    shots: Path,  # noqa: F811
    width: int,
) -> None:
    ids = seed_process(server, f"Anchorco {width}")
    page_url = f"{server.url}/applications/{ids['app']}"
    tab = Tab(chromium, width=width)
    page = tab.page
    height = page.viewport_size["height"]
    try:
        # An anchor in a link lands below the top bar, and on a phone the bar is not pinned
        # (its menu wraps to several lines there).
        page.goto(f"{page_url}#round-{ids['round']}")
        assert page.evaluate("scrollY") > 500
        bar = box(page, ".topbar")
        bar_bottom = max(0.0, bar["y"] + bar["height"])
        assert bar_bottom <= 0.08 * height
        assert box(page, f"#round-{ids['round']}-title")["y"] >= bar_bottom

        # Removing a person redirects to #people, far down the page: the message is pinned
        # under the bar, and the heading the page jumps to is below the message.
        page.goto(f"{page_url}?form=delete-contact-{ids['person']}")
        page.check(f"#delete-contact-{ids['person']}-confirm")
        page.click("button:has-text('Remove for good')")
        page.wait_for_url("**#people")
        assert page.evaluate("scrollY") > 500
        message = box(page, ".flash-box")
        assert "Removed Dana" in page.inner_text("#messages .flash")
        assert bar_bottom <= message["y"] and message["y"] + message["height"] <= height
        heading = box(page, "#people-title")
        assert message["y"] + message["height"] <= heading["y"] <= height / 2
        page.screenshot(path=str(shots / f"flash-at-anchor-{width}.png"))

        # It is pinned for a while only (fast-forwarded here), then waits atop the page.
        page.evaluate("document.getAnimations().forEach(a => { a.currentTime = 15001; })")
        moved = box(page, ".flash-box")
        assert moved["y"] + moved["height"] <= 0
        page.evaluate("window.scrollTo(0, 0)")
        assert box(page, ".flash-box")["y"] < box(page, "h1")["y"]

        # It closes without a script (a dialog's own form), and the page stays where it is.
        page.goto(f"{page_url}?form=round-{ids['round']}")
        page.click(f"#round-{ids['round']} button:has-text('Save round')")
        page.wait_for_url(f"**#round-{ids['round']}")
        title = box(page, f"#round-{ids['round']}-title")["y"]
        assert title >= box(page, ".flash-box")["y"] + box(page, ".flash-box")["height"]
        close = box(page, ".flash-dismiss button")
        page.mouse.click(close["x"] + close["width"] / 2, close["y"] + close["height"] / 2)
        assert not page.locator(".flash-box").is_visible()
        assert abs(box(page, f"#round-{ids['round']}-title")["y"] - title) <= 1
        page.reload()
        assert page.locator(".flash-box").count() == 0  # shown once
    finally:
        tab.close()


def test_a_refused_form_lands_on_its_first_bad_field(
    chromium: Any,  # noqa: F811
    server: LiveServer,
    shots: Path,  # noqa: F811
) -> None:
    ids = seed_process(server, "Focusco")
    page_url = f"{server.url}/applications/{ids['app']}"
    for width, key, fill, button, field in [
        (
            DESKTOP,
            f"delete-interview-{ids['interview']}",
            {},
            "Delete the interview",
            f"delete-interview-{ids['interview']}-confirm",
        ),
        (
            PHONE,
            f"edit-contact-{ids['person']}",
            {f"#edit-contact-{ids['person']}-name": "   "},  # passes `required`
            "Save person",
            f"edit-contact-{ids['person']}-name",
        ),
    ]:
        tab = Tab(chromium, width=width)
        page = tab.page
        try:
            page.goto(page_url)
            assert page.evaluate("document.activeElement === document.body")  # left alone
            page.goto(f"{page_url}?form={key}")
            for selector, value in fill.items():
                page.fill(selector, value)
            # Submitted as a plain form: the page comes back (422) with the error.
            page.locator(f"form:has(#{field}) button:has-text('{button}')").click()
            page.wait_for_selector(f"#{field}-error")
            assert page.evaluate("document.activeElement.id") == field
            height = page.viewport_size["height"]
            for shown in (f"#{field}", f"#{field}-error"):
                where = box(page, shown)
                assert where["y"] >= 0 and where["y"] + where["height"] <= height, shown
            page.screenshot(path=str(shots / f"refused-{width}.png"))
        finally:
            tab.close()


def test_a_move_on_the_board_updates_the_page_around_it(
    chromium: Any,  # noqa: F811
    server: LiveServer,
    shots: Path,  # noqa: F811
) -> None:
    with server.nextround.uow() as uow:
        app = add_application(
            uow, {"company": "Boardco", "role_title": "TPM", "applied_on": date.today()}
        )
    tab = Tab(chromium, width=PHONE)
    page = tab.page
    try:
        page.goto(server.url + "/")

        def still_open() -> int:
            found = re.search(r"(\d+) still open", page.inner_text("#pipeline-summary"))
            assert found
            return int(found.group(1))

        before = still_open()
        # To the next column: the focus follows the card's button, and the message is in
        # sight wherever the card went.
        page.select_option(f"#move-{app.id}", "screen")
        page.click(f"#move-{app.id}-button")
        page.wait_for_selector("#messages .flash:has-text('Boardco: Screen added as round 1')")
        assert page.evaluate("document.activeElement.id") == f"move-{app.id}-button"
        assert page.locator(f"[aria-labelledby=col-screening] #move-{app.id}-button").count()
        message = box(page, ".flash-box")
        assert message["y"] >= 0 and message["y"] + message["height"] <= 900
        assert still_open() == before
        # Off the board: the summary line above it is brought up to date too.
        page.select_option(f"#move-{app.id}", "withdrawn")
        page.click(f"#move-{app.id}-button")
        # It asks first, on the card, with the focus on the answer; nothing is recorded yet.
        page.wait_for_selector(f"#card-{app.id} .move-question:has-text('you withdrew from')")
        assert page.evaluate("document.activeElement.textContent") == "Yes, record it"
        assert still_open() == before
        page.wait_for_timeout(400)  # the answer button settles from the Move button it replaced
        page.screenshot(path=str(shots / "board-move-ask-390.png"))
        page.click(f"#move-{app.id}-button")
        page.wait_for_selector("#messages .flash:has-text('Boardco: you withdrew')")
        assert still_open() == before - 1
        page.screenshot(path=str(shots / "board-move-390.png"))
    finally:
        tab.close()


def test_after_a_refused_form_reload_and_back_show_the_page_not_a_resubmission(
    chromium: Any,  # noqa: F811
    server: LiveServer,
) -> None:
    ids = seed_process(server, "Backco")
    page_url = f"{server.url}/applications/{ids['app']}"
    tab = Tab(chromium)
    page = tab.page
    try:
        page.goto(f"{page_url}?form=new-round")
        page.fill("#new-round-name", "Future")
        page.fill("#new-round-started-on", (date.today() + timedelta(30)).isoformat())
        page.select_option("#new-round-outcome", "passed")
        page.locator("form:has(#new-round-name) button:has-text('Add round')").click()
        page.wait_for_selector("#new-round-outcome-error")
        # The refusal is the answer to a POST, yet the address is the application's own
        # (set by a deferred script, which may run just after the error is in the page).
        page.wait_for_url(page_url, timeout=5_000)
        page.goto(f"{server.url}/")
        page.go_back()
        page.wait_for_selector("#main")
        assert page.url == page_url and "Backco" in page.text_content("h1")
        page.reload()
        assert page.url == page_url and "Backco" in page.text_content("h1")
        # The form's own address, opened as a bookmark, leads to the application too.
        page.goto(f"{page_url}/rounds")
        page.wait_for_url(page_url, timeout=5_000)
        assert "Not allowed" not in page.content()
        with server.nextround.uow() as uow:
            app = uow.applications.get(ids["app"])
        assert [r.name for r in app.rounds if r.name == "Future"] == []
    finally:
        tab.close()


#: The shown timeline chart: its box, the drawing's own width, and any text outside the box.
TIMELINE = """() => {
  const svg = [...document.querySelectorAll('#timeline svg')]
    .find((s) => s.getClientRects().length);
  const box = svg.getBoundingClientRect();
  const outside = [...svg.querySelectorAll('text')].filter((t) => {
    const r = t.getBoundingClientRect();
    return r.left < box.left - 1 || r.right > box.right + 1;
  }).map((t) => t.textContent);
  const scrolls = getComputedStyle(svg.parentElement).overflowX;
  return {left: box.left, right: box.right, drawn: svg.viewBox.baseVal.width, outside, scrolls};
}"""


def test_the_timeline_fits_a_phone_at_a_readable_size(
    chromium: Any,  # noqa: F811
    server: LiveServer,
    shots: Path,  # noqa: F811
) -> None:
    # The finding: on a 390 px phone the chart was cut off in a box that scrolled sideways,
    # with no sign that it did.
    ids = seed_process(server, "Finch Timeline")
    tab = Tab(chromium, width=PHONE)
    try:
        tab.page.goto(f"{server.url}/applications/{ids['app']}")
        chart = tab.page.evaluate(TIMELINE)
        assert chart["outside"] == []
        assert chart["left"] >= 0 and chart["right"] <= PHONE
        assert chart["scrolls"] != "auto"
        # Drawn for the phone: shown at about its own size, so its 10-11 px text stays legible.
        assert (chart["right"] - chart["left"]) / chart["drawn"] > 0.85
        assert overflow(tab.page) <= 0
        tab.page.locator("#timeline").screenshot(path=str(shots / "timeline-390.png"))
    finally:
        tab.close()


@pytest.mark.parametrize("width", [1440, 1280, 1024, PHONE])
def test_every_menu_link_is_in_sight(
    chromium: Any,  # noqa: F811
    server: LiveServer,
    width: int,
) -> None:
    # The finding (QA11 F9): at 1440 px the menu ended in a clipped "Dat…", the rest of it
    # behind a scroll with no scroll bar.
    tab = Tab(chromium, width=width)
    try:
        tab.page.goto(server.url)
        hidden = tab.page.evaluate(
            """() => {
              const nav = document.querySelector('.nav');
              const box = nav.getBoundingClientRect();
              return [...nav.querySelectorAll('a')]
                .filter(a => {
                  const r = a.getBoundingClientRect();
                  return r.right > box.right + 1 || r.left < box.left - 1 || r.right > innerWidth;
                })
                .map(a => a.textContent.trim());
            }"""
        )
        assert hidden == []
        assert overflow(tab.page) <= 0
    finally:
        tab.close()


def test_forty_applications_on_a_phone_start_on_the_first_screen(
    chromium: Any,  # noqa: F811
    server: LiveServer,
    shots: Path,  # noqa: F811
) -> None:
    # The finding (QA17 F15): at 375 px the filter form filled the whole first screen before
    # any application, and 40 tall cards made the page 9,932 px long.
    today = date.today()
    with server.nextround.uow() as uow:
        for n in range(40):
            app = add_application(
                uow,
                {
                    "company": f"Phoneco {n:02d}",
                    "role_title": "Graduate Software Engineer",
                    "applied_on": today - timedelta(n),
                    "tags": ["grad", "uk"] if n % 5 == 0 else [],
                },
            )
            assert app.id is not None
            if n % 10 == 0:
                process.add_round(
                    uow, app.id, {"name": "Screen", "kind": RoundKind.SCREEN, "started_on": today}
                )
                process.add_interview(
                    uow,
                    app.id,
                    1,
                    {"title": "Call", "scheduled_at": datetime.now() + timedelta(days=3)},
                )
    tab = Tab(chromium, width=375)
    page = tab.page
    height = page.viewport_size["height"]
    try:
        page.goto(f"{server.url}/applications")
        assert overflow(page) <= 0
        # Folded: its summary is shown and named, the fields are not.
        summary = page.locator("#filters > summary")
        assert summary.is_visible() and summary.inner_text() == "Filter and sort"
        assert not page.locator("#filter-q").is_visible()
        first = page.locator("table.apps tbody tr").first
        assert box(page, "table.apps tbody tr")["y"] < height
        # Each card is compact: company and stage, role, then the date applied on one line
        # with the tags (and rounds, and the next step, when there are some).
        heights = page.evaluate(
            """() => Object.fromEntries([...document.querySelectorAll('table.apps tbody tr')]
                 .map(r => [r.querySelector('a').textContent, r.getBoundingClientRect().height]))"""
        )
        line = 22  # px, about one line of the card's text
        assert heights["Phoneco 01"] <= 4 * line  # three lines: no rounds, next step or tags
        assert heights["Phoneco 05"] <= 4 * line  # its tags on the line of its date
        # An interview to come, rounds and tags (other tests' cards may have long words).
        assert max(h for name, h in heights.items() if "Phoneco" in name) <= 6.5 * line
        assert first.get_by_role("link").inner_text().startswith("Phoneco")
        tab.shot(shots, "applications-375")
        # From the keyboard the fold opens, and the list still filters in place.
        summary.focus()
        page.keyboard.press("Enter")
        assert page.locator("#filter-q").is_visible()
        page.fill("#filter-q", "Phoneco 07")
        page.wait_for_selector("text=Showing 1–1 of 1 matching")
        assert page.inner_text("#filters > summary") == "Filter and sort (1 active)"
        # A screen reader hears the summary's words, not the drawn triangle before them.
        assert "- text: Filter and sort (1 active)\n" in page.locator("#filters").aria_snapshot()
        # Opened by the address with a filter on, for a list that hides applications.
        page.goto(f"{server.url}/applications?company=phoneco+1")
        assert page.locator("#filter-q").is_visible()
        assert overflow(page) <= 0
    finally:
        tab.close()
    # A wide screen shows the form as before, with no fold to open.
    tab = Tab(chromium, width=DESKTOP)
    try:
        tab.page.goto(f"{server.url}/applications")
        assert tab.page.locator("#filter-q").is_visible()
        assert not tab.page.locator("#filters > summary").is_visible()
    finally:
        tab.close()
