"""The interactive debrief holds no transaction while it asks, and saves on what it showed."""

from __future__ import annotations

import io
import os
import signal
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

import pytest
from sqlalchemy import text

from nextround.bootstrap import Nextround
from nextround.cli import main
from nextround.domain.competency import Competency, Framework
from nextround.services.frameworks import import_framework
from tests.integration.conftest import Journey

pytestmark = pytest.mark.usefixtures("default_ctrl_c")

#: The whiteboard interview probed systems thinking and communication: overall, the two
#: texts, one rating each (Enter skips), then an empty line for no questions.
ANSWERS = ["3", "Drew the whole flow", "", "2", "", ""]


class _Terminal(io.StringIO):
    """Standard input as a person at a terminal types it; ``on_line`` runs before each line.

    A terminal, so the form runs as it does for a person (piped answers are a script's).
    """

    def __init__(self, lines: list[str], on_line: Callable[[int], None]) -> None:
        super().__init__("".join(f"{line}\n" for line in lines))
        self.on_line = on_line
        self.read_lines = 0

    def isatty(self) -> bool:
        return True

    def readline(self, size: int | None = -1) -> str:
        self.on_line(self.read_lines)
        self.read_lines += 1
        return super().readline(size)


@pytest.fixture
def command(
    app: Nextround,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Iterator[Callable[..., tuple[int, str, str]]]:
    """Run `nextround ARGS` in this process, the answers typed at a terminal."""
    monkeypatch.setenv("NEXTROUND_DATA_DIR", str(app.settings.data_dir))
    monkeypatch.delenv("NEXTROUND_DATABASE_URL", raising=False)

    def run(
        *args: str, answers: list[str], on_line: Callable[[int], None] = lambda _: None
    ) -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", _Terminal(answers, on_line))
        with pytest.raises(SystemExit) as done:
            main(["--db", database_url, *args])
        out = capsys.readouterr()
        return int(done.value.code or 0), out.out, " ".join(out.err.split())

    yield run


@pytest.fixture
def form(
    command: Callable[..., tuple[int, str, str]],
) -> Callable[..., tuple[int, str, str]]:
    """Run `nextround debrief ARGS` in this process, the answers typed at a terminal."""
    return partial(command, "debrief")


class _IdleInTransaction:
    """A hook that counts, before each answer, the connections idle in a transaction."""

    def __init__(self, app: Nextround) -> None:
        self.app = app
        self.counts: list[int] = []

    def __call__(self, _: int) -> None:
        with self.app.engine.connect() as conn:
            self.counts.append(
                conn.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                        "current_database() AND state LIKE 'idle in transaction%'"
                    )
                ).scalar_one()
            )


def _saved(app: Nextround, interview_id: int) -> Any:
    with app.uow() as uow:
        return uow.debriefs.for_interview(interview_id)


def test_a_framework_switched_while_the_form_is_open_saves_on_the_one_it_showed(
    app: Nextround, journey: Journey, form: Callable[..., tuple[int, str, str]]
) -> None:
    other = Framework(
        id="lumora",
        name="Lumora principles",
        competencies=(Competency(id="frugality", name="Frugality", description="d"),),
    )

    def switch(line: int) -> None:
        if line == 1:  # another window, after the first answer
            with app.uow() as uow:
                import_framework(uow, other, use=True)

    code, out, err = form(str(journey.whiteboard), answers=ANSWERS, on_line=switch)
    assert (code, err) == (0, "")
    flat = " ".join(out.split())
    assert "Systems thinking: 2/5" in flat
    assert "Saved on “nextround core interview competencies”, the framework the form" in flat
    assert "the framework in use is now “Lumora principles”" in flat
    saved = _saved(app, journey.whiteboard)
    assert saved.framework_id == "nextround-core"
    assert saved.ratings == {"systems-thinking": 2}
    assert saved.went_well == "Drew the whole flow"


def test_ctrl_c_at_a_question_exits_130_and_writes_nothing(
    app: Nextround, journey: Journey, form: Callable[..., tuple[int, str, str]]
) -> None:
    def ctrl_c(line: int) -> None:
        if line == 2:  # waiting at "What did not go well?"
            os.kill(os.getpid(), signal.SIGINT)

    code, _, err = form(str(journey.whiteboard), answers=ANSWERS, on_line=ctrl_c)
    assert code == 130
    assert "Interrupted; nothing was changed." in err
    assert "Aborted" not in err
    assert _saved(app, journey.whiteboard) is None


def test_no_transaction_is_open_while_the_form_waits_for_an_answer(
    app: Nextround,
    journey: Journey,
    database_url: str,
    form: Callable[..., tuple[int, str, str]],
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("pg_stat_activity is PostgreSQL's")
    look = _IdleInTransaction(app)
    code, _, err = form(str(journey.whiteboard), answers=ANSWERS, on_line=look)
    assert (code, err) == (0, "")
    assert look.counts == [0] * len(ANSWERS)
    assert _saved(app, journey.whiteboard).overall == 3


def test_a_form_that_cannot_be_saved_prints_the_answers_as_a_command(
    app: Nextround, journey: Journey, form: Callable[..., tuple[int, str, str]]
) -> None:
    def remove_interview(line: int) -> None:
        if line == 5:  # the last answer: the interview goes in another window
            from nextround.services.process_removal import remove_interview as remove

            with app.uow() as uow:
                remove(uow, journey.whiteboard)

    code, _, err = form(str(journey.whiteboard), answers=ANSWERS, on_line=remove_interview)
    assert code == 3
    assert "Your answers were not saved." in err
    assert (
        f"nextround debrief {journey.whiteboard} --overall 3 --went-well 'Drew the whole flow' "
        "--rate systems-thinking=2" in err
    )


def test_a_connection_lost_while_the_form_waits_is_one_line_and_keeps_the_answers(
    app: Nextround,
    journey: Journey,
    database_url: str,
    form: Callable[..., tuple[int, str, str]],
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("a server ends connections; a SQLite file has none")

    def restart(line: int) -> None:
        if line == 5:  # the server drops every other connection, as a restart does
            with app.engine.connect() as conn:
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname "
                        "= current_database() AND pid <> pg_backend_pid()"
                    )
                )

    code, _, err = form(str(journey.whiteboard), answers=ANSWERS, on_line=restart)
    assert "Traceback" not in err
    assert code == 4  # cannot reach the database: try again later, as at start-up
    assert "Your answers were not saved." in err
    assert f"nextround debrief {journey.whiteboard} --overall 3" in err
    assert "error: cannot reach the database postgresql://" in err
    assert "the connection was lost (terminating connection due to administrator command" in err


def test_the_feedback_review_holds_no_transaction_while_it_waits_either(
    app: Nextround,
    journey: Journey,
    database_url: str,
    command: Callable[..., tuple[int, str, str]],
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("pg_stat_activity is PostgreSQL's")
    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import add_feedback
    from nextround.services.framework_reading import read_feedback_on
    from nextround.services.frameworks import active_framework

    with app.uow() as uow:
        item = add_feedback(
            uow,
            "Your stakeholder communication was very clear. The system design lacked depth.",
            FeedbackSource.RECRUITER,
            application_id=journey.main,
        )
        framework = active_framework(uow)
        read_feedback_on(
            uow, framework.id, lambda: app.mapper(uow, framework), feedback_ids=[item.id or 0]
        )
    # Confirm the first statement as suggested, leave the other.
    look = _IdleInTransaction(app)
    code, out, _ = command("feedback", "review", answers=["y", "k"], on_line=look)
    assert code == 0
    assert "Reviewed 1 statement." in " ".join(out.split())
    assert look.counts == [0, 0]
