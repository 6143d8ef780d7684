"""Score one clause word by word: lexicon hits, negation, governed objects, intensity."""

from __future__ import annotations

import re
from functools import cache

from nextround.analysis import polarity_lexicon as lex
from nextround.analysis.phrase_alternation import PhraseAlternation
from nextround.analysis.polarity_absence import UNSEEN_DEFAULT
from nextround.analysis.polarity_difficulty import COPULA_WORDS
from nextround.analysis.polarity_lexicon import word_set
from nextround.analysis.polarity_phrases import PHRASES
from nextround.analysis.polarity_words import (
    NEGATOR,
    NO_JUDGEMENT,
    OTHER,
    POLAR,
    SCALE,
    Entry,
    entry,
    is_flaw_noun,
)

# How far (in words) a negator or a governing word reaches; a conjunction or punctuation
# ends the reach sooner ("fails to keep people informed, and ...").
_NEGATION_REACH = 8
_GOVERNOR_REACH = 5
# A flipped criticism is a little weaker than the plain praise ("not bad" < "good").
_FLIP_NEGATIVE = 0.9
# Negativity bias: a named flaw outweighs praise words, which in critical statements are
# often just the object of the flaw ("rarely recognises good work").
NEGATIVITY = 1.5

_SCOPE_BREAK = frozenset(',;:.!?()[]—–"“”')
# Punctuation after which a new clause, and so an imperative, may start; a "(" opens an
# aside label more often ("Helen (mentor)").
_CLAUSE_START = frozenset(",;:.!?—–")
_SCOPE_END_WORDS = word_set(
    "and or but when whenever while because as if unless so although though whereas who which where"
)
# After praise, these open the topic of the praise: "honest about mistakes", "calm in a
# crisis", "good at spotting errors".
_TOPIC_PREPOSITIONS = word_set(
    "about of from on with at in under to towards through despite during"
)
_FLAW_TOPIC = -2  # absorber sign: swallows only flaw nouns ("honest about mistakes")
_TOPIC_REACH = 3
_CONTRACTION_BASES = {"ca": "can", "wo": "will", "sha": "shall"}


class Unit:
    """A word or matched phrase of the clause, with its offsets in the clause."""

    __slots__ = ("end", "entry", "kind", "start")

    def __init__(self, start: int, end: int, entry: Entry, kind: str = ""):
        self.start, self.end, self.entry, self.kind = start, end, entry, kind


class Contribution:
    """One piece of evidence: a signed score, a cue label and the span it came from."""

    __slots__ = ("end", "label", "score", "start")

    def __init__(self, score: float, label: str, start: int, end: int):
        self.score, self.label, self.start, self.end = score, label, start, end


class Tally:
    """The evidence of one clause, summed with the negativity bias.

    ``aside`` says the clause turned into context ("the panel values ..."), which is no
    behaviour indicator either.
    """

    __slots__ = ("aside", "contributions")

    def __init__(self, contributions: list[Contribution] | None = None):
        self.contributions = contributions if contributions is not None else []
        self.aside = False

    @property
    def net(self) -> float:
        return sum(weighted(c.score) for c in self.contributions)

    @property
    def mass(self) -> float:
        return sum(abs(weighted(c.score)) for c in self.contributions)


def weighted(score: float) -> float:
    """A contribution's weight in the sum: criticism counts ``NEGATIVITY`` times."""
    return score * NEGATIVITY if score < 0 else score


class _Scope:
    __slots__ = ("contribution", "reach", "resolved", "sign", "unit")

    def __init__(self, unit: Unit, reach: int, contribution: Contribution | None, sign: int):
        self.unit, self.reach, self.contribution, self.sign = unit, reach, contribution, sign
        self.resolved = False


@cache
def _token_pattern() -> re.Pattern[str]:
    return re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


@cache
def _phrases() -> PhraseAlternation:
    # Compiled as one regex the phrases cost a cold command about 60 ms; a clause needs the
    # few whose words it has (see ``phrase_alternation``), and gets the same matches.
    return PhraseAlternation([source for _, _, source in PHRASES])


@cache
def _denial_pattern() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:it|this)(?:'s not| is not| was not| isn't| wasn't) that\b|^\W*not that\b"
    )


