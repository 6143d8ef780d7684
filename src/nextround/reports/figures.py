"""The report's figures: report data turned into inputs for the shared SVG chart functions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from nextround.domain.calibration import CalibrationItem
from nextround.domain.competency import Polarity
from nextround.domain.evidence import Evidence
from nextround.domain.journey import Application, RoundOutcome, Status
from nextround.domain.pipeline import ApplicationFacts, PipelineStats
from nextround.domain.profile import Profile, TrendSeries
from nextround.domain.timeline import EventKind, TimelineEvent
from nextround.domain.trend import FADING_NOTE
from nextround.reports.charts import Mark, Span, funnel_svg, radar_svg, timeline_svg, trend_svg

#: A radar with more spokes than this is unreadable on paper; the heaviest evidence wins.
RADAR_MAX_AXES = 12
#: Lanes on the evidence timeline: the most recent processes that produced evidence.
TIMELINE_MAX_LANES = 8

_ROUND_TONE = {
    RoundOutcome.PASSED: "passed",
    RoundOutcome.PENDING: "pending",
    RoundOutcome.REJECTED: "ended",
    RoundOutcome.WITHDRAWN: "ended",
    RoundOutcome.CANCELLED: "ended",
}
# Strengths and gaps are told apart by shape (and the legend's words), never by colour alone.
_POLARITY_SHAPE = {Polarity.STRENGTH: ("triangle", "strength"), Polarity.GAP: ("cross", "gap")}


#: A timeline drawn this wide fits a 390 px phone screen at about its own size, its labels
#: kept inside it: the web app's phone chart and the HTML report's use it.
PHONE_WIDTH = 340


def short_name(name: str) -> str:
    """'Communication: clarity and concision' -> 'Communication'."""
    return name.split(":", maxsplit=1)[0].strip()


def competency_radar(profile: Profile) -> str | None:
    """Evidence-weighted scores (0-1, as every page shows them) of the most-seen competencies."""
    scored = [s for s in profile.competencies if s.evidence_count]
    scored = sorted(scored, key=lambda s: -s.evidence_weight)[:RADAR_MAX_AXES]
    if len(scored) < 3:
        return None
    order = {s.competency_id: i for i, s in enumerate(profile.competencies)}
    scored.sort(key=lambda s: order[s.competency_id])
    return radar_svg(
        [short_name(s.name) for s in scored],
        [s.mean for s in scored],
        scale_max=1,
        value_name="Score",
        title="Competency radar: evidence-weighted score from 0 to 1",
        width=440,
    )


def calibration_radar(items: Sequence[CalibrationItem], title: str) -> str | None:
    """You against everyone else (0-1), where both have a view."""
    if len(items) < 3:
        return None
    return radar_svg(
        [short_name(i.name) for i in items],
        [i.self_score for i in items],
        scale_max=1,
        value_name="You",
        comparison=("Others", [i.others.mean for i in items]),
        title=title,
        width=440,
    )


def _tone(status: Status) -> str:
    if status.is_open:
        return "pending"
    return "passed" if status in (Status.OFFER, Status.ACCEPTED, Status.DECLINED) else "ended"


def _end(facts: ApplicationFacts) -> date | None:
    decision = facts.current_decision
    return decision.decided_on if decision else None


def evidence_timeline(
    evidence: Sequence[Evidence],
    applications: dict[int, ApplicationFacts],
    today: date,
    *,
    width: int = 700,
) -> str:
    """Processes as lanes with their feedback as marks; reviews and mentors on their own row.

    ``width``: PHONE_WIDTH draws the narrow one an HTML report shows on a phone.
    """
    external = [
        e for e in evidence if e.is_external and e.trusted and e.polarity in _POLARITY_SHAPE
    ]
    with_evidence = {e.application_id for e in external if e.application_id in applications}
    lanes = sorted(
        (applications[i] for i in with_evidence if i is not None),
        key=lambda f: (f.applied_on, f.id),
    )[-TIMELINE_MAX_LANES:]
    lane_of = {f.id: n for n, f in enumerate(lanes)}
    spans = [Span(f.company, f.applied_on, _end(f), _tone(f.status)) for f in lanes]
    marks = []
    seen = set()
    for e in external:
        lane = lane_of.get(e.application_id) if e.application_id is not None else None
        if e.application_id is not None and lane is None:
            continue  # an older process beyond the lanes shown
        key = (e.origin_id, e.polarity, lane)
        if key in seen:  # one mark per statement, however many competencies it maps to
            continue
        seen.add(key)
        shape, kind = _POLARITY_SHAPE[e.polarity]
        marks.append(
            Mark(f"{kind}: {e.text[:80]}", e.observed_on, lane=lane, shape=shape, kind=kind)
        )
    return timeline_svg(
        spans,
        marks,
        title="Evidence timeline: feedback over time, by process",
        description=(
            f"{len(marks)} pieces of feedback: {sum(m.kind == 'strength' for m in marks)} "
            f"strengths and {sum(m.kind == 'gap' for m in marks)} gaps, across "
            f"{len(spans)} processes; reviews and mentors on the bottom row."
        ),
        today=today,
        width=width,
    )


def trend_shown(profile: Profile) -> list[TrendSeries]:
    """The series the report's trend shows: the same lines as the terminal and the web."""
    return profile.trend_lines


