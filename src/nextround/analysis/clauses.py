"""Contrast markers ("but", "however", "although", ";", German "aber") that divide a sentence."""

from __future__ import annotations

import re
from functools import cache

# Importing typing would cost more than this whole module; mypy treats any constant
# named TYPE_CHECKING as true.
TYPE_CHECKING = False


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


if TYPE_CHECKING:
    from typing import Literal

    ClauseRole = Literal["plain", "contrast", "concession"]


@cache
def _marker() -> re.Pattern[str]:
    # One pass over the sentence finds every candidate; each is then accepted or refused
    # by its context, so the whole split stays linear in the length of the text.
    return re.compile(
        r"(?P<semi>;)"
        r"|(?P<notonly>\bnot\s+(?:only|just|merely)\b)"
        r"|(?P<but>\bbut\b)"
        r"|(?P<aber>\baber\b)"
        r"|(?P<however>\bhowever\b)"
        r"|(?P<yet>\byet\b)"
        r"|(?P<conc>\b(?:even\s+though|although|though|whereas|whilst|while)\b)"
        r"|(?P<trans>\b(?:that\s+said|having\s+said\s+that|nevertheless|nonetheless|even\s+so|"
        r"on\s+the\s+other\s+hand|then\s+again|on\s+the\s+flip\s+side)\b)",
        re.IGNORECASE,
    )


@cache
def _word() -> re.Pattern[str]:
    return re.compile(r"[^\W_]")


_BUT_NOT_CONTRAST_BEFORE = _word_set(
    "all nothing anything everything last none anyone everyone no-one"
)
# French "but" is a noun, "goal": "droit au but", "le but est", "dans le but de". After a
# French article or preposition it is no English "but", in a note that mixes the two.
_FRENCH_BEFORE_BUT = _word_set("au le un du ce mon ton son notre votre leur sans même premier")
_YET_NOT_CONTRAST_AFTER = _word_set("to")
_YET_NOT_CONTRAST_BEFORE = _word_set("not as has have had is are was were")
_CLAUSE_START_PUNCT = frozenset(",;:(—–-\"'“‘")
# A concession clause opening a sentence runs to its comma; further than this it is
# more likely a temporal "while" with no comma at all.
_MAX_CONCESSION = 300


class Clause:
    """A span of a sentence; ``role`` says how it stands to the clauses around it.

    ``contrast`` follows "but"/"however"/"yet" and outweighs what came before;
    ``concession`` is the "although …" part, which the main clause outweighs.
    """

    __slots__ = ("end", "role", "start")

    def __init__(self, start: int, end: int, role: ClauseRole) -> None:
        self.start, self.end, self.role = start, end, role

    def __repr__(self) -> str:
        return f"Clause({self.start}, {self.end}, {self.role!r})"


