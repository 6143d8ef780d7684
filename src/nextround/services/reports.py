"""Use cases for reports: everything a profile report or an application report shows, read-only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from nextround.domain.calibration import CalibrationItem, calibrate
from nextround.domain.competency import Framework, Polarity
from nextround.domain.debrief import Debrief
from nextround.domain.earlier_applications import EarlierApplication
from nextround.domain.evidence import Evidence
from nextround.domain.journey import Application, Interview
from nextround.domain.notes import Note
from nextround.domain.option_ranking import Assessment
from nextround.domain.pipeline import ApplicationFacts, PipelineStats, pipeline_stats
from nextround.domain.plan import PlanAction
from nextround.domain.plan_groups import PlanGroup, plan_groups
from nextround.domain.scoring import weigh_all
from nextround.domain.timeline import TimelineEvent, build_timeline
from nextround.services.earlier_applications import earlier_applications
from nextround.services.feedback_records import feedback_openings
from nextround.services.frameworks import active_framework
from nextround.services.note_sender import get_sender
from nextround.services.options import assess_application
from nextround.services.plan import as_built
from nextround.services.ports import FullUnitOfWork
from nextround.services.profile import ProfileView, current_profile, gather_evidence


@dataclass(frozen=True)
class ProfileReport:
    """The profile across every source, the growth plan and the pipeline, as of one day."""

    generated_on: date
    person: str | None
    view: ProfileView
    plan: list[PlanAction]
    stats: PipelineStats
    applications: dict[int, ApplicationFacts]

    @property
    def open_groups(self) -> list[PlanGroup]:
        """The open actions, in the groups, headings and order the plan page shows."""
        return plan_groups([a for a in self.plan if not a.done])

    @property
    def done_count(self) -> int:
        """How many of the plan's actions are done."""
        return sum(1 for a in self.plan if a.done)


def profile_report(uow: FullUnitOfWork, half_life_days: int, budget_seconds: int) -> ProfileReport:
    """Gather the profile report; nothing is written (the plan is worked out, not saved).

    The plan is the one the plan page and `nextround plan` show (services.plan.as_built),
    every kind of action in it: the report never works out a plan of its own.
    """
    view = current_profile(uow, half_life_days)
    plan = as_built(uow, view, budget_seconds)
    facts = uow.applications.facts()
    sender = get_sender(uow)
    return ProfileReport(
        generated_on=uow.today(),
        person=sender.name if sender else None,
        view=view,
        plan=plan,
        stats=pipeline_stats(facts),
        applications={f.id: f for f in facts},
    )


@dataclass(frozen=True)
class SelfVersusFeedback:
    """One competency in one process: how the person rated it, and what the feedback said."""

    competency_id: str
    name: str
    self_ratings: tuple[int, ...]
    strengths: tuple[Evidence, ...]
    gaps: tuple[Evidence, ...]
    calibration: CalibrationItem | None

    @property
    def self_mean(self) -> float | None:
        """The mean self-rating, 1-5."""
        return sum(self.self_ratings) / len(self.self_ratings) if self.self_ratings else None

    @property
    def reading(self) -> str:
        """Blind spot, hidden strength, agreed, awaits review, or which side is missing.

        Read from this process's evidence alone, by the profile's own rules: a blind spot
        needs a statement in this process's feedback naming a gap, so praise alone never
        makes one, and a thin one says it is provisional.
        """
        if self.calibration is not None:
            return self.calibration.reading
        if not self.self_ratings:
            return "feedback only"
        return "self-view only"

    @property
    def kind(self) -> str:
        """The reading as a style name: 'blind-spot', 'agreement', 'feedback-only'."""
        if self.calibration is not None:
            return self.calibration.kind.value.replace("_", "-")
        return self.reading.replace(" ", "-")


@dataclass(frozen=True)
class ApplicationReport:
    """One process: its timeline, debriefs, self-view against feedback, learnings and note."""

    generated_on: date
    person: str | None
    application: Application
    events: list[TimelineEvent]
    debriefs: list[tuple[Interview, Debrief]]
    comparison: list[SelfVersusFeedback]
    learnings: list[Evidence]
    strengths: list[Evidence]
    note: Note | None
    assessment: Assessment | None
    framework: Framework
    #: The earlier applications at the same company (services.earlier_applications).
    earlier: list[EarlierApplication] = field(default_factory=list)

    def competency_name(self, competency_id: str) -> str:
        """A rated competency's name; a debrief may rate one the framework in use lacks."""
        competency = self.framework.competency(competency_id)
        return competency.name if competency else competency_id.replace("-", " ")


def application_report(uow: FullUnitOfWork, app_id: int, half_life_days: int) -> ApplicationReport:
    """Gather one application's report; nothing is written."""
    app = uow.applications.get(app_id)
    framework = active_framework(uow)
    evidence = gather_evidence(uow, framework, app_id)
    debriefs = []
    for round_ in app.ordered_rounds:
        for interview in round_.sorted_interviews:
            assert interview.id is not None
            found = uow.debriefs.for_interview(interview.id)
            if found is not None:
                debriefs.append((interview, found))
    external = [e for e in evidence if e.is_external and e.trusted]
    # The report's note is the thank-you; a feedback request is not what it shows.
    notes = [n for n in uow.notes.list(app_id) if not n.is_feedback_request]
    sent = [n for n in notes if n.sent_on is not None]
    rating = uow.option_ratings.get(app_id)
    sender = get_sender(uow)
    feedback = uow.feedback.list(app_id)
    return ApplicationReport(
        generated_on=uow.today(),
        person=sender.name if sender else None,
        application=app,
        events=build_timeline(app, feedback, openings=feedback_openings(uow, feedback)),
        debriefs=debriefs,
        comparison=_compare(framework, evidence, uow.today(), half_life_days),
        learnings=_unique(e for e in external if e.polarity is Polarity.GAP),
        strengths=_unique(e for e in external if e.polarity is Polarity.STRENGTH),
        note=(sent or notes)[-1] if notes else None,
        assessment=assess_application(uow, app_id) if rating is not None else None,
        framework=framework,
        earlier=earlier_applications(uow, app_id),
    )


def _unique(pieces: Iterable[Evidence]) -> list[Evidence]:
    """One entry per statement (a statement mapped to two competencies is one learning)."""
    seen: dict[tuple[str, int | None, str], Evidence] = {}
    for piece in pieces:
        seen.setdefault((piece.origin, piece.origin_id, piece.text), piece)
    return list(seen.values())


def _compare(
    framework: Framework, evidence: list[Evidence], today: date, half_life_days: int
) -> list[SelfVersusFeedback]:
    weighted = weigh_all(evidence, today, half_life_days)
    calibration = {i.competency_id: i for i in calibrate(framework.competencies, weighted).items}
    rows = []
    for competency in framework.competencies:
        mine = [e for e in evidence if e.competency_id == competency.id]
        if not mine:
            continue
        others = [e for e in mine if e.is_external and e.trusted]
        rows.append(
            SelfVersusFeedback(
                competency_id=competency.id,
                name=competency.name,
                self_ratings=tuple(e.self_rating for e in mine if e.self_rating is not None),
                strengths=tuple(e for e in others if e.polarity is Polarity.STRENGTH),
                gaps=tuple(e for e in others if e.polarity is Polarity.GAP),
                calibration=calibration.get(competency.id),
            )
        )
    return rows
