"""Advice on how to interview or apply ("use STAR", "tailor your CV"), which observes no skill.

A careers adviser, a mentor or a friend after a mock interview gives tips on technique:
"In interviews use STAR and quantify results", "Prepare 5-6 stories covering teamwork,
leadership, failure", "Research the company's values before strengths interviews". They
say how to prepare, not what the person did well or badly, so they are set aside before
splitting (see ``not_feedback.set_aside``) and listed under their own reason. Advice on
the work itself ("Next time spend more time on risk") is a development point and stays;
so does a tip that comes with what was seen ("Your answers lacked structure, so use STAR").
"""

from __future__ import annotations

import re
from functools import cache

from nextround.analysis.pasted_mail import Aside

INTERVIEW_TECHNIQUE = "advice on interview technique"

# What opens a tip: a setting ("In interviews,", "Before an assessment centre"), a label
# ("Tip:"), a push ("always", "make sure to", "I'd recommend").
_SETTING = (
    r"(?:(?:in|for|before|during|at|ahead of|after) (?:[\w-]+ ){0,3}?(?:interviews?|assessment "
    r"(?:centres?|centers?|days?)|applications?|future|calls?|tests?)|next time|"
    r"(?:also|and|then|finally|first|firstly|second|secondly|lastly|generally|overall|"
    r"(?:top |key |quick )?tips?|(?:my )?advice|going forward))[,:;]?\s+"
)
_PUSH = (
    r"(?:(?:you|they|he|she|i|we)(?: really| definitely| also| probably)? (?:should|could|must|"
    r"might want to|may want to|need to|ought to|want to|will want to|can)|make sure (?:you |to )?|"
    r"be sure to|remember to|don't forget to|do not forget to|try to|always|definitely|please|"
    r"it(?:'s| is| would be| might be) (?:worth|a good idea to|helpful to|useful to|wise to)|"
    r"it helps to|(?:i|we)(?:'d| would)? (?:recommend|suggest|advise)(?: that you| you| to)?)\s+"
)
# The verbs tips on technique open with, as a command or after a push ("it's worth ...ing").
_DO = (
    r"(?:us(?:e|ing)|prepar(?:e|ing)|research(?:ing)?|practi[sc](?:e|ing)|rehears(?:e|ing)|"
    r"tailor(?:ing)?|hav(?:e|ing)|bring(?:ing)?|read(?:ing)?|look(?:ing)?|learn(?:ing)?|know|"
    r"think(?:ing)?|writ(?:e|ing)|draft(?:ing)?|keep(?:ing)?|build(?:ing)?|do(?:ing)?|"
    r"mak(?:e|ing)|check(?:ing)?|test(?:ing)?|dress(?:ing)?|arriv(?:e|ing)|updat(?:e|ing)|"
    r"proofread(?:ing)?|ask(?:ing)?|structur(?:e|ing)|review(?:ing)?|get(?:ting)?|"
    r"find(?:ing)?|plan(?:ning)?|com(?:e|ing)|run(?:ning)?|book(?:ing)?|record(?:ing)?|"
    r"film(?:ing)?|follow(?:ing)?|adapt(?:ing)?|customi[sz](?:e|ing)|refresh(?:ing)?|"
    r"shorten(?:ing)?|polish(?:ing)?|brush(?:ing)? up|go(?:ing)? (?:over|through)|"
    r"memori[sz](?:e|ing)|jot(?:ting)?|list(?:ing)?|not(?:e|ing)|spend(?:ing)?|"
    r"set(?:ting)? up|sign(?:ing)? up|attend(?:ing)?|work(?:ing)? on|print(?:ing)?|"
    r"frame|framing|develop(?:ing)?|collect(?:ing)?|gather(?:ing)?)\b"
)
# What the tip is about: the interview or the application, not the work.
_TECHNIQUE = (
    r"(?-i:\bSTAR\b)|\bstar (?:method|format|framework|technique|structure|model|approach)|"
    # Stories prepared, not told: "keep your stories short" is about how they were told.
    r"\b(?:prepar|hav|draft|writ|build|develop|collect|gather|think|come up|jot|list|"
    r"memori[sz])\w*(?: (?:up|of|down|with))? (?:[\w'’-]+ ){0,3}?(?:stories|anecdotes|"
    r"examples|case studies)\b|"
    r"\b(?:cvs?|résumés?|resumes?|cover(?:ing)? letters?|linkedin(?: profile)?|personal "
    r"statements?|application forms?)\b|"
    r"\bresearch\w* (?:[\w'’-]+ ){0,3}?(?:compan|firm|organi[sz]ation|employer|business|role|"
    r"interviewer|values|culture|sector|industry|product|scheme|programme|competitor|mission|"
    r"news)|"
    r"\b(?:read|look)\w* up (?:on )?(?:the |their )?(?:compan|firm|organi|employer|interviewer)|"
    r"\b(?:the |their )?(?:company|firm|organisation|organization|employer)(?:'s|’s)? (?:values|"
    r"mission|culture|website|annual report)|"
    r"\b(?:practi[sc]|rehears|run(?:ning)? through|drill)\w* (?:[\w'’-]+ ){0,3}?(?:answers?|"
    r"responses?|stories|examples|pitch|introduction|interviews?|questions|out loud|aloud|"
    r"presentations?)\b|"
    r"\bmock (?:interviews?|assessments?|group|exercises?|tests?)|\bmocks\b|"
    r"\bquestions (?:to ask|for (?:the |your |them|the )?interviewers?|at the end|ready)|"
    r"\b(?:test|check)\w* (?:your )?(?:camera|webcam|microphone|mic|tech|set[- ]?up|connection|"
    r"internet|audio|lighting)|"
    r"\bdress\w* (?:smartly|professionally|appropriately|for)|\barriv\w* (?:[\w-]+ ){0,2}"
    r"(?:early|on time)|\belevator pitch|\btell me about yourself|"
    r"\binterview(?:ing)? (?:technique|skills|prep(?:aration)?)"
)
# What was seen, said along with the tip: "your answers lacked structure", "you didn't
# know our products". With it the tip is a development point on what was seen.
_OBSERVED = (
    r"\b(?:you|your [\w-]+(?: [\w-]+)?)(?: \w+ly| just| also| often| sometimes)? (?:were|was|"
    r"did|didn't|did not|lacked|came|seemed|struggled|rambled|forgot|missed|had|hadn't|"
    r"showed|sounded|felt|went|got|gave|spent|ran|tended|couldn't|could not|weren't|wasn't|"
    r"failed|needed|used|answered|talked|spoke|focused|focussed|made)\b"
)
# Advice on the work ("work on your stakeholder management") that a tip may carry too.
_ON_THE_WORK = r"\b(?:work on|improve|develop|strengthen|get better at|build up|focus on)\b"
_WORK_REACH = 40
_CLAUSE_BREAK = re.compile(r"\s*[;—–]\s*|\s+-{1,2}\s+")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    label = r"(?:[A-Z][\w'’ /&-]{0,40}:\s+)?"
    opening = rf"{label}(?:{_SETTING})*(?:{_PUSH})?{_DO}"
    return (
        re.compile(opening, re.IGNORECASE),
        re.compile(_TECHNIQUE, re.IGNORECASE),
        re.compile(_OBSERVED, re.IGNORECASE),
        re.compile(_ON_THE_WORK, re.IGNORECASE),
    )


