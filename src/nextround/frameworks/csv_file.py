"""A framework as CSV: one competency per row, a header row naming the columns."""

from __future__ import annotations

import difflib
import re
from typing import Any

from nextround.domain.text_lines import newline_ends
from nextround.errors import InvalidInputError
from nextround.io.csv_rows import csv_rows

TEXT_LISTS = ("indicators", "missing_signs", "questions", "practice")
COLUMNS = ("name", "description", "id", *TEXT_LISTS)
#: Spreadsheets in many European locales save CSV with ';'; some tools save tab-separated.
_DELIMITERS = ",;\t"


def csv_document(text: str, origin: str) -> tuple[dict[str, Any], list[str], tuple[int, ...]]:
    """The framework document a CSV holds (no name or id yet), and notes on what was ignored.

    With them, the spreadsheet row of each competency (the header is row 1), for messages.
    Items of the list columns are separated by '|' or line breaks within the cell.
    """
    text = newline_ends(text)  # so the lines counted in a message are the editor's
    header = text.lstrip("\n").split("\n", 1)[0]
    # The separator is the one the header row uses most; a comma when it uses none.
    delimiter = max(_DELIMITERS, key=header.count)
    # Counted as a spreadsheet counts them, a cell's line breaks aside.
    rows = enumerate((row for _, row in csv_rows(text, delimiter, origin)), start=1)
    fieldnames = next((row for _, row in rows if row), [])  # blank lines before it are none
    keys = _columns(fieldnames)
    headers = [k for k in keys if k]
    if "name" not in headers or "description" not in headers:
        raise InvalidInputError(_missing_columns(origin, fieldnames, keys, delimiter))
    notes = []
    unknown = [
        typed.strip() for typed, key in zip(fieldnames, keys, strict=True) if key not in COLUMNS
    ]
    unknown = [h for h in dict.fromkeys(unknown) if h]
    if unknown:
        notes.append(
            f"ignored the column{'s' * (len(unknown) > 1)} {', '.join(unknown)}: the columns "
            f"read are {', '.join(COLUMNS)}"
        )
    competencies = []
    numbers = []
    for number, row in rows:
        # Cells past the header's columns have no name, so are left out.
        cells = {k: v.strip() for k, v in zip(keys, row, strict=False) if k in COLUMNS}
        if not any(cells.values()):
            continue
        item: dict[str, Any] = {
            "name": cells.get("name", ""),
            "description": cells.get("description", ""),
        }
        if cells.get("id"):
            item["id"] = cells["id"]
        for key in TEXT_LISTS:
            if cells.get(key):
                item[key] = [p.strip() for p in re.split(r"[|\n]", cells[key]) if p.strip()]
        competencies.append(item)
        numbers.append(number)
    return {"competencies": competencies}, notes, tuple(numbers)


def _missing_columns(origin: str, fieldnames: list[str], keys: list[str], delimiter: str) -> str:
    """Why the header row lacks 'name' or 'description', and the change that fixes it.

    Renaming is advised only for a header that reads as a slip for the column ("descripton",
    "desc."): told to rename a column that holds something else (indicators), the user
    would lose it. A first row naming no column at all is likely a competency, not a header.
    """
    typed = [h.strip() for h in fieldnames if h.strip()]
    found = ", ".join(f"'{h}'" for h in typed) or "none"
    lead = (
        f"{origin}: the CSV needs a header row with at least 'name' and 'description' columns; "
        f"found {found}"
    )
    unread = [
        h.strip() for h, k in zip(fieldnames, keys, strict=True) if h.strip() and k not in COLUMNS
    ]
    if typed and len(unread) == len(typed):
        example = delimiter.join(("name", "description"))
        return (
            f"{lead}, which name none of the columns read: if row 1 is a competency, add a "
            f"header row above it, such as {example}; if it is the header, rename its columns "
            "to 'name' and 'description'"
        )
    renames, adds = [], []
    for column in ("name", "description"):
        if column in keys:
            continue
        slips = [h for h in unread if near_miss(h, column)]
        if slips:
            renames.append(f"rename '{slips[0]}' to '{column}'")
            unread.remove(slips[0])
        else:
            adds.append(column)
    fixes = renames
    if adds:
        fixes.append(f"add {' and '.join(f'a {c!r} column' for c in adds)}")
        if len(unread) == 1 and len(adds) == 1:
            # An unknown header may hold it under a name of its own: said as a maybe.
            fixes[-1] += f" (or, if '{unread[0]}' holds the {adds[0]}s, rename it to '{adds[0]}')"
    return f"{lead}: {' and '.join(fixes)}"


def near_miss(typed: str, column: str) -> bool:
    """Whether a header or key reads as a slip for ``column``.

    A misspelling, a short form, or another word people use for it ("definition").
    """
    key = _column(typed).strip("._")
    if not key or key == column:
        return False
    if _MEANS.get(key) == column:
        return True
    if len(key) >= 3 and column.startswith(key):
        return True
    return difflib.SequenceMatcher(None, key, column).ratio() >= 0.8


# Headers people give these columns in their own spreadsheets, by the column they mean.
_SYNONYMS = {
    "name": "competency competency_name competency_title title skill skill_name capability "
    "principle value behaviour_area",
    "description": "definition desc summary meaning what_good_looks_like what_it_means",
    "indicators": "behaviours behaviors behavioural_indicators behavioral_indicators "
    "positive_indicators indicator what_good_looks_like_in_practice",
    "missing_signs": "negative_indicators red_flags warning_signs what_poor_looks_like "
    "signs_it_is_missing",
    "questions": "question example_questions sample_questions interview_questions",
    "practice": "practice_ideas development_ideas how_to_develop how_to_practise "
    "how_to_practice development",
}
_MEANS = {synonym: column for column, words in _SYNONYMS.items() for synonym in words.split()}


def _column(header: str) -> str:
    """A header as a column key: 'Missing signs' and 'missing-signs' read as missing_signs.

    Only the header's first part counts ("Description / What good looks like" is the
    description), and "(s)" is a plural ("Example question(s)").
    """
    text = header.strip().lower().replace("(s)", "s")
    first = re.split(r"\s*[/(:]\s*|\s+[-–—]\s+", text)[0] or text
    return re.sub(r"[\s-]+", "_", first.strip())


def _columns(fieldnames: list[str]) -> list[str]:
    """Each header's column; a synonym only where the column's own name is not a header."""
    keys = [_column(h) if h.strip() else "" for h in fieldnames]
    taken = set(keys)
    read = []
    for key in keys:
        meant = _MEANS.get(key)
        if meant and meant not in taken:
            taken.add(meant)
            read.append(meant)
        else:
            read.append(key)
    return read
