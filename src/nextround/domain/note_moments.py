"""Specific moments for a note, lifted word for word from the person's own debrief notes.

A debrief says things like "Jonas dug into the Tilburg DC automation programme and I had
the numbers ready". A note can use "the Tilburg DC automation programme" as the moment it
remembers. Only phrases introduced by a few unambiguous lead-ins are taken ("dug into",
"asked about", "the part about", "conversation on" ...), and verbatim, so a note never says
anything the record does not. One change only: a story the person told is named by what it
was about ("Mei liked my platform migration story" gives "the platform migration"), since
"our conversation about my platform migration story" makes the writer the topic.
"""

from __future__ import annotations

import re

from nextround.domain.topic_phrases import clean_topic

# Whom the person showed something to: "walked Dana through", "showed the panel my map".
# A name is a capitalised word whatever the case of the rest ("(?-i:...)").
_AUDIENCE = (
    r"(?:him|her|them|you|us|the (?:whole )?(?:panel|team|interviewers?|hiring manager|"
    r"group|room|board)|(?-i:[A-Z][\w'’-]+)(?:\s(?:and|&)\s(?-i:[A-Z][\w'’-]+))?)"
)
# What introduces a topic in how people write up an interview.
_LEAD_IN = re.compile(
    r"\b(?:dug into|asked (?:me )?about|follow-ups? on|the part about|"
    r"(?:conversation|discussion|chat|talk|exchange) (?:on|about)|case on|"
    r"talk(?:ed|ing) about|"
    # "Told the story of aligning sales and support": the story is the topic.
    r"(?:told|shared|gave|used) (?:the|my|a|an|our) (?:story|example) (?:of|about|on)|"
    # A thing the person showed, recalled as shown, not as a conversation about it:
    # "Walked Dana through the journey map I made": what was walked through is the topic.
    rf"(?P<shown>(?:walked|talked|took) (?:{_AUDIENCE}\s)?through|"
    # "Showed my service blueprint", "presented the survey redesign": a thing the person
    # brought, so only one named as such ("showed that I could", "presented a clear case"
    # show no thing).
    rf"(?:showed|shared|presented|demoed|demonstrated|pitched) (?:{_AUDIENCE}\s)?"
    r"(?=(?:my|our|the)\s))|"
    r"questions? (?:about|on)|liked)\s*(?P<topic>(?<=\s).+)",
    re.IGNORECASE,
)
# "Presented the survey redesign to the panel": whom it was shown to is not the topic.
_TO_AUDIENCE = re.compile(rf"\s(?:to|for|with)\s{_AUDIENCE}$", re.IGNORECASE)
# Where a topic ends: the end of the clause, or the start of what the person did next.
_CLAUSE_END = re.compile(
    r"[.;:!?,()\"“”]|\s[-–—]\s|\s(?:and|but|which|while|so|because|when)\s+"
    r"(?:I|we|he|she|they|it|that|the|my|his|her|their|then|also|how|what)\b"
    r"|\s(?:was|were|is|are|went|worked|landed|seemed|felt)\b"
    # How it went is not what it was: "presented the roadmap well".
    r"|\s(?:well|clearly|confidently|briefly|quickly|in (?:detail|depth))(?![\w-])",
    re.IGNORECASE,
)
# Abbreviations whose full stop does not end a clause.
_ABBREVIATIONS = ("vs.", "e.g.", "i.e.", "etc.", "approx.", "incl.")
# A topic that starts like this is a judgement or a clause, not a subject of conversation.
_NOT_A_TOPIC = re.compile(r"^(?:that|it|this|how much|what i|me|him|her|them|you)\b", re.I)
MAX_TOPIC_WORDS = 12
MIN_TOPIC_CHARS = 6
# "my platform migration story", "the SLA example": what was told, named by its subject.
_TOLD = re.compile(
    r"^(?:my|our|the|a|an)\s+(?P<subject>.+?)\s+(?:story|stories|example|examples|answer|"
    r"answers|anecdote|case study)$",
    re.IGNORECASE,
)


def _subject_of_telling(topic: str) -> str:
    """A story or example the person told, as the subject it was about: "the platform migration"."""
    told = _TOLD.match(topic)
    return f"the {told['subject']}" if told else topic


def _protect(text: str) -> str:
    for abbreviation in _ABBREVIATIONS:
        text = re.sub(re.escape(abbreviation), abbreviation.replace(".", "\x00"), text, flags=re.I)
    return text


def _restore(text: str) -> str:
    return text.replace("\x00", ".")


