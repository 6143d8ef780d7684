"""Use cases for debriefs: how an interview went, self-ratings and the questions asked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nextround.domain.competency import CompetencyMatch, Framework
from nextround.domain.debrief import (
    Debrief,
    DebriefQuestion,
    QuestionsLogged,
    question_and_competencies,
)
from nextround.domain.tagging import Tagging
from nextround.errors import DomainError
from nextround.services.erasure import edited_out
from nextround.services.frameworks import active_framework, competency_ids
from nextround.services.note_quotes import StillQuoting, debrief_quotes, notes_quoting
from nextround.services.ports import FullUnitOfWork
from nextround.services.stamps import touch

if TYPE_CHECKING:
    from nextround.analysis.mapper import Mapper


@dataclass(frozen=True)
class SavedDebrief:
    """A debrief as saved, and what saving did to its list of questions."""

    debrief: Debrief
    questions: QuestionsLogged = field(default_factory=QuestionsLogged)
    #: Unsent thank-you notes quoting what the edit took out: kept, to be named.
    still_quoting: tuple[StillQuoting, ...] = ()


@dataclass(frozen=True)
class QuestionsConfirmed:
    """A debrief after verdicts on its questions: those they changed, and those they did not.

    A verdict the question had already (confirmed as it is, or corrected to what it was
    corrected to) changes nothing, so nothing is said to have been done.
    """

    debrief: Debrief
    changed: tuple[int, ...]
    unchanged: tuple[int, ...]


def get_debrief(uow: FullUnitOfWork, interview_id: int) -> Debrief | None:
    """The debrief of an interview, if written."""
    uow.applications.get_interview(interview_id)
    return uow.debriefs.for_interview(interview_id)


def check_debrief_allowed(uow: FullUnitOfWork, interview_id: int, *, replace: bool) -> None:
    """Refuse a debrief before anything is asked, not after every answer is typed.

    Refused: the debrief of an interview yet to happen, and a second one without ``replace``.
    """
    _, round_, interview = uow.applications.get_interview(interview_id)
    interview.check_happened(uow.now(), round_.started_on, "debrief it afterwards")
    if not replace and uow.debriefs.for_interview(interview_id) is not None:
        raise DomainError(
            f"{interview.named()} already has a debrief",
            cli_hint="pass --replace to change the parts you give and keep the rest (-q "
            "alone adds questions to those logged; --confirm N says what one probed)",
            web_hint="open it under the interview and save it again",
        )


def record_debrief(
    uow: FullUnitOfWork,
    interview_id: int,
    overall: int,
    *,
    went_well: str | None = None,
    went_badly: str | None = None,
    ratings: dict[str, int] | None = None,
    questions: list[str] | None = None,
    mapper: Mapper | None = None,
    replace: bool = False,
    keep_questions: bool = False,
    framework: Framework | None = None,
) -> SavedDebrief:
    """Write (or with ``replace``, rewrite) the debrief of an interview.

    Rewritten, its questions become those given, each given again word for word keeping
    its verdict; with ``keep_questions`` those given are added to the logged ones instead.
    ``framework``: the one the ratings were asked on (default: the framework in use). A
    form kept open while another window switched frameworks still saves on the one it
    showed: its ratings name that framework's competencies.
    """
    check_debrief_allowed(uow, interview_id, replace=replace)
    framework = active_framework(uow) if framework is None else framework
    ratings = {competency_ids(framework, [ref])[0]: r for ref, r in (ratings or {}).items()}
    debrief = uow.debriefs.for_interview(interview_id)
    before = debrief_quotes(debrief) if debrief is not None else ()
    new_questions = _mapped_questions(questions or [], framework, mapper)
    if debrief is None:
        debrief = Debrief(interview_id=interview_id, overall=overall)
        uow.debriefs.add(debrief)
    debrief.overall = overall
    debrief.went_well = went_well
    debrief.went_badly = went_badly
    debrief.ratings = ratings
    debrief.framework_id = framework.id
    logged = _log(debrief, new_questions, framework, add=keep_questions)
    debrief.check()
    touch(uow.now(), debrief)
    notes = _forget_edited(uow, debrief, before)
    uow.commit()
    return SavedDebrief(debrief, logged, notes)


def _forget_edited(
    uow: FullUnitOfWork, debrief: Debrief, before: Sequence[str]
) -> tuple[StillQuoting, ...]:
    """Forget what the edit took out of ``debrief``, as removing it would (services.erasure).

    ``before`` is what a note could quote of it before the edit (note_quotes.debrief_quotes).
    Thank-you notes are the person's letters, not derived data: an edit deletes none. The
    unsent ones quoting what is gone are returned, for the surface to name with what to do;
    the sent ones went out as they are, so there is nothing to do about them.
    """
    if not before:
        return ()
    uow.flush()
    after = debrief_quotes(debrief)
    edited_out(uow, before, after)
    kept = set(after)
    gone = [t for t in before if t not in kept]
    app, _, _ = uow.applications.get_interview(debrief.interview_id)
    assert app.id is not None
    return notes_quoting(uow, app.id, gone).still_quoting()


def _log(
    debrief: Debrief, new: list[DebriefQuestion], framework: Framework, *, add: bool
) -> QuestionsLogged:
    """Questions added to a debrief's list, or (not ``add``) made its list."""
    if add:
        return debrief.add_questions(new, framework.id, framework.ids)
    return debrief.replace_questions(new, framework.id, framework.ids)


