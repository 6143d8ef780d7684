"""How the record's codes read as words, as the command line's tables show them."""

from __future__ import annotations

from enum import Enum

#: Codes whose words are a name, spelled as their owner spells it (the web uses them too).
NAMES = {"linkedin": "LinkedIn"}


def words(value: Enum | str) -> str:
    """A code as words for people to read: careers_page -> careers page, linkedin -> LinkedIn.

    For what leaves the tool (the CSV proof of search, the calendar), read by people who
    never saw its codes, such as a job-centre caseworker.
    """
    raw = str(value.value if isinstance(value, Enum) else value)
    return NAMES.get(raw, raw.replace("_", " "))
