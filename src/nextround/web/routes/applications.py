"""The application list (filter, sort, search, pages) and creating an application."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter
from starlette.responses import Response

from nextround.domain.application_names import already_applied
from nextround.domain.earlier_applications import applied_before_note
from nextround.domain.journey import Source, Status, WorkMode
from nextround.errors import DomainError, InvalidInputError, NotFoundError
from nextround.services.applications import (
    ApplicationListing,
    add_application,
    same_role_applications,
)
from nextround.services.earlier_applications import earlier_applications
from nextround.services.listing import (
    SORT_LABELS,
    SortOrder,
    closed_statuses,
    open_statuses,
    paginate,
    sorted_applications,
)
from nextround.services.other_offers import acceptance_among, with_acceptance
from nextround.services.ports import ApplicationQuery
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.forms import FormReader, FormState
from nextround.web.journey_forms import APPLICATION_ERRORS, read_application
from nextround.web.recent_adds import RecentAdds, form_key
from nextround.web.rendering import day

router = APIRouter()

PER_PAGE = 50
_FILTERS = ("q", "status", "company", "tag", "from", "to", "sort")


def listing(web: Web, query: ApplicationQuery, order: SortOrder) -> list[ApplicationListing]:
    """The whole filtered, sorted list, cached per query."""
    return web.cache.get(
        ("list", query, order), lambda: web.read(lambda uow: sorted_applications(uow, query, order))
    )


def default_listing(web: Web) -> list[ApplicationListing]:
    """The list as first opened."""
    return listing(web, ApplicationQuery(), SortOrder.NEWEST)


def _statuses(choice: str) -> tuple[Status, ...]:
    if choice == "open":
        return open_statuses()
    if choice == "closed":
        return closed_statuses()
    return (Status(choice),) if choice else ()


def read_filters(web: Web) -> tuple[FormReader, ApplicationQuery, SortOrder, int]:
    """The filters from the address; a bad one is reported next to its field and ignored."""
    reader = FormReader("filter", web.request.query_params)
    status = reader.raw("status").strip()
    if status and status not in ("open", "closed") and status not in {s.value for s in Status}:
        reader.fail("status", f"{status!r} is not a status")
        status = ""
    start, end = reader.date("from", "earliest date"), reader.date("to", "latest date")
    if start is not None and end is not None and start > end:
        # Ignored like any bad filter: an empty list would read as "no applications".
        reader.fail("to", f"{end} is before the earliest date, {start}; give a later one")
        end = None
    query = ApplicationQuery(
        statuses=_statuses(status),
        company=reader.text("company"),
        tag=reader.text("tag"),
        applied_from=start,
        applied_to=end,
        text=reader.text("q"),
    )
    order = reader.choice("sort", SortOrder, default=SortOrder.NEWEST) or SortOrder.NEWEST
    page = reader.integer("page", "the page") or 1
    return reader, query, order, page


def new_application_form(web: Web) -> FormState:
    """A blank application form, dated today."""
    today = web.nextround.clock().astimezone().date().isoformat()
    return FormState("new-app", {"applied_on": today, "source": Source.OTHER.value})


def render_list(web: Web, new_form: FormState | None = None, status: int = 200) -> Response:
    """The list page (or just its results, for htmx)."""
    filters, query, order, page_no = read_filters(web)
    rows = listing(web, query, order)
    page = paginate(rows, page_no, PER_PAGE)
    kept = {k: filters.raw(k) for k in _FILTERS if filters.raw(k)}

    def page_url(number: int) -> str:
        return "/applications?" + urlencode({**kept, "page": number})

    # A pending offer's next step is its answer: the Next column says by when.
    today = web.nextround.clock().astimezone().date()
    accepted = acceptance_among(r.facts for r in default_listing(web))
    dues = {
        r.facts.id: due.next_step
        for r in page.rows
        if (due := with_acceptance(r.facts.answer_due(today), accepted, r.facts.applied_on))
    }
    context = {
        "filters": filters.state,
        "page": page,
        "dues": dues,
        "page_url": page_url,
        "filtered": bool(kept),
        # Counted on the folded form's summary; the default order is no choice of the user's.
        "active": len([k for k in kept if k != "sort" or kept[k] != SortOrder.NEWEST.value]),
        "sort_options": [(order.value, text) for order, text in SORT_LABELS.items()],
        "statuses": list(Status),
    }
    if web.htmx("results"):
        # The results, and the count of filters on the form's summary, out of band.
        return web.fragments(
            [("applications.html", "results"), ("applications.html", "filter_count")],
            status,
            oob=True,
            **context,
        )
    return web.page(
        "applications.html",
        status,
        new_form=new_form or new_application_form(web),
        new_open=new_form is not None or web.request.query_params.get("new") == "1",
        sources=list(Source),
        work_modes=list(WorkMode),
        **context,
    )


@router.get("/applications")
def applications_page(web: WebDep) -> Response:
    """Applications, filtered and sorted, 50 to a page."""
    key = ("list", web.request.url.query, web.htmx("results"))
    return web.shared_page(key, lambda: render_list(web))


@router.post("/applications")
def create_application(web: WebDep, form: FormDep) -> Response:
    """Record a new application, then open it."""
    reader = FormReader("new-app", form)
    fields = read_application(reader)
    recent: RecentAdds = web.request.app.state.recent_adds

    def add() -> int:
        created = web.write(lambda uow: add_application(uow, fields))
        assert created.id is not None
        return created.id

    def still_there(app_id: int) -> bool:
        try:
            web.read(lambda uow: uow.applications.get(app_id))
        except NotFoundError:
            return False
        return True

    if reader.ok:
        try:
            # Save pressed twice (Enter, Enter): the second press opens the one saved.
            new_id, new = recent.add_once(
                form_key("/applications", form.multi_items()), add, still_there
            )
        except (DomainError, InvalidInputError) as exc:
            reader.explain(exc, APPLICATION_ERRORS)
        else:
            created = web.read(lambda uow: uow.applications.get(new_id))
            earlier = web.read(lambda uow: same_role_applications(uow, new_id))
            before = web.read(lambda uow: earlier_applications(uow, new_id))
            same = {e.id for e in earlier}
            note = applied_before_note(
                [b for b in before if b.id not in same],
                f"see “Earlier at {created.company}” below",
            )
            # Said, not refused: applying again to a role is legitimate.
            again = (
                f"Note: {already_applied(earlier, day)}. If you added it twice by mistake, "
                "delete this one under “Delete this application”."
                if earlier
                else f"Note: {note}."
                if note
                else "Next: add its rounds as they come."
            )
            once = "" if new else " (The form was sent twice; it is saved once.)"
            return web.redirect(
                f"/applications/{created.id}",
                f"Added {created.role_title} at {created.company}. {again}{once}",
            )
    return render_list(web, reader.state, 422)
