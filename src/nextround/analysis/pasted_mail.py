"""What a pasted e-mail holds besides the message: the earlier message it quotes, disclaimers.

A reply quotes the thread below it ("On Mon, 13 Oct 2026 at 09:02, Priya <...> wrote:",
"> " lines, "-----Original Message-----", an Outlook "From: ... Sent: ..." block), and a
company's mail server appends its legal notice ("This e-mail and any attachments are
confidential ..."). Neither is feedback: the quote is often the candidate's own words.
Both stay in the stored text; the splitter leaves them out and says why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

QUOTED = "quoted earlier message"
DISCLAIMER = "e-mail disclaimer"


@dataclass(frozen=True)
class Aside:
    """A stretch of a pasted text that is no feedback, and why (``reason``)."""

    start: int
    end: int
    reason: str


class _Patterns:
    def __init__(self) -> None:
        # "On Mon, Oct 13, 2026 at 9:02 AM Priya Raman <p@example.com> wrote:"; mail apps in
        # other languages write "Le ... a écrit :", "Am ... schrieb ...:". A date or an
        # address in it tells it from prose ("Here is what Dana wrote:").
        self.attribution = re.compile(
            r"(?:on|le|am|el|il|op|den)\b(?=[^\n]*[\d@])[^\n]{4,300}?\b"
            r"(?:wrote|a écrit|schrieb|escribió|ha scritto|schreef|skrev)\s*:\s*$",
            re.IGNORECASE,
        )
        self.attribution_start = re.compile(r"(?:on|le|am|el|il|op|den)\b.*\d", re.IGNORECASE)
        self.original = re.compile(
            r"-{2,}\s*(?:original message|original e-?mail|ursprüngliche nachricht|"
            r"message d'origine)\s*-{2,}\s*$|_{10,}\s*$",
            re.IGNORECASE,
        )
        self.header = re.compile(r"(?:from|sent|date|to|cc|subject)\s*:", re.IGNORECASE)
        # A forward is the message passed on, usually the very feedback: it is read.
        self.forwarded = re.compile(
            r"[-\s]*(?:forwarded message|begin forwarded message|fwd?:)", re.IGNORECASE
        )
        self.quote = re.compile(r"[ \t]*>")
        self.sentence_end = re.compile(r"[.!?][\"')\]]*\s+")
        # A ">" that opens prose rather than a quote: "> 90% of tickets closed in SLA".
        self.quote_of_prose = re.compile(r"[ \t]*>[ \t]*[\d%$£€+=-]")
        self.notice_label = re.compile(
            r"[*_\s]*(?:(?:strictly\s+)?(?:private\s+and\s+)?(?:privileged\s+(?:and|&)\s+)?"
            r"confidential(?:ity)?|legal|important|e-?mail|privacy)?\s*"
            r"(?:notice|disclaimer|warning)\s*[:*_-]",
            re.IGNORECASE,
        )
        self.disclaimer = re.compile(
            r"\b(?:this|the)\s+(?:e-?mail|message|communication|transmission)\b[^.\n]{0,100}?"
            r"\b(?:is|are|may\s+be|contains?|may\s+contain)\b[^.\n]{0,50}?"
            r"\b(?:confidential|privileged|proprietary)|"
            r"\bintended\s+(?:solely\s+|only\s+|exclusively\s+)?for\s+the\s+(?:sole\s+)?"
            r"(?:use\s+of\s+the\s+)?(?:addressee|named\s+recipient|intended\s+recipient|"
            r"recipient|individual|person|entity)|"
            r"\bif\s+you\s+(?:are\s+not|have\s+received\s+this)[^.\n]{0,60}?"
            r"(?:intended\s+recipient|in\s+error)|"
            r"\bplease\s+consider\s+the\s+environment\s+before\s+printing|"
            r"\b(?:unauthori[sz]ed|any)\s+(?:use|review|disclosure|distribution|copying|"
            r"dissemination|retransmission)\b[^.\n]{0,160}?\b(?:strictly\s+)?prohibited",
            re.IGNORECASE,
        )


@cache
def _re() -> _Patterns:
    return _Patterns()


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _blank(text: str, span: tuple[int, int]) -> bool:
    return not text[span[0] : span[1]].strip(" \t\r>")


def _is_quoted(text: str, span: tuple[int, int]) -> bool:
    return bool(_re().quote.match(text, *span)) and not _re().quote_of_prose.match(text, *span)


def _thread_starts(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(first line, last line + 1) of each quoted stretch, in order."""
    found: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        start, end = lines[index]
        line = text[start:end].strip()
        first = index
        attribution = _re().attribution.match(line)
        if not attribution and index + 1 < len(lines) and _re().attribution_start.match(line):
            # Gmail wraps a long attribution: "On Mon, ... Priya Raman <\np@example.com> wrote:"
            joined = line + " " + text[slice(*lines[index + 1])].strip()
            if len(line) > 20 and _re().attribution.match(joined):
                attribution, index = _re().attribution.match(joined), index + 1
        if attribution or _re().original.match(line) or _opens_header_block(text, lines, index):
            after = index + 1
            while after < len(lines) and _blank(text, lines[after]):
                after += 1
            if attribution and after < len(lines) and _is_quoted(text, lines[after]):
                last = _quoted_run_end(text, lines, after)
            else:
                last = len(lines)  # an unmarked quote runs to the end (Outlook, forwards)
            found.append((first, last))
            index = last
            continue
        if _is_quoted(text, lines[index]):
            last = _quoted_run_end(text, lines, index)
            if last - index >= 2 or _quote_reads_as_text(text, lines[index]):
                found.append((index, last))
            index = max(last, index + 1)
            continue
        index += 1
    return found


