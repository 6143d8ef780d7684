"""Your resume on the web: upload it (Data page), see its roles, highlights and story seeds."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from nextround.domain.resume import Resume
from nextround.errors import InvalidInputError
from nextround.services import resumes
from nextround.services.frameworks import active_framework
from nextround.store.uow import SqlUnitOfWork
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.forms import FormReader, FormState
from nextround.web.growth_reads import profile_view
from nextround.web.limits import describe_size

router = APIRouter()

ACCEPT = ".json,.md,.markdown,.txt,.docx,.pdf"
FALLBACK_NOTE = (
    "Mapped by word matching: the semantic model is not installed, so the competencies "
    "shown for each highlight are rough."
)


def import_form(web: Web, form: FormState | None = None) -> dict[str, Any]:
    """What the Data page's resume card needs."""
    held = web.read(lambda uow: uow.resumes.current())
    return {
        "resume_form": form or FormState("resume"),
        "resume_held": resumes.describe(held) if held is not None else None,
        "resume_accept": ACCEPT,
        "resume_limit": describe_size(_limit(web)),
    }


def _limit(web: Web) -> int:
    from nextround.io.resume_files import MAX_RESUME_BYTES

    return min(web.nextround.settings.upload_limit_bytes, MAX_RESUME_BYTES)


@router.post("/data/resume")
def upload_resume(web: WebDep, form: FormDep) -> Response:
    """Import a resume file; a bad, oversized or unreadable one changes nothing."""
    from nextround.io.resume_files import read_resume
    from nextround.web.routes.data import render_data

    reader = FormReader("resume", form)
    limit = _limit(web)
    upload = reader.upload_within(
        "resume",
        limit,
        "choose your resume file (.json, .md, .docx or .pdf)",
        lambda _: (
            f"a resume may be at most {describe_size(limit)}. Nothing was imported. "
            "Export it without embedded images, or as .docx or .md"
        ),
    )
    replace = reader.flag("replace")
    if upload is None or not reader.ok:
        return render_data(web, resume_form=reader.state, status=413 if upload else 422)
    raw = upload.file.read(limit + 1)
    name = upload.filename or "resume"

    def store(uow: SqlUnitOfWork) -> tuple[resumes.Imported, bool]:
        # The file's own faults first, then whether a stored resume may be replaced.
        resume = read_resume(raw, name)
        resumes.check_replace(uow, replace)
        mapper = web.nextround.mapper(uow, active_framework(uow))
        return resumes.import_resume(uow, resume, mapper, replace=replace), mapper.is_fallback

    try:
        done, fallback = web.write(store)
    except InvalidInputError as exc:
        said = exc.for_web()
        reader.fail(
            "resume", f"{said}{'' if said.endswith(('.', '?')) else '.'} Nothing was imported"
        )
        return render_data(web, resume_form=reader.state, status=422)
    resume = done.resume
    replaced = f", in place of {done.replaced}" if done.replaced else ""
    return web.redirect(
        "/resume",
        f"Imported {resume.file_name}: {len(resume.roles)} roles, {len(resume.highlights)} "
        f"highlights{replaced}.",
        FALLBACK_NOTE if fallback else None,
    )


def _on_framework_in_use(web: Web) -> Resume | None:
    """The stored resume, mapped again first if another framework is now in use."""

    def stale(uow: SqlUnitOfWork) -> bool:
        held = uow.resumes.current()
        return held is not None and held.framework_id != active_framework(uow).id

    if web.read(stale):
        web.write(
            lambda uow: resumes.mapped_on_framework_in_use(
                uow, lambda framework: web.nextround.mapper(uow, framework)
            )
        )
    return web.read(lambda uow: uow.resumes.current())


@router.get("/resume")
def resume_page(web: WebDep) -> Response:
    """The resume's roles and highlights, the highlights worth a story first."""
    resume = _on_framework_in_use(web)
    view = profile_view(web)
    found = None
    if resume is not None:
        found = web.read(lambda uow: resumes.seeds(uow, resume, view.profile))
    return web.page(
        "resume.html",
        resume=resume,
        found=found,
        short={r.competency_id: r for r in found.matrix.short} if found else {},
        names={c.id: c.name for c in view.framework.competencies},
        described=resumes.describe(resume) if resume else None,
        delete_form=FormState("delete"),
    )


@router.post("/resume/delete")
def delete_resume(web: WebDep, form: FormDep) -> Response:
    """Delete the stored resume after an explicit confirmation; stories written stay."""
    reader = FormReader("delete", form)
    if not reader.confirmed():
        return web.redirect("/resume", None, "Tick the box to confirm deleting the resume.")
    removed = web.write(resumes.remove_resume)
    return web.redirect("/data", f"Deleted the resume {removed.file_name}. Stories stay.")
