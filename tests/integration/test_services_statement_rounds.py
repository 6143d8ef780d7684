"""A feedback statement filed under the round it names, on the real database (QA21 F11)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect, text

from nextround.analysis.lexical import LexicalMapper
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import RoundKind
from nextround.errors import DomainError
from nextround.services import applications, process
from nextround.services.feedback import (
    FeedbackChanges,
    FeedbackLinks,
    add_mapped_feedback,
    edit_feedback,
    set_statement_round,
)
from nextround.services.frameworks import active_framework
from nextround.services.profile import gather_evidence
from nextround.services.review import pending_review, review_statement
from tests.integration.migration_steps import downgrade

#: Monzo's rejection email: praise for round 2, the concern that decided it in round 3.
EMAIL = (
    "Hi Adebayo, thank you for your time. The panel were impressed by your take-home: the "
    "churn model was rigorous and your write-up explained the trade-offs clearly. However, in "
    "the ML system design interview you struggled to reason about serving latency and "
    "monitoring at scale. Best wishes, Jess"
)


@pytest.fixture
def monzo(app):
    """Monzo's three rounds and the email about round 3, mapped; returns (app id, round ids)."""
    with app.uow() as uow:
        made = applications.add_application(
            uow, {"company": "Monzo", "role_title": "Senior Data Scientist",
                  "applied_on": date(2026, 9, 1)},
        )  # fmt: skip
        rounds = [
            process.add_round(uow, made.id, {"name": name, "kind": kind, "started_on": day})
            for name, kind, day in (
                ("Recruiter screen", RoundKind.SCREEN, date(2026, 9, 10)),
                ("Technical take-home", RoundKind.TAKE_HOME, date(2026, 9, 20)),
                ("ML system design", RoundKind.TECHNICAL, date(2026, 10, 5)),
            )
        ]
        framework = active_framework(uow)
        add_mapped_feedback(
            uow, EMAIL, FeedbackSource.RECRUITER, lambda: LexicalMapper(framework),
            framework.id, received_on=date(2026, 10, 16),
            links=FeedbackLinks(made.id, round_position=3),
        )  # fmt: skip
    return made.id, [r.id for r in rounds]


def _rounds_by_text(app) -> dict[str, int | None]:
    with app.engine.connect() as conn:
        rows = conn.execute(text("SELECT text, round_id FROM statements ORDER BY position"))
        return {_which(row.text): row.round_id for row in rows}


def _which(said: str) -> str:
    return "praise" if "take-home" in said else "concern"


def test_the_praise_of_the_take_home_is_filed_under_the_take_home(app, monzo) -> None:
    _, (_, take_home, _) = monzo
    by_text = _rounds_by_text(app)
    assert by_text == {"praise": take_home, "concern": None}
    with app.uow() as uow:
        [review] = {i.round_text for i in pending_review(uow)} - {None}
        for statement in uow.statements.for_feedback(1):
            review_statement(uow, statement.id, ["technical-depth"])
        uow.commit()
    assert review == "about round 2, Technical take-home (named in it)"
    with app.uow() as uow:
        evidence = gather_evidence(uow, active_framework(uow))
    # The profile's explain and the reports say where each was heard from this.
    places = {_which(e.text): e.context for e in evidence}
    assert places == {
        "praise": "Monzo · Technical take-home",
        "concern": "Monzo · ML system design",
    }


def test_a_statement_is_filed_again_by_hand_and_by_moving_its_feedback(app, monzo) -> None:
    app_id, (screen, _, system_design) = monzo
    with app.uow() as uow:
        [praise, concern] = uow.statements.for_feedback(1)
        set_statement_round(uow, concern.id, 1)
        set_statement_round(uow, praise.id, 3)  # the feedback's own round: none of its own
    assert _rounds_by_text(app) == {"praise": None, "concern": screen}
    refused = r"has no round 9; its rounds: 1 \(Recruiter screen\)"
    with pytest.raises(DomainError, match=refused), app.uow() as uow:
        set_statement_round(uow, praise.id, 9)
    with app.uow() as uow:
        edit_feedback(uow, 1, FeedbackChanges(links=FeedbackLinks(app_id, round_position=2)))
    # About the take-home round now: the praise needs no round of its own, the concern does.
    assert _rounds_by_text(app) == {"praise": None, "concern": system_design}


