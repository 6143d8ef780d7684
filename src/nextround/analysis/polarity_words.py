"""Look words up in the polarity lexicon through their inflections and negating prefixes."""

from __future__ import annotations

from functools import lru_cache

from nextround.analysis import polarity_lexicon as lex

POLAR, NEGATOR, SCALE, OTHER = "polar", "negator", "scale", "other"
_NEGATING_PREFIXES = ("non-", "un", "in", "im", "ir", "il", "dis", "non")


class Entry:
    """What a word or phrase does: judge (polar), flip (negator), scale, or nothing."""

    __slots__ = ("avoids", "governs", "role", "score", "topic")

    def __init__(
        self,
        role: str,
        score: float = 0.0,
        governs: int = 0,
        *,
        topic: bool = False,
        avoids: bool = False,
    ) -> None:
        self.role = role
        self.score = score
        self.governs = governs  # sign of the judgements it swallows: -1, +1 or 0
        self.topic = topic
        self.avoids = avoids


# The entry of every word that judges, flips and scales nothing.
NO_JUDGEMENT = Entry(OTHER)


@lru_cache(maxsize=16384)
def entry(word: str) -> Entry:
    """The lexicon entry of a lower-case word, through its inflections."""
    if word in lex.NEGATORS:
        return Entry(NEGATOR, lex.NEGATORS[word])
    if word in lex.INTENSIFIERS:
        return Entry(SCALE, lex.INTENSIFIERS[word])
    if word in lex.DOWNTONERS:
        return Entry(SCALE, lex.DOWNTONERS[word])
    for lemma in lemmas(word):
        if lemma in lex.POSITIVE:
            return Entry(POLAR, lex.POSITIVE[lemma], -1 if lemma in lex.POSITIVE_GOVERNORS else 0)
        if lemma in lex.NEGATIVE:
            governs = 1 if lemma in lex.NEGATIVE_GOVERNORS else 0
            avoids = lemma in lex.AVOIDANCE_VERBS
            return Entry(POLAR, -lex.NEGATIVE[lemma], governs, avoids=avoids)
        if lemma in lex.NEGATIVE_TOPICS:
            return Entry(POLAR, -lex.NEGATIVE_TOPICS[lemma], topic=True)
        if lemma in lex.POSITIVE_GOVERNORS:
            return Entry(POLAR, 0.4, -1)
    if word.startswith(("over-", "under-")) and len(word) > 8:
        return Entry(POLAR, -1.0, 1)  # "over-engineers", "under-prepared"
    return _negated_form(word)


def _negated_form(word: str) -> Entry:
    """Read "unstructured", "impractical", "dishonest" through the word they negate."""
    for prefix in _NEGATING_PREFIXES:
        rest = word[len(prefix) :]
        if not word.startswith(prefix) or len(rest) < 4:
            continue
        for lemma in lemmas(rest):
            if lex.POSITIVE.get(lemma, 0.0) >= 0.8:
                return Entry(POLAR, -lex.POSITIVE[lemma], 1)
            if lex.NEGATIVE.get(lemma, 0.0) >= 1.0:
                return Entry(POLAR, 0.8 * lex.NEGATIVE[lemma])
    return NO_JUDGEMENT


def lemmas(word: str) -> list[str]:
    """The word and the stems its common English suffixes may hide, most likely first."""
    if word in lex.NOT_LEMMATISED:
        return [word]
    out: list[str] = []
    for w in (word, word.replace("-", "")) if "-" in word else (word,):
        out.append(w)
        n = len(w)
        if n <= 3:
            continue
        if w.endswith(("ies", "ied")):
            out.append(w[:-3] + "y")
        if w.endswith("es"):
            out.append(w[:-2])
        if w.endswith("s") and not w.endswith("ss"):
            out.append(w[:-1])
        if w.endswith("ed") and n > 4:
            out += [w[:-2], w[:-1]] + ([w[:-3]] if w[-3] == w[-4] else [])
        if w.endswith("ing") and n > 5:
            out += [w[:-3], w[:-3] + "e"] + ([w[:-4]] if w[-4] == w[-5] else [])
        if w.endswith("ily"):
            out.append(w[:-3] + "y")
        if w.endswith("ally"):
            out += [w[:-4], w[:-2]]
        if w.endswith("ly"):
            out += [w[:-2], w[:-2] + "le", w[:-1] + "e"]
        if w.endswith(("ier", "iest")):
            out.append(w[: w.rindex("i")] + "y")
        if w.endswith(("er", "est")) and n > 4:
            stem = w[:-2] if w.endswith("er") else w[:-3]
            out += [stem, stem + "e"] + ([stem[:-1]] if stem[-1] == stem[-2] else [])
    return out


def is_flaw_noun(word: str) -> bool:
    return any(lemma in lex.FLAW_NOUNS for lemma in lemmas(word))
