"""Feedback as received: the raw words, who said them, and what they are about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from nextround.domain import values
from nextround.domain.pasted_html import readable_text, shown_text

FEEDBACK_MAX = 50_000


class FeedbackSource(StrEnum):
    """Who the feedback came from; it decides how much the evidence weighs."""

    RECRUITER = "recruiter"
    INTERVIEWER = "interviewer"
    HIRING_MANAGER = "hiring_manager"
    MANAGER_REVIEW = "manager_review"
    PEER = "peer"
    MENTOR = "mentor"
    SELF = "self"

    @property
    def label(self) -> str:
        """How people say it: 'manager review', 'hiring manager'."""
        return self.value.replace("_", " ")


@dataclass(eq=False)
class Feedback:
    """One piece of feedback, stored exactly as given."""

    text: str
    source: FeedbackSource
    received_on: date
    author: str | None = None
    application_id: int | None = None
    round_id: int | None = None
    interview_id: int | None = None
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def shown_text(self) -> str:
        """The words as they read: a paste in HTML as the text it shows, tags and all gone.

        What every page, command and report shows; ``text`` stays the paste as entered.
        """
        return shown_text(self.text)

    @property
    def pasted_as_html(self) -> bool:
        """Whether the words were pasted as HTML, so their page can offer the original."""
        return readable_text(self.text) is not None

    def check(self) -> None:
        """Raise DomainError unless the feedback is storable."""
        # Stored faithfully: only surrounding whitespace is trimmed.
        checked = values.text(self.text, "feedback text", required=True, limit=FEEDBACK_MAX)
        assert checked is not None
        self.text = checked
        self.author = values.text(self.author, "author", limit=values.NAME_MAX)
