"""Several offers at once: the one accepted, and the others still waiting for an answer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from nextround.domain.journey import Status
from nextround.domain.offer_deadline import (
    Accepted,
    AcceptedOffer,
    AnswerDue,
    OfferWaiting,
    StepAhead,
    StillOpen,
    already_accepted,
    answer_before,
    latest_accepted,
    still_open_order,
)
from nextround.domain.offer_terms import OfferSide, comparison_lines, side_by_side_json
from nextround.domain.pipeline import ApplicationFacts
from nextround.domain.search_scope import acceptance_over, binds
from nextround.services.ports import ApplicationQuery, FactsSource, UnitOfWork


def accepted_offers(source: FactsSource) -> list[AcceptedOffer]:
    """Every offer in force the person has accepted, with the day it was accepted."""
    return _accepted_in(source.applications.facts(ApplicationQuery(statuses=(Status.ACCEPTED,))))


def _accepted_in(facts: Iterable[ApplicationFacts]) -> list[AcceptedOffer]:
    accepted = [offer for f in facts if (offer := f.accepted_offer()) is not None]
    return sorted(accepted, key=lambda a: (a.accepted_on, a.application_id))


def second_acceptance(uow: UnitOfWork, app_id: int) -> str | None:
    """The warning before accepting ``app_id``'s offer while another is accepted; else None.

    The CLI, the decision form and the board all ask with it before anything is recorded.
    """
    # An offer accepted before this application was made ended an earlier search.
    applied_on = uow.applications.get(app_id).applied_on
    others = [a for a in already_accepted(accepted_offers(uow), app_id) if binds(a, applied_on)]
    return " ".join(a.warning(uow.today()) for a in others) or None


def acceptance(source: FactsSource) -> Accepted | None:
    """The offer accepted (the latest accepted, if several) and how many are; None while none is."""
    return latest_accepted(accepted_offers(source))


def acceptance_among(facts: Iterable[ApplicationFacts]) -> Accepted | None:
    """The same as ``acceptance``, read from ``facts`` already loaded (every application's)."""
    return latest_accepted(_accepted_in(facts))


def with_acceptance(
    due: AnswerDue | None, accepted: Accepted | None, applied_on: date
) -> AnswerDue | None:
    """A pending offer's reminder, turned to declining once an offer is ``accepted``.

    Only an acceptance given after this application was made (``applied_on``) counts: one
    from an earlier search leaves this offer to answer as usual (search_scope).
    """
    if due is None or accepted is None:
        return due
    scoped = acceptance_over(accepted.offers, applied_on, due.application_id)
    if scoped is None:
        return due
    return replace(due, accepted_elsewhere=scoped.company, accepted_count=scoped.count)


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


#: The processes waiting on the company: an offer still pending is declined, not withdrawn.
_RUNNING = (Status.APPLIED, Status.SCREENING, Status.INTERVIEWING, Status.FINAL_ROUND)


def still_open(source: FactsSource, accepted: Accepted | None) -> list[StillOpen]:
    """Every process still running (not an offer) that ``accepted`` concerns, interviews first.

    Once an offer is accepted, each is one to withdraw from: `app list`, the dashboard and
    the acceptance itself name them all, not only those gone quiet. Those applied after the
    acceptance belong to a new search and are left out (search_scope); none without one.
    """
    from nextround.domain.gone_quiet import quiet_days

    if accepted is None:
        return []
    facts = [
        f
        for f in source.applications.facts(ApplicationQuery(statuses=_RUNNING))
        if acceptance_over(accepted.offers, f.applied_on, f.id) is not None
    ]
    now = source.now()
    today = now.astimezone().date()
    upcoming = source.applications.next_interviews(now) if facts else {}
    return still_open_order(
        StillOpen(
            f.company,
            f.id,
            next_at.astimezone().date() if (next_at := upcoming.get(f.id)) else None,
            quiet_days(f, upcoming.get(f.id), today),
        )
        for f in facts
    )


def offers_with_terms(uow: UnitOfWork) -> list[OfferSide]:
    """The offers still in play (pending or accepted) whose terms were given as numbers."""
    offers = []
    for facts in uow.applications.facts(ApplicationQuery(statuses=(Status.OFFER, Status.ACCEPTED))):
        decision = uow.applications.get(facts.id).current_decision
        terms = decision.terms if decision is not None else None
        if terms is not None:
            offers.append(OfferSide(facts.company, terms, facts.id))
    return offers


def offers_side_by_side(uow: UnitOfWork) -> list[str]:
    """Those offers' first-year totals and parts, per currency (never converted); [] under two.

    `options rank`, the acceptance prompt and the web's ranking and decision form show it.
    """
    return comparison_lines(offers_with_terms(uow))


def offers_side_by_side_json(uow: UnitOfWork) -> list[dict[str, Any]]:
    """The same comparison for --json: per currency, each offer's terms and first-year total."""
    return side_by_side_json(offers_with_terms(uow))


def answer_clashes(uow: FactsSource, app_id: int | None = None) -> list[str]:
    """Each pending offer (``app_id``'s alone, if given) due before another process's interview.

    Said where the offer's deadline is: `options rank`, `app show` (see answer_before).
    """
    today = uow.now().astimezone().date()
    offers = uow.applications.facts(ApplicationQuery(statuses=(Status.OFFER,)))
    accepted = acceptance(uow) if offers else None
    dues = [
        due
        for f in offers
        if (app_id is None or f.id == app_id)
        and (due := with_acceptance(f.answer_due(today), accepted, f.applied_on)) is not None
    ]
    if not dues:
        return []
    ahead = [
        StepAhead(
            item.company,
            item.application_id,
            item.round_name,
            item.scheduled_at.astimezone().date(),
        )
        for item in uow.applications.upcoming_interviews(uow.now(), _AHEAD)
    ]
    dues.sort(key=lambda d: (d.answer_by, d.application_id or 0))
    return [said for due in dues if (said := answer_before(due, ahead))]


#: How many interviews ahead are read for a clash: more than any search has booked at once.
_AHEAD = 50
