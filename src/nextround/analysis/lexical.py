"""Word-overlap mapping: stemmed BM25 over competency texts, the fallback without the model."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

from nextround.analysis.text_normalise import normalise_statement
from nextround.domain.competency import Competency, CompetencyMatch, Framework

# Importing typing's machinery for one annotation is not worth it; mypy treats any
# constant named TYPE_CHECKING as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from nextround.analysis.polarity_memory import PolarityMemory

_WORD = re.compile(r"[a-z][a-z'’]*[a-z]|[a-z]")
_STOPWORD_TEXT = """
a about across after all also am an and any are as at be been being both but by can
could did do does doing each for from had has have having he her his how i if in into is
it its just me more most my no not of on or other our out over own same she should so
some such than that the their them then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you
your yours us able get got make made way one two time times etc e g eg ie
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def _light_stem(word: str) -> str:
    """A small suffix stripper for when snowballstemmer is not installed."""
    for suffix in ("ational", "ization", "fulness", "ousness", "iveness", "ments", "ment",
                   "ness", "ities", "ity", "ions", "ion", "ings", "ing", "ied", "ies",
                   "ive", "ed", "ly", "es", "s"):  # fmt: skip
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    """Snowball English (Porter2): PyStemmer's C build when installed, else the pure-Python one.

    Both run the same Snowball algorithm and give the same stems. The C build matters at
    start-up: the semantic mapper stems its reference corpus (~2,000 distinct words) in every
    fresh process, ~0.1 s in pure Python and ~0.01 s in C.
    """
    try:
        import Stemmer  # PyStemmer, from the ml extra

        fast: Callable[[str], str] = Stemmer.Stemmer("english").stemWord
        return fast
    except ImportError:
        pass
    try:
        # The English module alone: the package's top level imports every language (~50 ms).
        from snowballstemmer.english_stemmer import EnglishStemmer
    except ImportError:
        return _light_stem
    stem: Callable[[str], str] = lru_cache(maxsize=50_000)(EnglishStemmer().stemWord)
    return stem


def terms(text: str) -> list[str]:
    """Stemmed content words of a text."""
    stem = _stemmer()
    words = _WORD.findall(text.lower().replace("’", "'"))
    return [stem(w) for w in words if w not in _STOPWORDS and len(w) > 1]


class BM25:
    """Okapi BM25 with each competency as one document."""

    def __init__(self, documents: Sequence[str], k1: float = 1.2, b: float = 0.75) -> None:
        docs = [Counter(terms(d)) for d in documents]
        lengths = [sum(d.values()) for d in docs]
        avg = (sum(lengths) / len(docs)) if docs else 1.0
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(doc.keys())
        n = len(docs)
        self._n = n
        # Inverted index: term -> [(document, that term's whole BM25 weight in it)], so a
        # query costs its terms' postings rather than every document for every term.
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for i, doc in enumerate(docs):
            norm = k1 * (1 - b + b * lengths[i] / max(avg, 1e-9))
            for term, tf in doc.items():
                idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
                weight = idf * tf * (k1 + 1) / (tf + norm)
                self._postings.setdefault(term, []).append((i, weight))

    def scores(self, text: str) -> list[float]:
        """One score per document; 0.0 where no term is shared."""
        return self.scores_terms(terms(text))

    def scores_terms(self, text_terms: Sequence[str]) -> list[float]:
        """scores() for a text already split into terms()."""
        out = [0.0] * self._n
        for term in text_terms:
            for i, weight in self._postings.get(term, ()):
                out[i] += weight
        return out


def competency_document(competency: Competency) -> str:
    """The words that describe a competency; the name twice, as it is the densest signal."""
    parts = [competency.name, competency.name, competency.description]
    parts += [*competency.indicators, *competency.missing_signs]
    return " ".join(parts)


class LexicalMapper:
    """Maps by shared (stemmed) words; used when the embedding model is not installed."""

    name = "lexical (fallback)"
    is_fallback = True
    #: The polarities the user confirmed, recalled for near-identical new statements
    #: (see ``services.mapping.analyse``); None reads polarity from the words alone.
    polarity_memory: PolarityMemory | None = None
    # One shared mid-frequency word scores about 1; below that the overlap is chance.
    min_score = 1.0
    # Pseudo-count that keeps a single weak match from claiming high confidence.
    smoothing = 2.0

    def __init__(self, framework: Framework) -> None:
        self.framework = framework
        self._ids = [c.id for c in framework.competencies]
        self._bm25 = BM25([competency_document(c) for c in framework.competencies])

    def map(self, texts: Sequence[str], k: int = 3) -> list[list[CompetencyMatch]]:
        """Top-k competencies per text by BM25, or [] when no word of substance is shared."""
        results: list[list[CompetencyMatch]] = []
        for text in texts:
            # Grades kept: measured, dropping them costs the fallback a point of top-1 on
            # ibcos, while it is the embedding they pull off course (MapperSettings).
            scores = self._bm25.scores(normalise_statement(text, keep_grades=True))
            best = max(scores, default=0.0)
            if best < self.min_score:
                results.append([])
                continue
            total = sum(scores) + self.smoothing
            ranked = sorted(range(len(scores)), key=lambda i: -scores[i])[:k]
            results.append(
                [CompetencyMatch(self._ids[i], scores[i] / total) for i in ranked if scores[i] > 0]
            )
        return results
