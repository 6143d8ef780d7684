"""A reasonless "no", reviewed as about no competency: still asked about, and no loop of hints."""

from __future__ import annotations

from datetime import date, timedelta

from tests.e2e.conftest import Cli, open_app

VERDICT = (
    "Hi Priya, thanks for your time. Unfortunately the team felt you were not the right fit "
    "at this time."
)
SPECIFIC = "When asked how the flow fails, she drew only the happy path."


def _rejected_after_a_panel(cli: Cli, company: str, feedback: str) -> tuple[int, list[str]]:
    """The application's id and its feedback statements' ids and texts, as "id text"."""
    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
    from tests.unit.growth_fakes import KeywordMapper

    today = date.today()
    cli.ok("app", "add", company, "UX Researcher", "--applied", str(today - timedelta(60)))
    app_id = int(cli.ok("app", "list", "--json").count('"company"'))
    cli.ok(
        "round",
        "add",
        str(app_id),
        "Panel interview",
        "--kind",
        "panel",
        "--on",
        str(today - timedelta(20)),
    )
    cli.ok(
        "interview", "add", str(app_id), "Panel", "--round", "1",
        "--at", f"{today - timedelta(20)}T11:00", "--with", "Marcus Hale",
    )  # fmt: skip
    cli.ok(
        "decision", "set", str(app_id), "--outcome", "rejection", "--on", str(today - timedelta(10))
    )
    app = open_app(cli)
    try:
        with app.uow() as uow:
            _, statements = add_mapped_feedback(
                uow, feedback, FeedbackSource.RECRUITER,
                lambda: KeywordMapper([("flow", "systems-thinking", 0.9)]), "nextround-core",
                received_on=today - timedelta(9), links=FeedbackLinks(application_id=app_id),
                author="Amy Lee",
            )  # fmt: skip
    finally:
        app.close()
    return app_id, [f"{s.id} {s.text}" for s in statements]


def _said(text: str) -> str:
    return " ".join(text.split())


def _request(cli: Cli, app_id: int) -> str:
    """The drafted request with the notes said around it (on standard error)."""
    result = cli("note", "feedback-request", str(app_id))
    assert result.code == 0, result.err
    return _said(result.err + " " + result.out)


def test_a_no_reviewed_as_about_no_competency_gets_a_question_and_the_request_agrees(cli):
    """QA20 F1: `--none` on "not the right fit" lost its question; the hints looped."""
    app_id, statements = _rejected_after_a_panel(cli, "Halden Bank", VERDICT)
    (verdict,) = [s.split()[0] for s in statements if "right fit" in s]
    cli.ok("feedback", "review", "--statement", verdict, "--none")
    asked = _said(cli.ok("feedback", "clarify"))
    assert "To Amy Lee (Halden Bank)" in asked
    assert 'About "The team felt you were not the right fit at this time"' in asked
    # The interview's title "Panel" is said plainly, never quoted as someone's phrase.
    assert "Was there one point in the panel where I fell short of what you needed?" in asked
    assert "“Panel”" not in asked
    assert "“you were not the right fit at this time”" in asked and "role at Halden Bank" in asked
    request = _request(cli, app_id)
    assert "`nextround feedback clarify` drafts questions" in request


def test_feedback_with_nothing_to_ask_does_not_send_the_request_to_clarify(cli):
    app_id, _ = _rejected_after_a_panel(cli, "Lumen", SPECIFIC)
    assert "No vague statements" in cli.ok("feedback", "clarify")
    request = _request(cli, app_id)
    assert "feedback clarify" not in request
    assert (
        "Feedback from Lumen is already on record, with nothing in it vague enough to ask "
        "about; send this only to ask for more" in request
    )
