"""A resume's lines (from Markdown, Word or PDF) read back into sections, roles and highlights.

Only structure the text shows is recovered: a section under a heading such as "Experience",
a role under a heading or on a line with its dates, bullet points under a role. Company and
title are told apart only when one of them reads as a job title; otherwise the heading is
kept as written. Whatever does not fit is kept as written too, and the notices say so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from nextround.domain.resume import Highlight, Resume, ResumeKind, ResumeRole
from nextround.io.resume_headings import (
    DATE_RANGE,
    SEPARATORS,
    date_range,
    heading_company_and_title,
    title_score,
)


class LineKind(StrEnum):
    """What a line of the file was marked as."""

    HEADING = "heading"
    BULLET = "bullet"
    TEXT = "text"


@dataclass(frozen=True)
class Line:
    """One line of a resume file; ``level`` orders headings (1 the top, 9 a bold line)."""

    kind: LineKind
    text: str
    level: int = 0


#: A bold line on its own: read as a heading below every marked one.
BOLD_LEVEL = 9

_SECTIONS = {
    "experience": (
        "experience|work experience|professional experience|relevant experience|employment|"
        "employment history|work history|career history|career|professional background|"
        "positions|positions held|experience and employment|berufserfahrung|expérience"
    ),
    "education": "education|education and training|academic background|qualifications|degrees",
    "skills": (
        "skills|technical skills|core skills|key skills|skills and tools|tools|technologies|"
        "expertise|core competencies|competencies|skills and expertise"
    ),
    "summary": "summary|professional summary|profile|professional profile|about|about me|"
    "objective|overview|personal statement",
    "other": (
        "projects|selected projects|certifications|certificates|languages|volunteering|"
        "volunteer experience|awards|honors|honours|publications|interests|hobbies|references|"
        "achievements|activities|leadership|courses|training|patents|talks|contact|links"
    ),
}
_SECTION_OF = {name: section for section, names in _SECTIONS.items() for name in names.split("|")}

_TERMINAL = (".", "!", "?", ";")
_SHORT_WORDS = 12
#: The most words a line under a role's dates may have and still be part of its heading
#: (a town, a team: "Berlin, Germany", "Payments platform team").
_PLACE_WORDS = 4


def section_of(text: str) -> str | None:
    """The section a heading names ('experience', 'skills', ...), None for anything else."""
    key = re.sub(r"[^\w\s&]", "", text).replace("&", "and").strip().lower()
    return _SECTION_OF.get(" ".join(key.split()))


@dataclass
class _Reading:
    """What has been read so far."""

    kind: ResumeKind
    resume: Resume
    unread: list[str] = field(default_factory=list)
    kept_sections: list[str] = field(default_factory=list)
    loose_bullets: int = 0
    bullets: int = 0
    continued: int = 0


def structure(lines: Iterable[Line], kind: ResumeKind, file_name: str) -> Resume:
    """The resume a file's lines describe; refused when it does not read as a resume."""
    from nextround.errors import InvalidInputError

    items = [line for line in lines if line.text.strip()]
    reading = _Reading(kind, Resume(file_name=file_name, kind=kind))
    reading.bullets = sum(line.kind is LineKind.BULLET for line in items)
    sections = _split_sections(items)
    found = {name for name, _, _ in sections if name}
    if not found & {"experience", "education", "skills"} and (implicit := _dated(items)):
        # No headings at all, but lines with dates: those and what follows are the roles.
        sections, found = (
            [(None, None, items[:implicit]), ("experience", None, items[implicit:])],
            {"experience"},
        )
        reading.resume.notices.append(
            "No section headings were found: the lines with dates, and what follows them, "
            "were read as roles."
        )
    if not found & {"experience", "education", "skills"}:
        raise InvalidInputError(
            f"{file_name} does not read as a resume: no section is headed Experience, "
            "Education or Skills (or Work history, Employment ...)",
            cli_hint="add such headings (one on a line of its own) and import it again",
            web_hint="add such headings (one on a line of its own) and upload it again",
        )
    for name, heading, body in sections:
        if name is None:
            _preamble(reading, body)
        elif name == "experience":
            _experience(reading, heading, body)
        elif name == "education":
            reading.resume.education += _entries(body)
        elif name == "skills":
            reading.resume.skills += _skills(body)
        elif name == "summary" and reading.resume.summary is None:
            reading.resume.summary = "\n".join(line.text for line in body) or None
        else:
            reading.kept_sections.append(heading.text if heading else "")
            reading.unread += [heading.text if heading else "", *(_as_written(b) for b in body)]
    _finish(reading, "experience" in found)
    return reading.resume


