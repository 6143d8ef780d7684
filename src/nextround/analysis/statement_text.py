"""Word lists the statement splitter needs: abbreviations, connectives and pleasantries."""

from __future__ import annotations

import re
from functools import cache

from nextround.analysis.courtesy import COURTESY, REAPPLY_ONCE
from nextround.analysis.decision_talk import ADVANCING, CHOSE_A_FIT, DECISION_LEAD_IN


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A period after these never ends a sentence ("Dr. Lee", "e.g. this", "approx. 5").
ABBREVIATIONS: frozenset[str] = _word_set("""
    mr mrs ms mx dr prof sr jr st vs v e.g i.e eg ie cf approx esp incl dept fig vol pp ca
    viz al min max est govt mgmt misc resp apt ave blvd mt ref refs sec tel ext
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri
    sat sun
    """)

# These often end a sentence too: a period after them ends one only before a capital.
ABBREVIATIONS_AT_END: frozenset[str] = _word_set("etc inc ltd co corp llc plc bros")

# Words of one or two letters that end a sentence, where an abbreviation would not:
# "tighten it up. good luck" is two sentences, "approx. 5" one.
SHORT_SENTENCE_ENDS: frozenset[str] = _word_set("up it me us in on do go so to be ok")

# Words that make a short "X:" prefix a section label ("Areas to improve: ...") rather than
# the first half of a sentence ("She was clear: ..."); compared without a plural "s".
SECTION_WORDS: frozenset[str] = _word_set("""
    strength weaknesse weakness area development improvement improve develop concern positive
    negative highlight lowlight risk summary overall feedback note comment recommendation
    observation outcome decision verdict pro con plu minu next step action rating score
    """)

# Words that tie a statement to the one before it; a standalone judgement drops them.
LEADING_CONNECTIVES: tuple[str, ...] = (
    "and",
    # Chat shorthand for "and": "..., n your answers were thin".
    "n",
    "&",
    "but",
    "aber",
    "plus",
    "however",
    "nevertheless",
    "nonetheless",
    "that said",
    "having said that",
    "on the other hand",
)

_STOPWORDS = _word_set("""
    a an the and or but so of to in on at by for with from as into onto about over under
    i me my we us our you your he him his she her they them their it its this that these
    those there here is are was were be been being am do does did have has had will would
    can could shall should may might must just also too very really again all any some
    each every what which who whom whose when where why how if then than once up down out
    off now today yesterday tomorrow week morning afternoon evening
    """)

_COURTESY = _word_set("""
    hi hello hey dear greetings thanks thank thx ty cheers regards best kind warm warmest
    warmly sincerely yours truly wishes wish luck many much time everyone everybody team
    folks guys all hope hoping pleasure lovely meet meeting chat chatting talking
    speaking speak talk soon touch again interest patience
    understanding help support reply response note email message ps p.s sent iphone
    android mobile phone
    hallo liebe lieber liebes viele beste herzliche herzlichen freundliche freundlichen
    grüße grüßen gruß grüsse grüssen gruss dank danke vielen mit für ihre ihr ihnen deine
    dein dir zeit bewerbung interesse geduld sehr geehrte geehrter und an gespräch gespräche
    gesprächs austausch das den dem die der nette netten nettes angenehme angenehmen
    """)


