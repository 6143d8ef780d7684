"""The interview journey: an application, its rounds and interviews, and the decision."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import ClassVar

from nextround.domain import interview_time, values
from nextround.domain.calendar_days import example_day
from nextround.domain.counts import counted
from nextround.domain.offer_deadline import AnswerDue, answer_due, check_answer_by
from nextround.domain.offer_terms import TERM_FIELDS, OfferTerms, check_terms
from nextround.errors import DomainError


class Source(StrEnum):
    """Where the application came from."""

    LINKEDIN = "linkedin"
    REFERRAL = "referral"
    CAREERS_PAGE = "careers_page"
    RECRUITER_OUTREACH = "recruiter_outreach"
    # NHS Jobs, Indeed, Reed…: where most jobs outside tech are found.
    JOB_BOARD = "job_board"
    OTHER = "other"


class ApplyMethod(StrEnum):
    """How the application reached the employer (online, by e-mail, in person, by mail…).

    What an unemployment office's work-search log asks beside the employer's name.
    """

    ONLINE = "online"
    EMAIL = "email"
    IN_PERSON = "in_person"
    MAIL = "mail"
    PHONE = "phone"
    OTHER = "other"


class WorkMode(StrEnum):
    """Where the work happens."""

    ONSITE = "onsite"
    HYBRID = "hybrid"
    REMOTE = "remote"


class RoundKind(StrEnum):
    """The kind of stage a round is."""

    SCREEN = "screen"
    # An online assessment (HackerRank, Codility, an aptitude test): the usual first stage of
    # a new graduate's process. Taken alone against a machine, it screens; it is no interview.
    ASSESSMENT = "assessment"
    HIRING_MANAGER = "hiring_manager"
    TECHNICAL = "technical"
    CASE = "case"
    TAKE_HOME = "take_home"
    FINAL_LOOP = "final_loop"
    # The usual word outside tech (the NHS, the public sector, clinics): a panel of two to
    # four people and often a presentation, where the decision is made.
    PANEL = "panel"
    # A portfolio review or a case presentation: the candidate presents work of their own
    # (the designer's key round). It is not where the decision is made, so not a final round.
    PRESENTATION = "presentation"
    # A UK graduate scheme's assessment centre (or assessment day): a day of group exercise,
    # presentation, interviews and a case study, where the scheme decides. Not a screen.
    ASSESSMENT_CENTRE = "assessment_centre"
    OTHER = "other"


#: The kind a new round gets when none is chosen, on the command line and on the web alike.
#: Not a guess such as "hiring manager": a round saved under a wrong kind moves the stage.
DEFAULT_ROUND_KIND = RoundKind.OTHER


#: The rounds where the decision is made. A panel interview, the usual last (often only)
#: interview in the NHS and the public sector, is what a final loop is in tech; it is not a
#: hiring-manager conversation, whatever round it is, so it counts as the final round too; so
#: does a graduate scheme's assessment centre, the stage its offers are decided at.
FINAL_ROUND_KINDS = frozenset({RoundKind.FINAL_LOOP, RoundKind.PANEL, RoundKind.ASSESSMENT_CENTRE})
#: The rounds that screen before anyone interviews: a recruiter's screen and an online
#: assessment. The first other round is the first interview.
SCREENING_KINDS = frozenset({RoundKind.SCREEN, RoundKind.ASSESSMENT})


class RoundMode(StrEnum):
    """How a round is held."""

    VIDEO = "video"
    ONSITE = "onsite"
    PHONE = "phone"


class RoundOutcome(StrEnum):
    """How a round ended, from the candidate's side of the table."""

    PENDING = "pending"
    PASSED = "passed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    CANCELLED = "cancelled"


class InterviewFormat(StrEnum):
    """What kind of conversation an interview is."""

    BEHAVIOURAL = "behavioural"
    PRACTICAL_EXERCISE = "practical_exercise"
    PRESENTATION = "presentation"
    TECHNICAL = "technical"
    CASE = "case"
    # Engineering loops: designing a system aloud, and solving problems in code.
    SYSTEM_DESIGN = "system_design"
    CODING = "coding"
    # An assessment centre's group task: candidates solve a problem together while assessors
    # watch how each one works with the others.
    GROUP_EXERCISE = "group_exercise"


class Outcome(StrEnum):
    """How an application ended."""

    OFFER = "offer"
    REJECTION = "rejection"
    WITHDRAWAL = "withdrawal"
    NO_RESPONSE = "no_response"


