"""`nextround note feedback-request` and the plan's "ask for feedback" action, as subprocesses."""

from __future__ import annotations

import email
import json
from datetime import date, timedelta
from email import policy


def _rejected_after_assessment_centre(cli, days_ago: int = 7) -> None:
    decided = date.today() - timedelta(days=days_ago)
    held = decided - timedelta(days=5)
    cli.ok("app", "add", "Barclays", "Graduate Software Engineer", "--applied",
           (held - timedelta(days=30)).isoformat())  # fmt: skip
    cli.ok("round", "add", "1", "Assessment centre", "--on", held.isoformat())
    cli.ok("interview", "add", "1", "Group exercise", "--format", "practical-exercise")
    cli.ok("interview", "add", "1", "Presentation")
    cli.ok("app", "close", "1", "--as", "rejection", "--on", decided.isoformat())


def test_the_plan_suggests_asking_and_the_note_drafts_the_request(cli):
    _rejected_after_assessment_centre(cli)
    plan = " ".join(cli.ok("plan").split())
    assert "Ask Barclays for feedback on your assessment centre" in plan
    assert "nextround note feedback-request 1" in plan
    out = " ".join(cli.ok("note", "feedback-request", "1").split())
    assert "Feedback request for Graduate Software Engineer at Barclays" in out
    assert "Dear Barclays recruitment team," in out
    assert "especially on the group exercise and the presentation?" in out
    assert "Kind regards, [Your name]" in out
    assert 'The request ends "[Your name]": replace it, or sign every note' in out
    data = json.loads(cli.ok("note", "feedback-request", "1", "--json"))
    assert data["round"] == "Assessment centre" and data["words"] <= 80
    assert data["ask_by"] == (date.today() + timedelta(days=14)).isoformat()
    # Once feedback is on record, the plan no longer asks for it.
    cli.ok("feedback", "add", "Build on the ideas of others in the group exercise.",
           "--app", "1", "--source", "recruiter")  # fmt: skip
    assert "Ask Barclays for feedback" not in cli.ok("plan")


def test_too_late_to_ask_leaves_the_plan_alone_but_still_drafts_with_a_note(cli):
    _rejected_after_assessment_centre(cli, days_ago=30)
    assert "Ask Barclays for feedback" not in cli.ok("plan")
    result = cli("note", "feedback-request", "1")
    assert result.code == 0
    assert "The decision was 30 days ago" in " ".join(result.err.split())


def test_a_request_needs_a_rejection_after_an_interview(cli):
    cli.ok("app", "add", "Arm", "Graduate Engineer", "--applied", "2026-10-01")
    result = cli("note", "feedback-request", "1")
    assert result.code != 0
    assert "has no rejection on record" in " ".join(result.err.split())


def test_the_request_is_written_as_an_eml_like_a_thank_you_note(cli, tmp_path):
    _rejected_after_assessment_centre(cli)
    target = tmp_path / "ask.eml"
    # No address to send from yet: the .eml cannot be written, and the fix is named.
    refused = cli("note", "feedback-request", "1", "--eml", str(target))
    assert refused.code != 0
    assert "an .eml needs your own address in From" in " ".join(refused.err.split())
    assert not target.exists()
    cli.ok("contact", "add", "Priya Shah", "--app", "1", "--role", "recruiter",
           "--email", "priya@barclays.example")  # fmt: skip
    signed = ("--from", "Tomás Reyes <tomas@example.test>")
    out = " ".join(cli.ok("note", "feedback-request", "1", *signed, "--eml", str(target)).split())
    assert "Dear Priya," in out and f"Wrote {target}" in out
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert message["To"].addresses[0].addr_spec == "priya@barclays.example"
    assert message["From"].addresses[0].display_name == "Tomás Reyes"
    assert message["X-Unsent"] == "1"  # opens as a draft ready to send
    content = message.get_content().replace("\r\n", "\n").rstrip()
    assert content.startswith("Dear Priya,") and content.endswith("Tomás Reyes")
    # An existing file is kept unless forced, as for thank-you notes.
    again = cli("note", "feedback-request", "1", "--eml", str(target))
    assert again.code != 0 and "already exists" in again.err
    cli.ok("note", "feedback-request", "1", *signed, "--eml", str(target), "--force")
    # Not kept as a note: the request is drafted from the record each time.
    assert "No notes yet" in cli.ok("note", "list")
