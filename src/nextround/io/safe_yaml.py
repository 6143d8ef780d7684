"""YAML from files: the safe loader, with aliases refused so a small file cannot expand hugely."""

from __future__ import annotations

from typing import Any

import yaml

from nextround.errors import InvalidInputError, unparsable

# libyaml's C parser when present: ten times faster than the pure-Python one.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str, name: str) -> Any:
    """The document in ``text``; a syntax error or an alias is one line naming ``name``.

    Aliases (``*x`` repeating the part anchored ``&x``) are refused: a few kilobytes of
    nested aliases expand to millions of items, and everything after parsing (schema
    checks, storage) walks the expanded data.
    """
    return load_yaml_noting_comments(text, name)[0]


def load_yaml_noting_comments(text: str, name: str) -> tuple[Any, list[str]]:
    """The document in ``text``, and a note for each unquoted value a ' #' cut short.

    YAML reads " #" as the start of a comment, so "Led team #2 on call" unquoted is read
    as "Led team": the rest is lost without a word unless it is said.
    """
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        _refuse_aliases(node, name)
        return loader.construct_document(node), _cut_by_comments(node, text)
    except yaml.YAMLError as exc:
        raise _problem(name, exc, text) from None
    finally:
        loader.dispose()


def _cut_by_comments(root: yaml.Node, text: str) -> list[str]:
    """Notes on the plain (unquoted) values followed by a comment on their last line."""
    from nextround.io.syntax_hints import comment_hint

    lines = text.split("\n")
    notes = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(value for _, value in reversed(node.value))
        # The C parser marks a plain value with style "", the Python one with None.
        elif isinstance(node, yaml.ScalarNode) and not node.style and node.value:
            end = node.end_mark
            rest = lines[end.line][end.column :] if end.line < len(lines) else ""
            if rest[:1].isspace() and rest.lstrip().startswith("#"):
                notes.append(comment_hint(lines, end.line + 1, node.value))
    return notes


def _refuse_aliases(root: yaml.Node, name: str) -> None:
    """Refuse a node tree in which a node appears twice: that is what an alias makes."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise InvalidInputError(
                f"{name} repeats the part at line {node.start_mark.line + 1} with a YAML alias "
                "(*); aliases are not accepted, so write that part out in full"
            )
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)


def _problem(name: str, exc: yaml.YAMLError, text: str) -> InvalidInputError:
    """What PyYAML found wrong and where, without its '<unicode string>' framing.

    With a hint in plain words when the slip is a common one (an unquoted ": " in a value,
    a tab, a bad indentation), quoting the line to change.
    """
    from nextround.io.syntax_hints import yaml_hint

    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None)
    if mark is None or not problem:
        return InvalidInputError(f"{name} is not valid YAML: {' '.join(str(exc).split())}")
    context_mark = getattr(exc, "context_mark", None)
    line, column = mark.line + 1, mark.column + 1
    hint = yaml_hint(
        problem,
        text,
        line,
        column,
        getattr(exc, "context", None),
        context_mark.line + 1 if context_mark is not None else None,
    )
    return unparsable(name, "YAML", problem, line, column, hint)
