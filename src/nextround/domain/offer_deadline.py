"""An offer's answer-by date: the rule that dates it, and the reminder while it is pending."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nextround.errors import DomainError

#: An answer due within this many days (or overdue) comes first in the week's plan: the
#: same week ahead the preparation for an interview coming up looks at.
SOON_DAYS = 7


def check_answer_by(is_offer: bool, decided_on: date, answer_by: date | None) -> None:
    """Refuse an answer-by date on anything but an offer, or one before the offer came."""
    if answer_by is None:
        return
    if not is_offer:
        raise DomainError(
            "an answer-by date only applies to an offer; drop it, or record the decision as "
            "an offer"
        )
    if answer_by < decided_on:
        raise DomainError(
            f"the answer-by date {answer_by} is before the offer came, on {decided_on}; give "
            f"the day the company wants your answer, on or after {decided_on}"
        )


def day_label(day: date, today: date) -> str:
    """'Fri 4 Dec' (with the year when it is not this year's), as a person writes a deadline."""
    label = f"{day:%a} {day.day} {day:%b}"
    return label if day.year == today.year else f"{label} {day.year}"


def _days(count: int) -> str:
    return f"{count} day{'s' * (count != 1)}"


@dataclass(frozen=True)
class AnswerDue:
    """A pending offer's answer-by date, as of ``today``."""

    company: str
    answer_by: date
    today: date
    application_id: int | None = None

    @property
    def days_left(self) -> int:
        """Days until the answer is due: 0 today, negative once overdue."""
        return (self.answer_by - self.today).days

    @property
    def overdue(self) -> bool:
        """Whether the day has passed with the offer still unanswered."""
        return self.days_left < 0

    @property
    def soon(self) -> bool:
        """Due within SOON_DAYS days, or overdue: it goes first in the week."""
        return self.days_left <= SOON_DAYS

    @property
    def when(self) -> str:
        """'in 5 days', 'tomorrow', 'today' or 'overdue by 2 days'."""
        left = self.days_left
        if left < 0:
            return f"overdue by {_days(-left)}"
        return {0: "today", 1: "tomorrow"}.get(left, f"in {_days(left)}")

    @property
    def day(self) -> str:
        """'Fri 4 Dec'."""
        return day_label(self.answer_by, self.today)

    def reminder(self) -> str:
        """'Offer: answer by Fri 4 Dec (in 5 days)', the line under an application."""
        return f"Offer: answer by {self.day} ({self.when})"

    def action(self) -> str:
        """The item atop the week: "Answer Orbital Pay's offer by Fri 4 Dec"."""
        return f"Answer {self.company}'s offer by {self.day}"

    def to_json(self) -> dict[str, object]:
        """The date and the days left (negative once overdue), for --json outputs."""
        return {
            "answer_by": self.answer_by.isoformat(),
            "days_left": self.days_left,
            "overdue": self.overdue,
        }


def answer_due(
    pending_offer: bool,
    answer_by: date | None,
    today: date,
    company: str = "",
    application_id: int | None = None,
) -> AnswerDue | None:
    """The reminder for an offer still awaiting an answer; None once answered or undated."""
    if not pending_offer or answer_by is None:
        return None
    return AnswerDue(company, answer_by, today, application_id)
