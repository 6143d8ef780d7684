"""Applications from a spreadsheet (CSV), `export csv`'s own among them, for `app import`.

Columns are found by their header, case, spaces and hyphens aside, under the names `app add`
gives its options ("role", "applied", "url") or the export's ("role_title", "applied_on",
"posting_url"), or a few words people head them with ("Job title", "Date applied"). Each
cell is read by the rule the command line reads its option by (dates, work modes), and
every problem is kept with its line, so that one run names them all. A sheet is not a
prompt that can ask again, so a source is never refused (a board's name is kept in the
notes), a column's dates such as 02/08/2026 are read in the order the column shows (see
sheet_dates), and a person's own Status column says how each application ended (see
sheet_statuses); `export csv`'s own is not read, its rounds being left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from nextround.domain.calendar_days import DayOrder, named_day
from nextround.domain.choice_words import read_choice
from nextround.domain.journey import ApplyMethod, Source, WorkMode
from nextround.domain.near_miss import word_key
from nextround.domain.sheet_sources import SourceReading, sheet_source
from nextround.domain.sheet_stages import StageRound, stage_rounds
from nextround.domain.sheet_statuses import StatusMeaning, status_meaning
from nextround.domain.text_lines import newline_ends
from nextround.errors import InvalidInputError
from nextround.io.csv_rows import csv_rows
from nextround.io.file_kinds import binary_kind
from nextround.io.job_search_csv import COLUMNS as EXPORT_COLUMNS
from nextround.io.job_search_csv import plain_cell
from nextround.io.sheet_dates import sheet_orders

#: A spreadsheet of applications larger than this is refused before it is read: 5 MB is
#: some 20,000 rows, more than any search, as for a framework file.
MAX_SHEET_BYTES = 5 * 1024 * 1024
#: Spreadsheets in many European locales save CSV with ';'; some tools save tab-separated.
_DELIMITERS = ",;\t"

#: Each field read, by the header names that give it: first the option's name, then the
#: export's, then words people use. Keys as near_miss.word_key writes a header.
HEADERS: dict[str, tuple[str, ...]] = {
    "company": ("company", "company_name", "employer", "organisation", "organization"),
    "role_title": ("role", "role_title", "title", "job_title", "position", "job"),
    "applied_on": ("applied", "applied_on", "date_applied", "applied_date", "date"),
    "level": ("level", "seniority", "grade", "band"),
    "location": ("location", "city"),
    "work_mode": ("work_mode", "mode", "workplace"),
    "source": ("source", "channel", "found_via"),
    "method": ("method", "how_applied", "contact_method", "method_of_contact", "applied_how"),
    "posting_url": ("url", "posting_url", "link", "job_url", "job_link", "posting_link"),
    "posting_text": ("posting", "posting_text", "job_posting", "job_description"),
    "tags": ("tags", "tag", "labels"),
    "notes": ("notes", "note", "comments", "comment"),
}
#: How the application ended, in a person's own sheet: its status and, if given, the day.
#: Not "state" (a US sheet's location) nor "stage" (the round reached, not an ending).
ENDING_HEADERS: dict[str, tuple[str, ...]] = {
    "status": ("status", "outcome", "result", "application_status", "current_status"),
    "decided_on": (
        "decided_on", "decision_date", "closed_on", "date_closed", "closed", "outcome_date",
        "status_date", "response_date", "date_of_decision", "updated", "last_updated",
        "updated_on", "date_updated",
    ),
}  # fmt: skip
#: The furthest stage reached, in a person's own sheet: the rounds it names are added.
STAGE_HEADERS: dict[str, tuple[str, ...]] = {
    "stage": ("stage_reached", "stage", "furthest_stage", "round_reached", "current_stage",
              "last_stage", "latest_stage", "stages", "highest_stage"),
}  # fmt: skip
REQUIRED = ("company", "role_title", "applied_on")
_MEANS = {name: key for key, names in HEADERS.items() for name in names}
_ALL_HEADERS = {**HEADERS, **ENDING_HEADERS, **STAGE_HEADERS}
_ALL_MEANS = {name: key for key, names in _ALL_HEADERS.items() for name in names}
#: The export's columns on what happened after applying: an import adds applications only.
STAGE_COLUMNS = tuple(c for c in EXPORT_COLUMNS if c not in _MEANS)
#: The columns only `export csv` writes: a sheet with one is an export, whose status and
#: decision are not read (its rounds cannot be), as before; the JSON backup restores all.
EXPORT_MARKS = ("stage_history", "rounds", "screen_on", "interviews_on", "final_round_on",
                "offer_on")  # fmt: skip
#: Excel on Windows saves "CSV" (not "CSV UTF-8") in the system's code page, Windows-1252 in
#: Western Europe and the Americas: a sheet that is not UTF-8 is read as that, and says so.
FALLBACK_ENCODING = "cp1252"
#: Control characters no sheet of text holds (tab and line ends aside): a file decoded as
#: Windows-1252 that has them is binary, not a sheet in another code page.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: A cell listing tags: "python, remote" (also "python; remote" or "python | remote").
_TAG_SEPARATORS = ",;|"


@dataclass(frozen=True)
class SheetStatus:
    """A row's Status cell, what it says (None: words not known) and its decision date cell."""

    said: str
    meaning: StatusMeaning | None
    decided_on: date | None = None


