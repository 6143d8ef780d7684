"""A mixed French/English note: French "but" is no conjunction; common French forms are read."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.polarity_suggestion import suggested_readings
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity

# QA16 Q6: a mentor's note, half in French.
NOTE = (
    "Your board update was much clearer than in March — tu vas droit au but maintenant.\n"
    "Par contre, le business case manque encore de chiffres: il faut montrer l'impact sur "
    "le P&L."
)


def test_french_but_after_an_article_is_no_contrast():
    texts = [s.text for s in split_statements(NOTE)]
    assert texts[0].endswith("tu vas droit au but maintenant.")
    assert "maintenant." not in texts


@pytest.mark.parametrize("said", ["le but est clair", "dans le but de convaincre"])
def test_french_but_as_a_noun_keeps_the_sentence_whole(said):
    assert len(split_statements(f"Strong answers overall, {said}.")) == 1


def test_an_english_but_still_splits():
    assert len(split_statements("Strong structure, but the numbers were thin.")) == 2


def _suggested(text):
    statements = split_statements(text)
    readings = [read_polarity(s.text, heading=s.heading, feedback=True) for s in statements]
    return [
        (s.text, r.polarity)
        for s, r in zip(statements, suggested_readings(statements, readings), strict=True)
    ]


def test_a_one_word_fragment_after_praise_and_but_is_no_gap():
    *_, (text, polarity) = _suggested("Great energy in the room, but anyway.")
    assert text == "anyway." and polarity is Polarity.NEUTRAL


def test_a_clause_after_praise_and_but_is_still_a_gap():
    *_, (_, polarity) = _suggested("Great discovery, but you pitched features before the pain.")
    assert polarity is Polarity.GAP


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Par contre, le business case manque encore de chiffres.", Polarity.GAP),
        ("Il faut montrer l'impact sur le P&L.", Polarity.GAP),
        ("La structure était pas assez claire.", Polarity.GAP),
        ("Très bonne présentation au comité.", Polarity.STRENGTH),
        ("Tu as une vraie présence quand tu ralentis.", Polarity.STRENGTH),
    ],
)
def test_common_french_praise_and_criticism_are_read(text, polarity):
    assert read_polarity(text, feedback=True).polarity is polarity


@pytest.mark.parametrize(
    "text",
    [
        "Ines, super session aujourd'hui",
        "Super séance ce matin.",
        "Très bon entretien.",
        "Bravo pour la présentation.",
        "Excellent travail sur la démo.",
        "Excellente présentation au comité.",
    ],
)
def test_short_french_praise_to_the_person_is_a_strength(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is Polarity.STRENGTH, reading
    assert any(cue.startswith("praise:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    "text",
    ["Bon courage pour la suite.", "Bon week-end à toi.", "Super, à demain."],
)
def test_french_wishes_and_a_bare_super_praise_nothing(text):
    reading = read_polarity(text, feedback=True)
    assert not any(cue.startswith("praise:") for cue in reading.cues), reading.cues
