"""Clarifying questions for vague feedback: spot it, then ask like a good career coach."""

from __future__ import annotations

import re
import zlib

from nextround.domain.competency import Polarity
from nextround.domain.round_names import interview_phrase, round_phrase

# A statement is specific when it points at something that happened: a moment, a quote, a
# number, an artefact or a behaviour someone could have watched. Vague feedback ("some gaps
# around systemic thinking") has none of these, and is the feedback worth asking about.
_SIGNALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "scenario",
        re.compile(
            r"\b(when|whenever|during|while|at one point|at the (?:start|end|beginning)|"
            r"for example|for instance|e\.g\.|such as|"
            r"(?:after|before|once) (?:you|she|he|they|i|we))\b",
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
            r"(?:on|to|about) (?:the|your|our|his|her|their|that|this|how|why|what)\b",
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
            r"post-mortem|stand-up|steering committee|story|stories|examples?|happy path|"
            r"swim ?lanes?)\b",
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
            r"covered|addressed|tested|estimated|defined|finished|got to))\b",
            re.IGNORECASE,
        ),
    ),
)


def specificity_signals(statement: str) -> list[tuple[str, str]]:
    """What makes a statement specific, as (kind, matched words), in a fixed order."""
    found = []
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
    return not specificity_signals(statement)


def _skill(competency_name: str) -> str:
    """A competency name as it reads mid-sentence; "A and B" lowers both (not acronyms)."""
    parts = " ".join(competency_name.split()).split(" and ")
    lowered = [p[0].lower() + p[1:] if len(p) > 1 and p[1].islower() else p for p in parts]
    return " and ".join(lowered)


def _quoted(statement: str) -> str:
    return " ".join(statement.split()).rstrip(".!;:, ")


def clarifying_questions(
    statement: str,
    competency_name: str,
    round_name: str | None,
    interview_title: str | None,
    company: str | None,
    *,
    polarity: Polarity = Polarity.GAP,
    limit: int = 3,
) -> list[str]:
    """One to three polite questions to send about a vague statement, most useful first.

    They name the round, the interview (when known), the competency and the company, and
    nothing else: every name comes from the arguments, so no fact is invented. The phrasing
    varies with the statement, so two questions sent in one note do not read as a template.
    """
    variant = zlib.crc32(f"{statement}|{competency_name}".encode()) % 2
    round_ = (
        str(round_phrase(round_name, {company} if company else ()))
        if round_name and round_name.strip()
        else "the process"
    )
    skill = _skill(competency_name)
    at = f" at {company}" if company else ""
    interview = interview_phrase(interview_title) if interview_title else None
    if polarity is Polarity.STRENGTH:
        questions = _about_strength(round_, skill, at, interview, variant)
    elif polarity is Polarity.NEUTRAL:
        questions = _about_mention(round_, skill, at, interview, variant)
    else:
        questions = _about_gap(round_, skill, at, interview, variant)
    quoted = _quoted(statement)
    # Quoting their own words back shows the note was read closely; long ones would swamp it.
    if quoted and len(quoted) <= 200:
        use = (
            "tell me what to keep doing"
            if polarity is Polarity.STRENGTH
            else "help me work on the right thing"
        )
        questions.append(
            (
                f"You mentioned “{quoted}”. Was that based on a particular question or "
                f"scenario? Knowing which would {use}.",
                f"On “{quoted}”: was there a specific exchange the team had in mind? Even one "
                f"example would {use}.",
            )[variant]
        )
    return questions[: max(1, min(limit, 3))]


def _about_gap(round_: str, skill: str, at: str, interview: str | None, variant: int) -> list[str]:
    if interview:
        moment = (
            f"In {round_}, which moment or answer gave the team the impression that my {skill} "
            f"didn't come through — was it {interview}?",
            f"Could you point me to the part of {round_} where my {skill} fell short — was it "
            f"something I said, or left out, in {interview}?",
        )[variant]
    else:
        moment = (
            f"In {round_}, which moment or answer gave the team the impression that my {skill} "
            "didn't come through?",
            f"Could you point me to the part of {round_} where my {skill} fell short — was it "
            "something I said, or something I left out?",
        )[variant]
    bar = (
        f"What would a strong answer on {skill} have included for this role{at}, so I can "
        "prepare for next time?",
        f"For this role{at}, what does strong {skill} look like to the team — what did they "
        "hope to hear that I didn't say?",
    )[variant]
    return [moment, bar]


def _about_strength(
    round_: str, skill: str, at: str, interview: str | None, variant: int
) -> list[str]:
    where = f" — was it {interview}?" if interview else "?"
    return [
        (
            f"In {round_}, which moment showed my {skill} best{where}",
            f"Which answer in {round_} made my {skill} stand out{where}",
        )[variant]
        + " I'd like to make sure I lead with it.",
        f"Was there anything that would have made my {skill} even more convincing for this "
        f"role{at}?",
    ]


def _about_mention(
    round_: str, skill: str, at: str, interview: str | None, variant: int
) -> list[str]:
    where = f" — was it in {interview}?" if interview else "?"
    return [
        (
            f"In {round_}, what did the team notice about my {skill}{where}",
            f"Could you tell me more about how my {skill} came across in {round_}{where}",
        )[variant],
        f"What would a strong showing on {skill} have looked like for this role{at}?",
    ]
