"""A record whose calibration rests on one outside piece of evidence: self-ratings, one remark."""

from __future__ import annotations

from datetime import UTC, date, datetime

from nextround.domain.competency import Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import RoundKind
from nextround.domain.statements import FeedbackStatement
from nextround.services.applications import add_application
from nextround.services.debriefs import record_debrief
from nextround.services.feedback import add_feedback
from nextround.services.process import add_interview, add_round
from nextround.services.review import review_statement
from nextround.services.stamps import touch


def seed_thin_calibration(nextround) -> None:  # type: ignore[no-untyped-def]
    """Self-ratings on communication, and a single recruiter remark confirmed as a strength."""
    with nextround.uow() as uow:
        app = add_application(
            uow, {"company": "Tessellate", "role_title": "TPM", "applied_on": date(2025, 3, 1)}
        )
        add_round(uow, app.id, {"name": "Loop", "kind": RoundKind.FINAL_LOOP,
                                "started_on": date(2025, 3, 10)})  # fmt: skip
        interview = add_interview(
            uow,
            app.id,
            None,
            {"title": "Deep dive", "scheduled_at": datetime(2025, 3, 10, tzinfo=UTC)},
        )
        record_debrief(uow, interview.id, 4, ratings={"communication": 4})
        text = "Your communication was very clear."
        item = add_feedback(
            uow,
            text,
            FeedbackSource.RECRUITER,
            received_on=date(2025, 3, 20),
            application_id=app.id,
        )
        statement = FeedbackStatement(item.id, 1, text, 0, len(text), "nextround-core")
        touch(uow.now(), statement)
        uow.statements.add(statement)
        uow.commit()
        review_statement(uow, statement.id, ["communication"], Polarity.STRENGTH)
