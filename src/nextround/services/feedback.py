"""Use cases for feedback as received: store the words faithfully, linked to where they belong."""

from __future__ import annotations

from datetime import date

from nextround.domain.feedback import Feedback, FeedbackSource
from nextround.errors import DomainError
from nextround.services.ports import UnitOfWork
from nextround.services.process import resolve_round
from nextround.services.stamps import touch


def add_feedback(
    uow: UnitOfWork,
    text: str,
    source: FeedbackSource,
    *,
    received_on: date | None = None,
    author: str | None = None,
    application_id: int | None = None,
    round_position: int | None = None,
    interview_id: int | None = None,
) -> Feedback:
    """Store a piece of feedback, optionally tied to an application, round or interview."""
    item = Feedback(text=text, source=source, received_on=received_on or uow.today(), author=author)
    item.check()
    if item.received_on > uow.today():
        raise DomainError(
            f"feedback cannot be received on {item.received_on}, in the future; "
            f"give a date on or before {uow.today()}"
        )
    if interview_id is not None:
        app, round_, interview = uow.applications.get_interview(interview_id)
        if application_id is not None and application_id != app.id:
            raise DomainError(
                f"interview {interview_id} belongs to application {app.id}, "
                f"not {application_id}; drop one of the two"
            )
        if round_position is not None and round_position != round_.position:
            raise DomainError(
                f"interview {interview_id} is in round {round_.position}, not {round_position}"
            )
        item.application_id, item.round_id, item.interview_id = app.id, round_.id, interview.id
    elif application_id is not None:
        app = uow.applications.get(application_id)
        item.application_id = app.id
        if round_position is not None:
            item.round_id = resolve_round(app, round_position).id
    elif round_position is not None:
        raise DomainError("a round number needs the application it belongs to (--app)")
    if item.application_id is not None:
        app = uow.applications.get(item.application_id)
        if item.received_on < app.applied_on:
            raise DomainError(
                f"feedback received on {item.received_on} predates the application on "
                f"{app.applied_on}; check the date"
            )
    touch(uow.now(), item)
    uow.feedback.add(item)
    uow.commit()
    return item


def list_feedback(uow: UnitOfWork, application_id: int | None = None) -> list[Feedback]:
    """All feedback, or that of one application, oldest first."""
    if application_id is not None:
        uow.applications.get(application_id)
    return uow.feedback.list(application_id)
