"""Story coverage on a phone: every story's column in sight, named in a key above the table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.test_web_browser import (  # noqa: F401 - fixtures
    LiveServer,
    Tab,
    chromium,
    shots,
    start_server,
)
from tests.web.conftest import load_demo_journey

pytestmark = pytest.mark.browser

#: The coverage table's width against its scrolling box's, and the key's story titles.
MEASURE = """() => {
  const box = document.querySelector('#coverage .table-wrap');
  const key = document.querySelector('#coverage .story-key');
  return {
    table: box.querySelector('table').getBoundingClientRect().width,
    box: box.clientWidth,
    key: getComputedStyle(key).display === 'none'
      ? [] : [...key.querySelectorAll('a')].map(a => a.textContent),
    // What each story column shows: the title, or on a phone its number (the title is
    // there for screen readers, one pixel wide).
    headers: [...box.querySelectorAll('th.story-col')].map(th =>
      [...th.querySelectorAll('span')].filter(s => s.getBoundingClientRect().width > 1)
        .map(s => s.textContent).join('')),
  };
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = start_server(tmp_path_factory.mktemp("coverage"))
    load_demo_journey(live.nextround)
    yield live
    live.stop()


@pytest.mark.parametrize("width", [390, 1280])
def test_every_story_column_is_in_sight(
    chromium: Any,  # noqa: F811
    server: LiveServer,
    shots: Path,  # noqa: F811
    width: int,
) -> None:
    # The finding: on a 390 px phone the third story's column was cut off by its box.
    tab = Tab(chromium, width=width)
    try:
        tab.page.goto(f"{server.url}/stories#coverage")
        tab.page.locator("#coverage").screenshot(path=str(shots / f"coverage-{width}.png"))
        seen = tab.page.evaluate(MEASURE)
        assert len(seen["headers"]) == 4
        assert seen["table"] <= seen["box"] + 1, seen
        if width < 720:
            # Numbered columns, and the key names each number's story in the same order.
            assert seen["headers"] == ["1", "2", "3", "4"]
            assert seen["key"][0] == "Cutting carrier onboarding from nine weeks to four"
            assert len(seen["key"]) == 4 and all(seen["key"]), seen
        else:
            assert seen["key"] == [] and all(len(h) > 3 for h in seen["headers"]), seen
    finally:
        tab.close()
