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
