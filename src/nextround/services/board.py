"""The pipeline board: applications by where they stand, and one-step moves between stages."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from nextround.domain.gone_quiet import last_activity, quiet_advice, quiet_days
from nextround.domain.journey import (
    Application,
    Decision,
    OfferResponse,
    Outcome,
    Round,
    RoundKind,
    RoundOutcome,
    Status,
    WentOn,
)
from nextround.domain.offer_deadline import AnswerDue, withdraw_note
from nextround.domain.pipeline import ApplicationFacts, FunnelStep, funnel
from nextround.domain.round_pass_rates import DropOff, RoundKindRate, drop_off, round_kind_rates
from nextround.domain.search_scope import (
    counted_on_current_search,
    current_search,
    searches_counted,
)
from nextround.errors import DomainError
from nextround.services import applications, process
from nextround.services.options import OfferCheck, acceptance_check, before_accepting
from nextround.services.other_offers import acceptance, still_open, with_acceptance
from nextround.services.ports import AgendaItem, ApplicationQuery, FactsSource, FullUnitOfWork

#: The board's columns: every stage a process can be in while it is still running.
OPEN_COLUMNS = (
    Status.APPLIED,
    Status.SCREENING,
    Status.INTERVIEWING,
    Status.FINAL_ROUND,
    Status.OFFER,
)
#: Ended processes, summarised below the board rather than given columns of their own.
CLOSED_STATUSES = (
    Status.ACCEPTED,
    Status.DECLINED,
    Status.REJECTED,
    Status.WITHDRAWN,
    Status.NO_RESPONSE,
)


class Move(StrEnum):
    """One action that takes an application to another stage."""

    SCREEN = "screen"
    HIRING_MANAGER = "hiring_manager"
    TECHNICAL = "technical"
    CASE = "case"
    ASSESSMENT = "assessment"
    TAKE_HOME = "take_home"
    FINAL_LOOP = "final_loop"
    PANEL = "panel"
    PRESENTATION = "presentation"
    ASSESSMENT_CENTRE = "assessment_centre"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    NO_RESPONSE = "no_response"
    ACCEPT = "accept"
    DECLINE = "decline"
    REOPEN = "reopen"


MOVE_LABELS = {
    Move.SCREEN: "Next round: screen",
    Move.HIRING_MANAGER: "Next round: hiring manager",
    Move.TECHNICAL: "Next round: technical",
    Move.CASE: "Next round: case",
    Move.ASSESSMENT: "Next round: online assessment",
    Move.TAKE_HOME: "Next round: take-home",
    Move.FINAL_LOOP: "Next round: final loop",
    Move.PANEL: "Next round: panel interview",
    Move.PRESENTATION: "Next round: presentation / portfolio review",
    Move.ASSESSMENT_CENTRE: "Next round: assessment centre",
    Move.OFFER: "Offer received",
    Move.REJECTED: "Close: rejected",
    Move.WITHDRAWN: "Close: I withdrew",
    Move.NO_RESPONSE: "Close: no response",
    Move.ACCEPT: "Offer accepted",
    Move.DECLINE: "Offer declined",
    Move.REOPEN: "Reopen",
}

#: Moves grouped as a menu shows them: (group heading, short label) per move.
MOVE_MENU = {
    Move.SCREEN: ("Next round", "Screen"),
    Move.HIRING_MANAGER: ("Next round", "Hiring manager"),
    Move.TECHNICAL: ("Next round", "Technical"),
    Move.CASE: ("Next round", "Case"),
    Move.ASSESSMENT: ("Next round", "Online assessment"),
    Move.TAKE_HOME: ("Next round", "Take-home"),
    Move.FINAL_LOOP: ("Next round", "Final loop"),
    Move.PANEL: ("Next round", "Panel interview"),
    Move.PRESENTATION: ("Next round", "Presentation / portfolio review"),
    Move.ASSESSMENT_CENTRE: ("Next round", "Assessment centre"),
    Move.OFFER: ("Outcome", "Offer received"),
    Move.REJECTED: ("Outcome", "Rejected"),
    Move.WITHDRAWN: ("Outcome", "I withdrew"),
    Move.NO_RESPONSE: ("Outcome", "No response"),
    Move.ACCEPT: ("The offer", "Accepted"),
    Move.DECLINE: ("The offer", "Declined"),
    Move.REOPEN: ("Process", "Reopen"),
}


#: A round added from the board gets the kind's everyday name; it can be renamed later.
def move_menu(moves: tuple[Move, ...]) -> list[tuple[str, list[tuple[Move, str]]]]:
    """Moves grouped for a menu: [(heading, [(move, short label), ...]), ...] in order."""
    groups: dict[str, list[tuple[Move, str]]] = {}
    for move in moves:
        heading, text = MOVE_MENU[move]
        groups.setdefault(heading, []).append((move, text))
    return list(groups.items())


_ROUND_MOVES = {
    Move.SCREEN: (RoundKind.SCREEN, "Screen"),
    Move.HIRING_MANAGER: (RoundKind.HIRING_MANAGER, "Hiring manager interview"),
    Move.TECHNICAL: (RoundKind.TECHNICAL, "Technical interview"),
    Move.CASE: (RoundKind.CASE, "Case interview"),
    Move.ASSESSMENT: (RoundKind.ASSESSMENT, "Online assessment"),
    Move.TAKE_HOME: (RoundKind.TAKE_HOME, "Take-home exercise"),
    Move.FINAL_LOOP: (RoundKind.FINAL_LOOP, "Final loop"),
    Move.PANEL: (RoundKind.PANEL, "Panel interview"),
    Move.PRESENTATION: (RoundKind.PRESENTATION, "Presentation"),
    Move.ASSESSMENT_CENTRE: (RoundKind.ASSESSMENT_CENTRE, "Assessment centre"),
}
_CLOSING = {
    Move.REJECTED: Outcome.REJECTION,
    Move.WITHDRAWN: Outcome.WITHDRAWAL,
    Move.NO_RESPONSE: Outcome.NO_RESPONSE,
}
_ENDINGS = (Move.OFFER, Move.REJECTED, Move.WITHDRAWN, Move.NO_RESPONSE)


def moves_for(status: Status) -> tuple[Move, ...]:
    """The moves that make sense from a status, most likely first."""
    if status is Status.OFFER:
        return (Move.ACCEPT, Move.DECLINE)
    if not status.is_open:
        return (Move.REOPEN,)
    rounds = tuple(_ROUND_MOVES)
    if status is not Status.APPLIED:
        # After the first round a screen is rarely next; keep it last rather than drop it.
        rounds = (*rounds[1:], Move.SCREEN)
    if status is Status.FINAL_ROUND:
        # After a final round the answer comes next, and the menu's first entry is what a
        # hurried "Move" picks: an offer, not yet another round.
        return (*_ENDINGS, *rounds)
    return (*rounds, *_ENDINGS)


#: Moves that end the process or answer an offer: the board asks before recording them.
CONFIRMED_MOVES = (Move.REJECTED, Move.WITHDRAWN, Move.NO_RESPONSE, Move.ACCEPT, Move.DECLINE)


@dataclass(frozen=True)
class Moved:
    """An application after a board move; for a new round, what it did to the earlier ones."""

    app: Application
    went_on: WentOn | None = None


@dataclass(frozen=True)
class MovePreview:
    """What a move that asks first would record: for the question the board asks."""

    app: Application
    move: Move
    on: date
    #: The rounds still pending and the outcome the decision gives each.
    closes: list[tuple[Round, RoundOutcome]]
    #: For an acceptance: the offer held against Option A, before saying yes.
    offer: OfferCheck | None
    #: For an acceptance: another offer accepted already ("You have already accepted ..."),
    #: open processes Option A ranks higher (see options.before_accepting).
    second_acceptance: str | None = None


def _checked(app: Application, move: Move) -> None:
    if move not in moves_for(app.status):
        raise DomainError(
            f"{MOVE_LABELS[move].lower()!r} does not apply to an application that is "
            f"{app.status.value.replace('_', ' ')}"
        )


def _decision_of(app: Application, move: Move, day: date) -> Decision:
    """The decision a closing or offer-answering move records."""
    if move in _CLOSING:
        return Decision(outcome=_CLOSING[move], decided_on=day)
    offer = app.current_decision
    assert offer is not None and move in (Move.ACCEPT, Move.DECLINE)
    return Decision(
        outcome=Outcome.OFFER,
        decided_on=offer.decided_on,
        finalists=offer.finalists,
        reason=offer.reason,
        offer_response=OfferResponse.ACCEPTED if move is Move.ACCEPT else OfferResponse.DECLINED,
    )


def preview_move(
    uow: FullUnitOfWork, app_id: int, move: Move, on: date | None = None
) -> MovePreview:
    """What a move in CONFIRMED_MOVES would record, refused as the move itself would be."""
    app = applications.get_application(uow, app_id)
    _checked(app, move)
    day = on or uow.today()
    _, closes = process.preview_decision(uow, app_id, _decision_of(app, move, day))
    offer = acceptance_check(uow, app_id) if move is Move.ACCEPT else None
    second = before_accepting(uow, app_id) if move is Move.ACCEPT else None
    return MovePreview(app, move, day, closes, offer, second)


def move_application(uow: FullUnitOfWork, app_id: int, move: Move, on: date | None = None) -> Moved:
    """Apply one board move through the journey's own use cases, on ``on`` (else today).

    A new round passes the rounds still pending before it, as `round add` does.
    """
    app = applications.get_application(uow, app_id)
    _checked(app, move)
    day = on or uow.today()
    went_on = None
    if move in _ROUND_MOVES:
        kind, name = _ROUND_MOVES[move]
        went_on = process.next_round(uow, app_id, {"name": name, "kind": kind, "started_on": day})
    elif move in _CLOSING:
        applications.close_application(uow, app_id, _CLOSING[move], day)
    elif move is Move.OFFER:
        process.set_decision(uow, app_id, Outcome.OFFER, day)
    elif move in (Move.ACCEPT, Move.DECLINE):
        # moves_for only offers these for a pending offer, which keeps its own date.
        answer = _decision_of(app, move, day)
        process.set_decision(
            uow,
            app_id,
            answer.outcome,
            answer.decided_on,
            answer.finalists,
            answer.reason,
            answer.offer_response,
            responded_on=day,  # the move's day is the answer's; the offer keeps its own
        )
    else:
        applications.reopen_application(uow, app_id, day)
    return Moved(applications.get_application(uow, app_id), went_on)


@dataclass(frozen=True)
class BoardCard:
    """One application on the board."""

    facts: ApplicationFacts
    status: Status
    last_activity: date
    next_interview: datetime | None
    moves: tuple[Move, ...]
    #: Days since the last news, once the process has gone quiet (see domain/gone_quiet).
    quiet_days: int | None = None
    #: A pending offer's answer-by reminder, declining first once another is accepted.
    answer_due: AnswerDue | None = None


@dataclass(frozen=True)
class BoardColumn:
    """The applications at one stage, most recently active first, up to the board's limit."""

    status: Status
    cards: list[BoardCard]
    total: int


