"""`interview import` through the real command line: preview, confirm, stdin, refusals."""

from __future__ import annotations

import json
from pathlib import Path

INVITES = Path(__file__).resolve().parents[1] / "fixtures" / "invites"


def _said(out: str) -> str:
    return " ".join(out.split())


def _interviews(cli, app: str = "1") -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    shown = json.loads(cli.ok("app", "show", app, "--json"))
    return [i for r in shown["rounds"] for i in r["interviews"]]


def test_an_invite_is_previewed_asked_about_imported_and_not_doubled(cli):  # type: ignore[no-untyped-def]
    cli.ok("app", "add", "Zentrofy", "Staff Engineer", "--applied", "2026-11-01")
    cli.ok("round", "add", "1", "Onsite", "--on", "2026-11-20")
    google = str(INVITES / "google.ics")
    dry = _said(cli.ok("interview", "import", google, "--dry-run"))
    assert "For application 1 (Zentrofy, Staff Engineer): the invite names it." in dry
    assert "Add “System Design Interview (Sam Candidate)” (system design, 60 min)" in dry
    assert "add --me YOUR-EMAIL" in dry and "Dry run: nothing was imported." in dry
    assert _interviews(cli) == []
    # Said no: nothing written.
    no = cli("interview", "import", google, "--me", "sam.candidate@mail.example", stdin="n\n")
    assert no.code != 0 and _interviews(cli) == []
    out = _said(
        cli.ok("interview", "import", google, "--me", "sam.candidate@mail.example", stdin="y\n")
    )
    assert "Import 1 change?" in out and "Added interview 1." in out
    assert "as interviewer: Riley Recruiter, Dana Architect." in out
    (made,) = _interviews(cli)
    assert made["format"] == "system_design" and made["time_zone"] == "America/New_York"
    again = _said(cli.ok("interview", "import", google))
    assert "already on record (interview 1)" in again and "Nothing to import" in again
    assert len(_interviews(cli)) == 1


def test_stdin_needs_yes_and_a_cancellation_calls_the_interview_off(cli):  # type: ignore[no-untyped-def]
    cli.ok("app", "add", "Lumenhall", "Engineer", "--applied", "2026-11-01")
    cli.ok("round", "add", "1", "Tech", "--on", "2026-11-20")
    body = (INVITES / "utc.ics").read_text()
    asked = cli("interview", "import", "-", stdin=body)
    assert asked.code != 0 and "add --yes" in _said(asked.err)
    assert "Added interview 1." in _said(cli.ok("interview", "import", "-", "--yes", stdin=body))
    off = _said(cli.ok("interview", "import", str(INVITES / "utc-cancel.ics"), "--yes"))
    assert "a cancellation" in off and "Mark interview 1 “Technical interview”" in off
    assert "Called off interview 1." in off
    assert _interviews(cli)[0]["called_off"] is True


def test_bad_invites_are_refused_saying_what_to_fix(cli, tmp_path):  # type: ignore[no-untyped-def]
    cli.ok("app", "add", "Acme", "Engineer", "--applied", "2026-11-01")
    cli.ok("round", "add", "1", "Tech", "--on", "2026-11-20")
    letter = tmp_path / "letter.ics"
    letter.write_text("Dear Sam, see you Tuesday.")
    for path, said in (
        (str(letter), "not a calendar invite (.ics)"),
        (str(INVITES / "all-day.ics"), "all-day event on 2027-03-01"),
        (str(INVITES / "no-event.ics"), "holds no event (VEVENT)"),
        (str(INVITES / "far-future.ics"), "more than 2 years ahead"),
        (str(tmp_path / "missing.ics"), "no such file"),
    ):
        result = cli("interview", "import", path, "--app", "1", "--yes")
        assert result.code != 0 and said in _said(result.err), result.err
    # No --app and an invite naming no running application: asks for one.
    result = cli("interview", "import", str(INVITES / "utc.ics"), "--yes")
    assert result.code != 0 and "--app ID" in _said(result.err)
    assert _interviews(cli) == []


def test_an_older_copy_another_companys_invite_and_a_damaged_file_are_said_so(cli):  # type: ignore[no-untyped-def]
    cli.ok("app", "add", "Aurora Analytics GmbH", "VP Customer Success", "--applied", "2026-11-01")
    cli.ok("round", "add", "1", "Hiring manager", "--on", "2026-11-20")
    cli.ok("app", "add", "Tidewater Labs", "VP Customer Success", "--applied", "2026-11-01")
    cli.ok("round", "add", "2", "Final loop", "--on", "2026-11-20")
    me = ("--me", "tom.becker@posteo.de", "--yes")
    for name in ("outlook-final.ics", "outlook-final-moved.ics", "outlook-final-cancel.ics"):
        cli.ok("interview", "import", str(INVITES / name), *me)
    old = _said(cli.ok("interview", "import", str(INVITES / "outlook-final.ics"), *me))
    assert "older than the one on record for interview 1 (sequence 0 < 2); nothing changed" in old
    assert "Moved" not in old and "updated" not in old
    (made,) = _interviews(cli, "2")
    assert made["called_off"] is True and made["title"] == "Final interview - Presentation"
    shown = json.loads(cli.ok("contact", "list", "--json"))
    assert sorted((c["name"], c["email"]) for c in shown) == [
        ("Markus Engel", "markus.engel@tidewaterlabs.com"),
        ("Priya Nair", "priya.nair@tidewaterlabs.com"),
        ("Sabine Roth", "sabine.roth@tidewaterlabs.com"),
    ]
    # Aurora's invite, imported into Aurora, then given to Tidewater by mistake.
    aurora = str(INVITES / "google-other-company.ics")
    first = _said(cli.ok("interview", "import", aurora, *me))
    assert "Add “Interview with Jana Hoffmann”" in first
    dry = _said(cli.ok("interview", "import", aurora, "--app", "2", "--dry-run"))
    assert (
        "Warning: this invite is already interview 2 of Aurora Analytics GmbH (application 1)."
        in dry
    )
    assert (
        "Warning: the invite names Aurora Analytics GmbH (application 1), not Tidewater Labs."
        in dry
    )
    refused = cli("interview", "import", aurora, "--app", "2", *me)
    assert refused.code != 0 and "add --also-here" in _said(refused.err)
    no = cli(
        "interview", "import", aurora, "--app", "2", "--me", "tom.becker@posteo.de", stdin="n\n"
    )
    assert no.code != 0 and "as well, as a second copy?" in _said(no.out)
    assert len(_interviews(cli, "2")) == 1
    cli.ok("interview", "import", aurora, "--app", "2", "--also-here", *me)
    assert len(_interviews(cli, "2")) == 2
    titles = {i["title"] for i in _interviews(cli, "2")}
    assert titles == {"Final interview - Presentation", "Interview with Jana Hoffmann"}
    broken = cli("interview", "import", str(INVITES / "damaged-cut-short.ics"), "--app", "2")
    said = _said(broken.err)
    assert broken.code != 0 and "line 7 ends VCALENDAR where END:VEVENT belongs" in said
    assert "export the invite again from your calendar" in said and "component" not in said


