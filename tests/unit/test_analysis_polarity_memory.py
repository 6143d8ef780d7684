"""The polarity the user confirmed carries over to near-identical statements, and no further."""

import numpy as np

from nextround.analysis.polarity import read_polarity
from nextround.analysis.polarity_memory import PolarityMemory
from nextround.domain.competency import Polarity, PolarityExample

STRENGTH, GAP, NEUTRAL = Polarity.STRENGTH, Polarity.GAP, Polarity.NEUTRAL
EYEBROWS = "Your SQL exercise raised a few eyebrows."


def _recall(memory: PolarityMemory, text: str, vectors=None):
    (reading,) = memory.recall([text], [read_polarity(text)], vectors)
    return reading


def test_a_correction_carries_over_to_a_reworded_statement_and_says_why():
    assert read_polarity(EYEBROWS).polarity is NEUTRAL  # the reader misses it
    memory = PolarityMemory([PolarityExample(EYEBROWS, GAP)])
    reading = _recall(memory, "Her SQL exercise raised a few eyebrows, I think.")
    assert reading.polarity is GAP
    assert reading.cues[0] == (
        "your review: you confirmed a near-identical statement as a gap "
        "('Your SQL exercise raised a few eyebrows.')"
    )
    assert 0.6 < reading.confidence <= 0.9


def test_the_same_words_in_another_order_are_another_statement():
    memory = PolarityMemory([PolarityExample("The team relied on her for pricing.", GAP)])
    assert _recall(memory, "She relied on the team for pricing.").polarity is NEUTRAL


def test_an_example_the_reader_reads_otherwise_does_not_vote():
    # Near in words, but the negation changes the reading: the example says nothing of it.
    memory = PolarityMemory([PolarityExample("Your answers were clear.", NEUTRAL)])
    assert _recall(memory, "Your answers were not clear.").polarity is GAP


def test_without_a_clear_majority_the_reading_stays():
    memory = PolarityMemory(
        [
            PolarityExample("Her SQL exercise raised a few eyebrows.", GAP),
            PolarityExample("His SQL exercise raised a few eyebrows.", STRENGTH),
        ]
    )
    assert _recall(memory, EYEBROWS).polarity is NEUTRAL


def test_the_latest_verdict_on_a_text_counts_once():
    memory = PolarityMemory([PolarityExample(EYEBROWS, STRENGTH), PolarityExample(EYEBROWS, GAP)])
    assert len(memory) == 1
    assert _recall(memory, EYEBROWS).polarity is GAP


def test_a_statement_of_the_same_meaning_in_other_words_follows_the_example():
    same = np.ones((1, 4), dtype=np.float32) / 2.0  # unit length: cosine 1 with itself
    memory = PolarityMemory([PolarityExample(EYEBROWS, GAP)], embed=lambda texts: same)
    text = "People raised eyebrows at the SQL exercise you did."
    assert read_polarity(text).polarity is not GAP
    assert _recall(memory, text, same).polarity is GAP
    # Far in meaning, the words are not even compared.
    other = np.asarray([[0.5, -0.5, 0.5, -0.5]], dtype=np.float32)
    assert _recall(memory, "Her SQL exercise raised a few eyebrows.", other).polarity is NEUTRAL


def test_no_examples_change_nothing():
    reading = read_polarity(EYEBROWS)
    assert PolarityMemory([]).recall([EYEBROWS], [reading]) == [reading]
