"""Forms for a new record sent twice within seconds (a double press): saved once."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

#: A form sent again, field for field, within this long is the same press sent twice. Long
#: enough for a slow save; far too short to type a second application, which goes through.
SAME_PRESS_SECONDS = 10.0
#: Only the last few adds are remembered: a double press comes right after the first.
ROOM = 32

#: Fields that say nothing about the record: the form's token.
_NOT_THE_RECORD = frozenset({"csrf_token"})


def form_key(action: str, fields: Iterable[tuple[str, object]]) -> str:
    """What a submitted form asks for: its address and every value sent, in order."""
    digest = hashlib.sha256(action.encode())
    for name, value in fields:
        if name not in _NOT_THE_RECORD and isinstance(value, str):
            digest.update(b"\0" + name.encode() + b"\0" + value.encode())
    return digest.hexdigest()


class RecentAdds:
    """The records the last adds created, by form key, in this process's memory only.

    A second identical post within SAME_PRESS_SECONDS gets the record the first created
    instead of a copy. The browser shows the answer to the last press, so both must lead to
    the same record.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._added: OrderedDict[str, tuple[int, float]] = OrderedDict()
        # One add at a time: the second press arrives while the first is still saving.
        self._lock = threading.Lock()

    def add_once(
        self, key: str, add: Callable[[], int], still_there: Callable[[int], bool]
    ) -> tuple[int, bool]:
        """The id ``add`` creates, or the one an identical add made just before; and whether new.

        ``still_there`` tells whether that earlier record still exists (it may have been
        deleted meanwhile, and is then added again).
        """
        with self._lock:
            now = self._clock()
            for stale in [k for k, (_, until) in self._added.items() if until <= now]:
                del self._added[stale]
            earlier = self._added.get(key)
            if earlier is not None and still_there(earlier[0]):
                return earlier[0], False
            record_id = add()
            self._added[key] = (record_id, now + SAME_PRESS_SECONDS)
            self._added.move_to_end(key)
            while len(self._added) > ROOM:
                self._added.popitem(last=False)
            return record_id, True
