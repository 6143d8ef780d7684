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

import re
from functools import cache

from nextround.analysis.polarity_lexicon import IMPERATIVE_VERBS, word_set

# What the area is called: "growth area", "development need", "area to work on", "one
# thing to improve".
_AREA = (
    r"(?:(?:growth|development|developmental|improvement|focus|stretch|learning|weak|"
    r"weakest|problem) (?:areas?|points?|opportunit(?:y|ies)|needs?)|"
    r"(?:areas?|points?|opportunit(?:y|ies)|things?|something|skills?|topics?) "
    r"(?:for|of|to) (?:further |more |some )?(?:development|improvement|growth|grow|improve|"
    r"develop|work on|keep working on|focus on|strengthen|address|work at)|"
    # The writer's wish for the person names the area as plainly: "the area I want her to
    # grow (in) is X", "one thing I'd like to see you work on is X", "where I'd like to see
    # growth is X".
    r"(?:areas?|things?|something|skills?|where|what)(?: (?:where|in which|that))? "
    r"(?:i|we|they|the panel)(?:'d| would)? (?:want|wants|like|love|hope|need) "
    r"(?:to see )?(?:you|him|her|them) (?:to )?(?:grow|develop|improve|work on|focus on|"
    r"strengthen|stretch)(?: (?:in|on|at))?|"
    r"where (?:i|we)(?:'d| would)? (?:like|love|want) to see (?:(?:the most|more|some) )?"
    r"(?:growth|development|improvement|(?:you|him|her|them) (?:grow|develop|improve)))"
)
# "... for you right now is": who and when, between the label and its verb.
_WHEN = (
    r"(?: (?:for (?:you|him|her|them|me)|right now|for now|here|going forward|this year|"
    r"at the moment|i see|i'd flag|i would flag|we discussed|we agreed)){0,2}"
)
_IS = r"(?: (?:is|was|are|were|remains?|would be|will be|seems to be)\b|(?= ?[:–—]| - ))"
_WHOSE = r"(?:a|an|the|your|his|her|their|my|our|one of (?:the|your|his|her|their|my))"
# Who sees the opportunity, or where it opens the statement: "there is", "I see", "Maybe".
_OPPORTUNITY_LEAD = (
    r"(?:there(?:'s| is| are| was| were|'d be| would be| might be| may be| could be)|"
    r"(?:i|we) (?:see|saw|think there(?:'s| is| are))|^(?:(?:maybe|perhaps|possibly|also)[ ,]+)?)"
    r" ?"
)
# What asks for change after "an opportunity to": a verb of change, or a comparative soon
# after the verb ("to delegate more", "to push back earlier", "to be more concise").
_TO_CHANGE = (
    r"(?:improve|strengthen|sharpen|tighten|deepen|broaden|widen|refine|polish|develop|"
    r"work on|build (?:up|on)|grow (?:your|his|her|their)|be (?:more|less)|get better|"
    r"step up|level up|lift|raise the)\b"
)
_MORE_OR_SOONER = (
    r"(?:more|less|fewer|better|earlier|sooner|further|deeper|harder|faster|clearer|"
    r"sharper|tighter|crisper|simpler|shorter|stronger|broader|wider)"
)

GAP_AREA_PHRASES: tuple[tuple[str, float, str], ...] = (
    # The label first: "The main growth area is X", "Area to work on: X".
    ("gap area", -1.0, rf"{_AREA}{_WHEN}{_IS}"),
    # The label last: "X is your biggest development area", "X remains a growth area".
    (
        "gap area",
        -1.0,
        rf"(?:is|was|are|were|remains?|as) (?:still )?{_WHOSE}(?: \w+){{0,2}} {_AREA}",
    ),
    # "Opportunity" alone names a development point only with what to do about it: "One
    # opportunity is to quantify impact", "there's an opportunity for you to delegate
    # more"; "the opportunity to meet you" and "future opportunities" are no such point.
    (
        "gap area",
        -1.0,
        r"(?:one|another|the (?:main|key|biggest|real|clear)|your (?:main|key|biggest)|"
        r"(?:a|the) (?:real|clear|big)) opportunit(?:y|ies)"
        rf"{_WHEN} (?:is|would be|might be|could be|lies) (?:to|in)\b|"
        r"there(?:'s| is| are) (?:\w+ ){0,2}opportunit(?:y|ies) for (?:you|him|her|them) to\b",
    ),
    # An opportunity to do something more, better or sooner is advice: "There is an
    # opportunity to delegate more", "a real opportunity to tighten your updates", "I see
    # an opportunity to bring the data in earlier". "There's an opportunity to join the
    # team" and "the opportunity to meet you" ask for no change.
    (
        "gap area",
        -1.0,
        rf"{_OPPORTUNITY_LEAD}(?:(?:still|also|definitely|certainly|clearly|really|probably|"
        r"perhaps|maybe|some|an?|one|another|further|more|the|a) ){0,3}(?:\w+ )?"
        rf"opportunit(?:y|ies)(?: (?:here|for (?:you|him|her|them)))? to "
        rf"(?:{_TO_CHANGE}|(?:[\w'-]+ ){{1,5}}?{_MORE_OR_SOONER}\b)",
    ),
)

