"""Whether a thank-you note quotes a text: a distinctive phrase of it, not a skill's name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from nextround.domain.plan_erasure import Erased, quotes

#: A quote names something said in the interview: a phrase of at least this many words.
MIN_QUOTE_WORDS = 3
#: ... and at least this many of them carry meaning once competency names are taken out:
#: "my experience with risk management" only names a skill every note may mention.
MIN_OWN_WORDS = 2
_WORD = re.compile(r"[^\W_][\w'’-]*")
_DETERMINERS = frozenset({"the", "a", "an", "my", "our", "your", "their", "his", "her", "its"})
_FUNCTION_WORDS = _DETERMINERS | frozenset({
    "this", "that", "these", "those", "of", "in", "on", "at", "to", "for", "with", "and",
    "or", "but", "about", "after", "before", "from", "by", "as", "is", "are", "was", "were",
    "be", "been", "do", "does", "did", "how", "what", "why", "when", "where", "who", "which",
    "you", "i", "we", "he", "she", "they", "it", "me", "us", "them", "not", "no", "so",
    "than", "then", "there", "here", "into", "over", "experience", "skills", "skill",
})  # fmt: skip


def distinctive(text: str, names: Iterable[str]) -> bool:
    """Whether ``text`` found in a note shows the note quotes it, not just shares a phrase.

    A competency's name ("risk management"), alone or in a stock frame ("my experience with
    risk management"), is named by many notes that quote nothing; "re-baselining after the
    conveyor slip" is said in one interview only.
    """
    plain = " ".join(text.split()).casefold()
    words = _WORD.findall(plain)
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    if len(words) < MIN_QUOTE_WORDS:
        return False
    for name in sorted({n.casefold() for n in names if n.strip()}, key=len, reverse=True):
        plain = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", plain)
    own = [w for w in _WORD.findall(plain) if w not in _FUNCTION_WORDS]
    return len(own) >= MIN_OWN_WORDS


def note_quotes(words: str, texts: Iterable[str], names: Iterable[str]) -> bool:
    """Whether a note's ``words`` quote any of ``texts`` (only distinctive ones count)."""
    return bool(quoted_in(words, texts, names))


def quoted_in(words: str, texts: Iterable[str], names: Iterable[str]) -> tuple[str, ...]:
    """What of ``texts`` a note's ``words`` quote, as the note has it (distinctive ones only).

    A phrase found inside a longer one also found is the same quote, named once (the longer).
    """
    named = tuple(names)
    found = [
        text
        for text in Erased(texts=tuple(t for t in texts if distinctive(t, named))).quoted
        if quotes(words, Erased(texts=(text,)))
    ]
    folded = [t.casefold() for t in found]
    return tuple(
        text
        for text, low in zip(found, folded, strict=True)
        if not any(low != other and low in other for other in folded)
    )
