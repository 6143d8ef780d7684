"""The moments a thank-you note can recall: topics, questions and sessions of the rounds held."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import partial

from nextround.domain.competency import Polarity
from nextround.domain.debrief import Debrief
from nextround.domain.journey import Application, Interview, Round
from nextround.domain.note_facts import Moment, MomentKind
from nextround.domain.note_moments import (
    handled_badly,
    praise_speaker,
    praised_in,
    praised_thing,
    shown_topics,
    topics,
)
from nextround.domain.note_recipients import interview_held
from nextround.domain.statement_rounds import as_filed
from nextround.domain.statements import in_use
from nextround.domain.tagging import Tagging
from nextround.services.frameworks import active_framework
from nextround.services.ports import FullUnitOfWork

# A question longer than this reads as a case prompt, not a moment to quote back.
_QUESTION_MAX_WORDS = 20
_QUESTION_MIN_WORDS = 4
# A self-rating at or below this: the interview went badly, and its questions are not recalled.
_WENT_BADLY = 2


@dataclass(frozen=True)
class _Praise:
    """One confirmed statement of praise, and what the feedback it came in was given for."""

    author: str
    statement_id: int
    text: str
    round_id: int | None
    interview_id: int | None


def moments(
    uow: FullUnitOfWork, app: Application, round_: Round, proper: frozenset[str]
) -> list[Moment]:
    """Moments of the note's round, then of earlier rounds (tagged with their name).

    Each carries who praised it in the application's confirmed feedback, if the praise
    clearly speaks of it. Praise that names a thing no moment matches ("your fraud-dashboard
    example") is a moment of its own, said in the praise's words.
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
    found = [_with_praise(moment, praise, people) for moment in found]
    tied = {sid for moment in found for sid in moment.praise_ids}
    return found + _praise_moments(app, round_, [p for p in praise if p.statement_id not in tied])


def _praise(uow: FullUnitOfWork, app: Application) -> list[_Praise]:
    """Confirmed praise in the application's feedback, with what each piece was given for."""
    found = []
    for item in uow.feedback.list(app.id):
        assert item.id is not None
        for statement in in_use(uow.statements.for_feedback(item.id)):
            if statement.confirmed and statement.polarity is Polarity.STRENGTH:
                assert statement.id is not None
                # Praise of the take-home in an email about a later round is the take-home's.
                about = as_filed(item, statement)
                found.append(
                    _Praise(
                        item.author or "",
                        statement.id,
                        statement.text,
                        about.round_id,
                        about.interview_id,
                    )
                )
    return found


def _with_praise(moment: Moment, praise: list[_Praise], people: set[str]) -> Moment:
    """The moment with the praise that clearly speaks of it, if any.

    Praise naming an interviewer ("Priyanka was impressed by how you re-planned Tilburg")
    speaks of that interviewer's interview: it is not the praise of another one about the
    same project. A question is tied only to praise given for its very interview: feedback
    on a whole round that shares a word or two with one question says nothing of it.
    """
    here = {name.split()[0].casefold() for name in moment.interviewers if name.split()}

    def about_this_interview(text: str) -> bool:
        named = people & {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}
        return not named or bool(named & here)

    said = [
        p
        for p in praise
        if praised_in(moment.text, p.text)
        and about_this_interview(p.text)
        and (moment.kind is not MomentKind.QUESTION or p.interview_id == moment.interview_id)
    ]
    if not said:
        return moment
    return replace(
        moment,
        praised_by=tuple(dict.fromkeys(p.author for p in said)),
        praise_ids=tuple(p.statement_id for p in said),
    )


def _praise_moments(app: Application, round_: Round, praise: list[_Praise]) -> list[Moment]:
    """Praise that names what it praised, as moments: the note says what the praise said.

    Only praise of the note's round or an earlier one, or of the whole process, is used; the
    moment is pinned to an interview only when the feedback was given for it, or when the
    praise quotes someone ("Raj said ...") who sat in one interview of its round.
    """
    rounds = {r.id: r for r in app.ordered_rounds}
    interviewers = {
        person.name.split()[0].casefold(): person.name
        for r in app.ordered_rounds
        for i in r.interviews
        for person in i.interviewers
        if person.name.split()
    }
    found = []
    for p in praise:
        thing = praised_thing(p.text)
        given_for = rounds.get(p.round_id) if p.round_id is not None else None
        if thing is None or (given_for is not None and given_for.position > round_.position):
            continue
        speaker = praise_speaker(p.text, interviewers)
        where = [given_for] if given_for is not None else list(app.ordered_rounds)
        sat_in = [
            i
            for r in where
            for i in r.interviews
            if speaker and any(person.name == speaker for person in i.interviewers)
        ]
        interview = next((i for r in where for i in r.interviews if i.id == p.interview_id), None)
        if interview is None and len(sat_in) == 1:
            interview = sat_in[0]
        earlier = given_for is not None and given_for.position < round_.position
        found.append(
            Moment(
                kind=MomentKind.PRAISE,
                text=thing,
                interview_id=interview.id if interview else None,
                interview_title=interview.title if interview else "",
                interviewers=tuple(person.name for person in interview.interviewers)
                if interview
                else (),
                round_name=given_for.name if earlier and given_for else None,
                round_position=given_for.position if given_for else None,
                praised_by=(p.author,),
                praise_ids=(p.statement_id,),
                said_by=speaker,
            )
        )
    return found


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
            shown = shown_topics(debrief.went_well, proper)
            found += [
                replace(make(MomentKind.TOPIC, topic, interview.competencies), shown=topic in shown)
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
