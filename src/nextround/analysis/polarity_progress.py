"""Progress over a past gap: "Risk management was a growth area, but you have improved a lot since".

A reviewer names what used to be a gap and says it is one no longer. The sentence is about
the present, and the present is good: it is a strength, of the skill the first clause
names. Read clause by clause it is a gap and a praise word that cancel out, and cut in two
it would be a gap the person has left behind and a bare "you have improved a lot since"
that says of what.

A "progress" phrase is an improvement that refers back rather than naming a topic of its
own: its subject is the person or a pronoun and nothing but degree and time follows it
("you've come a long way since", "it has improved considerably", "that's much better
now"). When such a clause decides a sentence whose other clause names a gap in the past
tense, the gap does not count (see ``polarity``), and the splitter keeps the sentence
whole (see ``statements``). Patterns are written from how reviews phrase progress in
general, not from any one text.
"""

from __future__ import annotations

import re
from functools import cache

# Who improved: the person, by pronoun or name, or the pronoun for the skill named before.
# A one-word subject may be a topic ("SQL has improved"), which ``refers_back`` tells apart.
_WHO = r"(?:this area|that area|this one|that one|[a-z]+)"
_PRONOUNS = frozenset(["you", "he", "she", "they", "it", "this", "that", "things"])
_HAS = r"(?:'ve|'s| have| has| had)"
_ADVERB = (
    r"(?:really|since|now|clearly|already|definitely|certainly|noticeably|visibly|"
    r"genuinely|also|massively|significantly|greatly|hugely|considerably|steadily)"
)
_IMPROVED = (
    r"(?:improved|progressed|grown|developed|matured|come (?:on|along|a long way)|"
    r"turned (?:it|this|that|things) around|got(?:ten)? (?:much |a lot |far |way |so much )?"
    r"better|made (?:real |great |good |huge |big |clear |visible |steady |a lot of |"
    r"significant |solid )?(?:progress|strides|improvements?|headway))"
)
_NOW_FINE = (
    r"(?:is|are|'s|'re) (?:now |much |a lot |far |way |so much |clearly |definitely )*"
    r"(?:better|stronger|improved|a strength|one of (?:your|his|her|their) strengths|solid|"
    r"fine|no longer (?:a|an) (?:issue|concern|problem|gap|weakness|worry))"
)
# Only degree and time may follow: "a lot", "considerably", "since then", "over the last
# few months", "in that area".
_DEGREE_OR_TIME = (
    r"(?: (?:a lot|loads|lots|considerably|significantly|massively|hugely|greatly|"
    r"dramatically|markedly|noticeably|substantially|enormously|tremendously|a great deal|"
    r"so much|really well|well|since|since then|there|on (?:that|this|it)|in (?:that|this) "
    r"(?:area|respect|regard|space)|over (?:the|this) (?:last|past) (?:few |couple of )?"
    r"(?:weeks|months|quarters|years|year|quarter|half|cycle)|recently|already|now|too|"
    r"as well|this (?:year|quarter|half|cycle)|since (?:then|the last review|last year)))*"
)

_LEADS = frozenset(["since", "then", "now", "today", "these", "days", "happily", "thankfully"])

PROGRESS_PHRASES: tuple[tuple[str, float, str], ...] = (
    (
        "progress",
        1.2,
        rf"^(?:(?:since then|now|today|these days|happily|thankfully),? )?"
        rf"(?:{_WHO}{_HAS}? (?:{_ADVERB} )*{_IMPROVED}|{_WHO} {_NOW_FINE}|{_WHO}{_NOW_FINE})"
        rf"{_DEGREE_OR_TIME}(?=[\s.!]*$)",
    ),
)

# What puts a gap in the past: "was a growth area", "used to struggle", "last year".
_PAST = (
    r"\b(?:was|were|used to|had been|has been|have been|had|previously|earlier|initially|"
    r"at first|at the start|in the past|back then|last (?:year|quarter|time|review|half|cycle))\b"
)
# Words without which no clause reports progress; the splitter looks for them first.
_PROGRESS_WORDS = (
    r"\b(?:improved|progressed|grown|developed|matured|come|turned|better|progress|strides|"
    r"improvements?|headway|stronger|strength|solid|fine|no longer)\b"
)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def in_the_past(clause: str) -> bool:
    """Whether a clause speaks of the past: "was a growth area", "used to be a weakness"."""
    return _compiled(_PAST).search(clause) is not None


def refers_back(progress: str) -> bool:
    """Whether a progress phrase, as written, is about the person or what was named before.

    Its subject is a pronoun ("it has improved") or a name ("Sam has improved"), not a
    topic of its own ("SQL has improved", "communication has improved").
    """
    words = [w.strip(",") for w in progress.split()]
    while len(words) > 1 and words[0].lower() in _LEADS:
        words.pop(0)
    subject = words[0] if words else ""
    name = subject[:1].isupper() and subject[1:].islower()
    return subject.lower().split("'")[0] in _PRONOUNS or name


def may_report_progress(sentence: str) -> bool:
    """A cheap first look: whether a sentence holds a word progress is reported with."""
    return _compiled(_PROGRESS_WORDS).search(sentence) is not None