def _mapped_questions(
    questions: list[str], framework: Framework, mapper: Mapper | None
) -> list[DebriefQuestion]:
    """Each question with the mapper's suggestions; one ending "= COMPETENCY" is confirmed.

    The competencies the person named are checked (with a did-you-mean) before anything
    is mapped, and the mapper still suggests, so its view stays on record beside theirs.
    """
    parsed = [question_and_competencies(q) for q in questions if q.strip()]
    named = [None if refs is None else competency_ids(framework, refs) for _, refs in parsed]
    texts = [text for text, _ in parsed]
    matches = mapper.map(texts) if mapper is not None and texts else [[] for _ in texts]
    mapped = []
    for text, found, chosen in zip(texts, matches, named, strict=True):
        question = DebriefQuestion(text=text)
        question.tag_on(framework.id, question_tags(found))
        if chosen is not None:
            question.confirm(framework.id, framework.ids, chosen)
        mapped.append(question)
    return mapped


def question_tags(found: Sequence[CompetencyMatch]) -> Tagging:
    """What a logged question probed, as the mapper reads it: its top suggestion, unconfirmed.

    A top guess under statements.CLEAR_MATCH_MIN_CONFIDENCE is no reading ("What energises
    you?" at 7% resilience): the question shows "no clear competency", and confirming it
    as it is cannot file the guess. The suggestions stay on record all the same.
    """
    from nextround.domain.statements import clear_guesses

    top = clear_guesses(found[:1])
    return Tagging(tuple(m.competency_id for m in top), tuple(found), confirmed=False)


def confirm_questions(
    uow: FullUnitOfWork, interview_id: int, verdicts: Mapping[int, list[str] | None]
) -> QuestionsConfirmed:
    """Confirm or correct what logged questions probed, by their number in the debrief.

    A verdict is the competencies (ids or names), [] for about no competency, or None to
    confirm the question as it is mapped. Confirmed questions teach the mapper, as reviewed
    feedback does, and the plan relies on them.
    """
    debrief = _with_questions(uow, interview_id)
    framework = active_framework(uow)
    debrief.check_numbers(verdicts)
    changed: list[int] = []
    unchanged: list[int] = []
    for number, refs in sorted(verdicts.items()):
        chosen = None if refs is None else competency_ids(framework, refs) if refs else []
        question = debrief.questions[number - 1]
        (changed if question.confirm(framework.id, framework.ids, chosen) else unchanged).append(
            number
        )
    if changed:
        touch(uow.now(), debrief)
        uow.commit()
    return QuestionsConfirmed(debrief, tuple(changed), tuple(unchanged))


def _with_questions(uow: FullUnitOfWork, interview_id: int) -> Debrief:
    """The debrief of an interview, refused unless it logs questions to act on."""
    debrief = get_debrief(uow, interview_id)
    if debrief is None:
        raise DomainError(f"interview {interview_id} has no debrief yet, so no questions")
    if not debrief.questions:
        raise DomainError(
            f"the debrief of interview {interview_id} logs no questions",
            cli_hint=f"add them with `nextround debrief {interview_id} -q ...`",
            web_hint="add them under “Edit the debrief”",
        )
    return debrief


@dataclass(frozen=True)
class QuestionsRemoved:
    """A debrief after questions were taken off its list, and those taken off by number."""

    debrief: Debrief
    removed: tuple[tuple[int, DebriefQuestion], ...]
    #: Unsent thank-you notes quoting the questions taken off: kept, to be named.
    still_quoting: tuple[StillQuoting, ...] = ()


