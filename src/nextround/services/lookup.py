"""Small read-only look-ups: which application a round or an interview belongs to, and totals."""

from __future__ import annotations

from nextround.errors import NotFoundError
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


def round_by_ref(uow: UnitOfWork, ref: int, position: int | None = None) -> int:
    """The id of a round given as its id, or as an application id and its round number.

    `round edit 8` is round id 8, as scripts have always written it; `round edit 3 2` is
    the second round of application 3, as `interview add --round` counts rounds: the safer
    form, since an id meant for another application's round may well exist.
    """
    if position is None:
        try:
            _, round_ = uow.applications.get_round(ref)
        except NotFoundError:
            raise NotFoundError(
                "round",
                ref,
                "see `nextround app show APP` for the round ids, or name the round by its "
                "application and number, e.g. `3 2` for round 2 of application 3",
            ) from None
    else:
        round_ = uow.applications.get(ref).round_at(position)
    assert round_.id is not None
    return round_.id
