"""Feedback entered with its mapping in view: preview the statements, then save them as judged."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from nextround.analysis.language import language_name, not_english, what_is_read
from nextround.analysis.not_feedback import NotFeedback, left_out_kinds, read_around
from nextround.domain.competency import Framework, Polarity
from nextround.domain.feedback import Feedback, FeedbackSource
from nextround.domain.feedback_copies import Overlap, copy_note, earlier_copies
from nextround.domain.journey import Round
from nextround.domain.statement_rounds import statement_round
from nextround.domain.statements import FeedbackStatement
from nextround.errors import DomainError
from nextround.services.feedback import (
    FeedbackLinks,
    add_mapped_feedback,
    checked_feedback,
    said_before,
)
from nextround.services.frameworks import active_framework
from nextround.services.mapping import MappedStatement, analyse
from nextround.services.ports import GrowthUnitOfWork
from nextround.services.review import review_statement
from nextround.services.transaction import held

if TYPE_CHECKING:
    from nextround.analysis.mapper import Mapper

MapperFor = Callable[[Framework], "Mapper"]


@dataclass(frozen=True)
class FeedbackDraft:
    """Feedback as typed into a form, not stored yet."""

    text: str
    source: FeedbackSource
    received_on: date | None = None
    author: str | None = None
    links: FeedbackLinks = field(default_factory=FeedbackLinks)


@dataclass(frozen=True)
class FeedbackPreview:
    """How a draft would be split and mapped, on the framework in use."""

    framework: Framework
    mapper_name: str
    fallback: bool
    statements: list[MappedStatement]
    #: The language code of a draft clearly not in English, which is read unreliably.
    not_english: str | None = None
    #: What the draft says outside its statements (thanks, decision talk), shown so that
    #: nothing is dropped unseen.
    left_out: list[str] = field(default_factory=list)
    #: Stored feedback with the very same text: saving the draft would store it twice.
    copies: list[Feedback] = field(default_factory=list)
    #: What the draft holds that is plainly no feedback, with why: a quoted earlier message,
    #: an e-mail disclaimer, a copied message's header, a table's header row, a tip on
    #: interview technique, a remark on the CV or cover letter.
    set_aside: list[NotFeedback] = field(default_factory=list)
    #: The statements the draft says again (most of them already in stored feedback of the
    #: same application, or twice in the draft): saved, those wait unconfirmed.
    overlap: Overlap | None = None
    #: The round each statement names, when not the draft's own (QA21 F11): saved, it is
    #: filed there, so the preview says so as the review does.
    named_rounds: list[Round | None] = field(default_factory=list)

    def round_text(self, index: int) -> str | None:
        """'About round 2, Technical take-home (named in it)' for the statement at ``index``."""
        own = self.named_rounds[index] if index < len(self.named_rounds) else None
        return f"About round {own.position}, {own.name} (named in it)" if own else None

    @property
    def copy_note(self) -> str | None:
        """The note that the draft repeats stored feedback word for word, when it does."""
        if not self.copies:
            return None
        note = copy_note(self.copies)
        return note[0].upper() + note[1:]

    @property
    def overlap_note(self) -> str | None:
        """'8 of its 10 statements are already in feedback 1 …', when the draft repeats some."""
        if self.copies or self.overlap is None:
            return None
        note = self.overlap.note()
        return f"This feedback: {note}" if note else None

    @property
    def no_fit_note(self) -> str | None:
        """The one line saying some judgements have no home in the framework, when some do."""
        from nextround.services.framework_fit import no_fit_note

        read = [(s.polarity, s.matches) for s in self.statements]
        return no_fit_note(self.framework, read, by_words=self.fallback)

    @property
    def left_out_kinds(self) -> str:
        """What kinds of passage were not read as feedback, for the list's heading."""
        return left_out_kinds(self.left_out, self.set_aside)

    @property
    def language_name(self) -> str | None:
        """The name of the draft's language, when it is clearly not English."""
        return language_name(self.not_english) if self.not_english else None

    @property
    def what_is_read(self) -> str | None:
        """What nextround reads of the draft ("nextround reads English only"), if not English."""
        return what_is_read(self.not_english, feedback=True) if self.not_english else None


@dataclass(frozen=True)
class Verdict:
    """What the user made of one previewed statement.

    ``position`` counts from 1 as the preview did, and ``text`` is the statement the user
    saw, so a save can tell when the feedback would now be split differently.
    """

    position: int
    text: str
    competencies: tuple[str, ...]
    polarity: Polarity
    # False when the user picked nothing (not even "about no competency"): the statement is
    # left for review later, whatever else the form says.
    decided: bool = True
    # "About no competency" ticked. Where the mapper had suggestions (none of them ticked for
    # the user, being too weak), ticking it is a correction like any other.
    none: bool = False


