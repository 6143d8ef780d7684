"""Calendar days as people type them, with errors that say what is wrong with the date.

ISO (2025-05-14) is the form; a day written with dots, day first (27.11.2026, 4.12.2026, as
German, Austrian, Swiss, Scandinavian and Eastern European users write it), is read too:
nobody writes the month first with dots, so it is not ambiguous. So is a month named in
English (5 Aug 2026, 5 August 2026, Aug 5, 2026). Slashes (02/08/2026) are ambiguous: the
UK and Europe put the day first, the US the month. Alone, such a date is read only when one
reading exists (27/11/2026); a sheet decides its column's order once (see DayOrder) and
reads every cell, a two-digit year (8/8/26) too, in that order.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from enum import StrEnum

from nextround.errors import InvalidInputError

#: The setting that says which number comes first (see nextround.config, which reads it).
DATE_ORDER_VARIABLE = "NEXTROUND_DATE_ORDER"
#: Nothing in a job search is dated this long ago: an earlier year is a typo (1925 for 2025).
EARLIEST_YEAR = 1950
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DOTTED_DAY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
#: Day first with a short year (27.11.26) or slashes (27/11/2026): a guess, so only a hint.
_OTHER_DAY = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})")
#: Day and month as numbers with slashes or hyphens, in an order the text alone cannot tell.
NUMBERED_DAY = re.compile(r"(\d{1,2})([/-])(\d{1,2})\2(\d{2}|\d{4})")
#: English month names and their usual abbreviations; not the locale's (calendar.month_name
#: follows it), so that a sheet reads the same on every machine.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_MONTHS = {
    **{name.lower(): n for n, name in enumerate(MONTH_NAMES, start=1)},
    **{name[:3].lower(): n for n, name in enumerate(MONTH_NAMES, start=1)},
    "sept": 9,
}  # fmt: skip
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
#: 5 Aug 2026, 5 August 2026, 05-Aug-26 (Excel's dd-mmm-yy), 5th of August 2026.
_DAY_MONTH_NAMED = re.compile(
    rf"{_ORDINAL}(?:[\s/-]+of)?[\s/-]+([a-z]+)\.?,?[\s/-]+(\d{{4}}|\d{{2}})", re.IGNORECASE
)
#: Aug 5, 2026 and August 5 2026, as US English writes a month named.
_MONTH_NAMED_DAY = re.compile(rf"([a-z]+)\.?\s+{_ORDINAL},?\s+(\d{{4}})", re.IGNORECASE)


class DayOrder(StrEnum):
    """Which number comes first in a date such as 02/08/2026: the day (UK) or month (US)."""

    DAY_FIRST = "day_first"
    MONTH_FIRST = "month_first"

    @property
    def said(self) -> str:
        """'day first' or 'month first'."""
        return self.value.replace("_", " ")


_CLOCK = re.compile(r"(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")
#: A time of day after a date, as sheets and calendars write one: "5 Aug 2026 10:00",
#: "05/08/2026 10:00", "2026-08-05T10:00:00+01:00", "5 Aug 2026, 2:30 pm", "… at 10:00".
_TRAILING_CLOCK = re.compile(
    r"(?P<day>.*?\d)(?:\s*T|\s*,\s*|\s+at\s+|\s+)"
    r"(?P<clock>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
    r"(?:\s*(?P<half>[ap])\.?m\.?)?(?P<offset>\s*(?:Z|[+-]\d{2}:?\d{2}))?",
    re.IGNORECASE,
)


def without_clock(value: str) -> tuple[str, str | None]:
    """The date part of ``value`` and its time of day ("10:00", 24-hour, offset kept), if any.

    "5 Aug 2026 10:00" is ("5 Aug 2026", "10:00"); "2 Aug 2026, 2:30 pm" ("2 Aug 2026",
    "14:30"); a text with no time after its date is given back whole, with None.
    """
    match = _TRAILING_CLOCK.fullmatch(value.strip())
    if match is None:
        return value.strip(), None
    clock = match.group("clock")
    hour, rest = clock.split(":", 1)
    half = (match.group("half") or "").lower()
    if half and 1 <= int(hour) <= 12:
        hour = str(int(hour) % 12 + (12 if half == "p" else 0))
    offset = (match.group("offset") or "").strip()
    return match.group("day"), f"{int(hour):02d}:{rest}{offset}"


def example_day() -> date:
    """The day a message's example shows: today, so an example is never last year's."""
    return date.today()


def day_forms(order: DayOrder | None = None, *, words: bool = False) -> str:
    """How to write a date, for the end of every message about one.

    Only forms the reader at hand takes, with today as the example: "write it as 2026-11-28 or
    28 Nov 2026"; ``order`` (a sheet column's settled order) adds 28/11/2026 in that order
    first, ``words`` (where today and yesterday are read) adds them last.
    """
    day = example_day()
    forms = [day.isoformat(), f"{day.day} {MONTH_NAMES[day.month - 1][:3]} {day.year}"]
    if order is not None:
        first, second = (
            (day.day, day.month) if order is DayOrder.DAY_FIRST else (day.month, day.day)
        )
        forms.insert(0, f"{first:02d}/{second:02d}/{day.year}")
    if words:
        forms += ["today", "yesterday"]
    return f"write it as {', '.join(forms[:-1])} or {forms[-1]}"


def written_day(day: date, order: DayOrder | None = None, *, year: bool = True) -> str:
    """A day as a page for people writes it: "28 Oct 2026", or "Oct 28, 2026" month first.

    Month names in English, not the locale's, as everywhere else in the product.
    """
    month = MONTH_NAMES[day.month - 1][:3]
    if order is DayOrder.MONTH_FIRST:
        return f"{month} {day.day}, {day.year}" if year else f"{month} {day.day}"
    return f"{day.day} {month} {day.year}" if year else f"{day.day} {month}"


def moment_forms() -> str:
    """How a date and time is written, for the end of every message about one."""
    day = example_day().isoformat()
    return f"use e.g. {day}T10:00 or {day}T10:00+02:00"


#: The words a day may be given by, as the date options take them: how many days back.
DAY_WORDS = {"today": 0, "yesterday": 1}
#: English weekday names, not the locale's (calendar.day_name follows it).
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: "last Tuesday", "next Fri": a weekday counted from today.
_WEEKDAY_WORDS = re.compile(r"(last|next)\s+([a-z]+)\.?", re.IGNORECASE)
#: "Oct 7", "October 7th", "7 Oct", "7th of October": a month named with no year.
_MONTH_DAY = re.compile(rf"([a-z]+)\.?\s+{_ORDINAL}", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"{_ORDINAL}(?:\s+of)?\s+([a-z]+)\.?", re.IGNORECASE)


def named_day(value: str, field: str, today: date, order: DayOrder | None = None) -> date:
    """A day as the date options take it: 'today', 'yesterday' or as calendar_day reads it.

    Also a weekday counted from today ("last Tuesday", "next Friday") and a month named
    with no year ("Oct 7", "7 October"): the one nearest today, as people mean "Oct 7" in
    late November or "Dec 30" in early January. ``order`` (month or day first) reads
    10/05/2026, which alone is refused as it could be either day.
    """
    text = value.strip()
    back = DAY_WORDS.get(text.lower())
    if back is not None:
        return today - timedelta(days=back)
    counted = _weekday_counted(text, today)
    if counted is not None:
        return counted
    nearest = _nearest_month_day(text, field, today)
    if nearest is not None:
        return nearest
    return calendar_day(value, field, order, words=True)


def _weekday_counted(text: str, today: date) -> date | None:
    """'last Tuesday' (the latest before today) or 'next Tuesday' (the first after)."""
    match = _WEEKDAY_WORDS.fullmatch(text)
    if match is None:
        return None
    word, name = match.group(1).lower(), match.group(2).lower()
    weekday = next(
        (n for n, full in enumerate(WEEKDAY_NAMES) if len(name) >= 3 and full.startswith(name)),
        None,
    )
    if weekday is None:
        return None
    if word == "last":
        return today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _nearest_month_day(text: str, field: str, today: date) -> date | None:
    """'Oct 7' or '7 Oct' as the 7 October nearest ``today``; None when no month is named."""
    if (match := _MONTH_DAY.fullmatch(text)) is not None:
        month_name, day_text = match.groups()
    elif (match := _DAY_MONTH.fullmatch(text)) is not None:
        day_text, month_name = match.groups()
    else:
        return None
    month = _MONTHS.get(month_name.lower())
    if month is None:
        return None
    candidates = [d for y in (-1, 0, 1) if (d := _real(today.year + y, str(month), day_text))]
    if not candidates:
        most = calendar.monthrange(2024, month)[1]  # a leap year: February's 29 at most
        raise InvalidInputError(
            f"{field} {text!r} is not a day: {MONTH_NAMES[month - 1]} has at most {most} days"
        )
    return min(candidates, key=lambda d: abs((d - today).days))


def calendar_day(
    value: str, field: str, order: DayOrder | None = None, *, words: bool = False
) -> date:
    """YYYY-MM-DD (or YYYYMMDD) as a date; ``field`` names it in the error ("--applied").

    Also 27.11.2026, a month named (5 Aug 2026) and, with ``order`` (a sheet's column whose
    order is settled), 02/08/2026 or 8/8/26; without it, 27/11/2026 only when the day can be
    read one way alone. ``words``: the caller reads today and yesterday too, so the error
    names them among the forms to write.
    """
    # A time after the date ("5 Aug 2026 10:00", as a sheet's cell may have it) is no part of
    # a day: dropped, so that only the date is checked.
    stripped, _ = without_clock(value)
    text = _from_month_named(stripped) or _from_numbered(stripped, field, order)
    text = _from_dotted(text)
    try:
        day = date.fromisoformat(text)
    except ValueError:
        why = _why_not(text, order, words)
        if why.startswith("has no month") and _DOTTED_DAY.fullmatch(value.strip()):
            why += "; with dots the day comes first, e.g. 27.11.2026"
        # The words are named in the message when the caller reads them, else only here:
        # the web's date fields and a trend's day take them, some other readers not.
        hint = None if words else "the words today and yesterday work too"
        raise InvalidInputError(f"{field} {value!r} {why}", cli_hint=hint) from None
    if day.year < EARLIEST_YEAR:
        raise InvalidInputError(
            f"{field} {value!r} is before {EARLIEST_YEAR}; check the year, e.g. "
            f"{example_day().isoformat()}"
        )
    return day


def _from_month_named(text: str) -> str | None:
    """'5 Aug 2026' (or 'Aug 5, 2026') as '2026-08-05', None when no month is named.

    An impossible day (31 Feb 2026) is rewritten too, so the error says what is wrong with it.
    """
    match = _DAY_MONTH_NAMED.fullmatch(text)
    if match is not None:
        day, month, year = match.groups()
    elif (match := _MONTH_NAMED_DAY.fullmatch(text)) is not None:
        month, day, year = match.groups()
    else:
        return None
    number = _MONTHS.get(month.lower())
    if number is None:
        return None
    full = int(year) + 2000 if len(year) == 2 else int(year)
    return f"{full:04d}-{number:02d}-{int(day):02d}"


def _from_numbered(text: str, field: str, order: DayOrder | None) -> str:
    """02/08/2026 as ISO, read in ``order``; alone, only when one reading is a date.

    Any other text is given back as it is. Two dates that could both be meant are refused,
    naming both, rather than guessed at: a wrong day in a job search record goes unnoticed.
    """
    match = NUMBERED_DAY.fullmatch(text)
    if match is None:
        return text
    first, _, second, year_text = match.groups()
    year = int(year_text)
    if year < 100:
        year += 2000  # 8/8/26: no job search record is dated in the 1900s (EARLIEST_YEAR)
    if order is not None:
        day, month = (first, second) if order is DayOrder.DAY_FIRST else (second, first)
        return f"{year:04d}-{int(month):02d}-{int(day):02d}"
    readings = sorted(
        {d for d in (_real(year, second, first), _real(year, first, second)) if d is not None}
    )
    if len(readings) == 1:
        return readings[0].isoformat()
    if len(readings) == 2:
        one, other = (f"{d.day} {MONTH_NAMES[d.month - 1]} ({d.isoformat()})" for d in readings)
        # The setting is named for the command line only: it is where dates are typed
        # again and again (QA22 F4); the web's date fields have a calendar.
        raise InvalidInputError(
            f"{field} {text!r} could be {one} or {other}; write it as YYYY-MM-DD",
            cli_hint=f"set {DATE_ORDER_VARIABLE}=month-first (or day-first) to say how you "
            "write dates, and such a date is read that way",
        )
    # Neither reading is a day: say what is wrong with the day-first one, the likelier.
    day_first = int(second) <= 12
    day, month = (first, second) if day_first else (second, first)
    return f"{year:04d}-{int(month):02d}-{int(day):02d}"


def _real(year: int, month: str, day: str) -> date | None:
    try:
        return date(year, int(month), int(day))
    except ValueError:
        return None


def _from_dotted(text: str) -> str:
    """27.11.2026 as 2026-11-27 (4.12.2026 as 2026-12-04); any other text as it is.

    An impossible day (31.02.2026) is rewritten too, so the error says what is wrong with it.
    """
    match = _DOTTED_DAY.fullmatch(text)
    if match is None:
        return text
    day, month, year = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _guess(text: str) -> str | None:
    """The ISO day a short-year or slashed date can only mean, for "did you mean …?"."""
    match = _OTHER_DAY.fullmatch(text)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    if "/" in text and day <= 12:
        return None  # 04/12/2026 is 4 December in Europe, April 12 in the US
    if year < 100:
        year += 2000
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _why_not(text: str, order: DayOrder | None = None, words: bool = False) -> str:
    """What is wrong with a text that is not a date, for the error message."""
    match = _ISO_DAY.fullmatch(text)
    if match is None:
        if guess := _guess(text):
            return f"is not a date; use YYYY-MM-DD: did you mean {guess}?"
        return f"is not a date; {day_forms(order, words=words)}"
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return f"has no month {month}; months go from 01 to 12 (YYYY-MM-DD)"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        month_name = calendar.month_name[month]
        return f"is not a day: {month_name} {year} has {days} days"
    return (
        f"is not a date; write the month and day with two digits, e.g. {example_day().year}-05-04"
    )


def calendar_moment(value: str, field: str, order: DayOrder | None = None) -> datetime:
    """A date and time (2025-05-14T10:00, a space for the T, an optional +02:00 offset).

    Naive unless an offset is typed: the caller places it. The error says which part is
    wrong, as calendar_day does for a date ("December 2026 has 31 days", "no hour 25"). A
    bare date is refused: read as midnight, it would be a time nobody meant.
    """
    day_part, typed_clock = without_clock(value)
    if typed_clock is not None:
        # The date as calendar_day reads it (5 Aug 2026, 05/08/2026 when only one reading
        # is a day), then the time: one reader of dates for days and moments alike.
        named = _from_month_named(day_part) or _from_numbered(day_part, field, order)
        text = f"{named}T{typed_clock}"
    else:
        text = value.strip().replace(" ", "T", 1)
    day_text, has_time, clock = text.partition("T")
    day_text = _from_dotted(day_text)
    text = f"{day_text}{has_time}{clock}"
    try:
        if not has_time:
            raise ValueError(text)
        moment = datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        if moment.year < EARLIEST_YEAR:
            raise InvalidInputError(
                f"{field} {value!r} is before {EARLIEST_YEAR}; check the year, e.g. "
                f"{example_day().isoformat()}T10:00"
            )
        return moment
    try:
        date.fromisoformat(day_text)
    except ValueError:
        if guess := _guess(day_text):
            raise InvalidInputError(
                f"{field} {value!r} is not a date and time; use e.g. {guess}T{clock or '10:00'}"
            ) from None
        if _ISO_DAY.fullmatch(day_text):
            raise InvalidInputError(f"{field} {value!r} {_why_not(day_text)}") from None
        raise InvalidInputError(
            f"{field} {value!r} is not a date and time; {moment_forms()}"
        ) from None
    if not has_time:
        raise InvalidInputError(
            f"{field} {value!r} has no time of day; add one, e.g. {day_text}T10:00"
        )
    raise InvalidInputError(f"{field} {value!r} {_why_not_clock(clock)}")


def _why_not_clock(clock: str) -> str:
    """What is wrong with the time of day of a date and time, for the error message."""
    match = _CLOCK.fullmatch(clock)
    if match is None:
        return f"is not a date and time; {moment_forms()}"
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23:
        return f"has no hour {hour}; hours go from 00 to 23 (e.g. {example_day()}T13:00)"
    if minute > 59:
        return f"has no minute {minute}; minutes go from 00 to 59"
    if match.group(3) is not None and int(match.group(3)) > 59:
        return f"has no second {int(match.group(3))}; seconds go from 00 to 59"
    if match.group(4):
        return (
            f"has an offset, {match.group(4)}, that is not valid; write it as +HH:MM, at most "
            f"±23:59, e.g. {example_day()}T10:00+02:00"
        )
    return "is not a date and time; write the hour and minute with two digits, e.g. 09:05"
