import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from nextround.analysis.embedding_cache import CachedEmbedder, InMemoryEmbeddingStore, text_key
from nextround.analysis.embeddings import ModelUnavailable, load_embedder
from nextround.analysis.lexical import LexicalMapper
from nextround.analysis.mapper import Mapper, MapperSettings, NameOnlyMapper, SemanticMapper
from nextround.analysis.text_normalise import (
    normalise_statement,
    split_sentences,
    strip_question_stem,
)
from nextround.domain.competency import Competency, Framework, LabelledExample
from nextround.domain.statements import EVIDENCE_MIN_CONFIDENCE

from .fake_embedder import FakeEmbedder

FRAMEWORK = Framework(
    id="tiny",
    name="Tiny framework",
    competencies=(
        Competency(
            "risk",
            "Risk management",
            "Identifies risks early. Plans mitigation for every major risk.",
        ),
        Competency(
            "communication",
            "Communication",
            "Explains ideas clearly. Writes concise documents. Listens to others.",
        ),
        Competency(
            "systems",
            "Systems thinking",
            "Sees how components interact. Understands feedback loops across the system.",
        ),
        Competency(
            "delivery",
            "Delivery",
            "Ships projects on time. Meets deadlines and commitments.",
        ),
    ),
)


@pytest.fixture
def embedder() -> FakeEmbedder:
    return FakeEmbedder()


def test_top_k_is_ordered_with_confidences_in_unit_interval(embedder: FakeEmbedder) -> None:
    mapper = SemanticMapper(FRAMEWORK, embedder)
    [matches] = mapper.map(["She identified the main risks and planned a mitigation."], k=3)
    assert matches[0].competency_id == "risk"
    assert len(matches) == 3
    confidences = [m.confidence for m in matches]
    assert confidences == sorted(confidences, reverse=True)
    assert all(0.0 <= c <= 1.0 for c in confidences)


def test_k_limits_the_number_of_matches(embedder: FakeEmbedder) -> None:
    mapper = SemanticMapper(FRAMEWORK, embedder)
    assert len(mapper.map(["Explains ideas clearly"], k=1)[0]) == 1
    assert mapper.map([]) == []


@pytest.mark.parametrize("text", ["The office had great coffee.", "Lovely weather in the park"])
def test_abstains_when_nothing_fits(embedder: FakeEmbedder, text: str) -> None:
    assert SemanticMapper(FRAMEWORK, embedder).map([text]) == [[]]


def test_zero_shot_from_names_and_descriptions_only(embedder: FakeEmbedder) -> None:
    mapper = SemanticMapper(FRAMEWORK, embedder)
    results = mapper.map(["Missed every deadline on the project", "Wrote a concise document"])
    assert [r[0].competency_id for r in results] == ["delivery", "communication"]


def test_confirmed_example_moves_its_near_duplicate(embedder: FakeEmbedder) -> None:
    statement = "Kept the stakeholders calm during the outage review"
    before = SemanticMapper(FRAMEWORK, embedder).map([statement])[0]
    assert not before or before[0].competency_id != "systems"
    taught = SemanticMapper(FRAMEWORK, embedder, [LabelledExample(statement + ".", "systems")])
    after = taught.map(["Kept the stakeholders calm during the outage review!"])[0]
    assert after[0].competency_id == "systems"
    assert after[0].confidence > 0.5


def test_one_confirmed_example_does_not_pull_unrelated_texts(embedder: FakeEmbedder) -> None:
    texts = [
        "Identifies risks early and plans the mitigation.",
        "Explains ideas clearly in concise documents.",
        "Ships projects on time and meets deadlines.",
    ]
    example = "Kept the stakeholders calm during the outage review"
    plain = SemanticMapper(FRAMEWORK, embedder)
    taught = SemanticMapper(FRAMEWORK, embedder, [LabelledExample(example, "systems")])
    systems = [c.id for c in FRAMEWORK.competencies].index("systems")
    pull = taught.scores(texts)[0] - plain.scores(texts)[0]
    # A far-away example casts (almost) no vote; its own rewording gets the full one.
    assert np.abs(pull).max() < 0.05
    near = taught.scores([example + "!"])[0] - plain.scores([example + "!"])[0]
    assert near[0, systems] > 0.9
    assert [m[0].competency_id for m in taught.map(texts)] == ["risk", "communication", "delivery"]


