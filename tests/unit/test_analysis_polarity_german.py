"""Common German praise and criticism read as a strength or a gap, and "aber" as a contrast."""

import pytest

from nextround.analysis.clauses import contrast_clauses
from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity

GAP, STRENGTH, NEUTRAL = Polarity.GAP, Polarity.STRENGTH, Polarity.NEUTRAL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sehr gute Präsentation, klar strukturiert.", STRENGTH),
        ("Ihr Portfolio hat uns gefallen.", STRENGTH),
        ("Ihre Fallstudie war überzeugend und sehr gut vorbereitet.", STRENGTH),
        ("Die Kommunikation war stark.", STRENGTH),
        ("Leider fehlte uns die Tiefe bei der Nutzerforschung.", GAP),
        ("Die Recherche war zu dünn.", GAP),
        ("Dein Portfolio war für diese Rolle zu wenig auf Forschung ausgerichtet.", GAP),
        ("Die Nutzerforschung war nicht ausreichend.", GAP),
        ("Wir hätten uns mehr Tiefe bei der Recherche gewünscht.", GAP),
        ("Mehr Tiefe bei der Recherche wäre gut gewesen.", GAP),
        # Praise denied is criticism.
        ("Das Portfolio hat uns nicht gefallen.", GAP),
        ("Die Analyse war nicht überzeugend.", GAP),
        # "Leider" softens any news, as "unfortunately" does: it judges no one.
        ("Leider haben wir uns für eine andere Kandidatin entschieden.", NEUTRAL),
    ],
)
def test_common_german_feedback_reads_with_its_polarity(text, expected):
    assert read_polarity(text, feedback=True).polarity is expected


@pytest.mark.parametrize(
    "text",
    [
        # English words spelled like the German ones are no German praise.
        "There was a stark contrast between her two answers.",
        "The gut check on pricing happened in the second round.",
    ],
)
def test_english_look_alikes_are_not_read_as_german(text):
    assert read_polarity(text, feedback=True).polarity is NEUTRAL


def test_aber_after_a_comma_divides_praise_from_a_gap():
    sentence = "Ihr Portfolio hat uns gefallen, aber die Recherche war zu dünn."
    read = [
        (s.text, read_polarity(s.text, feedback=True).polarity) for s in split_statements(sentence)
    ]
    assert read == [
        ("Ihr Portfolio hat uns gefallen", STRENGTH),
        ("die Recherche war zu dünn.", GAP),
    ]
    # The clause after "aber" decides the whole, as after "but".
    assert read_polarity(sentence, feedback=True).polarity is GAP


def test_aber_without_a_comma_is_a_particle_not_a_contrast():
    assert len(contrast_clauses("Das war aber gut.")) == 1
    assert len(contrast_clauses("Das war gut, aber zu lang.")) == 2
