"""Specific moments for a note, lifted word for word from the person's own debrief notes.

A debrief says things like "Jonas dug into the Tilburg DC automation programme and I had
the numbers ready". A note can use "the Tilburg DC automation programme" as the moment it
remembers. Only phrases introduced by a few unambiguous lead-ins are taken ("dug into",
"asked about", "the part about", "conversation on" ...), and always verbatim, so a note
never says anything the record does not.
"""

from __future__ import annotations

import re

# What introduces a topic in how people write up an interview.
_LEAD_IN = re.compile(
    r"\b(?:dug into|asked (?:me )?about|follow-ups? on|the part about|"
    r"(?:conversation|discussion|chat|talk|exchange) (?:on|about)|case on|"
    r"talk(?:ed|ing) about|walked (?:him|her|them|you|us) through|"
    r"questions? (?:about|on)|liked)\s+(?P<topic>.+)",
    re.IGNORECASE,
)
# Where a topic ends: the end of the clause, or the start of what the person did next.
_CLAUSE_END = re.compile(
    r"[.;:!?,()\"“”]|\s[-–—]\s|\s(?:and|but|which|while|so|because|when)\s+"
    r"(?:I|we|he|she|they|it|that|the|my|his|her|their|then|also|how|what)\b"
    r"|\s(?:was|were|is|are|went|worked|landed|seemed|felt)\b",
    re.IGNORECASE,
)
# Abbreviations whose full stop does not end a clause.
_ABBREVIATIONS = ("vs.", "e.g.", "i.e.", "etc.", "approx.", "incl.")
# A topic that starts like this is a judgement or a clause, not a subject of conversation.
_NOT_A_TOPIC = re.compile(r"^(?:that|it|this|how much|what i|me|him|her|them|you)\b", re.I)
MAX_TOPIC_WORDS = 12
MIN_TOPIC_CHARS = 6


def _protect(text: str) -> str:
    for abbreviation in _ABBREVIATIONS:
        text = re.sub(re.escape(abbreviation), abbreviation.replace(".", "\x00"), text, flags=re.I)
    return text


def _restore(text: str) -> str:
    return text.replace("\x00", ".")


def topics(notes: str | None) -> list[str]:
    """Topics of conversation named in debrief notes, verbatim, in the order written."""
    if not notes:
        return []
    found: list[str] = []
    text = _protect(" ".join(notes.split()))
    for match in _LEAD_IN.finditer(text):
        topic = _CLAUSE_END.split(match.group("topic"), maxsplit=1)[0].strip()
        topic = _restore(topic).rstrip(" .")
        words = topic.split()
        if (
            len(topic) < MIN_TOPIC_CHARS
            or len(words) > MAX_TOPIC_WORDS
            or len(words) < 2
            or _NOT_A_TOPIC.match(topic)
        ):
            continue
        if topic not in found:
            found.append(topic)
    return found


def lower_first(phrase: str, proper: set[str]) -> str:
    """A name such as "Final loop" as it reads mid-sentence ("the final loop").

    The first letter is lowered only when the first word is an ordinary capitalised word,
    not an acronym and not a word the record uses as a proper name (a company, a person).
    """
    first, _, rest = phrase.partition(" ")
    if (
        len(first) > 1
        and first[0].isupper()
        and first[1:].islower()
        and first.strip(",.") not in proper
    ):
        return (first[0].lower() + first[1:] + (" " + rest if rest else "")).strip()
    return phrase


# Words too common in interview questions to tie one to what went badly.
_COMMON = frozenset({
    "about", "would", "could", "should", "there", "their", "which", "where", "while", "happens",
    "think", "thing", "things", "other", "being", "really", "through", "what", "when", "does",
    "have", "that", "this", "with", "from", "they", "them", "were", "your", "tell", "been",
    "into", "over", "more", "most", "some", "like", "make", "time", "take", "walk", "then",
    "than", "just", "much", "very", "well", "good", "asked", "question", "answer",
})  # fmt: skip


def handled_badly(question: str, went_badly: str | None) -> bool:
    """Whether the debrief's "went badly" speaks of this question.

    "Anna had to prompt me about what happens when the supplier is late" is about "What
    happens when the supplier misses the deadline?". One shared uncommon word of four
    letters or more (compared on its first five, so "risk" and "risks" meet) is enough:
    recalling a question that went badly is worse than recalling none.
    """
    if not went_badly:
        return False

    def stems(text: str) -> set[str]:
        words = re.findall(r"[^\W\d_]{4,}", text.casefold())
        return {w[:5] for w in words if w not in _COMMON}

    return bool(stems(question) & stems(went_badly))
