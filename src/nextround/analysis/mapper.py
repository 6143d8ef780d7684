"""Map statements and questions onto a framework's competencies, zero-shot and from corrections."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt

from nextround.analysis.background import BACKGROUND, GENERIC_QUESTIONS
from nextround.analysis.discriminant import Discriminant
from nextround.analysis.embeddings import Embedder
from nextround.analysis.lexical import BM25, LexicalMapper, competency_document, terms
from nextround.analysis.named_competencies import name_terms, named_in, said_in
from nextround.analysis.reference import (
    ReferenceCorpus,
    builtin_reference,
    competency_sentences,
    library_reference,
)
from nextround.analysis.text_normalise import (
    generic_counterpart,
    is_question,
    normalise_statement,
)
from nextround.domain.competency import CompetencyMatch, Framework, LabelledExample

if TYPE_CHECKING:
    from nextround.analysis.polarity_memory import PolarityMemory

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
    #: The framework whose competencies it suggests.
    framework: Framework

    def map(self, texts: Sequence[str], k: int = 3) -> list[list[CompetencyMatch]]:
        """Up to k matches per text, best first; [] when nothing fits."""
        ...


@dataclass(frozen=True)
class MapperSettings:
    """Weights of the semantic score. Chosen once for all frameworks, never per framework."""

    name_weight: float = 0.25
    card_weight: float = 0.25  # "Name. Description" as one text
    sentence_weight: float = 0.5  # best single sentence / indicator of the competency
    lexical_weight: float = 0.02  # stemmed BM25, a few points of top-1 on every framework
    # The reference corpus (the built-in framework's sentences, see reference.py) is used
    # three ways; use_reference=False maps from the framework's own texts alone.
    use_reference: bool = True
    # 1. Bridge: a competency also matches the sentences of the built-in competencies its
    # name and description resemble, mixed by a softmax over that resemblance.
    bridge_weight: float = 0.2
    bridge_temperature: float = 0.05
    # The behaviour library (89 general concepts, see reference.py) is a second bridge: a
    # competency borrows the sentences of the concepts its name and description resemble
    # (by the concept's name, alternative labels and description), the top few by a sharp
    # softmax. The sentences written in the text's own style (questions for a question,
    # indicators and feedback for a statement) weigh more than the others.
    use_library: bool = True
    library_weight: float = 0.6  # sentences in the text's own style
    library_other_weight: float = 0.15  # sentences in the other style
    library_temperature: float = 0.05
    library_top_k: int = 3
    # A concept's similarity to a text: the mean of its best few sentences, steadier than the
    # single best one when each concept has 25 or so.
    library_pool: int = 5
    # Whether the library's sentences also join the built-in ones for centring and hubness.
    # Off: measured, it costs lp-questions 3 points of top-1 and helps nowhere.
    library_in_reference: bool = False
    # 2. Statements are centred on the corpus mean (what statements share), competency
    # texts on the framework mean (what the framework's prose shares).
    # 3. Hubness: some competencies attract every generic statement. Each competency's score
    # is standardised by its mean and spread over the corpus: (s - h*mean) / spread**h.
    hub_correction: float = 0.5
    # Confirmed examples teach three ways, each a few points of held-out top-1 on its own:
    example_weight: float = 0.5  # a soft nearest-neighbour vote of the examples
    example_temperature: float = 0.1
    # The vote has a "none of them" option at this (centred) similarity, so examples far
    # from a text cast almost no vote: without it one confirmed statement pulled every later
    # text towards its competency (3 to 22 points of top-1 lost on unrelated texts of the
    # eval files; at most 1.3 with it), and the learning curve is the same either way.
    example_floor: float = 0.4
    # a shrinkage LDA over the examples and the competencies' own texts (a learned metric:
    # directions that vary within a competency count less), as a log-posterior;
    discriminant_weight: float = 0.01
    # used once this share of the competencies has at least one example;
    discriminant_min_coverage: float = 0.5
    # and BM25 over each competency's example texts (the user's own words for it).
    example_lexical_weight: float = 0.1
    # A confirmed example this close (raw cosine) is the same statement reworded: follow it.
    duplicate_similarity: float = 0.9
    duplicate_boost: float = 2.0
    temperature: float = 0.27  # softmax over scores; mean top-1 confidence ~ accuracy on eval
    # A softmax share grows as the competencies get fewer: on six, a statement about none of
    # them ("great at getting exec buy-in" on a framework without stakeholders) still took
    # 35-70% on one. So the share is taken among at least this many competencies: a smaller
    # framework shares it with stand-ins for the competencies it lacks, each scoring what a
    # competency typically scores for an interview text (its mean over the reference
    # corpus). A text that clearly fits one keeps a high confidence; a poor fit stays low,
    # whatever the framework's size. Measured on the eval files with each competency left
    # out in turn (its texts then fit nothing): on uk-cs-2012 (6) the poor fits pre-selected
    # fall from 93% to 12%, and the precision of what is pre-selected rises from 0.71 to
    # 0.88 (recall 0.98 to 0.62); 16 gives the lowest Brier score over both kinds of text
    # (25 cuts recall to 0.52). Rankings, so top-1 and top-3, are unchanged.
    breadth: int = 16
    # The example terms spread the scores further apart; the temperature moves towards this
    # one as the share of competencies with examples grows (calibrated the same way).
    taught_temperature: float = 0.45
    # Drop generic grading words ("strong", "great") from texts before they are embedded
    # (see text_normalise): "strong on execution" went to resilience. The reference corpus
    # keeps its own; measured, stripping them there too costs lp-questions a point of top-1.
    strip_grades: bool = True
    # Say a job title one is to win round as "stakeholder" (see text_normalise): "influence
    # a product manager" went to product sense.
    generic_counterpart: bool = True
    # Abstain when a text is nearer to generic small talk (a question: or to a generic
    # question, see background.py) than to any competency text, by more than this margin,
    # or when it resembles nothing at all.
    # A competency the text names outright ("risk management didn't come through") is
    # suggested with at least this confidence, even when the text names two: the softmax
    # would otherwise leave the second far behind the first. None turns it off.
    named_floor: float | None = 0.5
    abstain_margin: float = -0.05
    min_similarity: float = 0.15
    margin_scale: float = 0.05


# A competency named once is lifted to at most this share of the best match's confidence.
_BELOW_BEST = 0.95


def _normalise_rows(x: Matrix) -> Matrix:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    out: Matrix = (x / np.maximum(norms, 1e-12)).astype(np.float32)
    return out


def _max_by_owner(sim: Matrix, owner: npt.NDArray[np.intp], n_owners: int) -> Matrix:
    """Per text, the best similarity among each owner's rows; -inf where an owner has none."""
    out = np.full((sim.shape[0], n_owners), -np.inf, dtype=np.float32)
    if sim.shape[1] == 0:
        return out
    order = np.argsort(owner, kind="stable")
    grouped = owner[order]
    starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    out[:, grouped[starts]] = np.maximum.reduceat(sim[:, order], starts, axis=1)
    return out


