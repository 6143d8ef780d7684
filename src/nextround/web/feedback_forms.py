"""The feedback form with its preview: the draft, its statements and the user's verdicts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from starlette.datastructures import ImmutableMultiDict

from nextround.domain.counts import it_or_them
from nextround.domain.feedback import Feedback, FeedbackSource
from nextround.domain.feedback_copies import Overlap, copy_note
from nextround.domain.journey import Application
from nextround.domain.statements import confident_pick
from nextround.services.feedback import FeedbackChanges, FeedbackLinks
from nextround.services.feedback_entry import FeedbackDraft, FeedbackPreview, Verdict
from nextround.web import journey_forms as jf
from nextround.web.forms import FormReader, values_of
from nextround.web.growth_forms import Judgement

#: The hidden field that says how many statements the preview showed.
COUNT_FIELD = "statements"


def prefix(position: int) -> str:
    """Field-name prefix of the n-th previewed statement (from 1)."""
    return f"s{position}-"


def read_draft(form: FormReader, app_id: int | None) -> FeedbackDraft:
    """The feedback fields as a draft tied to the application (and a round or interview).

    Without an application (a work review, a mentor) the draft is about no process at all.
    """
    fields = jf.read_feedback(form)
    links = FeedbackLinks()
    if app_id is not None:
        links = _links(app_id, fields["round_id"], fields["interview_id"])
    return FeedbackDraft(
        text=fields["text"],
        source=fields["source"],
        received_on=fields["received_on"],
        author=fields["author"],
        links=links,
    )


def _links(app_id: int, round_id: int | None, interview_id: int | None) -> FeedbackLinks:
    # An interview pins its round too, so a round is only passed on its own. Both go by id:
    # a stage number shifts when an earlier round is deleted, and a page left open would
    # then file the feedback under another round.
    return FeedbackLinks(
        application_id=app_id,
        interview_id=interview_id,
        round_id=None if interview_id is not None else round_id,
    )


def edit_values(item: Feedback, app: Application | None) -> dict[str, str]:
    """The edit form filled in from stored feedback."""
    round_ = next((r for r in app.rounds if r.id == item.round_id), None) if app else None
    part = ""
    if item.interview_id:
        part = f"interview-{item.interview_id}"
    elif round_ is not None:
        part = f"round-{round_.id}"
    return values_of(
        [
            ("source", item.source.value),
            ("author", item.author),
            ("received_on", item.received_on.isoformat()),
            ("application", item.application_id),
            ("part", part),
        ]
    )


def part_options(
    app: Application, now: datetime, linked: int | None = None
) -> list[tuple[str, str]]:
    """The rounds of a process, each followed by its interviews, as one list to pick from.

    Rounds go by id, as interviews do: a stage number shifts when an earlier round is
    deleted, and a page left open would then file the feedback under another round. An
    interview still to come is left out (nothing can have been heard about it yet), unless
    the feedback is about it already (``linked``): the list must show what is stored.
    """
    options = []
    for r in app.ordered_rounds:
        options.append((f"round-{r.id}", f"Round {r.position}: {r.name}"))
        options += [
            (f"interview-{i.id}", f"— {i.title}")
            for i in r.sorted_interviews
            if i.has_happened(now, r.started_on) or i.id == linked
        ]
    return options


#: Where a refused edit's message goes: the add form's fields, with one list for the part.
EDIT_ERRORS = tuple(
    ("part" if field in ("round", "interview") else field, pattern)
    for field, pattern in jf.FEEDBACK_ERRORS
)


@dataclass(frozen=True)
class Correction:
    """The edit form read: the changes, and a note when a choice could not be kept."""

    changes: FeedbackChanges
    note: str | None = None


def read_changes(form: FormReader, item: Feedback) -> Correction:
    """The edit form as changes: every field is sent, so each one is set as shown.

    The round or interview on offer are those of the process the feedback is about now.
    Moved to another application, it is about that whole process until its round is picked.
    """
    source = form.choice("source", FeedbackSource, default=item.source)
    received_on = form.date("received_on", "date you received it", required=True)
    app_id = form.integer("application", "the application")
    kind, _, number = form.raw("part").strip().partition("-")
    if kind not in ("", "round", "interview") or (kind and not number.isdigit()):
        form.fail("part", f"{form.raw('part')!r} is not a round or an interview of the list")
        kind = ""
    note = None
    if kind and app_id != item.application_id:
        kind = ""
        if app_id is not None:
            note = "it is about that whole process now: pick its round or interview here"
    author = form.raw("author")
    if app_id is None:
        return Correction(FeedbackChanges(source, received_on, author, unlink=True), note)
    round_id = int(number) if kind == "round" else None
    interview_id = int(number) if kind == "interview" else None
    links = _links(app_id, round_id, interview_id)
    return Correction(FeedbackChanges(source, received_on, author, links=links), note)


@dataclass(frozen=True)
class FeedbackEntry:
    """A previewed draft: each statement's picker, as suggested or as the user set it."""

    preview: FeedbackPreview
    judgements: list[Judgement]
    error: str | None = None

    @classmethod
    def suggested(cls, preview: FeedbackPreview) -> FeedbackEntry:
        """The preview as the mapper filled it in: the top competency ticked."""
        return cls(
            preview,
            [
                Judgement.suggested(
                    prefix(n),
                    s.text,
                    s.matches,
                    confident_pick(s.matches),
                    s.polarity,
                    s.cues,
                )
                for n, s in enumerate(preview.statements, start=1)
            ],
        )

    def with_choices(
        self, submitted: Sequence[Judgement], error: str | None = None
    ) -> FeedbackEntry:
        """The user's choices laid over a fresh preview, where the statement is unchanged."""
        by_text = {j.prefix: j for j in submitted}
        merged = []
        for fresh in self.judgements:
            mine = by_text.get(fresh.prefix)
            if mine is not None and " ".join(mine.text.split()) == " ".join(fresh.text.split()):
                fresh = replace(  # noqa: PLW2901 - the fresh picker, with the user's choices
                    fresh,
                    chosen=mine.chosen,
                    other=mine.other,
                    none=mine.none,
                    polarity=mine.polarity,
                    error=mine.error,
                )
            merged.append(fresh)
        return replace(self, judgements=merged, error=error)


