"""The decision form's offer terms: saved, shown with the first-year total, refused per field."""

from __future__ import annotations

import html
import re

from nextround.bootstrap import Nextround
from nextround.domain.offer_terms import OfferTerms
from nextround.io.job_search_csv import OFFER_COLUMNS
from tests.web.conftest import Browser, field_error, input_value

# The web tests' clock stands on Wed 25 Nov 2026.
OFFER = {"outcome": "offer", "decided_on": "2026-11-20", "offer_response": "pending"}
TERMS = {
    "currency": "eur", "base_salary": "120k", "variable_pay": "30,000",
    "equity": "0.1% over 4 years", "equity_value": "15000", "sign_on": "10000",
    "starts_on": "2027-01-04",
}  # fmt: skip


def _terms(nextround: Nextround, app_id: int) -> OfferTerms | None:
    with nextround.uow() as uow:
        decision = uow.applications.get(app_id).current_decision
        assert decision is not None
        return decision.terms


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_the_form_saves_the_terms_and_the_page_shows_them_with_the_first_year(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application(company="Orbital Pay")
    form = browser.get(f"/applications/{app_id}?form=decision").text
    assert "Base salary a year" in form and "Sign-on bonus" in form
    done = browser.post(f"/applications/{app_id}/decision", {**OFFER, **TERMS, "reason": "Good"})
    assert done.status_code == 303
    terms = _terms(sqlite_app, app_id)
    assert terms is not None
    assert (terms.currency, terms.base_salary, terms.variable_pay, terms.first_year) == (
        "EUR", 120_000, 30_000, 175_000,
    )  # fmt: skip
    page = _text(browser.get(f"/applications/{app_id}").text)
    assert (
        "Base: 120,000 EUR a year Variable at target: 30,000 EUR a year Equity: 0.1% over 4 "
        "years, worth 15,000 EUR a year Sign-on: 10,000 EUR Starts on 2027-01-04 First year: "
        "175,000 EUR (base + variable target + sign-on + equity per year) Good"
    ) in page
    again = browser.get(f"/applications/{app_id}?form=decision").text
    assert input_value(again, "decision-base-salary") == "120000"
    assert input_value(again, "decision-currency") == "EUR"
    # Declining it through the form, as it came filled: the terms stay.
    filled = {**OFFER, **TERMS, "offer_response": "declined", "base_salary": "120000"}
    assert browser.post(f"/applications/{app_id}/decision", filled).status_code == 303
    assert _terms(sqlite_app, app_id) == terms
    # Turned into a rejection with the fields as they came: the terms go, as in the CLI.
    rejection = {**filled, "outcome": "rejection", "offer_response": ""}
    assert browser.post(f"/applications/{app_id}/decision", rejection).status_code == 303
    assert _terms(sqlite_app, app_id) is None


def test_bad_terms_are_refused_each_under_its_field(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    bad = {"currency": "EURO", "base_salary": "120k EUR", "sign_on": "-5",
           "variable_pay": "2000000000", "starts_on": "2026-11-01"}  # fmt: skip
    refused = browser.post(f"/applications/{app_id}/decision", {**OFFER, **bad})
    assert refused.status_code == 422
    errors = {
        name: html.unescape(field_error(refused.text, f"decision-{name}") or "")
        for name in ("currency", "base-salary", "sign-on", "variable-pay")
    }
    assert errors == {
        "currency": "Currency 'EURO' is not a three-letter ISO code; give e.g. EUR, USD or GBP",
        "base-salary": "Base salary '120k EUR' is not an amount; give e.g. 120000, 120,000 or "
        "120k (the currency goes in the Currency field)",
        "sign-on": "Sign-on bonus '-5' is not an amount; it cannot be negative; give e.g. "
        "120000, 120,000 or 120k",
        "variable-pay": "Variable pay 2,000,000,000 is more than 1,000,000,000; give the yearly "
        "amount in whole units (120000, not cents)",
    }
    assert input_value(refused.text, "decision-base-salary") == "120k EUR"  # kept to fix
    start = browser.post(f"/applications/{app_id}/decision", {**OFFER, "starts_on": "2026-11-01"})
    assert start.status_code == 422
    said = html.unescape(field_error(start.text, "decision-starts-on") or "")
    assert said.startswith("The start date 2026-11-01 is before the offer came, on 2026-11-20")
    on_rejection = {"outcome": "rejection", "decided_on": "2026-11-20", "base_salary": "1"}
    refused = browser.post(f"/applications/{app_id}/decision", on_rejection)
    assert refused.status_code == 422
    assert "only apply to an offer" in (field_error(refused.text, "decision-base-salary") or "")
    with sqlite_app.uow() as uow:
        assert uow.applications.get(app_id).current_decision is None


def _offers(browser: Browser) -> tuple[int, int, int]:
    """Two offers in EUR with terms and one in USD."""
    ids = []
    for company, terms in (
        ("Orbital Pay", {"currency": "EUR", "base_salary": "120k", "variable_pay": "30k"}),
        ("Kestrelgate", {"base_salary": "140000", "equity_value": "25000", "equity": "RSUs"}),
        ("Yankee Labs", {"currency": "USD", "base_salary": "200k"}),
    ):
        app_id = browser.add_application(company=company)
        done = browser.post(f"/applications/{app_id}/decision", {**OFFER, **terms})
        assert done.status_code == 303, done.text
        ids.append(app_id)
    return ids[0], ids[1], ids[2]


def test_the_options_page_sets_the_offers_side_by_side_per_currency(
    browser: Browser, sqlite_app: Nextround
) -> None:
    _offers(browser)
    page = browser.get("/options").text
    section = _text(page[page.index('id="offers-compared"') :].split("</section>")[0])
    assert (
        "EUR Offer First year Base Variable Sign-on Equity a year Equity "
        "Kestrelgate 165,000 EUR 140,000 – – 25,000 RSUs "
        "Orbital Pay 150,000 EUR 120,000 30,000 – – –"
    ) in section
    assert "USD Offer First year Base Variable Sign-on Equity a year Equity Yankee Labs " in section
    assert "never converted" in section


def test_a_second_acceptance_asks_with_the_offers_side_by_side(
    browser: Browser, sqlite_app: Nextround
) -> None:
    orbital, kestrel, _ = _offers(browser)
    accept = {**OFFER, "offer_response": "accepted", "currency": "EUR", "base_salary": "120000",
              "variable_pay": "30000"}  # fmt: skip
    assert browser.post(f"/applications/{orbital}/decision", accept).status_code == 303
    kestrel_accept = {
        **OFFER, "offer_response": "accepted", "currency": "EUR", "base_salary": "140000",
        "equity_value": "25000", "equity": "RSUs",
    }  # fmt: skip
    asked = browser.post(f"/applications/{kestrel}/decision", kestrel_accept)
    assert asked.status_code == 200
    said = _text(asked.text)
    assert "You have already accepted Orbital Pay's offer" in said
    assert (
        "Offers in EUR: Kestrelgate: 165,000 EUR first year (base 140,000 + equity per year "
        "25,000) Orbital Pay: 150,000 EUR first year (base 120,000 + variable target 30,000)"
    ) in said
    assert "Only offer in USD: Yankee Labs: 200,000 USD first year" in said


def test_one_offer_with_terms_shows_no_comparison(browser: Browser, sqlite_app: Nextround) -> None:
    app_id = browser.add_application(company="Orbital Pay")
    browser.post(f"/applications/{app_id}/decision", {**OFFER, **TERMS})
    assert 'id="offers-compared"' not in browser.get("/options").text


def test_both_csv_downloads_carry_the_terms_in_their_own_columns(browser: Browser) -> None:
    import csv
    import io

    app_id = browser.add_application(company="Orbital Pay")
    browser.add_application(company="Fernhill")
    done = browser.post(f"/applications/{app_id}/decision", {**OFFER, **TERMS})
    assert done.status_code == 303
    for separator, delimiter in (("comma", ","), ("semicolon", ";")):
        got = browser.get(f"/data/applications.csv?separator={separator}")
        assert got.status_code == 200, got.text
        text = got.content.decode("utf-8-sig")
        offered, other = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        assert [offered[c] for c in OFFER_COLUMNS] == [
            "EUR", "120000", "30000", "0.1% over 4 years", "15000", "10000", "2027-01-04",
        ]  # fmt: skip
        assert other["company"] == "Fernhill"
        assert [other[c] for c in OFFER_COLUMNS] == [""] * len(OFFER_COLUMNS)


def test_the_form_takes_the_variable_as_a_share_of_the_base_beside_it(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application(company="Lumora")
    share = {"currency": "EUR", "base_salary": "98k", "variable_pay": "15 %"}
    assert browser.post(f"/applications/{app_id}/decision", {**OFFER, **share}).status_code == 303
    terms = _terms(sqlite_app, app_id)
    assert terms is not None and (terms.base_salary, terms.variable_pay) == (98_000, 14_700)
    # No base beside it: the field says what to do, and nothing changes.
    refused = browser.post(
        f"/applications/{app_id}/decision", {**OFFER, "variable_pay": "15%", "currency": "EUR"}
    )
    assert refused.status_code == 422, refused.status_code
    said = html.unescape(field_error(refused.text, "decision-variable-pay") or "")
    assert said == (
        "Variable pay 15% is a share of the base salary, and no base is known; fill in the "
        "base salary too, or give the variable pay as an amount (15k)"
    )
    assert _terms(sqlite_app, app_id) == terms