def trend_chart(profile: Profile) -> str | None:
    """Score over time (0-1) for the patterns and the biggest movers."""
    shown = trend_shown(profile)
    series = {short_name(t.name): [(p.as_of, p.score.mean) for p in t.points] for t in shown}
    if not any(len(points) > 1 for points in series.values()):
        return None
    return trend_svg(
        series,
        scale_min=0,
        scale_max=1,
        title="Trend: score at the end of each quarter",
        width=700,
        marked={short_name(t.name): {p.as_of for p in t.points if p.faded} for t in shown},
        marked_label=FADING_NOTE,
        # The axis in the quarters the text below the chart speaks of, not in dates.
        ticks=sorted({(p.as_of, p.quarter) for t in shown for p in t.points}),
    )


def funnel_chart(stats: PipelineStats) -> str:
    """How far the applications got."""
    return funnel_svg(
        [(step.label, step.count) for step in stats.funnel],
        title="Application funnel",
        width=520,
        shares=[step.conversion for step in stats.funnel],
    )


def process_lanes(app: Application) -> tuple[list[Span], list[Mark]]:
    """Rounds as lanes with their interviews, and the applied date (report and web page).

    A round spans its own days: a round that is over and did not record its end ends on the
    day of its last interview (a one-day screen is a short mark), never on the decision,
    which can come weeks later and has its own mark. A round still pending runs on to today.
    """
    spans = []
    marks = [Mark("Applied", app.applied_on, shape="circle", kind="applied")]
    for lane, round_ in enumerate(app.ordered_rounds):
        end = round_.ended_on
        if end is None and round_.outcome is not RoundOutcome.PENDING:
            end = max(
                [round_.started_on]
                + [
                    i.scheduled_at.astimezone().date()
                    for i in round_.sorted_interviews
                    if i.scheduled_at is not None
                ]
            )
        spans.append(
            Span(
                f"{round_.position}. {round_.name}",
                round_.started_on,
                end,
                _ROUND_TONE[round_.outcome],
            )
        )
        for interview in round_.sorted_interviews:
            if interview.scheduled_at is not None:
                marks.append(
                    Mark(
                        interview.title + (" (called off)" if interview.called_off else ""),
                        interview.scheduled_at.astimezone().date(),
                        lane=lane,
                        kind="interview",
                    )
                )
    return spans, marks


def process_timeline(
    app: Application, events: Sequence[TimelineEvent], today: date, *, width: int = 700
) -> str:
    """One process: rounds as lanes, interviews on them, feedback and the decision below."""
    decision = app.current_decision
    spans, marks = process_lanes(app)
    for event in events:
        if event.kind is EventKind.FEEDBACK:
            marks.append(Mark(event.title, event.on, shape="square", kind="feedback"))
        elif event.kind is EventKind.DECISION and event.day_known:  # no day, no place
            marks.append(Mark(event.title, event.on, shape="diamond", kind="decision"))
    return timeline_svg(
        spans,
        marks,
        title=f"Process timeline: {app.role_title} at {app.company}",
        today=today if decision is None else None,
        width=width,
    )
