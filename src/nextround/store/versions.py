"""A cheap token that changes whenever committed data changes, so read caches know when to drop."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Hashable
from pathlib import Path

from sqlalchemy import Engine, func, select

from nextround.store import tables as t

#: Tables whose rows the web app's cached read models are built from (the embedding cache
#: is not among them: it changes no page).
_WATCHED = (
    t.applications,
    t.rounds,
    t.interviews,
    t.decisions,
    t.feedback,
    t.contacts,
    # The growth pages: statements, debriefs, the story bank and imported frameworks.
    t.statements,
    t.debriefs,
    t.stories,
    t.frameworks,
    # The application page shows the Option A check and the latest thank-you note.
    t.notes,
    t.option_ratings,
    # The framework in use, among others.
    t.preferences,
)


class DataVersion:
    """``current()`` returns a value that differs after any commit, from any process."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._probe: sqlite3.Connection | None = None
        database = engine.url.database
        on_disk = database not in (None, "", ":memory:") and not str(database).startswith("file:")
        if engine.dialect.name == "sqlite" and database and on_disk:
            # SQLite's data_version moves whenever *another* connection commits, in this
            # process or any other. A private connection that never writes therefore sees
            # every commit, for the cost of a pragma (a few microseconds).
            uri = f"{Path(database).resolve().as_uri()}?mode=ro"
            self._probe = sqlite3.connect(uri, uri=True, check_same_thread=False)

    def current(self) -> Hashable:
        """The data version now."""
        if self._probe is not None:
            with self._lock:
                row = self._probe.execute("PRAGMA data_version").fetchone()
            return ("sqlite", row[0])
        return ("fingerprint", self._fingerprint())

    def _fingerprint(self) -> tuple[object, ...]:
        # Elsewhere (PostgreSQL), rows counted and the latest change per table: every use case
        # stamps updated_at, and deletes change the counts.
        parts = []
        for table in _WATCHED:
            parts += [
                select(func.count()).select_from(table).scalar_subquery(),
                select(func.max(table.c.updated_at)).scalar_subquery(),
            ]
            if "id" in table.c:
                parts.append(select(func.max(table.c.id)).scalar_subquery())
        # The plan has no stamps: a done toggle or the week's pick changes how many actions
        # are done or picked, and a refresh their number.
        a = t.plan_actions.c
        measures = (func.count(), func.count(a.done_on), func.count(a.week), func.max(a.done_on))
        for measure in measures:
            parts.append(select(measure).select_from(t.plan_actions).scalar_subquery())
        with self._engine.connect() as conn:
            return tuple(conn.execute(select(*parts)).one())

    def close(self) -> None:
        """Close the private connection."""
        if self._probe is not None:
            self._probe.close()
            self._probe = None
