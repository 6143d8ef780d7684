"""`nextround export` and `nextround import`: backups, CSV and calendar files."""

from __future__ import annotations

import os
import shlex
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from nextround.cli.common import confirmed, console, escape, fail, print_json, state
from nextround.errors import InvalidInputError

exports = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Export a backup (json), proof of search (csv) or interviews (ics).",
)
imports = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Restore a JSON backup, or import your resume.",
)


class ExportFormat(StrEnum):
    """What `export` can write."""

    JSON = "json"
    CSV = "csv"
    ICS = "ics"


def check_folder(output: Path) -> None:
    """Refuse a file whose folder does not exist, before any work is done for it.

    The folder is not created: a mistyped one would otherwise be made, anywhere on the disk.
    """
    folder = output.expanduser().parent
    if not folder.is_dir():
        raise InvalidInputError(
            f"the folder {folder} does not exist; create it first or choose another path"
        )


def refuse_database(output: Path | None, database_url: str, option: str = "-o") -> None:
    """Refuse to write over the database in use (or its journal), even with --force."""
    from nextround.store.urls import parse_url, sqlite_file

    database = sqlite_file(parse_url(database_url))
    if output is None or str(output) == "-" or database is None:
        return
    target = output.expanduser().resolve()
    journals = [database.with_name(database.name + end) for end in ("-wal", "-shm", "-journal")]
    if target in {p.resolve() for p in (database, *journals)}:
        raise InvalidInputError(
            f"{option} {output} is the database nextround is using; give another file name"
        )


def refuse_existing(output: Path | None, force: bool, option: str = "-o") -> None:
    """Refuse, before any work, to write over a file the person did not say to replace.

    An export over yesterday's backup is the one copy of the data lost if today's database is
    the wrong or an empty one.
    """
    if output is None or str(output) == "-" or force:
        return
    if output.expanduser().is_file():
        raise already_exists(output, option)


def already_exists(output: Path, option: str = "-o") -> InvalidInputError:
    """The error for a file that is there already and was not given up with --force."""
    return InvalidInputError(
        f"{option} {output.expanduser()} already exists; give another file name, "
        "or add --force to replace it"
    )


