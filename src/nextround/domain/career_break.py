"""A career break on record (a gap on the CV, time out to care for someone): its answer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from nextround.domain.evidence import Evidence, EvidenceOrigin

__all__ = [
    "BREAK_MONTHS",
    "BreakMention",
    "CareerBreak",
    "ResumeBreak",
    "career_break_actions",
    "is_about_career_break",
    "month_of",
    "rehearsal",
    "resume_break",
    "sentences_about_it",
]

# What names a break from work, never a gap in a skill: "the gap on your CV", "my career
# break", "time out of work", "a sabbatical", "parental leave", "caring for my mother".
# "Gap" alone is not enough ("gap analysis", "gaps in your risk thinking", "a skills gap"):
# it counts only as a gap in a CV, an employment history or a career.
_DOC = r"(?:cv|c\.v\.|resume|résumé|employment(?: history)?|work history|career)"
_PERSON = (
    r"(?:a|my|your|her|his|their|our|the|an?) (?:elderly |sick |ill |disabled |ageing |aging )?"
)
_KIN = (
    r"(?:parents?|mother|father|mum|mom|dad|child(?:ren)?|kids?|baby|family(?: member)?|"
    r"relatives?|partner|husband|wife|son|daughter|grandparents?|grandmother|grandfather)"
)
_BREAK = re.compile(
    r"\b(?:"
    r"career[- ]break|career gap|employment gap|work gap|"
    rf"gaps? (?:on|in|within) (?:my |your |her |his |their |the )?{_DOC}|"
    rf"{_DOC} gaps?|"
    r"time (?:out|off|away) (?:of|from) (?:work|the workforce|the workplace|employment|"
    r"paid work|my career|your career|the (?:job )?market|the industry)|"
    r"took (?:some |a |\w+ )?(?:years?|months?|time) (?:out|off)\b|"
    r"out of (?:work|the workforce|paid work|employment)|"
    r"(?:return(?:ing|ed)?|coming back|going back|came back) to (?:work|the workforce|"
    r"paid work|employment)|returners?\b|returnship|"
    r"sabbaticals?|gap year|"
    r"(?:parental|maternity|paternity|adoption|carer'?s'?|family) leave|"
    rf"caring for {_PERSON}{_KIN}|(?:care|carer) for {_PERSON}{_KIN}|"
    r"(?:family|full-time|unpaid|primary) carer|stay-at-home|"
    r"period of unemployment|been unemployed|"
    r"what (?:have|had) you been doing since|what did you do (?:after you left|since)|"
    # "What have you been doing for the past six months?": a stretch of time, not a job.
    r"what (?:have|had) you been (?:doing|up to) (?:for|in|over|during) the (?:past|last) "
    r"(?:(?:few|several|couple of|\w+) )?(?:weeks?|months?|years?)\b(?! (?:at|in|with|on)\b)|"
    r"since you (?:left|stopped working)"
    r")",
    re.IGNORECASE,
)


def is_about_career_break(text: str) -> bool:
    """Whether the text is about a break from work, not a gap in a skill."""
    return _BREAK.search(text) is not None


def sentences_about_it(text: str) -> str:
    """The sentences of a note that are about the break, or "" when none is."""
    sentences = re.split(r"(?<=[.!?;])\s+|\n+", text.strip())
    return " ".join(s for s in sentences if is_about_career_break(s)).strip()


@dataclass(frozen=True)
class BreakMention:
    """Where the record names the break, quoted: a question, a debrief note, feedback."""

    text: str
    # Where it was said, as a reason names it: "your debrief of the panel interview at
    # Barts (3 Nov 2026)", "your mentor (November 2026)".
    where: str
    on: date
    # A question the person was asked: the answer's prompt.
    question: bool = False


@dataclass(frozen=True)
class ResumeBreak:
    """A break the resume shows: a role named for it, or months with no role."""

    # The role as the resume heads it ("Career break — Family carer"); None for a date gap.
    role: str | None
    # "2024-01 – Present", or "Mar 2022 to Feb 2024" for a date gap.
    dates: str
    # What the resume says under the role: its summary and bullet points, as written.
    lines: tuple[str, ...] = ()
    # A date gap read from a bare year ("2019 – 2021"), in years: "about two years". Its
    # months are unknown, so it is never said in months as if they were.
    length: str | None = None

    @property
    def no_role(self) -> str:
        """A date gap in words: "no role from Apr 2022 to Aug 2023", or "... (about two years)"."""
        said = f"no role from {self.dates}"
        return f"{said} ({self.length})" if self.length else said


@dataclass(frozen=True)
class CareerBreak:
    """A career break on record: where it was named, and what the resume shows."""

    mentions: tuple[BreakMention, ...] = ()
    on_resume: ResumeBreak | None = None
    # The feedback statements about the break, by id: their evidence is answered here.
    statements: frozenset[int] = frozenset()

    def answers(self, evidence: Evidence) -> bool:
        """Whether a piece of gap evidence is about the break, so its actions answer it."""
        if evidence.origin == EvidenceOrigin.FEEDBACK and evidence.origin_id in self.statements:
            return True
        return is_about_career_break(evidence.text)

    @property
    def where(self) -> str:
        """Where it is on record, briefly: "your debrief of … (3 Nov 2026) and your resume"."""
        latest = sorted(self.mentions, key=lambda m: m.on, reverse=True)
        places = [m.where for m in latest[:1]]
        if self.on_resume is not None:
            places.append("your resume")
        return " and ".join(places) or "your record"


#: A gap between roles this long, or longer, is a break an interviewer asks about.
BREAK_MONTHS = 6

# A role named for the break rather than for a job.
_BREAK_ROLE = re.compile(
    r"\b(?:career[- ]break|sabbatical|gap year|time out|time off|"
    r"(?:parental|maternity|paternity|adoption|family) leave|"
    r"(?:family|full-time|unpaid|primary) carer|caring for|stay-at-home|homemaker|"
    r"raising (?:a |my |our )?(?:family|child(?:ren)?|kids))\b",
    re.I,
)
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ),
        start=1,
    )
    for m in names.split()
}
_ONGOING = re.compile(r"^(?:present|current(?:ly)?|now|today|ongoing|to date)$", re.I)


def month_of(text: str | None, *, end: bool, today: date) -> int | None:
    """A resume date as a month number (year * 12 + month - 1); None when it cannot be read.

    "2021-03", "03/2021", "Mar 2021", "March 2021" give their month; a bare year gives
    January as a start and December as an end, so a gap is never made longer than it
    may have been; "Present" gives this month.
    """
    if text is None:
        return None
    flat = text.strip().rstrip(".")
    if _ONGOING.match(flat):
        return today.year * 12 + today.month - 1
    if m := re.fullmatch(r"((?:19|20)\d\d)[-/.](\d{1,2})(?:[-/.]\d{1,2})?", flat):
        year, month = int(m.group(1)), int(m.group(2))
    elif m := re.fullmatch(r"(\d{1,2})[-/.]((?:19|20)\d\d)", flat):
        month, year = int(m.group(1)), int(m.group(2))
    elif m := re.fullmatch(r"([A-Za-z]+)\.?,? ((?:19|20)\d\d)", flat):
        month, year = _MONTHS.get(m.group(1).lower(), 0), int(m.group(2))
    elif m := re.fullmatch(r"((?:19|20)\d\d)", flat):
        year, month = int(m.group(1)), 12 if end else 1
    else:
        return None
    if not 1 <= month <= 12:
        return None
    return year * 12 + month - 1


def _said(month: int) -> str:
    return date(month // 12, month % 12 + 1, 1).strftime("%b %Y")


def _bare_year(text: str | None) -> bool:
    return text is not None and re.fullmatch(r"(?:19|20)\d\d", text.strip().rstrip(".")) is not None


_YEARS = ("a year", "two years", "three years", "four years", "five years", "six years")


def _about_years(years: int) -> str:
    """A gap between bare years in words ("about two years"): known to the year at best."""
    return f"about {_YEARS[years - 1] if 1 <= years <= len(_YEARS) else f'{years} years'}"


def resume_break(
    roles: Sequence[tuple[str, str | None, str | None]], today: date
) -> ResumeBreak | None:
    """The break a resume shows, from its roles as (label, start, end); None without one.

    A role named for the break ("Career break", "Sabbatical", "Parental leave", "Family
    carer") comes first, the most recent one. Else the longest stretch of at least
    BREAK_MONTHS between one role's end and the next role's start (roles that overlap
    leave no gap); dates that cannot be read leave their role out.
    """
    named = [(label, start, end) for label, start, end in roles if _BREAK_ROLE.search(label)]
    if named:
        label, start, end = max(named, key=lambda r: month_of(r[1], end=False, today=today) or -1)
        dates = f"{start} – {end}" if start and end else start or end or ""
        return ResumeBreak(label, dates)
    # Each role's months, and whether its start and its end were bare years.
    spans: list[tuple[int, int, bool, bool]] = []
    for _, start, end in roles:
        first = month_of(start, end=False, today=today)
        last = month_of(end, end=True, today=today) if end else first
        if first is not None and last is not None and last >= first:
            spans.append((first, last, _bare_year(start), _bare_year(end if end else start)))
    spans.sort()
    longest: tuple[int, int, int, bool, bool] | None = None
    covered, covered_bare = (spans[0][1], spans[0][3]) if spans else (0, False)
    for first, last, start_bare, end_bare in spans[1:]:
        between = first - covered - 1  # whole months with no role
        if between >= BREAK_MONTHS and (longest is None or between > longest[0]):
            longest = (between, covered, first, covered_bare, start_bare)
        if last >= covered:
            covered, covered_bare = last, end_bare
    if longest is None:
        return None
    _, ended, started, ended_bare, started_bare = longest
    if ended_bare or started_bare:
        # "2019 – 2021": the break falls between those years, its months unknown.
        since = str(ended // 12) if ended_bare else _said(ended)
        until = str(started // 12) if started_bare else _said(started)
        years = started // 12 - ended // 12
        return ResumeBreak(None, f"{since} to {until}", length=_about_years(years))
    return ResumeBreak(None, f"{_said(ended + 1)} to {_said(started - 1)}")


#: Mentions quoted in a reason; the rest are counted.
_QUOTED = 4


def _reason(mentions: Sequence[BreakMention], on_resume: ResumeBreak | None) -> str:
    # Imported here: reading a debrief's questions (app show) needs none of the plan's wording.
    from nextround.domain.plan_ideas import quote

    latest = sorted(mentions, key=lambda m: m.on, reverse=True)
    # One place said once: a debrief that logged the question and said it went badly.
    by_place: dict[str, list[str]] = {}
    for m in latest[:_QUOTED]:
        verb = "logged the question" if m.question else "said"
        by_place.setdefault(m.where, []).append(f"{verb} “{quote(m.text, 120).rstrip('.')}”")
    said = [f"{where} {' and '.join(parts)}" for where, parts in by_place.items()]
    if len(latest) > _QUOTED:
        said.append(f"and {len(latest) - _QUOTED} more")
    if on_resume is not None:
        if on_resume.role:
            said.append(f"your resume lists “{on_resume.role}” ({on_resume.dates})")
        else:
            said.append(f"your resume has {on_resume.no_role}")
    return (
        f"A career break is on your record: {'; '.join(said)}. Interviewers ask about it; "
        "an answer ready beforehand turns it into two calm sentences, and back to the role."
    )


def career_break_actions(record: CareerBreak | None) -> list[tuple[str, str, str, str]]:
    """The actions a career break on record calls for, as (key, title, detail, why).

    None without one. A break is answered by a short, unapologetic answer said aloud, and
    a line on the CV that names it, not by practice on a competency: feedback that the
    person "sounds defensive about the break" is about this answer, not their composure.
    Only the record is quoted: nothing is said about why the break was taken.
    """
    from nextround.domain.plan_ideas import quote

    if record is None or (not record.mentions and record.on_resume is None):
        return []
    mentions, on_resume = record.mentions, record.on_resume
    why = _reason(mentions, on_resume)
    latest = sorted(mentions, key=lambda m: m.on, reverse=True)
    asked = next((m.text for m in latest if m.question), None)
    listed = on_resume.lines[:2] if on_resume else ()
    own = (
        " Your CV says under the break: "
        + "; ".join(f"“{quote(line, 120).rstrip('.')}”" for line in listed)
        + ". Sentence one can start from there."
        if listed
        else ""
    )
    prompt = f" Take as the prompt: “{quote(asked, 200).rstrip('.')}”." if asked else ""
    actions = [
        (
            "answer",
            "Write a two-sentence answer about your career break",
            (
                "Sentence one: what you did and what it gave you (a responsibility you "
                "carried, something you organised or managed, with a number). Sentence two: "
                "why you are ready now and what you have kept current. Then move on to the "
                "role (“…and that is what draws me to this role”). State it as a fact, not "
                f"a fault: no apology, no long explanation.{own}{prompt}"
            ),
            why,
        ),
        (
            "aloud",
            "Say your career-break answer aloud until it takes under 30 seconds",
            (
                "Against a timer, three or four times: cut every apology and justification "
                "(“unfortunately”, “I'm afraid”, “I know it looks…”), stop after the second "
                "sentence, and bridge to the role. Then ask a friend or a mentor to ask it "
                "without warning, and hear whether it sounds settled."
            ),
            why,
        ),
    ]
    # A break with lines under it on the CV already needs none.
    if on_resume is not None and not on_resume.lines:
        if on_resume.role:
            detail = (
                f"Under “{on_resume.role}” ({on_resume.dates}), one line: what you did and "
                "any skills you kept current (a course, volunteering, a budget or a schedule "
                "you ran). A break with a line under it answers the question before it is "
                "asked."
            )
            title = "Put one line under the career break on your CV"
        else:
            detail = (
                f"Your resume shows {on_resume.no_role}. Name that time on the "
                "CV as a line of its own (“Career break: …”), with one line under it: what "
                "you did and any skills you kept current. A named break reads as a choice; "
                "an unexplained gap invites the question."
            )
            title = "Name the career break on your CV, with one line under it"
        actions.append(("cv", title, detail, why))
    return actions


def rehearsal(where: str, went_badly: str | None) -> tuple[str, str]:
    """Rehearsing the career-break answer once before an interview, as (title, detail).

    ``went_badly``: the person's own note that it went badly in this process, quoted.
    """
    from nextround.domain.plan_ideas import quote

    said = sentences_about_it(went_badly or "") or went_badly
    note = f" Your debrief said: “{quote(said, 200).rstrip('.')}”." if said else ""
    return (
        "Rehearse your career-break answer once, aloud",
        (
            "Your two sentences (what you did and what it gave you, why you are ready "
            "now), under 30 seconds and without apologising, then the bridge to the role."
            f"{note} Expect the question: {where} named the break."
        ),
    )
