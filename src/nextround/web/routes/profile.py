"""The profile: radar, spikes, recurring gaps, calibration, trend, and every number explained."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from fastapi import APIRouter
from markupsafe import Markup
from starlette.responses import Response

from nextround.domain.calibration import own_view_counts
from nextround.domain.calibration_text import (
    OWN_VIEW_HEADING,
    OWN_VIEW_NONE,
    CalibrationText,
    signed_difference,
)
from nextround.domain.evidence import WeightedEvidence, amount_of_evidence, saturation_notes
from nextround.domain.patterns import SPIKE_RULE, patterns_of
from nextround.domain.profile import quarter_label
from nextround.domain.trend import FADING_MARK, FADING_MEANING
from nextround.errors import NotFoundError
from nextround.reports.bars import score_bar_svg
from nextround.services.framework_reading import ReadElsewhere, read_elsewhere
from nextround.services.profile_reads import explain_in, trend_point_in
from nextround.store.uow import SqlUnitOfWork
from nextround.web.deps import Web, WebDep
from nextround.web.growth_charts import (
    phone_radar,
    radar_chart,
    trend_chart,
    trend_of,
)
from nextround.web.growth_reads import profile_view
from nextround.web.reading import ReadingCard, reading_card

router = APIRouter()

#: Quarters shown in the trend table; older ones are in each competency's own chart.
TREND_TABLE_QUARTERS = 6
#: Evidence rows a competency's page lists at first, heaviest first; the rest on request.
EVIDENCE_SHOWN = 50


@dataclass(frozen=True)
class EvidenceList:
    """Pieces of evidence as a page lists them: the heaviest, and a sum of the rest."""

    shown: Sequence[WeightedEvidence]
    total: int
    rest_for: float
    rest_against: float

    @classmethod
    def of(cls, pieces: Sequence[WeightedEvidence], everything: bool) -> EvidenceList:
        """The first EVIDENCE_SHOWN pieces (or all), and what the others add up to."""
        shown = pieces if everything else pieces[:EVIDENCE_SHOWN]
        rest = pieces[len(shown) :]
        return cls(
            shown,
            len(pieces),
            sum(p.to_alpha for p in rest),
            sum(p.to_beta for p in rest),
        )

    @property
    def hidden(self) -> int:
        """How many pieces are not listed."""
        return self.total - len(self.shown)


def table_quarters(days: Sequence[date]) -> list[date]:
    """The quarters the trend table shows: the first, the baseline, and the latest ones.

    A before-and-after reader needs where it started; past TREND_TABLE_QUARTERS the middle
    quarters give way (each competency's own chart has them all).
    """
    if len(days) <= TREND_TABLE_QUARTERS:
        return list(days)
    return [days[0], *days[-(TREND_TABLE_QUARTERS - 1) :]]


def _bar(mean: float | None, low: float | None = None, high: float | None = None) -> Markup:
    return Markup(score_bar_svg(mean, low, high))  # our own SVG, no user text in it


def render_profile(web: Web) -> Response:
    """The profile page."""
    view = profile_view(web)
    profile = view.profile
    # The same lines as the terminal and the report (Profile.trend_lines).
    series = profile.trend_lines
    radar = radar_chart(view)
    radar_phone = phone_radar(view, "Profile radar, compact")
    trend = trend_chart(series)
    trend_phone = trend_chart(series, title="Trend by quarter, compact", width=380)
    quarters = table_quarters(sorted({p.as_of for s in series for p in s.points}))

    def load(uow: SqlUnitOfWork) -> tuple[ReadElsewhere, ReadingCard | None]:
        elsewhere = read_elsewhere(uow)
        return elsewhere, reading_card(uow, "/profile", elsewhere)

    elsewhere, card = web.read(load)
    return web.page(
        "profile.html",
        calibration_text=CalibrationText.of(profile.calibration),
        evidence_amount=amount_of_evidence(view.evidence),
        signed_difference=signed_difference,
        spike_rule=SPIKE_RULE,
        view=view,
        profile=profile,
        radar=Markup(radar) if radar else None,
        radar_phone=Markup(radar_phone) if radar_phone else None,
        trend=Markup(trend) if trend else None,
        trend_phone=Markup(trend_phone) if trend_phone else None,
        series=series,
        quarters=quarters,
        quarter_label=quarter_label,
        fading_mark=FADING_MARK,
        fading_meaning=FADING_MEANING,
        bar=_bar,
        scored=sorted((s for s in profile.competencies if s.evidence_count), key=lambda s: -s.mean),
        unscored=[s for s in profile.competencies if not s.evidence_count],
        reading=card,
        # Self-ratings given on another framework: calibration here leaves them out.
        rated_elsewhere=elsewhere.rated_words(),
    )


@router.get("/profile")
def profile_page(web: WebDep) -> Response:
    """The evidence-weighted profile on the framework in use."""
    return web.shared_page(("profile",), lambda: render_profile(web))


def _as_of(raw: str | None, today: date) -> tuple[date | None, str | None]:
    """The past day asked for, or None for today with why the address was not used.

    The CLI's --as-of parser reads it, so a quarter (2025Q2, its last day) works here too.
    """
    if not raw:
        return None, None
    from nextround.domain.calendar_days import day_forms
    from nextround.domain.trend import last_quarter, past_day
    from nextround.errors import InvalidInputError

    try:
        day = past_day(raw, today, "as_of")
    except InvalidInputError:
        later = _iso_day(raw)  # a day after today: nothing is known about it yet
        if later is None:
            return None, (
                f"“{raw[:40]}” is not a date or a quarter ({day_forms(words=True)}, or a "
                f"quarter such as {last_quarter(today)}), so this is today's view."
            )
        day = later
    if day >= today:
        return None, f"{day.isoformat()} is not in the past, so this is today's view."
    return day, None


def _iso_day(raw: str) -> date | None:
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        return None


def render_competency(
    web: Web,
    competency_id: str,
    as_of: date | None,
    everything: bool = False,
    as_of_problem: str | None = None,
) -> Response:
    """One competency's page: its number and every piece of evidence behind it."""
    view = profile_view(web)
    competency = view.framework.competency(competency_id)
    if competency is None:
        raise NotFoundError("competency", competency_id)
    explanation = explain_in(view, competency_id, as_of)
    series = trend_of(view.profile, [competency_id])
    trend = trend_chart(series, title=f"{competency.name}: score by quarter", width=620)
    calibration = next(
        (i for i in view.profile.calibration.items if i.competency_id == competency_id), None
    )
    point = trend_point_in(view, competency_id, as_of)
    on_trend = bool(series) and point in series[0].points
    point_label = None
    if point is not None and on_trend:
        point_label = f"Trend point {point.quarter}{'' if as_of else ' (today)'}"
    pieces = explanation.pieces
    # Read from the explanation, so a page about a past day shows that day's patterns.
    patterns = patterns_of(explanation.score, pieces)
    # The person's own view: ratings and notes they wrote about themselves, as calibration.
    own = [p for p in pieces if not p.evidence.is_external]
    ratings = sum(1 for p in own if p.evidence.self_rating is not None)
    return web.page(
        "competency.html",
        view=view,
        competency=competency,
        explanation=explanation,
        score=explanation.score,
        others=EvidenceList.of([p for p in pieces if p.evidence.is_external], everything),
        own=EvidenceList.of(own, everything),
        own_counts=own_view_counts(ratings, len(own) - ratings),
        own_view_heading=OWN_VIEW_HEADING,
        own_view_none=OWN_VIEW_NONE,
        # As `profile explain` lists them: pasted twice and not reviewed, so left out.
        copies=[c for c in view.copies if c.is_about(competency.id)],
        calibration=calibration,
        patterns=patterns,
        saturation_notes=saturation_notes(pieces),
        spike=patterns.spike is not None,
        gap=patterns.recurring_gap is not None,
        as_of=as_of,
        as_of_problem=as_of_problem,
        trend=Markup(trend) if trend else None,
        series=series,
        point=point,
        point_label=point_label,
        fading_mark=FADING_MARK,
        fading_meaning=FADING_MEANING,
        quarter_label=quarter_label,
        bar=_bar,
    )


@router.get("/profile/{competency_id}")
def competency_page(
    competency_id: str, web: WebDep, as_of: str | None = None, all: str | None = None
) -> Response:
    """Every statement and rating behind one competency's score (``?as_of=`` a past day).

    The heaviest pieces are listed, with the sum of the rest; ``?all=1`` lists every one.
    """
    today = profile_view(web).profile.as_of
    day, problem = _as_of(as_of, today)
    everything = bool(all)
    return web.shared_page(
        ("competency", competency_id, day, everything, problem),
        lambda: render_competency(web, competency_id, day, everything, problem),
    )
