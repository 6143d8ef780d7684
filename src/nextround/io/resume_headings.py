"""A role's heading read into its dates, its company and its job title.

"Senior Engineering Manager, Platform — Lumora Payments (2021 – 2026)": the dates come off
first; then a dash, a bar or "at" parts the title from the company before any comma does,
since a comma more often sits inside a title (the team) or after a company (its town).
Where the words do not tell the two apart, neither is guessed and the heading is kept.
"""

from __future__ import annotations

import re

from nextround.domain.interviewer_names import TITLE_WORDS
from nextround.io.place_names import is_place

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = rf"(?:{_MONTH}\s+\d{{4}}|\d{{1,2}}/\d{{4}}|\d{{4}}-\d{{2}}|(?:19|20)\d{{2}})"
_END = rf"(?:{_DATE}|present|current|now|today|ongoing)"
DATE_RANGE = re.compile(
    rf"(?P<start>{_DATE})\s*(?:–|—|-|to|until)\s*(?P<end>{_END})"
    rf"|(?:since|from)\s+(?P<since>{_DATE})",
    re.IGNORECASE,
)

#: The words of a job title, as an interviewer's brackets are told apart by them.
_TITLE_WORDS = TITLE_WORDS
_COMPANY_WORDS = re.compile(
    r"\b(inc|ltd|llc|gmbh|corp|corporation|co|ag|sa|plc|bv|group|labs?|technologies|"
    r"bank|university|institute|agency|studio|studios|company|holdings|systems|ventures)\b\.?",
    re.IGNORECASE,
)
SEPARATORS = re.compile(r"\s+(?:—|–|-|\||·|•)\s+|\s*,\s+|\s*\|\s*")
_AT = re.compile(r"\s+(?:at|@)\s+", re.IGNORECASE)
#: The separators that part a title from a company ("Title — Company", "Title at Company",
#: "Company | Title"); a comma is weaker: it often sits inside a title ("Senior Engineering
#: Manager, Platform") or between a company and its town ("Acme, Berlin").
_STRONG = re.compile(r"\s*—\s*|\s+(?:–|-|·|•)\s+|\s*\|\s*|\s+(?:at|@)\s+", re.IGNORECASE)
#: What may follow a company's name after a comma and still be part of it ("Acme, Inc.").
_LEGAL_FORM = re.compile(
    r"^(?:inc|ltd|llc|llp|gmbh|corp|co|ag|sa|plc|bv|nv|srl|sl|ab|as|oy|pty ltd)\.?$",
    re.IGNORECASE,
)
#: A part that says where, not who: "Remote", "Hybrid", "Austin, TX".
_PLACE = re.compile(r"^(?i:remote|hybrid|on-?site|in office)$|,\s*[A-Z]{2}$")


def date_range(text: str) -> tuple[str | None, str | None, str]:
    """The start and end a line gives, as written, and the line without them."""
    found = DATE_RANGE.search(text)
    if found is None:
        return None, None, text
    if found.group("since"):
        start, end = found.group("since"), None
    else:
        start, end = found.group("start"), found.group("end")
    if end is not None and end.lower() in {"present", "current", "now", "today", "ongoing"}:
        end = end.capitalize()
    rest = (text[: found.start()] + " " + text[found.end() :]).strip()
    rest = re.sub(r"\(\s*\)|\[\s*\]", "", rest).strip(" ,|·•—–-()")
    return start, end, rest


def title_score(part: str) -> int:
    return len(_TITLE_WORDS.findall(part)) - 2 * len(_COMPANY_WORDS.findall(part))


def company_and_title(parts: list[str]) -> tuple[str | None, str | None]:
    """Company and job title from a heading's parts, or (None, None) where it is not clear.

    "Senior PM at Acme" and "Acme — Senior PM" are told apart by the words a job title uses
    (manager, engineer, lead ...); two parts that both or neither read as a title are left
    as written.
    """
    parts = [p for p in (clean(p) for p in parts) if p]
    if len(parts) == 1:
        only = parts[0]
        return (None, only) if title_score(only) > 0 else (only, None)
    titles = [p for p in parts if title_score(p) > 0]
    if len(titles) != 1:
        return None, None
    title = titles[0]
    others = [p for p in parts if p is not title and not (_PLACE.search(p) or is_place(p))]
    if not others:
        return None, title
    # "Title, Team, Company, Town" read at commas: a part with a company's word ("Labs",
    # "Inc") is the company; otherwise the one right after the title, as most resumes put it.
    named = [p for p in others if _COMPANY_WORDS.search(p)]
    return (named or others)[0], title


def _company_name(part: str) -> str:
    """The company in a part that may add its town: "Acme, Berlin" is Acme, "Acme, Inc." whole."""
    pieces = [p.strip() for p in _split_outside_brackets(re.compile(","), part)]
    kept = [pieces[0]]
    for piece in pieces[1:]:
        if not _LEGAL_FORM.match(piece):
            break
        kept.append(piece)
    return ", ".join(kept)


def clean(text: str) -> str:
    cleaned = text.strip().strip("*_`#:|·•—–-()[] ").strip()
    # "Corvanta Software (Columbus, OH)": a closing bracket that closes one is kept.
    missing = cleaned.count("(") - cleaned.count(")")
    return cleaned + ")" * missing if missing > 0 and ")" in text else cleaned


#: A bracketed part ("(Columbus, OH)"), whose commas and dashes part nothing.
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def split_heading(text: str) -> list[str]:
    """A heading's parts: 'Title at Company' in two, else at dashes, bars and commas.

    Never inside brackets: "Corvanta Software (Columbus, OH)" is one part (QA22 F12).
    """
    at = _AT.split(text, maxsplit=1)
    if len(at) == 2:
        return at
    return _split_outside_brackets(SEPARATORS, text)


def _split_outside_brackets(separator: re.Pattern[str], text: str) -> list[str]:
    """``text`` cut at ``separator``, except inside brackets ("(Columbus, OH)")."""
    # The separators are found in a copy whose bracketed parts are blanked out, then the
    # text is cut at the same places.
    masked = _BRACKETED.sub(lambda m: "x" * len(m.group()), text)
    parts, start = [], 0
    for match in separator.finditer(masked):
        parts.append(text[start : match.start()])
        start = match.end()
    parts.append(text[start:])
    return parts


def heading_company_and_title(lines: list[str]) -> tuple[str | None, str | None]:
    """Company and job title from a role's heading lines (their dates taken off).

    Each line is first cut only where a title and a company meet (a dash, a bar, "at"), so
    a comma stays inside the title: "Senior Engineering Manager, Platform — Lumora Payments"
    is Lumora Payments' "Senior Engineering Manager, Platform". Only when that does not
    tell the two apart are the commas read as separators too ("Senior PM, Acme").
    """
    strong = [p for line in lines for p in _STRONG.split(line) if clean(p)]
    if 2 <= len(strong) <= 4:
        company, title = company_and_title(strong)
        if company is not None and title is not None:
            return _company_name(company), title
    parts = [p for line in lines for p in split_heading(line) if clean(p)]
    return company_and_title(parts) if len(parts) <= 4 else (None, None)
