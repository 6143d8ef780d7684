"""`nextround note thank-you` says only the praise that was given, and knows when it is late."""

from __future__ import annotations

import json
from datetime import date, timedelta

from tests.e2e.conftest import days_since


def _confirm_all(cli) -> None:
    for statement in json.loads(cli.ok("feedback", "show", "1", "--json"))["statements"]:
        polarity = "strength" if "said your" in statement["text"] else "gap"
        cli.ok("feedback", "review", "--statement", str(statement["id"]), "--competency",
               "communication", "--polarity", polarity)  # fmt: skip


def test_round_praise_is_said_in_its_own_words_not_tied_to_a_logged_question(cli):
    # QA8 F2: "your fraud-dashboard example" was read as praise of the dashboard question.
    cli.ok("app", "add", "Finch Bank", "Product Manager", "--applied", "2026-09-01")
    cli.ok("contact", "add", "Sofia Marin", "--role", "recruiter", "--app", "1")
    cli.ok("round", "add", "1", "Final loop", "--kind", "final-loop", "--on", "2026-10-14")
    cli.ok("interview", "add", "1", "Execution and metrics", "--at", "2026-10-14T09:30",
           "--with", "Raj Patel")  # fmt: skip
    cli.ok("debrief", "1", "--overall", "4", "-q",
           "Which metrics would you put on a payments health dashboard?")  # fmt: skip
    cli.ok("feedback", "add", "Raj said your fraud-dashboard example was the strongest data "
           "story he'd heard: you defined the metrics yourself. Your answers ran long.",
           "--source", "recruiter", "--app", "1", "--round", "1", "--author", "Sofia Marin",
           "--on", "2026-10-20")  # fmt: skip
    _confirm_all(cli)
    cli.ok("decision", "set", "1", "--outcome", "rejection", "--on", "2026-10-20")
    out = " ".join(cli.ok("note", "thank-you", "1", "--variant", "1").split())
    assert "my answer to" not in out
    assert "my fraud-dashboard example landed with Raj" in out
    assert "quoting Raj Patel" in out  # the record line says whose words they were


def test_a_late_thank_you_checks_in_and_says_so_on_stderr(cli):
    # QA8 F7: 15 days on, with the next round set, the note looked forward to "next steps".
    before = date.today()
    held = before - timedelta(days=15)
    cli.ok("app", "add", "Wayfare", "Product Manager", "--applied", str(held - timedelta(days=20)))
    cli.ok("round", "add", "1", "Hiring manager", "--kind", "hiring-manager", "--on", str(held))
    cli.ok("interview", "add", "1", "HM interview", "--at", f"{held}T10:00", "--with",
           "Marcus Webb")  # fmt: skip
    cli.ok("round", "add", "1", "Virtual onsite", "--kind", "final-loop", "--on",
           str(date.today() + timedelta(days=6)))  # fmt: skip
    done = cli("note", "thank-you", "1", "--round", "1", "--variant", "1")
    assert done.code == 0, done.err
    said = " ".join(done.err.split())
    # 15 days, or 16 if a midnight passed since the test took the day.
    assert any(
        f"The hiring manager round was {(d - held).days} days ago and you are already through to"
        in said
        for d in days_since(before)
    ), said
    assert "can be skipped" in said and "--tone after-interview" in said
    out = " ".join(done.out.split())
    assert "· check-in · to Marcus Webb" in out
    assert "next steps" not in out
    anyway = cli("note", "thank-you", "1", "--round", "1", "--tone", "after-interview")
    assert anyway.code == 0 and "days ago" not in anyway.err
    assert "after interview · to Marcus Webb" in " ".join(anyway.out.split())


def test_what_the_person_walked_the_reader_through_is_the_moment(cli):
    # QA20 F4: "Walked Dana through the … journey map I made" was read as naming no topic,
    # and the note asked for a debrief that says "We talked about …".
    cli.ok("app", "add", "Northgate Council", "Service Designer", "--applied", "2026-09-01")
    cli.ok("round", "add", "1", "Hiring manager interview", "--kind", "hiring-manager",
           "--on", "2026-10-10")  # fmt: skip
    cli.ok("interview", "add", "1", "Hiring manager chat", "--round", "1", "--at",
           "2026-10-10T13:00", "--with", "Dana Brooks, Head of Service Design")  # fmt: skip
    cli.ok("debrief", "1", "--overall", "4", "--went-well",
           "Walked Dana through the school booking journey map I made as a teacher")  # fmt: skip
    out = " ".join(cli.ok("note", "thank-you", "1").split())
    assert "names no topic" not in out
    # Shown, not talked about: recalled as showing it (QA: "our conversation about" it was
    # not what happened).
    assert "I especially enjoyed walking you through the school booking journey map." in out
    assert "I am glad I had the chance to show you the school booking journey map." in out
    assert "Walking you through the school booking journey map was a highlight for me." in out
    assert "conversation about the school booking journey map" not in out
    assert "moment: what went well in “Hiring manager chat”" in out


def test_praise_of_an_answer_is_thanked_in_the_persons_own_words(cli):
    # QA20 F8: "Your answer on including users …" became "the answer of including users …
    # landed well", which she would have had to fix before sending.
    cli.ok("app", "add", "Civic Digital", "User Researcher", "--applied", "2026-09-01")
    cli.ok("round", "add", "1", "Panel", "--kind", "panel", "--on", "2026-10-14")
    cli.ok("interview", "add", "1", "Competency panel", "--round", "1", "--at",
           "2026-10-14T09:30", "--with", "Gareth Evans")  # fmt: skip
    cli.ok("feedback", "add", "Gareth said your answer on including users with access needs "
           "was excellent and specific. Your analysis of the survey data was shallow.",
           "--source", "interviewer", "--app", "1", "--author", "Gareth Evans",
           "--on", "2026-10-29")  # fmt: skip
    _confirm_all(cli)
    cli.ok("decision", "set", "1", "--outcome", "rejection", "--on", "2026-10-28")
    out = " ".join(cli.ok("note", "thank-you", "1").split())
    assert "the answer of" not in out
    assert "that my answer on including users with access needs landed with you." in out
    assert "I was glad my answer on including users with access needs landed with you." in out
    assert "If a User Researcher role opens up again" in out  # not "an User"