@dataclass(frozen=True)
class SheetStage:
    """A row's Stage reached cell and the rounds it names (None: words not known)."""

    said: str
    rounds: tuple[StageRound, ...] | None


@dataclass(frozen=True)
class SheetRow:
    """One application read from the sheet: the line it starts on and its fields."""

    line: int
    fields: dict[str, Any]
    #: Its Status cell, when the sheet has one that is read (not an export's).
    status: SheetStatus | None = None
    #: Its Stage reached cell, when the sheet has that column (not an export).
    stage: SheetStage | None = None


@dataclass(frozen=True)
class CellProblem:
    """One thing wrong on a line: its column as the header names it, what, and how to fix it."""

    #: The column's header as the file writes it; None when it is the row as a whole.
    column: str | None
    problem: str
    fix: str | None = None

    @classmethod
    def said(cls, column: str | None, message: str) -> CellProblem:
        """The problem from an error's message: what is wrong, then after '; ' what to do."""
        problem, _, fix = message.partition("; ")
        return cls(column, problem, fix or None)

    def __str__(self) -> str:
        return f"{self.problem}; {self.fix}" if self.fix else self.problem


@dataclass(frozen=True)
class RowProblem:
    """What to fix on one line of the sheet: each thing wrong on it."""

    line: int
    cells: tuple[CellProblem, ...]

    @property
    def message(self) -> str:
        """Everything wrong on the line, in one sentence."""
        return "; ".join(str(c) for c in self.cells)

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class Sheet:
    """What a sheet holds: the rows read, the problems found and notes on what was ignored."""

    rows: tuple[SheetRow, ...]
    problems: tuple[RowProblem, ...] = ()
    notes: tuple[str, ...] = ()
    #: Each field's column, by its header as the file writes it.
    columns: dict[str, str] = field(default_factory=dict)
    #: How the bytes were read: "utf-8", or FALLBACK_ENCODING for a sheet that is not UTF-8.
    encoding: str = "utf-8"

    def column(self, key: str) -> str | None:
        """The header of the column giving ``key`` (a field), if the sheet has one."""
        return self.columns.get(key)


def too_big(origin: str, size: int) -> str:
    """The refusal of a file of ``size`` bytes, over the limit."""
    return (
        f"{origin} is {size / 1e6:.1f} MB; a sheet of applications may be at most "
        f"{MAX_SHEET_BYTES // (1024 * 1024)} MB (some 20,000 rows)"
    )


