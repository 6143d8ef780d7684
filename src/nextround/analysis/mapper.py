"""Map statements and questions onto a framework's competencies, zero-shot and from corrections."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from nextround.analysis.background import BACKGROUND
from nextround.analysis.embeddings import Embedder
from nextround.analysis.lexical import BM25, LexicalMapper, competency_document
from nextround.analysis.text_normalise import (
    normalise_statement,
    split_sentences,
    strip_question_stem,
)
from nextround.domain.competency import CompetencyMatch, Framework, LabelledExample

__all__ = [
    "LexicalMapper",
    "Mapper",
    "MapperSettings",
    "NameOnlyMapper",
    "SemanticMapper",
]

Matrix = npt.NDArray[np.float32]


class Mapper(Protocol):
    """Anything that suggests competencies for texts."""

    name: str
    is_fallback: bool

    def map(self, texts: Sequence[str], k: int = 3) -> list[list[CompetencyMatch]]:
        """Up to k matches per text, best first; [] when nothing fits."""
        ...


@dataclass(frozen=True)
class MapperSettings:
    """Weights of the semantic score. Chosen once for all frameworks, never per framework."""

    name_weight: float = 0.5
    card_weight: float = 0.5  # "Name. Description" as one text
    sentence_weight: float = 0.5  # best single sentence / indicator of the competency
    lexical_weight: float = 0.02  # stemmed BM25, a few points of top-1 on every framework
    example_weight: float = 0.3  # soft nearest-neighbour vote of confirmed examples
    example_temperature: float = 0.05
    # A confirmed example this close (raw cosine) is the same statement reworded: follow it.
    duplicate_similarity: float = 0.9
    duplicate_boost: float = 1.0
    temperature: float = 0.1  # softmax over scores; mean top-1 confidence ~ accuracy on eval
    # Abstain when a text is nearer to generic small talk than to any competency text, by
    # more than this margin, or when it resembles nothing at all.
    abstain_margin: float = -0.05
    min_similarity: float = 0.15
    margin_scale: float = 0.05


def _normalise_rows(x: Matrix) -> Matrix:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    out: Matrix = (x / np.maximum(norms, 1e-12)).astype(np.float32)
    return out


def _max_by_owner(sim: Matrix, owner: npt.NDArray[np.intp], n_owners: int) -> Matrix:
    """Per text, the best similarity among each owner's rows; -inf where an owner has none."""
    out = np.full((sim.shape[0], n_owners), -np.inf, dtype=np.float32)
    for j in range(sim.shape[1]):
        np.maximum(out[:, owner[j]], sim[:, j], out=out[:, owner[j]])
    return out


def _softmax(scores: Matrix, temperature: float) -> Matrix:
    z = scores / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: Matrix = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
    return out


def _top_k(
    ids: Sequence[str], probs: Matrix, fit: Sequence[float], keep: Sequence[bool], k: int
) -> list[list[CompetencyMatch]]:
    results: list[list[CompetencyMatch]] = []
    for row in range(probs.shape[0]):
        if not keep[row]:
            results.append([])
            continue
        order = np.argsort(-probs[row], kind="stable")[:k]
        results.append(
            [
                CompetencyMatch(ids[i], float(np.clip(probs[row, i] * fit[row], 0.0, 1.0)))
                for i in order
            ]
        )
    return results


