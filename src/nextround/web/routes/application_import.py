"""Applications from a spreadsheet on the web: the Data page's CSV upload, as `app import`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from nextround.domain.calendar_days import DayOrder
from nextround.errors import InvalidInputError
from nextround.io.application_csv import MAX_SHEET_BYTES, read_sheet
from nextround.services.application_import import (
    MAX_LISTED,
    SheetImport,
    SheetProblemsError,
    import_applications,
)
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.forms import FormReader, FormState
from nextround.web.held_sheets import HOLD_SECONDS, HeldSheets
from nextround.web.limits import describe_size

router = APIRouter()


def sheet_form(
    web: Web,
    form: FormState | None = None,
    problems: tuple[str, ...] = (),
    preview: SheetImport | None = None,
    checked: str | None = None,
) -> dict[str, Any]:
    """What the Data page's "Import applications" card needs.

    ``checked``: the token of the sheet just checked, held for its import (held_sheets).
    """
    return {
        "sheet_form": form or FormState("sheet"),
        "sheet_problems": problems,
        "sheet_preview": preview,
        "sheet_checked": checked,
        "sheet_limit": describe_size(_limit(web)),
    }


def _limit(web: Web) -> int:
    return min(web.nextround.settings.upload_limit_bytes, MAX_SHEET_BYTES)


@router.post("/data/applications")
def import_sheet(web: WebDep, form: FormDep) -> Response:
    """Add the applications of a CSV; a bad row, a bad file or "only check" adds nothing."""
    from nextround.web.routes.data import render_data

    reader = FormReader("sheet", form)
    limit = _limit(web)
    upload = reader.upload_within(
        "sheet",
        limit,
        "choose a spreadsheet of applications saved as CSV (.csv)",
        lambda _: (
            f"a sheet of applications may be at most {describe_size(limit)}. Nothing was added"
        ),
    )
    dry_run = reader.flag("dry_run")
    dates = reader.choice("dates", DayOrder)
    if upload is None or not reader.ok:
        status = 413 if upload is not None else 422
        return render_data(web, status=status, **sheet_form(web, reader.state))
    raw = upload.file.read(limit + 1)
    return _imported(web, reader, upload.filename, raw, dry_run=dry_run, dates=dates)


@router.post("/data/applications/checked")
def import_checked_sheet(web: WebDep, form: FormDep) -> Response:
    """Import the sheet just checked ("only check the file"), read and checked again."""
    from nextround.web.routes.data import render_data

    reader = FormReader("sheet", form)
    token = reader.raw("checked")
    held = _held(web).get(token) if token else None
    if held is None:
        reader.fail(
            "sheet",
            f"the checked file is no longer held (it is kept {HOLD_SECONDS // 60} minutes after "
            "the check, until the app stops); choose it again. Nothing was added",
        )
        return render_data(web, status=422, **sheet_form(web, reader.state))
    dates = reader.choice("dates", DayOrder)
    response = _imported(web, reader, held.filename, held.raw, dry_run=False, dates=dates)
    if response.status_code < 400:
        _held(web).drop(token)
    return response


def _held(web: Web) -> HeldSheets:
    held: HeldSheets = web.request.app.state.held_sheets
    return held


def _imported(
    web: Web,
    reader: FormReader,
    filename: str | None,
    raw: bytes,
    *,
    dry_run: bool,
    dates: DayOrder | None = None,
) -> Response:
    """Read and import (or only check) a sheet's bytes; the page or redirect that says so."""
    from nextround.web.routes.data import render_data

    # "the file x.csv", so the message starts with a word, not a capitalised file name.
    origin = f"the file {filename}" if filename else "the file"
    try:
        sheet = read_sheet(raw, origin, dates)
        done = web.write(lambda uow: import_applications(uow, sheet, origin, dry_run=dry_run))
    except SheetProblemsError as exc:
        count = len(exc.problems)
        reader.fail(
            "sheet",
            f"{origin} has {count} row{'s' * (count != 1)} to fix, listed below; nothing was "
            "added. Fix them and upload the file again",
        )
        listed = [str(p) for p in exc.problems[:MAX_LISTED]]
        if count > MAX_LISTED:
            listed.append(f"… and {count - MAX_LISTED} more")
        return render_data(web, status=422, **sheet_form(web, reader.state, tuple(listed)))
    except InvalidInputError as exc:
        said = exc.for_web()
        reader.fail("sheet", f"{said}{'' if said.endswith(('.', '?')) else '.'} Nothing was added")
        return render_data(web, status=422, **sheet_form(web, reader.state))
    notes = " ".join(f"{n[:1].upper()}{n[1:]}." for n in done.notes) or None
    if dry_run or not (done.added or done.skipped):
        # Kept for "Import these", so the file need not be chosen again; only if it adds any.
        checked = _held(web).hold(filename, raw) if dry_run and done.added else None
        return render_data(web, **sheet_form(web, reader.state, preview=done, checked=checked))
    return web.redirect("/applications", done.summary(), notes)
