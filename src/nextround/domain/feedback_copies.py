"""Feedback pasted twice: which items repeat, word for word, an item stored before them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from nextround.domain.feedback import Feedback


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


def review_note(copy_id: int | None, original: Feedback) -> str:
    """What reviewing a statement of a copy does: "feedback 2 repeats feedback 1 …"."""
    return (
        f"feedback {copy_id} repeats feedback {original.id} (received {original.received_on}) "
        "word for word: confirmed, these words count a second time"
    )