def write_output(data: bytes, output: Path | None, *, overwrite: bool = True) -> None:
    """Write to a file atomically (never a half-written file), or to stdout.

    With ``overwrite`` False, an existing file raises FileExistsError and is left as it was,
    even one that appeared while the command ran (while an editor was open, say).
    """
    if output is None or str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    output = output.expanduser()
    if output.is_dir():
        raise typer.BadParameter(f"{output} is a folder; give a file name", param_hint="-o")
    check_folder(output)
    try:
        fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    except OSError as exc:
        raise InvalidInputError(f"cannot write {output}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            # On disk before the rename: a crash must not leave an empty file under the name.
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            Path(tmp).replace(output)
        else:
            _move_to_new(Path(tmp), output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    console().print(f"Wrote {escape(output)} ({len(data):,} bytes).")


def _move_to_new(tmp: Path, output: Path) -> None:
    """Put ``tmp`` at ``output`` only if nothing is there; a rename would replace it."""
    try:
        # A hard link is created whole or not at all, and never over an existing file.
        os.link(tmp, output)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (FAT, some network shares)
        if output.exists():
            raise FileExistsError(output) from None
        tmp.replace(output)
    else:
        tmp.unlink()


def _export(
    ctx: typer.Context,
    kind: ExportFormat,
    output: Path | None,
    force: bool,
    semicolon: bool = False,
) -> None:
    from nextround.services import data

    nextround = state(ctx).app
    refuse_database(output, nextround.settings.resolved_database_url)
    refuse_existing(output, force)
    # Reads only: a long export never holds up a write in the web app, nor waits for one.
    with nextround.uow(writes=False) as uow:
        if kind is ExportFormat.JSON:
            from nextround.io.backup import dumps

            payload = dumps(data.export_backup(uow)).encode("utf-8")
        elif kind is ExportFormat.CSV:
            from nextround.io.job_search_csv import COMMA, SEMICOLON, csv_bytes

            to_file = output is not None and str(output) != "-"
            delimiter = SEMICOLON if semicolon else COMMA
            payload = csv_bytes(
                data.export_csv(uow, delimiter), to_file=to_file, delimiter=delimiter
            )
        else:
            payload = data.export_ics(uow)
    try:
        write_output(payload, output, overwrite=force)
    except FileExistsError:  # made while the export ran
        assert output is not None  # standard output never exists already
        raise already_exists(output) from None


Output = Annotated[
    Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
]
Force = Annotated[bool, typer.Option("--force", help="Let -o replace a file that already exists.")]


@exports.command("json")
def export_json(ctx: typer.Context, output: Output = None, force: Force = False) -> None:
    """A lossless backup of everything, as JSON."""
    _export(ctx, ExportFormat.JSON, output, force)


@exports.command("csv")
def export_csv(
    ctx: typer.Context,
    output: Output = None,
    force: Force = False,
    semicolon: Annotated[
        bool,
        typer.Option(
            "--semicolon",
            help="Separate the columns with semicolons, for Excel in a language that writes "
            "decimals with a comma (German, French, Dutch, Spanish, Italian and more), where a "
            "comma-separated file opens in one column. Such a file starts with the UTF-8 "
            "byte-order mark even on standard output, so umlauts show in Excel.",
        ),
    ] = False,
) -> None:
    """Proof of search: one row per application, its stage dates and who to ask about it.

    Comma-separated, as English Excel, LibreOffice and scripts read it; --semicolon for Excel
    set to German, French, Dutch and the like (a job centre's proof of search in Germany).
    Written to a file with -o it starts with the UTF-8 byte-order mark.
    """
    _export(ctx, ExportFormat.CSV, output, force, semicolon)


@exports.command("ics")
def export_ics(ctx: typer.Context, output: Output = None, force: Force = False) -> None:
    """One calendar event per scheduled interview."""
    _export(ctx, ExportFormat.ICS, output, force)


@imports.command("json")
def import_json(
    ctx: typer.Context,
    path: Annotated[
        Path,
        typer.Argument(help="Backup file written by `nextround export json`; '-' reads stdin."),
    ],
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Overwrite a database that already has data (asks first; a copy of what was "
            "there is kept).",
        ),
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Replace without asking (for scripts).")
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print what was restored as JSON: restored and replaced (records by kind), "
            "kept (the copy of what was there, or null).",
        ),
    ] = False,
) -> None:
    """Restore a backup into an empty database; a bad file changes nothing.

    With --replace, what the database holds is written to a JSON backup in the data
    folder first, so a restore over newer data can be undone.
    """
    from nextround.io.backup import describe_counts, validate
    from nextround.services.data import keep_current, read_backup_file, restore_backup
    from nextround.services.lookup import record_counts

    if str(path) == "-":
        import sys

        from nextround.services.data import MAX_BACKUP_BYTES, parse_backup

        # One byte over the limit is enough to know the input is too big.
        doc = parse_backup(sys.stdin.buffer.read(MAX_BACKUP_BYTES + 1), "standard input")
    else:
        doc = read_backup_file(path)
    # A file that is no backup says so before anything asks to replace what is there.
    validate(doc)
    nextround = state(ctx).app
    with nextround.uow() as uow:
        held = describe_counts(record_counts(uow))
    if held and replace and not yes:
        if str(path) == "-":
            fail(
                f"the database holds {held}, and the backup comes on standard input, so "
                "there is no way to ask before replacing it; add --yes to replace it"
            )
        if not confirmed(
            f"Replace {held} with the backup? A copy of what is there now is kept first.",
            err=as_json,  # the question is no part of the JSON document
        ):
            raise typer.Abort()
    kept = None
    with nextround.uow() as uow:
        before = record_counts(uow)
        replaced = describe_counts(before)
        if replaced and replace:
            kept = keep_current(uow, nextround.settings.data_dir)
        counts = restore_backup(uow, doc, replace=replace)
    if as_json:
        gone = before if replaced else {}
        print_json({"restored": counts, "replaced": gone, "kept": str(kept) if kept else None})
        return
    summary = describe_counts(counts) or "nothing"
    said = f" in place of {replaced}" if replaced else ""
    console().print(f"Restored {summary}{said}.")
    if kept is not None:
        console().print(
            f"What was there is kept in {escape(kept)}; `nextround import json "
            f"{escape(shlex.quote(str(kept)))} --replace` puts it back."
        )


@imports.command("resume")
def import_resume(
    ctx: typer.Context,
    path: Annotated[
        Path,
        typer.Argument(
            help="Your resume: JSON Resume (.json), Markdown or text (.md, .txt), Word (.docx) "
            "or PDF (.pdf)."
        ),
    ],
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Replace the resume stored already (one is kept)."),
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print the resume as `resume show --json` does (with the ids of its roles "
            "and highlights), and replaced: the file it replaced, or null.",
        ),
    ] = False,
) -> None:
    """Import your resume: its roles and highlights, each mapped to competencies.

    Only the structure the file shows is read (sections, roles, bullet points); what cannot
    be read is kept as written, and the import says so. One resume is kept: a new one
    replaces it with --replace. A resume is your own claim and never counts as evidence in
    your profile; its highlights suggest stories (`nextround resume seeds`).
    """
    from nextround.cli.resume import import_resume as run

    run(path, replace, ctx, as_json)
