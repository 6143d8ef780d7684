"""Phrase patterns for absence: what the interviewer did not hear, and a lack that is denied.

Feedback often judges by what was or was not there. "She didn't hear a system for that"
and "I didn't get a sense of how you prioritise" say the person did not show something:
a gap, whatever praise words name the missing thing. But a reviewer who "didn't see any
red flags" found nothing wrong, which is praise, and "we haven't heard back from the
panel" is about the process. A deficit word denied ("your depth wasn't lacking", "no
shortage of ideas", "never short on examples") is praise too, while the same word alone
("lacking", "a shortage of examples", "in short supply") is a gap.

They are written from how feedback phrases absence in general, never from one text. Each
is a (kind, weight, regex) entry of ``polarity_phrases.PHRASES``; ``UNSEEN_DEFAULT`` is what
an "unseen" phrase counts for when nothing judged follows it.
"""

from __future__ import annotations

# "She didn't hear a system for that" is as clear a gap as a flaw word (a bare "not" is
# weaker: "not" + a neutral verb is often a fact).
UNSEEN_DEFAULT = -1.0

# A finite verb denied: "didn't", "did not", "couldn't", "haven't", "never", "cannot".
_DENIED = (
    r"(?:(?:did|does|do|could|can|would|have|has|had|was|were|is|are|ca|wo)(?:n't| not)|"
    r"never|cannot)"
)
# What a reviewer perceives or remembers: "hear", "see", "get a clear sense of", "come
# away with", "can't think of a single example".
_PERCEIVE = (
    r"(?:hear|heard|see|saw|seen|sense|sensed|notice|noticed|observe|observed|recall|"
    r"remember|think of|point to|"
    r"(?:get|got|have|had|come away with|came away with) (?:a |any |much )?(?:clear |real |"
    r"good |strong |full )?(?:sense|picture|feel|feeling|view|idea) (?:of|for|on))"
)
# What finding none of is praise: the reviewer looked for trouble and found nothing.
_TROUBLE = (
    r"(?:issues?|problems?|concerns?|complaints?|worries|doubts?|red flags?|reservations?|"
    r"gaps?|weakness(?:es)?|flaws?|mistakes?|errors?|shortcomings?|warning signs?)"
)
# What follows a verb of perceiving when the reviewer found nothing wrong: "... any red flags".
NO_TROUBLE = (
    rf"(?:any |a single |many |much |a |an )?(?:real |major |big |significant |serious |"
    rf"obvious )?{_TROUBLE}\b"
)
# Deficit words: "lacking", "short on", "a shortage of", "in short supply".
_LACKING = r"(?:lacking|short (?:on|of)|in short supply|found wanting)"
_SHORTAGE = r"(?:shortage|lack|dearth|paucity|absence|scarcity)"
# Words that may sit between the denial and the deficit: "wasn't really lacking at all".
_SOFT = r"(?:(?:really|ever|at all|in any way|remotely|particularly|exactly) )?"

ABSENCE_PHRASES: tuple[tuple[str, float, str], ...] = (
    # "Didn't see any red flags", "never heard a single concern", "had no real issues".
    # Not "you didn't spot any issues": finding them may have been the person's task.
    (
        "praise",
        1.0,
        rf"(?<!you )(?:{_DENIED} (?:really )?(?:hear|heard|see|saw|seen|find|found|notice|"
        rf"noticed|spot|spotted|have|had)|(?:heard|saw|found|noticed|had|raised) (?:no|zero))"
        rf" {NO_TROUBLE}",
    ),
    # "We haven't heard back from the panel", "didn't hear from Sam until Friday": the
    # process, not the person, so nothing after it in the clause is judged (an "aside").
    ("aside", 0.0, rf"{_DENIED} (?:yet )?(?:hear|heard) (?:back\b|from (?!you\b))"),
    # "I haven't seen anyone explain it better": praise by comparison with everyone else.
    (
        "praise",
        1.2,
        rf"{_DENIED} (?:ever )?(?:seen|heard|met|interviewed) (?:anyone|anybody|someone|a "
        r"candidate)(?: [\w'-]+){0,5}? (?:better|stronger|clearer|sharper|more \w+)",
    ),
    # "She didn't hear a system for that", "I didn't get a sense of how you prioritise",
    # "the panel never saw evidence of ...": what should have been shown was not. An
    # "unseen" phrase negates what follows, as "not" does ("never saw you lose your temper"
    # is praise), and stands for a clear gap when what follows judges nothing.
    ("unseen", 1.0, rf"{_DENIED} (?:really |quite |clearly |yet |fully )?{_PERCEIVE}\b"),
    # A deficit denied: "wasn't lacking", "never short on ideas", "not in short supply".
    ("praise", 1.0, rf"{_DENIED} {_SOFT}(?:been )?{_SOFT}{_LACKING}"),
    ("praise", 1.0, rf"not {_SOFT}{_LACKING}"),
    # "No shortage of ideas", "never a lack of structure", "without any shortage of".
    (
        "praise",
        1.0,
        rf"(?:no|never (?:a|any)|not (?:a|any)|without (?:a|any)) (?:real |great |big )?"
        rf"{_SHORTAGE} of",
    ),
    # The deficit itself: "a shortage of examples", "examples were in short supply".
    ("criticism", -1.0, r"(?:shortage|dearth|paucity|scarcity) of|in short supply"),
)
