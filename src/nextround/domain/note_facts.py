"""What a thank-you note may say: the facts gathered from the record, and which to use first."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from nextround.domain.competency import Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import OfferResponse
from nextround.domain.notes import Recipient, Tone
from nextround.domain.round_names import RoundPhrase, round_phrase


class MomentKind(StrEnum):
    """Where a moment was found in the debrief."""

    TOPIC = "topic"  # a topic named in "what went well"
    QUESTION = "question"  # a question the person was asked
    SESSION = "session"  # only the interview's title


@dataclass(frozen=True)
class Moment:
    """One specific moment of the round, verbatim from the debrief."""

    kind: MomentKind
    text: str
    interview_id: int
    interview_title: str
    interviewers: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    overall: int = 3

    def with_recipient(self, recipients: Sequence[Recipient]) -> bool:
        """Whether one of the note's recipients sat in this interview."""
        names = {r.name.casefold() for r in recipients}
        return any(name.casefold() in names for name in self.interviewers)


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

    @property
    def round(self) -> RoundPhrase | None:
        """The round as the note names it ("the final loop", "round 2"), if there is one."""
        return round_phrase(self.round_name, self.proper_names) if self.round_name else None


_KIND_ORDER = {MomentKind.TOPIC: 0, MomentKind.QUESTION: 1, MomentKind.SESSION: 2}


def rank_moments(moments: Sequence[Moment], recipients: Sequence[Recipient]) -> list[Moment]:
    """Best first: from a recipient's own interview, a named topic, an interview that went well.

    A topic beats a question because it is what the person felt went well; a question beats
    a bare session title because it is specific. A session title that names a recipient
    ("Screen with Tom") is left out: quoted back to Tom, it reads as his own calendar entry.
    """
    first_names = {r.first_name.casefold() for r in recipients}
    usable = [
        m
        for m in moments
        if m.kind is not MomentKind.SESSION
        or not first_names & set(re.findall(r"[^\W\d_]+", m.text.casefold()))
    ]
    return sorted(
        usable,
        key=lambda m: (not m.with_recipient(recipients), _KIND_ORDER[m.kind], -m.overall),
    )


# After an ending the useful learning is a gap (what to work on); after an offer or a good
# interview it is a strength (what came across).
_WANTED = {
    Tone.AFTER_REJECTION: Polarity.GAP,
    Tone.AFTER_OFFER: Polarity.STRENGTH,
    Tone.AFTER_INTERVIEW: Polarity.STRENGTH,
    Tone.AFTER_WITHDRAWAL: Polarity.STRENGTH,
}


def rank_learnings(
    learnings: Sequence[Learning], tone: Tone, recipients: Sequence[Recipient]
) -> list[Learning]:
    """Learnings a note can use, best first; neutral statements teach nothing and are dropped.

    Order: the polarity the tone wants, then what a recipient said themselves, then
    statements the person confirmed, then the mapper's confidence.
    """
    wanted = _WANTED[tone]
    names = {r.name.casefold() for r in recipients}
    usable = [item for item in learnings if item.polarity is not Polarity.NEUTRAL and item.topic]
    return sorted(
        usable,
        key=lambda item: (
            item.polarity is not wanted,
            (item.author or "").casefold() not in names,
            not item.confirmed,
            -item.confidence,
        ),
    )