def test_a_recruiter_who_only_organises_is_left_out_and_said_so(cli):  # type: ignore[no-untyped-def]
    cli.ok("app", "add", "Tidewater Labs", "VP Customer Success", "--applied", "2026-11-01")
    cli.ok("round", "add", "1", "Final loop", "--on", "2026-11-20")
    recruiter = str(INVITES / "outlook-recruiter.ics")
    out = _said(cli.ok("interview", "import", recruiter, "--me", "tom.becker@posteo.de", "--yes"))
    assert "Left out the organiser, Jana Roth (recruiter?) — not an attendee." in out
    (made,) = _interviews(cli)
    assert [p["name"] for p in made["interviewers"]] == ["Markus Engel", "Priya Nair"]


def test_the_address_you_sign_notes_with_is_left_out_and_said_so(cli):  # type: ignore[no-untyped-def]
    cli.ok("app", "add", "Zentrofy", "Staff Engineer", "--applied", "2026-11-01")
    cli.ok("round", "add", "1", "Onsite", "--on", "2026-11-20")
    cli.ok("note", "sender", "Sam Candidate <sam.candidate@mail.example>")
    out = _said(cli.ok("interview", "import", str(INVITES / "google.ics"), "--yes"))
    assert "Leaving you out: sam.candidate@mail.example" in out and "--me YOUR-EMAIL" not in out
    (made,) = _interviews(cli)
    assert [p["name"] for p in made["interviewers"]] == ["Riley Recruiter", "Dana Architect"]
    assert made["title"] == "System Design Interview"


def test_two_events_at_one_time_import_once(cli, tmp_path):  # type: ignore[no-untyped-def]
    cli.ok("app", "add", "Lumenhall", "Engineer", "--applied", "2026-11-01")
    cli.ok("round", "add", "1", "Tech", "--on", "2026-11-20")
    raw = (INVITES / "utc.ics").read_text()
    event = raw[raw.index("BEGIN:VEVENT") : raw.index("END:VEVENT") + len("END:VEVENT\n")]
    twice = tmp_path / "twice.ics"
    twice.write_text(raw.replace(event, event + event.replace("0003@", "copy@")))
    out = _said(cli.ok("interview", "import", str(twice), "--yes"))
    assert "the invite holds it twice at this time: imported once" in out
    assert "Added interview 1." in out and len(_interviews(cli)) == 1


def test_json_gives_the_plan_and_what_was_imported_and_tells_the_rest_on_stderr(cli):  # type: ignore[no-untyped-def]
    cli.ok("app", "add", "Zentrofy", "Staff Engineer", "--applied", "2026-11-01")
    cli.ok("round", "add", "1", "Onsite", "--on", "2026-11-20")
    google = str(INVITES / "google.ics")
    dry = cli("interview", "import", google, "--dry-run", "--json")
    assert dry.code == 0, dry.err
    plan = json.loads(dry.out)
    assert (plan["application_id"], plan["round_position"], plan["dry_run"]) == (1, 1, True)
    assert plan["file_name"] == "google.ics" and plan["summary"] is None
    (event,) = plan["events"]
    assert event["step"] == "add" and event["said"].startswith("Add “System Design Interview")
    assert plan["interviews"] == [] and _interviews(cli) == []
    assert "Dry run: nothing was imported." in _said(dry.err)
    done = cli(
        "interview", "import", google, "--yes", "--json", "--me", "sam.candidate@mail.example"
    )
    assert done.code == 0, done.err
    doc = json.loads(done.out)  # one document: the preview and notes went to stderr
    assert doc["dry_run"] is False and doc["summary"] == "Added interview 1."
    (made,) = doc["interviews"]
    assert made == _interviews(cli)[0]  # as `app show --json` gives it, as interview add does
    assert doc["new_people"] == ["Riley Recruiter", "Dana Architect"]
    assert "as interviewer: Riley Recruiter, Dana Architect." in _said(done.err)
    again = json.loads(cli.ok("interview", "import", google, "--json"))
    assert [e["step"] for e in again["events"]] == ["on_record"] and again["interviews"] == []
    refused = cli("interview", "import", "-", "--json", stdin="x")
    assert refused.code == 2 and "add --yes" in json.loads(refused.err)["error"]
