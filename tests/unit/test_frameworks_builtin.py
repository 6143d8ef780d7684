"""Shape and hygiene checks for the built-in competency framework (builtin.yaml)."""

from __future__ import annotations

import re
from collections import Counter
from importlib.resources import files
from typing import Any

import pytest
import yaml

from nextround.domain.competency import Competency

EXPECTED_IDS = [
    "risk-management",
    "systems-thinking",
    "stakeholder-management",
    "communication",
    "prioritisation",
    "planning-execution",
    "data-informed-decisions",
    "problem-solving",
    "influence-without-authority",
    "people-leadership",
    "collaboration",
    "conflict-resolution",
    "developing-others",
    "adaptability",
    "customer-focus",
    "product-sense",
    "technical-depth",
    "process-design",
    "ownership",
    "learning-agility",
    "strategic-thinking",
    "business-acumen",
    "negotiation",
    "change-management",
    "presentation",
    "resilience",
    "design-craft",
    "user-research",
    "accessibility",
]

EXPECTED_NAMES = {
    "risk-management": "Risk management",
    "systems-thinking": "Systems thinking",
    "stakeholder-management": "Stakeholder management",
    "communication": "Communication: clarity and concision",
    "prioritisation": "Prioritisation",
    "planning-execution": "Planning and execution",
    "data-informed-decisions": "Data-informed decision making",
    "problem-solving": "Problem solving",
    "influence-without-authority": "Influence without authority",
    "people-leadership": "People leadership",
    "collaboration": "Collaboration",
    "conflict-resolution": "Conflict resolution",
    "developing-others": "Developing others",
    "adaptability": "Adaptability and ambiguity",
    "customer-focus": "Customer focus",
    "product-sense": "Product sense",
    "technical-depth": "Technical depth",
    "process-design": "Process design and improvement",
    "ownership": "Ownership",
    "learning-agility": "Learning agility",
    "strategic-thinking": "Strategic thinking",
    "business-acumen": "Business and financial acumen",
    "negotiation": "Negotiation",
    "change-management": "Change management",
    "presentation": "Presenting and storytelling",
    "resilience": "Resilience and composure",
    "design-craft": "Design craft",
    "user-research": "User research",
    "accessibility": "Accessibility and inclusive design",
}

LIST_RANGES = {
    # Up to fourteen: technical depth also names the hands-on engineering results a resume
    # lists (latency, tests, tools, migrations), which read as nothing else, and the data
    # and machine learning work (models in production, their rigour) that data roles show.
    "indicators": (4, 14),
    # Up to eight: technical depth's gaps in data and ML system design read as nothing else.
    "missing_signs": (3, 8),
    "questions": (3, 6),
    # Up to three more for engineers: the plan picks them when the feedback came from a
    # coding or system-design interview, and the others otherwise.
    "practice": (3, 9),
}
COMPETENCY_KEYS = {"id", "name", "description", *LIST_RANGES}
TOP_LEVEL_KEYS = {"id", "name", "version", "source", "description", "competencies"}

# Short follow-up questions such as "How did you handle it?" may legitimately recur;
# any sentence at least this long must appear only once in the whole file.
MIN_WORDS_FOR_UNIQUE_SENTENCE = 6
SENTENCE_SPLIT = re.compile(r"(?<=[.?!])\s+(?=[A-Z\"])")