def _split_sections(items: list[Line]) -> list[tuple[str | None, Line | None, list[Line]]]:
    """The file cut at its section headings: (section, heading, lines under it)."""
    sections: list[tuple[str | None, Line | None, list[Line]]] = [(None, None, [])]
    level = None
    for line in items:
        name = section_of(line.text) if line.kind is not LineKind.BULLET else None
        marked = line.kind is LineKind.HEADING
        # A heading names a new section when it is one of the known names; an unknown one
        # at the level of the sections is a section too, kept as written. A known name on
        # a plain line of its own ("EXPERIENCE" in a PDF) starts a section as well.
        if name is not None and (marked or len(line.text.split()) <= 4):
            level = line.level if marked else level
            sections.append((name, line, []))
        elif (
            marked and level is not None and line.level <= level and sections[-1][0] != "experience"
        ):
            sections.append(("other", line, []))
        else:
            sections[-1][2].append(line)
    return [s for s in sections if s[1] is not None or s[2]]


def _as_written(line: Line) -> str:
    return f"- {line.text}" if line.kind is LineKind.BULLET else line.text


def _dated(items: list[Line]) -> int:
    """Where the first line with a date range is (0 when there is none, or it is first)."""
    for index, line in enumerate(items):
        if line.kind is not LineKind.HEADING and DATE_RANGE.search(line.text):
            return index
    return 0


def _preamble(reading: _Reading, body: list[Line]) -> None:
    """The lines before the first section: the name, then everything as written."""
    resume = reading.resume
    rest = list(body)
    if rest and (rest[0].kind is LineKind.HEADING or _looks_like_name(rest[0].text)):
        resume.name = rest.pop(0).text
        # "Senior Product Manager · Berlin · me@example.com" under the name: the first part
        # is the headline when it reads as a job title; the contact details stay as written.
        parts = SEPARATORS.split(rest[0].text, maxsplit=1) if rest else [""]
        headline = parts[0].strip()
        if _short(headline) and not re.search(r"[@\d/]", headline) and title_score(headline) > 0:
            resume.label = headline
            rest[0] = Line(rest[0].kind, parts[1].strip()) if len(parts) > 1 else rest[0]
            if len(parts) == 1:
                rest.pop(0)
    reading.unread += [_as_written(line) for line in rest if line.text]


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.isalpha() for w in words)


def _short(text: str) -> bool:
    return len(text.split()) <= _SHORT_WORDS and not text.rstrip().endswith(_TERMINAL)


def _experience(reading: _Reading, heading: Line | None, body: list[Line]) -> None:
    """Roles and their highlights, from the lines of the experience section."""
    roles = reading.resume.roles
    block: list[Line] = []  # the lines of a role's heading, until its first bullet
    role: ResumeRole | None = None
    # A heading over several roles: "### Acme" over "#### Senior PM" and "#### PM".
    group: Line | None = None
    for index, line in enumerate(body):
        following = body[index + 1] if index + 1 < len(body) else None
        if line.kind is LineKind.BULLET:
            if block:
                role = _role(block)
                roles.append(role)
                block = []
            if role is None:
                role = ResumeRole(heading=heading.text if heading else "Experience")
                roles.append(role)
                reading.loose_bullets += 1
            role.highlights.append(Highlight(line.text))
        elif (joined := _heading_and_highlight(line)) is not None:
            # "Acme 2019-2021: Launched billing" is a role and its highlight on one line.
            if block:
                roles.append(_role(block))
            block, role = [], _role([joined[0]])
            roles.append(role)
            role.highlights.append(Highlight(joined[1]))
        elif _joins_block(block, line):
            block.append(line)
        elif _starts_role(line, following, role):
            nested = (
                line.kind is LineKind.HEADING and group is not None and line.level > group.level
            )
            # The group's heading on its own, right before a role under it, is no role.
            if block and not (nested and block == [group]):
                roles.append(_role(block))
            if nested:
                assert group is not None
                block = [group, line]
            else:
                block = [line]
                group = line if line.kind is LineKind.HEADING else group
            role = None
        elif block:
            role = _role(block)
            roles.append(role)
            block = []
            role.summary = line.text
        elif role is not None and role.highlights and _continues(role, line):
            last = role.highlights[-1]
            last.text = join_broken(last.text, line.text)
            reading.continued += 1
        elif role is not None and not role.highlights:
            role.summary = f"{role.summary}\n{line.text}" if role.summary else line.text
        else:
            reading.unread.append(_as_written(line))
    if block:
        roles.append(_role(block))


