"""JSON Schema errors in words: where the first problem is, and what to do, in one short line."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

#: Longest stretch of the user's own data quoted in a message: a 10 KB value must not flood it.
QUOTE_MAX = 60

_KINDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping (key: value pairs)",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}


def json_path(parts: Iterable[Any]) -> str:
    """Render a path as $.tables.applications[3].company."""
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def first_error(doc: Any, errors: Iterable[Any]) -> Any:
    """The error that comes first in the document as written, or None if there is none."""
    return min(errors, key=lambda e: document_order(doc, e.absolute_path), default=None)


def document_order(doc: Any, path: Any) -> tuple[int, ...]:
    """Where a path falls in the document as written, so the first problem is reported first."""
    key: list[int] = []
    node = doc
    for part in path:
        if isinstance(node, Mapping):
            keys = list(node)
            key.append(keys.index(part) if part in keys else len(keys))
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int):
            key.append(part)
            node = node[part] if part < len(node) else None
        else:
            break
    return tuple(key)


def reason(error: Any, *, yaml: bool = False) -> str:
    """What is wrong at the error's path, quoting at most a little of the value.

    jsonschema's own messages start with the whole offending value: 501 competencies
    would be printed in full before "is too long". ``yaml`` adds the quoting hint for
    YAML's unquoted yes and no, which it reads as true and false.
    """
    validator, limit, value = error.validator, error.validator_value, error.instance
    if validator == "type":
        return _wrong_type(value, [limit] if isinstance(limit, str) else list(limit), yaml=yaml)
    if validator == "required":
        missing = [k for k in limit if k not in value]
        return f"{missing[0]!r} is missing" if missing else shorten(error.message)
    if validator == "maxLength":
        return f"is {len(value):,} characters long; at most {limit:,}"
    if validator == "minLength":
        return "is empty; fill it in"
    if validator == "maxItems":
        return f"{len(value):,} {_items(error)}; at most {limit:,}"
    if validator == "minItems":
        if not value and limit == 1:
            return "is empty; list at least one"
        return f"has {len(value)} {_items(error)}; give at least {limit}"
    return shorten(error.message)


def shorten(text: str, limit: int = 300) -> str:
    """``text`` cut to ``limit`` characters, the cut marked."""
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def _items(error: Any) -> str:
    """What a list holds, named after its key: 'competencies', or plain 'items'."""
    last = error.path[-1] if error.path else None
    return last.replace("_", " ") if isinstance(last, str) else "items"


def _wrong_type(value: Any, expected: list[str], *, yaml: bool) -> str:
    if value is None and "string" in expected:
        return "is empty; fill it in"
    wanted = " or ".join(_KINDS.get(kind, kind) for kind in expected if kind != "null")
    if isinstance(value, bool):
        found = str(value).lower()
        if yaml and "string" in expected:
            word = "yes" if value else "no"
            return (
                f"should be {wanted}, but YAML reads an unquoted yes, no, on, off, true or "
                f'false as {found}; put the text in quotes, e.g. "{word}"'
            )
    elif isinstance(value, int | float):
        found = repr(value)
        if "string" in expected:
            return f'should be {wanted}, not the number {found}; put it in quotes: "{found}"'
    elif isinstance(value, str):
        found = f"the text {shorten(repr(value), QUOTE_MAX)}"
    elif isinstance(value, list):
        found = "a list"
    elif isinstance(value, dict):
        found = "a mapping"
    else:
        found = "empty" if value is None else type(value).__name__
    return f"should be {wanted}, not {found}"
