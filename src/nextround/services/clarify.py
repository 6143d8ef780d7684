"""Clarifying questions to send when feedback is too vague to act on.

What comes back is what a person would really send: for each application, the few most
useful questions to the person who gave the feedback, with a count of what was left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import partial

from nextround.analysis.clarify import (
    asks_about_moment,
    clarifying_questions,
    is_vague,
    only_names_its_issue,
)
from nextround.analysis.clarify_artefact import Deliverable, deliverable
from nextround.analysis.clarify_experience import experience_questions
from nextround.analysis.clarify_verdict import verdict_questions
from nextround.analysis.decision_talk import states_the_decision
from nextround.analysis.vague_verdicts import vague_verdict
from nextround.domain.competency import Polarity
from nextround.domain.feedback import Feedback
from nextround.domain.journey import (
    FINAL_ROUND_KINDS,
    Application,
    Outcome,
    Round,
    RoundKind,
    RoundOutcome,
    Status,
)
from nextround.domain.positioning import is_about_experience
from nextround.domain.round_names import interview_phrase, round_phrase
from nextround.domain.statement_rounds import as_filed
from nextround.domain.statements import FeedbackStatement, in_use, shown_statement
from nextround.services.frameworks import active_framework
from nextround.services.ports import GrowthUnitOfWork, Labels

# More questions than this about one process reads as an interrogation, not a request.
MAX_QUESTIONS_PER_APPLICATION = 3
# Questions about a closed process are answered while it is fresh in the sender's mind:
# a few weeks after the feedback, the window for asking has usually passed.
FRESH_DAYS = 21


@dataclass(frozen=True)
class Clarification:
    """A vague statement and the questions that would make it useful."""

    statement: FeedbackStatement
    feedback: Feedback
    company: str | None
    round_name: str | None
    interview_title: str | None
    # The competencies asked about; None for a "no" for experience, which judges none.
    competency_name: str | None
    questions: list[str]
    in_progress: bool = False
    # Days since the feedback came, and whether the window for asking has likely passed
    # (a closed process, feedback older than FRESH_DAYS): such questions come last.
    age_days: int = 0
    stale: bool = False
    # A rejection for experience or level ("we went with a candidate with prior PM
    # experience"): asked which experience decided it, not which moment fell short.
    about_experience: bool = False
    # A "no" that names no skill nor any reason ("not quite the right fit", "other
    # candidates were stronger"): asked where it fell short, not about a competency.
    about_verdict: bool = False
    # Another sentence of the same feedback naming the moment the questions are about
    # (and quote): "in the presentation you jumped to solutions …".
    moment: str | None = None

    @property
    def quoted(self) -> str:
        """The sentence the questions are about, as every page heads them with.

        Quoted on its own, it opens with a capital even when the statement was cut after
        "However," (the stored text stays as cut).
        """
        return shown_statement(self.moment or self.statement.text)

    @property
    def age(self) -> str:
        """How long ago the feedback came, as a person says it: "3 days ago", "10 weeks ago"."""
        return _age(self.age_days)

    @property
    def stale_note(self) -> str:
        """What to say above questions whose moment has likely passed."""
        return (
            f"The feedback came {self.age}, after the process ended: the window for asking "
            "has likely passed. Send these only if you are still in touch."
        )


@dataclass(frozen=True)
class Clarifications:
    """The statements worth asking about, grouped by application and recipient, best first."""

    items: list[Clarification]
    left_out: int = 0  # vague statements not asked about, to keep each message short
    read: int = 0  # statements read from feedback about an application, in scope
    judging: int = 0  # of those, the ones that judge a mapped skill, checked for vagueness

    @property
    def empty_note(self) -> str:
        """Why there is nothing to ask, for the CLI and the web alike.

        "No vague statements" only when statements that judge a skill were checked: when
        nothing judges one (all neutral, or the reason for a "no" was not read), saying
        every statement names a moment would hide that nothing was asked about at all.
        """
        if self.left_out:
            vague = (
                "the vague statement is"
                if self.left_out == 1
                else f"the {self.left_out} vague statements are"
            )
            return f"Nothing to ask: {vague} praise about processes that are over."
        if self.judging:
            return "No vague statements: every mapped statement names a moment or example."
        if self.read:
            return (
                "Nothing to ask: no statement read judges a skill clearly enough to ask about "
                "(each is neutral, or its competency is unsure until you review it), and none "
                "gives experience as the reason for a “no”."
            )
        return "Nothing to ask: no statement was read from feedback about an application."

    def __iter__(self) -> Iterator[Clarification]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


def clarifications(uow: GrowthUnitOfWork, feedback_id: int | None = None) -> Clarifications:
    """Questions for the vague statements tied to an application (or to one feedback item).

    Vague criticism is what is worth asking about. Vague praise is asked about only while
    the process is still open (which strength to lead with in the next round); after an
    ending or an offer, asking why they liked something reads as fishing. Each application
    gets at most MAX_QUESTIONS_PER_APPLICATION questions, spread over its statements so the
    most useful question about each comes first.
    """
    if feedback_id is not None:
        uow.feedback.get(feedback_id)  # an unknown id is an error, not "nothing vague"
    framework = active_framework(uow)
    names = {c.id: c.name for c in framework.competencies}
    apps: dict[int, Application] = {}
    vague: list[tuple[FeedbackStatement, Feedback, list[str]]] = []
    # What the user set aside as about no competency is neither asked about nor quoted as
    # the moment another statement is about; nor is the hiring decision ("we went with a
    # candidate who had more ..."), which is no feedback on a skill, whatever it was mapped to.
    everything = list(uow.statements.with_feedback(framework.id))
    used = [(s, i) for s, i in everything if in_use([s])]
    pairs = [(s, i) for s, i in used if not states_the_decision(s.text)]
    siblings: dict[int | None, list[FeedbackStatement]] = {}
    for statement, item in pairs:
        siblings.setdefault(item.id, []).append(statement)
    read = sum(1 for _, i in used if i.application_id is not None and feedback_id in (None, i.id))
    judging = 0
    for statement, item in pairs:
        if feedback_id is not None and item.id != feedback_id:
            continue
        if item.application_id is None or statement.polarity is Polarity.NEUTRAL:
            continue
        competencies = [c for c, _ in statement.evidence if c in names]
        judging += bool(competencies)
        if (
            competencies
            and (is_vague(statement.text) or _names_its_issue(statement))
            and not _said_in_a_specific_sentence(statement, competencies, siblings[item.id], item)
            and not _asked_about_with_its_sentence(statement, competencies, item, vague)
        ):
            vague.append((statement, item, list(dict.fromkeys(competencies))))
    filed, labels = _as_filed(uow, vague)
    found: list[Clarification] = []
    asks: dict[int, Callable[..., list[str]]] = {}
    skipped = 0
    for (statement, item, competencies), about in zip(vague, filed, strict=True):
        assert item.application_id is not None
        app = apps.get(item.application_id) or apps.setdefault(
            item.application_id, uow.applications.get(item.application_id)
        )
        ongoing = _in_progress(app)
        if statement.polarity is Polarity.STRENGTH and not ongoing:
            skipped += 1
            continue
        company = labels.companies.get(item.application_id)
        interview_title, round_name = _interview_and_round(labels, about, app)
        artefact = _deliverable(statement, app, about, round_name)
        if not (artefact or is_vague(statement.text)):
            # A named issue about a conversation is specific: nothing to ask.
            continue
        shown = [names[c] for c in competencies[:2]]
        age = (uow.today() - item.received_on).days
        scenario, moment = _moment_asked(
            statement, competencies, _filed_alike(about, item, siblings[item.id]), artefact
        )
        if moment is not None and any(c.moment == moment for c in found):
            continue  # two vague sentences about one named moment: asked about once
        found.append(
            Clarification(
                statement=statement,
                feedback=item,
                company=company,
                round_name=round_name,
                interview_title=interview_title,
                competency_name="; ".join(shown),
                questions=[],
                in_progress=ongoing,
                age_days=age,
                stale=not ongoing and age > FRESH_DAYS,
                moment=moment,
            )
        )
        asks[id(found[-1])] = partial(
            clarifying_questions,
            statement.text,
            shown,
            round_name,
            interview_title,
            company,
            polarity=statement.polarity,
            in_progress=ongoing,
            next_round=_next_round(app, uow.now()) if ongoing else None,
            scenario=scenario,
            who=_whose_impression(about, _people_in(app, about, round_name)),
            artefact=artefact,
            label_confirmed=statement.confirmed,
        )
    for clarification, ask in _experience_clarifications(uow, framework.id, feedback_id, apps):
        found.append(clarification)
        asks[id(clarification)] = ask
    asked = {c.feedback.application_id for c in found}
    for clarification, ask in _verdict_clarifications(
        uow, _verdict_candidates(everything, pairs), feedback_id, apps, asked
    ):
        found.append(clarification)
        asks[id(clarification)] = ask
    chosen, dropped = _within_cap(found, lambda c, variant: asks[id(c)](variant=variant))
    return Clarifications(chosen, skipped + dropped, read, judging)


def _experience_clarifications(
    uow: GrowthUnitOfWork,
    framework_id: str,
    feedback_id: int | None,
    apps: dict[int, Application],
) -> list[tuple[Clarification, Callable[..., list[str]]]]:
    """A "no" for experience per rejected application, with how to ask about it."""
    found: list[tuple[Clarification, Callable[..., list[str]]]] = []
    for statement, item, app in _experience_reasons(uow, framework_id, feedback_id, apps):
        age = (uow.today() - item.received_on).days
        clarification = Clarification(
            statement=statement,
            feedback=item,
            company=app.company,
            round_name=_round_by(app, item.received_on),
            interview_title=None,
            competency_name=None,
            questions=[],
            age_days=age,
            stale=age > FRESH_DAYS,
            about_experience=True,
        )
        found.append((clarification, partial(_ask_about_experience, statement.text, app.company)))
    return found


def _verdict_candidates(
    everything: list[tuple[FeedbackStatement, Feedback]],
    pairs: list[tuple[FeedbackStatement, Feedback]],
) -> list[tuple[FeedbackStatement, Feedback]]:
    """The statements read for a reasonless "no": those in use, and such a "no" set aside.

    "Not the right fit at this time" names no skill, so reviewing it as about no competency
    is its honest review; it is still the one thing in the feedback to ask about.
    """
    kept = {s.id for s, _ in pairs}
    return [
        (s, i)
        for s, i in everything
        if s.id in kept or (s.about_no_competency and vague_verdict(s.text) is not None)
    ]


def _experience_reasons(
    uow: GrowthUnitOfWork,
    framework_id: str,
    feedback_id: int | None,
    apps: dict[int, Application],
) -> list[tuple[FeedbackStatement, Feedback, Application]]:
    """Each rejected application's first feedback sentence giving experience as the reason.

    Only a sentence that states the decision and judges no competency: "your experience
    with risk management didn't come through" is a gap on a skill, asked about as one.
    """
    found: dict[int, tuple[FeedbackStatement, Feedback, Application]] = {}
    for statement, item in uow.statements.with_feedback(framework_id):
        app_id = item.application_id
        if app_id is None or app_id in found or not in_use([statement]):
            continue
        if feedback_id is not None and item.id != feedback_id:
            continue
        if statement.competencies and statement.polarity is not Polarity.NEUTRAL:
            continue
        if not (states_the_decision(statement.text) and is_about_experience(statement.text)):
            continue
        app = apps.get(app_id) or apps.setdefault(app_id, uow.applications.get(app_id))
        decision = app.current_decision
        if decision is not None and decision.outcome is Outcome.REJECTION:
            found[app_id] = (statement, item, app)
    return list(found.values())


def _verdict_clarifications(
    uow: GrowthUnitOfWork,
    pairs: list[tuple[FeedbackStatement, Feedback]],
    feedback_id: int | None,
    apps: dict[int, Application],
    asked: set[int | None],
) -> list[tuple[Clarification, Callable[..., list[str]]]]:
    """A reasonless "no" per application not asked about yet, with how to ask about it."""
    found: list[tuple[Clarification, Callable[..., list[str]]]] = []
    for statement, item, app, said, fit in _vague_verdicts(uow, pairs, feedback_id, apps, asked):
        age = (uow.today() - item.received_on).days
        about = as_filed(item, statement)
        round_ = _round_of(app, about, _round_by(app, item.received_on))
        clarification = Clarification(
            statement=statement,
            feedback=item,
            company=app.company,
            round_name=round_.name if round_ else None,
            interview_title=None,
            competency_name=None,
            questions=[],
            age_days=age,
            stale=age > FRESH_DAYS,
            about_verdict=True,
        )
        found.append((clarification, partial(_ask_about_verdict, said, fit, app, round_)))
    return found


def _vague_verdicts(
    uow: GrowthUnitOfWork,
    pairs: list[tuple[FeedbackStatement, Feedback]],
    feedback_id: int | None,
    apps: dict[int, Application],
    asked: set[int | None],
) -> list[tuple[FeedbackStatement, Feedback, Application, set[str], str | None]]:
    """Feedback about an application that says "no" and nothing else: a verdict to ask about.

    "Not quite the right fit for us at this time. We felt other candidates were a bit
    stronger overall" names no skill, no moment and no reason; every statement that is not
    neutral must be such a verdict, so feedback with a point of its own is asked about by
    that point instead (``asked`` holds the applications it was). Only once the process
    is over: the verdict is what ended it. Each application yields its first verdict
    statement, what its verdicts said ("fit", "others") and the fit sentence to quote.
    """
    # Per application: two short notes ("Not the right fit." then "Others were stronger.")
    # are one "no", asked about once.
    items: dict[int, tuple[Feedback, list[FeedbackStatement]]] = {}
    for statement, item in pairs:
        # An application asked about already (a skill, an experience) has its point.
        if item.application_id is None or item.application_id in asked:
            continue
        if feedback_id is not None and item.id != feedback_id:
            continue
        items.setdefault(item.application_id, (item, []))[1].append(statement)
    found = []
    for item, statements in items.values():
        verdicts = [(s, vague_verdict(s.text)) for s in statements]
        said = {kind for _, kind in verdicts if kind}
        judging = [s for s, kind in verdicts if kind is None and s.polarity is not Polarity.NEUTRAL]
        if not said or judging:
            continue
        assert item.application_id is not None
        app = apps.get(item.application_id) or apps.setdefault(
            item.application_id, uow.applications.get(item.application_id)
        )
        if _in_progress(app):
            # While the process goes on, the verdict is not in yet: nothing to ask why.
            continue
        first = next(s for s, kind in verdicts if kind)
        fit = next((s.text for s, kind in verdicts if kind == "fit"), None)
        found.append((first, item, app, said, fit))
    return found


def _ask_about_verdict(
    said: set[str], fit: str | None, app: Application, round_: Round | None, variant: int = 0
) -> list[str]:
    # The questions name the round and its one interview when the record has them.
    del variant
    proper = {app.company} if app.company else set()
    interviews = round_.interviews if round_ else []
    return verdict_questions(
        said,
        fit,
        str(round_phrase(round_.name, proper)) if round_ else None,
        interview_phrase(interviews[0].title) if len(interviews) == 1 else None,
        app.company,
        final=round_ is not None and round_.kind in FINAL_ROUND_KINDS,
    )


def _ask_about_experience(text: str, company: str | None, variant: int = 0) -> list[str]:
    # The wording varies with the sentence itself, not with its place in the message.
    del variant
    return experience_questions(text, company)


# How sure the mapper must be that a sibling statement is about the same competency: the
# sentence naming the moment is mostly about what happened ("the answer went to escalation"),
# so it maps weakly, but a competency it does not touch at all is another matter.
_SAME_TOPIC = 0.1


def _moment_named_nearby(
    statement: FeedbackStatement, competencies: list[str], siblings: list[FeedbackStatement]
) -> str | None:
    """Another statement of the same feedback that names the moment this vague one is about.

    "We were not convinced on your risk management; when Marcus pushed on the slipping
    integration, the answer went to escalation" names it in its second half: asking
    "which moment?" would show the e-mail was not read.
    """
    for other in siblings:
        # "The solution didn't consider accessibility" names an issue, not a moment.
        if other.id == statement.id or is_vague(other.text) or only_names_its_issue(other.text):
            continue
        if _about(other) & set(competencies):
            return other.text
    return None


def _as_filed(
    uow: GrowthUnitOfWork, vague: list[tuple[FeedbackStatement, Feedback, list[str]]]
) -> tuple[list[Feedback], Labels]:
    """Each vague statement's feedback as the statement is filed, and their rounds' labels.

    Praise of the take-home in an email about the system design is asked about as the
    take-home's, not as the round the email came for.
    """
    filed = [as_filed(i, s) for s, i, _ in vague]
    labels = uow.applications.labels(
        {i.round_id for i in filed if i.round_id is not None},
        {i.interview_id for i in filed if i.interview_id is not None},
    )
    return filed, labels


def _filed_alike(
    about: Feedback, item: Feedback, siblings: list[FeedbackStatement]
) -> list[FeedbackStatement]:
    """The statements of ``item`` filed under the round ``about`` is.

    A moment named in a sentence about another round (the system design, in an email that
    also speaks of the take-home) is not the moment a take-home statement is about.
    """
    return [o for o in siblings if as_filed(item, o).round_id == about.round_id]


def _interview_and_round(
    labels: Labels, item: Feedback, app: Application
) -> tuple[str | None, str | None]:
    """The title of the interview the feedback is about, and the name of its round."""
    interview = labels.interviews.get(item.interview_id) if item.interview_id else None
    if interview is not None:
        return interview.title, interview.round_name
    if item.round_id in labels.rounds:
        return None, labels.rounds[item.round_id]
    # Feedback about a whole process is almost always about the last round held by the
    # time it came: a later round cannot be what it speaks of.
    return None, _round_by(app, item.received_on)


def _moment_asked(
    statement: FeedbackStatement,
    competencies: list[str],
    siblings: list[FeedbackStatement],
    artefact: Deliverable | None,
) -> tuple[str | None, str | None]:
    """The moment named nearby, and the same when the questions ask about it (else None)."""
    scenario = _moment_named_nearby(statement, competencies, siblings)
    asked = asks_about_moment(statement.text, scenario, statement.polarity, artefact)
    return scenario, scenario if asked else None


def _said_in_a_specific_sentence(
    statement: FeedbackStatement,
    competencies: list[str],
    siblings: list[FeedbackStatement],
    item: Feedback,
) -> bool:
    """Whether the statement is a clause of a sentence whose other clause is specific.

    "In the leadership conversation some of your answers were quite long and she sometimes
    lost the thread" is split in two; its second half is vague alone, but the sentence
    names the conversation: there is nothing to ask about it.
    """
    for other in siblings:
        if other.id == statement.id or is_vague(other.text):
            continue
        if _one_sentence(statement, other, item) and set(_about(other)) & set(competencies):
            return True
    return False


def _asked_about_with_its_sentence(
    statement: FeedbackStatement,
    competencies: list[str],
    item: Feedback,
    asked: list[tuple[FeedbackStatement, Feedback, list[str]]],
) -> bool:
    """Whether an earlier clause of the same sentence, on the same competency, is asked about.

    "Karin felt you didn't show a proactive approach to risk; she was looking for how you
    track risks" is one point made twice: one set of questions covers both halves.
    """
    return any(
        other_item.id == item.id
        and set(others) & set(competencies)
        and _one_sentence(statement, other, item)
        for other, other_item, others in asked
    )


def _one_sentence(a: FeedbackStatement, b: FeedbackStatement, item: Feedback) -> bool:
    """Whether two statements of one feedback item are clauses of one sentence."""
    first, second = sorted((a, b), key=lambda s: s.start)
    # From the first clause's last character: one ending in a full stop is a sentence.
    between = item.text[first.end - 1 : second.start] if first.end <= second.start else "."
    return not re.search(r"[.!?\n]", between)


def _about(statement: FeedbackStatement) -> set[str]:
    """The competencies a statement speaks of: the user's verdict, else weak suggestions too."""
    if statement.confirmed:
        return set(statement.competencies)
    return set(statement.competencies) | {
        m.competency_id for m in statement.suggestions if m.confidence >= _SAME_TOPIC
    }


