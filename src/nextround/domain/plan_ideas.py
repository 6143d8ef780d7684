"""What the growth plan suggests, in words: mitigations, lean-in moves and missing stories."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from nextround.domain.competency import Competency, Framework
from nextround.domain.engineering import is_engineering
from nextround.domain.evidence import Evidence, EvidenceOrigin, Place, WeightedEvidence
from nextround.domain.feedback import FeedbackSource
from nextround.domain.patterns import NOT_REVIEWED, NearSpike, RecurringGap, Spike
from nextround.domain.round_names import interview_phrase, round_phrase
from nextround.domain.stories import STORIES_PER_GAP, STORIES_PER_SPIKE, StorySummary
from nextround.domain.work_situation import WorkSituation, for_situation, needs_a_job

QUOTE_MAX = 160


class ActionKind(StrEnum):
    """What an action is for; the order is the order of priority."""

    # Preparation for an interview in the coming days: it cannot wait, so it comes first.
    PREPARE = "prepare"
    # Recurring gaps before positioning: a gap heard again is what the plan exists for.
    MITIGATE = "mitigate"
    # Practice for the kind of round where most processes end (an online test, say): a gap
    # in the process rather than in a competency, shown by the record's outcomes.
    PRACTICE = "practice"
    # Positioning the experience the person has, when a "no" named experience or level.
    POSITION = "position"
    LEAN_IN = "lean_in"
    STORY = "story"
    CLARIFY = "clarify"
    CUSTOM = "custom"


@dataclass(frozen=True)
class Idea:
    """A suggested action before it joins the plan: its identity, slot and words."""

    kind: ActionKind
    competency_id: str
    key: str
    slot: int
    title: str
    detail: str
    why: str
    evidence_refs: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """Stable across refreshes: the same gap and practice idea give the same id."""
        return f"{self.kind.value}:{self.competency_id}:{self.key}"


_WHO = {
    FeedbackSource.INTERVIEWER: "an interviewer",
    FeedbackSource.RECRUITER: "the recruiter",
    FeedbackSource.HIRING_MANAGER: "the hiring manager",
    FeedbackSource.MANAGER_REVIEW: "your manager's review",
    FeedbackSource.MENTOR: "your mentor",
    FeedbackSource.PEER: "a peer",
    # A self-assessment the person pasted as feedback: their debriefs give ratings, which
    # `cite` says as "You rated yourself"; only a debrief's own words are "your own debrief".
    FeedbackSource.SELF: "your self-assessment",
}


def source_phrase(source: FeedbackSource) -> str:
    """Who gave feedback, as a reason says it: "the recruiter", "your mentor"."""
    return _WHO[source]


def quote(text: str, limit: int = QUOTE_MAX) -> str:
    """The text on one line, cut at a word boundary with an ellipsis if it is too long."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


# Room kept after the first word naming the competency, for the phrase it starts
# ("systemic thinking in parts of the loop").
_NAMED_ROOM = 40
# Where a quote may start: after a clause's comma, semicolon, colon or dash, or a sentence.
_CLAUSE_START = re.compile(r"(?:[,;:]|[.!?]|\s[-–—])\s+")


def _name_stems(name: str) -> set[str]:
    """The first five letters of each meaningful word: "systemic" meets "Systems"."""
    return {w[:5] for w in re.findall(r"[a-z]{4,}", name.lower()) if w not in _STOP}