def sheet_text(raw: bytes, origin: str) -> tuple[str, str]:
    """The sheet's bytes as text, and the encoding they were read in.

    UTF-8 (a byte-order mark dropped) when they are; else Windows-1252, strictly: bytes it
    has no letter for, or control characters, are a binary file, refused. A detector could
    name other code pages, but on a short sheet its guess is often wrong, and silently so;
    this one rule covers Excel's "CSV" in Western locales, and the note makes it visible.
    """
    if len(raw) > MAX_SHEET_BYTES:
        raise InvalidInputError(too_big(origin, len(raw)))
    kind = binary_kind(raw)
    if kind is not None:
        raise InvalidInputError(
            f"{origin} is {kind}, not a CSV file; save the sheet as CSV (in Excel: "
            "File › Save As › CSV UTF-8) and import that"
        )
    binary = f"{origin} holds binary data, not CSV text; is it the right file?"
    try:
        text, encoding = raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        # Control bytes (NUL among them) are a binary file, not a sheet in another code page.
        if _CONTROL.search(raw.decode("latin-1")):
            raise InvalidInputError(binary) from None
        try:
            text, encoding = raw.decode(FALLBACK_ENCODING), FALLBACK_ENCODING
        except UnicodeDecodeError as exc:
            raise InvalidInputError(
                f"{origin} is neither UTF-8 nor Windows-1252 text (byte 0x{raw[exc.start]:02X} "
                f"at offset {exc.start}); save the sheet as CSV UTF-8 (in Excel: File › Save "
                "As › CSV UTF-8) and import that"
            ) from None
    if "\x00" in text:
        raise InvalidInputError(binary)
    return newline_ends(text), encoding


#: The note on a sheet read as Windows-1252, so that a wrong guess shows.
CP1252_NOTE = (
    "read as Windows-1252 (not UTF-8), as Excel on Windows saves CSV; if letters such as é, "
    "ü or – look wrong, save the sheet as CSV UTF-8 (in Excel: File › Save As › CSV UTF-8) "
    "and import that"
)


def read_sheet(raw: bytes, origin: str, dates: DayOrder | None = None) -> Sheet:
    """The applications a CSV holds, each row's problems, and notes on columns ignored.

    ``dates``: the order of dates such as 02/08/2026 (`--dates`), or None to let each date
    column decide; a column that cannot is refused (see sheet_dates).
    """
    text, encoding = sheet_text(raw, origin)
    header_line = next((line for line in text.split("\n") if line.strip()), "")
    # The separator is the one the header row uses most; a comma when it uses none.
    delimiter = max(_DELIMITERS, key=header_line.count)
    rows = list(csv_rows(text, delimiter, origin))
    header_at = next((i for i, (_, row) in enumerate(rows) if any(c.strip() for c in row)), 0)
    headers = rows[header_at][1] if rows else []
    keys, notes = _columns(headers, origin)
    if encoding != "utf-8":
        notes.insert(0, CP1252_NOTE)
    columns = {k: h.strip() for k, h in zip(keys, headers, strict=False) if k is not None}
    body = rows[header_at + 1 :]
    dated: dict[str, tuple[str, list[tuple[int, str]]]] = {}
    for key in ("applied_on", "decided_on"):
        if key in keys:
            at = keys.index(key)
            dated[key] = (columns[key], [(line, row[at]) for line, row in body if at < len(row)])
    orders, said = sheet_orders(origin, dated, dates)
    notes += said
    read: list[SheetRow] = []
    problems: list[RowProblem] = []
    names: dict[str, SourceReading] = {}
    for line, cells in body:
        given = {
            key: plain_cell(cell.strip())
            for key, cell in zip(keys, cells, strict=False)
            if key is not None
        }
        if not any(given.values()):
            continue  # a blank line, or one with only ignored columns filled
        fields, wrong = row_fields(given, orders)
        status = _status(given, orders, wrong) if "status" in columns else None
        stage_cell = given.get("stage", "")
        stage = SheetStage(stage_cell, stage_rounds(stage_cell)) if stage_cell else None
        if wrong:
            problems.append(
                RowProblem(line, tuple(CellProblem.said(columns.get(k), m) for k, m in wrong))
            )
        else:
            read.append(SheetRow(line, fields, status, stage))
            reading = sheet_source(given["source"]) if given.get("source") else None
            if reading is not None and reading.mapped:
                names.setdefault(given["source"], reading)
    if names:
        notes.append(_sources_note(columns["source"], names))
    return Sheet(tuple(read), tuple(problems), tuple(notes), columns, encoding)


