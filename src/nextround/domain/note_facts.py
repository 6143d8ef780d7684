"""What a thank-you note may say: the facts gathered from the record, and which to use first."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from nextround.domain.competency import Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import OfferResponse
from nextround.domain.note_moments import is_stock_question
from nextround.domain.notes import Recipient, Tone
from nextround.domain.round_names import (
    INTERVIEW_WORDS,
    MODIFIER_WORDS,
    RoundPhrase,
    round_phrase,
)


class MomentKind(StrEnum):
    """Where a moment was found in the debrief."""

    TOPIC = "topic"  # a topic named in "what went well"
    QUESTION = "question"  # a question the person was asked
    SESSION = "session"  # only the interview's title
    # What a piece of praise itself names ("the fraud-dashboard example"), when no moment of
    # the debriefs is clearly what it speaks of.
    PRAISE = "praise"


@dataclass(frozen=True)
class Moment:
    """One specific moment of the round, verbatim from the debrief."""

    kind: MomentKind
    text: str
    # None for praise given for a whole round or process that names no one who was there.
    interview_id: int | None
    interview_title: str
    interviewers: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    overall: int = 3
    # The round it happened in; None is the note's own round.
    round_name: str | None = None
    # Whether the interview has a debrief, and whether that debrief says it went badly
    # (rated 1-2 overall or on a skill): why a title alone is all there is to recall.
    debriefed: bool = False
    went_badly: bool = False
    went_well: str | None = None
    # Where its round is in the process: a later round is a more senior conversation.
    round_position: int | None = None
    # Who praised it in confirmed feedback ("" for feedback with no author), and in which
    # statements: the moment the company itself singled out.
    praised_by: tuple[str, ...] = ()
    praise_ids: tuple[int, ...] = ()
    # Whom the praise quotes ("Raj said your ..."): the person it landed with, when it is not
    # the one who wrote the feedback.
    said_by: str | None = None
    # A topic the person showed or presented ("walked Dana through my journey map"): recalled
    # as showing it, since "our conversation about my journey map" is not what happened.
    shown: bool = False

    def with_recipient(self, recipients: Sequence[Recipient]) -> bool:
        """Whether one of the note's recipients sat in this interview."""
        names = {r.name.casefold() for r in recipients}
        return any(name.casefold() in names for name in self.interviewers)

    def praised_by_recipient(self, recipients: Sequence[Recipient]) -> bool:
        """Whether one of the note's recipients passed on praise of this moment."""
        names = {r.name.casefold() for r in recipients}
        return any(name.casefold() in names for name in self.praised_by if name)

    def known_to(self, recipients: Sequence[Recipient]) -> bool:
        """Whether the readers know this moment: they were there, or they wrote its praise.

        A recruiter who passed on "Priya said your SLA example was the best answer she
        heard all week" knows that moment without having sat in the interview.
        """
        if self.with_recipient(recipients):
            return True
        return self.kind is not MomentKind.SESSION and self.praised_by_recipient(recipients)


@dataclass(frozen=True)
class Learning:
    """One thing the feedback taught, named by the competencies its statement maps to."""

    topic: str
    polarity: Polarity
    competencies: tuple[str, ...]
    statement_id: int | None = None
    author: str | None = None
    source: FeedbackSource | None = None
    confirmed: bool = False
    confidence: float = 0.0
    # The feedback's own words for what it judged ("data and experimentation"), when they
    # can be lifted from the statement: a note says those, not the framework's label.
    words: str | None = None

    @property
    def phrase(self) -> str:
        """How a note names what was learned: the feedback's words, else the competency."""
        return self.words or self.topic


@dataclass(frozen=True)
class NoteFacts:
    """Everything a draft may mention; nothing else reaches the note."""

    company: str
    role_title: str
    tone: Tone
    recipients: tuple[Recipient, ...]
    round_name: str | None = None
    moments: tuple[Moment, ...] = ()
    learnings: tuple[Learning, ...] = ()
    sender: str | None = None
    offer_response: OfferResponse | None = None
    # Words the record uses as names (company, people), kept capitalised mid-sentence.
    proper_names: frozenset[str] = field(default_factory=frozenset)
    # Who told the person how the process ended (casefolded names): only they are thanked
    # "for letting me know the outcome"; the interviewers did not tell them.
    outcome_told_by: frozenset[str] = field(default_factory=frozenset)
    # Pieces of the application's feedback with statements the person has not confirmed yet.
    feedback_to_review: int = 0
    # Where the note's round is, and how many interviews it has on record (held or not):
    # what a hint needs to say why no moment could be recalled, and which command adds one.
    application_id: int | None = None
    round_position: int | None = None
    round_interviews: int = 0
    # A later round already on record ("the virtual onsite"): a late note checks in without
    # asking whether the role is still open, since the person is already through to it.
    next_round: str | None = None

    def told_the_outcome(self) -> list[Recipient]:
        """The recipients who told the person the outcome."""
        return [r for r in self.recipients if r.name.casefold() in self.outcome_told_by]

    @property
    def round(self) -> RoundPhrase | None:
        """The round as the note names it ("the final loop", "round 2"), if there is one."""
        return round_phrase(self.round_name, self.proper_names) if self.round_name else None