class OfferResponse(StrEnum):
    """What the candidate did with an offer."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class Status(StrEnum):
    """Where an application stands; always derived, never stored."""

    APPLIED = "applied"
    SCREENING = "screening"
    INTERVIEWING = "interviewing"
    FINAL_ROUND = "final_round"
    OFFER = "offer"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    NO_RESPONSE = "no_response"

    @property
    def is_open(self) -> bool:
        """Whether the process is still running."""
        return self in _OPEN


_OPEN = {Status.APPLIED, Status.SCREENING, Status.INTERVIEWING, Status.FINAL_ROUND, Status.OFFER}

MAX_INTERVIEW_MINUTES = 12 * 60

#: How the command line corrects a reopening dated too late. The web has no form for that
#: (its Reopen form is for decided applications), so those errors give it no hint.
_REDATE_REOPENING = (
    "if it reopened earlier, correct that first: `nextround app reopen {app} --on DATE`"
)


@dataclass(frozen=True)
class Interviewer:
    """A person on the other side of the table."""

    name: str
    title: str | None = None
    contact_id: int | None = None


def _duration(minutes: int | None) -> int | None:
    if minutes is not None and not 0 < minutes <= MAX_INTERVIEW_MINUTES:
        raise DomainError(
            f"duration {minutes} min is not possible; give 1-{MAX_INTERVIEW_MINUTES} minutes"
        )
    return minutes


def _interviewers(people: list[Interviewer]) -> list[Interviewer]:
    for person in people:
        values.name(person.name, "interviewer name")
        values.text(person.title, "interviewer title", limit=values.NAME_MAX)
    return people


#: The interview's fields that are checked each on its own (see values.FieldRules).
INTERVIEW_FIELDS: values.FieldRules = {
    "title": lambda f: values.name(f["title"], "interview title"),
    "notes": lambda f: values.text(f["notes"], "interview notes"),
    "time_zone": lambda f: interview_time.time_zone(f["time_zone"]),
    "duration_minutes": lambda f: _duration(f["duration_minutes"]),
    "competencies": lambda f: values.tags(f["competencies"], "competency tag"),
    "interviewers": lambda f: _interviewers(f["interviewers"]),
}


@dataclass(eq=False)
class Interview:
    """One session within a round."""

    title: str
    format: InterviewFormat = InterviewFormat.BEHAVIOURAL
    scheduled_at: datetime | None = None
    duration_minutes: int | None = None
    interviewers: list[Interviewer] = field(default_factory=list)
    competencies: list[str] = field(default_factory=list)
    notes: str | None = None
    # The IANA zone the interview is held in (the company's clock), None for the user's own.
    # The moment itself is scheduled_at; the zone only says how to show it.
    time_zone: str | None = None
    # Called off before it took place (by either side): kept on record with its booked time,
    # it never happened, so it is not still to come and takes no debrief, feedback or thanks.
    called_off: bool = False
    id: int | None = None
    round_id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def has_happened(self, now: datetime, round_start: date) -> bool:
        """Whether it took place by ``now``, so it can have a debrief and feedback.

        Its time has come (see is_due) and it was not called off: one called off never
        happened, whatever its time.
        """
        return not self.called_off and self.is_due(now, round_start)

    def is_due(self, now: datetime, round_start: date) -> bool:
        """Whether its time has come, taking place or not.

        One with no time on record is taken as due once its round (starting on
        ``round_start``) has begun; in a round still ahead it cannot have been.
        """
        if self.scheduled_at is None:
            return round_start <= now.astimezone().date()
        return self.scheduled_at <= now

    def named(self) -> str:
        """'the interview “Panel” on 2026-12-01 09:00 New York time (15:00 here)', for messages.

        By title and time, as both the command line and the web app show it; the web app
        never shows an interview's id.
        """
        when = self.scheduled_at
        return f"the interview “{self.title}”" + (
            f" on {interview_time.describe(when, self.time_zone)}" if when else ""
        )

    def check_happened(self, now: datetime, round_start: date, remedy: str) -> None:
        """Refuse what only a held interview can have (a debrief, feedback); ``remedy``: when."""
        if self.has_happened(now, round_start):
            return
        if self.called_off:
            raise DomainError(
                f"{self.named()} was called off, so it did not take place; if it went ahead "
                "after all, mark it as going ahead first",
                cli_hint=f"`nextround interview edit {self.id} --going-ahead`",
                web_hint="untick “Called off” under “Edit interview”",
            )
        if self.scheduled_at is None:
            raise DomainError(
                f"{self.named()} has no time on record and its round starts on {round_start}, "
                f"so it has not happened yet; {remedy}, or correct the round's start date"
            )
        raise DomainError(f"{self.named()} has not happened yet; {remedy}")

    def check(self) -> None:
        """Raise DomainError unless the interview's own fields are valid."""
        values.apply_rules(self, INTERVIEW_FIELDS)
        if self.scheduled_at is not None and self.scheduled_at.tzinfo is None:
            raise DomainError(
                f"the interview time needs a time zone, e.g. {example_day()}T10:00+02:00"
            )


#: The round's fields that are checked each on its own (see values.FieldRules).
ROUND_FIELDS: values.FieldRules = {
    "name": lambda f: values.name(f["name"], "round name"),
    "notes": lambda f: values.text(f["notes"], "round notes"),
}