def topics(notes: str | None, proper: frozenset[str] = frozenset()) -> list[str]:
    """Topics of conversation named in debrief notes, verbatim, in the order written.

    Two shapes are read: a topic after a lead-in ("Jonas dug into the Tilburg programme")
    and a subject that went well ("Wave plan landed well" gives "the wave plan"). Words in
    ``proper`` (company and people names) keep their capital at the start of a sentence.
    """
    return list(_found_topics(notes, proper))


def shown_topics(notes: str | None, proper: frozenset[str] = frozenset()) -> list[str]:
    """The topics the person showed or presented, which a note recalls as shown, not talked of.

    "Walked Dana through my journey map", "presented my dashboard": recalled as "walking you
    through my journey map", not as "our conversation about my journey map".
    """
    return [topic for topic, shown in _found_topics(notes, proper).items() if shown]


def _found_topics(notes: str | None, proper: frozenset[str]) -> dict[str, bool]:
    """Each topic, in the order written, and whether it was something the person showed."""
    if not notes:
        return {}
    found: dict[str, bool] = {}
    text = _protect(" ".join(notes.split()))
    candidates = [
        (
            _TO_AUDIENCE.sub("", _CLAUSE_END.split(match.group("topic"), maxsplit=1)[0].strip()),
            match.group("shown") is not None,
        )
        for match in _LEAD_IN.finditer(text)
    ]
    candidates += [
        (_as_object(subject, proper), False) for subject in _subjects_that_went_well(text)
    ]
    for candidate, showing in candidates:
        # The rule thank-you notes and clarifying questions share: a clause cut in two ("the
        # roadmap and it") or one with a verb in it is no moment to name.
        topic = clean_topic(_restore(candidate.strip()).rstrip(" ."), MAX_TOPIC_WORDS) or ""
        told = _subject_of_telling(topic)
        # A story walked through was told, not shown: "the platform migration" was talked of.
        shown = showing and told == topic
        topic = told
        words = topic.split()
        if (
            len(topic) < MIN_TOPIC_CHARS
            or len(words) > MAX_TOPIC_WORDS
            or len(words) < 2
            or _NOT_A_TOPIC.match(topic)
            or _names_nothing(topic)
        ):
            continue
        found[topic] = found.get(topic, False) or shown
    return found


# "<subject> landed well": the clause's subject is what went well.
_WENT_WELL = re.compile(
    r"^(?:and|but|also|then|especially|overall)?\s*(?P<subject>.+?)\s+(?:"
    r"(?:landed|went|worked|came across|went down|played out)\s+"
    r"(?:really |very |particularly |quite )?(?:well|great|nicely|smoothly)"
    r"|resonated|clicked|(?:was|were) (?:well|warmly) received)\b",
    re.IGNORECASE,
)
# A subject made of these alone names no topic: "the interview went well", "it all landed".
_GENERIC_SUBJECT = frozenset({
    "the", "a", "an", "my", "our", "this", "that", "it", "all", "everything", "most", "whole",
    "interview", "interviews", "conversation", "call", "chat", "session", "meeting", "round",
    "first", "second", "last", "part", "half", "answer", "answers", "rest", "overall", "of",
    "i", "we", "he", "she", "they", "really", "very", "mostly", "generally",
})  # fmt: skip
# People and pronouns as subjects did something; they are not the topic.
_PERSON_SUBJECT = re.compile(r"\b(?:i|we|me|us|he|she|they|you)\b", re.IGNORECASE)
_DETERMINERS = frozenset({"the", "a", "an", "my", "our", "your", "their", "his", "her", "this"})


# What every interview has: "shared my screen", "walked them through the usual questions".
_EVERY_INTERVIEW = _GENERIC_SUBJECT | {
    "screen", "slides", "deck", "questions", "question", "usual", "basics", "agenda", "cv",
    "resume", "background", "notes", "everything", "some", "few", "same",
}  # fmt: skip


def _names_nothing(topic: str) -> bool:
    """Whether a topic is made only of words any interview could have ("my screen")."""
    return all(w in _EVERY_INTERVIEW for w in re.findall(r"[^\W\d_]+", topic.casefold()))


def _subjects_that_went_well(text: str) -> list[str]:
    """Subjects of clauses saying something went well, in the order written."""
    subjects = []
    for clause in re.split(r"[.;:!?,()\"“”]|\s[-–—]\s", text):
        match = _WENT_WELL.match(clause.strip())
        if match is None:
            continue
        subject = match.group("subject").strip()
        words = re.findall(r"[^\W\d_]+", subject.casefold())
        if _PERSON_SUBJECT.search(subject) or all(w in _GENERIC_SUBJECT for w in words):
            continue
        subjects.append(subject)
    return subjects


