"""The `nextround` command line: parse, call a service, print. No business logic lives here."""

from __future__ import annotations

import atexit
import copy
import gc
import os
import signal
import sys
import threading

# numpy's BLAS would start a thread per core for the mapper's small matrices; on a 2-core
# machine that costs more than it saves. Set before anything imports numpy; a user's own
# setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import importlib
from typing import Annotated, Any, NoReturn

import click
import typer
from click import exceptions as click_exceptions
from typer.core import TyperGroup

from nextround.cli.common import State, console, escape, interrupted, state
from nextround.cli.help_text import reflow_help
from nextround.errors import (
    DatabaseUnreachableError,
    MissingFileError,
    NextroundError,
    NotFoundError,
)

# A command imports some 400 modules (SQLAlchemy, Typer, Rich) whose objects all live until
# it exits. At the default gen-0 threshold (700) the collector runs about 130 times over them,
# a tenth of `app list`; at 10,000 it runs a handful of times. Long runs (the web app, demo)
# still collect, just in larger batches.
gc.set_threshold(10_000, 10, 10)

#: Every command outside this module: name -> (module, attribute), in the order help lists
#: them. A Typer is a group of subcommands; a function is a single command.
LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    "app": ("nextround.cli.applications", "app"),
    "round": ("nextround.cli.process", "rounds"),
    "interview": ("nextround.cli.process", "interviews"),
    "decision": ("nextround.cli.process", "decisions"),
    "contact": ("nextround.cli.people", "app"),
    "feedback": ("nextround.cli.feedback", "app"),
    "timeline": ("nextround.cli.overview", "timeline"),
    "stats": ("nextround.cli.overview", "stats"),
    "debrief": ("nextround.cli.debrief", "debrief"),
    "profile": ("nextround.cli.profile", "app"),
    "plan": ("nextround.cli.plan", "app"),
    "story": ("nextround.cli.stories", "app"),
    "resume": ("nextround.cli.resume", "app"),
    "framework": ("nextround.cli.frameworks", "app"),
    "map": ("nextround.cli.growth", "map_texts"),
    "note": ("nextround.cli.notes", "app"),
    "options": ("nextround.cli.options", "app"),
    "report": ("nextround.cli.reports", "app"),
    "export": ("nextround.cli.data", "exports"),
    "import": ("nextround.cli.data", "imports"),
    "serve": ("nextround.cli.web", "serve"),
}

#: Names people reach for, run as the command they mean; not listed in --help.
ALIASES = {"web": "serve"}
#: The same within a group: every group deletes with `rm`, which these also run.
SUBCOMMAND_ALIASES = {"remove": "rm", "delete": "rm"}


def with_aliases(command: click.Command) -> click.Command:
    """A group that also runs its `rm` as `remove` or `delete`, unlisted in its --help.

    `app remove` would otherwise be "No such command 'remove'. Did you mean 'reopen'?",
    the opposite of what was asked.
    """
    if isinstance(command, click.Group):
        for alias, name in SUBCOMMAND_ALIASES.items():
            target = command.commands.get(name)
            if target is not None and alias not in command.commands:
                hidden = copy.copy(target)
                hidden.hidden = True
                command.add_command(hidden, alias)
    return command


class LazyGroup(TyperGroup):
    """The root group: builds only the command that runs, so start-up stays fast.

    Building every command's click object reads dozens of signatures and imports every
    CLI module; a command needs one of them. --help still lists them all.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*super().list_commands(ctx), *LAZY_COMMANDS]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        cmd_name = ALIASES.get(cmd_name, cmd_name)
        if cmd_name not in LAZY_COMMANDS:
            found = super().get_command(ctx, cmd_name)
            return found and reflow_help(with_aliases(found))
        module, attribute = LAZY_COMMANDS[cmd_name]
        target: Any = getattr(importlib.import_module(module), attribute)
        command: click.Command
        if isinstance(target, typer.Typer):
            command = typer.main.get_group(target)  # a group even with one subcommand
        else:
            # Like the root: no shell-completion options (Typer adds them by default).
            single = typer.Typer(add_completion=False)
            single.command(cmd_name)(target)
            command = typer.main.get_command(single)
        command.name = cmd_name
        return reflow_help(with_aliases(command))


#: Exit codes, for scripts (the README and `nextround --help` list them). 2 is click's own
#: for a usage error; "not found" has its own, so `app show $id || ...` can tell a missing
#: application from a typo.
EXIT_ABORTED = 1
EXIT_INVALID = 2
EXIT_NOT_FOUND = 3
#: The database server could not be reached: nothing to fix in the command; try again.
EXIT_UNREACHABLE = 4
EXIT_INTERRUPTED = 130

EXIT_CODES_HELP = (
    "Exit codes: 0 done; 1 aborted at a question (nothing changed); 2 a usage or validation "
    "error (unknown option, bad value, a rule broken); 3 not found (no such id or file); "
    "4 the database could not be reached (server down or network; try again later); "
    "130 interrupted. With --json an error is one JSON object on stderr: "
    '{"error": MESSAGE, "code": EXIT_CODE}.'
)


def _settings_help() -> str:
    """Every setting's environment variable and meaning, from config.describe()."""
    from nextround.config import describe

    return (
        "Settings (environment variables): "
        + "; ".join(f"{name}: {meaning}" for name, meaning in describe())
        + "."
    )


