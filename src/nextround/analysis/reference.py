"""A reference corpus of knowledge-work behaviours: the built-in framework's own sentences.

nextround's built-in framework was written for nextround: 25 competencies, each with a
description, behaviour indicators, signs of a gap, interview questions and practice ideas.
For the semantic mapper those sentences are an unlabelled sample of what feedback and
interview questions sound like, whatever framework the user maps onto. The mapper uses it
to centre statements on their own typical direction, to borrow the built-in competencies'
sentences for related competencies of an imported framework, and to learn how strongly each
competency attracts generic statements.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from nextround.analysis.text_normalise import (
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
    sentences: tuple[str, ...]  # normalised as statements are before they are embedded
    owners: tuple[int, ...]  # index into names, one per sentence; sorted


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
    seen: set[str] = set()
    for i, comp in enumerate(framework.competencies):
        for text in competency_sentences(comp, practice=True):
            normalised = normalise_statement(text)
            if normalised not in seen:
                seen.add(normalised)
                sentences.append(normalised)
                owners.append(i)
    return ReferenceCorpus(
        names=tuple(c.name for c in framework.competencies),
        cards=tuple(f"{c.name}. {c.description}".strip() for c in framework.competencies),
        sentences=tuple(sentences),
        owners=tuple(owners),
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
