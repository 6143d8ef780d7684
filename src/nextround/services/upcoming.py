"""The round coming up, read from the record, and the week's preparation for it."""

from __future__ import annotations

from datetime import timedelta

from nextround.domain.interview_prep import (
    AskedBefore,
    UpcomingRound,
    WeekFocus,
    WentBadly,
    prepare_week,
    trusted_competencies,
)
from nextround.domain.plan import PREP_DAYS, PlanAction
from nextround.domain.stories import DEFAULT_BUDGET_SECONDS
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
    assert round_.id is not None
    return UpcomingRound(
        round_id=round_.id,
        company=app.company,
        round_name=round_.name,
        day=at.astimezone().date(),
        interviewers=tuple(dict.fromkeys(p.name for i in ahead for p in i.interviewers)),
        focus=tuple(dict.fromkeys(c for i in ahead for c in i.competencies)),
        asked_before=asked,
        formats=tuple(dict.fromkeys(i.format.value for i in ahead)),
        focus_formats=tuple(
            dict.fromkeys((c, i.format.value) for i in ahead for c in i.competencies)
        ),
        went_badly=went_badly,
    )


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
