"""Use cases inside one process: rounds, interviews and the decision."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any, TypedDict, TypeVar

from nextround.domain import interview_time
from nextround.domain.contacts import Contact
from nextround.domain.journey import (
    Application,
    Decision,
    Interview,
    Interviewer,
    InterviewFormat,
    OfferResponse,
    Outcome,
    Round,
    RoundKind,
    RoundMode,
    RoundOutcome,
    WentOn,
)
from nextround.domain.offer_terms import TERM_LABELS, OfferTerms, last_currency
from nextround.errors import DomainError
from nextround.services.calling_off import (
    NOTHING_CALLED_OFF,
    CalledOff,
    RoundInterviews,
    check_round_on,
    follow_round_outcome,
    set_called_off,
)
from nextround.services.contacts import met_before, met_before_note
from nextround.services.interviewers import check_listed_once, link_interviewers
from nextround.services.ports import GrowthUnitOfWork, UnitOfWork
from nextround.services.stamps import touch


class RoundFields(TypedDict, total=False):
    """The editable fields of a round."""

    name: str
    kind: RoundKind
    mode: RoundMode | None
    started_on: date
    ended_on: date | None
    outcome: RoundOutcome
    notes: str | None


class InterviewFields(TypedDict, total=False):
    """The editable fields of an interview."""

    title: str
    format: InterviewFormat
    # Without an offset, scheduled_at is wall-clock time in time_zone (else the user's own).
    scheduled_at: datetime | None
    time_zone: str | None
    duration_minutes: int | None
    interviewers: list[Interviewer]
    competencies: list[str]
    notes: str | None
    # Called off before it took place (kept on record), or going ahead after all.
    called_off: bool


def _apply(target: Any, changes: Any, allowed: Any) -> None:
    unknown = set(changes) - set(allowed.__annotations__)
    if unknown:
        raise DomainError(f"cannot edit {', '.join(sorted(unknown))}")
    for key, value in changes.items():
        setattr(target, key, value)


def add_round(
    uow: UnitOfWork, app_id: int, fields: RoundFields, *, keep_pending: bool = False
) -> Round:
    """Append the next round to an application, passing the rounds still pending before it.

    See next_round, which also says which rounds it passed.
    """
    return next_round(uow, app_id, fields, keep_pending=keep_pending).round


def next_round(
    uow: UnitOfWork, app_id: int, fields: RoundFields, *, keep_pending: bool = False
) -> WentOn:
    """Add the next round; the rounds still pending before it were passed (see go_on).

    The one rule for every surface: `round add`, the web's “Add a round” and a board move
    alike. Going on to the hiring manager means the screen was passed, as a decision
    passes the rounds it went on from; ``keep_pending`` leaves them as they are.
    """
    missing = [f for f in ("name", "kind", "started_on") if f not in fields]
    if missing:
        raise DomainError(f"a round needs {', '.join(missing)}")
    app = uow.applications.get(app_id)
    round_ = Round(**fields)
    # Before anything changes: a refused round leaves the earlier ones as they were.
    round_.check_outcome_by(uow.now())
    went = app.go_on(round_, uow.now(), keep_pending=keep_pending)
    touch(uow.now(), round_, app, *went.passed)
    uow.commit()
    return went


def edit_round(uow: GrowthUnitOfWork, round_id: int, changes: RoundFields) -> Round:
    """Change a round; the whole application is re-checked."""
    return change_round(uow, round_id, changes).round


def change_round(uow: GrowthUnitOfWork, round_id: int, changes: RoundFields) -> RoundInterviews:
    """edit_round, saying what a new outcome did to the interviews not due yet.

    Cancelled, the round's interviews still ahead are called off (kept on record); set back
    from cancelled, they go ahead again.
    """
    app, round_ = uow.applications.get_round(round_id)
    before = round_.outcome
    _apply(round_, changes, RoundFields)
    followed = follow_round_outcome(uow, app, round_, before)
    app.check()
    if "outcome" in changes or "started_on" in changes:
        round_.check_outcome_by(uow.now())
    touch(uow.now(), round_, app)
    uow.commit()
    return followed


def ending_left_open(uow: UnitOfWork, round_id: int) -> Outcome | None:
    """How a round just marked rejected or withdrawn suggests the process ended, if still open.

    A round's outcome does not close the application (a process may go on after a round
    is lost), so the person is told the next step rather than left with a "live" process.
    """
    app, round_ = uow.applications.get_round(round_id)
    if app.current_decision is not None:
        return None
    return _ENDING_OF_ROUND.get(round_.outcome)


_ENDING_OF_ROUND = {
    RoundOutcome.REJECTED: Outcome.REJECTION,
    RoundOutcome.WITHDRAWN: Outcome.WITHDRAWAL,
}


def round_date_note(uow: UnitOfWork, round_id: int) -> str | None:
    """A warning when a round's start date is out of step with the rounds around it."""
    app, round_ = uow.applications.get_round(round_id)
    return app.date_order_note(round_)


