"""An imperative in feedback: advice to the person ("Quantify impact more"), unless it encourages.

Competency frameworks phrase good practice in the imperative ("Take an interest in ...",
"Plan ahead"), so for a framework's indicator the imperative is praise. In feedback the
reader of the imperative is the person it was given to: "Quantify impact more", "Push back
earlier on scope" and "Don't undersell your role" ask them to change, which is a gap. Not
every imperative asks for change, though: "Keep doing the weekly demos" and "Continue to
mentor" encourage, "Take care" and "Give me a call" are e-mail courtesy, and a strengths
list holds noun phrases that open with a word that is also a verb ("Work ethic", "Focus
on outcomes", "Support for juniors"). Such a word counts as a verb only where what follows
it can only follow a verb ("Focus on the outcome", "Lead with your recommendation") or the
clause asks for more, less or sooner.

The word lists describe how reviewers and mentors phrase advice in general, not any one
text; ``polarity`` applies them only to feedback (see ``read_polarity``).
"""

from __future__ import annotations

import re
from functools import cache

from nextround.analysis.polarity_advice import USING_A_STRENGTH
from nextround.analysis.polarity_asking import ASKING_VERBS, COURTESY_IMPERATIVE, NOT_ASKING
from nextround.analysis.polarity_lexicon import word_set

# Verbs that open noun phrases as often as imperatives: "Work ethic", "Focus on outcomes",
# "Design thinking", "Support for juniors", "Lead time", "Drive and energy".
_NOUN_TOO = word_set("""
    act aim answer approach balance challenge champion change check coach commit deal design
    drive focus frame help influence lead mentor model monitor name offer open own plan
    practice present question reach research review set share show start stop structure
    support talk test track use work measure pitch record report process time draft spend
    link limit state loop look pause cut slow correct repair drop rework sort
    """)
# What only a verb is followed by: an object's determiner or a pronoun, or a particle.
_OBJECT_STARTS = word_set("""
    the a an your his her their my our more less fewer some any this that these those it
    them yourself everything others people what how why when where each every one up back
    out through down off forward
    """)
# A preposition after an ambiguous word marks a verb only before an object's determiner:
# "Focus on the outcome" asks, "Focus on outcomes" may be a strength in a list.
_PREPOSITIONS = word_set("on with to at in into about over towards around across")
# Verbs whose object may be a gerund: "Stop over-explaining", "Start delegating". Elsewhere
# a gerund after the word makes a noun phrase ("Design thinking", "Change management").
_BEFORE_A_GERUND = word_set("stop start quit")
# Words that ask for change wherever they stand in the clause: "Delegate more", "Push back
# earlier", "Ask for help sooner".
_CHANGE_WORDS = word_set("""
    more less fewer earlier sooner better further harder faster slower shorter tighter
    clearer sharper crisper simpler again instead first
    """)
# A finite verb in the main clause makes an ambiguous opening word its subject: "Focus on
# delivery was excellent", "Work ethic is great", "Plan quality has improved".
_FINITE = word_set("""
    is are was were am has have had does did seemed seems felt feels came comes looked looks
    sounded sounds went goes got gets stood stands remained remains became becomes showed
    shows proved proves made makes
    """)
# What "keep ... short" holds something within: "Keep your stories short", "Keep it
# simple", "Keep updates to one page". Said to the person it asks for restraint they did
# not show, where "Keep doing the demos" and "Keep your energy up" encourage.
_WITHIN_BOUNDS = word_set("""
    short shorter brief briefer concise succinct tight tighter crisp crisper simple simpler
    focused focussed under within tidy lean
    """)
_SUBORDINATORS = word_set("when whenever if unless while because as so before after until that")
_COURTESY = re.compile(COURTESY_IMPERATIVE)
# After "don't", "never": words that open courtesy ("Don't hesitate to ...", "Don't worry")
# or a note-taker's own aside ("Don't know if this helps").
_NOT_AFTER_NEGATION = word_set(
    "hesitate worry let be give forget mind feel know think remember recall have"
)
# What "don't lose" encourages to keep, where "Never lose the room" asks for a change.
_KEPT_SPIRITS = word_set("heart hope faith confidence nerve spark enthusiasm passion momentum")
# Past forms that end in neither "-ed" nor "-ing": after "never" they describe what
# happened ("Never had any concerns", "Never lost the room"), where an imperative takes
# the bare verb ("Never lose the room").
_IRREGULAR_PAST = word_set("""
    had was were did saw felt got made took gave went came heard thought found knew lost
    left kept held told said sent spent brought caught fought taught won ran sat stood
    became began broke chose drew drove fell forgot grew hid led meant met paid rose sold
    shook spoke stole struck swore threw understood woke wore wrote
    """)

