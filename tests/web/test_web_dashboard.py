"""The dashboard board: what a move says, and what else on the page it brings up to date."""

from __future__ import annotations

import re
from urllib.parse import urlencode

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


def move(browser: Browser, app_id: int, to: str, on: str = "") -> str:
    """Move an application with htmx, answering yes where the board asks first; the answer."""
    data = {"move": to, "on": on, "confirm": "yes"}
    response = browser.post(f"/applications/{app_id}/move", data, headers=HTMX)
    assert response.status_code == 200, response.text
    return str(response.text)


def message(html: str) -> str:
    """The success message in the out-of-band message region."""
    found = re.search(r'<p class="flash">(.*?)</p>', oob(html, "messages"))
    assert found, "no message"
    return found.group(1)


UNDO = " Recorded by mistake? Delete the decision on the application&#39;s page."


@pytest.mark.parametrize(
    ("moves", "said"),
    [
        (["screen"], "Acme: Screen added as round 1 on 25 Nov 2026; it is now in Screening."),
        (
            ["screen", "technical"],
            "Acme: Technical interview added as round 2 on 25 Nov 2026; it is now in "
            "Interviewing. Round 1 (Screen) marked passed.",
        ),
        (
            ["final_loop"],
            "Acme: Final loop added as round 1 on 25 Nov 2026; it is now in Final round.",
        ),
        (["offer"], "Acme: offer received."),
        (["offer", "accept"], f"Acme: you accepted the offer.{UNDO}"),
        (["offer", "decline"], f"Acme: you declined the offer.{UNDO}"),
        (["rejected"], f"Acme: rejected; the process is closed.{UNDO}"),
        (["withdrawn"], f"Acme: you withdrew; the process is closed.{UNDO}"),
        (["no_response"], f"Acme: no response; the process is closed.{UNDO}"),
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
    for answer, said in [(offered, "Acme: offer received.")]:
        region = oob_free(on_page(answer, "messages"))
        assert re.findall(r'<p class="flash">(.*?)</p>', region) == [said]
        [warning] = re.findall(r'<p class="flash-warning">(.*?)</p>', region)
        # An offer received is not yet a yes: advice before answering, the caveat first.
        assert warning.startswith("Before you answer the offer: Only 43% of the weight is rated")
        assert "misses the must-have “no relocation” (London)" in warning


def test_column_counts_are_read_out_in_the_singular_and_the_plural(browser: Browser) -> None:
    browser.add_application()
    page = browser.get("/").text
    assert 'aria-label="1 application">1</span>' in page
    assert 'aria-label="0 applications">0</span>' in page
    assert "1 applications" not in page


def test_a_move_cannot_close_a_process_before_an_interview_still_to_come(
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
    # Refused at the question already, before the user says yes to it.
    for confirm in ("", "yes"):
        refused = browser.post(
            f"/applications/{acme}/move", {"move": "withdrawn", "confirm": confirm}, headers=HTMX
        )
        assert refused.status_code == 422
        said = re.search(rf'id="move-{acme}-error" role="alert">(.*?)</p>', refused.text)
        assert said is not None
        assert "The interview “Panel with the team” (round 1, Loop) is still to come" in said[1]
        assert (
            "tick “Called off” or correct its time under “Edit interview” in its round" in (said[1])
        )
        assert "Panel with the team" in oob(refused.text, "upcoming-list")
    with sqlite_app.uow() as uow:
        assert uow.applications.get(acme).current_decision is None


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


def ask(browser: Browser, app_id: int, to: str, on: str = "", headers: dict | None = None):
    """A move that asks first, not yet answered."""
    data = {"move": to, "on": on}
    return browser.post(f"/applications/{app_id}/move", data, headers=HTMX | (headers or {}))


def test_a_closing_move_asks_first_and_records_only_on_yes(
    browser: Browser, sqlite_app: Nextround
) -> None:
    acme = browser.add_application(company="Calderwick")
    move(browser, acme, "screen", "2026-11-02")
    move(browser, acme, "hiring_manager", "2026-11-12")
    for headers in (HTMX, {}):  # with htmx, and as a plain form
        asked = browser.post(f"/applications/{acme}/move", {"move": "rejected", "on": "2026-11-20"},
                             headers=headers)  # fmt: skip
        assert asked.status_code == 200
        assert "Record that Calderwick rejected you, on 20 Nov 2026?" in asked.text
        assert (
            "This closes the process. Round 2 (Hiring manager interview) will be marked rejected."
            in asked.text
        )
        # The answer carries the move and its date; "Not yet" goes back to the board.
        assert '<input type="hidden" name="on" value="2026-11-20">' in asked.text
        assert '<input type="hidden" name="confirm" value="yes">' in asked.text
        assert f'href="/#card-{acme}">Not yet</a>' in asked.text
    with sqlite_app.uow() as uow:
        assert uow.applications.get(acme).current_decision is None

    answer = move(browser, acme, "rejected", "2026-11-20")
    assert message(answer).startswith("Calderwick: rejected; the process is closed.")
    with sqlite_app.uow() as uow:
        app = uow.applications.get(acme)
        assert app.current_decision is not None
        assert app.current_decision.decided_on.isoformat() == "2026-11-20"
        assert [r.outcome.value for r in app.ordered_rounds] == ["passed", "rejected"]


def test_an_acceptance_shows_the_trade_offs_before_it_is_recorded(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application(company="Orbitra", location="London")
    with sqlite_app.uow() as uow:
        options.define(uow, must_haves=["no relocation [location~amsterdam]"], threshold=3.5)
        options.rate(uow, app_id, {"scope": 2, "mission": 2, "compensation": 5})
    move(browser, app_id, "offer")
    asked = ask(browser, app_id, "accept").text
    card = on_page(asked, f"card-{app_id}")
    assert "Accept the offer from Orbitra?" in card
    assert "Saying yes to the wrong thing?" in card
    assert "misses the must-have “no relocation” (London)" in card
    assert ">Accept anyway</button>" in card
    with sqlite_app.uow() as uow:
        assert uow.applications.get(app_id).status.value == "offer"

    accepted = move(browser, app_id, "accept")
    assert message(accepted).startswith("Orbitra: you accepted the offer.")
    # Asked before, so not again after.
    assert '<p class="flash-warning">' not in oob(accepted, "messages")
    with sqlite_app.uow() as uow:
        assert uow.applications.get(app_id).status.value == "accepted"


def test_a_board_move_takes_the_day_it_happened(browser: Browser, sqlite_app: Nextround) -> None:
    acme = browser.add_application()
    page = browser.get("/").text
    assert 'name="on" value="2026-11-25"' in on_page(page, f"card-{acme}")  # today by default
    move(browser, acme, "screen", "2026-11-03")
    answer = move(browser, acme, "technical", "2026-11-10")
    assert message(answer) == (
        "Acme: Technical interview added as round 2 on 10 Nov 2026; it is now in "
        "Interviewing. Round 1 (Screen) marked passed."
    )
    with sqlite_app.uow() as uow:
        rounds = uow.applications.get(acme).ordered_rounds
    assert [(r.started_on.isoformat(), r.outcome.value) for r in rounds] == [
        ("2026-11-03", "passed"),
        ("2026-11-10", "pending"),
    ]
    refused = browser.post(
        f"/applications/{acme}/move", {"move": "final_loop", "on": "10/11"}, headers=HTMX
    )
    assert refused.status_code == 422
    assert "&#39;10/11&#39; is not a date" in refused.text
    assert 'name="on" value="10/11"' in on_page(refused.text, f"card-{acme}")  # kept for a retry


def test_the_funnel_counts_no_screen_for_an_offer_straight_after_applying(
    browser: Browser,
) -> None:
    orbitra = browser.add_application(company="Orbitra")
    browser.add_application(company="Tempoline")
    answer = move(browser, orbitra, "offer")
    funnel = oob(answer, "funnel-chart")
    assert "First rounds: 0" in funnel and "Final rounds: 0" in funnel and "Offers: 1" in funnel
    assert "1 offer came without a final round on record" in funnel


def test_a_process_with_no_news_for_three_weeks_says_it_has_gone_quiet(browser: Browser) -> None:
    quiet = browser.add_application(company="Quietco", applied_on="2026-10-01")
    recent = browser.add_application(company="Freshco", applied_on="2026-11-20")
    page = browser.get("/").text
    note = "Gone quiet: no news and nothing scheduled. Follow up once, or close it with"
    assert note in on_page(page, f"card-{quiet}")
    assert note not in on_page(page, f"card-{recent}")


def test_the_funnel_says_what_its_screens_count_as_stats_does(browser: Browser) -> None:
    from nextround.domain.pipeline import SCREEN_STAGE_RULE

    assert SCREEN_STAGE_RULE not in on_page(browser.get("/").text, "funnel-chart")
    app_id = browser.add_application(company="Datadog", applied_on="2026-10-02")
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "OA", "kind": "assessment", "started_on": "2026-10-09"},
    )
    funnel = on_page(browser.get("/").text, "funnel-chart")
    assert "First rounds: 1" in funnel and SCREEN_STAGE_RULE.replace("'", "&#39;") in funnel


def test_the_funnel_names_a_hiring_managers_chat_a_first_round_not_a_screen(
    browser: Browser,
) -> None:
    # QA21 F12: "Screens 4" with one recruiter screen, explained by the CSV's column names.
    for company, kind in (("Monzo", "screen"), ("Revolut", "hiring_manager")):
        app_id = browser.add_application(company=company, applied_on="2026-10-02")
        browser.post(
            f"/applications/{app_id}/rounds",
            {"name": "First chat", "kind": kind, "started_on": "2026-10-09"},
        )
    funnel = on_page(browser.get("/").text, "funnel-chart")
    assert "First rounds: 2" in funnel and "Screens" not in funnel
    assert "_on" not in funnel and "CSV" not in funnel


def test_the_funnel_card_shows_interviews_and_how_each_kind_of_round_went(browser: Browser) -> None:
    # QA17 F1: the online tests where a graduate's processes end were lost among "Screens".
    for company in ("Auto Trader", "Monzo", "Sky", "Matillion"):
        app_id = browser.add_application(company=company, applied_on="2026-10-02")
        browser.post(
            f"/applications/{app_id}/rounds",
            {"name": "HackerRank OA", "kind": "assessment", "started_on": "2026-10-09"},
        )
        if company in ("Auto Trader", "Monzo", "Sky"):
            move(browser, app_id, "rejected", "2026-10-20")
        else:
            browser.post(
                f"/applications/{app_id}/rounds",
                {"name": "Technical", "kind": "technical", "started_on": "2026-10-22"},
            )
    funnel = " ".join(on_page(browser.get("/").text, "funnel-chart").split())
    assert "Interviews: 1" in funnel
    assert "Rounds by kind" in funnel
    assert '<th scope="row">Online assessment</th><td>1 of 4 (25%)</td><td>0</td>' in funnel
    assert (
        "Most of your processes end at the online assessment: 3 of the 3 that ended after a "
        "round." in funnel
    )


def test_no_round_no_table_of_kinds(browser: Browser) -> None:
    browser.add_application(company="Arm", applied_on="2026-10-02")
    funnel = on_page(browser.get("/").text, "funnel-chart")
    assert "Rounds by kind" not in funnel and "Most of your processes" not in funnel


def _ended_at(browser: Browser, company: str, kind: str, day: str, tag: str) -> None:
    """An application applied on ``day`` that ended, rejected, at a round of ``kind``."""
    app_id = browser.add_application(company=company, applied_on=day, tags=tag)
    start = day[:8] + "12"
    round_ = {"name": kind, "kind": kind, "started_on": start}
    browser.post(f"/applications/{app_id}/rounds", round_)
    move(browser, app_id, "rejected", day[:8] + "20")


def _two_searches(browser: Browser) -> None:
    # Search 1 (2025): three ended at the screen, then an accepted offer; search 2 (2026):
    # three ended at the online assessment. Pooled, neither kind stands out.
    for n in range(3):
        _ended_at(browser, f"Old {n}", "screen", f"2025-0{n + 2}-01", "search1")
    brambleway = browser.add_application(
        company="Brambleway", applied_on="2025-03-01", tags="search1"
    )
    move(browser, brambleway, "offer", "2025-05-02")
    move(browser, brambleway, "accept", "2025-05-06")
    for n in range(3):
        _ended_at(browser, f"New {n}", "assessment", f"2026-0{n + 7}-01", "search2")


def test_the_drop_off_counts_the_current_search_and_says_so(browser: Browser) -> None:
    # QA19: the plan practised for the current search while the dashboard pooled both.
    _two_searches(browser)
    funnel = " ".join(on_page(browser.get("/").text, "funnel-chart").split())
    assert (
        "Most of your processes end at the online assessment: 3 of the 3 that ended after a "
        "round.</strong>" in funnel
    )
    # Said once, above the table of kinds, which counts the same applications.
    scope = (
        "Counted on your current search: the applications made after you accepted "
        "Brambleway&#39;s offer on 2025-05-06."
    )
    assert funnel.count(scope) == 1
    assert funnel.index("Rounds by kind") < funnel.index(scope) < funnel.index("<table")
    # The funnel itself counts every application, and says how they divide.
    assert (
        "All 7 applications, earlier searches included: 4 made by 2025-05-06, when you "
        "accepted Brambleway&#39;s offer, and 3 in your current search since." in funnel
    )
    assert "Applications: 7" in funnel


def kinds(funnel: str) -> dict[str, str]:
    """The rounds-by-kind table's rows: each kind's passed cell."""
    return dict(re.findall(r'<th scope="row">([^<]*)</th><td>([^<]*)</td>', funnel))


def test_the_rounds_by_kind_count_the_current_search_as_the_drop_off_does(
    browser: Browser,
) -> None:
    # The earlier search's three screens are not the current search's rounds.
    _two_searches(browser)
    funnel = " ".join(on_page(browser.get("/").text, "funnel-chart").split())
    assert kinds(funnel) == {"Online assessment": "0 of 3 (0%)"}
    assert "How each kind of round went in your current search:" in funnel
    # A tag chosen is the scope instead, for the table as for the drop-off.
    tagged = " ".join(on_page(browser.get("/?tag=search1").text, "funnel-chart").split())
    assert kinds(tagged) == {"Screen": "0 of 3 (0%)"}
    assert "How each kind of round went in the applications tagged search1:" in tagged
    assert 'id="round-kinds-scope"' not in tagged


def test_a_new_search_without_rounds_yet_says_why_the_kinds_are_gone(browser: Browser) -> None:
    _ended_at(browser, "Old", "screen", "2025-02-01", "search1")
    accepted = browser.add_application(company="Brambleway", applied_on="2025-03-01")
    move(browser, accepted, "offer", "2025-05-02")
    move(browser, accepted, "accept", "2025-05-06")
    browser.add_application(company="Ridgeway Tech", applied_on="2026-11-01")
    funnel = " ".join(on_page(browser.get("/").text, "funnel-chart").split())
    assert "Rounds by kind" not in funnel and kinds(funnel) == {}
    assert (
        "No rounds recorded in your current search yet. Counted on your current search: the "
        "applications made after you accepted Brambleway&#39;s offer on 2025-05-06." in funnel
    )


def test_the_funnel_card_counts_one_tag_and_keeps_it_through_a_move(browser: Browser) -> None:
    _two_searches(browser)
    page = browser.get("/?tag=search1").text
    assert '<option value="search1" selected>tagged search1</option>' in page
    funnel = " ".join(on_page(page, "funnel-chart").split())
    assert "Only applications tagged search1" in funnel and "Applications: 4" in funnel
    assert "Most of your processes end at the screen: 3 of the 3" in funnel
    assert "current search" not in funnel  # the tag is the scope asked for
    # The board still shows every open process; a move on it keeps the funnel's tag.
    open_one = browser.add_application(company="Ridgeway Tech", applied_on="2026-11-01")
    answer = browser.post(
        f"/applications/{open_one}/move",
        {"move": "screen", "on": "2026-11-10"},
        headers={**HTMX, "HX-Current-URL": "http://testserver/?tag=search1"},
    ).text
    assert "Only applications tagged search1" in oob(answer, "funnel-chart")
    every = " ".join(on_page(browser.get("/").text, "funnel-chart").split())
    assert "Applications: 8" in every and "Only applications tagged" not in every


def test_a_move_without_javascript_comes_back_to_the_tagged_funnel(browser: Browser) -> None:
    _two_searches(browser)
    open_one = browser.add_application(company="Ridgeway Tech", applied_on="2026-11-01")
    page = browser.get("/?tag=search1").text
    # The card's form posts the page's filter along, as a plain form does without htmx.
    action = f"/applications/{open_one}/move?tag=search1"
    assert f'action="{action}"' in on_page(page, f"card-{open_one}")
    answer = browser.post(action, {"move": "screen", "on": "2026-11-10"})
    assert answer.status_code == 303 and answer.headers["location"] == "/?tag=search1"
    landed = browser.get(answer.headers["location"]).text
    assert "Ridgeway Tech: Screen added as round 1" in landed
    assert "Only applications tagged search1" in on_page(landed, "funnel-chart")
    # An ending move asks first; its question and its "Not yet" keep the filter too.
    asked = browser.post(action, {"move": "rejected", "on": "2026-11-12"}).text
    assert f'action="{action}"' in asked and 'href="/?tag=search1#card-' in asked
    assert "Only applications tagged search1" in on_page(asked, "funnel-chart")


@pytest.mark.parametrize(
    ("shown", "back_to"),
    [
        ("Search1", "/?tag=search1"),  # matched as the store matches it, said its way
        ("no-such-tag", "/"),  # a tag not on record is not carried
        ("//evil.example", "/"),  # nor anything that would leave the dashboard
        ("", "/"),
    ],
)
def test_a_move_keeps_only_a_tag_on_record_in_its_redirect(
    browser: Browser, shown: str, back_to: str
) -> None:
    browser.add_application(company="Tagged", applied_on="2026-10-01", tags="search1")
    app_id = browser.add_application(company="Ridgeway Tech", applied_on="2026-11-01")
    answer = browser.post(
        f"/applications/{app_id}/move?{urlencode({'tag': shown})}", {"move": "screen"}
    )
    assert answer.status_code == 303 and answer.headers["location"] == back_to


def test_a_tag_with_spaces_and_signs_is_encoded_in_the_form_and_the_redirect(
    browser: Browser,
) -> None:
    browser.add_application(company="Tagged", applied_on="2026-10-01", tags="c++/rust#2")
    app_id = browser.add_application(company="Ridgeway Tech", applied_on="2026-11-01")
    query = urlencode({"tag": "c++/rust#2"})
    assert f'action="/applications/{app_id}/move?{query}"' in browser.get(f"/?{query}").text
    answer = browser.post(f"/applications/{app_id}/move?{query}", {"move": "screen"})
    assert answer.headers["location"] == f"/?{query}"
