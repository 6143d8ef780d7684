"""An offer's terms: checked field by field, totalled for the first year, compared per currency."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.domain.journey import Decision, Outcome
from nextround.domain.offer_terms import (
    OfferSide,
    OfferTerms,
    comparison_lines,
    last_currency,
    side_by_side,
)
from nextround.domain.typed_numbers import UnreadNumberError, money
from nextround.errors import DomainError

DAY = date(2026, 11, 2)


def _offer(**terms: object) -> Decision:
    return Decision(outcome=Outcome.OFFER, decided_on=DAY, **terms)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("120000", 120_000), ("120,000", 120_000), ("120.000", 120_000), ("120 000", 120_000),
     ("120k", 120_000), ("97.5k", 97_500), ("97,5K", 97_500), ("1.2m", 1_200_000), ("0", 0)],
)  # fmt: skip
def test_amounts_are_read_as_people_type_them(typed: str, amount: int):
    assert money(typed, "--base") == amount


@pytest.mark.parametrize(
    ("typed", "hint"),
    [("120k EUR", "the currency goes in --currency"), ("€120000", "--currency"),
     ("-5", "cannot be negative"), ("12.50", "120k"), ("lots", "--base 'lots'")],
)  # fmt: skip
def test_an_amount_not_read_names_the_option_and_says_what_to_type(typed: str, hint: str):
    with pytest.raises(UnreadNumberError, match=hint):
        money(typed, "--base")


def test_the_first_year_adds_what_is_given_and_says_so():
    terms = OfferTerms("EUR", 120_000, 30_000, "0.1% over 4 years", 15_000, 10_000)
    assert terms.first_year == 175_000
    assert terms.total_line() == (
        "First year: 175,000 EUR (base + variable target + sign-on + equity per year)"
    )
    partial = OfferTerms("USD", 150_000, equity="4,000 RSUs")
    assert partial.first_year == 150_000
    assert partial.total_line() == (
        "First year: 150,000 USD (base); equity not counted: no yearly value given"
    )
    assert OfferTerms(currency="EUR").first_year is None


def test_the_decision_checks_each_term_and_names_the_field():
    offer = _offer(currency="eur", base_salary=120_000)
    offer.check()
    assert offer.currency == "EUR"
    for bad, message in [
        ({"currency": "EURO"}, "currency 'EURO' is not a three-letter ISO code"),
        ({"variable_pay": -1}, "variable pay cannot be negative"),
        ({"sign_on": 2_000_000_000}, "sign-on bonus 2,000,000,000 is more than 1,000,000,000"),
        ({"equity_value": -3}, "yearly equity value cannot be negative"),
        ({"starts_on": date(2026, 11, 1)}, "start date 2026-11-01 is before the offer came"),
    ]:
        with pytest.raises(DomainError, match=message):
            _offer(**bad).check()


def test_terms_belong_to_offers_only():
    with pytest.raises(DomainError, match="only apply to an offer"):
        Decision(outcome=Outcome.REJECTION, decided_on=DAY, base_salary=1).check()
    assert Decision(outcome=Outcome.REJECTION, decided_on=DAY).terms is None


def test_setting_the_terms_sets_each_field_and_none_clears_them():
    offer = _offer()
    offer.terms = OfferTerms("GBP", 90_000)
    assert (offer.currency, offer.base_salary, offer.terms) == ("GBP", 90_000, offer.terms)
    offer.terms = None
    assert offer.currency is None and offer.terms is None


def test_the_default_currency_is_the_latest_offer_that_named_one():
    assert last_currency([(date(2026, 1, 1), "USD"), (date(2026, 3, 1), "EUR"),
                          (date(2026, 5, 1), None)]) == "EUR"  # fmt: skip
    assert last_currency([(date(2026, 5, 1), None)]) is None


def test_offers_are_compared_within_a_currency_and_never_converted():
    a = OfferSide("Orbital", OfferTerms("EUR", 120_000, 30_000))
    b = OfferSide("Kestrel", OfferTerms("EUR", 140_000, sign_on=20_000))
    c = OfferSide("Fernhill", OfferTerms("USD", 200_000))
    none = OfferSide("Quiet", OfferTerms(equity="some"))  # no figure: left out
    groups = side_by_side([a, c, b, none])
    assert [[o.company for o in g] for g in groups] == [["Kestrel", "Orbital"], ["Fernhill"]]
    assert comparison_lines([a, c, b]) == [
        "Your offers side by side (first year; each in its own currency, never converted):",
        "Offers in EUR:",
        "  Kestrel: 160,000 EUR first year (base 140,000 + sign-on 20,000)",
        "  Orbital: 150,000 EUR first year (base 120,000 + variable target 30,000)",
        "Only offer in USD:",
        "  Fernhill: 200,000 USD first year (base 200,000)",
    ]
    assert comparison_lines([a, none]) == []


def test_a_variable_given_as_a_share_of_base_is_worked_out_and_said_in_the_currency():
    from nextround.domain.offer_terms import ShareOfBase

    share = ShareOfBase(15)
    assert share.of(98_000) == 14_700
    assert ShareOfBase(12.5).of(97_500) == 12_188  # to the whole unit
    said = share.said(OfferTerms("EUR", 98_000, 14_700))
    assert said == "Variable 15% of base: 14,700 EUR."


def test_a_share_of_base_with_no_base_known_says_how_to_give_one():
    from nextround.domain.offer_terms import ShareOfBase
    from nextround.errors import DomainError

    with pytest.raises(DomainError) as refused:
        ShareOfBase(15).of(None)
    assert refused.value.for_cli() == (
        "--variable 15% is a share of the base salary, and no base is known; give the base "
        "too (--base 98k --variable 15%), or the variable as an amount (--variable 15k)"
    )
    assert "fill in the base salary too" in refused.value.for_web()
