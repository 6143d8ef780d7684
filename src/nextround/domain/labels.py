"""How the record's codes read as words, as the command line's tables show them."""

from __future__ import annotations

from enum import Enum

#: Codes whose words are a name, spelled as their owner spells it (the web uses them too).
NAMES = {"linkedin": "LinkedIn"}
#: Codes whose words say more than the code: the round kind "panel" is a panel interview
#: ("panel (video)" in a caseworker's CSV could be anything). Lower case, as words() gives.
PHRASES = {"panel": "panel interview"}
#: As PHRASES, for a code whose words depend on what it is a code of: the round kind
#: "presentation" is a portfolio review too (and a mock pitch), the interview format of that
#: name is not; the round kind "case" is a role play too, the interview format is not.
#: Keyed by the enum's class name, as a StrEnum member and its value are one dict key.
KIND_PHRASES = {
    ("RoundKind", "presentation"): "presentation / portfolio review",
    ("RoundKind", "assessment"): "online assessment",
    # A sales role play or mock call is worked through like a case (QA14 F8).
    ("RoundKind", "case"): "case / role play",
}


def phrase_of(value: Enum | str) -> str | None:
    """The words a code has of its own (PHRASES, KIND_PHRASES), or None."""
    raw = str(value.value if isinstance(value, Enum) else value)
    if isinstance(value, Enum) and (kind := KIND_PHRASES.get((type(value).__name__, raw))):
        return kind
    return PHRASES.get(raw)


def words(value: Enum | str) -> str:
    """A code as words for people to read: careers_page -> careers page, linkedin -> LinkedIn.

    For what leaves the tool (the CSV proof of search, the calendar), read by people who
    never saw its codes, such as a job-centre caseworker.
    """
    raw = str(value.value if isinstance(value, Enum) else value)
    return NAMES.get(raw) or phrase_of(value) or raw.replace("_", " ")


def capitalised(text: str) -> str:
    """A message starting with a capital, unless it starts with a file name or an id.

    "bad2.csv: line 2 …" and "acme_lp is not …" name things as the user wrote them;
    capitalising those would name a file or id that does not exist. A hyphen alone does
    not make an id: "must-have 'x' …" is a sentence.
    """
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if any(ch in first for ch in "./\\_`'\"") or any(ch.isdigit() for ch in first):
        return text
    return text[:1].upper() + text[1:]