def test_examples_for_unknown_competencies_are_ignored(embedder: FakeEmbedder) -> None:
    mapper = SemanticMapper(FRAMEWORK, embedder, [LabelledExample("anything", "gone")])
    assert mapper.map(["Identifies risks early"])[0][0].competency_id == "risk"


def test_discriminant_is_fitted_once_most_competencies_have_examples(
    embedder: FakeEmbedder,
) -> None:
    one = [LabelledExample("Escalated the outage risk to the director", "risk")]
    mapper = SemanticMapper(FRAMEWORK, embedder, one)
    assert mapper._discriminant is None  # 1 of 4 competencies: too few to learn a metric
    mapper.learn([LabelledExample("Summarised the design in one page", "communication")])
    assert mapper._discriminant is not None  # 2 of 4: learn() refits on all examples
    assert mapper._discriminant.coef.shape == (4, embedder.dim)
    off = SemanticMapper(
        FRAMEWORK, embedder, one * 4, settings=MapperSettings(discriminant_weight=0.0)
    )
    assert off._discriminant is None


def test_examples_teach_their_words(embedder: FakeEmbedder) -> None:
    # "escalation" is in no competency text; two confirmed statements tie it to risk.
    examples = [
        LabelledExample("Raised an escalation to the vendor", "risk"),
        LabelledExample("Owned the escalation path for incidents", "risk"),
    ]
    mapper = SemanticMapper(FRAMEWORK, embedder, examples)
    words = mapper._example_scores(
        np.zeros((1, embedder.dim), np.float32),
        np.zeros((1, embedder.dim), np.float32),
        [["escal"]],
    )
    assert words[0].argmax() == mapper._index["risk"]


def test_confidence_softens_as_examples_cover_the_framework(embedder: FakeEmbedder) -> None:
    examples = [
        LabelledExample("Flagged the vendor risk early", "risk"),
        LabelledExample("Wrote a crisp summary for the team", "communication"),
        LabelledExample("Traced the feedback loop between services", "systems"),
        LabelledExample("Hit the launch date", "delivery"),
    ]
    text = ["Identified the risks in the migration plan"]
    sharp = MapperSettings(taught_temperature=MapperSettings().temperature)
    [[first_sharp, *_]] = SemanticMapper(FRAMEWORK, embedder, examples, sharp).map(text)
    [[first, *_]] = SemanticMapper(FRAMEWORK, embedder, examples).map(text)
    assert first.competency_id == first_sharp.competency_id == "risk"
    assert first.confidence < first_sharp.confidence


def test_a_poor_fit_stays_below_the_bar_on_a_small_framework(embedder: FakeEmbedder) -> None:
    # Four competencies, none about money: the softmax share alone pre-selected Delivery.
    poor, clear = "Managed the project budget", "She identified the main risks and planned it."
    # Without the behaviour library: through the fake embedder's bag of words, its concepts
    # put "budget" at the bar itself (35.0%), so any word added to the built-in framework
    # tipped it. The real model's case is in tests/integration/test_mapping_precision.py.
    share_alone = SemanticMapper(
        FRAMEWORK, embedder, settings=MapperSettings(breadth=0, use_library=False)
    )
    assert share_alone.map([poor])[0][0].confidence >= EVIDENCE_MIN_CONFIDENCE
    mapper = SemanticMapper(FRAMEWORK, embedder, settings=MapperSettings(use_library=False))
    [[best, *_]], [[fit, *_]] = mapper.map([poor]), mapper.map([clear])
    assert best.confidence < EVIDENCE_MIN_CONFIDENCE
    assert (fit.competency_id, fit.confidence >= EVIDENCE_MIN_CONFIDENCE) == ("risk", True)


def test_stand_ins_take_the_share_of_the_competencies_a_framework_lacks() -> None:
    from nextround.analysis.mapper import _softmax, _softmax_among

    scores = np.asarray([[0.2, 0.2], [3.0, 0.0]], np.float32)
    assert np.allclose(_softmax_among(scores, 0.27, 0, 0.2), _softmax(scores, 0.27))
    among = _softmax_among(scores, 0.27, 23, 0.2)
    # Scoring like a typical competency: one share of 25, whatever the framework's size.
    assert among[0] == pytest.approx([1 / 25, 1 / 25])
    # A clear fit keeps nearly all of it.
    assert among[1, 0] > 0.95