def _heading_and_highlight(line: Line) -> tuple[Line, str] | None:
    """A role's heading with its dates and a highlight after a colon, on one line."""
    if line.kind is not LineKind.TEXT or ": " not in line.text:
        return None
    head, rest = line.text.split(": ", 1)
    if not (DATE_RANGE.search(head) and _short(head) and rest.strip()):
        return None
    return Line(LineKind.TEXT, head), rest.strip()


def _joins_block(block: list[Line], line: Line) -> bool:
    """Whether a line adds to a role's heading ("*Jan 2021 - Present*" under "### Acme")."""
    if not block or line.kind is LineKind.HEADING or len(block) >= 3 or not _short(line.text):
        return False
    dated = any(DATE_RANGE.search(b.text) for b in block)
    # A second line with dates is the next role's, when this one already has its dates.
    if dated and DATE_RANGE.search(line.text):
        return False
    # Once the heading names the role and gives its dates, a line of more than a few words
    # is what the role did ("Built an autograder ..."), not more heading ("Berlin, Germany").
    named = any(date_range(b.text)[2] for b in block)
    return not (dated and named and len(line.text.split()) > _PLACE_WORDS)


def _starts_role(line: Line, following: Line | None, role: ResumeRole | None) -> bool:
    if line.kind is LineKind.HEADING:
        return True
    if DATE_RANGE.search(line.text) and _short(line.text):
        return True
    # "Acme Corp" on one line, "Senior PM, 2019 - 2022" on the next.
    return (
        following is not None
        and following.kind is not LineKind.BULLET
        and _short(line.text)
        and bool(DATE_RANGE.search(following.text))
        and _short(following.text)
    )


def _continues(role: ResumeRole, line: Line) -> bool:
    """A line that carries on the bullet point above it (a PDF breaks long ones)."""
    last = role.highlights[-1].text
    return line.text[:1].islower() or not last.rstrip().endswith(_TERMINAL)


def join_broken(before: str, after: str) -> str:
    """Two pieces of a line broken in two: "self-" and "serve" join with no space."""
    if before.endswith("-") and after[:1].islower():
        return before + after
    return f"{before} {after}"


def _role(block: list[Line]) -> ResumeRole:
    """A role from its heading lines, the heading kept as written in any case.

    Dates where a line gives them, company and title where they can be told apart.
    """
    heading = " · ".join(line.text for line in block)
    start = end = None
    rests: list[str] = []
    for line in block:
        found_start, found_end, rest = date_range(line.text)
        if found_start is not None and start is None:
            start, end = found_start, found_end
        rests.append(rest)
    company, title = heading_company_and_title(rests)
    return ResumeRole(heading=heading, company=company, title=title, start=start, end=end)


def _entries(body: list[Line]) -> list[str]:
    """Education entries: a heading or plain line starts one, the lines under it join it."""
    entries: list[str] = []
    for line in body:
        if line.kind is LineKind.HEADING or not entries or line.kind is LineKind.BULLET:
            entries.append(line.text)
        else:
            entries[-1] = f"{entries[-1]} · {line.text}"
    return entries


