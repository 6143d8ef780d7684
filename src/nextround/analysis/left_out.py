"""The passages of a feedback text that were not read as statements: thanks, sign-offs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from nextround.analysis.statement_text import signature_kind
from nextround.analysis.statements import title_span
from nextround.analysis.topic_lines import Topics

#: Fewer words than this, without a full stop, is a greeting, a heading, a name or a join
#: between two clauses ("Hi Nadia", "Strengths", "Maya", ", but"): not worth listing.
MIN_WORDS = 4
#: A line ending in a colon with at most this many words heads what follows it.
_HEADING_MAX_WORDS = 12
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Words that join a passage to the feedback cut from its sentence: "Thanks for your time -
# unfortunately" is "Thanks for your time".
_JOINS = frozenset(
    [
        "and",
        "but",
        "so",
        "because",
        "as",
        "since",
        "that",
        "unfortunately",
        "sadly",
        "regrettably",
        "however",
        "though",
        "although",
        "yet",
    ]
)
_JOIN_MARKS = " \t,;:—–-"
# The last word of a passage, after a space or a dash: "time–unfortunately".
_FIRST_WORD = re.compile(r"([a-z]+)\b[\s,]*")
_LAST_WORD = re.compile(r"(?:\s+|\s*[—–]\s*|\s+-{1,2}\s+)([^\W\d_]+)$")


def _without_join(passage: str) -> str:
    """A passage without what joined it to the statement cut from its sentence.

    "It was a tough call because" reads "It was a tough call", and "Thanks for your time,
    but unfortunately" reads "Thanks for your time".
    """
    passage = passage.rstrip(_JOIN_MARKS)
    # "and you're through to the onsite!", cut from after the feedback: a lower-case join
    # is what tied it to that feedback, not how it opens.
    first = _FIRST_WORD.match(passage)
    while first and first.group(1) in _JOINS and first.end() < len(passage):
        passage = passage[first.end() :].lstrip(_JOIN_MARKS)
        first = _FIRST_WORD.match(passage)
    while True:
        last = _LAST_WORD.search(passage)
        if last is None or not last.start() or last.group(1).lower() not in _JOINS:
            return passage
        passage = passage[: last.start()].rstrip(_JOIN_MARKS)


_SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*$")
_SENTENCES = re.compile(r"(?<=[.!?…])\s+")


def left_out(text: str, spans: Iterable[tuple[int, int]], topics: Sequence[str] = ()) -> list[str]:
    """The passages of ``text`` outside ``spans`` (its statements), in reading order.

    A passage is a sentence, or the part of one, that no statement covers and that reads as
    something said: it ends a sentence, or has at least MIN_WORDS words. A competency's
    name among ``topics`` is none: it was read, as the topic of the statements under it.
    """
    names = Topics(topics)
    passages: list[str] = []
    cursor = 0
    # A title ("Annual review 2026 - Sam Lee") says what the text is, as a heading does.
    title = title_span(text)
    for start, end in sorted((*spans, *([title] if title else []), (len(text), len(text)))):
        if start > cursor:
            passages += [p for p in _passages(text[cursor:start]) if not names.only_names(p)]
        cursor = max(cursor, end)
    return passages


def _passages(gap: str) -> list[str]:
    found = []
    for line in gap.splitlines():
        if line.rstrip().endswith(":") and len(_WORD.findall(line)) <= _HEADING_MAX_WORDS:
            continue  # a heading: "Areas to develop:", "Notes from our 20 Oct session:"
        for part in _SENTENCES.split(line.strip(" \t>-–—•*,;:")):
            passage = _without_join(part.strip(" \t,;"))
            words = len(_WORD.findall(passage))
            if passage.endswith(":") or not words or signature_kind(passage):
                continue  # a heading, or a signature's name, title or contact line
            if words >= MIN_WORDS or (words >= 2 and _SENTENCE_END.search(passage)):
                found.append(passage)
    return found