def resolve_round(app: Application, round_ref: int | None) -> Round:
    """A round of ``app`` by its 1-based position; the latest round when not given."""
    if not app.rounds:
        raise DomainError(
            f"application {app.id} has no rounds yet",
            cli_hint=f"add one with `nextround round add {app.id} NAME`",
            web_hint="add one under “Add round” on the application's page",
        )
    if round_ref is None:
        return app.ordered_rounds[-1]
    return app.round_at(round_ref)


def _placed(fields: InterviewFields, current_zone: str | None) -> InterviewFields:
    """The fields with the zone checked and a time without an offset placed in it.

    The zone is the one given, else the interview's own: editing only the time of an
    interview held in New York means New York time.
    """
    out = fields.copy()
    zone = current_zone
    if "time_zone" in fields:
        zone = out["time_zone"] = interview_time.time_zone(fields["time_zone"])
    moment = fields.get("scheduled_at")
    if moment is not None:
        out["scheduled_at"] = interview_time.place(moment, zone)
    return out


@dataclass(frozen=True)
class InterviewSaved:
    """An interview just added or changed, and the people it added to the application."""

    interview: Interview
    #: Interviewers new to the application, now among its contacts (role interviewer).
    new_people: list[Contact]
    #: For each new person on record from another process (same name, same company): a note
    #: saying so, as adding a contact says it.
    met_before: list[str] = field(default_factory=list)


def _saved(uow: UnitOfWork, interview: Interview, added: list[Contact]) -> InterviewSaved:
    """The interview saved, with the people it added and who of them was met before.

    Adding an interview and changing its interviewers both end here, so both say it.
    """
    said = (met_before_note(c, met_before(uow, c)) for c in added)
    return InterviewSaved(interview, added, [text for text in said if text])


def add_interview(
    uow: UnitOfWork, app_id: int, round_position: int | None, fields: InterviewFields
) -> Interview:
    """Add an interview to a round of an application (by default its latest round)."""
    return record_interview(uow, app_id, round_position, fields).interview


def record_interview(
    uow: UnitOfWork, app_id: int, round_position: int | None, fields: InterviewFields
) -> InterviewSaved:
    """add_interview, saying which interviewers it added to the application's people."""
    if "title" not in fields:
        raise DomainError("an interview needs a title")
    app = uow.applications.get(app_id)
    round_ = resolve_round(app, round_position)
    interview = Interview(**_placed(fields, None))
    check_round_on(round_, interview, uow.now())
    interview = app.add_interview(round_, interview)
    touch(uow.now(), interview, round_, app)  # before a new contact's flush stores it
    # The people last: nobody is added to the contacts for an interview refused.
    linked = link_interviewers(uow, app, interview.interviewers)
    interview.interviewers = linked.interviewers
    uow.commit()
    return _saved(uow, interview, linked.added)


def edit_interview(uow: GrowthUnitOfWork, interview_id: int, changes: InterviewFields) -> Interview:
    """Change an interview; the application is re-checked."""
    return change_interview(uow, interview_id, changes).interview


def change_interview(
    uow: GrowthUnitOfWork, interview_id: int, changes: InterviewFields
) -> InterviewSaved:
    """edit_interview, saying which interviewers it added to the application's people."""
    app, round_, interview = uow.applications.get_interview(interview_id)
    assert app.id is not None
    if "interviewers" in changes:
        check_listed_once(changes["interviewers"])
    before = list(interview.interviewers)
    off = changes.get("called_off")
    calling = off is not None and off != interview.called_off
    placed = _placed(changes, interview.time_zone)
    placed.pop("called_off", None)  # set below, with its checks
    _apply(interview, placed, InterviewFields)
    if off is not None:
        set_called_off(uow, app, round_, interview, off)
    if "scheduled_at" in changes:
        app.check_interview_time(interview)
        _check_heard_after(uow, app, round_, interview)
    if "scheduled_at" in changes or calling:
        check_round_on(round_, interview, uow.now())
    app.check()
    added: list[Contact] = []
    if "interviewers" in changes:
        # The people last, as when adding: nobody is added for a change refused.
        linked = link_interviewers(uow, app, interview.interviewers, before)
        interview.interviewers, added = linked.interviewers, linked.added
    touch(uow.now(), interview, round_, app)
    uow.commit()
    return _saved(uow, interview, added)


