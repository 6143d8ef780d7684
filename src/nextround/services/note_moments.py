"""The moments a thank-you note can recall: topics, questions and sessions of the rounds held."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from nextround.domain.competency import Polarity
from nextround.domain.debrief import Debrief
from nextround.domain.journey import Application, Interview, Round
from nextround.domain.note_facts import Moment, MomentKind
from nextround.domain.note_moments import handled_badly, praised_in, topics
from nextround.domain.note_recipients import interview_held
from nextround.domain.statements import in_use
from nextround.domain.tagging import Tagging
from nextround.services.frameworks import active_framework
from nextround.services.ports import FullUnitOfWork

# A question longer than this reads as a case prompt, not a moment to quote back.
_QUESTION_MAX_WORDS = 20
_QUESTION_MIN_WORDS = 4
# A self-rating at or below this: the interview went badly, and its questions are not recalled.
_WENT_BADLY = 2


def moments(
    uow: FullUnitOfWork, app: Application, round_: Round, proper: frozenset[str]
) -> list[Moment]:
    """Moments of the note's round, then of earlier rounds (tagged with their name).

    Each carries who praised it in the application's confirmed feedback, if anyone did.
    """
    found = _round_moments(uow, round_, None, proper)
    for earlier in app.ordered_rounds:
        if earlier.position < round_.position:
            found += _round_moments(uow, earlier, earlier.name, proper)
    praise = _praise(uow, app)
    people = {
        person.name.split()[0].casefold()
        for r in app.ordered_rounds
        for i in r.interviews
        for person in i.interviewers
        if person.name.split()
    }
    return [_with_praise(moment, praise, people) for moment in found]


def _praise(uow: FullUnitOfWork, app: Application) -> list[tuple[str, int, str]]:
    """Confirmed praise in the application's feedback: (author or "", statement id, text)."""
    found = []
    for item in uow.feedback.list(app.id):
        assert item.id is not None
        for statement in in_use(uow.statements.for_feedback(item.id)):
            if statement.confirmed and statement.polarity is Polarity.STRENGTH:
                assert statement.id is not None
                found.append((item.author or "", statement.id, statement.text))
    return found


def _with_praise(moment: Moment, praise: list[tuple[str, int, str]], people: set[str]) -> Moment:
    """The moment with the praise that speaks of it, if any.

    Praise naming an interviewer ("Priyanka was impressed by how you re-planned Tilburg")
    speaks of that interviewer's interview: it is not the praise of another one about the
    same project.
    """
    here = {name.split()[0].casefold() for name in moment.interviewers if name.split()}

    def about_this_interview(text: str) -> bool:
        named = people & {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}
        return not named or bool(named & here)

    said = [
        (author, sid)
        for author, sid, text in praise
        if praised_in(moment.text, text) and about_this_interview(text)
    ]
    if not said:
        return moment
    return replace(
        moment,
        praised_by=tuple(dict.fromkeys(author for author, _ in said)),
        praise_ids=tuple(sid for _, sid in said),
    )


def _round_moments(
    uow: FullUnitOfWork, round_: Round, tag: str | None, proper: frozenset[str]
) -> list[Moment]:
    framework = active_framework(uow)
    found: list[Moment] = []
    for interview in round_.sorted_interviews:
        assert interview.id is not None
        if not interview_held(round_, interview, uow.now()):
            continue  # nothing happened in it yet to recall
        debrief = uow.debriefs.for_interview(interview.id)
        make = partial(_moment, interview, debrief, tag, round_.position)
        if debrief is not None:
            found += [
                make(MomentKind.TOPIC, topic, interview.competencies)
                for topic in topics(debrief.went_well, proper)
            ]
            for question in debrief.questions:
                text = question.text.strip()
                # What it probed on the framework in use; a self-rating is compared with
                # what it probed on the framework the rating was given on.
                here = question.tags_on(framework.id, framework.ids)
                mapped = _probed(here)
                rated_on = question.tags_on(debrief.framework_id or framework.id, framework.ids)
                # Only a single, short question reads well quoted back; a case prompt does not.
                # Nor one the person handled badly: the note would remind them of it.
                if (
                    text.endswith("?")
                    and ". " not in text
                    # "Why Lumen?" is asked everywhere: no moment to remember.
                    and _QUESTION_MIN_WORDS <= len(text.split()) <= _QUESTION_MAX_WORDS
                    and debrief.overall > _WENT_BADLY
                    and not handled_badly(text, debrief.went_badly)
                    and not _rated_low(debrief, _probed(rated_on))
                ):
                    found.append(make(MomentKind.QUESTION, text, mapped))
        found.append(make(MomentKind.SESSION, interview.title, interview.competencies))
    return found


def _probed(tags: Tagging) -> list[str]:
    """What a question probed: the competencies chosen, else the mapper's top suggestion.

    One confirmed as about no competency ("Why us?") stays about none.
    """
    if tags.confirmed:
        return list(tags.competencies)
    return list(tags.competencies) or [m.competency_id for m in tags.suggestions[:1]]


def _rated_low(debrief: Debrief, competencies: list[str]) -> bool:
    """Whether the person rated themselves low on what the question probed.

    "How do you decide what not to do?" with prioritisation rated 2 is an answer that went
    badly, whatever words the "went badly" note used for it.
    """
    return any(debrief.ratings.get(c, _WENT_BADLY + 1) <= _WENT_BADLY for c in competencies)


def _moment(
    interview: Interview,
    debrief: Debrief | None,
    round_name: str | None,
    round_position: int,
    kind: MomentKind,
    text: str,
    competencies: list[str],
) -> Moment:
    assert interview.id is not None
    ratings = [debrief.overall, *debrief.ratings.values()] if debrief else []
    return Moment(
        kind=kind,
        text=text,
        interview_id=interview.id,
        interview_title=interview.title,
        interviewers=tuple(p.name for p in interview.interviewers),
        competencies=tuple(competencies),
        overall=debrief.overall if debrief else 3,
        round_name=round_name,
        debriefed=debrief is not None,
        went_badly=any(rating <= _WENT_BADLY for rating in ratings),
        went_well=debrief.went_well if debrief else None,
        round_position=round_position,
    )