@cache
def _pleasantry_openers() -> re.Pattern[str]:
    return re.compile(
        # "Hallo Marta, vielen Dank ...", "Liebe Frau Vogel, ...": the German greeting too.
        r"(?:(?:hi|hello|hey|dear|hallo|liebe[rs]?|sehr geehrte[rs]?|guten (?:tag|morgen|abend)|"
        r"moin|servus|hej)\b.{0,30}?(?:[,!]|\s[—–-]{1,2}|[—–])\s*|"
        # A name called first: "Sam, it was good to see you again."
        r"(?-i:[A-Z][a-z'’-]+),\s+)?"
        r"(?:(?:many |big |huge )?thanks?\b|thank you|thx\b|cheers\b|"
        r"(?:i |we )?hope (?:you|this|that|all)\b|(?:please )?(?:do )?(?:let (?:me|us) know|"
        r"feel free|don'?t hesitate|do not hesitate|reach out)\b|(?:i'?m |we'?re |i am |we are )?"
        r"(?:looking forward|(?:always |more than )?(?:happy|glad|keen) to (?:chat|discuss|"
        r"talk|help|answer|share|stay in touch|keep in touch|keep you posted|reconnect|"
        r"connect(?! you)))\b|"
        r"(?:i |we )?look forward\b|good luck\b|best of luck\b|all the best\b|"
        r"(?:(?:i|we)(?: all| really| do)? )?wish(?:es|ing)? you\b|sent from my\b|"
        # "We appreciate the time you invested in our process": thanks in other words.
        r"(?:i|we)(?: (?:really|truly|do|greatly|sincerely|genuinely|very much|all))? "
        r"(?:appreciate|appreciated|value|valued) (?:(?:the|your) (?:\w+ )?(?:time|patience|"
        r"interest|understanding|flexibility|consideration)|you (?:taking|making|giving) "
        r"(?:the |your )?time)\b|"
        # German thanks: "Vielen Dank für Ihre Bewerbung", "Danke für deine Zeit".
        r"(?:(?:vielen|herzlichen|besten|recht herzlichen|ganz herzlichen) )?dank(?:e)?"
        r"(?: schön| sehr| nochmals| noch einmal| nochmal)?(?: für)?\b|"
        # "Wir bedanken uns für das Gespräch", "Ich bedanke mich herzlich für Ihre Zeit".
        r"(?:wir|ich) (?:bedanken|bedanke) (?:uns|mich)\b|"
        # "Es war schön, Sie kennenzulernen", "Schön, dass Sie da waren".
        r"(?:es war )?(?:schön|nett|eine freude)(?:,)? (?:sie|dich|euch) kennenzulernen\b|"
        r"have a (?:great|good|nice|lovely)\b|"
        # Who writes: "Rachel here.", "Jo here from Acme Talent!", "It's Sam here,".
        r"(?:it'?s |this is )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)? here"
        r"(?: (?:from|at|with) [^.!?,]{1,40})?(?=[\s.!,]*$)|"
        r"(?:it was )?(?:nice|great|good|lovely|a pleasure) (?:to (?:meet|speak|talk|chat)|"
        r"meeting|speaking|talking|chatting)\b|"
        # Seeing the person again, and nothing after it: "good to see you lead" praises.
        r"(?:it was |it's |it is )?(?:(?:really|so|very) )?(?:nice|great|good|lovely|wonderful|"
        r"a pleasure) (?:to see|seeing) you(?: (?:again|in person|back|today))?"
        r"(?=\s*(?:[.!,;]|$))|"
        # "It was a great opportunity to meet you": the chance to talk, not a development one.
        r"(?:it was |what )?(?:a |an )?(?:(?:really|truly|very) )?(?:great|good|nice|lovely|"
        r"wonderful|fantastic|real|excellent|welcome|rare)? ?(?:opportunity|chance) to (?:meet|"
        r"speak|talk|chat|connect|get to know|learn (?:about|more about) (?:you|your))\b)",
        re.IGNORECASE,
    )


