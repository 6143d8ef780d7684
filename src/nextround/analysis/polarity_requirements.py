"""Gaps worded as what the role needs, or as leaning on others: no flaw word in them at all.

"For this role we need someone who has owned an infra product end to end, and I didn't
hear that" praises the requirement ("owned", "end to end") and names the gap only in its
last words; "Relies on the tech lead for architecture calls" reads like a habit a
framework would list. Both are the rater's central criticism.
"""

from __future__ import annotations

import re
from functools import cache

from nextround.analysis.polarity import PolarityReading
from nextround.domain.competency import Polarity

_CONFIDENCE = 0.8


class _Patterns:
    def __init__(self) -> None:
        # What the role, the team or the panel needs, wants or looks for.
        need = (
            r"\b(?:we|they|the (?:team|panel|role|hiring manager|business)|this role|the job|"
            r"i)\s*(?:'re|are|were|was|is|'d|would|had)?\s*(?:really |really were |"
            r"specifically |definitely |ultimately )?(?:need(?:s|ed)?|want(?:s|ed)?|"
            r"requir(?:e|es|ed)|look(?:ing)? for|looked for|hop(?:ing|ed) (?:for|to see)|"
            r"expect(?:s|ed)?|wanted to see|need(?:ed)? to see)\b"
        )
        # ... and it was not there: "I didn't hear that", "we didn't see it", "it was
        # missing", "that didn't come through", "we saw little of that".
        absent = (
            r"\b(?:(?:i|we|they|the panel|the team)\s+(?:didn'?t|did not|couldn'?t|could not|"
            r"never|haven'?t|have not|hadn'?t)\s+(?:really\s+)?(?:hear|see|get|find|sense|"
            r"observe)\b|(?:that|this|it)(?:'s|\s+was|\s+is|\s+were)\s+(?:missing|absent|"
            r"lacking|not there|not evident)|(?:that|this|it)\s+(?:didn'?t|did not|never)\s+"
            r"(?:come|came) (?:through|across)|(?:that|this|it)\s+wasn'?t\s+(?:there|evident|"
            r"clear)|(?:i|we|they)\s+(?:saw|heard)\s+(?:little|none|nothing)\b|"
            r"(?:there was|we saw|i saw)\s+no\s+(?:evidence|sign|examples?)\b)"
        )
        self.unmet = re.compile(rf"{need}.{{0,300}}?{absent}", re.IGNORECASE | re.DOTALL)
        # "Relies on the tech lead for architecture calls", "leans heavily on her manager
        # to make decisions", "defers to the architects on design".
        # Not "the team": relying on one's own team is as often delegation as dependence.
        person = (
            r"(?:others|other people|someone else|colleagues|peers|(?:the|her|his|their|a|an)"
            r"\s+(?:\w+\s+)?(?:lead|leads|manager|managers|boss|architects?|engineers?|"
            r"seniors?|colleagues?|peers?|cto|director|mentor|pm|pms|experts?))"
        )
        self.leaning = re.compile(
            rf"\b(?:(?:relies|relied|relying|rely|depends|depended|depending|leans|leaned|"
            rf"leant|leaning)\s+(?:\w+ly\s+)?on|(?:defers|deferred|deferring|defer)\s+"
            rf"(?:\w+ly\s+)?to)\s+{person}\b",
            re.IGNORECASE,
        )
        self.negated = re.compile(
            r"\b(?:doesn'?t|does not|didn'?t|did not|never|no longer|won'?t|without|rarely|"
            r"less|stopped|not)\s+(?:\w+\s+)?$",
            re.IGNORECASE,
        )


@cache
def _re() -> _Patterns:
    return _Patterns()


def requirement_reading(text: str) -> PolarityReading | None:
    """A gap reading when the text names an unmet requirement or leaning on others, else None."""
    patterns = _re()
    unmet = patterns.unmet.search(text)
    if unmet is not None:
        return PolarityReading(
            Polarity.GAP, _CONFIDENCE, (f"unmet requirement: '{_clip(unmet.group(0))}'",)
        )
    leaning = patterns.leaning.search(text)
    if leaning is not None and not patterns.negated.search(text, 0, leaning.start()):
        return PolarityReading(
            Polarity.GAP, _CONFIDENCE, (f"leans on others: '{_clip(leaning.group(0))}'",)
        )
    return None


def _clip(snippet: str, limit: int = 60) -> str:
    snippet = " ".join(snippet.split())
    return snippet if len(snippet) <= limit else snippet[: limit - 1] + "…"
