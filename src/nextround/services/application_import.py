"""Add the applications of a spreadsheet at once: all checked first, then one transaction.

Safe to run again: a row for an application on record (the rule `app add --if-new` goes by)
is skipped, as is a row repeating an earlier one of the file; either way it is reported.
A person's Status column closes each application it says ended ("ghosted", "rejected after
OA"), in the same commit, dated by the sheet's decision date column or else the day applied.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from nextround.domain.application_names import same_application
from nextround.domain.counts import counted
from nextround.domain.journey import (
    APPLICATION_FIELDS,
    Application,
    Decision,
    Outcome,
    Round,
    RoundOutcome,
)
from nextround.domain.labels import words
from nextround.domain.pipeline import ApplicationFacts
from nextround.domain.sheet_stages import StageRound, status_stage
from nextround.domain.sheet_statuses import says_only
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

    @property
    def ending(self) -> str | None:
        """How its Status cell closed it ('closed as rejection on …'), None if left open."""
        return ending(self.application)

    @property
    def reached(self) -> str | None:
        """The rounds its Stage (or Status) cell gave it ('round OA (online assessment)')."""
        return reached(self.application)


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
        if not wrong:
            wrong += _reach(app, row, sheet)
        if not wrong:
            wrong += _close(uow, app, row, sheet)
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
            touch(now, item.application, *item.application.rounds, *item.application.decisions)
            uow.applications.add(item.application)
        uow.commit()
    done = [(a.line, a.application) for a in added]
    notes = sheet.notes + _stage_notes(sheet, done, wanted) + _status_notes(sheet, done, wanted)
    return SheetImport(tuple(added), tuple(skipped), notes, dry_run, sheet.encoding)


def reached(app: Application) -> str | None:
    """'rounds OA (online assessment), AC (assessment centre)'; None for an app with none."""
    rounds = app.ordered_rounds
    if not rounds:
        return None
    named = ", ".join(f"{r.name} ({words(r.kind)}, {r.outcome.value})" for r in rounds)
    return f"round{'s' * (len(rounds) > 1)} {named}"


def ending(app: Application) -> str | None:
    """'closed as rejection on 2026-08-06 (rejected after OA)' for an ended one; else None."""
    decision = app.current_decision
    if decision is None:
        return None
    outcome = decision.outcome.value.replace("_", " ")
    offer = (
        f", {decision.offer_response.value}"
        if decision.offer_response is not None and decision.answered
        else ""
    )
    why = f" ({decision.reason})" if decision.reason else ""
    said = f"an offer{offer}" if decision.outcome is Outcome.OFFER else f"closed as {outcome}"
    when = f"on {decision.decided_on}" if decision.day_known else ", day not known"
    return f"{said}{' ' * decision.day_known}{when}{why}"


def stage_said(row: SheetRow) -> tuple[StageRound, ...]:
    """The rounds a row reached: its Stage cell's, else those its Status names ("after OA")."""
    if row.stage is not None and row.stage.rounds:
        return row.stage.rounds
    return status_stage(row.status.said) if row.status is not None else ()


def _reach(app: Application, row: SheetRow, sheet: Sheet) -> list[CellProblem]:
    """Give ``app`` the rounds its row says it reached, before its Status closes it.

    Each is dated the day applied, the earliest it can have been, which the note says; a
    sheet gives no day for a round, and the day is known as only a stand-in (see
    sheet_stages.dated_by_import). The
    rounds before the last were passed (the process went on); the last stays pending for
    the decision to close, as a round added by hand would.
    """
    column = sheet.column("stage") or sheet.column("status")
    for named in stage_said(row):
        round_ = Round(name=named.name, kind=named.kind, mode=named.mode,
                       started_on=app.applied_on)  # fmt: skip
        try:
            app.add_round(round_)
        except DomainError as exc:
            return [CellProblem.said(column, exc.message)]
    for earlier in app.ordered_rounds[:-1]:
        earlier.outcome = RoundOutcome.PASSED
    return []


