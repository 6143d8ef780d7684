"""Gaps worded as what the role needs, or as leaning on others: no flaw word in them at all.

"For this role we need someone who has owned an infra product end to end, and I didn't
hear that" praises the requirement ("owned", "end to end") and names the gap only in its
last words; "Relies on the tech lead for architecture calls" reads like a habit a
framework would list. Both are the rater's central criticism.
"""

from __future__ import annotations

import re
from functools import cache

from nextround.analysis.courtesy import REAPPLY_ONCE
from nextround.analysis.polarity import PolarityReading
from nextround.analysis.polarity_absence import NO_TROUBLE
from nextround.domain.competency import Polarity

_CONFIDENCE = 0.8
# Who else may want something and not hear it: "she was looking for ..., and she didn't
# hear a system for that", "Karin wanted to see ...". A name is a capitalised word (the
# patterns ignore case otherwise); "you" is the person judged, never the reviewer.
_REVIEWER = (
    r"(?:she|he|the (?:team|panel|hiring manager|interviewers?|committee|manager)|"
    r"(?-i:(?!You\b)[A-Z][a-z]+))"
)


class _Patterns:
    def __init__(self) -> None:
        # What the role, the team or the panel needs, wants, looks for or asks about.
        need = (
            rf"\b(?:we|they|{_REVIEWER}|the (?:role|business)|this role|the job|i)\s*"
            r"(?:'re|are|were|was|is|'d|would|had)?\s*(?:really |really were |"
            r"specifically |definitely |ultimately )?(?:need(?:s|ed)?|want(?:s|ed)?|"
            r"requir(?:e|es|ed)|look(?:ing)? for|looked for|hop(?:ing|ed) (?:for|to see)|"
            r"expect(?:s|ed)?|wanted to see|need(?:ed)? to see|"
            r"(?:asked|probed)(?: you)? (?:how|about|what|whether|for|why|if|on))\b"
        )
        # ... and it was not there: "I didn't hear that", "we didn't see it", "it was
        # missing", "that didn't come through", "we saw little of that".
        absent = (
            rf"\b(?:(?:i|we|they|{_REVIEWER}|and)\s+(?:didn'?t|did not|couldn'?t|could not|"
            r"never|haven'?t|have not|hadn'?t)\s+(?:really\s+)?(?:hear|heard|see|saw|seen|get|"
            r"got|find|found|sense|sensed|observe|observed|notice|noticed)\b"
            # Not "didn't hear back", "didn't see any red flags": no gap in either.
            rf"(?!\s+(?:back\b|from (?!you\b)|{NO_TROUBLE}))|"
            r"(?:that|this|it)(?:'s|\s+was|\s+is|\s+were)\s+(?:missing|absent|"
            r"lacking|not there|not evident)|(?:that|this|it)\s+(?:didn'?t|did not|never)\s+"
            r"(?:come|came) (?:through|across)|(?:that|this|it)\s+wasn'?t\s+(?:there|evident|"
            r"clear)|(?:i|we|they)\s+(?:saw|heard)\s+(?:little|none|nothing)\b|"
            # ... or whatever was to be seen was not: "the link between X and Y was not
            # clear", "the rationale was unclear" (but "nothing was unclear").
            r"(?<!nothing )(?<!none )\b(?:was|were)(?:n'?t|\s+not)\s+(?:really\s+|quite\s+|"
            r"always\s+|fully\s+|very\s+)?(?:clear|evident|obvious|apparent|visible)\b|"
            r"(?<!nothing )(?<!none )\b(?:was|were)\s+(?:unclear|missing)\b|"
            r"(?:there was|we saw|i saw)\s+no\s+(?:evidence|sign|examples?)\b)"
        )
        self.unmet = re.compile(rf"{need}.{{0,300}}?{absent}", re.IGNORECASE | re.DOTALL)
        # What the panel wanted, hoped or would have liked to see, said as the whole of a
        # sentence: "We wanted to see how you got from raw notes to insights." Feedback
        # names an expectation to say it was not met; one that was met says so after it
        # ("..., and you showed it clearly"), and ``expectation_reading`` leaves that to the
        # words. Not "we wanted to see you in person": that is a meeting.
        self.expectation = re.compile(
            rf"^\W*(?:(?:but|and|so|however|also|honestly|overall|ideally),?\s+)?"
            rf"(?:(?:in|on|for|during|with|at|from) [^,.;:!?]{{0,50}}?,?\s+)?"
            rf"(?:we|i|they|{_REVIEWER})\s*(?:(?:'d|would|had|really|also|particularly|"
            r"specifically|ideally)\s*)*(?:have\s+)?(?:(?:wanted|hoped|liked|loved|expected)"
            r"\s+to\s+(?:see|hear|get|understand|learn|know)|(?:were|was)\s+(?:really\s+)?"
            r"(?:hoping|looking|expecting)\s+(?:to\s+(?:see|hear|get|understand|learn)|for)|"
            r"(?:'d|would)\s+have\s+(?:liked|loved|wanted))\b"
            r"(?!\s+(?:from\s+)?you\s*(?:again|in person|for|at|on|next|face|back|soon|"
            r"here|there)?\b\s*[.!]?\s*$)"
            # A wish for "more" is the advice phrases' to read, with their exceptions ("more
            # of the team"); a person wanted is the decision's reason ("a more senior
            # candidate"), no skill to work on.
            r"(?!\s+(?:(?:a|an|some)\s+)?(?:(?:bit|little|lot|touch)\s+)?more\b)"
            r"(?!\s+(?:(?:a|an|the|someone|somebody)\s+)?(?:[\w-]+\s+){0,3}?(?:candidates?|"
            r"person|people|profiles?|applicants?|hires?|someone|somebody)\b)",
            re.IGNORECASE,
        )
        # What says how the expectation went, at the start of the clause or sentence after
        # it: "..., and you showed it clearly", "That came through in the case study",
        # "which you did". Not any clause that follows: "..., and your energy was great"
        # is about something else, and the expectation stays unmet.
        self.answer = re.compile(
            r"^[\s,;:—–-]*(?:(?:and|but|which|so|though)\s+)?(?:(?:you|she|he|they)\s+"
            r"(?:really\s+|certainly\s+|definitely\s+|clearly\s+|then\s+)?(?:did|didn'?t|"
            r"did not|showed|show|shown|demonstrated|delivered|gave|got|brought|managed|"
            r"nailed|covered|explained|walked|answered)\b|(?:that|this|it|which)\s+(?:really\s+|"
            r"definitely\s+|certainly\s+|clearly\s+|also\s+)?(?:(?:came|comes|come|did come|"
            r"didn'?t come|did not come|never came)\s+(?:through|across|out)|(?:was|is|were|"
            r"wasn'?t|isn'?t)\s+(?:very\s+|really\s+|not\s+|quite\s+|always\s+)?(?:clear|"
            r"evident|obvious|there|missing|absent|lacking|unclear|visible|apparent)|"
            r"(?:showed|shone)\b)|(?:we|i)\s+(?:did|certainly|definitely|then)?\s*(?:saw|"
            r"heard|got|see|hear)\s+(?:it|that|this|plenty|lots|them)\b|which\s+you\b)",
            re.IGNORECASE,
        )
        # What after the expectation says how it went: a new clause or sentence.
        self.outcome = re.compile(
            r"[,;:(]|\s[—–-]\s|[.!?]\s+\w|\b(?:and|but|which|so|though|although|yet|"
            r"whereas|while|because)\s+(?:you|it|that|this|we|i|they|there|he|she)\b|\bwhich\b",
            re.IGNORECASE,
        )
        # Less of something than the role needs: "you had less experience with Kafka than
        # we need", "fewer years of line management than the role requires", "not as much
        # exposure to pricing as we'd hoped". A shortfall against the bar, said of the person.
        bar = (
            rf"(?:(?:what )?(?:we|they|i|{_REVIEWER}|the (?:role|job|position|business|brief)|"
            r"this (?:role|job|position|level))\s*(?:'d|would|had|were|was|are|is)?\s*"
            r"(?:really |ideally |typically |usually |normally )?(?:need|want|requir|expect|"
            r"hop|look|ask|set out|call)\w*|(?:is |was |would be )?(?:needed|required|"
            r"expected|ideal|necessary)\b|"
            # ... or than whoever was chosen: "less hands-on experience than the other finalist".
            r"(?:the (?:other|successful|chosen|preferred|selected)|another) (?:candidate|"
            r"applicant|finalist|person|hire)s?\b)"
        )
        # Someone with more than the person showed: "we were after someone with a bit more
        # commercial grounding", "we needed a candidate who had more hands-on leadership".
        self.wanted_more = re.compile(
            rf"\b(?:we|they|i|{_REVIEWER}|the (?:role|business)|this role|the job)\s*"
            r"(?:'re|are|were|was|is|'d|would|had|really|ultimately|just|simply|\s)*"
            r"(?:need(?:s|ed)?|want(?:s|ed)?|requir(?:e|es|ed)|look(?:ing|ed)? for|after|"
            r"hop(?:ing|ed) for)\s+(?:someone|somebody|a (?:candidate|person|profile)|an "
            r"applicant)\s+(?:with|who (?:had|has|could (?:show|bring))|that (?:had|has)|"
            r"bringing)?\s*(?:a (?:bit|little|lot|touch) |slightly |much |far |even )?"
            r"(?:more|greater|deeper|broader|stronger|further)\b"
            # "We just needed someone more senior": a level, no skill, is the decision's
            # reason (see ``decision_talk``), as "we went with someone more experienced" is.
            r"(?!\s+(?:senior|experienced|seasoned)\b)",
            re.IGNORECASE,
        )
        # Someone who has already done it: "we're looking for someone who has managed a P&L
        # before", "they needed a candidate who had run a team". Said to the person, the
        # experience the role asks for is what they did not bring; what someone "can" or
        # "will" do is a wish for the future, no shortfall.
        self.wanted_someone_who_has = re.compile(
            rf"\b(?:we|they|i|{_REVIEWER}|the (?:role|business|client)|this role|the job)\s*"
            r"(?:'re|are|were|was|is|'d|would|had|really|ultimately|just|simply|\s)*"
            r"(?:need(?:s|ed)?|want(?:s|ed)?|requir(?:e|es|ed)|look(?:ing|ed)? for|after|"
            r"hop(?:ing|ed) for)\s+(?:someone|somebody|a (?:candidate|person|profile)|an "
            r"applicant)\s+(?:who|that)\s*(?:has|had|'s|'d)\s+(?:already\s+|previously\s+|"
            r"actually\s+|personally\s+)?(?:been|done|run|led|held|owned|built|grown|taken|"
            r"worked|[a-z]+ed)\b(?!\s+(?:to|by)\b)",
            re.IGNORECASE,
        )
        # Less of what one has or shows, not "needs less supervision", "fewer mistakes".
        having = (
            r"(?:had|has|have|having|brought|brings|showed|shows|shown|demonstrated|"
            r"demonstrates|offered|offers|got|gets|with)\s+(?:\w+\s+)?"
        )
        self.short_of = re.compile(
            rf"\b(?:{having}(?:less|fewer)\b[^.;:!?]{{0,80}}?\bthan|(?:n't|not|never)\s+"
            rf"{having}(?:as|so) (?:much|many)\b[^.;:!?]{{0,80}}?\bas) {bar}",
            re.IGNORECASE,
        )
        # A quality short of the bar: "your answers were less detailed than we expected"
        # (the quality is group 1: "less nervous than we expected" is no shortfall).
        self.less_than = re.compile(
            r"\b(?:is|are|was|were|'s|'re|seemed|seems|felt|feels|looked|looks|came across "
            r"as|comes across as)\s+(?:(?!any\b|no\b)\w+\s+)?less\s+([a-z-]+)\s+than\s+" + bar,
            re.IGNORECASE,
        )
        # "Relies on the tech lead for architecture calls", "leans heavily on her manager
        # to make decisions", "defers to the architects on design".
        # Not "the team": relying on one's own team is as often delegation as dependence.
        person = (
            r"(?:others|other people|someone else|colleagues|peers|(?:the|her|his|their|a|an)"
            r"\s+(?:\w+\s+)?(?:lead|leads|manager|managers|boss|architects?|engineers?|"
            r"seniors?|colleagues?|peers?|cto|director|mentor|pm|pms|experts?))"
        )
        self.leaning = re.compile(
            rf"\b(?:(?:relies|relied|relying|rely|depends|depended|depending|leans|leaned|"
            rf"leant|leaning)\s+(?:\w+ly\s+)?on|(?:defers|deferred|deferring|defer)\s+"
            rf"(?:\w+ly\s+)?to)\s+{person}\b",
            re.IGNORECASE,
        )
        self.reapply_once = re.compile(REAPPLY_ONCE, re.IGNORECASE)
        self.negated = re.compile(
            r"\b(?:doesn'?t|does not|didn'?t|did not|never|no longer|won'?t|without|rarely|"
            r"less|stopped|not)\s+(?:\w+\s+)?$",
            re.IGNORECASE,
        )


