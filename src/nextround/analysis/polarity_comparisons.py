"""Comparisons that turn a flaw word round: "fewer mistakes than", "not as bad as you feared"."""

from __future__ import annotations

from nextround.analysis.polarity_absence import NO_TROUBLE

# Who holds the expectation a comparison is measured against: "than we expected", "as you
# feared", "than most people would".
_WHO = (
    r"(?:i|we|you|they|he|she|the (?:panel|team|interviewers?|hiring manager)|anyone|"
    r"most(?: people| candidates)?|everyone|others)"
)
_EXPECTING = (
    r"(?:expected|anticipated|feared|thought|imagined|hoped|worried|predicted|assumed|"
    r"planned|(?:usually|normally|typically|often) (?:see|get|expect))"
)

# How much less: "far fewer", "a lot less".
_MUCH = r"(?:(?:far|much|a lot|considerably|noticeably|significantly|markedly) )?"
# The yardstick's opening: "than", "compared to".
_AGAINST = r"(?:than|compared (?:to|with))\b"

COMPARISON_PHRASES: tuple[tuple[str, float, str], ...] = (
    # What a comparison is measured against is no judgement: "better than we feared",
    # "not as bad as you thought", "fewer issues than we usually see". Read word by word,
    # "feared" and "worried" would be criticism of the person.
    (
        "neutral",
        0.0,
        rf"(?:than|as) {_WHO}(?:'d| had| would(?: have)?| might(?: have)?| may(?: have)?| "
        rf"had perhaps)?(?: (?:initially|originally|first|perhaps|probably|all))? {_EXPECTING}|"
        r"(?:than|as) (?:expected|anticipated|feared|hoped|predicted|usual|normal|average)",
    ),
    # "Fewer errors than most candidates", "far fewer issues than we usually see": less
    # trouble than the yardstick is praise, whatever weight the trouble word has alone.
    (
        "praise",
        1.0,
        rf"{_MUCH}(?:fewer|less) (?:[\w-]+ )?(?:{NO_TROUBLE}|(?:bugs?|defects?|slips?|typos?)\b)"
        rf"(?= (?:[\w'-]+ ){{0,6}}?{_AGAINST})",
    ),
    # "No worse than the other finalists": a flaw word denied against a yardstick.
    ("praise", 1.0, rf"(?:no|not any|none the) (?:worse|weaker|poorer) {_AGAINST}"),
    # "Far from perfect", "far from complete": "far from" denies what follows, as "not" does.
    ("negator", 1.0, r"far from(?! (?:it|home|over|the (?:only|first|last))\b)"),
    # "Less nervous than in the first round": with its yardstick said, "less" or "fewer"
    # turns the word after it round fully, as "not" does, where alone ("less structured")
    # it only weakens what follows.
    (
        "negator",
        1.0,
        rf"{_MUCH}(?:fewer|less)(?= (?:[\w'-]+ ){{1,6}}?{_AGAINST})",
    ),
)
