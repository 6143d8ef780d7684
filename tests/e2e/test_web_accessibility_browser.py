"""Every main page, checked with axe-core against WCAG 2.1 A and AA, at desktop and phone width.

axe runs in the real browser (Debian's chromium), on the demo journey, so the pages carry the
content a user sees: charts, tables, forms, flashes. A "serious" or "critical" violation fails
the test; "minor" and "moderate" ones are printed as a summary for whoever works on the pages.
One server, one browser and one tab per width keep the whole run well under a minute.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from nextround.services.demo import LoadedDemo
from tests.e2e.test_web_browser import (  # noqa: F401 - fixtures
    LiveServer,
    Tab,
    chromium,
    start_server,
)
from tests.web.conftest import load_demo_journey

pytestmark = pytest.mark.browser

PHONE, DESKTOP = 390, 1280

#: WCAG 2.0 and 2.1, levels A and AA: what the app promises (no best-practice or AAA rules).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
FAILING = {"serious", "critical"}

RESUME = b"""\
# Priya Raman
## Experience
### Northwind Logistics - Senior Product Manager
Jan 2021 - Present
- Cut partner integration time from 6 weeks to 9 days.
- Ran weekly roadmap reviews.
## Skills
- SQL
"""

#: Opens every <details>, but only the first of each kind of form fetched on opening (its key
#: without the round's or interview's number: edit-interview-3 -> edit-interview).
UNFOLD = """() => {
  const kinds = new Set();
  for (const folded of document.querySelectorAll('details')) {
    const kind = (folded.getAttribute('hx-get') || '').replace(/[-0-9]+$/, '');
    if (kind && kinds.has(kind)) continue;
    kinds.add(kind);
    folded.open = true;
  }
}"""

#: True once every form folded away and fetched on opening has arrived (its placeholder, a
#: link to the page with the form open, is gone) and htmx has nothing on its way.
LOADED = """() => !document.querySelector('details[hx-get][open] .form-slot > p.hint')
  && !document.querySelector('.htmx-request')"""


@pytest.fixture(scope="module")
def demo_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[LiveServer, LoadedDemo]]:
    from nextround.analysis.lexical import LexicalMapper
    from nextround.io.resume_files import read_resume
    from nextround.services.frameworks import active_framework
    from nextround.services.resumes import import_resume

    live = start_server(tmp_path_factory.mktemp("accessibility"))
    demo = load_demo_journey(live.nextround)
    # The demo holds no resume: one, so the resume page shows its roles and highlights.
    with live.nextround.uow() as uow:
        import_resume(uow, read_resume(RESUME, "cv.md"), LexicalMapper(active_framework(uow)))
    yield live, demo
    live.stop()


def first_link(page: Any, pattern: str) -> str:
    """The first link on the page whose path matches ``pattern`` (a regular expression)."""
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    for href in hrefs:
        if re.fullmatch(pattern, href):
            return str(href)
    raise AssertionError(f"no link matching {pattern} on {page.url}")


def check(axe: Any, page: Any, where: str, serious: list[str], minor: list[str]) -> None:
    """Run axe on the page as it stands; add what it finds to ``serious`` and ``minor``."""
    # What is folded away in <details> is checked too: a user opens it. Of the forms fetched
    # on opening (htmx, on "toggle"), one of each kind is: the application page has dozens,
    # one per round and interview, the same markup, and axe takes seconds over them all.
    page.evaluate(UNFOLD)
    page.wait_for_function(LOADED)
    results = axe.run(page, options=AXE_OPTIONS)
    for violation in results.response["violations"]:
        nodes = violation["nodes"]
        targets = "; ".join(" ".join(map(str, n["target"])) for n in nodes[:3])
        checks = [c["message"] for n in nodes[:1] for c in n["any"] + n["all"] + n["none"]]
        line = (
            f"{where}: {violation['id']} ({violation['impact']}, {len(nodes)} elements) - "
            f"{violation['help']}\n      e.g. {targets}\n      {' / '.join(checks)[:300]}"
        )
        (serious if violation["impact"] in FAILING else minor).append(line)


def pages(page: Any, url: str, demo: LoadedDemo) -> Iterator[str]:
    """Open each main page in turn in ``page``; yield a name for it once it is shown."""
    main = demo.main_application
    simple = [
        ("dashboard", "/"),
        ("applications", "/applications"),
        ("new application form", "/applications?new=1"),
        ("application", f"/applications/{main}"),
        ("feedback review queue", "/feedback"),
        ("all feedback", "/feedback/all"),
        ("profile", "/profile"),
        ("plan", "/plan"),
        ("stories", "/stories"),
        ("new story", "/stories/new"),
        ("notes", "/notes"),
        ("Option A", "/options"),
        ("frameworks", "/frameworks"),
        ("data", "/data"),
        ("people", "/contacts"),
        ("thank-you note draft", f"/applications/{main}/notes/new"),
    ]
    for name, path in simple:
        response = page.goto(url + path)
        assert response is not None and response.ok, (path, response and response.status)
        yield name
    page.goto(url + "/resume")
    page.wait_for_selector("text=Cut partner integration time")  # the fixture's resume
    yield "resume"
    # Pages reached through a link on a list, so no id is guessed.
    for name, listing, pattern in [
        ("feedback item", "/feedback/all", r"/feedback/\d+"),
        ("competency explained", "/profile", r"/profile/[a-z0-9-]+"),
        ("story editor", "/stories", r"/stories/\d+"),
        ("framework", "/frameworks", r"/frameworks/[^/?#]+"),
        ("person", "/contacts", r"/contacts/\d+"),
    ]:
        page.goto(url + listing)
        response = page.goto(url + first_link(page, pattern))
        assert response is not None and response.ok, (pattern, response and response.status)
        yield name
    response = page.goto(url + "/no-such-page")
    assert response is not None and response.status == 404
    yield "404 page"
    # A form shown again with its errors (blank text passes `required`, not the server).
    page.goto(url + "/applications?new=1")
    page.fill("#new-app-company", "   ")
    page.fill("#new-app-role-title", "   ")
    page.click("button:has-text('Save application')")
    page.wait_for_selector("#new-app-company-error")
    yield "form with errors"


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_main_page_passes_axe_wcag_a_and_aa(
    chromium: Any,  # noqa: F811
    demo_server: tuple[LiveServer, LoadedDemo],
    width: int,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    server, demo = demo_server
    axe = Axe()
    serious: list[str] = []
    minor: list[str] = []
    seen: list[str] = []
    tab = Tab(chromium, width=width)
    try:
        for name in pages(tab.page, server.url, demo):
            seen.append(name)
            check(axe, tab.page, name, serious, minor)
    finally:
        tab.close()
    assert len(seen) == 24, seen
    with capsys.disabled():
        if minor:
            print(f"\naxe at {width}px, minor and moderate (not failing):")
            print("\n".join(f"  {line}" for line in minor))
    assert not serious, f"axe at {width}px, serious and critical:\n" + "\n".join(
        f"  {line}" for line in serious
    )


def test_the_check_catches_a_serious_violation(
    chromium: Any,  # noqa: F811
    demo_server: tuple[LiveServer, LoadedDemo],
) -> None:
    """A page made to break a rule is reported, so a clean run means something."""
    from axe_playwright_python.sync_playwright import Axe

    server, _ = demo_server
    tab = Tab(chromium)
    try:
        tab.page.goto(server.url + "/data")
        tab.page.evaluate(
            "document.querySelector('main').insertAdjacentHTML('beforeend',"
            " '<input type=text id=unlabelled>')"
        )
        serious: list[str] = []
        check(Axe(), tab.page, "data", serious, [])
    finally:
        tab.close()
    assert any(" label (critical" in line and "#unlabelled" in line for line in serious), serious


#: The whole page's width beyond the window's, in CSS pixels (a table scrolls in its own box).
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_at_320_pixels_no_page_scrolls_sideways(
    chromium: Any,  # noqa: F811
    demo_server: tuple[LiveServer, LoadedDemo],
) -> None:
    """WCAG 1.4.10 reflow: 320 CSS px is a 1280 px window at 400% zoom, or a small phone."""
    server, demo = demo_server
    tab = Tab(chromium, width=320)
    wide: dict[str, int] = {}
    try:
        for name in pages(tab.page, server.url, demo):
            overflow = int(tab.page.evaluate(SIDEWAYS))
            if overflow > 0:
                wide[name] = overflow
    finally:
        tab.close()
    assert not wide, f"pages wider than 320 px (by how much): {wide}"


#: Every control a keyboard reaches in ``root`` and can see: buttons, links and disclosure
#: summaries, as [accessible name (with what only a screen reader reads), link target or ""].
CONTROLS = """root => [...root.querySelectorAll('button, a[href], summary')]
  .filter(e => e.checkVisibility())
  .map(e => [(e.getAttribute('aria-label') || e.textContent).replace(/\\s+/g, ' ').trim(),
             e.getAttribute('href') || ''])"""


def ambiguous(controls: list[list[str]]) -> list[str]:
    """Names given to controls that do different things: two buttons, or two links to two
    places (links of one name to one place, a competency's page say, are fine)."""
    seen: dict[str, list[str]] = {}
    for name, target in controls:
        seen.setdefault(name, []).append(target)
    return sorted(
        name
        for name, targets in seen.items()
        if len(targets) > 1 and ("" in targets or len(set(targets)) > 1)
    )


def test_the_controls_of_each_round_and_interview_say_which_one_they_act_on(
    chromium: Any,  # noqa: F811
    demo_server: tuple[LiveServer, LoadedDemo],
) -> None:
    """A screen reader's list of controls shows names alone: "Edit interview" seven times is
    no use there. Each names its interview or round, as the questions' buttons name theirs."""
    server, demo = demo_server
    tab = Tab(chromium)
    page = tab.page
    try:
        page.goto(f"{server.url}/applications/{demo.main_application}")
        controls = page.eval_on_selector("#process", CONTROLS)
        assert len(controls) > 20, controls
        assert not ambiguous(controls), ambiguous(controls)
        edits = [name for name, _ in controls if name.startswith("Edit interview")]
        assert len(edits) > 3 and all(":" in n for n in edits), edits

        # The questions of one interview, open: each Confirm says which question it is for.
        questions = page.locator("details[id^='questions-']").first
        questions.locator("> summary").focus()
        page.keyboard.press("Enter")
        inside = questions.evaluate(CONTROLS)
        confirms = [c for c in inside if c[0].startswith(("Confirm", "Change"))]
        assert len(confirms) > 1 and not ambiguous(confirms), inside

        # A form fetched on opening keeps its context in the link shown until it arrives.
        slot = page.eval_on_selector_all(
            "#process details[hx-get] .form-slot a",
            "links => links.map(a => [a.textContent.replace(/\\s+/g, ' '), ''])",
        )
        assert slot and not ambiguous(slot), slot
    finally:
        tab.close()
    assert not tab.errors, tab.errors


def test_each_drafted_note_has_its_own_keep_and_copy_buttons(
    chromium: Any,  # noqa: F811
    demo_server: tuple[LiveServer, LoadedDemo],
) -> None:
    server, demo = demo_server
    tab = Tab(chromium)
    page = tab.page
    try:
        page.goto(f"{server.url}/applications/{demo.main_application}/notes/new")
        for variant in (1, 2, 3):
            named = re.compile(rf"^Keep this note\W+variant {variant}$")
            keep = page.get_by_role("button", name=named)
            assert keep.count() == 1 and keep.evaluate("b => b.closest('section').id") == (
                f"draft-{variant}"
            )
            copy = re.compile(rf"^Copy the text of variant {variant}$")
            assert page.get_by_role("button", name=copy, include_hidden=True).count() == 1
    finally:
        tab.close()
