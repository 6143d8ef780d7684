"""Did you mean …? The allowed value nearest to what was typed, for errors that help."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from difflib import get_close_matches

# How alike two spellings must be (difflib's ratio) to offer one for the other.
CUTOFF = 0.6


def nearest(value: str, options: Iterable[str], cutoff: float = CUTOFF) -> str | None:
    """The option most like ``value``, if one is alike enough."""
    found = get_close_matches(value, list(options), n=1, cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(
    value: str,
    options: Iterable[str],
    shown: Callable[[str], str] = str,
    cutoff: float = CUTOFF,
) -> str:
    """The hint "; did you mean 'x'?" for the nearest option (as ``shown`` writes it), or ""."""
    near = nearest(value, options, cutoff)
    return f"; did you mean {shown(near)!r}?" if near is not None else ""


def nearest_named(value: str, named: Mapping[str, str], cutoff: float = CUTOFF) -> str | None:
    """The id in ``named`` (id -> name) whose id or name is most like ``value``, case aside.

    Someone may type the name they read ("Acme values") as well as a misspelt id.
    """
    keys: dict[str, str] = {}
    for ident, name in named.items():
        keys.setdefault(name.casefold(), ident)
    keys.update({ident.casefold(): ident for ident in named})  # an id beats a same name
    near = nearest(value.strip().casefold(), keys, cutoff)
    return keys[near] if near is not None else None