def _names_its_issue(statement: FeedbackStatement) -> bool:
    """A gap that names what was left out and nothing else: asked about on a deliverable."""
    return statement.polarity is Polarity.GAP and only_names_its_issue(statement.text)


def _deliverable(
    statement: FeedbackStatement, app: Application, item: Feedback, round_name: str | None
) -> Deliverable | None:
    """What was handed in, when the statement or its round is about a deliverable."""
    round_ = _round_of(app, item, round_name)
    take_home = round_ is not None and round_.kind is RoundKind.TAKE_HOME
    return deliverable(statement.text, round_name, take_home=take_home)


def _round_of(app: Application, item: Feedback, round_name: str | None) -> Round | None:
    """The round the feedback is about: its interview's, its own, else the one by that name."""
    for round_ in app.ordered_rounds:
        if item.interview_id is not None and any(
            i.id == item.interview_id for i in round_.interviews
        ):
            return round_
        if item.round_id is not None and round_.id == item.round_id:
            return round_
    return next((r for r in app.ordered_rounds if r.name == round_name), None)


def _people_in(app: Application, item: Feedback, round_name: str | None) -> list[str]:
    """Who sat in what the feedback is about: its interview, else its round, on record."""
    for round_ in app.ordered_rounds:
        for interview in round_.interviews:
            if item.interview_id is not None and interview.id == item.interview_id:
                return [p.name for p in interview.interviewers]
    if item.interview_id is not None:
        return []
    for round_ in app.ordered_rounds:
        if (item.round_id is not None and round_.id == item.round_id) or (
            item.round_id is None and round_.name == round_name
        ):
            names = [p.name for i in round_.interviews for p in i.interviewers]
            return list(dict.fromkeys(names))
    return []


