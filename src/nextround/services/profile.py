"""Use cases for the profile: gather every piece of evidence, score it and explain it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from nextround.domain.calibration import Calibration
from nextround.domain.calibration_history import CalibrationThen, calibration_as_of
from nextround.domain.competency import Framework
from nextround.domain.debrief import noted_competency
from nextround.domain.evidence import Evidence, EvidenceOrigin, Place
from nextround.domain.feedback import Feedback
from nextround.domain.feedback_copies import copied_statements, copy_phrase, repeated
from nextround.domain.profile import (
    Profile,
    TrendPoint,
    TrendSeries,
    build_profile,
    competency_trend,
    explain_competency,
    trend_point,
)
from nextround.domain.scoring import Explanation
from nextround.domain.skill_names import skill_phrase
from nextround.domain.statements import FeedbackStatement, sentence_ends, shown_statement
from nextround.services.frameworks import active_framework
from nextround.services.ports import GrowthUnitOfWork


@dataclass(frozen=True)
class ProfileView:
    """The profile with the framework it was built on and the evidence behind it."""

    framework: Framework
    profile: Profile
    evidence: list[Evidence]
    #: Statements still waiting for the user's verdict: they count for less until confirmed.
    to_review: int = 0
    #: The statements of feedback pasted twice that the profile leaves out until reviewed.
    copies: tuple[CopiedStatement, ...] = ()


def _context(company: str | None, part: str | None) -> str | None:
    if company is None:
        return part
    return f"{company} · {part}" if part else company


def gather_evidence(
    uow: GrowthUnitOfWork, framework: Framework, application_id: int | None = None
) -> list[Evidence]:
    """Every mapped statement and every self-rating, as evidence on this framework.

    With ``application_id``, only what was recorded in that one process: an application
    report needs no more, and should not pay for reading everything else.
    """
    return _gather(uow, framework, application_id)[0]


def _gather(
    uow: GrowthUnitOfWork, framework: Framework, application_id: int | None = None
) -> tuple[list[Evidence], list[CopiedStatement]]:
    """The evidence, and the statements of copies left out of it (read in the same pass)."""
    known = {c.id for c in framework.competencies}
    pairs = uow.statements.with_feedback(framework.id, application_id)
    # Feedback pasted twice would count twice before the user has seen it is a copy.
    left_out = _unreviewed_copies(uow, pairs)
    copied = {c.statement.id for c in left_out}
    pairs = [(s, item) for s, item in pairs if s.id not in copied]
    if application_id is None:
        debriefs = uow.debriefs.all()
    else:
        app = uow.applications.get(application_id)
        found = (uow.debriefs.for_interview(i.id) for r in app.rounds for i in r.interviews if i.id)
        debriefs = [d for d in found if d is not None]
    labels = uow.applications.labels(
        {item.round_id for _, item in pairs if item.round_id is not None}
        | {s.round_id for s, _ in pairs if s.round_id is not None},
        {item.interview_id for _, item in pairs if item.interview_id is not None}
        | {d.interview_id for d in debriefs},
    )
    evidence: list[Evidence] = []
    # Where the sentences of each item end, read once per item, not once per statement.
    ends: dict[int | None, list[int]] = {}
    for statement, item in pairs:
        if item.id not in ends:
            ends[item.id] = sentence_ends(item.text)
        sentence = statement.sentence_index(item.text, ends[item.id])
        company = labels.companies.get(item.application_id) if item.application_id else None
        where: str | None
        round_name: str | None = None
        interview_title: str | None = None
        interview_format: str | None = None
        if statement.round_id in labels.rounds:
            # The round the statement names ("your take-home"), not the item's round.
            where = round_name = labels.rounds[statement.round_id]
        elif item.interview_id in labels.interviews:
            where = interview_title = labels.interviews[item.interview_id].title
            round_name = labels.interviews[item.interview_id].round_name
            interview_format = labels.interviews[item.interview_id].format
        elif item.round_id in labels.rounds:
            where = round_name = labels.rounds[item.round_id]
        else:
            where = None if company else item.source.label
        place = Place(company, round_name, interview_title, interview_format) if company else None
        for competency, confidence in statement.evidence:
            if competency not in known:
                continue
            evidence.append(
                Evidence(
                    competency_id=competency,
                    polarity=statement.polarity,
                    source=item.source,
                    observed_on=item.received_on,
                    confidence=confidence,
                    confirmed=statement.confirmed,
                    origin=EvidenceOrigin.FEEDBACK,
                    origin_id=statement.id,
                    application_id=item.application_id,
                    # Stored before statements were capitalised, it still reads as one.
                    text=shown_statement(statement.text),
                    context=_context(company, where),
                    place=place,
                    feedback_id=item.id,
                    sentence=sentence,
                )
            )
    for debrief in debriefs:
        interview = labels.interviews.get(debrief.interview_id)
        if interview is None or not debrief.rated_on(framework.id):
            continue
        # The local calendar day, like uow.today(): a UTC date can be tomorrow already, and
        # evidence from "tomorrow" is left out of today's profile.
        moment = interview.scheduled_at or debrief.created_at or uow.now()
        day = moment.astimezone().date()
        company = labels.companies.get(interview.application_id)
        noted = noted_competency(debrief.ratings) if debrief.went_badly else None
        for competency, rating in debrief.ratings.items():
            if competency in known:
                evidence.append(
                    Evidence.from_self_rating(
                        competency,
                        rating,
                        day,
                        origin_id=debrief.id,
                        application_id=interview.application_id,
                        context=_context(company, interview.title),
                        place=Place(
                            company, interview.round_name, interview.title, interview.format
                        )
                        if company
                        else None,
                        own_note=debrief.went_badly if competency == noted else None,
                    )
                )
    return evidence, left_out


@dataclass(frozen=True)
class CopiedStatement:
    """A statement not yet reviewed that says again what stored feedback said already.

    Its feedback's text repeats earlier feedback word for word (``whole``), or most of its
    statements are already in earlier feedback of the same application, or it repeats a
    statement of the same paste (``original`` is then its own feedback). It stays out of
    the profile until it is confirmed: the same words said twice are one piece of evidence.
    """

    statement: FeedbackStatement
    copy: Feedback
    original: Feedback
    whole: bool = True

    def is_about(self, competency_id: str) -> bool:
        """Whether, reviewed as it stands, the statement would be evidence on this competency."""
        return any(competency == competency_id for competency, _ in self.statement.evidence)

    @property
    def why(self) -> str:
        """Why it is left out: "whose text is identical to feedback 1", or the like."""
        return copy_phrase(self.copy.id, self.original, whole=self.whole)

    @property
    def within(self) -> bool:
        """Whether it repeats a statement of its own feedback, not of earlier feedback."""
        return self.original.id == self.copy.id


def _unreviewed_copies(
    uow: GrowthUnitOfWork, pairs: Sequence[tuple[FeedbackStatement, Feedback]]
) -> list[CopiedStatement]:
    if not any(not s.confirmed for s, _ in pairs):
        return []
    identical = repeated(uow.feedback.list())
    copies = copied_statements(pairs, identical)
    return [
        CopiedStatement(s, item, copies[s.id], item.id in identical)
        for s, item in pairs
        if not s.confirmed and s.id in copies
    ]


def copies_left_out(uow: GrowthUnitOfWork, competency_id: str) -> list[CopiedStatement]:
    """The statements of repeated feedback that the profile leaves out, on one competency."""
    framework = active_framework(uow)
    pairs = uow.statements.with_feedback(framework.id)
    return [c for c in _unreviewed_copies(uow, pairs) if c.is_about(competency_id)]


def current_profile(
    uow: GrowthUnitOfWork, half_life_days: int, framework_id: str | None = None
) -> ProfileView:
    """The profile on the framework in use (or the one given), as of today."""
    framework = uow.frameworks.get(framework_id) if framework_id else active_framework(uow)
    evidence, copies = _gather(uow, framework)
    profile = build_profile(evidence, framework, uow.today(), half_life_days)
    to_review = uow.statements.count_unconfirmed()
    return ProfileView(framework, profile, evidence, to_review, tuple(copies))


def evidence_on(uow: GrowthUnitOfWork, competency_id: str) -> tuple[list[date], str | None]:
    """The days of the evidence on one competency of the framework in use, and its name.

    Evidence mapped only on another framework is left out, as the profile leaves it out.
    """
    framework = active_framework(uow)
    competency = framework.competency(competency_id)
    evidence, _ = _gather(uow, framework)
    days = [e.observed_on for e in evidence if e.competency_id == competency_id]
    return days, skill_phrase(competency.name) if competency else None


#: What `profile explain` takes for the calibration figure rather than a competency.
CALIBRATION_WORDS = frozenset({"calibration", "agreement"})


def names_calibration(uow: GrowthUnitOfWork, name: str) -> bool:
    """Whether ``name`` asks about the calibration figure: a competency so named comes first."""
    if name.strip().lower() not in CALIBRATION_WORDS:
        return False
    return active_framework(uow).find(name) is None


def explain(
    uow: GrowthUnitOfWork, competency_id: str, half_life_days: int, as_of: date | None = None
) -> Explanation:
    """Every statement and rating behind one competency's number (as of a past day)."""
    return explain_over_time(uow, competency_id, half_life_days, as_of).explanation


