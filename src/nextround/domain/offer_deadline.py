"""An offer's answer-by date: the rule that dates it, and the reminder while it is pending."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
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
    #: The company whose offer the person has accepted meanwhile: this one is then to decline.
    #: With several accepted, the one accepted last (see ``latest_accepted``).
    accepted_elsewhere: str | None = None
    #: How many offers are accepted: more than one is a second yes to undo as well.
    accepted_count: int = 1

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

    @property
    def next_step(self) -> str:
        """'answer by Fri 4 Dec' ('decline by …' once another is accepted), in a list's cell."""
        return f"{'decline' if self.accepted_elsewhere else 'answer'} by {self.day}"

    def reminder(self) -> str:
        """'Offer: answer by Fri 4 Dec (in 5 days)', the line under an application."""
        return f"Offer: answer by {self.day} ({self.when})"

    def _accepted(self, you: str) -> str:
        """The accepted offers named: "you have accepted Beta's offer", or "... 2 offers"."""
        if self.accepted_count > 1:
            return (
                f"{you} have accepted {self.accepted_count} offers, the latest "
                f"{self.accepted_elsewhere}'s"
            )
        return f"{you} have accepted {self.accepted_elsewhere}'s offer"

    def to_decline(self) -> str | None:
        """Once another offer is accepted, "You have accepted Beta's offer: decline it, ..."."""
        if not self.accepted_elsewhere:
            return None
        return f"{self._accepted('You')}: decline it, or accept it instead"

    def action(self) -> str:
        """The item atop the week: "Answer Orbital Pay's offer by Fri 4 Dec"."""
        if self.accepted_elsewhere:
            return f"Decline {self.company}'s offer by {self.day}"
        return f"Answer {self.company}'s offer by {self.day}"

    def command(self) -> str:
        """How to record the answer on the command line, declining first once one is accepted."""
        if self.accepted_elsewhere:
            return (
                f"{self._accepted('you')}: decline it, or accept it instead: "
                f"`nextround decision edit {self.application_id} --response declined` "
                "(or accepted)"
            )
        return (
            f"`nextround decision set {self.application_id} --outcome offer --response "
            "accepted` (or declined)"
        )

    def where(self, place: str) -> str:
        """The same advice on the web, where the answer is recorded under ``place``."""
        if self.accepted_elsewhere:
            return f"{self.to_decline()}, under {place}"
        return f"Record your answer under {place}"

    def to_json(self) -> dict[str, object]:
        """The date and the days left (negative once overdue), for --json outputs.

        Once another offer is accepted, ``accepted_elsewhere`` names its company (the latest
        accepted, if several) and ``accepted_offers`` says how many are accepted.
        """
        data: dict[str, object] = {
            "answer_by": self.answer_by.isoformat(),
            "days_left": self.days_left,
            "overdue": self.overdue,
        }
        if self.accepted_elsewhere:
            data["accepted_elsewhere"] = self.accepted_elsewhere
            data["accepted_offers"] = self.accepted_count
        return data


def short_day(day: date, today: date) -> str:
    """'27 Nov' (with the year when it is not this year's)."""
    label = f"{day.day} {day:%b}"
    return label if day.year == today.year else f"{label} {day.year}"


@dataclass(frozen=True)
class AcceptedOffer:
    """An offer the person has accepted: another one accepted on top of it is a second job."""

    company: str
    application_id: int
    accepted_on: date

    def warning(self, today: date) -> str:
        """The warning before a second yes, naming the offer accepted and when."""
        return (
            f"You have already accepted {self.company}'s offer "
            f"({short_day(self.accepted_on, today)})."
        )


@dataclass(frozen=True)
class Accepted:
    """The offers accepted, as a pending offer's reminder names them: the latest, and how many."""

    company: str
    count: int = 1
    #: Every offer accepted, for scoping it to the applications it concerns (search_scope).
    offers: tuple[AcceptedOffer, ...] = field(default=(), compare=False)


def latest_accepted(accepted: Iterable[AcceptedOffer]) -> Accepted | None:
    """The offer accepted last (by the day it was accepted, then id), and how many are; or None.

    With several accepted, the one a person said yes to last is the one they mean to take.
    """
    ordered = sorted(accepted, key=lambda a: (a.accepted_on, a.application_id))
    return Accepted(ordered[-1].company, len(ordered), tuple(ordered)) if ordered else None


def already_accepted(accepted: list[AcceptedOffer], app_id: int) -> list[AcceptedOffer]:
    """The offers accepted other than ``app_id``'s: accepting it too would be a second yes."""
    return [a for a in accepted if a.application_id != app_id]