def _check_heard_after(
    uow: GrowthUnitOfWork, app: Application, round_: Round, interview: Interview
) -> None:
    """Refuse a new time that comes after what was said about the interview.

    Feedback cannot predate what it is about, and a debrief or feedback says the interview
    took place: it cannot move to a time still to come.
    """
    if app.id is None or interview.id is None:
        return
    heard = [item for item in uow.feedback.list(app.id) if item.interview_id == interview.id]
    if interview.scheduled_at is not None:
        held_on = interview.scheduled_at.astimezone().date()  # the user's day, as received_on
        early = [item.received_on for item in heard if item.received_on < held_on]
        if early:
            raise DomainError(
                f"{interview.named()} would come after the feedback about it, received on "
                f"{min(early)}; check the time, or file that feedback under the interview it "
                "is about first"
            )
    if interview.has_happened(uow.now(), round_.started_on):
        return
    debrief = uow.debriefs.for_interview(interview.id)
    if debrief is None and not heard:
        return
    what = "a debrief" if debrief is not None else "feedback heard about it"
    to = (
        f"to {interview_time.describe(interview.scheduled_at, interview.time_zone)}, which is "
        "still to come"
        if interview.scheduled_at is not None
        else f"to no time while its round starts on {round_.started_on}, still to come"
    )
    raise DomainError(
        f"the interview “{interview.title}” has {what}, so it has taken place and cannot move "
        f"{to}; if it was held at another time, give that time; if another session is "
        "booked, add it as an interview of its own",
        cli_hint=f"`nextround interview add {app.id} TITLE --round {round_.position} --at WHEN`",
        web_hint="add it under “Add an interview” in its round",
    )


class Keep(Enum):
    """A field not given: the decision in force keeps its value (None would clear it)."""

    KEEP = "keep"


KEEP = Keep.KEEP
_T = TypeVar("_T")


@dataclass(frozen=True)
class Decided:
    """A decision just recorded, with the rounds it closed (now passed, rejected, ...)."""

    decision: Decision
    closed: list[Round]

    def closed_text(self) -> str:
        """'Round 2 marked passed, round 3 rejected.', or '' when no round was pending."""
        if not self.closed:
            return ""
        first, *rest = self.closed
        parts = [f"Round {first.position} marked {first.outcome.value}"]
        parts += [f"round {r.position} {r.outcome.value}" for r in rest]
        return ", ".join(parts) + "."


def set_decision(
    uow: UnitOfWork,
    app_id: int,
    outcome: Outcome,
    decided_on: date | None = None,
    finalists: int | Keep | None = None,
    reason: str | Keep | None = None,
    offer_response: OfferResponse | None = None,
    *,
    responded_on: date | None = None,
    answer_by: date | Keep | None = KEEP,
    terms: OfferTerms | Keep | None = KEEP,
) -> Decision:
    """Record or replace the decision that ends an application."""
    return decide(
        uow, app_id, outcome, decided_on, finalists, reason, offer_response,
        responded_on=responded_on, answer_by=answer_by, terms=terms,
    ).decision  # fmt: skip


