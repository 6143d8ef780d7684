"""Deleting records for good: the plan's words and the cached vectors made from them go too."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nextround.domain.evidence import EvidenceOrigin
from nextround.domain.plan_erasure import Erased, PlanForgetting, forget

if TYPE_CHECKING:
    # Named in annotations only: services that list feedback import this module for their
    # removals, and showing an application should not load the story bank's domain.
    from nextround.domain.debrief import Debrief
    from nextround.domain.statements import FeedbackStatement
    from nextround.domain.stories import Story
    from nextround.services.ports import GrowthUnitOfWork

#: The parts of a story the mapper reads (see services.stories.STAR_WEIGHTS).
_STORY_PARTS = ("title", "situation", "task", "action", "result")

#: How the plan cites a debrief: its notes, and its self-ratings.
_DEBRIEF_ORIGINS = (EvidenceOrigin.DEBRIEF, EvidenceOrigin.SELF_RATING)


@dataclass(frozen=True)
class Erasure:
    """What forgetting deleted records changed besides the records themselves."""

    #: Open plan actions dropped, in every framework's plan.
    dropped: int = 0
    #: Done plan actions kept as history, their quotes of the deleted records removed.
    emptied: int = 0
    #: Cached vectors of deleted texts no longer used anywhere, removed.
    vectors: int = 0


def plan_forgets(open_actions: int, done_actions: int) -> str:
    """What deleting records does to the plan built from them, in one sentence."""
    parts = []
    if open_actions:
        verb = "goes" if open_actions == 1 else "go"
        parts.append(f"{_count(open_actions, 'open plan action')} built from it {verb}")
    if done_actions:
        one = done_actions == 1
        parts.append(
            f"{_count(done_actions, 'done action')} "
            f"{'stays' if one else 'stay'} as history, without {'its' if one else 'their'} "
            "quotes of it"
        )
    said = "; ".join(parts)
    return f"{said[:1].upper()}{said[1:]}."


def _count(n: int, one: str) -> str:
    return f"{n} {one if n == 1 else one + 's'}"


def statements_erased(statements: Iterable[FeedbackStatement]) -> Erased:
    """The statements as the plan cites and quotes them."""
    listed = list(statements)
    return Erased(
        refs=frozenset(f"feedback:{s.id}" for s in listed if s.id is not None),
        texts=tuple(s.text for s in listed),
    )


def debriefs_erased(debriefs: Iterable[Debrief]) -> Erased:
    """Debriefs as the plan cites (their ratings) and quotes (their notes) them."""
    listed = list(debriefs)
    return Erased(
        refs=frozenset(
            f"{origin}:{d.id}" for d in listed if d.id is not None for origin in _DEBRIEF_ORIGINS
        ),
        texts=tuple(
            text
            for d in listed
            for text in (d.went_well, d.went_badly, *(q.text for q in d.questions))
            if text
        ),
    )


def debrief_texts(debrief: Debrief) -> tuple[str, ...]:
    """What the person wrote in a debrief: its notes and the questions they logged."""
    return tuple(
        t
        for t in (debrief.went_well, debrief.went_badly, *(q.text for q in debrief.questions))
        if t
    )


def edited_out(uow: GrowthUnitOfWork, before: Iterable[str], after: Iterable[str]) -> Erasure:
    """Forget the texts an edit took out (a debrief's notes rewritten, questions removed).

    As deleting a record does: open plan actions quoting them go, done ones lose the
    quotes, and their cached vectors go unless another record still has the text. Call it
    after the edit is flushed and before the commit. The record itself stays, so nothing
    that cites it goes: only what quotes the words no longer in it.
    """
    kept = set(after)
    gone = tuple(dict.fromkeys(t for t in before if t and t not in kept))
    return erase(uow, Erased(texts=gone)) if gone else Erasure()


def story_erased(story: Story) -> Erased:
    """A story as the plan names and quotes it."""
    return Erased(
        stories=frozenset({story.id} if story.id is not None else ()),
        texts=tuple(getattr(story, part) or "" for part in _STORY_PARTS),
    )


def resting_on(uow: GrowthUnitOfWork, erased: Erased) -> tuple[int, int]:
    """How many open and done plan actions (of every framework) rest on ``erased``."""
    from nextround.domain.plan_erasure import rests_on

    resting = [
        a
        for f in uow.plan.framework_ids()
        for a in uow.plan.on_framework(f)
        if erased and rests_on(a, erased)
    ]
    return sum(1 for a in resting if not a.done), sum(1 for a in resting if a.done)


def erase(uow: GrowthUnitOfWork, erased: Erased) -> Erasure:
    """Forget ``erased`` in every framework's plan and in the embedding cache.

    Call it after the records are deleted (flushed) and before the commit: the texts still
    in use are read from what is left, so a text another record shares keeps its vector.
    """
    if not erased:
        return Erasure()
    dropped = emptied = 0
    for framework_id in uow.plan.framework_ids():
        outcome: PlanForgetting = forget(uow.plan.on_framework(framework_id), erased)
        if outcome.changed:
            uow.plan.replace_on(framework_id, outcome.actions)
            dropped += outcome.dropped
            emptied += outcome.emptied
    return Erasure(dropped, emptied, forget_vectors(uow, erased.texts))


def forget_vectors(uow: GrowthUnitOfWork, texts: Iterable[str]) -> int:
    """Remove the cached vectors of deleted texts that nothing left in the database uses."""
    from nextround.analysis.embedding_cache import text_key

    gone = {text_key(form) for text in texts if text.strip() for form in embedded_forms(text)}
    if not gone:
        return 0
    gone -= {text_key(form) for text in _texts_in_use(uow) for form in embedded_forms(text)}
    return uow.embeddings.forget(sorted(gone)) if gone else 0


def embedded_forms(text: str) -> set[str]:
    """Every form of a text the mapper may have embedded (whole, clauses, normalised)."""
    from nextround.analysis.achievements import readings
    from nextround.analysis.text_normalise import normalise_statement

    pieces = {text, *readings(text)}
    return {
        form
        for piece in pieces
        for form in (
            piece,
            normalise_statement(piece),
            normalise_statement(piece, keep_grades=True),
        )
    }


def _texts_in_use(uow: GrowthUnitOfWork) -> Iterable[str]:
    """The texts the records left may have had embedded: kept, their vectors stay."""
    from nextround.analysis.mapper import framework_texts

    yield from (s.text for s in uow.statements.all_readings())
    for debrief in uow.debriefs.all():
        yield from (q.text for q in debrief.questions)
    for story in uow.stories.all():
        yield from (getattr(story, part) or "" for part in _STORY_PARTS)
    for framework_id in uow.frameworks.ids():
        yield from framework_texts(uow.frameworks.get(framework_id))
