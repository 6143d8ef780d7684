"""Small builders shared by the growth-engine unit tests: a framework and evidence."""

from __future__ import annotations

from datetime import date

from nextround.domain.competency import Competency, Framework, Polarity
from nextround.domain.evidence import Evidence, Place
from nextround.domain.feedback import FeedbackSource

RISK = Competency(
    id="risk-management",
    name="Risk management",
    description="Spotting what could go wrong and mitigating it early.",
    questions=("Tell me about a risk you saw coming and mitigated.",),
    practice=(
        "Write a one-page pre-mortem for your last project: five ways it fails and one "
        "mitigation each.",
        "Build a risk register with owner, mitigation and trigger for a current piece of work.",
        "Rewrite one interview story so it opens with the risk you spotted.",
        "Draft a five-line escalation note for a real risk.",
    ),
)
SYSTEMS = Competency(
    id="systems-thinking",
    name="Systems thinking",
    description="Seeing how processes, tools and teams interact, and where the flow breaks.",
    questions=("Walk me through how a change in one team ripples through the others.",),
    practice=(
        "Draw the end-to-end flow of a process you know, with its feedback loops and "
        "failure points.",
        "Pick a recent incident and map which downstream teams and systems it touched.",
        "Explain one of your projects starting from the system around it, not your workstream.",
    ),
)
STAKEHOLDERS = Competency(
    id="stakeholder-management",
    name="Stakeholder management",
    description="Keeping the people who matter informed, aligned and on board.",
    questions=("Tell me about a time you had to say no to a senior stakeholder.",),
    practice=("Map the stakeholders of a current project by influence and interest.",),
)
COMMUNICATION = Competency(
    id="communication",
    name="Communication",
    description="Clear, concise speaking and writing.",
)
FRAMEWORK = Framework(
    id="test",
    name="Test framework",
    competencies=(RISK, SYSTEMS, STAKEHOLDERS, COMMUNICATION),
)

TODAY = date(2026, 1, 1)

INTERVIEWER = FeedbackSource.INTERVIEWER
RECRUITER = FeedbackSource.RECRUITER
HIRING_MANAGER = FeedbackSource.HIRING_MANAGER
MANAGER_REVIEW = FeedbackSource.MANAGER_REVIEW
MENTOR = FeedbackSource.MENTOR
PEER = FeedbackSource.PEER
SELF = FeedbackSource.SELF

STRENGTH = Polarity.STRENGTH
GAP = Polarity.GAP
NEUTRAL = Polarity.NEUTRAL


def ev(
    competency_id: str,
    polarity: Polarity,
    source: FeedbackSource,
    observed_on: date = TODAY,
    *,
    app: int | None = None,
    confirmed: bool = True,
    confidence: float = 1.0,
    text: str = "",
    context: str | None = None,
    place: Place | None = None,
    origin_id: int | None = None,
) -> Evidence:
    """A feedback statement as evidence; confirmed unless told otherwise."""
    return Evidence(
        competency_id=competency_id,
        polarity=polarity,
        source=source,
        observed_on=observed_on,
        confidence=confidence,
        confirmed=confirmed,
        application_id=app,
        text=text or f"{source.value} on {competency_id}: {polarity.value}",
        context=context,
        place=place,
        origin_id=origin_id,
    )


def rating(
    competency_id: str, value: int, observed_on: date = TODAY, *, app: int | None = None
) -> Evidence:
    """A debrief self-rating as evidence."""
    return Evidence.from_self_rating(competency_id, value, observed_on, application_id=app)
