"""`decision set` and `decision rm`: which rounds a decision closes, and what it says it did."""

from __future__ import annotations

import json
import re


def _outcomes(cli) -> list[str]:
    shown = json.loads(cli.ok("app", "show", "1", "--json"))
    return [r["outcome"] for r in shown["rounds"]]


def test_a_rejection_after_round_3_passes_round_2_and_says_so(cli):
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-11-01")
    for name, day in (("Screen", "2026-11-02"), ("Case", "2026-11-03"), ("Loop", "2026-11-04")):
        cli.ok("round", "add", "1", name, "--on", day, "--keep-pending")
    cli.ok("round", "edit", "1", "1", "--outcome", "passed")
    out = cli.ok("decision", "set", "1", "--outcome", "rejection", "--on", "2026-11-05")
    assert " ".join(out.split()) == (
        "Application 1: rejection on 2026-11-05. Round 2 marked passed, round 3 rejected."
    )
    assert _outcomes(cli) == ["passed", "passed", "rejected"]
    history = cli.ok("export", "csv")  # the proof of search's stage_history
    assert re.search(r"round 2 Case \(\w+, passed\); .* round 3 Loop \(\w+, rejected\)", history)
    # Taken back: the rounds it closed are pending again, the one passed by hand stays.
    cli.ok("decision", "rm", "1", "--yes")
    assert _outcomes(cli) == ["passed", "pending", "pending"]


def test_an_accepted_offer_says_accepted(cli):
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-11-01")
    out = cli.ok(
        "decision", "set", "1", "--outcome", "offer", "--response", "accepted",
        "--on", "2026-11-24",
    )  # fmt: skip
    assert out.strip() == "Application 1: offer on 2026-11-24, accepted."


def test_a_decision_before_an_interview_still_scheduled_is_refused_with_what_to_do(cli):
    from datetime import UTC, datetime, timedelta

    from tests.e2e.conftest import full_dump

    today = datetime.now(UTC).date()
    ahead = today + timedelta(days=7)
    cli.ok("app", "add", "Tempoline", "TPM", "--applied", (today - timedelta(days=60)).isoformat())
    cli.ok("round", "add", "1", "Final loop", "--kind", "final_loop",
           "--on", (today - timedelta(days=30)).isoformat())  # fmt: skip
    cli.ok("interview", "add", "1", "Future chat", "--at", f"{ahead}T14:00", "--with", "Tom, CTO")
    before = full_dump(cli.db)

    refused = cli("decision", "set", "1", "--outcome", "rejection",
                  "--on", (today - timedelta(days=10)).isoformat())  # fmt: skip
    said = " ".join(refused.err.split())
    assert refused.code == 2
    assert f"“Future chat” (round 1, Final loop) is still to come on {ahead} 14:00" in said
    assert "`nextround interview edit 1 --called-off` marks this one" in said
    assert full_dump(cli.db) == before
    assert "Future chat" in cli.ok("export", "ics")

    out = " ".join(cli.ok("interview", "edit", "1", "--called-off").split())
    assert out == (
        "Updated interview 1 (Tempoline: Future chat): called off. It is called off: it stays "
        "on record and no longer counts as still to come."
    )
    cli.ok("decision", "set", "1", "--outcome", "withdrawal")
    assert "Future chat" not in cli.ok("export", "ics")
    shown = " ".join(cli.ok("app", "show", "1").split())
    assert f"interview 1: Future chat — {ahead} 14:00, with Tom, called off" in shown