# Words before a label's area: "Key development opportunities", "Your main growth area".
_LABEL_LEAD = (
    r"(?:(?:your|his|her|their|my|our|the|one|two|three|some|a few|few|key|main|biggest|"
    r"top|primary|possible|potential|suggested|other|further|specific|current|a|an|small|"
    r"quick|little|final|last|minor|friendly)\s+)*"
)
# Who or what a shortfall heading is about: "Where it fell short", "Where you could improve".
_WHO = r"(?:it|things|you|he|she|they|we|i|this|the \w+|your \w+|(?:his|her|their) \w+)"
# Labels that head what fell short, as a review or an e-mail puts them: "Where it fell
# short:", "What could have gone better:", "Even better if:", "Room for improvement:".
# Advice given as such heads a point to work on too: "A tip:", "One suggestion:".
_SHORTFALL_LABEL = (
    rf"(?:where|what|how) {_WHO}(?: \w+)? (?:fell|fall|falls|came|come|comes) short|"
    rf"(?:where|what) {_WHO} (?:could|can|might|should|need to|needs to) (?:improve|do better|"
    r"grow|develop|work on|be stronger|go further)|"
    r"(?:where|what) (?:to|you (?:could|can|should|might)) (?:improve|work on|focus on|"
    r"develop)|"
    r"what (?:could|might|would) (?:have )?(?:be|been|go|gone|make it) (?:better|"
    r"stronger|even better)|"
    rf"what (?:didn't|did not|did n't|wasn't|was not) (?:go|land|work|come across|"
    r"come through)(?: so| as| quite| that)?(?: well)?|"
    r"(?:even )?better if|room (?:for|to) (?:improvement|improve|grow|growth)|"
    r"(?:things? )?to (?:work on|improve|develop)|"
    rf"{_LABEL_LEAD}(?:tips?|pointers?|suggestions?|(?:piece|bit|word|pieces|bits|words) "
    r"of advice|advice|watch[- ]?outs?|(?:thing|things|something) to (?:watch|keep in mind|"
    r"bear in mind|think about|look at))(?: for (?:you|next time|the next rounds?|"
    r"the future|future interviews))?"
)


@cache
def _labels() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    return (
        re.compile(rf"{_LABEL_LEAD}{_AREA}", re.IGNORECASE),
        re.compile(rf"{_LABEL_LEAD}opportunit(?:y|ies)", re.IGNORECASE),
        re.compile(_SHORTFALL_LABEL, re.IGNORECASE),
    )


def area_label(heading: str) -> str | None:
    """Whether a heading (or a line's label) names development areas, and how plainly.

    "area" for a label that says so whatever follows it ("Development opportunity",
    "Areas for development", "Growth area", "Where it fell short", "A tip");
    "opportunity" for "Opportunity" or "Opportunities" alone, which heads development
    points in review templates ("Strengths / Opportunities") but also a job in a
    recruiter's e-mail ("Opportunity: Senior PM"), so only what criticises or asks for
    change under it is a gap. None otherwise: the whole label must be the area, so
    "Strengths and development areas" is not one. Each part of a nested heading
    ("Interviewer / Growth area") is tried.
    """
    area, opportunity, shortfall = _labels()
    found = None
    for part in heading.split(" / "):
        label = " ".join(part.split()).strip(" :-–—*#_").replace("’", "'")
        if area.fullmatch(label) or shortfall.fullmatch(label):
            return "area"
        if opportunity.fullmatch(label):
            found = "opportunity"
    return found


