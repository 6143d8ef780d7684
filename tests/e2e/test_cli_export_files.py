"""`nextround export`: a file named with -o is replaced only when the person says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.mark.parametrize("kind", ["json", "csv", "ics"])
def test_an_existing_file_is_kept_unless_forced(seeded, tmp_path, kind):
    cli, _ = seeded
    folder = tmp_path / "backups"
    folder.mkdir()
    target = folder / f"backup.{kind}"
    target.write_text("yesterday's copy", "utf-8")
    refused = cli("export", kind, "-o", str(target))
    assert refused.code == 2
    assert f"{target} already exists; give another file name, or add --force" in " ".join(
        refused.err.split()
    )
    assert "Traceback" not in refused.err
    assert target.read_text("utf-8") == "yesterday's copy"
    assert sorted(p.name for p in folder.iterdir()) == [target.name]  # no temporary left
    cli.ok("export", kind, "-o", str(target), "--force")
    assert target.read_text("utf-8") != "yesterday's copy"


def test_standard_output_needs_no_force(seeded):
    cli, _ = seeded
    assert json.loads(cli.ok("export", "json", "-o", "-"))["tables"]["applications"]


@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_the_database_in_use_is_never_written_over(seeded, suffix):
    cli, _ = seeded
    before = Path(cli.db).read_bytes()
    refused = cli("export", "json", "-o", cli.db + suffix, "--force")
    assert refused.code == 2 and "is the database nextround is using" in refused.err
    assert Path(cli.db).read_bytes() == before
    assert json.loads(cli.ok("export", "json"))["tables"]["applications"]  # still a database
