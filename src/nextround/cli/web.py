"""`nextround serve`: the local web app, on this machine only unless a token is set."""

from __future__ import annotations

import socket
import threading
import time
from typing import TYPE_CHECKING, Annotated

import typer

from nextround.cli.common import console, escape, state
from nextround.errors import InvalidInputError

if TYPE_CHECKING:
    import uvicorn


def serve(
    ctx: typer.Context,
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. Anything but loopback needs NEXTROUND_ACCESS_TOKEN."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo", help="Load the demo journey into a fresh demo database and open onto it."
        ),
    ] = False,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the app in your web browser once it is up.")
    ] = False,
) -> None:
    """Start the local web app (http://127.0.0.1:8000 by default); Ctrl+C stops it."""
    # Heavy imports live here: every other command must start in well under half a second.
    import uvicorn

    from nextround.config import Settings
    from nextround.store.urls import shown
    from nextround.web import create_app
    from nextround.web.security import check_bind

    st = state(ctx)
    check_bind(host, Settings.from_env(database_url=st.db).access_token)
    _check_port_free(host, port)
    start_path = "/"
    if demo:
        from nextround.cli.demo import load_demo_database

        # With its plan built: the plan page opens populated, as `nextround demo` shows.
        nextround, loaded, *_ = load_demo_database(st)
        start_path = f"/applications/{loaded.main_application}"
    else:
        nextround = st.app
    app = create_app(nextround, warm=True)
    server = uvicorn.Server(
        uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False)
    )
    where = f"[{host}]" if ":" in host else host
    url = f"http://{where}:{port}{start_path}"
    out = console()
    # Whole lines, so the address and the database can be copied from any terminal width.
    out.print(f"nextround is running at {escape(url)}", highlight=False, soft_wrap=True)
    database = shown(nextround.settings.resolved_database_url)
    out.print(f"Database: {escape(database)}", highlight=False, soft_wrap=True)
    if nextround.settings.access_token:
        out.print("Access token required: open the address once with ?token=YOUR_TOKEN.")
    out.print("Press Ctrl+C to stop.")
    if open_browser:
        threading.Thread(target=_open_when_up, args=(server, url), daemon=True).start()
    try:
        server.run()
    finally:
        nextround.close()


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise InvalidInputError(
                f"cannot listen on {host}:{port} ({exc.strerror}); is nextround already "
                f"running? Try another port, e.g. --port {port + 1}"
            ) from None


def _open_when_up(server: uvicorn.Server, url: str) -> None:
    import webbrowser

    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    if server.started:
        webbrowser.open(url)
