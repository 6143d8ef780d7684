"""What every command shares: the app object, input parsing, output and errors."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from nextround.errors import InvalidInputError, MissingFileError

if TYPE_CHECKING:
    from rich.console import Console

    from nextround.bootstrap import Nextround
    from nextround.services.ports import ApplicationQuery

E = TypeVar("E", bound=StrEnum)

# For the commands that end a process (decision set, app close).
CallOff = Annotated[
    bool,
    typer.Option(
        "--call-off",
        help="Call off what is still to come, so the decision can end the process before "
        "it (a withdrawal, or a rejection that came first): the interviews ahead stay on "
        "record, marked called off, and the rounds not started are marked cancelled.",
    ),
]


class State:
    """Per-invocation state: the --db option and the lazily built app object."""

    def __init__(self, db: str | None = None) -> None:
        self.db = db
        self._app: Nextround | None = None
        self._new_database: Path | None = None
        #: The tables the command's committed transactions wrote to, once it has closed.
        self.written: list[str] = []

    @property
    def app(self) -> Nextround:
        """The application object, built on first use so --help never opens a database."""
        if self._app is None:
            from nextround.bootstrap import Nextround
            from nextround.config import Settings

            self._app = Nextround(Settings.from_env(database_url=self.db))
        return self._app

    def close(self) -> None:
        """Release the database, if a command opened it: SQLite folds its log into the file."""
        if self._app is not None:
            self._new_database = self._app.new_database
            self.written = list(self._app.writes.committed)
            self._app.close()
            self._app = None

    def interrupted(self, args: list[str]) -> str:
        """What an interrupted command leaves, in one line, from the transactions it committed.

        Nothing committed: nothing changed (a database it had just created is removed), and
        the same command can simply be run again. Something committed: that stays, and
        running the command again could store it twice.
        """
        self.close()
        if self.written:
            tables = ", ".join(t.replace("_", " ") for t in self.written)
            return (
                f"Interrupted after it had saved changes ({tables}); they are kept. Check "
                "them (e.g. with `list` or `show`) before running the command again."
            )
        self.discard_new_database()
        again = shlex.join(["nextround", *args])
        return f"Interrupted; nothing was changed. To try again: {again}"

    def discard_new_database(self) -> None:
        """After a failed command, remove the SQLite file it created: it wrote nothing else."""
        path, self._new_database = self._new_database, None
        if path is None:
            return
        for end in ("", "-wal", "-shm", "-journal"):
            path.with_name(path.name + end).unlink(missing_ok=True)
        sys.stderr.write(f"The new database at {path} was not kept, as the command failed.\n")


HalfLife = Annotated[
    str | None,
    typer.Option(
        "--half-life",
        metavar="DAYS",
        help="Days after which a piece of evidence counts half as much (default: "
        "NEXTROUND_HALF_LIFE_DAYS, else 365). Try 180 to see what recent feedback says.",
    ),
]


def half_life_days(ctx: typer.Context, given: str | None) -> int:
    """The half-life given with --half-life, else the configured one (the environment's)."""
    if given is None:
        return state(ctx).app.settings.half_life_days
    try:
        days = int(given.strip())
    except ValueError:
        raise typer.BadParameter(
            f"{given!r} is not a whole number of days (e.g. --half-life 180)",
            param_hint="--half-life",
        ) from None
    if days <= 0:
        raise typer.BadParameter(
            f"the half-life is a number of days above 0, not {days}", param_hint="--half-life"
        )
    return days


def state(ctx: typer.Context) -> State:
    """The State stored on the root context."""
    obj = ctx.find_root().obj
    assert isinstance(obj, State)
    return obj


def parse_date(value: str | None, option: str) -> date | None:
    """A day: YYYY-MM-DD, 'today', 'last Tuesday', 'Oct 7', 10/05/2026 (NEXTROUND_DATE_ORDER)."""
    if value is None:
        return None
    from nextround.config import date_order
    from nextround.domain.calendar_days import named_day

    return named_day(value, option, date.today(), date_order())


def parse_datetime(value: str | None, option: str) -> datetime | None:
    """A moment: 2025-05-14T10:00 or '2025-05-14 10:00', with an optional +02:00 offset.

    Without an offset the machine's own time zone is meant.
    """
    moment = parse_wall_time(value, option)
    return moment if moment is None or moment.tzinfo else moment.astimezone()


def parse_wall_time(value: str | None, option: str) -> datetime | None:
    """As parse_datetime, but a time without an offset stays without one (naive).

    For times whose zone is given separately, such as an interview's --tz.
    """
    if value is None:
        return None
    from nextround.config import date_order
    from nextround.domain.calendar_days import calendar_moment

    return calendar_moment(value, option, date_order())


def parse_choice(
    enum: type[E], value: str | None, option: str, among: Iterable[E] | None = None
) -> E | None:
    """An enum value (of ``among``, if given); hyphens and underscores are interchangeable."""
    if value is None:
        return None
    from nextround.domain.choice_words import read_choice

    return read_choice(enum, value, option, among)


def parse_choice_or_blank(
    enum: type[E], value: str | None, option: str, blank: E | None
) -> tuple[bool, E | None]:
    """As parse_choice, for an edit where '' empties the field: (given, the value).

    Emptied, a field goes back to ``blank``: None where it may be unknown, else the value
    that stands for "not known" (a source of 'other'), as a blank choice on the web does.
    """
    if value is None:
        return False, None
    if not value.strip():
        return True, blank
    return True, parse_choice(enum, value, option)


def choices(enum: type[StrEnum]) -> str:
    """The allowed values of an option, for help texts.

    Separated by ", " so the help can wrap between them: a run joined by "|" has no space to
    break at, and a narrow terminal cut it short with "…".
    """
    return ", ".join(m.value.replace("_", "-") for m in enum)


#: Stored field names as a person would say them, for "Updated ...: start date, notes."
FIELD_WORDS = {
    "applied_on": "date applied",
    "started_on": "start date",
    "ended_on": "end date",
    "scheduled_at": "date and time",
    "duration_minutes": "length",
    "role_title": "role",
    "posting_url": "posting link",
    "received_on": "date received",
    "application_id": "application",
}


def changed_fields(names: Iterable[str]) -> str:
    """The fields an edit changed, in words and in order: 'end date, notes'."""
    return ", ".join(sorted(FIELD_WORDS.get(n, n.replace("_", " ")) for n in names))


def sentence(text: str) -> str:
    """``text`` ending as a sentence: a full stop added unless it has its own ("…" too)."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def read_stdin(what: str) -> str:
    """Standard input as text, refused unless it is UTF-8."""
    where = f"standard input (the {what})"
    if sys.stdin.isatty():
        # Typed or pasted at a terminal: say how to finish, rather than wait in silence.
        end = "Ctrl-Z then Enter" if sys.platform == "win32" else "Ctrl-D on a line of its own"
        sys.stderr.write(f"Type or paste the {what}, then {end}:\n")
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text stream, e.g. under a test runner
        return utf8_text(sys.stdin.read(), where).removeprefix("\ufeff")
    return decode_text(buffer.read(), where)


def decode_text(data: bytes, where: str) -> str:
    """Bytes from a file or stdin as text: UTF-8, a leading byte-order mark dropped.

    Editors such as Windows Notepad begin UTF-8 files with a byte-order mark; kept, it would
    become part of the first text and shift every offset in it by one. Windows and old Mac
    line ends become newlines, as a text stream would give them.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInputError(f"{where} is not UTF-8 text; save it as UTF-8 and retry") from None
    from nextround.domain.text_lines import newline_ends

    return newline_ends(text)


def utf8_text(text: str, where: str) -> str:
    """``text`` as given, refused when it holds bytes that are not UTF-8.

    Python hands undecodable input on as lone surrogates, which only fail later, deep in
    the database or the model; here they get a message that says what to fix.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInputError(f"{where} is not UTF-8 text; save it as UTF-8 and retry") from None
    return text


def read_text_input(text: str | None, file: Path | None, what: str) -> str:
    """Text from an argument, a file, or stdin ('-' or piped input)."""
    if text is not None and file is not None:
        raise InvalidInputError(f"give the {what} either as text or with --file, not both")
    if file is not None:
        if str(file) == "-":
            return read_stdin(what)
        try:
            data = file.read_bytes()
        except FileNotFoundError:
            raise MissingFileError(file) from None
        except IsADirectoryError:
            raise InvalidInputError(f"{file} is a folder, not a file") from None
        return decode_text(data, str(file))
    if text is None or text == "-":
        # Omitted at a terminal too: read it there, as the help promises.
        return read_stdin(what)
    if _names_a_file(text):
        # "feedback add notes.txt" would store the eleven characters of the file's name.
        raise InvalidInputError(
            f"“{text}” is the name of a file, not the {what}: to read the file, "
            f"give it with --file {text}"
        )
    return utf8_text(text, f"the {what} given")


def _names_a_file(text: str) -> bool:
    """Whether text given as the words themselves is one word naming a file that exists."""
    if not text or any(c.isspace() for c in text) or len(text) > 4096:
        return False
    try:
        return Path(text).expanduser().is_file()
    except (OSError, ValueError):  # a name the system cannot hold is no file
        return False


_console: Console | None = None

#: How a statement's polarity is coloured wherever it is shown.
POLARITY_STYLE = {"strength": "green", "gap": "red", "neutral": "dim"}

#: Columns from which tables show their roomier layouts (whole ids, full-width bars).
WIDE_TERMINAL = 110
#: Below this many columns, tables drop their pictures (bars) to keep the words whole.
NARROW_TERMINAL = 80


def console() -> Console:
    """The shared rich console for standard output."""
    global _console  # noqa: PLW0603 - one console per process
    if _console is None:
        from rich.console import Console

        _console = Console(highlight=False, soft_wrap=False, emoji=False)
    return _console


def paragraph(markup: str, indent: int = 2, hang: int = 0, out: Console | None = None) -> None:
    """Print markup wrapped to the terminal with every line indented.

    Wrapped lines keep the indent, plus `hang` more (to sit under the text after a bullet, a
    label or an opening quote), so a long quote stays visibly inside its section. ``out`` is
    another console than standard output's, e.g. one on stderr.
    """
    from rich.text import Text

    out = out or console()
    text = Text.from_markup(markup, emoji=False)  # ":x:" in a name is text, not ❌
    text.expand_tabs()  # as wrap() would, so the first line's length is an offset in text
    lines = list(text.wrap(out, max(out.width - indent, 20)))
    if hang and len(lines) > 1:
        # The first line has the full width; the rest are wrapped again, narrower.
        plain, cut = text.plain, len(lines[0].plain)
        while cut < len(plain) and plain[cut] == " ":
            cut += 1
        if plain.startswith("\n", cut):
            cut += 1
        lines[1:] = text[cut:].wrap(out, max(out.width - indent - hang, 20))
    for number, line in enumerate(lines):
        line.rstrip()
        out.print(Text(" " * (indent + (hang if number else 0))) + line if line.plain else "")


def print_json(value: Any) -> None:
    """Write a JSON document to stdout, confidences rounded as every command gives them."""
    from nextround.views import dumps, jsonable, rounded_confidences

    sys.stdout.write(dumps(rounded_confidences(jsonable(value))) + "\n")


def error_console() -> Console:
    """A rich console on standard error, for notes that must stay out of the output."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, emoji=False)


def aside(markup: str, as_json: bool = False) -> None:
    """Say something beside what a saving command saved: a namesake, a round it passed.

    In text, on standard output with the rest. Under --json, on standard error as the same
    text: standard output stays one JSON document for the script, and whoever runs it is
    still told (an "error" object is the only JSON written to standard error).
    """
    if markup:
        (error_console() if as_json else console()).print(markup)


#: --json on a command that saves something: the saved object, as `show --json` gives it.
SavedJson = Annotated[
    bool,
    typer.Option(
        "--json", help="Print what was saved as JSON, with its id (the shape `show --json` uses)."
    ),
]


def nothing_to_read() -> bool:
    """Whether standard input is not a terminal and holds no input (closed, /dev/null, empty).

    Then a prompt can only fail: a script's command should stop before asking and say which
    flags ask nothing. Piped answers are still read (the debrief's form takes them). Peeking
    waits for the first byte of a pipe, as the first prompt would, and consumes nothing.
    """
    stream = sys.stdin
    if stream is None:
        return True
    try:
        if stream.isatty():
            return False
    except ValueError:  # closed
        return True
    peek = getattr(getattr(stream, "buffer", None), "peek", None)
    if peek is None:  # a text stream (a test runner's): nothing to tell, so ask as before
        return False
    try:
        return not peek(1)
    except (OSError, ValueError):
        return True


def confirmed(question: str, *, go_ahead: str = "add --yes", err: bool = False) -> bool:
    """typer.confirm, refused up front when there is no answer to read.

    A script with no input would see the question, then "Aborted" (exit 1) and no hint;
    it gets what to add instead. ``go_ahead`` says how to proceed without the question.
    """
    if nothing_to_read():
        fail(
            f"nothing was changed: there is no answer to read (standard input is not a "
            f"terminal) to “{question.strip()}”. To go ahead without being asked, {go_ahead}"
        )
    return typer.confirm(question, err=err)


def interrupted(abort: BaseException) -> bool:
    """Whether a prompt's Abort was Ctrl-C rather than the end of the input.

    click turns both into Abort (``raise Abort() from None``), which still keeps the
    KeyboardInterrupt as its context.
    """
    return isinstance(abort.__context__, KeyboardInterrupt)


def fail(message: str) -> NoReturn:
    """Stop with a one-line error and exit code 2."""
    raise InvalidInputError(message)


def escape(text: object) -> str:
    """User text made safe for rich markup."""
    from rich.markup import escape as rich_escape

    return rich_escape(str(text))


def statement_text(statement: str) -> str:
    """A feedback statement as printed: opening with a capital, made safe for rich markup.

    Stored as cut ("in the ML system design interview …" after "However,"), which keys the
    embedding cache and copy detection; only what is shown opens as a sentence does.
    JSON keeps the stored text.
    """
    from nextround.domain.statements import shown_statement

    return escape(shown_statement(statement))


def applied_query(
    tag: str | None, since: str | None, until: str | None, **narrower: Any
) -> ApplicationQuery:
    """The filters `app list` and `stats` share: a tag, and applied on or after/before a day.

    ``narrower`` holds `app list`'s other filters (statuses, company, text).
    """
    from nextround.services.ports import ApplicationQuery

    start, end = parse_date(since, "--since"), parse_date(until, "--until")
    if start is not None and end is not None and start > end:
        # Nothing is applied after a day and before an earlier one: an empty table would
        # read as "no applications", not as the dates swapped.
        raise InvalidInputError(
            f"--since {start} is after --until {end}; give the earlier date to --since"
        )
    return ApplicationQuery(tag=tag, applied_from=start, applied_to=end, **narrower)
