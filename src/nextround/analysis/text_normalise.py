"""Generic clean-up before mapping: sentences, question stems, STAR probes, negation, grades."""

from __future__ import annotations

import re
from functools import cache

from nextround.analysis.note_headers import heading_length

# Words that glue two capitalised list items into one phrase ("Responsible and Dependable").
_JOINERS = frozenset({"and", "or", "of", "to", "for", "with", "the", "a", "an", "in", "on", "&"})

_SENTENCE_BREAK = re.compile(r"(?<=[.!?;:])\s+|\n+|\s*[•·▪]\s*|^\s*[-*]\s+", re.MULTILINE)
# Frameworks often list traits without punctuation: "Determined Proactive Highly productive".
_CAPITALISED_RUN = re.compile(r"(?<=[a-z])\s+(?=[A-Z][a-z])")
_LIST_MAX_WORDS = 12

# The generic openings of behavioural interview questions. They say "this is a question",
# not which skill it probes, and they pull every question towards the same point.
_QUESTION_STEM = re.compile(
    r"^\s*(?:please\s+|can you\s+|could you\s+|would you\s+)?"
    r"(?:tell (?:me|us) (?:a (?:little|bit) (?:more )?)?about|describe|walk (?:me|us) through"
    r"|talk (?:me |us )?(?:about|through)"
    r"|share|give (?:me|us)?\s*(?:an?|one|two|some|a few|two to three|specific)?\s*examples?\s*of"
    r"|give an example of|what is an example of|provide an example of|think (?:of|about))\s+"
    r"(?:(?:a|an|one|the|some)\s+)?(?:(?:specific|recent|particular|last)\s+)?"
    r"(?:(?:time|times|situation|situations|occasion|instance|example|moment|case)\s+)?"
    r"(?:(?:when|where|in which|that|during which|how)\s+)?",
    re.IGNORECASE,
)
# Follow-up probes that any STAR question ends with; they carry no competency signal.
_PROBE = re.compile(
    r"^\s*(?:what (?:was|were|is|are) (?:the |your )?(?:situation|result|outcome|impact|role"
    r"|lesson|learning|context)s?\b|what did you (?:learn|do)\b|how did (?:you|it|that|they)"
    r" (?:handle|turn out|go|end)\b|what happened\b|what would you do differently\b)",
    re.IGNORECASE,
)
# Mapping asks *which* skill a statement is about; whether it is shown well or badly is the
# polarity reader's job. Negation cues only add noise to the skill match.
_NEGATION = re.compile(
    r"\b(?:does not|doesn't|do not|don't|did not|didn't|fails? to|failed to|unable to|"
    r"is not|isn't|are not|aren't|was not|wasn't|never|cannot|can't|won't|rarely|seldom|"
    r"lacks?|lacking|no longer|not)\b\s*",
    re.IGNORECASE,
)
_NOT_ONLY = re.compile(r"\bnot only\b", re.IGNORECASE)
# Likewise words that grade how well, not what: "strong on execution" is about execution,
# but "strong" alone sits nearest to resilience ("stays strong under pressure") and pulls
# the statement there; "thin" ("your MEDDICC qualification was thin") sits nearest to
# resilience ("thin-skinned") and "patchy", "sparse" grade an amount as it does. Only
# generic grades are dropped; trait words ("clear", "calm",
# "confident") name the skill itself, and "better"/"best" name improvement and practice.
_GRADE_WORDS = (
    r"(?:(?:very|really|quite|extremely|particularly|especially|incredibly|truly|super|"
    r"exceptionally|consistently|genuinely|so|too)\s+)*"
    r"(?:strong(?:er|est|ly)?|weak(?:er|est|ly)?|great(?! deal)|good|excellent|outstanding|"
    r"exceptional|impressive|solid|poor(?:ly)?|brilliant|fantastic|superb|amazing|terrific|"
    r"stellar|remarkable|decent|mediocre|thin(?:ner)?|patchy|sparse|lacklustre|lackluster|"
    r"underwhelming)\b\s*"
)
_GRADE = re.compile(rf"\b{_GRADE_WORDS}", re.IGNORECASE)
# "You were strong on execution": before a grade, who is judged says nothing about which
# skill, and "you were" alone leans towards ownership. Elsewhere the subject stays.
_GRADED_SUBJECT = re.compile(
    r"^\s*(?:you|she|he|they|i|the candidate)\s+(?:were|was|are|is|am|seemed|seems|"
    rf"came across as|comes? across as|looked|looks)\s+(?={_GRADE_WORDS})",
    re.IGNORECASE,
)
# "Feedback from the panel: solid coding" names who spoke, not the skill; "panel" alone
# pulled the statement towards presenting. The lead-in ends at a colon, within a few words.
_LEAD_IN = re.compile(
    r"^\s*(?:(?:the|their|our|some|overall)\s+)?(?:feedback|comments?|notes?|thoughts)"
    r"\s+(?:from|by|of)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s*:\s+"
    r"|^\s*(?:the\s+)?(?:panel|interviewers?|hiring manager|team)(?:'s|’s)?"
    r"\s+(?:said|says|feedback|noted|wrote)\s*:\s+",
    re.IGNORECASE,
)
_MIN_KEPT = 8


