"""What a story's words measure: its numbers, its outcome verbs, "I" against "we", vague words."""

from __future__ import annotations

import re

# Digits with optional currency and unit, or a spelled-out quantity. "one" is left out: it is
# far more often a pronoun ("one of our clients") than a count.
_NUMBER_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    "ninety|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|half|"
    "halve|halved|double|doubled|twice|triple|tripled|quadrupled"
)
_NUMBER = re.compile(
    r"(?<![\w.])[€£$]?\d+(?:[.,]\d+)*(?:\s?(?:%|percent|k|m|bn|x)\b|%)?"
    rf"|\b(?:{_NUMBER_WORDS})\b",
    re.IGNORECASE,
)
# A bare year ("in 2023") dates the story but measures nothing.
_YEAR = re.compile(r"^(?:19|20)\d\d$")

_I_WORDS = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself", "mine"})
#: "I" as the subject: a step the person took, where "my team" or "for me" is none.
_I_ACTING = frozenset({"i", "i'm", "i've", "i'd", "i'll"})
_WE_WORDS = frozenset({"we", "we're", "we've", "we'd", "we'll", "our", "ours", "us", "ourselves"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")

# Words that sound like content but tell the listener nothing they could check.
VAGUE_WORDS = (
    "various",
    "some",
    "several",
    "many",
    "things",
    "stuff",
    "a lot",
    "lots of",
    "etc",
    "and so on",
    "helped",
    "worked on",
    "was involved",
    "were involved",
    "successfully",
    "basically",
    "kind of",
    "sort of",
    "somehow",
    "made sure",
    "on the same page",
    "everybody",
)
_VAGUE = re.compile(r"\b(" + "|".join(re.escape(w) for w in VAGUE_WORDS) + r")\b", re.IGNORECASE)

# Outcome phrases that claim success without saying what it was: the first lines an
# interview coach strikes ("it went really well", "everyone was happy").
_INTENSIFIER = r"(?:really|very|so|extremely|super|quite|pretty|incredibly|exceptionally)"
# "well" as a verdict, not "well ahead of", "well-known" or "as well".
_WELL = r"well(?![-\w])(?! (?:ahead|before|after|over|under|above|below|within|beyond|past|into))"
_VAGUEOUTCOME = re.compile(
    rf"\b(?:went|worked|turned out|played out|landed|did) (?:{_INTENSIFIER} )?{_WELL}"
    rf"|\b(?<!as ){_INTENSIFIER} {_WELL}"
    # "we communicated it well", "I handled the rollout well": a verdict in place of the how.
    rf"|\b(?!as\b)[a-z]+ed (?:it|this|that|them|things|everything|the \w+) (?:{_INTENSIFIER} )?"
    rf"{_WELL}"
    r"|\b(?:every(?:one|body)|everyone involved|all (?:the )?\w+|the \w+|they|stakeholders|"
    r"customers|leadership|management) (?:was|were|felt|seemed|is|are) (?:all )?"
    rf"(?:{_INTENSIFIER} )?(?:happy|pleased|satisfied|delighted|thrilled|impressed|on board)\b"
    rf"|\b(?:{_INTENSIFIER}|highly|hugely|wildly|massively) successful\b"
    r"|\b(?:a|an) (?:big|huge|great|massive|real|resounding|complete|total) success\b",
    re.IGNORECASE,
)
# Comparatives that promise a size and give none (and "positive feedback" from nobody
# counted): vague unless a number sits in the same sentence ("cut latency significantly,
# from 900 ms to 120 ms" says by how much).
_SIZE_ADVERB = (
    r"(?:significantly|substantially|dramatically|drastically|considerably|massively|vastly|"
    r"hugely|tremendously|greatly|noticeably|markedly|a great deal)"
)
_COMPARED = (
    r"(?:better|worse|improved|faster|slower|quicker|higher|lower|cheaper|more|less|fewer|"
    r"reduced|increased|decreased|smoother|easier|stronger)"
)
_VAGUE_SIZE = re.compile(
    rf"\b(?:{_SIZE_ADVERB}(?: {_COMPARED}\b)?|(?:much|far|way) {_COMPARED}\b"
    r"|positive (?:feedback|impact|outcome|results?)\b)",
    re.IGNORECASE,
)
# A sentence ends at . ! ? before a space or the end, not inside "1.2" or "e.g.x".
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?]+(?=[^\s.!?]))+[.!?]*")


def vague_wording(text: str) -> list[str]:
    """The vague words and phrases of a text, lower-cased, in the order they appear.

    A phrase found inside a longer one counts once, as the longer one ("everybody was
    happy", not also "everybody").
    """
    found = [(m.start(), m.end()) for m in _VAGUE.finditer(text)]
    found += [(m.start(), m.end()) for m in _VAGUEOUTCOME.finditer(text)]
    for sentence in _SENTENCE.finditer(text):
        if not numbers(sentence.group()):
            found += [
                (sentence.start() + m.start(), sentence.start() + m.end())
                for m in _VAGUE_SIZE.finditer(sentence.group())
            ]
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda span: (span[0], -span[1])):
        if kept and start < kept[-1][1]:
            continue  # inside (or overlapping) one already kept
        kept.append((start, end))
    return [" ".join(text[start:end].lower().split()) for start, end in kept]


# Verbs that report a change in the world; "went well" and "was happy" are not among them.
OUTCOME = re.compile(
    r"\b(reduc|increas|cut|sav|grew|grow|improv|launch|deliver|won|win|approv|fell|rose|"
    r"went (?:up|down|live)|clear|achiev|ship|adopt|avoid|prevent|caught|complet|decreas|"
    r"doubl|halv|raised|exceed|beat|hired|promot|accept|signed|closed|resolv|retain|recover|"
    r"on time|under budget|ahead of)\w*",
    re.IGNORECASE,
)


def measured(text: str) -> tuple[list[str], bool]:
    """The numbers a text gives (bare years left out), and whether it reports an outcome."""
    return numbers(text), bool(OUTCOME.search(text))


def words(text: str) -> list[str]:
    """The words of a text, numbers included, as a listener counts them."""
    return _WORD.findall(text)


def numbers(text: str) -> list[str]:
    """The figures a text gives, bare years left out."""
    return [m.group().strip() for m in _NUMBER.finditer(text) if not _YEAR.match(m.group())]


def pronouns(action: str) -> tuple[int, int, int]:
    """How often a text says "I" (me, my ...), "we" (our, us ...), and "I" as the one acting."""
    mine = ours = acting = 0
    for raw in words(action.replace("’", "'")):
        word = raw.lower()
        if word in _I_WORDS:
            mine += 1
            acting += word in _I_ACTING
        elif word in _WE_WORDS and raw != "US":  # "US" is a country, not us
            ours += 1
    return mine, ours, acting
