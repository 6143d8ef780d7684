"""`nextround framework ...` with a long id at 80 columns, and frameworks named by name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CSV = "name,description\nCustomer Obsession,Starts with the customer.\nDive Deep,Knows details.\n"


@pytest.fixture
def hyperscale(cli, tmp_path: Path):
    path = tmp_path / "hyperscale_principles.csv"
    path.write_text(CSV, encoding="utf-8")
    cli.ok("framework", "import", str(path))
    return cli


def test_the_list_never_cuts_the_id_short_at_80_columns(hyperscale):
    hyperscale.env["COLUMNS"] = "80"
    out = hyperscale.ok("framework", "list")
    assert "hyperscale-principles" in out
    assert max(len(line) for line in out.splitlines()) <= 80


@pytest.mark.parametrize("ref", ["Hyperscale Principles", "hyperscale_principles"])
def test_show_use_and_rm_take_the_name(hyperscale, ref):
    assert hyperscale.ok("framework", "show", ref).startswith(
        "Hyperscale Principles (hyperscale-principles)"
    )
    assert "Now using Hyperscale Principles" in hyperscale.ok("framework", "use", ref)
    hyperscale.ok("framework", "use", "nextround-core")
    assert "Deleted" in hyperscale.ok("framework", "rm", ref, "--yes")
    listed = json.loads(hyperscale.ok("framework", "list", "--json"))
    assert [f["id"] for f in listed] == ["nextround-core"]


def test_the_framework_option_takes_the_name(hyperscale):
    out = hyperscale.ok(
        "map", "--framework", "hyperscale principles", "--no-examples", stdin="Knows details.\n"
    )
    assert json.loads(out)["framework"] == "hyperscale-principles"


def test_a_name_that_names_nothing_is_still_an_error(hyperscale):
    result = hyperscale("framework", "show", "Acme values")
    assert result.code == 3  # not found
    assert "no framework with id Acme values" in result.err