class PreviewOutdatedError(DomainError):
    """The feedback splits differently from the preview the verdicts were given on."""


#: What a save says when the verdicts were given on statements the text no longer splits into.
OUTDATED = (
    "the feedback now splits into different statements than the preview showed; "
    "check the suggestions below again, then save"
)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def same_statements(seen: Sequence[str], now: Sequence[str]) -> bool:
    """Whether the statements the user judged are the ones the text splits into now."""
    return len(seen) == len(now) and all(_same(a, b) for a, b in zip(seen, now, strict=True))


def preview_feedback(
    uow: GrowthUnitOfWork, draft: FeedbackDraft, mapper_for: MapperFor
) -> FeedbackPreview:
    """Check a draft as a save would, then split and map it without storing it.

    Nothing the user typed is written. The draft runs every check a save runs (dates,
    links), so the preview never promises a save that would fail. Only the embedding cache
    the mapper filled is committed: it is what makes the next preview and the save fast.
    """
    checked = checked_feedback(
        uow, draft.text, draft.source, draft.received_on, draft.author, draft.links
    )
    text = checked.text
    draft_item = Feedback(
        text,
        checked.source,
        checked.received_on,
        author=checked.author,
        application_id=checked.application_id,
    )
    copies = earlier_copies(text, uow.feedback.list())
    framework = active_framework(uow)
    mapper = mapper_for(framework)
    mapped = analyse([text], mapper)[0]
    uow.commit()
    said = said_before(uow, draft_item, [s.text for s in mapped.statements], framework.id)
    rounds = uow.applications.get(checked.application_id).rounds if checked.application_id else []
    by_id = {r.id: r for r in rounds}
    named = [statement_round(s.text, rounds, checked.round_id) for s in mapped.statements]
    spans = [(statement.start, statement.end) for statement in mapped.statements]
    usual, asides = read_around(text, spans, [c.name for c in framework.competencies])
    return FeedbackPreview(
        framework,
        mapper.name,
        mapper.is_fallback,
        mapped.statements,
        not_english(text),
        usual,
        copies,
        asides,
        said,
        [by_id.get(n) if n is not None else None for n in named],
    )


def add_judged_feedback(
    uow: GrowthUnitOfWork,
    draft: FeedbackDraft,
    mapper_for: MapperFor,
    verdicts: Sequence[Verdict] = (),
    *,
    confirm_all: bool = True,
) -> tuple[Feedback, list[FeedbackStatement]]:
    """Store feedback mapped onto the framework in use, with the user's verdicts, in one go.

    With ``confirm_all`` every statement is confirmed as the verdicts say; otherwise only
    the statements whose verdict differs from the suggestion (the corrections) are, and the
    rest wait in the review inbox. Without verdicts the statements all wait for review.
    Raises PreviewOutdatedError, and stores nothing, when the text now splits differently.

    A copy (the text repeats stored feedback word for word) is stored with every statement
    waiting for review, whatever the verdicts: confirmed in passing, the same words would
    count twice. It still counts once reviewed in the inbox, a choice made one statement at
    a time, for the same e-mail that rightly belongs to two processes. So do the statements
    said again of a near copy (``said_before``); its new statements take their verdicts.
    """
    framework = active_framework(uow)
    if earlier_copies(draft.text, uow.feedback.list()):
        verdicts = ()
    steps = held(uow)
    item, statements = add_mapped_feedback(
        steps,
        draft.text,
        draft.source,
        lambda: mapper_for(framework),
        framework.id,
        received_on=draft.received_on,
        author=draft.author,
        links=draft.links,
    )
    if verdicts:
        ordered = sorted(verdicts, key=lambda v: v.position)
        if not same_statements([v.text for v in ordered], [s.text for s in statements]):
            raise PreviewOutdatedError(OUTDATED)
        said = said_before(steps, item, [s.text for s in statements], framework.id).left_out
        for index, (verdict, statement) in enumerate(zip(ordered, statements, strict=True)):
            assert statement.id is not None
            if not verdict.decided or index in said:
                continue
            changed = (
                list(verdict.competencies) != statement.pick
                or verdict.polarity is not statement.polarity
                or (verdict.none and bool(statement.suggestions))
            )
            if confirm_all or changed:
                review_statement(steps, statement.id, list(verdict.competencies), verdict.polarity)
    uow.commit()
    return item, statements