def score_span(text: str, start: int, end: int) -> Tally:
    """The evidence in text[start:end], with offsets into ``text``."""
    low = _normalise(text[start:end])
    tally = _read_denials(low, _units(low))
    for c in tally.contributions:
        c.start += start
        c.end += start
    return tally


def _read_denials(low: str, units: list[Unit]) -> Tally:
    """The clause's evidence, where "it wasn't that ..." denies the whole claim after it.

    In "It wasn't that your technical depth was lacking" the denial is of "depth was
    lacking", a gap, so the sentence is praise; read word by word, "not" would fall on the
    first judging word ("depth") and make it a gap. The claim runs to the end of the
    clause; a claim that judges nothing leaves nothing to deny.
    """
    contributions: list[Contribution] = []
    aside = False
    done = 0  # where the part not read yet starts
    pattern = _denial_pattern()
    while (denial := pattern.search(low, done)) is not None:
        stop = next(
            (i for i in range(denial.end(), len(low)) if _breaks_scope(low, i, i + 1)), len(low)
        )
        before = _walk(low, [u for u in units if u.start >= done and u.end <= denial.start()])
        claim = _walk(low, [u for u in units if u.start >= denial.end() and u.end <= stop])
        contributions += before.contributions
        aside = aside or before.aside or claim.aside
        net = claim.net
        if net:
            # A denied gap is praise, a little weaker than saying it outright.
            score = -net * _FLIP_NEGATIVE if net < 0 else -net
            label = "negated criticism" if net < 0 else "negated praise"
            end = max(c.end for c in claim.contributions)
            contributions.append(Contribution(score, label, denial.start(), end))
        done = stop
    rest = _walk(low, [u for u in units if u.start >= done])
    tally = Tally(contributions + rest.contributions)
    tally.aside = aside or rest.aside
    return tally


