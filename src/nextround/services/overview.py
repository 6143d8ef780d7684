"""Read-only views across the journey: one process's timeline, and the pipeline stats."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from nextround.domain.debrief import Debrief
from nextround.domain.feedback import Feedback
from nextround.domain.journey import Application
from nextround.domain.pipeline import PipelineStats, pipeline_stats
from nextround.domain.timeline import TimelineEvent, build_timeline
from nextround.services.feedback_records import feedback_openings
from nextround.services.other_offers import acceptance, with_acceptance
from nextround.services.ports import ApplicationQuery, FactsSource, GrowthUnitOfWork


def timeline(
    uow: GrowthUnitOfWork,
    app_id: int,
    feedback: Sequence[Feedback] | None = None,
    debriefs: Mapping[int, Debrief] | None = None,
) -> tuple[Application, list[TimelineEvent]]:
    """Everything in one process, in order, with a pending offer's answer-by day.

    ``feedback`` and ``debriefs`` (by interview id) are passed when already loaded.
    """
    app = uow.applications.get(app_id)
    if debriefs is None:
        interviews = [i.id for r in app.rounds for i in r.interviews if i.id is not None]
        debriefs = uow.debriefs.for_interviews(interviews)
    if feedback is None:
        feedback = uow.feedback.list(app_id)
    current = app.current_decision
    due = current.answer_due(uow.today(), app.company) if current else None
    if due is not None:
        # Another offer accepted meanwhile makes this one to decline, as app show says.
        due = with_acceptance(due, acceptance(uow), app.applied_on)
    # Quoted from its first statement, as the report quotes it, not from its greeting.
    openings = feedback_openings(uow, feedback)
    return app, build_timeline(app, feedback, debriefs, openings, due)


def stats(uow: FactsSource, query: ApplicationQuery | None = None) -> PipelineStats:
    """The funnel, the median days between stages and outcomes by source (of ``query``'s)."""
    return pipeline_stats(uow.applications.facts(query))
