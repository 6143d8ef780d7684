"""Notes kept: thank-you notes and feedback requests, their people, words and sent date."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from nextround.domain import values
from nextround.domain.journey import OfferResponse, Status
from nextround.domain.near_miss import did_you_mean
from nextround.errors import DomainError

#: A thank-you note stays short: it closes the loop, it does not retell the process.
DEFAULT_WORD_LIMIT = 150
MIN_WORD_LIMIT = 40
SUBJECT_MAX = 200
BODY_MAX = 10_000


class NoteKind(StrEnum):
    """What a kept note is: a thank-you note, or a request for feedback after a "no"."""

    THANK_YOU = "thank_you"
    FEEDBACK_REQUEST = "feedback_request"

    @property
    def words(self) -> str:
        """The kind as a list or a heading says it: "thank-you", "feedback request"."""
        return "thank-you" if self is NoteKind.THANK_YOU else "feedback request"


class Tone(StrEnum):
    """The moment a note is written for."""

    AFTER_INTERVIEW = "after_interview"
    # No answer is not a rejection: the note is a polite check-in after the last interview,
    # never a reply to a "no" that nobody sent.
    CHECK_IN = "check_in"
    AFTER_REJECTION = "after_rejection"
    AFTER_OFFER = "after_offer"
    AFTER_WITHDRAWAL = "after_withdrawal"

    @property
    def words(self) -> str:
        """The tone as a list or a heading says it: "after interview", "check-in"."""
        return "check-in" if self is Tone.CHECK_IN else self.value.replace("_", " ")


_TONE_OF_STATUS = {
    Status.REJECTED: Tone.AFTER_REJECTION,
    Status.NO_RESPONSE: Tone.CHECK_IN,
    Status.OFFER: Tone.AFTER_OFFER,
    Status.ACCEPTED: Tone.AFTER_OFFER,
    Status.DECLINED: Tone.AFTER_OFFER,
    Status.WITHDRAWN: Tone.AFTER_WITHDRAWAL,
}


def default_tone(status: Status) -> Tone:
    """The tone that fits where the application stands."""
    return _TONE_OF_STATUS.get(status, Tone.AFTER_INTERVIEW)


#: What a tone thanks for, and so what the record must hold before a note may say it.
_TONE_NEEDS = {
    Tone.AFTER_OFFER: ({Status.OFFER, Status.ACCEPTED, Status.DECLINED}, "an offer"),
    Tone.AFTER_REJECTION: ({Status.REJECTED}, "a rejection"),
    Tone.AFTER_WITHDRAWAL: ({Status.WITHDRAWN}, "your withdrawal"),
    Tone.CHECK_IN: ({Status.NO_RESPONSE}, "a process that went quiet"),
}


def tone_problem(tone: Tone, status: Status, *, late: bool = False) -> str | None:
    """Why a note in this tone would state what the record does not hold, if it would.

    A note "after the offer" thanks for an offer: with none recorded, it would invent one.
    A check-in fits a process that went quiet, or a thank-you that is ``late`` (days after
    an interview of a process still running).
    """
    if tone is Tone.CHECK_IN and late and status not in _TONE_OF_STATUS:
        return None
    if tone is Tone.AFTER_INTERVIEW and status is Status.NO_RESPONSE:
        # It looks forward to next steps, which a process closed without an answer has none of.
        return (
            "the after-interview tone looks forward to next steps, and the process ended with "
            "no response; choose the check-in tone"
        )
    needed = _TONE_NEEDS.get(tone)
    if needed is None or status in needed[0]:
        return None
    return (
        f"the {tone.value.replace('_', '-')} tone speaks of {needed[1]}, and the record holds "
        f"none (the process is {status.value.replace('_', ' ')}); record the decision first, "
        "or choose another tone"
    )


#: Tones a person may ask for by the answer they gave: a note after declining an offer is a
#: note after the offer whose answer is no, and it must say so in every variant.
ANSWER_TONES = {
    "after_decline": OfferResponse.DECLINED,
    "after_accept": OfferResponse.ACCEPTED,
}
_ANSWER_WORDS = {OfferResponse.DECLINED: "declined", OfferResponse.ACCEPTED: "accepted"}

#: Words a person may type for a tone (keys as near_miss.word_key writes them).
TONE_WORDS = {
    "thanks": "after_interview",
    "thank_you": "after_interview",
    "follow_up": "check_in",
    "followup": "check_in",
    "nudge": "check_in",
    "rejection": "after_rejection",
    "rejected": "after_rejection",
    "offer": "after_offer",
    "withdrawal": "after_withdrawal",
    "withdrew": "after_withdrawal",
    "decline": "after_decline",
    "declined": "after_decline",
    "accept": "after_accept",
    "accepted": "after_accept",
}


def tone_names() -> list[str]:
    """Every tone a note may be asked for, as options write them ("after-decline")."""
    return [name.replace("_", "-") for name in [*(t.value for t in Tone), *ANSWER_TONES]]


def parse_tone(value: str, option: str = "--tone") -> tuple[Tone, OfferResponse | None]:
    """A tone as typed, and the answer to the offer it speaks of (after-decline: declined)."""
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    if key in ANSWER_TONES:
        return Tone.AFTER_OFFER, ANSWER_TONES[key]
    try:
        return Tone(key), None
    except ValueError:
        guess = did_you_mean(key.replace("_", "-"), tone_names(), synonyms=TONE_WORDS)
        raise DomainError(
            f"{option} {value!r} is not one of: {', '.join(tone_names())}{guess}"
        ) from None


def answer_problem(answer: OfferResponse, response: OfferResponse | None) -> str | None:
    """Why a note after declining (or accepting) would state what the record does not hold."""
    if response is answer:
        return None
    wanted = "after-decline" if answer is OfferResponse.DECLINED else "after-accept"
    if response is None:
        held = "no offer"
    elif response in _ANSWER_WORDS:
        held = f"an offer you {_ANSWER_WORDS[response]}"
    else:
        held = "an offer still to answer"
    return (
        f"the {wanted} tone speaks of an offer you {_ANSWER_WORDS[answer]}, and the record "
        f"holds {held}; record {'the offer and ' if response is None else ''}your answer "
        "first, or choose another tone"
    )


def answered_occasion(tone: Tone, response: OfferResponse | None) -> str | None:
    """The words "after declining the offer" (or accepting it), when the answer changes them."""
    if tone is Tone.AFTER_OFFER and response is OfferResponse.DECLINED:
        return "after declining the offer"
    if tone is Tone.AFTER_OFFER and response is OfferResponse.ACCEPTED:
        return "after accepting the offer"
    return None


def occasion(tone: Tone, response: OfferResponse | None) -> str:
    """What a note is written after, in words: "after offer", or "after declining the offer"."""
    return answered_occasion(tone, response) or tone.words


def fitting_tones(status: Status, *, late: bool = False) -> list[Tone]:
    """The tones a note may take where the application stands (and when it is written)."""
    return [tone for tone in Tone if tone_problem(tone, status, late=late) is None]


def count_words(text: str) -> int:
    """Words as a reader counts them: '€6.8M' and 're-baselining' are one word each."""
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


@dataclass(frozen=True)
class Recipient:
    """Someone a note is addressed to, as the record knows them."""

    name: str
    email: str | None = None
    contact_id: int | None = None

    @property
    def first_name(self) -> str:
        """How the note greets them: the first word of their name."""
        return self.name.split()[0]


def distinct_recipients(people: Iterable[Recipient]) -> list[Recipient]:
    """The people in order, each once: a second record of someone already there is dropped.

    One person recorded twice (a contact added twice, or a contact and an interviewer of the
    same name) must not be greeted twice ("Dear Maya, Mei and Mei") nor get the mail twice.
    Two records are one person when they share an address, or share a name (in any case)
    without two different addresses to tell them apart.
    """
    kept: list[Recipient] = []
    for person in people:
        if not any(_same_person(person, other) for other in kept):
            kept.append(person)
    return kept


def same_person(one: Recipient, other: Recipient) -> bool:
    """Whether two records name one person: the same contact, address or name."""
    if one.contact_id is not None and one.contact_id == other.contact_id:
        return True
    return _same_person(one, other)


def _same_person(one: Recipient, other: Recipient) -> bool:
    first, second = (one.email or "").strip().casefold(), (other.email or "").strip().casefold()
    if first and second:
        return first == second
    return " ".join(one.name.split()).casefold() == " ".join(other.name.split()).casefold()


@dataclass(eq=False)
class Note:
    """A note as the person kept it: the words, the people, the day it went out."""

    application_id: int
    tone: Tone
    subject: str
    body: str
    recipients: list[Recipient] = field(default_factory=list)
    variant: int | None = None
    sent_on: date | None = None
    #: The answer the offer had when the note was drafted: a note after an offer declined is
    #: a note after declining it, in every variant. None before revision 0011 could tell.
    offer_answer: OfferResponse | None = None
    #: A thank-you note (every note kept before revision 0021) or a feedback request.
    kind: NoteKind = NoteKind.THANK_YOU
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def check(self) -> None:
        """Raise DomainError unless the note can be kept and sent."""
        self.subject = values.name(self.subject, "note subject")
        if len(self.subject) > SUBJECT_MAX:
            raise DomainError(f"the subject is longer than {SUBJECT_MAX} characters; shorten it")
        body = values.text(self.body, "note text", required=True, limit=BODY_MAX)
        assert body is not None
        self.body = body
        # A feedback request may go to the recruitment team when nobody is on record, as
        # its greeting says; a thank-you note thanks people by name.
        if not self.recipients and not self.is_feedback_request:
            raise DomainError(
                "a note needs at least one recipient",
                cli_hint="name one with --to",
                web_hint="tick who it is for under “To”",
            )
        for person in self.recipients:
            values.name(person.name, "recipient name")
        if self.variant is not None and not 1 <= self.variant <= 3:
            raise DomainError(f"variant must be 1, 2 or 3, not {self.variant}")

    @property
    def occasion(self) -> str:
        """What the note was written after: "after interview", "after declining the offer"."""
        return occasion(self.tone, self.offer_answer)

    @property
    def is_feedback_request(self) -> bool:
        """Whether the note asks for feedback after a "no" rather than thanking."""
        return self.kind is NoteKind.FEEDBACK_REQUEST

    @property
    def words(self) -> int:
        """How long the note is, in words."""
        return count_words(self.body)

    def mark_sent(self, on: date, applied_on: date, today: date) -> None:
        """Record the day the note went out; not in the future, not before the application."""
        if on > today:
            raise DomainError(f"{on} is in the future; give the day the note was sent")
        if on < applied_on:
            raise DomainError(f"{on} is before the application on {applied_on}; check the date")
        self.sent_on = on