_KIND_ORDER = {
    MomentKind.TOPIC: 0,
    MomentKind.QUESTION: 1,
    MomentKind.PRAISE: 2,
    MomentKind.SESSION: 3,
}


def rank_moments(
    moments: Sequence[Moment], recipients: Sequence[Recipient], tone: Tone | None = None
) -> list[Moment]:
    """Moments the recipients know of, best first.

    A note recalls only what its readers saw, or what they praised themselves: a question
    from an interview none of them attended would be news to them. A stock screening
    question ("Why are you leaving your current role?", salary, notice) is no moment at all,
    nor is a bland title ("Call with Engineering Director", "Chat"): a calendar entry.
    After a rejection, the title of an interview that went badly is never recalled: "I
    especially enjoyed the risk deep-dive" to the people who turned you down over it.
    """
    first_names = {r.first_name.casefold() for r in recipients}
    # The debrief's own words beat a title: once an interview gave a topic or a question,
    # its title is no second moment ("the wave plan", then "the deep dive session").
    recalled = {m.interview_id for m in moments if m.kind is not MomentKind.SESSION}
    usable = [
        m
        for m in moments
        if m.known_to(recipients)
        and not (m.kind is MomentKind.QUESTION and is_stock_question(m.text))
        and (
            m.kind is not MomentKind.SESSION
            or not (
                m.interview_id in recalled
                or is_bland_title(m.text)
                or first_names & set(_words(m.text))
                or (tone is Tone.AFTER_REJECTION and m.went_badly)
            )
        )
    ]
    # The note's own round first: an earlier round is recalled only when nobody reading the
    # note was in this one (the recruiter and hiring manager often are not in a final loop).
    # Then what the company praised, then an interview that went well, the later (more
    # senior) round first: a final-loop moment says more than a screening call's.
    return sorted(
        usable,
        key=lambda m: (
            m.round_name is not None,
            not m.praised_by,
            _how_it_went(m),
            -(m.round_position or 0),
            _KIND_ORDER[m.kind],
            -m.overall,
        ),
    )


# A debrief rated this high overall went well.
_WENT_WELL = 4


def _how_it_went(moment: Moment) -> int:
    """0 when the debrief says it went well, 2 when it went badly, 1 otherwise."""
    if moment.went_badly and moment.overall < _WENT_WELL:
        return 2
    return 0 if moment.debriefed and moment.overall >= _WENT_WELL else 1


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.casefold())


# Who a meeting is with, as calendars name it: not what it was about.
_ROLE_WORDS = frozenset({
    "head", "lead", "director", "vp", "chief", "cto", "ceo", "coo", "cfo", "cpo", "hr", "pmo",
    "engineering", "delivery", "people", "ops", "operations", "recruitment", "hiring",
    "manager", "recruiter", "team", "panel", "founder", "partner", "of", "with", "and", "the",
    "a", "an", "our", "my", "quick", "short", "informal", "catch", "up", "intro", "first",
    # Calendar shorthand for who: "HM chat", "TA screen", "EM call".
    "hm", "ta", "em", "pm", "tl", "gm", "md", "svp", "evp",
})  # fmt: skip


def is_bland_title(title: str) -> bool:
    """Whether an interview title says only when or with whom, not what about.

    "Chat", "Intro call", "Call with Engineering Director" and "Behavioural with PMO lead"
    are bland: a meeting named after the people in it says nothing about the conversation.
    "Process-flow whiteboard" or "Supplier onboarding case" name what happened.
    """
    words = _words(title)
    if "with" in words:
        return True
    return all(w in _ROLE_WORDS or w in INTERVIEW_WORDS or w in MODIFIER_WORDS for w in words)


# After an ending the useful learning is a gap (what to work on); after an offer or a good
# interview it is a strength (what came across).
_WANTED = {
    Tone.AFTER_REJECTION: Polarity.GAP,
    Tone.AFTER_OFFER: Polarity.STRENGTH,
    Tone.AFTER_INTERVIEW: Polarity.STRENGTH,
    Tone.CHECK_IN: Polarity.STRENGTH,
    Tone.AFTER_WITHDRAWAL: Polarity.STRENGTH,
}


def rank_learnings(
    learnings: Sequence[Learning], tone: Tone, recipients: Sequence[Recipient]
) -> list[Learning]:
    """Learnings a note can use, best first; neutral statements teach nothing and are dropped.

    Only what a recipient said, or the company without a named author, is usable. Order:
    the polarity the tone wants, then what a recipient said themselves, then statements
    the person confirmed, then the mapper's confidence.
    """
    wanted = _WANTED[tone]
    names = {r.name.casefold() for r in recipients}
    # Thanking Felix for Claudia's kind words would be a mistake he notices; feedback with
    # no author is the company's, which the note can thank anyone for.
    usable = [
        item
        for item in learnings
        if item.polarity is not Polarity.NEUTRAL
        and item.topic
        and (not item.author or item.author.casefold() in names)
    ]
    # Among equals, one whose own words could be lifted: "your feedback on data and
    # experimentation" reads as a person's, "on data-informed decision making" as a form's.
    return sorted(
        usable,
        key=lambda item: (
            item.polarity is not wanted,
            (item.author or "").casefold() not in names,
            not item.confirmed,
            -item.confidence,
            item.words is None,
        ),
    )
