"""Feedback pasted twice: which items, and which statements, repeat what was stored before."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from nextround.domain.feedback import Feedback
from nextround.domain.statements import FeedbackStatement


def _words(text: str) -> str:
    # A paste differs from its first copy by line breaks and trailing blanks at most.
    return " ".join(text.split())


def repeated(items: Iterable[Feedback]) -> dict[int, Feedback]:
    """Each stored item whose text repeats an earlier item's, mapped to that earlier item.

    Earlier is by storage order (id), not by the date received: the second paste is the
    slip, whichever date it was given.
    """
    first: dict[str, Feedback] = {}
    copies: dict[int, Feedback] = {}
    for item in sorted((i for i in items if i.id is not None), key=lambda i: i.id or 0):
        assert item.id is not None
        original = first.setdefault(_words(item.text), item)
        if original is not item:
            copies[item.id] = original
    return copies


def earlier_copies(
    text: str, others: Iterable[Feedback], before: int | None = None
) -> list[Feedback]:
    """The stored items with the same text, oldest first; only those before id ``before``.

    Without ``before`` the text is a draft, not stored yet, and every stored item counts.
    """
    words = _words(text)
    return sorted(
        (
            o
            for o in others
            if o.id is not None and (before is None or o.id < before) and _words(o.text) == words
        ),
        key=lambda o: o.id or 0,
    )


def copy_note(earlier: Sequence[Feedback]) -> str:
    """The note on a new item that repeats ``earlier``: 'this text is identical to feedback 1 …'."""
    named = ", ".join(f"feedback {e.id} (received {e.received_on})" for e in earlier)
    return f"this text is identical to {named}"


def review_note(copy_id: int | None, original: Feedback, *, whole: bool = True) -> str:
    """What reviewing a statement of a copy does: "feedback 2 repeats feedback 1 …".

    ``whole`` says the whole text is identical; otherwise only the statement is said again,
    in an earlier item or (``original`` being the copy itself) earlier in the same one.
    """
    if whole:
        return (
            f"feedback {copy_id} repeats feedback {original.id} (received "
            f"{original.received_on}) word for word: confirmed, these words count a second time"
        )
    if original.id == copy_id:
        return (
            f"feedback {copy_id} says this statement more than once: confirmed, this repeat "
            "counts too"
        )
    return (
        f"this statement of feedback {copy_id} is already in feedback {original.id} (received "
        f"{original.received_on}): confirmed, it counts a second time"
    )


def copy_phrase(copy_id: int | None, original: Feedback, *, whole: bool = True) -> str:
    """Why a statement is left out: "whose text is identical to feedback 1", or the like."""
    if whole:
        return f"whose text is identical to feedback {original.id}"
    if original.id == copy_id:
        return "which says again a statement made earlier in the same feedback"
    return f"which repeats a statement of feedback {original.id}"


#: A new item whose different statements are at least this share already stored in related
#: feedback (``related``) is a copy (the same e-mail re-copied with another greeting, without
#: the thread).
NEAR_COPY_SHARE = 0.6
#: ... and at least this many of them: one stock line ("Thanks for your time") is no copy.
NEAR_COPY_MIN = 2

_WORD = re.compile(r"\w+")


def statement_key(text: str) -> str:
    """A statement's words, as compared for copies: case, quotes, dashes and spacing aside."""
    return " ".join(_WORD.findall(text.casefold()))


@dataclass(frozen=True)
class Overlap:
    """Which statements of one feedback item say again what was said already.

    Indexes count the item's statements from 0, in order. A statement said twice in the
    same paste counts once; the statements of a near copy that are already stored count
    once too. Either waits, left out of the profile, until the user reviews it.
    """

    total: int
    #: Each statement already in earlier feedback, with the earliest item holding it.
    elsewhere: Mapping[int, Feedback] = field(default_factory=dict)
    #: The statements that repeat one said earlier in the same item.
    within: frozenset[int] = frozenset()
    #: Each of ``within`` with the index of the statement it repeats, and the statements'
    #: words, so a note can say which: "statement 6 (“Great discovery…”) repeats statement 3".
    repeats: Mapping[int, int] = field(default_factory=dict)
    texts: tuple[str, ...] = ()

    @property
    def left_out(self) -> frozenset[int]:
        """Every statement that does not count until reviewed."""
        return frozenset(self.elsewhere) | self.within

    @property
    def originals(self) -> list[Feedback]:
        """The earlier items holding the statements said again, oldest first."""
        found = {item.id: item for item in self.elsewhere.values()}
        return [found[k] for k in sorted(found, key=lambda i: i or 0)]

    def _which_repeat(self) -> str:
        """' (statement 6, “Great discovery…”, says statement 3 again)', the first few named."""
        named = [
            f"statement {index + 1}, “{_opening(self.texts[index])}”, says statement "
            f"{first + 1} again"
            for index, first in sorted(self.repeats.items())[:_NAMED_REPEATS]
            if index < len(self.texts)
        ]
        if not named:
            return ""
        more = len(self.within) - len(named)
        rest = f"; and {more:,} more" if more > 0 else ""
        return f" ({'; '.join(named)}{rest})"

    def note(self) -> str | None:
        """'8 of its 10 statements are already in feedback 1 (received …)', or None."""
        parts = []
        distinct = self.total - len(self.within)
        if self.within:
            which = self._which_repeat()
            verb = "repeats" if len(self.within) == 1 else "repeat"
            parts.append(
                f"{len(self.within):,} of its {self.total:,} statements {verb} one said "
                f"earlier in the same text{which}"
            )
        if self.elsewhere:
            named = " and ".join(
                f"feedback {o.id} (received {o.received_on})" for o in self.originals
            )
            different = " different" if self.within else ""
            parts.append(
                f"{len(self.elsewhere):,} of its {distinct:,}{different} statements are "
                f"already in {named}"
            )
        return ", and ".join(parts) or None