@dataclass(eq=False)
class Round:
    """An ordered stage of an application, such as a screen or a final loop."""

    name: str
    kind: RoundKind
    started_on: date
    mode: RoundMode | None = None
    ended_on: date | None = None
    outcome: RoundOutcome = RoundOutcome.PENDING
    notes: str | None = None
    position: int = 0
    interviews: list[Interview] = field(default_factory=list)
    id: int | None = None
    application_id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def check(self) -> None:
        """Raise DomainError unless the round's own fields are consistent."""
        values.apply_rules(self, ROUND_FIELDS)
        if self.ended_on is not None and self.ended_on < self.started_on:
            raise DomainError(
                f"round {self.name!r} ends on {self.ended_on} before it starts on "
                f"{self.started_on}; fix one of the dates"
            )
        for interview in self.interviews:
            _check_interview_in_round(interview, self)

    def goes_ahead(self, interview: Interview) -> bool:
        """Whether ``interview`` is still on: not called off, and this round not cancelled.

        A cancelled round's interviews do not take place, even one not marked called off
        (in a record made before rounds called them off when cancelled).
        """
        return not interview.called_off and self.outcome is not RoundOutcome.CANCELLED

    def is_to_come(self, interview: Interview, now: datetime) -> bool:
        """The one rule for an interview still to come: booked after ``now``, and still on.

        What the calendar, the agenda, `plan week` and a decision's checks all go by.
        """
        return (
            interview.scheduled_at is not None
            and interview.scheduled_at > now
            and self.goes_ahead(interview)
        )

    def interviews_to_come(self, now: datetime) -> list[Interview]:
        """Its interviews still to come at ``now``, in time order."""
        return [i for i in self.sorted_interviews if self.is_to_come(i, now)]

    def call_off_ahead(self, now: datetime) -> list[Interview]:
        """Call off its interviews not due by ``now`` (the round is cancelled); returns them.

        They stay on record with the time they were booked for.
        """
        ahead = [
            i
            for i in self.sorted_interviews
            if not i.called_off and not i.is_due(now, self.started_on)
        ]
        for interview in ahead:
            interview.called_off = True
        return ahead

    def bring_back_ahead(self, now: datetime) -> list[Interview]:
        """Its called-off interviews not due by ``now`` go ahead again (the round is back on)."""
        back = [
            i for i in self.sorted_interviews if i.called_off and not i.is_due(now, self.started_on)
        ]
        for interview in back:
            interview.called_off = False
        return back

    def check_outcome_by(self, now: datetime) -> None:
        """Refuse a result known only once the round has happened (as a debrief is refused).

        Passed or rejected needs the round started and, for passed, its interviews held;
        cancelled and withdrawn can come before, so they are always allowed.
        """
        if self.outcome not in (RoundOutcome.PASSED, RoundOutcome.REJECTED):
            return
        when = self.too_early_for(self.outcome, now)
        if when is None:
            return
        # By name: a round being added has no number yet, and the web shows no ids.
        raise DomainError(
            f"round {self.name!r} {when}, so it cannot be {self.outcome.value} yet; "
            "record its outcome once it has happened"
        )

    def too_early_for(self, outcome: RoundOutcome, now: datetime) -> str | None:
        """Why ``outcome`` (passed or rejected) cannot be known at ``now``, else None.

        E.g. 'starts on 2026-12-03', or 'has an interview still to come, on 2026-12-01'.
        """
        ahead = self.interviews_to_come(now) if outcome is RoundOutcome.PASSED else []
        if self.started_on > now.date():
            return f"starts on {self.started_on}"
        if ahead and ahead[0].scheduled_at is not None:
            return f"has an interview still to come, on {ahead[0].scheduled_at.date()}"
        return None

    @property
    def sorted_interviews(self) -> list[Interview]:
        """Interviews in time order; unscheduled ones last, in the order they were added."""
        return sorted(
            self.interviews,
            key=lambda i: (i.scheduled_at is None, i.scheduled_at or datetime.min, i.id or 0),
        )


@dataclass(frozen=True)
class WentOn:
    """A round added as the next stage, and what it says about the rounds before it."""

    round: Round
    #: The earlier rounds it marked passed: the process went on past them.
    passed: list[Round]
    #: The earlier rounds left pending, as their result cannot be known yet, and why.
    waiting: list[tuple[Round, str]]
    #: The decision that had closed the process, when the round was added to a closed one
    #: (remembered late) and took its outcome from it rather than staying pending for ever.
    closed_by: Decision | None = None

    def text(self) -> str:
        """'Round 1 (Recruiter screen) marked passed.', with the rounds left pending; or ''."""
        parts = []
        if self.closed_by is not None:
            closed = self.closed_by
            number, outcome = self.round.position, self.round.outcome
            said = f"{closed.outcome.value.replace('_', ' ')} on {closed.decided_on}"
            parts.append(
                f"Round {number} marked {outcome.value}, from the decision ({said}) that came "
                "after it; change its outcome if it went otherwise."
                if outcome is _ROUND_OUTCOME_AFTER[closed.outcome]
                else f"Round {number} marked {outcome.value}: a later round is on record before "
                f"the decision ({said}); change its outcome if it went otherwise."
            )
        if self.passed:
            rounds = _rounds_named(self.passed)
            parts.append(f"{rounds[0].upper()}{rounds[1:]} marked passed.")
        for earlier, why in self.waiting:
            parts.append(f"Round {earlier.position} ({earlier.name}) stays pending: it {why}.")
        return " ".join(parts)


def _rounds_named(rounds: list[Round]) -> str:
    """'round 1 (Screen)', 'rounds 1 (Screen) and 2 (Hiring manager)'."""
    named = [f"{r.position} ({r.name})" for r in rounds]
    if len(named) == 1:
        return f"round {named[0]}"
    return f"rounds {', '.join(named[:-1])} and {named[-1]}"


def _check_interview_in_round(interview: Interview, round_: Round) -> None:
    interview.check()
    if interview.scheduled_at is None:
        return
    # One day of slack either side: the round's dates are calendar days in the user's own
    # zone, while the interview time may be written in the company's zone. The day is taken
    # in UTC, as the store gives the time back, so that a stored interview passes this check
    # again on every later edit and restore.
    day = interview.scheduled_at.astimezone(UTC).date()
    if (day - round_.started_on).days < -1:
        raise DomainError(
            f"interview {interview.title!r} on {day} is before its round {round_.name!r} "
            f"starts on {round_.started_on}; move the interview or the round's start date"
        )
    if round_.ended_on is not None and (day - round_.ended_on).days > 1:
        raise DomainError(
            f"interview {interview.title!r} on {day} is after its round {round_.name!r} "
            f"ended on {round_.ended_on}; move the interview or the round's end date"
        )


def _finalists(count: int | None) -> int | None:
    if count is not None and not 1 <= count <= 1_000:
        raise DomainError(f"finalists must be between 1 and 1000, not {count}")
    return count