def quote_about(text: str, name: str, limit: int = QUOTE_MAX) -> str:
    """The text on one line, cut around the part that names the competency if it is long.

    "…, and that there were some gaps around systemic thinking in parts of the loop" is
    what a systems-thinking action needs; the first 160 characters of that sentence stop at
    "and that there were some…", before the part that matters. The quote starts at the
    clause that names the competency (as early as the limit allows), with an ellipsis for
    what was left out.
    """
    flat = " ".join(text.split())
    stems = _name_stems(name)
    named = next(
        (m.start() for m in re.finditer(r"[A-Za-z]{4,}", flat) if m.group().lower()[:5] in stems),
        None,
    )
    # Named early enough (or not by name at all): the start of the text is the best quote.
    if len(flat) <= limit or named is None or named + _NAMED_ROOM <= limit:
        return quote(flat, limit)
    starts = [0] + [m.end() for m in _CLAUSE_START.finditer(flat, 0, named)]
    # The earliest clause start from which the named part still fits, else the clause itself.
    start = next((s for s in starts if named + _NAMED_ROOM - s <= limit - 1), starts[-1])
    tail = quote(flat[start:], limit - 1)
    return tail if start == 0 else "…" + tail


def cite(evidence: Evidence, about: str | None = None) -> str:
    """One sentence that says who said what, and when, in the user's own record's words.

    ``about``: the competency the citation is for, so a long quote keeps the part naming it.
    """
    who = _source_name(evidence)
    when = evidence.observed_on.strftime("%B %Y")
    heard = heard_in(evidence.place) if evidence.place else None
    if evidence.self_rating is not None:
        where = f" after {heard}" if heard else ""
        return f"You rated yourself {evidence.self_rating}/5{where} ({when})."
    text = quote_about(evidence.text, about) if about else quote(evidence.text)
    # The quote's own full stop ends the sentence: no ”. after it.
    said = f"“{text}”" + ("" if text.endswith((".", "!", "?", "…")) else ".")
    # Feedback from a process names where it was heard; a review or a mentor's words have
    # no "where" but their source, which `who` says already ("from manager review (your
    # manager's review" said it twice).
    if heard and evidence.application_id is not None:
        return f"Your feedback from {heard} ({who}, {when}) said {said}"
    return f"{who[0].upper()}{who[1:]} said in {when}: {said}"


def heard_in(place: Place) -> str:
    """Where in a process, as a sentence says it: "the final loop at Tempoline".

    The round names the moment best (a final loop of five interviews is one event to the
    reader); an interview's title stands in only where no round is known.
    """
    proper = set(place.company.split())
    if place.round_name:
        where = str(round_phrase(place.round_name, proper))
    elif place.interview_title:
        where = interview_phrase(place.interview_title)
    else:
        return place.company
    return f"{where} at {place.company}"


def _ref(evidence: Evidence) -> tuple[str, ...]:
    return () if evidence.origin_id is None else (f"{evidence.origin}:{evidence.origin_id}",)


def _lower_name(name: str) -> str:
    # "Risk management" reads "risk management" mid-sentence; "SQL depth" keeps its capitals.
    if len(name) > 1 and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def _title_of(idea: str, limit: int = 80) -> str:
    head = idea.split(":", 1)[0].strip()
    return title_cut(head if 20 <= len(head) < len(idea) else idea, limit)


# Where a title may stop: after a clause's comma, semicolon or colon, or before a dash.
_TITLE_CLAUSE_END = re.compile(r"[,;:](?=\s)|(?=\s[-–—]\s)")
# A text opening with one of these leads with a setting ("For a change you made, …"): its
# first clause alone says nothing to do, so such a title is cut at a word instead.
_LEADS_WITH_SETTING = frozenset(
    {"after", "as", "at", "before", "by", "during", "each", "for", "from", "if", "in", "on",
     "once", "when", "while", "with"}
)  # fmt: skip
# Words a cut title never ends on: "…its assumptions and…" stops before what it joins.
_DANGLING = frozenset(
    {"a", "about", "an", "and", "any", "at", "by", "each", "every", "for", "from", "in",
     "into", "its", "of", "on", "one", "or", "so", "that", "the", "their", "three", "to",
     "two", "with", "you", "your"}
)  # fmt: skip


