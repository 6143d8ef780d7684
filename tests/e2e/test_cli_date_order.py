"""Dates typed and shown in the order the user writes them (NEXTROUND_DATE_ORDER, QA22 F4)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

from tests.e2e.conftest import Cli


def _said(text: str) -> str:
    return " ".join(text.split())


def test_a_us_user_says_month_first_once_and_types_dates_as_she_writes_them(cli: Cli, tmp_path):
    refused = cli("app", "add", "Corvid Cloud", "CSM", "--applied", "10/05/2026")
    assert refused.code == 2
    err = _said(refused.err)
    assert "could be 10 May (2026-05-10) or 5 October (2026-10-05)" in err
    assert "set NEXTROUND_DATE_ORDER=month-first (or day-first)" in err
    cli.env["NEXTROUND_DATE_ORDER"] = "month-first"
    cli.ok("app", "add", "Corvid Cloud", "CSM", "--applied", "10/05/2026")
    cli.ok("round", "add", "1", "Recruiter screen", "--kind", "screen", "--on", "10/07/26")
    cli.ok("decision", "set", "1", "--outcome", "rejection", "--on", "11/10/2026")
    shown = json.loads(cli.ok("app", "show", "1", "--json"))
    assert shown["applied_on"] == "2026-10-05"
    assert shown["rounds"][0]["started_on"] == "2026-10-07"
    assert shown["decisions"][0]["decided_on"] == "2026-11-10"
    # Human pages in her order; the CSV stays ISO for any program that reads it.
    page = tmp_path / "corvid.html"
    cli.ok("report", "app", "1", "-o", str(page))
    html = _said(page.read_text(encoding="utf-8"))
    assert "Applied Oct 5, 2026" in html
    assert "rejection on Nov 10, 2026" in html
    [row] = csv.DictReader(io.StringIO(cli.ok("export", "csv").removeprefix("\ufeff")))
    assert row["applied_on"] == "2026-10-05"
    cli.env["NEXTROUND_DATE_ORDER"] = "us"
    wrong = cli("app", "list")
    assert wrong.code == 2
    assert "NEXTROUND_DATE_ORDER='us' is not a date order; set it to month-first" in _said(
        wrong.err
    )


def test_a_weekday_counted_from_today_is_a_date(cli: Cli):
    before = date.today()
    cli.ok("app", "add", "Harbor & Finch", "CSM", "--applied", "last Tuesday")
    applied = date.fromisoformat(json.loads(cli.ok("app", "show", "1", "--json"))["applied_on"])
    # Whichever day the command ran on (a midnight may pass): the Tuesday before it.
    assert applied.weekday() == 1
    assert timedelta(days=1) <= before - applied + timedelta(days=1) <= timedelta(days=8)
