"""The headings and form labels of a pasted document: "## 1. Delivery", "**Reviewer:** Paul".

A review exported from an HR tool or written in markdown carries its form with it: section
headings, and fields that say who wrote it and when ("**Reviewer:** Paul Girard, VP
Operations", "Period: Jan–Dec 2025"). They judge nothing. A field line is set aside before
splitting; a heading stays in the text, where it tells what the lines under it are about,
and is only listed under its own name ("heading or label"), not as courtesy or sign-off.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from nextround.analysis.pasted_mail import Aside

HEADING_OR_LABEL = "heading or label"

# The fields of a review form: who, whom, when, which role.
_FIELDS = (
    r"(?:reviewers?|reviewees?|reviewed by|assessors?|appraisers?|appraisees?|employees?|"
    r"employee (?:name|id|number)|staff (?:name|id)|(?:line |reporting )?managers?|"
    r"(?:review |appraisal |reporting |assessment )?(?:period|date|year|cycle)|"
    r"prepared by|written by|completed by|authors?|date (?:of review|completed|written)|"
    r"(?:job |role |position )?titles?|roles?|positions?|departments?|divisions?|"
    r"business units?|locations?|sites?|grades?|bands?|levels?|names?|candidates?|"
    r"participants?|review type|form|template|status)"
)


@cache
def _field_line() -> re.Pattern[str]:
    # "**Reviewer:** Paul Girard, VP Operations", "__Period__: Jan–Dec 2025", "Date: 18/12".
    # The value is short and no sentence: "Manager: she needs to delegate more." is none.
    return re.compile(
        rf"[ \t]*(?:[-*•][ \t]+)?(?:\*\*|__)?{_FIELDS}(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?"
        r"[ \t]*(?P<value>[^\n]{1,80}?)[ \t]*$",
        re.IGNORECASE,
    )


@cache
def _heading_line() -> re.Pattern[str]:
    # "## 1. Delivery and execution (part 3)", "**Objectives for 2026**".
    return re.compile(
        r"[ \t]*(?:#{1,6}[ \t]+\S[^\n]*|(?:\*\*|__)[^*_\n]{1,80}(?:\*\*|__):?)[ \t]*$"
    )


def _lines(text: str) -> Iterable[tuple[int, int]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


def field_lines(text: str) -> list[Aside]:
    """The lines that fill in a review form's field: set aside, they are no feedback."""
    found = []
    for start, end in _lines(text):
        match = _field_line().fullmatch(text, start, end)
        if match is None:
            continue
        value = match["value"]
        # A value is a name, a date, a role: a few words, no sentence ending inside it.
        if len(value.split()) <= 10 and not re.search(r"[.!?]\s+\S", value):
            found.append(Aside(start, end, HEADING_OR_LABEL))
    return found


def heading_lines(text: str, taken: Iterable[tuple[int, int]]) -> list[Aside]:
    """The heading lines outside the spans ``taken`` (statements, other asides)."""
    spans = sorted(taken)
    found = []
    for start, end in _lines(text):
        if _heading_line().fullmatch(text, start, end) is None:
            continue
        if any(s < end and start < e for s, e in spans):
            continue
        found.append(Aside(start, end, HEADING_OR_LABEL))
    return found
