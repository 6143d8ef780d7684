"""The review inbox: every statement whose mapping the user has not confirmed, with its context."""

from __future__ import annotations

from dataclasses import dataclass

from nextround.domain.competency import Framework
from nextround.services.ports import GrowthUnitOfWork
from nextround.services.review import ReviewItem, review_item, statement_copies, with_rounds


@dataclass(frozen=True)
class Inbox:
    """Statements awaiting review (oldest feedback first) and what is needed to show them."""

    items: list[ReviewItem]
    frameworks: dict[str, Framework]
    companies: dict[int, str]

    def page(self, number: int, per_page: int) -> tuple[list[ReviewItem], int, int]:
        """One page of items, its number (kept within range) and the number of pages."""
        pages = max(1, -(-len(self.items) // per_page))
        number = min(max(1, number), pages)
        start = (number - 1) * per_page
        return self.items[start : start + per_page], number, pages

    def page_of(self, statement_id: int, per_page: int) -> int:
        """The page a statement is on (the first page when it no longer waits)."""
        for index, item in enumerate(self.items):
            if item.statement.id == statement_id:
                return index // per_page + 1
        return 1

    def company(self, item: ReviewItem) -> str | None:
        """The company the statement's feedback is about, if any."""
        app_id = item.feedback.application_id
        return self.companies.get(app_id) if app_id is not None else None


def review_inbox(uow: GrowthUnitOfWork) -> Inbox:
    """What ``pending_review`` lists, read in a few queries rather than one per statement."""
    statements = uow.statements.unconfirmed()
    everything = uow.feedback.list()
    feedback = {item.id: item for item in everything}
    copies = statement_copies(uow, statements)
    items = sorted(
        with_rounds(
            uow,
            [
                review_item(s, feedback[s.feedback_id], copies)
                for s in statements
                if s.feedback_id in feedback
            ],
        ),
        key=lambda i: (i.feedback.received_on, i.feedback.id or 0, i.statement.position),
    )
    frameworks = {
        framework_id: uow.frameworks.get(framework_id)
        for framework_id in {i.statement.framework_id for i in items}
        if uow.frameworks.exists(framework_id)
    }
    companies = uow.applications.labels(set(), set()).companies if items else {}
    return Inbox(
        [i for i in items if i.statement.framework_id in frameworks], frameworks, companies
    )
