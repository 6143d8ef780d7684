"""Calendar days as people type them, with errors that say what is wrong with the date."""

from __future__ import annotations

import calendar
import re
from datetime import date

from nextround.errors import InvalidInputError

#: Nothing in a job search is dated this long ago: an earlier year is a typo (1925 for 2025).
EARLIEST_YEAR = 1950
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def calendar_day(value: str, field: str) -> date:
    """YYYY-MM-DD (or YYYYMMDD) as a date; ``field`` names it in the error ("--applied")."""
    text = value.strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(
            f"{field} {value!r} {_why_not(text)}",
            cli_hint="the words today and yesterday work too",
        ) from None
    if day.year < EARLIEST_YEAR:
        raise InvalidInputError(
            f"{field} {value!r} is before {EARLIEST_YEAR}; check the year, e.g. 2025-05-14"
        )
    return day


def _why_not(text: str) -> str:
    """What is wrong with a text that is not a date, for the error message."""
    match = _ISO_DAY.fullmatch(text)
    if match is None:
        return "is not a date; use YYYY-MM-DD, e.g. 2025-05-14"
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return f"has no month {month}; months go from 01 to 12 (YYYY-MM-DD)"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        month_name = calendar.month_name[month]
        return f"is not a day: {month_name} {year} has {days} days"
    return "is not a date; write the month and day with two digits, e.g. 2025-05-04"
