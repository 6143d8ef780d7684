"""Asking for feedback after a "no": when the plan suggests it, its action and the draft."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from nextround.domain.feedback_request import (
    FeedbackAsk,
    action_words,
    draft_feedback_request,
    feedback_ask,
)
from nextround.domain.journey import (
    Application,
    Decision,
    Interview,
    Outcome,
    Round,
    RoundKind,
)
from nextround.domain.plan import ActionKind, build_plan
from nextround.domain.profile import build_profile
from tests.unit.growth_fixtures import FRAMEWORK

DECIDED = date(2026, 11, 20)


def _app(
    kind: RoundKind = RoundKind.OTHER,
    outcome: Outcome = Outcome.REJECTION,
    rounds: int = 1,
    interviews: tuple[str, ...] = ("Group exercise", "Presentation"),
) -> Application:
    held = [
        Round(
            "Assessment centre",
            kind,
            date(2026, 11, 10),
            position=1,
            interviews=[Interview(title) for title in interviews],
        )
    ][:rounds]
    return Application(
        "Barclays",
        "Graduate Software Engineer",
        date(2026, 10, 1),
        rounds=held,
        decisions=[Decision(outcome, DECIDED)],
        id=3,
    )


def test_a_rejection_after_an_assessment_centre_without_feedback_is_worth_asking() -> None:
    ask = feedback_ask(_app(), has_feedback=False, today=date(2026, 11, 27))
    assert ask is not None
    assert ask.round_as_yours() == "your assessment centre"
    assert ask.parts == ("Group exercise", "Presentation")
    assert ask.ask_by == date(2026, 12, 11)


@pytest.mark.parametrize(
    ("app", "has_feedback", "today"),
    [
        (_app(), True, date(2026, 11, 27)),  # feedback is on record
        (_app(), False, date(2026, 12, 12)),  # more than three weeks later
        (_app(kind=RoundKind.ASSESSMENT), False, date(2026, 11, 27)),  # an online test
        (_app(kind=RoundKind.TAKE_HOME), False, date(2026, 11, 27)),
        (_app(kind=RoundKind.SCREEN), False, date(2026, 11, 27)),
        (_app(rounds=0), False, date(2026, 11, 27)),  # a CV sift: no round at all
        (_app(outcome=Outcome.NO_RESPONSE), False, date(2026, 11, 27)),
        (_app(outcome=Outcome.OFFER), False, date(2026, 11, 27)),
    ],
)
def test_no_ask_where_there_is_nothing_to_ask_or_it_is_too_late(
    app: Application, has_feedback: bool, today: date
) -> None:
    assert feedback_ask(app, has_feedback, today) is None


def test_the_last_day_of_the_window_still_asks() -> None:
    assert feedback_ask(_app(), False, date(2026, 12, 11)) is not None


def test_the_draft_names_the_round_its_parts_and_asks_two_specific_questions() -> None:
    ask = feedback_ask(_app(), False, date(2026, 11, 27))
    assert ask is not None
    draft = draft_feedback_request(ask, ("Priya",), "Tomás Reyes")
    assert draft.body.startswith("Dear Priya,\n\n")
    assert "outcome of the assessment centre for the Graduate Software Engineer role" in draft.body
    assert "especially on the group exercise and the presentation?" in draft.body
    assert draft.body.count("?") == 2
    assert draft.body.endswith("Kind regards,\nTomás Reyes")
    assert draft.subject == "Feedback request – Graduate Software Engineer, Assessment centre"
    assert draft.words <= 80


def test_without_a_recipient_or_parts_the_draft_writes_to_the_team_and_asks_plainly() -> None:
    ask = FeedbackAsk(7, "BBC", "Software Engineering Graduate", "Video interview", DECIDED)
    draft = draft_feedback_request(ask)
    assert draft.body.startswith("Dear BBC recruitment team,")
    assert "how I did in the video interview?" in draft.body
    assert draft.body.endswith("[Your name]")


def test_the_plan_offers_an_action_to_ask_until_feedback_arrives() -> None:
    ask = feedback_ask(_app(), False, date(2026, 11, 27))
    assert ask is not None
    profile = build_profile([], FRAMEWORK, date(2026, 11, 27))
    plan = build_plan(profile, FRAMEWORK, [], [], date(2026, 11, 27), asks=[ask])
    (action,) = plan
    assert action.kind == ActionKind.CLARIFY
    assert action.id == "clarify:feedback-request:3"
    assert action.title == "Ask Barclays for feedback on your assessment centre"
    assert "within 14 days (by Fri 11 Dec)" in action.detail
    assert "`nextround note feedback-request 3`" in action.detail
    # Feedback arrived: the open action goes; once done it stays, as history.
    assert build_plan(profile, FRAMEWORK, [], plan, date(2026, 11, 28)) == []
    done = [replace(plan[0], done_on=date(2026, 11, 28))]
    assert build_plan(profile, FRAMEWORK, [], done, date(2026, 11, 29)) == done


def test_the_action_says_today_on_the_last_day() -> None:
    ask = FeedbackAsk(7, "BBC", "Graduate", "Video interview", DECIDED)
    title, detail, why = action_words(ask, date(2026, 12, 11))
    assert title == "Ask BBC for feedback on your video interview"
    assert "Write to the recruiter today" in detail
    assert "BBC said no on 20 Nov 2026 after the video interview" in why
