"""`nextround app list`: a screenful in the table, every match as JSON unless limited."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

from tests.e2e.conftest import Cli, open_app


def _add_applications(cli: Cli, count: int) -> None:
    from nextround.services.applications import add_application

    app = open_app(cli)
    try:
        for n in range(count):
            with app.uow() as uow:
                add_application(
                    uow,
                    {
                        "company": f"Company {n:02d}",
                        "role_title": "TPM",
                        "applied_on": date(2025, 1, 1) + timedelta(days=n),
                    },
                )
    finally:
        app.close()


def test_json_lists_every_application_unless_limited(cli: Cli) -> None:
    _add_applications(cli, 53)
    listed = json.loads(cli.ok("app", "list", "--json"))
    assert len(listed) == 53 and listed[0]["company"] == "Company 52"  # newest first
    assert len(json.loads(cli.ok("app", "list", "--json", "--limit", "3"))) == 3
    table = " ".join(cli.ok("app", "list").split())
    assert "Company 52" in table and "Company 02" not in table
    assert "3 older not shown; use --all, --limit or filters." in table
    assert "Company 00" in cli.ok("app", "list", "--all")


def test_the_list_names_processes_that_have_gone_quiet(cli: Cli) -> None:
    """No news for three weeks and nothing scheduled: follow up once, or close it."""
    cli.ok("app", "add", "Quietco", "Backend Engineer", "--applied", "2026-10-01")
    cli.ok("app", "add", "Freshco", "Platform Engineer", "--applied", "today")
    out = " ".join(cli.ok("app", "list").split())
    assert re.search(
        r"Gone quiet \(no news for 3 weeks or more, nothing scheduled\): (.*; )?\d+ Quietco "
        r"\(\d+ weeks\)[;.] .*Follow up once, or close it: `nextround app close ID` "
        r"\(as no response\)\.",
        out,
    ), out
    assert "Freshco (" not in out
    rows = {r["company"]: r["quiet_days"] for r in json.loads(cli.ok("app", "list", "--json"))}
    assert rows["Freshco"] is None and rows["Quietco"] >= 21


def test_a_narrow_list_drops_empty_columns_and_keeps_company_and_role_whole(cli: Cli) -> None:
    from dataclasses import replace

    cli.ok("app", "add", "Ubisoft", "Développeur logiciel / logistique", "--applied", "2026-10-13")
    cli.ok("app", "add", "Jane Street", "Software Engineer New Grad", "--applied", "2026-10-12")
    cli.ok("app", "close", "2", "--as", "no-response", "--on", "2026-11-20")

    def at(width: int) -> str:
        return replace(cli, env={**cli.env, "COLUMNS": str(width)}).ok("app", "list")

    def words(table: str, column: int = 2) -> str:
        # One column's words in reading order, whatever the wrapping.
        rows = [line.split("│") for line in table.splitlines() if line.startswith("│")]
        return " ".join(" ".join(row[column] for row in rows).split())

    # No interview ahead anywhere: no "Next" column taking room from the names.
    for width in (60, 80, 120):
        assert "Next" not in at(width)
    phone = at(60)
    assert all(len(line) <= 60 for line in phone.splitlines()), phone
    assert "…" not in phone
    # At 60 columns, with "no response" to show, the role shares the company's cell, after
    # a dash: the output has no colour here (piped), and still tells one from the other.
    assert "┃ Company and role" in phone, phone
    cells = words(phone)
    assert "Ubisoft — Développeur logiciel / logistique" in cells, phone
    assert "Jane Street — Software Engineer New Grad" in cells, phone
    assert "—" not in at(120)  # side by side, each has its column
    # An interview ahead: at 60 columns its day goes under the status, whole.
    cli.ok("round", "add", "1", "Onsite", "--kind", "final-loop", "--on", "2030-01-10")
    cli.ok("interview", "add", "1", "Panel", "--at", "2030-01-10 09:30")
    phone = at(60)
    assert words(phone, 3) == "final round next 2030-01-10 no response", phone
    assert "┃ Next" not in phone
    assert all(len(line) <= 60 for line in phone.splitlines()), phone
    assert "Next" in at(80) and "Next interview" in at(120)


def test_a_next_step_on_few_rows_goes_under_the_status_leaving_the_role_its_width(
    cli: Cli,
) -> None:
    # QA17 F15: with the Next column empty on 38 of 40 rows, the role wrapped to 3 lines.
    from dataclasses import replace

    _add_applications(cli, 4)
    cli.ok("app", "add", "Matillion", "Graduate Software Engineer", "--applied", "2026-10-01")
    cli.ok("round", "add", "1", "Onsite", "--kind", "final-loop", "--on", "2030-01-10")
    cli.ok("interview", "add", "1", "Panel", "--at", "2030-01-10 09:30")
    listed = replace(cli, env={**cli.env, "COLUMNS": "80"}).ok("app", "list")
    assert "Next" not in listed, listed
    assert "┃ Role" in listed and "Graduate Software Engineer" in listed, listed
    status = [line.split("│")[4].strip() for line in listed.splitlines() if "│" in line]
    assert "next 2030-01-10" in status, listed
