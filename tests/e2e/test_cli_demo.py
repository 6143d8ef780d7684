"""`nextround demo`: the bundled journey, its main timeline and the funnel."""

from __future__ import annotations

import json


def test_demo_prints_the_main_timeline_and_the_funnel(cli, tmp_path):
    out = cli.ok("demo", db="")
    demo_db = tmp_path / "data" / "demo.sqlite3"
    assert out.startswith("Loaded the demo journey: 7 applications, ")
    assert f"Demo database: sqlite:///{demo_db}" in out
    for expected in [
        "Timeline: Technical Program Manager at Tempoline (application 1)",
        "via LinkedIn",
        "Round 1: Talent acquisition screen",
        "Round 3: Final loop",
        "Practical exercise: map a process on the whiteboard",
        "Decision: rejection",
        "one of 4 finalists",
        "Status now: rejected",
        "Funnel",
        "Applications",
        "First rounds",
        "Final rounds",
        "Offers",
        "Median days between stages",
        "Outcomes by source",
        f"Explore it: nextround --db {demo_db} app list",
    ]:
        assert expected in " ".join(out.split()), expected
    assert out.index("Applied: Technical Program Manager") < out.index("Decision: rejection")
    # Issue 5: the note after the Tempoline rejection, Option A with the declined offer's
    # trade-offs, and both reports in the data folder's demo/.
    flat = " ".join(out.split())
    assert "Thank-you note to Maya Lindgren, Jonas Ekström" in flat
    assert "Dear Maya and Jonas," in flat
    assert "Option A ranking · threshold 3.5" in flat
    assert "Kestrelgate Re (declined, application 2) gains: compensation 5" in flat
    assert "misses: TPM scope in an engineering org" in flat
    reports = tmp_path / "data" / "demo"
    for name in ("profile-report.html", "application-1-report.html"):
        assert f"{reports / name}" in flat
        assert (reports / name).read_text("utf-8").startswith("<!DOCTYPE html>")
    assert out.index("Status now: rejected") < out.index("Funnel")
    listing = json.loads(cli.ok("app", "list", "--json", db=str(demo_db)))
    assert len(listing) == 7
    # The declined offer's terms as numbers, added up; alone, it is set beside no other.
    shown = " ".join(cli.ok("app", "show", "2", db=str(demo_db)).split())
    assert (
        "Base: 98,000 GBP a year Variable at target: 14,700 GBP a year First year: 112,700 GBP "
        "(base + variable target)"
    ) in shown
    assert "side by side" not in cli.ok("options", "rank", db=str(demo_db))
    # Running it again starts from a fresh demo database rather than piling up.
    again = cli.ok("demo", db="")
    assert again.startswith("Loaded the demo journey: 7 applications, ")
    assert len(json.loads(cli.ok("app", "list", "--json", db=str(demo_db)))) == 7
    # The user's own database was never touched.
    assert not (tmp_path / "data" / "nextround.sqlite3").exists()


def test_demo_into_an_empty_database_given_with_db(cli):
    out = cli.ok("demo")
    assert "Timeline: Technical Program Manager at Tempoline" in out
    stats = json.loads(cli.ok("stats", "--json"))
    assert stats["funnel"][0]["count"] == 7


def test_the_demo_never_loads_into_a_database_holding_anything(cli):
    # Only a piece of feedback, no application: still the user's data.
    cli.ok("feedback", "add", "--source", "mentor", "Clear, calm updates.", "--no-map")
    refused = cli("demo")
    assert refused.code == 2
    assert "this one holds data (1 piece of feedback)" in refused.err
    assert json.loads(cli.ok("app", "list", "--json")) == []
    assert len(json.loads(cli.ok("feedback", "list", "--json"))) == 1


def test_the_demo_keeps_to_its_own_file_whatever_the_environment_names(cli, tmp_path):
    from dataclasses import replace

    mine = tmp_path / "mine.sqlite3"
    # NEXTROUND_DATABASE_URL takes a file path, like --db.
    env = {**cli.env, "NEXTROUND_DATABASE_URL": str(mine)}
    user = replace(cli, env=env)
    user.ok("app", "add", "Acme", "TPM", "--applied", "2026-10-01", db="")
    out = user.ok("demo", db="")
    assert f"Demo database: sqlite:///{tmp_path / 'data' / 'demo.sqlite3'}" in out
    assert [a["company"] for a in json.loads(user.ok("app", "list", "--json", db=""))] == ["Acme"]