def test_mappers_satisfy_the_protocol(embedder: FakeEmbedder) -> None:
    mappers: list[Mapper] = [
        SemanticMapper(FRAMEWORK, embedder),
        NameOnlyMapper(FRAMEWORK, embedder),
        LexicalMapper(FRAMEWORK),
    ]
    assert [m.is_fallback for m in mappers] == [False, False, True]
    assert len({m.name for m in mappers}) == 3


def test_name_only_mapper_picks_the_nearest_name(embedder: FakeEmbedder) -> None:
    [matches] = NameOnlyMapper(FRAMEWORK, embedder).map(["risk"], k=2)
    assert matches[0].competency_id == "risk"
    assert len(matches) == 2


def test_lexical_fallback_maps_by_shared_words_and_says_so() -> None:
    mapper = LexicalMapper(FRAMEWORK)
    assert mapper.is_fallback
    assert "fallback" in mapper.name
    [risky, coffee] = mapper.map(
        ["Never identified the risks in the migration plan", "The office had great coffee."]
    )
    assert risky[0].competency_id == "risk"
    assert 0.0 < risky[0].confidence <= 1.0
    assert coffee == []


def test_lexical_fallback_stems_words() -> None:
    [matches] = LexicalMapper(FRAMEWORK).map(["She mitigated the deadline slip"])
    assert {m.competency_id for m in matches} >= {"risk", "delivery"}


def test_cached_embedder_computes_only_missing_texts_in_batches() -> None:
    inner = FakeEmbedder(dim=16)
    store = InMemoryEmbeddingStore()
    cached = CachedEmbedder(inner, store, batch_size=2)
    first = cached.embed(["a b", "c d", "a b", "e f", "g h"])
    assert inner.calls == [["a b", "c d"], ["e f", "g h"]]  # de-duplicated, batches of 2
    assert len(store) == 4
    inner.calls.clear()
    second = cached.embed(["c d", "new text", "a b"])
    assert inner.calls == [["new text"]]
    np.testing.assert_array_equal(second[0], first[1])
    np.testing.assert_array_equal(second[2], first[0])
    assert store.get_many("fake-bow", [text_key("new text")])
    assert cached.embed([]).shape == (0, 16)


def test_an_unsaved_store_reads_the_cache_but_adds_nothing_to_it() -> None:
    from nextround.analysis.embedding_cache import UnsavedEmbeddingStore

    inner = FakeEmbedder(dim=16)
    stored = InMemoryEmbeddingStore()
    CachedEmbedder(inner, stored).embed(["a b"])
    inner.calls.clear()
    cached = CachedEmbedder(inner, UnsavedEmbeddingStore(stored))
    cached.embed(["a b", "c d"])
    cached.embed(["c d", "e f"])  # as `map` embeds its statements twice, for two readers
    assert inner.calls == [["c d"], ["e f"]]  # each new text once; the cached one never
    assert len(stored) == 1


def test_seeded_vectors_are_neither_looked_up_nor_stored() -> None:
    seed_vectors = FakeEmbedder(dim=16).embed(["a b"])
    inner = FakeEmbedder(dim=16)
    store = InMemoryEmbeddingStore()
    cached = CachedEmbedder(inner, store, seed={text_key("a b"): seed_vectors[0]})
    out = cached.embed(["a b", "c d"])
    assert inner.calls == [["c d"]] and len(store) == 1  # only the unseeded text
    np.testing.assert_array_equal(out[0], seed_vectors[0])


def test_the_package_texts_cover_everything_the_mapper_embeds_for_the_builtin_framework() -> None:
    """A new database needs no embedding of nextround's own texts: the seed holds them all."""
    from nextround.analysis.package_vectors import package_texts
    from nextround.frameworks.files import builtin_framework

    texts = package_texts()
    vectors = FakeEmbedder(dim=16).embed(texts)
    seed = {text_key(t): vectors[i] for i, t in enumerate(texts)}
    inner = FakeEmbedder(dim=16)
    SemanticMapper(builtin_framework(), CachedEmbedder(inner, InMemoryEmbeddingStore(), seed=seed))
    assert inner.calls == []


def test_store_keys_are_sha256_of_the_text_and_scoped_by_model() -> None:
    store = InMemoryEmbeddingStore()
    store.put_many("m1", {text_key("x"): np.ones(3, dtype=np.float32)})
    assert text_key("x") == "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"
    assert store.get_many("m2", [text_key("x")]) == {}