def _as_object(subject: str, proper: frozenset[str]) -> str:
    """A sentence's subject as it reads after "about": "Wave plan" becomes "the wave plan"."""
    if subject.split(maxsplit=1)[0].endswith(("'s", "’s")):
        return subject  # a possessive is someone's name: "Maya's timeline question"
    phrase = lower_first(subject, set(proper))
    first = phrase.split()[0]
    # "KPI tree" and "Hollowmere pipeline" need an article after "about".
    if first.casefold() in _DETERMINERS:
        return phrase
    return f"the {phrase}"


def lower_first(phrase: str, proper: set[str]) -> str:
    """A name such as "Final loop" as it reads mid-sentence ("the final loop").

    The first letter is lowered only when the first word is an ordinary capitalised word,
    not an acronym and not a word the record uses as a proper name (a company, a person).
    """
    first, _, rest = phrase.partition(" ")
    if (
        len(first) > 1
        and first[0].isupper()
        and first[1:].islower()
        and first.strip(",.") not in proper
    ):
        return (first[0].lower() + first[1:] + (" " + rest if rest else "")).strip()
    return phrase


# Questions every process asks, whatever the role: reasons for a move, money, dates, the
# CV walk-through. Quoted back as "the moment I remember", they say the conversation had
# nothing more specific in it, and "I keep coming back to 'why are you leaving?'" reads as
# second thoughts about leaving.
_STOCK_QUESTION = re.compile(
    r"\bwhy (?:are|were) you (?:leaving|looking|moving|thinking of leaving)\b"
    r"|\bwhy (?:do|did|would) you (?:want|wish|like) to (?:leave|join|work|move|apply|change)\b"
    r"|\bwhy (?:did you )?(?:apply|leave)\b"
    r"|\bwhy (?:us|here|this (?:role|company|job|position|team))\b"
    r"|\bwhat (?:made|makes) you (?:apply|interested)\b"
    r"|\b(?:salary|pay|compensation) (?:expectations?|range|requirements?)\b"
    r"|\b(?:expected|current) (?:salary|compensation|package)\b|\bsalary\b"
    r"|\bnotice period\b|\bstart(?:ing)? date\b|\bwhen (?:can|could|would) you start\b"
    r"|\brelocat\w*|\bvisa\b|\bsponsorship\b"
    r"|\btell (?:me|us) (?:a (?:little |bit )?)?about yourself\b"
    r"|\b(?:walk|talk|take) (?:me|us) through your (?:cv|resume|résumé|background|career)\b"
    r"|\bwhere do you see yourself\b"
    r"|\bwhat (?:are|is|would you say (?:are|is)) your (?:greatest |biggest |main )?"
    r"(?:strengths?|weakness(?:es)?)\b"
    r"|\bwhy should we (?:hire|choose|pick) you\b"
    r"|\bwhat do you know about (?:us|our|the company)\b"
    r"|\b(?:do|did) you have any questions\b"
    r"|\bwhat are you looking for\b|\bare you (?:interviewing|talking to) (?:elsewhere|anyone)\b"
    r"|\bhow did you (?:hear|find out) about\b|\bwhat (?:motivates|drives) you\b",
    re.IGNORECASE,
)


def is_stock_question(question: str) -> bool:
    """Whether a question is one every screening asks ("Why are you leaving?", salary, CV).

    Such a question is no moment to remember: it names nothing that was talked about.
    """
    return bool(_STOCK_QUESTION.search(question))


# Words that say nothing about what a moment was: "the", "conversation", "answer".
_PLAIN = frozenset({
    "the", "and", "for", "with", "about", "from", "into", "that", "this", "our", "your", "my",
    "was", "were", "are", "how", "what", "why", "who", "when", "which", "would", "could",
    "you", "she", "her", "his", "him", "they", "them", "their", "its", "one", "all", "very",
    "really", "well", "answer", "answers", "question", "questions", "conversation",
    "interview", "example", "story", "part", "good", "great", "best", "clear", "strong",
})  # fmt: skip


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[^\W\d_]{3,}", text.casefold())
    return {w[:6] for w in words if w not in _PLAIN}


