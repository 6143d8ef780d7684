"""Difficulty said of the person: "you found it hard to ...", "handling pushback was hard for you".

Feedback often names a gap as something the person found hard, with no flaw word: the
words after it ("persuade the product team", "handling pushback") are praise words and
read as a strength. Said of the person, a difficulty is a gap. Hard work, hard skills and
a hard problem tackled well name no difficulty of theirs and are left to the words.
"""

from __future__ import annotations

# How much harder or softer the difficulty was: "found it really hard", "a bit tricky".
_DEGREE = (
    r"(?:(?:quite|very|really|rather|particularly|somewhat|so|too|genuinely|noticeably|"
    r"clearly|visibly|more|a (?:bit|little|lot)(?: more)?|a little bit) )?"
)
# What was hard: an adjective, or a noun in "a challenge", "a real struggle".
_HARD = (
    r"(?:hard|harder|difficult|tough|challenging|tricky|awkward|uncomfortable|"
    r"an? (?:(?:real|big|bit of a|clear|genuine|particular|definite) )?(?:challenge|struggle|"
    r"stretch|weak spot|sticking point))"
)
# What it was to the person: a copula, so the thing found hard is its subject.
COPULA_WORDS = frozenset({
    "was", "were", "is", "are", "seemed", "seems", "felt", "feels", "proved", "looked",
    "looks", "appeared", "appears",
})  # fmt: skip
_COPULA = rf"(?:{'|'.join(sorted(COPULA_WORDS))})(?: to be)?"
# What the person is said to have found hard: "it", or a short noun phrase ("the stats
# question"); "a hard problem" is what they found, not how they found it.
_FOUND_WHAT = (
    r"(?:(?:it|this|that|them|these|those) |(?:the|this|that|your|some|parts of the) "
    r"(?:[\w-]+ ){1,3}?)"
)
# What the panel found hard to do is about the decision or praise: "hard to choose
# between you", "hard to fault".
_NOT_THE_PERSONS = (
    r"(?! to (?:choose|decide|pick|separate|split|differentiate|distinguish|fault|critici[sz]e|"
    r"find (?:a |any |much )?fault)\b)"
)

# Each entry: (kind, weight, regex), tried before single words (see ``polarity_phrases``).
DIFFICULTY_PHRASES: tuple[tuple[str, float, str], ...] = (
    # Denied: "nothing seemed hard for you", "handling pushback wasn't hard for you".
    (
        "praise",
        1.0,
        rf"{_COPULA}(?:n't| not| never| not at all| hardly| by no means) (?:{_DEGREE})?"
        rf"{_HARD} for you",
    ),
    # "You found it hard to say how ...", "you found the stats question difficult"; not
    # "we found it hard to choose between you": the panel's difficulty is the decision's.
    (
        "difficulty",
        -1.0,
        rf"(?<!\bwe )(?<!\bi )(?<!\bthey )(?:find|finds|found|finding) {_FOUND_WHAT}"
        rf"{_DEGREE}{_HARD}{_NOT_THE_PERSONS}"
        r"(?= to\b| going\b| at (?:times|first)\b|\s*[.,;:!?)]|\s*$)",
    ),
    # "Handling pushback was hard for you", "it was a challenge for you to ...".
    ("difficulty", -1.0, rf"{_COPULA} {_DEGREE}{_HARD} for you"),
    # "You had a hard time explaining the trade-offs".
    (
        "difficulty",
        -1.0,
        r"(?:had|have|has|having) (?:a |an |some )?(?:(?:really|very|bit of a) )?"
        r"(?:hard|tough|difficult|rough) time",
    ),
)
