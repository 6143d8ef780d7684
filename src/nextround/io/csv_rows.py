"""Rows of a CSV file, read strictly: a quoting slip is refused with the line it is on."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from nextround.errors import InvalidInputError


def csv_rows(text: str, delimiter: str, origin: str) -> Iterator[tuple[int, list[str]]]:
    """The CSV's rows, each with the line it starts on; a quoting slip refused with its line.

    Python's lenient reading would end an unclosed quote at the end of the file, so every
    row after it became part of one cell, and take text after a closing quote as part of
    the cell: both import something other than what the file meant.
    """
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            slip = _quoting_slip(text, start, reader.line_num, str(exc), origin)
            raise InvalidInputError(slip) from None
        yield start, row


def _quoting_slip(text: str, start: int, line: int, problem: str, origin: str) -> str:
    if problem == "unexpected end of data":
        # Quotes come in pairs (a quote inside a cell is written twice), so the open one is
        # where the count since the row's start last turned odd.
        opened, count = start, 0
        for number, content in enumerate(text.split("\n")[start - 1 :], start=start):
            if count % 2 == 0 and (count + content.count('"')) % 2:
                opened = number
            count += content.count('"')
        return (
            f"{origin}: line {opened}: a quoted cell is never closed, so every line after it "
            'would be read into it; close it with " (a quote inside a cell is written twice: "")'
        )
    return (
        f"{origin}: line {line}: text follows the closing quote of a cell; put the whole cell "
        'in quotes and write each quote inside it twice ("")'
    )
