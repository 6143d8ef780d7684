"""Build a large, realistic, rule-abiding database for the benchmarks (bulk inserts)."""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

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
from nextround.store import tables as t
from nextround.store.database import ensure_schema, make_engine

COMPANIES = [
    "Tempoline",
    "Orbitra Freight",
    "Kestrelgate Re",
    "Lumenfold Learning",
    "Verdance Grid",
    "Calderwick Robotics",
    "Mossgrove Climate",
    "Brightwater Health",
    "Norrland Data",
    "Quillfire Studios",
    "Saltmarsh Bank",
    "Heronwell Energy",
    "Pinecrest Mobility",
    "Ashgrove Analytics",
    "Cobaltline Security",
    "Fernhill Foods",
    "Zephyra Air",
]
ROLES = [
    "Technical Program Manager",
    "Senior Program Manager",
    "Operations Lead",
    "Delivery Manager",
    "Product Operations Manager",
    "Programme Director",
]
FEEDBACK = [
    "Strong communicator, but the whiteboard flow lacked structure.",
    "Could have gone deeper on risk management for the migration.",
    "Excellent stakeholder management across three time zones.",
    "We were not fully convinced on systems thinking; the dependencies were missing.",
    "Clear, concise answers and a crisp story about the carrier onboarding.",
    "Needs more exposure to technical depth in distributed systems.",
]
ROUND_PLAN = [
    (RoundKind.SCREEN, "Recruiter screen"),
    (RoundKind.HIRING_MANAGER, "Hiring manager interview"),
    (RoundKind.TECHNICAL, "Technical deep dive"),
    (RoundKind.FINAL_LOOP, "Final loop"),
]


def build_database(
    url: str,
    applications: int = 2000,
    rounds_per_app: int = 4,
    interviews: int = 20000,
    feedback: int = 5000,
    seed: int = 7,
) -> dict[str, int]:
    """Fill an empty database; returns the row counts."""
    rng = random.Random(seed)
    engine = make_engine(url)
    ensure_schema(engine)
    now = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    start = date(2025, 5, 1)
    apps: list[dict[str, Any]] = []
    rounds: list[dict[str, Any]] = []
    decisions: list[dict[str, Any]] = []
    interview_rows: list[dict[str, Any]] = []
    feedback_rows: list[dict[str, Any]] = []
    per_round = max(1, interviews // max(1, applications * rounds_per_app))
    extra = interviews - per_round * applications * rounds_per_app
    for app_id in range(1, applications + 1):
        applied = start + timedelta(days=rng.randrange(0, 540))
        apps.append(
            {
                "id": app_id,
                "company": rng.choice(COMPANIES) + f" {app_id}",
                "role_title": rng.choice(ROLES),
                "level": rng.choice(["Senior", "Staff", "Lead", None]),
                "location": rng.choice(["Amsterdam", "Berlin", "Remote", "London"]),
                "work_mode": rng.choice(list(WorkMode)),
                "source": rng.choice(list(Source)),
                "posting_url": f"https://jobs.example/{app_id}",
                "posting_text": "Lead cross-team programmes; own risks, plans and stakeholders.",
                "applied_on": applied,
                "tags": rng.sample(["tpm", "remote", "fintech", "music", "climate", "ops"], 2),
                "notes": None,
                "created_at": now,
                "updated_at": now,
            }
        )
        day = applied
        decided = rng.random() < 0.7
        for position, (kind, name) in enumerate(ROUND_PLAN[:rounds_per_app], start=1):
            day = day + timedelta(days=rng.randrange(3, 12))
            round_id = len(rounds) + 1
            rounds.append(
                {
                    "id": round_id,
                    "application_id": app_id,
                    "position": position,
                    "name": name,
                    "kind": kind,
                    "mode": rng.choice(list(RoundMode)),
                    "started_on": day,
                    "ended_on": day + timedelta(days=1),
                    "outcome": RoundOutcome.PASSED if decided else RoundOutcome.PENDING,
                    "notes": None,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            count = per_round + (1 if extra > 0 else 0)
            extra -= 1 if extra > 0 else 0
            for slot in range(count):
                interview_rows.append(
                    {
                        "id": len(interview_rows) + 1,
                        "round_id": round_id,
                        "title": f"{name} {slot + 1}",
                        "format": rng.choice(list(InterviewFormat)),
                        "scheduled_at": datetime(
                            day.year, day.month, day.day, 9 + slot % 8, tzinfo=UTC
                        ),
                        "duration_minutes": 45,
                        "interviewers": [Interviewer("Alex Doe", "Engineering Manager")],
                        "competencies": ["risk-management", "communication"],
                        "notes": None,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
        if decided:
            outcome = rng.choice(list(Outcome))
            decisions.append(
                {
                    "id": len(decisions) + 1,
                    "application_id": app_id,
                    "outcome": outcome,
                    "decided_on": day + timedelta(days=7),
                    "finalists": rng.choice([None, 2, 3, 4]),
                    "reason": None,
                    "offer_response": OfferResponse.DECLINED if outcome is Outcome.OFFER else None,
                    "reopened_on": None,
                    "created_at": now,
                    "updated_at": now,
                }
            )
    for feedback_id in range(1, feedback + 1):
        app_row = apps[rng.randrange(applications)]
        feedback_rows.append(
            {
                "id": feedback_id,
                "text": rng.choice(FEEDBACK),
                "source": "interviewer",
                "received_on": app_row["applied_on"] + timedelta(days=30),
                "author": None,
                "application_id": app_row["id"],
                "round_id": None,
                "interview_id": None,
                "created_at": now,
                "updated_at": now,
            }
        )
    with engine.begin() as conn:
        for table, rows in (
            (t.applications, apps),
            (t.rounds, rounds),
            (t.interviews, interview_rows),
            (t.decisions, decisions),
            (t.feedback, feedback_rows),
        ):
            for chunk in range(0, len(rows), 5000):
                conn.execute(insert(table), rows[chunk : chunk + 5000])
    engine.dispose()
    return {
        "applications": len(apps),
        "rounds": len(rounds),
        "interviews": len(interview_rows),
        "decisions": len(decisions),
        "feedback": len(feedback_rows),
    }


def main() -> int:
    """Build a benchmark database at the given SQLite path."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path, help="SQLite file to create (must not exist)")
    parser.add_argument("--applications", type=int, default=2000)
    args = parser.parse_args()
    if args.path.exists():
        print(f"{args.path} exists; remove it first", file=sys.stderr)
        return 2
    began = time.perf_counter()
    counts = build_database(f"sqlite:///{args.path}", applications=args.applications)
    print(f"built {counts} in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
