"""Chart data from the journey: which spans, marks and steps the SVG charts draw."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from nextround.domain.journey import Application
from nextround.domain.pipeline import FunnelStep
from nextround.reports.charts import Mark, funnel_svg, timeline_svg
from nextround.reports.figures import PHONE_WIDTH, process_lanes


def funnel_chart(steps: Sequence[FunnelStep]) -> str:
    """The funnel across every application."""
    return funnel_svg(
        [(step.label, step.count) for step in steps],
        title="Funnel: how far applications got",
        width=420,
        shares=[step.conversion for step in steps],
    )


__all__ = ["PHONE_WIDTH", "funnel_chart", "process_chart"]


def process_chart(app: Application, today: date, *, width: int = 720) -> str:
    """One application's rounds on a time axis, with its interviews and the decision.

    ``width`` is the drawing's own width: the phone gets a narrow one that fits the screen,
    labels kept inside it, rather than a wide one cut off in a box that scrolls sideways.
    """
    decision = app.current_decision
    spans, marks = process_lanes(app)
    # A decision whose day is not known has no place on a time axis.
    for item in (d for d in app.decisions if d.day_known):
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
        width=width,
    )
