"""Dependency aliases the routes declare: the per-request Web handle and the submitted form."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Annotated, Any, TypeVar

from fastapi import Depends
from starlette.datastructures import FormData, State
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from nextround.bootstrap import Nextround
from nextround.domain.text_lines import newline_ends
from nextround.store.uow import SqlUnitOfWork
from nextround.web.cache import ReadCache
from nextround.web.rendering import Renderer, is_htmx

T = TypeVar("T")


class Web:
    """What a route works with: use cases in a unit of work, cached reads, and rendering."""

    def __init__(self, state: State, request: Request | None = None) -> None:
        self._request = request
        self.nextround: Nextround = state.nextround
        self.cache: ReadCache = state.cache
        self.renderer: Renderer = state.renderer
        self._shared = False

    @property
    def request(self) -> Request:
        """The request being answered (absent while warming caches at start-up)."""
        assert self._request is not None, "this Web handle serves no request"
        return self._request

    def read(self, use_case: Callable[[SqlUnitOfWork], T]) -> T:
        """Run a read-only use case."""
        with self.nextround.uow(writes=False) as uow:
            return use_case(uow)

    def write(self, use_case: Callable[[SqlUnitOfWork], T]) -> T:
        """Run a use case that changes data; cached read models are dropped once it commits."""
        with self.nextround.uow() as uow:
            result = use_case(uow)
        self.cache.bump()
        # The app runs for hours: without this, a copy of the database file taken meanwhile
        # (a backup tool, a sync folder) would miss everything written since it started.
        self.nextround.checkpoint()
        return result

    def cached(self, key: Hashable, use_case: Callable[[SqlUnitOfWork], T]) -> T:
        """A read use case's result, reused until the data changes."""
        return self.cache.get(key, lambda: self.read(use_case))

    def page(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        """A full HTML page."""
        if self._shared:
            context["csrf_token"] = self.renderer.token_placeholder
        return self.renderer.page(self.request, template, status, **context)

    def shared_page(self, key: Hashable, render: Callable[[], Response]) -> Response:
        """A page that is the same for every visitor until the data changes.

        It is rendered once with a stand-in for the session's CSRF token (a random value
        per process, so no user text can mimic it), cached like any read model, and the
        token is filled in per response. A pending flash message bypasses the cache.
        """
        if self.renderer.read_flash(self.request) is not None:
            return render()

        def build() -> tuple[int, bytes]:
            self._shared = True
            try:
                response = render()
            finally:
                self._shared = False
            return response.status_code, bytes(response.body)

        status, body = self.cache.get(("page", key), build)
        token = self.request.state.csrf_token.encode("ascii")
        filled = body.replace(self.renderer.token_placeholder.encode("ascii"), token)
        return HTMLResponse(filled, status)

    def fragment(
        self, template: str, block: str, status: int = 200, **context: Any
    ) -> HTMLResponse:
        """One block of a page, for htmx."""
        return self.renderer.fragment(self.request, template, block, status, **context)

    def fragments(
        self, parts: Iterable[tuple[str, str | None]], status: int = 200, **context: Any
    ) -> HTMLResponse:
        """Several blocks, for htmx: its target's first, then out-of-band ones."""
        return self.renderer.fragments(self.request, parts, status, **context)

    def redirect(
        self,
        url: str,
        flash: str | None = None,
        warning: str | None = None,
        links: tuple[tuple[str, str, str, str], ...] = (),
    ) -> RedirectResponse:
        """See-other after a successful post, with a one-time message (and a warning)."""
        return self.renderer.redirect(url, flash, warning, links)

    def htmx(self, target: str | None = None) -> bool:
        """Whether htmx asked (for element ``target``)."""
        return is_htmx(self.request, target)


def get_web(request: Request) -> Web:
    """The Web handle for this request."""
    return Web(request.app.state, request)


async def get_form(request: Request) -> FormData:
    """The submitted form, parsed once (the CSRF check may already have read it).

    Browsers send a textarea's line ends as CRLF (the HTML standard says so), while the
    command line reads them as LF: every text field is made LF here, so a note or feedback
    is stored the same whichever way it came in, and its statements' offsets agree.
    """
    form = await request.form()
    return FormData(
        [(name, newline_ends(v) if isinstance(v, str) else v) for name, v in form.multi_items()]
    )


WebDep = Annotated[Web, Depends(get_web)]
FormDep = Annotated[FormData, Depends(get_form)]
