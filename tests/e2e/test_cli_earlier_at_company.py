"""Applying to a company again: the note on `app add`, "Earlier at" on show/timeline/report."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import Cli

FIRST = ("Larkspur Bank", "Senior Product Manager", "--applied", "2025-03-03")


def _first_process(cli: Cli) -> None:
    cli.ok("app", "add", *FIRST)
    cli.ok("round", "add", "1", "Final loop", "--kind", "final-loop", "--on", "2025-04-02")
    cli.ok("interview", "add", "1", "Stakeholder case", "--at", "2025-04-02T10:00",
           "--with", "Priya Shah, Head of Product")  # fmt: skip
    cli.ok("decision", "set", "1", "--outcome", "rejection", "--on", "2025-04-15",
           "--finalists", "3", "--reason", "stakeholder management and data")  # fmt: skip


def test_applying_again_shows_what_happened_last_time(cli: Cli, tmp_path: Path) -> None:
    _first_process(cli)
    added = " ".join(
        cli.ok(
            "app", "add", "larkspur bank", "Group Product Manager", "--applied", "2026-08-10"
        ).split()
    )
    assert (
        "You applied to Larkspur Bank before: Senior Product Manager, rejected Apr 2025 — "
        "see `nextround app show 1`" in added
    ), added
    cli.ok("round", "add", "2", "Final loop", "--kind", "final-loop", "--on", "2026-09-20")
    said = cli("interview", "add", "2", "Stakeholder scenario", "--at", "2026-09-20T10:00",
               "--with", "Priya Shah, Head of Product")  # fmt: skip
    assert said.code == 0, said.err
    heard = " ".join((said.out + said.err).split())
    assert "is on record from another process too: contact 1 (application 1)" in heard, heard

    shown = " ".join(cli.ok("app", "show", "2").split())
    assert "Earlier at larkspur bank" in shown, shown  # the name as typed this time
    assert "Senior Product Manager (application 1), applied 2025-03-03: rejected on " in shown
    assert "one of 3 finalists (reason: stakeholder management and data)" in shown
    assert "You met: Priya Shah (Head of Product) — met again this time." in shown

    data = json.loads(cli.ok("app", "show", "2", "--json"))
    assert [e["id"] for e in data["earlier_at_company"]] == [1]
    assert data["earlier_at_company"][0]["finalists"] == 3
    # The first application has nothing earlier; the later one is not "earlier".
    assert json.loads(cli.ok("app", "show", "1", "--json"))["earlier_at_company"] == []

    timeline = " ".join(cli.ok("timeline", "2").split())
    assert "Senior Product Manager (application 1)" in timeline

    report = tmp_path / "app2.html"
    cli.ok("report", "app", "2", "-o", str(report))
    html = report.read_text()
    assert "Earlier at" in html and "one of 3 finalists" in html and "Priya Shah" in html

    person = json.loads(cli.ok("contact", "show", "1", "--json"))
    assert person["same_person"] != [] and person["application_id"] == 1


def test_naming_an_interviewer_by_editing_says_they_were_met_before(cli: Cli) -> None:
    _first_process(cli)
    cli.ok("app", "add", "Larkspur Bank", "Group Product Manager", "--applied", "2026-08-10")
    cli.ok("round", "add", "2", "Final loop", "--kind", "final-loop", "--on", "2026-09-20")
    cli.ok("interview", "add", "2", "Stakeholder scenario", "--at", "2026-09-20T10:00")
    said = cli("interview", "edit", "2", "--with", "Priya Shah, Head of Product")
    assert said.code == 0, said.err
    heard = " ".join((said.out + said.err).split())
    assert "Added to the people of application 2" in heard, heard
    assert "is on record from another process too: contact 1 (application 1)" in heard, heard


def _said(cli: Cli, text: str, *args: str, polarity: str) -> None:
    """Feedback of one statement, confirmed on stakeholder management as ``polarity``."""
    added = json.loads(cli.ok("feedback", "add", text, *args, "--json"))
    (statement,) = added["statements"]
    cli.ok("feedback", "review", "--statement", str(statement["id"]), "--competency",
           "stakeholder-management", "--polarity", polarity, "--yes")  # fmt: skip


def test_the_week_before_an_interview_there_again_says_what_they_said_last_time(
    growth_cli: Cli,
) -> None:
    from datetime import date, timedelta

    cli = growth_cli
    cli.ok("app", "add", *FIRST)
    cli.ok("round", "add", "1", "Final loop", "--kind", "final-loop", "--on", "2025-04-02")
    _said(cli, "Where it fell short was stakeholder management with the risk team.",
          "--app", "1", "--source", "recruiter", "--on", "2025-04-14", polarity="gap")  # fmt: skip
    cli.ok("decision", "set", "1", "--outcome", "rejection", "--on", "2025-04-15")
    cli.ok("app", "add", "Larkspur Bank", "Group Product Manager", "--applied", "2026-08-10")
    soon = date.today() + timedelta(days=3)
    cli.ok("round", "add", "2", "Final loop", "--kind", "final-loop", "--on", "2026-09-20")
    cli.ok("interview", "add", "2", "Stakeholder scenario", "--at", f"{soon}T10:00")
    cli.ok("plan")
    week = " ".join(cli.ok("plan", "week").split())
    assert "Last time: Larkspur Bank named stakeholder management as a gap in Apr 2025." in week
    _said(cli, "He kept finance, sales and legal aligned through two escalations.",
          "--source", "manager-review", "--on", "2025-12-01", polarity="strength")  # fmt: skip
    week = " ".join(cli.ok("plan", "week").split())
    assert (
        "Last time: Larkspur Bank named stakeholder management as a gap in Apr 2025; it has "
        "been called a strength since." in week
    ), week
    data = json.loads(cli.ok("plan", "week", "--json"))
    assert data["last_time"].startswith("Larkspur Bank named stakeholder management as a gap")
