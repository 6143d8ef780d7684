"""Integration helpers: a known journey loaded through the use cases, and table snapshots."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from nextround.bootstrap import Nextround
from nextround.domain.contacts import ContactRole
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import (
    Interviewer,
    InterviewFormat,
    OfferResponse,
    Outcome,
    RoundKind,
    RoundMode,
    RoundOutcome,
    Source,
    WorkMode,
)
from nextround.services import applications, contacts, feedback, process
from nextround.services.data import export_backup

CEST = timezone(timedelta(hours=2))


@dataclass
class Journey:
    """Ids of what `load_journey` created."""

    main: int
    offer: int
    silent: int
    loop_round: int
    whiteboard: int
    recruiter: int
    feedback: int


def load_journey(app: Nextround) -> Journey:
    """Three applications with rounds, interviews, decisions, a contact and feedback."""
    with app.uow() as uow:
        main = applications.add_application(
            uow,
            {
                "company": "Tempoline",
                "role_title": "Technical Program Manager",
                "applied_on": date(2025, 5, 6),
                "source": Source.LINKEDIN,
                "work_mode": WorkMode.REMOTE,
                "tags": ["tpm", "music"],
                "posting_url": "https://jobs.tempoline.example/tpm",
                "notes": "Applied on a Tuesday.",
            },
        )
        process.add_round(
            uow,
            main.id,
            {
                "name": "Screen",
                "kind": RoundKind.SCREEN,
                "started_on": date(2025, 5, 14),
                "mode": RoundMode.PHONE,
                "ended_on": date(2025, 5, 14),
                "outcome": RoundOutcome.PASSED,
            },
        )
        process.add_interview(
            uow,
            main.id,
            None,
            {
                "title": "Intro call",
                "scheduled_at": datetime(2025, 5, 14, 10, tzinfo=CEST),
                "duration_minutes": 30,
                "interviewers": [Interviewer("Maya Lindgren", "TA Partner")],
            },
        )
        loop = process.add_round(
            uow,
            main.id,
            {
                "name": "Final loop",
                "kind": RoundKind.FINAL_LOOP,
                "started_on": date(2025, 6, 10),
                "mode": RoundMode.VIDEO,
                "ended_on": date(2025, 6, 11),
            },
        )
        whiteboard = process.add_interview(
            uow,
            main.id,
            None,
            {
                "title": "Process-flow whiteboard",
                "format": InterviewFormat.PRACTICAL_EXERCISE,
                "scheduled_at": datetime(2025, 6, 10, 11, 0, tzinfo=CEST),
                "duration_minutes": 45,
                "interviewers": [
                    Interviewer("Inés Carvalho", "Lead, Process Excellence"),
                    Interviewer("Kwame Asante"),
                ],
                "competencies": ["systems-thinking", "communication"],
            },
        )
        process.add_interview(
            uow,
            main.id,
            None,
            {
                "title": "Risk deep dive",
                "scheduled_at": datetime(2025, 6, 11, 9, 30, tzinfo=CEST),
                "duration_minutes": 45,
                "competencies": ["risk-management"],
            },
        )
        process.set_decision(
            uow,
            main.id,
            Outcome.REJECTION,
            date(2025, 6, 18),
            finalists=4,
            reason="Chose another of the four finalists.",
        )
        recruiter = contacts.add_contact(
            uow,
            "Maya Lindgren",
            ContactRole.TALENT_ACQUISITION,
            application_id=main.id,
            email="maya@tempoline.example",
        )
        item = feedback.add_feedback(
            uow,
            "Risk management didn't come through; gaps in systemic thinking.",
            FeedbackSource.RECRUITER,
            received_on=date(2025, 6, 18),
            author="Maya Lindgren",
            application_id=main.id,
        )
        offer = applications.add_application(
            uow,
            {
                "company": "Northwind Audio",
                "role_title": "Senior TPM",
                "applied_on": date(2025, 9, 1),
                "source": Source.RECRUITER_OUTREACH,
                "tags": ["tpm"],
            },
        )
        process.add_round(
            uow,
            offer.id,
            {"name": "Loop", "kind": RoundKind.FINAL_LOOP, "started_on": date(2025, 9, 20)},
        )
        process.set_decision(
            uow, offer.id, Outcome.OFFER, date(2025, 10, 1), offer_response=OfferResponse.DECLINED
        )
        silent = applications.add_application(
            uow,
            {
                "company": "Quiet Co",
                "role_title": "Program Manager",
                "applied_on": date(2025, 10, 5),
                "source": Source.CAREERS_PAGE,
            },
        )
        feedback.add_feedback(
            uow,
            "Your risk registers are now exemplary.",
            FeedbackSource.MANAGER_REVIEW,
            received_on=date(2025, 11, 1),
        )
    return Journey(main.id, offer.id, silent.id, loop.id, whiteboard.id, recruiter.id, item.id)


@pytest.fixture
def default_ctrl_c() -> Iterator[None]:
    """Ctrl+C as a fresh `nextround` process meets it: Python's own KeyboardInterrupt.

    Earlier tests in the same process (an asyncio runner, a web server) may leave another
    SIGINT handler behind; the command line then would not see the signal at all.
    """
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.fixture
def journey(app: Nextround) -> Journey:
    """The known journey, loaded into the `app` fixture's database."""
    return load_journey(app)


@pytest.fixture
def second_url(database_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Another empty database on the same backend as `database_url` (to restore into)."""
    if database_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'target.sqlite3'}"
    from tests.postgres_server import create_database

    return create_database(request.getfixturevalue("postgres_base_url"))


def snapshot(app: Nextround) -> dict[str, Any]:
    """Every row of every table (a backup without its timestamp), to compare before/after."""
    with app.uow() as uow:
        doc = export_backup(uow)
    doc.pop("exported_at")
    return doc