# Words that open a request for change: "more structure", "clearer updates".
_CHANGE_OPENERS = word_set("""
    more less fewer further better clearer sharper crisper tighter stronger deeper shorter
    simpler faster slower broader wider earlier greater bolder firmer briefer calmer
    """)


def asks_for_change(text: str) -> bool:
    """Whether a point opens by asking for more, less or other: "clearer written updates".

    What a bare "Opportunity:" label holds in a review ("more structure in the case study",
    an imperative "Build buffers first"), unlike a job title or a description ("Senior
    PM, Payments", "great team").
    """
    words = text.lower().replace("’", "'").split()
    while words and words[0] in ("a", "bit", "little", "lot", "much", "even", "slightly"):
        words.pop(0)
    first = words[0].strip(".,;:!?\"'()") if words else ""
    return first in _CHANGE_OPENERS or (first in IMPERATIVE_VERBS and text.lstrip()[:1].isupper())


# When goals are for: "for 2026", "for next year", "for the coming quarter", "FY27", "H1".
_PERIOD = (
    r"(?:(?:the )?(?:next|coming|upcoming|following|new|year ahead)(?: (?:year|quarter|half|"
    r"period|review period|cycle|12 months|six months|months))?|"
    r"(?:fy ?)?(?:19|20)\d\d(?:[-/]\d\d)?|fy ?\d\d|h[12]|q[1-4]|the year ahead|the future)"
)
# What a list of goals is called: "Objectives", "Goals", "Targets", "OKRs", "Priorities".
_GOALS = (
    r"(?:(?:key|main|agreed|proposed|smart|personal|development|performance|individual|team|"
    r"stretch|my|your|his|her|their|our|the)\s+)*(?:objectives?|goals?|targets?|okrs?|"
    r"priorities|aims|focus areas?|commitments)"
)
# A goals heading looks ahead: "Objectives for 2026", "Next year's goals", "2026 objectives",
# "Goals going forward". "Objectives" alone may list last year's, with how they went.
_GOALS_LABEL = (
    rf"{_GOALS}(?: (?:for|in|over) {_PERIOD}| going forward| ahead)|"
    rf"{_PERIOD}(?:'s|s'|s)? {_GOALS}"
)
# Numbering and parts around a heading: "5. Objectives for 2026 (part 1)".
_HEADING_FRAME = re.compile(
    r"^\s*(?:\d+[.)]|[ivx]+[.)])?\s*|\s*\((?:part|cont(?:inued|'d)?)[^)]*\)\s*$"
)


@cache
def _goals_label() -> re.Pattern[str]:
    return re.compile(_GOALS_LABEL, re.IGNORECASE)


def goals_label(heading: str) -> bool:
    """Whether a heading (or a part of a nested one) lists goals set for what comes next.

    "Objectives for 2026", "Next year's goals", "FY27 targets": the points under it say
    what the person is to do, not how they did, so they judge nothing by being listed
    there, and an imperative among them ("Own the P&L of the Lyon hub") is the goal, not
    advice.
    """
    for part in heading.split(" / "):
        label = _HEADING_FRAME.sub("", " ".join(part.split()).strip(" :-–—*#_"))
        if _goals_label().fullmatch(label.strip(" :-–—*#_").replace("’", "'")):
            return True
    return False


# One point of a list named before a colon: "The second area was data-informed decisions:",
# "Another thing is stakeholder management -". The label names the topic and judges nothing.
_LIST_LABEL = (
    r"^\W*(?:(?:the|a|an|my|our|one) )?(?:first|second|third|fourth|fifth|next|other|last|"
    r"final|another|further|one more)(?: (?:big|main|key|major|minor|small|important))? "
    r"(?:area|point|thing|topic|theme|issue|gap|concern|aspect|piece|one)s? "
    r"(?:was|is|were|are|would be|i'd flag|i would flag)\b[^:;.!?]{1,80}?(?=:|\s[—–-]\s)"
)


@cache
def _list_label() -> re.Pattern[str]:
    return re.compile(_LIST_LABEL, re.IGNORECASE)


def list_label_end(text: str) -> int | None:
    """Where a list point's label ends ("The second area was data-informed decisions:").

    What the label names is the topic of the point: its words ("informed") praise no one,
    and what follows the colon says how it went.
    """
    m = _list_label().match(text.replace("’", "'"))
    return m.end() if m else None
