"""What has not happened yet cannot have an outcome or feedback, as it cannot be debriefed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.e2e.conftest import full_dump


def test_a_future_round_and_interview_take_no_outcome_and_no_feedback(cli):
    ahead = datetime.now(UTC).date() + timedelta(days=7)
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-11-01")
    cli.ok("round", "add", "1", "Loop", "--on", ahead.isoformat())
    cli.ok("interview", "add", "1", "System design", "--at", f"{ahead}T10:00")
    before = full_dump(cli.db)

    passed = cli("round", "edit", "1", "--outcome", "passed")
    assert passed.code == 2
    assert f"round 'Loop' starts on {ahead}, so it cannot be passed yet" in passed.err

    heard = cli("feedback", "add", "--app", "1", "--interview", "1", "--no-map",
                "great system design")  # fmt: skip
    assert heard.code == 2
    # Named as the user knows it, by title and time, on the command line as on the web.
    said = " ".join(heard.err.split())
    assert f"the interview “System design” on {ahead} 10:00 has not happened yet" in said
    assert full_dump(cli.db) == before


def test_an_interview_without_a_time_in_a_round_ahead_has_not_happened(cli):
    ahead = datetime.now(UTC).date() + timedelta(days=7)
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-11-01")
    cli.ok("round", "add", "1", "Hiring manager", "--on", ahead.isoformat())
    added = " ".join(cli.ok("interview", "add", "1", "Peer chat").split())
    # Without a time it is in neither `plan week` nor the calendar file: the user is told.
    assert added == (
        "Added interview 1: Peer chat. No time given: add it with `nextround interview edit 1 "
        f"--at {ahead}THH:MM`, so it shows in `plan week` and the calendar file."
    )
    before = full_dump(cli.db)
    for command in (
        ("debrief", "1", "--overall", "4"),
        ("feedback", "add", "--app", "1", "--interview", "1", "--no-map", "Good chat"),
    ):
        refused = cli(*command)
        assert refused.code == 2
        assert (
            f"the interview “Peer chat” has no time on record and its round starts on {ahead}, "
            "so it has not happened yet;" in " ".join(refused.err.split())
        )
    assert full_dump(cli.db) == before


def test_an_interview_with_a_debrief_cannot_move_to_a_time_still_to_come(cli):
    today = datetime.now(UTC).date()
    held, ahead = today - timedelta(days=3), today + timedelta(days=4)
    cli.ok("app", "add", "Acme", "PM", "--applied", str(today - timedelta(days=20)))
    cli.ok("round", "add", "1", "Hiring manager", "--on", str(held))
    cli.ok("interview", "add", "1", "HM chat", "--at", f"{held}T10:00")
    cli.ok("debrief", "1", "--overall", "4", "--went-well", "The roadmap landed.")
    before = full_dump(cli.db)

    moved = cli("interview", "edit", "1", "--at", f"{ahead}T10:00")
    said = " ".join(moved.err.split())
    assert moved.code == 2
    assert (
        f"the interview “HM chat” has a debrief, so it has taken place and cannot move to "
        f"{ahead} 10:00, which is still to come" in said
    )
    assert "`nextround interview add 1 TITLE --round 1 --at WHEN`" in said
    assert full_dump(cli.db) == before
    # Corrected to another time it was held at, it moves.
    cli.ok("interview", "edit", "1", "--at", f"{held}T11:00")
