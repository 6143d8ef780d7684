"""Map achievements (resume bullets, story parts) to competencies clause by clause.

An achievement packs several acts into one line ("Led the response to an incident,
running the root-cause review and introducing double-checks that cut errors by 40%"), and
the mapper, tuned on feedback that names one skill per sentence, blurs them into a weak
guess for the whole. Each clause is mapped on its own as well and a competency keeps its
best reading: a line shows a competency when any of its acts does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

# Importing typing would cost more than this module; mypy treats any constant named
# TYPE_CHECKING as true.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from nextround.analysis.mapper import Mapper
    from nextround.domain.competency import CompetencyMatch

#: What an achievement that shows analysis is read as, besides its own words. A measured
#: result alone ("cutting spend by 18%") is not analysis; looking into data to find or
#: decide something is, and the framework's mapper says which competency that is.
ANALYSIS_READING = "Analysed the data to find the cause, then used the evidence to decide."
#: What an achievement that wins someone over is read as, besides its own words. "I
#: needed to change his mind", "Persuading the deputy head": the act is influence, yet
#: the words around it (the survey, the homework policy) are what the model hears, and a
#: framework's influencing competency is described in words unlike these ("influences
#: decisions with evidence"). The framework's mapper says which competency it is.
INFLUENCE_READING = (
    "Won the support of a senior colleague who disagreed, influencing their decision."
)
#: The most confidence a reading put in the person's mouth (analysis, influence) lends:
#: enough to be suggested and pre-chosen (the bar is 0.35), short of what the person's own
#: clear words earn.
ANALYSIS_CAP = 0.6
#: The readings the words of an achievement may add (see ``readings``).
CUE_READINGS = (ANALYSIS_READING, INFLUENCE_READING)

# Fewer words than this, a clause is too short to mean anything on its own ("and").
_MIN_CLAUSE_WORDS = 3


@cache
def _analysis() -> re.Pattern[str]:
    data = (
        r"(?:data|figures|numbers|metrics|statistics|stats|records|results|invoices|logs|"
        r"reports|spreadsheets?|dashboards?|trends?|survey\s+(?:results|responses))"
    )
    return re.compile(
        r"\banaly[sz](?:ed|ing|is|es|e)\b"
        r"|\b(?:pulled|gathered|collected|reviewed|examined|studied|tracked|measured|mined|"
        r"modell?ed|compared|built|went\s+through|dug\s+into|looked\s+(?:at|into))\b"
        rf"[^.;:]{{0,60}}?\b{data}\b"
        r"|\b(?:found|showed|proved|discovered|established)\s+that\b[^.;]{0,80}?\d"
        r"|\b(?:the\s+)?(?:data|numbers|figures)\s+(?:showed|suggested|told|revealed)\b"
        r"|\bbenchmark(?:ed|ing)\b|\ba/b[- ]test|\bforecast(?:ed|ing)?\b",
        re.IGNORECASE,
    )


def shows_analysis(text: str) -> bool:
    """Whether the text says data was looked into to find or decide something."""
    return _analysis().search(text) is not None


@cache
def _influence() -> re.Pattern[str]:
    # Someone's mind changed, or their support won: the object is a person ("won over
    # the board"), never a number ("won over 40 new clients").
    someone = r"(?:\w+\s+){0,4}?"
    return re.compile(
        r"\bpersuad(?:e|ed|es|ing)\b|\bconvinc(?:e|ed|es|ing)\b"
        rf"|\b(?:win|wins|won|winning)\s+{someone}over\b(?!\s+\d)"
        rf"|\b(?:bring|brings|brought|bringing|talk|talked|talking)\s+{someone}round\b"
        r"|\bchang(?:e|ed|es|ing)\s+(?:his|her|their|its|\w+'s)\s+minds?\b"
        r"|\bbuy-?in\b"
        r"|\b(?:win|won|gain|gained|secure|secured)\s+(?:the\s+|their\s+|his\s+|her\s+)?"
        r"(?:support|backing|agreement)\b",
        re.IGNORECASE,
    )


def shows_influence(text: str) -> bool:
    """Whether the text says someone was won over: persuaded, convinced, their mind changed."""
    return _influence().search(text) is not None


#: A past tense that starts an act in a list: "I mapped the journey, interviewed eight
#: parents, and sketched a new flow".
_PAST = (
    r"(?:[a-z]{3,}ed|found|led|ran|made|built|set|took|won|cut|wrote|gave|brought|taught|"
    r"began|drove|kept|held|spent|sold|chose|saw|put|got|met|told|thought|drew|rebuilt|"
    r"oversaw|undertook|sought|spoke|went|overcame)"
)


@cache
def _cuts() -> re.Pattern[str]:
    # Where one act of an achievement ends and the next begins: a sentence end or a colon
    # or semicolon; a comma before a participle ("…, cutting spend by 18%"), "then" or
    # "and"; "and" before a past-tense verb ("pulled invoices and found that…").
    return re.compile(
        r"(?<=[.!?;:])\s+"
        r"|,\s+(?=(?:and\s+|then\s+)?\w+ing\b)"
        r"|,\s+(?:and\s+)?then\s+|,\s+and\s+"
        rf"|\s+(?:and|then)\s+(?=(?:then\s+)?{_PAST}\b)"
        # A list of acts, one after a comma: each is what the person did, mapped alone.
        rf"|,\s+(?={_PAST}\b)"
        r"|\s+(?:that|which)\s+(?=(?:cut|raised|reduced|saved|increased|improved|lifted|"
        r"halved|doubled|lowered|dropped|brought)\b)",
        re.IGNORECASE,
    )


def clauses(text: str) -> list[str]:
    """The acts of an achievement, each a few words or more, in order."""
    pieces = (piece.strip(" ,;:.-–—") for piece in _cuts().split(text))
    return [piece for piece in pieces if len(piece.split()) >= _MIN_CLAUSE_WORDS]


#: A clause that begins with one of these and gives a number measures a result: "(tests)
#: that raised coverage from 54% to 81%". A participle (", cutting spend by 18%") is left
#: alone: measured, it still carries what the act was for.
_RESULT = re.compile(
    r"^(?:and\s+|then\s+)?(?:cut|raised|reduced|saved|increased|improved|lifted|halved|"
    r"doubled|tripled|lowered|dropped|brought|grew|boosted|shortened|slashed)\b",
    re.IGNORECASE,
)


def is_result_only(clause: str) -> bool:
    """Whether a clause only measures what an act before it changed ("saved TAs 10 hours").

    Such a clause says by how much, not what was done: alone, its words ("coverage of the
    payments service", "hours a week") read as whatever competency they happen to echo.
    """
    return bool(_RESULT.match(clause)) and any(ch.isdigit() for ch in clause)


def readings(text: str) -> list[str]:
    """What is mapped of one achievement: the whole, each clause, analysis or influence if shown.

    A clause after the first that only gives the result of an act before it is mapped
    within the whole, not on its own.
    """
    whole = " ".join(text.split())
    # A one-act text is its own only clause, less its full stop: mapped once.
    same = whole.strip(" ,;:.-–—")
    acts = clauses(whole)
    acts = acts[:1] + [c for c in acts[1:] if not is_result_only(c)]
    pieces = [whole, *(c for c in acts if c != same)]
    if shows_analysis(whole):
        pieces.append(ANALYSIS_READING)
    if shows_influence(whole):
        pieces.append(INFLUENCE_READING)
    return pieces


#: What a clause that only states a fact counts for against one where the teller acts:
#: "I had evidence from my survey", "There were 30 staff" set the scene for the acts. Read
#: as much as the acts, their words ("evidence", "survey") drew a quantitative-methods
#: competency onto a story of persuading the deputy head.
STATIVE_WEIGHT = 0.5

# A state, not an act: "there was/were ...", "it was ...", the teller having or being
# something ("I had evidence", "we were short-staffed", "I was responsible for"), or a
# plain noun phrase being something ("Morale was low", "The team was new"). Not "I had to
# fix it" (a task), "we had built" (an act, done before), "I was asked to", "I was
# leading" (acts in the passive or under way).
_BE_OR_HAVE = r"(?:had|have|has|was|were|am|is|are|'d|'m|'re|'s)"
_STATE_VERB = rf"(?:{_BE_OR_HAVE}|knew|know|felt|feel|seemed|lacked|owned|held)"
_NOT_AN_ACT_AFTER = (
    r"(?!\s+(?:to|got|gotten)\b)"
    rf"(?!\s+(?:already\s+|just\s+|since\s+|then\s+|also\s+|previously\s+)?(?:been\s+)?"
    rf"(?:{_PAST}|[a-z]+ed|[a-z]+en|[a-z]{{2,}}ing|done|run|begun|grown|shown|won|set|put|cut|"
    r"led|made|built|spent|sent|brought|taught)\b)"
)


@cache
def _stative() -> re.Pattern[str]:
    lead = r"^(?:(?:and|but|so|then|because|as|since|while|although|though|yet|when)\s+)?"
    teller = r"(?:i|we|(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:team|class|school|department|unit))"
    thing = (
        r"(?:(?:the|a|an|our|my|their|his|her|its|this|that|these|those|all|most|many|some|"
        r"every|each|only|no)\s+|\d[\d,.%]*\s+)?(?:(?!i\b|we\b|you\b|he\b|she\b|they\b)"
        r"[\w%'-]+(?<!ed)\s+){0,3}?[\w%'-]+(?<!ed)"
    )
    return re.compile(
        lead + r"(?:(?:there|it)\s+(?:was|were|is|are|'s|had\s+been|has\s+been|have\s+been|"
        r"would\s+be)\b"
        + rf"|{teller}\s+(?:\w+ly\s+)?{_STATE_VERB}\b{_NOT_AN_ACT_AFTER}"
        + rf"|{thing}\s+(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\b"
        + rf"{_NOT_AN_ACT_AFTER})",
        re.IGNORECASE,
    )


def is_stative(clause: str) -> bool:
    """Whether a clause only states a fact or a circumstance: the teller does nothing in it."""
    return _stative().match(clause.strip()) is not None


def weighted_readings(text: str) -> list[tuple[str, float]]:
    """``readings``, each with what it counts for: a fact less than an act (STATIVE_WEIGHT).

    The whole blends its clauses, and counts as they do on average: "I had usage data from
    the dashboard, and I needed to change her mind" is half fact, and read whole it is
    mostly the data. What the words add (analysis, influence) counts fully.
    """
    acts = clauses(text)
    whole = sum(_weight(c) for c in acts) / len(acts) if acts else 1.0
    out: list[tuple[str, float]] = []
    for i, piece in enumerate(readings(text)):
        if piece in CUE_READINGS:
            factor = 1.0
        elif i == 0:
            factor = whole
        else:
            factor = _weight(piece)
        out.append((piece, factor))
    return out


def _weight(clause: str) -> float:
    return STATIVE_WEIGHT if is_stative(clause) else 1.0


def map_achievements(
    mapper: Mapper,
    texts: Sequence[str],
    k: int = 3,
    weights: Sequence[float] | None = None,
) -> list[CompetencyMatch]:
    """The top k competencies the texts together show, each at its best clause's confidence.

    ``weights`` (one per text, 1 by default) let some texts count for less: a story's
    situation is context, its action is what the person did.
    """
    factors = list(weights) if weights is not None else [1.0] * len(texts)
    pieces = [
        (piece, factor * weight)
        for t, factor in zip(texts, factors, strict=True)
        if t.strip()
        for piece, weight in weighted_readings(t)
    ]
    if not pieces:
        return []
    # Every match of every piece, not only the top k: a competency second in one clause
    # may be the best of the whole line.
    found = mapper.map([p for p, _ in pieces], k=max(k, 5))
    return _best_of(pieces, found, k)


def map_each(mapper: Mapper, texts: Sequence[str], k: int = 3) -> list[list[CompetencyMatch]]:
    """``map_achievements`` for each text on its own (a resume's highlights), in one batch."""
    groups = [weighted_readings(t) if t.strip() else [] for t in texts]
    flat = [piece for group in groups for piece in group]
    found = mapper.map([p for p, _ in flat], k=max(k, 5)) if flat else []
    out: list[list[CompetencyMatch]] = []
    start = 0
    for group in groups:
        out.append(_best_of(group, found[start : start + len(group)], k))
        start += len(group)
    return out


def _best_of(
    pieces: Sequence[tuple[str, float]],
    found: Sequence[Sequence[CompetencyMatch]],
    k: int,
) -> list[CompetencyMatch]:
    """Each competency at its best weighted confidence over the pieces, the top k."""
    from nextround.domain.competency import CompetencyMatch

    best: dict[str, float] = {}
    for (piece, factor), matches in zip(pieces, found, strict=True):
        # A cue's reading is words put in the person's mouth: it may name the
        # competency, never with the certainty of their own words.
        cap = ANALYSIS_CAP if piece in CUE_READINGS else 1.0
        for match in matches:
            confidence = factor * min(match.confidence, cap)
            if confidence > best.get(match.competency_id, 0.0):
                best[match.competency_id] = confidence
    ranked = sorted(best.items(), key=lambda item: -item[1])[:k]
    return [CompetencyMatch(cid, round(confidence, 4)) for cid, confidence in ranked]
