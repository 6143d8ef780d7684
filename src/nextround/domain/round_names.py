"""Rounds and interviews named mid-sentence, from whatever the user called them.

Labels are shorthand for the person ("Earlier", "R2", "round 2 - panel (video)", "Onsite #3"),
but notes and clarifying questions say them mid-sentence to someone else. The rules, applied
to the label's words (never inventing any, except the word "round" where the label names none):

- "R2", "Rd 2", "Round 2" and a bare "2" are round 2, with no article: "in round 2";
- a numbered label takes no article either: "onsite #3", "interview 3";
- a label that names no kind of interview is a kind of round: "Earlier" is "the earlier
  round", "Hiring manager" "the hiring manager round" (but "Technical round" is not doubled);
  one with a word nextround does not know ("Sam", "Kestrel") is quoted as typed: "the “Sam”
  round", for it may be a name;
- anything after a dash or a colon is detail, in brackets: "round 2 (panel, video)";
- the first word is lowered as in any sentence ("the final loop"), unless it is a name or an
  acronym; a label in Title Case ("Final Round") keeps its capitals, as a named event would.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from nextround.domain.note_moments import lower_first

# Words for a meeting: "the “Whiteboard session”" needs no "session" after it.
EVENT_WORDS = frozenset({
    "round", "interview", "screen", "screening", "call", "loop", "panel", "chat", "session",
    "onsite", "on-site", "visit", "meeting", "presentation", "conversation", "discussion",
    "lunch", "dinner", "coffee", "tour", "talk", "intro", "introduction", "check-in",
    "debrief", "demo", "workshop", "day", "superday", "sync",
})  # fmt: skip
# Words for an interview or a stage of one: a label with one needs no "round" added.
INTERVIEW_WORDS = EVENT_WORDS | frozenset({
    "stage", "exercise", "assessment", "test", "challenge", "case", "study", "take-home",
    "review", "pairing", "walkthrough", "dive", "whiteboard", "exam", "task", "assignment",
})  # fmt: skip
# Ordinary words of round labels that name no interview ("Earlier", "Final", "Hiring
# manager"): lowered as in any sentence, where a word outside this list is quoted.
MODIFIER_WORDS = frozenset({
    "final", "first", "second", "third", "fourth", "fifth", "last", "initial", "early",
    "earlier", "later", "next", "previous", "follow-up", "hiring", "manager", "talent",
    "acquisition", "recruiter", "recruiting", "agency", "technical", "tech", "phone", "video",
    "virtual", "in-person", "team", "peer", "executive", "leadership", "culture", "values",
    "behavioural", "behavioral", "coding", "system", "systems", "design", "product",
    "portfolio", "written", "practical", "program", "programme", "project", "strategy",
    "stakeholder", "partner", "director", "founder", "group", "strengths", "strengths-based",
    "the", "my", "our", "your",
})  # fmt: skip
_ROUND_CODE = re.compile(r"(?:(?:r|rd\.?|round)\s*)?#?\s*(\d+)", re.IGNORECASE)
_NUMBERED = re.compile(r"(?P<name>.*?\D)\s*(?P<number>#\s*\d+|\d+)")
_DETAIL = re.compile(r"\s+[-–—]+\s+|:\s+")
_DETERMINERS = ("the ", "a ", "an ", "my ", "our ", "your ")
_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "with", "for", "by", "vs"}
)


@dataclass(frozen=True)
class RoundPhrase:
    """A round as a note names it: the words, and whether "the" goes before them."""

    words: str
    article: bool = True

    def __str__(self) -> str:
        """Mid-sentence: "the final loop", "round 2"."""
        return f"the {self.words}" if self.article else self.words

    @property
    def title(self) -> str:
        """At the start of a subject line: "Final loop", "Round 2" ("the final" is "Final")."""
        words = self.words.removeprefix("the ")
        return words[:1].upper() + words[1:]


def names_an_interview(text: str) -> bool:
    """Whether the text has a word for an interview in it ("Risk deep dive", "Screen")."""
    return any(_known(word, INTERVIEW_WORDS) for word in _words(text))


def ends_in_a_meeting(text: str) -> bool:
    """Whether the text ends in a word for a meeting ("Whiteboard session", "Panel interview")."""
    words = _words(text)
    return bool(words) and _known(words[-1], EVENT_WORDS)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+(?:-[a-z]+)*", text.lower())


def _known(word: str, vocabulary: frozenset[str]) -> bool:
    """The word, one of its hyphenated parts, or its singular is in the vocabulary."""
    return any(
        part in vocabulary or part.removesuffix("s") in vocabulary
        for part in (word, *word.split("-"))
    )


def round_phrase(label: str, proper: Iterable[str] = ()) -> RoundPhrase:
    """The round labelled ``label`` as a note says it; ``proper`` are words kept capitalised."""
    label = " ".join(label.split())
    names = set(proper)
    main, detail = label, ""
    if (split := _DETAIL.search(label)) and split.start() > 0:
        main, detail = label[: split.start()], label[split.end() :]
    phrase = _main(main, names)
    if not detail:
        return phrase
    # One pair of brackets reads better than two: "panel (video)" becomes "panel, video".
    flat = re.sub(r"\s*\(([^()]*)\)", r", \1", lower_first(detail, names)).strip(" ,")
    return RoundPhrase(f"{phrase.words} ({flat})", phrase.article)


def _main(text: str, proper: set[str]) -> RoundPhrase:
    if code := _ROUND_CODE.fullmatch(text):
        return RoundPhrase(f"round {code.group(1)}", article=False)
    if numbered := _NUMBERED.fullmatch(text):
        name = _as_in_sentence(numbered["name"].strip(), proper)
        if not names_an_interview(name):
            name += " round"
        return RoundPhrase(f"{name} {numbered['number']}", article=False)
    words = _as_in_sentence(text, proper)
    if not names_an_interview(words):
        if not all(_plain(word, proper) for word in words.split()):
            return RoundPhrase(f"“{text}” round")
        words += " round"
    if words.lower().startswith(_DETERMINERS):
        return RoundPhrase(words[0].lower() + words[1:], article=False)
    return RoundPhrase(words)


def _plain(word: str, proper: set[str]) -> bool:
    """An ordinary word of a label, a name the record knows, or an acronym ("HR")."""
    bare = word.strip(",.()")
    return bare.lower() in MODIFIER_WORDS or bare in proper or (len(bare) > 1 and bare.isupper())


def interview_phrase(title: str) -> str:
    """An interview's title as it reads mid-sentence: "the “Whiteboard case” interview".

    A title that already says what kind of meeting it was is not followed by "interview"
    again; one that says nothing else ("Panel", "Technical interview", "HM chat") is no
    phrase of anyone's, so it is said plainly ("the panel"), not quoted as if someone had
    said it.
    """
    flat = " ".join(title.split())
    if not ends_in_a_meeting(flat):
        return f"the “{flat}” interview"
    if all(_plain(word, set()) or _known(word.lower(), INTERVIEW_WORDS) for word in flat.split()):
        words = _as_in_sentence(flat, set())
        return words if words.lower().startswith(_DETERMINERS) else f"the {words}"
    return f"the “{flat}”"


#: The longest topic after "Panel:" read as what the meeting was about, not a description.
_TOPIC_MAX_WORDS = 6


# A topic ending in one of these is a single thing set or shown, said with "the".
_ONE_TASK = re.compile(
    r"\b(?:case|exercise|task|study|challenge|review|presentation|workshop|scenario|problem|"
    r"brief|prototype|walkthrough|walk-through|deep dive|demo|audit|blueprint|journey map)$",
    re.IGNORECASE,
)
_ARTICLES = frozenset({"the", "a", "an", "my", "our", "your", "their", "this", "that"})


def kind_and_topic(title: str, proper: Iterable[str]) -> str | None:
    """A "Kind: topic" title as said: "Panel: sales leadership" is "the panel on sales leadership".

    None for a title of another shape (quoted as it is then). The kind must be one word
    for a meeting ("Panel", "Presentation", "Case"), so a company or a person before the
    colon ("Acme: final") is never turned into one.
    """
    flat = " ".join(title.split())
    split = _DETAIL.search(flat)
    if split is None or split.start() == 0:
        return None
    kind, topic = flat[: split.start()].strip(), flat[split.end() :].strip(" .")
    words = _words(kind)
    if len(kind.split()) != 1 or len(words) != 1 or not _known(words[0], INTERVIEW_WORDS):
        return None
    if not topic or len(topic.split()) > _TOPIC_MAX_WORDS or not any(c.isalpha() for c in topic):
        return None
    topic = lower_first(topic, set(proper))
    # "Panel: service blueprint case" names one case: "the panel on the service blueprint
    # case", where "sales leadership" needs no article.
    if _ONE_TASK.search(topic) and topic.split()[0].casefold() not in _ARTICLES:
        topic = f"the {topic}"
    return f"the {kind.lower()} on {topic}"


def _as_in_sentence(text: str, proper: set[str]) -> str:
    if _title_case(text, proper):
        return text
    # Only a word nextround knows is lowered: any other may be a name ("Tempoline screen").
    first = text.split(" ", 1)[0].strip(",.()").lower()
    known = first in MODIFIER_WORDS or _known(first, INTERVIEW_WORDS)
    return lower_first(text, proper) if known else text


def _title_case(text: str, proper: set[str]) -> bool:
    """Whether every word is capitalised, two or more of them ordinary words, not names."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    ordinary = [
        w for w in content if w[0].isupper() and not w[1:].isupper() and w.strip(",.") not in proper
    ]
    return len(ordinary) >= 2 and all(w[0].isupper() for w in content)
