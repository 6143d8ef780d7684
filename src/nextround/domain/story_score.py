"""What each story finding costs: the score out of 100 a demanding interview coach would give.

A story starts at 100 and every finding takes off the points it costs, so the score is
always the sum of what the checks say, and the output shows each cost. The costs follow
what a coach strikes first:

- A problem means the story cannot be told as it is: no step of your own, no result, no
  number, far too long or far too short. Each costs 30 points or more, so a story with a
  problem never scores above 70%.
- A warning means it can be told but will not land: "we" drowning "I", a result that says
  nothing changed, vague wording, a thin part, too much set-up, a little long or short.
  Each costs 15 or 20, so a story that is not ready scores 85% at most.
- A tip costs 5 and does not stop a story being ready, which then scores 90% or more.
"""

from __future__ import annotations

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

#: How the score is made, in one sentence for the CLI and the web app.
SCORE_RULE = (
    f"The score is {FULL} less what each finding costs: a problem {LEAST_PROBLEM} or more, a "
    f"warning {LEAST_WARNING} or {WE_OVER_I}, a tip {TIP}. Ready means no problem and no warning."
)


def score(costs: Iterable[int]) -> float:
    """The score, 0 to 1, left once every cost is taken off."""
    return max(0, FULL - sum(costs)) / FULL
