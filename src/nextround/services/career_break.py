"""Where the record names a career break: debriefs, feedback and the resume, for the plan."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from nextround.domain.career_break import (
    BreakMention,
    CareerBreak,
    is_about_career_break,
    resume_break,
    sentences_about_it,
)
from nextround.domain.evidence import Place
from nextround.domain.plan_ideas import heard_in, source_phrase
from nextround.domain.resume import ResumeRole
from nextround.services.ports import GrowthUnitOfWork


def career_break(uow: GrowthUnitOfWork, framework_id: str) -> CareerBreak | None:
    """The career break on record, or None when nothing names one.

    Read from the questions logged in debriefs and their "went badly" notes, feedback
    statements, and the resume (a role named for the break, or six months with no role).
    Only questions about the break or the gap are quoted: "Why did you leave your last
    role?" is asked of everyone, and one from a process long before the break is no
    evidence of it.
    """
    mentions: list[BreakMention] = []
    interviews = _interviews(uow)
    for debrief in uow.debriefs.all():
        found = interviews.get(debrief.interview_id)
        if found is None:
            continue
        where, day = found
        for q in debrief.questions:
            if is_about_career_break(q.text):
                mentions.append(
                    BreakMention(
                        q.text, f"your debrief of {where} ({day:%-d %b %Y})", day, question=True
                    )
                )
        note = sentences_about_it(debrief.went_badly or "")
        if note:
            mentions.append(BreakMention(note, f"your debrief of {where} ({day:%-d %b %Y})", day))
    seen: set[str] = set()
    about: set[int] = set()
    for statement, item in uow.statements.with_feedback(framework_id):
        # "…you sound defensive; own it in one or two sentences and move on": a clause
        # split from a sentence about the break is about it too.
        sentence = statement.sentence_in(item.text) or ""
        if not is_about_career_break(statement.text) and not is_about_career_break(sentence):
            continue
        if statement.id is not None:
            about.add(statement.id)
        key = " ".join(statement.text.casefold().split())
        if key in seen or not is_about_career_break(statement.text):
            continue
        seen.add(key)
        who = source_phrase(item.source)
        mentions.append(
            BreakMention(statement.text, f"{who} ({item.received_on:%B %Y})", item.received_on)
        )
    resume = uow.resumes.current()
    on_resume = None
    if resume is not None:
        today = resume.created_at.date() if resume.created_at else uow.today()
        named = {_named(r): r for r in resume.roles}
        on_resume = resume_break([(n, r.start, r.end) for n, r in named.items()], today)
        role = named.get(on_resume.role or "") if on_resume else None
        if on_resume is not None and role is not None:
            said = [role.summary] if role.summary else []
            lines = (*said, *(h.text for h in role.highlights))
            on_resume = replace(on_resume, lines=lines)
    if not mentions and on_resume is None:
        return None
    return CareerBreak(tuple(mentions), on_resume, frozenset(about))


def _interviews(uow: GrowthUnitOfWork) -> dict[int, tuple[str, date]]:
    """Each interview held, as a reason names it, with its day."""
    found: dict[int, tuple[str, date]] = {}
    for app in uow.applications.all():
        for round_ in app.rounds:
            for interview in round_.interviews:
                if interview.id is None:
                    continue
                place = Place(app.company, round_.name, interview.title)
                at = interview.scheduled_at
                day = at.astimezone().date() if at is not None else app.applied_on
                found[interview.id] = (heard_in(place), day)
    return found


def _named(role: ResumeRole) -> str:
    """The role as its heading names it, without the dates a heading may end with.

    "Career break — Family carer (Oct 2024 – Nov 2026)" and "… · Oct 2024 – Present" are
    named "Career break — Family carer": the dates are said beside it.
    """
    if not (role.start and role.end):
        return role.label
    dates = rf"{re.escape(role.start)}\s*(?:–|—|-|to)\s*{re.escape(role.end)}"
    bare = re.sub(rf"\s*[(·|,–—-]?\s*{dates}\s*\)?\s*$", "", role.label)
    return bare or role.label