def is_interview_technique(sentence: str) -> bool:
    """Whether a sentence is a tip on how to interview or apply, and nothing else.

    "In interviews use STAR and quantify results" and "Tailor your CV to each role" are;
    "Next time spend more time on risk" (advice on the work) and "Your examples were
    vague, so prepare stories" (what was seen) are not.
    """
    text = " ".join(sentence.replace("’", "'").split()).lstrip("-*•‣◦▪●–—+ ")
    # "Prepare stories; the returns one still runs past four minutes": each part must be
    # a tip, or the sentence says what was seen.
    parts = [p for p in _CLAUSE_BREAK.split(text) if p]
    if len(parts) > 1:
        return all(is_interview_technique(p) for p in parts)
    opening, technique, observed, on_the_work = _patterns()
    if not opening.match(text) or observed.search(text):
        return False
    found = technique.search(text)
    if found is None:
        return False
    # "Use STAR, and work on your stakeholder management": the second tip is on the work.
    for work in on_the_work.finditer(text):
        if not technique.search(text, work.end(), work.end() + _WORK_REACH):
            return False
    return True


# Where a sentence ends: its full stop before a capital, a blank line, or a new line that
# opens a new point (a bullet or a capital); "e.g. a team project" goes on.
_END = re.compile(
    r"[.!?…]+[\"'”’)\]]*(?=\s+[\"“(]?[A-Z\d]|\s*$)|\n[ \t]*\n|"
    r"\n(?=[ \t]*(?:[-*•‣◦▪●–—+][ \t]+|\d{1,3}[.)][ \t]+)?[A-Z])"
)
_LEAD = re.compile(r"\s*(?:(?:[-*•‣◦▪●–—+]|\d{1,3}[.)])[ \t]+)?")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence or list point of ``text`` is, its bullet and spaces left out."""
    spans = []
    start = 0
    for end in [*(m.end() for m in _END.finditer(text)), len(text)]:
        lead = _LEAD.match(text, start)
        a = lead.end() if lead else start
        b = len(text[:end].rstrip())
        start = end
        if b > a:
            spans.append((a, b))
    return spans


def technique_asides(text: str) -> list[Aside]:
    """The sentences of ``text`` that are tips on interview technique, in reading order."""
    return [
        Aside(a, b, INTERVIEW_TECHNIQUE)
        for a, b in sentence_spans(text)
        if is_interview_technique(text[a:b])
    ]
