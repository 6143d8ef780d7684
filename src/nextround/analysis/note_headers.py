"""A note's header line: which call or meeting it records, and when ("Call with Dan, 30 Oct.").

Notes typed during or after a call often open with a line naming it: "Call with Hays
recruiter (Dan), 30 Oct.", "Debrief with Priya - Tue 4 Nov", "Phone screen notes, 12/03".
It says what the notes are, as a title does, but it ends with a full stop and runs straight
into the first note, so the splitter would read it as the first words of that note. It
judges nothing and is set aside, listed under "Not read as feedback".
"""

from __future__ import annotations

import re
from functools import cache

from nextround.analysis.pasted_mail import Aside

NOTE_HEADER = "note header"

# A header is short: what, with whom, when.
_MAX_WORDS = 14


# The kind of meeting a header names: "call", "phone screen", "quick debrief", "notes".
_MEETING = (
    r"(?:(?:phone|video|zoom|teams|intro|introductory|screening|follow[- ]up|feedback|"
    r"debrief|quick|catch[- ]up|recruiter|first|second|final) )?"
    r"(?:call|meeting|chat|catch[- ]up|conversation|debrief|de-brief|interview|screen|"
    r"screening|sync|1:1|1-1|one[- ]to[- ]one|check[- ]in|session|notes)s?"
)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    meeting = _MEETING
    # The kind of meeting near the line's start: "Call with ...", "Notes from my call ...",
    # "Quick debrief with ...", "Mon 3 Nov - call with ...".
    opening = re.compile(
        rf"^(?:[\w/.,:()-]+\s+){{0,4}}?{meeting}\b"
        r"(?:\s+(?:with|from|w/|by|re|about|for|on|at|after|to)\b|\s*[,(:–—-]|\s*$)",
        re.IGNORECASE,
    )
    month = (
        r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    )
    weekday = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|rsday|sday)?\.?"
    when = re.compile(
        rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{month}(?:\s+\d{{4}})?|{month}\s+\d{{1,2}}"
        rf"(?:st|nd|rd|th)?\b|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}(?:[/.]\d{{2,4}})?|"
        rf"{weekday}(?=[\s,.)]|$)|today|yesterday|this (?:morning|afternoon)|"
        r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)",
        re.IGNORECASE,
    )
    return opening, when


def is_note_header(line: str) -> bool:
    """Whether a line only says which call or meeting the notes record, and when.

    It names a kind of meeting near its start and a date or time, in at most a dozen or so
    words, and judges nothing: "Interview on 3 Nov went really well" is a note.
    """
    from nextround.analysis.polarity import read_polarity

    stripped = line.strip(" \t*_#>")
    words = stripped.split()
    if not words or len(words) > _MAX_WORDS or stripped[-1:] in "!?":
        return False
    opening, when = _patterns()
    if opening.match(stripped) is None or when.search(stripped) is None:
        return False
    if re.search(r"\b(?:you|your|yours)\b", stripped, re.IGNORECASE):
        return False  # about the person: "Call with you on Monday" is rare, a remark likelier
    # A date ("30 Oct") or a verb-like word ("screen", "check-in") may read as a behaviour
    # indicator; a judgement word makes it a note.
    return all(cue.startswith("indicator:") for cue in read_polarity(stripped).cues)


@cache
def _heading() -> re.Pattern[str]:
    # With whom, up to the full stop or colon that ends the heading, then the first note
    # with its capital: "Call with Hays recruiter (Dan), 30 Oct. They liked …".
    # Fewer kinds than a header line's: a statement that opens "Interview with the CTO." may
    # be a note of its own, where a line alone with a date is not.
    return re.compile(
        r"^\s*(?:(?:phone|video|zoom|teams|quick|debrief|feedback|follow-up)\s+)?"
        r"(?:call|chat|conversation|debrief|catch-up|meeting|notes?)\s+(?:with|from)\s+"
        r"[^.!?:;]{1,60}?[.:]\s+(?=(?-i:[A-Z]))",
        re.IGNORECASE,
    )


def heading_length(text: str) -> int:
    """How much of ``text`` is a heading left on its first note, 0 when it opens with none.

    A header line that ran into the note it heads ("Call with Hays recruiter (Dan), 30 Oct.
    They liked your stakeholder stories") reaches the mapper as one statement; its words
    (recruiter, a date) pull the statement away from what was said.
    """
    match = _heading().match(text)
    return match.end() if match else 0


def note_header_asides(text: str) -> list[Aside]:
    """The lines of ``text`` that are note headers, each a whole line over notes.

    A header heads something: a line with nothing after it is the whole text, and stays.
    """
    asides = []
    pos = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if (
            line.strip()
            and any(later.strip() for later in lines[index + 1 :])
            and is_note_header(line)
        ):
            start = pos + len(line) - len(line.lstrip())
            asides.append(Aside(start, pos + len(line.rstrip()), NOTE_HEADER))
        pos += len(line) + 1
    return asides
