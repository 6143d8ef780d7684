"""Many regexes matched as one alternation would match them, compiling only what a text needs.

The polarity phrases are 174 patterns, 65,000 characters of regex. Compiled as one
alternation they cost a cold command about 60 ms, most of it in Python's regex parser, yet
a clause can match only the few that contain a word it has. Each pattern's required words
(at least one of them is in every match) are read from its source by a small scanner at
under half the parser's cost, and a text compiles and tries only the patterns whose words
it contains. The matches are those of the alternation: at the leftmost
position where any pattern matches, the first pattern in order, and so on from its end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property

#: One token of a regex source: an escape, a character class, a group opening (plain,
#: non-capturing, atomic or a lookaround), a group end, "|", a quantifier, a run of
#: plain characters, or anything else (inline flags, back-references: not understood).
_TOKEN = re.compile(
    r"\\(?P<escape>.)"
    r"|(?P<charset>\[\^?\]?(?:\\.|[^\]\\])*\])"
    r"|(?P<open>\((?!\?)|\(\?(?::|>|=|!|<=|<!|P<\w+>))"
    r"|(?P<close>\))"
    r"|(?P<bar>\|)"
    r"|(?P<repeat>(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?)"
    r"|(?P<plain>[^\\\[\]()|?*+{}.^$]+)"
    r"|(?P<other>[.^$])"
    r"|(?P<unknown>.)",
    re.DOTALL,
)
_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
_CLASS_ESCAPES = frozenset("wWsSdD")
_LOOKAROUNDS = frozenset({"(?=", "(?!", "(?<=", "(?<!"})

Needles = frozenset[str] | None


class _Unknown(Exception):  # noqa: N818 - internal: a construct the scanner does not read
    """The source uses a construct the scanner does not read: it needs no words then."""


def required_words(source: str) -> Needles:
    """Strings one of which every match of ``source`` contains; None when none can be told.

    None is always safe (the pattern is then tried on every text); a set is sound by
    construction: it comes only from characters every match must contain in sequence.
    """
    tokens = [(m.lastgroup or "", m.group()) for m in _TOKEN.finditer(source)]
    try:
        needles, end = _alternation(tokens, 0)
    except _Unknown:
        return None
    return needles if end == len(tokens) else None


def _alternation(tokens: list[tuple[str, str]], i: int) -> tuple[Needles, int]:
    branches: list[Needles] = []
    while True:
        needles, i = _sequence(tokens, i)
        branches.append(needles)
        if i < len(tokens) and tokens[i][0] == "bar":
            i += 1
            continue
        if any(b is None for b in branches):
            return None, i
        return frozenset().union(*(b for b in branches if b is not None)), i


def _sequence(tokens: list[tuple[str, str]], i: int) -> tuple[Needles, int]:
    """The most selective requirement of a sequence: its longest sure run, or a group's."""
    found: list[frozenset[str]] = []
    run = ""
    while i < len(tokens) and tokens[i][0] not in ("bar", "close"):
        kind, text = tokens[i]
        if kind == "plain":
            run += text[:-1]  # a quantifier after a run repeats only its last character
        char, atom, i = _atom(tokens, i)
        least = None
        if i < len(tokens) and tokens[i][0] == "repeat":
            least = _least(tokens[i][1])
            i += 1
        if char is not None and least is None:
            run += char
            continue
        # Anything else ends the run: "ab+" always has "ab", but "ab+c" need not have
        # "abc", and "ab?" has only "a".
        if char is not None and least:
            run += char
        if run:
            found.append(frozenset({run}))
        run = ""
        if char is None and least != 0 and atom:
            found.append(atom)
    if run:
        found.append(frozenset({run}))
    if not found:
        return None, i
    return max(found, key=lambda needles: min(len(n) for n in needles)), i


def _atom(tokens: list[tuple[str, str]], i: int) -> tuple[str | None, Needles, int]:
    """The atom at ``i``: its literal character, or else what it requires; and where it ends.

    A class, an anchor and a lookaround are no character and require nothing.
    """
    kind, text = tokens[i]
    i += 1
    if kind == "plain":
        return text[-1], None, i
    if kind == "escape":
        letter = text[1]
        if not letter.isalnum():
            return letter, None, i  # an escaped "." or "'"
        if letter in _ZERO_WIDTH_ESCAPES or letter in _CLASS_ESCAPES:
            return None, None, i
        raise _Unknown  # \n, \x41, a back-reference...
    if kind == "open":
        inner, i = _alternation(tokens, i)
        if i >= len(tokens) or tokens[i][0] != "close":
            raise _Unknown
        return None, (None if text in _LOOKAROUNDS else inner), i + 1
    if kind in ("charset", "other"):
        return None, None, i
    raise _Unknown  # a stray quantifier or ")", syntax the scanner does not read


def _least(quantifier: str) -> int:
    """The fewest repeats a quantifier allows."""
    if quantifier[0] in "?*":
        return 0
    if quantifier[0] == "+":
        return 1
    low = quantifier[1:].split(",", maxsplit=1)[0].rstrip("}?+")
    return int(low) if low else 0


class PhraseAlternation:
    """Regexes tried as one alternation between word boundaries, each compiled when needed."""

    def __init__(self, sources: Sequence[str]) -> None:
        self._sources = tuple(sources)
        self._compiled: dict[int, re.Pattern[str]] = {}

    @cached_property
    def _needles(self) -> tuple[Needles, ...]:
        return tuple(required_words(source) for source in self._sources)

    @cached_property
    def _whole(self) -> re.Pattern[str]:
        """The alternation itself, for a text where some pattern matches empty."""
        parts = [f"(?P<p{i}>{source})" for i, source in enumerate(self._sources)]
        return re.compile(r"\b(?:" + "|".join(parts) + r")\b")

    def _pattern(self, index: int) -> re.Pattern[str]:
        found = self._compiled.get(index)
        if found is None:
            found = self._compiled[index] = re.compile(rf"\b(?:{self._sources[index]})\b")
        return found

    def finditer(self, text: str) -> list[tuple[int, re.Match[str]]]:
        """Each match in order with the index of its pattern, as the alternation finds them."""
        candidates = [
            i
            for i, needles in enumerate(self._needles)
            if needles is None or any(n in text for n in needles)
        ]
        upcoming = {i: self._pattern(i).search(text) for i in candidates}
        out: list[tuple[int, re.Match[str]]] = []
        while True:
            live = [(m.start(), i, m) for i, m in upcoming.items() if m is not None]
            if not live:
                return out
            # The leftmost start, and there the first pattern in order: the alternation's pick.
            start, index, match = min(live, key=lambda found: found[:2])
            end = match.end()
            if end == start:  # empty-match rules of finditer: leave them to the regex engine
                return [(int((m.lastgroup or "p0")[1:]), m) for m in self._whole.finditer(text)]
            out.append((index, match))
            for i, m in upcoming.items():
                if m is not None and m.start() < end:
                    upcoming[i] = self._pattern(i).search(text, end)
