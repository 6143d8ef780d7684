"""Split raw feedback (emails, notes, bullet lists, transcripts) into standalone statements."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from nextround.analysis.clauses import contrast_clauses, has_content
from nextround.analysis.coordination import joins_clauses
from nextround.analysis.decision_talk import (
    is_decision_talk,
    states_the_decision,
    trailing_news_start,
)
from nextround.analysis.polarity import read_polarity
from nextround.analysis.polarity_areas import area_label
from nextround.analysis.polarity_importance import says_what_matters
from nextround.analysis.polarity_lexicon import word_set
from nextround.analysis.polarity_progress import may_report_progress
from nextround.analysis.polarity_requirements import (
    answers_expectation,
    opens_with_expectation,
    unmet_requirement_span,
)
from nextround.analysis.rating_tables import RatedRow, Rating, label_topic, rated_rows
from nextround.analysis.statement_text import (
    ABBREVIATIONS,
    ABBREVIATIONS_AT_END,
    LEADING_CONNECTIVES,
    SECTION_WORDS,
    SHORT_SENTENCE_ENDS,
    applies_again_once,
    is_pleasantry,
    pleasantry_rest,
    process_talk_end,
    signature_kind,
)
from nextround.analysis.topic_lines import Topics
from nextround.domain.competency import Polarity


@dataclass(frozen=True)
class Statement:
    """One judgement from a feedback text.

    ``text[start:end]`` of the source is the statement with its whitespace collapsed (and
    e-mail quote markers dropped); ``heading`` is the section it sits under
    ("Areas for development") or the label that opened its line ("Interviewer"), if any.
    ``topic`` is the competency name it sits under or that opened its line ("Risk
    management: ..."), when the splitter was given the names to look for.
    """

    text: str
    start: int
    end: int
    heading: str | None = None
    topic: str | None = None
    #: The rating its row gave ("Technical depth<TAB>2<TAB>..."), if it sits in a rated row.
    rating: Rating | None = None
    #: Whether it is the clause after "but" (or "however", "yet") of the statement before it
    #: in the same sentence: "Great discovery, but you pitched features too early".
    after_contrast: bool = False


class _Block:
    __slots__ = ("end", "heading", "rating", "start", "topic")

    def __init__(
        self,
        start: int,
        end: int,
        heading: str | None,
        topic: str | None,
        rating: Rating | None = None,
    ) -> None:
        self.start, self.end, self.heading, self.topic = start, end, heading, topic
        self.rating = rating


class _Patterns:
    """The splitter's regular expressions, compiled on first use to keep imports cheap."""

    def __init__(self) -> None:
        self.bullet = re.compile(
            r"(?:[-*•‣◦▪●–—+]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\([ivx]{1,4}\))[ \t]+"
        )
        self.quote_mark = re.compile(r"(?:>[ \t]?)+")
        self.header = re.compile(
            r"(?:from|to|cc|bcc|sent|date|subject|reply-to|re|fwd?)\s*:|on\s.{0,120}\bwrote:\s*$|"
            r"-{2,}\s*(?:original message|forwarded message)|webvtt\b|note\b\s*$|"
            r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*-->|\d+\s*$",
            re.IGNORECASE,
        )
        self.label = re.compile(
            r"(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\)?\]?\s*)?"
            r"(?P<label>[A-Z][\w'’&/()-]*(?: [\w'’&/()-]+){0,2})\s*:\s+(?=\S)"
        )
        self.md_heading = re.compile(r"#{1,6}\s+|\*\*|__")
        self.emphasis = re.compile(r"\*\*|(?<!\w)__|__(?!\w)")
        self.greeting = re.compile(
            r"(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|"
            # German: "Hallo Lena,", "Liebe Lena,", "Sehr geehrte Frau Vogel,", "Guten Tag".
            r"hallo|liebe[rs]?|sehr geehrte[rs]?|guten (?:tag|morgen|abend)|moin|servus|hej)"
            r"\b[\s,]*"
            r"(?:[\w.'’-]+[ \t]*){0,3}[,:!.]?\s*$",
            re.IGNORECASE,
        )
        self.closing = re.compile(
            r"(?:best|regards|kind regards|best regards|warm regards|warmest regards|many thanks|"
            r"thanks|thank you|cheers|sincerely|yours(?: sincerely| truly)?|all the best|"
            r"best wishes|warmly|talk soon|speak soon|--|"
            # German: "Viele Grüße", "Mit freundlichen Grüßen", "LG", "Bis bald".
            r"(?:viele|liebe|beste|herzliche|freundliche|schöne|sonnige) gr(?:ü|ue)(?:ß|ss)e|"
            r"mit (?:freundlichen|besten|herzlichen|lieben|vielen) gr(?:ü|ue)(?:ß|ss)en|"
            r"gr(?:ü|ue)(?:ß|ss)e|gru(?:ß|ss)|lg|vg|mfg|bis bald|vielen dank|danke)[\s,.!]*$",
            re.IGNORECASE,
        )
        self.function_end = re.compile(
            r"\b(?:a|an|the|and|or|of|to|in|on|for|with|by|at|from|as|that|which|who|but|"
            r"his|her|their|our|your|its|is|are|was|were|be|been|very|more|most|not)$",
            re.IGNORECASE,
        )
        self.sentence_end = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
        self.label_mark = re.compile(r":\s|\s[-–—]\s")
        self.next_word = re.compile(r"\s*\S+")
        # A dash between clauses, spaced or not ("Strong on data—weak on pricing"), but not
        # a range between digits ("2–3 weeks") or a word's hyphen.
        self.split_point = re.compile(
            r",\s+(?:and\s+)?|\s+and\s+|\s+-{1,2}\s+|\s*(?:—|--)\s*|(?<!\d)\s*–\s*(?!\d)"
        )
        self.negation_start = re.compile(
            r"(?:not|no|never|neither|nor|without|lack\w*|hardly|barely|rarely)\b", re.IGNORECASE
        )
        month = (
            r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
            r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
        )
        self.date = re.compile(
            rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? {month}|{month} \d{{1,2}}(?:st|nd|rd|th)?\b|"
            rf"{month} \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
        )
        self.year = re.compile(r"\b(?:19|20)\d{2}\b")
        # What a title says the text is: "Annual performance review", "Mentor call notes".
        self.document = re.compile(
            r"\b(?:(?:performance |annual |mid-?year |end[- ]of[- ]year |quarterly |peer |"
            r"360 |interview |panel )?(?:review|appraisal|evaluation|assessment|feedback|"
            r"check[- ]?in|one[- ]to[- ]one|1[:-]1|notes|summary|report|debrief|scorecard|"
            r"write[- ]?up|recap|minutes|retrospective|retro|catch[- ]up))s?\b",
            re.IGNORECASE,
        )
        self.ws = re.compile(r"\s*\n[\s>]*|\s+")
        connectives = "|".join(sorted(LEADING_CONNECTIVES, key=len, reverse=True))
        # "(?!\w)" rather than "\b" so that "&" leads too.
        self.leading = re.compile(rf"(?:{connectives})(?!\w)[\s,]*", re.IGNORECASE)


@cache
def _re() -> _Patterns:
    return _Patterns()


_MAX_HEADING_WORDS = 10
_MAX_LEAD_IN_WORDS = 5
_MIN_CONFIDENCE = 0.6


def split_statements(text: str, topics: Sequence[str] = ()) -> list[Statement]:
    """Split feedback into statements by line, sentence and contrastive clause.

    Pleasantries with no judgement in them ("Hi Sam,", "Thanks!", "Best, Maria", e-mail
    headers, signature blocks, a dated title line) and talk about the process rather than
    the person ("Thank you for taking the time to interview", "It was a tough call") are
    dropped rather than returned: they carry no evidence, and the offsets of what is kept
    still point into the source for highlighting.

    ``topics`` are the competency names the text may be sorted by: a line that is only a
    name heads the statements after it, and a name that opens a line as its label
    ("Systems thinking - didn't see the second-order effects") is cut off its statement;
    either way it becomes the statements' ``topic``.

    A quoted earlier message, a legal disclaimer, a copied message's header lines, a
    table's header row and a tip on interview technique are no feedback either (see
    ``not_feedback.set_aside``); a rated row ("Technical depth<TAB>2<TAB>...") gives its
    statements its rating and, when its first cell names a competency, its topic.
    """
    if not text or text.isspace():
        return []
    from nextround.domain.pasted_html import readable_text

    shown = readable_text(text)
    if shown is None:
        return _split_text(text, topics)
    # An HTML paste is split as the text it shows; its statements point into the paste.
    return [
        replace(s, start=start, end=end)
        for s in _split_text(shown.text, topics)
        for start, end in [shown.to_source(s.start, s.end)]
    ]


def _split_text(text: str, topics: Sequence[str]) -> list[Statement]:
    from nextround.analysis.not_feedback import set_aside
    from nextround.analysis.pasted_mail import blank_out

    text = blank_out(text, set_aside(text, topics))
    statements: list[Statement] = []
    for block in _blocks(text, Topics(topics), rated_rows(text)[0]):
        under = block
        for s_start, s_end in _expectations_kept_whole(
            text, _sentences(text, block.start, block.end)
        ):
            if under is not block and _praises(text[s_start:s_end]):
                under = block  # "... It wasn't that your depth was lacking": the label ends
            parts = _under_labels(text, s_start, s_end, under)
            for p_start, p_end, part_block in parts:
                for g_start, g_end in _pieces(text, p_start, p_end):
                    statement = _statement(text, g_start, g_end, part_block)
                    if statement is not None:
                        statements.append(statement)
            under = parts[-1][2]
    return _mark_contrasts(text, statements)


# What joins a clause to the one before it as its contrast: ", but", "; however,", "— yet".
_CONTRAST_JOIN = re.compile(
    r"[\s,;:—–-]*(?:but|however|yet|though|although|whereas)\b[\s,]*", re.IGNORECASE
)


def _mark_contrasts(text: str, statements: list[Statement]) -> list[Statement]:
    marked = statements[:1]
    for before, statement in pairwise(statements):
        joined = before.end <= statement.start and _CONTRAST_JOIN.fullmatch(
            text, before.end, statement.start
        )
        marked.append(replace(statement, after_contrast=True) if joined else statement)
    return marked


# Where a label may start inside a sentence: after a comma, a semicolon or a dash, and a
# joining word ("..., and one thing to work on: keep answers shorter").
_LABEL_BREAK = re.compile(r"[,;—–]|\s-{1,2}\s")
_LABEL_JOINS = re.compile(r"(?:(?:and|but|also|plus|so|then)\b[\s,]*)*", re.IGNORECASE)
_COLON = re.compile(r":\s+(?=\S)")


def _praises(sentence: str) -> bool:
    return read_polarity(sentence, feedback=True).polarity is Polarity.STRENGTH


def _under_labels(text: str, start: int, end: int, block: _Block) -> list[tuple[int, int, _Block]]:
    """A sentence's parts, each with the block it reads under; a label opens a new one.

    A label that names what to work on ("Where it fell short:", "one thing to work on:",
    "a tip:") may open a sentence or follow a clause ("He'd like to hear more about X, and
    one thing to work on: keep answers shorter"). What follows it is a point of its own,
    read under the label as under a heading, and so is the rest of the paragraph: the
    label leaves it at the next heading or paragraph, or at a sentence that praises on its
    own (see ``split_statements``).
    """
    parts: list[tuple[int, int, _Block]] = []
    part_start = start
    for colon in _COLON.finditer(text, start, end):
        breaks = [m.end() for m in _LABEL_BREAK.finditer(text, part_start, colon.start())]
        label_start = breaks[-1] if breaks else part_start
        joins = _LABEL_JOINS.match(text, _content_start(text, label_start, colon.start()))
        label_from = joins.end() if joins else label_start
        label = " ".join(text[label_from : colon.start()].split())
        if not label or len(label.split()) > _MAX_HEADING_WORDS or area_label(label) is None:
            continue
        before_end = breaks[-1] - 1 if breaks else part_start
        if has_content(text, part_start, before_end):
            parts.append((part_start, before_end, block))
        heading = f"{block.heading} / {label}" if block.heading else label
        block = _Block(block.start, block.end, heading, block.topic, block.rating)
        part_start = colon.end()
    parts.append((part_start, end, block))
    return parts


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence's statements: its clauses, each cut further where its parts disagree."""
    if (
        _names_a_gap_then_explains(text, start, end)
        or _overcomes_a_past_gap(text, start, end)
        # "Should you gain more X, we'd welcome a new application": one gap, whose two
        # halves would read as a gap and as praise.
        or applies_again_once(text[start:end])
    ):
        return [(start, end)]
    pieces = [
        group
        for c_start, c_end in _clause_spans(text, start, end)
        for group in _judgement_groups(text, c_start, c_end)
    ]
    return _requirement_kept_whole(text, start, pieces)


def _requirement_kept_whole(
    text: str, start: int, pieces: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The pieces, those an unmet requirement spans joined into one.

    "Tom was looking for a clear rollback plan, and he didn't hear one" is one gap: cut in
    two, its first half praises what the second says was missing.
    """
    pieces = _expectations_kept_whole(text, pieces)
    span = unmet_requirement_span(text[start : pieces[-1][1]]) if len(pieces) > 1 else None
    if span is None:
        return pieces
    first, last = start + span[0], start + span[1]
    joined: list[tuple[int, int]] = []
    for p_start, p_end in pieces:
        if joined and p_start < last and joined[-1][1] > first:
            joined[-1] = (joined[-1][0], p_end)
        else:
            joined.append((p_start, p_end))
    return joined


def _expectations_kept_whole(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans, each that says what the panel wanted joined with the one saying how it went.

    "We wanted to see how you prioritise, and you showed it clearly" is praise: cut in two,
    its first half alone names an unmet expectation, a gap (see ``polarity_requirements``).
    The same holds across sentences ("... prioritise. That came through in the case.").
    """
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if (
            joined
            and opens_with_expectation(text[joined[-1][0] : joined[-1][1]])
            and answers_expectation(text[start:end])
        ):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


# How far into a sentence a label may end: "Your biggest development area right now is
# stakeholder management:" is about this long.
_LABEL_REACH = 120


def _names_a_gap_then_explains(text: str, start: int, end: int) -> bool:
    """Whether the sentence opens by naming a development area, then a colon or a dash.

    "The main growth area is risk management: risks are tracked, but mitigations come
    late" is one judgement, a gap: the praise and the "but" explain the label, and cut
    off, the explanation would lose what it is about.
    """
    mark = _re().label_mark.search(text, start, min(end, start + _LABEL_REACH))
    if mark is None or len(text[start : mark.start()].split()) > _MAX_HEADING_WORDS:
        return False
    # Up to the word after the mark, which a label ending in a colon needs to be read as one.
    after = _re().next_word.match(text, mark.end(), end)
    cues = read_polarity(text[start : after.end() if after else mark.end()]).cues
    if any(cue.startswith("gap area:") for cue in cues):
        return True
    # A doubt or verdict as the label ("Possibly a question mark over people leadership:
    # you've led projects but not line-managed a team") is explained the same way, unless
    # a clause after the colon praises on its own: then that is a point of its own.
    return (
        text[mark.start()] == ":"
        and any(cue.startswith("verdict:") for cue in cues)
        and not any(
            _praises(text[c.start : c.end]) for c in contrast_clauses(text, mark.end(), end)
        )
    )


def _overcomes_a_past_gap(text: str, start: int, end: int) -> bool:
    """Whether the sentence reports progress over a gap it puts in the past.

    "Risk management was a growth area, but you have improved a lot since" is one
    judgement, a strength of risk management: cut in two, it would be a gap the person
    has left behind and an improvement that no longer says of what.
    """
    sentence = text[start:end]
    if not may_report_progress(sentence) or len(contrast_clauses(text, start, end)) < 2:
        return False
    reading = read_polarity(sentence, feedback=True)
    return (
        reading.polarity is Polarity.STRENGTH
        and any(cue.startswith("progress:") for cue in reading.cues)
        and any(cue.startswith("contrast:") for cue in reading.cues)
    )


def _lines(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        stop = n if nl < 0 else nl
        spans.append((pos, stop))
        if nl < 0:
            break
        pos = nl + 1
    return spans


def _content_start(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    m = _re().quote_mark.match(text, start, end)
    return m.end() if m else start


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


class _Framing:
    """E-mail framing around the feedback: headers, greetings, sign-offs and signatures."""

    __slots__ = ("in_signature",)

    def __init__(self) -> None:
        self.in_signature = False

    def skips(self, line: str, *, new_paragraph: bool) -> bool:
        """Whether the line is framing; a sign-off opens the signature after it."""
        if self.in_signature:
            # The sign-off's paragraph is all signature; later paragraphs ("Jo Mercer",
            # "Partner | Lumen Health") only while they still look like one.
            if not new_paragraph or signature_kind(line) is not None:
                return True
            self.in_signature = False
        if _re().header.match(line):
            return True
        if _re().closing.match(line):
            self.in_signature = True
            return True
        return _re().greeting.match(line) is not None


class _Section:
    """The heading the lines sit under, and the competency name, if one heads them too."""

    __slots__ = ("heading", "topic")

    def __init__(self) -> None:
        self.heading: str | None = None
        self.topic: str | None = None

    def enter(self, heading: str, topics: Topics, *, nested: bool) -> None:
        """A heading line; ``nested`` when it comes right under another heading."""
        if topics and topics.only_names(heading):
            # A skill's name under a section ("Areas for development:") is about that skill
            # within the section; anywhere else it starts a section of its own.
            self.heading = self.heading if nested else None
            self.topic = heading
        else:
            self.heading, self.topic = heading, None

    def labelled(
        self, text: str, start: int, end: int, topics: Topics, *, bullet: bool = False
    ) -> tuple[int, str | None, str | None] | None:
        """A label that opens the line: (where its words start, heading, topic), or None.

        A competency's name ("Risk management: ...") becomes the topic; a speaker or a
        section ("Interviewer:", "Areas to improve:") joins the heading. A bullet's label
        that is neither ("- Delegation: still reviews every ticket herself") is its
        subject, and stays in its words.
        """
        named = topics.label(text, start, end) if topics else None
        if named is not None:
            return named[1], self.heading, named[0]
        label = _re().label.match(text, start, end)
        if label is None or not _is_label(label.group("label")):
            return None
        name = label.group("label")
        if bullet and not _names_section_or_speaker(name):
            return None
        return label.end(), f"{self.heading} / {name}" if self.heading else name, self.topic


def _blocks(text: str, topics: Topics, rows: dict[int, RatedRow]) -> list[_Block]:
    """Group lines into paragraphs and list items, each with the heading above it."""
    lines = _lines(text)
    blocks: list[_Block] = []
    section = _Section()
    current: _Block | None = None
    framing = _Framing()
    after_blank = True
    last_kind = "blank"
    signature_from = _trailing_signature(text, lines)
    for index, (line_start, line_end) in enumerate(lines[:signature_from]):
        start = _content_start(text, line_start, line_end)
        end = _rstrip(text, start, line_end)
        if start >= end:
            current, after_blank = None, True
            continue
        line = text[start:end]
        if framing.skips(line, new_paragraph=after_blank):
            current = None
            # A signature goes on to the end of its paragraph whatever its lines say.
            after_blank = after_blank and not framing.in_signature
            continue
        if not blocks and _is_title(text, line, lines, index):
            continue
        row = rows.get(line_start)
        if row is not None:
            current = _rated_block(row, section, topics)
            blocks.append(current)
            last_kind, after_blank = "text", False
            continue
        bullet = _re().bullet.match(text, start, end)
        heading_text = _heading(
            text, start, end, lines=lines, index=index, bullet=bullet is not None
        ) or _topic_heading(text, line, lines, index, topics, bullet=bullet is not None)
        if heading_text is not None:
            section.enter(heading_text, topics, nested=last_kind == "heading")
            current, last_kind, after_blank = None, "heading", False
            continue
        if bullet:
            start = bullet.end()
        elif after_blank and last_kind != "heading":
            section = _Section()  # a new plain paragraph leaves the last section
        after_blank = False
        label = section.labelled(text, start, end, topics, bullet=bullet is not None)
        if label is not None:
            start, current = label[0], None
        joins = (
            current is not None
            and not bullet
            and label is None
            and _continues(text, current.end, start)
        )
        if joins and current is not None:
            current.end = end
        else:
            heading, topic = (section.heading, section.topic) if label is None else label[1:]
            current = _Block(start, end, heading, topic)
            blocks.append(current)
        last_kind = "bullet" if bullet else "text"
    return blocks


def _rated_block(row: RatedRow, section: _Section, topics: Topics) -> _Block:
    """A rated row's block: its comment, about the competency its label names, if one."""
    topic = label_topic(row.label, topics)
    heading = section.heading
    if topic is None and row.label and row.start != row.end:
        heading = f"{heading} / {row.label}" if heading else row.label
    return _Block(row.start, row.end, heading, topic or section.topic, row.rating)


def _trailing_signature(text: str, lines: list[tuple[int, int]]) -> int:
    """The index of the first line of a signature that ends the text without a sign-off.

    The last paragraph is one when every line looks like a signature line and at least one
    is contact details or a "Job | Company" line, which feedback never is on its own.
    """
    index = len(lines)
    while index > 0 and not has_content(text, *lines[index - 1]):
        index -= 1
    kinds: list[str] = []
    while index > 0:
        line_start, line_end = lines[index - 1]
        start = _content_start(text, line_start, line_end)
        kind = signature_kind(text[start:line_end]) if has_content(text, start, line_end) else None
        if kind is None:
            break
        kinds.append(kind)
        index -= 1
    if (
        index < len(lines)
        and any(k in ("contact", "title") for k in kinds)
        and not _re().bullet.match(text, *_content_span(text, lines[index]))
    ):
        return index
    return len(lines)


def title_span(text: str) -> tuple[int, int] | None:
    """Where the text's title line is, when its first line is one (see ``_is_title``)."""
    lines = _lines(text)
    for index, (line_start, line_end) in enumerate(lines):
        start = _content_start(text, line_start, line_end)
        end = _rstrip(text, start, line_end)
        if start < end:
            return (start, end) if _is_title(text, text[start:end], lines, index) else None
    return None


def _is_title(text: str, line: str, lines: list[tuple[int, int]], index: int) -> bool:
    """Whether the text's first line is its title: "Mid-year review, June 2026".

    "Annual performance review 2026 - Sam Lee (Analyst)" and "Notes from my mentor" are
    titles too. A title has no sentence punctuation at its end and a paragraph of its
    own; it is dated or says what kind of document it heads, and its other words judge
    nothing.
    """
    if line[-1] in ".!?" or len(line.split()) > _MAX_HEADING_WORDS + 4:
        return False
    following = lines[index + 1 :]
    if not following or has_content(text, *following[0]):
        return False  # a title stands over a text, in a paragraph of its own
    if not any(has_content(text, *span) for span in following):
        return False
    patterns = _re()
    rest = patterns.document.sub(" ", line)
    if rest == line and patterns.date.search(line) is None and not patterns.year.search(line):
        return False
    # "Great demo on 3 March" judges; a title's words do not (a verb-like first word such
    # as "Notes" may still look like an indicator, and "check-in" reads as a check).
    return all(cue.startswith("indicator:") for cue in read_polarity(rest).cues)


def _content_span(text: str, line: tuple[int, int]) -> tuple[int, int]:
    return _content_start(text, *line), line[1]


# Who speaks in notes sorted by speaker ("- Interviewer 2: ...", "- Hiring manager: ...").
_SPEAKERS = word_set(
    "interviewer candidate manager recruiter speaker panel panelist panellist me i q a "
    "question answer hm lead reviewer rater peer mentor coach"
)


def _names_section_or_speaker(label: str) -> bool:
    """Whether a bullet's label heads its words ("Areas to improve", "Interviewer 2")."""
    words = [w.lower().rstrip("s") for w in re.findall(r"[^\W\d_]+", label)]
    return (
        area_label(label) is not None
        or any(w in SECTION_WORDS for w in words)
        or any(w in _SPEAKERS for w in words)
    )


def _is_label(candidate: str) -> bool:
    """A speaker ("Hiring Manager", "Speaker 2") or a section ("Areas to improve")."""
    words = candidate.split()
    if all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return True
    return any(w.lower().rstrip("s") in SECTION_WORDS for w in words)


def _heading(
    text: str, start: int, end: int, *, lines: list[tuple[int, int]], index: int, bullet: bool
) -> str | None:
    line = text[start:end]
    md = _re().md_heading.match(line)
    words = len(line.split())
    if md and (line.startswith("#") or line.rstrip(":").endswith(("**", "__"))):
        return line.strip("#*_: \t") or None
    if bullet or words > _MAX_HEADING_WORDS:
        return None
    if line.endswith(":"):
        return line.rstrip(":").strip() or None
    indented = start > lines[index][0] and text[lines[index][0]] in " \t"
    if (
        words <= 5
        and line[0].isupper()
        and not indented
        and line[-1] not in ".!?,;"
        and index + 1 < len(lines)
    ):
        nxt_start, nxt_end = lines[index + 1]
        nxt = _content_start(text, nxt_start, nxt_end)
        if _re().bullet.match(text, nxt, nxt_end):
            return line
        if _names_a_section(line) and any(has_content(text, *span) for span in lines[index + 1 :]):
            return line  # "Areas to develop⏎Sam's updates are long. ..." heads its paragraph
    return None


# Words a section's name may hold besides its section words: "What went well", "Key
# strengths", "Areas for further development".
_SECTION_FILLER = word_set(
    "to for of and the my your his her their our key main top some what went well even "
    "better if further possible"
)


def _names_a_section(line: str) -> bool:
    """Whether a short line is a review's section name ("Strengths", "Areas to develop").

    Such a line heads the paragraph under it as a colon would; a note of its own ("Great
    energy") holds words no section name does.
    """
    if area_label(line) is not None:
        return True
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", line)]
    return any(w.rstrip("s") in SECTION_WORDS for w in words) and all(
        w.rstrip("s") in SECTION_WORDS or w in _SECTION_FILLER for w in words
    )


def _topic_heading(
    text: str,
    line: str,
    lines: list[tuple[int, int]],
    index: int,
    topics: Topics,
    *,
    bullet: bool,
) -> str | None:
    """A line that is only a competency's name, over the sentences that follow it.

    "Systems thinking⏎Didn't see the second-order effects." is a heading; in a list of
    skills ("Strengths⏎Communication⏎Stakeholder management") each name is a statement,
    so a name heads only a line of sentence under it, or the paragraph after one blank.
    """
    if bullet or not topics or line[-1] in ".!?,;" or not topics.only_names(line):
        return None
    following = lines[index + 1 : index + 3]
    if following and not has_content(text, *following[0]):
        following = following[1:]  # a blank line between the name and what it heads
    if not following or not has_content(text, *following[0]):
        return None
    start, end = _content_span(text, following[0])
    end = _rstrip(text, start, end)
    under = text[start:end]
    if _re().bullet.match(text, start, end):
        return line.strip(" \t*_:#")
    if topics.only_names(under) or (_is_label(under) and len(under.split()) <= 5):
        return None  # another name, or a section's label: a list, not a heading
    sentence = under[-1] in ".!?…" or len(under.split()) >= 3
    return line.strip(" \t*_:#") if sentence else None


def _continues(text: str, prev_end: int, next_start: int) -> bool:
    """Whether a line break inside a paragraph is only a hard wrap."""
    prev_char = text[prev_end - 1]
    if prev_char in ".!?…;" or prev_char in ",(-–—" or text[next_start].islower():
        return True  # the sentence splitter decides, or the sentence plainly goes on
    # "Strong communicator⏎Weak on risk" are two notes; "worked with⏎Sarah" is one.
    return _re().function_end.search(text, max(0, prev_end - 12), prev_end) is not None


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    seg = start
    for m in _re().sentence_end.finditer(text, start, end):
        if _is_boundary(text, m.start(), m.end(), start, end):
            spans.append((seg, m.end()))
            seg = m.end()
    spans.append((seg, end))
    # Line breaks the paragraph grouping kept (hard wraps) never end a sentence, but
    # those it refused already started a new block.
    return [(s, e) for s, e in spans if has_content(text, s, e)]


def _is_boundary(text: str, p_start: int, p_end: int, floor: int, ceiling: int) -> bool:
    nxt = p_end
    while nxt < ceiling and text[nxt].isspace():
        nxt += 1
    if nxt >= ceiling:
        return True
    following = text[nxt]
    punct = text[p_start:p_end].rstrip("\"'”’)]")
    if punct != ".":
        return not following.islower()
    word_start = p_start
    while word_start > floor and p_start - word_start < 40 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:p_start].lstrip("\"'“‘([").lower()
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    if "." in word and word.replace(".", "").isalpha():
        return following.isupper() and word not in ("e.g", "i.e")
    if word in ABBREVIATIONS_AT_END:
        return following.isupper()
    if word == "no" and following.isdigit():
        return False
    if following.islower():
        # Chat often goes on in lower case after a period: "tighten it up. good luck!!"
        return (len(word) >= 3 and word.isalpha()) or word in SHORT_SENTENCE_ENDS
    return True


def _clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Contrastive clauses, with a short lead-in that judges nothing kept on the next one.

    "In the practical exercise, however, the flow lacked structure" is one statement;
    "Good, but slow" is two.
    """
    clauses = contrast_clauses(text, start, end)
    spans: list[tuple[int, int]] = []
    pending: int | None = None
    for index, clause in enumerate(clauses):
        c_start = clause.start if pending is None else pending
        pending = None
        piece = text[clause.start : clause.end]
        is_last = index == len(clauses) - 1
        if (
            not is_last
            and len(piece.split()) <= _MAX_LEAD_IN_WORDS
            and not read_polarity(piece, feedback=True).cues
        ):
            pending = c_start
            continue
        if spans and clause.role == "contrast" and _limits_a_plain_account(text, spans[-1], piece):
            spans[-1] = (spans[-1][0], clause.end)
            continue
        spans.append((c_start, clause.end))
    return spans


# A clause after "but" that only denies, with no subject of its own: "but not line-managed
# a team", "but never the rollout", "but no budget".
_BARE_DENIAL = re.compile(
    r"(?:not|never|no|nor|without)\b(?!\s+(?:i|you|he|she|we|they|it|one|only|just|merely)\b)"
    r"(?!\s+(?:that|this)\s+(?:is|was)\b)",
    re.IGNORECASE,
)


def _limits_a_plain_account(text: str, before: tuple[int, int], after: str) -> bool:
    """Whether "A but not B" says how far a plain account goes: one remark, about B.

    "You've led projects but not line-managed more than two people" names what is
    missing; cut in two, "You've led projects" reads as praise nobody gave, and "not
    line-managed ..." has lost who it is about. Where the first half judges ("Great
    discovery, but not enough depth on pricing") each half is a point of its own.
    """
    if not _BARE_DENIAL.match(after):
        return False
    reading = read_polarity(text[before[0] : before[1]], feedback=True)
    return reading.polarity is Polarity.NEUTRAL or all(
        cue.startswith("work done:") for cue in reading.cues
    )


def _judgement_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Keep a list together unless its parts judge in opposite directions.

    "Clear, concise and well prepared" is one statement; "great energy, weak on risk" is
    two. Parts are read once each, so the cost stays linear.
    """
    cuts = _cuts(text, start, end)
    if not cuts or _re().negation_start.match(text, start, end):
        return [(start, end)]
    bounds = [start, *(p for cut in cuts for p in cut), end]
    parts = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    groups: list[tuple[int, int]] = []
    g_start, g_end, g_pol = parts[0][0], parts[0][1], _leaning(text, *parts[0], end)
    prev_pol = g_pol
    decided = states_the_decision(text[parts[0][0] : parts[0][1]])
    for (q_start, q_end), (p_start, p_end) in pairwise(parts):
        pol = _leaning(text, p_start, p_end, end)
        # ", which was thin" judges the thing before it; cut off, it would lose its subject.
        relative = text[p_start:p_end].lstrip().split(" ", 1)[0].lower() in _RELATIVE
        # "You didn't do anything wrong, we simply had a stronger internal candidate": the
        # decision is no judgement of the person, whatever the part before it judges.
        was_decided, decided = decided, states_the_decision(text[p_start:p_end])
        if (
            decided
            and not was_decided
            and not relative
            and g_pol is not None
            and pol is None
            and _feedback_start(" ".join(text[g_start:g_end].split())) is None
        ):
            groups.append((g_start, g_end))
            g_start, g_end, g_pol, prev_pol = p_start, p_end, pol, pol
            continue
        # After a bare list item ("aligned Sales, Legal and Eng on the deprecation") the
        # list goes on: its last item and what follows it are one part of the sentence.
        # "Strong communicator, weak on risk" is no list: its short part judges.
        in_list = prev_pol is None and len(text[q_start:q_end].split()) <= _LIST_ITEM_WORDS
        prev_pol = pol
        if g_pol is not None and pol is not None and pol is not g_pol and not (relative or in_list):
            groups.append((g_start, g_end))
            g_start, g_pol = p_start, pol
        elif g_pol is None:
            g_pol = pol
        g_end = p_end
    groups.append((g_start, g_end))
    return groups


_AND_REACH = 80


def _cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where a clause list may be cut: at commas and dashes, and at an "and" between clauses.

    A bare "and" inside a noun phrase ("more evidence of research and testing with
    users") is no cut: what follows it shares the head before it (see ``coordination``).
    """
    cuts: list[tuple[int, int]] = []
    prev = start
    for m in _re().split_point.finditer(text, start, end):
        bare_and = m.group().strip().lower() == "and"
        # A few words either side decide; a longer look would make a long line quadratic.
        before = text[max(prev, m.start() - _AND_REACH) : m.start()]
        if bare_and and not joins_clauses(before, text[m.end() : min(end, m.end() + _AND_REACH)]):
            continue
        cuts.append((m.start(), m.end()))
        prev = m.end()
    return cuts


_RELATIVE = frozenset({"which", "who", "whom", "whose", "where"})
# A part this short between two cuts is an item of a list of names or nouns.
_LIST_ITEM_WORDS = 2


def _leaning(text: str, start: int, end: int, clause_end: int) -> Polarity | None:
    if len(text[start:end].split()) < 2:
        return None
    if says_what_matters(text, start, clause_end):
        # "— for a team lead, managing stakeholders is critical" says why the point before
        # it matters: its parts ("managing ...") are no praise to cut off on their own.
        return None
    reading = read_polarity(text[start:end], feedback=True)
    if reading.polarity is Polarity.NEUTRAL or reading.confidence < _MIN_CONFIDENCE:
        return None
    return reading.polarity


_TRIM = " \t\r\n,;:—–->"
# A ">" opens a quoted line; at the end of a statement it is part of its words ("</b>")
# unless it is the next line's quote mark.
_TRIM_END = _TRIM.replace(">", "")
_OPENING_QUOTES = "\"“‘'"
_CLOSING_QUOTES = "\"”’'"


def _starts_a_line(text: str, index: int) -> bool:
    """Whether text[index] is a reply's quote mark: only '>' and blanks before it on its line."""
    line_start = text.rfind("\n", 0, index) + 1
    return not text[line_start:index].replace(">", "").strip()


def _statement(text: str, start: int, end: int, block: _Block) -> Statement | None:
    while start < end and text[start] in _TRIM:
        start += 1
    m = _re().leading.match(text, start, end)
    if m and has_content(text, m.end(), end):
        start = m.end()
    while end > start and (
        text[end - 1] in _TRIM_END or (text[end - 1] == ">" and _starts_a_line(text, end - 1))
    ):
        end -= 1
    # Drop a quote mark whose partner fell in another statement.
    if (
        start < end
        and text[start] in _OPENING_QUOTES
        and not any(q in text[start + 1 : end] for q in _CLOSING_QUOTES)
    ):
        start += 1
    if (
        end > start
        and text[end - 1] in _CLOSING_QUOTES
        and not any(q in text[start : end - 1] for q in _OPENING_QUOTES)
    ):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    if start >= end or not has_content(text, start, end):
        return None
    clean = _re().ws.sub(" ", text[start:end]).strip()
    cut = _feedback_start(clean)
    if cut is not None:
        if cut >= len(clean):
            return None
        start, clean = _raw_index(text, start, cut), clean[cut:]
    news = trailing_news_start(clean)
    if news is not None:
        # "..., and you're through to the onsite!": the news is no part of the feedback.
        end, clean = _raw_index(text, start, news), clean[:news]
    if "**" in clean or "__" in clean:
        # Emphasis ("**Strong** delivery") is how it was typed, not what it says: quoted
        # without it, as whitespace is collapsed; the offsets keep to the words.
        while text.startswith(("**", "__"), start) or (start < end and text[start].isspace()):
            start += 1 if text[start].isspace() else 2
        while text.endswith(("**", "__"), start, end) or (start < end and text[end - 1].isspace()):
            end -= 1 if text[end - 1].isspace() else 2
        clean = _re().ws.sub(" ", _re().emphasis.sub("", clean)).strip()
        if not clean or start >= end:
            return None
    return Statement(clean, start, end, block.heading, block.topic, block.rating)


def _feedback_start(sentence: str) -> int | None:
    """Where the feedback begins in a sentence that opens with courtesy or process talk.

    None when all of it is feedback; the sentence's length when none of it is ("I wanted
    to get back to you personally.", "The role has been filled."). "Thanks for your time -
    unfortunately, your case study was too shallow" begins at "your case study".
    """
    begin = 0
    for after in (_after_pleasantry, _after_process_talk):
        cut = after(sentence[begin:])
        if cut is None:
            continue
        if begin + cut >= len(sentence):
            return len(sentence)
        begin += cut
    return begin or None


_REST_LEAD = re.compile(r"[\s,;:—–-]*(?:that\b[\s,]*)?")


def _after_pleasantry(sentence: str) -> int | None:
    """Where the feedback starts after a greeting, thanks or e-mail framing that opens it.

    None when it does not open with one; the sentence's length when it is all pleasantry
    ("I wanted to get back to you personally."). "I wanted to let you know that your case
    study was too shallow" and "Hope this helps - the panel loved your structure" carry
    feedback after it: the statement is that part, without the framing.
    """
    if not is_pleasantry(sentence):
        return None
    rest = pleasantry_rest(sentence)
    if not has_content(rest, 0, len(rest)) or is_pleasantry(rest):
        return len(sentence)
    if read_polarity(rest, feedback=True).polarity is Polarity.NEUTRAL and not _speaks_of_them(
        rest
    ):
        return len(sentence)
    lead = _REST_LEAD.match(rest)
    return len(sentence) - len(rest) + (lead.end() if lead else 0)


# What a neutral rest after thanks needs to be feedback: the person or their work named
# ("your portfolio", "dein Portfolio"). German possessives count too: a thank-you often
# opens a German mail; "Sie"/"uns" are left out, as they name the reader of any decision.
_ABOUT_THEM = re.compile(
    r"\b(?:you|your|yours|yourself|du|dein|deine|deinen|deinem|deiner|ihr|ihre|ihren|"
    r"ihrem|ihrer)\b",
    re.IGNORECASE,
)


def _speaks_of_them(rest: str) -> bool:
    """Whether the rest of a thank-you speaks of the person, not more courtesy or decision.

    "Danke für deine Zeit – leider war dein Portfolio ... zu wenig auf Forschung
    ausgerichtet" does; "Thanks for your time - we will be in touch next week" does not.
    """
    return _ABOUT_THEM.search(rest) is not None and _feedback_start(rest) != len(rest)


def _raw_index(text: str, start: int, clean_index: int) -> int:
    """The offset in ``text`` of a position in the whitespace-collapsed text from ``start``."""
    ws = _re().ws
    i, j = start, 0
    while j < clean_index and i < len(text):
        run = ws.match(text, i) if text[i].isspace() else None
        i = run.end() if run and run.end() > i else i + 1
        j += 1
    return i


# Capitalised words inside a sentence: a name or a job title ("the Customer Success Lead
# role"), which says nothing of the person however it reads word by word.
_TITLE_WORDS = re.compile(r"(?<=[\w,] )(?!I\b)[A-Z][\w'’-]*")


# Where a clause starts after process talk: "..., and your stakeholder work ...",
# "... because your answer lacked depth".
_CLAUSE_LEAD = re.compile(
    r"\s*(?:[,;:—–-]+\s*(?:(?:and|but|so|because|as|since|that)\b[\s,]*)?|"
    r"(?:and|but|so|because|since|that)\b[\s,]*)",
    re.IGNORECASE,
)
_OPENER_END = re.compile(r"[,;:—–-]\s*$")
_REGRET = re.compile(r"(?:unfortunately|regrettably|sadly),?", re.IGNORECASE)
# Words that address the person: praise after courtesy is about them only with these.
_PREPOSITIONS = frozenset(["for", "to", "with", "in", "on", "at", "about", "from", "of", "by"])
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)


def _after_process_talk(sentence: str) -> int | None:
    """Where the feedback starts after thanks, regret, courtesy or talk about the decision.

    None when the sentence does not open with such talk, or when its feedback cannot be
    cut from it cleanly (it is kept whole); the sentence's length when it is all talk.
    "It was a tough call - we had three strong finalists" praises the field, not the
    person, and is dropped; "Unfortunately, your system design was too shallow" and "The
    panel enjoyed meeting you, and your stakeholder work came up" are feedback after the
    talk. "It didn't change our view" is dropped unless something in it judges the person.
    """
    if is_decision_talk(sentence) and (
        read_polarity(_TITLE_WORDS.sub(" ", sentence), feedback=True).polarity is Polarity.NEUTRAL
    ):
        return len(sentence)
    opener_end = process_talk_end(sentence)
    if opener_end is None:
        return None
    rest = sentence[opener_end:]
    lead = _CLAUSE_LEAD.match(rest)
    if _OPENER_END.search(sentence, 0, opener_end):
        clause: int | None = opener_end
    elif lead:
        clause = opener_end + lead.end()
    elif _REGRET.fullmatch(sentence[:opener_end].strip()):
        # "Unfortunately your answer lacked depth": the regret is no part of the feedback.
        clause = opener_end
    else:
        clause = None
    if clause is not None and _feedback_start(sentence[clause:]) == len(sentence[clause:]):
        return len(sentence)  # "Unfortunately it's not good news": talk after talk
    polarity = read_polarity(rest, feedback=True).polarity
    if polarity is Polarity.GAP:
        return clause  # cut where a clause starts, else kept whole
    if clause is not None and _REGRET.fullmatch(sentence[:opener_end].strip()):
        # "Unfortunately the client went with someone with more SaaS experience": regret
        # says nothing; the decision with its reason is read as it would be without it.
        tail = sentence[clause:]
        if states_the_decision(tail) and _feedback_start(tail) is None:
            return clause
    # Anything else after courtesy is feedback only as a clause of its own about the person
    # ("..., and your stakeholder work came up", "..., and Amara said she would put you in
    # front of our customers"), not as what thanks are for ("..., and for your patience")
    # nor as more courtesy ("— you were one of three finalists and everyone enjoyed it").
    if clause is None or not _SECOND_PERSON.search(rest):
        return len(sentence)
    opening = sentence[clause:].split(maxsplit=1)
    if not opening or opening[0].lower() in _PREPOSITIONS:
        return len(sentence)
    # "I've chased them for more detail and will let you know": more talk, even if it
    # reads as praise word by word.
    if not _is_all_talk(sentence[clause:]):
        return clause
    return len(sentence)


def _is_all_talk(text: str) -> bool:
    """Whether every part of a clause list is courtesy or talk about the decision."""
    bounds = [0]
    for m in _re().split_point.finditer(text):
        bounds += [m.start(), m.end()]
    bounds.append(len(text))
    parts = [text[bounds[i] : bounds[i + 1]].strip() for i in range(0, len(bounds), 2)]
    return all(
        not part or is_pleasantry(part) or _feedback_start(part) == len(part) for part in parts
    )
