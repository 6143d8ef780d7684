"""`nextround demo`: load the bundled journey into a fresh database and tell its story."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from nextround.cli.common import State, console, escape
from nextround.errors import InvalidInputError

if TYPE_CHECKING:
    from nextround.bootstrap import Nextround
    from nextround.services.demo import LoadedDemo


def _demo_database(st: State) -> tuple[str, Path | None]:
    """The URL to load into, and the demo file to reset when it is the default one."""
    from nextround.config import Settings

    settings = Settings.from_env(database_url=st.db)
    if settings.database_url:
        return settings.database_url, None
    path = settings.data_dir / "demo.sqlite3"
    return f"sqlite:///{path}", path


def load_demo_database(st: State) -> tuple[Nextround, LoadedDemo, str, Path | None]:
    """A fresh demo database with the journey loaded: (app object, ids, URL, file)."""
    from nextround.bootstrap import Nextround
    from nextround.config import Settings
    from nextround.services.demo import load_demo

    url, reset_path = _demo_database(st)
    if reset_path is not None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{reset_path}{suffix}").unlink(missing_ok=True)
    nextround = Nextround(Settings.from_env(database_url=url))
    with nextround.uow() as uow:
        if uow.applications.count():
            raise InvalidInputError(
                "the demo needs an empty database, and this one has data; "
                "run `nextround demo` without --db to use the demo database"
            )
        loaded = load_demo(uow)
    return nextround, loaded, url, reset_path


def run_demo(st: State) -> None:
    """Load the demo, then print the main process's timeline and the funnel."""
    from nextround.cli.render import render_stats, render_timeline
    from nextround.services.overview import stats, timeline

    nextround, loaded, url, reset_path = load_demo_database(st)
    with nextround.uow() as uow:
        app, events = timeline(uow, loaded.main_application)
        result = stats(uow)
    out = console()
    out.print(
        f"Loaded the demo journey: {len(loaded.applications)} applications, "
        f"{len(loaded.interviews)} interviews, {len(loaded.contacts)} contacts.\n"
        f"Demo database: {escape(url)}\n"
    )
    render_timeline(app, events)
    out.print()
    render_stats(result)
    out.print(f"\nExplore it: nextround --db {escape(reset_path or url)} app list")
    nextround.close()
