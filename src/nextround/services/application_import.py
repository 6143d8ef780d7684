"""Add the applications of a spreadsheet at once: all checked first, then one transaction.

Safe to run again: a row for an application on record (the rule `app add --if-new` goes by)
is skipped, as is a row repeating an earlier one of the file; either way it is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nextround.domain.application_names import same_application
from nextround.domain.journey import APPLICATION_FIELDS, Application
from nextround.domain.pipeline import ApplicationFacts
from nextround.errors import DomainError, InvalidInputError
from nextround.io.application_csv import CellProblem, RowProblem, Sheet, SheetRow
from nextround.services.applications import check_not_ahead
from nextround.services.ports import ApplicationQuery, UnitOfWork
from nextround.services.stamps import touch

#: More bad rows than this are counted, not listed: the first ones show what is wrong.
MAX_LISTED = 20


class SheetProblemsError(InvalidInputError):
    """Rows of a sheet to fix before anything is added, each named by its line."""

    #: The command line keeps its line breaks (see cli.main).
    multiline = True

    def __init__(self, origin: str, problems: Sequence[RowProblem]) -> None:
        self.problems = tuple(sorted(problems, key=lambda p: p.line))
        #: Every thing to fix, one a cell, for --json: line, column, problem and fix.
        self.details = {
            "rows": [
                {"line": p.line, "column": c.column, "problem": c.problem, "fix": c.fix}
                for p in self.problems
                for c in p.cells
            ]
        }
        listed = [f"  {p}" for p in self.problems[:MAX_LISTED]]
        if len(self.problems) > MAX_LISTED:
            listed.append(f"  … and {len(self.problems) - MAX_LISTED} more")
        count = len(self.problems)
        rows = "1 row" if count == 1 else f"{count} rows"
        super().__init__(
            f"{origin}: {rows} to fix; nothing was added. Fix {'it' if count == 1 else 'them'} "
            "and import the file again:\n" + "\n".join(listed)
        )


@dataclass(frozen=True)
class Added:
    """A row added (or, in a dry run, to be added) as this application."""

    line: int
    application: Application


@dataclass(frozen=True)
class Skipped:
    """A row left out: its application is on record, or an earlier row of the file has it."""

    line: int
    application: Application
    #: The id of the application on record it matches, if it is one.
    same_as: int | None = None
    #: The line of the earlier row it repeats, if it repeats one.
    repeats_line: int | None = None

    @property
    def why(self) -> str:
        """'already tracked as application 3' or 'repeats line 2'."""
        if self.same_as is not None:
            return f"already tracked as application {self.same_as}"
        return f"repeats line {self.repeats_line}"


@dataclass(frozen=True)
class SheetImport:
    """What an import added and skipped, and notes on what it did not read."""

    added: tuple[Added, ...]
    skipped: tuple[Skipped, ...]
    notes: tuple[str, ...]
    dry_run: bool = False
    #: How the file's bytes were read: "utf-8", or "cp1252" for a sheet that is not UTF-8.
    encoding: str = "utf-8"

    @property
    def why_skipped(self) -> str:
        """'already tracked: 2, repeated in the file: 1', for a summary."""
        tracked = sum(1 for s in self.skipped if s.same_as is not None)
        repeated = len(self.skipped) - tracked
        parts = [f"already tracked: {tracked}" if tracked else "",
                 f"repeated in the file: {repeated}" if repeated else ""]  # fmt: skip
        return ", ".join(p for p in parts if p)

    def summary(self) -> str:
        """'Added 24 applications, skipped 2 (already tracked: 2).', as CLI and web say it."""
        added, skipped = len(self.added), len(self.skipped)
        count = f"{added} application{'s' * (added != 1)}"
        if self.dry_run:
            skips = f"; would skip {skipped} ({self.why_skipped})" if skipped else ""
            return f"Dry run, nothing was added: would add {count}{skips}."
        skips = f", skipped {skipped} ({self.why_skipped})" if skipped else ""
        return f"{f'Added {count}' if added else 'Added nothing'}{_ids(self.added)}{skips}."


def import_applications(
    uow: UnitOfWork, sheet: Sheet, origin: str, *, dry_run: bool = False
) -> SheetImport:
    """Add the sheet's new applications in one commit; a bad row changes nothing.

    Every row is checked as `app add` checks one (the fields, no date ahead of today);
    any problem raises SheetProblemsError listing them all. ``dry_run`` adds nothing.
    """
    problems = list(sheet.problems)
    wanted: list[tuple[SheetRow, Application]] = []
    for row in sheet.rows:
        app = Application(**row.fields)
        wrong = _field_problems(app, sheet)
        if not wrong:
            try:
                app.check()
            except DomainError as exc:
                wrong.append(CellProblem.said(None, exc.message))
        if not wrong:
            try:
                check_not_ahead(uow, app)
            except DomainError as exc:
                wrong.append(CellProblem.said(sheet.column("applied_on"), exc.message))
        if wrong:
            problems.append(RowProblem(row.line, tuple(wrong)))
            continue
        wanted.append((row, app))
    if problems:
        raise SheetProblemsError(origin, problems)
    on_record = _on_record(uow, [app for _, app in wanted])
    added: list[Added] = []
    skipped: list[Skipped] = []
    for row, app in wanted:
        found = next((f for f in on_record if same_application(f, app)), None)
        earlier = next((a for a in added if same_application(a.application, app)), None)
        if found is not None:
            skipped.append(Skipped(row.line, app, same_as=found.id))
        elif earlier is not None:
            skipped.append(Skipped(row.line, app, repeats_line=earlier.line))
        else:
            added.append(Added(row.line, app))
    if added and not dry_run:
        now = uow.now()
        for item in added:
            touch(now, item.application)
            uow.applications.add(item.application)
        uow.commit()
    return SheetImport(tuple(added), tuple(skipped), sheet.notes, dry_run, sheet.encoding)


def _field_problems(app: Application, sheet: Sheet) -> list[CellProblem]:
    """Each field the rules of `app add` refuse (a name too long, a link that is none), by column.

    Application.check stops at the first; a sheet's row is told everything wrong with it.
    """
    wrong = []
    for key, rule in APPLICATION_FIELDS.items():
        try:
            rule(vars(app))
        except DomainError as exc:
            wrong.append(CellProblem.said(sheet.column(key), exc.message))
    return wrong


def _on_record(uow: UnitOfWork, apps: Sequence[Application]) -> list[ApplicationFacts]:
    """The applications on record, oldest first; read once for the whole sheet.

    A query per row, as `app add --if-new` makes for its one, would make a long sheet slow.
    """
    if not apps:
        return []
    return sorted(uow.applications.facts(ApplicationQuery()), key=lambda f: f.id or 0)


def _ids(added: Sequence[Added]) -> str:
    """' (ids 3 to 26)' for ids in a run, ' (id 3)' for one; '' when none or not in a run."""
    ids = [a.application.id for a in added if a.application.id is not None]
    if not ids:
        return ""
    if len(ids) == 1:
        return f" (id {ids[0]})"
    return f" (ids {ids[0]} to {ids[-1]})" if ids == list(range(ids[0], ids[0] + len(ids))) else ""
