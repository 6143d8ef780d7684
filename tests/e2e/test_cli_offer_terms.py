"""Offer terms through the CLI: set, shown with a first-year total, edited, refused."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

TODAY = date.today()


def _day(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


def _flat(text: str) -> str:
    return " ".join(text.split())


def _offer(cli) -> None:
    cli.ok("app", "add", "Orbital Pay", "TPM", "--applied", _day(-40))
    cli.ok("decision", "set", "1", "--outcome", "offer", "--on", _day(-2), "--base", "120k",
           "--variable", "30,000", "--equity", "0.1% over 4 years", "--equity-value", "15000",
           "--sign-on", "10k", "--currency", "eur", "--reason", "Base 120k, OTE 150k")  # fmt: skip


def test_the_terms_show_with_a_first_year_total_and_the_reason_as_written(cli):
    _offer(cli)
    shown = _flat(cli.ok("app", "show", "1"))
    assert (
        "Base: 120,000 EUR a year Variable at target: 30,000 EUR a year Equity: 0.1% over 4 "
        "years, worth 15,000 EUR a year Sign-on: 10,000 EUR First year: 175,000 EUR (base + "
        "variable target + sign-on + equity per year) Base 120k, OTE 150k"
    ) in shown
    data = json.loads(cli.ok("app", "show", "1", "--json"))
    assert data["offer_terms"] == {
        "currency": "EUR", "base_salary": 120_000, "variable_pay": 30_000,
        "equity": "0.1% over 4 years", "equity_value": 15_000, "sign_on": 10_000,
        "starts_on": None, "first_year_total": 175_000,
        "first_year_includes": ["base", "variable target", "sign-on", "equity per year"],
    }  # fmt: skip
    assert data["decisions"][0]["reason"] == "Base 120k, OTE 150k"
    # Answering keeps the terms; editing one keeps the others.
    cli.ok("decision", "set", "1", "--outcome", "offer", "--response", "accepted", "--yes")
    cli.ok("decision", "edit", "1", "--base", "125k", "--sign-on", "")
    terms = json.loads(cli.ok("app", "show", "1", "--json"))["offer_terms"]
    assert (terms["base_salary"], terms["sign_on"], terms["first_year_total"]) == (
        125_000, None, 170_000,
    )  # fmt: skip


def test_a_second_offer_takes_the_currency_of_the_first(cli):
    _offer(cli)
    cli.ok("app", "add", "Kestrelgate", "TPM", "--applied", _day(-30))
    said = json.loads(
        cli.ok("decision", "set", "2", "--outcome", "offer", "--base", "110000", "--json")
    )
    assert (said["currency"], said["base_salary"]) == ("EUR", 110_000)


def test_bad_terms_are_refused_naming_the_option_or_field(cli):
    cli.ok("app", "add", "Orbital Pay", "TPM", "--applied", _day(-40))
    for args, message in [
        (("--base", "120k euros"), "--base '120k euros' is not an amount; give e.g. 120000, "
         "120,000 or 120k (the currency goes in --currency)"),
        (("--sign-on", "-5"), "--sign-on '-5' is not an amount; it cannot be negative"),
        (("--currency", "EURO"), "currency 'EURO' is not a three-letter ISO code"),
        (("--variable", "2000000000"), "variable pay 2,000,000,000 is more than 1,000,000,000"),
        (("--starts-on", _day(-9)), f"the start date {_day(-9)} is before the offer came"),
    ]:  # fmt: skip
        failed = cli("decision", "set", "1", "--outcome", "offer", *args)
        assert failed.code == 2 and message in _flat(failed.err), failed.err
    rejected = cli("decision", "set", "1", "--outcome", "rejection", "--base", "1")
    assert rejected.code == 2
    assert (
        "offer terms (base, variable, equity, sign-on, currency, start date) only apply to "
        "an offer" in _flat(rejected.err)
    )
    assert json.loads(cli.ok("app", "show", "1", "--json"))["decisions"] == []


def _three_offers(cli) -> None:
    """Two offers in EUR with terms, one in USD, and a rejection."""
    for company in ("Orbital Pay", "Kestrelgate", "Yankee Labs", "Fernhill"):
        cli.ok("app", "add", company, "TPM", "--applied", _day(-40))
    cli.ok("decision", "set", "1", "--outcome", "offer", "--base", "120k", "--variable", "30k",
           "--sign-on", "10k", "--currency", "EUR")  # fmt: skip
    cli.ok("decision", "set", "2", "--outcome", "offer", "--base", "140k", "--equity",
           "4,000 RSUs", "--equity-value", "25k")  # fmt: skip
    cli.ok("decision", "set", "3", "--outcome", "offer", "--base", "200k", "--currency", "USD")
    cli.ok("decision", "set", "4", "--outcome", "rejection")


COMPARED = (
    "Your offers side by side (first year; each in its own currency, never converted): "
    "Offers in EUR: Kestrelgate: 165,000 EUR first year (base 140,000 + equity per year "
    "25,000) Orbital Pay: 160,000 EUR first year (base 120,000 + variable target 30,000 + "
    "sign-on 10,000) Only offer in USD: Yankee Labs: 200,000 USD first year (base 200,000)"
)


def test_options_rank_and_the_acceptance_show_the_offers_side_by_side_per_currency(cli):
    _three_offers(cli)
    assert COMPARED in _flat(cli.ok("options", "rank"))
    # In an 80-column terminal an offer's wrapped line stays indented under its company.
    cli.env["COLUMNS"] = "80"
    narrow = cli.ok("options", "rank")
    cli.env["COLUMNS"] = "120"
    orbital = narrow[narrow.index("  Orbital Pay: ") :].splitlines()
    assert orbital[1].startswith("    ") and COMPARED in _flat(narrow)
    groups = json.loads(cli.ok("options", "rank", "--json"))["offers_side_by_side"]
    assert [(g["currency"], [(o["company"], o["first_year_total"]) for o in g["offers"]])
            for g in groups] == [
        ("EUR", [("Kestrelgate", 165_000), ("Orbital Pay", 160_000)]),
        ("USD", [("Yankee Labs", 200_000)]),
    ]  # fmt: skip
    accepted = cli("decision", "set", "2", "--outcome", "offer", "--response", "accepted", "--yes")
    assert accepted.code == 0 and COMPARED in _flat(accepted.err)
    # Declined offers are out of play: one offer left with terms compares with nothing.
    cli.ok("decision", "edit", "1", "--response", "declined")
    cli.ok("decision", "edit", "3", "--response", "declined")
    assert "side by side" not in cli.ok("options", "rank")
    assert json.loads(cli.ok("options", "rank", "--json"))["offers_side_by_side"] == []


def test_replacing_the_offer_with_a_rejection_says_its_terms_are_gone(cli):
    _offer(cli)
    replaced = cli("decision", "set", "1", "--outcome", "rejection")
    assert replaced.code == 0
    assert (
        "Cleared the offer's terms (first year 175,000 EUR): a decision that is no offer has none."
        in _flat(replaced.out + replaced.err)
    )
    assert json.loads(cli.ok("app", "show", "1", "--json"))["offer_terms"] is None


def _csv_rows(text: str, delimiter: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter))


def test_the_csv_proof_of_search_carries_the_terms_after_the_older_columns(cli, tmp_path):
    _offer(cli)
    cli.ok("decision", "edit", "1", "--starts-on", _day(30))
    cli.ok("app", "add", "Fernhill", "TPM", "--applied", _day(-30), "--notes", "via Xing")
    terms = {
        "offer_currency": "EUR", "offer_base_salary": "120000", "offer_variable_pay": "30000",
        "offer_equity": "0.1% over 4 years", "offer_equity_value": "15000",
        "offer_sign_on": "10000", "offer_starts_on": _day(30),
    }  # fmt: skip
    written = tmp_path / "nachweis.csv"
    cli.ok("export", "csv", "--semicolon", "-o", str(written))
    for text, delimiter in (
        (cli.ok("export", "csv"), ","),
        (written.read_text(encoding="utf-8"), ";"),
    ):
        header = text.removeprefix("\ufeff").splitlines()[0].split(delimiter)
        # Every column the proof had before keeps its place; the terms come after the tags,
        # and how she applied after the terms.
        assert header[:4] == ["id", "company", "role_title", "level"]
        assert header[-10:] == ["notes", "tags", *terms, "method"]
        offered, other = _csv_rows(text, delimiter)
        assert {k: offered[k] for k in terms} == terms
        assert (offered["outcome"], other["notes"]) == ("offer", "via Xing")
        assert all(other[k] == "" for k in terms)
    # The backup (export json) keeps its own shape: no CSV column names in it.
    backup = json.loads(cli.ok("export", "json"))
    (decision,) = backup["tables"]["decisions"]
    assert (decision["currency"], decision["base_salary"]) == ("EUR", 120_000)
    assert not any(key.startswith("offer_") and key != "offer_response" for key in decision)


def test_a_backup_s_lower_case_currency_restores_as_the_cli_stores_it(cli, tmp_path):
    _offer(cli)
    doc = json.loads(cli.ok("export", "json"))
    doc["tables"]["decisions"][0]["currency"] = "gbp"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(doc), encoding="utf-8")
    restored_db = str(tmp_path / "restored.sqlite3")
    cli.ok("import", "json", str(edited), db=restored_db)
    shown = _flat(cli.ok("app", "show", "1", db=restored_db))
    assert "Base: 120,000 GBP a year" in shown and "gbp" not in shown
    again = json.loads(cli.ok("export", "json", db=restored_db))
    assert again["tables"]["decisions"][0]["currency"] == "GBP"
    # A code that is no currency at all is refused with its place in the file, nothing written.
    doc["tables"]["decisions"][0]["currency"] = "e1r"
    edited.write_text(json.dumps(doc), encoding="utf-8")
    empty_db = str(tmp_path / "empty.sqlite3")
    refused = cli("import", "json", str(edited), db=empty_db)
    assert refused.code == 2
    assert (
        "$.tables.decisions[0].currency: currency 'e1r' is not a three-letter ISO code; give "
        "e.g. EUR, USD or GBP" in _flat(refused.err)
    ), refused.err
    assert json.loads(cli.ok("app", "list", "--json", db=empty_db)) == []


def test_a_variable_as_a_share_of_base_is_worked_out_and_said(cli):
    cli.ok("app", "add", "Lumora", "EM", "--applied", _day(-40))
    # No base known yet: refused, nothing recorded.
    failed = cli("decision", "set", "1", "--outcome", "offer", "--variable", "15%")
    assert failed.code == 2, failed
    assert "--variable 15% is a share of the base salary, and no base is known" in _flat(failed.err)
    assert json.loads(cli.ok("app", "show", "1", "--json"))["decisions"] == []
    said = cli.ok("decision", "set", "1", "--outcome", "offer", "--base", "98k",
                  "--variable", "15%", "--currency", "EUR")  # fmt: skip
    assert "Variable 15% of base: 14,700 EUR." in _flat(said)
    terms = json.loads(cli.ok("app", "show", "1", "--json"))["offer_terms"]
    assert (terms["base_salary"], terms["variable_pay"]) == (98_000, 14_700)
    # Edited later, from the base on record; a German decimal comma reads too.
    said = cli.ok("decision", "edit", "1", "--variable", "12,5 %")
    assert "Variable 12.5% of base: 12,250 EUR." in _flat(said)
    terms = json.loads(cli.ok("app", "show", "1", "--json"))["offer_terms"]
    assert terms["variable_pay"] == 12_250 and terms["first_year_total"] == 110_250


def test_setting_one_term_on_an_offer_keeps_the_others_and_says_them_all(cli):
    _offer(cli)
    # A share of the base on record: no --base needed in the same command.
    said = _flat(cli.ok("decision", "set", "1", "--outcome", "offer", "--variable", "15%"))
    assert "Variable 15% of base: 18,000 EUR." in said
    assert "Offer terms now: Base: 120,000 EUR a year; Variable at target: 18,000 EUR a year; " \
        "Equity: 0.1% over 4 years, worth 15,000 EUR a year; Sign-on: 10,000 EUR; First " \
        "year: 163,000 EUR" in said  # fmt: skip
    # '' clears one term, the rest stay.
    cli.ok("decision", "set", "1", "--outcome", "offer", "--sign-on", "")
    terms = json.loads(cli.ok("app", "show", "1", "--json"))["offer_terms"]
    assert (terms["currency"], terms["base_salary"], terms["variable_pay"], terms["sign_on"]) == (
        "EUR", 120_000, 18_000, None,
    )  # fmt: skip
    # A new offer after another outcome starts from the terms given, none kept.
    cli.ok("decision", "set", "1", "--outcome", "rejection", "--on", _day(-1))
    cli.ok("decision", "set", "1", "--outcome", "offer", "--on", _day(-1), "--base", "100k")
    terms = json.loads(cli.ok("app", "show", "1", "--json"))["offer_terms"]
    assert (terms["base_salary"], terms["variable_pay"], terms["equity"]) == (100_000, None, None)


def test_amounts_typed_with_their_currency_sign_give_the_offers_currency(cli):
    # QA22 F6: Dana types salaries as US offers write them.
    cli.ok("app", "add", "Corvid Cloud", "CSM", "--applied", _day(-30))
    said = " ".join(
        cli.ok("decision", "set", "1", "--outcome", "offer", "--base", "$118,000",
               "--variable", "10%").split()
    )  # fmt: skip
    assert "First year: 129,800 USD" in said
    cli.ok("decision", "edit", "1", "--sign-on", "$5k")
    [offer] = json.loads(cli.ok("app", "show", "1", "--json"))["decisions"]
    assert (offer["currency"], offer["base_salary"], offer["sign_on"]) == ("USD", 118_000, 5_000)
    other = cli("decision", "edit", "1", "--sign-on", "€5k")
    assert other.code == 2
    assert "the offer is in USD, but an amount was given in €" in " ".join(other.err.split())
    mixed = cli("decision", "edit", "1", "--currency", "EUR", "--sign-on", "$5k")
    assert mixed.code == 2
    assert "--sign-on '$5k' is in $, but --currency is EUR" in " ".join(mixed.err.split())
