"""Asking for feedback after a "no" that came with none: when it is worth it, and the draft."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from nextround.domain.journey import SCREENING_KINDS, Application, Outcome, Round, RoundKind
from nextround.domain.note_drafts import NAME_PLACEHOLDER
from nextround.domain.notes import count_words
from nextround.domain.round_names import RoundPhrase, round_phrase

#: Days after the decision during which asking still reads as natural; later, the people
#: who saw you have moved on to the next intake and the answer is rarely specific.
ASK_WITHIN_DAYS = 21
#: Rounds taken alone against a test or a screen: an online assessment, a take-home, a
#: recruiter's screen. Their "no" comes from a score or a sift, not from people who watched
#: you, so there is rarely feedback to give.
NOT_INTERVIEWS = SCREENING_KINDS | frozenset({RoundKind.TAKE_HOME})
#: At most this many parts of the round are named in the question ("the group exercise and
#: the presentation"): one or two specific questions get answered, a list does not.
PARTS_NAMED = 2


@dataclass(frozen=True)
class FeedbackAsk:
    """A rejection after an interview with no feedback on record, still worth asking about."""

    application_id: int
    company: str
    role_title: str
    round_name: str
    decided_on: date
    # The interviews held within the round ("Group exercise", "Presentation"), to ask about.
    parts: tuple[str, ...] = ()

    @property
    def ask_by(self) -> date:
        """The last day asking still reads as natural."""
        return self.decided_on + timedelta(days=ASK_WITHIN_DAYS)

    def round(self) -> RoundPhrase:
        """The round as a sentence names it: "the assessment centre"."""
        return round_phrase(self.round_name, self.company.split())

    def round_as_yours(self) -> str:
        """The round as "your …" says it: "your assessment centre", "round 2"."""
        phrase = self.round()
        return f"your {phrase.words}" if phrase.article else phrase.words


def feedback_ask(app: Application, has_feedback: bool, today: date) -> FeedbackAsk | None:
    """The ask, if the application ended in a rejection worth asking feedback for.

    Worth asking: the decision in force is a rejection made in the last ASK_WITHIN_DAYS
    days, after a round where people saw the person (an interview, a panel, an assessment
    centre; not an online test, a take-home, a recruiter's screen, nor a CV sift with no
    round at all), and no feedback on the application is on record yet.
    """
    decision = app.current_decision
    if has_feedback or app.id is None or decision is None:
        return None
    if decision.outcome is not Outcome.REJECTION or not decision.day_known:
        return None  # with no day known, there is no telling whether it is still time to ask
    if not decision.decided_on <= today <= decision.decided_on + timedelta(days=ASK_WITHIN_DAYS):
        return None
    held = [r for r in app.ordered_rounds if r.started_on <= decision.decided_on]
    if not held or held[-1].kind in NOT_INTERVIEWS:
        return None
    last = held[-1]
    return FeedbackAsk(
        app.id, app.company, app.role_title, last.name, decision.decided_on, _parts(last)
    )


def _parts(round_: Round) -> tuple[str, ...]:
    """The titles of the round's interviews that took place, when it had several."""
    titles = [i.title for i in round_.interviews if not i.called_off]
    # One interview is the round itself: "the video interview, especially the video interview".
    return tuple(titles[:PARTS_NAMED]) if len(titles) > 1 else ()


def action_words(ask: FeedbackAsk, today: date) -> tuple[str, str, str]:
    """The plan action's title, detail and why."""
    left = (ask.ask_by - today).days
    when = "today" if left == 0 else f"within {left} day{'s' if left != 1 else ''}"
    title = f"Ask {ask.company} for feedback on {ask.round_as_yours()}"
    detail = (
        f"Write to the recruiter {when} (by {ask.ask_by:%a %-d %b}): thank them, and ask one "
        f"or two specific questions about {ask.round()}. "
        f"`nextround note feedback-request {ask.application_id}` drafts it."
    )
    why = (
        f"{ask.company} said no on {ask.decided_on:%-d %b %Y} after {ask.round()}, and no "
        "feedback is on record. People who saw you can usually say what made the "
        "difference when asked, soon after the decision."
    )
    return title, detail, why


@dataclass(frozen=True)
class FeedbackRequest:
    """A short, polite email asking for feedback."""

    subject: str
    body: str

    @property
    def words(self) -> int:
        """Length in words."""
        return count_words(self.body)


def draft_feedback_request(
    ask: FeedbackAsk, names: Sequence[str] = (), sender: str | None = None
) -> FeedbackRequest:
    """The request: thanks, the round named, one or two specific questions, nothing more.

    ``names``: the first names of who it goes to; without any, the recruitment team.
    """
    round_ = ask.round()
    greeting = f"Dear {_joined(names)}," if names else f"Dear {ask.company} recruitment team,"
    thanks = (
        f"Thank you for letting me know the outcome of {round_} for the {ask.role_title} "
        "role. I am disappointed, but I would like to learn from it."
    )
    if ask.parts:
        parts = _joined([str(round_phrase(p, ask.company.split())) for p in ask.parts])
        question = (
            f"Could you share any feedback from {round_}, especially on {parts}? "
            "And what one thing would have made the biggest difference?"
        )
    else:
        question = (
            f"Could you share any feedback on how I did in {round_}? "
            "In particular, what one thing would have made the biggest difference?"
        )
    sign = (sender or "").strip() or NAME_PLACEHOLDER
    body = "\n\n".join([greeting, thanks, question, f"Kind regards,\n{sign}"])
    return FeedbackRequest(f"Feedback request – {ask.role_title}, {round_.title}", body)


def _joined(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