def _close(uow: UnitOfWork, app: Application, row: SheetRow, sheet: Sheet) -> list[CellProblem]:
    """Give ``app`` the decision its Status cell says, checked as `app close` checks one.

    Dated by the row's decision date; with none its day is kept as not known (the day
    applied stands in, only to order events), which the note says: the day of the import
    would date a months-old rejection today, and the day applied is made up too (QA21 F9).
    """
    status = row.status
    if status is None or status.meaning is None or status.meaning.outcome is None:
        return []
    column = sheet.column("decided_on") or sheet.column("status")
    decided_on = status.decided_on or app.applied_on
    if decided_on > uow.today():
        return [
            CellProblem(
                column,
                f"decision date {decided_on} is in the future",
                f"give the day it ended (today, {uow.today()}, at the latest)",
            )
        ]
    decision = Decision(
        outcome=status.meaning.outcome,
        decided_on=decided_on,
        # With no day in the sheet the day applied only stands in, for the order of events:
        # the record says the day is not known rather than that it ended the day applied.
        day_known=status.decided_on is not None,
        offer_response=status.meaning.offer_response,
        # What the sheet said beyond the outcome ("rejected after AC") is kept as its reason.
        reason=None if says_only(status.said) else status.said,
    )
    try:
        app.decide(decision, uow.now())
    except DomainError as exc:
        return [CellProblem.said(column, exc.message)]
    return []


def _status_notes(
    sheet: Sheet,
    added: Sequence[tuple[int, Application]],
    read: Sequence[tuple[SheetRow, Application]],
) -> tuple[str, ...]:
    """What the Status column did: the endings recorded, how dated, and words not known."""
    header = sheet.column("status")
    if header is None:
        return ()
    lines = {line for line, _ in added}
    rows = [row for row, _ in read if row.line in lines]
    ended = [a.current_decision for _, a in added if a.current_decision is not None]
    notes = []
    if ended:
        counts: dict[str, int] = {}
        for decision in ended:
            word = decision.outcome.value.replace("_", " ")
            counts[word] = counts.get(word, 0) + 1
        said = "closed " + ", ".join(f"{n} as {word}" for word, n in counts.items())
        still = len(added) - len(ended)
        open_ = f"; {counted(still, 'application')} stay{'s' * (still == 1)} open" if still else ""
        undated = sum(
            1 for r in rows if r.status and r.status.meaning and r.status.meaning.outcome
            and r.status.decided_on is None
        )  # fmt: skip
        when = ""
        if undated:
            where = (
                f"its {sheet.column('decided_on')} cell is empty"
                if sheet.column("decided_on") and undated == 1
                else f"their {sheet.column('decided_on')} cells are empty"
                if sheet.column("decided_on")
                else "the sheet has no column for the day each ended, such as 'Closed on'"
            )
            when = (
                f" ({counted(undated, 'decision')} kept with {'its' if undated == 1 else 'their'}"
                f" day not known, as {where}: shown as such and left out of the days between "
                "stages; give the day on the application's decision when you know it)"
            )
        notes.append(
            f"read your {header} column as how each application ended: {said}{open_}{when}"
        )
    listed = _unknown_words(
        (row.line, row.status.said)
        for row in rows
        if row.status is not None and row.status.meaning is None
    )
    if listed:
        notes.append(
            f"statuses not recognised, so those applications stay open: {listed}; close them "
            "once added if they ended"
        )
    return tuple(notes)


def _stage_notes(
    sheet: Sheet,
    added: Sequence[tuple[int, Application]],
    read: Sequence[tuple[SheetRow, Application]],
) -> tuple[str, ...]:
    """What the Stage reached column (or the Status's "after OA") added, and words not known."""
    lines = {line for line, _ in added}
    rows = [row for row, _ in read if row.line in lines]
    rounds = sum(len(a.rounds) for _, a in added)
    notes = []
    if rounds:
        header = sheet.column("stage")
        status = sheet.column("status")
        where = (
            f"your {header} column" + (f" (or, where it is empty, the {status} column's "
                                       "'after OA')" if status else "")
            if header else f"your {status} column's 'after OA', 'at assessment centre'"
        )  # fmt: skip
        with_rounds = sum(1 for _, a in added if a.rounds)
        notes.append(
            f"added {counted(rounds, 'round')} to {counted(with_rounds, 'application')} from "
            f"{where}, only the stages named; each dated the day applied, the earliest it can "
            "have been, as the sheet gives no day for a round (correct it with `round edit "
            "APP N --on DATE`, or on the web, when you know it)"
        )
    listed = _unknown_words(
        (row.line, row.stage.said)
        for row in rows
        if row.stage is not None and row.stage.rounds is None
    )
    if listed:
        notes.append(
            f"stages not recognised, so no round was added for them: {listed}; add the "
            "rounds once imported (`round add`)"
        )
    return tuple(notes)


def _unknown_words(found: Iterable[tuple[int, str]]) -> str:
    """Words no rule knows, each once with the lines it stands on: "'x' (lines 3, 7), 'y' (line 9)".

    Empty when there are none.
    """
    lines: dict[str, list[int]] = {}
    for line, said in found:
        lines.setdefault(said, []).append(line)
    return ", ".join(
        f"'{said}' (line{'s' * (len(at) > 1)} {', '.join(map(str, at))})"
        for said, at in lines.items()
    )


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