def _softmax(scores: Matrix, temperature: float) -> Matrix:
    z = scores / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: Matrix = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
    return out


def _softmax_among(
    scores: Matrix, temperature: float, stand_ins: int, stand_in_score: float
) -> Matrix:
    """Softmax whose denominator also holds ``stand_ins`` options scoring ``stand_in_score``.

    The rows no longer sum to 1: what is missing is the share of the stand-ins.
    """
    z = scores / temperature
    top = z.max(axis=1, keepdims=True)
    e = np.exp(z - top)
    others = stand_ins * np.exp(stand_in_score / temperature - top)
    out: Matrix = (e / (e.sum(axis=1, keepdims=True) + others)).astype(np.float32)
    return out


def _top_k_softmax(scores: Matrix, temperature: float, k: int) -> Matrix:
    """Softmax over each row's k highest scores; the rest get 0 (k <= 0 keeps them all)."""
    if 0 < k < scores.shape[1]:
        kth = -np.partition(-scores, k - 1, axis=1)[:, k - 1 : k]
        scores = np.where(scores >= kth, scores, -np.inf).astype(np.float32)
    return _softmax(scores, temperature)


def _corpus_texts(corpus: ReferenceCorpus | None) -> list[str]:
    """What is embedded of a reference corpus: names, cards, labels, then sentences."""
    if corpus is None:
        return []
    labels = [label for labels in corpus.labels for label in labels]
    return [*corpus.names, *corpus.cards, *labels, *corpus.sentences]


