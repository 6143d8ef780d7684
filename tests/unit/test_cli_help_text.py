"""Help texts reflowed: one line per paragraph, examples and lists kept as written."""

from __future__ import annotations

import click

from nextround.cli.help_text import reflow_help, reflowed


def test_a_paragraph_becomes_one_line_and_paragraphs_stay_apart():
    text = """Rank the options.

    Score: the weighted mean, in rating points (0
    means Option A is met everywhere).
    """
    assert reflowed(text) == (
        "Rank the options.\n\nScore: the weighted mean, in rating points (0 means Option A is "
        "met everywhere)."
    )


def test_examples_lists_and_marked_paragraphs_keep_their_lines():
    example = "  name: Acme\n  competencies:\n    - name: Grit"
    listed = "Two kinds:\n- one that wraps\n  onto a second line\n- two"
    items = "Two kinds:\n- one that wraps\nonto a second line\n- two"
    marked = "\b\nkept\nas is"
    text = "\n\n".join(["Import it.", example, listed, items, marked])
    assert reflowed(text).split("\n\n") == [
        "Import it.",
        example,
        listed,  # indented continuation: kept whole
        "Two kinds:\n- one that wraps onto a second line\n- two",
        marked,
    ]


def test_every_command_of_a_group_is_reflowed():
    group = click.Group("g", help="Group.\n\nA\nB")
    group.add_command(click.Command("c", help="Cmd.\n\nC\nD"))
    assert reflow_help(group) is group
    assert group.help == "Group.\n\nA B"
    assert group.commands["c"].help == "Cmd.\n\nC D"
