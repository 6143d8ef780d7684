"""`nextround profile` publishes no blind spot before the statements behind it are reviewed."""

from __future__ import annotations

import io
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from nextround.bootstrap import Nextround
from nextround.cli import main
from nextround.config import Settings
from nextround.domain.competency import CompetencyMatch, Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import RoundKind
from nextround.domain.statements import FeedbackStatement
from nextround.services.applications import add_application
from nextround.services.debriefs import record_debrief
from nextround.services.feedback import add_feedback
from nextround.services.process import add_interview, add_round
from nextround.services.review import review_statement
from nextround.services.stamps import touch

SAID = ["The process map lacked structure.", "Nobody could follow the flow you drew."]


def _seed(db: str) -> list[int]:
    """A 5/5 on process design, and two mis-read statements about it nobody has reviewed."""
    app = Nextround(Settings(database_url=db))
    try:
        with app.uow() as uow:
            day = date(2026, 9, 18)
            made = add_application(
                uow, {"company": "Lumora", "role_title": "Ops", "applied_on": day}
            )
            add_round(
                uow, made.id, {"name": "Loop", "kind": RoundKind.FINAL_LOOP, "started_on": day}
            )
            interview = add_interview(
                uow,
                made.id,
                None,
                {"title": "Case", "scheduled_at": datetime(2026, 9, 18, tzinfo=UTC)},
            )
            record_debrief(uow, interview.id, 4, ratings={"process-design": 5})
            item = add_feedback(
                uow,
                " ".join(SAID),
                FeedbackSource.RECRUITER,
                received_on=day,
                application_id=made.id,
            )
            ids = []
            start = 0
            for n, text in enumerate(SAID, 1):
                statement = FeedbackStatement(
                    item.id, n, text, start, start + len(text), "nextround-core",
                    polarity=Polarity.GAP, polarity_confidence=0.8,
                    suggestions=[CompetencyMatch("process-design", 0.9)],
                )  # fmt: skip
                start += len(text) + 1
                touch(uow.now(), statement)
                uow.statements.add(statement)
                uow.flush()
                ids.append(statement.id)
            uow.commit()
        return ids
    finally:
        app.close()


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("NEXTROUND_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("NEXTROUND_DATABASE_URL", raising=False)
    db = f"sqlite:///{tmp_path / 'cli.sqlite3'}"

    def invoke(*args: str) -> str:
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))
        with pytest.raises(SystemExit) as exit_:
            main(["--db", db, *args])
        assert exit_.value.code in (0, None)
        return " ".join(capsys.readouterr().out.split())

    invoke.db = db  # type: ignore[attr-defined]
    return invoke


def test_calibration_waits_for_the_review_then_names_the_blind_spot(run) -> None:
    first, second = _seed(run.db)
    out = run("profile")
    calibration = out[out.index("Calibration (") : out.index("Competencies")]
    assert "Blind spot" not in calibration
    assert "Process design and improvement awaits your review — you 1.00, others 0.3" in calibration
    assert (
        "it would read as a blind spot, but only statements you have not reviewed name a gap"
        in (calibration)
    )
    # Heaviest first; the two weigh the same, so in the text's order ("Nobody…", "The…").
    assert f"Review 2 statements ({second}, {first}) to settle it: nextround feedback review" in (
        calibration
    )
    # Reviewed, the same statements make the reading; on this little evidence, provisional.
    app = Nextround(Settings(database_url=run.db))
    try:
        with app.uow() as uow:
            review_statement(uow, first, ["process-design"], Polarity.GAP)
    finally:
        app.close()
    out = run("profile")
    calibration = out[out.index("Calibration (") : out.index("Competencies")]
    assert "Blind spot (provisional): Process design and improvement — you 1.00" in calibration
    assert "awaits your review" not in calibration
