"""Add the growth engine's data to a seeded benchmark database: statements, debriefs, stories.

Every feedback row of bench/seed.py gets its statements, mapped as the demo's mapper would
map them (a quarter of them confirmed), a share of past interviews get a debrief with
self-ratings, and the story bank gets a few stories. Bulk inserts, like bench/seed.py.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select

from nextround.domain.competency import CompetencyMatch, Polarity
from nextround.frameworks.files import BUILTIN_ID
from nextround.store import tables as t
from nextround.store.database import make_engine

#: How each feedback text of bench/seed.py splits: (statement, polarity, competency).
STATEMENTS: dict[str, list[tuple[str, Polarity, str]]] = {
    "Strong communicator, but the whiteboard flow lacked structure.": [
        ("Strong communicator", Polarity.STRENGTH, "communication"),
        ("the whiteboard flow lacked structure.", Polarity.GAP, "process-design"),
    ],
    "Could have gone deeper on risk management for the migration.": [
        (
            "Could have gone deeper on risk management for the migration.",
            Polarity.GAP,
            "risk-management",
        ),
    ],
    "Excellent stakeholder management across three time zones.": [
        (
            "Excellent stakeholder management across three time zones.",
            Polarity.STRENGTH,
            "stakeholder-management",
        ),
    ],
    "We were not fully convinced on systems thinking; the dependencies were missing.": [
        ("We were not fully convinced on systems thinking;", Polarity.GAP, "systems-thinking"),
        ("the dependencies were missing.", Polarity.GAP, "systems-thinking"),
    ],
    "Clear, concise answers and a crisp story about the carrier onboarding.": [
        (
            "Clear, concise answers and a crisp story about the carrier onboarding.",
            Polarity.STRENGTH,
            "communication",
        ),
    ],
    "Needs more exposure to technical depth in distributed systems.": [
        (
            "Needs more exposure to technical depth in distributed systems.",
            Polarity.GAP,
            "technical-depth",
        ),
    ],
}
RUNNERS_UP = ("ownership", "prioritisation", "collaboration", "planning-execution")
STORIES = [
    ("Cutting carrier onboarding from nine weeks to four", ["planning-execution", "ownership"]),
    ("Bringing the teams together for the new WMS", ["collaboration", "communication"]),
    ("Rescuing the returns-portal launch", ["prioritisation", "risk-management"]),
    ("Making the case for the scanner refresh", ["data-informed-decisions"]),
]


def add_engine_data(url: str, debriefs: int = 3000, seed: int = 11) -> dict[str, int]:
    """Fill the growth tables of a database bench/seed.py built; returns the row counts."""
    rng = random.Random(seed)
    engine = make_engine(url)
    now = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    statements: list[dict[str, Any]] = []
    with engine.connect() as conn:
        feedback = conn.execute(select(t.feedback.c.id, t.feedback.c.text)).all()
        interviews = conn.execute(
            select(t.interviews.c.id).where(t.interviews.c.scheduled_at < now)
        ).all()
    for feedback_id, text in feedback:
        start = 0
        for position, (part, polarity, competency) in enumerate(STATEMENTS.get(text, []), start=1):
            found = text.find(part, start)
            start = found + len(part)
            runner_up = rng.choice(RUNNERS_UP)
            confidence = round(rng.uniform(0.45, 0.9), 3)
            confirmed = rng.random() < 0.25
            statements.append(
                {
                    "feedback_id": feedback_id,
                    "position": position,
                    "text": part,
                    "start": found,
                    "end": start,
                    "framework_id": BUILTIN_ID,
                    "polarity": polarity,
                    "polarity_confidence": 0.8,
                    "cues": [],
                    "suggestions": [
                        CompetencyMatch(competency, confidence),
                        CompetencyMatch(runner_up, round((1 - confidence) / 2, 3)),
                    ],
                    "competencies": [competency],
                    "confirmed": confirmed,
                    "mapper": "semantic",
                    "reviewed_at": now if confirmed else None,
                    "created_at": now,
                    "updated_at": now,
                }
            )
    chosen = rng.sample([row[0] for row in interviews], min(debriefs, len(interviews)))
    debrief_rows = [
        {
            "id": n,
            "interview_id": interview_id,
            "overall": rng.randint(2, 5),
            "went_well": "Clear structure and a crisp opening.",
            "went_badly": "Ran long on the risk question.",
            "ratings": {
                "risk-management": rng.randint(1, 3),
                "communication": rng.randint(3, 5),
                "systems-thinking": rng.randint(1, 4),
            },
            "created_at": now,
            "updated_at": now,
        }
        for n, interview_id in enumerate(chosen, start=1)
    ]
    story_rows = [
        {
            "title": title,
            "situation": "In 2023 onboarding a carrier took nine weeks; fourteen were waiting.",
            "task": "Halve onboarding time within two quarters.",
            "action": "I mapped all 31 steps with five teams and removed 11 hand-offs.",
            "result": "Onboarding fell from nine weeks to four within five months.",
            "competencies": competencies,
            "suggestions": [],
            "created_at": now,
            "updated_at": now,
        }
        for title, competencies in STORIES
    ]
    with engine.begin() as conn:
        for table, rows in (
            (t.statements, statements),
            (t.debriefs, debrief_rows),
            (t.stories, story_rows),
        ):
            for chunk in range(0, len(rows), 5000):
                conn.execute(insert(table), rows[chunk : chunk + 5000])
    engine.dispose()
    return {"statements": len(statements), "debriefs": len(debrief_rows), "stories": len(STORIES)}