def read_judgements(data: ImmutableMultiDict[str, Any], preview_framework: Any) -> list[Judgement]:
    """Each previewed statement's picker as submitted, checked against the framework.

    A statement left without a pick (its suggestions were too weak to tick) waits for review,
    whichever button saved: refusing the save over it would hold back every other verdict.
    """
    raw = str(data.get(COUNT_FIELD, "") or "0")
    count = int(raw) if raw.isdigit() else 0
    judged = []
    for n in range(1, min(count, 200) + 1):
        text = str(data.get(f"{prefix(n)}text", "") or "")
        blank = Judgement(prefix(n), text, (), (), "neutral")
        judged.append(blank.read(data, preview_framework, need_pick=False))
    return judged


def verdicts(judgements: Sequence[Judgement]) -> list[Verdict]:
    """The user's verdicts, for the save."""
    return [
        Verdict(n, j.text, tuple(j.competencies), j.verdict_polarity, j.decided, j.none)
        for n, j in enumerate(judgements, start=1)
    ]


def overlap_message(said: Overlap, new_id: int) -> str:
    """What a save of a near copy adds: which statements wait, and what to do about it."""
    note = said.note() or ""
    count = len(said.left_out)
    those = "that statement waits" if count == 1 else f"those {count} statements wait"
    them = it_or_them(count)
    meant = "it is meant" if count == 1 else "each one is meant"
    undo = (
        f"If you saved it twice by mistake, delete this one (feedback {new_id}) under “Delete "
        f"it” on its page; if it is new feedback, review {them} there to count {them}."
        if said.elsewhere
        else f"Review {them} there if {meant} to count."
    )
    return (
        f"Note: {note}, so {those} unconfirmed in Feedback and your profile counts the "
        f"words once. {undo}"
    )


def copy_found_message(earlier: list[Feedback], feedback_id: int) -> str:
    """What splitting stored feedback says when it turns out to be a copy of earlier feedback."""
    return (
        f"Note: {copy_note(earlier)}, so its statements wait unconfirmed in Feedback and your "
        f"profile counts the words once. If you saved it twice by mistake, delete this one "
        f"(feedback {feedback_id}) under “Delete it”; if it is about this process too, review "
        "its statements to count them."
    )
