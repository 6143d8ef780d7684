"""The web app in a real browser (Debian's chromium via Playwright), against the real server.

The journey test follows the issue's steps in order. The growth-engine steps (debrief,
correcting a suggested competency, the profile radar) have marked places where they slot in.
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

    nextround = Nextround(
        Settings(data_dir=folder, database_url=f"sqlite:///{folder / 'nextround.sqlite3'}")
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
        self.page.screenshot(path=str(folder / f"{name}.png"), full_page=True)

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
        second_round.locator("button:has-text('Add interview')").click()
        page.wait_for_selector("text=Added the interview Process flow on the whiteboard")

        # 3. (growth engine) Fill in the debrief of that interview: slots in here.

        # 4. Paste feedback.
        feedback = (
            "The panel enjoyed meeting you. Risk management experience and systemic thinking "
            "did not come through as strongly as for the candidate we selected."
        )
        page.fill("#feedback-text", feedback)
        page.select_option("#feedback-source", "recruiter")
        page.fill("#feedback-author", "Maya Lindgren")
        page.click("button:has-text('Save feedback')")
        page.wait_for_selector("text=Saved the feedback, word for word.")
        assert "systemic thinking" in page.inner_text("#feedback")

        # 5-6. (growth engine) Correct one suggested competency; see the profile radar change.

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
        # One action on the board, through htmx: the board is swapped in place.
        page.select_option("#move-1", "offer")
        page.click("#card-1 button:has-text('Move')")
        page.wait_for_selector("text=now offer")
        assert page.url == first.url + "/"
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
        ):
            assert expected in text
    finally:
        tab.close()
        second.stop()


def test_phone_width_pages_and_keyboard(chromium: Any, shots: Path, tmp_path: Path) -> None:
    from tests.web.conftest import load_demo_journey

    server = start_server(tmp_path / "phone")
    main_id = load_demo_journey(server.nextround).main_application
    tab = Tab(chromium, width=390)
    page = tab.page
    try:
        for path, name in (
            ("/", "dashboard"),
            ("/applications", "applications"),
            (f"/applications/{main_id}", "application"),
            ("/data", "data"),
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
    finally:
        tab.close()
        server.stop()