@dataclass(frozen=True)
class Board:
    """Everything the dashboard shows about the pipeline."""

    columns: list[BoardColumn]
    closed: dict[Status, int]
    total: int
    funnel: list[FunnelStep]
    upcoming: list[AgendaItem]
    #: What to do about a quiet process: withdraw, once an offer is accepted.
    quiet_advice: str = ""
    #: Once an offer is accepted: every process still open, to withdraw from.
    withdraw_note: str = ""
    #: How each kind of round went, as `nextround stats` shows it.
    round_kinds: list[RoundKindRate] = field(default_factory=list)
    #: The kind of round where most processes end, when one stands out.
    drop_off: DropOff | None = None
    #: The pending offer whose answer is due soonest, if any.
    next_answer: AnswerDue | None = None
    #: Why the rounds by kind and the drop-off count fewer applications than the funnel: the
    #: current search only, as the plan's practice counts it (search_scope), in a sentence;
    #: "" when they count all.
    drop_off_scope: str = ""
    #: Whether earlier searches had rounds while the current one has none yet (so the card
    #: says why its table of kinds is gone).
    rounds_only_earlier: bool = False
    #: The tag the funnel card counts (the board itself shows every application); None: all.
    tag: str | None = None
    #: Every tag on record, for the funnel card's choice.
    tags: tuple[str, ...] = ()
    #: What an unfiltered funnel counts, once it mixes an earlier search with the current one.
    counted: str = ""

    @property
    def answer_first(self) -> bool:
        """Whether the next answer is due on or before the next interview (or none is booked).

        The summary atop the page names the sooner first: on a phone the offer's card is
        screens down, and an answer due before the interview is the next thing to do.
        """
        if self.next_answer is None:
            return False
        if not self.upcoming:
            return True
        return self.next_answer.answer_by <= self.upcoming[0].scheduled_at.astimezone().date()