@cache
def _framing_openers() -> re.Pattern[str]:
    # E-mail framing around the feedback rather than feedback itself: "I wanted to get back
    # to you personally", "As discussed, ...", "I wanted to share some feedback: ...".
    return re.compile(
        r"(?:(?:i|we)(?: just)?(?: really)? (?:wanted|want|would like|'d like|am writing|"
        r"'m writing|are writing|'re writing) to (?:share|let you know|follow up|update you|"
        r"give you|pass on|pass along|send you|reach out|thank|get back to you|come back to you|"
        r"write to you|touch base|check in|close the loop)|as (?:promised|discussed|mentioned|"
        r"agreed)|following (?:up|our|your)|please (?:find|see) (?:below|attached))"
        r"(?: (?:on|with|about|to|from))?(?: (?:you|some|a bit of|a little|the|our|my|their|his|"
        r"her|a few|an?))?"
        # "some candid feedback", "a few honest thoughts": how it is given, not a verdict.
        r"(?: (?:honest|candid|frank|quick|brief|short|detailed|written|direct|constructive|"
        r"further|more|additional|specific|general|overall|final|open|useful|helpful))*"
        r"(?: (?:feedback|thoughts|notes|comments|update|news|outcome|decision|"
        r"result|call|conversation|chat|interview|e-?mail|message|note|points|observations)\b)?"
        # "Here's the honest feedback from the mock pitch:", "here are Kevin's notes".
        r"|here(?:'s| is| are)(?: (?:the|some|my|our|their|his|her|a bit of|a few|a summary of|"
        r"a recap of|[\w-]+'s))?(?: (?:honest|full|detailed|written|quick|short|brief|"
        r"candid|raw|panel|interview|interviewers'?))? (?:feedback|notes|thoughts|comments|"
        r"points|observations|takeaways)(?: (?:from|on|after|about) [^:.!?]{1,40})?"
        # "Quick update from the HM call:", "A short note after today's panel:".
        r"|(?:an? )?(?:(?:quick|short|brief|small) )?(?:update|note|recap|heads-up|summary) "
        r"(?:from|on|after|about) [^:.!?]{1,40}:",
        re.IGNORECASE,
    )


# Where a pleasantry's own clause may end and something else begin: "Hope this helps -
# your case study was too shallow", "Thanks for your time–unfortunately ...", "Thanks for
# your time, but your examples were thin". A dash between digits is a range ("2–3").
# A comma starts one too where a judgement of the person's work comes next: "Hallo Marta,
# vielen Dank für das Gespräch, Ihre Präsentation war zu oberflächlich", "Thanks for the
# chat, your demo was great"; not "Thanks for your time, your patience and your interest".
_CLAUSE_BREAK = re.compile(
    r"\s-{1,2}\s|\s?--\s?|[:;]\s|—|(?<!\d)\s?–\s?(?!\d)|,?\s(?:but|however|yet)\b,?\s?|"
    r",\s(?=(?i:your|ihre?|deine?)\s[^,.;:!?]*?\b(?i:was|were|is|are|felt|seemed|came|"
    r"showed|war|waren|ist|sind|hat|haben|hatte|hatten|wirkte|wirkten|fehlte|fehlten)\b)"
)


def pleasantry_rest(sentence: str) -> str:
    """What a sentence that opens with a pleasantry or e-mail framing says after it.

    After framing ("I wanted to let you know that ...", "As discussed, ...") the rest
    of the sentence; after a pleasantry ("Hope this helps - ...") only what follows a
    break in the sentence, since "Thanks for the clear answer" is all thanks. Empty when
    there is no such rest.
    """
    stripped = sentence.lstrip().replace("’", "'")
    framing = _framing_openers().match(stripped)
    if framing is not None:
        return stripped[framing.end() :]
    opener = _pleasantry_openers().match(stripped)
    if opener is None:
        return ""
    brk = _CLAUSE_BREAK.search(stripped, opener.end())
    return stripped[brk.end() :] if brk else ""


@cache
def _word() -> re.Pattern[str]:
    return re.compile(r"[^\W\d_][\w'’.-]*")


_PLEASANTRY_MAX_WORDS = 25


def is_pleasantry(sentence: str) -> bool:
    """Whether a sentence is a greeting, thanks, sign-off or e-mail framing.

    "Thanks!", "Hi Sam,", "Best, Maria" and "Hope this helps." are; "Thanks for the clear
    answer on pricing" is a short thanks too, but "Sam was great" is not. What such a
    sentence may say after it is ``pleasantry_rest``.
    """
    words = _word().findall(sentence)
    if not words:
        return True
    if _reapply_once().search(sentence.replace("’", "'")):
        return False  # "Feel free to apply again once you have more X" names a gap
    opening = sentence.lstrip().replace("’", "'")
    if len(words) <= _PLEASANTRY_MAX_WORDS and (
        _pleasantry_openers().match(opening) or _framing_openers().match(opening)
    ):
        return True
    content = [w for w in words if w.lower() not in _STOPWORDS and w.lower() not in _COURTESY]
    if not content:
        return True
    courteous = any(w.lower() in _COURTESY for w in words)
    # "Best, Maria Lopez": courtesy words plus names and nothing else.
    return courteous and len(words) <= 6 and all(w[0].isupper() for w in content)


