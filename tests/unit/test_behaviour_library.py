"""Shape and hygiene checks for the general behaviour library (behaviour_library.json)."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from importlib.resources import files
from typing import Any

import pytest
import yaml

SENTENCE_FIELDS = ("shows", "lacks", "questions", "feedback")
LIMITS = {
    "also_known_as": (2, 6),
    "shows": (8, 12),
    "lacks": (5, 8),
    "questions": (5, 8),
    "feedback": (4, 6),
}
KEYS = {"id", "name", "also_known_as", "description", *SENTENCE_FIELDS}
ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# Common American spellings that British English spells differently; matched as word stems.
AMERICAN = re.compile(
    r"\b(?:organiz|prioritiz|optimiz|analyz|recogniz|realiz|standardiz|minimiz|maximiz|"
    r"emphasiz|summariz|apologiz|utiliz|mobiliz|customiz|categoriz|behavior|color|favor|"
    r"honor|labor|center|judgment|defense|traveled|canceled|modeled|labeled|fulfill\b|"
    r"enroll\b|catalog\b|program\b)",
    re.IGNORECASE,
)


@cache
def _library() -> dict[str, Any]:
    text = (files("nextround.analysis") / "behaviour_library.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert isinstance(data, dict)
    return data


def _concepts() -> list[dict[str, Any]]:
    concepts = _library()["concepts"]
    assert isinstance(concepts, list)
    return concepts


def _normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _all_sentences() -> list[tuple[str, str, str]]:
    return [(c["id"], f, s) for c in _concepts() for f in SENTENCE_FIELDS for s in c[f]]


def test_top_level_shape() -> None:
    data = _library()
    assert set(data) == {"about", "version", "concepts"}
    assert data["version"] == 1
    assert 70 <= len(_concepts()) <= 90


@pytest.mark.parametrize("concept", _concepts(), ids=lambda c: str(c.get("id")))
def test_concept_fields_and_counts(concept: dict[str, Any]) -> None:
    assert set(concept) == KEYS
    assert ID_RE.match(concept["id"]), concept["id"]
    assert isinstance(concept["name"], str) and concept["name"].strip()
    assert isinstance(concept["description"], str) and concept["description"].strip()
    assert 1 <= len(re.findall(r"[.!?](?:\s|$)", concept["description"])) <= 2
    for field, (low, high) in LIMITS.items():
        items = concept[field]
        assert isinstance(items, list), field
        assert low <= len(items) <= high, f"{concept['id']}.{field} has {len(items)} items"
        for item in items:
            assert isinstance(item, str), (concept["id"], field, item)
            assert item.strip() and item == item.strip(), (concept["id"], field, item)
            assert "\n" not in item, (concept["id"], field, item)


def test_ids_and_names_are_unique() -> None:
    ids = Counter(c["id"] for c in _concepts())
    names = Counter(c["name"].casefold() for c in _concepts())
    assert [i for i, n in ids.items() if n > 1] == []
    assert [i for i, n in names.items() if n > 1] == []


def test_alternative_labels_are_unambiguous() -> None:
    """A label names one concept only, and never another concept's own name."""
    labels = Counter(a.casefold() for c in _concepts() for a in c["also_known_as"])
    assert [a for a, n in labels.items() if n > 1] == []
    for c in _concepts():
        own = [a.casefold() for a in c["also_known_as"]]
        assert len(own) == len(set(own)), c["id"]
        assert c["name"].casefold() not in own, c["id"]
    names = {c["name"].casefold() for c in _concepts()}
    assert sorted(names & set(labels)) == []


def test_sentences_are_well_formed() -> None:
    for cid, field, text in _all_sentences():
        assert len(text.split()) >= 4, (cid, field, text)
        assert text[0].isupper() or text[0] == '"', (cid, field, text)
        end = "?." if field == "questions" else "."
        assert text[-1] in end, (cid, field, text)
        if field != "questions":
            assert not text.endswith("?"), (cid, field, text)


def test_no_duplicate_sentences() -> None:
    counts = Counter(_normalise(s) for _, _, s in _all_sentences())
    assert [s for s, n in counts.items() if n > 1] == []


def test_no_sentence_copied_from_builtin_framework() -> None:
    text = (files("nextround.frameworks") / "builtin.yaml").read_text(encoding="utf-8")
    builtin = yaml.safe_load(text)
    theirs = {
        _normalise(s)
        for comp in builtin["competencies"]
        for key in ("indicators", "missing_signs", "questions", "practice")
        for s in comp.get(key, [])
    }
    assert [s for _, _, s in _all_sentences() if _normalise(s) in theirs] == []


def test_british_spelling() -> None:
    texts = [s for _, _, s in _all_sentences()]
    texts += [c["description"] for c in _concepts()] + [c["name"] for c in _concepts()]
    texts += [a for c in _concepts() for a in c["also_known_as"]]
    assert [t for t in texts if AMERICAN.search(t)] == []
