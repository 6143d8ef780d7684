"""Plain hints for the slips people make writing YAML or JSON by hand, quoting the line."""

from __future__ import annotations

import json
import re

from nextround.errors import InvalidInputError, unparsable
from nextround.io.schema_errors import shorten

#: Longest stretch of a line quoted in a hint.
LINE_MAX = 80
#: "key: value" on a line of YAML, a list's "- " before it allowed.
_KEY_VALUE = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[^\s:#][^:#]*?):\s+(?P<value>.+?)\s*$")
#: Characters that YAML reads as its own at the start of a value.
_YAML_STARTS = "@`%*&!|>[{\"'"


def quoted_line(lines: list[str], number: int, column: int = 0) -> str:
    """Line ``number`` (1-based) as “…”, indentation left out; "" past the end.

    A long line (a JSON file written on one line) is quoted around ``column``, where the
    parser stopped, so the slip is in what is quoted.
    """
    if not 1 <= number <= len(lines):
        return ""
    text = lines[number - 1]
    if len(text.strip()) <= LINE_MAX or column < 1:
        return f"line {number} reads “{shorten(text.strip(), LINE_MAX)}”"
    start = max(0, column - 1 - (LINE_MAX - 20))
    part = text[start : column - 1 + 20]
    before = "…" if start else ""
    after = "…" if column - 1 + 20 < len(text) else ""
    return f"line {number} reads, near column {column}, “{before}{part.strip()}{after}”"


def _in_quotes(value: str) -> str:
    """The value as YAML text in quotes: double ones, single ones when it holds a double."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _as_in(line: str) -> str:
    """', as in description: "…"', the line's value put in quotes; "" if it is no key: value."""
    match = _KEY_VALUE.match(line)
    if not match:
        return ""
    return f", as in {shorten(match['key'] + ': ' + _in_quotes(match['value']), LINE_MAX + 20)}"


def comment_hint(lines: list[str], number: int, value: str) -> str:
    """Line ``number`` ends in a comment that cut its unquoted value short: how to keep it."""
    here = lines[number - 1].rstrip("\r")
    item = re.match(r"^\s*-\s+(?P<value>[^\s\[{].*?)\s*$", here)
    as_in = _as_in(here)
    if not as_in and item:
        as_in = f", as in {shorten('- ' + _in_quotes(item['value']), LINE_MAX + 20)}"
    return (
        f"{quoted_line(lines, number)}: the text after ' #' was read as a YAML comment, so "
        f"the value read is “{shorten(value, LINE_MAX)}”; if the text belongs to it, put the "
        f"value in quotes{as_in}"
    )


def yaml_hint(
    problem: str,
    text: str,
    line: int,
    column: int,
    context: str | None = None,
    context_line: int | None = None,
) -> str | None:
    """What to change in the file, for a YAML syntax error at ``line``, ``column`` (1-based).

    PyYAML's C and Python parsers word the same error differently ("mapping values are
    not allowed in this context" / "… here"), so the hints go by the line itself as much as
    by the words.
    """
    lines = text.splitlines()
    here = lines[line - 1] if 1 <= line <= len(lines) else ""
    at = here[column - 1 : column] if column >= 1 else ""
    quoted = quoted_line(lines, line)
    value_start = _value_start(here)
    if problem.startswith("mapping values are not allowed"):
        if ":" not in here[: column - 1]:
            # The colon is the line's first: the key is in the wrong place, not the value.
            return (
                f"{quoted}; check its indentation: the keys of one item start in the same "
                "column, and a value's text goes on the key's own line or further in"
            )
        return f'{quoted}: a value containing ": " must be in quotes{_as_in(here)}'
    if at == "\t" or "'\\t'" in problem:
        return f"{quoted}: YAML is indented with spaces, not tabs; replace the tab with spaces"
    if "escape" in problem:
        return (
            f"{quoted}: inside double quotes a backslash starts an escape; use single quotes "
            "around the text, or write each backslash twice"
        )
    if "end of stream" in problem and context and "quoted" in context and context_line:
        opened = quoted_line(lines, context_line)
        return f"{opened}: the quote opened there is never closed; add the closing quote"
    if "could not find expected ':'" in problem and context_line:
        opened = quoted_line(lines, context_line)
        return (
            f"{opened}: it has no ': ' after its key; if it continues the text above, put "
            "that whole text on one line, or in quotes"
        )
    if value_start is not None and value_start in "\"'":
        return (
            f"{quoted}: a value starting with a quote must end with it; to keep the quote in "
            f"the text, put the whole value in the other kind of quotes{_as_in(here)}"
        )
    if value_start is not None and value_start in _YAML_STARTS:
        return (
            f"{quoted}: YAML reads a value starting with {value_start!r} as its own syntax, "
            f"so it must be in quotes{_as_in(here)}"
        )
    if context and ("block collection" in context or "block mapping" in context):
        return (
            f"{quoted}; check its indentation: the items of a list start with '-' in the "
            "same column, and the keys of one item start in the same column"
        )
    return None


def _value_start(line: str) -> str | None:
    """The first character of the value on a "key: value" line, if there is one."""
    match = _KEY_VALUE.match(line)
    return match["value"][0] if match else None


def json_hint(problem: str, text: str, line: int, column: int) -> str | None:
    """What to change in the file, for the error Python's JSON parser gives at a place."""
    lines = text.splitlines()
    if not text.strip():
        return "the file is empty"
    here = lines[line - 1] if 1 <= line <= len(lines) else ""
    at = here[column - 1 : column] if column >= 1 else ""
    quoted = quoted_line(lines, line, column)
    if problem.startswith(("Expecting property name", "Expecting value")):
        if not at and not "".join(lines[line:]).strip():
            # Nothing after the place the parser stopped: the file was cut short.
            missing = "it is cut short, or a closing '}' or ']' is missing"
            return (
                f"{quoted}: the file ends there; {missing}"
                if quoted
                else f"the file ends early; {missing}"
            )
        if at in "]}" and at:
            return f"{quoted}: remove the comma before {at!r}; JSON allows none after the last item"
        if at == "'":
            return f'{quoted}: JSON puts names and text in double quotes ("), not single ones'
        word = re.match(r"[A-Za-z]+", here[column - 1 :])
        if word and word[0] in ("True", "False", "None", "TRUE", "FALSE", "NULL", "Null"):
            return f"{quoted}: JSON writes true, false and null in lower case"
        return f'{quoted}: put names and text in double quotes ("…")'
    if problem.startswith("Expecting ',' delimiter"):
        return (
            f"{quoted}: a comma is missing between two items just before, or a double "
            'quote inside a text is not written as \\"'
        )
    if problem.startswith("Expecting ':' delimiter"):
        return f"{quoted}: a name must be followed by ':' and its value"
    if problem.startswith("Invalid control character"):
        return f"{quoted}: a line break or tab inside a text must be written as \\n or \\t"
    if problem.startswith("Invalid \\escape"):
        return f"{quoted}: a backslash inside a text must be written twice (\\\\)"
    if problem.startswith("Unterminated string"):
        return f"{quoted}: the text starting there has no closing double quote"
    if problem.startswith("Extra data"):
        return (
            f"{quoted}: the file goes on after its closing '}}'; remove what follows, or the "
            "'}' that closes it too early"
        )
    return None


def unparsable_json(name: str, exc: json.JSONDecodeError) -> InvalidInputError:
    """The error for file ``name`` that is not valid JSON: where, the line, and what to change."""
    hint = json_hint(exc.msg, exc.doc, exc.lineno, exc.colno)
    return unparsable(name, "JSON", exc.msg, exc.lineno, exc.colno, hint)