def test_call_off_keeps_the_interviews_still_to_come_marked_called_off(cli):
    from datetime import UTC, datetime, timedelta

    from tests.e2e.conftest import full_dump

    today = datetime.now(UTC).date()
    ahead = today + timedelta(days=7)
    for company in ("Tempoline", "Orbitra"):
        cli.ok("app", "add", company, "TPM", "--applied", (today - timedelta(days=60)).isoformat())
    for app_id in ("1", "2"):
        cli.ok(
            "round", "add", app_id, "Final loop", "--on", (today - timedelta(days=30)).isoformat()
        )
    cli.ok("interview", "add", "1", "Future chat", "--at", f"{ahead}T14:00")
    cli.ok("interview", "add", "2", "Panel", "--at", f"{ahead}T09:30")

    refused = cli("decision", "set", "1", "--outcome", "withdrawal")
    assert refused.code == 2
    assert "add --call-off to mark the interviews still to come called off" in " ".join(
        refused.err.split()
    )

    out = cli.ok("decision", "set", "1", "--outcome", "withdrawal", "--call-off")
    said = " ".join(out.split())
    assert (
        f"Called off the interview “Future chat” on {ahead} 14:00. The interview stays on "
        "record, marked called off."
    ) in said
    assert said.startswith(f"Application 1: withdrawal on {today}. Round 1 marked withdrawn.")
    out = cli.ok("app", "close", "2", "--as", "rejection", "--call-off")
    assert " ".join(out.split()) == (
        f"Closed application 2 as rejected. Called off the interview “Panel” on {ahead} 09:30. "
        "The interview stays on record, marked called off."
    )
    ics = cli.ok("export", "ics")
    assert "Future chat" not in ics and "Panel" not in ics
    # History kept: the timeline and app show still have them, marked called off.
    timeline = " ".join(cli.ok("timeline", "1").split())
    assert "Interview: Future chat (called off)" in timeline
    assert json.loads(cli.ok("app", "show", "2", "--json"))["rounds"][0]["interviews"][0][
        "called_off"
    ]

    # A refused decision calls nothing off: the interview is still there.
    cli.ok("app", "add", "Acme", "PM", "--applied", (today - timedelta(days=60)).isoformat())
    cli.ok("round", "add", "3", "Loop", "--on", (today - timedelta(days=30)).isoformat())
    cli.ok("interview", "add", "3", "Loop chat", "--at", f"{ahead}T10:00")
    before = full_dump(cli.db)
    early = (today - timedelta(days=40)).isoformat()
    refused = cli("decision", "set", "3", "--outcome", "rejection", "--on", early, "--call-off")
    assert refused.code == 2 and "before the last round" in " ".join(refused.err.split())
    assert full_dump(cli.db) == before


def test_an_offer_straight_after_applying_counts_as_no_screen_in_stats(cli):
    cli.ok("app", "add", "Orbitra", "PM", "--applied", "2026-11-01")
    cli.ok("app", "add", "Tempoline", "TPM", "--applied", "2026-11-01")
    cli.ok("round", "add", "2", "Screen", "--kind", "screen", "--on", "2026-11-03")
    cli.ok("decision", "set", "1", "--outcome", "offer", "--on", "2026-11-10")
    stats = json.loads(cli.ok("stats", "--json"))
    assert [(s["count"], s["unrecorded"]) for s in stats["funnel"]] == [
        (2, 0), (1, 0), (0, 0), (0, 0), (1, 1),
    ]  # fmt: skip
    shown = " ".join(cli.ok("stats").split())
    assert "1 offer came without a final round on record" in shown


def test_accepting_an_offer_that_misses_option_a_asks_first(cli):
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-11-01")
    cli.ok("options", "define", "--must", "remote [work_mode=remote]", "--threshold", "3.5")
    cli.ok("options", "rate", "1", "scope=2", "mission=2", "compensation=5")
    accept = ("decision", "set", "1", "--outcome", "offer", "--response", "accepted",
              "--on", "2026-11-24")  # fmt: skip
    refused = cli(*accept, stdin="n\n")
    assert refused.code == 1 and "Aborted; nothing was changed." in refused.err
    assert "Saying yes to the wrong thing? Acme:" in refused.err
    assert json.loads(cli.ok("app", "show", "1", "--json"))["decisions"] == []
    out = cli.ok(*accept, "--yes")
    assert out.strip() == "Application 1: offer on 2026-11-24, accepted."


def test_a_rejection_before_a_booked_round_points_to_call_off_and_keeps_the_round(cli):
    from datetime import UTC, datetime, timedelta

    today = datetime.now(UTC).date()
    booked = today + timedelta(days=5)
    cli.ok("app", "add", "Acme Cloud", "Senior PM", "--applied", str(today - timedelta(days=30)))
    cli.ok(
        "round", "add", "1", "Screen", "--kind", "screen", "--on", str(today - timedelta(days=9))
    )
    cli.ok("round", "edit", "1", "--outcome", "passed")
    cli.ok("round", "add", "1", "Hiring manager", "--kind", "hiring-manager", "--on", str(booked))
    cli.ok("interview", "add", "1", "HM with Jordan", "--at", f"{booked}T10:00")

    refused = cli("decision", "set", "1", "--outcome", "rejection")
    said = " ".join(refused.err.split())
    assert refused.code == 2
    assert "if that round was called off, mark it cancelled" in said
    assert "--call-off" in said and "date it on or after" not in said
    out = " ".join(cli.ok("decision", "set", "1", "--outcome", "rejection", "--call-off").split())
    assert "round 2 (Hiring manager), now cancelled. The interview stays on record" in out
    shown = json.loads(cli.ok("app", "show", "1", "--json"))
    assert shown["status"] == "rejected"
    assert [r["outcome"] for r in shown["rounds"]] == ["passed", "cancelled"]


