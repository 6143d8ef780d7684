"""The parts of a paste that are plainly no feedback, and why: a quoted thread, a disclaimer.

The splitter leaves them out of the statements (see ``statements.split_statements``); the
CLI and the web list them with their reason under "Not read as feedback", after the
courtesy and decision talk that ``left_out`` finds, so that nothing is dropped unseen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from nextround.analysis.document_labels import HEADING_OR_LABEL, field_lines, heading_lines
from nextround.analysis.document_remarks import document_remark_asides
from nextround.analysis.interview_technique import technique_asides
from nextround.analysis.message_chrome import chrome_asides
from nextround.analysis.note_headers import note_header_asides
from nextround.analysis.pasted_mail import Aside, mail_asides
from nextround.analysis.rating_tables import rated_rows

# The lines that open a quoted thread: "On ... wrote:", "-----Original Message-----", "From:".
_THREAD_HEADER = re.compile(
    r"-{2,}.*|_{5,}|(?:from|sent|date|to|cc|subject)\s*:.*|.*\bwrote\s*:", re.IGNORECASE
)
_WROTE = re.compile(r"\bwrote\s*:\s*$", re.IGNORECASE)
_MARKDOWN = re.compile(r"^#{1,6}\s+|\*\*|__")
# A long quoted thread is shown by its first words, with how many lines it has.
_EXCERPT_CHARS = 140


def set_aside(text: str, topics: Sequence[str] = ()) -> list[Aside]:
    """The stretches of ``text`` that are no feedback, in reading order, none overlapping.

    The quoted thread of a reply is one only when the rest of the text holds feedback
    (see ``pasted_mail.mail_asides``), which takes a split of that rest.
    """

    def reads_as_feedback(rest: str) -> bool:
        from nextround.analysis.statements import split_statements

        return bool(split_statements(rest, topics))

    found = sorted(
        [
            *mail_asides(text, reads_as_feedback),
            *chrome_asides(text),
            *note_header_asides(text),
            *rated_rows(text)[1],
            *field_lines(text),
            *technique_asides(text),
            *document_remark_asides(text),
        ],
        key=lambda a: (a.start, -a.end),
    )
    kept: list[Aside] = []
    for aside in found:
        if kept and aside.start < kept[-1].end:
            continue  # a header line inside a quoted thread goes with the thread
        kept.append(aside)
    return kept


_KINDS = {HEADING_OR_LABEL: "headings and labels"}

#: What the passages ``left_out`` finds are: said before the kinds set aside here.
USUAL_KINDS = "thanks, courtesy, sign-off, talk about the decision"


@dataclass(frozen=True)
class NotFeedback:
    """A passage of a paste read as no feedback, and why (``reason``), when it is plain."""

    text: str
    reason: str


def not_feedback(text: str, asides: Iterable[Aside]) -> list[NotFeedback]:
    """The set-aside stretches as passages to list: a long quote by its opening words."""
    passages = []
    for aside in asides:
        excerpt = _excerpt(text[aside.start : aside.end])
        if excerpt:
            passages.append(NotFeedback(excerpt, aside.reason))
    return passages


def _excerpt(raw: str) -> str:
    # Quote marks and markdown ("## ", "**") are how the line was typed, not what it says.
    lines = [_MARKDOWN.sub("", re.sub(r"^[\s>]+", "", line)).strip() for line in raw.splitlines()]
    lines = [line for line in lines if line]
    # The body says what was quoted; "On ... wrote:" (maybe wrapped) only who wrote it.
    wrote = next((i for i, line in enumerate(lines[:2]) if _WROTE.search(line)), None)
    if wrote is not None and wrote + 1 < len(lines):
        lines = lines[wrote + 1 :]
    while len(lines) > 1 and _THREAD_HEADER.match(lines[0]):
        lines = lines[1:]
    words = " ".join(" ".join(lines).split())
    if not re.search(r"[^\W_]", words):
        return ""  # a "|---|---|" row or a bare ">"
    if len(words) > _EXCERPT_CHARS:
        cut = words.rfind(" ", 0, _EXCERPT_CHARS)
        words = words[: cut if cut > 0 else _EXCERPT_CHARS].rstrip(",;:.") + "…"
    if len(lines) > 2:
        words += f" ({len(lines)} lines)"
    return words


def read_around(
    text: str, spans: Iterable[tuple[int, int]], topics: Sequence[str] = ()
) -> tuple[list[str], list[NotFeedback]]:
    """What a text says outside its statements: courtesy passages, then set-aside stretches.

    ``spans`` are the statements' offsets. The CLI and the web both list these two under
    "Not read as feedback", the second with their reasons.
    """
    from nextround.analysis.left_out import left_out
    from nextround.domain.pasted_html import readable_text

    shown = readable_text(text)
    if shown is not None:  # an HTML paste: read around its statements in the text it shows
        text, spans = shown.text, [shown.from_source(start, end) for start, end in spans]
    asides = set_aside(text, topics)
    covered = [*spans, *((a.start, a.end) for a in asides)]
    # Headings stay in the text to split (they say what the lines under them are about),
    # so they are found here, and listed as what they are rather than as courtesy.
    headings = heading_lines(text, covered)
    covered += [(h.start, h.end) for h in headings]
    asides = sorted([*asides, *headings], key=lambda a: a.start)
    return left_out(text, covered, topics), not_feedback(text, asides)


def left_out_kinds(usual: Sequence[str], asides: Sequence[NotFeedback]) -> str:
    """The kinds of passage listed, for the heading: "thanks, ..., quoted earlier message"."""
    kinds = [USUAL_KINDS] if usual else []
    # "headings and labels" for the kind, "heading or label" for each line of it.
    kinds += list(dict.fromkeys(_KINDS.get(a.reason, a.reason) for a in asides))
    return ", ".join(kinds)
