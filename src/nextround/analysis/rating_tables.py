"""Rated feedback: a 360 or scorecard table pasted from a spreadsheet, or "Label: 2/5 - ...".

"Technical depth<TAB>2<TAB>Relies on the tech lead for architecture calls" is a rater's
verdict: the first cell names what the row is about, the number out of 5 says how it went,
and the comment explains it. The number is the surest polarity the row has (1-2 of 5 a
gap, 4-5 a strength, 3 whatever the words say); the header row over it
("Competency<TAB>Rating (1-5)<TAB>Comment") is no feedback at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from nextround.analysis.pasted_mail import Aside
from nextround.analysis.polarity import PolarityReading
from nextround.analysis.topic_lines import Topics
from nextround.domain.competency import Polarity

TABLE_HEADER = "table header"

# Where on its scale a rating reads as a gap or a strength: 1-2 of 5, 4-5 of 5; 1-3 and
# 8-10 of 10.
_GAP_AT_MOST = 0.26
_STRENGTH_AT_LEAST = 0.74
# How sure a reading the rating settles is: surer when the words agree with it.
_RATED = 0.75
_RATED_AND_SAID = 0.85
# Words at least this sure of the other polarity are the rater's own caveat in a row that
# says several things ("crisp updates, but too much detail in meetings", rated 4).
_WORDS_HOLD = 0.7
# Label cells are short: "Stakeholder management", "Technical depth".
_MAX_LABEL_WORDS = 6
_MAX_HEADER_CELL_WORDS = 5

# Shorthand raters write in a label cell: "Stakeholder mgmt", "Comms", "Tech depth".
_SHORTHAND = {
    "mgmt": "management",
    "mgt": "management",
    "mngmt": "management",
    "comms": "communication",
    "comm": "communication",
    "tech": "technical",
    "eng": "engineering",
    "exec": "executive",
    "dev": "development",
    "ops": "operations",
    "org": "organisation",
    "strat": "strategic",
    "collab": "collaboration",
    "prio": "prioritisation",
    "prioritization": "prioritisation",
}


@dataclass(frozen=True)
class Rating:
    """A rating out of a scale: 2 on 1-5. ``row`` is where its row starts in the text."""

    value: float
    low: int
    high: int
    row: int

    @property
    def polarity(self) -> Polarity:
        """What the rating says on its own: low a gap, high a strength, middling nothing."""
        place = (self.value - self.low) / (self.high - self.low)
        if place <= _GAP_AT_MOST:
            return Polarity.GAP
        if place >= _STRENGTH_AT_LEAST:
            return Polarity.STRENGTH
        return Polarity.NEUTRAL

    def __str__(self) -> str:
        value = f"{self.value:g}"
        return f"{value} of {self.high}" if self.low == 1 else f"{value} on {self.low}-{self.high}"


@dataclass(frozen=True)
class RatedRow:
    """One rated row: its words (``start``-``end``), what it is about, and the rating."""

    start: int
    end: int
    label: str | None
    rating: Rating


class _Patterns:
    def __init__(self) -> None:
        self.number = re.compile(
            r"(?P<value>\d{1,2}(?:[.,]\d)?)\s*(?:(?:/|out of|of)\s*(?P<high>\d{1,2}))?"
        )
        self.scale = re.compile(
            r"(?P<low>[01])\s*(?:-|–|—|to)\s*(?P<high>\d{1,2})\b|(?:/|out of)\s*(?P<of>\d{1,2})\b"
        )
        self.separator = re.compile(r":?-{2,}:?")
        # "Communication: 4/5 - crisp updates", "- Technical depth (2/5): relies on ..."
        self.inline = re.compile(
            r"[ \t]*(?:[-*•][ \t]+)?(?P<label>[A-Z][^\n:()/\d|\t]{1,60}?)[ \t]*"
            r"(?P<sep>[:(–—-][ \t]*)?(?P<value>\d{1,2}(?:\.\d)?)[ \t]*(?:/|out of)[ \t]*"
            r"(?P<high>5|10)\b[ \t]*(?P<after>\)?[ \t]*[:.,;–—-]?)[ \t]*"
        )


@cache
def _re() -> _Patterns:
    return _Patterns()


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line.rstrip("\r"))))
        pos += len(line) + 1
    return spans


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-empty cells of a tab- or pipe-separated row, as spans; [] for other lines."""
    line = text[start:end]
    if "\t" in line.strip():
        marks = [m.start() for m in re.finditer(r"\t", line)]
    elif line.strip().startswith("|") and line.count("|") >= 3:
        marks = [m.start() for m in re.finditer(r"\|", line)]
    else:
        return []
    bounds = [-1, *marks, len(line)]
    cells = []
    for a, b in pairwise(bounds):
        s, e = a + 1, b
        while s < e and line[s] in " \t":
            s += 1
        while e > s and line[e - 1] in " \t":
            e -= 1
        if s < e:
            cells.append((start + s, start + e))
    return cells if len(cells) >= 2 else []