def test_a_lost_round_says_the_process_is_still_open_and_how_to_close_it(cli):
    cli.ok("app", "add", "Quill", "PM", "--applied", "2026-09-15")
    cli.ok("round", "add", "1", "Hiring manager", "--kind", "hiring-manager", "--on", "2026-09-24")
    out = " ".join(
        cli.ok("round", "edit", "1", "--outcome", "rejected", "--ended", "2026-09-25").split()
    )
    assert out.endswith(
        "The application is still open. If this ended the process, record it: "
        "`nextround app close 1 --as rejection --on 2026-09-25`."
    )
    cli.ok("app", "close", "1", "--as", "rejection", "--on", "2026-09-25")
    # Closed: nothing more to say.
    out = cli.ok("round", "edit", "1", "--notes", "Asked for feedback")
    assert "still open" not in out


def test_a_decision_is_corrected_field_by_field_and_an_answer_keeps_the_offer_day(cli):
    cli.ok("app", "add", "Northwind", "Senior PM", "--applied", "2026-09-01")
    cli.ok("decision", "set", "1", "--outcome", "rejection", "--on", "2026-10-02",
           "--finalists", "3", "--reason", "Chose another finalist")  # fmt: skip
    # Replacing it says what the new one no longer has, and how to keep it.
    out = " ".join(cli.ok("decision", "set", "1", "--outcome", "rejection").split())
    assert "Cleared the number of finalists (3) and the reason of the decision it replaced" in out
    cli.ok("decision", "edit", "1", "--finalists", "3", "--reason", "Chose another finalist")
    out = cli.ok("decision", "edit", "1", "--on", "2026-10-03")
    assert out.strip() == "Application 1: rejection on 2026-10-03."
    [decision] = json.loads(cli.ok("app", "show", "1", "--json"))["decisions"]
    assert (decision["finalists"], decision["reason"]) == (3, "Chose another finalist")
    refused = cli("decision", "edit", "1", "--finalists", "three")
    assert refused.code == 2 and "is not a whole number" in refused.err

    cli.ok("app", "add", "Brightlane", "Product Lead", "--applied", "2026-09-08")
    cli.ok("decision", "set", "2", "--outcome", "offer", "--on", "2026-10-21")
    out = cli.ok("decision", "set", "2", "--outcome", "offer", "--response", "accepted",
                 "--on", "2026-10-25")  # fmt: skip
    assert out.startswith("Application 2: offer on 2026-10-21, accepted on 2026-10-25.")
    timeline = " ".join(cli.ok("timeline", "2").split())
    assert "2026-10-21 Decision: offer" in timeline and "2026-10-25 Offer accepted" in timeline
    shown = " ".join(cli.ok("app", "show", "2").split())
    assert "Decision offer on 2026-10-21, offer accepted on 2026-10-25" in shown
    refused = cli("decision", "edit", "2", "--answered-on", "2026-10-20")
    assert refused.code == 2
    assert "the answer on 2026-10-20 is before the offer came, on 2026-10-21" in refused.err


def test_answering_an_offer_as_app_show_suggests_keeps_its_terms(cli):
    terms = "Base $165k, OTE $330k (50/50), 4,000 RSUs over 4 years"
    cli.ok("app", "add", "Snowflake", "Enterprise AE", "--applied", "2026-09-01")
    cli.ok("decision", "set", "1", "--outcome", "offer", "--on", "2026-10-21", "--finalists", "2",
           "--response", "pending", "--reason", terms)  # fmt: skip
    # The answer alone, as the offer's reminder in `app show` words it.
    out = cli.ok("decision", "set", "1", "--outcome", "offer", "--response", "accepted", "--yes")
    assert "Cleared" not in out
    [decision] = json.loads(cli.ok("app", "show", "1", "--json"))["decisions"]
    assert (decision["offer_response"], decision["reason"], decision["finalists"]) == (
        "accepted",
        terms,
        2,
    )
    assert terms in " ".join(cli.ok("app", "show", "1").split())


