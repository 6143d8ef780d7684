"""`nextround app import`: the applications of a CSV, added at once, with what was skipped."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from nextround.cli.common import console, escape, print_json, state

if TYPE_CHECKING:
    from pathlib import Path

    import typer

    from nextround.domain.calendar_days import DayOrder
    from nextround.domain.journey import Application
    from nextround.services.application_import import SheetImport


def run(
    ctx: typer.Context,
    path: Path,
    *,
    dry_run: bool,
    as_json: bool,
    dates: DayOrder | None = None,
) -> None:
    """Read ``path`` ('-': standard input), add its new applications and say what happened."""
    from nextround.io.application_csv import MAX_SHEET_BYTES, read_sheet, too_big
    from nextround.services.application_import import import_applications

    if str(path) == "-":
        origin = "standard input"
        if sys.stdin.isatty():  # say how to finish rather than wait in silence
            sys.stderr.write("Paste the CSV, then Ctrl-D on a line of its own:\n")
        # One byte over the limit is enough to know the input is too big.
        raw = sys.stdin.buffer.read(MAX_SHEET_BYTES + 1)
    else:
        from nextround.io.user_files import read_limited

        origin = str(path)
        raw = read_limited(path, MAX_SHEET_BYTES, lambda size: too_big(origin, size))
    sheet = read_sheet(raw, origin, dates)
    with state(ctx).app.uow() as uow:
        result = import_applications(uow, sheet, origin, dry_run=dry_run)
    if as_json:
        print_json(_json(result))
    else:
        _print(result, origin)


def _json(result: SheetImport) -> dict[str, Any]:
    from nextround.cli.applications import _app_json

    return {
        "added": [{**_app_json(a.application), "line": a.line} for a in result.added],
        "skipped": [
            {
                "line": s.line,
                "company": s.application.company,
                "role_title": s.application.role_title,
                "applied_on": s.application.applied_on,
                "same_as": s.same_as,
                "repeats_line": s.repeats_line,
            }
            for s in result.skipped
        ],
        "notes": list(result.notes),
        "dry_run": result.dry_run,
        "encoding": result.encoding,
    }


def _named(app: Application) -> str:
    return f"{escape(app.company)}, {escape(app.role_title)} (applied {app.applied_on})"


def _ending(app: Application) -> str:
    """'; rounds OA (online assessment); closed as rejection on 2026-08-06', for a dry run."""
    from nextround.services.application_import import ending, reached

    return "".join(f"; {escape(said)}" for said in (reached(app), ending(app)) if said)


def _print(result: SheetImport, origin: str) -> None:
    from nextround.cli.common import paragraph

    out = console()
    for note in result.notes:
        paragraph(f"[yellow]Note:[/] {escape(note)}.", indent=0, hang=6)
    added, skipped = len(result.added), len(result.skipped)
    if not added and not skipped:
        out.print(f"Nothing to add: {escape(origin)} has no rows under its header.")
        return
    out.print(result.summary(), soft_wrap=True)
    if result.dry_run:
        _listed(
            "add ", [(a.line, _named(a.application) + _ending(a.application)) for a in result.added]
        )
    _listed("skip", [(s.line, f"{_named(s.application)}: {s.why}") for s in result.skipped])


def _listed(verb: str, rows: list[tuple[int, str]]) -> None:
    """Rows by line and name, as many as an error lists; the rest counted."""
    from nextround.services.application_import import MAX_LISTED

    for line, said in rows[:MAX_LISTED]:
        console().print(f"  {verb}  line {line}: {said}", soft_wrap=True)
    if len(rows) > MAX_LISTED:
        console().print(f"  … and {len(rows) - MAX_LISTED} more (--json lists every one)")
