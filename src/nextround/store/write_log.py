"""Which tables a process's committed transactions wrote to, so an interrupt can say so."""

from __future__ import annotations

import re

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

_WRITE = re.compile(r"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+[\"`]?(\w+)", re.IGNORECASE)
_PENDING = "nextround_written"
#: Not the person's data: a cache, and the schema's version.
_UNTOLD = frozenset({"embedding_cache", "alembic_version"})


class WriteLog:
    """The tables written by the transactions committed so far, in the order first written."""

    def __init__(self) -> None:
        self.committed: list[str] = []

    def watch(self, engine: Engine) -> None:
        """Record every committed write on ``engine`` from now on."""
        event.listen(engine, "before_cursor_execute", self._seen)
        event.listen(engine, "commit", self._committed)
        event.listen(engine, "rollback", self._rolled_back)

    @staticmethod
    def _seen(conn: Connection, _cursor: object, statement: str, *_: object) -> None:
        found = _WRITE.match(statement)
        if found and found.group(1).lower() not in _UNTOLD:
            conn.info.setdefault(_PENDING, []).append(found.group(1).lower())

    def _committed(self, conn: Connection) -> None:
        for table in conn.info.pop(_PENDING, []):
            if table not in self.committed:
                self.committed.append(table)

    @staticmethod
    def _rolled_back(conn: Connection) -> None:
        # A connection the server dropped has no info to ask (it would raise while the
        # rollback is under way); its pool record clears its info when it reconnects.
        if not conn.invalidated:
            conn.info.pop(_PENDING, None)