def _status(
    cells: dict[str, str], orders: dict[str, DayOrder | None], wrong: list[tuple[str, str]]
) -> SheetStatus:
    """The row's status and its decision date (a problem added to ``wrong`` if not a date)."""
    said = cells.get("status", "")
    meaning = status_meaning(said)
    decided: date | None = None
    if cells.get("decided_on") and meaning is not None and meaning.outcome is not None:
        try:
            decided = named_day(
                cells["decided_on"], "decision date", date.today(), orders.get("decided_on")
            )
        except InvalidInputError as exc:
            wrong.append(("decided_on", exc.message))
    return SheetStatus(said, meaning, decided)


def _sources_note(header: str, names: dict[str, SourceReading]) -> str:
    """'read the column Source's names as channels: Indeed, Gradcracker as job board; …'."""
    by_source: dict[Source, list[str]] = {}
    for name, reading in names.items():
        by_source.setdefault(reading.source, []).append(name)
    read = "; ".join(
        f"{', '.join(said)} as {source.value.replace('_', ' ')}"
        for source, said in by_source.items()
    )
    kept = [n for n, r in names.items() if r.via]
    example = f" (each name kept in the notes, e.g. 'via {kept[0]}')" if kept else ""
    return f"read the names in the column {header} as channels: {read}{example}"


