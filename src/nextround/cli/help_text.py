"""Commands' help texts reflowed, so the terminal wraps each paragraph once, at its width."""

from __future__ import annotations

import inspect

import click

#: Lines that start an item of a list: they keep their own line.
_ITEM_STARTS = ("- ", "• ", "* ")


def reflowed(text: str) -> str:
    """``text`` with the line breaks inside each paragraph turned into spaces.

    Docstrings are wrapped for the source file, at about 90 columns; Rich keeps those breaks
    and wraps again at the terminal's width, which leaves a word or two on a line of its own
    ("… in rating points (0 / means / Option A is met …"). A paragraph with an indented line
    (an example, such as a YAML file) or marked with click's backspace mark keeps its lines, and a
    list keeps one item per line.
    """
    paragraphs = []
    for paragraph in inspect.cleandoc(text).split("\n\n"):
        lines = paragraph.split("\n")
        if paragraph.startswith("\b") or any(line[:1].isspace() for line in lines):
            paragraphs.append(paragraph)
            continue
        joined: list[str] = []
        for line in lines:
            if joined and not line.startswith(_ITEM_STARTS):
                joined[-1] += " " + line.strip()
            else:
                joined.append(line.strip())
        paragraphs.append("\n".join(joined))
    return "\n\n".join(paragraphs)


def reflow_help(command: click.Command) -> click.Command:
    """Reflow the help of a command and of every command under it; returns the command."""
    if command.help:
        command.help = reflowed(command.help)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            reflow_help(sub)
    return command