@dataclass(frozen=True)
class OfferWaiting:
    """Another offer still pending once one is accepted: it wants a "no, thank you"."""

    company: str
    application_id: int
    due: AnswerDue | None = None

    @property
    def waiting(self) -> str:
        """The offer still waiting, and its answer-by date if it has one, in a sentence."""
        before, company, after = self.linked()
        return f"{before}{company}{after}"

    def linked(self) -> tuple[str, str, str]:
        """The words around the company, for a page that links it to its application."""
        when = f" (answer by {self.due.day}, {self.due.when})" if self.due else ""
        return ("You still have an offer from ", self.company, f" waiting{when}")

    def on_page(self) -> tuple[str, str, str]:
        """The note after an acceptance on the web: the same words, declined on its page."""
        before, company, after = self.linked()
        return before, company, f"{after}: decline it under “Change the decision” on its page."

    def command_line(self) -> str:
        """The note after an acceptance on the command line, with the command that declines."""
        return (
            f"{self.waiting}: decline it with `nextround decision edit {self.application_id} "
            "--response declined`."
        )

    def to_json(self) -> dict[str, object]:
        """The offer still waiting, for --json outputs: ``note`` is the plain output's sentence."""
        return {
            "application_id": self.application_id,
            "company": self.company,
            "answer_by": self.due.to_json() if self.due else None,
            "note": self.command_line(),
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


@dataclass(frozen=True)
class StillOpen:
    """A process still running once an offer is accepted: one to withdraw from.

    Those with an interview ahead come first: a panel still booked holds other people's time.
    """

    company: str
    application_id: int
    next_interview: date | None = None
    #: Days since the last news, once it has gone quiet (see domain/gone_quiet).
    quiet_days: int | None = None

    def aside(self, today: date) -> str:
        """' (interview on Tue 1 Dec)', ' (quiet for 3 weeks)', or ''."""
        if self.next_interview is not None:
            return f" (interview on {day_label(self.next_interview, today)})"
        if self.quiet_days is not None:
            return f" (quiet for {self.quiet_days // 7} weeks)"
        return ""


def still_open_order(processes: Iterable[StillOpen]) -> list[StillOpen]:
    """Interviews ahead first (soonest first), then the rest by application."""
    return sorted(
        processes,
        key=lambda p: (p.next_interview is None, p.next_interview or date.min, p.application_id),
    )


def withdraw_note(processes: list[StillOpen], today: date, *, command_line: bool) -> str:
    """After an acceptance, every process still open, to withdraw from ('' when none is)."""
    if not processes:
        return ""
    listed = "; ".join(f"{p.application_id} {p.company}{p.aside(today)}" for p in processes)
    how = (
        ": `nextround app close ID --as withdrawal`"
        if command_line
        else " (“Close: I withdrew” on each page)"
    )
    them = (
        "these are still open, withdraw from them"
        if len(processes) > 1
        else ("this one is still open, withdraw from it")
    )
    return f"You have accepted an offer; {them} to let them know: {listed}{how}."


@dataclass(frozen=True)
class StepAhead:
    """The next interview of an open process: what it is, where and on which day."""

    company: str
    application_id: int
    what: str
    on: date


def _named(what: str) -> str:
    """A round's name inside a sentence: 'Assessment centre' → 'assessment centre'.

    A name with capitals past its first letter ("HackerRank OA", "GCHQ day") is a name of its
    own, kept as written.
    """
    first, _, rest = what.partition(" ")
    if first[1:].islower() and not any(ch.isupper() for ch in rest):
        return what[:1].lower() + what[1:]
    return what


def answer_before(due: AnswerDue, ahead: Iterable[StepAhead]) -> str | None:
    """The answer due before another open process's next interview, said once; else None.

    "You answer Matillion by Wed 2 Dec, before your assessment centre at GCHQ on Thu 3 Dec:
    you could ask Matillion for more time." Only the soonest such interview is named (and
    the others counted): the point is the request for time, not a list. An offer to decline
    (another is accepted) or overdue has no time left worth asking for.
    """
    if due.accepted_elsewhere or due.overdue:
        return None
    # Each other process's next interview: one after the answer is due, with an earlier
    # one before it, is no clash; the answer can wait on that earlier one's news.
    nexts: dict[int, StepAhead] = {}
    for step in sorted(ahead, key=lambda s: (s.on, s.application_id)):
        if step.application_id != due.application_id:
            nexts.setdefault(step.application_id, step)
    later = [s for s in nexts.values() if s.on > due.answer_by]
    if not later:
        return None
    first, others = later[0], len(later) - 1
    more = f" (and the next interview of {counted_processes(others)})" if others else ""
    return (
        f"You answer {due.company} by {due.day}, before your {_named(first.what)} at "
        f"{first.company} on {day_label(first.on, due.today)}{more}: you could ask "
        f"{due.company} for more time."
    )


def counted_processes(count: int) -> str:
    """'1 other process', '2 other processes'."""
    return f"{count} other process{'es' * (count != 1)}"
