"""Competency frameworks: the list, each one's competencies, choosing one, importing one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import APIRouter
from starlette.responses import Response

from nextround.domain.counts import counted, it_or_them
from nextround.domain.labels import capitalised
from nextround.errors import DomainError, InvalidInputError
from nextround.services.framework_reading import (
    read_elsewhere,
    read_feedback_on,
    verdicts_carried,
)
from nextround.services.framework_removal import framework_removal, remove_framework
from nextround.services.framework_upload import import_uploaded_framework
from nextround.services.frameworks import (
    active_framework_id,
    dropped_competencies,
    get_framework,
    list_frameworks,
    use_framework,
)
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.forms import ErrorRoutes, FormReader, FormState
from nextround.web.limits import describe_size, larger_upload_advice
from nextround.web.reading import READ_AGAIN, ReadingCard, back_to, reading_card

if TYPE_CHECKING:
    from nextround.services.framework_reading import FeedbackRead, ReadElsewhere
    from nextround.store.uow import SqlUnitOfWork

router = APIRouter()

#: An id problem is shown by the id field; anything else about the file, by the file field.
IMPORT_ERRORS: ErrorRoutes = (("framework_id", r"framework id|another id"), ("file", r"."))


def render_frameworks(
    web: Web,
    form: FormState | None = None,
    status: int = 200,
    delete_form: FormState | None = None,
) -> Response:
    """The frameworks page; ``delete_form`` is a refused delete, shown open with its error."""
    frameworks = web.read(list_frameworks)
    removals = web.read(
        lambda uow: {
            f.id: framework_removal(uow, f.id) for f in frameworks if not f.builtin and not f.active
        }
    )
    return web.page(
        "frameworks.html",
        status,
        frameworks=frameworks,
        form=form or FormState("import"),
        limit=describe_size(web.nextround.settings.upload_limit_bytes),
        reading=web.read(lambda uow: reading_card(uow, "/frameworks")),
        removals=removals,
        delete_forms={
            key: delete_form
            if delete_form and delete_form.key == f"delete-{key}"
            else FormState(f"delete-{key}")
            for key in removals
        },
        read_again=READ_AGAIN,
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
    elsewhere = web.read(lambda uow: read_elsewhere(uow, framework.id))
    note = f" Note: {capitalised(_elsewhere_words(elsewhere))}." if elsewhere.words() else ""
    return web.redirect(
        "/frameworks",
        f"Now using {framework.quoted}. New feedback, debriefs and your profile use its "
        f"competencies.{note}",
    )


@router.post("/frameworks/import")
def import_file(web: WebDep, form: FormDep) -> Response:
    """Import a framework from a YAML, JSON or CSV file; a bad file changes nothing."""
    reader = FormReader("import", form)
    limit = web.nextround.settings.upload_limit_bytes
    upload = reader.upload_within(
        "file",
        limit,
        "choose a .yaml, .json or .csv file with a name and a description per competency",
        lambda big: (
            f"uploads are limited to {describe_size(limit)}. Nothing was imported. "
            + larger_upload_advice(web.request.url.path, big.size or 0, limit, big.filename)
        ),
    )
    if upload is None or not reader.ok:
        return render_frameworks(web, reader.state, 413 if upload is not None else 422)
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
    notes = [capitalised(text) for text in read.notes]
    if reader.flag("use") and framework.id != was_in_use:
        elsewhere = web.read(lambda uow: read_elsewhere(uow, framework.id))
        notes += [capitalised(_elsewhere_words(elsewhere))] if elsewhere.words() else []
    dropped = web.read(lambda uow: dropped_competencies(uow, framework))
    if dropped:
        ids = sorted({i for found in dropped.values() for i in found})
        notes.append(
            f"{len(ids)} confirmed statement{'s name' if len(ids) > 1 else ' names'} "
            "a competency "
            f"this version no longer has ({', '.join(sorted(dropped))}); "
            f"{'it leaves' if len(ids) == 1 else 'they leave'} your profile until you review "
            f"{it_or_them(len(ids))} again"
        )
    return web.redirect(
        "/frameworks",
        f"Imported {framework.name}: "
        f"{counted(len(framework.competencies), 'competency', 'competencies')}{note}."
        + "".join(f" Note: {text}." for text in notes),
    )


def _elsewhere_words(elsewhere: ReadElsewhere) -> str:
    """What the profile leaves out, and where to read that feedback on this framework."""
    words = elsewhere.words() or ""
    if elsewhere.to_read:
        words += (
            ". To see that feedback through this framework's competencies, read it on this "
            "one too with the button below (its mappings there stay)"
        )
    return words


@router.post("/frameworks/{framework_id}/delete")
def delete(framework_id: str, web: WebDep, form: FormDep) -> Response:
    """Delete an imported framework, after an explicit confirmation; feedback text stays."""
    reader = FormReader(f"delete-{framework_id}", form)
    try:
        web.read(lambda uow: framework_removal(uow, framework_id))
    except DomainError as exc:  # the built-in one, or the one in use (chosen meanwhile)
        said = exc.for_web()
        return web.redirect("/frameworks", warning=f"{capitalised(said)}.")
    if not reader.confirmed():
        return render_frameworks(web, status=422, delete_form=reader.state)
    removed = web.write(lambda uow: remove_framework(uow, framework_id))
    return web.redirect("/frameworks", f"Deleted {removed.summary}. {removed.kept(READ_AGAIN)}")


#: Progress units read per request when the page shows progress (htmx): about a second.
WEB_BATCH = 200


@router.post("/frameworks/{framework_id}/read-feedback")
def read_feedback(framework_id: str, web: WebDep, form: FormDep) -> Response:
    """Read feedback mapped on other frameworks on this one; the other readings stay.

    With htmx, a batch per request, the card showing progress and asking for the next;
    without, all of it in one request. Each request saves what it read, so stopping half
    way loses nothing and the button picks up where it stopped.
    """
    reader = FormReader("reading", form)
    back = back_to(reader.text("back"))
    stepwise = web.htmx("feedback-reading")
    raw_total = reader.text("total") or ""
    given_total = int(raw_total) if raw_total.isdigit() else 0

    def read(uow: SqlUnitOfWork) -> tuple[ReadElsewhere, FeedbackRead]:
        framework = uow.frameworks.get(framework_id)
        before = read_elsewhere(uow, framework.id)
        done = read_feedback_on(
            uow,
            framework.id,
            lambda: web.nextround.mapper(uow, framework),
            budget=WEB_BATCH if stepwise else None,
        )
        return before, done

    before, done = web.write(read)
    framework = web.read(lambda uow: uow.frameworks.get(framework_id))
    others = (
        reader.text("others") or ReadingCard(framework.id, framework.name, before, back).other_names
    )
    if done.left:
        total = max(given_total, before.work)
        card = ReadingCard(
            framework.id, framework.name, before, back, total - done.left, total, others
        )
        return web.fragment("reading_card.html", "card", reading=card)
    said = ""
    # Earlier batches of this reading may have read the feedback, and this one the questions.
    if before.to_read or before.unsplit or given_total > before.to_map:
        said = (
            f"Read your feedback on {framework.name}: its statements are suggestions on its "
            "competencies now, waiting for your review in Feedback (until you confirm them "
            f"they count for less). Your mappings on {others} stay as they were: choosing it "
            "again gives its profile back exactly. "
        )
    if done.questions:
        said += (
            f"The questions you logged in debriefs are mapped on {framework.name}"
            f"{' too' if said else ''}, as suggestions; what they probed on {others} stays."
        )
    said = said.rstrip()
    kept = web.read(lambda uow: verdicts_carried(uow, framework.id))
    if kept:
        said += (
            f" {counted(kept, 'statement')} you had reviewed as about no competency "
            f"{'stays' if kept == 1 else 'stay'} so here, as that verdict is about the words: "
            "open one in Feedback to map it after all."
        )
        said = said.strip()
    rated = before.rated_words()
    if rated:
        said += f" Note: {capitalised(rated)}."
    if before.stories:
        said += (
            f" Note: {capitalised(before.story_words())}; tick what each shows on "
            f"{framework.name} on the Stories page."
        )
    response = web.redirect(back, said)
    if stepwise:
        # htmx follows a redirect itself and would put the next page inside the card.
        response.status_code = 200
        del response.headers["location"]
        response.headers["HX-Redirect"] = back
    return response