def _whose_impression(item: Feedback, people: list[str]) -> str:
    """Who formed the view, as the questions name them to its author.

    To the one interviewer who wrote it, "you"; a recruiter passing on one interviewer's
    view, that interviewer by first name; on a panel, "the panel"; unknown, "the team".
    """
    author = (item.author or "").casefold().split()
    if author and any(p.casefold().split()[:1] == author[:1] for p in people):
        return "you"
    if len(people) == 1:
        return people[0].split()[0]
    return "the panel" if people else "the team"


def _age(days: int) -> str:
    """As a person says it, to the nearest week or month: 34 days is "5 weeks ago"."""
    if days < 14:
        return "today" if days == 0 else f"{days} day{'s' if days != 1 else ''} ago"
    if days < 62:
        return f"{round(days / 7)} weeks ago"
    return f"{round(days / 30.44)} months ago"


def _in_progress(app: Application) -> bool:
    """Still interviewing: an offer is a decision to make, not a round to prepare for."""
    return app.status.is_open and app.status is not Status.OFFER


def _within_cap(
    found: list[Clarification], ask: Callable[[Clarification, int], list[str]]
) -> tuple[list[Clarification], int]:
    """Each application's statements in order, its questions shared out up to the cap.

    Every statement first gets its best question, then the next best, and so on: three
    vague statements get one question each rather than the first one getting all three.
    Neighbours are phrased differently, so one message does not read as a template. A
    statement left with no question is not shown; the count says how many.
    """
    # Questions still worth sending first; then gaps, then oldest first; applications in
    # the order of their first statement.
    ranked = sorted(
        found,
        key=lambda c: (
            c.stale,
            # Why someone else was chosen is what a "no" for experience leaves unclear.
            not c.about_experience,
            c.statement.polarity is not Polarity.GAP,
            c.feedback.received_on,
            c.statement.position,
        ),
    )
    groups: dict[int | None, list[Clarification]] = {}
    for item in ranked:
        groups.setdefault(item.feedback.application_id, []).append(item)
    chosen: list[Clarification] = []
    left_out = 0
    for items in groups.values():
        asked = [ask(item, index % 2) for index, item in enumerate(items)]
        counts = [0] * len(items)
        budget = MAX_QUESTIONS_PER_APPLICATION
        for depth in range(max(len(q) for q in asked)):
            for index, questions in enumerate(asked):
                if budget and depth < len(questions):
                    counts[index] += 1
                    budget -= 1
        kept = [
            replace(item, questions=questions[:n])
            for item, questions, n in zip(items, asked, counts, strict=True)
            if n
        ]
        left_out += len(items) - len(kept)
        # One recipient's questions together: they go in one message.
        chosen += sorted(kept, key=lambda c: (c.feedback.author or "").casefold())
    return chosen, left_out


def _round_by(app: Application, on: date) -> str | None:
    """The name of the application's latest round started by ``on`` (None: before any)."""
    started = [r for r in app.ordered_rounds if r.started_on <= on]
    # On a tie, the later round in stage order: sorted() keeps that order among equals.
    return sorted(started, key=lambda r: r.started_on)[-1].name if started else None


def _next_round(app: Application, now: datetime) -> str | None:
    """The first round still ahead: one with an interview to come, or not started yet.

    A cancelled round is not ahead, whatever its dates say: it will not take place.
    """
    for round_ in app.ordered_rounds:
        if round_.outcome is RoundOutcome.CANCELLED:
            continue
        if round_.interviews_to_come(now) or round_.started_on > now.date():
            return round_.name
    return None
