"""Whether an "and" joins two clauses, which may judge apart, or two items of one phrase.

"You came across as very user-centred and your presentation was a bit long" joins two
clauses: the second has a subject and a verb of its own, and each judges on its own.
"We wanted more evidence of research and testing with users" joins two objects of one
head: "testing with users" is what was missing too, and cut off it would read as praise.
No tagger is used: a short word list of subjects, determiners and finite verbs is enough
to tell a clause's start from a noun phrase's, and the reading stays cheap.
"""

from __future__ import annotations

import re


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SUBJECTS = _word_set("i you he she we they it there someone everyone nobody everybody")
_DETERMINERS = _word_set(
    "your his her their our my its the this that these those a an some most many all both"
)
_FINITE = _word_set("""
    is are was were am be been 's 're has have had do does did can could will would shall
    should may might must need needs seem seems seemed feel feels felt look looks looked
    come comes came go goes went get gets got make makes made take takes took give gives
    gave show shows showed lack lacks run runs ran keep keeps kept leave leaves left lose
    lost fall falls fell know knows knew think thinks thought say says said tend tends
    spend spends spent bring brings brought struggle struggles
    """)
# Adverbs that may stand between "and" and the verb or subject of its clause.
_ADVERBS = _word_set(
    "also then really just often sometimes still even clearly always never occasionally "
    "quickly again too equally similarly overall"
)
# Heads whose object a coordinated noun phrase shares: "more X and Y", "lacked X and Y",
# "wanted more evidence of X and Y", "without X and Y".
_HEADS = _word_set(
    "more less fewer enough little no lack lacks lacked lacking missing without wanted "
    "want wants needed need needs expected hoped"
)
# How far back a head may govern the last noun phrase: "more evidence of user research".
_HEAD_REACH = 5
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _is_finite(word: str) -> bool:
    return word in _FINITE or word.endswith("n't") or (len(word) > 4 and word.endswith("ed"))


def starts_a_clause(words: list[str]) -> bool:
    """Whether lower-case words open a clause: a subject, a verb, or a noun and its verb."""
    while words and words[0] in _ADVERBS:
        words = words[1:]
    if not words:
        return False
    first = words[0]
    if first in _SUBJECTS or _is_finite(first):
        return True
    if first in _DETERMINERS:
        # "your presentation was a bit long" opens a clause; "the testing with users" does not.
        return any(_is_finite(w) for w in words[1:6])
    return False


def _governed(words: list[str]) -> bool:
    """Whether the last noun phrase of these words is the object of a head of quantity."""
    for word in reversed(words[-_HEAD_REACH:]):
        if word in _HEADS:
            return True
        if _is_finite(word) or word in _SUBJECTS:
            return False
    return False


def joins_clauses(before: str, after: str) -> bool:
    """Whether "and" between ``before`` and ``after`` joins clauses, not items of a phrase.

    The "and" is inside a phrase when what follows it is a noun phrase with no verb of its
    own and either opens with a determiner ("... and the testing") or shares the object of
    a head before it ("more evidence of research and testing with users", "lacked
    structure and depth"). Anything else ("strong on data and weak on pricing") is left to
    the judgement of each side.
    """
    after_words = [w.lower() for w in _WORD.findall(after)[:8]]
    if not after_words or starts_a_clause(after_words):
        return True
    first = next((w for w in after_words if w not in _ADVERBS), "")
    if first in _DETERMINERS:
        return False
    before_words = [w.lower() for w in _WORD.findall(before)]
    return not _governed(before_words)