def test_a_round_cancelled_by_hand_says_what_happens_to_its_interviews(cli):
    from datetime import UTC, datetime, timedelta

    today = datetime.now(UTC).date()
    booked = today + timedelta(days=5)
    cli.ok("app", "add", "Acme", "PM", "--applied", str(today - timedelta(days=30)))
    cli.ok("round", "add", "1", "Hiring manager", "--on", str(booked))
    cli.ok("interview", "add", "1", "HM with Jordan", "--at", f"{booked}T10:00")
    listed = json.loads(cli.ok("app", "list", "--json"))
    assert listed[0]["next_interview"] is not None

    out = " ".join(cli.ok("round", "edit", "1", "--outcome", "cancelled").split())
    assert out == (
        "Updated round 1 of application 1 (round id 1): Acme – Hiring manager; outcome pending → "
        "cancelled. Called off with it: the "
        f"interview “HM with Jordan” on {booked} 10:00. It stays on record, marked called off, "
        "and no longer counts as still to come."
    )
    # Not upcoming anywhere, and no obstacle to a decision.
    assert json.loads(cli.ok("app", "list", "--json"))[0]["next_interview"] is None
    assert "HM with Jordan" not in cli.ok("export", "ics")
    assert "Interview: HM with Jordan (called off)" in " ".join(cli.ok("timeline", "1").split())
    cli.ok("decision", "set", "1", "--outcome", "withdrawal")
    cli.ok("decision", "rm", "1", "--yes")

    # Set back, it goes ahead again; an interview cannot go ahead alone in a cancelled round.
    out = " ".join(cli.ok("round", "edit", "1", "--outcome", "pending").split())
    assert out.endswith(
        f"Going ahead again: the interview “HM with Jordan” on {booked} 10:00 (was called off "
        "with it)."
    )
    cli.ok("round", "edit", "1", "--outcome", "cancelled")
    refused = cli("interview", "edit", "1", "--going-ahead")
    said = " ".join(refused.err.split())
    assert refused.code == 2
    assert "round 1 (Hiring manager) is cancelled, so the interview “HM with Jordan”" in said
    assert "`nextround round edit 1 1 --outcome pending`" in said


def test_deleting_a_decision_that_called_off_brings_back_what_it_called_off(cli):
    from datetime import UTC, datetime, timedelta

    today = datetime.now(UTC).date()
    booked = today + timedelta(days=5)
    cli.ok("app", "add", "Acme", "PM", "--applied", str(today - timedelta(days=30)))
    cli.ok("round", "add", "1", "Screen", "--on", str(today - timedelta(days=10)))
    cli.ok("round", "add", "1", "Hiring manager", "--on", str(booked))
    cli.ok("interview", "add", "1", "HM with Jordan", "--at", f"{booked}T10:00")
    out = " ".join(cli.ok("decision", "set", "1", "--outcome", "rejection", "--call-off").split())
    assert "round 2 (Hiring manager), now cancelled" in out
    assert _outcomes(cli) == ["passed", "cancelled"]
    out = " ".join(cli.ok("decision", "rm", "1", "--yes").split())
    assert out == (
        f"Deleted the rejection of {today} from application 1; its status is interviewing. "
        "Round 2 is pending again. Going ahead again (it was called off with the decision): "
        f"the interview “HM with Jordan” on {booked} 10:00."
    )
    assert _outcomes(cli) == ["passed", "pending"]
    shown = json.loads(cli.ok("app", "show", "1", "--json"))
    assert shown["rounds"][1]["interviews"][0]["called_off"] is False
    assert json.loads(cli.ok("app", "list", "--json"))[0]["next_interview"] is not None


def test_deleting_a_decision_names_what_stays_called_off_and_how_to_bring_it_back(cli):
    from datetime import UTC, datetime, timedelta

    today = datetime.now(UTC).date()
    booked = today + timedelta(days=5)
    cli.ok("app", "add", "Acme", "PM", "--applied", str(today - timedelta(days=30)))
    cli.ok("round", "add", "1", "Hiring manager", "--on", str(booked))
    cli.ok("interview", "add", "1", "HM with Jordan", "--at", f"{booked}T10:00")
    cli.ok("decision", "set", "1", "--outcome", "withdrawal", "--call-off")
    cli.ok("round", "edit", "1", "1", "--notes", "They never confirmed")  # changed since
    out = " ".join(cli.ok("decision", "rm", "1", "--yes").split())
    assert (
        "Still called off: round 1 (Hiring manager), cancelled (`nextround round edit 1 1 "
        "--outcome pending`). If one is on after all, run its command." in out
    )
    cli.ok("round", "edit", "1", "1", "--outcome", "pending")
    shown = json.loads(cli.ok("app", "show", "1", "--json"))
    assert shown["rounds"][0]["interviews"][0]["called_off"] is False
