"""Text clearly not in English is told apart; short, named or jargon-heavy English is not."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from nextround.analysis import language
from nextround.analysis.language import english_only_note, language_name, not_english, what_is_read


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Votre communication était excellente.", "fr"),
        ("Très bonne présentation, mais peu structurée.", "fr"),
        ("Ihre Kommunikation war ausgezeichnet.", "de"),
        ("Su comunicación fue excelente.", "es"),
        ("Muy buen trabajo con los datos, pero le faltó estructura.", "es"),
        ("Sua comunicação foi excelente.", "pt"),
        ("Zijn communicatie was uitstekend.", "nl"),
        ("Ваша коммуникация была отличной.", "ru"),
        ("コミュニケーションは素晴らしかった。", "ja"),
        ("沟通能力很强，但缺乏结构。", "zh"),
    ],
)
def test_feedback_in_another_language_is_named(text: str, code: str) -> None:
    assert not_english(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "Great job.",
        "Lacked structure",
        "Team player!",
        "Stakeholder engagement",  # the identifier alone says Danish
        "Zoë Okafor",
        "Łukasz Wiśniewski",  # a Polish name: Polish to the identifier, at 0.99
        "Marloes van der Berg",
        "Thanks, Inés",
        "CI/CD, k8s, SLOs",
        "OKRs, KPIs, P&L ownership, SRE",
        "SRE, SLIs/SLOs, on-call rotations, incident postmortems",
        "Strong on ML infra (PyTorch, CUDA, Triton).",
        "Kubernetes, Terraform, Helm, ArgoCD experience needed",
        "Needs more depth: Kafka, Flink, Spark Streaming",
        "Solid SQL; weak system design; good rapport.",
        "Strong communicator, but the whiteboard flow lacked structure.",
        "Merci beaucoup",  # too short to be sure of anything
        "",
    ],
)
def test_english_short_named_or_full_of_jargon_is_not_flagged(text: str) -> None:
    assert not_english(text) is None


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_none_of_the_english_texts_nextround_ships_is_flagged() -> None:
    """Thousands of real English texts: definitions, indicators, the demo's feedback."""
    shipped = [
        ("nextround.frameworks", "builtin.yaml"),
        ("nextround.analysis", "behaviour_library.json"),
        ("nextround.data", "demo_journey.yaml"),
    ]
    texts = [
        text
        for package, name in shipped
        for text in _strings(yaml.safe_load(resources.files(package).joinpath(name).read_text()))
    ]
    assert len(texts) > 4000
    assert [t for t in texts if not_english(t)] == []


def test_text_that_reads_as_english_never_loads_the_identifier(monkeypatch) -> None:
    def refuse() -> None:
        raise AssertionError("the identifier was loaded")

    monkeypatch.setattr(language, "_identifier", refuse)
    assert not_english("The migration plan had no owner for the riskiest step.") is None
    assert not_english("She was great with the panel, and they said so.") is None


def test_languages_are_named_or_given_by_their_code() -> None:
    assert language_name("fr") == "French"
    assert language_name("bcl") == "language 'bcl'"


def test_notes_say_what_is_read_of_german_and_french_feedback_and_nothing_more() -> None:
    # Common German and French praise and criticism is read (polarity_german,
    # polarity_french); mapping is English.
    assert what_is_read("de", feedback=True) == (
        "nextround reads only common German words of praise and criticism and maps English only"
    )
    assert what_is_read("de", feedback=False) == "nextround reads English only"
    assert what_is_read("fr", feedback=True) == (
        "nextround reads only common French words of praise and criticism and maps English only"
    )
    assert what_is_read("es", feedback=True) == "nextround reads English only"
    note = english_only_note(
        "Ihr Portfolio hat uns gefallen, aber die Recherche war zu dünn.",
        "feedback",
        "its statements may be read as neutral and mapped wrongly",
        feedback=True,
    )
    assert note is not None and "common German words of praise and criticism" in note
