"""A sheet's Status words as how an application ended, or open, or not known."""

from __future__ import annotations

import pytest

from nextround.domain.journey import OfferResponse, Outcome
from nextround.domain.sheet_statuses import says_only, status_meaning


@pytest.mark.parametrize(
    ("said", "outcome", "response"),
    [
        ("ghosted", Outcome.NO_RESPONSE, None),
        ("No response", Outcome.NO_RESPONSE, None),
        ("no reply", Outcome.NO_RESPONSE, None),
        ("no-response", Outcome.NO_RESPONSE, None),
        ("rejected", Outcome.REJECTION, None),
        ("Rejected after OA", Outcome.REJECTION, None),
        ("rejected (after AC)", Outcome.REJECTION, None),
        ("Unsuccessful", Outcome.REJECTION, None),
        ("declined by them", Outcome.REJECTION, None),
        ("withdrawn", Outcome.WITHDRAWAL, None),
        ("withdrew - not tech enough", Outcome.WITHDRAWAL, None),
        ("Offer", Outcome.OFFER, OfferResponse.PENDING),
        ("offer accepted", Outcome.OFFER, OfferResponse.ACCEPTED),
        ("offer declined", Outcome.OFFER, OfferResponse.DECLINED),
    ],
)
def test_an_ending_is_read_from_the_words_it_starts_with(said, outcome, response) -> None:
    meaning = status_meaning(said)
    assert meaning is not None
    assert (meaning.outcome, meaning.offer_response) == (outcome, response)


@pytest.mark.parametrize(
    "said", ["", "  ", "applied", "In progress", "interviewing", "OA sent", "assessment centre"]
)
def test_a_blank_or_live_status_leaves_the_process_open(said: str) -> None:
    meaning = status_meaning(said)
    assert meaning is not None and meaning.outcome is None


@pytest.mark.parametrize("said", ["on hold", "talent pool", "declined", "maybe"])
def test_words_not_known_are_not_guessed_at(said: str) -> None:
    # "declined" alone could be the company's no or the person's own: not guessed.
    assert status_meaning(said) is None


def test_only_a_status_that_says_more_than_its_ending_is_worth_keeping() -> None:
    assert says_only("Rejected") and says_only("no response")
    assert not says_only("rejected after AC")
