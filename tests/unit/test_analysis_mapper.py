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
    mapper = SemanticMapper(FRAMEWORK, embedder, settings=MapperSettings(hub_correction=1.0))
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
