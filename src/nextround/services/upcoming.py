"""The round coming up, read from the record, and the week's preparation for it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from nextround.domain.competency import Framework, Polarity
from nextround.domain.engineering import drilled_format, is_engineering
from nextround.domain.feedback import Feedback
from nextround.domain.interview_prep import (
    DRILLED_FORMATS,
    AskedBefore,
    FormatFeedback,
    NotedElsewhere,
    UpcomingRound,
    WeekFocus,
    WentBadly,
    prepare_week,
    trusted_competencies,
)
from nextround.domain.plan import PREP_DAYS, PlanAction
from nextround.domain.statements import FeedbackStatement
from nextround.domain.stories import DEFAULT_BUDGET_SECONDS
from nextround.services.career_break import career_break
from nextround.services.framework_reading import holding_framework
from nextround.services.frameworks import active_framework
from nextround.services.ports import GrowthUnitOfWork


def upcoming_round(uow: GrowthUnitOfWork) -> UpcomingRound | None:
    """The round of the soonest interview in the next PREP_DAYS days, if there is one.

    Only open processes count (a closed one has no interview to prepare for). The round's
    interviews in that window give its interviewers and focus; the debriefs of the rounds
    before it give the questions already asked in the process.
    """
    now, today = uow.now(), uow.today()
    horizon = today + timedelta(days=PREP_DAYS)
    soon = [
        (at, app_id)
        for app_id, at in uow.applications.next_interviews(now).items()
        if at.astimezone().date() <= horizon
    ]
    if not soon:
        return None
    at, app_id = min(soon)
    app = uow.applications.get(app_id)
    round_ = next(r for r in app.rounds for i in r.interviews if i.scheduled_at == at)
    ahead = [
        i
        for i in round_.sorted_interviews
        if round_.is_to_come(i, now)  # one called off brings nobody to prepare for
        and i.scheduled_at is not None
        and i.scheduled_at.astimezone().date() <= horizon
    ]
    earlier = [r for r in app.ordered_rounds if r.position < round_.position]
    held = {i.id: r.name for r in earlier for i in r.interviews if i.id is not None}
    debriefs = uow.debriefs.for_interviews(list(held))
    framework = active_framework(uow)
    # What each question probed on the framework in use: one mapped on another only is
    # left out, never read as this one's.
    probed = [
        (q.text, trusted_competencies(q.tags_on(framework.id, framework.ids)), interview_id)
        for interview_id, debrief in debriefs.items()
        for q in debrief.questions
    ]
    asked = tuple(AskedBefore(text, ids, held[i]) for text, ids, i in probed if ids)
    # The person's own "went badly" notes from interviews held so far in this process,
    # earlier rounds and earlier days of this one alike.
    past = {
        i.id: (r.name, i.scheduled_at.astimezone().date())
        for r in app.ordered_rounds
        for i in r.interviews
        if i.id is not None and i.scheduled_at is not None and i.scheduled_at < now
    }
    notes = uow.debriefs.for_interviews(list(past))
    went_badly = tuple(
        WentBadly(d.went_badly.strip(), past[i][0], past[i][1], i)
        for i, d in sorted(notes.items(), key=lambda pair: past[pair[0]][1])
        if d.went_badly and d.went_badly.strip()
    )
    formats = tuple(dict.fromkeys(i.format.value for i in ahead))
    assert round_.id is not None and app.id is not None
    return UpcomingRound(
        round_id=round_.id,
        company=app.company,
        round_name=round_.name,
        day=at.astimezone().date(),
        interviewers=tuple(dict.fromkeys(p.name for i in ahead for p in i.interviewers)),
        focus=tuple(dict.fromkeys(c for i in ahead for c in i.competencies)),
        asked_before=asked,
        formats=formats,
        focus_formats=tuple(
            dict.fromkeys((c, i.format.value) for i in ahead for c in i.competencies)
        ),
        went_badly=went_badly,
        format_feedback=_format_feedback(uow, framework.id, app.id, formats),
        career_break=on_record.where if (on_record := career_break(uow, framework.id)) else None,
        application_id=app.id,
        noted_elsewhere=noted_elsewhere(uow, framework, [c for i in ahead for c in i.competencies]),
        kind=round_.kind.value,
    )


def noted_elsewhere(
    uow: GrowthUnitOfWork, framework: Framework, tagged: Sequence[str]
) -> NotedElsewhere | None:
    """The other framework that holds the tagged competencies this one lacks, if one does.

    An interview's competencies are ids, noted on whichever framework was in use: after a
    switch they are another framework's (see holding_framework).
    """
    missing = list(dict.fromkeys(c for c in tagged if c not in framework.ids))
    if not missing:
        return None
    best = holding_framework(uow, framework.id, missing)
    if best is None:
        return None
    names = tuple(c.name for c in (best.competency(i) for i in missing) if c is not None)
    return NotedElsewhere(best.id, best.name, names)


def _format_feedback(
    uow: GrowthUnitOfWork, framework_id: str, application_id: int, formats: tuple[str, ...]
) -> tuple[FormatFeedback, ...]:
    """Gaps heard before in a system-design or coding interview ahead's format, or about one.

    A statement counts when its feedback was heard in an interview of that format, or when
    it names the format itself ("System design was shallow on trade-offs" in a recruiter's
    e-mail about a whole onsite). The same process's come first, then the newest.
    """
    wanted = {f for f in formats if f in DRILLED_FORMATS}
    if not wanted:
        return ()
    gaps = [
        (s, item)
        for s, item in uow.statements.with_feedback(framework_id)
        if s.polarity == Polarity.GAP
    ]
    if not gaps:
        return ()
    labels = uow.applications.labels(
        set(), {item.interview_id for _, item in gaps if item.interview_id is not None}
    )
    from nextround.analysis.decision_talk import states_the_decision

    found: list[tuple[bool, bool, int, FormatFeedback]] = []
    for statement, item in gaps:
        label = labels.interviews.get(item.interview_id) if item.interview_id else None
        fmt = label.format if label and label.format in DRILLED_FORMATS else None
        fmt = fmt or drilled_format(statement.text)
        if fmt in wanted:
            company = labels.companies.get(item.application_id) if item.application_id else None
            text = statement.text
            decision = states_the_decision(text)
            if decision:
                # "You did not pass the coding assessment, so we will not be moving forward"
                # is the decision; the same feedback's other gap ("timed out on the larger
                # inputs") names what to practise, so that one is quoted.
                said = _practicable(statement, item, gaps)
                text, decision = (said, False) if said else (text, True)
            heard = FormatFeedback(fmt, text, company, item.received_on)
            found.append(
                (
                    item.application_id != application_id,
                    decision,
                    -item.received_on.toordinal(),
                    heard,
                )
            )
    # The same process first, then what names something to practise, then the newest.
    return tuple(f for *_, f in sorted(found, key=lambda t: (t[0], t[1], t[2])))


def week_focus(
    uow: GrowthUnitOfWork,
    actions: list[PlanAction],
    budget_seconds: int = DEFAULT_BUDGET_SECONDS,
    *,
    building: bool = False,
) -> WeekFocus | None:
    """What this week should favour for the round coming up (None: nothing is coming up).

    Only a plan that has been built takes preparation: before `nextround plan` (or the web's
    Refresh) there is no plan to add to, and the pages say how to build one. ``building``:
    the plan is being built now, so an interview coming up gets its preparation even when
    nothing else is in the plan.
    """
    upcoming = upcoming_round(uow) if actions or building else None
    if upcoming is None:
        return None
    framework = active_framework(uow)
    stories = [s.summary(framework, budget_seconds) for s in uow.stories.all()]
    return prepare_week(upcoming, actions, stories, framework, uow.today())


def _practicable(
    statement: FeedbackStatement,
    item: Feedback,
    gaps: list[tuple[FeedbackStatement, Feedback]],
) -> str | None:
    """Another gap in the same feedback that names no decision: engineering talk first."""
    from nextround.analysis.decision_talk import states_the_decision

    others = [
        s.text
        for s, other in gaps
        if other.id == item.id and s.id != statement.id and not states_the_decision(s.text)
    ]
    return min(others, key=lambda t: not is_engineering([t]), default=None)
