"""The page a form is on, for the addresses that only receive forms (POST).

A form shown again with its errors is the answer to a POST, so the browser's address bar
holds the form's address: reloaded, bookmarked or reached with Back, that address is asked
for with GET, which it does not serve. Each is taken to the page the form lives on instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.requests import Request
from starlette.routing import BaseRoute, Match


def shown_at(routes: Sequence[BaseRoute], path: str) -> bool:
    """Whether GET serves a page at ``path``."""
    scope = {"type": "http", "path": path, "method": "GET", "root_path": ""}
    return any(r.matches(scope)[0] is Match.FULL for r in routes)


def form_page(routes: Sequence[BaseRoute], path: str) -> str:
    """The page whose form posts to ``path``: its own new-item page, else the nearest parent.

    ``/applications/3/rounds`` is on ``/applications/3``, ``/applications/3/notes`` on
    ``/applications/3/notes/new``, ``/options/weights`` on ``/options``; a round or an
    interview (``/rounds/7``) has its own address that leads to its application.
    """
    path = path.rstrip("/") or "/"
    if path != "/" and shown_at(routes, f"{path}/new"):
        return f"{path}/new"
    while path != "/":
        path = path.rsplit("/", 1)[0] or "/"
        if shown_at(routes, path):
            return path
    return "/"


def form_address(request: Request) -> str:
    """The address to show for a page that answers a form: its own if GET serves it too."""
    own = getattr(request.scope.get("route"), "path", None)
    if own in request.app.state.pages:
        return request.url.path
    return form_page(request.app.router.routes, request.url.path)
