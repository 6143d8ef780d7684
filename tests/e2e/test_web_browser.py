"""The web app in a real browser (Debian's chromium via Playwright), against the real server.

The journey test follows the issue's steps in order on a fresh database: an application, two
rounds and an interview, a debrief, pasted feedback with one suggested competency corrected,
the profile radar changing, the plan, a story, a framework import, and a backup restored
into a new database. Feedback is mapped by the lexical mapper, so the suggestions are the
same on every machine; the semantic model has its own integration tests.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from nextround.bootstrap import Nextround
from nextround.config import Settings

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class LiveServer:
    """uvicorn serving create_app(...) in a thread, on a free loopback port."""

    url: str
    nextround: Nextround
    server: Any
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.nextround.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(folder: Path) -> LiveServer:
    """A fresh SQLite database in ``folder`` and the real server over it."""
    import uvicorn

    from nextround.web import create_app
    from tests.web.conftest import lexical

    nextround = lexical(
        Nextround(
            Settings(data_dir=folder, database_url=f"sqlite:///{folder / 'nextround.sqlite3'}")
        )
    )
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(nextround, warm=True),
            host="127.0.0.1",
            port=port,
            log_level="warning",
            access_log=False,
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    return LiveServer(f"http://127.0.0.1:{port}", nextround, server, thread)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def shots(request: pytest.FixtureRequest) -> Path:
    """Where screenshots go; the folder is printed at the end of the run."""
    folder = (
        Path(os.environ.get("NEXTROUND_TEST_ARTIFACTS", ROOT / "test-artifacts")) / "screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        request.addfinalizer(lambda: reporter.write_line(f"web screenshots: {folder}"))
    return folder


class Tab:
    """A page that fails the test on any console error (a CSP violation shows up there)."""

    def __init__(self, browser: Any, width: int = 1280) -> None:
        self.page = browser.new_page(
            viewport={"width": width, "height": 900}, accept_downloads=True
        )
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _console(self, message: Any) -> None:
        # 4xx answers (a form shown again with errors, the 404 page) are expected; script
        # errors and Content-Security-Policy violations are not.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.errors.append(message.text)

    def shot(self, folder: Path, name: str) -> None:
        # From the top, so the sticky header is drawn once, where it belongs.
        self.page.evaluate("window.scrollTo(0, 0)")
        self.page.screenshot(path=str(folder / f"{name}.png"), full_page=True)

    def radar(self) -> str:
        """What the profile radar says to a screen reader: its description."""
        return str(self.page.locator(".radar-box svg desc").first.text_content())

    def close(self) -> None:
        assert self.errors == [], self.errors
        self.page.close()


def test_journey_then_backup_into_a_new_database(
    chromium: Any, shots: Path, tmp_path: Path
) -> None:
    today = date.today()
    first = start_server(tmp_path / "first")
    tab = Tab(chromium)
    page = tab.page
    try:
        # 1. Create an application.
        page.goto(f"{first.url}/applications?new=1")
        page.fill("#new-app-company", "Tempoline")
        page.fill("#new-app-role-title", "Technical Program Manager")
        page.fill("#new-app-applied-on", (today - timedelta(days=30)).isoformat())
        page.select_option("#new-app-source", "referral")
        page.fill("#new-app-tags", "tpm, music")
        page.click("button:has-text('Save application')")
        page.wait_for_url("**/applications/1")
        assert "Added Technical Program Manager at Tempoline" in page.inner_text(".flash")

        # 2. Two rounds, then an interview in the second.
        page.fill("#new-round-name", "Recruiter screen")
        page.select_option("#new-round-kind", "screen")
        page.fill("#new-round-started-on", (today - timedelta(days=20)).isoformat())
        page.click("button:has-text('Add round')")
        page.wait_for_selector("text=Added round 1: Recruiter screen")
        page.click("summary:has-text('Add a round')")
        page.fill("#new-round-name", "Final loop")
        page.select_option("#new-round-kind", "final_loop")
        page.fill("#new-round-started-on", (today - timedelta(days=10)).isoformat())
        page.click("button:has-text('Add round')")
        page.wait_for_selector("text=Added round 2: Final loop")
        second_round = page.locator("article.round").nth(1)
        second_round.locator("summary:has-text('Add an interview')").click()
        page.fill("#new-interview-2-title", "Process flow on the whiteboard")
        page.select_option("#new-interview-2-format", "practical_exercise")
        moment = (today - timedelta(days=10)).isoformat() + "T10:00"
        page.fill("#new-interview-2-scheduled-at", moment)
        page.fill("#new-interview-2-duration-minutes", "45")
        page.fill("#new-interview-2-interviewers", "Inés Carvalho, Lead Process Excellence")
        page.fill(
            "#new-interview-2-competencies", "risk-management, systems-thinking, process-design"
        )
        second_round.locator("button:has-text('Add interview')").click()
        page.wait_for_selector("text=Added the interview Process flow on the whiteboard")

        # 3. Fill in the debrief of that interview.
        interview = page.locator("#interview-1")
        interview.locator("summary:has-text('Write the debrief')").click()
        page.wait_for_selector("form[action='/interviews/1/debrief']")
        page.click("label[for='debrief-1-overall-2']")
        page.fill("#debrief-1-went-well", "A clear opening; the flow had the main steps.")
        page.fill("#debrief-1-went-badly", "No risks on the board; missed the downstream teams.")
        page.click("label[for='debrief-1-rating-risk-management-2']")
        page.click("label[for='debrief-1-rating-systems-thinking-2']")
        interview.locator("summary:has-text('Other competencies')").click()
        page.click("label[for='debrief-1-rating-communication-4']")
        page.fill(
            "#debrief-1-questions",
            "Walk us through the order flow.\nWhat could go wrong at peak?",
        )
        page.click("button:has-text('Save debrief')")
        page.wait_for_selector("text=Saved the debrief: 3 self-ratings and 2 questions.")
        assert "not well overall (2/5)" in page.inner_text("#interview-1")
        page.goto(first.url + "/profile")
        radar_before = tab.radar()
        assert "Risk management: 0.4" in radar_before

        # 4. Paste feedback, and see each statement's suggestions before saving.
        page.goto(first.url + "/applications/1")
        feedback = (
            "The panel enjoyed meeting you. Risk management experience and systemic thinking "
            "did not come through as strongly as for the candidate we selected."
        )
        page.fill("#feedback-text", feedback)
        page.select_option("#feedback-source", "recruiter")
        page.fill("#feedback-author", "Maya Lindgren")
        page.click("button:has-text('Show suggested competencies')")
        page.wait_for_selector("#feedback-preview")
        preview = page.inner_text("#feedback-preview")
        # The pleasantry is not read as feedback: one statement is left to confirm.
        assert "1 statement: confirm or correct each" in preview
        tab.shot(shots, "feedback-preview")

        # 5. Correct the suggested competencies: the statement is about risk management and
        # systems thinking, whatever the mapper ticked.
        item = page.locator(".preview-item").first
        for box in item.locator("input[name='s1-competency']:checked").all():
            box.uncheck()
        item.locator("input[name='s1-competency'][value='risk-management']").check()
        page.select_option("#feedback-s1-other", "systems-thinking")
        page.select_option("#feedback-s1-polarity", "gap")
        page.click("button:has-text('Save and confirm')")
        page.wait_for_selector("text=confirmed its 1 statement")
        mapped = page.inner_text("#feedback .mapped")
        assert "Risk management, Systems thinking" in mapped

        # A gap recurs only once a second source besides the candidate sees it: a manager's
        # review, entered as feedback about no application.
        page.goto(first.url + "/feedback/all")
        page.fill(
            "#feedback-text", "Next I want her to grow in managing risk and in seeing the system."
        )
        page.select_option("#feedback-source", "manager_review")
        page.click("button:has-text('Show suggested competencies')")
        page.wait_for_selector("#feedback-preview")
        review = page.locator(".preview-item").first
        for box in review.locator("input[name='s1-competency']:checked").all():
            box.uncheck()
        review.locator("input[name='s1-competency'][value='risk-management']").check()
        page.select_option("#feedback-s1-other", "systems-thinking")
        page.select_option("#feedback-s1-polarity", "gap")
        page.click("button:has-text('Save and confirm')")
        page.wait_for_selector("text=confirmed its 1 statement")

        # 6. See the profile radar change.
        page.goto(first.url + "/profile")
        radar_after = tab.radar()
        assert radar_after != radar_before
        gaps = page.inner_text("section[aria-labelledby='gaps-title']")
        assert "Systems thinking" in gaps and "Risk management" in gaps
        tab.shot(shots, "profile")
        page.click("section[aria-labelledby='gaps-title'] h3 a:has-text('Systems thinking')")
        page.wait_for_url("**/profile/systems-thinking")
        assert "did not come through" in page.inner_text("#others")
        tab.shot(shots, "competency")

        # The plan, built from that profile; tick one action off in place.
        page.goto(first.url + "/plan")
        page.click("#plan-body button:has-text('Build my plan')")
        page.wait_for_selector("text=Built your plan")
        page.locator("#this-week button.tick").first.click()
        page.wait_for_selector("#this-week .h-note:has-text('1 of')")
        tab.shot(shots, "plan")

        # A story, with its checks updating as it is typed.
        page.goto(first.url + "/stories/new")
        page.fill("#story-title", "Mapping the order flow end to end")
        page.fill("#story-situation", "Orders stalled at peak; three teams blamed each other.")
        page.fill(
            "#story-action",
            "I mapped the 14 hand-offs with the three teams and I added a risk register.",
        )
        page.wait_for_selector("#story-checks :text('“I” 2')")
        page.click("button:has-text('Save the story')")
        page.wait_for_selector("text=Saved “Mapping the order flow end to end”.")
        tab.shot(shots, "story")
        page.goto(first.url + "/stories")
        tab.shot(shots, "stories")

        # Import a framework through its form.
        framework = tmp_path / "acme-principles.yaml"
        framework.write_text(
            "name: Acme principles\ncompetencies:\n"
            "  - name: Customer obsession\n    description: Works back from the customer.\n"
            "  - name: Bias for action\n    description: Decides fast when it can be undone.\n",
            encoding="utf-8",
        )
        page.goto(first.url + "/frameworks")
        page.set_input_files("#import-file", str(framework))
        page.click("button:has-text('Import')")
        page.wait_for_selector("text=Imported Acme principles: 2 competencies.")
        tab.shot(shots, "frameworks")
        # A mentor's words, about no application: previewed in place, saved, then corrected.
        page.goto(first.url + "/feedback/all")
        page.fill("#feedback-text", "Your stakeholder updates are a model for the team.")
        page.select_option("#feedback-source", "mentor")
        page.click("#new-feedback button:has-text('Show suggested competencies')")
        page.wait_for_selector("#feedback-preview")
        page.check("#feedback-s1-none")
        page.click("button:has-text('Save and confirm')")
        page.wait_for_selector("text=confirmed its 1 statement")
        assert "about no application" in page.inner_text(".lede")
        page.fill("#edit-feedback-author", "Søren Villadsen")
        page.click("button:has-text('Save corrections')")
        page.wait_for_selector("text=Saved: mentor feedback (Søren Villadsen)")
        tab.shot(shots, "feedback-item")
        page.goto(first.url + "/feedback")
        assert "Nothing to review" in page.inner_text("main")
        tab.shot(shots, "feedback")

        page.goto(first.url + "/applications/1")
        tab.shot(shots, "application")
        # A validation error in the real browser: shown next to the field, input kept.
        page.locator("article.round").nth(0).locator("summary:has-text('Edit round')").click()
        round_form = page.locator("article.round").nth(0)
        round_form.locator("input[name=ended_on]").fill((today - timedelta(days=25)).isoformat())
        round_form.locator("button:has-text('Save round')").click()
        error = page.locator(".field-error").first
        assert "before it starts" in error.inner_text()
        tab.shot(shots, "application-error")
        page.goto(first.url + "/")
        tab.shot(shots, "dashboard")
        # One action on the board, through htmx: the board is swapped in place, and the
        # funnel and the message beside it, out of band.
        funnel = page.inner_html("#funnel-chart")
        page.select_option("#move-1", "offer")
        page.click("#card-1 button:has-text('Move')")
        page.wait_for_selector("#messages .flash:has-text('Tempoline: offer received.')")
        assert page.url == first.url + "/"
        assert page.inner_html("#funnel-chart") != funnel
        page.goto(first.url + "/applications")
        tab.shot(shots, "applications")

        # 7. Export a backup through the UI...
        page.goto(first.url + "/data")
        tab.shot(shots, "data")
        with page.expect_download() as download:
            page.click("text=Download a backup (JSON)")
        backup = tmp_path / "backup.json"
        download.value.save_as(backup)
        assert backup.stat().st_size > 500
    finally:
        first.stop()

    # ... and import it into a new, empty database, also through the UI.
    second = start_server(tmp_path / "second")
    try:
        page.goto(second.url + "/data")
        assert "The database is empty." in page.inner_text("main")
        page.set_input_files("#import-backup", str(backup))
        page.click("button:has-text('Import')")
        page.wait_for_selector("text=Restored")
        page.goto(second.url + "/applications/1")
        text = page.inner_text("main")
        for expected in (
            "Technical Program Manager",
            "Recruiter screen",
            "Final loop",
            "Process flow on the whiteboard",
            "systemic thinking",
            "Offer",
            "not well overall (2/5)",
            "Risk management, Systems thinking",
        ):
            assert expected in text
        # The debrief and the confirmed statements came along: the same profile.
        page.goto(second.url + "/profile")
        assert tab.radar() == radar_after
    finally:
        tab.close()
        second.stop()


def demo_server(folder: Path) -> tuple[LiveServer, int]:
    """The server over the demo journey, its plan built: every page has something to show."""
    from nextround.services.plan import refresh_plan
    from tests.web.conftest import load_demo_journey

    server = start_server(folder)
    main_id = load_demo_journey(server.nextround).main_application
    with server.nextround.uow() as uow:
        refresh_plan(uow, 365, 120)
    return server, main_id


#: The main pages, by screenshot name.
MAIN_PAGES = (
    ("/", "dashboard"),
    ("/applications", "applications"),
    ("/feedback", "feedback"),
    ("/feedback/all", "feedback-all"),
    ("/feedback/14", "feedback-item"),
    ("/profile", "profile"),
    ("/profile/risk-management", "competency"),
    ("/plan", "plan"),
    ("/stories", "stories"),
    ("/stories/1", "story"),
    ("/frameworks", "frameworks"),
    ("/frameworks/nextround-core", "framework"),
    ("/options", "options"),
    ("/data", "data"),
)


def test_demo_pages_on_a_desktop(chromium: Any, shots: Path, tmp_path: Path) -> None:
    server, main_id = demo_server(tmp_path / "demo")
    tab = Tab(chromium)
    page = tab.page
    try:
        for path, name in (*MAIN_PAGES, (f"/applications/{main_id}", "application")):
            page.goto(server.url + path)
            if path == "/feedback":
                page.wait_for_selector("#questions ol.questions")  # loaded by htmx
            tab.shot(shots, f"demo-{name}")
    finally:
        tab.close()
        server.stop()


def test_phone_width_pages_and_keyboard(chromium: Any, shots: Path, tmp_path: Path) -> None:
    server, main_id = demo_server(tmp_path / "phone")
    tab = Tab(chromium, width=390)
    page = tab.page
    try:
        for path, name in (
            *MAIN_PAGES,
            (f"/applications/{main_id}", "application"),
            (f"/applications/{main_id}?form=debrief-4", "debrief"),
            ("/stories/new", "story-new"),
            ("/applications/9999", "not-found"),
        ):
            page.goto(server.url + path)
            tab.shot(shots, f"phone-{name}")
            # Nothing sticks out sideways at 390 px (wide charts scroll inside their box).
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} is {overflow}px wider than the screen"
        # Every control has a label.
        unlabeled = page.evaluate(
            """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
                .map(el => el.name)"""
        )
        assert unlabeled == []
        # The keyboard reaches the skip link first, and focus is visible.
        page.goto(server.url + "/")
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.className")
        assert focused == "skip-link"
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"
        # The custom controls work from the keyboard: a done toggle, a 1-5 rating.
        page.goto(server.url + "/plan")
        page.focus("#this-week button.tick")
        page.keyboard.press("Enter")
        page.wait_for_selector("#this-week .h-note:has-text('1 of')")
        # The focus stays on the button just pressed, now saying what pressing it again does,
        # so a keyboard user goes on from there rather than from the top of the page.
        # A selector with :focus, not wait_for_function: its polling evaluates a string,
        # which the app's Content Security Policy refuses (no 'unsafe-eval').
        page.wait_for_selector("#this-week button.tick[aria-pressed=true]:focus")
        said = page.evaluate("document.activeElement.textContent").strip()
        assert said.startswith("Done; mark as not done:"), said
        page.keyboard.press("Enter")
        page.wait_for_selector("#this-week .h-note:has-text('0 of')")
        page.wait_for_selector("#this-week button.tick[aria-pressed=false]:focus")
        page.goto(server.url + f"/applications/{main_id}?form=debrief-4")
        page.focus("#debrief-4-overall-3")
        page.keyboard.press("ArrowRight")
        assert page.is_checked("#debrief-4-overall-4")
    finally:
        tab.close()
        server.stop()
