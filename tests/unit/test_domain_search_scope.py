"""An accepted offer ends the search it was part of: which applications it concerns (QA19)."""

from __future__ import annotations

from datetime import date

from nextround.domain.drop_off_practice import drop_off_practice
from nextround.domain.journey import OfferResponse, Outcome, RoundKind, Source
from nextround.domain.offer_deadline import AcceptedOffer
from nextround.domain.pipeline import ApplicationFacts, DecisionFact
from nextround.domain.round_pass_rates import DropOff
from nextround.domain.search_scope import (
    acceptance_over,
    binds,
    counted_on_current_search,
    current_search_start,
    earlier_search_closed,
    in_current_search,
    searches_counted,
)

BRAMBLEWAY = AcceptedOffer("Brambleway", 4, date(2025, 5, 6))


def test_an_acceptance_concerns_the_applications_made_up_to_its_day_and_not_itself():
    assert binds(BRAMBLEWAY, date(2025, 3, 12))
    assert binds(BRAMBLEWAY, date(2025, 5, 6))  # applied the same day: still open then
    assert not binds(BRAMBLEWAY, date(2026, 9, 1))  # a new search
    assert not binds(BRAMBLEWAY, date(2025, 3, 12), application_id=4)


def test_a_later_search_is_not_told_to_withdraw_or_decline():
    assert acceptance_over([BRAMBLEWAY], date(2026, 9, 1), 16) is None
    earlier = acceptance_over([BRAMBLEWAY], date(2025, 3, 20), 7)
    assert earlier is not None and earlier.company == "Brambleway"


def test_with_two_acceptances_each_application_answers_to_those_after_it():
    later = AcceptedOffer("Ridgeway Tech", 16, date(2026, 12, 10))
    both = acceptance_over([BRAMBLEWAY, later], date(2025, 3, 1), 1)
    assert both is not None and (both.company, both.count) == ("Ridgeway Tech", 2)
    only_later = acceptance_over([BRAMBLEWAY, later], date(2026, 8, 1), 13)
    assert only_later is not None and only_later.count == 1


def test_the_current_search_starts_after_the_latest_acceptance():
    start = current_search_start([BRAMBLEWAY])
    assert start == date(2025, 5, 6)
    assert current_search_start([]) is None
    assert in_current_search(date(2026, 8, 10), start)
    assert not in_current_search(date(2025, 3, 3), start)
    assert in_current_search(date(2025, 3, 3), None)


def test_only_closed_applications_of_an_earlier_search_fold_and_only_once_searching_again():
    start = date(2025, 5, 6)
    assert earlier_search_closed(date(2025, 3, 3), False, start, searching_again=True)
    assert not earlier_search_closed(date(2025, 3, 3), True, start, searching_again=True)
    assert not earlier_search_closed(date(2025, 3, 3), False, start, searching_again=False)
    assert not earlier_search_closed(date(2026, 8, 10), False, start, searching_again=True)


def test_the_drop_off_practice_says_it_counts_the_current_search():
    drop = DropOff(RoundKind.SCREEN, 3, 4, "Most of your processes end at the screen: 3 of 4.")
    practice = drop_off_practice(drop, BRAMBLEWAY)
    assert practice is not None
    assert practice.why.startswith("Most of your processes end at the screen")
    assert "after you accepted Brambleway's offer on 2025-05-06" in practice.why
    plain = drop_off_practice(drop)
    assert plain is not None and "current search" not in plain.why


def _applied(ident: int, on: date, accepted_on: date | None = None) -> ApplicationFacts:
    decisions = []
    if accepted_on is not None:
        decisions = [DecisionFact(Outcome.OFFER, accepted_on, OfferResponse.ACCEPTED, True)]
    return ApplicationFacts(
        id=ident,
        company="Brambleway" if accepted_on else f"Company {ident}",
        role_title="PM",
        source=Source.OTHER,
        applied_on=on,
        decisions=decisions,
    )


def test_a_pooled_figure_says_how_the_searches_divide_once_a_new_one_has_begun():
    first = [_applied(1, date(2025, 3, 3)), _applied(4, date(2025, 3, 12), date(2025, 5, 6))]
    assert searches_counted(first) is None  # one search: nothing to tell apart
    both = [*first, _applied(13, date(2026, 8, 10)), _applied(14, date(2026, 8, 12))]
    assert searches_counted(both) == (
        "All 4 applications, earlier searches included: 2 made by 2025-05-06, when you "
        "accepted Brambleway's offer, and 2 in your current search since."
    )
    assert searches_counted([_applied(1, date(2025, 3, 3))]) is None  # never accepted


def test_the_current_search_sentence_names_the_acceptance():
    assert counted_on_current_search(BRAMBLEWAY) == (
        "Counted on your current search: the applications made after you accepted "
        "Brambleway's offer on 2025-05-06."
    )