def test_question_boilerplate_is_stripped() -> None:
    assert strip_question_stem("Tell me about a time when you missed a deadline.") == (
        "you missed a deadline."
    )
    assert strip_question_stem("Give me an example of a risk you took") == "risk you took"
    assert normalise_statement("Does not listen to others.") == "listen to others."
    assert (
        normalise_statement(
            "Describe a situation where you had to cut costs. What was the outcome?"
        )
        == "you had to cut costs."
    )


def test_descriptions_split_into_sentences_and_list_items() -> None:
    assert split_sentences("Plans ahead. Listens well.") == ["Plans ahead", "Listens well"]
    assert split_sentences("Determined Proactive Responsible and Dependable") == [
        "Determined",
        "Proactive",
        "Responsible and Dependable",
    ]


def test_missing_model_package_raises_model_unavailable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import nextround.analysis.embeddings as embeddings

    monkeypatch.setattr(embeddings, "MODEL_PACKAGE", "no_such_model_package_xyz")
    with pytest.raises(ModelUnavailable, match="nextround\\[ml\\]"):
        load_embedder(tmp_path)


def test_importing_analysis_stays_light() -> None:
    code = (
        "import sys, nextround.analysis.embeddings, nextround.analysis.mapper, "
        "nextround.analysis.embedding_cache;"
        "heavy = {'torch', 'sentence_transformers', 'onnxruntime', 'tokenizers', 'transformers'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_lexical_mapper_works_without_snowballstemmer(monkeypatch: pytest.MonkeyPatch) -> None:
    import nextround.analysis.lexical as lexical

    monkeypatch.setitem(sys.modules, "snowballstemmer", None)
    monkeypatch.setitem(sys.modules, "snowballstemmer.english_stemmer", None)
    monkeypatch.setitem(sys.modules, "Stemmer", None)
    lexical._stemmer.cache_clear()
    try:
        assert lexical.terms("Mitigations of risks") == ["mitigat", "risk"]
        [matches] = lexical.LexicalMapper(FRAMEWORK).map(["risks were mitigated"])
        assert matches[0].competency_id == "risk"
    finally:
        lexical._stemmer.cache_clear()


def test_pystemmer_and_snowballstemmer_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    import nextround.analysis.lexical as lexical

    pytest.importorskip("Stemmer")
    words = "mitigations risks prioritised stakeholders happily dying communication agreed"
    lexical._stemmer.cache_clear()
    try:
        fast = [lexical._stemmer()(w) for w in words.split()]
        monkeypatch.setitem(sys.modules, "Stemmer", None)
        lexical._stemmer.cache_clear()
        pure = [lexical._stemmer()(w) for w in words.split()]
    finally:
        lexical._stemmer.cache_clear()
    assert fast == pure
    assert fast[:2] == ["mitig", "risk"]


# ---- reference corpus: the built-in framework's sentences --------------------------------


def test_reference_corpus_holds_normalised_sentences_grouped_by_competency() -> None:
    from nextround.analysis.reference import reference_corpus

    framework = Framework(
        id="ref",
        name="Ref",
        competencies=(
            Competency(
                "a",
                "Alpha",
                "Does alpha things. Does alpha things.",
                indicators=("Does alpha things",),
                missing_signs=("Does not plan ahead.",),
                questions=("Tell me about a time when you planned ahead.",),
                practice=("Write a plan for next week.",),
            ),
            Competency("b", "Beta", "Beta work."),
        ),
    )
    corpus = reference_corpus(framework)
    assert corpus.names == ("Alpha", "Beta")
    assert corpus.cards == ("Alpha. Does alpha things. Does alpha things.", "Beta. Beta work.")
    assert corpus.sentences == (
        "Does alpha things",
        "plan ahead.",
        "you planned ahead.",
        "Write a plan for next week.",
        "Beta work",
    )
    assert corpus.owners == (0, 0, 0, 0, 1)


def test_builtin_reference_is_the_builtin_framework() -> None:
    from nextround.analysis.reference import builtin_reference
    from nextround.frameworks.files import builtin_framework

    corpus = builtin_reference()
    assert corpus is not None
    assert corpus.names == tuple(c.name for c in builtin_framework().competencies)
    assert len(corpus.sentences) > 300
    assert list(corpus.owners) == sorted(corpus.owners)


def test_bridge_borrows_sentences_of_the_resembling_builtin_competency(
    embedder: FakeEmbedder,
) -> None:
    # "contingency ... buffers" appears in no text of this framework, only in the built-in
    # risk-management indicators, which the bridge lends to the competency named like it.
    framework = Framework(
        id="bare",
        name="Bare",
        competencies=(
            Competency("risk", "Risk management", "Risk management."),
            Competency("talk", "Communication", "Communication."),
        ),
    )
    text = "Built contingency plans and schedule buffers"
    alone = SemanticMapper(framework, embedder, settings=MapperSettings(bridge_weight=0.0))
    bridged = SemanticMapper(framework, embedder)
    [[risk_alone, talk_alone]] = alone.scores([text])[0]
    [[risk_bridged, talk_bridged]] = bridged.scores([text])[0]
    assert risk_bridged - talk_bridged > risk_alone - talk_alone + 0.1
    strong = SemanticMapper(framework, embedder, settings=MapperSettings(bridge_weight=1.0))
    assert strong.scores([text])[0].argmax() == 0


def test_mapper_works_without_the_reference_corpus(embedder: FakeEmbedder) -> None:
    settings = MapperSettings(use_reference=False)
    mapper = SemanticMapper(FRAMEWORK, embedder, settings=settings)
    assert mapper.map(["Identifies risks early"])[0][0].competency_id == "risk"


def test_hub_correction_standardises_scores_over_the_reference_corpus(
    embedder: FakeEmbedder,
) -> None:
    from nextround.analysis.reference import builtin_reference

    corpus = builtin_reference()
    assert corpus is not None
    # Without the library bridge, whose weight depends on whether a text is a question: the
    # corpus' questions are stored without their stems, so they would read as statements here.
    # Grades kept too: the corpus keeps its own, so scoring its sentences reads them as held.
    settings = MapperSettings(hub_correction=1.0, use_library=False, strip_grades=False)
    mapper = SemanticMapper(FRAMEWORK, embedder, settings=settings)
    scores, _ = mapper.scores(list(corpus.sentences))
    np.testing.assert_allclose(scores.mean(axis=0), 0.0, atol=1e-3)
    np.testing.assert_allclose(scores.std(axis=0), 1.0, atol=1e-3)


class _CountingStore(InMemoryEmbeddingStore):
    def __init__(self) -> None:
        super().__init__()
        self.lookups = 0

    def get_many(self, model_id: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        self.lookups += 1
        return super().get_many(model_id, keys)


def test_reference_corpus_is_embedded_once_through_the_callers_cache() -> None:
    inner = FakeEmbedder()
    store = _CountingStore()
    cached = CachedEmbedder(inner, store)
    SemanticMapper(FRAMEWORK, cached)
    assert store.lookups == 1  # prototypes, background and corpus in one round trip
    assert sum(map(len, inner.calls)) > 300
    inner.calls.clear()
    SemanticMapper(FRAMEWORK, cached).map(["Identifies risks early"])
    assert inner.calls == []  # a second process start with a warm cache embeds nothing new


def test_bm25_matches_the_textbook_formula() -> None:
    import math

    from nextround.analysis.lexical import BM25

    bm25 = BM25(["risk risk plan", "plan people"], k1=1.2, b=0.75)
    idf_risk = math.log(1 + (2 - 1 + 0.5) / (1 + 0.5))
    idf_plan = math.log(1 + (2 - 2 + 0.5) / (2 + 0.5))
    norm0 = 1.2 * (1 - 0.75 + 0.75 * 3 / 2.5)
    norm1 = 1.2 * (1 - 0.75 + 0.75 * 2 / 2.5)
    expected0 = idf_risk * 2 * 2.2 / (2 + norm0) + idf_plan * 2.2 / (1 + norm0)
    expected1 = idf_plan * 2.2 / (1 + norm1)
    assert bm25.scores("risk plan") == pytest.approx([expected0, expected1])
    assert bm25.scores("coffee") == [0.0, 0.0]


# ---- behaviour library: a second, broader reference corpus --------------------------------


def test_is_question_tells_questions_and_stems_from_statements() -> None:
    from nextround.analysis.text_normalise import is_question

    assert is_question("How do you decide what to cut?")
    assert is_question("Tell me about a time you cut costs")
    assert is_question("Describe a situation where you had to push back.")
    assert not is_question("She cut costs without losing quality.")
    assert not is_question("Describes the plan clearly.")  # a statement that starts alike


def test_library_corpus_cards_hold_the_alternative_labels_and_sentences_their_kind() -> None:
    from nextround.analysis.reference import library_corpus

    corpus = library_corpus(
        {
            "concepts": [
                {
                    "id": "thrift",
                    "name": "Thrift",
                    "also_known_as": ["frugality", "cost awareness"],
                    "description": "Spending\n  as if it were your own money.",
                    "shows": ["Questions every expense."],
                    "lacks": ["Does not check the bill."],
                    "questions": ["Tell me about a time you cut costs."],
                    "feedback": ["She cut costs well."],
                },
                {"id": "calm", "name": "Calm", "description": "Stays calm.", "shows": ["Calm."]},
            ]
        }
    )
    assert corpus.names == ("Thrift", "Calm")
    assert corpus.cards == (
        "Thrift (frugality, cost awareness). Spending as if it were your own money.",
        "Calm. Stays calm.",
    )
    assert corpus.labels == (("frugality", "cost awareness"), ())
    assert corpus.sentences == (
        "Questions every expense.",
        "check the bill.",  # normalised as statements are: negation and stems dropped
        "She cut costs well.",
        "you cut costs.",
        "Calm.",
    )
    assert corpus.owners == (0, 0, 0, 0, 1)
    assert corpus.questions == (False, False, False, True, False)


def test_library_reference_is_the_shipped_behaviour_library() -> None:
    from nextround.analysis.reference import builtin_reference, library_reference

    library = library_reference()
    assert library is not None
    assert len(library.names) == len(library.cards) == len(library.labels) > 80
    assert len(library.sentences) > 2000
    assert 300 < sum(library.questions) < len(library.sentences) / 2
    assert list(library.owners) == sorted(library.owners)
    builtin = builtin_reference()
    assert builtin is not None and len(builtin.questions) == len(builtin.sentences)
    both = builtin + library
    assert both.owners[len(builtin.owners)] == len(builtin.names)
    assert len(both.labels) == len(both.names)


def test_pooled_similarity_is_the_mean_of_each_owners_best_few() -> None:
    from nextround.analysis.mapper import _max_by_owner, _pooled_by_owner

    rng = np.random.default_rng(0)
    sim = rng.standard_normal((4, 30)).astype(np.float32)
    owner = rng.integers(0, 5, 30).astype(np.intp)
    owner[owner == 4] = 3  # owner 4 has no rows
    pooled = _pooled_by_owner(sim, owner, 5, 3)
    for j in range(4):
        best = np.sort(sim[:, owner == j], axis=1)[:, -3:]
        np.testing.assert_allclose(pooled[:, j], best.mean(axis=1), rtol=1e-6)
    assert np.isneginf(pooled[:, 4]).all()
    np.testing.assert_array_equal(_pooled_by_owner(sim, owner, 5, 1), _max_by_owner(sim, owner, 5))


def test_top_k_softmax_keeps_only_the_best_k() -> None:
    from nextround.analysis.mapper import _top_k_softmax

    probs = _top_k_softmax(np.asarray([[0.9, 0.1, 0.8, 0.5]], np.float32), 0.1, 2)
    assert probs[0, 1] == probs[0, 3] == 0.0
    assert probs[0, 0] > probs[0, 2] > 0.0
    assert probs.sum() == pytest.approx(1.0)


FRUGAL = Framework(
    id="frugal",
    name="Frugal",
    competencies=(
        Competency("frugality", "Frugality", "Frugality."),
        Competency("talk", "Communication", "Communication."),
    ),
)


def test_competency_borrows_the_sentences_of_the_library_concept_it_is_named_like(
    embedder: FakeEmbedder,
) -> None:
    # The built-in framework has no thrift competency; the library's cost-consciousness
    # concept is labelled "frugality", and its sentences speak of subscriptions and overheads.
    text = "Keeps paying for subscriptions nobody uses"
    alone = SemanticMapper(FRUGAL, embedder, settings=MapperSettings(use_library=False))
    borrowed = SemanticMapper(FRUGAL, embedder)
    [[frugal_alone, talk_alone]] = alone.scores([text])[0]
    [[frugal, talk]] = borrowed.scores([text])[0]
    assert frugal - talk > frugal_alone - talk_alone + 0.1
    library = borrowed._bridges[-1]
    [thrift] = np.flatnonzero(library.mix[0] == library.mix[0].max())
    from nextround.analysis.reference import library_reference

    corpus = library_reference()
    assert corpus is not None and "frugality" in corpus.labels[thrift]
    assert np.count_nonzero(library.mix, axis=1).max() <= MapperSettings().library_top_k


def test_bridge_weighs_sentences_in_the_texts_own_style() -> None:
    from nextround.analysis.mapper import _Bridge

    # One reference competency with a statement (row 0) and a question (row 1).
    sentences = np.eye(2, dtype=np.float32)
    bridge = _Bridge(
        sentences,
        owner=np.zeros(2, dtype=np.intp),
        asked=np.asarray([False, True]),
        mix=np.ones((1, 1), dtype=np.float32),
        same=1.0,
        other=0.25,
    )
    queries = np.asarray([[1.0, 0.0], [1.0, 0.0]], dtype=np.float32)
    statement, question = bridge.scores(queries, np.asarray([False, True]))[:, 0]
    assert statement == pytest.approx(1.0)  # a statement: the statement counts fully
    assert question == pytest.approx(0.25)  # a question: the same statement counts a quarter
    either = _Bridge(
        sentences, np.zeros(2, dtype=np.intp), np.asarray([False, True]), bridge.mix, 1.0, 1.0
    ).scores(queries, np.asarray([False, True]))
    np.testing.assert_allclose(either[:, 0], [1.0, 1.0])


def test_library_costs_nothing_to_embed_again_once_cached() -> None:
    inner = FakeEmbedder()
    store = _CountingStore()
    cached = CachedEmbedder(inner, store)
    SemanticMapper(FRUGAL, cached)
    assert store.lookups == 1
    assert sum(map(len, inner.calls)) > 2500  # built-in corpus, library, labels and cards
    inner.calls.clear()
    SemanticMapper(FRUGAL, cached, settings=MapperSettings(use_library=True))
    assert inner.calls == []


LEADING = Framework(
    id="leading",
    name="Leading framework",
    competencies=(
        Competency(
            "stakeholders",
            "Stakeholder management",
            "Aligns senior stakeholders and keeps them informed.",
        ),
        Competency("leading", "Leadership without authority", "Gets teams to follow a plan."),
        Competency("delivery", "Delivery", "Ships projects on time. Meets deadlines."),
        Competency("communication", "Communication", "Writes concise documents."),
    ),
)


@pytest.mark.parametrize(
    "text",
    [
        "You didn't influence senior stakeholders without formal authority.",
        "Aligning senior stakeholders without much authority was hard for you.",
    ],
)
def test_a_competency_named_nearly_ranks_high_below_the_best_match(
    embedder: FakeEmbedder, text: str
) -> None:
    from dataclasses import replace

    mapper = SemanticMapper(LEADING, embedder)
    plain = SemanticMapper(LEADING, embedder, settings=replace(mapper.settings, named_floor=None))
    [matches] = mapper.map([text])
    [unlifted] = plain.map([text])
    by_id = {m.competency_id: m.confidence for m in matches}
    assert matches[0].competency_id == unlifted[0].competency_id == "stakeholders"
    assert by_id["leading"] >= EVIDENCE_MIN_CONFIDENCE
    assert by_id["leading"] < matches[0].confidence
    assert by_id["leading"] > {m.competency_id: m.confidence for m in unlifted}.get("leading", 0)


def test_a_second_name_lifted_to_the_best_confidence_stays_behind_the_best_match(
    embedder: FakeEmbedder,
) -> None:
    from dataclasses import replace

    # Both names are lifted to the best match's confidence; communication is listed before
    # delivery, so a tie broken by framework order put it first.
    text = "Your delivery and your communication came up."
    mapper = SemanticMapper(FRAMEWORK, embedder)
    plain = SemanticMapper(FRAMEWORK, embedder, settings=replace(mapper.settings, named_floor=None))
    [matches] = mapper.map([text])
    [unlifted] = plain.map([text])
    assert unlifted[0].competency_id == "delivery"
    assert matches[1].confidence == matches[0].confidence
    assert [m.competency_id for m in matches[:2]] == ["delivery", "communication"]