@cache
def _reapply_frame() -> re.Pattern[str]:
    from nextround.analysis.courtesy import AGAIN, CONDITION

    # "Apply again once you have more experience running a renewals team": the invitation
    # says "apply", which pulled the statement to learning agility; what it names is the rest.
    return re.compile(
        rf"^[^.;!?]{{0,40}}?\b{AGAIN}\b[^.;!?]{{0,40}}?\b{CONDITION}\s*"
        rf"|^\s*{CONDITION}\s*(?=[^.;!?]*?,[^.;!?]*\b{AGAIN}\b)",
        re.IGNORECASE,
    )


_AGAIN_TAIL = re.compile(r",[^,.;!?]*$")


def strip_reapply(text: str) -> str:
    """Keep what a "reapply once you have more X" invitation names: "experience running X"."""
    m = _reapply_frame().match(text.replace("’", "'"))
    if m is None:
        return text
    rest = text[m.end() :]
    if not m.group(0).lower().lstrip().startswith(("once", "when", "after", "as soon", "if")):
        return rest if len(rest) >= _MIN_KEPT else text
    # "Once you have more years in product, we'd love to hear from you": up to the comma.
    cut = _AGAIN_TAIL.sub("", rest.rstrip(".!? ")).strip()
    return cut if len(cut) >= _MIN_KEPT else text


def split_sentences(text: str) -> list[str]:
    """Sentences and list items of a description, each a candidate prototype."""
    out: list[str] = []
    for piece in _SENTENCE_BREAK.split(text):
        chunk = piece.strip()
        if not chunk:
            continue
        parts = [chunk]
        if not chunk.endswith((".", "!", "?")) or len(chunk.split()) <= _LIST_MAX_WORDS:
            parts = _CAPITALISED_RUN.split(chunk)
        merged: list[str] = []
        for part in parts:
            if merged and merged[-1].split()[-1].lower() in _JOINERS:
                merged[-1] = f"{merged[-1]} {part}"
            else:
                merged.append(part)
        out.extend(p.strip(" .;:") for p in merged if len(p.strip(" .;:")) > 2)
    return out


def strip_question_stem(text: str) -> str:
    """Drop the generic opening: 'Tell me about a time when you ...' -> 'you ...'."""
    stripped = _QUESTION_STEM.sub("", text, count=1).strip()
    return stripped if len(stripped) >= _MIN_KEPT else text.strip()


def is_question(text: str) -> bool:
    """Whether a text is written as an interview question or its stem, not as a statement."""
    stripped = text.strip()
    return stripped.endswith("?") or _QUESTION_STEM.match(stripped) is not None