_LEAD = (
    r"(?:(?:and|so|then|also|please|just|now|maybe|perhaps|first|really|definitely|always|"
    r"next time|in (?:the )?future|going forward|moving forward|for next time|from now on|"
    r"try to|remember to|make sure to|be sure to|make sure you)\b[\s,]*)*"
)
_NEGATION = r"(?:(?:don't|do not|dont|never|try not to)\s+)?"


@cache
def _opening() -> re.Pattern[str]:
    return re.compile(rf"[\s\"'“‘(*•-]*{_LEAD}(?P<neg>{_NEGATION})(?P<verb>[a-z]+(?:-[a-z]+)?)\b")


@cache
def _using_a_strength() -> re.Pattern[str]:
    return re.compile(USING_A_STRENGTH)


@cache
def _word() -> re.Pattern[str]:
    return re.compile(r"[a-z]+(?:['-][a-z]+)*")


def imperative_span(text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Where text[start:end] (one clause of feedback) opens with an imperative that asks.

    The span covers the lead and the verb ("Next time, push", "Don't undersell"); None when
    the clause does not open with a request for change.
    """
    end = len(text) if end is None else end
    low = text[start:end].lower().replace("’", "'")
    m = _opening().match(low)
    if m is None:
        return None
    verb, negated = m.group("verb"), bool(m.group("neg"))
    if not negated and _using_a_strength().match(low, m.start("verb")):
        return None  # "Lead with it", "Make more of that": encouragement, not a change
    rest = low[m.end() :]
    words = _word().findall(rest)
    if not negated and verb == "keep" and _keeps_within_bounds(words):
        asks = True
    elif negated:
        # "Never missed a beat", "never failing to ...": a past or ongoing habit described,
        # not a request; an imperative takes the bare verb ("Never miss", "Don't undersell").
        described = (
            re.search(r"(?<!e)ed$|ing$", verb) is not None and len(verb) > 4
        ) or verb in _IRREGULAR_PAST
        asks = not described and verb not in _NOT_AFTER_NEGATION and verb not in NOT_ASKING
        if verb == "lose" and _KEPT_SPIRITS.intersection(words[:2]):
            asks = False  # "Don't lose heart", "Never lose your confidence": encouragement
    else:
        asks = verb in ASKING_VERBS and not _COURTESY.match(low, m.start("verb"))
    if not asks or (words[:1] and words[0] in ("me", "us", "of")):
        return None
    if not negated and words[:1] and words[0] in _FINITE:
        # "Fix was quick and clean", "Review is thorough": a bare noun as the subject of a
        # finite verb describes; no imperative is followed by "was".
        return None
    if (
        not negated
        and verb in _NOUN_TOO
        and (_has_a_subject(words) or not _reads_as_a_verb(verb, words))
    ):
        return None
    verb_start = m.start("neg") if negated else m.start("verb")
    return start + verb_start, start + m.end()


def _keeps_within_bounds(words: list[str]) -> bool:
    """Whether "keep" asks to hold something within bounds: "Keep your stories short"."""
    if not words or words[0] in ("up", "on", "at") or words[0].endswith("ing"):
        return False
    return any(word in _WITHIN_BOUNDS for word in words[1:5])


def _has_a_subject(words: list[str]) -> bool:
    """Whether a finite verb in the main clause makes the opening word its subject."""
    for word in words:
        if word in _SUBORDINATORS:
            return False
        if word in _FINITE:
            return True
    return False


def _reads_as_a_verb(verb: str, words: list[str]) -> bool:
    """Whether what follows an ambiguous opening word ("Focus", "Lead") makes it a verb."""
    if not words:
        return False
    first, second = words[0], (words[1] if len(words) > 1 else "")
    if first in _OBJECT_STARTS:
        return True
    if verb in _BEFORE_A_GERUND and first.endswith("ing") and len(first) > 5:
        return True
    if first in _PREPOSITIONS and second in _OBJECT_STARTS:
        return True
    return any(w in _CHANGE_WORDS for w in words)
