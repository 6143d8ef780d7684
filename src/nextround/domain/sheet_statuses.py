"""A spreadsheet's Status cell ("ghosted", "rejected after OA") as how the application ended."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nextround.domain.journey import OfferResponse, Outcome


@dataclass(frozen=True)
class StatusMeaning:
    """What a status says: an ending (with an offer's answer), or None: the process is open."""

    outcome: Outcome | None
    offer_response: OfferResponse | None = None


OPEN = StatusMeaning(None)
_NO_RESPONSE = StatusMeaning(Outcome.NO_RESPONSE)
_REJECTION = StatusMeaning(Outcome.REJECTION)
_WITHDRAWAL = StatusMeaning(Outcome.WITHDRAWAL)
_OFFER = StatusMeaning(Outcome.OFFER, OfferResponse.PENDING)

#: The words a status starts with, and what they mean; the longest start that fits wins,
#: so "offer declined" is not read as an offer still to answer. "Declined" alone is left
#: out: in a sheet it is as often the company's no as the person's own.
_STARTS: dict[tuple[str, ...], StatusMeaning] = {
    **dict.fromkeys(
        [("ghosted",), ("no", "response"), ("no", "reply"), ("no", "answer"), ("silence",),
         ("never", "heard", "back")],
        _NO_RESPONSE,
    ),
    **dict.fromkeys(
        [("rejected",), ("rejection",), ("unsuccessful",), ("not", "successful"),
         ("declined", "by", "them"), ("declined", "by", "employer"),
         ("declined", "by", "company")],
        _REJECTION,
    ),
    **dict.fromkeys([("withdrawn",), ("withdrew",), ("withdrawal",)], _WITHDRAWAL),
    **dict.fromkeys([("offer",), ("offered",), ("offer", "received"), ("got", "offer")], _OFFER),
    **dict.fromkeys(
        [("offer", "accepted"), ("accepted",), ("accepted", "offer")],
        StatusMeaning(Outcome.OFFER, OfferResponse.ACCEPTED),
    ),
    **dict.fromkeys(
        [("offer", "declined"), ("declined", "offer"), ("turned", "down", "offer")],
        StatusMeaning(Outcome.OFFER, OfferResponse.DECLINED),
    ),
    **dict.fromkeys(
        [("applied",), ("in", "progress"), ("interviewing",), ("interview",), ("interviews",),
         ("oa",), ("oa", "sent"), ("online", "test"), ("online", "assessment"), ("pending",),
         ("waiting",), ("open",), ("active",), ("screening",), ("assessment", "centre"),
         ("assessment", "center"), ("final", "round"), ("to", "hear", "back"),
         ("submitted",)],
        OPEN,
    ),
}  # fmt: skip
_LONGEST = max(len(start) for start in _STARTS)


def status_words(text: str) -> tuple[str, ...]:
    """'Rejected (after OA)' as ('rejected', 'after', 'oa'); 'no-response' as ('no', 'response')."""
    return tuple(re.findall(r"[a-z]+", text.lower()))


def status_meaning(text: str) -> StatusMeaning | None:
    """How the status ``text`` says the application ended; OPEN for a blank or a live one.

    None when the words are not known: the caller keeps such an application open and says
    so, rather than guessing at an ending.
    """
    words = status_words(text)
    if not words:
        return OPEN
    for size in range(min(_LONGEST, len(words)), 0, -1):
        meaning = _STARTS.get(words[:size])
        if meaning is not None:
            return meaning
    return None


def says_only(text: str) -> bool:
    """Whether the status is just the words of its meaning ("Rejected"), nothing more to keep."""
    return status_words(text) in _STARTS