# Courtesy and process talk around a decision: it is about the hiring process or the
# person's feelings, not about their skills ("Thank you for taking the time to interview",
# "I'm sorry to say we've decided to move forward with another candidate", "It was a
# tough call", "I gathered some feedback", "We'd love to stay in touch", and the empathy,
# encouragement and keeping in touch of ``courtesy``). Matched at the start of a sentence; the
# splitter still keeps such a sentence when the rest of it criticises (see statements).
# "Great news, ...": what follows is news, and only maybe feedback; it may open the
# courtesy or process talk above ("Great news, you're through to the onsite").
_NEWS = (
    r"(?:some |really |very )?(?:great|good|exciting|fantastic|brilliant|happy|positive) "
    r"news(?: (?:here|today|from (?:me|us|our side)))?\s*[,!:—–-]+\s*"
)


@cache
def _process_openers() -> re.Pattern[str]:
    return re.compile(
        rf"(?:{_NEWS})?(?:" + "|".join(COURTESY) + "|" + ADVANCING + "|" + CHOSE_A_FIT + "|"
        r"(?:(?:many |big |huge )?thanks?|thank you)(?: (?:so|very) much| again)? for "
        r"(?:taking the time|(?:your|the) (?:time|patience|interest|application)|coming in|"
        r"interviewing|applying|meeting|speaking|chatting|considering)\b|"
        r"(?:i'?m|i am|we'?re|we are)(?: very| really| so| truly)? sorry (?:to|that)\b|"
        rf"(?:{DECISION_LEAD_IN},? )?"
        r"(?:(?:unfortunately|regrettably|sadly),? )?(?:i|we|the (?:hiring )?(?:team|panel|"
        r"committee))(?: have| has|'ve)?(?: now| ultimately| finally)? "
        r"(?:decided|chosen) (?:not )?to (?:move forward|proceed|progress|go ahead|continue|"
        r"not)\b|(?:unfortunately|regrettably|sadly),? |"
        r"(?:it|this|that) (?:was|is|has been|'s) (?:a |an |such a |such an )?(?:really |very |"
        r"incredibly |extremely |genuinely |truly |particularly |exceptionally )?"
        r"(?:tough|difficult|hard|close|competitive) (?:call|decision|choice|process|field)\b|"
        # "I gathered some feedback", relayed: "I've now had feedback from the client",
        # "I have heard back from the hiring manager".
        r"(?:i|we)(?: did| have|'ve| had|'d)?(?: now| just| finally| since)?(?: managed to)? "
        r"(?:gather|gathered|collect|collected|get|got|pull|pulled|had|received|been given) "
        r"(?:together )?(?:some |a little |a bit of |the |their |any |more )?"
        r"(?:(?:initial|detailed|first|further|full|formal|official|more|written|quick) )?"
        r"(?:feedback|notes|comments|thoughts|input|observations)\b|"
        r"(?:i|we)(?: have|'ve)?(?: now| just| finally)? heard back\b|"
        r"(?:i'?d|we'?d|i would|we would)(?: \w+)? (?:love|like) to (?:stay|keep) in touch\b|"
        r"(?:i'?ll|we'?ll|i will|we will) (?:keep|hold) (?:your|you) (?:details|cv|resume|"
        r"profile|on file)\b|(?:let'?s |please )?(?:stay|keep) in touch\b)|" + _NEWS,
        re.IGNORECASE,
    )


_PROCESS_MAX_WORDS = 40


def process_talk_end(sentence: str) -> int | None:
    """Where the opening courtesy or process talk of a sentence ends, if it opens with one."""
    stripped = sentence.lstrip()
    if len(_word().findall(stripped)) > _PROCESS_MAX_WORDS:
        return None
    # Curly apostrophes ("I’m sorry") read as straight ones; the length stays the same.
    m = _process_openers().match(stripped.replace("’", "'"))
    if m is None or _CONDITION.match(stripped, m.end()) or _reapply_once().search(stripped):
        return None
    return len(sentence) - len(stripped) + m.end()