def _skills(body: list[Line]) -> list[str]:
    """Skills: 'Label: a, b' lines as written, other lines split at commas and bars."""
    skills: list[str] = []
    for line in body:
        if ":" in line.text:
            skills.append(line.text)
        else:
            skills += [p.strip() for p in re.split(r"[,;|•·]", line.text) if p.strip()]
    return skills


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9€£$])")
#: A capitalised past-tense verb, as a resume's bullet points begin ("Built", "Wrote").
_ACTION_VERB = re.compile(
    r"^(?:[A-Z][a-z]{2,}ed|Built|Led|Ran|Made|Won|Cut|Wrote|Grew|Drove|Set|Took|Taught|Sold|"
    r"Spent|Kept|Held|Brought|Began|Gave|Met|Rebuilt|Rewrote|Oversaw|Undertook|Shipped|"
    r"Co-led|Co-founded)\b"
)
_NOT_VERBS = {
    "United",
    "Limited",
    "Advanced",
    "Distributed",
    "Embedded",
    "Based",
    "Red",
    "Need",
    "Speed",
    "Feed",
}


def _starts_act(line: str) -> bool:
    first = line.split(maxsplit=1)[0] if line.strip() else ""
    return bool(_ACTION_VERB.match(first)) and first.rstrip(",:;") not in _NOT_VERBS


def _acts(lines: list[str]) -> list[str]:
    """Lines under a role cut where a new act begins: a capitalised verb on a new line.

    "…by adding a" / "Redis read-through cache" / "Wrote 60 integration tests…": the
    line breaks of a PDF whose bullets left no mark; "Wrote" begins a bullet point, "Redis"
    carries the one above on.
    """
    acts = [lines[0]]
    for line in lines[1:]:
        if _starts_act(line):
            acts.append(line)
        else:
            acts[-1] = join_broken(acts[-1], line)
    return acts


def _sentences_as_highlights(resume: Resume) -> int:
    """Each sentence under a role as a highlight, for a PDF whose bullet marks were lost.

    A PDF often draws its bullets as shapes that leave no mark in the text; the sentences
    under a role are then its bullet points, broken across lines. Returns how many roles.
    """
    done = 0
    for role in resume.roles:
        if role.highlights or not role.summary:
            continue
        role.highlights = [
            Highlight(s)
            for act in _acts(role.summary.splitlines())
            for s in _SENTENCE_END.split(act)
            if s.strip()
        ]
        role.summary = None
        done += 1
    return done


def _finish(reading: _Reading, had_experience: bool) -> None:
    resume, notices = reading.resume, reading.resume.notices
    if reading.kind is ResumeKind.PDF and not reading.bullets and _sentences_as_highlights(resume):
        notices.append(
            "The PDF's text has no bullet marks, so each sentence under a role, and each line "
            "that begins with a verb (Built, Led ...), was read as one highlight; check them."
        )
    resume.unread = "\n".join(t for t in reading.unread if t.strip()) or None
    if not had_experience:
        notices.append(
            "No section headed Experience (or Work history, Employment ...) was found, so no "
            "roles were read."
        )
    elif not resume.roles:
        notices.append("The experience section holds no role that could be read.")
    unsplit = [r for r in resume.roles if not (r.company and r.title)]
    if unsplit:
        notices.append(
            f"{len(unsplit)} of {len(resume.roles)} roles have no company and job title told "
            "apart (a heading that does not name both, or names them ambiguously); their "
            "headings are kept as written."
        )
    if reading.loose_bullets:
        notices.append(
            "Bullet points that come before any role heading are kept under the section's "
            "own heading."
        )
    if reading.kept_sections:
        names = ", ".join(s for s in reading.kept_sections if s)
        notices.append(f"Sections kept as written, not read: {names}.")
    if resume.unread and not reading.kept_sections:
        notices.append("Some lines did not fit a section or a role; they are kept as written.")
    if reading.kind is ResumeKind.PDF:
        notices.append(
            "Read from a PDF, which keeps no headings or bullet marks: the sections, roles "
            "and line breaks were inferred from the text; check them."
        )
