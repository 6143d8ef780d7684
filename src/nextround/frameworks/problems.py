"""Every problem in a framework file at once, each named where the user looks for it.

A spreadsheet user thinks in rows ("row 5 (Invent and Simplify): description is empty"),
a YAML or JSON writer in paths ("$.competencies[3].description: is empty"). Fixing one
problem per run of the import takes as many runs as there are problems, so they are all
collected, up to a cap, and reported together; nothing is imported while any remains.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from nextround.errors import InvalidInputError
from nextround.io.schema_errors import json_path, shorten

#: More problems than this are counted, not listed: the first ones show what is wrong.
MAX_LISTED = 20
#: Longest competency name quoted beside its row.
_NAME_MAX = 60

DocPath = Sequence[str | int]


class FileProblemsError(InvalidInputError):
    """Several problems found in one file, each on its own line."""

    #: The command line keeps its line breaks (see cli.main).
    multiline = True

    def __init__(self, origin: str, problems: Sequence[str], total: int) -> None:
        more = total - len(problems)
        lines = [f"  {p}" for p in problems]
        if more:
            lines.append(f"  … and {more} more")
        super().__init__(
            f"{origin} has {total} problems; fix them and import it again:\n" + "\n".join(lines)
        )
        self.problems = tuple(problems)


@dataclass(frozen=True)
class Places:
    """Where a path in the framework document is, in the file's own terms.

    ``rows`` (a CSV's) holds the spreadsheet row of each competency, and ``names`` their
    names; without rows, places are written as JSON paths.
    """

    rows: tuple[int, ...] = ()
    names: tuple[str, ...] = ()

    def competency(self, index: int, *, named: bool = True) -> str:
        """One competency: "row 5 (Invent and Simplify)", or "$.competencies[3]"."""
        if index < len(self.rows):
            name = self.names[index] if named and index < len(self.names) else ""
            shown = f" ({shorten(' '.join(name.split()), _NAME_MAX)})" if name.strip() else ""
            return f"row {self.rows[index]}{shown}"
        return json_path(["competencies", index])

    def line(self, path: DocPath, problem: str) -> str:
        """The problem at ``path``, as one line."""
        parts = list(path)
        in_row = len(parts) >= 2 and parts[0] == "competencies" and isinstance(parts[1], int)
        if not in_row or not self.rows or not isinstance(parts[1], int):
            return f"{json_path(parts)}: {problem}"
        where = self.competency(parts[1])
        rest = parts[2:]
        if not rest:
            return f"{where}: {problem}"
        what = str(rest[0])
        if len(rest) > 1 and isinstance(rest[1], int):
            what += f" item {rest[1] + 1}"
        return f"{where}: {what} {problem}"


@dataclass
class Problems:
    """The problems found so far in one file."""

    origin: str
    places: Places = field(default_factory=Places)
    #: (the competency's index, or -1 for the whole file; the problem), as found.
    _found: list[tuple[int, str]] = field(default_factory=list)

    @property
    def found(self) -> list[str]:
        """The problems in the order of the file: its own first, then by competency."""
        return [text for _, text in sorted(self._found, key=lambda found: found[0])]

    def add(self, path: DocPath, problem: str) -> None:
        """Note a problem at ``path`` (a JSON path's parts)."""
        parts = list(path)
        at = parts[1] if len(parts) > 1 and isinstance(parts[1], int) else -1
        self._found.append((at, self.places.line(parts, problem)))

    def add_plain(self, problem: str) -> None:
        """Note a problem of the whole file, at no place in it."""
        self._found.append((-1, problem))

    def raise_any(self) -> None:
        """Stop with every problem found, if there is any."""
        found = self.found
        if len(found) == 1:
            raise InvalidInputError(f"{self.origin}: {found[0]}")
        if found:
            raise FileProblemsError(self.origin, found[:MAX_LISTED], len(found))