def _normalise(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few characters grow when lowered; keep offsets aligned
        low = "".join(ch.lower()[0] for ch in text)
    return low.replace("’", "'").replace("‘", "'")


def _units(low: str) -> list[Unit]:
    units: list[Unit] = []
    covered_until = -1
    phrases = _phrases().finditer(low)
    p = 0
    for m in _token_pattern().finditer(low):
        while p < len(phrases) and phrases[p][1].start() <= m.start():
            index, ph = phrases[p]
            p += 1
            if ph.start() < covered_until:
                continue
            kind, weight, _ = PHRASES[index]
            if kind == "mild":
                if _softens_praise(ph.group()):
                    continue  # "slightly more confident": the words read as they are
                kind = "hedge"
            if kind in ("neutral", "aside"):
                found = NO_JUDGEMENT
            elif kind in ("negator", "unseen"):
                found = Entry(NEGATOR, weight)
            else:
                found = Entry(POLAR, weight, 1 if weight < 0 else 0)
            units.append(Unit(ph.start(), ph.end(), found, kind))
            covered_until = ph.end()
        if m.start() >= covered_until:
            units.extend(_token_units(m.group(), m.start(), m.end()))
    return units


def _softens_praise(phrase: str) -> bool:
    """Whether the word a hedge softens ("a bit ___") is praise or no judgement at all."""
    found = entry(phrase.rsplit(" ", 1)[-1])
    return found.role != OTHER and not (found.role == POLAR and found.score < 0)


def _token_units(word: str, start: int, end: int) -> list[Unit]:
    if word.endswith("n't"):
        base = _CONTRACTION_BASES.get(word[:-3], word[:-3])
        return [Unit(start, end - 3, entry(base)), Unit(end - 3, end, entry("not"))]
    if word.endswith("'s"):
        word = word[:-2]
    found = entry(word)
    if found.role == OTHER and "-" in word:
        # An unknown compound ("well-argued", "poorly-scoped") reads as its parts.
        units: list[Unit] = []
        offset = start
        for part in word.split("-"):
            units.append(Unit(offset, offset + len(part), entry(part)))
            offset += len(part) + 1
        return units
    return [Unit(start, end, found)]


def _breaks_scope(low: str, start: int, end: int) -> bool:
    gap = low[start:end]
    return any(ch in _SCOPE_BREAK for ch in gap) or " - " in gap


def _walk(low: str, units: list[Unit]) -> Tally:
    walker = _Walker(low)
    aside = False
    shown_by: frozenset[str] = frozenset()  # verbs that praise in the clause brought back
    for i, u in enumerate(units):
        if u.kind == "aside":
            # What the panel values in general is context up to a conjunction that may
            # bring the person back: "they value ownership, which you showed".
            walker.tally.aside = aside = True
            continue
        brought_back = False
        if aside:
            if not _brings_back_the_person(low, units, i):
                continue
            aside, brought_back = False, True
        if i and _breaks_scope(low, walker.prev_end, u.start):
            walker.close_scopes()
            shown_by = frozenset()
        if brought_back:
            shown_by = _showing_verbs(low, units[i + 1])
        unit = Unit(u.start, u.end, _SHOWN, "praise") if low[u.start : u.end] in shown_by else u
        role = unit.entry.role
        if role == POLAR and _is_a_noun_here(low, units, i):
            role = OTHER
        if role == NEGATOR:
            walker.negator(unit, quantifier=_is_quantifier(low, units, i))
        elif role == SCALE:
            walker.scale(unit)
        elif role == OTHER:
            walker.other(unit)
        else:
            walker.polar(unit)
    walker.close_negation()
    _outweigh_the_substitute(low, walker.tally)
    return walker.tally


# The alternatives a behaviour is said to pass over (negators in ``polarity_phrases``).
_ALTERNATIVES = ("rather than", "instead of", "in place of", "as opposed to")
# What praise for the substitute keeps when the alternative passed over is good practice.
_SUBSTITUTE_KEPT = 0.25


def _outweigh_the_substitute(low: str, tally: Tally) -> None:
    """Praise for what is done instead of good practice counts little.

    "The risk log is updated before committees rather than used to steer them" names what
    should happen ("steer") and says it does not: the praise word for what happens instead
    ("updated") describes the substitute, not a strength, as the topic of a criticism
    would. Only an alternative that holds praise does this: "focuses on solutions rather
    than blame" passes over a flaw and stays praise.
    """
    for c in tally.contributions:
        if c.label != "negated praise" or not low.startswith(_ALTERNATIVES, c.start):
            continue
        # The substitute is what comes before the alternative in the same stretch of clause.
        begin = max((i + 1 for i in range(c.start) if low[i] in _SCOPE_BREAK), default=0)
        for d in tally.contributions:
            if d.score > 0 and d.start >= begin and d.end <= c.start:
                d.score *= _SUBSTITUTE_KEPT


class _Walker:
    """Left-to-right state: the open negation, the governing word, the intensity."""

    __slots__ = (
        "absorber",
        "advice",
        "last_praise",
        "low",
        "negation",
        "prev_end",
        "scale_by",
        "scale_reach",
        "tally",
    )

    def __init__(self, low: str) -> None:
        self.low = low
        self.tally = Tally()
        self.negation: _Scope | None = None
        self.absorber: _Scope | None = None
        self.scale_by, self.scale_reach = 1.0, 0
        self.prev_end = 0
        self.last_praise: Contribution | None = None
        # Open advice ("would be great to see more ...") swallows the praise words after
        # it to the end of the clause, commas included: they name what to work on.
        self.advice: Contribution | None = None

    def close_negation(self) -> None:
        n = self.negation
        if n is not None and not n.resolved:
            # A negator with nothing judged after it still names a gap: "rarely attends".
            default = _negator_default(self.low, n.unit, -0.5)
            if default:
                label = "not shown" if n.unit.kind == "unseen" else "negation"
                self.tally.contributions.append(
                    Contribution(default, label, n.unit.start, self.prev_end)
                )
        self.negation = None

    def close_scopes(self) -> None:
        self.close_negation()
        self.absorber, self.scale_reach = None, 0

    def negator(self, u: Unit, *, quantifier: bool) -> None:
        if not quantifier:
            self.close_negation()
            # A negator starts a new construction: "handled the outage without panic".
            self.negation, self.absorber = _Scope(u, _NEGATION_REACH, None, 0), None
        self.prev_end = u.end

    def scale(self, u: Unit) -> None:
        self.scale_by, self.scale_reach = u.entry.score, 2
        self.prev_end = u.end

    def other(self, u: Unit) -> None:
        self.prev_end = u.end
        word = self.low[u.start : u.end]
        praise, self.last_praise = self.last_praise, None
        if word in _SCOPE_END_WORDS:
            self.close_scopes()
            return
        if praise is not None and word in _TOPIC_PREPOSITIONS and self.absorber is None:
            self.absorber = _Scope(u, _TOPIC_REACH, praise, _FLAW_TOPIC)
            return
        if self.negation is not None:
            self.negation.reach -= 1
            if self.negation.reach <= 0:
                self.close_negation()
        if self.absorber is not None:
            self.absorber.reach -= 1
            if self.absorber.reach <= 0:
                self.absorber = None
        self.scale_reach = max(0, self.scale_reach - 1)

    def _avoids_a_flaw(self, absorber: _Scope, e: Entry) -> bool:
        """Turn "avoids jargon" into praise; "avoids conflict" (a topic) stays a gap."""
        c = absorber.contribution
        if c is None or not absorber.unit.entry.avoids or e.topic or e.score >= 0 or c.score >= 0:
            return False
        c.score, c.label = -c.score * _FLIP_NEGATIVE, "avoids a flaw"
        c.end = self.prev_end
        return True

    def polar(self, u: Unit) -> None:
        self.prev_end = u.end
        if u.kind == "difficulty":
            # What the person found hard is no achievement of theirs: "Handling pushback
            # was hard for you" is not "handling", praised, and then absorbed.
            self.absorber = None
        if u.kind == "verdict" and self.low[u.start : u.end].split(" ", 1)[0] in COPULA_WORDS:
            # A verdict passed with a copula judges its subject, never the object of a verb
            # before it: in "your answers on coaching CSMs were pretty thin" the praise
            # verb ("coaching") is the topic. "You addressed the concerns" stays an object.
            self.absorber = None
        e, negation, absorber = u.entry, self.negation, self.absorber
        sign = 1 if e.score > 0 else -1
        if self.advice is not None and sign > 0 and negation is None:
            self.advice.end = u.end
            return
        if absorber is not None and absorber.contribution and self._avoids_a_flaw(absorber, e):
            return
        if absorber is not None and absorber.sign == _FLAW_TOPIC:
            if absorber.contribution and is_flaw_noun(self.low[u.start : u.end]):
                absorber.contribution.end = u.end
                return
            absorber = self.absorber = None
        if absorber is not None and absorber.contribution and (absorber.sign == sign or e.topic):
            absorber.contribution.end = u.end
            return
        if e.topic and (negation is None or negation.reach < _NEGATION_REACH - 1):
            # "risk" alone is what the feedback is about, not how it went; only right
            # after a negator ("no issues", "without any errors") does it judge.
            return
        if u.kind == "hedge" and negation is not None:
            return  # "does not see the need to change": the hedge is only the object
        score = e.score * (self.scale_by if self.scale_reach else 1.0)
        self.scale_reach = 0
        if negation is not None and negation.resolved and negation.contribution:
            # Words under one negator are one cue: "not handle conflict well" flips verb
            # and adverb, while the object of "not listen to concerns" stays absorbed.
            last = negation.contribution
            if (last.score < 0) == (e.score > 0):
                last.score -= score * negation.unit.entry.score
            last.end = u.end
            return
        contribution = _contribution(self.low, u, score, negation)
        if u.kind == "difficulty" and negation is None:
            self._fold_what_was_hard(contribution)
        self.tally.contributions.append(contribution)
        if u.kind in ("advice", "gap area", "verdict", "difficulty") and negation is None:
            self.advice = contribution
        self.last_praise = contribution if contribution.score > 0 else None
        if negation is not None:
            negation.resolved, negation.contribution = True, contribution
        if e.governs:
            self.absorber = _Scope(u, _GOVERNOR_REACH, contribution, e.governs)
        elif e.score < 0 and not e.topic:
            # A criticism swallows the praise word it modifies: "poor communication skills".
            self.absorber = _Scope(u, 1, contribution, 1)
        else:
            self.absorber = None

    def _fold_what_was_hard(self, difficulty: Contribution) -> None:
        """Make the praise words before "was hard for you" part of the difficulty.

        They name what was hard ("Handling pushback", "The stakeholder question"), the
        subject of the copula the phrase begins with; praise before "found it hard" is
        the person's own and stays.
        """
        low = self.low
        if low[difficulty.start : difficulty.end].split(" ", 1)[0] not in COPULA_WORDS:
            return
        begin = max((i + 1 for i in range(difficulty.start) if low[i] in _SCOPE_BREAK), default=0)
        named = [c for c in self.tally.contributions if c.score > 0 and c.start >= begin]
        if named:
            difficulty.start = min(c.start for c in named)
            self.tally.contributions = [c for c in self.tally.contributions if c not in named]


def _contribution(low: str, u: Unit, score: float, negation: _Scope | None) -> Contribution:
    if negation is None:
        return Contribution(
            score, u.kind or ("praise" if score > 0 else "criticism"), u.start, u.end
        )
    flipped = -score * negation.unit.entry.score
    if flipped > 0:
        flipped *= _FLIP_NEGATIVE
    else:
        # "does not handle conflict" is at least as bad as a bare "does not".
        flipped = min(flipped, _negator_default(low, negation.unit, 0.0))
    label = "negated praise" if score > 0 else "negated criticism"
    if u.entry.topic:
        label = "negation"
    return Contribution(flipped, label, negation.unit.start, u.end)


def _negator_default(low: str, unit: Unit, otherwise: float) -> float:
    """What a negator stands for with nothing judged after it ("rarely attends")."""
    if unit.kind == "unseen":
        return UNSEEN_DEFAULT
    return lex.NEGATOR_DEFAULT.get(low[unit.start : unit.end], otherwise)


# "..., which you showed": the valued thing, shown, counts as one clear praise word.
_SHOWN = Entry(POLAR, 1.0)


def _showing_verbs(low: str, subject: Unit) -> frozenset[str]:
    """The verbs that praise in a clause that brings the person back after an aside.

    Showing the valued thing, or being seen to have it, is having it; only the person
    shows ("which they showed" may be the company), but anyone may see it in them.
    """
    if low[subject.start : subject.end] in lex.THE_PERSON:
        return lex.SEEING_VERBS | lex.SHOWING_VERBS
    return lex.SEEING_VERBS


# Who a conjunction may bring back after an aside: "..., which you showed".
_PERSON_WORDS = word_set("you your i my he his she her they their we")


def _brings_back_the_person(low: str, units: list[Unit], i: int) -> bool:
    """Whether units[i] is a conjunction that starts a clause about the person again.

    "We care about ownership and excellent communication" goes on listing what is valued;
    "they value ownership, which you showed" is about the person again.
    """
    if low[units[i].start : units[i].end] not in _SCOPE_END_WORDS or i + 1 >= len(units):
        return False
    nxt = units[i + 1]
    return low[nxt.start : nxt.end] in _PERSON_WORDS


def _is_a_noun_here(low: str, units: list[Unit], i: int) -> bool:
    """Whether a praise verb that is as often a noun ("review", "lead") is one here.

    Only its bare form is ambiguous ("reviews progress" stays a verb); it is a verb where
    a clause starts (an indicator's imperative: "Plan ahead") or after a word that takes
    a verb ("able to plan", "we review"), and a noun after anything else: "Mid-year
    review", "a dependable delivery lead", "Helen (mentor)".
    """
    u = units[i]
    if low[u.start : u.end] not in lex.NOUN_OR_VERB:
        return False
    if i == 0:
        return False
    prev = units[i - 1]
    gap = low[prev.end : u.start]
    if any(ch in _CLAUSE_START for ch in gap):
        return False
    before = low[prev.start : prev.end]
    if before in lex.VERB_TAKERS or before.endswith("ly"):
        return False
    # "She is a natural mentor": a role the person is called still praises them.
    articles = {low[v.start : v.end] for v in units[max(0, i - 2) : i]}
    return not (low[u.start : u.end] in lex.PRAISED_ROLES and articles & {"a", "an"})


def _is_quantifier(low: str, units: list[Unit], i: int) -> bool:
    """Whether this is "a little"/"a few", which softens rather than negates."""
    u = units[i]
    if low[u.start : u.end] not in ("little", "few") or i == 0:
        return False
    prev = units[i - 1]
    return low[prev.start : prev.end] == "a"