def _corpus_parts(corpus: ReferenceCorpus, vectors: Matrix) -> tuple[Matrix, Matrix, Matrix]:
    """(names, cards, sentences) rows of a corpus embedded in _corpus_texts order."""
    m = len(corpus.names)
    return vectors[:m], vectors[m : 2 * m], vectors[len(vectors) - len(corpus.sentences) :]


def framework_texts(framework: Framework) -> list[str]:
    """What the semantic mapper embeds of a framework, in competency order.

    The names, the "Name. Description" cards, then each one's sentences.
    """
    comps = framework.competencies
    cards = [f"{c.name}. {c.description}".strip() for c in comps]
    sentences = [text for c in comps for text in competency_sentences(c)]
    return [*(c.name for c in comps), *cards, *sentences]


def reference_texts(settings: MapperSettings | None = None) -> list[str]:
    """What the semantic mapper embeds of the reference corpus and the behaviour library."""
    s = settings or MapperSettings()
    reference = builtin_reference() if s.use_reference else None
    library = library_reference() if s.use_reference and s.use_library else None
    return _corpus_texts(reference) + _corpus_texts(library)


def _asked(corpus: ReferenceCorpus) -> tuple[bool, ...]:
    return corpus.questions or (False,) * len(corpus.sentences)


class _Groups:
    """Rows grouped by owner once, so each query batch pools them with array ops alone."""

    def __init__(self, owner: npt.NDArray[np.intp], n_owners: int) -> None:
        counts = np.bincount(owner, minlength=n_owners)
        width = max(int(counts.max(initial=0)), 1)
        order = np.argsort(owner, kind="stable")
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.intp)
        slot = np.arange(len(owner)) - np.repeat(starts, counts)
        # (owners, width) row indices; len(owner) points at a padding column of -inf.
        self.index = np.full((n_owners, width), len(owner), dtype=np.intp)
        self.index[owner[order], slot] = order
        self.counts = counts

    def pool(self, sim: Matrix, k: int) -> Matrix:
        """Per text, the mean of each owner's k best similarities; -inf where it has none."""
        padded = np.concatenate([sim, np.full((sim.shape[0], 1), -np.inf, np.float32)], axis=1)
        grouped = padded[:, self.index]  # (texts, owners, width)
        k = min(k, grouped.shape[2])
        if k <= 1:
            out: Matrix = grouped.max(axis=2)
            return out
        best = -np.partition(-grouped, k - 1, axis=2)[:, :, :k]
        taken = np.minimum(self.counts, k)
        total = np.where(np.isfinite(best), best, 0.0).sum(axis=2)
        out = np.where(taken > 0, total / np.maximum(taken, 1), -np.inf).astype(np.float32)
        return out


def _pooled_by_owner(sim: Matrix, owner: npt.NDArray[np.intp], n_owners: int, pool: int) -> Matrix:
    """Per text, the mean of each owner's `pool` best similarities (fewer if it has fewer)."""
    return _Groups(owner, n_owners).pool(sim.astype(np.float32), pool)


