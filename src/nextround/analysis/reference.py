"""Reference corpora of workplace behaviours: the built-in framework and the behaviour library.

nextround's built-in framework was written for nextround: 29 competencies, each with a
description, behaviour indicators, signs of a gap, interview questions and practice ideas.
For the semantic mapper those sentences are an unlabelled sample of what feedback and
interview questions sound like, whatever framework the user maps onto. The mapper uses it
to centre statements on their own typical direction, to borrow the built-in competencies'
sentences for related competencies of an imported framework, and to learn how strongly each
competency attracts generic statements.

The behaviour library (behaviour_library.json) is a second, broader corpus written for the
same purpose: 89 general workplace-behaviour concepts (values, public service, cost
consciousness, safety and so on, well beyond the built-in 29), each with alternative labels,
a description, positive and negative indicators, interview questions and feedback sentences.
It is never shown to users; its sentences are lent to the imported competencies whose name and
description resemble a concept's name, labels and description.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from nextround.analysis.text_normalise import (
    is_question,
    normalise_statement,
    split_sentences,
    strip_question_stem,
)
from nextround.domain.competency import Competency, Framework

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReferenceCorpus:
    """Sentences grouped by the competency they were written for, in embedding form."""

    names: tuple[str, ...]  # one per reference competency
    cards: tuple[str, ...]  # "Name. Description", one per reference competency
    # Normalised as statements are before they are embedded, but with their grading words
    # ("strong", "good"): see MapperSettings.strip_grades.
    sentences: tuple[str, ...]
    owners: tuple[int, ...]  # index into names, one per sentence; sorted
    # True where the sentence was written as an interview question, one per sentence.
    questions: tuple[bool, ...] = ()
    # Other names each competency goes by (the library's also_known_as), one tuple each.
    labels: tuple[tuple[str, ...], ...] = ()

    def __add__(self, other: ReferenceCorpus) -> ReferenceCorpus:
        """Both corpora as one; other's owners are shifted past self's competencies."""
        shift = len(self.names)
        return ReferenceCorpus(
            names=self.names + other.names,
            cards=self.cards + other.cards,
            sentences=self.sentences + other.sentences,
            owners=self.owners + tuple(o + shift for o in other.owners),
            questions=self.questions + other.questions,
            labels=self.labels + other.labels,
        )


def competency_sentences(competency: Competency, *, practice: bool = False) -> list[str]:
    """Description sentences, indicators, gap signs and (stem-free) questions, de-duplicated."""
    texts = [*split_sentences(competency.description), *competency.indicators]
    texts += [*competency.missing_signs, *(strip_question_stem(q) for q in competency.questions)]
    if practice:
        texts += competency.practice
    return list(dict.fromkeys(t.strip() for t in texts if t.strip()))


def reference_corpus(framework: Framework) -> ReferenceCorpus:
    """A framework's sentences, practice ideas included, as a reference corpus."""
    sentences: list[str] = []
    owners: list[int] = []
    questions: list[bool] = []
    seen: set[str] = set()
    for i, comp in enumerate(framework.competencies):
        asked = {strip_question_stem(q).strip() for q in comp.questions}
        for text in competency_sentences(comp, practice=True):
            normalised = normalise_statement(text, keep_grades=True)
            if normalised not in seen:
                seen.add(normalised)
                sentences.append(normalised)
                owners.append(i)
                questions.append(text in asked)
    return ReferenceCorpus(
        names=tuple(c.name for c in framework.competencies),
        cards=tuple(f"{c.name}. {c.description}".strip() for c in framework.competencies),
        sentences=tuple(sentences),
        owners=tuple(owners),
        questions=tuple(questions),
        labels=tuple(() for _ in framework.competencies),
    )


@cache
def builtin_reference() -> ReferenceCorpus | None:
    """The built-in framework as a reference corpus, or None if it cannot be read."""
    from nextround.errors import NextroundError

    try:
        from nextround.frameworks.files import builtin_framework

        return reference_corpus(builtin_framework())
    except (ImportError, OSError, ValueError, NextroundError) as exc:  # a broken install
        log.warning("semantic mapper: no reference corpus (%s)", exc)
        return None


LIBRARY_FIELDS = ("shows", "lacks", "feedback", "questions")


def library_corpus(data: Any) -> ReferenceCorpus:
    """A behaviour library document ({"concepts": [...]}) as a reference corpus.

    A concept's card is its name, alternative labels and description; its sentences are its
    positive and negative indicators, feedback sentences and questions, normalised as
    statements are.
    """
    names: list[str] = []
    cards: list[str] = []
    labels: list[tuple[str, ...]] = []
    sentences: list[str] = []
    owners: list[int] = []
    questions: list[bool] = []
    seen: set[str] = set()
    for i, concept in enumerate(data["concepts"]):
        name = str(concept["name"]).strip()
        also = tuple(str(a).strip() for a in concept.get("also_known_as", ()))
        description = " ".join(str(concept.get("description", "")).split())
        names.append(name)
        labels.append(also)
        cards.append(
            f"{name} ({', '.join(also)}). {description}" if also else f"{name}. {description}"
        )
        for field in LIBRARY_FIELDS:
            for text in concept.get(field, ()):
                normalised = normalise_statement(str(text), keep_grades=True)
                if normalised not in seen:
                    seen.add(normalised)
                    sentences.append(normalised)
                    owners.append(i)
                    questions.append(field == "questions" or is_question(str(text)))
    return ReferenceCorpus(
        names=tuple(names),
        cards=tuple(cards),
        sentences=tuple(sentences),
        owners=tuple(owners),
        questions=tuple(questions),
        labels=tuple(labels),
    )


@cache
def library_reference() -> ReferenceCorpus | None:
    """The behaviour library shipped with nextround, or None if it cannot be read."""
    try:
        # JSON rather than YAML: this is read on every cold start, and parsing it is ~200x
        # faster (0.3 ms against 60 ms for the YAML it was written in).
        text = resources.files("nextround.analysis").joinpath("behaviour_library.json")
        return library_corpus(json.loads(text.read_text("utf-8")))
    except (ImportError, OSError, ValueError, KeyError, TypeError) as exc:  # a broken install
        log.warning("semantic mapper: no behaviour library (%s)", exc)
        return None
