"""Sheets checked on the Data page, held a while so they import without a second upload."""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

#: How long a checked sheet is kept for its import: time to read the preview, not a day.
HOLD_SECONDS = 30 * 60
#: At most this many are kept (the oldest gives way): at 5 MB each, 20 MB of memory at most.
ROOM = 4


@dataclass(frozen=True)
class HeldSheet:
    """The bytes of a checked sheet, as uploaded, and the name it came with."""

    filename: str | None
    raw: bytes
    until: float


class HeldSheets:
    """Checked sheets by an unguessable token, in this process's memory only.

    Nothing is written to disk or the database: a sheet not imported within HOLD_SECONDS,
    or after a restart, is simply gone and is chosen again. The token comes back in a form
    that also carries the CSRF token, so another site cannot import a held sheet.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._held: OrderedDict[str, HeldSheet] = OrderedDict()
        self._lock = threading.Lock()

    def hold(self, filename: str | None, raw: bytes) -> str:
        """Keep ``raw`` a while; the token that gives it back."""
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._forget_expired()
            while len(self._held) >= ROOM:
                self._held.popitem(last=False)
            self._held[token] = HeldSheet(filename, raw, self._clock() + HOLD_SECONDS)
        return token

    def get(self, token: str) -> HeldSheet | None:
        """The sheet held under ``token``, unless it has expired or was never held."""
        with self._lock:
            self._forget_expired()
            return self._held.get(token)

    def drop(self, token: str) -> None:
        """Forget the sheet held under ``token`` (once it is imported)."""
        with self._lock:
            self._held.pop(token, None)

    def _forget_expired(self) -> None:
        now = self._clock()
        for token in [t for t, held in self._held.items() if held.until <= now]:
            del self._held[token]
