"""Two offers at once on the web: accept one, decline the other (QA11 F6)."""

from __future__ import annotations

import html
import re

from nextround.bootstrap import Nextround
from tests.web.conftest import Browser

# The web tests' clock stands on Wed 25 Nov 2026.
HTMX = {"HX-Request": "true", "HX-Target": "board"}
ACCEPT = {"outcome": "offer", "decided_on": "2026-11-20", "offer_response": "accepted"}
WAITING = "You still have an offer from Northwind waiting (answer by Mon 23 Nov, overdue by 2 days)"


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())


def _two_offers(browser: Browser) -> tuple[int, int]:
    northwind = browser.add_application(company="Northwind", applied_on="2026-09-01")
    aurora = browser.add_application(company="Aurora", applied_on="2026-09-10")
    browser.add_application(company="Lumen", applied_on="2026-10-01")  # gone quiet
    for app_id, on, due in ((northwind, "2026-11-16", "2026-11-23"), (aurora, "2026-11-20", "")):
        offer = {"outcome": "offer", "decided_on": on, "offer_response": "pending"}
        done = browser.post(f"/applications/{app_id}/decision", {**offer, "answer_by": due})
        assert done.status_code == 303, done.text
    return northwind, aurora


def _status(nextround: Nextround, app_id: int) -> str:
    with nextround.uow() as uow:
        return uow.applications.get(app_id).status.value


def test_accepting_on_the_page_links_the_offer_still_waiting_and_turns_its_reminders(
    browser: Browser, sqlite_app: Nextround
) -> None:
    northwind, aurora = _two_offers(browser)
    assert "Follow up once, or close it" in _text(browser.get("/").text)
    done = browser.post(f"/applications/{aurora}/decision", ACCEPT)
    assert done.status_code == 303
    page = browser.get(done.headers["location"]).text
    said = _text(page)
    assert f"{WAITING}: decline it under “Change the decision” on its page." in said
    assert f'<a href="/applications/{northwind}#decision">Northwind</a>' in page
    assert "nextround decision" not in said  # no command line on the web
    declining = "You have accepted Aurora's offer: decline it, or accept it instead"
    assert declining in _text(browser.get(f"/applications/{northwind}").text)
    board = _text(browser.get("/").text)
    assert declining in board
    assert "You have accepted an offer: withdraw from these to let them know" in board
    assert "Follow up once" not in board
    assert "Decline Northwind's offer by Mon 23 Nov" in _text(browser.get("/plan").text)


def test_a_second_acceptance_on_the_form_asks_first_without_option_a(
    browser: Browser, sqlite_app: Nextround
) -> None:
    northwind, aurora = _two_offers(browser)
    assert browser.post(f"/applications/{aurora}/decision", ACCEPT).status_code == 303
    asked = browser.post(f"/applications/{northwind}/decision", ACCEPT)
    assert asked.status_code == 200
    said = _text(asked.text)
    assert "You have already accepted Aurora's offer (25 Nov)." in said
    assert "Nothing is recorded yet: tick “Accept anyway”" in said
    assert "Saying yes to the wrong thing?" not in said  # Option A has nothing to say
    assert _status(sqlite_app, northwind) == "offer"
    again = browser.post(f"/applications/{northwind}/decision", ACCEPT | {"accept_anyway": "1"})
    assert again.status_code == 303
    assert _status(sqlite_app, northwind) == "accepted"


def test_the_board_asks_before_a_second_acceptance_and_names_the_offer_left(
    browser: Browser, sqlite_app: Nextround
) -> None:
    northwind, aurora = _two_offers(browser)
    moved = browser.post(f"/applications/{aurora}/move",
                         {"move": "accept", "on": "", "confirm": "yes"}, headers=HTMX)  # fmt: skip
    assert moved.status_code == 200
    assert WAITING in _text(moved.text)
    assert f'<a href="/applications/{northwind}#decision">Northwind</a>' in moved.text
    asked = browser.post(f"/applications/{northwind}/move", {"move": "accept"}, headers=HTMX)
    assert "You have already accepted Aurora's offer (25 Nov)." in _text(asked.text)
    assert _status(sqlite_app, northwind) == "offer"


def test_accepting_names_a_better_ranked_process_and_every_one_still_open(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from datetime import UTC, date, datetime

    from nextround.domain.journey import RoundKind
    from nextround.services import options, process

    snowflake = browser.add_application(company="Snowflake", applied_on="2026-10-01")
    datadog = browser.add_application(company="Datadog", applied_on="2026-10-05")
    browser.add_application(company="Lumen Labs", applied_on="2026-11-20")
    with sqlite_app.uow() as uow:
        process.next_round(uow, datadog, {"name": "Final panel", "kind": RoundKind.PANEL,
                                          "started_on": date(2026, 11, 27)})  # fmt: skip
        process.add_interview(uow, datadog, None, {
            "title": "Panel", "scheduled_at": datetime(2026, 11, 27, 10, tzinfo=UTC)})  # fmt: skip
        options.define(uow, threshold=2)
        options.rate(uow, snowflake, {"scope": 3, "mission": 3, "compensation": 4})
        options.rate(uow, datadog, {"scope": 5, "mission": 5, "compensation": 5})
    offer = {"outcome": "offer", "decided_on": "2026-11-20", "offer_response": "pending"}
    assert browser.post(f"/applications/{snowflake}/decision", offer).status_code == 303
    asked = browser.post(f"/applications/{snowflake}/decision", ACCEPT)
    assert asked.status_code == 200
    said = _text(asked.text)
    assert (
        "Datadog (5.00, interview on Fri 27 Nov) ranks higher on your Option A than Snowflake"
    ) in said
    assert "Nothing is recorded yet" in said and _status(sqlite_app, snowflake) == "offer"
    done = browser.post(f"/applications/{snowflake}/decision", ACCEPT | {"accept_anyway": "1"})
    assert done.status_code == 303
    page = browser.get(done.headers["location"]).text
    assert f'<a href="/applications/{datadog}#decision">Datadog</a>' in page
    assert "(interview on Fri 27 Nov) to let them know" in _text(page)
    board = _text(browser.get("/").text)
    assert (
        "You have accepted an offer; these are still open, withdraw from them to let them know: "
        f"{datadog} Datadog (interview on Fri 27 Nov); 3 Lumen Labs (“Close: I withdrew” on "
        "each page)."
    ) in board
