"""Phrase patterns for how much help a task took in an interview: hints, prompting, time.

In a technical interview the commonest criticism names no flaw word: "you needed several
hints to reach the optimal solution", "she needed some nudging on complexity", "you ran out
of time on the follow-up", "didn't get to the second part". They are gaps. Denied, they are
praise: "didn't need any hints", "solved it without a single hint", "finished with time to
spare". Written from how interviewers phrase this in general, never from one text; each
entry is a (kind, weight, regex) of ``polarity_phrases.PHRASES`` (matched on lower case).
"""

from __future__ import annotations

# What an interviewer gives a stuck candidate.
_HELP = (
    r"(?:hints?|nudges?|nudging|prompts?|prompting|pointers?|steering|hand-?holding|"
    r"clues?|(?:a |some )?help from (?:me|us|the interviewers?|the panel))"
)
# How much of it: "several", "a few", "a couple of", "two", "a lot of".
_HOW_MANY = (
    r"(?:(?:a (?:few|couple(?: of)?|lot of|number of|bit of|little|big|strong|small|"
    r"significant)|several|some|many|multiple|lots of|repeated|more|further|heavy|"
    r"significant|considerable|two|three|four|\d+|quite a (?:few|bit of|lot of)) )?"
    r"(?:(?:big|small|strong|heavy|significant|substantial|gentle) )?"
)
# Who needed it: not "we" or "I" ("we ran out of time for questions" is the panel's).
_NEEDED = (
    r"(?<!\bwe )(?<!\bi )(?:needs?|needed|needing|required|requires?|took|takes|relied on|"
    r"asked for)"
)
# Time running out before the task was done: "ran out of time on the follow-up",
# "didn't get to the second part", "wasn't able to finish the implementation".
_OUT_OF_TIME = (
    r"(?<!\bwe )(?<!\bi )(?:ran|run|runs|running) out of time|"
    r"(?<!\bwe )(?<!\bi )(?:did|could|was|were)(?:n't| not)(?: quite)? (?:able to )?"
    r"(?:get to|get through|reach|finish|complete) (?:the |your |a |an |any )?(?:\w+ )?"
    r"(?:follow-?ups?|extensions?|"
    r"second|third|last|final|next|remaining|problems?|questions?|parts?|tasks?|exercises?|"
    r"implementation|solution|code|coding)"
)

HELP_PHRASES: tuple[tuple[str, float, str], ...] = (
    # Denied first, at the same word: "didn't need any hints", "needed no prompting".
    (
        "praise",
        1.0,
        rf"(?:(?:did|does|do)(?:n't| not) (?:really |even )?(?:need|require|ask for)|"
        rf"(?:needed|needs|required|took|asked for) (?:no|zero|barely any|hardly any)) "
        rf"(?:any |a single |much |many |more than (?:a|one) )?{_HOW_MANY}{_HELP}",
    ),
    ("praise", 1.0, rf"without (?:any |a single |much |needing (?:any |a )?)?{_HOW_MANY}{_HELP}"),
    (
        "praise",
        0.8,
        r"(?:with|had|having) (?:plenty of |some |a (?:few|couple of) minutes? |lots of )?"
        r"time (?:to spare|left over|remaining)|(?:finished|completed|solved (?:it|both|all|"
        r"the \w+)) (?:\w+ ){0,2}?(?:early|ahead of time|with time left)",
    ),
    ("hedge", -1.0, rf"{_NEEDED} {_HOW_MANY}{_HELP}"),
    ("criticism", -1.0, _OUT_OF_TIME),
)