def _rating_value(cell: str) -> tuple[float, int | None] | None:
    m = _re().number.fullmatch(cell.strip())
    if m is None:
        return None
    value = float(m.group("value").replace(",", "."))
    return value, int(m.group("high")) if m.group("high") else None


def _is_header(text: str, cells: list[tuple[int, int]]) -> bool:
    words = [text[s:e] for s, e in cells]
    return all(
        _rating_value(w) is None
        and len(w.split()) <= _MAX_HEADER_CELL_WORDS
        and not w.rstrip().endswith((".", "!", "?"))
        for w in words
    )


def _scale(header: str | None, values: list[float]) -> tuple[int, int] | None:
    if header:
        m = _re().scale.search(header)
        if m and m.group("of"):
            return 1, int(m.group("of"))
        if m:
            return int(m.group("low")), int(m.group("high"))
    top = max(values, default=0)
    if top <= 5:
        return 1, 5
    if top <= 10:
        return 1, 10
    return None


# Columns a PDF or a fixed-width export lines up with spaces instead of tabs: two or more.
_SPACED = re.compile(r"(?<=\S) {2,}(?=\S)")


def _spaced_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a row whose columns are lined up with spaces; [] for other lines.

    Two spaces also follow a full stop in some people's prose, so a line counts as a row
    only when a cell after the first is a rating alone: "Technical depth    2    Relies on
    the tech lead". A header over such rows is taken with them (``rated_rows``).
    """
    line = text[start:end]
    cells = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+(?: \S+)*", line)]
    if len(cells) < 2 or not _SPACED.search(line):
        return []
    return cells


def _rated_spaced_row(text: str, cells: list[tuple[int, int]]) -> bool:
    return any(_rating_value(text[s:e]) for s, e in cells[1:])


_Row = tuple[tuple[int, int], list[tuple[int, int]]]  # a line's span, and its cells' spans


def _table_row(
    text: str, lines: list[tuple[int, int]], index: int, table: list[_Row]
) -> list[tuple[int, int]]:
    """The cells of line ``index`` if it is a row of a table (``table``: the rows so far)."""
    cells = _cells(text, *lines[index])
    if cells:
        return cells
    spaced = _spaced_cells(text, *lines[index])
    if not spaced:
        return []
    if _rated_spaced_row(text, spaced):
        return spaced
    # A header is a row only over a rated row lined up the same way.
    if not table and index + 1 < len(lines) and _is_header(text, spaced):
        below = _spaced_cells(text, *lines[index + 1])
        if below and _rated_spaced_row(text, below) and len(below) == len(spaced):
            return spaced
    return []


def rated_rows(text: str) -> tuple[dict[int, RatedRow], list[Aside]]:
    """The rated rows of a text, by where their line starts, and the table headers over them."""
    lines = _line_spans(text)
    rows: dict[int, RatedRow] = {}
    headers: list[Aside] = []
    index = 0
    while index < len(lines):
        table: list[_Row] = []
        while index < len(lines) and (cells := _table_row(text, lines, index, table)):
            table.append((lines[index], cells))
            index += 1
        if table:
            _read_table(text, table, rows, headers)
        else:
            _read_inline(text, lines[index], rows)
            index += 1
    return rows, headers


def _read_table(
    text: str,
    table: list[_Row],
    rows: dict[int, RatedRow],
    headers: list[Aside],
) -> None:
    header_cells: list[tuple[int, int]] = []
    body = table
    asides = []
    if len(table) >= 2 and _is_header(text, table[0][1]):
        (line_start, line_end), header_cells = table[0]
        asides.append(Aside(line_start, line_end, TABLE_HEADER))
        body = table[1:]
    data = []
    for (line_start, line_end), cells in body:
        if all(_re().separator.fullmatch(text[s:e].strip()) for s, e in cells):
            asides.append(Aside(line_start, line_end, TABLE_HEADER))  # "|---|---|"
            continue
        column = next(
            (i for i, (s, e) in enumerate(cells) if i >= 1 and _rating_value(text[s:e])), None
        )
        if column is not None:
            data.append((line_start, line_end, cells, column))
    if not data:
        return  # a table of notes, not of ratings: its rows are read as lines
    headers.extend(asides)
    values = [_rating_value(text[slice(*c[col])]) for _, _, c, col in data]
    for (line_start, _line_end, cells, column), found in zip(data, values, strict=True):
        assert found is not None
        value, of = found
        header = text[slice(*header_cells[column])] if column < len(header_cells) else None
        scale = (1, of) if of else _scale(header, [v[0] for v in values if v])
        if scale is None or not scale[0] <= value <= scale[1] or scale[1] <= scale[0]:
            continue
        label_start, label_end = cells[0]
        label = text[label_start:label_end]
        if len(label.split()) > _MAX_LABEL_WORDS:
            continue
        rating = Rating(value, scale[0], scale[1], line_start)
        rest = cells[column + 1 :]
        if rest:
            rows[line_start] = RatedRow(rest[0][0], rest[-1][1], label, rating)
        else:
            rows[line_start] = RatedRow(label_start, label_end, label, rating)


def _read_inline(text: str, line: tuple[int, int], rows: dict[int, RatedRow]) -> None:
    m = _re().inline.match(text, *line)
    if m is None or len(m.group("label").split()) > _MAX_LABEL_WORDS:
        return
    tail = m.group("after").strip()
    if not m.group("sep") and not tail and m.end() < line[1]:
        return  # "Delivered 3/5 milestones" counts things; it rates nothing
    value, high = float(m.group("value")), int(m.group("high"))
    if not 1 <= value <= high:
        return
    label = m.group("label").strip(" \t-–—")
    rating = Rating(value, 1, high, line[0])
    if m.end() < line[1]:
        rows[line[0]] = RatedRow(m.end(), line[1], label, rating)
    else:
        start = m.start("label")
        rows[line[0]] = RatedRow(start, start + len(label), label, rating)


def label_topic(label: str | None, topics: Topics) -> str | None:
    """The competency a row's label names, in full ("Stakeholder mgmt" → "... management")."""
    if not label or not topics:
        return None
    words = [_SHORTHAND.get(w.lower().strip("."), w) for w in label.split()]
    full = " ".join(words)
    return full if topics.only_names(full) else None


def rated_reading(reading: PolarityReading, rating: Rating, *, alone: bool) -> PolarityReading:
    """The polarity of a rated row's statement: the rating's, unless the words clearly differ.

    ``alone`` when the statement is all its row says. A middling rating leaves the words
    to decide. Words that clearly disagree with a high or low rating are the rater's caveat
    when the row says several things, and keep their polarity; when the row says only
    that, the two readings cancel out and the statement reads neutral, for the user to
    judge rather than to accept in passing.
    """
    said = rating.polarity
    cue = f"rating: {rating}"
    if said is Polarity.NEUTRAL:
        return PolarityReading(reading.polarity, reading.confidence, (*reading.cues, cue))
    if reading.polarity is said:
        return PolarityReading(said, max(reading.confidence, _RATED_AND_SAID), (cue, *reading.cues))
    if reading.polarity is Polarity.NEUTRAL or reading.confidence < _WORDS_HOLD:
        return PolarityReading(said, _RATED, (cue, *reading.cues))
    if alone:
        return PolarityReading(Polarity.NEUTRAL, 0.5, (cue, *reading.cues))
    return PolarityReading(reading.polarity, reading.confidence, (*reading.cues, cue))
