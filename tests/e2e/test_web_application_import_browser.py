"""A sheet of applications in a real browser: checked, then imported as checked, no re-upload."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.test_web_browser import Tab, chromium, shots, start_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


def test_a_checked_sheet_is_imported_without_choosing_the_file_again(
    chromium: Any,  # noqa: F811
    shots: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    sheet = tmp_path / "applications.csv"
    # As Excel on Windows saves "CSV": Windows-1252, semicolons, CRLF.
    sheet.write_bytes(
        "Company;Role;Applied;Location\r\n"
        "Société Générale;Analyst – Risk;2026-10-01;Zürich\r\n"
        "Kornblum GmbH;Engineer;1.10.2026;Berlin\r\n".encode("cp1252")
    )
    server = start_server(tmp_path)
    tab = Tab(chromium)
    page = tab.page
    try:
        page.goto(f"{server.url}/data")
        page.set_input_files("#sheet-sheet", str(sheet))
        page.check("#sheet-dry-run")
        page.locator("button:has-text('Import applications')").click()
        page.wait_for_selector(".sheet-preview")
        preview = " ".join(page.inner_text(".sheet-preview").split())
        assert "Note: read as Windows-1252 (not UTF-8)" in preview
        assert "Dry run, nothing was added: would add 2 applications." in preview
        assert "Add, line 2: Société Générale, Analyst – Risk (applied 2026-10-01)" in preview
        with server.nextround.uow() as uow:
            assert uow.applications.all() == []
        tab.shot(shots, "sheet-checked")
        page.locator("button:has-text('Import 2 applications from this file')").click()
        page.wait_for_selector("text=Added 2 applications (ids 1 to 2).")
        assert page.url.endswith("/applications")
        listed = page.inner_text("main")
        assert "Société Générale" in listed and "Kornblum GmbH" in listed
        with server.nextround.uow() as uow:
            assert sorted(a.company for a in uow.applications.all()) == [
                "Kornblum GmbH",
                "Société Générale",
            ]
        assert tab.errors == []
        tab.close()
    finally:
        server.stop()


#: The focused element: its id, tag and text.
FOCUSED = """() => { const e = document.activeElement;
  return {id: e.id, tag: e.tagName, text: (e.innerText || '').trim().slice(0, 80)}; }"""


def test_after_checking_a_sheet_by_keyboard_the_next_tab_is_its_import(
    chromium: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    """QA21 F6: the focus fell to the page's body, and the next Tab to "Skip to content"."""
    sheet = tmp_path / "applications.csv"
    sheet.write_text("Company,Role,Applied\nMonzo,Staff Data Scientist,2026-10-01\n")
    server = start_server(tmp_path)
    tab = Tab(chromium, width=700)
    page = tab.page
    try:
        page.goto(f"{server.url}/data")
        page.set_input_files("#sheet-sheet", str(sheet))
        page.focus("#sheet-dry-run")
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED)["text"] == "Import applications"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_selector(".sheet-preview")
        focused = page.evaluate(FOCUSED)
        assert focused["id"] == "sheet-preview", focused
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED)["text"] == "Import 1 application from this file"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_selector("text=Added 1 application")
        tab.close()
    finally:
        server.stop()