class SemanticMapper:
    """Prototype matching in embedding space, with lexical support and learned examples.

    Each competency is represented by its name, its "name. description" card and every
    sentence of its description, indicators, missing signs and questions. A text's score for
    a competency blends its similarity to the name, to the card and to the best sentence
    (after removing the framework's mean direction, which every competency shares), plus a
    small BM25 term and, once the user has confirmed mappings, the similarity to the nearest
    confirmed example. A text's result never depends on the other texts in the batch.
    """

    name = "semantic"
    is_fallback = False

    def __init__(
        self,
        framework: Framework,
        embedder: Embedder,
        examples: Sequence[LabelledExample] = (),
        settings: MapperSettings | None = None,
    ) -> None:
        self.framework = framework
        self.embedder = embedder
        self.settings = settings or MapperSettings()
        self._ids = [c.id for c in framework.competencies]
        self._index = {cid: i for i, cid in enumerate(self._ids)}
        comps = framework.competencies

        sentences: list[str] = []
        owners: list[int] = []
        for i, comp in enumerate(comps):
            texts = [*split_sentences(comp.description), *comp.indicators, *comp.missing_signs]
            texts += [strip_question_stem(q) for q in comp.questions]
            for text in dict.fromkeys(t.strip() for t in texts if t.strip()):
                sentences.append(text)
                owners.append(i)
        cards = [f"{c.name}. {c.description}".strip() for c in comps]
        everything = self.embedder.embed(
            [*(c.name for c in comps), *cards, *sentences, *BACKGROUND]
        )
        n = len(comps)
        names_raw = everything[:n]
        cards_raw = everything[n : 2 * n]
        sentences_raw = everything[2 * n : 2 * n + len(sentences)]
        self._background = everything[2 * n + len(sentences) :]
        self._prototypes_raw = everything[: 2 * n + len(sentences)]
        # Centering on the framework's own mean removes what all its competencies share
        # ("leaders...", "at work..."), so the remaining directions tell them apart.
        self._mean = everything[: 2 * n + len(sentences)].mean(axis=0)
        self._names = self._center(names_raw)
        self._cards = self._center(cards_raw)
        self._sentences = self._center(sentences_raw)
        self._sentence_owner = np.asarray(owners, dtype=np.intp)
        self._bm25 = BM25([competency_document(c) for c in comps])

        self._examples = np.zeros((0, embedder.dim), dtype=np.float32)
        self._examples_raw = np.zeros((0, embedder.dim), dtype=np.float32)
        self._example_owner = np.zeros(0, dtype=np.intp)
        self.learn(examples)

    def _center(self, vectors: Matrix) -> Matrix:
        return _normalise_rows(vectors - self._mean)

    def learn(self, examples: Sequence[LabelledExample]) -> None:
        """Add confirmed mappings; examples for competencies not in the framework are ignored."""
        known = [e for e in examples if e.competency_id in self._index]
        if not known:
            return
        raw = self.embedder.embed([normalise_statement(e.text) for e in known])
        self._examples_raw = np.vstack([self._examples_raw, raw]).astype(np.float32)
        self._examples = np.vstack([self._examples, self._center(raw)]).astype(np.float32)
        owner = np.asarray([self._index[e.competency_id] for e in known], dtype=np.intp)
        self._example_owner = np.concatenate([self._example_owner, owner])

    def scores(self, texts: Sequence[str]) -> tuple[Matrix, Matrix]:
        """(scores per competency, how far each text is from off-topic talk) for texts."""
        s = self.settings
        n = len(self._ids)
        raw = self.embedder.embed([normalise_statement(t) for t in texts])
        queries = self._center(raw)
        best_sentence = _max_by_owner(queries @ self._sentences.T, self._sentence_owner, n)
        best_sentence = np.where(np.isfinite(best_sentence), best_sentence, 0.0)
        lexical = np.asarray(
            [self._bm25.scores(normalise_statement(t)) for t in texts], dtype=np.float32
        ).reshape(len(texts), n)
        score = (
            s.name_weight * (queries @ self._names.T)
            + s.card_weight * (queries @ self._cards.T)
            + s.sentence_weight * best_sentence
            + s.lexical_weight * lexical
        )
        topical = (raw @ self._prototypes_raw.T).max(axis=1)
        if len(self._example_owner):
            score += self._example_scores(queries, raw)
            topical = np.maximum(topical, (raw @ self._examples_raw.T).max(axis=1))
        off_topic = (raw @ self._background.T).max(axis=1)
        fit = np.stack([topical, topical - off_topic], axis=1)
        return score.astype(np.float32), fit.astype(np.float32)

    def _example_scores(self, queries: Matrix, raw: Matrix) -> Matrix:
        s = self.settings
        n = len(self._ids)
        # Soft nearest-neighbour vote: each confirmed example votes for its competency with
        # weight exp(similarity / T). With few, noisy examples per competency this beats both
        # the single nearest example and the class centroid, and sums to 1 over competencies.
        sim = queries @ self._examples.T
        weights = np.exp((sim - sim.max(axis=1, keepdims=True)) / s.example_temperature)
        votes = np.zeros((queries.shape[0], n), dtype=np.float32)
        np.add.at(votes.T, self._example_owner, weights.T)
        votes /= np.maximum(votes.sum(axis=1, keepdims=True), 1e-12)
        duplicate = _max_by_owner(raw @ self._examples_raw.T, self._example_owner, n)
        boost = np.where(duplicate >= s.duplicate_similarity, s.duplicate_boost, 0.0)
        return (s.example_weight * votes + boost).astype(np.float32)

    def map(self, texts: Sequence[str], k: int = 3) -> list[list[CompetencyMatch]]:
        """Top-k competencies per text with calibrated confidence; [] for off-topic text."""
        if not texts:
            return []
        s = self.settings
        score, fit = self.scores(texts)
        margin = fit[:, 1]
        keep = [bool(t >= s.min_similarity and m >= s.abstain_margin) for t, m in fit]
        # The chance that the text is on-topic at all scales every competency's probability.
        on_topic = 1.0 / (1.0 + np.exp(-(margin - s.abstain_margin) / s.margin_scale))
        return _top_k(self._ids, _softmax(score, s.temperature), on_topic.tolist(), keep, k)


class NameOnlyMapper:
    """Baseline: the competency whose name alone is nearest to the raw text."""

    name = "name-only"
    is_fallback = False
    temperature = 0.05

    def __init__(self, framework: Framework, embedder: Embedder) -> None:
        self.embedder = embedder
        self._ids = [c.id for c in framework.competencies]
        self._names = embedder.embed([c.name for c in framework.competencies])

    def map(self, texts: Sequence[str], k: int = 3) -> list[list[CompetencyMatch]]:
        """Top-k by cosine to the names; never abstains."""
        if not texts:
            return []
        sim = self.embedder.embed(list(texts)) @ self._names.T
        probs = _softmax(sim.astype(np.float32), self.temperature)
        return _top_k(self._ids, probs, [1.0] * len(texts), [True] * len(texts), k)
