"""A STAR story read from Markdown-ish text: a label or a heading starts each part."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from nextround.domain.text_lines import split_lines
from nextround.errors import InvalidInputError

PARTS = ("title", "situation", "task", "action", "result")
# People head their notes "Actions" and "Results" as often as "Action" and "Result".
_NAMES = {**{p: p for p in PARTS}, **{f"{p}s": p for p in PARTS[1:]}}
_LABELS = "'Title:', 'Situation:', 'Task:', 'Action:' and 'Result:'"
_BOLD = re.compile(r"^(?P<mark>\*\*|__)(?P<inner>.+?)(?P=mark)(?P<after>.*)$")


@dataclass(frozen=True)
class _Label:
    """What a line says it starts: a label's text, what follows it, and how it was marked."""

    key: str
    rest: str
    # 1-6 for a '#' heading, 0 otherwise.
    level: int
    # A heading, or bold alone on its line ('## Notes', '**Lessons:**'): it heads a section
    # rather than opening a sentence ('Note: the team…'), so it cannot quietly join the part
    # above.
    heads: bool


def _label(stripped: str) -> _Label | None:
    """The label a line starts with, in any of the forms people write, or None.

    'Action: …', '## Action', '## Action: …', '**Action:** …', '**Action**: …',
    '__Action:__ …' and '**Action**' on its own line all start the action.
    """
    level = len(stripped) - len(stripped.lstrip("#")) if stripped.startswith("#") else 0
    body = stripped[level:].strip()
    bold = _BOLD.match(body)
    if bold:
        inner, after = bold["inner"].strip(), bold["after"]
        if inner.endswith(":"):
            key, rest = inner[:-1], after
        elif after.lstrip().startswith(":"):
            key, rest = inner, after.lstrip()[1:]
        elif not after.strip():
            key, rest = inner, ""
        elif level:
            key, rest = body, ""
        else:
            return None  # bold words opening a sentence
    else:
        key, sep, rest = body.partition(":")
        if not sep and not level:
            return None
    # A plain 'Steps:' alone on a line is a sentence of the part; only a heading or a bold
    # line on its own heads a section.
    heads = bool(level) or (bold is not None and not rest.strip())
    return _Label(key.strip().lower(), rest.strip(), level, heads)


# A label inside a line: a capitalised part name and a colon at a sentence start (the
# line's start, or after a sentence's end), bold or not: "… slots. Task: As programme …".
_INLINE = re.compile(
    r"(?:^|(?<=[.!?…)\]\"”’])\s+)(?P<label>(?:\*\*|__)?(?P<key>Title|Situation|Tasks?|Actions?"
    r"|Results?)(?:\*\*|__)?:(?:\*\*|__)?)\s"
)


def _inline_parts(line: str) -> list[str]:
    """A line holding several labelled parts, as one line per part; else the line alone.

    "Situation: … Task: … Action: … Result: …" pasted as one paragraph is split only when
    it starts with a label and each label appears once, in story order, at a sentence
    start: a "Task:" inside a sentence, or parts out of order, leave the line as written.
    """
    found = list(_INLINE.finditer(line.strip()))
    if len(found) < 2 or found[0].start() != 0:
        return [line]
    order = [PARTS.index(_NAMES[m["key"].lower()]) for m in found]
    if order != sorted(set(order)):
        return [line]
    stripped = line.strip()
    cuts = [m.start("label") for m in found] + [len(stripped)]
    return [stripped[a:b].strip() for a, b in pairwise(cuts)]


def read_star_text(text: str) -> dict[str, str]:
    """The parts of a story, each started by a label ('Situation: …') or a heading.

    Labels inside one paragraph start parts too, when each appears once and in order (see
    _inline_parts). A first heading that names no part is the title, as Markdown notes
    usually begin. A deeper heading inside a part started by a heading ('### Week 1' under
    '## Action') is part of its text. Any other line that heads a section no part is named
    after, or text before the first part, is refused rather than filed under the wrong part
    or dropped.
    """
    parts: dict[str, list[str]] = {}
    current: str | None = None
    current_level = 0
    stray: tuple[int, str] | None = None
    lines = [
        (number, piece)
        for number, whole in enumerate(split_lines(text), start=1)
        for piece in _inline_parts(whole)
    ]
    for number, line in lines:
        stripped = line.strip()
        label = _label(stripped) if stripped else None
        part = _NAMES.get(label.key) if label else None
        if label and part:
            if part in parts:
                raise InvalidInputError(
                    f"line {number} ({stripped!r}) starts the {part} a second time; give "
                    "each part once"
                )
            parts[part], current, current_level = [label.rest], part, label.level
        elif label and label.heads and not parts:
            parts["title"], current = [stripped.lstrip("#").strip().strip("*_").strip()], None
        elif label and label.heads and not (current_level and label.level > current_level):
            raise InvalidInputError(
                f"line {number} ({stripped!r}) heads a section that is not a story part; "
                f"start each part with {_LABELS}, or remove the heading"
            )
        elif current is not None:
            parts[current].append(line)
        elif stripped and stray is None:
            stray = (number, stripped)
    if not parts:
        raise InvalidInputError(
            f"found no story parts in the file; start each with {_LABELS} (or a "
            "'## Situation' heading)"
        )
    if stray is not None:
        number, stripped = stray
        raise InvalidInputError(
            f"line {number} ({stripped[:40]!r}) comes before any part; start it with {_LABELS}"
        )
    return {k: "\n".join(v).strip() for k, v in parts.items()}
