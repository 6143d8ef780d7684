"""An offer's terms typed in a real browser: refused under the field, then shown with the total."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from nextround.services.applications import add_application
from tests.e2e.test_web_browser import Tab, chromium, shots, start_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


def test_the_decision_form_takes_the_terms_and_the_page_adds_up_the_first_year(
    chromium: Any,  # noqa: F811
    shots: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    server = start_server(tmp_path)
    today = date.today()
    with server.nextround.uow() as uow:
        app = add_application(
            uow, {"company": "Orbital Pay", "role_title": "TPM",
                  "applied_on": today - timedelta(30)},
        )  # fmt: skip
    tab = Tab(chromium)
    page = tab.page
    try:
        page.goto(f"{server.url}/applications/{app.id}?form=decision#decision")
        page.select_option("#decision-outcome", "offer")
        page.fill("#decision-decided-on", (today - timedelta(days=1)).isoformat())
        page.select_option("#decision-offer-response", "pending")
        page.fill("#decision-currency", "eur")
        page.fill("#decision-base-salary", "120k EUR")
        page.fill("#decision-variable-pay", "30,000")
        page.fill("#decision-sign-on", "10k")
        with page.expect_navigation():
            page.click("button:has-text('Save decision')")
        error = " ".join(page.inner_text("#decision-base-salary-error").split())
        assert "the currency goes in the Currency field" in error
        assert page.input_value("#decision-variable-pay") == "30,000"  # the rest kept as typed
        tab.shot(shots, "offer-terms-form")
        page.fill("#decision-base-salary", "120k")
        with page.expect_navigation():
            page.click("button:has-text('Save decision')")
        shown = " ".join(page.inner_text("#offer-terms").split())
        assert "Base: 120,000 EUR a year" in shown
        assert "First year: 160,000 EUR (base + variable target + sign-on)" in shown
        tab.shot(shots, "offer-terms")
    finally:
        tab.close()
        server.stop()