#: How many repeated statements a note names; the rest it counts.
_NAMED_REPEATS = 3
#: How much of a repeated statement a note quotes.
_OPENING_WORDS = 6


def _opening(text: str) -> str:
    words = text.split()
    opening = " ".join(words[:_OPENING_WORDS])
    return opening if len(words) <= _OPENING_WORDS else f"{opening.rstrip(',;:.')}…"


def author_key(author: str | None) -> str:
    """Who said it, as compared for copies: case and spacing aside ("" when unnamed)."""
    return " ".join((author or "").casefold().split())


def related(item: Feedback, other: Feedback) -> bool:
    """Whether stored ``other`` is where a copy of ``item`` is looked for.

    The same e-mail is pasted again under the same application, or from the same person
    onto another (or no) application; feedback about no application may repeat any of it.
    Feedback of another person about another process may rightly share its words.
    """
    if item.application_id is None or other.application_id == item.application_id:
        return True
    author = author_key(item.author)
    return bool(author) and author == author_key(other.author)


def held_statements(pairs: Iterable[tuple[str, Feedback]]) -> dict[str, Feedback]:
    """Each statement's words, with the earliest stored item (by id) that says them."""
    held: dict[str, Feedback] = {}
    for text, item in sorted(pairs, key=lambda p: p[1].id or 0):
        key = statement_key(text)
        if key:
            held.setdefault(key, item)
    return held


def overlap(texts: Sequence[str], held: Mapping[str, Feedback]) -> Overlap:
    """What an item's statements (``texts``, in order) say again of ``held`` and of themselves.

    ``held`` holds the statements of earlier related feedback (``related``: the same
    application or author, any date or round). Only when most of the item's different
    statements are there is it a copy; a few shared stock lines ("Thanks for your time")
    are not.
    """
    keys = [statement_key(t) for t in texts]
    seen: set[str] = set()
    within: set[int] = set()
    firsts: list[int] = []
    first_of: dict[str, int] = {}
    repeats: dict[int, int] = {}
    for index, key in enumerate(keys):
        if not key:
            continue
        if key in seen:
            within.add(index)
            repeats[index] = first_of[key]
        else:
            seen.add(key)
            first_of[key] = index
            firsts.append(index)
    found = [i for i in firsts if keys[i] in held]
    copy = len(found) >= NEAR_COPY_MIN and len(found) >= NEAR_COPY_SHARE * len(firsts)
    elsewhere = {i: held[keys[i]] for i in found} if copy else {}
    return Overlap(len(texts), elsewhere, frozenset(within), repeats, tuple(texts))


class _Held:
    """The statements of the feedback seen so far, found by application and by author."""

    def __init__(self) -> None:
        self.every: dict[str, Feedback] = {}
        self.by_app: dict[int | None, dict[str, Feedback]] = {}
        self.by_author: dict[str, dict[str, Feedback]] = {}

    def related_to(self, item: Feedback) -> dict[str, Feedback]:
        """The statements ``item`` is compared with (see ``related``), earliest item each."""
        if item.application_id is None:
            return self.every
        held = dict(self.by_app.get(item.application_id, {}))
        for key, other in self.by_author.get(author_key(item.author), {}).items():
            if key not in held or (other.id or 0) < (held[key].id or 0):
                held[key] = other
        return held

    def add(self, key: str, item: Feedback) -> None:
        self.every.setdefault(key, item)
        self.by_app.setdefault(item.application_id, {}).setdefault(key, item)
        author = author_key(item.author)
        if author:
            self.by_author.setdefault(author, {}).setdefault(key, item)


def copied_statements(
    pairs: Sequence[tuple[FeedbackStatement, Feedback]],
    identical: Mapping[int, Feedback] | None = None,
) -> dict[int, Feedback]:
    """Each statement that says again what was said already, with the item it repeats.

    ``identical`` maps items whose whole text repeats an earlier item (``repeated``): all
    their statements are copies. Otherwise a statement is a copy when it repeats one said
    earlier in the same item (it maps to its own item), or when its item is a near copy of
    earlier related feedback (the same application or author; see ``related`` and
    ``overlap``).
    """
    identical = identical or {}
    by_item: dict[int, list[FeedbackStatement]] = {}
    items: dict[int, Feedback] = {}
    for statement, item in pairs:
        if item.id is None or statement.id is None:
            continue
        by_item.setdefault(item.id, []).append(statement)
        items[item.id] = item
    held = _Held()
    copies: dict[int, Feedback] = {}
    for item_id in sorted(by_item):
        item = items[item_id]
        statements = sorted(by_item[item_id], key=lambda s: s.position)
        if item_id in identical:
            copies.update((s.id, identical[item_id]) for s in statements if s.id is not None)
        else:
            found = overlap([s.text for s in statements], held.related_to(item))
            for index in found.within:
                copies[statements[index].id or 0] = item
            for index, original in found.elsewhere.items():
                copies[statements[index].id or 0] = original
        for statement in statements:
            key = statement_key(statement.text)
            if key:
                held.add(key, item)
    return copies
