"""The rejection reasons on record that name experience or level, for the plan to position."""

from __future__ import annotations

from nextround.domain.journey import Outcome
from nextround.domain.plan_ideas import source_phrase
from nextround.domain.positioning import ExperienceReason, is_about_experience
from nextround.services.ports import GrowthUnitOfWork


def experience_reasons(uow: GrowthUnitOfWork, framework_id: str) -> list[ExperienceReason]:
    """Reasons about experience: rejection reasons, and feedback sentences stating the decision.

    "We went with a candidate who already had PM experience" judges no competency (the
    mapper rightly finds none), yet it is the reason given; it is read here, where it leads
    to positioning rather than practice.
    """
    from nextround.analysis.decision_talk import states_the_decision

    # The facts, not the whole aggregates: a long search's thousands of interviews are not
    # needed to read its rejection reasons (the profile report builds the plan too).
    apps = {a.id: a for a in uow.applications.facts()}
    found: list[ExperienceReason] = []
    for app in apps.values():
        decision = app.current_decision
        if (
            decision is not None
            and decision.outcome is Outcome.REJECTION
            and decision.reason
            and is_about_experience(decision.reason)
        ):
            found.append(
                ExperienceReason(
                    decision.reason,
                    f"the decision at {app.company}"
                    + (f" ({decision.decided_on:%-d %b %Y})" if decision.day_known else ""),
                    app.company,
                    app.role_title,
                    decision.decided_on,
                )
            )
    for statement, item in uow.statements.with_feedback(framework_id):
        about = apps.get(item.application_id) if item.application_id is not None else None
        if about is None or not is_about_experience(statement.text):
            continue
        if not states_the_decision(statement.text):
            continue
        found.append(
            ExperienceReason(
                statement.text,
                f"feedback from {source_phrase(item.source)} at {about.company} "
                f"({item.received_on:%B %Y})",
                about.company,
                about.role_title,
                item.received_on,
            )
        )
    return found
