"""Competency frameworks: the list, each one's competencies, choosing one, importing one."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from nextround.errors import DomainError, InvalidInputError
from nextround.services.framework_upload import import_uploaded_framework
from nextround.services.frameworks import (
    active_framework_id,
    dropped_competencies,
    get_framework,
    list_frameworks,
    mapped_elsewhere,
    use_framework,
)
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.forms import ErrorRoutes, FormReader, FormState
from nextround.web.limits import describe_size, larger_upload_advice

router = APIRouter()

#: An id problem is shown by the id field; anything else about the file, by the file field.
IMPORT_ERRORS: ErrorRoutes = (("framework_id", r"framework id|another id"), ("file", r"."))


def render_frameworks(web: Web, form: FormState | None = None, status: int = 200) -> Response:
    """The frameworks page."""
    return web.page(
        "frameworks.html",
        status,
        frameworks=web.read(list_frameworks),
        form=form or FormState("import"),
        limit=describe_size(web.nextround.settings.upload_limit_bytes),
    )


@router.get("/frameworks")
def frameworks_page(web: WebDep) -> Response:
    """Every framework; the one in use is marked."""
    return web.shared_page(("frameworks",), lambda: render_frameworks(web))


@router.get("/frameworks/{framework_id}")
def framework_page(framework_id: str, web: WebDep) -> Response:
    """One framework's competencies."""

    def render() -> Response:
        framework = web.read(lambda uow: get_framework(uow, framework_id))
        listing = next(f for f in web.read(list_frameworks) if f.id == framework.id)
        return web.page("framework.html", framework=framework, listing=listing)

    return web.shared_page(("framework", framework_id), render)


@router.post("/frameworks/{framework_id}/use")
def choose(framework_id: str, web: WebDep) -> Response:
    """Map feedback onto this framework from now on."""
    framework = web.write(lambda uow: use_framework(uow, framework_id))
    elsewhere = web.read(lambda uow: mapped_elsewhere(uow, framework.id))
    note = f" Note: {_capitalised(elsewhere)}." if elsewhere else ""
    return web.redirect(
        "/frameworks",
        f"Now using {framework.quoted}. New feedback, debriefs and your profile use its "
        f"competencies.{note}",
    )


@router.post("/frameworks/import")
def import_file(web: WebDep, form: FormDep) -> Response:
    """Import a framework from a YAML, JSON or CSV file; a bad file changes nothing."""
    reader = FormReader("import", form)
    upload = reader.upload("file")
    limit = web.nextround.settings.upload_limit_bytes
    if upload is None:
        reader.fail(
            "file",
            "choose a .yaml, .json or .csv file with a name and a description per competency",
        )
        return render_frameworks(web, reader.state, 422)
    if upload.size is not None and upload.size > limit:
        reader.fail(
            "file",
            f"the file {upload.filename} is {describe_size(upload.size)}; uploads are limited "
            f"to {describe_size(limit)}. Nothing was imported. "
            + larger_upload_advice(web.request.url.path, upload.size, limit, upload.filename),
        )
        return render_frameworks(web, reader.state, 413)
    raw = upload.file.read(limit + 1)
    wanted_id = reader.text("framework_id")
    wanted_name = reader.text("framework_name")
    was_in_use = web.read(active_framework_id)
    try:
        read = web.write(
            lambda uow: import_uploaded_framework(
                uow,
                raw,
                upload.filename or "framework",
                framework_id=wanted_id.strip() if wanted_id else None,
                name=wanted_name.strip() if wanted_name else None,
                replace=reader.flag("replace"),
                use=reader.flag("use"),
            )
        )
    except (DomainError, InvalidInputError) as exc:
        reader.explain(InvalidInputError(f"{exc.for_web()}. Nothing was imported"), IMPORT_ERRORS)
        return render_frameworks(web, reader.state, 422)
    framework = read.framework
    if framework.id == was_in_use:
        note = "; it stays in use"
    elif reader.flag("use"):
        note = " and in use"
    else:
        note = ""
    notes = [_capitalised(text) for text in read.notes]
    if reader.flag("use") and framework.id != was_in_use:
        elsewhere = web.read(lambda uow: mapped_elsewhere(uow, framework.id))
        notes += [_capitalised(elsewhere)] if elsewhere else []
    dropped = web.read(lambda uow: dropped_competencies(uow, framework))
    if dropped:
        ids = sorted({i for found in dropped.values() for i in found})
        notes.append(
            f"{len(ids)} confirmed statement{'s name' if len(ids) > 1 else ' names'} "
            "a competency "
            f"this version no longer has ({', '.join(sorted(dropped))}); they leave your "
            "profile until you review them again"
        )
    return web.redirect(
        "/frameworks",
        f"Imported {framework.name}: {len(framework.competencies)} competencies{note}."
        + "".join(f" Note: {text}." for text in notes),
    )


def _capitalised(text: str) -> str:
    return f"{text[:1].upper()}{text[1:]}"
