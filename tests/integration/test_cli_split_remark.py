"""`profile explain` counts a remark split in two once, and says so (QA9 F6)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from nextround.analysis import embeddings
from nextround.cli import main

REMARK = (
    "System design was shallow on trade-offs: you picked a token bucket quickly but didn't "
    "weigh it against the alternatives.\nThe capacity estimate ignored peak traffic.\n"
)


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setattr(embeddings, "MODEL_PACKAGE", "no_such_model_package_here")
    monkeypatch.setenv("NEXTROUND_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("NEXTROUND_DATABASE_URL", raising=False)
    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"

    def invoke(*args: str, stdin: str = "") -> str:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        with pytest.raises(SystemExit) as exit_:
            main(["--db", db, *args])
        out, _ = capsys.readouterr()
        assert not exit_.value.code, out
        return out

    return invoke


def test_two_halves_of_one_sentence_weigh_as_one_remark(run) -> None:
    run("feedback", "add", "-", "--source", "recruiter", "--on", "2026-11-12", stdin=REMARK)
    for statement in ("1", "2", "3"):
        run(
            "feedback", "review", "--statement", statement,
            "--competency", "systems-thinking", "--polarity", "gap",
        )  # fmt: skip
    data = json.loads(run("profile", "explain", "systems-thinking", "--json"))
    pieces = sorted(data["evidence"], key=lambda e: e["origin_id"])
    assert [p["remark_parts"] for p in pieces] == [2, 2, 1]
    assert pieces[0]["weight"] == pytest.approx(pieces[2]["weight"] / 2, abs=1e-5)
    # Together the two halves weigh what the other sentence weighs alone.
    assert pieces[0]["weight"] + pieces[1]["weight"] == pytest.approx(pieces[2]["weight"], abs=1e-5)
    words = " ".join(run("profile", "explain", "systems-thinking").split())
    assert words.count("One remark, split in two: each counts half.") == 2
    assert words.count("×1/2=") == 2
