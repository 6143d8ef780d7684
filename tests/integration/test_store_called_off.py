"""Interviews called off on the real database: kept, never still to come, through migrations."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from nextround.domain.journey import Interviewer, Outcome, RoundKind, RoundOutcome
from nextround.io.calendar import write_ics
from nextround.services import applications, process
from nextround.services.calling_off import call_off
from nextround.services.debriefs import record_debrief
from nextround.services.upcoming import upcoming_round
from nextround.store import tables as t
from tests.conftest import Clock
from tests.integration.migration_steps import downgrade


def _loop(app, clock: Clock, company: str) -> tuple[int, int, list[int]]:
    """An open process: a final loop with day one held, days two and three still ahead."""
    now = clock.now
    with app.uow() as uow:
        created = applications.add_application(
            uow,
            {"company": company, "role_title": "TPM", "applied_on": (now - timedelta(30)).date()},
        )
        assert created.id is not None
        loop = process.add_round(
            uow,
            created.id,
            {
                "name": "Final loop",
                "kind": RoundKind.FINAL_LOOP,
                "started_on": (now - timedelta(days=2)).date(),
            },
        )
        ids = []
        for title, at in (
            ("Day one", now - timedelta(days=2)),
            ("Day two", now + timedelta(days=2)),
            ("Day three", now + timedelta(days=3)),
        ):
            interview = process.add_interview(
                uow,
                created.id,
                None,
                {"title": title, "scheduled_at": at, "interviewers": [Interviewer("Mei Tan")]},
            )
            ids.append(interview.id)
        assert loop.id is not None
        return created.id, loop.id, ids


def _upcoming(app, clock: Clock) -> list[str]:
    with app.uow() as uow:
        return [i.title for i in uow.applications.upcoming_interviews(clock.now, 10)]


def test_what_is_called_off_is_kept_and_never_still_to_come(app, clock: Clock):
    app_id, loop_id, (_, day_two, _) = _loop(app, clock, "Acme")
    assert _upcoming(app, clock) == ["Day two", "Day three"]
    with app.uow() as uow:
        process.edit_interview(uow, day_two, {"called_off": True})
    with app.uow() as uow:
        assert _upcoming(app, clock) == ["Day three"]
        assert uow.applications.next_interviews(clock.now) == {
            app_id: clock.now + timedelta(days=3)
        }
        week = upcoming_round(uow)
        assert week is not None and week.day == (clock.now + timedelta(days=3)).date()
        ics = write_ics([uow.applications.get(app_id)], clock.now).decode()
        assert "Day two" not in ics and "Day three" in ics and "Day one" in ics
    # Cancelled by hand, the round calls off what was still ahead: nothing is to come.
    with app.uow() as uow:
        followed = process.change_round(uow, loop_id, {"outcome": RoundOutcome.CANCELLED})
    assert [i.title for i in followed.called_off] == ["Day three"]
    with app.uow() as uow:
        assert _upcoming(app, clock) == []
        assert uow.applications.next_interviews(clock.now) == {}
        assert upcoming_round(uow) is None
        process.set_decision(uow, app_id, Outcome.WITHDRAWAL)
    with app.engine.connect() as conn:
        kept = conn.execute(
            select(t.interviews.c.title, t.interviews.c.called_off).order_by(t.interviews.c.id)
        ).all()
    assert [tuple(row) for row in kept] == [
        ("Day one", False),
        ("Day two", True),
        ("Day three", True),
    ]


def test_call_off_with_a_decision_keeps_the_interviews(app, clock: Clock):
    app_id, _, (day_one, _, _) = _loop(app, clock, "Orbitra")
    with app.uow() as uow:
        record_debrief(uow, day_one, 4)
    with app.uow() as uow:
        called = call_off(uow, app_id, None)
        process.set_decision(uow, app_id, Outcome.REJECTION)
    assert [i.title for i in called.interviews] == ["Day two", "Day three"]
    with app.uow() as uow:
        found = uow.applications.get(app_id)
        assert [(i.title, i.called_off) for i in found.rounds[0].sorted_interviews] == [
            ("Day one", False),
            ("Day two", True),
            ("Day three", True),
        ]
        # The debrief of the day held is kept too.
        assert uow.debriefs.for_interview(day_one) is not None


def test_upgrading_calls_off_what_a_cancelled_round_left_ahead_and_keeps_debriefs(
    app, clock: Clock
):
    from nextround.store.database import upgrade

    _, loop_id, (day_one, _, _) = _loop(app, clock, "Brightwave")
    with app.uow() as uow:
        record_debrief(uow, day_one, 4)
        process.edit_round(uow, loop_id, {"outcome": RoundOutcome.CANCELLED})
    # Back to the schema before interviews could be called off, then forward again: the
    # migration marks what the cancelled round left ahead, as cancelling does now.
    downgrade(app.engine, "0008")
    upgrade(app.engine)
    with app.engine.connect() as conn:
        flags = conn.execute(
            select(t.interviews.c.title, t.interviews.c.called_off).order_by(t.interviews.c.id)
        ).all()
        debriefs = conn.execute(select(t.debriefs.c.interview_id)).scalars().all()
    assert [tuple(row) for row in flags] == [
        ("Day one", False),
        ("Day two", True),
        ("Day three", True),
    ]
    assert debriefs == [day_one]  # adding the column did not copy the table and lose them


def test_a_backup_from_before_interviews_were_called_off_restores(app, clock: Clock):
    from nextround.services.data import export_backup, restore_backup

    app_id, _, (_, day_two, _) = _loop(app, clock, "Quill")
    with app.uow() as uow:
        process.edit_interview(uow, day_two, {"called_off": True})
    with app.uow() as uow:
        doc = export_backup(uow)
    assert [row["called_off"] for row in doc["tables"]["interviews"]] == [False, True, False]
    with app.uow() as uow:
        restore_backup(uow, doc, replace=True)
    with app.uow() as uow:
        assert [i.called_off for i in uow.applications.get(app_id).rounds[0].sorted_interviews] == [
            False,
            True,
            False,
        ]
    older = {**doc, "revision": "0008"}
    older["tables"] = {
        **doc["tables"],
        "interviews": [
            {k: v for k, v in row.items() if k != "called_off"}
            for row in doc["tables"]["interviews"]
        ],
    }
    with app.uow() as uow:
        restore_backup(uow, older, replace=True)
    with app.uow() as uow:
        assert not any(i.called_off for i in uow.applications.get(app_id).rounds[0].interviews)