def title_cut(text: str, limit: int = 80) -> str:
    """An action's title on one line: whole when it fits, else cut where a reader can stop.

    At the last clause boundary that keeps at least half the room ("Take a recent decision
    and list the evidence behind it…"), else at a word, never after "and", "of", "its"
    and the like ("…list three second-order effects…", not "…effects on…"). The detail
    under the title always says the whole of it.
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    first = flat.split(" ", 1)[0].casefold()
    if first not in _LEADS_WITH_SETTING:
        ends = [m.start() for m in _TITLE_CLAUSE_END.finditer(flat, 0, limit)]
        ends = [e for e in ends if limit // 2 <= e <= limit - 1]
        if ends:
            return flat[: ends[-1]].rstrip(",;: ") + "…"
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    if cut.count("(") > cut.count(")"):  # never stop inside brackets: before them
        cut = cut[: cut.rindex("(")]
    words = cut.rstrip(",;: ").split(" ")
    while len(words) > 1 and words[-1].casefold().strip("(") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;:(") + "…"


# Four-letter-plus words that carry no topic; shorter words are never compared at all.
_STOP = frozenset(
    {
        "that", "this", "with", "what", "which", "your", "their", "there", "about", "from",
        "into", "have", "were", "been", "they", "them", "when", "then", "than", "each",
        "every", "most", "more", "could", "would", "should", "will", "just", "only", "also",
    }
)  # fmt: skip


def _stems(text: str) -> set[str]:
    words = re.findall(r"[a-z]{4,}", text.lower())
    return {re.sub(r"(ing|ed|es|s)$", "", w) for w in words if w not in _STOP}


def ranked_practice(
    competency: Competency,
    evidence: Sequence[Evidence],
    framework: Framework | None = None,
    situation: WorkSituation | None = None,
) -> list[tuple[str, str]]:
    """The competency's practice ideas as (key, idea), those echoing the evidence first.

    Evidence heard in a coding, system-design or technical interview, or in an engineer's
    words ("didn't reach the optimal solution" in a coding screen), puts the engineering
    ideas first: a case question a day does not answer a coding screen; other evidence puts
    them last. Within that, words of the competency's own name are ignored (every idea
    shares them), and so are words most of the framework uses ("answer", "question"); rare
    words weigh more; ties keep the framework's order, which its author chose. Frameworks with
    fewer than three practice ideas (most imported ones have none) are topped up with
    general ideas built from the competency's name and description, so every gap gets a
    full plan.

    ``framework``: when the evidence's words are clearly about another of its competencies
    ("your portfolio case studies lacked process", confirmed as problem solving, is about
    design craft), that competency's best ideas come first, said to be borrowed, or an
    honest "write your own" when it has none: "solve one case question a day" would
    contradict the quote above it.

    ``situation``: someone between jobs gets ideas that need a team or a workplace last.
    """
    said = set().union(*(_stems(e.text) for e in evidence)) - _stems(competency.name)
    engineering = engineering_evidence(evidence)
    fit = _word_fit(said, framework)
    scored = [
        (
            # An engineer's idea for engineering evidence, the others otherwise: a salesperson
            # whose feedback says "technical question" is not sent to system design drills.
            engineering != is_engineering([idea]),
            situation is WorkSituation.BETWEEN_JOBS and needs_a_job(idea),
            -fit(_stems(idea)),
            i,
            f"practice-{i + 1}",
            idea,
        )
        for i, idea in enumerate(competency.practice)
    ]
    ranked = [(key, idea) for *_, key, idea in sorted(scored)]
    ranked += _general_practice(competency, evidence)[: max(0, 3 - len(ranked))]
    closer = closer_competency(competency, evidence, framework) if framework else None
    return ranked if closer is None else _borrowed(closer, competency, evidence) + ranked


#: A word shared by more than this share of the framework's competencies ("answer",
#: "question", "team") says nothing about which practice fits: "the case study answer on
#: the uplift model felt textbook" is not about answering questions.
_COMMON_SHARE = 0.25


def _word_fit(said: set[str], framework: Framework | None) -> Callable[[set[str]], float]:
    """How well an idea's words echo what was said: rare shared words count, common ones not.

    Without a framework to tell rare from common, every shared word counts once.
    """
    if framework is None or len(framework.competencies) < 4:
        return lambda words: float(len(words & said))
    counts = Counter(s for c in framework.competencies for s in _competency_stems(c))
    total = len(framework.competencies)
    weights = {
        w: math.log(total / counts[w])
        for w in said
        if counts[w] and counts[w] <= _COMMON_SHARE * total
    }
    return lambda words: sum(weights.get(w, 0.0) for w in words)


#: Another competency is "clearly closer" to the evidence when its words weigh this many
#: times the gap's own, and at least as much as two words rare in the framework.
_CLOSER_RATIO = 2.5
_CLOSER_MIN = 8.0
#: Borrowed ideas put first: enough for a recurring gap's mitigations.
_BORROWED = 2


def closer_competency(
    competency: Competency, evidence: Sequence[Evidence], framework: Framework
) -> Competency | None:
    """The framework's competency the evidence's words are clearly more about, if any.

    Words are weighed by how rare they are across the framework's competencies (a word
    all of them use says nothing), over each one's name, description, indicators, signs
    of a gap and practice ideas.
    """
    said = set().union(*(_stems(e.text) for e in evidence))
    if not said or len(framework.competencies) < 2:
        return None
    words = {c.id: _competency_stems(c) for c in framework.competencies}
    counts = Counter(stem for stems in words.values() for stem in stems)
    total = len(words)

    def weight(c: Competency) -> float:
        return sum(math.log(total / counts[w]) for w in said & words[c.id])

    own = weight(competency)
    others = [c for c in framework.competencies if c.id != competency.id]
    best = max(others, key=weight)
    score = weight(best)
    return best if score >= _CLOSER_MIN and score >= _CLOSER_RATIO * own else None


def _competency_stems(competency: Competency) -> set[str]:
    return _stems(
        " ".join(
            [
                competency.name,
                competency.description,
                *competency.indicators,
                *competency.missing_signs,
                *competency.practice,
            ]
        )
    )


def _borrowed(
    closer: Competency, competency: Competency, evidence: Sequence[Evidence]
) -> list[tuple[str, str]]:
    """The closer competency's best ideas, each saying where it comes from, or write your own."""
    said = set().union(*(_stems(e.text) for e in evidence))
    # No colon: a title stops at the first one.
    why = (
        f"(borrowed from {_lower_name(closer.name)}, which the feedback is more about than "
        f"{_lower_name(competency.name)})"
    )
    if not closer.practice:
        return [
            (
                f"own-{closer.id}",
                f"Write your own practice for this: no idea for {_lower_name(competency.name)} "
                f"fits what was said, which is more about {_lower_name(closer.name)}; pick one "
                "thing you can do this week that would answer it, and check it off here.",
            )
        ]
    order = sorted(
        range(len(closer.practice)), key=lambda i: (-len(_stems(closer.practice[i]) & said), i)
    )
    return [
        (f"practice-{i + 1}-of-{closer.id}", f"{closer.practice[i].rstrip('.')} {why}.")
        for i in order[:_BORROWED]
    ]


