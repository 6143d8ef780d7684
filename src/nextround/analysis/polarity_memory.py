"""Carry the polarity the user confirmed for a statement over to near-identical new ones.

The reader's mistakes repeat: a phrasing it reads as praise ("others were stronger in
data") comes back in the next rejection e-mail. Once the user has corrected one such
statement, a new statement that is nearly the same words, in nearly the same order, and
that the reader reads the way it reads the corrected one, takes the user's polarity: a
soft vote of the near examples, each weighted by how close it is.

Embeddings alone cannot say "near-identical" for polarity: "Your answers were clear" and
"Your answers were not clear" are among the closest pairs there are. Two guards keep the
vote to true rewordings. The words must match in order (a sequence ratio over the words,
so "others were stronger than you" is not "you were stronger than others"), or the
meaning must be all but the same; and an example votes only when the reader reads it as
it reads the new statement (or when the reader finds no judgement in the new one), so
a change of words that changes the reading (a negation) is never outvoted by the example
it was made from.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

import numpy as np

from nextround.analysis.embeddings import Vectors
from nextround.analysis.polarity import PolarityReading, read_polarity
from nextround.domain.competency import Polarity, PolarityExample

#: Words in the same order: at least this share of the two texts' words line up.
SAME_WORDS = 0.75
#: Or meanings this close (raw cosine), for a reworded statement.
SAME_MEANING = 0.9
#: Closer than this in meaning before the words are compared at all (a cheap first cut).
_CANDIDATE_COSINE = 0.55
#: Soft vote: each near example weighs exp((similarity - 1) / T).
_TEMPERATURE = 0.05
#: The user's polarity wins when its share of the votes reaches this.
_MAJORITY = 2 / 3


@dataclass(frozen=True)
class _Recalled:
    polarity: Polarity
    share: float
    example: str


@cache
def _word() -> re.Pattern[str]:
    return re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in _word().findall(text))


class PolarityMemory:
    """The polarities the user confirmed, ready to be recalled for new statements."""

    def __init__(
        self,
        examples: Sequence[PolarityExample],
        embed: Callable[[Sequence[str]], Vectors] | None = None,
    ) -> None:
        # The latest verdict on a text counts, once.
        latest = {e.text: e for e in examples}
        self._examples = list(latest.values())
        self._words = [_words(e.text) for e in self._examples]
        self._embed = embed
        self._vectors: Vectors | None = None
        self._readings: dict[int, PolarityReading] = {}

    def __len__(self) -> int:
        return len(self._examples)

    def recall(
        self,
        texts: Sequence[str],
        readings: Sequence[PolarityReading],
        vectors: Vectors | None = None,
    ) -> list[PolarityReading]:
        """The readings of ``texts``, with the user's polarity where near examples say so.

        ``vectors`` are the texts' embeddings (as ``embed`` makes them), or None where
        there is no model: then only the words are compared.
        """
        if not self._examples or not texts:
            return list(readings)
        candidates = self._candidates(len(texts), vectors)
        out = []
        for i, (text, reading) in enumerate(zip(texts, readings, strict=True)):
            recalled = self._vote(_words(text), reading, candidates[i])
            out.append(reading if recalled is None else _taught(reading, recalled))
        return out

    def _candidates(self, n: int, vectors: Vectors | None) -> list[list[tuple[int, float]]]:
        """For each text, the examples worth comparing: (index, cosine or 0.0)."""
        everyone = [[(j, 0.0) for j in range(len(self._examples))] for _ in range(n)]
        if vectors is None or self._embed is None:
            return everyone
        if self._vectors is None:
            self._vectors = self._embed([e.text for e in self._examples])
        cosine = vectors @ self._vectors.T
        return [
            [(int(j), float(row[j])) for j in np.flatnonzero(row >= _CANDIDATE_COSINE)]
            for row in cosine
        ]

    def _vote(
        self, words: tuple[str, ...], reading: PolarityReading, near: list[tuple[int, float]]
    ) -> _Recalled | None:
        votes: dict[Polarity, float] = defaultdict(float)
        best: dict[Polarity, tuple[float, int]] = {}
        for j, cosine in near:
            similarity = _similarity(words, self._words[j], cosine)
            if similarity is None:
                continue
            if reading.polarity not in (self._reading_of(j).polarity, Polarity.NEUTRAL):
                continue  # the words that differ change the reading: not the same statement
            polarity = self._examples[j].polarity
            weight = math.exp((similarity - 1.0) / _TEMPERATURE)
            votes[polarity] += weight
            if weight > best.get(polarity, (0.0, -1))[0]:
                best[polarity] = (weight, j)
        if not votes:
            return None
        winner = max(votes, key=lambda p: votes[p])
        share = votes[winner] / sum(votes.values())
        if winner is reading.polarity or share < _MAJORITY:
            return None
        return _Recalled(winner, share, self._examples[best[winner][1]].text)

    def _reading_of(self, j: int) -> PolarityReading:
        """How the reader reads example j now, as it would read it as a new statement."""
        if j not in self._readings:
            vector = self._vectors[j] if self._vectors is not None else None
            self._readings[j] = read_polarity(
                self._examples[j].text, embedding=vector, feedback=True
            )
        return self._readings[j]


def _similarity(a: tuple[str, ...], b: tuple[str, ...], cosine: float) -> float | None:
    """How near two statements are, or None when they are not near-identical."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if cosine < SAME_MEANING and (
        matcher.real_quick_ratio() < SAME_WORDS or matcher.quick_ratio() < SAME_WORDS
    ):
        return None
    ratio = matcher.ratio()
    if ratio < SAME_WORDS and cosine < SAME_MEANING:
        return None
    return max(ratio, cosine)


_SAID = {
    Polarity.STRENGTH: "a strength",
    Polarity.GAP: "a gap",
    Polarity.NEUTRAL: "neither strength nor gap",
}


def _taught(reading: PolarityReading, recalled: _Recalled) -> PolarityReading:
    snippet = " ".join(recalled.example.split())
    if len(snippet) > 60:
        snippet = snippet[:59] + "…"
    said = _SAID[recalled.polarity]
    cue = f"your review: you confirmed a near-identical statement as {said} ('{snippet}')"
    confidence = round(0.6 + 0.3 * recalled.share, 3)
    return PolarityReading(recalled.polarity, confidence, (cue, *reading.cues))