def praised_in(moment: str, praise: str) -> bool:
    """Whether a piece of praise clearly speaks of this moment: it names what it was about.

    "Your example of aligning sales and support on the new SLA was the best answer" speaks
    of "aligning sales and support on the new SLA": most of the moment's words of substance
    are in the praise (at least two, or the one word of a moment named in one). Two shared
    words are not enough on their own: "your fraud-dashboard example ... you defined the
    metrics" does not speak of "Which metrics would you put on a payments health dashboard?"
    (two words of five), and saying that answer came across well would put words in the
    interviewer's mouth.
    """
    mine, theirs = _content_words(moment), _content_words(praise)
    shared = mine & theirs
    if len(mine) == 1:
        return shared == mine
    return len(shared) >= 2 and len(shared) * 3 >= len(mine) * 2


# What the praise itself names as praised, when it names a thing the person brought to the
# interview: "your fraud-dashboard example", "your example of aligning sales and support".
_ARTEFACT = (
    r"(?:example|story|answer|anecdote|case study|presentation|walk-?through|deck|slides|"
    r"demo|analysis|proposal|write-up|whiteboard)"
)
_PRAISED_THING = re.compile(
    rf"\byour\s+(?P<named>(?:[\w'’-]+\s+){{1,4}}?{_ARTEFACT})\b"
    rf"|\byour\s+(?P<kind>{_ARTEFACT})\s+(?P<on>of|about|on)\s+(?P<topic>.+)",
    re.IGNORECASE,
)
# "Raj said your ...", "In the design session, Lena noted that ...": who the praise quotes.
_SPEAKER = re.compile(
    r"^(?:[^,]{0,60},\s+)?(?P<name>[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)?\s+"
    r"(?:in particular\s+|also\s+)?"
    r"(?:said|felt|thought|mentioned|noted|told|loved|liked|enjoyed|called|was impressed|"
    r"was clear|singled out|highlighted|praised)\b"
)


def praised_thing(praise: str) -> str | None:
    """What a piece of praise names as praised, as a note can say it: "my fraud-dashboard example".

    Only a thing the person brought (an example, a story, a presentation) counts: praise of
    a quality ("your analytical depth") names no moment of the interview. The note is the
    person's own voice, so "your answer on including users" is "my answer on including
    users", the praise's own preposition kept.
    """
    match = _PRAISED_THING.search(_protect(" ".join(praise.split())))
    if match is None:
        return None
    if match["named"]:
        phrase = match["named"]
        if _NOT_A_TOPIC.match(phrase) or phrase.split()[0].casefold() in _DETERMINERS:
            return None
    else:
        topic = _CLAUSE_END.split(match["topic"], maxsplit=1)[0].strip().rstrip(" .")
        if len(topic.split()) < 2 or _NOT_A_TOPIC.match(topic):
            return None
        phrase = f"{match['kind']} {match['on'].casefold()} {topic}"
    phrase = _restore(phrase).strip()
    if len(phrase.split()) > MAX_TOPIC_WORDS:
        return None
    return f"my {phrase}"


def praise_speaker(praise: str, people: dict[str, str]) -> str | None:
    """Who the praise quotes ("Raj said ..."), as one of ``people`` (first name -> full name).

    Only someone the record knows is named: a recruiter who writes "Raj said" passes on
    Raj's words, and the note must not credit them to the recruiter.
    """
    match = _SPEAKER.match(" ".join(praise.split()))
    if match is None:
        return None
    return people.get(match["name"].casefold())


# Words too common in interview questions to tie one to what went badly.
_COMMON = frozenset({
    "about", "would", "could", "should", "there", "their", "which", "where", "while", "happens",
    "think", "thing", "things", "other", "being", "really", "through", "what", "when", "does",
    "have", "that", "this", "with", "from", "they", "them", "were", "your", "tell", "been",
    "into", "over", "more", "most", "some", "like", "make", "time", "take", "walk", "then",
    "than", "just", "much", "very", "well", "good", "asked", "question", "answer",
})  # fmt: skip


def handled_badly(question: str, went_badly: str | None) -> bool:
    """Whether the debrief's "went badly" speaks of this question.

    "Anna had to prompt me about what happens when the supplier is late" is about "What
    happens when the supplier misses the deadline?". One shared uncommon word of four
    letters or more (compared on its first five, so "risk" and "risks" meet) is enough:
    recalling a question that went badly is worse than recalling none.
    """
    if not went_badly:
        return False

    def stems(text: str) -> set[str]:
        words = re.findall(r"[^\W\d_]{4,}", text.casefold())
        return {w[:5] for w in words if w not in _COMMON}

    return bool(stems(question) & stems(went_badly))
