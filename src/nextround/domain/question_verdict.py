"""What a logged interview question probed on the framework in use, as both surfaces show it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from nextround.domain.career_break import is_about_career_break
from nextround.domain.competency import Framework
from nextround.domain.debrief import DebriefQuestion
from nextround.domain.statements import CLEAR_MATCH_MIN_CONFIDENCE

#: Said beside a question about a career break, whatever it probed.
CAREER_BREAK_USE = "about your career break: your plan prepares the answer to it"


class VerdictState(StrEnum):
    """Where a question stands on the framework in use."""

    #: The person said what it probed (possibly about no competency).
    CONFIRMED = "confirmed"
    #: The mapper's guess, waiting for the person's verdict.
    SUGGESTED = "suggested"
    #: Mapped on another framework only: nothing to show or confirm on this one as it is.
    ELSEWHERE = "elsewhere"
    #: Neither chosen nor confirmed: the mapper found nothing clear (nothing, or a guess
    #: under statements.CLEAR_MATCH_MIN_CONFIDENCE).
    UNCLEAR = "unclear"


@dataclass(frozen=True)
class QuestionVerdict:
    """A question's reading on one framework: the competencies, and how sure it is.

    ``names`` are the competencies' names on the framework (the id of one it lacks);
    ``confidence`` is the mapper's, 0-1, for a suggestion whose top match is the first
    competency shown, else None.
    """

    state: VerdictState
    competencies: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    confidence: float | None = None
    #: How many of ``competencies`` the framework in use has.
    on_framework: int = 0
    #: What the record does with it besides the competencies, in words ("" for nothing):
    #: a question about a career break is what the plan's answer to prepare takes as prompt.
    use: str = ""

    @property
    def confirmed(self) -> bool:
        """Whether the person said what it probed."""
        return self.state is VerdictState.CONFIRMED

    @property
    def elsewhere(self) -> bool:
        """Mapped on another framework only."""
        return self.state is VerdictState.ELSEWHERE

    @property
    def probed(self) -> str:
        """The competencies' names, comma-separated ('' for none)."""
        return ", ".join(self.names)

    @property
    def percent(self) -> str:
        """The mapper's confidence as a whole percentage ('73%'), '' when there is none."""
        return f"{int(self.confidence * 100)}%" if self.confidence is not None else ""

    @property
    def status(self) -> str:
        """The verdict in words: 'confirmed', 'suggested (73%)', 'no clear competency'..."""
        if self.state is VerdictState.SUGGESTED:
            return f"suggested ({self.percent})" if self.percent else "suggested"
        if self.state is VerdictState.ELSEWHERE:
            return "mapped on another framework"
        if self.state is VerdictState.UNCLEAR:
            return "no clear competency"
        return "confirmed"

    @property
    def pickable(self) -> bool:
        """Whether two pickers of single competencies can show it (one or two, all known).

        Three, or one the framework lacks, can only be offered whole.
        """
        count = len(self.competencies)
        return 1 <= count <= 2 and self.on_framework == count

    @property
    def first(self) -> str | None:
        """The competency the first picker shows, when it can show it."""
        return self.competencies[0] if self.pickable else None

    @property
    def second(self) -> str | None:
        """The competency the second picker shows, when there is one it can show."""
        return self.competencies[1] if self.pickable and len(self.competencies) == 2 else None


def question_verdict(question: DebriefQuestion, framework: Framework) -> QuestionVerdict:
    """What a logged question probed on a framework: confirmed, suggested, or neither.

    A verdict the person gave on this framework wins; without one, a question read on
    another framework only says so rather than "no clear competency", which would suggest
    the mapper found nothing.
    """
    tags = question.tags_on(framework.id, framework.ids)
    ids = tags.competencies
    names = tuple(found.name if (found := framework.competency(c)) else c for c in ids)
    on_framework = sum(1 for c in ids if c in framework.ids)
    if tags.confirmed:
        state = VerdictState.CONFIRMED
    elif ids:
        state = VerdictState.SUGGESTED
    elif tags.empty and question.tagged_on() - {framework.id}:
        state = VerdictState.ELSEWHERE
    else:
        state = VerdictState.UNCLEAR
    confidence = None
    top = tags.suggestions[:1]
    if state is VerdictState.SUGGESTED and top and top[0].competency_id == ids[0]:
        confidence = top[0].confidence
        if confidence < CLEAR_MATCH_MIN_CONFIDENCE:
            # "What energises you?" → "Resilience? (7%)" names a guess that says nothing.
            use = CAREER_BREAK_USE if is_about_career_break(question.text) else ""
            return QuestionVerdict(VerdictState.UNCLEAR, use=use)
    use = CAREER_BREAK_USE if is_about_career_break(question.text) else ""
    return QuestionVerdict(state, ids, names, confidence, on_framework, use)


def confirmation_note(question: DebriefQuestion, framework: Framework) -> str:
    """Whether the person had said what a question probed, for saying it was removed.

    'confirmed: Risk management', 'confirmed: no competency', 'confirmed on another
    framework', or 'not confirmed'.
    """
    verdict = question_verdict(question, framework)
    if verdict.confirmed:
        return f"confirmed: {verdict.probed or 'no competency'}"
    if question.confirmed_anywhere():
        return "confirmed on another framework"
    return "not confirmed"


def removed_note(number: int, question: DebriefQuestion, framework: Framework) -> str:
    """One question taken off a debrief, as both surfaces say it: 'Q2 “Why us?” (not confirmed)'."""
    return f"Q{number} “{question.text}” ({confirmation_note(question, framework)})"
