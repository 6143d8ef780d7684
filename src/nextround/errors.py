"""Errors the user can act on: each message says what is wrong and what to do about it."""


class NextroundError(Exception):
    """Base of every error that is the user's to fix (shown as one line, exit code 2)."""


class DomainError(NextroundError):
    """A rule of the journey was broken, e.g. a round added after the decision."""


class NotFoundError(NextroundError):
    """An id that does not exist."""

    def __init__(self, kind: str, ident: object, hint: str | None = None) -> None:
        message = f"no {kind} with id {ident!s}"
        if hint:
            message += f"; {hint}"
        super().__init__(message)
        self.kind = kind
        self.ident = ident


class InvalidInputError(NextroundError):
    """Input that cannot be parsed: a bad date, a malformed file, a missing field."""


def unparsable(name: str, kind: str, problem: str, line: int, column: int) -> InvalidInputError:
    """A file that is not valid ``kind`` (JSON, YAML), what the parser found and where.

    The place goes in brackets: the parser's own words may end in "at" ("Unterminated
    string starting at"), and "... at at line 1" reads as a typo.
    """
    return InvalidInputError(
        f"{name} is not valid {kind}: {problem} (line {line}, column {column})"
    )