def row_fields(
    cells: dict[str, str], orders: dict[str, DayOrder | None] | None = None
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """A row's cells (by field) as an application's fields, and what is wrong: (field, why).

    ``orders``: each date column's order of dates such as 02/08/2026 (see sheet_dates).
    """
    orders = orders or {}
    fields: dict[str, Any] = {}
    wrong: list[tuple[str, str]] = []
    for key, what in (("company", "company"), ("role_title", "role")):
        if cells.get(key):
            fields[key] = cells[key]
        else:
            wrong.append((key, f"{what} is empty"))
    applied = cells.get("applied_on", "")
    if not applied:
        wrong.append(
            ("applied_on", "applied date is empty; give the day you applied, e.g. 2026-10-01")
        )
    else:
        _read(wrong, fields, "applied_on", lambda: _day(applied, orders.get("applied_on")))
    reading = sheet_source(cells["source"]) if cells.get("source") else None
    if reading is not None:
        fields["source"] = reading.source
    if cells.get("method"):
        _read(
            wrong,
            fields,
            "method",
            lambda: _method(cells["method"]),
        )
    if cells.get("work_mode"):
        _read(
            wrong,
            fields,
            "work_mode",
            lambda: read_choice(WorkMode, cells["work_mode"], "work mode"),
        )
    for key in ("level", "location", "posting_url", "posting_text", "notes"):
        if cells.get(key):
            fields[key] = cells[key]
    via = reading.via if reading is not None else None
    if via and via.lower() not in fields.get("notes", "").lower():
        # The board's name, which the channel alone loses; first, as `app add` would have it.
        fields["notes"] = f"{via}; {fields['notes']}" if fields.get("notes") else via
    if cells.get("tags"):
        split = cells["tags"]
        for separator in _TAG_SEPARATORS[1:]:
            split = split.replace(separator, ",")
        fields["tags"] = [t.strip() for t in split.split(",") if t.strip()]
    return fields, wrong


def _method(cell: str) -> ApplyMethod:
    # A log's own words ("E-mail", "Website", "Walk-in") as well as the choices themselves:
    # a sheet is not a prompt that can ask again.
    from nextround.domain.choice_words import synonyms_for
    from nextround.domain.near_miss import word_key

    meant = synonyms_for(ApplyMethod).get(word_key(cell))
    return ApplyMethod(meant) if meant else read_choice(ApplyMethod, cell, "method")


def _day(value: str, order: DayOrder | None) -> date:
    # The command line's reading of a day (ISO, 27.11.2026, 5 Aug 2026, today), and
    # 02/08/2026 in the order of the column: today too in a column of such dates.
    return named_day(value, "applied date", date.today(), order)


def _read(wrong: list[tuple[str, str]], fields: dict[str, Any], key: str, read: Any) -> None:
    try:
        fields[key] = read()
    except InvalidInputError as exc:
        wrong.append((key, exc.message))


def _columns(headers: Sequence[str], origin: str) -> tuple[list[str | None], list[str]]:
    """Each header's field (None: not read), and a note on each kind of column ignored.

    A header named exactly as a field's first name wins over a synonym ("role" over
    "title"); a field given twice under its own names is refused, as the two could differ.
    """
    typed = [word_key(h) for h in headers]
    export = any(t in EXPORT_MARKS for t in typed)
    named = HEADERS if export else _ALL_HEADERS
    means = _MEANS if export else _ALL_MEANS
    keys: list[str | None] = [None] * len(headers)
    taken: dict[str, int] = {}
    # Exact names first, then the rest, each field once.
    for rank in range(max(len(n) for n in named.values())):
        for index, key in enumerate(typed):
            field_ = means.get(key)
            if field_ is None or named[field_].index(key) != rank:
                continue
            if field_ in taken:
                first = headers[taken[field_]].strip()
                if rank == named[field_].index(word_key(first)):
                    raise InvalidInputError(
                        f"{origin}: the columns '{first}' and '{headers[index].strip()}' both "
                        f"give the {_said(field_)}; keep one of them"
                    )
                continue
            taken[field_] = index
            keys[index] = field_
    missing = [f for f in REQUIRED if f not in taken]
    if missing:
        found = ", ".join(f"'{h.strip()}'" for h in headers if h.strip())
        accepted = "; ".join(f"{_said(f)}: {', '.join(HEADERS[f])}" for f in missing)
        raise InvalidInputError(
            f"{origin}: the header row needs a column for the {_listed(missing)}; found "
            f"{found or 'no header row'}. Columns are found by their names ({accepted})"
        )
    notes = []
    # Only an export's own columns are "the export's": a person's sheet is told of its own.
    stages = [
        h.strip()
        for h, k, t in zip(headers, keys, typed, strict=True)
        if export and not k and t in STAGE_COLUMNS
    ]
    if stages:
        notes.append(
            f"not imported: the export's columns on what happened after applying "
            f"({', '.join(stages)}); each application is added as applied, with a new id, "
            "and its rounds and decision are yours to add again"
        )
    unknown = [
        h.strip()
        for h, k, t in zip(headers, keys, typed, strict=True)
        if not k and not (export and t in STAGE_COLUMNS) and h.strip()
    ]
    if unknown:
        # The user's own headers, as the sheet writes them, then the fields it lacks in words.
        read = [h.strip() for h, k in zip(headers, keys, strict=True) if k]
        lacking = [_said(f) for f in named if f not in taken]
        others = f"; it can also read {_listed_words(lacking)}" if lacking else ""
        notes.append(
            f"ignored the column{'s' * (len(unknown) > 1)} {', '.join(unknown)}: the columns "
            f"read are {', '.join(read)}{others} (put anything else in notes)"
        )
    return keys, notes


_WORDS = {
    "role_title": "role",
    "applied_on": "applied date",
    "posting_url": "link",
    "posting_text": "posting text",
    "decided_on": "decision date",
    "stage": "stage reached",
}


def _said(field_: str) -> str:
    return _WORDS.get(field_, field_.replace("_", " "))


def _listed(fields: Sequence[str]) -> str:
    return _listed_words([_said(f) for f in fields])


def _listed_words(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