app = typer.Typer(
    name="nextround",
    cls=LazyGroup,
    help=(
        "Turn every interview process, above all every 'no', into measured growth.\n\n"
        "Data lives in a local SQLite database (see `nextround init`); set "
        "NEXTROUND_DATABASE_URL or --db to use another, e.g. PostgreSQL."
    ),
    epilog=f"{_settings_help()}\n\n{EXIT_CODES_HELP}",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError
        from importlib.metadata import version as installed

        try:
            number = installed("nextround")
        except PackageNotFoundError:  # run from a source tree that is not installed
            number = "unknown (not installed)"
        console().print(f"nextround {number}")
        raise typer.Exit


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database URL or SQLite file path (default: NEXTROUND_DATABASE_URL, "
            "else nextround.sqlite3 in your data folder).",
            metavar="URL",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", is_eager=True, callback=_version
        ),
    ] = False,
) -> None:
    """Turn every interview process, above all every 'no', into measured growth."""
    from nextround.config import database_url

    current = ctx.ensure_object(State)
    current.db = database_url(db) if db else None
    ctx.call_on_close(current.close)


@app.command()
def init(ctx: typer.Context) -> None:
    """Create the database (other commands do this too) and say where it lives."""
    from nextround.store.database import HEAD_REVISION
    from nextround.store.urls import shown

    nextround = state(ctx).app
    nextround.engine  # noqa: B018 - opening the engine creates and migrates the database
    url = shown(nextround.settings.resolved_database_url)
    # Whole lines, so the URL and the folder can be copied from any terminal width.
    out = console()
    out.print(f"Database ready at {escape(url)} (schema {HEAD_REVISION}).", soft_wrap=True)
    out.print(f"Data folder: {escape(nextround.settings.data_dir)}", soft_wrap=True)


@app.command()
def demo(
    ctx: typer.Context,
) -> None:
    """Load the bundled demo journey into a fresh demo database and tell its story."""
    from nextround.cli.demo import run_demo

    run_demo(state(ctx))


def exit_code(error: NextroundError) -> int:
    """The exit code of a user error: not found (an id, a file), unreachable or invalid."""
    if isinstance(error, NotFoundError | MissingFileError):
        return EXIT_NOT_FOUND
    if isinstance(error, DatabaseUnreachableError):
        return EXIT_UNREACHABLE
    return EXIT_INVALID


def main(argv: list[str] | None = None) -> None:
    """Entry point: every user error becomes one line on stderr and its exit code."""
    command = typer.main.get_command(app)
    current = State()
    args = sys.argv[1:] if argv is None else argv
    # Told apart by the words typed, not the parsed options: an error can come before (or
    # while) the options are parsed. A script that asked for JSON gets its errors in JSON.
    as_json = "--json" in args[: args.index("--")] if "--" in args else "--json" in args
    interrupts = _count_interrupts()
    try:
        code = command.main(args=argv, prog_name="nextround", standalone_mode=False, obj=current)
    except NextroundError as exc:
        current.discard_new_database()
        _die(
            exc.for_cli(),
            exit_code(exc),
            lines=getattr(exc, "multiline", False),
            as_json=as_json,
            details=getattr(exc, "details", None),
        )
    except click_exceptions.NoArgsIsHelpError:
        sys.exit(0)  # the help text has been printed already
    except click_exceptions.UsageError as exc:
        hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx else ""
        _die(f"{_once(exc.format_message())}{hint}", EXIT_INVALID, as_json=as_json)
    except typer.Abort as abort:
        if interrupts.seen or interrupted(abort):
            # Ctrl-C at a question: click turns it into Abort, but it is an interrupt (130),
            # not an answer refused (1).
            _stop_interrupted(current, args, as_json)
        sys.stderr.write("Aborted; nothing was changed.\n")
        current.discard_new_database()
        sys.exit(EXIT_ABORTED)
    except KeyboardInterrupt:
        _stop_interrupted(current, args, as_json)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:
        lost = _connection_lost(exc, current)
        if lost is None:
            raise
        current.discard_new_database()
        _die(lost.for_cli(), exit_code(lost), as_json=as_json)
    finally:
        interrupts.restore()
    if code == EXIT_INTERRUPTED and interrupts.seen:
        # Typer turns Ctrl+C into a quiet exit 130: say what it left.
        _stop_interrupted(current, args, as_json)
    sys.exit(code if isinstance(code, int) else 0)


