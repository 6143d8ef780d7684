"""Error pages: unknown ids and addresses, refused forms, oversized uploads, user errors."""

from __future__ import annotations

import logging

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import Scope

from nextround.errors import NextroundError, NotFoundError
from nextround.web.csrf import CsrfError
from nextround.web.database_down import describe_outage
from nextround.web.form_pages import form_page, shown_at
from nextround.web.limits import RequestTooLargeError, describe_size, larger_upload_advice
from nextround.web.rendering import Renderer, is_htmx

_TITLES = {
    400: "That request could not be used",
    403: "This form could not be accepted",
    404: "Not found",
    405: "This address only receives forms",
    413: "That file is too large",
    503: "The database cannot be reached",
}

log = logging.getLogger(__name__)


def error_page(
    request: Request,
    status: int,
    message: str,
    hint: str | None = None,
    back: tuple[str, str] | None = None,
) -> Response:
    """The error page; for htmx it replaces the whole page, since the target may not fit it.

    ``back`` is a page to offer first, as (address, label).
    """
    renderer: Renderer = request.app.state.renderer
    response = renderer.page(
        request,
        "error.html",
        status,
        title=_TITLES.get(status, "Something went wrong"),
        message=message,
        hint=hint,
        back=back,
        status_code=status,
    )
    if is_htmx(request):
        response.headers["hx-retarget"] = "body"
        response.headers["hx-reswap"] = "innerHTML"
    return response


def too_large_message(exc: RequestTooLargeError) -> str:
    """What to say about an oversized upload."""
    size = f" is {describe_size(exc.size)};" if exc.size else " is too large;"
    return (
        f"The file you sent{size} uploads are limited to "
        f"{describe_size(exc.limit)}. Nothing was imported or changed."
    )


def _too_large_page(request: Request, exc: RequestTooLargeError) -> Response:
    advice = larger_upload_advice(request.url.path, exc.size, exc.limit)
    return error_page(request, 413, too_large_message(exc), advice)


async def render_too_large(scope: Scope, exc: RequestTooLargeError) -> Response:
    """The 413 page, for the body-limit middleware (which runs before routing)."""
    return _too_large_page(Request(scope), exc)


#: The page that lists each kind of thing, for a 404 to point to (else the applications).
_LISTED_ON = {
    "competency": "Your profile",
    "contact": "The People page",
    "feedback": "All feedback",
    "statement": "All feedback",
    "framework": "The Frameworks page",
    "note": "The Notes page",
    "plan action": "Your plan",
    "story": "The Stories page",
    "resume highlight": "Your resume's page",
}


#: The list page a 404 offers first, for the kinds whose list is not the applications.
_LISTS = {"contact": ("/contacts", "Everyone you met")}


def _only_forms(request: Request) -> Response:
    """An address that only receives forms, asked for another way (a reload, a bookmark)."""
    routes, path = request.app.router.routes, request.url.path
    if request.method in ("GET", "HEAD"):
        # Not an error to the user: they reloaded or went back to a form's answer.
        return RedirectResponse(form_page(routes, path), status_code=303)
    # Another method (a script's PUT, a POST to a page): if GET serves a page here, that one.
    page = path if shown_at(routes, path) else form_page(routes, path)
    return error_page(
        request,
        405,
        "This address only receives forms sent from nextround's own pages, so there is "
        "nothing to show or do here.",
        "Nothing was changed. The button below opens the page the form is on.",
        back=(page, "Go to the form's page"),
    )


def install(app: FastAPI) -> None:
    """Register the handlers."""

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        # /frameworks/import, reloaded, fits /frameworks/{framework_id}: lead to its form.
        if (
            request.method in ("GET", "HEAD")
            and request.url.path in request.app.state.form_addresses
        ):
            return _only_forms(request)
        where = _LISTED_ON.get(exc.kind, "The Applications page")
        return error_page(
            request,
            404,
            f"There is no {exc.kind} with id {exc.ident}.",
            f"It may have been deleted. {where} lists what there is.",
            back=_LISTS.get(exc.kind),
        )

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:
            return error_page(
                request,
                404,
                "There is no page at this address.",
                "Check the address, or start from the dashboard.",
            )
        if exc.status_code == 405:
            return _only_forms(request)
        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        if any(error.get("loc", ("",))[0] == "path" for error in exc.errors()):
            return error_page(
                request,
                404,
                "There is no page at this address.",
                "Ids in addresses are whole numbers, e.g. /applications/12.",
            )
        return error_page(request, 400, "Some of the request's values could not be read.")

    @app.exception_handler(CsrfError)
    async def csrf_refused(request: Request, exc: CsrfError) -> Response:
        return error_page(
            request,
            403,
            f"Nothing was changed: {exc}. This protects you from other sites submitting "
            "forms to nextround on your behalf.",
            "Go back, reload the page, and submit the form again.",
        )

    @app.exception_handler(RequestTooLargeError)
    async def too_large(request: Request, exc: RequestTooLargeError) -> Response:
        return _too_large_page(request, exc)

    @app.exception_handler(OperationalError)
    async def database_down(request: Request, exc: OperationalError) -> Response:
        # Without this, a stopped PostgreSQL server meant a bare 500 and a page of SQL in the
        # log; every request recovers by itself once the server is back (the pool reconnects).
        outage = describe_outage(exc, request.app.state.nextround.engine.url)
        log.warning("%s %s: %s", request.method, request.url.path, outage.log_line)
        response = error_page(request, 503, outage.message, outage.hint)
        response.headers["retry-after"] = "10"
        return response

    @app.exception_handler(NextroundError)
    async def user_error(request: Request, exc: NextroundError) -> Response:
        return error_page(request, 400, exc.for_web())
