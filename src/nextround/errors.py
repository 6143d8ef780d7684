"""Errors the user can act on: each message says what is wrong and what to do about it."""


class NextroundError(Exception):
    """Base of every error that is the user's to fix (one line; the command line exits 2).

    The command line and the web app show the same errors, but the user acts on them
    differently: a command (`nextround app reopen 3 --on DATE`) is no help on a page, where
    the fix is a form field or a button. So ``message`` says what is wrong in words true on
    both, and each surface has its own optional remedy: ``cli_hint`` (commands and flags)
    and ``web_hint`` (forms and fields). ``str()`` is the bare message, so a surface that
    forgets to ask for its wording shows less, never the other surface's instructions.
    """

    def __init__(
        self, message: str, *, cli_hint: str | None = None, web_hint: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.cli_hint = cli_hint
        self.web_hint = web_hint

    def for_cli(self) -> str:
        """The message as the command line shows it, with its command hint."""
        return _with_hint(self.message, self.cli_hint)

    def for_web(self) -> str:
        """The message as a web page shows it, with its hint on which form to use."""
        return _with_hint(self.message, self.web_hint)


def _with_hint(message: str, hint: str | None) -> str:
    if not hint:
        return message
    # "did you mean 2026-10-25?" ends a sentence: the hint starts the next one.
    return (
        f"{message} {hint[:1].upper()}{hint[1:]}" if message.endswith("?") else f"{message}; {hint}"
    )


class DomainError(NextroundError):
    """A rule of the journey was broken, e.g. a round added after the decision."""


class NotFoundError(NextroundError):
    """An id that does not exist."""

    def __init__(self, kind: str, ident: object, hint: str | None = None) -> None:
        # ``hint`` says where the ids are, usually as a command: the command line's. The
        # web's 404 page names the page that lists them instead (web/errors.py).
        super().__init__(f"no {kind} with id {ident!s}", cli_hint=hint)
        self.kind = kind
        self.ident = ident


class DatabaseUnreachableError(NextroundError):
    """The database server could not be reached (down, or the network): not the user's typo.

    Kept apart so that a script can tell "fix your command" from "try again later".
    """


class InvalidInputError(NextroundError):
    """Input that cannot be parsed: a bad date, a malformed file, a missing field."""


class MissingFileError(InvalidInputError):
    """A file named on the command line that does not exist: not found, like an unknown id."""

    def __init__(self, path: object) -> None:
        super().__init__(f"no such file: {path}")
        self.path = path


def unparsable(
    name: str, kind: str, problem: str, line: int, column: int, hint: str | None = None
) -> InvalidInputError:
    """A file that is not valid ``kind`` (JSON, YAML), what the parser found and where.

    The place goes in brackets: the parser's own words may end in "at" ("Unterminated
    string starting at"), and "... at at line 1" reads as a typo. ``hint`` says what to
    change, in plain words: the parser's own are for those who know the format.
    """
    return InvalidInputError(
        f"{name} is not valid {kind}: {problem} (line {line}, column {column})"
        + (f"; {hint}" if hint else "")
    )
