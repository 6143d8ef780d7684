"""Chart data from the growth engine: which competencies the radar and trend charts show."""

from __future__ import annotations

from collections.abc import Sequence

from nextround.domain.plan import Momentum
from nextround.domain.profile import TREND_MAX_LINES, Profile, TrendSeries
from nextround.domain.scoring import CompetencyScore
from nextround.domain.trend import FADING_NOTE
from nextround.reports.bars import momentum_svg
from nextround.reports.charts import radar_svg, trend_svg
from nextround.services.profile import ProfileView
from nextround.services.profile_reads import self_view

#: More axes than this and the labels crowd each other out.
RADAR_MAX_AXES = 10
#: The trend chart tells series apart by dash and marker; five styles exist.
TREND_MAX_SERIES = TREND_MAX_LINES


def headline(profile: Profile) -> list[str]:
    """The competencies a summary leads with: recurring gaps and spikes, else the most seen."""
    ids = [g.competency_id for g in profile.recurring_gaps]
    ids += [s.competency_id for s in profile.spikes if s.competency_id not in ids]
    if not ids:
        seen = sorted(
            (s for s in profile.competencies if s.evidence_count),
            key=lambda s: -s.evidence_weight,
        )
        ids = [s.competency_id for s in seen]
    return ids


def radar_axes(profile: Profile) -> list[CompetencyScore]:
    """The radar's axes, in framework order: the competencies with the most evidence.

    Competencies seen only once are left out when enough others were seen more often;
    spikes and recurring gaps are always on it.
    """
    with_evidence = [s for s in profile.competencies if s.evidence_count]
    repeated = [s for s in with_evidence if s.evidence_count >= 2]
    pool = repeated if len(repeated) >= 3 else with_evidence
    leading = set(headline(profile)[:RADAR_MAX_AXES])
    chosen = sorted(pool, key=lambda s: (s.competency_id not in leading, -s.evidence_weight))
    keep = {s.competency_id for s in chosen[:RADAR_MAX_AXES]}
    return [s for s in profile.competencies if s.competency_id in keep]


def short_name(name: str) -> str:
    """A competency name short enough for a chart label: "Communication: clarity" -> first part."""
    return name.split(":", 1)[0].strip() or name


def radar_chart(
    view: ProfileView, *, width: int = 600, title: str = "Profile radar", label_width: int = 16
) -> str | None:
    """Evidence scores against the person's self-view, or None below three competencies."""
    axes = radar_axes(view.profile)
    if len(axes) < 3:
        return None
    own = self_view(view)
    comparison = None
    if any(s.competency_id in own for s in axes):
        comparison = ("Your own view", [own.get(s.competency_id) for s in axes])
    return radar_svg(
        [short_name(s.name) for s in axes],
        [s.mean for s in axes],
        comparison=comparison,
        value_name="Evidence score",
        title=title,
        description=_radar_description(axes, own),
        width=width,
        label_width=label_width,
    )


def phone_radar(view: ProfileView, title: str) -> str | None:
    """The radar drawn for a phone: narrower, its labels on up to three short lines."""
    return radar_chart(view, width=380, title=title, label_width=10)


def _radar_description(axes: Sequence[CompetencyScore], own: dict[str, float]) -> str:
    parts = []
    for s in axes:
        pieces = "piece" if s.evidence_count == 1 else "pieces"
        part = f"{s.name}: {s.mean:.2f} ({s.verdict}, {s.evidence_count} {pieces} of evidence)"
        if s.competency_id in own:
            part += f", your own view {own[s.competency_id]:.2f}"
        parts.append(part)
    return "Evidence score from 0 to 1 per competency; 0.5 is even. " + "; ".join(parts) + "."


def trend_chart(
    series: Sequence[TrendSeries], *, title: str = "Trend by quarter", width: int = 1000
) -> str | None:
    """Scores at each quarter's end, one line per competency; None when nothing has moved."""
    shown = [s for s in series if len(s.points) >= 2][:TREND_MAX_SERIES]
    if not shown:
        return None
    return trend_svg(
        {short_name(s.name): [(p.as_of, p.score.mean) for p in s.points] for s in shown},
        scale_min=0.0,
        scale_max=1.0,
        title=title,
        width=width,
        marked={short_name(s.name): {p.as_of for p in s.points if p.faded} for s in shown},
        marked_label=FADING_NOTE,
    )


def trend_of(profile: Profile, ids: Sequence[str]) -> list[TrendSeries]:
    """The trend series of these competencies, in the order given."""
    by_id = {t.competency_id: t for t in profile.trend}
    return [by_id[i] for i in ids if i in by_id]


def momentum_chart(momentum: Momentum, *, width: int = 360) -> str:
    """Actions done per week, this week last."""
    return momentum_svg(momentum.done_per_week, width=width)