def _offer_response(
    outcome: Outcome | None, response: OfferResponse | None
) -> OfferResponse | None:
    """An offer's response (pending until given); other outcomes have none."""
    if outcome is Outcome.OFFER:
        return response or OfferResponse.PENDING
    if response is not None and outcome is not None:
        raise DomainError(f"an offer response only applies to offers, not to a {outcome.value}")
    return response


#: The decision's fields that are checked each on its own (see values.FieldRules).
DECISION_FIELDS: values.FieldRules = {
    "reason": lambda f: values.text(f["reason"], "decision reason", limit=5_000),
    "finalists": lambda f: _finalists(f["finalists"]),
    "offer_response": lambda f: _offer_response(f.get("outcome"), f["offer_response"]),
    **TERM_FIELDS,
}


@dataclass(eq=False)
class Decision:
    """How an application ended; a reopened decision stays on record."""

    outcome: Outcome
    decided_on: date
    finalists: int | None = None
    reason: str | None = None
    offer_response: OfferResponse | None = None
    reopened_on: date | None = None
    #: The field ``day_known`` qualifies: null in JSON when the day is not known.
    DAY_FIELD: ClassVar[str] = "decided_on"
    # False when no day was given (a sheet's "ghosted" with no closed date): decided_on is
    # then only the earliest it can have been, kept for the order of events, and every
    # reader shows it as a day unknown, never as the day it ended (see ``day_shown``).
    day_known: bool = True
    # The day an offer was accepted or declined; decided_on stays the day it came. None on
    # anything else, and on answers recorded before the day was kept (read: decided_on).
    responded_on: date | None = None
    # The day the company wants an offer answered by ("let us know by Friday"); None when
    # none was given, and on anything but an offer.
    answer_by: date | None = None
    # An offer's terms as numbers (see domain.offer_terms); all None when none were given,
    # and on anything but an offer. The reason keeps whatever was written in words.
    currency: str | None = None
    base_salary: int | None = None
    variable_pay: int | None = None
    equity: str | None = None
    equity_value: int | None = None
    sign_on: int | None = None
    starts_on: date | None = None
    id: int | None = None
    application_id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def terms(self) -> OfferTerms | None:
        """The offer's terms as numbers, or None when none were given."""
        return OfferTerms.of(self)

    @terms.setter
    def terms(self, terms: OfferTerms | None) -> None:
        for name, value in (terms or OfferTerms()).items().items():
            setattr(self, name, value)

    def check(self) -> None:
        """Raise DomainError unless the decision's own fields are consistent."""
        values.apply_rules(self, DECISION_FIELDS)
        if self.reopened_on is not None and self.reopened_on < self.decided_on:
            raise DomainError(
                f"cannot reopen on {self.reopened_on}, before the decision on {self.decided_on}"
            )
        check_answer_by(self.outcome is Outcome.OFFER, self.decided_on, self.answer_by)
        check_terms(self.outcome is Outcome.OFFER, self.decided_on, self.terms)
        if self.responded_on is None:
            return
        if not self.answered:
            raise DomainError("an answer date only applies to an offer you accepted or declined")
        if self.responded_on < self.decided_on:
            raise DomainError(
                f"the answer on {self.responded_on} is before the offer came, on "
                f"{self.decided_on}; give a date on or after {self.decided_on}"
            )

    @property
    def known_day(self) -> date | None:
        """The day it was decided, or None when no day was given (see ``day_known``)."""
        return self.decided_on if self.day_known else None

    @property
    def answered(self) -> bool:
        """Whether this is an offer the person accepted or declined."""
        return self.outcome is Outcome.OFFER and self.offer_response in (
            OfferResponse.ACCEPTED,
            OfferResponse.DECLINED,
        )

    @property
    def answered_on(self) -> date | None:
        """When an offer was accepted or declined (its own day if not kept); else None."""
        return (self.responded_on or self.decided_on) if self.answered else None

    @property
    def pending_offer(self) -> bool:
        """Whether this is an offer still awaiting the person's answer."""
        return self.outcome is Outcome.OFFER and self.offer_response is OfferResponse.PENDING

    def answer_due(self, today: date, company: str = "") -> AnswerDue | None:
        """The answer-by reminder while the offer is pending and in force; else None."""
        in_force = self.reopened_on is None
        return answer_due(
            self.pending_offer and in_force, self.answer_by, today, company, self.application_id
        )


#: The application's fields that are checked each on its own (see values.FieldRules).
APPLICATION_FIELDS: values.FieldRules = {
    "company": lambda f: values.name(f["company"], "company"),
    "role_title": lambda f: values.name(f["role_title"], "role title"),
    "level": lambda f: values.text(f["level"], "level", limit=values.NAME_MAX),
    "location": lambda f: values.text(f["location"], "location", limit=values.NAME_MAX),
    "posting_url": lambda f: values.url(f["posting_url"], "posting URL"),
    "posting_text": lambda f: values.text(f["posting_text"], "job posting text"),
    "notes": lambda f: values.text(f["notes"], "notes"),
    "tags": lambda f: values.tags(f["tags"], join_words=True),
}


