"""The feedback's own words for what it judged: "data and experimentation", not a skill label.

A recruiter who wrote "where the panel felt others were stronger was in data and
experimentation" named the area in her words. A thank-you note or a clarifying question
that says "data and experimentation" shows the message was read; "data-informed decision
making" shows a form was filled in. Only a few unambiguous shapes are read, and the words
are always lifted verbatim; anything else gives None and the caller falls back.
"""

from __future__ import annotations

import re

from nextround.domain.topic_phrases import clean_topic

# "Tom felt (that)", "Priya in particular said", "the panel thought", "There was a sense
# that": who held the view, not the view itself.
_FRAME = re.compile(
    r"^(?:(?:and|but|also|overall|however|in the end),?\s+)?"
    # A name is capitalised whatever the flags: "The solution felt thin" names no one, nor
    # does a sentence's first word "This" or "It" ("This felt rushed" is the view itself).
    r"(?:(?:(?!(?:This|That|It|These|Those|Everything|Something|Nothing)\b)"
    r"(?-i:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)|the (?:panel|team|interviewers?|hiring manager|"
    r"committee)|they|he|she|we|some(?:one| of the panel))"
    r"(?:\s+(?:in particular|also|especially|really))?\s+"
    r"(?:felt|said|mentioned|noted|thought|commented|observed|found|shared|believed|"
    r"remarked|pointed out|highlighted|added)(?:\s+that)?\s+"
    r"|there (?:was|were) (?:also )?(?:a |some )?(?:sense|feeling|view|concern)s? that\s+)",
    re.IGNORECASE,
)
# Where a phrase ends: the end of the clause, an aside, or a new clause of its own.
_END = re.compile(
    r"[.;:!?()\"“”]|,\s|\s[-–—]\s|\s(?:e\.g\.|i\.e\.|for example|such as|but|which|because|"
    r"so that|when|while|although|though|as well as|rather than|not)\s"
    # "designing an experiment or reasoning about …": the first of two activities is enough.
    r"|\sor\s(?=\w+ing\b)",
    re.IGNORECASE,
)
# Leaving something out of the work: "didn't consider accessibility", "touch targets were
# not addressed". The thing left out is a concrete issue the feedback names.
_HOW = r"(?:(?:really|fully|properly|clearly|explicitly)\s+)?"
_LEFT_OUT_ACTIVE = (
    r"(?:consider|address|cover|include|handle|tackle|account\s+for|think\s+about|explain|"
    r"justify|test)"
)
_LEFT_OUT_PASSIVE = (
    r"(?:considered|addressed|covered|included|handled|tackled|accounted\s+for|explained|"
    r"justified|tested)"
)
# What the statement judged, after words that introduce it, in a fixed order of trust.
_SHAPES = (
    # "others were stronger in data and experimentation", "stronger was in data"
    re.compile(
        r"\b(?:stronger|better|more experienced|more convincing)\s+(?:was\s+)?"
        r"(?:in|on|at|with|around)\s+(?P<w>.+)",
        re.IGNORECASE,
    ),
    # "no clear view on org design", "more confidence with data", "more hands-on
    # experience of leading migrations", "limited depth in pricing"
    re.compile(
        r"\b(?:no|little|limited|not enough|not much|lack of|lacked|lacking|missing|more|"
        r"deeper|stronger|clearer|better|real)\s+(?:clear\s+|real\s+|deep\s+|hands-on\s+|"
        r"direct\s+|first-hand\s+)?(?:view|vision|depth|experience|evidence|exposure|"
        r"understanding|knowledge|focus|confidence|rigou?r|grounding|background|ownership)"
        r"\s+(?:on|of|in|with|around|about|into|for|to)\s+(?P<w>.+)",
        re.IGNORECASE,
    ),
    # "could have gone deeper on the rollout", "dig deeper into pricing"
    re.compile(
        r"\b(?:gone|go|going|dig|dug|went)\s+deeper\s+(?:on|into|in)\s+(?P<w>.+)", re.IGNORECASE
    ),
    # "the one area to tighten is the communication plan", "the gap for us was pricing"
    re.compile(
        r"\b(?:(?:areas?|things?) to (?:tighten|improve|work on|develop|strengthen|focus on)|"
        r"(?:main |biggest |real )?gap(?: for us)?|(?:main |biggest )?concern)\s+"
        r"(?:is|was|would be)\s+(?P<w>.+)",
        re.IGNORECASE,
    ),
    # "not yet comfortable designing an experiment", "confident running the numbers"
    re.compile(
        r"\b(?:comfortable|confident|fluent|at ease)\s+(?:with\s+)?(?P<w>\w+ing\s.+)",
        re.IGNORECASE,
    ),
    # "Strong on execution and cost discipline", "weak on pricing"
    re.compile(
        r"^(?:very\s+|really\s+)?(?:strong|great|good|excellent|impressive|solid|weak|thin|shaky)\s+"
        r"(?:on|in|at)\s+(?P<w>.+)",
        re.IGNORECASE,
    ),
    # "Your stakeholder management really stood out", "your example of aligning sales and
    # support was the best answer": the subject is what was judged.
    re.compile(
        r"^(?:some of\s+)?(?P<my>your|her|his)\s+(?P<w>[\w/'-]+(?:\s+[\w/'-]+){0,9}?)\s+"
        r"(?:really\s+|truly\s+|clearly\s+|still\s+)?"
        r"(?:was|were|is|are|came across|came through|stood out|felt|seemed|looked|impressed|"
        r"needs?|lacked|did(?:n't| not)|does(?:n't| not)|could|should|would|has|had|have)\b",
        re.IGNORECASE,
    ),
    # "We loved your visual craft", "the panel liked your framing": praise of the person's X.
    re.compile(
        r"\b(?:loved|liked|enjoyed|appreciated|admired|impressed (?:by|with))\s+"
        r"(?P<my>your|her|his)\s+(?P<w>.+)",
        re.IGNORECASE,
    ),
    # "the challenge solution didn't consider accessibility": what was left out is what
    # was judged (last: the shapes above name it more surely when they match).
    re.compile(
        r"\b(?:did(?:n't| not)|does(?:n't| not)|failed to|never)\s+"
        + _HOW
        + _LEFT_OUT_ACTIVE
        + r"\s+(?P<w>.+)",
        re.IGNORECASE,
    ),
    # "the prioritisation of features was not clearly explained"
    re.compile(
        r"^(?:the\s+)?(?P<w>[\w/'-]+(?:\s+[\w/'-]+){0,5}?)\s+(?:was|were)(?:n't|\s+not)\s+"
        + _HOW
        + _LEFT_OUT_PASSIVE
        + r"\b",
        re.IGNORECASE,
    ),
)
# The two shapes above that name what was left out of the work.
_LEFT_OUT_SHAPES = _SHAPES[-2:]
# A phrase about the person ("the process you designed") would say "you" in their own
# note; about form rather than substance ("your answers") it names no area to work on.
_NOT_WORDS = re.compile(
    r"\b(?:you|your|yours|you'\w+|yourself|i|me|my|we|us|our|he|she|they|him|her|them)\b"
    r"|^(?:answers?|examples?|responses?|questions?|points?|stories|story|replies|"
    r"presentation style|style|time|thing|things|way|approach)$",
    re.IGNORECASE,
)
# Not an issue anyone could check: "didn't consider enough options", "didn't address it".
_NO_ISSUE = re.compile(
    r"^(?:enough|much|many|any|more|some|all|everything|anything|things?|it|this|that|"
    r"the (?:brief|question|problem|task))\b",
    re.IGNORECASE,
)
_LACK = re.compile(r"^(?:(?:the|a|an)\s+)?(?:lack|absence)\s+of\s+", re.IGNORECASE)


