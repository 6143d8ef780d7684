"""Two applications for the same role: said when the second is added, told apart in lists."""

from __future__ import annotations

import html
import re
from datetime import date

from nextround.bootstrap import Nextround
from nextround.domain.journey import Outcome
from nextround.services import options
from nextround.services.process import set_decision
from tests.web.conftest import Browser

ROLE = {"company": "Tempoline", "role_title": "Technical Program Manager"}


def options_of(page: str, select_id: str) -> list[str]:
    """The texts of a select's options, by the select's id."""
    found = re.search(rf'<select id="{select_id}"[^>]*>(.*?)</select>', page, re.S)
    assert found, select_id
    return [html.unescape(t) for t in re.findall(r"<option [^>]*>([^<]*)</option>", found.group(1))]


def test_a_second_application_for_a_role_is_noted_and_told_apart_in_every_picker(
    browser: Browser, sqlite_app: Nextround
) -> None:
    first = browser.add_application(**ROLE, applied_on="2026-09-01")
    with sqlite_app.uow() as uow:
        set_decision(uow, first, Outcome.REJECTION, date(2026, 9, 20))
    # A re-application is legitimate: added, with a note naming the one on record.
    added = browser.post("/applications", {**ROLE, "applied_on": "2026-11-02"})
    assert added.status_code == 303
    second = int(added.headers["location"].rsplit("/", 1)[1])
    shown = html.unescape(browser.get(added.headers["location"]).text)
    assert (
        "Added Technical Program Manager at Tempoline. Note: you already have Technical "
        "Program Manager at Tempoline (applied 1 Sep 2026, rejected). If you added it twice by "
        "mistake, delete this one under “Delete this application”."
    ) in shown
    # The first of a role gets the usual next step, and no note.
    other = browser.post(
        "/applications", {**ROLE, "company": "Kestrelgate", "applied_on": "2026-11-02"}
    )
    assert "Next: add its rounds" in browser.get(other.headers["location"]).text

    earlier = "Tempoline — Technical Program Manager (applied 1 Sep 2026, rejected)"
    later = "Tempoline — Technical Program Manager (applied 2 Nov 2026)"
    assert {earlier, later} <= set(options_of(browser.get("/notes").text, "draft-app"))
    assert {earlier, later} <= set(options_of(browser.get("/options").text, "rate-app"))
    # The board's move menus are named for a screen reader the same way.
    board = html.unescape(browser.get("/").text)
    assert f'<label class="sr-only" for="move-{second}">Move {later}</label>' in board

    # Both rated: the ranking's rows say when each was sent, beside their status.
    with sqlite_app.uow() as uow:
        for app_id in (first, second):
            options.rate(uow, app_id, {c.id: 3 for c in options.get_option_a(uow).criteria})
    ranking = html.unescape(browser.get("/options").text)
    assert "Technical Program Manager, applied 1 Sep 2026</span>" in ranking
    assert "Technical Program Manager, applied 2 Nov 2026</span>" in ranking
