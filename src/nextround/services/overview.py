"""Read-only views across the journey: one process's timeline, and the pipeline stats."""

from __future__ import annotations

from collections.abc import Sequence

from nextround.domain.feedback import Feedback
from nextround.domain.journey import Application
from nextround.domain.pipeline import PipelineStats, pipeline_stats
from nextround.domain.timeline import TimelineEvent, build_timeline
from nextround.services.ports import FactsSource, GrowthUnitOfWork


def timeline(
    uow: GrowthUnitOfWork, app_id: int, feedback: Sequence[Feedback] | None = None
) -> tuple[Application, list[TimelineEvent]]:
    """Everything in one process, in order; ``feedback`` is its feedback if already loaded."""
    app = uow.applications.get(app_id)
    interviews = [i.id for r in app.rounds for i in r.interviews if i.id is not None]
    return app, build_timeline(
        app,
        uow.feedback.list(app_id) if feedback is None else feedback,
        uow.debriefs.for_interviews(interviews) if interviews else {},
    )


def stats(uow: FactsSource) -> PipelineStats:
    """The funnel, the median days between stages and outcomes by source."""
    return pipeline_stats(uow.applications.facts())
