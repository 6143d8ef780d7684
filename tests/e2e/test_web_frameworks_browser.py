"""Reading feedback on an imported framework in a real browser: progress, then the profile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nextround.analysis.lexical import LexicalMapper
from nextround.domain.feedback import FeedbackSource
from nextround.services.feedback import add_mapped_feedback
from nextround.services.frameworks import get_framework, import_framework
from tests.e2e.test_web_browser import Tab, chromium, shots, start_server  # noqa: F401 - fixtures
from tests.unit.test_services_framework_reading import VALUES

pytestmark = pytest.mark.browser

TEXTS = [
    f"Feedback {n}: strong stakeholder updates, but the risk register was thin." for n in range(6)
]

#: Logs, at each change while the card shows its progress, whether the progress is inside
#: the live region that was on the page before the reading began.
HEARD = """() => {
  const region = document.querySelector('[aria-live]:has(#feedback-reading)');
  new MutationObserver(() => {
    const bar = document.querySelector('#feedback-reading progress');
    if (bar) console.log('live ' + (!!region && region.isConnected && region.contains(bar)));
  }).observe(document.body, {subtree: true, childList: true});
}"""


def test_the_profile_reads_feedback_on_an_imported_framework_batch_by_batch(
    chromium: Any,  # noqa: F811
    shots: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Small batches, so the card shows its progress before the page comes back.
    monkeypatch.setattr("nextround.web.routes.frameworks.WEB_BATCH", 2)
    server = start_server(tmp_path)
    with server.nextround.uow() as uow:
        core = get_framework(uow)
        for text in TEXTS:
            add_mapped_feedback(
                uow, text, FeedbackSource.PEER, lambda: LexicalMapper(core), core.id
            )
        import_framework(uow, VALUES, use=True)
    tab = Tab(chromium)
    page = tab.page
    answers: list[str] = []
    page.on(
        "response",
        lambda r: answers.append(r.url) if r.url.endswith("/read-feedback") else None,
    )
    try:
        page.goto(f"{server.url}/profile")
        assert "are mapped on another framework" in page.inner_text("#feedback-reading h2")
        assert not page.locator(".empty").count()
        # Each batch's progress is read out: the card is swapped inside a live region that
        # stays (one put in by the swap itself is not read by a screen reader).
        heard: list[str] = []
        page.on("console", lambda m: heard.append(m.text) if m.text.startswith("live") else None)
        page.evaluate(HEARD)
        page.click("button:has-text('Read my feedback on Values')")
        page.wait_for_selector(".flash", timeout=30_000)
        assert heard and set(heard) == {"live true"}, heard
        assert page.url == f"{server.url}/profile"
        assert "Read your feedback on Values" in page.inner_text(".flash")
        assert len(answers) >= 3  # one request per batch, each asked for by the card
        assert not page.locator("#feedback-reading").count()
        assert page.locator(".profile-top").count() == 1  # the profile itself, not the empty state
        tab.shot(shots, "profile-read-on-imported-framework")
    finally:
        tab.close()
        server.stop()
    with server.nextround.uow() as uow:
        on = {s.framework_id for s in uow.statements.all_readings()}
    assert on == {core.id, "values"}