# "Reapply once you have led a team": the condition names what was missing, so the sentence
# is feedback, not courtesy; so does one anywhere in it ("We'd love to see you apply again
# once you've got more experience leading teams").
@cache
def _reapply_once() -> re.Pattern[str]:
    return re.compile(REAPPLY_ONCE, re.IGNORECASE)


def applies_again_once(sentence: str) -> bool:
    """Whether a sentence invites the person to apply again once they have what was missing."""
    return _reapply_once().search(sentence.replace("’", "'")) is not None


_CONDITION = re.compile(
    r"\s*,?\s*(?:once|when|after|as soon as) (?:you(?:'ve| have)?|you'?ve got|you've gained)\b"
    r"|\s*,?\s*with (?:a (?:bit|little) )?more\b",
    re.IGNORECASE,
)


@cache
def _contact() -> re.Pattern[str]:
    # An e-mail address, a web address, or a phone number of seven or more digits.
    return re.compile(
        r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+|"
        r"\+?\(?\d[\d ()./-]{5,}\d",
        re.IGNORECASE,
    )


# Lower-case words a name or job title may hold: "Director of Operations", "Anna van Dijk".
_TITLE_JOINERS = _word_set("of and & for the at in to de da di du la le van von der den y")
_SIGNATURE_MAX_WORDS = 8


def signature_kind(line: str) -> str | None:
    """What kind of e-mail signature line this is: "contact", "title", "name", or None.

    "contact" holds an address or a phone number; "title" is a "Job | Company" line;
    "name" is a short line of capitalised words ("Jo Mercer", "Director of Operations,
    Fernhill Logistics") with no sentence punctuation. Only "contact" and "title" are
    evidence of a signature on their own; a "name" line is one only next to them or
    after a sign-off.
    """
    stripped = line.strip()
    words = stripped.split()
    if not words or len(words) > 3 * _SIGNATURE_MAX_WORDS // 2:
        return None
    if _contact().search(stripped):
        return "contact"
    parts = [p.strip() for p in re.split(r"\s[|·•]\s", stripped)]
    if len(parts) > 1 and all(p and _is_title_case(p) for p in parts):
        return "title"
    if _named_role().fullmatch(stripped) and _is_title_case(stripped):
        return "title"  # "Marie (Talent Acquisition)", "Jo Park, Recruiter"
    if len(words) <= _SIGNATURE_MAX_WORDS and _is_title_case(stripped):
        return "name"
    return None


# Words that make the end of a "Name (Role)" or "Name, Role" line a job in hiring.
_ROLE = (
    r"(?:(?:senior|junior|lead|principal|technical|tech|executive|internal|external|"
    r"global|emea|dach|eu|uk|us) )*(?:recruiter|recruiting(?: team| partner| coordinator| lead)?|"
    r"recruitment(?: team| partner| consultant| coordinator| lead)?|talent acquisition"
    r"(?: team| partner| lead| manager| specialist)?|talent (?:partner|team|lead|scout)|hr"
    r"(?: team| partner| business partner| manager)?|human resources|people (?:team|partner|ops)|"
    r"sourcer|hiring manager|head of [\w&/ -]{2,30}|founder|co-founder|ceo|cto|coo|"
    r"personalabteilung|personalreferent(?:in)?)"
)


@cache
def _named_role() -> re.Pattern[str]:
    # A name of one to four words, then its role in brackets or after a comma.
    name = r"[A-ZÀ-Þ][\w'’.-]*(?: [A-ZÀ-Þ][\w'’.-]*){0,3}"
    return re.compile(rf"{name}(?: \({_ROLE}\)|, {_ROLE})", re.IGNORECASE)


def _is_title_case(text: str) -> bool:
    if text[-1] in ".!?;:":
        return False
    words = [w.strip(",()") for w in text.split()]
    return all(
        w and (w[0].isupper() or w.lower() in _TITLE_JOINERS or w[0].isdigit()) for w in words
    ) and any(w[:1].isupper() for w in words)