def engineering_evidence(evidence: Sequence[Evidence]) -> bool:
    """Whether evidence was heard about an engineer's work: its interview, round or words."""
    places = [e.place for e in evidence if e.place is not None]
    return is_engineering(
        [e.text for e in evidence]
        + [p.round_name for p in places]
        + [p.interview_title for p in places],
        [p.interview_format for p in places],
    )


def _general_practice(
    competency: Competency, evidence: Sequence[Evidence] = ()
) -> list[tuple[str, str]]:
    """Three ideas for a competency its framework gives no practice for, from what it has.

    Its definition (whole, or cut where a reader can stop), a sample question its author
    gave for the mock (the one echoing the evidence most; first when there is one), and
    the interview the evidence was heard in: "your last interview" may have been about
    something else.
    """
    name = _lower_name(competency.name)
    question = sample_question(competency, evidence)
    mock = (
        f"Ask a mentor or a peer to put this question to you as a 15-minute mock: "
        f"“{quote(question, 200)}” Then ask them what they did not hear."
        if question
        else f"Ask a mentor or a peer for a 15-minute mock question on {name}, and ask them "
        "what they did not hear."
    )
    ideas = [
        (
            "general-1",
            f"Write what a strong answer on {name} covers: three points a panel would want "
            f"to hear, drawn from its definition ('{definition_quote(competency.description)}'), "
            "then compare them with your last answer.",
        ),
        ("general-2", mock),
        ("general-3", _redo_answer(name, evidence)),
    ]
    # A question its author gave is more telling than three points drawn from a definition:
    # rehearsing it comes first.
    return [ideas[1], ideas[0], ideas[2]] if question else ideas