class _Bridge:
    """Sentences of a reference corpus lent to the competencies that resemble their owners.

    A text's score for a competency gains, per reference competency, its similarity to that
    one's sentences (the best, or the mean of the best few), mixed by how much the competency
    resembles it. Sentences written in the text's own style (question or statement) count
    `same`, the others `other`; when both weights are equal, the style is ignored.
    """

    def __init__(
        self,
        sentences: Matrix,  # centred
        owner: npt.NDArray[np.intp],
        asked: npt.NDArray[np.bool_],  # True where the sentence is a question
        mix: Matrix,  # (competencies, reference competencies), rows sum to 1
        same: float,
        other: float,
        pool: int = 1,
    ) -> None:
        self.mix = mix
        self.same, self.other, self.pool = same, other, pool
        m = mix.shape[1]
        # One group of every sentence when the style does not matter, else one per style.
        kinds = [np.ones(len(owner), dtype=bool)] if same == other else [~asked, asked]
        self._kinds = [(sentences[rows].T.copy(), _Groups(owner[rows], m)) for rows in kinds]

    @classmethod
    def of(
        cls,
        sentences: Matrix,
        corpus: ReferenceCorpus,
        mix: Matrix,
        weights: tuple[float, float],
        pool: int = 1,
    ) -> _Bridge:
        asked = np.asarray(_asked(corpus), dtype=bool)
        owner = np.asarray(corpus.owners, dtype=np.intp)
        return cls(sentences, owner, asked, mix, weights[0], weights[1], pool)

    def scores(self, queries: Matrix, asked: npt.NDArray[np.bool_]) -> Matrix:
        """Each competency's borrowed similarity, one row per query."""
        pooled = [groups.pool(queries @ vectors, self.pool) for vectors, groups in self._kinds]
        if len(pooled) == 1:
            best = np.where(np.isfinite(pooled[0]), pooled[0], 0.0)
            out: Matrix = ((self.same * best) @ self.mix.T).astype(np.float32)
            return out
        statement, question = pooled
        # A reference competency without sentences of one style lends its others instead.
        statement = np.where(np.isfinite(statement), statement, question)
        question = np.where(np.isfinite(question), question, statement)
        statement = np.where(np.isfinite(statement), statement, 0.0)
        question = np.where(np.isfinite(question), question, 0.0)
        style = asked[:, None]
        same = np.where(style, question, statement)
        other = np.where(style, statement, question)
        out = ((self.same * same + self.other * other) @ self.mix.T).astype(np.float32)
        return out


