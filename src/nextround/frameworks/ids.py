"""Ids made from names, typed on the command line: 'Über Führung' -> 'uber-fuhrung'."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Latin letters that NFKD does not split into a base letter and an accent.
_UNSPLIT = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)


def slug(text: str) -> str:
    """A readable id from a name, accents folded; '' when no letter a-z or digit is left.

    'Bias for Action' -> 'bias-for-action', 'Über Führung' -> 'uber-fuhrung',
    '领导力' -> ''.
    """
    folded = unicodedata.normalize("NFKD", text.lower().translate(_UNSPLIT))
    plain = folded.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:80]


def framework_fallback(name: str) -> str:
    """An id for a framework whose name has no letter a-z: the same name, the same id.

    Stable, so importing the same file again with --replace finds the framework.
    """
    return f"framework-{hashlib.blake2s(name.encode(), digest_size=3).hexdigest()}"


def competency_fallback(position: int) -> str:
    """An id for the competency at ``position`` (1-based) whose name has no letter a-z."""
    return f"competency-{position}"
