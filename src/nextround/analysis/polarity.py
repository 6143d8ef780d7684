"""Read whether a feedback statement or behaviour indicator shows a strength, a gap or neither."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from nextround.analysis import polarity_lexicon as lex
from nextround.analysis.clauses import Clause, contrast_clauses
from nextround.analysis.polarity_areas import (
    area_label,
    asks_for_change,
    goals_label,
    list_label_end,
)
from nextround.analysis.polarity_imperative import imperative_span
from nextround.analysis.polarity_importance import says_what_matters
from nextround.analysis.polarity_progress import in_the_past, refers_back
from nextround.analysis.polarity_scoring import Contribution, Tally, score_span
from nextround.domain.competency import Polarity

# Importing typing would cost more than this module; mypy treats any constant named
# TYPE_CHECKING as true.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from collections.abc import Sequence

# Below this net score a reading is neutral; one clear word (~1.0) passes, a generic
# action verb (~0.4) alone does not.
_THRESHOLD = 0.45
# Weight of a section heading ("Areas for development:") on the lines under it.
_HEADING_WEIGHT = 1.2
# Frameworks list good practice unless they name a flaw (see ``_is_indicator``).
_INDICATOR_PRIOR = 0.3
_PRIOR_ONLY_CONFIDENCE = 0.55
# What an outweighed clause ("strong communicator, but …") still counts for.
_OUTWEIGHED = 0.25
# Below this lexical confidence an embedding probe, when given, decides instead; a probe
# this unsure of itself leaves the lexical reading alone.
_PROBE_GATE = 0.7
_PROBE_MIN_LOGIT = 0.25
_LEXICAL_SHIFT = 1.0
_COLON = re.compile(r":|\s[—–-]\s")


@dataclass(frozen=True)
class PolarityReading:
    """A polarity with a heuristic confidence in [0, 1] and the cues that explain it.

    The confidence grows with the amount of agreeing evidence and shrinks with evidence
    the other way; it is not a calibrated probability.
    """

    polarity: Polarity
    confidence: float
    cues: tuple[str, ...]


def read_polarity(
    text: str,
    *,
    heading: str | None = None,
    embedding: Sequence[float] | None = None,
    feedback: bool = False,
) -> PolarityReading:
    """Read the polarity of one statement.

    Negation ("never missed a deadline"), hedges ("could have gone deeper on"), intensity
    and the behaviour-indicator style of competency frameworks ("Blames others when
    things go wrong") are read. Given a whole sentence, the clause after "but"/"however"
    decides, and the main clause outweighs an "although …" concession. ``heading`` is the
    section the statement sits under (``Statement.heading``); it decides when the
    statement alone does not.

    ``embedding``, the statement's L2-normalised all-MiniLM-L6-v2 vector (as the semantic
    mapper computes it), lets a trained probe decide where the words alone are weak or
    mixed; a statement with no judgement in its words stays neutral either way.

    ``feedback`` says the text is feedback given to the person rather than a framework's
    indicator: there an imperative ("Quantify impact more") is advice to them, a gap,
    where an indicator's imperative ("Plan ahead") describes good practice.
    """
    from nextround.analysis.polarity_requirements import expectation_reading, requirement_reading

    unmet = requirement_reading(text)
    if unmet is not None:
        return unmet
    reading, judged, net = _lexical_reading(text, heading, feedback=feedback)
    if reading.polarity is not Polarity.GAP:
        expected = expectation_reading(text)
        if expected is not None:
            return expected
    if feedback and reading.polarity is Polarity.NEUTRAL:
        reading, judged, net = _as_said_to_you(text, heading, (reading, judged, net))
    if feedback and not judged:
        reading, judged, net = _work_done(text, (reading, judged, net))
    if embedding is None or not judged:
        return reading
    if heading and (
        goals_label(heading) or (reading.polarity is Polarity.GAP and area_label(heading) == "area")
    ):
        # Under "Areas to develop:" a point names what to develop, which is a good thing
        # ("Structured executive summaries"): the probe, blind to the heading, reads praise.
        # Under "Objectives for 2026" a goal reads as good practice to it likewise.
        return reading
    if reading.polarity is not Polarity.NEUTRAL and reading.confidence >= _PROBE_GATE:
        return reading
    from nextround.analysis.polarity_probe import probe_logit

    # The weak words still count: they shift the probe's log-odds rather than vanish.
    logit = probe_logit(embedding) + _LEXICAL_SHIFT * net
    if abs(logit) < _PROBE_MIN_LOGIT:
        return reading
    p = 1.0 / (1.0 + math.exp(-logit))
    polarity = Polarity.STRENGTH if logit > 0 else Polarity.GAP
    what = "good practice" if logit > 0 else "a flaw"
    cue = f"meaning: reads as {what} to the embedding probe (p={max(p, 1 - p):.2f})"
    confidence = 0.5 + 0.4 * abs(2.0 * p - 1.0)
    return PolarityReading(polarity, round(confidence, 3), (cue, *reading.cues))


def _lexical_reading(
    text: str, heading: str | None, *, feedback: bool = False
) -> tuple[PolarityReading, bool, float]:
    """The reading from words alone, and whether the words hold any judgement at all."""
    if _is_question(text):
        # "Tell me about a time you failed" mentions a flaw but judges nobody.
        reading = PolarityReading(Polarity.NEUTRAL, 0.8, ("question: asks rather than judges",))
        return reading, False, 0.0
    if heading and goals_label(heading):
        return _goal_reading(text, heading), False, 0.0
    # Under "Strengths:" or "Keep doing:" an imperative names what to go on doing.
    asks = feedback and not (heading and _encourages(heading))
    ev = _evidence(text, asks=asks)
    area = area_label(heading) if heading else None
    change = area is not None and (ev.indicator or asks_for_change(text))
    if area == "area" or (area == "opportunity" and (ev.flawed or change)):
        # Under "Development opportunity:" the words name what to develop: praise counts
        # as it does before an area named in a sentence ("I see commercial awareness as a
        # growth area"), and in a request for change ("clearer written updates", "Build
        # buffers first") not at all, as after the label.
        ev = _evidence(text, praise_kept=0.0 if change else _OUTWEIGHED, asks=asks)
    else:
        area = None
    net, mass, cues = ev.net, ev.mass, list(ev.cues)
    prior_only = False
    if ev.indicator and not ev.flawed and not change:
        net += _INDICATOR_PRIOR
        if net < _THRESHOLD:
            net, prior_only = _THRESHOLD, True
        cues.append("indicator: describes a behaviour and names no flaw")
    if heading:
        under = _heading_polarity(heading) if area is None else Polarity.GAP
        if under is not Polarity.NEUTRAL:
            sign = 1.0 if under is Polarity.STRENGTH else -1.0
            net += sign * _HEADING_WEIGHT
            mass += _HEADING_WEIGHT
            prior_only = False
            cues.append(f"heading: '{_clip(heading)}'")
    judged = ev.indicator or mass > 0.0
    return _reading(net, mass, cues, prior_only=prior_only), judged, net


def _as_said_to_you(
    text: str, heading: str | None, neutral: tuple[PolarityReading, bool, float]
) -> tuple[PolarityReading, bool, float]:
    """The reading of a note in the first person as if said to the person, when it judges.

    "The interviewer liked my problem solving" reads as "... liked your problem solving"
    does. Only a neutral reading is read again: where the words already judge ("I'd
    recommend ..."), the first person may be the interviewer's and is left as it is.
    """
    from nextround.analysis.polarity_first_person import as_said_to_you

    said = as_said_to_you(text)
    if said is None:
        return neutral
    reading, judged, net = _lexical_reading(said, heading, feedback=True)
    if reading.polarity is Polarity.NEUTRAL:
        return neutral
    cue = "first person: your own note, read as if said to you"
    return PolarityReading(reading.polarity, reading.confidence, (*reading.cues, cue)), judged, net


# What a plain account of work done counts for: just past the threshold, so that it reads
# as a strength only as a weak one, and an embedding probe may still decide.
_WORK_DONE = 0.5


def _work_done(
    text: str, unjudged: tuple[PolarityReading, bool, float]
) -> tuple[PolarityReading, bool, float]:
    """A feedback sentence with no judging word that reports work the person did.

    "This half Sam set up the product metrics framework": a review lists it as an
    achievement (see ``polarity_work_done``).
    """
    from nextround.analysis.polarity_work_done import work_done_span

    span = work_done_span(text)
    if span is None:
        return unjudged
    cue = f"work done: '{_clip(text[span[0] : span[1]])}', an account of what the person did"
    return _reading(_WORK_DONE, _WORK_DONE, [cue], prior_only=False), True, _WORK_DONE


def _goal_reading(text: str, heading: str) -> PolarityReading:
    """A point under a heading of goals for what comes next ("Objectives for 2026").

    A goal says what the person is to do, not how they did: its praise words ("Build a
    strong team"), its imperative ("Own the P&L") and the heading judge nothing. Only what
    it says fell short ("Fix the late reporting that slipped this year") still counts.
    """
    ev = _evidence(text, praise_kept=0.0)
    cues = [*ev.cues, f"goal: under '{_clip(heading)}', a goal for what comes next, no verdict"]
    return _reading(ev.net, ev.mass, cues, prior_only=False)


# Headings that list what to go on doing: "Keep doing", "Continue", "More of".
_ENCOURAGING = ("keep", "continue", "carry on", "more of", "start/stop/continue")


def _encourages(heading: str) -> bool:
    """Whether a heading lists what the person should go on doing, or praises."""
    last = heading.rsplit(" / ", 1)[-1].strip(" :-–—*#_").lower()
    return last.startswith(_ENCOURAGING) or _heading_polarity(heading) is Polarity.STRENGTH


def _heading_polarity(heading: str) -> Polarity:
    """What a heading says of the lines under it, from its judging words alone.

    A label is no behaviour: "Systems thinking" has an indicator's shape ("Builds
    systems") but praises nothing, and the gaps listed under it must not read as mixed.
    """
    ev = _evidence(heading)
    # "Mentor notes", "Coach feedback": a role or a document names who wrote, not praise.
    net = ev.net - sum(
        c.score for c in ev.contributions if heading[c.start : c.end].lower() in lex.NOUN_OR_VERB
    )
    if abs(net) < _THRESHOLD:
        return Polarity.NEUTRAL
    return Polarity.STRENGTH if net > 0 else Polarity.GAP


class _Evidence:
    """What the words of a statement say, before priors, headings or a probe."""

    __slots__ = ("contributions", "cues", "flawed", "indicator", "mass", "net")

    def __init__(self, tally: Tally, cues: list[str], *, flawed: bool, indicator: bool):
        self.net, self.mass, self.cues = tally.net, tally.mass, cues
        self.contributions = tally.contributions
        self.flawed, self.indicator = flawed, indicator


def _evidence(text: str, *, praise_kept: float | None = None, asks: bool = False) -> _Evidence:
    """What the words say; ``praise_kept`` is set under a heading that names an area.

    With ``asks``, a clause that opens with an imperative asking for change is advice.
    """
    clauses = contrast_clauses(text) or [Clause(0, len(text), "plain")]
    tallies = [(_clause_tally(text, c, praise_kept, asks=asks), c) for c in clauses]
    label_end = list_label_end(text)
    if label_end is not None:
        # "The second area was data-informed decisions: ...": the label's words name the
        # topic, so only what follows the colon judges.
        tallies = [(_after_label(t, label_end), c) for t, c in tallies]
    tally, contrast_cue = _dominant(text, tallies)
    cues = [_cue(text, c) for c in tally.contributions if c.score != 0.0]
    if contrast_cue:
        cues.append(contrast_cue)
    flawed = any(c.score < 0 for c in tally.contributions)
    # "We care about ownership" has an indicator's shape but says what the panel values.
    aside = any(t.aside for t, _ in tallies)
    indicator = not aside and _is_indicator(text)
    return _Evidence(tally, cues, flawed=flawed, indicator=indicator)


def _after_label(tally: Tally, label_end: int) -> Tally:
    kept = Tally([c for c in tally.contributions if c.score < 0 or c.end > label_end])
    kept.aside = tally.aside
    return kept


def _clause_tally(text: str, clause: Clause, praise_kept: float | None, *, asks: bool) -> Tally:
    if asks and says_what_matters(text, clause.start, clause.end):
        # Said to the person, "managing stakeholders is critical" states what the role
        # needs: context, as "the panel values ..." is. A framework's indicator may say so
        # as good practice ("Recognises that safety is critical"), so only feedback.
        aside = Tally()
        aside.aside = True
        return aside
    tally = _named_gap_decides(score_span(text, clause.start, clause.end), praise_kept)
    span = imperative_span(text, clause.start, clause.end) if asks else None
    if span is None and asks:
        span = _imperative_after_colon(text, clause)
    if span is None:
        return tally
    # "Quantify impact more": the good things named are what to do, as after advice. Praise
    # before a colon ("Your example was good: put it in ...") leads up to the advice, as a
    # clause before "but" does, so it counts as an outweighed clause would.
    tally = Tally(
        [
            c
            if c.score < 0
            else Contribution(
                c.score * _OUTWEIGHED if c.start < span[0] else 0.0, c.label, c.start, c.end
            )
            for c in tally.contributions
        ]
    )
    if not any(c.label == "advice" for c in tally.contributions):
        tally.contributions.insert(0, Contribution(-1.0, "advice", *span))
    return tally


# Fewer words than this before a colon make it a label ("Strengths: build rapport"),
# not a clause the advice after it comments on.
_CLAUSE_BEFORE_COLON = 4


def _imperative_after_colon(text: str, clause: Clause) -> tuple[int, int] | None:
    """An imperative that opens what follows a colon or a dash in a clause.

    "You tell it as a nursing story: translate it into the language of cost" says what
    the person does, then asks for a change.
    """
    for mark in _COLON.finditer(text, clause.start, clause.end):
        if len(text[clause.start : mark.start()].split()) >= _CLAUSE_BEFORE_COLON:
            span = imperative_span(text, mark.end(), clause.end)
            if span is not None:
                return span
    return None


def _names_gap_area(tally: Tally) -> bool:
    return any(c.label in _VERDICTS for c in tally.contributions)


# Cue kinds that settle their clause as a gap: a named area, or a verdict ("needs work").
_VERDICTS = frozenset({"gap area", "verdict"})


def _named_gap_decides(tally: Tally, praise_kept: float | None = None) -> Tally:
    """A clause that names its topic as a development area is a gap whatever else it says.

    "I see commercial awareness as one of your growth areas": the praise word before the
    label is the topic of the gap ("awareness"), so it only counts as an outweighed clause
    would. Praise after a label is already swallowed (see ``polarity_areas``). Under a
    heading that names the area, praise keeps ``praise_kept`` of its weight instead.
    """
    if praise_kept is None and not _names_gap_area(tally):
        return tally
    kept = _OUTWEIGHED if praise_kept is None else praise_kept
    return Tally(
        [
            c if c.score < 0 else Contribution(c.score * kept, c.label, c.start, c.end)
            for c in tally.contributions
        ]
    )


def _reading(net: float, mass: float, cues: list[str], *, prior_only: bool) -> PolarityReading:
    unique = tuple(dict.fromkeys(cues))
    if abs(net) < _THRESHOLD:
        return PolarityReading(Polarity.NEUTRAL, 0.7 if mass == 0.0 else 0.5, unique)
    agreement = min(1.0, abs(net) / mass) if mass else 1.0
    confidence = 0.5 + 0.45 * (1.0 - math.exp(-abs(net))) * agreement
    if prior_only:
        confidence = _PRIOR_ONLY_CONFIDENCE
    polarity = Polarity.STRENGTH if net > 0 else Polarity.GAP
    return PolarityReading(polarity, round(confidence, 3), unique)


def _dominant(text: str, tallies: list[tuple[Tally, Clause]]) -> tuple[Tally, str]:
    """The clause that decides: after "but" over before it, main over concession.

    A deciding clause that names a development area outright ("X remains your biggest
    development area, even though you handled the review well") is the writer's verdict,
    reached with the rest of the sentence in view: what it concedes neither turns it nor
    makes it less sure, however many praise words the concession holds. So is progress
    over a gap the sentence puts in the past ("X was a growth area, but you have improved
    a lot since"): the gap is history.
    """
    if len(tallies) == 1:
        return tallies[0][0], ""
    if _labels_then_explains(text, tallies[0]):
        # "The area to grow is risk management: the log exists, but it is not used": the
        # rest explains the label, so it decides as a named area does after a contrast.
        tally, clause = tallies[0]
        merged = Tally(list(tally.contributions))
        for t, _ in tallies[1:]:
            merged.contributions.extend(
                Contribution(c.score * _OUTWEIGHED, c.label, c.start, c.end)
                for c in t.contributions
            )
        snippet = _clip(text[clause.start : clause.end])
        return merged, f"contrast: the development area named first decides ('{snippet}')"
    for role, label in (("contrast", "after the contrast"), ("plain", "over the concession")):
        decisive = [(t, c) for t, c in tallies if c.role == role and abs(t.net) >= _THRESHOLD]
        others = [t for t, c in tallies if c.role != role]
        verdict = bool(decisive) and (
            _names_gap_area(decisive[-1][0]) or _overcomes_a_past_gap(text, decisive[-1], tallies)
        )
        if decisive and (verdict or any(abs(t.net) >= _THRESHOLD for t in others)):
            tally, clause = decisive[-1]
            merged = Tally(list(tally.contributions))
            for t in [] if verdict else others:
                merged.contributions.extend(
                    Contribution(c.score * _OUTWEIGHED, c.label, c.start, c.end)
                    for c in t.contributions
                )
            snippet = _clip(text[clause.start : clause.end])
            return merged, f"contrast: the clause {label} decides ('{snippet}')"
        if decisive:
            break
    return Tally([c for t, _ in tallies for c in t.contributions]), ""


def _labels_then_explains(text: str, first: tuple[Tally, Clause]) -> bool:
    """Whether the opening clause names a development area, then a colon or a dash.

    The sentence is then one judgement, as ``statements`` keeps it: the label says what
    the rest is about, whatever praise or "but" the explanation holds.
    """
    tally, clause = first
    return any(
        c.label == "gap area"
        and _COLON.search(text, c.end, clause.end) is not None
        # "X was a growth area: ..., but you have improved since" puts the gap behind.
        and not in_the_past(text[c.start : c.end])
        for c in tally.contributions
    )


def _overcomes_a_past_gap(
    text: str, decisive: tuple[Tally, Clause], tallies: list[tuple[Tally, Clause]]
) -> bool:
    """Whether the deciding clause reports progress over a gap another clause puts in the past.

    "Risk management was a growth area, but you have improved a lot since": the gap is
    history, so it neither turns the reading nor makes it less sure.
    """
    tally, clause = decisive
    if not any(
        c.label == "progress" and refers_back(text[c.start : c.end]) for c in tally.contributions
    ):
        return False
    return any(
        t.net <= -_THRESHOLD and in_the_past(text[c.start : c.end])
        for t, c in tallies
        if c is not clause
    )


def _clip(snippet: str, limit: int = 60) -> str:
    snippet = " ".join(snippet.split())
    return snippet if len(snippet) <= limit else snippet[: limit - 1] + "…"


def _cue(text: str, c: Contribution) -> str:
    return f"{c.label}: '{_clip(text[c.start : c.end])}'"


def _words(text: str, limit: int) -> list[str]:
    words: list[str] = []
    for raw in text[:120].split():
        word = raw.strip(".,;:!?\"'()[]“”‘’").lower()
        if word:
            words.append(word)
        if len(words) == limit:
            break
    return words


def _is_question(text: str) -> bool:
    stripped = text.strip()
    if stripped.endswith("?"):
        return True
    words = _words(stripped, 3)
    if " ".join(words[:2]) in lex.QUESTION_STEMS:
        return True
    return (
        len(words) == 3
        and words[0] in lex.QUESTION_WORDS
        and words[1] in lex.QUESTION_AUXILIARIES
        and words[2] in lex.QUESTION_SUBJECTS
    )


def _is_indicator(text: str) -> bool:
    """Whether the text reads as a framework's behaviour indicator.

    Indicators describe a habit without a subject ("Keeps others informed", "Take an
    interest in ...", "Keeping people informed") or with a generic one in the present
    tense ("She listens before deciding"). Frameworks list good practice unless they
    name a flaw, so such a text with no flaw reads as a weak strength.
    """
    stripped = text.strip()
    if not stripped or stripped.endswith("?"):
        return False
    words = _words(stripped, 4)
    while words and words[0] in lex.INDICATOR_LEAD_ADVERBS:
        words.pop(0)
    if not words:
        return False
    first, follower = words[0], (words[1] if len(words) > 1 else "")
    if first in ("is", "has", "does", "can", "will", "shows", "acts"):
        return True
    if first in lex.IMPERATIVE_VERBS and stripped[0].isupper():
        return True
    if first in lex.INDICATOR_SUBJECTS and follower:
        return not follower.endswith("ed") and follower not in lex.NOT_HABIT_VERBS
    if first.endswith("ing") and len(first) > 5 and follower:
        # "Having considered your application, ..." says what came first, no habit.
        if first == "having" and _is_participle(follower):
            return False
        return first not in lex.NOT_INDICATOR_VERBS
    return (
        len(first) > 3
        and first.isalpha()
        and first.endswith("s")
        and not first.endswith(("ss", "us", "is", "ics"))
        and first not in lex.NOT_INDICATOR_VERBS
        and follower not in lex.PLURAL_SUBJECT_FOLLOWERS
    )


def _is_participle(word: str) -> bool:
    """Whether a word reads as a past participle ("considered", "taken", "read")."""
    return word.endswith(("ed", "en", "wn")) or word in lex.IRREGULAR_PARTICIPLES