@dataclass(eq=False)
class Application:
    """One job application and everything that happened in its process."""

    company: str
    role_title: str
    applied_on: date
    level: str | None = None
    location: str | None = None
    work_mode: WorkMode | None = None
    source: Source = Source.OTHER
    posting_url: str | None = None
    posting_text: str | None = None
    tags: list[str] = field(default_factory=list)
    notes: str | None = None
    # How it was sent (online, e-mail, in person…); None when not said (every application
    # recorded before revision 0023).
    method: ApplyMethod | None = None
    rounds: list[Round] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    # -- invariants -------------------------------------------------------------------------

    def check(self) -> None:
        """Raise DomainError unless the whole application obeys every rule."""
        values.apply_rules(self, APPLICATION_FIELDS)
        for round_ in self.rounds:
            round_.check()
            self._check_round_dates(round_)
        for decision in self.decisions:
            decision.check()
            self._check_decision_dates(decision)
        open_decisions = [d for d in self.decisions if d.reopened_on is None]
        if len(open_decisions) > 1:
            raise DomainError("an application can only have one current decision")
        current = self.current_decision
        if current is not None:
            # A cancelled round never took place: booked for after the end, it may stay on
            # record (a rejection that came before the hiring manager's round).
            late = [r for r in self._held_rounds if r.started_on > current.decided_on]
            if late:
                raise DomainError(
                    f"round {late[0].name!r} starts on {late[0].started_on}, after the "
                    f"decision on {current.decided_on}; reopen the application first"
                )
            over = [r for r in self.rounds if r.ended_on and r.ended_on > current.decided_on]
            if over:
                raise DomainError(
                    f"round {over[0].name!r} ends on {over[0].ended_on}, after the decision on "
                    f"{current.decided_on} that closed the process; end it by then"
                )

    @property
    def _held_rounds(self) -> list[Round]:
        """The rounds that took (or are to take) place: all but the cancelled ones."""
        return [r for r in self.rounds if r.outcome is not RoundOutcome.CANCELLED]

    def _check_round_dates(self, round_: Round) -> None:
        if round_.started_on < self.applied_on:
            raise DomainError(
                f"round {round_.name!r} starts on {round_.started_on}, before the application "
                f"on {self.applied_on}; fix the round's date or the applied date"
            )

    def _check_decision_dates(self, decision: Decision) -> None:
        if decision.decided_on < self.applied_on:
            raise DomainError(
                f"the decision on {decision.decided_on} is dated before the application on "
                f"{self.applied_on}; give a date on or after {self.applied_on}"
            )

    # -- derived state ------------------------------------------------------------------------

    @property
    def current_decision(self) -> Decision | None:
        """The decision in force, unless the application was reopened after it."""
        return next((d for d in self.decisions if d.reopened_on is None), None)

    @property
    def status(self) -> Status:
        """Where the application stands, derived from its rounds and decision."""
        return derive_status(
            [r.kind for r in self.ordered_rounds],
            self.current_decision.outcome if self.current_decision else None,
            self.current_decision.offer_response if self.current_decision else None,
        )

    @property
    def ordered_rounds(self) -> list[Round]:
        """Rounds in stage order."""
        return sorted(self.rounds, key=lambda r: (r.position, r.started_on))

    def date_order_note(self, round_: Round) -> str | None:
        """Why a round's start date looks wrong next to its neighbours' (None when it fits).

        Rounds are numbered in the order they are added, so a start date before an earlier
        round's (or after a later one's) is usually a typo; it is allowed, because the record
        must also take a round remembered late, and the stage dates use the earliest one.
        """
        ordered = self.ordered_rounds
        before = [r for r in ordered if r.position < round_.position]
        after = [r for r in ordered if r.position > round_.position]
        clash = next((r for r in before if r.started_on > round_.started_on), None)
        word = "before"
        if clash is None:
            clash = next((r for r in after if r.started_on < round_.started_on), None)
            word = "after"
        if clash is None:
            return None
        return (
            f"round {round_.position} starts on {round_.started_on}, {word} round "
            f"{clash.position} ({clash.name}, {clash.started_on}); rounds keep the order they "
            "were added in, so check the date if that is a typo"
        )

    def round_at(self, position: int) -> Round:
        """The round at a 1-based stage position."""
        for round_ in self.rounds:
            if round_.position == position:
                return round_
        raise DomainError(
            f"application {self.id} has no round {position}; "
            f"it has {counted(len(self.rounds), 'round')}"
        )

    # -- transitions ----------------------------------------------------------------------------

    def add_round(self, round_: Round) -> Round:
        """Append a round as the next stage."""
        current = self.current_decision
        if current is not None:
            self._check_held_by_decision(round_, current)
        reopened = self.last_reopened
        since = reopened.reopened_on if reopened is not None else None
        if since is not None and round_.started_on < since:
            raise DomainError(
                f"round {round_.name!r} starts on {round_.started_on}, before the "
                f"application was reopened on {since}; start it on or after {since}",
                cli_hint=_REDATE_REOPENING.format(app=self.id),
            )
        round_.position = max((r.position for r in self.rounds), default=0) + 1
        round_.check()
        self._check_round_dates(round_)
        self.rounds.append(round_)
        return round_

    def _check_held_by_decision(self, round_: Round, current: Decision) -> None:
        """Refuse a round on a closed application unless it took place by the decision.

        A round remembered late (the online test forgotten when the process was closed) is
        part of the record as it was; a round after the decision means either that the
        process came back (reopen it) or that the decision is wrong (remove it), and only
        the person knows which, so the message offers both (QA17 F5).
        """
        held = round_.outcome is not RoundOutcome.CANCELLED
        if held and round_.started_on > current.decided_on:
            said = f"starts on {round_.started_on}"
        elif round_.ended_on is not None and round_.ended_on > current.decided_on:
            said = f"ends on {round_.ended_on}"
        else:
            return
        outcome = current.outcome.value.replace("_", " ")
        if not current.day_known:
            # decided_on is then only the earliest the decision can have been (the applied
            # day, for a sheet's undated "Rejected"): naming it as the decision's day would
            # send the user to reopen or delete a decision that is right (QA22 F5).
            raise DomainError(
                f"round {round_.name!r} {said}, but the day of the {outcome} that closed "
                f"application {self.id} is not known, so the round cannot be placed before "
                "it; give the decision its day, then add the round",
                cli_hint=f"`nextround decision edit {self.id} --on DATE` gives the {outcome} "
                "its day",
                web_hint="Edit the decision to give it its day",
            )
        closed = f"{outcome} on {current.decided_on}"
        raise DomainError(
            f"round {round_.name!r} {said}, after the decision that closed application "
            f"{self.id} ({closed}); a round held by then can be added as it is. If the process "
            "came back after the decision, reopen the application first; if the decision is "
            "wrong, remove it, then add the round and close the application again",
            cli_hint=(
                f"`nextround app reopen {self.id} --on DATE` if the process came back; "
                f"`nextround decision rm {self.id}` to correct the record"
            ),
            web_hint=(
                "“Reopen” under the decision if the process came back; “Delete the decision” "
                "if it was recorded by mistake"
            ),
        )

    def add_interview(self, round_: Round, interview: Interview) -> Interview:
        """Add an interview to one of this application's rounds."""
        if round_ not in self.rounds:
            raise DomainError(f"round {round_.id} is not part of application {self.id}")
        self.check_interview_time(interview)
        _check_interview_in_round(interview, round_)
        round_.interviews.append(interview)
        return interview

    def remove_round(self, round_: Round) -> list[Round]:
        """Take a round (and its interviews) out of the process.

        Returns the later rounds, in stage order: each moves up one stage, so the numbers
        stay 1..n. The caller renumbers them once the removal is stored, one at a time,
        because a stage number is unique within an application at every step.
        """
        if round_ not in self.rounds:
            raise DomainError(f"round {round_.id} is not part of application {self.id}")
        later = [r for r in self.ordered_rounds if r.position > round_.position]
        self.rounds.remove(round_)
        return later

    def remove_interview(self, round_: Round, interview: Interview) -> None:
        """Take an interview out of one of this application's rounds."""
        if round_ not in self.rounds or interview not in round_.interviews:
            raise DomainError(f"interview {interview.id} is not part of application {self.id}")
        round_.interviews.remove(interview)

    def check_interview_time(self, interview: Interview) -> None:
        """Refuse an interview time after the decision in force (adding or rescheduling)."""
        current = self.current_decision
        if (
            current is not None
            and not interview.called_off  # kept with the time it was booked for
            and interview.scheduled_at is not None
            and (interview.scheduled_at.date() > current.decided_on)
        ):
            raise DomainError(
                f"the interview on {interview.scheduled_at.date()} is after the decision on "
                f"{current.decided_on}; reopen the application first"
            )

    def still_to_come(self, day: date, now: datetime) -> tuple[list[Interview], list[Round]]:
        """What a decision on ``day`` has to call off: (interviews, rounds), in time order.

        The interviews scheduled after ``now``, and the pending rounds that have not started
        by ``now``. An interview or round after ``day`` that is past took place (or has the
        wrong date); it is not called off, and the decision still says so.
        """
        interviews = [i for r, i in self.interviews_after(day, now) if r.is_to_come(i, now)]
        rounds = [
            r
            for r in self.ordered_rounds
            if r.outcome is RoundOutcome.PENDING
            and r.started_on > max(day, interview_time.wall_clock(now, None).date())
        ]
        return interviews, rounds

    def interviews_after(self, day: date, now: datetime) -> list[tuple[Round, Interview]]:
        """Interviews still to come once a process ends on ``day``: later that day or after.

        An interview on a later (local) day than the decision, or one not yet held at
        ``now``, never happened in a process closed then; in time order. One called off (or
        in a cancelled round) is not going ahead at all, so it is not among them.
        """
        later = [
            (r, i)
            for r in self.ordered_rounds
            for i in r.interviews
            if i.scheduled_at is not None
            and r.goes_ahead(i)
            and (
                interview_time.wall_clock(i.scheduled_at, None).date() > day or i.scheduled_at > now
            )
        ]
        return sorted(later, key=lambda pair: pair[1].scheduled_at or datetime.min)

    def check_held_by(self, day: date, now: datetime) -> None:
        """Refuse to end the process on ``day`` while an interview is still scheduled after it.

        A decision closes the process: a rejection dated before the final loop's last
        interview would leave that interview in the calendar of a closed process, and a
        withdrawal before one is only true once the interview is called off.
        """
        later = self.interviews_after(day, now)
        if not later:
            return
        round_, interview = later[0]
        assert interview.scheduled_at is not None
        others = f" (and {len(later) - 1} more after it)" if len(later) > 1 else ""
        when = interview_time.describe(interview.scheduled_at, interview.time_zone)
        # A decision cannot be dated in the future, so only a past interview leaves that way.
        held_day = interview_time.wall_clock(interview.scheduled_at, None).date()
        later_date = (
            f"; or date the decision on or after {held_day}"
            if interview.scheduled_at <= now
            else ""
        )
        raise DomainError(
            f"the interview “{interview.title}” (round {round_.position}, {round_.name}) is "
            f"still to come on {when}{others}, so a decision on {day} would close the process "
            "before it: if it was called off, mark it so (it stays on record); if it was held "
            f"earlier, correct its time{later_date}",
            cli_hint=(
                "add --call-off to mark the interviews still to come called off with this "
                "decision; "
                if interview.scheduled_at > now
                else ""
            )
            + f"`nextround interview edit {interview.id} --called-off` marks this one, "
            f"`nextround interview edit {interview.id} --at WHEN` corrects its time",
            web_hint=(
                "tick “Call off the interviews still to come” on the decision form of the "
                "application's page to mark them called off with the decision, or "
                if interview.scheduled_at > now
                else ""
            )
            + "tick “Called off” or correct its time under “Edit interview” in its round",
        )

    def check_decision(self, decision: Decision, now: datetime | None = None) -> None:
        """Raise DomainError unless ``decision`` may end this process (changes nothing).

        With ``now``, an interview still to come after the decision's day is refused (see
        check_held_by); only a caller without a clock, such as a restore, leaves it out.
        """
        decision.check()
        self._check_decision_dates(decision)
        reopened = max((d.reopened_on for d in self.decisions if d.reopened_on), default=None)
        if reopened is not None and decision.decided_on < reopened:
            raise DomainError(
                f"the decision on {decision.decided_on} is before the application was reopened "
                f"on {reopened}; date it on or after {reopened}",
                cli_hint=_REDATE_REOPENING.format(app=self.id),
            )
        last = max(self._held_rounds, key=lambda r: r.started_on, default=None)
        if last is not None and decision.decided_on < last.started_on:
            ahead = (
                now is not None and last.started_on > interview_time.wall_clock(now, None).date()
            )
            raise DomainError(
                f"the decision on {decision.decided_on} is before the last round, which "
                f"starts on {last.started_on}; "
                + (
                    "if that round was called off, mark it cancelled"
                    if ahead
                    else f"date it on or after {last.started_on}"
                ),
                cli_hint=(
                    f"`nextround round edit {self.id} {last.position} --outcome cancelled`, or "
                    "add --call-off to cancel the rounds and interviews still to come with the "
                    "decision"
                    if ahead
                    else None
                ),
                web_hint=(
                    "tick “Call off the interviews still to come” on the decision form, or set "
                    "the round's outcome to Cancelled"
                    if ahead
                    else None
                ),
            )
        last_end = max((r.ended_on for r in self.rounds if r.ended_on), default=None)
        if last_end is not None and decision.decided_on < last_end:
            raise DomainError(
                f"the decision on {decision.decided_on} is before a round ended, on "
                f"{last_end}; date it on or after {last_end}"
            )
        if now is not None:
            self.check_held_by(decision.decided_on, now)

    def decide(self, decision: Decision, now: datetime | None = None) -> Decision:
        """Record how the application ended, replacing a current decision if there is one."""
        self.check_decision(decision, now)
        for round_, outcome in self.closing_rounds(decision.outcome):
            round_.outcome = outcome
        current = self.current_decision
        if current is not None:
            current.outcome = decision.outcome
            current.decided_on = decision.decided_on
            current.day_known = decision.day_known
            current.finalists = decision.finalists
            current.reason = decision.reason
            current.offer_response = decision.offer_response
            current.responded_on = decision.responded_on
            current.answer_by = decision.answer_by
            current.terms = decision.terms
            current.check()
            return current
        self.decisions.append(decision)
        return decision

    def closing_rounds(self, outcome: Outcome) -> list[tuple[Round, RoundOutcome]]:
        """The rounds still pending and how a decision with ``outcome`` closes each.

        A pending round with a later round after it was passed: the process went on past it
        (a rejection after round 3 says nothing against round 2). Only the last round, if
        still pending, takes the decision's own meaning rather than staying open for ever.
        """
        ordered = self.ordered_rounds
        return [
            (r, _ROUND_OUTCOME_AFTER[outcome] if r is ordered[-1] else RoundOutcome.PASSED)
            for r in ordered
            if r.outcome is RoundOutcome.PENDING
        ]

    def go_on(self, round_: Round, now: datetime, *, keep_pending: bool = False) -> WentOn:
        """Add ``round_`` as the next stage; the rounds still pending before it were passed.

        The one rule for a new round, wherever it is added: the process went on past the
        earlier rounds, as a decision says (see closing_rounds). Only a pending round is
        passed, never one with an outcome (cancelled included), and only one that starts on
        or before the new round: one starting later is a stage after it, the new round
        being one remembered late. A round whose result cannot be known yet (it starts
        later, or has an interview still to come) stays pending, and says why.
        ``keep_pending`` passes none: the rare process where an earlier stage is still open.
        """
        self.add_round(round_)
        current = self.current_decision
        if current is not None and not keep_pending:
            return self._went_on_when_closed(round_, current)
        if keep_pending:
            return WentOn(round_, [], [])
        passed: list[Round] = []
        waiting: list[tuple[Round, str]] = []
        for earlier in self.ordered_rounds:
            if (
                earlier is round_
                or earlier.outcome is not RoundOutcome.PENDING
                or earlier.started_on > round_.started_on
            ):
                continue
            why = earlier.too_early_for(RoundOutcome.PASSED, now)
            if why is not None:
                waiting.append((earlier, why))
                continue
            earlier.outcome = RoundOutcome.PASSED
            passed.append(earlier)
        return WentOn(round_, passed, waiting)

    def _went_on_when_closed(self, round_: Round, current: Decision) -> WentOn:
        """A round remembered late on a closed application (held by the decision).

        As decide() closes a process: a round with a held one after it was passed, and the
        last one carries the decision's meaning. So a pending new round takes the decision's
        outcome if it is the latest, else it was passed; one added after the round that
        carried the decision's meaning takes that meaning over, and the earlier round, which
        the process went on from, was passed.
        """
        others = [r for r in self._held_rounds if r is not round_]
        meaning = _ROUND_OUTCOME_AFTER[current.outcome]
        settled = None
        if round_.outcome is RoundOutcome.PENDING:
            later = any(r.started_on > round_.started_on for r in others)
            round_.outcome = RoundOutcome.PASSED if later else meaning
            settled = current
        passed: list[Round] = []
        # On one day, the order added is the order held: a role-play added after the
        # presentation of the same afternoon came after it (QA22 F2).
        before = max(
            (
                r
                for r in others
                if (r.started_on, r.position) < (round_.started_on, round_.position)
            ),
            key=lambda r: (r.started_on, r.position),
            default=None,
        )
        if (
            round_.outcome is meaning
            and meaning is not RoundOutcome.PASSED
            and before is not None
            and before.outcome is meaning
            and not any(r.started_on > round_.started_on for r in others)
        ):
            before.outcome = RoundOutcome.PASSED
            passed.append(before)
        return WentOn(round_, passed, [], settled)

    def reopen(self, on: date) -> Decision:
        """Reopen a decided application; the old decision stays on record."""
        current = self.current_decision
        if current is None:
            raise DomainError(
                f"application {self.id} has no decision to reopen; it is still open",
                cli_hint="to correct the date it was reopened, give that date with --on"
                if self.last_reopened is not None
                else None,
            )
        if on < current.decided_on:
            raise DomainError(f"cannot reopen on {on}, before the decision on {current.decided_on}")
        current.reopened_on = on
        return current

    def remove_last_decision(self) -> tuple[Decision, list[Round], list[Interview]]:
        """Take back the latest decision, recorded by mistake (with its reopening, if any).

        Returns it with the rounds it had closed, which are pending again, and the
        interviews it called off, which go ahead again. A decision closes the rounds still
        pending (passed, or with its own outcome) and, with --call-off, cancels the rounds
        and calls off the interviews still to come, all in the instant it is recorded (or
        changed): what still carries that time stamp was changed by it. A round or an
        interview changed since keeps what the user made of it.
        """
        if not self.decisions:
            raise DomainError(f"application {self.id} has no decision to remove")
        last = self.current_decision or max(
            self.decisions, key=lambda d: (d.reopened_on or d.decided_on, d.decided_on)
        )
        stamps = {s for s in (last.created_at, last.updated_at) if s is not None}
        closed_as = {
            RoundOutcome.PASSED,
            RoundOutcome.CANCELLED,
            _ROUND_OUTCOME_AFTER[last.outcome],
        }
        closed = [
            r
            for r in self.rounds
            if r.outcome in closed_as and r.ended_on is None and r.updated_at in stamps
        ]
        for round_ in closed:
            round_.outcome = RoundOutcome.PENDING
        # Not in a round still cancelled: an interview cannot go ahead in one.
        called_off = [
            i
            for r in self.ordered_rounds
            if r.outcome is not RoundOutcome.CANCELLED
            for i in r.sorted_interviews
            if i.called_off and i.updated_at in stamps
        ]
        for interview in called_off:
            interview.called_off = False
        self.decisions.remove(last)
        return last, closed, called_off

    @property
    def last_reopened(self) -> Decision | None:
        """The decision this open application was last reopened from, if it was."""
        if self.current_decision is not None:
            return None
        reopened = [d for d in self.decisions if d.reopened_on is not None]
        return max(reopened, key=lambda d: (d.reopened_on, d.decided_on), default=None)

    def redate_reopening(self, on: date) -> date:
        """Correct the date the application was reopened (say, backfilling an old process).

        Returns the date it had. It stays between the decision it reopened and the first
        round held after that decision.
        """
        decision = self.last_reopened
        if decision is None or decision.reopened_on is None:
            raise DomainError(f"application {self.id} was never reopened; nothing to redate")
        if on < decision.decided_on:
            raise DomainError(
                f"cannot reopen on {on}, before the decision on {decision.decided_on}"
            )
        later = [r for r in self.ordered_rounds if r.started_on > decision.decided_on]
        first = min(later, key=lambda r: r.started_on, default=None)
        if first is not None and on > first.started_on:
            raise DomainError(
                f"round {first.position} ({first.name}) starts on {first.started_on}, so the "
                f"process was reopened by then; give a date from {decision.decided_on} to "
                f"{first.started_on}"
            )
        old, decision.reopened_on = decision.reopened_on, on
        return old


