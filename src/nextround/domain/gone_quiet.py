"""A running process that has gone quiet: no news for weeks and nothing scheduled."""

from __future__ import annotations

from datetime import date, datetime

from nextround.domain.journey import Status
from nextround.domain.pipeline import ApplicationFacts

#: Three weeks with no news and nothing scheduled: long past the week or two most companies
#: take to answer, so it is time to follow up once, or to close it as no response.
QUIET_AFTER_DAYS = 21
#: The stages in which the next move is the company's. An offer waits on the person, so it
#: never goes quiet in this sense.
_WAITING = frozenset({Status.APPLIED, Status.SCREENING, Status.INTERVIEWING, Status.FINAL_ROUND})


def last_activity(facts: ApplicationFacts) -> date:
    """The latest date anything happened in a process."""
    return max(
        [facts.applied_on]
        + [r.started_on for r in facts.rounds]
        + [d.decided_on for d in facts.decisions]
    )


def quiet_days(facts: ApplicationFacts, next_interview: datetime | None, today: date) -> int | None:
    """Days since the last news of a process waiting on the company, once it has gone quiet."""
    if facts.status not in _WAITING or next_interview is not None:
        return None
    days = (today - last_activity(facts)).days
    return days if days >= QUIET_AFTER_DAYS else None


def weeks(days: int) -> str:
    """'3 weeks', '2 months': how long, as a person says it."""
    return f"{days // 7} weeks" if days < 60 else f"{days // 30} months"


#: Once an offer is accepted, a quiet process is not worth chasing: the courteous step is
#: to withdraw, so the company stops holding a place for the person.
AFTER_ACCEPTANCE = "You have accepted an offer: withdraw from these to let them know"


def quiet_advice(offer_accepted: bool, *, command_line: bool) -> str:
    """What to do about quiet processes, on the command line or on the board.

    Before an acceptance: follow up once, or close as no response. After one: withdraw.
    """
    if offer_accepted:
        how = (
            ": `nextround app close ID --as withdrawal`"
            if command_line
            else " (“Close: I withdrew”)"
        )
        return f"{AFTER_ACCEPTANCE}{how}."
    how = ": `nextround app close ID` (as no response)" if command_line else " with “No response”"
    return f"Follow up once, or close it{how}."
