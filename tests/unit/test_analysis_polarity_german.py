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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What won the reviewers over is praise; denied, criticism.
        ("Ihre Erfahrung im Aufbau von Teams hat uns überzeugt.", STRENGTH),
        ("Ihr Auftritt hat das Team begeistert.", STRENGTH),
        ("Wir waren sehr beeindruckt von Ihrer Präsentation.", STRENGTH),
        ("Die Fallstudie überzeugte uns.", STRENGTH),
        ("Ihre Erfahrung hat uns leider nicht überzeugt.", GAP),
        ("Die Fallstudie überzeugte uns nicht.", GAP),
        ("Die Präsentation war nicht überzeugend.", GAP),
    ],
)
def test_being_won_over_reads_as_praise_and_its_denial_as_criticism(text, expected):
    assert read_polarity(text, feedback=True).polarity is expected


@pytest.mark.parametrize(
    "text",
    [
        "Hallo Marta, vielen Dank für das Gespräch.",
        "Liebe Marta, vielen Dank für das nette Gespräch.",
        "Sehr geehrte Frau Vogel, herzlichen Dank für Ihre Zeit.",
        "Wir bedanken uns für das Gespräch.",
        "Viele Grüße",
        # The invitation to the next round reports the decision, as in English.
        "Wir würden Sie gerne zur nächsten Runde einladen.",
        "Wir möchten Sie gerne zur nächsten Runde einladen.",
        "Wir möchten dich zum finalen Gespräch einladen.",
        "Wir freuen uns, Sie zum Vor-Ort-Termin einzuladen.",
        "Sie sind eine Runde weiter.",
    ],
)
def test_german_greetings_thanks_and_invitations_are_set_aside(text):
    assert split_statements(text) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Hallo Marta, vielen Dank für das Gespräch, Ihre Präsentation war leider zu "
            "oberflächlich.",
            "Ihre Präsentation war leider zu oberflächlich.",
        ),
        (
            "Wir würden Sie gerne zur nächsten Runde einladen, aber Ihre Antworten waren zu lang.",
            "Ihre Antworten waren zu lang.",
        ),
        ("Hi Marta, thanks for the chat, your demo was too shallow.", "your demo was too shallow."),
    ],
)
def test_feedback_after_german_courtesy_is_kept(text, kept):
    assert [s.text for s in split_statements(text)] == [kept]


def test_thanks_listing_more_thanks_after_a_comma_is_all_thanks():
    assert split_statements("Thanks for your time, your patience and your interest.") == []
