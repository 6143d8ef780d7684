"""`nextround app list`: a screenful in the table, every match as JSON unless limited."""

from __future__ import annotations

import json
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
