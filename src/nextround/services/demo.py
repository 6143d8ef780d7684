"""Load the bundled demo journey through the same use cases a user would call."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from importlib import resources
from typing import TYPE_CHECKING, Any

from nextround.domain.competency import Polarity
from nextround.domain.contacts import ContactRole
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import (
    Interviewer,
    InterviewFormat,
    OfferResponse,
    Outcome,
    RoundKind,
    RoundMode,
    RoundOutcome,
    Source,
    WorkMode,
)
from nextround.domain.offer_terms import OfferTerms
from nextround.domain.statements import FeedbackStatement
from nextround.errors import InvalidInputError
from nextround.io.safe_yaml import load_yaml
from nextround.services import applications, contacts, process
from nextround.services import feedback as feedback_service
from nextround.services.debriefs import record_debrief
from nextround.services.frameworks import active_framework
from nextround.services.ports import FullUnitOfWork, GrowthUnitOfWork
from nextround.services.review import review_statement
from nextround.services.stories import add_story

if TYPE_CHECKING:
    from nextround.analysis.mapper import Mapper

DEMO_FORMAT = "nextround-demo/1"


def read_demo() -> dict[str, Any]:
    """The bundled demo journey."""
    text = resources.files("nextround.data").joinpath("demo_journey.yaml").read_text("utf-8")
    doc = load_yaml(text, "demo_journey.yaml")
    if not isinstance(doc, dict) or doc.get("format") != DEMO_FORMAT:
        raise InvalidInputError(f"the demo file is not in the {DEMO_FORMAT} format")
    return doc


def week_shift(anchor: date, today: date) -> timedelta:
    """Whole weeks that move the anchor into the past seven days, keeping weekdays intact."""
    return timedelta(days=7 * ((today - anchor).days // 7))


@dataclass
class LoadedDemo:
    """Ids of what the demo created, by the keys used in the demo file."""

    applications: dict[str, int] = field(default_factory=dict)
    interviews: dict[str, int] = field(default_factory=dict)
    contacts: dict[str, int] = field(default_factory=dict)
    shift: timedelta = timedelta(0)
    doc: dict[str, Any] = field(default_factory=dict)
    note_id: int | None = None  # the thank-you note after the main process's rejection

    @property
    def main_application(self) -> int:
        """The first application in the file: the story's main process."""
        return next(iter(self.applications.values()))


class _Shifter:
    """Moves the file's dates, and carries what every loader step needs."""

    def __init__(self, shift: timedelta, mapper: Mapper, framework_id: str) -> None:
        self.shift = shift
        self.mapper = mapper
        self.framework_id = framework_id

    def day(self, value: Any) -> date | None:
        if value is None:
            return None
        return (value if isinstance(value, date) else date.fromisoformat(str(value))) + self.shift

    def moment(self, value: Any) -> datetime | None:
        if value is None:
            return None
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        return moment + self.shift


def load_demo(uow: FullUnitOfWork, mapper: Mapper, doc: dict[str, Any] | None = None) -> LoadedDemo:
    """Create the whole journey through the use cases, feedback mapped with ``mapper``.

    Applications, contacts, rounds, interviews, debriefs, decisions, feedback and stories,
    then Option A with the ratings and the thank-you note for the main process.
    """
    doc = doc or read_demo()
    shift = week_shift(date.fromisoformat(str(doc["anchor"])), uow.today())
    at = _Shifter(shift, mapper, active_framework(uow).id)
    loaded = LoadedDemo(shift=shift, doc=doc)
    for spec in doc.get("applications", []):
        created = applications.add_application(
            uow,
            {
                "company": spec["company"],
                "role_title": spec["role_title"],
                "applied_on": at.day(spec["applied_on"]),  # type: ignore[typeddict-item]
                "level": spec.get("level"),
                "location": spec.get("location"),
                "work_mode": WorkMode(spec["work_mode"]) if spec.get("work_mode") else None,
                "source": Source(spec.get("source", "other")),
                "posting_url": spec.get("posting_url"),
                "posting_text": spec.get("posting_text"),
                "tags": list(spec.get("tags", [])),
                "notes": spec.get("notes"),
            },
        )
        assert created.id is not None
        loaded.applications[spec["key"]] = created.id
    for person in doc.get("contacts", []):
        contact = contacts.add_contact(
            uow,
            person["name"],
            ContactRole(person.get("role", "other")),
            company=person.get("company"),
            title=person.get("title"),
            email=person.get("email"),
            notes=person.get("notes"),
            application_id=loaded.applications.get(person.get("application", "")),
        )
        assert contact.id is not None
        loaded.contacts[person["key"]] = contact.id
    for spec in doc.get("applications", []):
        _load_process(uow, spec, loaded, at)
    for item in doc.get("feedback", []):
        _load_feedback(uow, item, None, loaded, at)
    for story in doc.get("stories", []):
        add_story(
            uow,
            {
                "title": story["title"],
                "situation": story.get("situation", ""),
                "task": story.get("task", ""),
                "action": story.get("action", ""),
                "result": story.get("result", ""),
                "competencies": list(story.get("competencies", [])),
            },
            mapper=mapper,
        )
    load_option_a(uow, doc, loaded)
    loaded.note_id = send_thank_you(uow, doc, loaded)
    return loaded


