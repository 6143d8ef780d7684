import json
import re
from importlib import resources

import pytest

from nextround.analysis.phrase_alternation import PhraseAlternation, required_words
from nextround.analysis.polarity_phrases import PHRASES
from nextround.analysis.polarity_scoring import _normalise


def alternation(sources: list[str]) -> re.Pattern[str]:
    """The one regex PhraseAlternation stands for: the oracle its matches must equal."""
    return re.compile(r"\b(?:" + "|".join(f"(?P<p{i}>{s})" for i, s in enumerate(sources)) + r")\b")


def found(sources: list[str], text: str) -> list[tuple[int, tuple[int, int]]]:
    return [(i, m.span()) for i, m in PhraseAlternation(sources).finditer(text)]


def expected(sources: list[str], text: str) -> list[tuple[int, tuple[int, int]]]:
    return [(int(m.lastgroup[1:]), m.span()) for m in alternation(sources).finditer(text)]  # type: ignore[index]


@pytest.mark.parametrize(
    ("source", "needles"),
    [
        ("needs more structure", {"needs more structure"}),
        # A quantifier repeats one character: "ab+" always has "ab", "colou?r" has "colo".
        ("colou?r", {"colo"}),
        ("ab+c", {"ab"}),
        ("x(?:kept|keeps?) aligned", {" aligned"}),
        ("(?:kept|held) on track", {" on track"}),
        ("(?:could|can) do", {"could", "can"}),
        ("(?:very )?(?:clear|crisp)", {"clear", "crisp"}),
        ("(?:great|good)(?! deal)", {"great", "good"}),
        ("(?<!not )(?:strong)", {"strong"}),
        (r"(?:good|fine)\b \w+ work", {" work"}),
        (r"it\'s", {"it's"}),
        ("(?:ab|cd){2,3}", {"ab", "cd"}),  # a group that must occur, repeated
        ("(?:ab|cd)*xyz", {"xyz"}),
    ],
)
def test_the_words_a_pattern_needs_are_read_from_its_source(source: str, needles: set[str]) -> None:
    assert required_words(source) == needles


@pytest.mark.parametrize(
    "source",
    [
        "(?:a|)b?",  # an empty branch: nothing is sure
        "(?i)good",  # inline flags
        r"(\w+) \1",  # a back-reference
        "[a-z]+",
        "a{x}",  # a brace that is no quantifier
    ],
)
def test_a_pattern_it_cannot_read_is_tried_on_every_text(source: str) -> None:
    assert required_words(source) is None


@pytest.mark.parametrize(
    ("sources", "text"),
    [
        (["ab", "abc"], "abc abd ab"),  # the first that also ends at a word boundary
        (["abc", "ab"], "abc ab"),
        (["c", "a b c"], "a b c c"),  # the leftmost start wins over the earlier pattern
        (["b c", "a b"], "a b c"),  # no overlaps: the search goes on after each match
        (["not", "not bad"], "not bad at all, not good"),
        (["z?", "b"], "a b"),  # a pattern that matches empty: the engine's own rules
        ([r"(?<=very )good", "good"], "very good and good"),
    ],
)
def test_matches_are_those_of_the_one_alternation(sources: list[str], text: str) -> None:
    assert found(sources, text) == expected(sources, text)


def test_the_polarity_phrases_match_as_their_alternation_does() -> None:
    """Every sentence of the shipped behaviour library, read as the polarity reader does."""
    library = json.loads(
        resources.files("nextround.analysis").joinpath("behaviour_library.json").read_text()
    )
    texts = [
        _normalise(str(text))
        for concept in library["concepts"]
        for field in ("shows", "lacks", "feedback")
        for text in concept.get(field, ())
    ]
    sources = [source for _, _, source in PHRASES]
    whole = alternation(sources)
    phrases = PhraseAlternation(sources)
    matched = 0
    for text in texts:
        want = [(int(m.lastgroup[1:]), m.span()) for m in whole.finditer(text)]  # type: ignore[index]
        assert [(i, m.span()) for i, m in phrases.finditer(text)] == want, text
        matched += len(want)
    assert matched > 100  # the sentences exercise the phrases, not just their absence
