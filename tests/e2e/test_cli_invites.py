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
