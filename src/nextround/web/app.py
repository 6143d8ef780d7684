"""The web app factory: one FastAPI app over one Nextround app object."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.routing import APIRoute
from starlette.staticfiles import StaticFiles

from nextround.bootstrap import Nextround
from nextround.store.versions import DataVersion
from nextround.web import errors
from nextround.web.cache import ReadCache
from nextround.web.csrf import CsrfCookie, verify_csrf
from nextround.web.held_sheets import HeldSheets
from nextround.web.limits import BodyLimit
from nextround.web.recent_adds import RecentAdds
from nextround.web.rendering import NAVIGATION, STATIC, Renderer, where_data_lives
from nextround.web.routes import ROUTERS, warm_up
from nextround.web.security import AccessGuard, SecurityHeaders, load_secret


def create_app(nextround: Nextround, *, warm: bool = False) -> FastAPI:
    """Build the web app. ``warm`` precomputes the dashboard and list in the background."""
    settings = nextround.settings
    secret = load_secret(settings.data_dir)
    version = DataVersion(nextround.engine)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if warm:
            threading.Thread(
                target=warm_up, args=(app,), name="nextround-warm", daemon=True
            ).start()
        yield
        version.close()

    app = FastAPI(
        title="nextround",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        # Every route runs the CSRF check; it returns at once for safe methods.
        dependencies=[Depends(verify_csrf)],
    )
    app.state.nextround = nextround
    app.state.cache = ReadCache(version.current, ttl=60.0)
    app.state.renderer = renderer = Renderer(secret, where_data_lives(nextround.engine.url))
    app.state.held_sheets = HeldSheets()
    app.state.recent_adds = RecentAdds()
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    served = {
        route.path
        for router in ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute) and "GET" in (route.methods or ())
    }
    renderer.nav = tuple(item for item in NAVIGATION if item.path in served)
    app.state.pages = frozenset(served)  # the route paths GET serves, e.g. /applications/{app_id}
    # Fixed addresses that receive forms: one may also fit a page's pattern (/frameworks/import
    # fits /frameworks/{framework_id}), so that a GET of it is a 404, not a 405.
    app.state.form_addresses = frozenset(
        route.path
        for router in ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute) and "POST" in (route.methods or ()) and "{" not in route.path
    )
    errors.install(app)
    # Added innermost first: the headers wrap everything, then the token and Host check,
    # then the CSRF cookie, then the body limit, before any route sees the request.
    app.add_middleware(
        BodyLimit, limit=settings.upload_limit_bytes, too_large=errors.render_too_large
    )
    app.add_middleware(CsrfCookie, secret=secret)
    app.add_middleware(AccessGuard, token=settings.access_token, secret=secret)
    app.add_middleware(SecurityHeaders)
    return app
