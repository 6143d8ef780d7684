"""The candidate's own debrief of an interview: how it went, self-ratings, questions asked."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from nextround.domain import values
from nextround.domain.competency import CompetencyMatch
from nextround.domain.tagging import TaggedOnFrameworks, Tagging
from nextround.errors import DomainError

MAX_QUESTIONS = 50


@dataclass(eq=False)
class DebriefQuestion(TaggedOnFrameworks):
    """A question the interviewer asked, with the competencies it probed.

    What it probed is read per framework (see domain.tagging): ``competencies``,
    ``suggestions`` and ``confirmed`` are on ``framework_id``; ``tags_on`` reads any.
    """

    text: str
    position: int = 0
    suggestions: list[CompetencyMatch] = field(default_factory=list)
    competencies: list[str] = field(default_factory=list)
    confirmed: bool = False
    framework_id: str | None = None
    #: What it probed on other frameworks, by framework.
    elsewhere: dict[str, Tagging] = field(default_factory=dict)
    id: int | None = None
    debrief_id: int | None = None

    def _own_confirmed(self) -> bool:
        return self.confirmed

    def _set_confirmed(self, confirmed: bool) -> None:
        self.confirmed = confirmed

    def confirm(
        self, framework_id: str, known: Collection[str], competencies: list[str] | None = None
    ) -> bool:
        """The person's verdict on what it probed, on one framework; whether it changed.

        ``competencies``: those named, [] for about no competency, None for what it is
        mapped to there. Its readings on other frameworks stay as they are. Confirming it
        as it was confirmed already changes nothing, and says so.
        """
        here = self.tags_on(framework_id, known)
        if competencies is None and here.empty and self.tagged_on() - {framework_id}:
            raise DomainError(
                f"question {self.text!r} is mapped on another framework only, so there is "
                "nothing to confirm on this one as it is: name the competency it probed, or "
                "'none'"
            )
        chosen = here.competencies if competencies is None else tuple(dict.fromkeys(competencies))
        if here.confirmed and here.competencies == chosen:
            return False
        self.tag_on(framework_id, Tagging(chosen, here.suggestions, confirmed=True))
        return True

    def confirmed_anywhere(self) -> bool:
        """Whether the person said what it probed, on any framework."""
        return self.confirmed or any(t.confirmed for t in self.elsewhere.values())


@dataclass(frozen=True)
class QuestionsLogged:
    """What saving questions did to a debrief's list, for the message that says so."""

    #: The numbers, in the list as saved, of the questions added to it.
    added: tuple[int, ...] = ()
    #: The numbers of questions given that the list held already (same words, case aside).
    again: tuple[int, ...] = ()
    #: The questions taken off the list, as they were worded.
    removed: tuple[str, ...] = ()
    #: How many of those the person had confirmed.
    removed_confirmed: int = 0


