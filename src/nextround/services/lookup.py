"""Small read-only look-ups: which application a round or an interview belongs to, and totals."""

from __future__ import annotations

from nextround.io.backup import row_counts
from nextround.services.ports import UnitOfWork
from nextround.store.uow import SqlUnitOfWork


def application_of_round(uow: UnitOfWork, round_id: int) -> int:
    """The id of the application a round belongs to (NotFoundError if there is no such round)."""
    app, _ = uow.applications.get_round(round_id)
    assert app.id is not None
    return app.id


def application_of_interview(uow: UnitOfWork, interview_id: int) -> int:
    """The id of the application an interview belongs to."""
    app, _, _ = uow.applications.get_interview(interview_id)
    assert app.id is not None
    return app.id


def record_counts(uow: SqlUnitOfWork) -> dict[str, int]:
    """How many records of each kind the database holds, as a backup would count them."""
    assert uow.session is not None
    return row_counts(uow.session.connection())
