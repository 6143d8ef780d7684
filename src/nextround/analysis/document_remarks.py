"""Remarks on the CV or cover letter ("CV is solid"), which judge a document, not a skill.

A careers adviser or a recruiter often says what they made of the papers before the
interview: "CV is solid", "Your cover letter was a bit long", "Strong CV". The remark is
about a document, not a behaviour a competency framework describes, so mapped it would
only be a weak strength or gap on whatever skill its words happen to be nearest. It is
set aside like a tip on interview technique (see ``not_feedback.set_aside``) and listed
under its own reason. What the papers show of the person stays feedback: "Your CV shows
little stakeholder work" and "Your CV was strong on delivery" speak of their experience.
A portfolio is not among the documents: it holds the work itself, so a remark on it
("Your portfolio was impressive") judges the craft.
"""

from __future__ import annotations

import re
from functools import cache

from nextround.analysis.interview_technique import sentence_spans
from nextround.analysis.pasted_mail import Aside

DOCUMENT_REMARK = "remark on the CV or cover letter"

_DOCUMENT = (
    r"(?:cvs?|c\.v\.|r[ée]sum[ée]s?|cover(?:ing)? letters?|motivation letters?|personal "
    r"statements?|application forms?|written applications?|linkedin(?: profile)?)"
)
_WHOSE = r"(?:(?:your|the|his|her|their|my|our|this|that) )?"
_BOTH = rf"{_WHOSE}{_DOCUMENT}(?: (?:and|&) {_WHOSE}{_DOCUMENT})?"
_SAYS = (
    r"(?:is|was|are|were|looks?|looked|reads?|seems?|seemed|came across(?: as)?|comes across"
    r"(?: as)?|felt|feels|'s)"
)
# How much: "very", "a bit", "nicely"; a quality is any single word, so a verdict on the
# document is a few words of that shape and nothing more ("on delivery" would be more).
_DEGREE = (
    r"(?:(?:very|really|quite|pretty|fairly|rather|too|a bit|a little|a little bit|"
    r"slightly|somewhat|overall|generally|nicely|well|clearly|extremely|super|so|also|"
    r"definitely|genuinely|honestly|still|already|now|much|perhaps|maybe) )*"
)
_QUALITY = r"[a-z][\w'-]*"
_QUALITIES = (
    rf"{_DEGREE}(?:an? )?{_QUALITY}(?:(?:,| and|, and|,? but| if| yet) {_DEGREE}{_QUALITY})*"
)
_TAIL = r"(?: (?:overall|too|though|as well|in general|on the whole))?[.!]*"


@cache
def _remark() -> re.Pattern[str]:
    said = rf"{_BOTH} {_SAYS} {_QUALITIES}"
    # "Strong CV", "Solid CV and cover letter", "A well-written cover letter".
    named = rf"(?:an? )?{_DEGREE}{_QUALITY}(?: and {_QUALITY})? {_BOTH}"
    # A label may open the line: "Careers adviser notes: CV is solid."
    label = r"(?:[A-Z][\w'’ /&-]{0,40}:\s+)?"
    return re.compile(rf"{label}(?:{said}|{named}){_TAIL}", re.IGNORECASE)


# Verbs of what a document shows of the person: "Your CV shows ...", "is heavy on ...".
_ABOUT_THE_PERSON = re.compile(
    r"\b(?:you|your (?!cv|c\.v\.|r[ée]sum|cover|covering|motivation|personal|application|"
    r"written|linkedin)|experience|skills?)\b",
    re.IGNORECASE,
)


def is_document_remark(sentence: str) -> bool:
    """Whether a sentence only judges the CV or cover letter: "CV is solid", "Strong CV".

    "Your CV shows strong delivery" and "CV is solid on delivery" say what the papers
    show of the person and are not.
    """
    text = " ".join(sentence.replace("’", "'").split()).strip(" -*•")
    if len(text.split()) > 12 or _ABOUT_THE_PERSON.search(text):
        return False
    return _remark().fullmatch(text) is not None


def document_remark_asides(text: str) -> list[Aside]:
    """The sentences of ``text`` that only remark on the CV or cover letter."""
    return [
        Aside(a, b, DOCUMENT_REMARK)
        for a, b in sentence_spans(text)
        if is_document_remark(text[a:b])
    ]
