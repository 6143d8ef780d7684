"""The CSV proof of search's rows: an offer's terms in their own columns, blank for the rest."""

from __future__ import annotations

import csv
import io
from datetime import date

from nextround.domain.journey import Application, Decision, OfferResponse, Outcome
from nextround.domain.offer_terms import TERM_LABELS
from nextround.io.job_search_csv import COLUMNS, OFFER_COLUMNS, SEMICOLON, offer_cells, write_csv

OFFER_DAY = date(2026, 10, 2)


def _offer(**terms: object) -> Decision:
    return Decision(
        outcome=Outcome.OFFER,
        decided_on=OFFER_DAY,
        offer_response=OfferResponse.PENDING,
        **terms,  # type: ignore[arg-type]
    )


def _rows(apps: list[Application], delimiter: str = ",") -> list[dict[str, str]]:
    text = write_csv(apps, delimiter=delimiter)
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def test_every_term_has_a_column_named_after_its_field_in_the_order_app_show_lists_them():
    assert tuple(f"offer_{name}" for name in TERM_LABELS) == OFFER_COLUMNS


def test_the_offer_columns_come_after_every_older_column():
    # Sheets made from older exports keep each column where it was.
    at = COLUMNS.index(OFFER_COLUMNS[0])
    assert COLUMNS[at : at + len(OFFER_COLUMNS)] == OFFER_COLUMNS
    assert COLUMNS[:at][-4:] == (
        "contact_person",
        "offer_answer_by",
        "notes",
        "tags",
    )
    assert COLUMNS[:3] == ("id", "company", "role_title")


def test_an_offer_with_every_term_fills_each_column():
    decision = _offer(
        currency="GBP",
        base_salary=98_000,
        variable_pay=14_700,
        equity="4,000 RSUs over 4 years",
        equity_value=12_500,
        sign_on=5_000,
        starts_on=date(2026, 11, 2),
    )
    assert offer_cells(decision) == (
        "GBP",
        98_000,
        14_700,
        "4,000 RSUs over 4 years",
        12_500,
        5_000,
        date(2026, 11, 2),
    )


def test_an_offer_without_terms_a_rejection_and_no_decision_are_blank():
    blank = (None,) * len(OFFER_COLUMNS)
    assert offer_cells(_offer()) == blank
    assert offer_cells(Decision(outcome=Outcome.REJECTION, decided_on=OFFER_DAY)) == blank
    assert offer_cells(None) == blank


def test_rows_carry_the_terms_as_bare_numbers_and_leave_other_rows_blank():
    offered = Application(
        "Kestrelgate Re", "Programme Manager", date(2026, 8, 4), id=1,
        decisions=[_offer(currency="GBP", base_salary=98_000, variable_pay=14_700)],
    )  # fmt: skip
    rejected = Application(
        "Orbitra", "TPM", date(2026, 8, 5), id=2,
        decisions=[Decision(outcome=Outcome.REJECTION, decided_on=date(2026, 9, 1))],
    )  # fmt: skip
    offer_row, rejected_row = _rows([offered, rejected])
    assert {c: offer_row[c] for c in OFFER_COLUMNS} == {
        "offer_currency": "GBP",
        "offer_base_salary": "98000",
        "offer_variable_pay": "14700",
        "offer_equity": "",
        "offer_equity_value": "",
        "offer_sign_on": "",
        "offer_starts_on": "",
    }
    assert (offer_row["outcome"], offer_row["tags"]) == ("offer", "")
    assert all(rejected_row[c] == "" for c in OFFER_COLUMNS)
    assert rejected_row["outcome"] == "rejection"


def test_equity_words_with_commas_and_semicolons_stay_in_one_cell_and_formulas_are_guarded():
    offered = Application(
        "Lumora", "PM", date(2026, 8, 4), id=1,
        decisions=[_offer(equity="-0.1%; vests 1,000 a year", starts_on=date(2026, 11, 2))],
    )  # fmt: skip
    for delimiter in (",", SEMICOLON):
        (row,) = _rows([offered], delimiter)
        # A cell starting with "-" would run as a formula in a spreadsheet.
        assert row["offer_equity"] == "'-0.1%; vests 1,000 a year"
        assert row["offer_starts_on"] == "2026-11-02"
        assert list(row) == list(COLUMNS)


def test_a_reopened_offer_leaves_the_terms_blank_as_it_does_the_outcome():
    reopened = _offer(currency="EUR", base_salary=80_000)
    reopened.reopened_on = date(2026, 10, 20)
    (row,) = _rows([Application("Harbor", "PM", date(2026, 8, 4), id=1, decisions=[reopened])])
    assert (row["outcome"], row["offer_currency"], row["offer_base_salary"]) == ("", "", "")


def test_a_decision_whose_day_is_not_known_is_exported_without_a_day():
    # QA21 F9: a sheet's "ghosted" with no closed date read as silent the day he applied.
    ghosted = Application(
        "Lloyds Banking Group", "Lead Data Scientist", date(2026, 9, 18), id=1,
        decisions=[Decision(outcome=Outcome.NO_RESPONSE, decided_on=date(2026, 9, 18),
                            day_known=False)],
    )  # fmt: skip
    offered = Application(
        "Monzo", "Staff Data Scientist", date(2026, 9, 1), id=2,
        decisions=[_offer(day_known=False)],
    )  # fmt: skip
    dated = Application(
        "Revolut", "Staff Data Scientist", date(2026, 9, 2), id=3,
        decisions=[Decision(outcome=Outcome.REJECTION, decided_on=date(2026, 10, 1))],
    )  # fmt: skip
    offer_row, dated_row, ghosted_row = _rows([offered, ghosted, dated])  # by day applied
    assert (ghosted_row["outcome"], ghosted_row["decided_on"]) == ("no response", "")
    assert ghosted_row["stage_history"] == (
        "2026-09-18 applied; decision no response (day not known)"
    )
    # Still an offer, counted as one, with no day made up for it.
    assert (offer_row["outcome"], offer_row["offer_on"]) == ("offer", "")
    assert dated_row["decided_on"] == "2026-10-01"
    assert dated_row["stage_history"].endswith("2026-10-01 decision rejection")


def test_how_each_application_was_sent_is_the_last_column_in_words_blank_when_not_said():
    from nextround.domain.journey import ApplyMethod

    assert COLUMNS[-1] == "method" and COLUMNS.index("method") > COLUMNS.index("offer_starts_on")
    walked_in = Application("Kettleby", "CSM", date(2026, 10, 1), method=ApplyMethod.IN_PERSON)
    walked_in.id = 1
    unsaid = Application("Tessellate", "CSM", date(2026, 10, 2), id=2)
    in_person, blank = _rows([walked_in, unsaid])
    assert (in_person["method"], blank["method"]) == ("in person", "")
