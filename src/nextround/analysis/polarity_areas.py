"""Phrase patterns for a development area named outright: "Your main growth area is X".

Reviews name the gap as a label and then explain it: "The main growth area is risk
management: risks are tracked, but mitigations come late", "One area to work on is
prioritisation", "X remains your biggest development area". The explanation often holds
praise words ("tracked"), and read word by word, or by an embedding probe trained on
behaviour indicators, the label loses to them. A "gap area" phrase names the gap and, like
advice (see ``polarity_advice``), swallows the praise words after it up to the end of its
clause; ``statements`` keeps such a label with its explanation.

Only the label with its verb or colon counts: "identifies areas for improvement" is a
behaviour (the plain hedge in ``polarity_phrases`` reads it), not a verdict.
"""

from __future__ import annotations

# What the area is called: "growth area", "development need", "area to work on", "one
# thing to improve".
_AREA = (
    r"(?:(?:growth|development|developmental|improvement|focus|stretch|learning|weak|"
    r"weakest|problem) (?:areas?|points?|opportunit(?:y|ies)|needs?)|"
    r"(?:areas?|points?|opportunit(?:y|ies)|things?|something|skills?|topics?) "
    r"(?:for|of|to) (?:further |more |some )?(?:development|improvement|growth|grow|improve|"
    r"develop|work on|keep working on|focus on|strengthen|address|work at))"
)
# "... for you right now is": who and when, between the label and its verb.
_WHEN = (
    r"(?: (?:for (?:you|him|her|them|me)|right now|for now|here|going forward|this year|"
    r"at the moment|i see|i'd flag|i would flag|we discussed|we agreed)){0,2}"
)
_IS = r"(?: (?:is|was|are|were|remains?|would be|will be|seems to be)\b|(?= ?[:–—]| - ))"
_WHOSE = r"(?:a|an|the|your|his|her|their|my|our|one of (?:the|your|his|her|their|my))"

GAP_AREA_PHRASES: tuple[tuple[str, float, str], ...] = (
    # The label first: "The main growth area is X", "Area to work on: X".
    ("gap area", -1.0, rf"{_AREA}{_WHEN}{_IS}"),
    # The label last: "X is your biggest development area", "X remains a growth area".
    (
        "gap area",
        -1.0,
        rf"(?:is|was|are|were|remains?|as) (?:still )?{_WHOSE}(?: \w+){{0,2}} {_AREA}",
    ),
)
