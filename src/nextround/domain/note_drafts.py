"""Three thank-you drafts from the record's facts: classic, moment first, and brief.

Every name, round, topic and learning in a draft comes from ``NoteFacts``; the templates
only add the connecting words. The three variants differ in structure (what comes first,
how many paragraphs, how long), not in synonyms, so the person has a real choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nextround.domain.articles import indefinite
from nextround.domain.competency import Polarity
from nextround.domain.journey import OfferResponse
from nextround.domain.note_facts import (
    Learning,
    Moment,
    MomentKind,
    NoteFacts,
    rank_learnings,
    rank_moments,
)
from nextround.domain.note_gaps import Missing, why_no_learning, why_no_moment
from nextround.domain.notes import (
    DEFAULT_WORD_LIMIT,
    MIN_WORD_LIMIT,
    Recipient,
    Tone,
    count_words,
)
from nextround.domain.round_names import ends_in_a_meeting, kind_and_topic, round_phrase
from nextround.errors import DomainError

STYLES = ("classic", "moment first", "brief")
#: Where a note is signed when nobody said who signs it: plainly a blank to fill in.
NAME_PLACEHOLDER = "[Your name]"


def fill_signature(body: str, name: str | None) -> str:
    """A kept note still ending in the placeholder, signed with the name known now."""
    head, _, last = body.rstrip().rpartition("\n")
    if not name or last.strip() != NAME_PLACEHOLDER:
        return body
    return f"{head}\n{name}"


@dataclass(frozen=True)
class Draft:
    """One variant of a note, with the moment and learning it used (for explanation)."""

    variant: int
    style: str
    subject: str
    body: str
    moment: Moment | None
    learning: Learning | None
    limit: int
    # Why there is no moment or no learning: what is missing, and how to add it.
    missing_moment: Missing | None = None
    missing_learning: Missing | None = None

    @property
    def words(self) -> int:
        """Length in words."""
        return count_words(self.body)

    @property
    def over_limit(self) -> bool:
        """Whether even the shortest form is longer than the limit (very long names)."""
        return self.words > self.limit


@dataclass(frozen=True)
class _Part:
    """A sentence and when it may be dropped to fit the limit (None: never)."""

    text: str
    drop: int | None = None


def _join_names(names: Sequence[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


class _Words:
    """The phrases a draft is built from, each taken from the facts."""

    def __init__(self, facts: NoteFacts) -> None:
        self.facts = facts
        self.firsts = _join_names([r.first_name for r in facts.recipients])
        self.single = len(facts.recipients) == 1
        self.role = facts.role_title
        self.company = facts.company
        self.round = str(facts.round) if facts.round else None
        # "an Operations Lead role", "a User Researcher role": the article goes by the sound.
        self.a_role = indefinite(self.role)

    def round_or_process(self) -> str:
        return self.round or f"the {self.role} process"

    def whose(self, moment: Moment) -> str:
        """'our' when the one recipient was in the room; otherwise 'the'."""
        return "our" if self.single and moment.with_recipient(self.facts.recipients) else "the"

    def learning_source(self, learning: Learning) -> str:
        """Whose feedback: 'your' when a recipient gave it, else 'the' (the company's)."""
        return "the" if self._author(learning) is None else "your"

    def addressed(self, learning: Learning) -> str:
        """The one recipient of several whose feedback "your" means, named: ", Maya,".

        Writing to Maya about "Maya's feedback" speaks of her in the third person; "your"
        alone, to Maya and Jonas, would thank Jonas for what only Maya said.
        """
        author = self._author(learning)
        return f", {author}," if author is not None and not self.single else ""

    def learning_owner(self, learning: Learning) -> str:
        """Whose words: as ``learning_source``, but the company's are 'the team's'."""
        source = self.learning_source(learning)
        return "the team's" if source == "the" else source

    def name_of(self, person: Recipient) -> str:
        """A recipient as the note names them: first name, unless two recipients share it."""
        firsts = [r.first_name.casefold() for r in self.facts.recipients]
        return person.first_name if firsts.count(person.first_name.casefold()) == 1 else person.name

    def _author(self, learning: Learning) -> str | None:
        """How the note names the recipient who gave the feedback, if one of them did.

        To several people, "your kind words" thanks them all for what one of them said:
        the note names who said it instead, by first name unless two recipients share it.
        """
        said = (learning.author or "").casefold()
        author = next((r for r in self.facts.recipients if r.name.casefold() == said), None)
        return None if author is None else self.name_of(author)

    def sign_off(self, closing: str, full: bool) -> str:
        sender = (self.facts.sender or "").strip()
        if not sender:
            # A closing with nothing under it goes out unsigned unnoticed; a placeholder
            # is seen and replaced (nothing is invented: it is not a name).
            return f"{closing}\n{NAME_PLACEHOLDER}"
        return f"{closing}\n{sender if full else sender.split()[0]}"


# -- the three variants --------------------------------------------------------------------


def _classic(w: _Words, moment: Moment | None, learning: Learning | None) -> list[list[_Part]]:
    """Thanks and a moment, then the learning, then the open door; formal."""
    tone, f = w.facts.tone, w.facts
    opening = {
        Tone.AFTER_INTERVIEW: f"Thank you for your time in {w.round_or_process()}, and for "
        f"the chance to talk about the {w.role} role at {w.company}.",
        Tone.CHECK_IN: f"I wanted to follow up on the {w.role} role at {w.company}, and "
        f"to thank you again for your time in {w.round_or_process()}.",
        Tone.AFTER_REJECTION: f"Thank you for the time you and the team gave me throughout the "
        f"{w.role} process at {w.company}" + (f", right up to {w.round}." if w.round else "."),
        Tone.AFTER_OFFER: f"Thank you for the offer for the {w.role} role at {w.company}.",
        Tone.AFTER_WITHDRAWAL: f"Thank you for the time you gave me in the {w.role} process "
        f"at {w.company}.",
    }[tone]
    first = [_Part(opening)]
    if tone is Tone.AFTER_OFFER:
        first.append(_Part(_offer_line(f.offer_response)))
    if tone is Tone.AFTER_WITHDRAWAL:
        first.append(
            _Part(
                "Withdrawing was not an easy decision, and I wanted to thank you properly.", drop=2
            )
        )
    if moment is not None:
        # The opening already names the round after an interview or a rejection.
        named = tone in (Tone.AFTER_INTERVIEW, Tone.CHECK_IN, Tone.AFTER_REJECTION)
        first.append(
            _Part(_moment_line(w, moment, "classic", learning, say_round=not named), drop=4)
        )
    second = []
    if learning is not None:
        if learning.polarity is Polarity.GAP:
            second.append(
                _Part(
                    f"Thank you as well{w.addressed(learning)} for "
                    f"{w.learning_source(learning)} candid feedback on {learning.phrase}.",
                    drop=5,
                )
            )
            second.append(_Part("It gives me a clear focus for what to work on next.", drop=1))
        else:
            second.append(
                _Part(
                    f"It was encouraging to hear that {_my(learning.phrase)} came across well.",
                    drop=5,
                )
            )
    door = {
        Tone.AFTER_INTERVIEW: (
            f"I look forward to {f.next_round}."
            if f.next_round
            else "I look forward to hearing about the next steps."
        ),
        Tone.CHECK_IN: (f"I am looking forward to {f.next_round}." if f.next_round else _CHECK_IN),
        Tone.AFTER_REJECTION: "Although it was not the outcome I hoped for, I would be glad to "
        f"stay in touch and to hear about future openings at {w.company}.",
        Tone.AFTER_OFFER: _offer_door(f.offer_response, w.company),
        Tone.AFTER_WITHDRAWAL: "I hope our paths cross again, and I would be glad to stay in "
        "touch.",
    }[tone]
    return [first, second, [_Part(door)]]


def _moment_first(w: _Words, moment: Moment | None, learning: Learning | None) -> list[list[_Part]]:
    """Opens on the moment, then thanks and what the person takes away; warmer, one block."""
    tone, f = w.facts.tone, w.facts
    parts: list[_Part] = []
    if moment is not None:
        parts.append(_Part(_moment_line(w, moment, "first", learning), drop=4))
    thanks = {
        Tone.AFTER_INTERVIEW: f"Thank you for making the time, and for a conversation that "
        f"made me even keener on the {w.role} role.",
        Tone.CHECK_IN: f"I wanted to check in on the {w.role} role, and to thank you "
        "again for making the time.",
        Tone.AFTER_REJECTION: _rejection_thanks(w),
        Tone.AFTER_OFFER: f"Thank you for the offer, and for everything that led to it "
        f"at {w.company}.",
        Tone.AFTER_WITHDRAWAL: f"Thank you for everything during the {w.role} process at "
        f"{w.company}, and for understanding that I have withdrawn my application.",
    }[tone]
    parts.append(_Part(thanks))
    if tone is Tone.AFTER_OFFER:
        parts.append(_Part(_offer_line(f.offer_response, warm=True)))
    if learning is not None:
        if learning.polarity is Polarity.GAP:
            parts.append(
                _Part(
                    f"What I am taking away{w.addressed(learning)} is "
                    f"{w.learning_source(learning)} feedback on {learning.phrase}: that is "
                    "where I am putting my practice now.",
                    drop=5,
                )
            )
        else:
            parts.append(
                _Part(
                    f"Hearing that {_my(learning.phrase)} stood out meant a lot, and "
                    "I will build on it.",
                    drop=5,
                )
            )
    door = {
        Tone.AFTER_INTERVIEW: "If anything else would help with your decision, I am happy to "
        "share it.",
        # Not the classic's words again: the three drafts differ in every sentence.
        Tone.CHECK_IN: (
            f"I am looking forward to {f.next_round}, and to continuing the conversation."
            if f.next_round
            else "If there is any news, I would be glad to hear where things stand, and "
            "to stay in touch either way."
        ),
        Tone.AFTER_REJECTION: f"If {w.a_role} role opens up again, I would love to be considered.",
        Tone.AFTER_OFFER: _offer_door(f.offer_response, w.company, warm=True),
        Tone.AFTER_WITHDRAWAL: f"If the timing is better another day, I would love to talk to "
        f"{w.company} again.",
    }[tone]
    parts.append(_Part(door))
    return [parts]


def _brief(w: _Words, moment: Moment | None, learning: Learning | None) -> list[list[_Part]]:
    """Three sentences at most: thanks (with the learning folded in), the moment, the door."""
    tone, f = w.facts.tone, w.facts
    what = {
        Tone.AFTER_INTERVIEW: w.round_or_process(),
        Tone.CHECK_IN: w.round_or_process(),
        Tone.AFTER_REJECTION: w.round_or_process(),
        Tone.AFTER_OFFER: "the offer",
        Tone.AFTER_WITHDRAWAL: f"your time in the {w.role} process",
    }[tone]
    thanks = f"Thank you for {what}"
    if learning is not None:
        thanks += (
            f" and for the honest feedback on {learning.phrase}"
            if learning.polarity is Polarity.GAP
            else f" and{w.addressed(learning)} for {w.learning_owner(learning)} kind words "
            f"about {_my(learning.phrase)}"
        )
    parts = [_Part(thanks + ".")]
    answer = _BRIEF_ANSWER.get(f.offer_response) if f.offer_response else None
    if tone is Tone.AFTER_OFFER and answer:
        # Never dropped: a brief thanks for an offer, read alone, could pass for a yes.
        # "it" is the offer only when the thanks ended on it, not on the kind words.
        parts.append(_Part(answer.format(it="the offer" if learning else "it")))
    if moment is not None:
        parts.append(_Part(_moment_line(w, moment, "brief", learning, say_round=False), drop=4))
    door = {
        Tone.AFTER_INTERVIEW: (
            f"Looking forward to {f.next_round}."
            if f.next_round
            else "Looking forward to the next steps."
        ),
        Tone.CHECK_IN: (
            f"Looking forward to {f.next_round}."
            if f.next_round
            else "I would be glad to hear if there is any news on the role."
        ),
        Tone.AFTER_REJECTION: f"Please keep me in mind for future roles at {w.company}.",
        Tone.AFTER_OFFER: _offer_door(f.offer_response, w.company, short=True),
        Tone.AFTER_WITHDRAWAL: "I hope our paths cross again.",
    }[tone]
    parts.append(_Part(door))
    return [parts]


# The answer to the offer, said in the brief variant too.
_BRIEF_ANSWER = {
    OfferResponse.DECLINED: "After a lot of thought, I have decided to decline {it}.",
    OfferResponse.ACCEPTED: "I am delighted to accept {it}.",
}


def _rejection_thanks(w: _Words) -> str:
    """Thanks for the time, and for the news only to whoever gave it.

    The recruiter usually tells the outcome; thanking the interviewers "for letting me know"
    would credit them with a call they never made.
    """
    time = f"all the time you gave me in the {w.role} process at {w.company}"
    told = w.facts.told_the_outcome()
    if not told:
        return f"Thank you for {time}."
    if len(told) == len(w.facts.recipients):
        return f"Thank you for letting me know the outcome, and for {time}."
    names = _join_names([w.name_of(r) for r in told])
    return f"Thank you for {time}, and to {names} for letting me know the outcome."


# After no response, a door left open both ways: asking for news without presuming any.
_CHECK_IN = (
    "If the role is still open, I would be glad to hear where things stand; and if it has "
    "moved on, I would welcome staying in touch."
)


def _moment_line(
    w: _Words, moment: Moment, style: str, learning: Learning | None, *, say_round: bool = True
) -> str:
    whose = w.whose(moment)
    where = f" in {w.round}" if say_round and w.round and whose == "the" else ""
    # A moment from an earlier round always says which: the note is about a later one.
    earlier = (
        f" in {round_phrase(moment.round_name, w.facts.proper_names)}" if moment.round_name else ""
    )
    where = earlier or where
    if moment.kind is MomentKind.PRAISE:
        return _praise_line(w, moment, style, earlier)
    if _praise_to_echo(w, moment, learning):
        return _praised_line(moment, style, where, earlier)
    if moment.kind is MomentKind.TOPIC and moment.shown:
        return _shown_line(moment, style, whose, where, earlier)
    if moment.kind is MomentKind.TOPIC:
        return {
            "classic": f"I especially enjoyed {whose} conversation about {moment.text}{where}.",
            "first": f"{whose.capitalize()} conversation about {moment.text}{where} is still "
            "on my mind.",
            "brief": f"Talking through {moment.text}{earlier} was a highlight for me.",
        }[style]
    if moment.kind is MomentKind.QUESTION:
        question = moment.text.strip().rstrip("?.") + "?"
        if whose == "our":  # the one reader asked it
            return {
                "classic": f"I especially appreciated your question{earlier}: “{question}”",
                "first": f"Your question{where} is still on my mind: “{question}”",
                "brief": f"I keep coming back to your question{earlier}: “{question}”",
            }[style]
        # Asked by one of the panel, not by every reader: no "I appreciated one question".
        return {
            "classic": f"One question{earlier} has stayed with me: “{question}”",
            "first": f"One question{where} is still on my mind: “{question}”",
            "brief": f"I keep coming back to a question{earlier}: “{question}”",
        }[style]
    # "Panel: sales leadership" reads "the panel on sales leadership", not a quoted label.
    if said := kind_and_topic(moment.text, w.facts.proper_names):
        return {
            "classic": f"I especially enjoyed {said}{earlier}.",
            "first": f"{said[:1].upper()}{said[1:]}{earlier} is still on my mind.",
            "brief": f"{said[:1].upper()}{said[1:]}{earlier} stayed with me.",
        }[style]
    # "the “Whiteboard session” session" would say it twice.
    session = "" if ends_in_a_meeting(moment.text) else " session"
    return {
        "classic": f"I especially enjoyed the “{moment.text}”{session}{earlier}.",
        "first": f"The “{moment.text}”{session}{earlier} is still on my mind.",
        "brief": f"The “{moment.text}”{session}{earlier} stayed with me.",
    }[style]


def _shown_line(moment: Moment, style: str, whose: str, where: str, earlier: str) -> str:
    """A thing the person showed, recalled as showing it: "walking you through my map".

    Only a reader who was in the room is "you"; to anyone else it was presented.
    """
    if whose == "our":
        return {
            "classic": f"I especially enjoyed walking you through {moment.text}{where}.",
            "first": f"I am glad I had the chance to show you {moment.text}{where}.",
            "brief": f"Walking you through {moment.text}{earlier} was a highlight for me.",
        }[style]
    return {
        "classic": f"I especially enjoyed presenting {moment.text}{where}.",
        "first": f"I am glad I had the chance to present {moment.text}{where}.",
        "brief": f"Presenting {moment.text}{earlier} was a highlight for me.",
    }[style]


def _praise_to_echo(w: _Words, moment: Moment, learning: Learning | None) -> bool:
    """Whether the note thanks a recipient's praise of the moment (not already its learning).

    A recruiter who wrote "Priya said your SLA example was the best answer she heard" is
    told it was good to hear; "I especially enjoyed our conversation" would pretend she was
    there. When the learning is that very praise, it is said once, as the learning.
    """
    if moment.kind is MomentKind.SESSION or not moment.praised_by_recipient(w.facts.recipients):
        return False
    return learning is None or learning.statement_id not in moment.praise_ids


def _praised_line(moment: Moment, style: str, where: str, earlier: str) -> str:
    """The moment as praise the readers passed on: glad to hear it came across well."""
    if moment.kind is MomentKind.QUESTION:
        question = moment.text.strip().rstrip("?.") + "?"
        return {
            "classic": f"I was especially glad to hear that my answer to “{question}”{where} "
            "came across well.",
            "first": f"It was good to hear that my answer to “{question}”{where} came across well.",
            "brief": f"I was glad my answer to “{question}” came across well.",
        }[style]
    if moment.shown:  # what was praised is the thing shown itself
        return {
            "classic": f"I was especially glad to hear that {moment.text}{where} came across well.",
            "first": f"It was good to hear that {moment.text}{where} came across well.",
            "brief": f"I was glad that {moment.text}{earlier} came across well.",
        }[style]
    # What was praised is what the person said: "the conversation came across well" praises
    # a conversation, and the other side of it was the reader's.
    return {
        "classic": f"I was especially glad to hear that what I said about {moment.text}"
        f"{where} came across well.",
        "first": f"It was good to hear that what I said about {moment.text}{where} came "
        "across well.",
        "brief": f"I was glad that what I said about {moment.text}{earlier} came across well.",
    }[style]


def _praise_line(w: _Words, moment: Moment, style: str, earlier: str) -> str:
    """Praise in its own words, with whom it landed: "my fraud-dashboard example landed with Raj".

    The note says only what the praise said, and whose words they were: a recruiter passing
    on "Raj said your fraud-dashboard example was the strongest" is not Raj's own note.
    """
    speaker = next(
        (r for r in w.facts.recipients if moment.said_by and r.name == moment.said_by), None
    )
    if speaker is not None and w.single:
        landed = "landed with you"
    elif speaker is not None:
        landed = f"landed with {w.name_of(speaker)}"
    elif moment.said_by:
        landed = f"landed with {moment.said_by.split()[0]}"
    else:
        landed = "landed well"
    return {
        "classic": f"I was especially glad to hear that {moment.text}{earlier} {landed}.",
        "first": f"It was good to hear that {moment.text}{earlier} {landed}.",
        "brief": f"I was glad {moment.text} {landed}.",
    }[style]


_DETERMINER = ("the ", "a ", "an ", "your ", "my ")


def _my(phrase: str) -> str:
    """A strength as the person's own: "case presentation" reads "my case presentation"."""
    lowered = phrase.casefold()
    for determiner in _DETERMINER:
        if lowered.startswith(determiner):
            return "my " + phrase[len(determiner) :]
    return f"my {phrase}"


def _offer_line(response: OfferResponse | None, *, warm: bool = False) -> str:
    if response is OfferResponse.ACCEPTED:
        return "I am thrilled to say yes." if warm else "I am delighted to be joining."
    if response is OfferResponse.DECLINED:
        return (
            "Saying no to it took me a long time."
            if warm
            else "Declining it was not an easy decision."
        )
    if warm:
        return "I will come back to you with my answer soon."
    return "I am giving it careful thought and will come back to you soon."


def _offer_door(
    response: OfferResponse | None, company: str, *, warm: bool = False, short: bool = False
) -> str:
    if response is OfferResponse.ACCEPTED:
        return "See you soon." if short else "I am looking forward to working with you."
    if response is OfferResponse.DECLINED:
        if short:
            return "I hope our paths cross again."
        if warm:
            return f"I would be glad to stay in touch, and to work with {company} another day."
        return "I hope our paths cross again, and I would be glad to stay in touch."
    # A brief note has just said thank you: once more in three sentences is too many.
    return (
        "I will come back to you soon." if short else "Thank you again for your confidence in me."
    )


_BUILDERS = (_classic, _moment_first, _brief)
_GREETINGS = ("Dear {names},", "Hi {names},", "Hello {names},")
_CLOSINGS = (("Best regards,", True), ("Warm wishes,", False), ("Thanks again,", False))


def _subject(facts: NoteFacts, variant: int) -> str:
    role, company = facts.role_title, facts.company
    options = {
        Tone.AFTER_INTERVIEW: (
            f"Thank you – {facts.round.title if facts.round else role}, {company}",
            f"Following up on the {role} conversation",
            f"Thank you – {role}",
        ),
        Tone.CHECK_IN: (
            f"Following up – {role} at {company}",
            f"Checking in on the {role} role",
            f"Following up – {role}",
        ),
        Tone.AFTER_REJECTION: (
            f"Thank you – {role} at {company}",
            f"Thank you for the {role} process",
            "Thank you, and keeping in touch",
        ),
        Tone.AFTER_OFFER: (
            f"Thank you for the offer – {role}",
            f"The {role} offer: thank you",
            "Thank you for the offer",
        ),
        Tone.AFTER_WITHDRAWAL: (
            f"Thank you – {role} at {company}",
            f"My application for {role}",
            "Thank you, and keeping in touch",
        ),
    }[facts.tone]
    return options[variant - 1]


def _fit(paragraphs: list[list[_Part]], fixed_words: int, limit: int) -> list[list[_Part]]:
    """Drop the most droppable sentences until the note fits the word limit."""

    def total(paras: list[list[_Part]]) -> int:
        return fixed_words + sum(count_words(p.text) for para in paras for p in para)

    levels = sorted({p.drop for para in paragraphs for p in para if p.drop is not None})
    for level in levels:
        if total(paragraphs) <= limit:
            break
        paragraphs = [[p for p in para if p.drop != level] for para in paragraphs]
    return paragraphs


def draft_thank_you(facts: NoteFacts, limit: int = DEFAULT_WORD_LIMIT) -> list[Draft]:
    """Three drafts that really differ, each at most ``limit`` words when the facts allow."""
    if limit < MIN_WORD_LIMIT:
        raise DomainError(f"a note needs room: give a word limit of at least {MIN_WORD_LIMIT}")
    if not facts.recipients:
        raise DomainError("a note needs at least one recipient")
    moments = rank_moments(facts.moments, facts.recipients, facts.tone)
    learnings = rank_learnings(facts.learnings, facts.tone, facts.recipients)
    learning = learnings[0] if learnings else None
    words = _Words(facts)
    drafts = []
    for index, build in enumerate(_BUILDERS, start=1):
        moment = _pick_moment(moments, learning, index)
        greeting = _GREETINGS[index - 1].format(names=words.firsts)
        paragraphs = build(words, moment, learning)
        closing, full = _closing(index, paragraphs)
        sign_off = words.sign_off(closing, full)
        paragraphs = _fit(paragraphs, count_words(greeting) + count_words(sign_off), limit)
        kept = [" ".join(p.text for p in para) for para in paragraphs if para]
        used_moment = moment if any(moment and _mentions(para, moment) for para in kept) else None
        body = "\n\n".join([greeting, *kept, sign_off])
        used_learning = learning if learning and learning.phrase in body else None
        drafts.append(
            Draft(
                index,
                STYLES[index - 1],
                _subject(facts, index),
                body,
                used_moment,
                used_learning,
                limit,
                missing_moment=None
                if used_moment
                else why_no_moment(facts, dropped=moment is not None),
                missing_learning=None
                if used_learning
                else why_no_learning(facts, dropped=learning is not None),
            )
        )
    return drafts


def _closing(variant: int, paragraphs: list[list[_Part]]) -> tuple[str, bool]:
    """The sign-off, and whether it carries the full name; never "Thanks again" twice."""
    closing, full = _CLOSINGS[variant - 1]
    last = paragraphs[-1][-1].text if paragraphs and paragraphs[-1] else ""
    if closing.startswith("Thanks") and last.lower().startswith(("thank", "thanks")):
        return "All the best,", full
    return closing, full


def _mentions(text: str, moment: Moment) -> bool:
    if moment.text.strip().rstrip("?.") in text:
        return True
    # "Panel: sales leadership" is said "the panel on sales leadership" (see _moment_line).
    said = kind_and_topic(moment.text, ())
    return said is not None and said.removeprefix("the ").lower() in text.lower()


def _pick_moment(moments: list[Moment], learning: Learning | None, variant: int) -> Moment | None:
    """Variant 2 looks for a different moment, ideally a question on what the feedback named.

    The other moment comes from the same round as the best one: a final-round note to the
    panel does not swap its question for an earlier round's interview only one of them sat in.
    """
    if learning is not None:
        # Praise that is the learning itself is said once, as the learning.
        moments = [
            m
            for m in moments
            if not (m.kind is MomentKind.PRAISE and learning.statement_id in m.praise_ids)
        ]
    if not moments:
        return None
    best = moments[0]
    others = [m for m in moments[1:] if m.round_name == best.round_name]
    if variant != 2 or not others:
        return best
    if learning is not None:
        related = [
            m
            for m in others
            if m.kind is MomentKind.QUESTION and set(m.competencies) & set(learning.competencies)
        ]
        if related:
            return related[0]
    return others[0]