def remove_questions(
    uow: FullUnitOfWork, interview_id: int, numbers: Sequence[int], *, text: str | None = None
) -> QuestionsRemoved:
    """Take logged questions off a debrief by their numbers (from 1, as listed).

    ``text``: the words of the one question to remove, as the page showing it had them;
    if the list changed since (a question removed in another tab), the number may now be
    another question's, and nothing is removed.
    """
    debrief = _with_questions(uow, interview_id)
    wanted = sorted(set(numbers))
    debrief.check_numbers(wanted)
    if text is not None and (
        len(wanted) != 1 or debrief.questions[wanted[0] - 1].text.strip() != text.strip()
    ):
        raise DomainError(
            f"question {wanted[0]} of interview {interview_id}'s debrief is no longer "
            f"“{text.strip()}”: the list changed since the page was shown",
            web_hint="look at the list again and remove it there",
        )
    questions = list(debrief.questions)
    before = debrief_quotes(debrief)
    debrief.remove_questions(wanted)
    touch(uow.now(), debrief)
    notes = _forget_edited(uow, debrief, before)
    uow.commit()
    return QuestionsRemoved(debrief, tuple((n, questions[n - 1]) for n in wanted), notes)


def amend_debrief(
    uow: FullUnitOfWork,
    interview_id: int,
    *,
    overall: int | None = None,
    went_well: str | None = None,
    went_badly: str | None = None,
    ratings: Mapping[str, int | None] | None = None,
    questions: list[str] | None = None,
    mapper: Mapper | None = None,
    replace_questions: bool = False,
) -> SavedDebrief:
    """Change the parts of a written debrief that are given and keep the rest.

    Ratings are changed competency by competency, and a rating of None removes that one;
    questions given are added to those logged, each keeping its verdict (with
    ``replace_questions`` they become the list, [] none at all). An empty text removes
    that part.
    """
    debrief = get_debrief(uow, interview_id)
    if debrief is None:
        raise DomainError(f"interview {interview_id} has no debrief to change yet; write one")
    framework = active_framework(uow)
    before = debrief_quotes(debrief)
    if overall is not None:
        debrief.overall = overall
    if went_well is not None:
        debrief.went_well = went_well or None
    if went_badly is not None:
        debrief.went_badly = went_badly or None
    if ratings:
        changes = {_rated_id(debrief, framework, ref, v): v for ref, v in ratings.items()}
        rates = any(v is not None for v in changes.values())
        if rates:
            _check_same_framework(uow, debrief, framework)
        debrief.rerate(changes)
        # Removals alone leave the rest on the framework they were given on.
        if rates or not debrief.ratings:
            debrief.framework_id = framework.id
    logged = QuestionsLogged()
    if questions is not None or replace_questions:
        new_questions = _mapped_questions(questions or [], framework, mapper)
        logged = _log(debrief, new_questions, framework, add=not replace_questions)
    debrief.check()
    touch(uow.now(), debrief)
    notes = _forget_edited(uow, debrief, before)
    uow.commit()
    return SavedDebrief(debrief, logged, notes)


def _rated_id(debrief: Debrief, framework: Framework, ref: str, rating: int | None) -> str:
    """The competency a rating change is about, named by id or name.

    A rating can be removed by its stored id even when the framework in use lacks it (it
    was given under another framework): otherwise nothing could ever remove it.
    """
    if rating is None and ref in debrief.ratings:
        return ref
    return competency_ids(framework, [ref])[0]


def _check_same_framework(uow: FullUnitOfWork, debrief: Debrief, framework: Framework) -> None:
    """Refuse to mix frameworks in one debrief: a competency id means something in one only.

    The ratings a debrief has on another framework would otherwise sit beside new ones that
    no framework reads together.
    """
    if not debrief.ratings or debrief.rated_on(framework.id):
        return
    other = debrief.framework_id or ""
    name = uow.frameworks.get(other).quoted if uow.frameworks.exists(other) else other
    raise DomainError(
        f"the self-ratings of interview {debrief.interview_id}'s debrief are on {name} "
        f"({other}), not on {framework.quoted}, the framework in use",
        cli_hint=f"switch back with `nextround framework use {other}` to change them, or "
        f"answer the whole debrief again (`nextround debrief {debrief.interview_id} --replace`, "
        "no other options) to rate it on this one",
        web_hint=f"choose {name} again on the Frameworks page to change them, or save the "
        "whole debrief form to rate it on this one",
    )