_ROUND_OUTCOME_AFTER = {
    Outcome.OFFER: RoundOutcome.PASSED,
    Outcome.REJECTION: RoundOutcome.REJECTED,
    Outcome.WITHDRAWAL: RoundOutcome.WITHDRAWN,
    Outcome.NO_RESPONSE: RoundOutcome.CANCELLED,
}


def derive_status(
    round_kinds: list[RoundKind],
    outcome: Outcome | None,
    offer_response: OfferResponse | None,
) -> Status:
    """The one place status is worked out; read models call it with plain values."""
    if outcome is Outcome.OFFER:
        if offer_response is OfferResponse.ACCEPTED:
            return Status.ACCEPTED
        if offer_response is OfferResponse.DECLINED:
            return Status.DECLINED
        return Status.OFFER
    if outcome is not None:
        return {
            Outcome.REJECTION: Status.REJECTED,
            Outcome.WITHDRAWAL: Status.WITHDRAWN,
            Outcome.NO_RESPONSE: Status.NO_RESPONSE,
        }[outcome]
    if not round_kinds:
        return Status.APPLIED
    last = round_kinds[-1]
    if last in FINAL_ROUND_KINDS:
        return Status.FINAL_ROUND
    if last in SCREENING_KINDS:
        return Status.SCREENING
    return Status.INTERVIEWING