def decide(
    uow: UnitOfWork,
    app_id: int,
    outcome: Outcome,
    decided_on: date | None = None,
    finalists: int | Keep | None = None,
    reason: str | Keep | None = None,
    offer_response: OfferResponse | None = None,
    *,
    responded_on: date | None = None,
    answer_by: date | Keep | None = KEEP,
    terms: OfferTerms | Keep | None = KEEP,
    called_off: CalledOff = NOTHING_CALLED_OFF,
    default_currency: bool = True,
) -> Decided:
    """set_decision, saying which rounds it closed (for the message the user reads).

    Re-recording an offer keeps the day it came unless ``decided_on`` is given. Its answer
    (accepted or declined) is dated ``responded_on``; without one, an answer to an offer
    that was pending is dated today, one already dated keeps its day, and an offer recorded
    with its answer at once was answered the day it came. Its answer-by date is kept too
    unless ``answer_by`` is given (None clears it); any other outcome has none. So are its
    finalists and reason (where its terms are written) when given as KEEP: answering an
    offer must not lose what was offered. Its ``terms`` (as numbers) are kept the same way;
    terms given without a currency take the one of the latest offer that named one.
    """
    app = uow.applications.get(app_id)
    current = app.current_decision
    same_offer = (
        current is not None and current.outcome is Outcome.OFFER and outcome is Outcome.OFFER
    )
    kept = current if same_offer else None
    day = decided_on or (current.decided_on if same_offer and current else uow.today())
    decision = Decision(
        outcome=outcome,
        decided_on=day,
        # A day not known stays so while the stand-in is kept (the reason edited, the web
        # form saved as it came); a day given in its place is the day it ended.
        day_known=current is None or current.day_known or day != current.decided_on,
        finalists=_kept(finalists, kept.finalists if kept else None),
        reason=_kept(reason, kept.reason if kept else None),
        offer_response=offer_response,
        answer_by=(current.answer_by if same_offer and current else None)
        if isinstance(answer_by, Keep)
        else answer_by,
    )
    decision.terms = _kept(terms, kept.terms if kept else None)
    given = not isinstance(terms, Keep) and terms is not None
    if default_currency and given and decision.terms is not None and decision.currency is None:
        decision.currency = _last_currency(uow, app_id)
    if decision.answered and same_offer and current is not None:
        decision.responded_on = responded_on or (
            current.responded_on if current.answered else uow.today()
        )
    elif decision.answered:
        decision.responded_on = responded_on
    elif responded_on is not None:
        decision.responded_on = responded_on  # refused by the check, with its reason
    decided = record_decision(uow, app, decision, called_off)
    uow.commit()
    return decided


def _last_currency(uow: UnitOfWork, app_id: int) -> str | None:
    """The currency of the person's latest offer elsewhere that named one, else None."""
    offers = (
        (d.decided_on, d.currency)
        for app in uow.applications.all()
        if app.id != app_id
        for d in app.decisions
        if d.outcome is Outcome.OFFER
    )
    return last_currency(offers)


def _kept(given: _T | Keep | None, current: _T | None) -> _T | None:
    """``given``, or ``current`` when given as KEEP (None when there is nothing to keep)."""
    return current if isinstance(given, Keep) else given


def edit_decision(
    uow: UnitOfWork,
    app_id: int,
    changes: dict[str, Any],
    called_off: CalledOff = NOTHING_CALLED_OFF,
) -> Decided:
    """Change some fields of the decision in force and keep the others.

    ``changes`` holds the fields given (outcome, decided_on, finalists, reason,
    offer_response, responded_on, answer_by, and any of the offer's terms: currency,
    base_salary, ...), None clearing an optional one. The result is checked and closes rounds
    as a new decision would.
    """
    current = uow.applications.get(app_id).current_decision
    if current is None:
        raise DomainError(
            f"application {app_id} has no decision to edit",
            cli_hint=f"record one with `nextround decision set {app_id} --outcome …`",
        )
    merged = {
        "outcome": current.outcome,
        "decided_on": current.decided_on,
        "finalists": current.finalists,
        "reason": current.reason,
        "offer_response": current.offer_response,
        "responded_on": current.responded_on,
        "answer_by": current.answer_by,
        **{k: v for k, v in changes.items() if k not in TERM_LABELS},
    }
    given_terms = {k: v for k, v in changes.items() if k in TERM_LABELS}
    if merged["outcome"] is not Outcome.OFFER and not given_terms:
        merged["terms"] = None  # no offer any more, so no terms
    else:
        # The terms given change, the others are kept; a currency cleared stays cleared.
        merged["terms"] = OfferTerms.from_fields({**(current.terms or OfferTerms()).items(),
                                                  **given_terms})  # fmt: skip
    if merged["outcome"] is not Outcome.OFFER and "answer_by" not in changes:
        merged["answer_by"] = None  # no offer any more, so no day to answer it by
    if merged["outcome"] is not Outcome.OFFER and "offer_response" not in changes:
        merged["offer_response"] = None
    answered = merged["outcome"] is Outcome.OFFER and merged["offer_response"] in (
        OfferResponse.ACCEPTED,
        OfferResponse.DECLINED,
    )
    if not answered and "responded_on" not in changes:
        merged["responded_on"] = None  # no answer (any more), so no day for it
    responded_on = merged.pop("responded_on")
    # A currency cleared on purpose stays cleared; one never given takes the default.
    return decide(uow, app_id, **merged, responded_on=responded_on, called_off=called_off,
                  default_currency=bool(given_terms) and "currency" not in given_terms)  # fmt: skip


