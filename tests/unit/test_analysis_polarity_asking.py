"""One list of the verbs that ask for a change, read the same by advice and imperatives."""

import re

import pytest

from nextround.analysis.polarity_advice import ADVICE_PHRASES
from nextround.analysis.polarity_asking import ASKING_VERBS
from nextround.analysis.polarity_imperative import imperative_span


def _advice_to_the_person() -> re.Pattern[str]:
    """The advice phrase for an imperative that names the person ("bring one story you ...")."""
    [source] = [s for kind, _, s in ADVICE_PHRASES if kind == "advice" and r"\byou(?:r" in s]
    return re.compile(source)


@pytest.mark.parametrize("verb", sorted(ASKING_VERBS))
def test_every_asking_verb_asks_both_as_advice_and_as_an_imperative(verb):
    text = f"{verb.capitalize()} your answers more next time."
    assert _advice_to_the_person().match(text.lower()), verb
    assert imperative_span(text) is not None, verb


@pytest.mark.parametrize(
    "text", ["Look forward to seeing you.", "Take care of yourself.", "Get in touch with you."]
)
def test_courtesy_in_the_imperative_is_no_advice_to_the_person(text):
    assert not _advice_to_the_person().match(text.lower())
    assert imperative_span(text) is None
