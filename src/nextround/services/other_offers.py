"""Several offers at once: the one accepted, and the others still waiting for an answer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from nextround.domain.journey import Status
from nextround.domain.offer_deadline import (
    AcceptedOffer,
    AnswerDue,
    OfferWaiting,
    already_accepted,
)
from nextround.domain.pipeline import ApplicationFacts
from nextround.services.ports import ApplicationQuery, FactsSource, UnitOfWork


def accepted_offers(uow: UnitOfWork) -> list[AcceptedOffer]:
    """Every offer in force the person has accepted, with the day it was accepted."""
    accepted = []
    for facts in uow.applications.facts(ApplicationQuery(statuses=(Status.ACCEPTED,))):
        decision = uow.applications.get(facts.id).current_decision
        assert decision is not None and decision.answered_on is not None
        accepted.append(AcceptedOffer(facts.company, facts.id, decision.answered_on))
    return sorted(accepted, key=lambda a: (a.accepted_on, a.application_id))


def second_acceptance(uow: UnitOfWork, app_id: int) -> str | None:
    """The warning before accepting ``app_id``'s offer while another is accepted; else None.

    The CLI, the decision form and the board all ask with it before anything is recorded.
    """
    others = already_accepted(accepted_offers(uow), app_id)
    return " ".join(a.warning(uow.today()) for a in others) or None


def accepted_company(source: FactsSource) -> str | None:
    """The company whose offer is accepted (the latest, if several); None while none is."""
    return accepted_among(source.applications.facts(ApplicationQuery(statuses=(Status.ACCEPTED,))))


def accepted_among(facts: Iterable[ApplicationFacts]) -> str | None:
    """The company whose offer is accepted among ``facts`` (in the facts' order, the last)."""
    accepted = [f for f in facts if f.status is Status.ACCEPTED]
    return accepted[-1].company if accepted else None


def offer_accepted(source: FactsSource) -> bool:
    """Whether an offer is accepted: quiet processes are then to withdraw from."""
    return accepted_company(source) is not None


def with_acceptance(due: AnswerDue | None, company: str | None) -> AnswerDue | None:
    """A pending offer's reminder, turned to declining once ``company``'s offer is accepted."""
    if due is None or company is None:
        return due
    return replace(due, accepted_elsewhere=company)


def offers_waiting(source: FactsSource, app_id: int) -> list[OfferWaiting]:
    """The offers other than ``app_id``'s still waiting for an answer, soonest due first."""
    today = source.now().astimezone().date()
    waiting = [
        OfferWaiting(facts.company, facts.id, facts.answer_due(today))
        for facts in source.applications.facts(ApplicationQuery(statuses=(Status.OFFER,)))
        if facts.id != app_id
    ]
    return sorted(
        waiting,
        key=lambda w: (w.due is None, w.due.answer_by if w.due else None, w.application_id),
    )