def pipeline_board(
    uow: FactsSource, *, per_column: int = 8, upcoming: int = 6, tag: str | None = None
) -> Board:
    """The board: open processes by stage, ended ones counted, the funnel and the agenda.

    ``tag`` narrows the funnel, the rounds by kind and the drop-off to the applications
    with it, as `stats --tag` does; the board's columns still show every process. Without
    it, the rounds by kind and the drop-off count the current search only, as the plan's
    practice does (the funnel counts every application and says how they divide).
    """
    listing = applications.list_applications(uow)
    today = uow.now().astimezone().date()
    accepted = acceptance(uow)
    by_status: dict[Status, list[BoardCard]] = {s: [] for s in OPEN_COLUMNS}
    closed: Counter[Status] = Counter()
    for row in listing:
        status = row.facts.status
        if status in by_status:
            by_status[status].append(
                BoardCard(
                    row.facts,
                    status,
                    last_activity(row.facts),
                    row.next_interview,
                    moves_for(status),
                    quiet_days(row.facts, row.next_interview, today),
                    with_acceptance(row.facts.answer_due(today), accepted, row.facts.applied_on),
                )
            )
        else:
            closed[status] += 1
    columns = []
    for status, cards in by_status.items():
        cards.sort(key=lambda c: (c.last_activity, c.facts.id), reverse=True)
        columns.append(BoardColumn(status, cards[:per_column], len(cards)))
    every = [row.facts for row in listing]
    # Only the processes open when the offer was accepted are to withdraw from (search_scope).
    to_withdraw = still_open(uow, accepted)
    withdrawing = {p.application_id for p in to_withdraw}
    quiet_bound = any(
        c.facts.id in withdrawing for cards in by_status.values() for c in cards if c.quiet_days
    )
    dues = [c.answer_due for cards in by_status.values() for c in cards if c.answer_due]
    tags = tuple(sorted({t for f in every for t in f.tags}, key=str.casefold))
    counted, scope = "", ""
    if tag:
        # The store matches a tag as `app list --tag` does (case and spacing aside).
        counting = uow.applications.facts(ApplicationQuery(tag=tag))
        ending = counting
    else:
        counting = every
        ending, since = current_search(every)
        scope = counted_on_current_search(since) if since is not None else ""
        counted = searches_counted(every) or ""
    return Board(
        columns=columns,
        closed={s: closed[s] for s in CLOSED_STATUSES if closed[s]},
        total=len(listing),
        funnel=funnel(counting),
        round_kinds=round_kind_rates(ending),
        drop_off=drop_off(ending),
        drop_off_scope=scope,
        rounds_only_earlier=bool(scope)
        and not any(f.rounds for f in ending)
        and any(f.rounds for f in every),
        tag=tag or None,
        tags=tags,
        counted=counted,
        next_answer=min(dues, key=lambda d: (d.answer_by, d.application_id or 0), default=None),
        upcoming=uow.applications.upcoming_interviews(uow.now(), upcoming),
        quiet_advice=quiet_advice(quiet_bound, command_line=False),
        withdraw_note=withdraw_note(to_withdraw, today, command_line=False),
    )