def strip_probes(text: str) -> str:
    """Drop trailing generic STAR probes ("What was the outcome?") from a multi-part question."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    if len(sentences) < 2:
        return text.strip()
    kept = [sentences[0], *(s for s in sentences[1:] if not _PROBE.search(s))]
    return " ".join(kept)


def strip_lead_in(text: str) -> str:
    """Drop who the feedback is from: "Feedback from the panel: solid coding" -> "solid coding".

    Also a note's heading left on its first statement ("Call with Dan, 30 Oct. They liked
    …"): note_headers says what a heading is.
    """
    match = _LEAD_IN.match(text)
    stripped = text[match.end() if match else heading_length(text) :].strip()
    return stripped if len(stripped) >= _MIN_KEPT else text.strip()


def strip_the_choice(text: str) -> str:
    """Keep what the hire had more of: "We went with someone with more SaaS experience" -> that.

    The choice ("went with a candidate", "the successful candidate had") names no skill and
    pulls the statement towards whatever "candidate" or "went with" resembles; the reason
    is what the statement is about.
    """
    from nextround.analysis.decision_talk import what_the_hire_had_more_of

    what = what_the_hire_had_more_of(text)
    return f"{what}." if what is not None and len(what) >= _MIN_KEPT else text


def strip_negation(text: str) -> str:
    """Remove negation cues so a gap maps to the same skill as its strength."""
    if _NOT_ONLY.search(text):  # "not only X but Y" is emphasis, not negation
        return _NOT_ONLY.sub("", text)
    stripped = _NEGATION.sub("", text).strip()
    return stripped if len(stripped) >= _MIN_KEPT else text


def strip_grades(text: str) -> str:
    """Remove generic grading words and the judged subject: "You were strong on X" -> "on X"."""
    stripped = _GRADE.sub("", _GRADED_SUBJECT.sub("", text, count=1)).strip()
    return stripped if len(stripped) >= _MIN_KEPT else text


# The colleague someone is to win round, named by job title: "influence a product manager
# who disagreed". The title's own field (product, engineering) is not the skill judged.
_WON_ROUND = re.compile(
    r"\b(?:influenc|persuad|convinc)(?:e|es|ed|ing)\s+(?:(?:a|an|the|your|their|his|her|our|"
    r"my|some|other|two|three|several|many|both|senior|sceptical|skeptical|reluctant|"
    r"difficult)\s+)*"
    r"(?P<title>(?:(?:product|project|programme|program|engineering|delivery|technical|tech|"
    r"design|data|sales|marketing|finance|operations)\s+)?(?:manager|owner|lead|engineer|"
    r"developer|designer|director|executive|head|architect|analyst|pm|vp)s?)\b",
    re.IGNORECASE,
)


def generic_counterpart(text: str) -> str:
    """The text with a job title one is to win round said as "stakeholder", one grown as "people".

    "Influence a product manager who disagreed" is about influencing a stakeholder; the
    title alone drew it to product sense. "Growing senior data scientists" is about
    growing people, not data.
    """

    def plain(m: re.Match[str]) -> str:
        word = "stakeholders" if m.group("title").lower().endswith("s") else "stakeholder"
        return m.group(0)[: m.start("title") - m.start()] + word

    return _PEOPLE_GROWN.sub(_people, _WON_ROUND.sub(plain, text))


# People one grows, coaches or mentors, named by job title: "growing senior data
# scientists", "mentoring two junior engineers". The title's field (data, engineering) is
# not the skill judged, nor is their seniority: "growing senior data scientists" went to
# data-informed decisions, and "growing senior people" still to influence (senior
# stakeholders).
_PEOPLE_GROWN = re.compile(
    r"\b(?:grow|develop|coach|mentor|train|upskill|nurtur)(?:e|s|es|ed|ing)?\s+"
    r"(?P<title>(?:(?:a|an|the|your|their|his|her|our|my|other|two|three|four|five|several|"
    r"many|both|new|junior|senior|mid-level|less\s+experienced|younger)\s+)*"
    r"(?:(?:data|software|product|design|ux|ml|machine\s+learning|research|sales|marketing|"
    r"finance|operations|support|platform|frontend|backend|qa|test)\s+)?"
    r"(?:scientist|engineer|developer|analyst|designer|manager|researcher|consultant|"
    r"associate|graduate|hire|report|teammate|team\s+member|colleague|staff|recruit)s?)\b",
    re.IGNORECASE,
)


def _people(m: re.Match[str]) -> str:
    return m.group(0)[: m.start("title") - m.start()] + "people"


def normalise_statement(text: str, *, keep_grades: bool = False) -> str:
    """The form of a statement or question that is embedded for mapping.

    ``keep_grades`` leaves grading words in: the reference corpus does (see ``reference``).
    """
    clean = strip_negation(
        strip_question_stem(strip_probes(strip_reapply(strip_the_choice(strip_lead_in(text)))))
    )
    return clean if keep_grades else strip_grades(clean)