#: A definition longer than this is cut where a reader can stop.
DEFINITION_MAX = 200
# Where a definition may stop: a sentence's end, or a clause's semicolon, colon or comma.
_SENTENCE_END = re.compile(r"[.!?](?=\s)")
_DEFINITION_CLAUSE_END = re.compile(r"[;:,](?=\s)")


def definition_quote(text: str, limit: int = DEFINITION_MAX) -> str:
    """A competency's definition on one line: whole when it fits, else cut at a boundary.

    At the last sentence that fits, else the last clause (with an ellipsis for the rest),
    so the quote never stops mid-phrase ("influences decisions with…"); a definition with
    no boundary in reach is cut at a word, as any quote is.
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    sentences = [m.end() for m in _SENTENCE_END.finditer(flat, 0, limit)]
    if sentences:
        return flat[: sentences[-1]]
    clauses = [m.start() for m in _DEFINITION_CLAUSE_END.finditer(flat, 0, limit - 1)]
    clauses = [c for c in clauses if c >= limit // 3]
    if clauses:
        return flat[: clauses[-1]] + "…"
    return quote(flat, limit)


def sample_question(competency: Competency, evidence: Sequence[Evidence] = ()) -> str | None:
    """The competency's sample question closest to what was said, else its first; None if none.

    Ties keep the framework's order, which its author chose.
    """
    said = set().union(*(_stems(e.text) for e in evidence)) - _stems(competency.name)
    order = sorted(
        range(len(competency.questions)),
        key=lambda i: (-len(_stems(competency.questions[i]) & said), i),
    )
    return competency.questions[order[0]] if order else None


def _redo_answer(name: str, evidence: Sequence[Evidence]) -> str:
    """Redo an answer, in the latest interview the evidence was heard in.

    A round or an interview named beats a company alone; evidence from no process (a
    manager's review) names no interview, so the person picks the question.
    """
    placed = [e for e in evidence if e.place is not None]
    named = [e for e in placed if e.place and (e.place.round_name or e.place.interview_title)]
    latest = max(named or placed, key=lambda e: e.observed_on, default=None)
    answer = "the answer you wish you had given, with one number and what you did yourself."
    if latest is None or latest.place is None:
        return f"Write down the last question on {name} an interviewer asked you, then {answer}"
    where = heard_in(latest.place)
    if where == latest.place.company:
        where = f"your interview at {where}"
    # No month: feedback can arrive weeks after the interview it is about.
    return f"Go back to {where}, where {name} came up, and write {answer}"


def mitigation(
    gap: RecurringGap,
    key: str,
    idea: str,
    slot: int,
    about: Sequence[WeightedEvidence],
    situation: WorkSituation | None = None,
) -> Idea:
    """One mitigation for a recurring gap: a practice idea tied to what was actually said.

    ``situation``: between jobs, practice that needs a workplace says what else to do.
    """
    # Each slot cites a different piece of evidence, outside views first, so the plan shows
    # the gap from every side it was seen from.
    cited = about[slot % len(about)].evidence
    sources = len(gap.witnesses)  # as the profile counts them: reviewed sources only
    scored = f"score {gap.score.mean:.2f} (80% interval {gap.score.low:.2f}–{gap.score.high:.2f})."
    why = (
        f"{gap.score.name} is a recurring gap, seen by {sources} independent sources"
        f"{f' ({gap.own_view})' if gap.own_view else ''}; {scored}"
    )
    if gap.improving and gap.recent_quotes:
        # The drill kept on an improving gap is the habit that changed it: it quotes what
        # recent sources say, not the oldest complaint the plan's other item says is past.
        praise = gap.recent_quotes
        cited = praise[slot % len(praise)].evidence
        why = (
            f"Keep this habit: it is what changed. {gap.score.name} was named a gap, and is "
            f"{gap.improving_text}; {scored}"
        )
    return Idea(
        kind=ActionKind.MITIGATE,
        competency_id=gap.competency_id,
        key=key,
        slot=slot,
        title=_title_of(idea),
        detail=f"{cite(cited, gap.score.name)} Practise: {for_situation(idea, situation)}",
        why=why,
        evidence_refs=_ref(cited),
    )


#: The key of an improving gap's "capture the story of what changed" action.
WHAT_CHANGED = "what-changed"


def what_changed(
    gap: RecurringGap, about: Sequence[WeightedEvidence], closed: bool = False
) -> Idea:
    """For an improving gap: write down what changed, and keep it up.

    Its latest sources call it a strength (patterns.IMPROVING_RULE), so the story of the
    change is worth more now than another beginner drill: it answers "a weakness you worked
    on" and tells interviewers the earlier feedback is out of date. ``closed``: the strength
    evidence now outweighs the gap (patterns.OutweighedGap), so it is told as closed.
    """
    name = _lower_name(gap.score.name)
    praise = gap.recent_quotes[0].evidence if gap.recent_quotes else None
    old = about[0].evidence if about else None
    then = f" Then: {cite(old, gap.score.name)}" if old else ""
    state = (
        f"was a gap, {gap.closed_text}"
        if closed
        else f"is a recurring gap that is {gap.improving_text}"
    )
    now = f" Now: {cite(praise, gap.score.name)}" if praise else ""
    return Idea(
        kind=ActionKind.MITIGATE,
        competency_id=gap.competency_id,
        key=WHAT_CHANGED,
        slot=0,
        title=f"Capture the story of what changed in your {name}",
        detail=(
            f"Write down what you do differently now, with one recent example and its result, "
            f"and keep doing it: it answers “tell me about a weakness you worked on”.{then}{now}"
        ),
        why=(
            f"{gap.score.name} {state}. Score {gap.score.mean:.2f} "
            f"(80% interval {gap.score.low:.2f}–{gap.score.high:.2f})."
        ),
        evidence_refs=_ref(praise) if praise else (),
    )


def provisional_mitigation(
    gap: RecurringGap,
    key: str,
    idea: str,
    about: Sequence[WeightedEvidence],
    situation: WorkSituation | None = None,
) -> Idea:
    """The one mitigation for a gap not recurring yet, said to be provisional.

    Its id is the one the gap's first mitigation takes once it recurs, so the same action
    then takes the firm words and keeps its history.
    """
    cited = about[0].evidence
    name = gap.score.name
    heard = len(gap.outside_sources)
    own = f", and {gap.own_view_agreeing}" if gap.own_view_agrees else ""
    if heard == 1:
        reviewed = "in a statement you reviewed" if gap.witnesses else NOT_REVIEWED
        said = f"{name} was heard once so far ({_source_of(cited)}), {reviewed}{own}"
        then = "one more independent source besides you makes it one"
        tag = "heard once"
    else:
        said = (
            f"{name} is named as a gap by {heard} independent sources besides you, "
            f"{len(gap.witnesses) or 'none'} in statements you have reviewed{own}"
        )
        then = "reviewing the rest of what they said may make it one"
        tag = "awaits your review"
    return Idea(
        kind=ActionKind.MITIGATE,
        competency_id=gap.competency_id,
        key=key,
        slot=0,
        title=f"{_title_of(idea)} (provisional: {tag})",
        detail=f"{cite(cited, name)} Practise: {for_situation(idea, situation)}",
        why=(
            f"{said}. A provisional action, not a recurring gap yet: {then}. Score "
            f"{gap.score.mean:.2f} (80% interval {gap.score.low:.2f}–{gap.score.high:.2f})."
        ),
        evidence_refs=_ref(cited),
    )


def _source_name(evidence: Evidence) -> str:
    """Who said it: "the recruiter", "your self-assessment", "your own debrief"."""
    if evidence.origin == EvidenceOrigin.DEBRIEF:
        return "your own debrief"
    return _WHO[evidence.source]


def _source_of(evidence: Evidence) -> str:
    """'the recruiter, Brightwave Systems': who said it, and in which process."""
    who = _source_name(evidence)
    return f"{who}, {evidence.place.company}" if evidence.place else who


def cited_gap_evidence(
    gap: RecurringGap, answered: Callable[[Evidence], bool] | None = None
) -> list[WeightedEvidence]:
    """The gap's evidence in citing order: one per source, outside views first, loudest first.

    ``answered``: evidence another action answers (a career break's), left out
    so that practice is neither chosen by its words nor cites it.
    """
    seen: set[object] = set()
    firsts: list[WeightedEvidence] = []
    kept = [w for w in gap.evidence if answered is None or not answered(w.evidence)]
    for w in sorted(kept, key=lambda w: not w.evidence.is_external):
        if w.evidence.independence_key not in seen:
            seen.add(w.evidence.independence_key)
            firsts.append(w)
    return firsts


def lean_in(spike: Spike, competency: Competency) -> list[Idea]:
    """Lean-in moves for a spike: make it the spine of the pitch and rehearse showing it."""
    name = _lower_name(spike.score.name)
    best = next((w.evidence for w in spike.evidence if w.evidence.is_external), None)
    proof = f", and back it with proof. {cite(best, spike.score.name)}" if best else "."
    why = (
        f"{spike.score.name} is a spike: score {spike.score.mean:.2f}, and even the cautious "
        f"end of its 80% interval is {spike.score.low:.2f}, from {spike.sources} independent "
        "sources."
    )
    refs = _ref(best) if best else ()
    question = competency.questions[0] if competency.questions else None
    rehearse = (
        f"Practise aloud, against a 2-minute timer: “{question}” Lead with your strongest "
        "example, what you did yourself, and one number."
        if question
        else f"Prepare a 2-minute answer that shows {name}: your strongest example, what you "
        "did yourself, and one number. Practise it aloud against a timer."
    )
    return [
        Idea(
            kind=ActionKind.LEAN_IN,
            competency_id=spike.competency_id,
            key="pitch",
            slot=0,
            title=f"Put {name} into your pitch",
            detail=(
                f"Make {name} one of the two or three things your “tell me about yourself” "
                f"lands on{proof}"
            ),
            why=why,
            evidence_refs=refs,
        ),
        Idea(
            kind=ActionKind.LEAN_IN,
            competency_id=spike.competency_id,
            key="rehearse",
            slot=1,
            title=f"Rehearse a 2-minute answer that shows {name}",
            detail=rehearse,
            why=why,
            evidence_refs=refs,
        ),
    ]


def provisional_lean_in(near: NearSpike, competency: Competency) -> Idea:
    """The pitch move for a likely spike: lean on it now, said to be provisional.

    Its id is the spike's own pitch action, so once the spike is confirmed the same action
    takes the firm words and keeps its history.
    """
    name = _lower_name(near.score.name)
    best = next((w.evidence for w in near.evidence if w.evidence.is_external), None)
    proof = f" Back it with proof. {cite(best, near.score.name)}" if best else ""
    return Idea(
        kind=ActionKind.LEAN_IN,
        competency_id=near.competency_id,
        key="pitch",
        slot=0,
        title=f"Put {name} into your pitch (provisionally: a likely spike)",
        detail=(
            f"Make {name} one of the two or three things your “tell me about yourself” "
            f"lands on, and ask your next interviewers how it came across.{proof}"
        ),
        why=(f"{near.score.name} is a likely spike, not yet a confirmed one: {near.likely_text}."),
        evidence_refs=_ref(best) if best else (),
    )


_ORDINAL = {1: "a", 2: "a second", 3: "a third"}


def _shown(count: int, name: str) -> str:
    if count == 0:
        return f"no story in your bank shows {name} yet"
    if count == 1:
        return f"only one story shows {name}"
    return f"{count} stories show {name}"


def missing_stories(
    competency: Competency,
    shown_by: int,
    *,
    spike: bool,
    first_slot: int = 0,
    heard_once: bool = False,
) -> list[Idea]:
    """Story actions until the competency has enough stories: two for a spike, one for a gap.

    ``heard_once``: the gap is not recurring yet but the plan acts on it (provisionally).
    """
    needed = STORIES_PER_SPIKE if spike else STORIES_PER_GAP
    name = _lower_name(competency.name)
    hint = f" Aim for one that shows: “{competency.indicators[0]}”" if competency.indicators else ""
    if spike:
        why = f"A spike should be impossible to miss; {_shown(shown_by, name)}."
        detail = "Two stories let it come up twice in one loop without repeating yourself."
    elif heard_once:
        why = f"{competency.name} was named as a gap (not recurring yet); {_shown(shown_by, name)}."
        detail = (
            "Write the example you would tell if it comes up again, so the panel hears how "
            "you handle it."
        )
    else:
        why = f"{competency.name} is a recurring gap; {_shown(shown_by, name)}."
        detail = (
            "Once the mitigations are under way, write the example you will tell next time, "
            "so the panel hears how you handle it now."
        )
    return [
        Idea(
            kind=ActionKind.STORY,
            competency_id=competency.id,
            key=f"story-{n}",
            slot=first_slot + n - 1,
            title=f"Write {_ORDINAL.get(n, 'another')} story that shows {name}",
            detail=f"{detail} Use STAR, with numbers and what you did yourself.{hint}",
            why=why,
        )
        for n in range(shown_by + 1, needed + 1)
    ]


def sharpen(story: StorySummary, competency_id: str, slot: int) -> Idea:
    """Fix the first problem of a story that a spike or gap depends on."""
    return Idea(
        kind=ActionKind.STORY,
        competency_id=competency_id,
        key=f"sharpen-{story.id}",
        slot=slot,
        title=f"Sharpen the story “{quote(story.title, 60)}”",
        detail=story.first_fix or "Go through its precision checks and fix what they find.",
        why="It is one of the stories behind a spike or a gap, and it is not ready to tell yet.",
    )


def story_written_why(name: str, showing: Sequence[str]) -> str:
    """Why a story action ticked itself off: the titles of the stories now showing it.

    Its old reason ("no story in your bank shows risk management yet") would contradict
    the tick beside it.
    """
    name = _lower_name(name)
    titles = [f"“{quote(title, 60)}”" for title in showing[:3]]
    if len(showing) == 1:
        return f"Done: your story {titles[0]} shows {name}."
    more = "" if len(showing) <= len(titles) else ", …"
    return f"Done: {len(showing)} stories show {name} now ({', '.join(titles)}{more})."


SHARPENED_WHY = "Done: the story passes its precision checks and is ready to tell."
