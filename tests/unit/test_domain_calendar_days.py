"""Typed dates: what is accepted, and errors that say what is wrong with the date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from nextround.domain.calendar_days import calendar_day, calendar_moment
from nextround.errors import InvalidInputError


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-02-29", date(2024, 2, 29)), (" 2026-11-01 ", date(2026, 11, 1)),
     ("20261101", date(2026, 11, 1)), ("1950-01-01", date(1950, 1, 1))],
)  # fmt: skip
def test_dates_people_type_are_read(value: str, expected: date) -> None:
    assert calendar_day(value, "--on") == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-02-29", "--on '2026-02-29' is not a day: February 2026 has 28 days"),
        ("2026-04-31", "--on '2026-04-31' is not a day: April 2026 has 30 days"),
        ("2026-13-01", "--on '2026-13-01' has no month 13; months go from 01 to 12"),
        ("2026-4-5", "write the month and day with two digits, e.g. 2025-05-04"),
        ("next week", "--on 'next week' is not a date; use YYYY-MM-DD, e.g. 2025-05-14"),
        ("1925-06-01", "--on '1925-06-01' is before 1950; check the year"),
    ],
)
def test_a_wrong_date_says_what_is_wrong_with_it(value: str, message: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        calendar_day(value, "--on")
    assert message in caught.value.message


def test_the_command_line_also_offers_today_and_yesterday() -> None:
    with pytest.raises(InvalidInputError) as caught:
        calendar_day("soon", "--on")
    assert caught.value.for_cli().endswith("; the words today and yesterday work too")
    assert "today" not in caught.value.for_web()


def test_a_day_written_with_dots_day_first_is_read():
    # QA12 F8: Lena in Berlin types dates as Germans write them.
    assert calendar_day("27.11.2026", "--applied") == date(2026, 11, 27)
    assert calendar_day(" 4.12.2026 ", "--answer-by") == date(2026, 12, 4)
    assert calendar_moment("27.11.2026 10:00", "--at") == datetime(2026, 11, 27, 10, 0)
    assert calendar_moment("4.12.2026T09:30+01:00", "--at").isoformat() == (
        "2026-12-04T09:30:00+01:00"
    )


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("31.02.2026", "is not a day: February 2026 has 28 days"),
        ("12.31.2026", "has no month 31; months go from 01 to 12 (YYYY-MM-DD); with dots the day "
         "comes first, e.g. 27.11.2026"),
        ("27.11.26", "is not a date; use YYYY-MM-DD: did you mean 2026-11-27?"),
        ("27/11/2026", "is not a date; use YYYY-MM-DD: did you mean 2026-11-27?"),
        # 04/12/2026 is April 12 in the US and 4 December in Europe: no guess.
        ("04/12/2026", "is not a date; use YYYY-MM-DD, e.g. 2025-05-14"),
    ],
)  # fmt: skip
def test_a_day_first_date_that_cannot_be_read_says_what_to_type(typed, said):
    with pytest.raises(InvalidInputError) as caught:
        calendar_day(typed, "--applied")
    assert str(caught.value) == f"--applied {typed!r} {said}"


def test_a_moment_with_a_day_first_date_that_cannot_be_read_suggests_the_iso_form():
    with pytest.raises(InvalidInputError, match=r"use e\.g\. 2026-11-27T10:00$"):
        calendar_moment("27/11/2026 10:00", "--at")
    with pytest.raises(InvalidInputError, match="February 2026 has 28 days"):
        calendar_moment("31.02.2026 10:00", "--at")
