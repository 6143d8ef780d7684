"""Whether words cut out of feedback or notes read as a topic: a clean noun phrase, or nothing.

A note says "thank you for your feedback on <topic>" and a clarifying question asks "what
does the panel look for on <topic>". The topic is lifted from a sentence, and a cut at the
wrong place leaves a clause fragment: "your answers ran long and it" (from "your answers
ran long and it was sometimes hard to follow"). Sent to a recruiter, that is worse than
the plain name of the competency. So a lifted span is used only when it reads as a noun
phrase ("data and experimentation", "my handling of the exec pushback", "designing an
experiment"); anything with a clause in it, a pronoun, or a dangling function word gives
None, and the caller says the competency instead.

Without a part-of-speech tagger this is a set of conservative word rules; a false "not a
noun phrase" costs only the feedback's own wording, a false "is one" costs an embarrassing
message, so every doubt rejects.
"""

from __future__ import annotations

import re

#: More words than this is a sentence, not a topic.
MAX_TOPIC_WORDS = 10

# A clause starts at a coordinating word followed by a new subject: "pricing and it showed
# in the case" names "pricing", then says something else.
_NEW_CLAUSE = re.compile(
    r"\s(?:and|but|or|so|yet|then)\s+(?:it|i|we|you|he|she|they|there|this|that|these|"
    r"those|which|who|everyone|nobody|someone)\b.*$",
    re.IGNORECASE,
)
# Who a relative clause after a noun is about: "the plan we shipped last year", "pricing
# that I couldn't answer". The noun before it is the topic.
_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they", "i'd", "we'd", "you'd"})
_RELATIVES = frozenset({"that", "which", "who"})
# Words a topic may trail off with that can simply go: "execution and", "pricing really".
_DROPPABLE_END = frozenset({
    "and", "or", "but", "so", "also", "really", "very", "quite", "too", "still", "just",
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as",
    "about", "around", "into",
})  # fmt: skip
# Pronouns: a topic with one speaks of someone ("the process you designed", "and it").
_PRONOUNS = frozenset({
    "i", "me", "we", "us", "you", "he", "him", "she", "they", "them", "it", "itself",
    "yourself", "myself", "themselves", "everyone", "someone", "nobody", "anyone",
})  # fmt: skip
# Finite verbs, auxiliaries and modals: with one of these, the span is a clause.
_FINITE = frozenset({
    "am", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do",
    "does", "did", "can", "could", "will", "would", "shall", "should", "may", "might", "must",
    "ran", "went", "came", "got", "took", "gave", "felt", "seemed", "said", "thought", "knew",
    "saw", "told", "began", "became", "brought", "spoke", "wrote", "drew", "chose", "fell",
    "forgot", "made", "led", "kept", "meant", "sent", "spent", "stood", "understood", "struck",
    "seems", "tends", "lacks", "feels", "appears", "sounds", "looks", "comes", "goes", "gets",
    "wants", "knows", "thinks", "shows", "shown",
    "didn't", "doesn't", "don't", "wasn't", "weren't", "isn't", "aren't", "hasn't",
    "haven't", "hadn't", "couldn't", "wouldn't", "shouldn't", "can't", "won't",
})  # fmt: skip
# A question word opens a clause ("why it failed", "how the billing system works") unless
# an infinitive follows ("how to measure success"), which reads as a topic.
_QUESTION_WORDS = frozenset({"how", "why", "what", "whether", "where", "when", "who", "which"})
# A topic starting like this is the tail of something else: "to own the roadmap", "of it".
_BAD_START = frozenset({
    "and", "or", "but", "so", "to", "of", "that", "which", "who", "because", "if", "than",
    "then", "not",
})  # fmt: skip
# Words a topic cannot end on once the droppable ones are gone: "teams that", "of their".
_BAD_END = frozenset({
    "that", "which", "who", "whom", "whose", "my", "your", "our", "his", "her", "their",
    "its", "this", "these", "those", "some", "any", "no", "every", "each", "than", "not",
    "if", "because", "while", "when", "where", "whether",
})  # fmt: skip
# What may stand before an adjective ending in -ed ("the detailed plan", "highly detailed
# plan", "more structured answers"): after any other word, an -ed word is a past-tense
# verb ("your design answer lacked", "answers wandered").
_BEFORE_ADJECTIVE = frozenset({
    "a", "an", "the", "my", "your", "our", "his", "her", "their", "its", "this", "that",
    "these", "those", "and", "or", "of", "in", "on", "at", "for", "with", "by", "from",
    "about", "around", "into", "to", "more", "most", "less", "well", "very", "poorly",
    "badly", "not", "some", "any", "no", "one", "two", "three", "several", "many", "few",
})  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)


def _bare(token: str) -> str:
    """A token as the word rules see it: lower case, straight apostrophe, no punctuation."""
    return token.casefold().replace("’", "'").strip(".,;:!?\"'“”()[]")


def _past_tense(words: list[str], index: int) -> bool:
    """Whether the -ed word at ``index`` is a verb rather than an adjective before a noun."""
    word = words[index]
    if len(word) < 5 or not word.endswith("ed") or word.endswith("eed") or "-" in word:
        return False
    if word in {"hundred", "kindred"}:
        return False
    if index == 0:
        return False  # "detailed plans", "data informed decisions" lead with it
    before = words[index - 1]
    return before not in _BEFORE_ADJECTIVE and not before.endswith("ly")


def _without_relative_clause(tokens: list[str]) -> list[str]:
    """The noun a relative clause describes, without the clause: "the plan we shipped"."""
    words = [_bare(t) for t in tokens]
    for index in range(1, len(words)):
        if words[index] not in _SUBJECTS:
            continue
        end = index - 1 if words[index - 1] in _RELATIVES else index
        # Only after a noun: "how we scaled" and "with you" are no relative clauses.
        before = words[end - 1] if end > 0 else ""
        # The clause has one verb, its own ("we shipped last year", "I couldn't answer"):
        # a second one makes the noun the subject of a sentence ("the process you designed
        # didn't scale"), and no topic.
        rest = words[index + 2 :]
        own_verb_only = not any(w in _FINITE or w.endswith("n't") for w in rest)
        if end > 0 and before not in _QUESTION_WORDS | _BEFORE_ADJECTIVE | _DROPPABLE_END:
            return tokens[:end] if own_verb_only else []
        return tokens
    return tokens


def clean_topic(span: str | None, max_words: int = MAX_TOPIC_WORDS) -> str | None:
    """The span as a topic a sentence can say, or None when it does not read as one.

    "data and experimentation" stays; "pricing and it showed in the case" is cut to
    "pricing" at the new clause; "my answers ran long and it", "why it failed" and
    "leading through a reorg would help" give None.
    """
    if not span:
        return None
    text = " ".join(span.split()).strip(" ,;:-–—")
    text = _NEW_CLAUSE.sub("", text).strip(" ,;:-–—")
    tokens = _without_relative_clause(text.split())
    while tokens and _bare(tokens[-1]) in _DROPPABLE_END:
        tokens.pop()
    text = " ".join(tokens).strip(" ,;:-–—")
    words = [_bare(t) for t in text.split()]
    if not words or len(words) > max_words or not _WORD.search(text):
        return None
    if words[0] in _BAD_START or words[-1] in _BAD_END:
        return None
    for index, word in enumerate(words):
        if word in _PRONOUNS or word in _FINITE or word.endswith("n't"):
            return None
        if word in _QUESTION_WORDS and (index + 1 >= len(words) or words[index + 1] != "to"):
            return None
        if _past_tense(words, index):
            return None
    return text
