"""Use cases for reviewing mapped statements: the user confirms or corrects each one."""

from __future__ import annotations

from dataclasses import dataclass, replace

from nextround.domain.competency import Polarity
from nextround.domain.feedback import Feedback
from nextround.domain.feedback_copies import copied_statements, repeated, review_note
from nextround.domain.journey import Round
from nextround.domain.statements import FeedbackStatement, confident_pick
from nextround.errors import DomainError
from nextround.services.frameworks import competency_ids
from nextround.services.ports import GrowthUnitOfWork
from nextround.services.stamps import touch


@dataclass(frozen=True)
class ReviewItem:
    """A statement awaiting review, with the feedback it came from."""

    statement: FeedbackStatement
    feedback: Feedback
    #: The feedback that said this statement already, when it is a copy (see
    #: ``statement_copies``): left out of the profile until reviewed, counted once confirmed.
    copy_of: Feedback | None = None
    #: Whether the whole text of the feedback repeats ``copy_of`` word for word.
    whole_copy: bool = True
    #: The rounds of the feedback's application, in order: where the statement may be filed.
    rounds: tuple[Round, ...] = ()

    @property
    def own_round(self) -> Round | None:
        """The round the statement names, when not its feedback's own (QA21 F11)."""
        return next((r for r in self.rounds if r.id == self.statement.round_id), None)

    @property
    def round_text(self) -> str | None:
        """'about round 2, Technical take-home (named in it)', for a round of its own."""
        own = self.own_round
        return f"about round {own.position}, {own.name} (named in it)" if own else None

    @property
    def repeats_itself(self) -> bool:
        """Whether it repeats a statement of its own feedback (deleting that would lose all)."""
        return self.copy_of is not None and self.copy_of.id == self.feedback.id

    @property
    def copy_note(self) -> str | None:
        """What confirming the statement of a copy does, when it is one."""
        if self.copy_of is None:
            return None
        return review_note(self.feedback.id, self.copy_of, whole=self.whole_copy)


def statement_copies(
    uow: GrowthUnitOfWork, statements: list[FeedbackStatement]
) -> dict[int, tuple[Feedback, bool]]:
    """For these statements, each copy's earlier feedback, and whether its text is identical.

    The rule of the profile (``copied_statements``), on each framework the statements are on.
    """
    if not statements:
        return {}
    identical = repeated(uow.feedback.list())
    found: dict[int, tuple[Feedback, bool]] = {}
    for framework_id in sorted({s.framework_id for s in statements}):
        pairs = uow.statements.with_feedback(framework_id)
        whole = {s.id: item.id in identical for s, item in pairs}
        for statement_id, original in copied_statements(pairs, identical).items():
            found[statement_id] = (original, whole[statement_id])
    return found


def review_item(
    statement: FeedbackStatement, feedback: Feedback, copies: dict[int, tuple[Feedback, bool]]
) -> ReviewItem:
    """A statement to review, with the feedback it said again when it is a copy."""
    original, whole = copies.get(statement.id or 0, (None, True))
    return ReviewItem(statement, feedback, original, whole)


def pending_review(uow: GrowthUnitOfWork) -> list[ReviewItem]:
    """Statements whose mapping the user has not confirmed yet, oldest feedback first."""
    statements = uow.statements.unconfirmed()
    copies = statement_copies(uow, statements)
    items = with_rounds(
        uow, [review_item(s, uow.feedback.get(s.feedback_id), copies) for s in statements]
    )
    return sorted(
        items, key=lambda i: (i.feedback.received_on, i.feedback.id or 0, i.statement.position)
    )


def with_rounds(uow: GrowthUnitOfWork, items: list[ReviewItem]) -> list[ReviewItem]:
    """The items, each with the rounds of its feedback's application (one read per process)."""
    rounds: dict[int, tuple[Round, ...]] = {}
    found = []
    for item in items:
        app_id = item.feedback.application_id
        if app_id is not None and app_id not in rounds:
            rounds[app_id] = tuple(uow.applications.get(app_id).ordered_rounds)
        found.append(replace(item, rounds=rounds[app_id]) if app_id is not None else item)
    return found


def unconfirmed_copy(uow: GrowthUnitOfWork, statement_id: int) -> ReviewItem | None:
    """The statement, when it is an unconfirmed copy: confirmed, it would count a second time."""
    statement = uow.statements.get(statement_id)
    if statement.confirmed:
        return None  # counted already, as the user's verdict: changing it adds nothing
    item = review_item(
        statement, uow.feedback.get(statement.feedback_id), statement_copies(uow, [statement])
    )
    return item if item.copy_of is not None else None