@dataclass(eq=False)
class Debrief:
    """One debrief per interview, written while it is fresh."""

    interview_id: int
    overall: int
    went_well: str | None = None
    went_badly: str | None = None
    ratings: dict[str, int] = field(default_factory=dict)
    questions: list[DebriefQuestion] = field(default_factory=list)
    # The framework the ratings are on: competency ids mean something only within one.
    # None: restored from a backup older than that record, and read on any framework.
    framework_id: str | None = None
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def rerate(self, changes: Mapping[str, int | None]) -> None:
        """Change self-ratings competency by competency: a number sets one, None removes it.

        Removing a rating the debrief does not have is refused rather than ignored: it is
        almost always a slip (the wrong competency), and the wrong rating would stay.
        """
        ratings = dict(self.ratings)
        for competency, rating in changes.items():
            if rating is not None:
                ratings[competency] = rating
            elif ratings.pop(competency, None) is None:
                rated = ", ".join(self.ratings)  # as saved, not half-changed
                raise DomainError(
                    f"the debrief of interview {self.interview_id} has no self-rating for "
                    f"{competency} to remove; "
                    + (f"it rates {rated}" if rated else "it has no self-ratings")
                )
        self.ratings = ratings

    def add_questions(
        self, new: Sequence[DebriefQuestion], framework_id: str, known: Collection[str]
    ) -> QuestionsLogged:
        """Add questions after those logged; each logged one stays, with its verdict.

        One logged already (the same words, case aside) is not added twice; given again
        with what it probed ("= none"), that verdict replaces the one it had.
        """
        logged = {q.text.casefold(): q for q in self.questions}
        before = set(map(id, self.questions))
        added: list[DebriefQuestion] = []
        again: list[DebriefQuestion] = []
        for question in new:
            kept = logged.get(question.text.casefold())
            if kept is None:
                self.questions.append(question)
                logged[question.text.casefold()] = question
                added.append(question)
                continue
            said = question.tags_on(framework_id, known)
            if said.confirmed:
                kept.confirm(framework_id, known, list(said.competencies))
            if id(kept) in before and kept not in again:
                again.append(kept)
        return QuestionsLogged(added=self._numbers(added), again=self._numbers(again))

    def replace_questions(
        self, new: Sequence[DebriefQuestion], framework_id: str, known: Collection[str]
    ) -> QuestionsLogged:
        """The questions given become the list; those logged again keep what they were read as.

        Rewriting must not silently undo a correction: the mapper would put back the very
        guess that was corrected. So a question given again word for word (case aside)
        keeps its verdict, unless given with one of its own, and its readings on other
        frameworks. Those not given again are taken off, and said to be.
        """
        before = {q.text.casefold(): q for q in self.questions}
        given = {q.text.casefold() for q in new}
        again: list[DebriefQuestion] = []
        for question in new:
            kept = before.get(question.text.casefold())
            if kept is None:
                continue
            here = kept.tags_on(framework_id, known)
            if not question.confirmed and here.confirmed:
                question.confirm(framework_id, known, list(here.competencies))
            question.elsewhere = {f: kept.tags_on(f) for f in kept.tagged_on() if f != framework_id}
            again.append(question)
        removed = [q for q in self.questions if q.text.casefold() not in given]
        self.questions = list(new)
        return QuestionsLogged(
            added=self._numbers([q for q in new if q not in again]),
            again=self._numbers(again),
            removed=tuple(q.text for q in removed),
            removed_confirmed=sum(1 for q in removed if q.confirmed_anywhere()),
        )

    def check_numbers(self, numbers: Collection[int]) -> None:
        """Refuse a question number the list does not have, saying which it has (from 1)."""
        count = len(self.questions)
        for number in sorted(numbers):
            if not 1 <= number <= count:
                raise DomainError(
                    f"the debrief of interview {self.interview_id} has no question {number}: "
                    + ("it logs 1 question" if count == 1 else f"its questions are 1-{count}")
                )

    def remove_questions(self, numbers: Collection[int]) -> tuple[DebriefQuestion, ...]:
        """Take questions off the list by their numbers; the rest keep their verdicts.

        The questions after one removed move up, as the list is read from 1.
        """
        self.check_numbers(numbers)
        gone = {number - 1 for number in numbers}
        removed = tuple(q for at, q in enumerate(self.questions) if at in gone)
        self.questions = [q for at, q in enumerate(self.questions) if at not in gone]
        return removed

    def confirmed_dropped(self, given: Sequence[str]) -> tuple[int, ...]:
        """The numbers of the confirmed questions that the questions ``given`` would drop.

        ``given`` as typed ("Why us? = none"): one given again word for word (case aside)
        keeps its verdict, as ``replace_questions`` does, so it is not lost.
        """
        again = {question_and_competencies(raw)[0].casefold() for raw in given if raw.strip()}
        return tuple(
            number
            for number, q in enumerate(self.questions, 1)
            if q.confirmed_anywhere() and q.text.casefold() not in again
        )

    def _numbers(self, questions: Sequence[DebriefQuestion]) -> tuple[int, ...]:
        """The numbers of these questions in the list, as the person reads them (from 1)."""
        at = {id(q): number for number, q in enumerate(self.questions, 1)}
        return tuple(sorted({at[id(q)] for q in questions if id(q) in at}))

    def rated_on(self, framework_id: str) -> bool:
        """Whether the self-ratings count on this framework."""
        return self.framework_id is None or self.framework_id == framework_id

    def check(self) -> None:
        """Raise DomainError unless the debrief is valid."""
        if not 1 <= self.overall <= 5:
            raise DomainError(f"overall must be 1-5, not {self.overall}")
        self.went_well = values.text(self.went_well, "what went well")
        self.went_badly = values.text(self.went_badly, "what did not go well")
        check_ratings(self.ratings)
        if len(self.questions) > MAX_QUESTIONS:
            raise DomainError(f"at most {MAX_QUESTIONS} questions per debrief")
        for position, question in enumerate(self.questions, start=1):
            checked = values.text(question.text, "question", required=True, limit=2_000)
            assert checked is not None
            question.text = checked
            question.position = position


#: What names "about no competency" after a question's '=' ("Why us? = none").
NO_COMPETENCY = ("none", "no competency", "-")


# What may follow a question's '=' as competency names: words, and the punctuation names
# use ("Communication: clarity and concision", "Deliver results & own it").
_NAMES = re.compile(r"[\w\s,&:/'’.-]*")


def question_and_competencies(raw: str) -> tuple[str, list[str] | None]:
    """A question as typed, with the competencies named after its last '=', if any.

    "How would you roll it out? = risk management, technical depth" gives the question and
    those two names; "Why us? = none" gives [] (about no competency); without '=' the
    competencies are None, left to the mapper. An '=' followed by what no competency name
    holds ('?', brackets, '<') is part of the question ("Is 2+2=4?"), not a verdict.
    """
    text, equals, named = raw.rpartition("=")
    if not equals or not _NAMES.fullmatch(named):
        return raw.strip(), None
    text = text.strip()
    if not text:
        raise DomainError(f"{raw.strip()!r} has no question before '='")
    refs = [ref.strip() for ref in named.split(",") if ref.strip()]
    if not refs:
        raise DomainError(
            f"nothing after '=' in {raw.strip()!r}: name the competency it probed (id or "
            f"name) or 'none'"
        )
    if len(refs) == 1 and refs[0].lower() in NO_COMPETENCY:
        return text, []
    return text, refs


def noted_competency(ratings: Mapping[str, int]) -> str | None:
    """The competency a debrief's "did not go well" note speaks to, if one can be told.

    The note is free text about the interview; it is read as being about the competency
    the person rated lowest in that same debrief (or the only one rated), since that is
    where they felt it went worst. With two or more rated equally low, nobody can tell, and
    the note is tied to none.
    """
    if not ratings:
        return None
    lowest = min(ratings.values())
    at_lowest = [c for c, r in ratings.items() if r == lowest]
    return at_lowest[0] if len(at_lowest) == 1 else None


def check_ratings(ratings: Mapping[str, int]) -> None:
    """Raise DomainError for a self-rating outside 1-5 (also before a form asks anything)."""
    for competency, rating in ratings.items():
        if not 1 <= rating <= 5:
            raise DomainError(f"the self-rating for {competency} must be 1-5, not {rating}")
