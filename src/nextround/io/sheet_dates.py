"""The order of a sheet's dates such as 02/08/2026, decided once for each date column.

UK Excel saves 2 August as 02/08/2026, US Excel as 08/02/2026. One cell rarely tells, but a
column usually does: a first number over 12 (16/08/2026) can only be a day, a second one
over 12 (08/16/2026) only a day too. So a column is read day first when a cell of it can
only be, month first when one can only be that, and refused when it holds both (two people
typed it) or neither (nothing tells, so the person says: a wrong day would go unnoticed),
unless another date column of the sheet tells: one Excel saved them all in one order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from nextround.domain.calendar_days import (
    MONTH_NAMES,
    NUMBERED_DAY,
    DayOrder,
    calendar_day,
    without_clock,
)
from nextround.errors import InvalidInputError

#: At most this many lines are named in an error about a column's dates.
_NAMED = 3


class UndecidedDatesError(InvalidInputError):
    """A column whose dates such as 02/08/2026 could be either order, and none tells which."""


@dataclass(frozen=True)
class ColumnOrder:
    """How a date column's numbered dates are read, and the note that says so (None: no note)."""

    order: DayOrder | None
    note: str | None = None


def column_order(
    origin: str,
    header: str,
    cells: Sequence[tuple[int, str]],
    chosen: DayOrder | None,
    because: str = "as you chose",
) -> ColumnOrder:
    """The order to read ``cells`` (line, text) of the column ``header`` in.

    ``chosen``: the order the person gave (`--dates`, the web form's choice), or None to let
    the column decide; ``because`` says where a chosen order came from, for the note. Raises
    InvalidInputError when it cannot be read one way (UndecidedDatesError: nothing tells).
    """
    # A time after a date (05/08/2026 10:00) says nothing of its order: only the date is seen.
    numbered = [
        (line, text) for line, text in cells if NUMBERED_DAY.fullmatch(without_clock(text)[0])
    ]
    if not numbered:
        return ColumnOrder(chosen)
    only: dict[DayOrder, list[tuple[int, str]]] = {o: [] for o in DayOrder}
    for line, text in numbered:
        match = NUMBERED_DAY.fullmatch(without_clock(text)[0])
        assert match is not None
        first, second = int(match.group(1)), int(match.group(3))
        if first > 12 >= second:
            only[DayOrder.DAY_FIRST].append((line, text))
        elif second > 12 >= first:
            only[DayOrder.MONTH_FIRST].append((line, text))
    day_first, month_first = only[DayOrder.DAY_FIRST], only[DayOrder.MONTH_FIRST]
    if day_first and month_first:
        raise InvalidInputError(
            f"{origin}: the column '{header}' has dates with the day first ({_lines(day_first)}) "
            f"and dates with the month first ({_lines(month_first)}); write them all one way, "
            "or as YYYY-MM-DD, and import the file again"
        )
    decided = DayOrder.DAY_FIRST if day_first else DayOrder.MONTH_FIRST if month_first else None
    sample = numbered[0][1].strip()
    if chosen is not None:
        if decided is not None and decided is not chosen:
            raise InvalidInputError(
                f"{origin}: the column '{header}' has dates that can only be {decided.said} "
                f"({_lines(only[decided])}), but the dates were to be read {chosen.said}",
                cli_hint=f"use --dates {_flag(decided)}, or leave --dates out to let the sheet "
                "decide",
                web_hint=f"choose “{decided.said.capitalize()}” for the order of the dates, or "
                "let the sheet decide",
            )
        return ColumnOrder(chosen, _note(header, sample, chosen, because))
    if decided is None:
        raise UndecidedDatesError(
            f"{origin}: the column '{header}' has dates such as {sample} ({_lines(numbered)}) "
            "that could have the day or the month first, and none of them tells which (a "
            "number over 12 would); say which order the sheet uses",
            cli_hint="add --dates day-first (UK, Europe: 02/08/2026 is 2 August) or --dates "
            "month-first (US: 02/08/2026 is February 8)",
            web_hint="choose the order of dates such as 02/08/2026 (day first in the UK and "
            "Europe, month first in the US) and import it again",
        )
    line, text = only[decided][0]
    return ColumnOrder(
        decided, _note(header, sample, decided, f"as line {line}'s {text.strip()} can only be")
    )


def sheet_orders(
    origin: str,
    columns: Mapping[str, tuple[str, Sequence[tuple[int, str]]]],
    chosen: DayOrder | None,
) -> tuple[dict[str, DayOrder | None], list[str]]:
    """Each date column's order (by field) and the notes: columns = {field: (header, cells)}.

    A column nothing decides takes the order another column shows, as one Excel saved both.
    """
    orders: dict[str, DayOrder | None] = {}
    notes: list[str] = []
    undecided: dict[str, UndecidedDatesError] = {}
    decided_by: tuple[str, DayOrder] | None = None
    for key, (header, cells) in columns.items():
        try:
            read = column_order(origin, header, cells, chosen)
        except UndecidedDatesError as exc:
            undecided[key] = exc
            continue
        orders[key] = read.order
        if read.note:
            notes.append(read.note)
        if read.order is not None and decided_by is None:
            decided_by = (header, read.order)
    for key, error in undecided.items():
        if decided_by is None:
            raise error
        header, cells = columns[key]
        read = column_order(
            origin, header, cells, decided_by[1], f"as the column {decided_by[0]} shows"
        )
        orders[key] = read.order
        if read.note:
            notes.append(read.note)
    return orders, notes


def _note(header: str, sample: str, order: DayOrder, why: str) -> str:
    """'read the dates of the column Applied such as 02/08/2026 day first (2 August 2026), …'."""
    try:
        day = calendar_day(sample, header, order)
        meant = f" ({day.day} {MONTH_NAMES[day.month - 1]} {day.year})"
    except InvalidInputError:
        meant = ""  # the cell's own problem is listed with its line
    return f"read the dates of the column {header} such as {sample} {order.said}{meant}, {why}"


def _flag(order: DayOrder) -> str:
    return order.value.replace("_", "-")


def _lines(cells: Sequence[tuple[int, str]]) -> str:
    """'line 11: 16/08/2026, line 14: 20/08/2026 and 2 more'."""
    named = ", ".join(f"line {line}: {text.strip()}" for line, text in cells[:_NAMED])
    rest = len(cells) - _NAMED
    return f"{named} and {rest} more" if rest > 0 else named
