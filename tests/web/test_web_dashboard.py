"""The dashboard board: what a move says, and what else on the page it brings up to date."""

from __future__ import annotations

import re

import pytest

from nextround.bootstrap import Nextround
from nextround.services import options
from tests.web.conftest import Browser

HTMX = {"HX-Request": "true", "HX-Target": "board"}


def oob(html: str, element_id: str) -> str:
    """The out-of-band part with ``element_id`` in an htmx answer (its whole element)."""
    found = re.search(
        rf'<(\w+) [^>]*id="{element_id}"[^>]* hx-swap-oob="true">.*?</\1>', html, re.S
    )
    assert found, f"no out-of-band #{element_id}"
    return found.group(0)


def on_page(html: str, element_id: str) -> str:
    """The element with ``element_id`` on a full page, without its oob marker."""
    found = re.search(rf'<(\w+) [^>]*id="{element_id}"[^>]*>.*?</\1>', html, re.S)
    assert found, f"no #{element_id}"
    return found.group(0)


def move(browser: Browser, app_id: int, to: str) -> str:
    """Move an application with htmx; the answer."""
    response = browser.post(f"/applications/{app_id}/move", {"move": to}, headers=HTMX)
    assert response.status_code == 200, response.text
    return str(response.text)


def message(html: str) -> str:
    """The success message in the out-of-band message region."""
    found = re.search(r'<p class="flash">(.*?)</p>', oob(html, "messages"))
    assert found, "no message"
    return found.group(1)


@pytest.mark.parametrize(
    ("moves", "said"),
    [
        (["screen"], "Acme: Screen added as round 1; it is now in Screening."),
        (
            ["screen", "technical"],
            "Acme: Technical interview added as round 2; it is now in Interviewing.",
        ),
        (["final_loop"], "Acme: Final loop added as round 1; it is now in Final round."),
        (["offer"], "Acme: offer received."),
        (["offer", "accept"], "Acme: you accepted the offer."),
        (["offer", "decline"], "Acme: you declined the offer."),
        (["rejected"], "Acme: rejected; the process is closed."),
        (["withdrawn"], "Acme: you withdrew; the process is closed."),
        (["no_response"], "Acme: no response; the process is closed."),
        (["screen", "withdrawn", "reopen"], "Acme: reopened; it is back in Screening."),
    ],
)
def test_a_move_says_what_it_did_in_a_plain_sentence(
    browser: Browser, moves: list[str], said: str
) -> None:
    app_id = browser.add_application()
    for to in moves:
        answer = move(browser, app_id, to)
    assert message(answer) == said


def test_a_move_brings_the_summary_and_the_funnel_up_to_date(browser: Browser) -> None:
    acme = browser.add_application()
    browser.add_application(company="Globex")
    before = browser.get("/").text
    assert "2 applications, 2 still open." in on_page(before, "pipeline-summary")

    answer = move(browser, acme, "withdrawn")
    assert answer.lstrip().startswith('<section id="board"')  # htmx's target comes first
    summary = oob(answer, "pipeline-summary")
    assert "2 applications, 1 still open." in summary
    funnel = oob(answer, "funnel-chart")
    assert funnel != oob_free(on_page(before, "funnel-chart"))
    after = browser.get("/").text
    assert oob_free(funnel) == on_page(after, "funnel-chart")
    assert oob_free(summary) == on_page(after, "pipeline-summary")
    assert "Acme: you withdrew" in message(answer)

    # A refused move changes nothing, and clears the last message rather than leave it
    # beside the error.
    refused = browser.post(f"/applications/{acme}/move", {"move": "offer"}, headers=HTMX)
    assert refused.status_code == 422
    assert "does not apply" in refused.text
    assert "2 applications, 1 still open." in oob(refused.text, "pipeline-summary")
    assert '<p class="flash">' not in oob(refused.text, "messages")


def oob_free(html: str) -> str:
    return html.replace(' hx-swap-oob="true"', "")


def test_a_doubtful_offer_is_a_warning_apart_from_the_message(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application(location="London")
    with sqlite_app.uow() as uow:
        options.define(uow, must_haves=["no relocation [location~amsterdam]"], threshold=3.5)
        options.rate(uow, app_id, {"scope": 2, "mission": 2, "compensation": 5})
    offered = move(browser, app_id, "offer")
    # Without JavaScript: the same two messages, after the redirect.
    accepted = browser.post(f"/applications/{app_id}/move", {"move": "accept"})
    assert accepted.status_code == 303
    for answer, said in [
        (offered, "Acme: offer received."),
        (browser.get("/").text, "Acme: you accepted the offer."),
    ]:
        region = oob_free(on_page(answer, "messages"))
        assert re.findall(r'<p class="flash">(.*?)</p>', region) == [said]
        [warning] = re.findall(r'<p class="flash-warning">(.*?)</p>', region)
        assert re.match(r"Saying yes to the wrong thing\? It scores \d\.\d\d against your", warning)
        assert "misses the must-have “no relocation” (London)" in warning


def test_column_counts_are_read_out_in_the_singular_and_the_plural(browser: Browser) -> None:
    browser.add_application()
    page = browser.get("/").text
    assert 'aria-label="1 application">1</span>' in page
    assert 'aria-label="0 applications">0</span>' in page
    assert "1 applications" not in page


def test_a_move_that_closes_a_process_takes_its_interviews_off_the_agenda(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from datetime import timedelta

    from nextround.domain.journey import RoundKind
    from nextround.services.process import add_interview, add_round

    acme = browser.add_application()
    now = sqlite_app.clock()  # the app's own clock: tests may fix it
    soon = now + timedelta(days=3)
    with sqlite_app.uow() as uow:
        started = (now - timedelta(days=2)).date()
        add_round(uow, acme, {"name": "Loop", "kind": RoundKind.FINAL_LOOP, "started_on": started})
        add_interview(uow, acme, None, {"title": "Panel with the team", "scheduled_at": soon})
    assert "Panel with the team" in on_page(browser.get("/").text, "upcoming-list")
    answer = move(browser, acme, "withdrawn")
    upcoming = oob(answer, "upcoming-list")
    assert "Panel with the team" not in upcoming and "No interviews scheduled" in upcoming
    assert oob_free(upcoming) == on_page(browser.get("/").text, "upcoming-list")


def test_an_offers_move_menu_starts_on_a_placeholder_that_changes_nothing(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    move(browser, app_id, "offer")
    page = browser.get("/").text
    menu = re.search(rf'<select id="move-{app_id}".*?</select>', page, re.S)
    assert menu is not None
    first = re.search(r"<option [^>]*>", menu.group(0))
    assert first is not None and first.group(0) == '<option value="" selected>'
    assert " selected>Accepted" not in menu.group(0)  # not one click from ending the search
    for headers in (HTMX, {}):
        kept = browser.post(f"/applications/{app_id}/move", {"move": ""}, headers=headers)
        assert kept.status_code in (200, 303)
        assert "field-error" not in kept.text
    with sqlite_app.uow() as uow:
        assert uow.applications.get(app_id).status.value == "offer"