@cache
def _re() -> _Patterns:
    return _Patterns()


def requirement_reading(text: str) -> PolarityReading | None:
    """A gap reading when the text names an unmet requirement or leaning on others, else None."""
    patterns = _re()
    unmet = patterns.unmet.search(text)
    if unmet is not None:
        return PolarityReading(
            Polarity.GAP, _CONFIDENCE, (f"unmet requirement: '{_clip(unmet.group(0))}'",)
        )
    short = (
        patterns.short_of.search(text)
        or patterns.wanted_more.search(text)
        or patterns.wanted_someone_who_has.search(text)
    )
    if short is None:
        less = patterns.less_than.search(text)
        short = less if less is not None and not _is_flaw(less.group(1)) else None
    if short is not None:
        return PolarityReading(
            Polarity.GAP, _CONFIDENCE, (f"short of the bar: '{_clip(short.group(0))}'",)
        )
    once = patterns.reapply_once.search(text)
    if once is not None:
        return PolarityReading(
            Polarity.GAP,
            _CONFIDENCE,
            (f"what to have before applying again: '{_clip(once.group(0))}'",),
        )
    leaning = patterns.leaning.search(text)
    if leaning is not None and not patterns.negated.search(text, 0, leaning.start()):
        return PolarityReading(
            Polarity.GAP, _CONFIDENCE, (f"leans on others: '{_clip(leaning.group(0))}'",)
        )
    return None