def _connection_lost(exc: Exception, current: State) -> NextroundError | None:
    """A database connection lost outside a unit of work, as the one-line error it gives.

    Units of work say so themselves (store.database.database_error); this catches the rest,
    e.g. a connection dropped while the mapper reads its examples.
    """
    errors = sys.modules.get("sqlalchemy.exc")  # not loaded: not a database error
    if errors is None or not isinstance(exc, errors.DBAPIError) or not exc.connection_invalidated:
        return None
    from nextround.store.database import connection_lost

    app = current._app
    url = app.settings.resolved_database_url if app is not None else current.db or ""
    return connection_lost(exc, url)


class _Interrupts:
    """Counts Ctrl+C (SIGINT) while a command runs, still raising KeyboardInterrupt."""

    def __init__(self) -> None:
        self.seen = 0
        self.previous: Any = None

    def __call__(self, signum: int, frame: Any) -> None:
        self.seen += 1
        signal.default_int_handler(signum, frame)

    def restore(self) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
            self.previous = None


def _count_interrupts() -> _Interrupts:
    interrupts = _Interrupts()
    # Only the main thread may set handlers; one set by someone else (a test) stays.
    if (
        threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGINT) is signal.default_int_handler
    ):
        interrupts.previous = signal.signal(signal.SIGINT, interrupts)
    return interrupts


def _stop_interrupted(current: State, args: list[str], as_json: bool) -> NoReturn:
    """Say in one line what an interrupted command left, and exit 130."""
    message = current.interrupted(args)
    if as_json:
        _die(message, EXIT_INTERRUPTED, as_json=True)
    sys.stderr.write(f"\n{message}\n")
    sys.exit(EXIT_INTERRUPTED)


def run() -> NoReturn:
    """The `nextround` executable: main(), then a quick exit.

    Tearing down the interpreter (some 400 modules and everything they hold) takes 0.05 to
    0.13 s, a third of a quick command, and does nothing a finished command needs: the exit
    handlers, which close the database, still run and the output is flushed. With other
    threads alive the interpreter exits as usual, so it can wait for them; daemon threads,
    which it would not wait for either (the model loading in the background for a command
    that found every vector it needed cached), do not count.
    """
    try:
        main()
    except SystemExit as done:
        code = done.code
    else:
        code = 0
    if not isinstance(code, int):
        if code is not None:
            sys.stderr.write(f"{code}\n")
        code = 0 if code is None else 1
    current = threading.current_thread()
    if any(t is not current and not t.daemon for t in threading.enumerate()):
        sys.exit(code)
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass  # the reader has gone (or the stream is closed): nothing left to tell
    os._exit(code)


def _once(message: str) -> str:
    """Drop a sentence repeated at the end (some click versions add a suggestion twice)."""
    import re

    sentences = re.split(r"(?<=[.?!])\s+", message.strip())
    while len(sentences) > 1 and sentences[-1] == sentences[-2]:
        sentences.pop()
    return " ".join(sentences)


def _die(
    message: str,
    code: int,
    *,
    lines: bool = False,
    as_json: bool = False,
    details: dict[str, Any] | None = None,
) -> NoReturn:
    """The error on stderr, in one line unless it lists several problems, one a line.

    Under --json, one JSON object instead: {"error": the message, "code": the exit code},
    with an error's ``details`` beside them (`app import`'s "rows", each thing to fix).
    """
    if lines:
        first, *rest = message.split("\n")
        message = "\n".join([" ".join(first.split()), *(line.rstrip() for line in rest)])
    else:
        message = " ".join(message.split())
    if as_json:
        import json

        said = {"error": message, "code": code, **(details or {})}
        sys.stderr.write(json.dumps(said, ensure_ascii=False) + "\n")
    else:
        sys.stderr.write(f"error: {message}\n")
    sys.exit(code)
