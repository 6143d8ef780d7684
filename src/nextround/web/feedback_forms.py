"""The feedback form with its preview: the draft, its statements and the user's verdicts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from starlette.datastructures import ImmutableMultiDict

from nextround.domain.statements import confident_pick
from nextround.services.feedback import FeedbackLinks
from nextround.services.feedback_entry import FeedbackDraft, FeedbackPreview, Verdict
from nextround.web import journey_forms as jf
from nextround.web.forms import FormReader
from nextround.web.growth_forms import Judgement

#: The hidden field that says how many statements the preview showed.
COUNT_FIELD = "statements"


def prefix(position: int) -> str:
    """Field-name prefix of the n-th previewed statement (from 1)."""
    return f"s{position}-"


def read_draft(form: FormReader, app_id: int) -> FeedbackDraft:
    """The feedback fields as a draft tied to the application (and a round or interview)."""
    fields = jf.read_feedback(form)
    interview_id = fields["interview_id"]
    # An interview pins its round too, so a round is only passed on its own.
    links = FeedbackLinks(
        application_id=app_id,
        round_position=None if interview_id is not None else fields["round_position"],
        interview_id=interview_id,
    )
    return FeedbackDraft(
        text=fields["text"],
        source=fields["source"],
        received_on=fields["received_on"],
        author=fields["author"],
        links=links,
    )


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


def read_judgements(
    data: ImmutableMultiDict[str, Any], preview_framework: Any, *, need_pick: bool = True
) -> list[Judgement]:
    """Each previewed statement's picker as submitted, checked against the framework.

    Without ``need_pick`` (review the rest later), a statement left without a pick waits.
    """
    raw = str(data.get(COUNT_FIELD, "") or "0")
    count = int(raw) if raw.isdigit() else 0
    judged = []
    for n in range(1, min(count, 200) + 1):
        text = str(data.get(f"{prefix(n)}text", "") or "")
        blank = Judgement(prefix(n), text, (), (), "neutral")
        judged.append(blank.read(data, preview_framework, need_pick=need_pick))
    return judged


def verdicts(judgements: Sequence[Judgement]) -> list[Verdict]:
    """The user's verdicts, for the save."""
    return [
        Verdict(n, j.text, tuple(j.competencies), j.verdict_polarity, j.decided)
        for n, j in enumerate(judgements, start=1)
    ]
