"""Every command explains itself; --help never opens a database."""

from __future__ import annotations

import re

import click
import pytest
import typer
from click.testing import CliRunner

from nextround.cli import app as typer_app

COMMANDS = [
    "init",
    "app add",
    "app list",
    "app show",
    "app edit",
    "app close",
    "app reopen",
    "app rm",
    "round add",
    "round edit",
    "interview add",
    "interview edit",
    "decision set",
    "contact add",
    "contact list",
    "contact show",
    "contact edit",
    "contact rm",
    "feedback add",
    "feedback list",
    "timeline",
    "stats",
    "export json",
    "export csv",
    "export ics",
    "import json",
    "import resume",
    "resume show",
    "resume seeds",
    "resume rm",
    "demo",
    "note thank-you",
    "note list",
    "note show",
    "note sent",
    "note rm",
    "note sender",
    "options show",
    "options define",
    "options criteria",
    "options criteria set",
    "options rate",
    "options rank",
    "report profile",
    "report app",
]


def _walk(command, prefix=()):
    yield prefix, command
    if isinstance(command, click.Group):  # the root builds its commands on demand
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            yield from _walk(command.get_command(ctx, name), (*prefix, name))


def test_every_command_has_help_text():
    tree = dict(_walk(typer.main.get_command(typer_app)))
    assert {" ".join(path) for path in tree if path} >= set(COMMANDS)
    for path, command in tree.items():
        assert (command.help or "").strip(), f"`nextround {' '.join(path)}` has no help"
        for param in command.params:
            if param.param_type_name in ("option", "argument") and param.name != "help":
                assert (getattr(param, "help", None) or "").strip(), (
                    f"{' '.join(path)} {param.opts} has no help"
                )


def test_no_help_is_cut_short_on_an_80_column_terminal():
    # Rich wraps help at spaces; a run with none (values joined by "|") was cut with "…",
    # which hid the last choices of --source, --kind and --format.
    runner = CliRunner()
    root = typer.main.get_command(typer_app)
    for path, _command in _walk(root):
        out = runner.invoke(root, [*path, "--help"], env={"COLUMNS": "80"}).output
        assert "Usage: nextround" in out, path
        assert max(len(line) for line in out.splitlines()) <= 80, path
        assert "…" not in out, f"`nextround {' '.join(path)} --help` cuts: {out}"
        # The root turns shell completion off; a single command must not bring it back.
        assert "--install-completion" not in out, path


def test_each_command_in_a_list_of_commands_takes_at_most_three_lines():
    # A group's list of its commands is a menu: a paragraph in it (profile's, 7 lines) hid
    # the rest; the whole text stays in the command's own --help.
    runner = CliRunner()
    root = typer.main.get_command(typer_app)
    for path, command in _walk(root):
        if not isinstance(command, click.Group):
            continue
        out = runner.invoke(root, [*path, "--help"], env={"COLUMNS": "80"}).output
        listing = out.split("─ Commands ─", 1)[-1] if "─ Commands ─" in out else ""
        listing = listing.split("╰", 1)[0]  # the panel ends there; an epilog may follow
        entries = re.split(r"\n│ (?=\S)", listing)[1:]
        for entry in entries:
            lines = [line for line in entry.splitlines() if line.strip("│╰─ ")]
            assert len(lines) <= 3, f"`nextround {' '.join(path)} --help` lists:\n{entry}"


def test_help_paragraphs_wrap_once_at_the_terminal_width():
    """Docstrings are wrapped in the source; shown as they are, Rich wrapped them a second
    time at 80 columns and left a word or two on lines of their own."""
    runner = CliRunner()
    root = typer.main.get_command(typer_app)
    for path, _command in _walk(root):
        out = runner.invoke(root, [*path, "--help"], env={"COLUMNS": "80"}).output
        prose = out.split("╭", 1)[0].splitlines()
        paragraph: list[str] = []
        for line in [*prose, ""]:
            # An example (indented further) keeps its own lines.
            if line.strip() and line.startswith(" ") and not line.startswith("  "):
                paragraph.append(line)
                continue
            short = [shown for shown in paragraph[:-1] if len(shown.rstrip()) < 50]
            assert not short, f"`nextround {' '.join(path)} --help` leaves {short}:\n{out}"
            paragraph = []


def test_option_choices_are_listed_whole(cli):
    out = " ".join(cli.ok("feedback", "add", "--help").replace("│", " ").split())
    assert "recruiter, interviewer, hiring-manager, manager-review, peer, mentor, self" in out


def test_arguments_are_described_in_the_printed_help(cli):
    out = " ".join(cli.ok("app", "add", "--help").split())
    assert "company TEXT Company name. [required]" in out
    assert "Role title, e.g. 'Operations Manager'." in out


def test_square_brackets_in_help_are_escaped_from_rich_markup():
    # Typer renders help with rich, which swallows an unescaped "[rule]" as a markup tag
    # (rich's tag pattern: a bracket, then a letter, #, / or @, up to the closing bracket).
    unescaped = re.compile(r"(?<!\\)\[[a-z#/@][^\[]*?\]")
    for path, command in _walk(typer.main.get_command(typer_app)):
        texts = [command.help or ""] + [getattr(p, "help", None) or "" for p in command.params]
        for text in texts:
            assert not unescaped.search(text), f"`nextround {' '.join(path)}`: {text!r}"


def test_the_must_have_rule_syntax_shows_in_help(cli):
    out = " ".join(cli.ok("options", "define", "--help").split())
    assert "[location~amsterdam,remote]" in out and "[mission>=4]" in out


@pytest.mark.parametrize("args", [["--help"], ["app", "--help"], ["import", "json", "--help"]])
def test_help_exits_zero_without_touching_a_database(cli, tmp_path, args):
    out = cli.ok(*args)
    assert "Usage: nextround" in out
    assert not (tmp_path / "nextround.sqlite3").exists()
    assert not (tmp_path / "data").exists()


def test_no_arguments_prints_help(cli):
    result = cli(db="")
    assert result.code == 0
    assert "Usage: nextround" in result.out
    assert "timeline" in result.out and "stats" in result.out


#: Examples in help read as current: a date a year or more old looks like stale text.
EXAMPLE_YEAR = 2026


def test_help_examples_use_current_dates():
    runner = CliRunner()
    root = typer.main.get_command(typer_app)
    for path, _command in _walk(root):
        out = runner.invoke(root, [*path, "--help"], env={"COLUMNS": "200"}).output
        years = {int(y) for y in re.findall(r"\b(20\d\d)(?:-\d\d|Q[1-4]\b)", out)}
        old = sorted(y for y in years if y < EXAMPLE_YEAR)
        assert not old, f"`nextround {' '.join(path)} --help` shows {old}:\n{out}"


def test_the_readme_tour_uses_current_dates():
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    tour = readme.split("## A short tour", 1)[1].split("\n## ", 1)[0]
    commands = [line for line in tour.splitlines() if line.startswith("$ nextround")]
    assert commands
    dated = [line for line in commands if re.search(r"\b20\d\d-\d\d-\d\d", line)]
    assert dated and not [line for line in dated if re.search(r"\b20(?:1\d|2[0-5])-", line)]