def expectation_reading(text: str) -> PolarityReading | None:
    """A gap reading when the text names an expectation ("we wanted to see ...") and no outcome.

    Read after the words: where they already make it a gap ("we'd have liked more depth")
    their cue is the clearer one.
    """
    patterns = _re()
    found = patterns.expectation.search(text)
    if found is None or patterns.outcome.search(text, found.end()) is not None:
        return None
    said = text[found.start() :].strip().rstrip(".!")
    return PolarityReading(
        Polarity.GAP,
        _CONFIDENCE,
        (f"unmet expectation: '{_clip(said)}', and nothing says it was met",),
    )


def opens_with_expectation(text: str) -> bool:
    """Whether the text opens by saying what the panel wanted to see ("We wanted to see ...")."""
    return _re().expectation.search(text) is not None


def answers_expectation(text: str) -> bool:
    """Whether the text opens by saying how an expectation before it went ("You showed it")."""
    return _re().answer.search(text) is not None


def unmet_requirement_span(text: str) -> tuple[int, int] | None:
    """Where the text names a requirement and then says it was not met, if it does."""
    unmet = _re().unmet.search(text)
    return None if unmet is None else unmet.span()


def _is_flaw(word: str) -> bool:
    from nextround.analysis.polarity_words import POLAR, entry

    found = entry(word.lower())
    return found.role == POLAR and found.score < 0


def _clip(snippet: str, limit: int = 60) -> str:
    snippet = " ".join(snippet.split())
    return snippet if len(snippet) <= limit else snippet[: limit - 1] + "…"