def _top_k(
    ids: Sequence[str],
    probs: Matrix,
    fit: Sequence[float],
    keep: Sequence[bool],
    k: int,
    ranking: Matrix | None = None,
) -> list[list[CompetencyMatch]]:
    """Up to k matches per kept row, by probability; equal ones in ``ranking``'s order.

    A competency lifted to its text's best confidence ties with the best match; without the
    model's own ranking to break the tie, the one listed first in the framework won it.
    """
    results: list[list[CompetencyMatch]] = []
    for row in range(probs.shape[0]):
        if not keep[row]:
            results.append([])
            continue
        if ranking is None:
            order = np.argsort(-probs[row], kind="stable")[:k]
        else:
            order = np.lexsort((-ranking[row], -probs[row]))[:k]
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
    (competency texts centred on the framework's mean direction, which every competency
    shares; statements on the reference corpus' mean), a small BM25 term and two bridges,
    to the built-in framework's sentences and to the behaviour library's concepts,
    standardised per competency against the reference corpus. Once the user has confirmed
    mappings, three terms learned from them are added: a soft vote of the nearest confirmed
    examples, BM25 over each competency's examples, and (once most competencies have one) a
    shrinkage LDA fitted on the examples and the competencies' own texts. A text's result
    never depends on the other texts in the batch.
    """

    name = "semantic"
    is_fallback = False
    #: The polarities the user confirmed, recalled for near-identical new statements
    #: (see ``services.mapping.analyse``); None reads polarity from the words alone.
    polarity_memory: PolarityMemory | None = None

    def __init__(
        self,
        framework: Framework,
        embedder: Embedder,
        examples: Sequence[LabelledExample] = (),
        settings: MapperSettings | None = None,
    ) -> None:
        self.framework = framework
        self.embedder = embedder
        self.settings = s = settings or MapperSettings()
        self._ids = [c.id for c in framework.competencies]
        self._index = {cid: i for i, cid in enumerate(self._ids)}
        comps = framework.competencies
        n = len(comps)

        owners = [i for i, comp in enumerate(comps) for _ in competency_sentences(comp)]
        reference = builtin_reference() if s.use_reference else None
        library = library_reference() if s.use_reference and s.use_library else None
        # One call, so a cached embedder looks everything up in one round trip.
        off_topic = [*BACKGROUND, *GENERIC_QUESTIONS]
        everything = self.embedder.embed(
            [*framework_texts(framework), *off_topic, *reference_texts(s)]
        )
        n_own = 2 * n + len(owners)
        self._prototypes_raw = everything[:n_own]
        self._background = everything[n_own : n_own + len(off_topic)]
        self._small_talk = everything[n_own : n_own + len(BACKGROUND)]
        # Centering on the framework's own mean removes what all its competencies share
        # ("leaders...", "at work..."), so the remaining directions tell them apart.
        self._mean = self._prototypes_raw.mean(axis=0)
        self._names = self._center(everything[:n])
        self._cards = self._center(everything[n : 2 * n])
        self._sentences = self._center(everything[2 * n : n_own])
        self._sentence_owner = np.asarray(owners, dtype=np.intp)
        self._bm25 = BM25([competency_document(c) for c in comps])
        self._name_terms = [name_terms(c.name) for c in comps]

        self._query_mean = self._mean
        # The reference corpora's interview questions (raw), see scores().
        self._questions_raw = np.zeros((0, embedder.dim), dtype=np.float32)
        self._bridges: list[_Bridge] = []
        self._hub_shift = np.zeros(n, dtype=np.float32)
        self._hub_scale = np.ones(n, dtype=np.float32)
        # What a competency typically scores for an interview text (see MapperSettings.breadth).
        self._typical_score = 0.0
        vectors = everything[n_own + len(off_topic) :]
        split = len(_corpus_texts(reference))
        self._use_reference(reference, vectors[:split], library, vectors[split:])

        self._examples = np.zeros((0, embedder.dim), dtype=np.float32)
        self._examples_raw = np.zeros((0, embedder.dim), dtype=np.float32)
        self._example_owner = np.zeros(0, dtype=np.intp)
        self._example_texts: list[str] = []
        self._example_bm25: BM25 | None = None
        self._discriminant: Discriminant | None = None
        self.learn(examples)

    def _normalise(self, text: str) -> str:
        normalised = normalise_statement(text, keep_grades=not self.settings.strip_grades)
        return generic_counterpart(normalised) if self.settings.generic_counterpart else normalised

    def _center(self, vectors: Matrix) -> Matrix:
        return _normalise_rows(vectors - self._mean)

    def _center_query(self, vectors: Matrix) -> Matrix:
        return _normalise_rows(vectors - self._query_mean)

    def _use_reference(
        self,
        reference: ReferenceCorpus | None,
        reference_vectors: Matrix,
        library: ReferenceCorpus | None,
        library_vectors: Matrix,
    ) -> None:
        s = self.settings
        corpus: list[tuple[ReferenceCorpus, Matrix]] = []  # (texts, raw sentence vectors)
        if reference is not None:
            names, cards, raw = _corpus_parts(reference, reference_vectors)
            # How much each competency resembles each built-in one, by name and by card.
            affinity = self._cards @ self._center(cards).T + self._names @ self._center(names).T
            mix = _softmax((affinity / 2).astype(np.float32), s.bridge_temperature)
            weights = (s.bridge_weight, s.bridge_weight)
            self._bridges.append(_Bridge.of(self._center(raw), reference, mix, weights))
            corpus.append((reference, raw))
            self._add_questions(reference, raw)
        if library is not None:
            names, cards, raw = _corpus_parts(library, library_vectors)
            # A concept goes by its name or any of its labels: the best of them counts.
            label_owner = np.asarray(
                [i for i, labels in enumerate(library.labels) for _ in labels], dtype=np.intp
            )
            start = 2 * len(library.names)
            label_vectors = library_vectors[start : start + len(label_owner)]
            by_name = self._names @ self._center(names).T
            if len(label_owner):
                by_label = _max_by_owner(
                    self._names @ self._center(label_vectors).T, label_owner, len(library.names)
                )
                by_name = np.maximum(by_name, by_label)
            affinity = (self._cards @ self._center(cards).T + by_name) / 2
            mix = _top_k_softmax(
                affinity.astype(np.float32), s.library_temperature, s.library_top_k
            )
            if s.library_weight or s.library_other_weight:
                weights = (s.library_weight, s.library_other_weight)
                self._bridges.append(
                    _Bridge.of(self._center(raw), library, mix, weights, s.library_pool)
                )
            if s.library_in_reference or reference is None:
                corpus.append((library, raw))
            self._add_questions(library, raw)
        if not corpus:
            return
        raw_all = np.vstack([raw for _, raw in corpus]).astype(np.float32)
        self._query_mean = raw_all.mean(axis=0)
        if s.hub_correction:
            texts = [t for c, _ in corpus for t in c.sentences]
            asked = np.asarray([q for c, _ in corpus for q in _asked(c)], dtype=bool)
            typical = self._zero_shot(raw_all, [terms(t) for t in texts], asked)
            spread = np.maximum(typical.std(axis=0), 1e-6)
            self._hub_shift = (s.hub_correction * typical.mean(axis=0)).astype(np.float32)
            self._hub_scale = (spread**s.hub_correction).astype(np.float32)
            self._typical_score = float(((typical - self._hub_shift) / self._hub_scale).mean())

    def _add_questions(self, corpus: ReferenceCorpus, raw: Matrix) -> None:
        asked = np.asarray(_asked(corpus), dtype=bool)
        self._questions_raw = np.vstack([self._questions_raw, raw[asked]]).astype(np.float32)

    def learn(self, examples: Sequence[LabelledExample]) -> None:
        """Add confirmed mappings; examples for competencies not in the framework are ignored."""
        known = [e for e in examples if e.competency_id in self._index]
        if not known:
            return
        normalised = [self._normalise(e.text) for e in known]
        raw = self.embedder.embed(normalised)
        self._examples_raw = np.vstack([self._examples_raw, raw]).astype(np.float32)
        self._examples = np.vstack([self._examples, self._center_query(raw)]).astype(np.float32)
        owner = np.asarray([self._index[e.competency_id] for e in known], dtype=np.intp)
        self._example_owner = np.concatenate([self._example_owner, owner])
        self._example_texts += normalised
        self._fit_examples()

    def _fit_examples(self) -> None:
        """Refit what is learned from all the examples so far: BM25 and the discriminant."""
        s = self.settings
        n = len(self._ids)
        owner = self._example_owner.tolist()
        documents = [
            " ".join(t for t, o in zip(self._example_texts, owner, strict=True) if o == i)
            for i in range(n)
        ]
        self._example_bm25 = BM25(documents)
        covered = len(set(owner)) / max(n, 1)
        if s.discriminant_weight and covered >= s.discriminant_min_coverage:
            # The competencies' own texts are labelled points too: they anchor the classes
            # with few examples and add within-class scatter to estimate the metric from.
            points = np.vstack([self._examples, self._sentences, self._cards, self._names])
            labels = np.concatenate(
                [self._example_owner, self._sentence_owner, np.arange(n), np.arange(n)]
            )
            self._discriminant = Discriminant.fit(points, labels.astype(np.intp), n)

    def _zero_shot(
        self,
        raw: Matrix,
        text_terms: Sequence[Sequence[str]],
        asked: npt.NDArray[np.bool_],
    ) -> Matrix:
        """Scores from the framework (and the bridges), before the hubness correction."""
        s = self.settings
        n = len(self._ids)
        queries = self._center_query(raw)
        best_sentence = _max_by_owner(queries @ self._sentences.T, self._sentence_owner, n)
        best_sentence = np.where(np.isfinite(best_sentence), best_sentence, 0.0)
        lexical = [self._bm25.scores_terms(t) for t in text_terms]
        score = (
            s.name_weight * (queries @ self._names.T)
            + s.card_weight * (queries @ self._cards.T)
            + s.sentence_weight * best_sentence
            + s.lexical_weight * np.asarray(lexical, dtype=np.float32).reshape(-1, n)
        )
        for bridge in self._bridges:
            score += bridge.scores(queries, asked)
        out: Matrix = score.astype(np.float32)
        return out

    def scores(self, texts: Sequence[str]) -> tuple[Matrix, Matrix]:
        """(scores per competency, how far each text is from off-topic talk) for texts."""
        normalised = [self._normalise(t) for t in texts]
        raw = self.embedder.embed(normalised)
        text_terms = [terms(t) for t in normalised]
        asked = np.asarray([is_question(t) for t in texts], dtype=bool)
        score = (self._zero_shot(raw, text_terms, asked) - self._hub_shift) / self._hub_scale
        topical = (raw @ self._prototypes_raw.T).max(axis=1)
        if len(self._questions_raw) and asked.any():
            # Questions all look alike next to statements, so a question is also measured
            # against the questions written to probe a skill: a real probe resembles one
            # of them more than it resembles the generic questions of the background
            # ("Walk me through your CV"), which probe none.
            probes = (raw @ self._questions_raw.T).max(axis=1)
            topical = np.where(asked, np.maximum(topical, probes), topical)
        if len(self._example_owner):
            score += self._example_scores(self._center_query(raw), raw, text_terms)
            topical = np.maximum(topical, (raw @ self._examples_raw.T).max(axis=1))
        off_topic = np.where(
            asked, (raw @ self._background.T).max(axis=1), (raw @ self._small_talk.T).max(axis=1)
        )
        fit = np.stack([topical, topical - off_topic], axis=1)
        return score.astype(np.float32), fit.astype(np.float32)

    def _example_scores(
        self, queries: Matrix, raw: Matrix, text_terms: Sequence[Sequence[str]]
    ) -> Matrix:
        s = self.settings
        n = len(self._ids)
        # Soft nearest-neighbour vote: each confirmed example votes for its competency with
        # weight exp(similarity / T). With few, noisy examples per competency this beats both
        # the single nearest example and the class centroid. The votes and a "none" option
        # at example_floor sum to 1, so a text near no example gets (almost) no vote.
        sim = queries @ self._examples.T
        top = np.maximum(sim.max(axis=1, keepdims=True), s.example_floor)
        weights = np.exp((sim - top) / s.example_temperature)
        votes = np.zeros((queries.shape[0], n), dtype=np.float32)
        np.add.at(votes.T, self._example_owner, weights.T)
        votes /= votes.sum(axis=1, keepdims=True) + np.exp(
            (s.example_floor - top) / s.example_temperature
        )
        duplicate = _max_by_owner(raw @ self._examples_raw.T, self._example_owner, n)
        boost = np.where(duplicate >= s.duplicate_similarity, s.duplicate_boost, 0.0)
        out = s.example_weight * votes + boost
        if self._example_bm25 is not None and s.example_lexical_weight:
            lexical = [self._example_bm25.scores_terms(t) for t in text_terms]
            out += s.example_lexical_weight * np.asarray(lexical, dtype=np.float32).reshape(-1, n)
        if self._discriminant is not None:
            out += s.discriminant_weight * self._discriminant.log_posterior(queries)
        return out.astype(np.float32)

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
        # A set, not np.unique: that imports numpy.ma (6 ms), a tenth of a cold command's
        # budget spent on a count of a few dozen owners.
        covered = len(set(self._example_owner.tolist())) / max(len(self._ids), 1)
        temperature = s.temperature + covered * (s.taught_temperature - s.temperature)
        stand_ins = max(s.breadth - len(self._ids), 0)
        probs = _softmax_among(score, temperature, stand_ins, self._typical_score)
        ranking = probs.copy()
        if s.named_floor is not None:
            for row, text in enumerate(texts):
                text_terms = terms(text)
                named = named_in(text_terms, self._name_terms)
                ceiling = float(probs[row].max())
                if len(named) >= 2:
                    # Never above the text's best match: a second name joins it, the ranking
                    # stays.
                    for column in named:
                        probs[row, column] = max(probs[row, column], min(s.named_floor, ceiling))
                    continue
                # One name, said outright or nearly ("influence without formal authority"):
                # it ranks high, yet just below the model's own best match, which measured
                # better as the first suggestion.
                for column in said_in(text_terms, self._name_terms):
                    if probs[row, column] < ceiling:
                        lifted = min(s.named_floor, _BELOW_BEST * ceiling)
                        probs[row, column] = max(probs[row, column], lifted)
        return _top_k(self._ids, probs, on_topic.tolist(), keep, k, ranking)


class NameOnlyMapper:
    """Baseline: the competency whose name alone is nearest to the raw text."""

    name = "name-only"
    is_fallback = False
    temperature = 0.05

    def __init__(self, framework: Framework, embedder: Embedder) -> None:
        self.framework = framework
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
