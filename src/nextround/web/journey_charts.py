"""Chart data from the journey: which spans, marks and steps the SVG charts draw."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from nextround.domain.journey import Application, RoundOutcome
from nextround.domain.pipeline import FunnelStep
from nextround.reports.charts import Mark, Span, funnel_svg, timeline_svg

_TONE = {
    RoundOutcome.PASSED: "passed",
    RoundOutcome.PENDING: "pending",
    RoundOutcome.REJECTED: "ended",
    RoundOutcome.WITHDRAWN: "ended",
    RoundOutcome.CANCELLED: "ended",
}


def funnel_chart(steps: Sequence[FunnelStep]) -> str:
    """The funnel across every application."""
    return funnel_svg(
        [(step.label, step.count) for step in steps],
        title="Funnel: how far applications got",
        width=420,
    )


def process_chart(app: Application, today: date) -> str:
    """One application's rounds on a time axis, with its interviews and the decision."""
    decision = app.current_decision
    spans = []
    marks = [Mark("Applied", app.applied_on, shape="circle", kind="applied")]
    for lane, round_ in enumerate(app.ordered_rounds):
        end = round_.ended_on
        if end is None and round_.outcome is not RoundOutcome.PENDING and decision is not None:
            end = decision.decided_on
        spans.append(
            Span(f"{round_.position}. {round_.name}", round_.started_on, end, _TONE[round_.outcome])
        )
        for interview in round_.sorted_interviews:
            if interview.scheduled_at is not None:
                marks.append(
                    Mark(
                        interview.title,
                        interview.scheduled_at.astimezone().date(),
                        lane=lane,
                        kind="interview",
                    )
                )
    for item in app.decisions:
        marks.append(
            Mark(
                f"Decision: {item.outcome.value.replace('_', ' ')}",
                item.decided_on,
                shape="diamond",
                kind="decision",
            )
        )
    return timeline_svg(
        spans,
        marks,
        title=f"Timeline: {app.role_title} at {app.company}",
        today=today if decision is None else None,
    )
