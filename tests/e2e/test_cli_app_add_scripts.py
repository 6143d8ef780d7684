"""`app add` in a script: the duplicate note under --json, and --if-new to re-run a loop."""

from __future__ import annotations

import json

from tests.e2e.conftest import Cli, full_dump

ROLE = ("Stripe", "Software Engineer New Grad", "--applied", "2026-10-01")


def test_json_says_which_applications_an_added_one_repeats(cli: Cli) -> None:
    first = json.loads(cli.ok("app", "add", *ROLE, "--json"))
    assert first["added"] is True and first["same_as"] == []
    result = cli("app", "add", *ROLE, "--json")
    assert result.code == 0, result.err
    again = json.loads(result.out)  # stdout stays one JSON document
    assert again["added"] is True and again["same_as"] == [first["id"]]
    said = " ".join(result.err.split())
    assert "Note: you already have Software Engineer New Grad at Stripe (applied 2026-10-01)" in (
        said
    )
    assert f"`nextround app rm {again['id']}`" in said and "--if-new" in said
    # A third: the two earlier ones, which nothing tells apart, are described once.
    text = " ".join(cli.ok("app", "add", *ROLE).split())
    assert "(both applied 2026-10-01): applications 1, 2." in text, text


def test_if_new_adds_nothing_for_an_application_on_record(cli: Cli) -> None:
    added = json.loads(
        cli.ok("app", "add", *ROLE, "--source", "careers-page", "--if-new", "--json")
    )
    assert added["added"] is True
    before = full_dump(cli.db)
    # Run again, spelt another way: nothing is added, the one on record is shown, exit 0.
    result = cli("app", "add", "stripe", "software  engineer new grad", "--applied", "2026-10-01",
                 "--if-new", "--json")  # fmt: skip
    assert result.code == 0, result.err
    shown = json.loads(result.out)
    assert (shown["id"], shown["added"], shown["source"]) == (added["id"], False, "careers_page")
    assert result.err == ""
    text = " ".join(cli.ok("app", "add", *ROLE, "--if-new").split())
    assert text == (
        f"Nothing added: application {added['id']} is on record already, Software Engineer "
        "New Grad at Stripe (applied 2026-10-01)."
    )
    assert full_dump(cli.db) == before
    # Another date is another application; bad input is refused as without --if-new.
    later = json.loads(cli.ok("app", "add", *ROLE[:2], "--applied", "2026-10-02", "--if-new",
                              "--json"))  # fmt: skip
    assert later["added"] is True and later["same_as"] == [added["id"]]
    refused = cli("app", "add", *ROLE[:2], "--applied", "2026-13-01", "--if-new")
    assert refused.code == 2 and "no month 13" in refused.err


def test_the_help_documents_if_new_and_the_json_keys(cli: Cli) -> None:
    shown = " ".join(cli.ok("app", "add", "--help").split())
    assert "--if-new" in shown and "exit 0" in shown
    assert '"same_as"' in shown and '"added"' in shown
