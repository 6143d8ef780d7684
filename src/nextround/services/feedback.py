"""Use cases for feedback: store the words faithfully, linked to where they belong, and map them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from nextround.domain.feedback import Feedback, FeedbackSource
from nextround.domain.feedback_copies import (
    Overlap,
    earlier_copies,
    held_statements,
    overlap,
    related,
)
from nextround.domain.journey import Application
from nextround.domain.plan_erasure import Erased
from nextround.domain.statement_rounds import statement_round
from nextround.domain.statements import FeedbackStatement, confident_pick
from nextround.errors import DomainError
from nextround.services.erasure import Erasure, erase, statements_erased
from nextround.services.frameworks import active_framework
from nextround.services.mapping import MappedText, analyse
from nextround.services.ports import GrowthUnitOfWork, UnitOfWork
from nextround.services.process import resolve_round
from nextround.services.stamps import touch

if TYPE_CHECKING:
    from collections.abc import Callable

    from nextround.analysis.mapper import Mapper


@dataclass(frozen=True)
class FeedbackLinks:
    """Where a piece of feedback belongs; all optional."""

    application_id: int | None = None
    round_position: int | None = None
    interview_id: int | None = None
    #: The round by id (the web's forms): a stage number shifts when an earlier round is
    #: deleted, an id does not. Give this or ``round_position``, not both.
    round_id: int | None = None


def _new_feedback(
    uow: UnitOfWork,
    text: str,
    source: FeedbackSource,
    received_on: date | None,
    author: str | None,
    links: FeedbackLinks,
) -> Feedback:
    item = checked_feedback(uow, text, source, received_on, author, links)
    touch(uow.now(), item)
    uow.feedback.add(item)
    return item


def checked_feedback(
    uow: UnitOfWork,
    text: str,
    source: FeedbackSource,
    received_on: date | None,
    author: str | None,
    links: FeedbackLinks,
) -> Feedback:
    """New feedback, linked and checked as a save checks it, but not stored.

    A preview runs every check a save runs without adding a row: on PostgreSQL even a row
    rolled back uses up an id, so previews would leave gaps in the numbers (#4, #6, #8).
    """
    item = Feedback(text=text, source=source, received_on=received_on or uow.today(), author=author)
    item.check()
    _check_date(uow, item)
    _link(uow, item, links)
    return item


def _check_date(uow: UnitOfWork, item: Feedback) -> None:
    if item.received_on > uow.today():
        raise DomainError(
            f"feedback cannot be received on {item.received_on}, in the future; "
            f"give a date on or before {uow.today()}"
        )


def _link(uow: UnitOfWork, item: Feedback, links: FeedbackLinks) -> None:
    if links.interview_id is not None:
        app, round_, interview = uow.applications.get_interview(links.interview_id)
        if links.application_id is not None and links.application_id != app.id:
            raise DomainError(
                f"interview {links.interview_id} belongs to application {app.id}, "
                f"not {links.application_id}; drop one of the two"
            )
        if links.round_position is not None and links.round_position != round_.position:
            raise DomainError(
                f"interview {links.interview_id} is in round {round_.position}, "
                f"not {links.round_position}"
            )
        # As for a debrief (check_debrief_allowed): nothing can be said of it yet.
        interview.check_happened(uow.now(), round_.started_on, "add its feedback afterwards")
        item.application_id, item.round_id, item.interview_id = app.id, round_.id, interview.id
    elif links.application_id is not None:
        app = uow.applications.get(links.application_id)
        item.application_id = app.id
        if links.round_position is not None:
            item.round_id = resolve_round(app, links.round_position).id
        if links.round_id is not None:
            if not any(r.id == links.round_id for r in app.rounds):
                raise DomainError(
                    f"round {links.round_id} is not part of application {app.id} (deleted "
                    "since?); pick one from the list"
                )
            item.round_id = links.round_id
    elif links.round_position is not None:
        raise DomainError("a round number needs the application it belongs to (--app)")
    if item.application_id is not None:
        _check_not_before(item, uow.applications.get(item.application_id))


def _check_not_before(item: Feedback, app: Application) -> None:
    """Feedback cannot come before what it is about: the application, round or interview."""
    if item.received_on < app.applied_on:
        raise DomainError(
            f"feedback received on {item.received_on} predates the application on "
            f"{app.applied_on}; check the date"
        )
    round_ = next((r for r in app.rounds if r.id == item.round_id), None)
    if round_ is None:
        return
    interview = next((i for i in round_.interviews if i.id == item.interview_id), None)
    if interview is not None and interview.scheduled_at is not None:
        held_on = interview.scheduled_at.astimezone().date()  # the user's day, as received_on
        if item.received_on < held_on:
            raise DomainError(
                f"feedback received on {item.received_on} predates {interview.named()}; "
                "check the date, or link the feedback to an earlier interview"
            )
    elif item.received_on < round_.started_on:
        raise DomainError(
            f"feedback received on {item.received_on} predates round {round_.position} "
            f"({round_.name}), which started on {round_.started_on}; check the date, or "
            "link the feedback to an earlier round"
        )


def add_feedback(
    uow: UnitOfWork,
    text: str,
    source: FeedbackSource,
    *,
    received_on: date | None = None,
    author: str | None = None,
    application_id: int | None = None,
    round_position: int | None = None,
    interview_id: int | None = None,
) -> Feedback:
    """Store a piece of feedback exactly as given."""
    links = FeedbackLinks(application_id, round_position, interview_id)
    item = _new_feedback(uow, text, source, received_on, author, links)
    uow.commit()
    return item


#: What the CLI and the web say of feedback in which nothing reads as feedback.
NOTHING_TO_READ = (
    "Nothing in it reads as feedback (only thanks, courtesy, talk about the decision, tips "
    "on interview technique or remarks on the CV); it stays stored as given."
)


def holds_feedback(uow: GrowthUnitOfWork, item: Feedback) -> bool:
    """Whether splitting stored feedback on the framework in use would find any statement.

    Feedback with no statements either was stored with --no-map (splitting it would find
    some) or holds only courtesy and talk about the decision (splitting finds none,
    whether it was tried or not): only the first is worth `feedback map`. Reading the
    words takes no model.
    """
    from nextround.analysis.statements import split_statements

    names = [c.name for c in active_framework(uow).competencies]
    return bool(split_statements(item.text, names))


def add_mapped_feedback(
    uow: GrowthUnitOfWork,
    text: str,
    source: FeedbackSource,
    get_mapper: Callable[[], Mapper],
    framework_id: str,
    *,
    received_on: date | None = None,
    author: str | None = None,
    links: FeedbackLinks | None = None,
) -> tuple[Feedback, list[FeedbackStatement]]:
    """Store feedback and, in the same transaction, its statements mapped onto a framework.

    ``get_mapper`` is only called once the input has been checked, so bad input never
    waits for a model to load.
    """
    item = _new_feedback(uow, text, source, received_on, author, links or FeedbackLinks())
    uow.flush()
    mapper = get_mapper()
    statements = store_statements(
        uow, item, analyse([item.text], mapper)[0], framework_id, mapper.name
    )
    uow.commit()
    return item, statements


def map_stored_feedback(
    uow: GrowthUnitOfWork,
    feedback_id: int,
    get_mapper: Callable[[], Mapper],
    framework_id: str,
) -> tuple[Feedback, list[FeedbackStatement]]:
    """Split and map feedback that was stored without it (`feedback add --no-map`).

    Its statements wait for review as those of new feedback do. Feedback already split is
    refused rather than split again: its statements may hold the user's verdicts. Split on
    another framework only, it is read again on this one, that reading kept.
    """
    item = uow.feedback.get(feedback_id)
    existing = uow.statements.for_feedback(feedback_id)
    if existing and all(s.framework_id != framework_id for s in existing):
        from nextround.services.framework_reading import read_feedback_on

        read = read_feedback_on(uow, framework_id, get_mapper, feedback_ids=[feedback_id])
        return item, read.statements
    if existing:
        raise DomainError(
            f"feedback {feedback_id} is already split into {len(existing)} statement"
            f"{'s' * (len(existing) != 1)}",
            cli_hint=f"see them with `nextround feedback show {feedback_id}`",
            web_hint="see them on its page",
        )
    mapper = get_mapper()
    statements = store_statements(
        uow, item, analyse([item.text], mapper)[0], framework_id, mapper.name
    )
    uow.commit()
    return item, statements


def store_statements(
    uow: GrowthUnitOfWork,
    item: Feedback,
    mapped: MappedText,
    framework_id: str,
    mapper_name: str,
) -> list[FeedbackStatement]:
    """Save the statements of a mapped feedback item, as suggestions not yet confirmed."""
    assert item.id is not None
    saved = []
    # A statement naming another round of the process ("your take-home") is filed there.
    rounds = uow.applications.get(item.application_id).rounds if item.application_id else []
    for position, part in enumerate(mapped.statements, start=1):
        statement = FeedbackStatement(
            feedback_id=item.id,
            position=position,
            text=part.text,
            start=part.start,
            end=part.end,
            framework_id=framework_id,
            polarity=part.polarity,
            polarity_confidence=part.polarity_confidence,
            cues=list(part.cues),
            suggestions=list(part.matches),
            competencies=confident_pick(part.matches),
            mapper=mapper_name,
            round_id=statement_round(part.text, rounds, item.round_id),
        )
        touch(uow.now(), statement)
        uow.statements.add(statement)
        saved.append(statement)
    return saved


@dataclass(frozen=True)
class FeedbackChanges:
    """What to change about stored feedback; None keeps a field. The text itself never changes."""

    source: FeedbackSource | None = None
    received_on: date | None = None
    author: str | None = None
    links: FeedbackLinks | None = None  # where it belongs now, replacing the old links
    unlink: bool = False  # about no application at all (general feedback)

    @property
    def names(self) -> list[str]:
        """The fields changed, for saying what was done."""
        fields = ("source", "received_on", "author")
        named = [f for f in fields if getattr(self, f) is not None]
        return named + (["links"] if self.links is not None or self.unlink else [])


def edit_feedback(uow: GrowthUnitOfWork, feedback_id: int, changes: FeedbackChanges) -> Feedback:
    """Correct who feedback came from, when, and which process it is about.

    Its statements and their confirmations stay: the profile reads source, date and
    application from the feedback, so they follow at once.
    """
    if not changes.names:
        raise DomainError("nothing to change; give at least one option")
    if changes.unlink and changes.links is not None:
        raise DomainError("give new links or detach the feedback, not both")
    item = uow.feedback.get(feedback_id)
    if changes.source is not None:
        item.source = changes.source
    if changes.received_on is not None:
        item.received_on = changes.received_on
    if changes.author is not None:
        item.author = changes.author or None  # an empty author removes it
    item.check()
    _check_date(uow, item)
    links = changes.links
    if links is not None and links.application_id is None and links.interview_id is None:
        # Only a round number: a round of the process the feedback is already about.
        links = FeedbackLinks(item.application_id, links.round_position, round_id=links.round_id)
    if links is not None or changes.unlink:
        item.application_id = item.round_id = item.interview_id = None
    _link(uow, item, links or FeedbackLinks(item.application_id))
    if links is not None or changes.unlink:
        refile_statements(uow, item)
    touch(uow.now(), item)
    uow.commit()
    return item


def refile_statements(uow: GrowthUnitOfWork, item: Feedback) -> None:
    """File each statement of ``item`` again under the round it names, in its process now.

    Moved to another process (or round), a statement's round of the old one means nothing.
    """
    rounds = uow.applications.get(item.application_id).rounds if item.application_id else []
    for statement in uow.statements.for_feedback(item.id or 0):
        statement.round_id = statement_round(statement.text, rounds, item.round_id)


def earlier_copies_of(uow: UnitOfWork, feedback_id: int) -> list[Feedback]:
    """The feedback stored before this item with the very same text, as a paste made twice.

    Said, not refused: the same e-mail may rightly be stored on two processes. Until its
    statements are reviewed, the later copy does not count in the profile.
    """
    item = uow.feedback.get(feedback_id)
    return earlier_copies(item.text, uow.feedback.list(), before=feedback_id)


def said_before(
    uow: GrowthUnitOfWork, item: Feedback, texts: list[str], framework_id: str
) -> Overlap:
    """What these statements of ``item`` (stored or a draft) say again of related feedback.

    Compared with the statements of the feedback stored before it on the same application
    or from the same author (any date or round; for feedback about no application, with
    every item: ``related``), and with each other: the rule the profile applies
    (``copied_statements``).
    """
    pairs = uow.statements.with_feedback(framework_id)
    earlier = (
        (s.text, other)
        for s, other in pairs
        if other.id is not None and (item.id is None or other.id < item.id) and related(item, other)
    )
    return overlap(texts, held_statements(earlier))


def statements_said_before(uow: GrowthUnitOfWork, feedback_id: int) -> Overlap:
    """What a stored item's statements (on the framework in use) say again; see ``said_before``."""
    item = uow.feedback.get(feedback_id)
    framework_id = active_framework(uow).id
    statements = [
        s for s in uow.statements.for_feedback(feedback_id) if s.framework_id == framework_id
    ]
    statements.sort(key=lambda s: s.position)
    return said_before(uow, item, [s.text for s in statements], framework_id)


def list_feedback(uow: UnitOfWork, application_id: int | None = None) -> list[Feedback]:
    """All feedback, or that of one application, oldest first."""
    if application_id is not None:
        uow.applications.get(application_id)
    return uow.feedback.list(application_id)


@dataclass(frozen=True)
class RemovedFeedback:
    """A deleted feedback item, and how many of its statements went with it."""

    feedback: Feedback
    statements: int
    confirmed: int
    #: What the plan and the embedding cache forgot with it.
    erasure: Erasure = field(default_factory=Erasure)


def feedback_erased(uow: GrowthUnitOfWork, feedback_id: int) -> Erased:
    """A feedback item's statements, in every framework's reading, as the plan knows them."""
    return statements_erased(uow.statements.all_readings([feedback_id]))


def remove_feedback(uow: GrowthUnitOfWork, feedback_id: int) -> RemovedFeedback:
    """Delete a feedback item with its statements, and so the evidence and examples they gave.

    For feedback pasted twice or on the wrong process: left in, it would count twice in the
    profile (or for the wrong company) and keep teaching the mapper.
    """
    item = uow.feedback.get(feedback_id)
    statements = uow.statements.for_feedback(feedback_id)
    erased = feedback_erased(uow, feedback_id)
    uow.statements.delete_for_feedback(feedback_id)
    # Statements first: deleting the feedback would cascade to them in the database, and the
    # ORM's own deletes of them would then find nothing to delete.
    uow.flush()
    uow.feedback.delete(item)
    uow.flush()
    erasure = erase(uow, erased)
    uow.commit()
    return RemovedFeedback(item, len(statements), sum(s.confirmed for s in statements), erasure)


def set_statement_round(
    uow: GrowthUnitOfWork, statement_id: int, round_position: int | None
) -> FeedbackStatement:
    """File a statement under round ``round_position`` of its process; None: its item's round.

    The words are the same on every framework, so each reading of them moves with it.
    """
    statement = uow.statements.get(statement_id)
    item = uow.feedback.get(statement.feedback_id)
    round_id: int | None = None
    if round_position is not None:
        if item.application_id is None:
            raise DomainError(
                f"statement {statement_id} is from feedback about no application, so it has "
                "no rounds to choose from",
                cli_hint=f"link the feedback first: `nextround feedback edit {item.id} --app ID`",
                web_hint="link the feedback to its application first",
            )
        app = uow.applications.get(item.application_id)
        round_ = next((r for r in app.rounds if r.position == round_position), None)
        if round_ is None:
            have = ", ".join(f"{r.position} ({r.name})" for r in app.ordered_rounds) or "none"
            raise DomainError(
                f"application {app.id} has no round {round_position}; its rounds: {have}"
            )
        round_id = None if round_.id == item.round_id else round_.id
    for same in uow.statements.for_feedback(item.id or 0):
        if same.position == statement.position:
            same.round_id = round_id
            touch(uow.now(), same)
    uow.commit()
    return statement