def has_content(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds at least one letter or digit."""
    return _word().search(text, start, end) is not None


def _prev_word(text: str, pos: int, floor: int) -> str:
    i = pos
    while i > floor and text[i - 1].isspace():
        i -= 1
    j = i
    while j > floor and i - j < 20 and (text[j - 1].isalpha() or text[j - 1] in "-'"):
        j -= 1
    return text[j:i].lower()


def _next_word(text: str, pos: int, ceiling: int) -> str:
    i = pos
    while i < ceiling and text[i].isspace():
        i += 1
    j = i
    while j < ceiling and j - i < 20 and text[j].isalpha():
        j += 1
    return text[i:j].lower()


def _prev_char(text: str, pos: int, floor: int) -> str:
    i = pos
    while i > floor and text[i - 1].isspace():
        i -= 1
    return text[i - 1] if i > floor else ""


def _next_char(text: str, pos: int, ceiling: int) -> str:
    i = pos
    while i < ceiling and text[i].isspace():
        i += 1
    return text[i] if i < ceiling else ""


def _at_clause_start(text: str, pos: int, floor: int) -> bool:
    prev = _prev_char(text, pos, floor)
    return prev == "" or prev in _CLAUSE_START_PUNCT


def contrast_clauses(text: str, start: int = 0, end: int | None = None) -> list[Clause]:
    """Split text[start:end] (one sentence) at contrast markers, markers excluded.

    Returns at least one clause when the span has content. Splits that would leave a side
    with no words are refused, so "Good, but." stays one clause.
    """
    end = len(text) if end is None else end
    cuts: list[tuple[int, int, ClauseRole]] = []  # (marker start, marker end, role after)
    pending_not_only = False
    for m in _marker().finditer(text, start, end):
        kind, (ms, me) = m.lastgroup, m.span()
        if kind == "notonly":
            pending_not_only = True
        elif kind == "but" and pending_not_only:
            pending_not_only = False  # "not only X but (also) Y" is one judgement
        elif kind == "conc":
            cuts.extend(_concession_cuts(text, m.group().lower(), ms, me, start=start, end=end))
        elif kind is not None and _is_contrast(text, kind, ms, me, start=start, end=end):
            cuts.append((ms, me, "plain" if kind == "semi" else "contrast"))
            pending_not_only = pending_not_only and kind != "semi"
    return _clauses_from_cuts(text, start, end, cuts)


def _is_contrast(text: str, kind: str, ms: int, me: int, *, start: int, end: int) -> bool:
    if kind == "semi":
        return True
    if kind == "but":
        after, before = _next_word(text, me, end), _prev_word(text, ms, start)
        return (
            after not in ("also", "rather")
            and before not in _BUT_NOT_CONTRAST_BEFORE
            and before not in _FRENCH_BEFORE_BUT
        )
    if kind == "aber":
        # German sets a comma before "aber" between clauses; without one it is a particle
        # ("Das war aber gut").
        return _at_clause_start(text, ms, start)
    if kind == "however":
        return _at_clause_start(text, ms, start) or _next_char(text, me, end) == ","
    if kind == "yet":
        before, after = _prev_word(text, ms, start), _next_word(text, me, end)
        if after in _YET_NOT_CONTRAST_AFTER or before in _YET_NOT_CONTRAST_BEFORE:
            return False  # "not yet", "yet to"
        return before == "and" or _at_clause_start(text, ms, start)
    return _at_clause_start(text, ms, start)  # "that said", "nevertheless", ...


def _concession_cuts(
    text: str, word: str, ms: int, me: int, *, start: int, end: int
) -> list[tuple[int, int, ClauseRole]]:
    """Cuts for although / though / whereas / while, or none when not contrastive."""
    temporal = word in ("while", "whilst")
    if _prev_char(text, ms, start) in ("", ";"):
        # "Although X, Y": X is the concession, Y the main clause.
        comma = text.find(",", me, min(end, me + _MAX_CONCESSION))
        if comma < 0 or not has_content(text, comma + 1, end):
            return []
        if temporal and _next_word(text, me, end).endswith("ing"):
            return []  # "While presenting, she …" is about time, not contrast
        return [(ms, me, "concession"), (comma, comma + 1, "plain")]
    if word == "though" and _prev_word(text, ms, start) in ("as", "even"):
        return []
    if temporal and _prev_char(text, ms, start) != ",":
        return []
    if not has_content(text, me, end) or _next_char(text, me, end) in ".!?":
        return []  # adverbial "…, though." at the end
    return [(ms, me, "concession")]


def _clauses_from_cuts(
    text: str, start: int, end: int, cuts: list[tuple[int, int, ClauseRole]]
) -> list[Clause]:
    clauses: list[Clause] = []
    seg_start = start
    role_now: ClauseRole = "plain"
    for ms, me, next_role in cuts:
        if ms < seg_start:
            continue
        if has_content(text, seg_start, ms):
            clauses.append(Clause(seg_start, ms, role_now))
            seg_start, role_now = me, next_role
        else:
            # A marker with nothing before it ("However, …", "; however,") only sets
            # the role of what follows.
            seg_start, role_now = me, next_role
    if has_content(text, seg_start, end):
        clauses.append(Clause(seg_start, end, role_now))
    elif clauses:
        last = clauses[-1]
        clauses[-1] = Clause(last.start, end, last.role)
    return [_trim(text, c) for c in clauses]


_TRIM_CHARS = " \t\r\n,;:—–-"


def _trim(text: str, clause: Clause) -> Clause:
    s, e = clause.start, clause.end
    while s < e and text[s] in _TRIM_CHARS:
        s += 1
    while e > s and text[e - 1] in _TRIM_CHARS:
        e -= 1
    return Clause(s, e, clause.role)
