"""Engineering interviews and feedback: telling coding and system-design talk from the rest."""

from __future__ import annotations

import re
from collections.abc import Iterable

#: The interview formats an engineer is assessed in: what they hear there is about engineering.
ENGINEERING_FORMATS = frozenset({"coding", "system_design", "technical"})

# Words that name one of the two drilled formats (in a round's name, a title or feedback).
_SYSTEM_DESIGN = re.compile(
    r"\bsystems?[- ]design\b|\barchitect(?:ure|ed|ing)?\b|\bdesign(?:ed|ing)? (?:a|an|the) "
    r"(?:[\w-]+ ){0,2}(?:system|service|platform|api|scheduler|limiter|cache|queue)\b",
    re.IGNORECASE,
)
_CODING = re.compile(
    r"\bcod(?:e|ing)\b|\balgorithm(?:s|ic)?\b|\bdata structures?\b|\b(?:time|space) complexity\b"
    r"|\bbig[- ]o\b|\boptimal solution\b|\bbrute[- ]force\b|\bleetcode\b|\blive[- ]coding\b",
    re.IGNORECASE,
)
# Other words only engineering talk uses; "trade-offs" or "scale" alone are anyone's.
_ENGINEERING = re.compile(
    r"\b(?:apis?|latency|throughput|databases?|sql|caches?|caching|concurren\w*|thread[- ]safe"
    r"|threads?|distributed|microservices?|kubernetes|k8s|failover|replica\w*|shard\w*"
    r"|idempoten\w*|race conditions?|deadlocks?|unit tests?|test coverage|refactor\w*"
    r"|debugg\w*|code review|pull requests?|on[- ]call|outages?|backend|frontend"
    r"|rate limit\w*|load balanc\w*|message queues?|redis|kafka|endpoints?|production"
    r"|timeouts?|retries|postmortems?|requests per second|capacity estimates?|stack traces?)\b",
    re.IGNORECASE,
)


def drilled_format(text: str) -> str | None:
    """The drilled format (system_design or coding) a text names, else None."""
    if _SYSTEM_DESIGN.search(text):
        return "system_design"
    if _CODING.search(text):
        return "coding"
    return None


def is_engineering(texts: Iterable[str | None], formats: Iterable[str | None] = ()) -> bool:
    """Whether words or formats say the talk is an engineer's: code, systems, design."""
    if any(f in ENGINEERING_FORMATS for f in formats):
        return True
    return any(t and (drilled_format(t) or _ENGINEERING.search(t)) for t in texts)