def review_statement(
    uow: GrowthUnitOfWork,
    statement_id: int,
    competencies: list[str] | None = None,
    polarity: Polarity | None = None,
    *,
    count_copy: bool = True,
) -> FeedbackStatement:
    """Confirm a statement's mapping; ``competencies=None`` accepts the current one.

    An empty list says the statement is about no competency at all. Confirmed statements
    become labelled examples that teach the mapper. Without ``count_copy`` a statement that
    repeats one already stored (``unconfirmed_copy``) is refused, not counted a second time:
    for a review where the user was not shown that it is a copy (a script).
    """
    statement = uow.statements.get(statement_id)
    copy = None if count_copy else unconfirmed_copy(uow, statement_id)
    if copy is not None and copy.copy_note is not None:
        undo = (
            ""
            if copy.repeats_itself
            else "; if it was pasted twice, delete the copy (`nextround feedback rm "
            f"{copy.feedback.id}`)"
        )
        raise DomainError(
            f"statement {statement_id} was not confirmed: {copy.copy_note}",
            cli_hint=f"add --yes to count it all the same{undo}",
            web_hint="confirm it again to count it all the same",
        )
    framework = uow.frameworks.get(statement.framework_id)
    chosen = statement.pick if competencies is None else competency_ids(framework, competencies)
    # Accepting as is takes the pre-selected pick. An unsure guess is never pre-selected, so
    # accepting one needs the user to name it; with no suggestion at all, it means "none".
    if competencies is None and not chosen and not statement.confirmed and statement.suggestions:
        best = statement.suggestions[0]
        name = next((c.name for c in framework.competencies if c.id == best.competency_id), "")
        raise DomainError(
            f"statement {statement_id} has no suggestion confident enough to accept (the best "
            f"is {name or best.competency_id} at {best.confidence:.0%}); name its competency "
            "(--competency ID) or say it is about none (--none)"
        )
    statement.confirm(chosen, polarity, {c.id for c in framework.competencies}, uow.now())
    touch(uow.now(), statement)
    uow.commit()
    return statement


def review_again(uow: GrowthUnitOfWork, statement_id: int) -> FeedbackStatement:
    """Put a statement back to review, its verdict undone (one carried from another framework).

    It waits with the suggestions it was read with, as a statement never reviewed does.
    """
    statement = uow.statements.get(statement_id)
    statement.confirmed = False
    statement.competencies = confident_pick(statement.suggestions)
    statement.reviewed_at = None
    touch(uow.now(), statement)
    uow.commit()
    return statement


@dataclass(frozen=True)
class ScoreMove:
    """One competency's profile score before and after a review."""

    name: str
    before: float
    after: float

    @property
    def text(self) -> str:
        """'Stakeholder management 0.51 → 0.58'."""
        return f"{self.name} {self.before:.2f} → {self.after:.2f}"


def profile_scores(uow: GrowthUnitOfWork, half_life_days: int) -> dict[str, tuple[str, float]]:
    """Each competency's name and profile score now, as the profile computes it."""
    from nextround.services.profile import current_profile

    profile = current_profile(uow, half_life_days).profile
    return {s.competency_id: (s.name, s.mean) for s in profile.competencies}


def score_moves(
    before: dict[str, tuple[str, float]], after: dict[str, tuple[str, float]]
) -> list[ScoreMove]:
    """The competencies whose score moved as shown (two decimals), in framework order."""
    moves = []
    for competency_id, (name, now) in after.items():
        then = before.get(competency_id, (name, 0.5))[1]
        if f"{then:.2f}" != f"{now:.2f}":
            moves.append(ScoreMove(name, then, now))
    return moves


def moves_text(moves: list[ScoreMove]) -> str:
    """What a review did to the profile, in a sentence: 'Your profile: A 0.51 → 0.58.'."""
    if not moves:
        return "No profile score moved."
    return "Your profile: " + "; ".join(m.text for m in moves) + "."


def review_and_measure(
    uow: GrowthUnitOfWork,
    half_life_days: int,
    statement_id: int,
    competencies: list[str] | None = None,
    polarity: Polarity | None = None,
    *,
    count_copy: bool = True,
) -> tuple[FeedbackStatement, list[ScoreMove]]:
    """Review one statement (see review_statement) and say which profile scores it moved."""
    before = profile_scores(uow, half_life_days)
    done = review_statement(uow, statement_id, competencies, polarity, count_copy=count_copy)
    return done, score_moves(before, profile_scores(uow, half_life_days))
