"""A paste that splits into very many statements is flagged at once, with how to undo it."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from nextround.analysis import embeddings
from nextround.cli import main
from nextround.domain.statements import MANY_STATEMENTS, many_statements_note


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    # The lexical fallback: the warning is about the split, not about the model.
    monkeypatch.setattr(embeddings, "MODEL_PACKAGE", "no_such_model_package_here")
    monkeypatch.setenv("NEXTROUND_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("NEXTROUND_DATABASE_URL", raising=False)
    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"

    def invoke(*args: str, stdin: str = "") -> tuple[int, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        with pytest.raises(SystemExit) as exit_:
            main(["--db", db, *args])
        out, _ = capsys.readouterr()
        return int(exit_.value.code or 0), out

    return invoke


def _paste(lines: int) -> str:
    return "\n".join(f"The risk plan for launch {n} was missing." for n in range(lines)) + "\n"


def test_a_paste_of_a_thousand_lines_says_so_and_lists_only_the_first(run) -> None:
    code, out = run("feedback", "add", "-", "--source", "peer", stdin=_paste(400))
    assert code == 0
    words = " ".join(out.split())
    assert "Note: This feedback splits into 400 statements, far more than one person's" in words
    assert "Pasted the wrong thing? `nextround feedback rm 1`." in words
    assert "Split into 400 statements" in words
    assert "… and 380 more: `nextround feedback show 1`" in words
    assert out.count("The risk plan for launch") == 20


def test_an_ordinary_paste_lists_every_statement_without_a_note(run) -> None:
    code, out = run("feedback", "add", "-", "--source", "peer", stdin=_paste(MANY_STATEMENTS))
    assert code == 0
    assert "Note:" not in out and "more:" not in out
    assert out.count("The risk plan for launch") == MANY_STATEMENTS


def test_the_note_names_the_cap_on_what_one_item_counts_for() -> None:
    assert many_statements_note(MANY_STATEMENTS) is None
    note = many_statements_note(1079)
    assert note is not None and "1,079 statements" in note
    assert "one feedback item counts as at most 3 pieces of evidence per competency" in note
