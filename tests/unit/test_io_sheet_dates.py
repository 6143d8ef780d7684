"""A date column's order (02/08/2026: day or month first), decided by the column or the person."""

from __future__ import annotations

import pytest

from nextround.domain.calendar_days import DayOrder
from nextround.errors import InvalidInputError
from nextround.io.sheet_dates import column_order, sheet_orders

UK = [(2, "02/08/2026"), (3, "2026-08-04"), (4, "5 Aug 2026"), (6, "8/8/26"), (11, "16/08/2026")]


def test_a_day_over_12_first_makes_the_column_day_first_and_a_note_says_why() -> None:
    read = column_order("t.csv", "Date applied", UK, None)
    assert read.order is DayOrder.DAY_FIRST
    assert read.note == (
        "read the dates of the column Date applied such as 02/08/2026 day first "
        "(2 August 2026), as line 11's 16/08/2026 can only be"
    )


def test_a_number_over_12_second_makes_the_column_month_first() -> None:
    read = column_order("t.csv", "Applied", [(2, "02/08/2026"), (3, "08/16/2026")], None)
    assert read.order is DayOrder.MONTH_FIRST
    assert read.note is not None and "month first (8 February 2026)" in read.note


def test_a_column_with_both_orders_is_refused_naming_the_lines() -> None:
    cells = [(2, "16/08/2026"), (3, "08/17/2026"), (4, "20/08/2026")]
    with pytest.raises(InvalidInputError) as caught:
        column_order("t.csv", "Applied", cells, DayOrder.DAY_FIRST)
    assert caught.value.message == (
        "t.csv: the column 'Applied' has dates with the day first (line 2: 16/08/2026, line 4: "
        "20/08/2026) and dates with the month first (line 3: 08/17/2026); write them all one "
        "way, or as YYYY-MM-DD, and import the file again"
    )


def test_a_column_nothing_decides_asks_for_the_order_on_each_surface() -> None:
    with pytest.raises(InvalidInputError) as caught:
        column_order("t.csv", "Applied", [(2, "02/08/2026"), (3, "8/8/26")], None)
    error = caught.value
    assert "such as 02/08/2026 (line 2: 02/08/2026, line 3: 8/8/26)" in error.message
    assert "--dates day-first" in error.for_cli() and "--dates" not in error.for_web()
    assert "choose the order of dates" in error.for_web()


def test_the_order_chosen_reads_an_undecided_column_and_must_agree_with_a_decided_one() -> None:
    chosen = column_order("t.csv", "Applied", [(2, "02/08/2026")], DayOrder.MONTH_FIRST)
    assert chosen.order is DayOrder.MONTH_FIRST
    assert chosen.note is not None and chosen.note.endswith(
        "month first (8 February 2026), as you chose"
    )
    with pytest.raises(InvalidInputError) as caught:
        column_order("t.csv", "Applied", UK, DayOrder.MONTH_FIRST)
    assert "can only be day first (line 11: 16/08/2026)" in caught.value.message
    assert "use --dates day-first" in caught.value.for_cli()


def test_a_column_without_slashed_dates_needs_no_order_and_says_nothing() -> None:
    read = column_order("t.csv", "Applied", [(2, "2026-08-04"), (3, "1.10.2026")], None)
    assert read.order is None and read.note is None


def test_a_column_nothing_decides_takes_the_order_another_date_column_shows() -> None:
    columns = {
        "applied_on": ("Applied", [(2, "02/08/2026")]),
        "decided_on": ("Closed on", [(2, "20/08/2026")]),
    }
    orders, notes = sheet_orders("t.csv", columns, None)
    assert orders == {"applied_on": DayOrder.DAY_FIRST, "decided_on": DayOrder.DAY_FIRST}
    assert notes[-1].endswith("day first (2 August 2026), as the column Closed on shows")
    with pytest.raises(InvalidInputError, match="column 'Applied' has dates such as"):
        sheet_orders("t.csv", {"applied_on": columns["applied_on"]}, None)


def test_dates_with_a_time_decide_the_column_as_the_date_alone_would() -> None:
    cells = [(2, "02/08/2026 10:00"), (3, "16/08/2026 09:30")]
    read = column_order("t.csv", "Date applied", cells, None)
    assert read.order is DayOrder.DAY_FIRST
    assert read.note is not None and "(2 August 2026)" in read.note
