"""The whole journey through the real command line, as a user would type it."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from icalendar import Calendar

from nextround.store.database import HEAD_REVISION
from tests.e2e.conftest import dump, full_dump


def test_full_journey(cli, tmp_path):
    out = cli.ok("init")
    assert f"Database ready at sqlite:///{cli.db} (schema {HEAD_REVISION})." in out

    out = cli.ok(
        "app",
        "add",
        "Tempoline",
        "Technical Program Manager",
        "--applied",
        "2025-05-06",
        "--source",
        "linkedin",
        "--work-mode",
        "remote",
        "--tag",
        "tpm,music",
        "--tag",
        "Remote",
        "--url",
        "https://jobs.tempoline.example/tpm",
        "--level",
        "Senior",
    )
    assert (
        "Added application 1: Technical Program Manager at Tempoline (applied 2025-05-06)." in out
    )
    out = cli.ok(
        "round",
        "add",
        "1",
        "Talent acquisition screen",
        "--kind",
        "screen",
        "--on",
        "2025-05-14",
        "--mode",
        "phone",
        "--ended",
        "2025-05-14",
        "--outcome",
        "passed",
    )
    assert (
        "Added round 1 of application 1 (round id 1): Tempoline – Talent acquisition screen."
        in " ".join(out.split())
    )
    cli.ok(
        "round",
        "add",
        "1",
        "Final loop",
        "--kind",
        "final-loop",
        "--on",
        "2025-06-10",
        "--mode",
        "video",
        "--ended",
        "2025-06-11",
    )
    out = cli.ok(
        "interview",
        "add",
        "1",
        "Process-flow whiteboard",
        "--format",
        "practical-exercise",
        "--at",
        "2025-06-10T11:00+02:00",
        "--minutes",
        "45",
        "--with",
        "Inés Carvalho, Lead, Process Excellence",
        "--with",
        "Kwame Asante",
        "--competency",
        "systems-thinking,communication",
    )
    # Typed at +02:00: confirmed on that clock, and on the user's (UTC here).
    assert (
        "Added interview 1: Process-flow whiteboard, on 2025-06-10 11:00 UTC+02:00 (09:00 here)."
        in out
    )
    cli.ok(
        "interview",
        "add",
        "1",
        "Intro call",
        "--round",
        "1",
        "--at",
        "2025-05-14 10:00",
        "--minutes",
        "30",
        "--with",
        "Maya Lindgren, Talent Acquisition Partner",
    )
    cli.ok("interview", "edit", "2", "--minutes", "25")
    cli.ok("round", "edit", "2", "--notes", "Five interviews over two days.")
    cli.ok(
        "contact",
        "add",
        "Maya Lindgren",
        "--role",
        "talent-acquisition",
        "--app",
        "1",
        "--email",
        "maya@tempoline.example",
        "--title",
        "TA Partner",
    )

    # Feedback from an argument, from a file, and from stdin (piped, and with '-').
    out = cli.ok(
        "feedback",
        "add",
        "The panel enjoyed your stakeholder work.",
        "--source",
        "recruiter",
        "--app",
        "1",
        "--on",
        "2025-06-18",
        "--author",
        "Maya Lindgren",
    )
    assert "Stored feedback 1 (40 characters)." in out
    letter = tmp_path / "letter.txt"
    letter.write_text("Risk management didn't come through.\nSystemic thinking: gaps.\n", "utf-8")
    cli.ok(
        "feedback",
        "add",
        "--file",
        str(letter),
        "--source",
        "interviewer",
        "--interview",
        "1",
        "--on",
        "2025-06-12",
    )
    cli.ok(
        "feedback",
        "add",
        "--source",
        "mentor",
        "--on",
        "2025-07-01",
        stdin="From stdin: lead with numbers. 🎧\n",
    )
    out = cli.ok(
        "feedback",
        "add",
        "-",
        "--source",
        "self",
        "--on",
        "2025-06-11",
        "--app",
        "1",
        "--json",
        stdin="Whiteboard felt rushed.",
    )
    assert json.loads(out)["text"] == "Whiteboard felt rushed."

    decision = json.loads(
        cli.ok(
            "decision",
            "set",
            "1",
            "--outcome",
            "rejection",
            "--on",
            "2025-06-18",
            "--finalists",
            "4",
            "--reason",
            "Chose another of four finalists.",
            "--json",
        )
    )
    assert (decision["outcome"], decision["decided_on"], decision["finalists"]) == (
        "rejection",
        "2025-06-18",
        4,
    )

    out = cli.ok("timeline", "1")
    lines = [line.rstrip() for line in out.splitlines()]
    assert lines[0] == "Timeline: Technical Program Manager at Tempoline (application 1)"
    order = [
        "Applied: Technical Program Manager at Tempoline",
        "Round 1: Talent acquisition screen",
        "Interview: Intro call",
        "Round 1 passed",
        "Round 2: Final loop",
        "Interview: Process-flow whiteboard",
        "Round 2 rejected",  # results close their day, before feedback of the same day
        "Feedback (self)",
        "Feedback (interviewer)",
        "Feedback (recruiter) from Maya Lindgren",
        "Decision: rejection",
    ]
    positions = [next(i for i, line in enumerate(lines) if title in line) for title in order]
    assert positions == sorted(positions)
    assert any(line.startswith("2025-06-10 09:00") for line in lines)  # shown in local time (UTC)
    assert lines[-1] == "Status now: rejected"
    assert "From stdin" not in out  # not tied to this application

    events = json.loads(cli.ok("timeline", "1", "--json"))
    assert events["status"] == "rejected"
    assert [e["kind"] for e in events["events"]][:3] == ["applied", "round", "interview"]

    shown = json.loads(cli.ok("app", "show", "1", "--json"))
    assert shown["status"] == "rejected"
    assert shown["tags"] == ["tpm", "music", "remote"]
    assert [r["outcome"] for r in shown["rounds"]] == ["passed", "rejected"]
    assert shown["rounds"][1]["notes"] == "Five interviews over two days."
    whiteboard = shown["rounds"][1]["interviews"][0]
    assert whiteboard["scheduled_at"] == "2025-06-10T09:00:00+00:00"
    # Named on the whiteboard, Inés is one of the application's people, linked.
    ines = next(c["id"] for c in shown["contacts"] if c["name"] == "Inés Carvalho")
    assert whiteboard["interviewers"][0] == {
        "name": "Inés Carvalho",
        "title": "Lead, Process Excellence",
        "contact_id": ines,
    }
    assert shown["rounds"][0]["interviews"][0]["duration_minutes"] == 25
    assert "Maya Lindgren" in [c["name"] for c in shown["contacts"]]
    assert len(shown["feedback"]) == 3
    assert "Risk management didn't come through.\nSystemic thinking: gaps." in [
        f["text"] for f in shown["feedback"]
    ]

    out = cli.ok("app", "show", "1")
    assert "Technical Program Manager at Tempoline  (id 1)" in out
    assert "Decision rejection on 2025-06-18, 4 finalists" in out

    listing = json.loads(cli.ok("app", "list", "--json"))
    assert [(a["id"], a["status"], a["rounds"]) for a in listing] == [(1, "rejected", 2)]
    assert json.loads(cli.ok("app", "list", "--status", "rejected", "--json"))[0]["id"] == 1
    assert json.loads(cli.ok("app", "list", "--open", "--json")) == []
    people = json.loads(cli.ok("contact", "list", "--json"))
    # The interviewers named became people; adding Maya by hand completed hers. By company,
    # the recruiter first (as the web's People page lists them).
    assert [(p["name"], p["role"], p["application_id"], p["company"]) for p in people] == [
        ("Maya Lindgren", "talent_acquisition", 1, "Tempoline"),
        ("Inés Carvalho", "interviewer", 1, "Tempoline"),
        ("Kwame Asante", "interviewer", 1, "Tempoline"),
    ]
    items = json.loads(cli.ok("feedback", "list", "--json"))
    assert [i["source"] for i in items] == ["self", "interviewer", "recruiter", "mentor"]
    assert items[3]["text"] == "From stdin: lead with numbers. 🎧"

    stats = json.loads(cli.ok("stats", "--json"))
    assert [(s["stage"], s["count"]) for s in stats["funnel"]] == [
        ("applied", 1),
        ("screen", 1),
        ("interviews", 1),
        ("final", 1),
        ("offer", 0),
    ]
    assert stats["stage_gaps"][0] == {
        "start": "applied",
        "end": "screen",
        "median_days": 8,
        "samples": 1,
        "left_out": 0,  # no round dated only by a sheet import
    }
    out = cli.ok("stats")
    assert "Funnel" in out and "Median days between stages" in out and "Outcomes by source" in out

    # Exports: a backup, the CSV proof of search, and the calendar.
    # The calendar first: its first export gives the database its calendar id, which the
    # backup carries (so a restored journey's events keep their UIDs).
    calendar_file = tmp_path / "interviews.ics"
    cli.ok("export", "ics", "-o", str(calendar_file))
    events = Calendar.from_ical(calendar_file.read_bytes()).walk("VEVENT")
    assert sorted(str(e["summary"]) for e in events) == [
        "Intro call - Tempoline",
        "Process-flow whiteboard - Tempoline",
    ]
    backup_file = tmp_path / "out" / "backup.json"
    backup_file.parent.mkdir()
    out = cli.ok("export", "json", "-o", str(backup_file))
    assert f"Wrote {backup_file}" in out
    document = json.loads(backup_file.read_text("utf-8"))
    assert len(document["tables"]["interviews"]) == 2
    rows = list(csv.DictReader(io.StringIO(cli.ok("export", "csv"))))
    assert [(r["company"], r["screen_on"], r["final_round_on"], r["decided_on"]) for r in rows] == [
        ("Tempoline", "2025-05-14", "2025-06-10", "2025-06-18")
    ]
    # A file gets the byte-order mark Excel needs to read UTF-8 ("£52k", not "Â£52k");
    # standard output, read by other programs, does not.
    assert not cli.ok("export", "csv").startswith("\ufeff")
    proof = tmp_path / "out" / "proof.csv"
    cli.ok("export", "csv", "-o", str(proof))
    assert proof.read_bytes().startswith(b"\xef\xbb\xbfid,company,")

    # The backup restores into a new database, exactly.
    fresh = str(tmp_path / "restored.sqlite3")
    out = cli.ok("import", "json", str(backup_file), db=fresh)
    # In the order a person reads them, the journey first and settings last.
    assert out.startswith("Restored 1 application, 2 rounds, 2 interviews, 1 decision, 3 contacts")
    again = json.loads(cli.ok("export", "json", db=fresh))
    assert again["tables"] == document["tables"]
    # --replace overwrites a database that has data: here, the restored one itself.
    assert sorted(dump(fresh)) == sorted(dump(cli.db))
    cli.ok("app", "rm", "1", "--yes", db=fresh)
    before = json.loads(cli.ok("export", "json", db=fresh))
    # It asks first: with no answer to read (stdin closed) it says to add --yes, and
    # nothing changes.
    refused = cli("import", "json", str(backup_file), "--replace", db=fresh)
    assert refused.code == 2 and refused.out == ""
    said = " ".join(refused.err.split())
    assert "to “Replace 3 contacts, 1 piece of feedback" in said
    assert said.endswith("To go ahead without being asked, add --yes")
    assert json.loads(cli.ok("export", "json", db=fresh))["tables"] == before["tables"]
    out = cli.ok("import", "json", str(backup_file), "--replace", stdin="y\n", db=fresh)
    said = " ".join(out.split())
    # What --replace overwrote is said: here what the deleted application left behind...
    assert "in place of 3 contacts, 1 piece of feedback, 1 feedback statement." in said
    assert json.loads(cli.ok("export", "json", db=fresh))["tables"] == document["tables"]
    # ... and kept, in a backup that puts it back.
    [kept] = (cli.env_path("NEXTROUND_DATA_DIR") / "backups").glob("before-import-*.json")
    assert f"What was there is kept in {kept}" in said
    assert json.loads(kept.read_text("utf-8"))["tables"] == before["tables"]
    # From standard input nothing can be asked: --yes is needed.
    refused = cli("import", "json", "-", "--replace", stdin=cli.ok("export", "json"), db=fresh)
    assert refused.code == 2 and "add --yes to replace it" in " ".join(refused.err.split())
    cli.ok("import", "json", "-", "--replace", "--yes", stdin=kept.read_text("utf-8"), db=fresh)
    assert json.loads(cli.ok("export", "json", db=fresh))["tables"] == before["tables"]
    # '-' reads the backup from standard input, as `export json` writes it to standard output.
    piped = str(tmp_path / "piped.sqlite3")
    out = cli.ok("import", "json", "-", stdin=cli.ok("export", "json"), db=piped)
    assert out.startswith("Restored 1 application, 2 rounds, 2 interviews, 1 decision")
    assert json.loads(cli.ok("export", "json", db=piped))["tables"] == document["tables"]


def test_a_round_out_of_date_order_is_added_with_a_note(cli):
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-10-01")
    cli.ok("round", "add", "1", "Screen", "--kind", "screen", "--on", "2026-10-08")
    out = " ".join(cli.ok("round", "add", "1", "Onsite", "--on", "2026-10-05").split())
    assert out.startswith("Added round 2 of application 1 (round id 2): Acme – Onsite.")
    # Remembered late, before the screen: the screen is not passed by it.
    assert "marked passed" not in out
    assert "Note: round 2 starts on 2026-10-05, before round 1 (Screen, 2026-10-08)" in out
    assert "nextround round edit 1 2 --on DATE" in out
    fixed = " ".join(cli.ok("round", "edit", "1", "2", "--on", "2026-10-15").split())
    assert fixed == (
        "Updated round 2 of application 1 (round id 2): Acme – Onsite; start date 2026-10-05 → "
        "2026-10-15."
    )
    # The timeline shows the ids that round edit (and interview edit, debrief) take.
    timeline = " ".join(cli.ok("timeline", "1").split())
    assert "Round 1: Screen round id 1" in timeline and "Round 2: Onsite round id 2" in timeline


LONG_EMAIL = (
    "Hi Zoë,\n\nThank you for your time over the past few weeks.\n\n"
    "The panel felt your stakeholder management was excellent: you aligned three directors "
    "on the migration plan with real clarity. However, your answers on risk management "
    "stayed at a high level, and the panel could not see how you would mitigate risks early. "
    "In the design exercise the flow you drew missed the feedback loops between teams.\n\n"
    "We chose a candidate with more regulated experience. Best regards,\nMaya\n"
)


def test_the_timeline_quotes_a_long_feedback_and_says_where_the_whole_is(cli):
    cli.ok("app", "add", "Tempoline", "TPM", "--applied", "2026-10-01")
    cli.ok("feedback", "add", "-", "--source", "recruiter", "--app", "1", stdin=LONG_EMAIL)
    out = cli.ok("timeline", "1")
    flat = " ".join(out.split())
    assert "…The panel felt your stakeholder management was excellent" in flat
    assert "Hi Zoë" not in out and "Best regards" not in out and "regulated" not in out
    assert "The whole text: `nextround feedback show 1`" in flat
    (event,) = [e for e in json.loads(cli.ok("timeline", "1", "--json"))["events"] if e["excerpt"]]
    assert event["detail"].endswith(" …") and len(event["detail"]) < 250
    assert "Best regards,\nMaya" in json.loads(cli.ok("feedback", "show", "1", "--json"))["text"]


def test_interview_competencies_by_name_and_a_slip_named(cli):
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-10-01")
    cli.ok("round", "add", "1", "Screen", "--kind", "screen", "--on", "2026-10-08")
    # A name becomes its id; a tag the framework lacks is kept, with a note naming the nearest.
    result = cli(
        "interview", "add", "1", "Panel", "--competency", "Risk Management,systms-thinking"
    )
    assert result.code == 0, result.err
    assert " ".join(result.err.split()) == (
        "note: 'systms-thinking' is not a competency of “nextround core interview competencies” "
        "(did you mean 'systems-thinking' (Systems thinking)?); it is kept as a tag, but a "
        "debrief asks only about the framework's competencies"
    )
    shown = json.loads(cli.ok("app", "show", "1", "--json"))
    assert shown["rounds"][0]["interviews"][0]["competencies"] == [
        "risk-management",
        "systms-thinking",
    ]
    # A name that is no competency (and cannot be a tag) is refused, saying which was meant.
    before = full_dump(cli.db)
    bad = cli("interview", "edit", "1", "--competency", "stakeholder managment")
    assert bad.code == 2
    assert "did you mean 'stakeholder-management' (Stakeholder management)?" in bad.err
    assert full_dump(cli.db) == before


def test_feedback_is_corrected_without_touching_its_text(cli):
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-10-01")
    cli.ok("app", "add", "Birch", "PM", "--applied", "2026-10-02")
    cli.ok(
        "feedback", "add", "Thin on risks.", "--no-map", "--app", "1", "--on", "2026-10-20",
        "--author", "Maya",
    )  # fmt: skip
    assert "not split into statements" in cli.ok("feedback", "list")
    out = cli.ok("feedback", "edit", "1", "--app", "2", "--source", "hiring-manager")
    assert " ".join(out.split()) == (
        "Updated feedback 1: source, links (now hiring manager, 2026-10-20, application 2)."
    )
    (item,) = json.loads(cli.ok("feedback", "list", "--json"))
    assert (item["application_id"], item["source"], item["author"]) == (2, "hiring_manager", "Maya")
    assert item["text"] == "Thin on risks."
    cli.ok("feedback", "edit", "1", "--no-app", "--author", "")
    (item,) = json.loads(cli.ok("feedback", "list", "--json"))
    assert (item["application_id"], item["author"]) == (None, None)
    # A long item is cut in the list, with the way to the rest; show has it whole.
    long_text = "The review covered many things. " * 60
    cli.ok("feedback", "add", long_text, "--no-map", "--source", "manager-review")
    listed = " ".join(cli.ok("feedback", "list").split())
    assert re.search(r"… \([\d,]+ more characters: `nextround feedback show 2`\)", listed)
    assert len(listed) < len(long_text)
    assert long_text.strip() in " ".join(cli.ok("feedback", "show", "2").split())


def test_application_lifecycle(cli):
    cli.ok("app", "add", "Quiet Co", "Program Manager", "--applied", "2025-01-10")
    cli.ok("app", "add", "Northwind", "TPM", "--applied", "2025-02-01", "--notes", "100% remote")
    out = cli.ok("app", "close", "1", "--as", "no-response", "--on", "2025-03-01")
    assert out.strip() == "Closed application 1 as no response."
    out = cli.ok("app", "reopen", "1", "--on", "2025-04-01")
    assert out.strip() == "Reopened application 1; its status is applied."
    cli.ok("round", "add", "1", "Screen", "--kind", "screen", "--on", "2025-04-02")
    out = cli.ok("app", "edit", "1", "--notes", "They came back!", "--tag", "second-chance")
    assert out.strip() == "Updated application 1: notes, tags."
    # '' empties a choice as it does a text, as the help says.
    cli.ok("app", "edit", "1", "--work-mode", "hybrid", "--source", "referral")
    out = cli.ok("app", "edit", "1", "--work-mode", "", "--source", "")
    assert out.strip() == "Updated application 1: source, work mode."
    emptied = json.loads(cli.ok("app", "show", "1", "--json"))
    assert (emptied["work_mode"], emptied["source"]) == (None, "other")
    shown = json.loads(cli.ok("app", "show", "1", "--json"))
    assert (shown["status"], shown["notes"], shown["tags"]) == (
        "screening",
        "They came back!",
        ["second-chance"],
    )
    assert [(d["outcome"], d["reopened_on"]) for d in shown["decisions"]] == [
        ("no_response", "2025-04-01")
    ]
    found = json.loads(cli.ok("app", "list", "--search", "100%", "--json"))
    assert [a["company"] for a in found] == ["Northwind"]
    assert [
        a["company"] for a in json.loads(cli.ok("app", "list", "--since", "2025-01-15", "--json"))
    ] == ["Northwind"]
    out = cli.ok("app", "rm", "2", "--yes")
    assert out.strip().startswith("Deleted application 2, TPM at Northwind")
    assert [a["id"] for a in json.loads(cli.ok("app", "list", "--json"))] == [1]


def test_remove_asks_first_and_keeps_the_application_without_a_yes(cli):
    cli.ok("app", "add", "Keep", "PM", "--applied", "2025-01-10")
    result = cli("app", "rm", "1", stdin="n\n")
    assert result.code == 1
    assert "Delete application 1, PM at Keep? [y/N]" in result.out
    assert result.err.strip() == "Aborted; nothing was changed."
    assert len(json.loads(cli.ok("app", "list", "--json"))) == 1
    # In a script (nothing to read) it does not ask; it says what to add instead.
    result = cli("app", "rm", "1")
    assert result.code == 2 and result.out == ""
    said = " ".join(result.err.split())
    assert "no answer to read (standard input is not a terminal) to “Delete application 1" in said
    assert said.endswith("To go ahead without being asked, add --yes")
    assert len(json.loads(cli.ok("app", "list", "--json"))) == 1


def test_list_and_show_json_on_an_empty_database(cli):
    assert json.loads(cli.ok("app", "list", "--json")) == []
    assert json.loads(cli.ok("contact", "list", "--json")) == []
    assert json.loads(cli.ok("feedback", "list", "--json")) == []
    stats = json.loads(cli.ok("stats", "--json"))
    assert [s["count"] for s in stats["funnel"]] == [0, 0, 0, 0, 0]
    assert "No applications yet. Add one with" in cli.ok("app", "list")
    assert "No applications match these filters." in cli.ok("app", "list", "--company", "Acme")
    assert "no feedback yet" in cli.ok("feedback", "review")
    assert cli.ok("--version").startswith("nextround ")


def test_default_database_lives_in_the_data_folder(cli, tmp_path):
    out = cli.ok("init", db="")
    assert f"sqlite:///{tmp_path / 'data' / 'nextround.sqlite3'}" in out
    assert (tmp_path / "data" / "nextround.sqlite3").is_file()


@pytest.mark.postgres
def test_postgres_through_the_environment(cli, postgres_base_url):
    from tests.postgres_server import create_database

    url = create_database(postgres_base_url)
    cli.env["NEXTROUND_DATABASE_URL"] = url.replace("postgresql+psycopg://", "postgresql://")
    cli.ok("app", "add", "Zoë Café", "PM", "--applied", "2025-01-10", "--tag", "são-paulo", db="")
    listing = json.loads(cli.ok("app", "list", "--search", "ZOË", "--json", db=""))
    assert [(a["company"], a["tags"]) for a in listing] == [("Zoë Café", ["são-paulo"])]


def test_an_interview_held_in_another_time_zone(cli):
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-10-01")
    cli.ok("round", "add", "1", "Panel", "--kind", "final-loop", "--on", "2026-10-20")
    bad = cli("interview", "add", "1", "Panel", "--at", "2026-10-20 10:00", "--tz", "NYC")
    assert bad.code != 0 and "Traceback" not in bad.err
    assert "'NYC' is not a known time zone; use an IANA name" in " ".join(bad.err.split())
    assert json.loads(cli.ok("app", "show", "1", "--json"))["rounds"][0]["interviews"] == []
    skipped = cli(
        "interview", "add", "1", "Panel", "--at", "2027-03-14 02:30", "--tz", "US/Eastern"
    )
    assert skipped.code == 2
    assert "2027-03-14 02:30 does not exist in US/Eastern: the clocks go forward" in " ".join(
        skipped.err.split()
    )

    out = cli.ok(
        "interview", "add", "1", "Panel", "--at", "2026-10-20 10:00", "--tz", "america/new york"
    )
    # TZ is UTC for the CLI tests: New York is four hours behind in October.
    expected = "2026-10-20 10:00 New York time (14:00 here)"
    assert " ".join(out.split()) == f"Added interview 1: Panel, on {expected}."
    assert expected in " ".join(cli.ok("app", "show", "1").split())
    assert "10:00 New York time" in cli.ok("timeline", "1")
    shown = json.loads(cli.ok("app", "show", "1", "--json"))["rounds"][0]["interviews"][0]
    assert (shown["time_zone"], shown["scheduled_at"]) == (
        "America/New_York",
        "2026-10-20T14:00:00+00:00",
    )
    # A new time alone is still New York time; --tz local moves to the user's own clock.
    out = cli.ok("interview", "edit", "1", "--at", "2026-10-20 11:00")
    assert "on 2026-10-20 11:00 New York time (15:00 here)" in " ".join(out.split())
    out = cli.ok("interview", "edit", "1", "--tz", "local")
    assert (
        " ".join(out.split())
        == "Updated interview 1 (Acme: Panel): time zone, on 2026-10-20 15:00."
    )


def test_a_time_typed_with_an_offset_is_confirmed_on_the_clock_typed(cli):
    """The e2e clock is UTC: 13:00 at +02:00 is 11:00 here, and the user typed 13:00."""
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-09-01")
    cli.ok("round", "add", "1", "Loop", "--on", "2026-09-24")
    out = " ".join(
        cli.ok("interview", "add", "1", "Scenario", "--at", "2026-09-24T13:00+02:00").split()
    )
    assert out == (
        "Added interview 1: Scenario, on 2026-09-24 13:00 UTC+02:00 (11:00 here). Note: an "
        "offset names no place, so from now on it is shown in your time; to show the "
        "interview's own clock too, give its zone: `nextround interview edit 1 --tz ZONE` "
        "(e.g. Europe/Berlin)."
    )
    # The user's own offset is answered as any local time, with nothing to note.
    out = cli.ok("interview", "edit", "1", "--at", "2026-09-24T12:00+00:00")
    assert " ".join(out.split()) == (
        "Updated interview 1 (Acme: Scenario): date and time, on 2026-09-24 12:00."
    )


def test_the_list_fits_an_80_column_terminal_with_whole_dates(cli):
    from dataclasses import replace

    cli.ok(
        "app", "add", "Mossgrove Climate", "Senior Technical Program Manager, Data Platform",
        "--applied", "2026-10-05", "--tag", "climate",
    )  # fmt: skip
    cli.ok("round", "add", "1", "Final", "--kind", "final-loop", "--on", "2030-01-10")
    cli.ok("interview", "add", "1", "Panel", "--at", "2030-01-10 09:30")
    cli.ok("app", "add", "Quillfeather", "Product Manager, Payments", "--applied", "2026-09-15")
    cli.ok("round", "add", "2", "Screen", "--kind", "screen", "--on", "2026-09-22")
    cli.ok("round", "add", "2", "HM", "--kind", "hiring-manager", "--on", "2026-09-29")
    narrow = replace(cli, env={**cli.env, "COLUMNS": "80"}).ok("app", "list")
    assert max(len(line) for line in narrow.splitlines()) <= 80
    assert "2026-10-05" in narrow and "2030-01-10" in narrow
    # The status, the column people scan, is never cut, nor a company name of one word:
    # the role wraps first.
    assert "│ interviewing │" in narrow and "│ Quillfeather " in narrow, narrow
    assert "…" not in narrow
    assert "climate" not in narrow
    assert "Tags are hidden at this width; `app show ID` lists them." in narrow
    # The round count and the interview's time come with the room for them.
    roomy = replace(cli, env={**cli.env, "COLUMNS": "95"}).ok("app", "list")
    assert max(len(line) for line in roomy.splitlines()) <= 95
    assert "Rounds" in roomy and "2030-01-10 09:30" in roomy and "│ interviewing │" in roomy
    assert "Rounds" not in narrow and "09:30" not in narrow
    wide = cli.ok("app", "list")  # 120 columns
    assert "climate" in wide and "Tags are hidden" not in wide
    # On 60 columns the rounds go and the next interview keeps its whole day, inside the table.
    phone = replace(cli, env={**cli.env, "COLUMNS": "60"}).ok("app", "list")
    rows = [line for line in phone.splitlines() if line.startswith("│")]
    assert all(len(line) <= 60 and line.endswith("│") for line in rows), phone
    assert "2030-01-10" in phone and "Rounds" not in phone


@pytest.mark.parametrize("args", [["app", "list"], ["app", "list", "--json"], ["stats"]])
def test_the_list_and_stats_never_import_the_orm(cli, args):
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-10-01")
    cli.ok("round", "add", "1", "Screen", "--kind", "screen", "--on", "2026-10-08")
    imported = cli.imported(*args)
    assert "sqlalchemy" in imported  # it did read the database
    assert not {"sqlalchemy.orm", "nextround.store.orm", "nextround.store.uow"} & imported
    # Nor the growth plan, which only removing something needs (to forget its quotes).
    assert not {"nextround.domain.plan", "nextround.services.erasure"} & imported


def test_a_command_closes_the_database_before_its_quick_exit(cli):
    # The executable skips the interpreter's teardown; the database must still be closed, so
    # SQLite folds its write-ahead log back into the file and leaves no -wal file behind.
    out = cli.ok("app", "add", "Acme", "PM", "--applied", "2026-10-01")
    assert out.startswith("Added application 1")
    assert Path(cli.db).exists()
    assert not Path(cli.db + "-wal").exists()
    assert "Acme" in cli.ok("app", "show", "1")


def test_the_contact_list_fits_80_columns_with_nothing_cut(cli):
    from dataclasses import replace

    cli.ok(
        "contact", "add", "Chiara Benedetti", "--role", "talent-acquisition",
        "--title", "Senior Talent Acquisition Partner, Technology",
        "--company", "Lumenfold Learning", "--email", "chiara.benedetti@lumenfold.example",
    )  # fmt: skip
    narrow = replace(cli, env={**cli.env, "COLUMNS": "80"}).ok("contact", "list")
    assert max(len(line) for line in narrow.splitlines()) <= 80
    assert "…" not in narrow and "┃ Title" not in narrow  # the title sits under the name
    cells = ["".join(row.split("│")[5].split()) for row in narrow.splitlines() if "│" in row]
    assert "".join(cells) == "chiara.benedetti@lumenfold.example"  # folded, not cut
    assert "Senior Talent" in narrow and "talent" in narrow
    wide = cli.ok("contact", "list")  # 120 columns: a column of its own
    assert "┃ Title" in wide and "Technology" in wide


def test_a_reopening_dated_today_by_mistake_is_corrected_with_reopen_on(cli):
    cli.ok("app", "add", "Beta", "PM", "--applied", "2026-01-01")
    cli.ok("app", "close", "1", "--on", "2026-02-01")
    cli.ok("app", "reopen", "1")  # today: the user forgot --on while backfilling
    hm = ("round", "add", "1", "HM", "--kind", "hiring-manager", "--on", "2026-02-10")
    refused = cli(*hm)
    assert refused.code == 2
    assert "correct that first: `nextround app reopen 1 --on DATE`" in refused.err
    out = " ".join(cli.ok("app", "reopen", "1", "--on", "2026-02-08").split())
    assert out.startswith("Application 1 was reopened on 2026-02-08 (corrected from ")
    cli.ok(*hm)
    cli.ok("decision", "set", "1", "--outcome", "rejection", "--on", "2026-02-12")
    shown = json.loads(cli.ok("app", "show", "1", "--json"))
    assert [(d["decided_on"], d["reopened_on"]) for d in shown["decisions"]] == [
        ("2026-02-01", "2026-02-08"),
        ("2026-02-12", None),
    ]
    history = cli.ok("export", "csv")
    assert "2026-02-01 decision no response; 2026-02-08 reopened; 2026-02-10 round 1 HM" in history


def test_open_narrows_a_status_filter_like_every_other_filter(seeded):
    cli, journey = seeded
    both = json.loads(
        cli.ok("app", "list", "--open", "--status", "applied", "--status", "rejected", "--json")
    )
    assert [a["id"] for a in both] == [journey.silent]  # open AND one of those, not either
    never = cli("app", "list", "--open", "--status", "rejected")
    assert never.code == 2
    assert "rejected is never open; drop --open or --status" in never.err
    everything_open = json.loads(cli.ok("app", "list", "--open", "--json"))
    assert [a["id"] for a in everything_open] == [journey.silent]


def test_close_offers_only_the_endings_it_takes(cli):
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-10-01")
    wrong = cli("app", "close", "1", "--as", "rejected")
    assert wrong.code == 2
    assert "--as 'rejected' is not one of: rejection, withdrawal, no-response" in wrong.err
    cli.ok("app", "close", "1", "--on", "2026-10-20")
    again = cli("app", "close", "1")
    assert "already closed (no response)" in again.err


def test_a_second_application_for_a_role_is_added_with_a_note(cli):
    cli.ok("app", "add", "Tempoline", "Technical Program Manager", "--applied", "2026-09-01")
    cli.ok("decision", "set", "1", "--outcome", "rejection", "--on", "2026-09-20")
    out = " ".join(
        cli.ok(
            "app", "add", "tempoline", "technical program manager", "--applied", "2026-11-02"
        ).split()
    )
    # A re-application is legitimate: added, and the one on record named, as it was typed.
    assert out.startswith("Added application 2:")
    assert (
        "Note: you already have Technical Program Manager at Tempoline (applied 2026-09-01, "
        "rejected): application 1. If you added it twice by mistake: `nextround app rm 2`."
    ) in out
    assert len(json.loads(cli.ok("app", "list", "--json"))) == 2
    # Another role at the same company is no repeat, but the processes there before are named.
    other = " ".join(
        cli.ok("app", "add", "Tempoline", "Program Manager", "--applied", "2026-11-02").split()
    )
    assert "you already have" not in other and "app rm" not in other
    assert "You applied to tempoline before: technical program manager" in other


def test_import_of_a_file_that_is_no_backup_says_so_before_asking_to_replace(cli, tmp_path):
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-10-01")
    resume = tmp_path / "resume.json"
    resume.write_text(json.dumps({"basics": {"name": "Priya"}, "work": []}), "utf-8")
    picture = tmp_path / "fake.json"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    for path, said in (
        (
            resume,
            "this is a JSON Resume, not a nextround backup; import it with "
            "`nextround import resume FILE`",
        ),
        (picture, f"{picture} is a PNG image, not a nextround backup"),
    ):
        # No "Replace ...?" question comes first: answering it would not help this file.
        refused = cli("import", "json", str(path), "--replace", stdin="y\n")
        assert refused.code == 2 and "Replace" not in refused.out, refused.out
        assert said in " ".join(refused.err.split())
    assert "Acme" in cli.ok("app", "list")


def test_a_tag_of_two_words_is_one_tag_and_found_as_typed(cli):
    cli.ok("app", "add", "Careloop", "Ops Manager", "--applied", "2026-10-01",
           "--tag", "digital health, startup")  # fmt: skip
    cli.ok("app", "add", "Harley", "Patient Experience Manager", "--applied", "2026-10-02")
    listing = json.loads(cli.ok("app", "list", "--tag", "Digital Health", "--json"))
    assert [(a["company"], a["tags"]) for a in listing] == [
        ("Careloop", ["digital-health", "startup"])
    ]


@pytest.mark.parametrize("command", ["app show", "timeline"])
def test_an_application_is_shown_without_importing_the_growth_plan(cli, command):
    from tests.e2e.conftest import seed_profile

    seeded = seed_profile(cli)  # feedback and a debrief: the parts that once pulled it in
    imported = cli.imported(*command.split(), str(seeded[0].application))
    assert "nextround.services.feedback" in imported or command == "timeline"
    assert not {"nextround.domain.plan", "nextround.domain.plan_ideas"} & imported
