"""Which job search an application belongs to: an offer accepted ends the search it was part of.

An acceptance concerns the applications that were open when it was given, the ones applied on
or before the day it was accepted. An application made after it belongs to a new search: the
old "yes" neither asks to withdraw from it nor to decline its offer. The applications made
after the latest acceptance are the current search; every rule that treats "an offer is
accepted" as a state goes through ``acceptance_over``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from nextround.domain.offer_deadline import Accepted, AcceptedOffer, latest_accepted

if TYPE_CHECKING:
    from nextround.domain.pipeline import ApplicationFacts


def binds(offer: AcceptedOffer, applied_on: date, application_id: int | None = None) -> bool:
    """Whether ``offer``'s acceptance concerns an application applied on ``applied_on``.

    Never the accepted application itself; otherwise those applied on or before the day of
    the acceptance (the processes still running then).
    """
    return offer.application_id != application_id and applied_on <= offer.accepted_on


def acceptance_over(
    offers: Iterable[AcceptedOffer], applied_on: date, application_id: int | None = None
) -> Accepted | None:
    """The acceptances that concern this application (the latest, and how many); else None."""
    return latest_accepted(o for o in offers if binds(o, applied_on, application_id))


def current_search_start(offers: Iterable[AcceptedOffer]) -> date | None:
    """The day of the latest acceptance: applications made after it are the current search."""
    return max((o.accepted_on for o in offers), default=None)


def in_current_search(applied_on: date, start: date | None) -> bool:
    """Whether an application applied on ``applied_on`` is in the search begun after ``start``."""
    return start is None or applied_on > start


def earlier_search_closed(
    applied_on: date, is_open: bool, start: date | None, searching_again: bool
) -> bool:
    """Whether `app list` folds this application away as part of an earlier, finished search.

    Only once a new search has begun (``searching_again``: an application after ``start``),
    and only closed ones: a process still running from before is still to act on.
    """
    return searching_again and not is_open and not in_current_search(applied_on, start)


def current_search(
    facts: Iterable[ApplicationFacts],
) -> tuple[list[ApplicationFacts], AcceptedOffer | None]:
    """The applications made after the latest acceptance, and that acceptance (None: all)."""
    every = list(facts)
    offers = [o for f in every if (o := f.accepted_offer()) is not None]
    if not offers:
        return every, None
    latest = max(offers, key=lambda o: (o.accepted_on, o.application_id))
    return [f for f in every if in_current_search(f.applied_on, latest.accepted_on)], latest


def counted_on_current_search(since: AcceptedOffer) -> str:
    """The sentence that says a figure counts the current search only (after ``since``)."""
    return (
        f"Counted on your current search: the applications made after you accepted "
        f"{since.company}'s offer on {since.accepted_on}."
    )


def searches_counted(facts: Iterable[ApplicationFacts]) -> str | None:
    """What a pooled figure counts, once a new search has begun after an acceptance; else None.

    E.g. "All 27 applications, earlier searches included: 12 made by 2025-05-06, when you
    accepted Brambleway's offer, and 15 in your current search since." The funnel of `stats`,
    the dashboard and the profile report counts every application unless narrowed; this says
    so where it mixes searches.
    """
    every = list(facts)
    current, since = current_search(every)
    if since is None or not current:
        return None
    earlier = len(every) - len(current)
    return (
        f"All {len(every)} applications, earlier searches included: {earlier} made by "
        f"{since.accepted_on}, when you accepted {since.company}'s offer, and "
        f"{len(current)} in your current search since."
    )