def _quote_reads_as_text(text: str, span: tuple[int, int]) -> bool:
    body = text[span[0] : span[1]].lstrip(" \t>")
    return len(body.split()) >= 3


def _quoted_run_end(text: str, lines: list[tuple[int, int]], index: int) -> int:
    """The line after a run of quoted lines (blank lines inside it included)."""
    last = index
    probe = index
    while probe < len(lines):
        if _is_quoted(text, lines[probe]):
            last = probe + 1
        elif not _blank(text, lines[probe]):
            break
        probe += 1
    return last


def _opens_header_block(text: str, lines: list[tuple[int, int]], index: int) -> bool:
    """A "From:" line with at least one more header line ("Sent:", "To:") right under it."""
    start, end = lines[index]
    if not re.match(r"[*\s]*from\s*:", text[start:end], re.IGNORECASE):
        return False
    before = [span for span in lines[max(0, index - 3) : index] if not _blank(text, span)]
    if before and _re().forwarded.match(text[slice(*before[-1])]):
        return False
    following = lines[index + 1 : index + 3]
    return any(_re().header.match(text[s:e].lstrip(" \t*")) for s, e in following)


def _disclaimers(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) characters of each legal notice: from its sentence to its paragraph's end.

    A notice that starts mid-line ("... hard to follow. This e-mail is confidential ...",
    pasted as one paragraph) starts at its own sentence, so the feedback before it is read.
    """
    found: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        start, end = lines[index]
        line = text[start:end]
        label = _re().notice_label.match(line)
        notice = None if label else _re().disclaimer.search(line)
        if label or notice:
            last = index + 1
            # A bare "CONFIDENTIALITY NOTICE:" line heads the paragraph after a blank line.
            if label and not line[label.end() :].strip():
                while last < len(lines) and _blank(text, lines[last]):
                    last += 1
            while last < len(lines) and not _blank(text, lines[last]):
                last += 1
            begins = start
            if notice:
                sentence_ends = list(_re().sentence_end.finditer(line, 0, notice.start()))
                if sentence_ends:
                    begins = start + sentence_ends[-1].end()
            found.append((begins, lines[last - 1][1]))
            index = last
            continue
        index += 1
    return found


def mail_asides(text: str, reads_as_feedback: Callable[[str], bool]) -> list[Aside]:
    """The quoted thread and the disclaimers of a pasted e-mail, in reading order.

    ``reads_as_feedback(part)`` says whether a part of the text holds feedback; the quoted
    thread is set aside only when what is left of the text does. A paste that is all quote
    ("> Great answer on pricing") or a reply that only says thanks above the recruiter's
    quoted feedback is read whole: the quote is then the feedback.
    """
    lines = _lines(text)
    disclaimers = [Aside(a, b, DISCLAIMER) for a, b in _disclaimers(text, lines)]
    quoted = [
        Aside(lines[a][0], lines[b - 1][1], QUOTED)
        for a, b in _thread_starts(text, lines)
        if not any(d.start <= lines[a][0] < d.end for d in disclaimers)
    ]
    if quoted:
        rest = blank_out(text, [*quoted, *disclaimers])
        if not reads_as_feedback(rest):
            quoted = []
    # A notice inside the quoted thread goes with it.
    disclaimers = [d for d in disclaimers if not any(q.start <= d.start < q.end for q in quoted)]
    return sorted([*quoted, *disclaimers], key=lambda a: a.start)


def blank_out(text: str, asides: list[Aside]) -> str:
    """The text with the asides' characters turned to spaces; line breaks and offsets stay."""
    if not asides:
        return text
    chars = list(text)
    for aside in asides:
        for i in range(aside.start, min(aside.end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
