"""Checks for the plain values users type: names, free text, tags, links."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from nextround.errors import DomainError

# NUL cannot be stored by PostgreSQL and the other C0 controls are never meant in typed text;
# tab, newline and carriage return are kept because notes and postings are multi-line.
CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")
_TAG_MAX = 40
_TAG_PUNCTUATION = frozenset("_.+#/-")

NAME_MAX = 200
TEXT_MAX = 100_000

#: Each field's own rule, by the record's attribute name: the rule reads the fields it needs
#: and gives the field's value checked, or raises DomainError. A record's check applies them
#: all (apply_rules); a form applies each on its own, so that every bad field shows at once.
FieldRules = Mapping[str, Callable[[Mapping[str, Any]], Any]]


def apply_rules(record: object, rules: FieldRules) -> None:
    """Check a record's fields by their rules, in order, keeping each checked value."""
    for field, rule in rules.items():
        setattr(record, field, rule(vars(record)))


def text(
    value: str | None, field: str, *, required: bool = False, limit: int = TEXT_MAX
) -> str | None:
    """Validate free text: trimmed, no control characters, within ``limit`` characters."""
    if value is None or not value.strip():
        if required:
            raise DomainError(f"{field} is required; give a non-empty value")
        return None
    value = no_control_characters(value.strip(), field)
    if len(value) > limit:
        raise DomainError(f"{field} is {len(value):,} characters long; the limit is {limit:,}")
    return value


def no_control_characters(value: str, field: str) -> str:
    """The value, unless it holds a control character other than tab or a line break."""
    bad = _CONTROL.search(value)
    if bad:
        raise DomainError(
            f"{field} contains the control character {bad.group()!r} at position "
            f"{bad.start()}; remove it"
        )
    return value


def name(value: str | None, field: str) -> str:
    """Validate a required one-line name such as a company or a role title."""
    checked = text(value, field, required=True, limit=NAME_MAX)
    assert checked is not None
    if "\n" in checked:
        raise DomainError(f"{field} must be a single line")
    return checked


def tags(values: Iterable[str], field: str = "tag", *, join_words: bool = False) -> list[str]:
    """Normalise tags to lower case, unique, in the order given.

    With ``join_words``, the words of one tag are joined with hyphens: "digital health",
    typed between commas, is the one tag digital-health.
    """
    seen: list[str] = []
    for raw in values:
        tag = joined_tag_key(raw) if join_words else tag_key(raw)
        if not tag:
            continue
        if not _is_tag(tag):
            spaces = "" if join_words else ", no spaces"
            raise DomainError(
                f"{field} {raw!r} is not valid; use letters, digits and - _ . + # / "
                f"(at most 40 characters{spaces})"
            )
        if tag not in seen:
            seen.append(tag)
    return seen


def tag_key(raw: str) -> str:
    """A tag as it is stored and matched: trimmed, lower case, composed (NFC)."""
    return unicodedata.normalize("NFC", raw.strip().lower())


def joined_tag_key(raw: str) -> str:
    """A tag of several words as it is stored and matched: "Digital  health" is digital-health."""
    return re.sub(r"\s+", "-", tag_key(raw))


def _is_tag(tag: str) -> bool:
    """Letters, digits and marks of any script, and _ . + # / - after the first character.

    Marks count because lower-casing can produce them: "İ" becomes "i" plus a combining dot,
    and scripts such as Devanagari write vowels as marks.
    """
    if len(tag) > _TAG_MAX or (unicodedata.category(tag[0])[0] not in "LN" and tag[0] != "_"):
        return False
    return all(unicodedata.category(c)[0] in "LNM" or c in _TAG_PUNCTUATION for c in tag[1:])


def url(value: str | None, field: str) -> str | None:
    """Validate an optional http(s) link."""
    checked = text(value, field, limit=2_000)
    if checked is None:
        return None
    if re.match(r"^https?://[^\s/$.?#][^\s]*$", checked, re.IGNORECASE):
        return checked
    scheme = re.match(r"^https?://", checked, re.IGNORECASE)
    if scheme is None:
        raise DomainError(f"{field} {checked!r} is not a web address; start it with https://")
    if re.search(r"\s", checked):
        # Pasted with the text around it, or with a quote and an attribute after it.
        problem = "it has a space in it, which no web address holds"
    else:
        problem = f"the site's name is missing after {scheme.group()}"
    raise DomainError(
        f"{field} {checked!r} is not a web address: {problem}; copy the link again from the "
        "browser's address bar"
    )
