"""What each story finding costs: the score out of 100 a demanding interview coach would give.

A story starts at 100 and every finding takes off the points it costs, and the output
shows each cost. The costs follow what a coach strikes first:

- A problem means the story cannot be told as it is: no step of your own, no result, no
  number, far too long or far too short. Each costs 30 points or more, so a story with a
  problem never scores above 70%.
- A warning means it can be told but will not land: "we" drowning "I", a result that says
  nothing changed, vague wording, a thin part, too much set-up, a little long or short.
  Each costs 15 or 20, so a story that is not ready scores 85% at most.
- A tip costs 5 and does not stop a story being ready, which then scores 90% or more.

The findings never take what is written, though: each STAR part that says enough keeps 5
points (a shorter one its share), so a weak story that is all there keeps 20% and scores
above a near-empty one, and only an empty story scores 0. The floor stays below every cap
above, so it never makes a story with a problem or a warning look nearly ready.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

FULL = 100

# Problems: the story cannot be told as it is.
NO_WORDS = 100
NO_ACTION = 60
NO_STEP_OF_YOURS = 40
NO_RESULT = 35
NO_NUMBERS = 30
FAR_TOO_LONG = 30
FAR_TOO_SHORT = 30

# Warnings: it can be told, but it will not land.
WE_OVER_I = 20
NOTHING_CHANGED = 20
SHORT = 20
LONG = 15
MANY_VAGUE_WORDS = 15
THIN_PARTS = 15
SET_UP_HEAVY = 15

# Tips: a sharper story, ready already.
TIP = 5

#: The least a problem and a warning cost (the tests keep every cost within its band).
LEAST_PROBLEM = 30
LEAST_WARNING = 15

#: What each STAR part keeps whatever the findings cost, once it says enough.
PART_FLOOR = 5

#: How the score is made, in one sentence for the CLI and the web app.
SCORE_RULE = (
    f"The score is {FULL} less what each finding costs: a problem {LEAST_PROBLEM} or more, a "
    f"warning {LEAST_WARNING} or {WE_OVER_I}, a tip {TIP}; but each STAR part that says enough "
    f"keeps {PART_FLOOR}, so only an empty story scores 0. Ready means no problem and no warning."
)


def part_floor(words: int, enough: int) -> int:
    """The points a STAR part keeps: all PART_FLOOR at ``enough`` words, a share below.

    Any word keeps at least 1, so every part written lifts a story above an empty one.
    """
    return math.ceil(PART_FLOOR * min(words, enough) / enough)


def score(costs: Iterable[int], floor: int = 0) -> float:
    """The score, 0 to 1, left once every cost is taken off, never below ``floor`` points."""
    return max(floor, FULL - sum(costs)) / FULL


def floor_note(lost: int, floor: int) -> str | None:
    """Why the score is more than 100 less the costs (None when the floor did not lift it)."""
    if max(0, FULL - lost) >= floor:
        return None
    return (
        f"The findings add up to {lost} points, but what is written keeps {floor} "
        f"({PART_FLOOR} for each STAR part that says enough), so this story still scores "
        "above an empty one."
    )