@dataclass(frozen=True)
class ExplainedOverTime:
    """One competency's number explained, with its trend and the trend point of that day."""

    explanation: Explanation
    #: The whole trend up to today, as the profile shows it (None without evidence).
    trend: TrendSeries | None
    #: The point on the day explained, with what moved it since the point before.
    point: TrendPoint | None


def explain_over_time(
    uow: GrowthUnitOfWork, competency_id: str, half_life_days: int, as_of: date | None = None
) -> ExplainedOverTime:
    """The explanation of one competency's number (as of a past day), and how it moved."""
    framework = active_framework(uow)
    evidence = gather_evidence(uow, framework)
    today = uow.today()
    day = today if as_of is None else min(as_of, today)
    explanation = explain_competency(evidence, framework, competency_id, day, half_life_days)
    found = explanation.score.competency_id
    return ExplainedOverTime(
        explanation,
        competency_trend(evidence, framework, found, today, half_life_days),
        trend_point(evidence, framework, found, day, today, half_life_days),
    )


def calibration_over_time(
    uow: GrowthUnitOfWork, half_life_days: int, as_of: date | None = None
) -> tuple[Calibration, CalibrationThen | None]:
    """Today's calibration, and with ``as_of`` the one known that day beside it."""
    framework = active_framework(uow)
    evidence = gather_evidence(uow, framework)
    today = uow.today()
    now = calibration_as_of(evidence, framework, today, half_life_days)
    if as_of is None:
        return now, None
    day = min(as_of, today)
    then = calibration_as_of(evidence, framework, day, half_life_days)
    return now, CalibrationThen(day, then, now)