def test_a_deleted_round_leaves_its_statements_with_their_feedbacks_round(app, monzo) -> None:
    _, (_, take_home, _) = monzo
    with app.engine.begin() as conn:
        conn.execute(text("DELETE FROM rounds WHERE id = :id"), {"id": take_home})
    assert _rounds_by_text(app) == {"praise": None, "concern": None}


def test_down_to_0021_drops_the_statements_round_and_up_again_keeps_their_ids(app, monzo) -> None:
    from nextround.store.database import HEAD_REVISION, current_revision, upgrade

    downgrade(app.engine, "0021")
    assert "round_id" not in {c["name"] for c in inspect(app.engine).get_columns("statements")}
    upgrade(app.engine)
    assert current_revision(app.engine) == HEAD_REVISION
    assert _rounds_by_text(app) == {"praise": None, "concern": None}


def test_a_question_names_the_round_its_statement_is_filed_under(app) -> None:
    """A vague gap on the take-home in an email about round 3 is asked about as the take-home."""
    from nextround.services.clarify import clarifications

    said = (
        "Your take-home communication was not great. In the ML system design interview you "
        "were fine on serving latency and monitoring at scale."
    )
    with app.uow() as uow:
        made = applications.add_application(
            uow, {"company": "Monzo", "role_title": "Senior Data Scientist",
                  "applied_on": date(2026, 9, 1)},
        )  # fmt: skip
        for name, kind, day in (
            ("Recruiter screen", RoundKind.SCREEN, date(2026, 9, 10)),
            ("Technical take-home", RoundKind.TAKE_HOME, date(2026, 9, 20)),
            ("ML system design", RoundKind.TECHNICAL, date(2026, 10, 5)),
        ):
            process.add_round(uow, made.id, {"name": name, "kind": kind, "started_on": day})
        framework = active_framework(uow)
        add_mapped_feedback(
            uow, said, FeedbackSource.RECRUITER, lambda: LexicalMapper(framework),
            framework.id, received_on=date(2026, 10, 16),
            links=FeedbackLinks(made.id, round_position=3),
        )  # fmt: skip
    with app.uow() as uow:
        for statement in uow.statements.for_feedback(1):
            review_statement(uow, statement.id, ["technical-depth"])
        uow.commit()
    with app.uow() as uow:
        [asked] = clarifications(uow)
    assert asked.round_name == "Technical take-home"
    # The system design sentence is another round's moment: not quoted as this one's.
    assert asked.moment is None
    assert not any("system design" in q for q in asked.questions)


def test_a_thank_you_note_recalls_the_take_home_praise_as_the_take_homes(app, monzo) -> None:
    from nextround.services.note_moments import moments

    app_id, _ = monzo
    praise = "The panel loved your churn model example in the take-home."
    with app.uow() as uow:
        framework = active_framework(uow)
        add_mapped_feedback(
            uow, praise, FeedbackSource.RECRUITER, lambda: LexicalMapper(framework),
            framework.id, received_on=date(2026, 10, 17),
            links=FeedbackLinks(app_id, round_position=3),
        )  # fmt: skip
    with app.uow() as uow:
        for statement in uow.statements.for_feedback(2):
            review_statement(uow, statement.id, ["technical-depth"])
        uow.commit()
    with app.uow() as uow:
        application = uow.applications.get(app_id)
        last = application.ordered_rounds[-1]
        recalled = moments(uow, application, last, frozenset({"Monzo"}))
    [moment] = [m for m in recalled if m.text == "my churn model example"]
    # Recalled as an earlier round's moment, named so, not as the system design's.
    assert (moment.round_name, moment.round_position) == ("Technical take-home", 2)
