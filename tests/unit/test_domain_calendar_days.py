"""Typed dates: what is accepted, and errors that say what is wrong with the date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from nextround.domain.calendar_days import (
    MONTH_NAMES,
    DayOrder,
    calendar_day,
    calendar_moment,
    day_forms,
    named_day,
)
from nextround.errors import InvalidInputError

#: Examples in messages show today (QA21 F13: "e.g. 2025-05-14" was a year old).
TODAY = date.today()
SAID = f"{TODAY.day} {MONTH_NAMES[TODAY.month - 1][:3]} {TODAY.year}"


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
        ("2026-4-5", f"write the month and day with two digits, e.g. {TODAY.year}-05-04"),
        ("next week", f"--on 'next week' is not a date; write it as {TODAY} or {SAID}"),
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
        # 04/12/2026 is April 12 in the US and 4 December in Europe: both are named.
        ("04/12/2026", "could be 12 April (2026-04-12) or 4 December (2026-12-04); write it "
         "as YYYY-MM-DD"),
        ("31/11/2026", "is not a day: November 2026 has 30 days"),
        ("8/8", f"is not a date; write it as {TODAY} or {SAID}"),
    ],
)  # fmt: skip
def test_a_day_first_date_that_cannot_be_read_says_what_to_type(typed, said):
    with pytest.raises(InvalidInputError) as caught:
        calendar_day(typed, "--applied")
    assert caught.value.message == f"--applied {typed!r} {said}"


def test_a_moment_with_a_day_first_date_that_cannot_be_read_suggests_the_iso_form():
    with pytest.raises(InvalidInputError, match=r"use e\.g\. 2026-11-27T10:00$"):
        calendar_moment("27.11.26 10:00", "--at")
    with pytest.raises(InvalidInputError, match="February 2026 has 28 days"):
        calendar_moment("31.02.2026 10:00", "--at")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        # QA17 F2: a month named is never ambiguous, in any of the ways it is written.
        ("5 Aug 2026", date(2026, 8, 5)),
        ("5 August 2026", date(2026, 8, 5)),
        ("05-Aug-26", date(2026, 8, 5)),
        ("5th of August 2026", date(2026, 8, 5)),
        ("Aug 5, 2026", date(2026, 8, 5)),
        ("sept 30 2026", date(2026, 9, 30)),
        # A slashed day that can be read one way alone is read so, whichever comes first.
        ("27/11/2026", date(2026, 11, 27)),
        ("11/27/2026", date(2026, 11, 27)),
        ("08/08/2026", date(2026, 8, 8)),
    ],
)
def test_a_day_with_one_reading_alone_is_read(typed: str, meant: date) -> None:
    assert calendar_day(typed, "--applied") == meant


def test_a_sheets_order_reads_every_slashed_day_and_two_digit_years() -> None:
    assert calendar_day("02/08/2026", "applied date", DayOrder.DAY_FIRST) == date(2026, 8, 2)
    assert calendar_day("02/08/2026", "applied date", DayOrder.MONTH_FIRST) == date(2026, 2, 8)
    assert calendar_day("8/8/26", "applied date", DayOrder.DAY_FIRST) == date(2026, 8, 8)
    # Dots stay day first, ISO stays ISO, whatever order the column's slashes have.
    assert calendar_day("1.10.2026", "applied date", DayOrder.MONTH_FIRST) == date(2026, 10, 1)
    assert calendar_day("2026-10-01", "applied date", DayOrder.MONTH_FIRST) == date(2026, 10, 1)


def test_a_month_name_that_is_no_month_and_an_impossible_named_day_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="February 2026 has 28 days"):
        calendar_day("31 Feb 2026", "--on")
    with pytest.raises(InvalidInputError, match="is not a date"):
        calendar_day("5 Augustus 2026", "--on")


def test_a_hint_after_a_question_starts_a_sentence() -> None:
    # QA17 F2: "did you mean 2026-10-25?; the words …" read as a slip.
    with pytest.raises(InvalidInputError) as caught:
        calendar_day("25.10.26", "--on")
    assert caught.value.for_cli().endswith(
        "did you mean 2026-10-25? The words today and yesterday work too"
    )


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("5 Aug 2026 10:00", datetime(2026, 8, 5, 10, 0)),
        ("2026-08-05 10:00", datetime(2026, 8, 5, 10, 0)),
        ("27/11/2026 10:00", datetime(2026, 11, 27, 10, 0)),  # one reading alone, as a day
        ("Aug 5, 2026 2:30 pm", datetime(2026, 8, 5, 14, 30)),
        ("5 August 2026 at 09:15", datetime(2026, 8, 5, 9, 15)),
    ],
)
def test_a_moment_reads_its_date_as_a_day_is_read(typed: str, meant: datetime) -> None:
    assert calendar_moment(typed, "--at") == meant


def test_a_moment_whose_slashed_date_could_be_two_days_is_refused_naming_both() -> None:
    with pytest.raises(InvalidInputError, match=r"could be 8 May .* or 5 August"):
        calendar_moment("05/08/2026 10:00", "--at")


@pytest.mark.parametrize(
    ("typed", "order"),
    [
        ("5 Aug 2026 10:00", None),
        ("2026-08-05 10:00", None),
        ("2026-08-05T10:00:00+01:00", None),
        ("05/08/2026 10:00", DayOrder.DAY_FIRST),
        ("08/05/2026 10:00", DayOrder.MONTH_FIRST),
        ("5.8.2026 18:30", None),
    ],
)
def test_a_time_after_a_day_is_dropped_without_an_error(typed: str, order: DayOrder | None):
    assert calendar_day(typed, "--on", order) == date(2026, 8, 5)


def test_a_time_does_not_hide_a_wrong_day() -> None:
    with pytest.raises(InvalidInputError, match="February 2026 has 28 days"):
        calendar_day("2026-02-31 10:00", "--on")


def test_a_date_that_is_no_date_is_told_the_forms_its_reader_takes() -> None:
    """One wording everywhere, naming only forms the field at hand reads (QA21 F13)."""
    with pytest.raises(InvalidInputError) as plain:
        calendar_day("next week", "applied date")
    assert plain.value.message.endswith(f"is not a date; write it as {TODAY} or {SAID}")
    # Where today and yesterday are read, they are named, and no hint repeats them.
    with pytest.raises(InvalidInputError) as words:
        named_day("next week", "applied date", TODAY)
    assert words.value.message.endswith(f"write it as {TODAY}, {SAID}, today or yesterday")
    assert words.value.cli_hint is None
    # A sheet column read day first takes 28/11/2026 too; month first, 11/28/2026.
    day_month = f"{TODAY.day:02d}/{TODAY.month:02d}/{TODAY.year}"
    with pytest.raises(InvalidInputError) as column:
        named_day("next week", "applied date", TODAY, DayOrder.DAY_FIRST)
    assert f"write it as {day_month}, {TODAY}, {SAID}, today or yesterday" in (column.value.message)
    assert day_forms(DayOrder.MONTH_FIRST).startswith(
        f"write it as {TODAY.month:02d}/{TODAY.day:02d}/{TODAY.year}, "
    )


def test_today_is_read_in_a_column_of_dates_in_a_settled_order() -> None:
    assert named_day("today", "applied date", date(2026, 11, 28), DayOrder.DAY_FIRST) == date(
        2026, 11, 28
    )


# -- QA22 F4: Dana in Ohio writes the month first, and types dates as she says them ----------


def test_an_ambiguous_date_names_the_setting_that_reads_it_on_the_command_line():
    with pytest.raises(InvalidInputError) as caught:
        calendar_day("10/05/2026", "--applied")
    assert "could be 10 May (2026-05-10) or 5 October (2026-10-05)" in caught.value.message
    assert "NEXTROUND_DATE_ORDER=month-first" in caught.value.for_cli()
    assert "NEXTROUND_DATE_ORDER" not in caught.value.for_web()


@pytest.mark.parametrize(
    ("typed", "order", "meant"),
    [
        ("10/05/2026", DayOrder.MONTH_FIRST, date(2026, 10, 5)),
        ("10/05/2026", DayOrder.DAY_FIRST, date(2026, 5, 10)),
        ("10/07/26", DayOrder.MONTH_FIRST, date(2026, 10, 7)),
        ("10/27/26", None, date(2026, 10, 27)),  # a short year read when only one day fits
        ("8/8/26", None, date(2026, 8, 8)),
    ],
)
def test_slashed_dates_are_read_in_the_order_the_user_writes(typed, order, meant):
    assert calendar_day(typed, "--applied", order) == meant


def test_a_short_year_that_could_be_either_day_is_still_refused_without_an_order():
    with pytest.raises(InvalidInputError, match=r"could be 10 July \(2026-07-10\) or 7 October"):
        calendar_day("10/07/26", "--applied")


def test_a_moment_is_read_in_the_users_order_too():
    moment = calendar_moment("10/05/2026 10:00", "--at", DayOrder.MONTH_FIRST)
    assert moment == datetime(2026, 10, 5, 10, 0)


@pytest.mark.parametrize(
    ("typed", "today", "meant"),
    [
        ("Oct 7", date(2026, 11, 28), date(2026, 10, 7)),
        ("October 7th", date(2026, 11, 28), date(2026, 10, 7)),
        ("7 Oct", date(2026, 11, 28), date(2026, 10, 7)),
        ("7th of October", date(2026, 11, 28), date(2026, 10, 7)),
        # The nearest: "Dec 30" typed in early January is the one just gone.
        ("Dec 30", date(2027, 1, 4), date(2026, 12, 30)),
        ("Jan 4", date(2026, 12, 30), date(2027, 1, 4)),
        ("last Tuesday", date(2026, 11, 28), date(2026, 11, 24)),  # a Saturday
        ("last Saturday", date(2026, 11, 28), date(2026, 11, 21)),  # never today
        ("next Fri", date(2026, 11, 28), date(2026, 12, 4)),
        ("next Saturday", date(2026, 11, 28), date(2026, 12, 5)),
    ],
)
def test_days_said_in_words_are_counted_from_today(typed, today, meant):
    assert named_day(typed, "--on", today) == meant


def test_a_month_day_that_never_exists_says_so():
    with pytest.raises(InvalidInputError, match="'Feb 30' is not a day: February has at most 29"):
        named_day("Feb 30", "--on", date(2026, 11, 28))
    with pytest.raises(InvalidInputError, match="is not a date"):
        named_day("last Blursday", "--on", date(2026, 11, 28))


def test_a_day_is_written_for_people_in_their_order():
    from nextround.domain.calendar_days import written_day

    day = date(2026, 10, 5)
    assert written_day(day) == "5 Oct 2026"
    assert written_day(day, DayOrder.DAY_FIRST) == "5 Oct 2026"
    assert written_day(day, DayOrder.MONTH_FIRST) == "Oct 5, 2026"
    assert written_day(day, DayOrder.MONTH_FIRST, year=False) == "Oct 5"
