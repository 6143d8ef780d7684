"""The journey's forms: submitted fields to use-case input, stored records to form values."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from nextround.domain import interview_time
from nextround.domain.contacts import Contact, ContactRole
from nextround.domain.feedback import FeedbackSource
from nextround.domain.interviewer_names import read_interviewer
from nextround.domain.journey import (
    APPLICATION_FIELDS,
    DECISION_FIELDS,
    DEFAULT_ROUND_KIND,
    INTERVIEW_FIELDS,
    ROUND_FIELDS,
    Application,
    Decision,
    Interview,
    InterviewFormat,
    OfferResponse,
    Outcome,
    Round,
    RoundKind,
    RoundMode,
    RoundOutcome,
    Source,
    WorkMode,
)
from nextround.domain.offer_terms import TERM_LABELS, OfferTerms, ShareOfBase
from nextround.errors import DomainError
from nextround.web.forms import ErrorRoutes, FormReader, values_of
from nextround.web.rendering import local_input

if TYPE_CHECKING:
    from nextround.services.applications import ApplicationFields
    from nextround.services.contacts import ContactFields
    from nextround.services.process import InterviewFields, RoundFields

APPLICATION_ERRORS: ErrorRoutes = (
    ("company", r"^company\b"),
    ("role_title", r"^role title\b"),
    (
        "applied_on",
        r"before the application on|applied date|^an application needs applied|^applied on",
    ),
    ("level", r"^level\b"),
    ("location", r"^location\b"),
    ("posting_url", r"^posting URL\b"),
    ("posting_text", r"^job posting text\b"),
    ("notes", r"^notes\b"),
    ("tags", r"^tag\b"),
)
ROUND_ERRORS: ErrorRoutes = (
    ("name", r"^round name\b"),
    ("notes", r"^round notes\b"),
    ("outcome", r"so it cannot be \w+ yet|cannot be called off"),
    ("ended_on", r"ends on .* (before it starts|after the decision)|after its round .* ended"),
    ("started_on", r"^round .* starts on|before its round .* starts|before the last round"),
)
INTERVIEW_ERRORS: ErrorRoutes = (
    ("title", r"^interview title\b"),
    ("notes", r"^interview notes\b"),
    ("time_zone", r"time zone"),  # before scheduled_at, whose pattern it would also match
    (
        "scheduled_at",
        r"interview time|^interview .* on \d{4}-\d\d-\d\d is|^the interview on"
        r"|would come after the feedback about it|so it has taken place and cannot move"
        r"|^round \d+ .* is cancelled, so",
    ),
    ("duration_minutes", r"^duration\b"),
    ("competencies", r"^competency tag\b|is not a competency of"),
    ("interviewers", r"^interviewer name\b|listed twice among the interviewers"),
    ("round", r"has no round|^round \d+ is not part"),
    ("called_off", r"cannot be called off"),
)
#: A decision's date refused: out of order, or before an interview still to come.
_DECISION_DATE = (
    r"^the decision on|^cannot reopen on|^a decision on|^the interview “.*still to come"
)
DECISION_ERRORS: ErrorRoutes = (
    ("reason", r"^decision reason\b"),
    ("finalists", r"^finalists\b"),
    ("decided_on", _DECISION_DATE),
    ("offer_response", r"offer response"),
    ("responded_on", r"^the answer on|^an answer on|^an answer date"),
    ("answer_by", r"answer-by"),
    ("currency", r"^currency\b"),
    ("base_salary", r"^base salary\b|^offer terms .* only apply to an offer"),
    ("variable_pay", r"^variable pay\b"),
    ("equity_value", r"^yearly equity value\b"),
    ("equity", r"^equity\b"),
    ("sign_on", r"^sign-on bonus\b"),
    ("starts_on", r"^the start date\b"),
)
FEEDBACK_ERRORS: ErrorRoutes = (
    ("text", r"^feedback text\b"),
    ("author", r"^author\b"),
    ("received_on", r"^feedback cannot be received|^feedback received on"),
    ("interview", r"^interview \d+ (belongs|is in)|^the interview “.*” .*has not happened"),
    ("round", r"has no round|^round \d+ is not part"),
)
CONTACT_ERRORS: ErrorRoutes = (
    ("name", r"^contact name\b"),
    ("company", r"^company\b"),
    ("title", r"^title\b"),
    ("phone", r"^phone\b"),
    ("email", r"^email\b"),
    ("notes", r"^contact notes\b"),
    ("role", r"^role\b"),
    ("application", r"^no application with id\b"),
)
CLOSE_ERRORS: ErrorRoutes = (
    ("on", _DECISION_DATE),
    ("reason", r"^decision reason\b"),
)


def _drop_none(fields: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if v is not None or k in keep}


# -- applications ---------------------------------------------------------------------------------

_APP_OPTIONAL = ("level", "location", "work_mode", "posting_url", "posting_text", "notes")


def read_application(form: FormReader, *, editing: bool = False) -> ApplicationFields:
    """The application fields; when editing, an emptied optional field clears it."""
    fields: dict[str, Any] = {
        "company": form.required("company"),
        "role_title": form.required("role_title"),
        "applied_on": form.date("applied_on", "date you applied", required=True),
        "level": form.text("level"),
        "location": form.text("location"),
        "work_mode": form.choice("work_mode", WorkMode),
        "source": form.choice("source", Source, default=Source.OTHER),
        "posting_url": form.text("posting_url"),
        "posting_text": form.text("posting_text"),
        "tags": form.words("tags"),
        "notes": form.text("notes"),
    }
    form.check_fields(fields, APPLICATION_FIELDS)
    return _drop_none(fields, _APP_OPTIONAL if editing else ())  # type: ignore[return-value]


def application_values(app: Application) -> dict[str, str]:
    """An application as form values."""
    return values_of(
        [
            ("company", app.company),
            ("role_title", app.role_title),
            ("applied_on", app.applied_on.isoformat()),
            ("level", app.level),
            ("location", app.location),
            ("work_mode", app.work_mode.value if app.work_mode else None),
            ("source", app.source.value),
            ("posting_url", app.posting_url),
            ("posting_text", app.posting_text),
            ("tags", ", ".join(app.tags)),
            ("notes", app.notes),
        ]
    )


# -- rounds and interviews ------------------------------------------------------------------------


def read_round(form: FormReader, *, editing: bool = False) -> RoundFields:
    """The round fields."""
    fields: dict[str, Any] = {
        "name": form.required("name"),
        "kind": form.choice("kind", RoundKind, default=DEFAULT_ROUND_KIND),
        "mode": form.choice("mode", RoundMode),
        "started_on": form.date("started_on", "date the round starts", required=True),
        "ended_on": form.date("ended_on", "date the round ended"),
        "outcome": form.choice("outcome", RoundOutcome, default=RoundOutcome.PENDING),
        "notes": form.text("notes"),
    }
    form.check_fields(fields, ROUND_FIELDS)
    return _drop_none(fields, ("mode", "ended_on", "notes") if editing else ())  # type: ignore[return-value]


def round_values(round_: Round) -> dict[str, str]:
    """A round as form values."""
    return values_of(
        [
            ("name", round_.name),
            ("kind", round_.kind.value),
            ("mode", round_.mode.value if round_.mode else None),
            ("started_on", round_.started_on.isoformat()),
            ("ended_on", round_.ended_on.isoformat() if round_.ended_on else None),
            ("outcome", round_.outcome.value),
            ("notes", round_.notes),
        ]
    )


#: The interview rules that hold for the fields as typed: the use case first turns competency
#: names ("Risk management") into ids, which only then must be tags.
_INTERVIEW_AS_TYPED = {k: rule for k, rule in INTERVIEW_FIELDS.items() if k != "competencies"}


def read_interview(form: FormReader, *, editing: bool = False) -> InterviewFields:
    """The interview fields; interviewers are one per line as 'Name, Title'."""
    fields: dict[str, Any] = {
        "title": form.required("title"),
        "format": form.choice("format", InterviewFormat, default=InterviewFormat.BEHAVIOURAL),
        # Without an offset: the service reads it on the interview's clock (time_zone).
        "scheduled_at": form.moment("scheduled_at"),
        "time_zone": form.raw("time_zone").strip(),  # blank: the user's own zone
        "duration_minutes": form.integer("duration_minutes", "the duration"),
        "interviewers": [read_interviewer(line) for line in form.lines("interviewers")],
        # By commas only: a competency may be named as it reads ("Risk management").
        "competencies": [w.strip() for w in form.raw("competencies").split(",") if w.strip()],
        "notes": form.text("notes"),
    }
    form.check_fields(fields, _INTERVIEW_AS_TYPED)
    if editing:  # a new interview is booked, not called off
        fields["called_off"] = form.flag("called_off")
    keep = ("scheduled_at", "duration_minutes", "notes") if editing else ()
    return _drop_none(fields, keep)  # type: ignore[return-value]


def interview_changes(fields: InterviewFields, interview: Interview) -> InterviewFields:
    """The edit form's fields, without a date and time left as the form showed them.

    The form always sends the time, shown on the interview's own clock. Passed on unchanged
    beside a new time zone, it would be read on the new zone's clock and move the interview
    (09:00 New York becoming 09:00 London, five hours earlier). Left out, a new zone alone
    keeps the moment, as `interview edit --tz` does on the command line.
    """
    typed = fields.get("scheduled_at")
    if typed is None or typed.tzinfo is not None or interview.scheduled_at is None:
        return fields
    shown = interview_time.wall_clock(interview.scheduled_at, interview.time_zone)
    if typed != shown.replace(tzinfo=None, second=0, microsecond=0):
        return fields
    kept = fields.copy()
    del kept["scheduled_at"]
    return kept


def interview_values(interview: Interview, position: int | None = None) -> dict[str, str]:
    """An interview as form values."""
    people = "\n".join(
        f"{p.name}, {p.title}" if p.title else p.name for p in interview.interviewers
    )
    return values_of(
        [
            ("title", interview.title),
            ("format", interview.format.value),
            ("scheduled_at", local_input(interview.scheduled_at, interview.time_zone)),
            ("time_zone", interview.time_zone),
            ("duration_minutes", interview.duration_minutes),
            ("interviewers", people),
            ("competencies", ", ".join(interview.competencies)),
            ("notes", interview.notes),
            ("round", position),
            ("called_off", "1" if interview.called_off else None),
        ]
    )


# -- the decision ---------------------------------------------------------------------------------


def read_decision(form: FormReader) -> dict[str, Any]:
    """Keyword arguments for set_decision."""
    fields: dict[str, Any] = {
        "outcome": form.choice("outcome", Outcome, default=Outcome.REJECTION),
        # A decision whose day is not known may stay so: its form comes with the day empty.
        "decided_on": form.date(
            "decided_on", "date of the decision", required=not form.flag("day_not_known")
        ),
        "finalists": form.integer("finalists", "the number of finalists"),
        "reason": form.text("reason"),
        "offer_response": form.choice("offer_response", OfferResponse),
        "responded_on": form.date("responded_on", "date you answered"),
        "answer_by": form.date("answer_by", "answer-by date"),
        # The offer's terms as numbers (domain.offer_terms), each checked on its own.
        "currency": form.text("currency"),
        "base_salary": (base := form.money("base_salary", "Base salary")),
        "variable_pay": _variable_pay(form, base),
        "equity": form.text("equity"),
        "equity_value": form.money("equity_value", "Yearly equity value"),
        "sign_on": form.money("sign_on", "Sign-on bonus"),
        "starts_on": form.date("starts_on", "start date"),
    }
    form.check_fields(fields, DECISION_FIELDS)
    # As stored (EUR for eur), so that terms the form came filled with compare equal.
    fields["currency"] = fields["currency"].upper() if fields["currency"] else None
    terms = OfferTerms.from_fields(fields)
    return {**{k: v for k, v in fields.items() if k not in TERM_LABELS}, "terms": terms}


def _variable_pay(form: FormReader, base: int | None) -> int | None:
    """The variable pay as an amount, or as a share of the base in the same form ("15%")."""
    from nextround.domain.typed_numbers import percentage

    share = percentage(form.raw("variable_pay"))
    if share is None:
        return form.money("variable_pay", "Variable pay")
    try:
        return ShareOfBase(share, "Variable pay").of(base)
    except DomainError as exc:
        form.fail("variable_pay", exc.for_web())
        return None


def decision_values(decision: Decision | None, today: str) -> dict[str, str]:
    """The current decision as form values, or a fresh one dated today."""
    if decision is None:
        return {"outcome": Outcome.REJECTION.value, "decided_on": today}
    return values_of(
        [
            ("outcome", decision.outcome.value),
            # Empty when the day is not known: the stand-in is no day to offer as the real one.
            ("decided_on", decision.known_day.isoformat() if decision.known_day else None),
            ("day_not_known", None if decision.day_known else "1"),
            ("finalists", decision.finalists),
            ("reason", decision.reason),
            ("offer_response", decision.offer_response.value if decision.offer_response else None),
            ("responded_on", decision.responded_on.isoformat() if decision.responded_on else None),
            ("answer_by", decision.answer_by.isoformat() if decision.answer_by else None),
            *_term_values(decision.terms),
        ]
    )


def _term_values(terms: OfferTerms | None) -> list[tuple[str, object]]:
    """The offer's terms as the form shows them: amounts as plain digits, days as ISO."""
    if terms is None:
        return []
    return [
        (name, value.isoformat() if isinstance(value, date) else value)
        for name, value in terms.items().items()
    ]


