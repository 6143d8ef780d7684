"""A stand-in generator for bench/seed.py: N synthetic applications written in one transaction."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from nextround.bootstrap import Nextround
from nextround.config import Settings
from nextround.domain.feedback import Feedback, FeedbackSource
from nextround.domain.journey import (
    Application,
    Decision,
    Interview,
    Interviewer,
    InterviewFormat,
    OfferResponse,
    Outcome,
    Round,
    RoundKind,
    RoundOutcome,
    Source,
)

COMPANIES = [
    f"{a} {b}"
    for a in (
        "Acme",
        "Globex",
        "Initech",
        "Umbrella",
        "Hooli",
        "Stark",
        "Wayne",
        "Tyrell",
        "Cyberdyne",
        "Soylent",
    )
    for b in ("Labs", "Systems", "Health", "Bank", "Retail")
]
ROLES = [
    "Technical Program Manager",
    "Program Manager",
    "Product Manager",
    "Engineering Manager",
    "Delivery Lead",
]
KINDS = [RoundKind.SCREEN, RoundKind.HIRING_MANAGER, RoundKind.TECHNICAL, RoundKind.FINAL_LOOP]


def _application(rng: random.Random, index: int, today: date) -> tuple[Application, list[str]]:
    applied = today - timedelta(days=rng.randint(0, 540))
    app = Application(
        company=rng.choice(COMPANIES),
        role_title=rng.choice(ROLES),
        applied_on=applied,
        source=rng.choice(list(Source)),
        tags=rng.sample(["tpm", "remote", "fintech", "health", "senior", "ai"], k=2),
        notes=f"Synthetic application {index}",
    )
    depth = rng.choice([0, 0, 1, 1, 2, 3, 4])
    day = applied
    for position, kind in enumerate(KINDS[:depth], start=1):
        day = day + timedelta(days=rng.randint(3, 14))
        if day > today:
            break
        round_ = Round(
            name=kind.value.replace("_", " ").title(), kind=kind, started_on=day, position=position
        )
        for n in range(3 if kind is RoundKind.FINAL_LOOP else 1):
            moment = datetime.combine(day, time(9 + n * 2), tzinfo=UTC)
            round_.interviews.append(
                Interview(
                    title=f"{round_.name} {n + 1}",
                    format=rng.choice(list(InterviewFormat)),
                    scheduled_at=moment,
                    duration_minutes=45,
                    interviewers=[Interviewer(f"Person {index}-{position}-{n}", "Lead")],
                    competencies=["execution"],
                )
            )
        app.rounds.append(round_)
    if day < today - timedelta(days=20) or rng.random() < 0.3:
        outcome = rng.choice(
            [
                Outcome.REJECTION,
                Outcome.REJECTION,
                Outcome.NO_RESPONSE,
                Outcome.WITHDRAWAL,
                Outcome.OFFER,
            ]
        )
        decided = min(today, day + timedelta(days=rng.randint(2, 20)))
        response = rng.choice(list(OfferResponse)) if outcome is Outcome.OFFER else None
        for round_ in app.rounds:
            round_.outcome = RoundOutcome.PASSED
        app.decisions.append(
            Decision(
                outcome=outcome, decided_on=decided, offer_response=response, reason="synthetic"
            )
        )
    app.check()
    return app, [f"Feedback {index}: clear communicator, needs more risk management depth."] if len(
        app.rounds
    ) >= 2 else []


def build_database(url: str, applications: int = 2000, seed: int = 7) -> None:
    """Fill an empty database at ``url`` with synthetic applications, rounds and decisions."""
    rng = random.Random(seed)
    nextround = Nextround(Settings.from_env(database_url=url))
    today = nextround.clock().date()
    with nextround.uow() as uow:
        assert uow.session is not None
        stamp = nextround.clock()
        pending_feedback: list[tuple[Application, str]] = []
        for index in range(applications):
            app, texts = _application(rng, index, today)
            for entity in [
                app,
                *app.rounds,
                *app.decisions,
                *(i for r in app.rounds for i in r.interviews),
            ]:
                entity.created_at = entity.updated_at = stamp
            uow.session.add(app)
            pending_feedback += [(app, text) for text in texts]
        uow.session.flush()
        for app, text in pending_feedback:
            item = Feedback(
                text=text,
                source=FeedbackSource.RECRUITER,
                received_on=app.ordered_rounds[-1].started_on,
                application_id=app.id,
                created_at=stamp,
                updated_at=stamp,
            )
            uow.session.add(item)
        uow.commit()
    nextround.close()
