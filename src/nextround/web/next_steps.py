"""What the application page shows around a process: the Option A check, the note, the report."""

from __future__ import annotations

from dataclasses import dataclass

from nextround.domain.notes import Note
from nextround.domain.offer_deadline import AnswerDue
from nextround.domain.option_ranking import Assessment
from nextround.services.feedback_request import FeedbackRequestDraft, draft_request, worth_asking
from nextround.services.notes import list_notes
from nextround.services.options import OfferCheck, assess_application, offer_check
from nextround.services.other_offers import acceptance, answer_clashes, with_acceptance
from nextround.services.ports import FullUnitOfWork


@dataclass(frozen=True)
class NextSteps:
    """The offer warning (if any), the Option A assessment (if rated) and the latest note."""

    offer: OfferCheck | None
    assessment: Assessment | None
    note: Note | None
    #: The pending offer's answer-by reminder (declining first once another is accepted).
    answer_due: AnswerDue | None = None
    #: Said once when that answer is due before another process's next interview.
    answer_before: str | None = None
    #: A request for feedback, while asking is timely after a "no" that came without any.
    feedback_request: FeedbackRequestDraft | None = None
    #: The feedback request kept as a note, if one is (shown instead of a second "Keep").
    kept_request: Note | None = None


def next_steps(uow: FullUnitOfWork, app_id: int) -> NextSteps:
    """Read what the side panel needs; the same offer check the CLI prints after a decision."""
    rated = uow.option_ratings.get(app_id) is not None
    kept = [item.note for item in list_notes(uow, app_id)]
    notes = [n for n in kept if not n.is_feedback_request]
    sent = [n for n in notes if n.sent_on is not None]
    app = uow.applications.get(app_id)
    decision = app.current_decision
    due = decision.answer_due(uow.today(), app.company) if decision else None
    clashes = answer_clashes(uow, app_id) if due else []
    return NextSteps(
        offer=offer_check(uow, app_id),
        assessment=assess_application(uow, app_id) if rated else None,
        note=(sent or notes)[-1] if notes else None,
        # Another accepted offer matters only to a pending one's reminder: reading every
        # application's facts on each page would slow the page on a long search.
        answer_due=with_acceptance(due, acceptance(uow), app.applied_on) if due else None,
        answer_before=clashes[0] if clashes else None,
        feedback_request=draft_request(uow, app_id) if worth_asking(uow, app) else None,
        kept_request=next((n for n in kept if n.is_feedback_request), None),
    )