# A short lead-in that labels what follows: "Where it fell short: Karin felt …".
_LEAD_IN = re.compile(r"^[^:.!?;“”\"]{1,40}:\s+(?=\S)")
_LEAD_IN_WORDS = 5


def without_frame(statement: str) -> str:
    """The statement without who held the view: "Tom felt you were …" gives "you were …".

    A short label before it goes too: "Where it fell short: Karin felt you didn't …" gives
    "you didn't …".
    """
    flat = " ".join(statement.split())
    lead = _LEAD_IN.match(flat)
    text = flat[lead.end() :] if lead and len(lead.group().split()) <= _LEAD_IN_WORDS else flat
    return _FRAME.sub("", text, count=1).strip() or flat


def left_out(statement: str) -> tuple[str, str] | None:
    """What the statement says was left out of the work, and the words that say so.

    "the challenge solution didn't consider accessibility: colour contrast and touch
    targets were not addressed" gives ("accessibility", "didn't consider accessibility: …")
    : a concrete issue, named. "It was not explained" names none and gives None.
    """
    text = without_frame(statement)
    for shape in _LEFT_OUT_SHAPES:
        match = shape.search(text)
        if match is None:
            continue
        phrase = clean_topic(_END.split(match.group("w") + " ", maxsplit=1)[0].strip())
        if phrase and not _NOT_WORDS.search(phrase) and not _NO_ISSUE.search(phrase):
            return phrase, match.group()
    return None


def own_words(statement: str) -> str | None:
    """What the statement judged, in its own words, if one of the known shapes has it.

    "Where the panel felt others were stronger was in data and experimentation." gives
    "data and experimentation"; "No clear view on org design / operating model" gives
    "org design / operating model"; "Your stakeholder management really stood out" gives
    "stakeholder management". A phrase that speaks of the person ("the process you
    designed"), of form alone ("answers"), or runs past a few words gives None.
    """
    text = without_frame(statement)
    for shape in _SHAPES:
        match = shape.search(text)
        if match is None:
            continue
        cut = _END.split(match.group("w") + " ", maxsplit=1)[0]
        # "the lack of hands-on experience" is about hands-on experience.
        phrase = clean_topic(_LACK.sub("", cut.strip(), count=1))
        if phrase and not _NOT_WORDS.search(phrase):
            # "your case presentation", said back by the person: "my case presentation".
            return f"my {phrase}" if "my" in shape.groupindex else phrase
    return None
