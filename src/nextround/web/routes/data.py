"""The user's data as a whole: backup download and restore, CSV and calendar exports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from nextround.errors import InvalidInputError
from nextround.io.backup import describe_counts, dumps, validate
from nextround.io.job_search_csv import COMMA, SEMICOLON, csv_bytes
from nextround.services.data import (
    export_backup,
    export_csv,
    export_ics,
    keep_current,
    parse_backup,
    restore_backup,
)
from nextround.services.lookup import record_counts
from nextround.store.uow import SqlUnitOfWork
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.forms import FormReader, FormState
from nextround.web.limits import describe_size, larger_upload_advice

router = APIRouter()


def _download(web: Web, body: bytes, media_type: str, stem: str, suffix: str) -> Response:
    day = web.nextround.clock().astimezone().date().isoformat()
    return Response(
        body,
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{stem}-{day}.{suffix}"'},
    )


def render_data(
    web: Web,
    form: FormState | None = None,
    status: int = 200,
    *,
    resume_form: FormState | None = None,
    **sheet: Any,
) -> Response:
    """The data page; ``sheet``: the applications card's state (application_import.sheet_form)."""
    from nextround.web.routes.application_import import sheet_form
    from nextround.web.routes.resume import import_form

    counts = web.read(record_counts)
    return web.page(
        "data.html",
        status,
        held=describe_counts(counts),
        total=sum(counts.values()),
        form=form or FormState("import"),
        limit=describe_size(web.nextround.settings.upload_limit_bytes),
        **import_form(web, resume_form),
        **(sheet or sheet_form(web)),
    )


@router.get("/data")
def data_page(web: WebDep) -> Response:
    """Export and import."""
    return render_data(web)


@router.get("/data/backup.json")
def backup_json(web: WebDep) -> Response:
    """A lossless backup of everything, as JSON."""
    doc = web.read(export_backup)
    return _download(
        web, dumps(doc).encode("utf-8"), "application/json", "nextround-backup", "json"
    )


@router.get("/data/applications.csv")
def applications_csv(web: WebDep, separator: str = "comma") -> Response:
    """One row per application with the date each stage was entered: proof of search.

    ``?separator=semicolon`` for Excel in a language with a decimal comma (German, French…),
    as `export csv --semicolon`.
    """
    if separator not in ("comma", "semicolon"):
        raise InvalidInputError(f"separator {separator!r} is not one of: comma, semicolon")
    delimiter = SEMICOLON if separator == "semicolon" else COMMA
    text = web.read(lambda uow: export_csv(uow, delimiter))
    stem = "nextround-applications" + ("-excel-semicolon" if delimiter == SEMICOLON else "")
    body = csv_bytes(text, to_file=True, delimiter=delimiter)
    return _download(web, body, "text/csv; charset=utf-8", stem, "csv")


@router.get("/data/interviews.ics")
def interviews_ics(web: WebDep) -> Response:
    """Every scheduled interview as a calendar event."""
    return _download(
        web, web.write(export_ics), "text/calendar; charset=utf-8", "nextround-interviews", "ics"
    )


@router.post("/data/import")
def import_backup(web: WebDep, form: FormDep) -> Response:
    """Restore a backup; a bad or oversized file changes nothing."""
    reader = FormReader("import", form)
    limit = web.nextround.settings.upload_limit_bytes
    upload = reader.upload_within(
        "backup",
        limit,
        "choose a backup file (.json) written by nextround",
        lambda big: (
            f"uploads are limited to {describe_size(limit)}. Nothing was imported. "
            + larger_upload_advice(web.request.url.path, big.size or 0, limit, big.filename)
        ),
    )
    replace = reader.flag("replace")
    if upload is None or not reader.ok:
        return render_data(web, reader.state, 413 if upload is not None else 422)
    raw = upload.file.read(limit + 1)
    try:
        # "the file x.json", so the message starts with a word, not a capitalised file name.
        doc = parse_backup(raw, f"the file {upload.filename}" if upload.filename else "the file")
        validate(doc)  # a file that is no backup says so before anything else
        held = describe_counts(web.read(record_counts))
        if not replace and held:
            raise InvalidInputError(
                "this database already holds data; tick “Replace everything” to overwrite it "
                "with the backup, or start nextround on an empty database"
            )
        data_dir = web.nextround.settings.data_dir

        def restore(uow: SqlUnitOfWork) -> tuple[dict[str, int], Path | None]:
            kept = keep_current(uow, data_dir) if held else None
            return restore_backup(uow, doc, replace=replace), kept

        counts, kept = web.write(restore)
    except InvalidInputError as exc:
        said = exc.for_web()
        reader.fail(
            "backup", f"{said}{'' if said.endswith(('.', '?')) else '.'} Nothing was imported"
        )
        return render_data(web, reader.state, 422)
    summary = describe_counts(counts) or "an empty backup"
    replaced = f", in place of {held}" if held else ""
    copy = f" What was there is kept in {kept}." if kept is not None else ""
    return web.redirect("/data", f"Restored {summary}{replaced}.{copy}")
