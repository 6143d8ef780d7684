"""Keys a framework file gives that no field reads: named, with the key each one likely meant.

The import goes on without them (an extra "owner:" or "level:" harms nothing), but a slip
such as "indicator:" for "indicators:" would otherwise lose every indicator unseen.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from nextround.frameworks.csv_file import near_miss
from nextround.io.schema_errors import shorten

#: Competencies named beside a key before the rest are counted.
_NAMED = 3


def meant_key(typed: str, known: Collection[str]) -> str | None:
    """The known key ``typed`` reads as a slip for: a misspelling, singular, short form."""
    close = difflib.get_close_matches(typed.strip().lower(), list(known), n=1, cutoff=0.75)
    if close and close[0] != typed:
        return close[0]
    return next((key for key in known if near_miss(typed, key)), None)


def unread_key_notes(
    data: Mapping[str, Any], top_keys: Sequence[str], competency_keys: Sequence[str]
) -> list[str]:
    """A note per key the file gives that is not read, the likely slips first."""
    notes = [
        _note(str(key), ["the framework"], top_keys, whole=True)
        for key in data
        if str(key) not in top_keys
    ]
    where: dict[str, list[str]] = {}
    for index, item in enumerate(data.get("competencies") or []):
        if not isinstance(item, Mapping):
            continue
        for key in item:
            if str(key) not in competency_keys:
                where.setdefault(str(key), []).append(_competency(item, index))
    notes += [_note(key, names, competency_keys, whole=False) for key, names in where.items()]
    return sorted(notes, key=lambda note: "did you mean" not in note)


def _competency(item: Mapping[str, Any], index: int) -> str:
    name = item.get("name")
    if isinstance(name, str) and name.strip():
        return shorten(" ".join(name.split()), 60)
    return f"competency {index + 1}"


def _note(key: str, names: Sequence[str], known: Sequence[str], *, whole: bool) -> str:
    in_what = "the framework" if whole else _listed(names)
    meant = meant_key(key, known)
    if meant:
        return (
            f"{key!r} in {in_what} is not read: did you mean {meant!r}? Rename it and import "
            "the file again; until then, what it holds is left out"
        )
    return f"ignored {key!r} in {in_what}: the keys read there are {', '.join(known)}"


def _listed(names: Sequence[str]) -> str:
    if len(names) == 1:
        return names[0]
    shown = ", ".join(names[:_NAMED])
    more = f" and {len(names) - _NAMED} more" if len(names) > _NAMED else ""
    return f"{len(names)} competencies ({shown}{more})"
