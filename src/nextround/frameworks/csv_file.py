"""A framework as CSV: one competency per row, a header row naming the columns."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from nextround.errors import InvalidInputError

TEXT_LISTS = ("indicators", "missing_signs", "questions", "practice")
COLUMNS = ("name", "description", "id", *TEXT_LISTS)
#: Spreadsheets in many European locales save CSV with ';'; some tools save tab-separated.
_DELIMITERS = ",;\t"


def csv_document(text: str, origin: str) -> tuple[dict[str, Any], list[str]]:
    """The framework document a CSV holds (no name or id yet), and notes on what was ignored.

    Items of the list columns are separated by '|' or line breaks within the cell.
    """
    header = text.lstrip("\r\n").split("\n", 1)[0]
    # The separator is the one the header row uses most; a comma when it uses none.
    delimiter = max(_DELIMITERS, key=header.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    headers = [_column(h) for h in reader.fieldnames or [] if h]
    if "name" not in headers or "description" not in headers:
        raise InvalidInputError(
            f"{origin}: the CSV needs a header row with at least 'name' and 'description' "
            f"columns; found {', '.join(headers) or 'none'}"
        )
    notes = []
    unknown = [h for h in dict.fromkeys(headers) if h not in COLUMNS]
    if unknown:
        notes.append(
            f"ignored the column{'s' * (len(unknown) > 1)} {', '.join(unknown)}: the columns "
            f"read are {', '.join(COLUMNS)}"
        )
    competencies = []
    for row in reader:
        cells = {_column(k): (v or "").strip() for k, v in row.items() if isinstance(k, str)}
        if not any(cells.values()):
            continue
        item: dict[str, Any] = {"name": cells.get("name", ""), "description": cells["description"]}
        if cells.get("id"):
            item["id"] = cells["id"]
        for key in TEXT_LISTS:
            if cells.get(key):
                item[key] = [p.strip() for p in re.split(r"[|\n]", cells[key]) if p.strip()]
        competencies.append(item)
    return {"competencies": competencies}, notes


def _column(header: str) -> str:
    """A header as a column key: 'Missing signs' and 'missing-signs' read as missing_signs."""
    return re.sub(r"[\s-]+", "_", header.strip().lower())
