"""The article before a phrase, by how its first word sounds: "a User Researcher", "an SRE"."""

from __future__ import annotations

import re

# Vowel letters sounded as a consonant: "a user", "a European", "a one-off", "a UX lead".
_CONSONANT_SOUND = re.compile(r"^(?:u[bcdfgklmnprstvz][aeiouy]|uni|eu|ew|one\b|once\b|ufo)", re.I)
# A silent h: "an hour", "an honest".
_VOWEL_SOUND = re.compile(r"^(?:hour|honest|honou?r|heir)", re.I)
# Letters said by name: "an SRE", "an MBA", "an HR partner" but "a UX", "a QA".
_LETTER_SOUNDS_VOWEL = frozenset("AEFHILMNORSX")


def indefinite(phrase: str) -> str:
    """The phrase with "a" or "an" before it, as it is said aloud."""
    word = phrase.split(maxsplit=1)[0] if phrase.split() else ""
    letters = re.sub(r"[^A-Za-z]", "", word)
    if not letters:
        return f"a {phrase}"
    # An acronym is read letter by letter: its first letter's name decides.
    if len(letters) > 1 and letters.isupper() and len(letters) <= 4:
        return f"{'an' if letters[0] in _LETTER_SOUNDS_VOWEL else 'a'} {phrase}"
    if _VOWEL_SOUND.match(letters):
        return f"an {phrase}"
    if letters[0].lower() in "aeiou" and not _CONSONANT_SOUND.match(word.lstrip("“\"'(")):
        return f"an {phrase}"
    return f"a {phrase}"
