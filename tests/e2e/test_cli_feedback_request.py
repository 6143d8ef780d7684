"""`nextround note feedback-request` and the plan's "ask for feedback" action, as subprocesses."""

from __future__ import annotations

import email
import json
from datetime import date, timedelta
from email import policy

from tests.e2e.conftest import days_since


def _rejected_after_assessment_centre(cli, days_ago: int = 7) -> date:
    """Barclays, rejected ``days_ago`` after an assessment centre; the day of the decision."""
    decided = date.today() - timedelta(days=days_ago)
    held = decided - timedelta(days=5)
    cli.ok("app", "add", "Barclays", "Graduate Software Engineer", "--applied",
           (held - timedelta(days=30)).isoformat())  # fmt: skip
    cli.ok("round", "add", "1", "Assessment centre", "--on", held.isoformat())
    cli.ok("interview", "add", "1", "Group exercise", "--format", "practical-exercise")
    cli.ok("interview", "add", "1", "Presentation")
    cli.ok("app", "close", "1", "--as", "rejection", "--on", decided.isoformat())
    return decided


def test_the_plan_suggests_asking_and_the_note_drafts_the_request(cli):
    decided = _rejected_after_assessment_centre(cli)
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
    # Three weeks after the decision (counted from it, so a midnight passing changes nothing).
    assert data["ask_by"] == (decided + timedelta(weeks=3)).isoformat()
    # Once feedback is on record, the plan no longer asks for it.
    cli.ok("feedback", "add", "Build on the ideas of others in the group exercise.",
           "--app", "1", "--source", "recruiter")  # fmt: skip
    assert "Ask Barclays for feedback" not in cli.ok("plan")


def test_too_late_to_ask_leaves_the_plan_alone_but_still_drafts_with_a_note(cli):
    decided = _rejected_after_assessment_centre(cli, days_ago=30)
    before = decided + timedelta(days=30)  # the day the decision was counted back from
    assert "Ask Barclays for feedback" not in cli.ok("plan")
    result = cli("note", "feedback-request", "1")
    assert result.code == 0
    said = " ".join(result.err.split())
    # 30 days, or 31 if a midnight passed since the test took the day.
    assert any(
        f"The decision was {(d - decided).days} days ago" in said for d in days_since(before)
    )


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


def test_a_saved_request_is_listed_marked_sent_and_ticks_off_the_plan(cli):
    _rejected_after_assessment_centre(cli)
    cli.ok("contact", "add", "Ana Ruiz", "--app", "1", "--role", "recruiter")
    cli.ok("note", "thank-you", "1", "--variant", "1", "--save")
    out = " ".join(cli.ok("note", "feedback-request", "1", "--save").split())
    assert "Saved as note 2 (not sent yet). When it is out: nextround note sent 2" in out
    listed = json.loads(cli.ok("note", "list", "--json"))
    assert [(n["id"], n["kind"]) for n in listed] == [(1, "thank_you"), (2, "feedback_request")]
    table = " ".join(cli.ok("note", "list").split())
    assert "feedback request" in table and "thank-you" in table
    shown = " ".join(cli.ok("note", "show", "2").split())
    assert "Note 2 · feedback request · Graduate Software Engineer at Barclays" in shown
    # Kept but not sent: the plan still asks.
    assert "Ask Barclays for feedback" in cli.ok("plan")
    before = date.today()
    cli.ok("note", "sent", "2")
    plan = json.loads(cli.ok("plan", "--json"))
    asks = [a for a in plan["actions"] if a["title"].startswith("Ask Barclays for feedback")]
    assert [a["done_on"] for a in asks] in [[d.isoformat()] for d in days_since(before)]


def test_a_request_sent_on_a_day_is_saved_with_that_day(cli):
    _rejected_after_assessment_centre(cli)
    day = (date.today() - timedelta(days=2)).isoformat()
    data = json.loads(cli.ok("note", "feedback-request", "1", "--sent", day, "--json"))
    assert data["saved_note_id"] == 1
    assert json.loads(cli.ok("note", "show", "1", "--json"))["sent_on"] == day
    # Asked already: the plan has nothing to ask.
    assert "Ask Barclays for feedback" not in cli.ok("plan")


def test_saving_a_request_twice_names_the_one_kept(cli):
    _rejected_after_assessment_centre(cli)
    cli.ok("note", "feedback-request", "1", "--save")
    again = cli("note", "feedback-request", "1", "--save")
    err = " ".join(again.err.split())
    assert again.code != 0
    assert "already has a feedback request kept, note 1 (not sent yet)" in err
    assert "nextround note sent 1" in err and "nextround note rm 1" in err
    assert len(json.loads(cli.ok("note", "list", "--json"))) == 1
    # Nobody on record: kept for the recruitment team, as its greeting says.
    assert "the Barclays recruitment team" in " ".join(cli.ok("note", "list").split())


def test_saving_a_request_needs_a_known_application_with_a_rejection(cli):
    missing = cli("note", "feedback-request", "7", "--save")
    assert missing.code != 0 and "no application with id 7" in missing.err
    cli.ok("app", "add", "Arm", "Graduate Engineer", "--applied", "2026-10-01")
    refused = cli("note", "feedback-request", "1", "--save")
    assert refused.code != 0
    assert "has no rejection on record" in " ".join(refused.err.split())
    assert "No notes yet" in cli.ok("note", "list")
