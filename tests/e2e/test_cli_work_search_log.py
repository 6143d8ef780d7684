"""A claimant's proof of search: how each application was sent, and the count per week."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

from tests.e2e.conftest import Cli


def test_the_method_is_taken_shown_exported_cleared_and_a_wrong_one_names_the_choices(
    cli: Cli,
) -> None:
    cli.ok("app", "add", "Kettleby", "CSM", "--applied", "2026-10-01", "--method", "in-person")
    cli.ok("app", "add", "Tessellate", "CSM", "--applied", "2026-10-02", "--method", "email")
    assert "Applied   2026-10-01 via other, in person" in cli.ok("app", "show", "1")
    rows = list(csv.DictReader(io.StringIO(cli.ok("export", "csv"))))
    assert [r["method"] for r in rows] == ["in person", "email"]
    cli.ok("app", "edit", "2", "--method", "")
    assert json.loads(cli.ok("app", "show", "2", "--json"))["method"] is None
    wrong = cli("app", "edit", "2", "--method", "pigeon")
    assert wrong.code == 2
    assert "--method 'pigeon' is not one of: online, email, in-person, mail, phone, other" in (
        " ".join(wrong.err.split())
    )


def test_by_week_lists_every_week_to_this_one_and_marks_those_short_of_the_need(cli: Cli) -> None:
    today = date.today()
    sunday = today - timedelta(days=(today.weekday() + 1) % 7)
    three_weeks_ago = sunday - timedelta(days=21)
    for n, day in enumerate((three_weeks_ago, three_weeks_ago + timedelta(days=1))):
        cli.ok("app", "add", f"Company {n}", "CSM", "--applied", day.isoformat())
    data = json.loads(
        cli.ok("stats", "--by-week", "--week-starts", "sunday", "--need", "3", "--json")
    )
    assert [w["starts_on"] for w in data["weeks"]] == [
        (three_weeks_ago + timedelta(days=7 * k)).isoformat() for k in range(4)
    ]
    assert [w["applications"] for w in data["weeks"]] == [2, 0, 0, 0]
    # Three weeks are over and each fell short; this one is not over yet.
    assert data["weeks_short"] == 3 and data["week_starts"] == "sunday"
    text = cli.ok("stats", "--by-week", "--week-starts", "sunday", "--need", "3")
    assert "1 short of 3" in text and "(this week)" in text
    assert "0 of 3 weeks over had 3 or more." in text
    alone = cli("stats", "--need", "3")
    assert alone.code == 2 and "go with --by-week" in alone.err


def test_a_sheet_naming_a_us_board_and_a_state_job_bank_keeps_them_as_job_boards(
    cli: Cli, tmp_path
) -> None:
    sheet = tmp_path / "log.csv"
    sheet.write_text(
        "Company,Role,Applied,Source,Contact method\n"
        "Harbor & Finch,CSM,2026-10-05,ZipRecruiter,Online\n"
        "Kettleby Health,CSM,2026-10-06,OhioMeansJobs,In person\n",
        encoding="utf-8",
    )
    cli.ok("app", "import", str(sheet))
    rows = list(csv.DictReader(io.StringIO(cli.ok("export", "csv"))))
    assert [(r["source"], r["notes"], r["method"]) for r in rows] == [
        ("job board", "via ZipRecruiter", "online"),
        ("job board", "via OhioMeansJobs", "in person"),
    ]
