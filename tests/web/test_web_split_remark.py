"""A remark the reader split in two counts once, and the competency page says so (QA9 F6)."""

from __future__ import annotations

from datetime import date

from nextround.bootstrap import Nextround
from nextround.domain.competency import Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.services.feedback import add_feedback
from nextround.services.review import review_statement
from tests.web.conftest import Browser

REMARK = (
    "System design was shallow on trade-offs: you picked a token bucket quickly but didn't "
    "weigh it against the alternatives.\n"
)


def test_the_competency_page_shows_each_half_counting_half(
    browser: Browser, sqlite_app: Nextround
) -> None:
    with sqlite_app.uow() as uow:
        item = add_feedback(uow, REMARK, FeedbackSource.RECRUITER, received_on=date(2026, 11, 12))
    assert browser.post(f"/feedback/{item.id}/map", {}).status_code == 303
    with sqlite_app.uow() as uow:
        statements = uow.statements.for_feedback(item.id)
        assert len(statements) == 2  # the split this test is about
        for s in statements:
            assert s.id is not None
            review_statement(uow, s.id, ["systems-thinking"], Polarity.GAP)
        uow.commit()
    page = " ".join(browser.get("/profile/systems-thinking").text.split())
    assert page.count("One remark, split in two: each counts half.") == 2
    assert page.count("× 1/2 = <strong>") == 2
