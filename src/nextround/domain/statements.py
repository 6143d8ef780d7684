"""Feedback split into statements, each mapped onto competencies with a polarity."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from nextround.domain.competency import CompetencyMatch, Polarity
from nextround.domain.evidence import ITEM_MAX_PIECES
from nextround.domain.pasted_html import readable_text
from nextround.errors import DomainError

T = TypeVar("T")

#: Unconfirmed suggestions below this confidence are not treated as evidence.
EVIDENCE_MIN_CONFIDENCE = 0.35
#: Below this a guess is not worth naming at all: with about thirty competencies, 15% is
#: barely above the noise between them, so such a guess is said as "no clear match" rather
#: than as a named suggestion a reader may take for advice.
CLEAR_MATCH_MIN_CONFIDENCE = 0.15

#: More statements than this from one paste is rarely one person's feedback: a whole export,
#: a chat log, the wrong file. Said before anything is reviewed, while it is easy to undo.
MANY_STATEMENTS = 60


def many_statements_note(count: int) -> str | None:
    """Why a paste that splits into very many statements deserves a second look, or None."""
    if count <= MANY_STATEMENTS:
        return None
    return (
        f"This feedback splits into {count:,} statements, far more than one person's feedback "
        f"usually holds (at most about {MANY_STATEMENTS}): check that it is the text you meant. "
        f"However long it is, one feedback item counts as at most {ITEM_MAX_PIECES} pieces of "
        "evidence per competency in your profile"
    )


def confident_pick(matches: Sequence[CompetencyMatch]) -> list[str]:
    """What to pre-select when the user reviews a mapping: every confident suggestion.

    The bar is the one for counting as evidence at all. Below it a suggestion is more often
    wrong than right (the confidences are calibrated), and a pre-selected guess is too
    easily confirmed in passing, after which it teaches the mapper the wrong thing. Two
    can clear it when a statement names two competencies ("risk management didn't come
    through, and there were gaps around systemic thinking").
    """
    return [m.competency_id for m in matches if m.confidence >= EVIDENCE_MIN_CONFIDENCE]


def clear_guesses(matches: Sequence[CompetencyMatch]) -> list[CompetencyMatch]:
    """The suggestions worth naming, sure enough or not (see CLEAR_MATCH_MIN_CONFIDENCE)."""
    return [m for m in matches if m.confidence >= CLEAR_MATCH_MIN_CONFIDENCE]


def nothing_fits(matches: Sequence[CompetencyMatch]) -> bool:
    """Whether a review starts from "about no competency": the mapper found nothing at all.

    Such a statement is most often courtesy or talk about the process that the reader did
    not set aside, so Enter in the command-line review and the box the web ticks for the
    user both take it as about no competency. A weak suggestion is not nothing: there the
    user picks (see ``confident_pick``).
    """
    return not matches


def shown_share(confidence: float) -> str:
    """A confidence as a percentage that agrees with the evidence bar.

    Rounded, 0.3487 would show as 35% yet fall short of a 35% bar; just under the bar it
    shows one decimal (34.9%), never rounded up to the bar, so what is read is what counts.
    """
    bar = EVIDENCE_MIN_CONFIDENCE * 100
    if confidence >= EVIDENCE_MIN_CONFIDENCE or round(confidence * 100) < bar:
        return f"{confidence:.0%}"
    return f"{min(round(confidence * 1000) / 10, bar - 0.1):.1f}%"


def in_use(statements: Iterable[FeedbackStatement]) -> list[FeedbackStatement]:
    """The statements that may feed anything: all but those reviewed as about no competency."""
    return [s for s in statements if not s.about_no_competency]


#: Where a sentence ends: after . ! or ? before a space, or at a line break; in feedback
#: pasted as HTML also before a tag and at a tag that breaks the line ("<br>", "</li>").
_SENTENCE_END = re.compile(
    r"[.!?]+(?=\s|<)|\n|<br\s*/?>|</?(?:p|li|div|ul|ol|tr|h[1-6]|blockquote)\b[^<>]*>",
    re.IGNORECASE,
)


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of a feedback text ends (just after its . ! ? or line break)."""
    return [m.end() for m in _SENTENCE_END.finditer(text)]


#: A longer sentence is cut to this many characters either side of the statement.
_CONTEXT_REACH = 160
#: A list item's marker at the start of a line.
_BULLET = re.compile(r"[ \t]*[-*•][ \t]+")


def shown_statement(text: str) -> str:
    """A statement as quoted on its own: opening with a capital, as a sentence does.

    A statement cut from after "However," or "but" ("in the ML system design interview
    you struggled ...") is quoted alone in the profile, the plan and reports. A first word
    written with a capital inside it ("iOS", "eBay") is kept as written.
    """
    first = text.split(" ", 1)[0]
    if first[:1].islower() and first.islower():
        return text[0].upper() + text[1:]
    return text


#: What a verdict of "about no competency" does, said where the user gives it.
NO_COMPETENCY_NOTE = (
    "about no competency, so it reads as neutral and counts nowhere (profile, plan, "
    "clarifying questions, notes)"
)


@dataclass(eq=False)
class FeedbackStatement:
    """One judgement from a piece of feedback, e.g. 'the whiteboard flow lacked structure'."""

    feedback_id: int
    position: int
    text: str
    start: int
    end: int
    framework_id: str
    polarity: Polarity = Polarity.NEUTRAL
    polarity_confidence: float = 0.0
    cues: list[str] = field(default_factory=list)
    suggestions: list[CompetencyMatch] = field(default_factory=list)
    competencies: list[str] = field(default_factory=list)
    confirmed: bool = False
    mapper: str = ""
    #: The round of its application it names, when not its feedback item's round ("the
    #: take-home" in an email about the system design); None: the item's own round.
    round_id: int | None = None
    id: int | None = None
    reviewed_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def evidence(self) -> list[tuple[str, float]]:
        """(competency, confidence) pairs this statement is evidence for."""
        if self.confirmed:
            return [(c, 1.0) for c in self.competencies]
        return [
            (m.competency_id, m.confidence)
            for m in self.suggestions
            if m.confidence >= EVIDENCE_MIN_CONFIDENCE
        ]

    @property
    def about_no_competency(self) -> bool:
        """Whether the user said it is about no competency (a disclaimer, a pleasantry).

        Such a statement feeds nothing: no profile evidence, no clarifying question, no
        moment or learning in a note, no lesson for the polarity reader. It is the one
        test every consumer of statements asks.
        """
        return self.confirmed and not self.competencies

    @property
    def counted_polarity(self) -> Polarity:
        """The polarity as it counts: neutral once reviewed as about no competency.

        Verdicts given before that rule kept the guessed polarity ("gap, no competency");
        they read as neutral too.
        """
        return Polarity.NEUTRAL if self.about_no_competency else self.polarity

    @property
    def pick(self) -> list[str]:
        """The competencies a review starts from: the user's verdict, else a confident guess."""
        return self.competencies if self.confirmed else confident_pick(self.suggestions)

    def sentence_in(self, feedback_text: str) -> str | None:
        """The whole sentence this statement was split from, when it is only a clause of it.

        "with zero lost orders." means little alone; shown with "She moved the warehouse in
        a weekend, with zero lost orders." it can be judged. None when the statement is
        already its whole sentence, or when the offsets do not fit the text.
        """
        if not 0 <= self.start < self.end <= len(feedback_text):
            return None
        start, end = self.start, self.end
        shown = readable_text(feedback_text)
        if shown is not None:  # an HTML paste: the sentence as it reads, no tags in it
            feedback_text, (start, end) = shown.text, shown.from_source(start, end)
        found = list(_SENTENCE_END.finditer(feedback_text))
        begin = max((m.end() for m in found if m.end() <= start), default=0)
        # A bullet's "- " (typed, or read from an HTML "<li>") is no part of its sentence.
        bullet = _BULLET.match(feedback_text, begin)
        if bullet and bullet.end() <= start:
            begin = bullet.end()
        # A sentence keeps its full stop, not the tag or line break after it.
        finish = min(
            (m.start() if m.group(0)[0] in "<\n" else m.end() for m in found if m.end() >= end),
            default=len(feedback_text),
        )
        finish = max(finish, end)
        begin = max(begin, start - _CONTEXT_REACH)
        finish = min(finish, end + _CONTEXT_REACH)
        sentence = feedback_text[begin:finish].strip()
        if sentence == feedback_text[start:end].strip():
            return None
        lead = "…" if begin > 0 and feedback_text[begin - 1] not in ".!?\n >" else ""
        tail = "…" if finish < len(feedback_text) and not sentence.endswith((".", "!", "?")) else ""
        return f"{lead}{sentence}{tail}"

    def sentence_index(self, feedback_text: str, ends: Sequence[int] | None = None) -> int | None:
        """Which sentence of its feedback the statement starts in, counting from 0.

        Two statements split from one sentence ("shallow on trade-offs: you picked a token
        bucket quickly" / "but didn't weigh it…") share it, so the profile can count them
        as the one remark they are. ``ends`` is `sentence_ends` of the text, when a caller
        reads many statements of one feedback. None when the offsets do not fit the text.
        """
        if not 0 <= self.start < self.end <= len(feedback_text):
            return None
        return bisect_right(sentence_ends(feedback_text) if ends is None else ends, self.start)

    def read_on(
        self, framework_id: str, matches: Sequence[CompetencyMatch], mapper: str
    ) -> FeedbackStatement:
        """The same words read on another framework: a new, unreviewed mapping of them.

        The split and the polarity belong to the words, so they are kept (a polarity the
        user confirmed included); the competencies are the other framework's suggestions.
        So does a verdict that the words are about no competency at all (a quoted e-mail
        thread, a disclaimer, a table header): the copy keeps it, reviewed when it was, so
        the same noise is not reviewed again on every framework. Reviewing the copy again
        (its suggestions are kept) maps it after all.
        """
        copy = FeedbackStatement(
            feedback_id=self.feedback_id,
            position=self.position,
            text=self.text,
            start=self.start,
            end=self.end,
            framework_id=framework_id,
            polarity=self.polarity,
            polarity_confidence=self.polarity_confidence,
            cues=list(self.cues),
            suggestions=list(matches),
            competencies=confident_pick(matches),
            mapper=mapper,
            round_id=self.round_id,  # the words name the same round on any framework
        )
        if self.about_none:
            copy.competencies, copy.confirmed, copy.reviewed_at = [], True, self.reviewed_at
        return copy

    @property
    def about_none(self) -> bool:
        """Whether the user's verdict is that it is about no competency at all."""
        return self.confirmed and not self.competencies

    @property
    def verdict_carried(self) -> bool:
        """Whether its "about no competency" verdict was given on another reading of it.

        The copy keeps the time of that review, which is before the copy was made.
        """
        return bool(
            self.about_none
            and self.reviewed_at is not None
            and self.created_at is not None
            and self.reviewed_at < self.created_at
        )

    def confirm(
        self, competencies: list[str], polarity: Polarity | None, known: set[str], now: datetime
    ) -> None:
        """The user's verdict: these competencies (possibly none) and this polarity.

        A statement about no competency is neutral whatever polarity came with the verdict:
        "gap" on a legal disclaimer would say nothing true, and would teach the polarity
        reader that such words are criticism.
        """
        unknown = [c for c in competencies if c not in known]
        if unknown:
            raise DomainError(
                f"unknown competency {unknown[0]!r}",
                cli_hint="see `nextround framework show`",
                web_hint="pick one from the list",
            )
        self.competencies = list(dict.fromkeys(competencies))
        if not self.competencies:
            self.polarity = Polarity.NEUTRAL
        elif polarity is not None:
            self.polarity = polarity
        self.confirmed = True
        self.reviewed_at = now


def readings(
    statements: Iterable[FeedbackStatement],
) -> dict[int, dict[str, list[FeedbackStatement]]]:
    """Statements grouped by feedback item, then by the framework each reading is on.

    A feedback item is split once; reading it again on another framework copies its
    statements there, each copy mapped onto that framework's competencies. The readings of
    an item come in the order they were made (by their first statement's id), positions in
    order within each.
    """
    found: dict[int, dict[str, list[FeedbackStatement]]] = {}
    for statement in sorted(statements, key=lambda s: (s.feedback_id, s.id or 0)):
        found.setdefault(statement.feedback_id, {}).setdefault(statement.framework_id, [])
        found[statement.feedback_id][statement.framework_id].append(statement)
    for by_framework in found.values():
        for reading in by_framework.values():
            reading.sort(key=lambda s: s.position)
    return found


def reading_in_use(by_framework: Mapping[str, T], framework_id: str) -> str | None:
    """Which reading of a feedback item is shown and reviewed: the one on the framework in use.

    An item not read on it yet shows the reading it has (the first made): its statements
    are still the user's to see and review, on the framework they are mapped onto.
    """
    if framework_id in by_framework:
        return framework_id
    return next(iter(by_framework), None)


def readings_in_use(
    statements: Iterable[FeedbackStatement], framework_id: str
) -> list[FeedbackStatement]:
    """Of statements of any readings, those of each item's reading in use (see above)."""
    chosen = []
    for by_framework in readings(statements).values():
        reading = reading_in_use(by_framework, framework_id)
        if reading is not None:
            chosen += by_framework[reading]
    return chosen
