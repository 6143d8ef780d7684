"""The one-line pointer to importing a framework when the one in use has no home for feedback."""

from __future__ import annotations

from nextround.domain.competency import Competency, CompetencyMatch, Framework, Polarity
from nextround.frameworks.files import BUILTIN_ID
from nextround.services.framework_fit import (
    fits_nowhere,
    how_to_import,
    no_fit_note,
    none_fits_note,
)

ONE = (Competency(id="risk", name="Risk", description="Seeing risk."),)
BUILTIN = Framework(id=BUILTIN_ID, name="nextround core", competencies=ONE)
MINE = Framework(id="acme", name="Acme principles", competencies=ONE)
WEAK = [CompetencyMatch("risk", 0.12)]
FAIR = [CompetencyMatch("risk", 0.31)]


def test_a_judgement_with_no_or_a_very_weak_fit_fits_nowhere() -> None:
    assert fits_nowhere(Polarity.STRENGTH, [])
    assert fits_nowhere(Polarity.GAP, WEAK)
    assert not fits_nowhere(Polarity.GAP, FAIR)
    # Vague feedback in the framework's own field is weak, not homeless.
    assert not fits_nowhere(Polarity.GAP, [CompetencyMatch("risk", 0.16)])
    # Courtesy and talk about the process are no framework's business.
    assert not fits_nowhere(Polarity.NEUTRAL, [])


def test_the_note_is_said_once_for_a_paste_and_names_the_framework() -> None:
    read = [(Polarity.STRENGTH, []), (Polarity.GAP, WEAK), (Polarity.GAP, FAIR)]
    note = no_fit_note(BUILTIN, read)
    assert note == (
        "Nothing in the built-in framework fits 2 of these statements well. If your field has "
        "its own skills, import a framework for it"
    )
    assert "fits one of these statements" in (no_fit_note(MINE, read[:1]) or "")
    assert no_fit_note(BUILTIN, [(Polarity.GAP, FAIR), (Polarity.NEUTRAL, [])]) is None
    assert "built-in framework" in none_fits_note(BUILTIN)


def test_word_matching_counts_only_a_judgement_with_no_suggestion_at_all() -> None:
    # The fallback's shares are no calibrated confidence: one shared word is a small share.
    assert not fits_nowhere(Polarity.GAP, WEAK, by_words=True)
    assert fits_nowhere(Polarity.GAP, [], by_words=True)
    assert no_fit_note(BUILTIN, [(Polarity.GAP, WEAK)], by_words=True) is None


def test_on_an_imported_framework_the_note_says_review_or_add_a_competency_not_import_one() -> None:
    # QA20 F5: "import a framework for it" read as if she had imported the wrong thing.
    read = [(Polarity.GAP, WEAK)]
    note = no_fit_note(MINE, read, review_how=" with `nextround feedback review`")
    assert note == (
        "Nothing in “Acme principles” fits one of these statements well: review it with "
        "`nextround feedback review`, as about the competency meant or about none. If "
        "“Acme principles” lacks a skill your field needs, add a competency for it to its "
        "file and import the file again in its place"
    )
    assert "review them," in (no_fit_note(MINE, read * 2) or "")
    assert "import a framework" not in none_fits_note(MINE)
    assert none_fits_note(MINE).startswith("If it names a skill “Acme principles” lacks, add")
    # Imported again under its own id, so what is mapped onto it stays.
    assert how_to_import(MINE) == "nextround framework import FILE --id acme --replace"
    assert how_to_import(BUILTIN) == "nextround framework import FILE"
