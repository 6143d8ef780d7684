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
    spend spends spent bring brings brought struggle struggles used built
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
_AUXILIARIES = _word_set("is are was were am be been being 's 're has have had")
# Words that open a relative clause inside a noun phrase: "the slides that went with it".
_RELATIVES = _word_set("that which who whom whose")
# How far into a noun phrase its own verb is looked for; a relative clause in it may
# push the verb further: "the slides that went with it were cluttered".
_VERB_REACH = 5
_VERB_REACH_AFTER_RELATIVE = 9
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# Words whose "and" pairs two items of one phrase: "the link between X and Y", "both X and Y".
_PAIRING = _word_set("between both")
# How far back a pairing word or a first gerund may sit: "between the findings from the
# parent interviews and ...", "examples of working with commercial stakeholders and ...".
_PAIR_REACH = 8
# Words ending in "ing" that are no gerund of a verb phrase.
_NOT_GERUNDS = _word_set(
    "during nothing something anything everything thing things bring string morning evening"
)


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
        return _has_own_verb(words[1:])
    return False


def _has_own_verb(words: list[str]) -> bool:
    """Whether a noun phrase's words go on to a verb of their own.

    A verb inside a relative clause is the clause's, not the phrase's: "the slides that
    went with it" has none of its own, "the slides that went with it were cluttered" has.
    """
    for i, word in enumerate(words[:_VERB_REACH]):
        if word in _RELATIVES:
            after = _relative_verb_end(words, i + 1)
            # The rest of its verb group is the clause's too: "that were attached".
            while (
                after < len(words) and words[after - 1] in _AUXILIARIES and _is_finite(words[after])
            ):
                after += 1
            return any(_is_finite(w) for w in words[after:_VERB_REACH_AFTER_RELATIVE])
        if _is_finite(word):
            return True
    return False


def _relative_verb_end(words: list[str], start: int) -> int:
    """Where the words after a relative clause's verb start; the clause starts at ``start``.

    Its verb follows the relative word ("who built it") or its subject ("which she made");
    many past forms are in no list, so the position decides, not the word.
    """
    j = start
    while j < len(words) and words[j] in _ADVERBS:
        j += 1
    if j < len(words) and words[j] in _DETERMINERS:
        # "that the team used": the first finite word after its subject, if any.
        verb = next((k for k in range(j + 1, min(len(words), j + 4)) if _is_finite(words[k])), j)
        return verb + 1
    if j < len(words) and words[j] in _SUBJECTS:
        j += 1
    while j < len(words) and words[j] in _ADVERBS:
        j += 1
    return j + 1


def _is_gerund(word: str) -> bool:
    return len(word) > 4 and word.endswith("ing") and word not in _NOT_GERUNDS


def _back_to_the_verb(words: list[str], reach: int) -> list[str]:
    """The last words, up to ``reach``, after the last verb, subject or "and" among them."""
    tail: list[str] = []
    for word in reversed(words[-reach:]):
        if word == "and" or word in _SUBJECTS or (_is_finite(word) and not _is_gerund(word)):
            break
        tail.append(word)
    return tail


def _paired(before: list[str]) -> bool:
    """Whether the last noun phrase follows "between" or "both", which its "and" completes."""
    return any(word in _PAIRING for word in _back_to_the_verb(before, _PAIR_REACH))


def _parallel_gerund(before: list[str], after: list[str]) -> bool:
    """Whether a verbless gerund phrase after "and" is the second of two gerunds.

    "lacked examples of working with stakeholders and handling pushback from a client":
    "handling pushback" is an object of "lacked" too, not a clause that judges apart; with
    a verb of its own ("and handling pushback was hard") it is a clause.
    """
    if not after or not _is_gerund(after[0]) or _has_own_verb(after[1:]):
        return False
    return any(_is_gerund(word) for word in _back_to_the_verb(before, _PAIR_REACH))


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

    The "and" is inside a phrase when it completes "between X and Y" or "both X and Y",
    or when what follows it is a noun phrase with no verb of its own and either opens with
    a determiner ("... and the testing"), continues a gerund before it ("working with
    stakeholders and handling pushback") or shares the object of a head before it ("more
    evidence of research and testing with users", "lacked structure and depth"). Anything
    else ("strong on data and weak on pricing") is left to the judgement of each side.
    """
    after_words = [w.lower() for w in _WORD.findall(after)[:12]]
    before_words = [w.lower() for w in _WORD.findall(before)]
    # "between two options and you explained why": a subject after it opens a clause.
    if _paired(before_words) and not (after_words and after_words[0] in _SUBJECTS):
        return False
    if not after_words or starts_a_clause(after_words):
        return True
    content = after_words[next((i for i, w in enumerate(after_words) if w not in _ADVERBS), 0) :]
    if content[0] in _DETERMINERS or _parallel_gerund(before_words, content):
        return False
    return not _governed(before_words)
