"""What an invite's words say about an interview: its format and the company it is with."""

from __future__ import annotations

import re

from nextround.domain.journey import InterviewFormat
from nextround.domain.labels import words

#: Most telling first: "Technical case study" is a case, "Coding (technical)" coding.
_FORMAT_WORDS: tuple[tuple[InterviewFormat, tuple[str, ...]], ...] = (
    (InterviewFormat.SYSTEM_DESIGN, ("system design", "systems design", "architecture")),
    (
        InterviewFormat.CODING,
        ("coding", "pair programming", "pairing", "live code", "leetcode", "algorithm"),
    ),
    (InterviewFormat.CASE, ("case study", "case interview", "case")),
    (InterviewFormat.PRESENTATION, ("presentation", "present", "portfolio review")),
    (InterviewFormat.PRACTICAL_EXERCISE, ("take-home", "take home", "exercise", "work sample")),
    (InterviewFormat.TECHNICAL, ("technical", "tech screen", "tech interview")),
    (
        InterviewFormat.BEHAVIOURAL,
        (
            "behavioural",
            "behavioral",
            "hiring manager",
            "culture",
            "values",
            "competency",
            "screen",
            "recruiter",
            "intro call",
        ),
    ),
)
#: nextround's own calendar export says the format outright ("Format: System design").
_FORMAT_LINE = re.compile(r"^\s*Format:\s*(.+?)\s*$", re.MULTILINE | re.IGNORECASE)


def guess_format(summary: str, description: str = "") -> tuple[InterviewFormat, str | None]:
    """The format the invite's words suggest, and the words that said so (None: not said).

    The summary speaks first: a description is boilerplate as often as not (video links,
    "please be on time").
    """
    line = _FORMAT_LINE.search(description)
    if line:
        said = line.group(1).strip().lower()
        for fmt in InterviewFormat:
            if said in {words(fmt).lower(), fmt.value}:
                return fmt, f"Format: {line.group(1).strip()}"
    for text in (summary, description):
        lowered = text.lower()
        for fmt, cues in _FORMAT_WORDS:
            for cue in cues:
                if re.search(rf"(?<![a-z]){re.escape(cue)}(?![a-z])", lowered):
                    return fmt, cue
    return InterviewFormat.BEHAVIOURAL, None


def company_key(name: str) -> str:
    """A company name as letters and digits, lower case: 'Acme, Inc.' -> 'acmeinc'."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


_SUFFIXES = ("inc", "ltd", "llc", "gmbh", "plc", "corp", "co", "ag", "sa", "bv")


def company_base(company: str) -> str:
    """The company's name without its legal form: 'Kornblum GmbH' -> 'Kornblum'."""
    return re.sub(rf"[\s,.]+({'|'.join(_SUFFIXES)})\.?$", "", company.strip(), flags=re.I)


def names_company(company: str, summary: str, domains: list[str]) -> bool:
    """Whether an invite names ``company``: in its summary, or as a sender's mail domain.

    'Interview with Acme' and 'jane@acme.io' both name Acme Inc.; a two-letter company
    name matches only as a whole word, never inside another.
    """
    base = company_base(company)
    if not base:
        return False
    if re.search(rf"(?<![0-9a-z]){re.escape(base.lower())}(?![0-9a-z])", summary.lower()):
        return True
    key = company_key(base)
    for domain in domains:
        labels = domain.lower().split(".")
        if len(labels) >= 2 and len(key) >= 3 and company_key(labels[-2]) == key:
            return True
    return False
