"""Thank-you notes quoting feedback being deleted: unsent drafts go with it, sent ones stay."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from nextround.analysis.feedback_words import own_words
from nextround.domain.debrief import Debrief
from nextround.domain.note_moments import topics
from nextround.domain.note_quoting import quoted_in
from nextround.domain.notes import Note
from nextround.services.erasure import debrief_texts
from nextround.services.feedback import RemovedFeedback, remove_feedback
from nextround.services.ports import FullUnitOfWork


@dataclass(frozen=True)
class QuotingNotes:
    """The application's thank-you notes whose words quote the feedback being deleted."""

    #: Not sent: deleted with the feedback (a draft is made again in a moment, without it).
    drafts: tuple[Note, ...] = ()
    #: Sent: kept as written, as the letter that went out is.
    sent: tuple[Note, ...] = ()
    #: What each of them quotes, by note id, as the note has it.
    quoted: Mapping[int, tuple[str, ...]] = field(default_factory=dict)

    def still_quoting(self) -> tuple[StillQuoting, ...]:
        """The drafts, each with what it quotes: for an edit, which deletes none of them."""
        return tuple(StillQuoting(n, self.quoted.get(n.id or 0, ())) for n in self.drafts)

    def said(self) -> str:
        """What deleting the feedback does to them, in a sentence or two ("" for none)."""
        parts = []
        if self.drafts:
            parts.append(
                f"{_named(self.drafts)} {'quotes' if len(self.drafts) == 1 else 'quote'} it "
                f"and {'is' if len(self.drafts) == 1 else 'are'} not sent: deleted with it."
            )
        if self.sent:
            one = len(self.sent) == 1
            parts.append(
                f"{_named(self.sent)}, already sent, {'quotes' if one else 'quote'} it: "
                f"kept as you sent {'it' if one else 'them'}."
            )
        return " ".join(parts)


@dataclass(frozen=True)
class StillQuoting:
    """An unsent note quoting words a debrief edit took out: kept, for the person to decide.

    An edit is not a deletion: the person may only have reworded their notes, and the draft
    is theirs. It is named, so that nothing sent later quotes words they took back.
    """

    note: Note
    quoted: tuple[str, ...]

    @property
    def said(self) -> str:
        """E.g. 'Thank-you note 3 (draft) still quotes “re-baselining after the slip”'."""
        phrases = " and ".join(f"“{q}”" for q in self.quoted) or "what you took out"
        return f"Thank-you note {self.note.id} (draft) still quotes {phrases}"


def _named(notes: tuple[Note, ...]) -> str:
    said = [f"{n.id} (“{n.subject}”)" for n in notes]
    head = "Thank-you note" if len(said) == 1 else "Thank-you notes"
    return f"{head} {', '.join(said[:-1])}{' and ' if len(said) > 1 else ''}{said[-1]}"


def quoting_notes(uow: FullUnitOfWork, feedback_id: int) -> QuotingNotes:
    """The notes of the feedback's application that quote its statements (or their gist)."""
    item = uow.feedback.get(feedback_id)
    if item.application_id is None:  # a note only ever quotes its application's feedback
        return QuotingNotes()
    texts = []
    for statement in uow.statements.all_readings([feedback_id]):
        texts.append(statement.text)
        # A note names what feedback judged in its own words ("data and experimentation").
        gist = own_words(statement.text)
        if gist:
            texts.append(gist)
    return notes_quoting(uow, item.application_id, texts)


def debrief_quotes(debrief: Debrief) -> tuple[str, ...]:
    """What a note may quote of a debrief: its words, and the moments it names in them.

    A note recalls "re-baselining after the conveyor slip" from a "went well" that says
    "follow-ups on re-baselining after the conveyor slip" (see domain.note_moments).
    """
    return (*debrief_texts(debrief), *topics(debrief.went_well))


def notes_quoting(uow: FullUnitOfWork, app_id: int, texts: Iterable[str]) -> QuotingNotes:
    """The application's notes quoting any of ``texts``: a distinctive phrase, not a skill."""
    wanted = tuple(t for t in texts if t)
    if not wanted:
        return QuotingNotes()
    names = {
        name
        for f in uow.frameworks.ids()
        for c in uow.frameworks.get(f).competencies
        for name in (c.name, c.id.replace("-", " "))
    }
    notes, quoted = [], {}
    for note in uow.notes.list(app_id):
        found = quoted_in(f"{note.subject}\n{note.body}", wanted, names)
        if found and note.id is not None:
            notes.append(note)
            quoted[note.id] = found
    return QuotingNotes(
        tuple(n for n in notes if n.sent_on is None),
        tuple(n for n in notes if n.sent_on is not None),
        quoted,
    )


def delete_drafts(uow: FullUnitOfWork, notes: QuotingNotes) -> None:
    """Delete the unsent notes of ``notes``: the words they quote are going."""
    for note in notes.drafts:
        uow.notes.delete(note)


def remove_feedback_and_drafts(
    uow: FullUnitOfWork, feedback_id: int
) -> tuple[RemovedFeedback, QuotingNotes]:
    """Delete a feedback item as remove_feedback does, with the unsent notes quoting it.

    The person deleting feedback wants its words gone; an unsent draft still holding them
    would keep them (and could still be sent). A sent note stays: it is their letter, and
    the record of what went out.
    """
    notes = quoting_notes(uow, feedback_id)
    delete_drafts(uow, notes)
    return remove_feedback(uow, feedback_id), notes