def _load_process(
    uow: FullUnitOfWork, spec: dict[str, Any], loaded: LoadedDemo, at: _Shifter
) -> None:
    app_id = loaded.applications[spec["key"]]
    for round_spec in spec.get("rounds", []):
        round_ = process.add_round(
            uow,
            app_id,
            {
                "name": round_spec["name"],
                "kind": RoundKind(round_spec["kind"]),
                "mode": RoundMode(round_spec["mode"]) if round_spec.get("mode") else None,
                "started_on": at.day(round_spec["started_on"]),  # type: ignore[typeddict-item]
                "ended_on": at.day(round_spec.get("ended_on")),
                "outcome": RoundOutcome(round_spec.get("outcome", "pending")),
                "notes": round_spec.get("notes"),
            },
        )
        for interview_spec in round_spec.get("interviews", []):
            interview = process.add_interview(
                uow,
                app_id,
                round_.position,
                {
                    "title": interview_spec["title"],
                    "format": InterviewFormat(interview_spec.get("format", "behavioural")),
                    "scheduled_at": at.moment(interview_spec.get("scheduled_at")),
                    "time_zone": interview_spec.get("time_zone"),
                    "duration_minutes": interview_spec.get("duration_minutes"),
                    "interviewers": [
                        Interviewer(
                            p["name"], p.get("title"), loaded.contacts.get(p.get("contact", ""))
                        )
                        for p in interview_spec.get("interviewers", [])
                    ],
                    "competencies": list(interview_spec.get("competencies", [])),
                    "notes": interview_spec.get("notes"),
                },
            )
            assert interview.id is not None
            loaded.interviews[interview_spec["key"]] = interview.id
            debrief = interview_spec.get("debrief")
            if debrief:
                record_debrief(
                    uow,
                    interview.id,
                    int(debrief["overall"]),
                    went_well=debrief.get("went_well"),
                    went_badly=debrief.get("went_badly"),
                    ratings=dict(debrief.get("ratings", {})),
                    questions=list(debrief.get("questions", [])),
                    mapper=at.mapper,
                )
    decision = spec.get("decision")
    if decision:
        process.set_decision(
            uow,
            app_id,
            Outcome(decision["outcome"]),
            at.day(decision["decided_on"]),
            decision.get("finalists"),
            decision.get("reason"),
            OfferResponse(decision["offer_response"]) if decision.get("offer_response") else None,
            terms=_terms(decision.get("terms", {}), at),
        )
    for item in spec.get("feedback", []):
        _load_feedback(uow, item, app_id, loaded, at)


def _terms(given: dict[str, Any], at: _Shifter) -> OfferTerms | None:
    """An offer's terms from the file; a start date moves with the journey's other dates."""
    if "starts_on" in given:
        given = {**given, "starts_on": at.day(given["starts_on"])}
    return OfferTerms.from_fields(given)


def _load_feedback(
    uow: GrowthUnitOfWork,
    item: dict[str, Any],
    app_id: int | None,
    loaded: LoadedDemo,
    at: _Shifter,
) -> None:
    interview_id = loaded.interviews.get(item.get("interview", ""))
    stored, statements = feedback_service.add_mapped_feedback(
        uow,
        item["text"],
        FeedbackSource(item["source"]),
        lambda: at.mapper,
        at.framework_id,
        received_on=at.day(item["received_on"]),
        author=item.get("author"),
        links=feedback_service.FeedbackLinks(
            application_id=None if interview_id else app_id,
            round_position=None if interview_id else item.get("round"),
            interview_id=interview_id,
        ),
    )
    for review in item.get("review", []):
        _apply_review(uow, statements, review, stored.id)


def _apply_review(
    uow: GrowthUnitOfWork,
    statements: list[FeedbackStatement],
    review: dict[str, Any],
    feedback_id: int | None,
) -> None:
    """What the person confirmed in `feedback review`: this statement is about these skills."""
    quote = " ".join(str(review["quote"]).split()).lower()
    found = [s for s in statements if quote in " ".join(s.text.split()).lower()]
    if len(found) != 1:
        raise InvalidInputError(
            f"demo feedback {feedback_id}: the review quote {review['quote']!r} matches "
            f"{len(found)} statements, not one"
        )
    assert found[0].id is not None
    review_statement(
        uow,
        found[0].id,
        list(review.get("competencies", [])),
        Polarity(review["polarity"]) if review.get("polarity") else None,
    )


# -- Option A and the thank-you note (issue 5) ------------------------------------------------


def load_option_a(uow: FullUnitOfWork, doc: dict[str, Any], loaded: LoadedDemo) -> None:
    """The person's Option A, and each application's ratings from its `options:` block."""
    from nextround.domain.option_a import Criterion, OptionA
    from nextround.services import options

    spec = doc.get("option_a")
    if not spec:
        return
    criteria = tuple(
        Criterion(c["id"], c["name"], float(c.get("weight", 1)), int(c.get("target", 5)))
        for c in spec.get("criteria", [])
    )
    options.save_option_a(uow, OptionA(criteria) if criteria else OptionA.defaults())
    options.define(
        uow,
        description=spec.get("description"),
        must_haves=[str(m) for m in spec.get("must_haves", [])],
        threshold=float(spec["threshold"]) if "threshold" in spec else None,
    )
    for app_spec in doc.get("applications", []):
        if app_spec.get("options"):
            scores = {k: int(v) for k, v in app_spec["options"].items()}
            options.rate(uow, loaded.applications[app_spec["key"]], scores)


def send_thank_you(uow: FullUnitOfWork, doc: dict[str, Any], loaded: LoadedDemo) -> int | None:
    """The first variant of the note after the main process ended, sent the next day."""
    from nextround.services.note_drafting import NoteRequest, draft_notes
    from nextround.services.note_sender import set_sender
    from nextround.services.notes import save_note

    person = doc.get("person", {}).get("name")
    if person:
        set_sender(uow, str(person))
    app = uow.applications.get(loaded.main_application)
    decision = app.current_decision
    if decision is None:
        return None
    drafts = draft_notes(uow, NoteRequest(loaded.main_application))
    sent_on = min(decision.decided_on + timedelta(days=1), uow.today())
    return save_note(uow, drafts, 1, sent_on=sent_on).id
