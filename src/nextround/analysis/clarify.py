"""Clarifying questions for vague feedback: spot it, then ask like a good career coach."""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from nextround.analysis.clarify_artefact import Deliverable
from nextround.analysis.feedback_words import left_out, own_words, without_frame
from nextround.domain.competency import Polarity
from nextround.domain.round_names import interview_phrase, round_phrase
from nextround.domain.skill_names import skills_phrase

# A statement is specific when it points at something that happened: a moment, a quote, a
# number, an artefact or a behaviour someone could have watched. Vague feedback ("some gaps
# around systemic thinking") has none of these, and is the feedback worth asking about.
_SIGNALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "scenario",
        re.compile(
            r"\b(when|whenever|during|while|at one point|at the (?:start|end|beginning)|"
            r"for example|for instance|such as|"
            # "after you presented", "before she asked": a moment. "How you track risks
            # before they become incidents" describes a habit, not anything that happened.
            r"(?:after|before|once) (?:you|she|he|they|i|we) (?:had |were |was )?"
            r"(?:\w+ed|went|got|came|drew|gave|said|told|began|spoke|took|made|saw|heard|ran|"
            r"wrote|left|brought|thought|felt|knew|showed|shown|sat|stood|met|led|froze|chose|"
            r"did|had|were|was))\b"
            # "e.g. failure modes": the full stop ends the word, so no \b after it
            r"|\be\.g\.(?=\s)",
            re.IGNORECASE,
        ),
    ),
    (
        "referent",
        re.compile(
            r"\b(?:in|on|of|during|for) (?:the|your|our|his|her|their|that|this) "
            r"(?:[\w-]+ ){0,3}"
            r"(?:exercise|case|presentation|whiteboard|question|demo|task|take-home|diagram|"
            r"role-play|simulation|walkthrough|deep dive|scenario|prompt)s?\b"
            # "your answer on the outage": the answer to one question, named by its topic
            r"|\b(?:your|her|his|their|the) (?:first |last |second )?answers? "
            r"(?:on|to|about) (?:the|your|our|his|her|their|that|this|how|why|what)\b"
            # "in the leadership conversation": one interview, named by what it was about
            r"|\b(?:in|during) (?:the|your|our|that) (?:[\w-]+ ){1,3}"
            r"(?:conversation|interview|session|chat|call|deep[- ]dive)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "quote",
        re.compile(r"[\"“][^\"”\n]{4,}[\"”]|(?:^|(?<=[\s:(]))['‘][^'’\n]{6,}['’](?![A-Za-z])"),
    ),
    (
        "number",
        re.compile(
            r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
            r"twenty|thirty|forty|fifty|sixty|hundred|half an?) "
            r"(?:minutes?|hours?|days?|weeks?|times|slides|questions|examples|steps|people)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "date",
        re.compile(
            r"\b(january|february|march|april|may|june|july|august|september|october|"
            r"november|december|monday|tuesday|wednesday|thursday|friday|yesterday|"
            r"last (?:week|month|quarter)|q[1-4])\b",
            re.IGNORECASE,
        ),
    ),
    (
        "artefact",
        re.compile(
            r"\b(whiteboard|diagram|flow ?chart|slides?|deck|dashboard|spreadsheet|register|"
            r"risk log|roadmap|spec|e-?mail|report|code|pull request|prototype|pre-mortem|"
            r"post-mortem|stand-up|steering committee|happy path|swim ?lanes?)\b",
            re.IGNORECASE,
        ),
    ),
    (
        # "Your examples were thin" or "give a concrete example" speak of examples in the
        # abstract, which is what makes them vague. Only one example (or story) singled out
        # points at a moment: "the Tilburg example", "your story about the outage".
        "example",
        re.compile(
            r"\b(?:the|that|this|your|his|her|their)\s+"
            # up to three words naming it, none of them one that asks for an example instead
            r"(?:(?!(?:an?|any|another|one|some|more|other|concrete|specific|real|good|better|"
            r"clear|clearer|right|strong|stronger|relevant|different)\b)[\w-]+\s+){0,3}?"
            r"(?:example|story|anecdote)\b(?!s)"
            r"|\b(?:example|story|anecdote) (?:about|of|from|on|with) (?:the|your|our|how|when)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "behaviour",
        re.compile(
            r"\b(drew|asked|answered|told|described|listed|presented|skipped|missed|forgot|"
            r"interrupted|mentioned|explained|named|wrote|paused|froze|jumped|ran out of|"
            r"went over time|walked (?:us|me|them) through|"
            r"talked|spoke|spent|went straight|started with|opened with|chose|hesitated|"
            r"gave (?:an?|one|two|no) (?:example|number|answer)|"
            r"(?:couldn't|could not|didn't|did not) (?:name|say|explain|give|mention|ask|"
            r"draw|reach|quantify|cover|address|test|estimate|define|finish|get to)|"
            r"never (?:named|said|explained|gave|mentioned|asked|drew|reached|quantified|"
            r"covered|addressed|tested|estimated|defined|finished|got to)|"
            # "not yet comfortable designing an experiment": a task someone could watch
            r"(?:comfortable|confident|able to|struggled|unable to|failed to) "
            r"(?:with )?\w+(?:ing)? (?:an?|the|whether|how|what|which|your|our)\b)\b",
            re.IGNORECASE,
        ),
    ),
)


def specificity_signals(statement: str) -> list[tuple[str, str]]:
    """What makes a statement specific, as (kind, matched words), in a fixed order.

    Who held the view is left out first: "Elena mentioned that …" reports feedback, and
    "mentioned" there is no behaviour anyone watched.
    """
    found = []
    statement = without_frame(statement)
    for kind, pattern in _SIGNALS:
        match = pattern.search(statement)
        if match:
            found.append((kind, match.group().strip()))
    return found


def is_vague(statement: str) -> bool:
    """Whether feedback names no scenario, example or observable behaviour.

    "Some gaps around systemic thinking" is vague; "when asked how the flow fails, she drew
    only the happy path" is not. Empty text is not vague: there is nothing to ask about.
    """
    if not statement.strip():
        return False
    return not specificity_signals(statement) and left_out(statement) is None


def only_names_its_issue(statement: str) -> bool:
    """Whether naming what was left out is all that makes the statement specific.

    "The solution didn't consider accessibility: colour contrast and touch targets were not
    addressed" names its issue and nothing else: there is no moment to ask about, but what
    a strong solution would have shown is still worth knowing about a deliverable.
    """
    found = left_out(statement)
    return found is not None and not specificity_signals(
        without_frame(statement).replace(found[1], " ")
    )


# A quote longer than this swamps the question it is in.
_EXCERPT_WORDS = 15
# Where a clause ends: a quote back stops at the first, so an aside is never half-quoted.
# (Not a colon: "What convinced us: your case ..." says what matters after it.)
_CLAUSE = re.compile(r"(?<=[^\s.])[.!?;](?:\s|$)|\s[-–—]+\s")
_ABBREVIATION = re.compile(r"\b(?:esp|e\.g|i\.e|etc|vs|incl|approx)\.", re.IGNORECASE)


# Words an excerpt may not end on: "…the most structured we…" trails off mid-phrase.
_TRAILING = frozenset({
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "as", "that", "which", "who", "we", "you", "i", "he", "she", "they", "it", "my",
    "your", "our", "his", "her", "their", "its", "is", "was", "were", "be",
})  # fmt: skip


def excerpt(statement: str, max_words: int = _EXCERPT_WORDS) -> str:
    """The statement's first clause, cut at a word (with an ellipsis) if it is still long.

    "would like to see more depth, esp. data platforms - he'll probe this in the system
    design round" is quoted as "would like to see more depth, esp. data platforms".
    """
    flat = " ".join(statement.split())
    # An abbreviation's full stop does not end a clause.
    protected = _ABBREVIATION.sub(lambda m: m.group().replace(".", "\x00"), flat)
    clause = _CLAUSE.split(protected, maxsplit=1)[0].replace("\x00", ".")
    words = clause.split()
    if len(words) <= max_words:
        return clause.rstrip(" ,;:-–—")
    cut = " ".join(words[:max_words])
    # A comma or an "and" in the second half is a cleaner place to stop than mid-phrase.
    half = len(cut) // 2
    stops = [cut.rfind(","), cut.rfind(" and ")]
    if max(stops) > half:
        cut = cut[: max(stops)]
    kept = cut.rstrip(" ,;:-–—").split()
    while len(kept) > 3 and kept[-1].lower() in _TRAILING:
        kept.pop()
    return " ".join(kept) + "…"


@dataclass(frozen=True)
class _Words:
    """The names a question is built from, all taken from the arguments or the feedback."""

    round_: str  # "the final loop", "our conversation", or "the process"
    skill: str  # what the statement judged: the feedback's words ("data and experimentation")
    # or, failing them, the competency ("risk management")
    mine: str  # the same as the person's own: "my risk management"
    # Whether "my …" reads right: a competency or the feedback's "your X" ("my risk
    # section"), not an area named in its words ("my data and experimentation").
    owned: bool
    # Whether ``skill`` is a competency label the person chose (the feedback had no words
    # for it): then it is said as their own reading ("I take it to be about strategic
    # thinking"), never as what the panel thought.
    framed: bool
    at: str  # " at Corvid Analytics", or ""
    interview: str | None  # "the “Whiteboard case” interview"
    ahead: str | None  # what comes next while the process is open ("the final loop")
    who: str  # whose impression: "you" (the author was there), "Anja", "the panel"
    variant: int
    # What was handed in, when the feedback judged a deliverable (a take-home, a portfolio):
    # asked about by its parts, never as a moment in a conversation.
    artefact: Deliverable | None = None
    # Whether ``skill`` may be said at all: not a competency the mapper only suggested.
    named: bool = True

    @property
    def judged_whole(self) -> bool:
        """Whether what was judged is the deliverable itself ("your case studies lacked …")."""
        return self.artefact is not None and self.artefact.said in (self.mine, self.skill)

    def strong(self) -> str:
        """What a strong answer held, after "What would": "a strong solution have shown on X"."""
        on = f" on {self.skill}" if self.named and not self.judged_whole else ""
        if self.artefact:
            return f"a strong {self.artefact.noun} {'show' if self.ahead else 'have shown'}{on}"
        return f"a strong answer{on} {'include' if self.ahead else 'have included'}"

    @property
    def prepare(self) -> str:
        """Why the person asks: for the round ahead, or for next time once it is over."""
        return f"prepare for {self.ahead}" if self.ahead else "prepare for next time"

    def fell_short(self) -> str:
        """What fell short: "my risk management fell short", "I fell short on org design"."""
        return f"{self.mine} fell short" if self.owned else f"I fell short on {self.skill}"

    @property
    def were_there(self) -> bool:
        """Whether the questions go to the person who sat in the interview."""
        return self.who == "you"


# A statement this short is quoted whole: asking about the words themselves ("too tactical")
# is what a coach does; a longer one is asked about by what it judged.
_SHORT_WORDS = 10


def quotable(statement: str, max_words: int = _EXCERPT_WORDS, *, mid_sentence: bool = False) -> str:
    """The statement as it can be quoted back: who held the view left out, no quote inside.

    "Elena mentioned that some answers were long" is quoted as “some answers were long”:
    "You mentioned “Elena mentioned …”" says "mentioned" twice. Quotes inside become single
    quotes, so one quotation never nests in another.
    """
    text = excerpt(without_frame(statement), max_words)
    text = re.sub(r"[\"“”]([^\"“”]*)[\"“”]", r"‘\1’", text).replace('"', "’")
    first, _, rest = text.partition(" ")
    # "Too tactical" mid-sentence is "too tactical"; "Priya" and "SQL" keep their capitals.
    if mid_sentence and len(first) > 1 and first[0].isupper() and first[1:].islower():
        text = first.lower() + (" " + rest if rest else "")
    return text


# "my experience with risk management" is about risk management.
_ASPECT = re.compile(
    r"^(?:my\s+)?(?:(?:hands-on\s+)?(?:experience|skills?|knowledge|understanding|depth)\s+"
    r"(?:with|in|of|on|around)\s+)?",
    re.IGNORECASE,
)


def _area(words: str) -> str:
    """The area an own-words phrase names: "my experience with risk" is "risk"."""
    return _ASPECT.sub("", words, count=1) or words


def clarifying_questions(
    statement: str,
    competency_names: str | Sequence[str],
    round_name: str | None,
    interview_title: str | None,
    company: str | None,
    *,
    polarity: Polarity = Polarity.GAP,
    in_progress: bool = False,
    next_round: str | None = None,
    variant: int | None = None,
    limit: int = 3,
    scenario: str | None = None,
    who: str = "the team",
    artefact: Deliverable | None = None,
    label_confirmed: bool = True,
) -> list[str]:
    """One to three polite questions to send about a vague statement, most useful first.

    They say what the statement judged in its own words ("data and experimentation")
    where those can be lifted, else the competency; a short statement ("Too tactical for a
    Head of role") is quoted and asked about as it stands. They name the round, the
    interview (when known) and the company, and nothing else: every name comes from the
    arguments or the feedback, so no fact is invented. ``who`` is whose impression it was:
    "you" when the questions go to the one who sat in the interview (then the round is
    "our conversation"), an interviewer's name, "the panel", or "the team". While the
    process is ``in_progress`` they look ahead (to ``next_round`` when it is known) rather
    than to "next time". The phrasing (``variant`` 0 or 1) varies with the statement unless
    given, so two questions sent in one message do not read as a template.

    ``scenario`` is another sentence of the same feedback that names the moment this one
    is about ("when Marcus pushed on the slipping integration, …"). Asking which moment it
    was would show the message was not read; the questions ask what a strong answer there
    would have been instead.

    ``artefact`` is the deliverable the statement judged (a take-home, a portfolio): the
    questions ask which part of it showed the point and what a strong one would have shown,
    and a statement that names its issue ("colour contrast and touch targets were not
    addressed") is asked only that. ``label_confirmed`` false means the competency is the
    mapper's guess: then it is never named, only the feedback's own words are.
    """
    proper = {company} if company else set()
    names = [competency_names] if isinstance(competency_names, str) else list(competency_names)
    words = own_words(statement)
    skill = _area(words) if words else skills_phrase(names)
    words_ = _Words(
        round_=artefact.said
        if artefact
        else "our conversation"
        if who == "you" and not interview_title
        else str(round_phrase(round_name, proper))
        if round_name and round_name.strip()
        else "the process",
        skill=skill,
        mine=words if words and words.startswith("my ") else f"my {skill}",
        owned=words is None or words.startswith("my "),
        framed=words is None,
        at=f" at {company}" if company else "",
        interview=interview_phrase(interview_title) if interview_title else None,
        ahead=(str(round_phrase(next_round, proper)) if next_round else "the next round")
        if in_progress
        else None,
        who=who,
        variant=variant % 2
        if variant is not None
        else zlib.crc32(f"{statement}|{' and '.join(names)}".encode()) % 2,
        artefact=artefact,
        named=words is not None or label_confirmed,
    )
    cap = max(1, min(limit, 3))
    if artefact and polarity is Polarity.GAP and only_names_its_issue(statement):
        # What was left out is named ("accessibility"): no part to point to, only the bar.
        return _bar(words_)[:1]
    if scenario and asks_about_moment(statement, scenario, polarity, artefact):
        return _about_named_moment(words_, scenario, polarity)[:cap]
    quoted = quotable(statement)
    words_said = [token for token in quoted.split() if any(c.isalnum() for c in token)]
    short = bool(words_said) and len(words_said) <= _SHORT_WORDS
    if polarity is Polarity.GAP and short:
        # Their words are the question: "Could you say more about “too tactical”?"
        return _about_their_words(words_, quotable(statement, mid_sentence=True))[:cap]
    if not words_.named and quoted:
        return _unnamed(words_, quoted, polarity)[:cap]
    # Quoting their own words back shows the feedback was read closely.
    quote_back = _quote_back(words_, quoted, polarity) if quoted else None
    if polarity is Polarity.STRENGTH:
        questions = _about_strength(words_)
    elif polarity is Polarity.NEUTRAL:
        questions = _about_mention(words_)
    elif words_.framed and quoted:
        # A gap with no words of its own for what it judged: asking which moment "gave the
        # panel the impression that my strategic thinking didn't come through" would put
        # the label in their mouth. Their words, quoted, ask about the moment; the label is
        # named only as the person's own reading, which they are asked to confirm.
        return _about_gap(words_, moment=_which_moment(words_, quoted))[:cap]
    else:
        questions = _about_gap(words_)
    if quote_back:
        questions.append(quote_back)
    return questions[:cap]


def asks_about_moment(
    statement: str, scenario: str | None, polarity: Polarity, artefact: Deliverable | None
) -> bool:
    """Whether `clarifying_questions` asks about ``scenario``, the moment named nearby.

    Then it is that sentence the questions quote, and what a page shows them under.
    """
    if artefact and polarity is Polarity.GAP and only_names_its_issue(statement):
        return False
    return bool(scenario and excerpt(scenario))


def _use(w: _Words, polarity: Polarity) -> str:
    """What knowing the moment would help with: "help me work on the right thing"."""
    use = (
        "tell me what to keep doing"
        if polarity is Polarity.STRENGTH
        else "help me work on the right thing"
    )
    return f"{use} before {w.ahead}" if w.ahead else use


def _exchange(w: _Words) -> str:
    if w.artefact:
        return f"part of {w.artefact.said}"
    return "moment in our conversation" if w.were_there else f"exchange {w.who} had in mind"


def _quote_back(w: _Words, quoted: str, polarity: Polarity) -> str:
    """Their words quoted back, asking which question or exchange they were about."""
    use = _use(w, polarity)
    if w.artefact:
        return _which_part(w, quoted, use)
    return (
        f"You mentioned “{quoted}”. Was that based on a particular question or scenario? "
        f"Knowing which would {use}.",
        f"On “{quoted}”: was there a specific {_exchange(w)}? Even one example would {use}.",
    )[w.variant]


def _which_moment(w: _Words, quoted: str) -> str:
    """Which moment a gap with no words of its own was about, asked in its quoted words."""
    use = _use(w, Polarity.GAP)
    if w.artefact:
        return _which_part(w, quoted, use)
    which = (
        (
            f" — was it {w.interview}?",
            f" — was it in {w.interview}?",
        )[w.variant]
        if w.interview
        else "?"
    )
    return (
        f"You mentioned “{quoted}”. Which moment or answer in {w.round_} was that based "
        f"on{which} Knowing which would {use}.",
        f"On “{quoted}”: was there a specific {_exchange(w)} in {w.round_}{which} Even one "
        f"example would {use}.",
    )[w.variant]


def _which_part(w: _Words, quoted: str, use: str) -> str:
    """Which part of a deliverable their quoted words were about."""
    assert w.artefact is not None
    return (
        f"You mentioned “{quoted}”. Which part of {w.artefact.said} was that based on? "
        f"Knowing which would {use}.",
        f"On “{quoted}”: was there a part of {w.artefact.said} where it showed most? Even one "
        f"example would {use}.",
    )[w.variant]


def _unnamed(w: _Words, quoted: str, polarity: Polarity) -> list[str]:
    """Questions that name no competency: the mapper's guess is not the person's reading.

    Their words, quoted, ask about the moment; the bar is asked about without a label.
    """
    if polarity is Polarity.STRENGTH:
        where = f"part of {w.artefact.said}" if w.artefact else f"moment in {w.round_}"
        return [
            f"You mentioned “{quoted}”. Which {where} showed that best? I'd like to make sure "
            "I lead with it."
        ]
    if polarity is Polarity.NEUTRAL:
        return [_quote_back(w, quoted, polarity)]
    moment = _which_moment(w, quoted)
    bar = f"What would {w.strong()} for this role{w.at}, so I can {w.prepare}?"
    # With a round still ahead, what to prepare is worth more than what went wrong.
    return [bar, moment] if w.ahead else [moment, bar]


def _about_their_words(w: _Words, quoted: str) -> list[str]:
    """A short vague statement, asked about in its own words, then what good looks like."""
    where = w.interview or w.round_
    place = f" in {where}" if where != "the process" else ""
    say_more = (
        f"Could you say more about “{quoted}”? Was there a question{place} where that showed most?",
        f"When you say “{quoted}”, is there a moment{place} I could learn from — something "
        "I said, or something I left out?",
    )[w.variant]
    if w.artefact:
        say_more = (
            f"Could you say more about “{quoted}”? Which part of {w.artefact.said} showed that "
            "most?",
            f"When you say “{quoted}”, is there a part of {w.artefact.said} I could learn from "
            "— something I did, or something I left out?",
        )[w.variant]
    if w.were_there:
        say_more = say_more.replace("When you say", "When you wrote")
    answer = w.artefact.noun if w.artefact else "answer"
    if w.ahead:
        bar = (
            f"What would a strong {answer} look like for this role{w.at}, so I can {w.prepare}?",
            f"Before {w.ahead}, what should I make sure comes through for this role{w.at}?",
        )[w.variant]
        return [bar, say_more]
    stronger = (
        f"a stronger {w.artefact.noun} have shown"
        if w.artefact
        else "a stronger answer have included"
    )
    bar = (
        f"What would {w.strong()} for this role{w.at}, so I can {w.prepare}?"
        if not w.owned
        else f"What would {stronger} for this role{w.at}, so I can {w.prepare}?"
    )
    return [say_more, bar]


def _about_named_moment(w: _Words, scenario: str, polarity: Polarity) -> list[str]:
    """Follow-ups on a moment the feedback already names: what good would have looked like."""
    named = own_words(scenario)
    if named and named.startswith("my "):
        named = None  # "On my plan:" says less than their sentence does
    moment = f"“{quotable(scenario)}”"
    if polarity is Polarity.STRENGTH:
        return [
            f"You mentioned {moment}. What made {w.mine} stand out there? I'd like to make "
            "sure I lead with it.",
            _about_strength(w)[1],
        ]
    include = "include" if w.ahead else "have included"
    if named:
        # Their own words for the moment: no quote, so nothing is quoted inside a quote.
        follow_up = (
            f"On {named}: what would a strong answer {include}, so I can {w.prepare}?",
            f"On {named}: what would {w.who} have hoped to hear from me, so I can {w.prepare}?",
        )[w.variant]
    else:
        follow_up = (
            f"You mentioned {moment}. What would a strong answer there {include}, so I can "
            f"{w.prepare}?",
            f"On {moment}: what would {w.who} have hoped to hear from me at that point, so I "
            f"can {w.prepare}?",
        )[w.variant]
    if w.framed:
        # With no words of theirs for what was judged, "what do you look for in this role"
        # asks about nothing in particular: the moment's question says it all.
        return [follow_up]
    if w.ahead:
        does = "do you" if w.were_there else f"does {w.who}"
        return [
            follow_up,
            f"Beyond that moment, what {does} look for on {w.skill} in this role{w.at}?",
        ]
    # Once it is over the role is filled: what they look for is asked of roles like it.
    would = "would you" if w.were_there else f"would {w.who}"
    return [
        follow_up,
        f"Beyond that moment, what {would} look for on {w.skill} in a role like this{w.at}?",
    ]


def _about_gap(w: _Words, moment: str | None = None) -> list[str]:
    """Which moment, and what a strong answer would have held; the moment first once over.

    Only the feedback's own words are said as the view held ("that view of my risk
    section", "the gap on data and experimentation"); a competency label is the person's
    reading, named as theirs ("a strong answer on strategic thinking"). ``moment``, given,
    is the question about the moment (their words quoted back).
    """
    see = "do you" if w.were_there else f"did {w.who}"
    impression = (
        f"which moment or answer gave {w.who} that view of {w.mine}"
        if w.owned
        else f"where {see} see the gap on {w.skill}"
    ).replace("where do you see", "where did you see")
    if moment is not None:
        pass
    elif w.artefact:
        it = w.artefact.said
        moment = (
            f"Which part of {it} showed that most?"
            if w.judged_whole
            else f"Which part of {it} gave {w.who} that view of {w.mine}?"
            if w.owned
            else f"Which part of {it} showed the gap on {w.skill} most?",
            f"Could you point me to the part of {it} where {w.fell_short()}?",
        )[w.variant]
    elif w.interview:
        moment = (
            f"In {w.round_}, {impression} — was it {w.interview}?",
            f"Could you point me to the part of {w.round_} where {w.fell_short()} — was it "
            f"something I said, or left out, in {w.interview}?",
        )[w.variant]
    else:
        moment = (
            f"In {w.round_}, {impression}?",
            f"Could you point me to the part of {w.round_} where {w.fell_short()} — was it "
            "something I said, or something I left out?",
        )[w.variant]
    if w.ahead:
        # With a round still ahead, what to prepare is worth more than what went wrong.
        return [*_bar(w), moment, *_reading_check(w)]
    return [moment, *_bar(w), *_reading_check(w)]


def _bar(w: _Words) -> list[str]:
    """What a strong answer (or deliverable) on what was judged would have held."""
    looks = "you" if w.were_there else w.who
    strong = f"What would {w.strong()} for this role{w.at}, so I can {w.prepare}?"
    if w.artefact and w.ahead:
        other = (
            f"For this role{w.at}, what should a strong {w.artefact.noun} show on {w.skill} — "
            f"what should I make sure comes through in {w.ahead}?"
        )
    elif w.artefact:
        other = (
            f"For this role{w.at}, what would {looks} have hoped to see on {w.skill} in "
            f"{w.artefact.said} that wasn't there?"
        )
    elif w.ahead:
        other = (
            f"For this role{w.at}, what does strong {w.skill} look like to {looks} — what "
            f"should I make sure comes through in {w.ahead}?"
        )
    else:
        other = (
            f"For this role{w.at}, what does strong {w.skill} look like to {looks} — what did "
            f"{'you' if w.were_there else 'they'} hope to hear that I didn't say?"
        )
    return [(strong, other)[w.variant]]


def _reading_check(w: _Words) -> list[str]:
    """The person's own reading of what a gap was about, offered for them to confirm."""
    if not w.framed:
        return []
    return [
        (
            f"I took it to be about {w.mine} — is that the right reading, or was it about "
            "something else?",
            f"Would you say it was mostly about {w.mine}, or about something else?",
        )[w.variant]
    ]


def _about_strength(w: _Words) -> list[str]:
    where = f" — was it {w.interview}?" if w.interview and not w.artefact else "?"
    more = (
        f"What would make {w.mine} even more convincing in {w.ahead}?"
        if w.ahead
        else f"Was there anything that would have made {w.mine} even more convincing for "
        f"this role{w.at}?"
    )
    which = (
        (
            f"Which part of {w.artefact.said} showed {w.mine} best{where}",
            f"Which part of {w.artefact.said} made {w.mine} stand out{where}",
        )
        if w.artefact
        else (
            f"In {w.round_}, which moment showed {w.mine} best{where}",
            f"Which answer in {w.round_} made {w.mine} stand out{where}",
        )
    )
    return [
        which[w.variant] + " I'd like to make sure I lead with it.",
        more,
    ]


def _about_mention(w: _Words) -> list[str]:
    where = f" — was it in {w.interview}?" if w.interview else "?"
    return [
        (
            f"In {w.round_}, what did {w.who} notice about {w.mine}{where}",
            f"Could you tell me more about how {w.mine} came across in {w.round_}{where}",
        )[w.variant],
        f"What would a strong showing on {w.skill} look like for this role{w.at}?",
    ]