# Common American spellings; the framework is written in British English.
AMERICAN_SPELLINGS = re.compile(
    r"\b\w*(?:prioritiz|organiz|optimiz|analyz|recogniz|minimiz|maximiz|summariz|"
    r"standardiz|utiliz|emphasiz|realiz|behavior|favor|skeptic|catalog\b|labeled)\w*",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def framework() -> dict[str, Any]:
    resource = files("nextround.frameworks") / "builtin.yaml"
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def competencies(framework: dict[str, Any]) -> list[dict[str, Any]]:
    items = framework["competencies"]
    assert isinstance(items, list)
    return items


def _all_texts(framework: dict[str, Any]) -> list[str]:
    texts = [framework["name"], framework["description"], framework["source"]]
    for comp in framework["competencies"]:
        texts += [comp["name"], comp["description"]]
        for key in LIST_RANGES:
            texts += comp[key]
    return texts


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def test_top_level_fields(framework: dict[str, Any]) -> None:
    assert set(framework) == TOP_LEVEL_KEYS
    assert framework["id"] == "nextround-core"
    assert framework["version"] == 1
    for key in ("id", "name", "source", "description"):
        assert isinstance(framework[key], str)
        assert framework[key].strip()


def test_exactly_the_expected_competencies_in_order(competencies: list[dict[str, Any]]) -> None:
    ids = [comp["id"] for comp in competencies]
    assert len(competencies) == 29
    assert len(set(ids)) == len(ids)
    assert ids == EXPECTED_IDS


def test_names(competencies: list[dict[str, Any]]) -> None:
    assert {comp["id"]: comp["name"] for comp in competencies} == EXPECTED_NAMES


@pytest.mark.parametrize("competency_id", EXPECTED_IDS)
def test_competency_fields_and_counts(
    competencies: list[dict[str, Any]], competency_id: str
) -> None:
    comp = next(c for c in competencies if c["id"] == competency_id)
    assert set(comp) == COMPETENCY_KEYS
    for key in ("id", "name", "description"):
        assert isinstance(comp[key], str)
        assert comp[key].strip()
    assert len(comp["description"].split()) >= 25, "description should be two or three sentences"
    for key, (low, high) in LIST_RANGES.items():
        items = comp[key]
        assert isinstance(items, list), key
        assert low <= len(items) <= high, f"{competency_id}.{key} has {len(items)} items"
        for item in items:
            assert isinstance(item, str), f"{competency_id}.{key}: {item!r} is not a string"
            assert item.strip(), f"{competency_id}.{key} has an empty string"
            assert item == item.strip()


@pytest.mark.parametrize("key", ["indicators", "missing_signs", "practice"])
def test_list_items_are_single_sentences(competencies: list[dict[str, Any]], key: str) -> None:
    for comp in competencies:
        for item in comp[key]:
            assert item.endswith("."), f"{comp['id']}.{key}: {item!r}"
            assert len(SENTENCE_SPLIT.split(item)) == 1, f"{comp['id']}.{key}: {item!r}"


def test_questions_read_as_questions_or_prompts(competencies: list[dict[str, Any]]) -> None:
    for comp in competencies:
        for question in comp["questions"]:
            assert question.endswith(("?", ".")), f"{comp['id']}: {question!r}"


def test_no_duplicate_items(framework: dict[str, Any]) -> None:
    counts = Counter(_normalise(text) for text in _all_texts(framework))
    duplicates = [text for text, n in counts.items() if n > 1]
    assert not duplicates


def test_no_duplicate_sentences(framework: dict[str, Any]) -> None:
    sentences = [
        _normalise(sentence)
        for text in _all_texts(framework)
        for sentence in SENTENCE_SPLIT.split(text)
        if len(sentence.split()) >= MIN_WORDS_FOR_UNIQUE_SENTENCE
    ]
    duplicates = [s for s, n in Counter(sentences).items() if n > 1]
    assert not duplicates


def test_british_spelling(framework: dict[str, Any]) -> None:
    found = sorted(
        {m.group(0) for text in _all_texts(framework) for m in AMERICAN_SPELLINGS.finditer(text)}
    )
    assert not found


def test_loads_into_domain_types(competencies: list[dict[str, Any]]) -> None:
    built = [
        Competency(
            id=c["id"],
            name=c["name"],
            description=c["description"],
            indicators=tuple(c["indicators"]),
            missing_signs=tuple(c["missing_signs"]),
            questions=tuple(c["questions"]),
            practice=tuple(c["practice"]),
        )
        for c in competencies
    ]
    assert [c.id for c in built] == EXPECTED_IDS