def _check_not_future(uow: UnitOfWork, decision: Decision) -> None:
    if decision.decided_on > uow.today():
        raise DomainError(
            f"a decision on {decision.decided_on} is in the future; record it once it is made "
            f"(today, {uow.today()}, at the latest)"
        )
    if decision.responded_on is not None and decision.responded_on > uow.today():
        raise DomainError(
            f"an answer on {decision.responded_on} is in the future; record it once given "
            f"(today, {uow.today()}, at the latest)"
        )


def preview_decision(
    uow: UnitOfWork, app_id: int, decision: Decision
) -> tuple[Application, list[tuple[Round, RoundOutcome]]]:
    """The rounds recording ``decision`` would close, and how, for a confirmation.

    Raises what recording it would raise; changes nothing.
    """
    app = uow.applications.get(app_id)
    _check_not_future(uow, decision)
    app.check_decision(decision, uow.now())
    return app, app.closing_rounds(decision.outcome)


def record_decision(
    uow: UnitOfWork,
    app: Application,
    decision: Decision,
    called_off: CalledOff = NOTHING_CALLED_OFF,
) -> Decided:
    """Apply a decision to a loaded application and stamp what it changed (no commit).

    ``called_off``: what was called off for it (calling_off.call_off, in this unit of work),
    stamped in the same instant as the decision, so deleting the decision brings it back.
    """
    _check_not_future(uow, decision)
    pending = [r for r in app.ordered_rounds if r.outcome is RoundOutcome.PENDING]
    recorded = app.decide(decision, uow.now())
    now = uow.now()
    touch(now, recorded, app, *pending, *called_off.interviews, *called_off.rounds)
    return Decided(recorded, pending)


@dataclass(frozen=True)
class DecisionRemoved:
    """A decision deleted, and what it had changed, now as it was before it."""

    app: Application
    decision: Decision
    #: The rounds it had closed (or cancelled, calling them off): pending again.
    reopened: list[Round]
    #: The interviews it had called off: going ahead again.
    back_on: list[Interview]
    #: Interviews still ahead that stay called off: changed since, or called off apart.
    still_off: list[Interview]
    #: Rounds not started yet that stay cancelled (so do their interviews), likewise.
    still_cancelled: list[Round]

    def text(self) -> str:
        """'Rounds 2 and 3 are pending again. Going ahead again: the interview …', or ''."""
        parts = []
        if self.reopened:
            ordered = sorted(self.reopened, key=lambda r: r.position)
            numbers = " and ".join(str(r.position) for r in ordered)
            many = len(ordered) > 1
            parts.append(f"Round{'s' * many} {numbers} {'are' if many else 'is'} pending again.")
        if self.back_on:
            names = "; ".join(i.named() for i in self.back_on)
            many = len(self.back_on) > 1
            parts.append(f"Going ahead again ({'they were' if many else 'it was'} called off "
                         f"with the decision): {names}.")  # fmt: skip
        return " ".join(parts)


def remove_decision(uow: GrowthUnitOfWork, app_id: int) -> DecisionRemoved:
    """Delete the latest decision of an application, recorded by mistake.

    What it changed is as it was before (see Application.remove_last_decision): the rounds
    it closed are pending, the interviews it called off go ahead, and the application is
    open, unless an earlier decision is still in force. Interviews still ahead that stay
    called off are named, for the person to bring back by hand if they are on.
    """
    app = uow.applications.get(app_id)
    decision, reopened, back_on = app.remove_last_decision()
    touch(uow.now(), app, *reopened, *back_on)
    app.check()
    uow.flush()
    # The plan quotes a rejection's reason (positioning): it goes with the decision. Imported
    # here: the plan's modules would otherwise load on every command that reads applications.
    from nextround.domain.plan_erasure import Erased
    from nextround.services.erasure import erase

    erase(uow, Erased(texts=(decision.reason,) if decision.reason else ()))
    uow.commit()
    now = uow.now()
    cancelled = [
        r
        for r in app.ordered_rounds
        if r.outcome is RoundOutcome.CANCELLED and r.started_on > uow.today()
    ]
    still_off = [
        i
        for r in app.ordered_rounds
        if r not in cancelled  # setting the round back brings them back
        for i in r.sorted_interviews
        if i.called_off and not i.is_due(now, r.started_on)
    ]
    return DecisionRemoved(app, decision, reopened, back_on, still_off, cancelled)