# -- feedback and people --------------------------------------------------------------------------


def read_feedback(form: FormReader) -> dict[str, Any]:
    """Keyword arguments for add_feedback (besides the application)."""
    return {
        "text": form.required("text"),
        "source": form.choice("source", FeedbackSource, default=FeedbackSource.RECRUITER),
        "received_on": form.date("received_on", "date you received it"),
        "author": form.text("author"),
        "round_id": form.integer("round", "the round"),
        "interview_id": form.integer("interview", "the interview"),
    }


def read_contact(form: FormReader) -> dict[str, Any]:
    """Keyword arguments for add_contact (besides the application)."""
    return {
        "name": form.required("name"),
        "role": form.choice("role", ContactRole, default=ContactRole.OTHER),
        "company": form.text("company"),
        "title": form.text("title"),
        "email": form.text("email"),
        "phone": form.text("phone"),
        "notes": form.text("notes"),
    }


def contact_summary(contact: Contact) -> str:
    """Role and title in a few words, for lists."""
    bits = [contact.title or "", contact.role.value.replace("_", " ")]
    return " · ".join(b for b in bits if b)


_CONTACT_TEXT = ("name", "title", "company", "email", "phone", "notes")


def contact_values(contact: Contact) -> dict[str, str]:
    """A person as form values; ``application`` is their application's id, "" for none."""
    return values_of(
        [
            ("role", contact.role.value),
            ("application", contact.application_id),
            *((name, getattr(contact, name)) for name in _CONTACT_TEXT),
        ]
    )


def read_contact_changes(form: FormReader, contact: Contact) -> ContactFields:
    """What the edit form changes about a person; an emptied field is passed on as '' (cleared).

    A field the form did not send at all is left as it is.
    """
    stored = contact_values(contact)
    sent = [name for name in _CONTACT_TEXT if name in form.state.values]

    def same(typed: str, kept: str) -> bool:
        # Browsers send a textarea's lines ending in CRLF; that alone is no change.
        return typed.strip().replace("\r\n", "\n") == kept.replace("\r\n", "\n")

    changes: dict[str, Any] = {
        name: form.raw(name) for name in sent if not same(form.raw(name), stored[name])
    }
    role = form.choice("role", ContactRole)
    if role is not None and role is not contact.role:
        changes["role"] = role
    # The person's page moves them to another application or unties them ("" is none), as
    # `contact edit --app N / --no-app` does; a form without the field leaves it as it is.
    if "application" in form.state.values:
        target = form.integer("application", "the application")
        if form.ok and target != contact.application_id:
            changes["application_id"] = target
    return changes  # type: ignore[return-value]
