"""What deleting a whole application takes with it, counted for the question asked first."""

from __future__ import annotations

from dataclasses import dataclass, field

from nextround.domain.journey import Application
from nextround.domain.plan_erasure import Erased, rests_on
from nextround.services.erasure import debriefs_erased, erase, plan_forgets, statements_erased
from nextround.services.invite_memory import forget_interviews
from nextround.services.ports import FullUnitOfWork


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


@dataclass(frozen=True)
class ApplicationRemoval:
    """An application to delete: how much of each kind of record goes, and what stays."""

    application: Application
    rounds: int
    interviews: int
    debriefs: int
    decisions: int
    feedback: int
    statements: int
    confirmed: int
    notes: int
    sent_notes: int
    rated: bool
    #: Open growth-plan actions built from its records: they go with it.
    plan_actions: int
    #: People on the application: they stay, no longer tied to it.
    contacts: int
    #: Whether a feedback request is among the notes.
    any_request: bool = False
    #: Done growth-plan actions that cite or quote its records: kept, without its words.
    done_actions: int = 0
    #: Its records as the plan and the embedding cache know them.
    erased: Erased = field(default_factory=Erased)

    @property
    def label(self) -> str:
        """The application as the user knows it, e.g. "TPM at Tempoline"."""
        return f"{self.application.role_title} at {self.application.company}"

    @property
    def losses(self) -> list[str]:
        """Each kind of record that goes with it, counted ("2 rounds", "its Option A rating")."""
        parts = []
        for n, one in (
            (self.rounds, "round"),
            (self.interviews, "interview"),
            (self.debriefs, "debrief"),
            (self.decisions, "decision"),
        ):
            if n:
                parts.append(_count(n, one))
        if self.feedback:
            said = _count(self.feedback, "feedback item")
            if self.statements:
                said += f" with {_count(self.statements, 'statement')}"
                if self.confirmed:
                    said += f" ({self.confirmed} confirmed)"
            parts.append(said)
        if self.notes:
            sent = f" ({self.sent_notes} sent)" if self.sent_notes else ""
            # "thank-you note" while every note thanks; a feedback request is a note too.
            noun = "note" if self.any_request else "thank-you note"
            parts.append(_count(self.notes, noun) + sent)
        if self.rated:
            parts.append("its Option A rating")
        return parts

    @property
    def summary(self) -> str:
        """The application and everything that goes with it, in one phrase."""
        losses = self.losses
        if not losses:
            return self.label
        listed = losses[0] if len(losses) == 1 else f"{', '.join(losses[:-1])} and {losses[-1]}"
        return f"{self.label} with {listed}"

    @property
    def kept(self) -> str:
        """What happens to the rest, in sentences ("" when nothing else changes)."""
        notes = []
        if self.contacts:
            verb = "stays" if self.contacts == 1 else "stay"
            notes.append(
                f"{_count(self.contacts, 'person', 'people')} on it {verb} in your contacts."
            )
        if self.plan_actions or self.done_actions:
            notes.append(plan_forgets(self.plan_actions, self.done_actions))
        elif self.statements or self.debriefs:
            notes.append("Your profile and growth plan no longer count its evidence.")
        return " ".join(notes)


def application_removal(uow: FullUnitOfWork, app_id: int) -> ApplicationRemoval:
    """What deleting an application would take and keep, for a confirmation; changes nothing."""
    app = uow.applications.get(app_id)
    interview_ids = {i.id for r in app.rounds for i in r.interviews if i.id is not None}
    debriefs = uow.debriefs.for_interviews(interview_ids)
    feedback = uow.feedback.list(app_id)
    statements = [
        s
        for group in uow.statements.for_feedback_items(
            [f.id for f in feedback if f.id is not None]
        ).values()
        for s in group
    ]
    notes = uow.notes.list(app_id)
    # Every framework's reading of its feedback: the plans of the others quote them too.
    erased = (
        statements_erased(uow.statements.all_readings([f.id for f in feedback if f.id]))
        | debriefs_erased(debriefs.values())
        | Erased(
            rounds=frozenset(r.id for r in app.rounds if r.id is not None),
            texts=tuple(d.reason for d in app.decisions if d.reason),
        )
    )
    actions = [a for f in uow.plan.framework_ids() for a in uow.plan.on_framework(f)]
    resting = [a for a in actions if rests_on(a, erased)]
    return ApplicationRemoval(
        application=app,
        rounds=len(app.rounds),
        interviews=len(interview_ids),
        debriefs=len(debriefs),
        decisions=len(app.decisions),
        feedback=len(feedback),
        statements=len(statements),
        confirmed=sum(1 for s in statements if s.confirmed),
        notes=len(notes),
        sent_notes=sum(1 for n in notes if n.sent_on is not None),
        any_request=any(n.is_feedback_request for n in notes),
        rated=uow.option_ratings.get(app_id) is not None,
        plan_actions=sum(1 for a in resting if not a.done),
        contacts=len(uow.contacts.list(app_id)),
        done_actions=sum(1 for a in resting if a.done),
        erased=erased,
    )


def delete_application(uow: FullUnitOfWork, app_id: int) -> ApplicationRemoval:
    """Delete an application with all it holds, and what the plan and the cache made of it.

    Its rounds, interviews, debriefs, decisions, feedback and notes go (see
    remove_application); open plan actions built from them go, done ones lose their quotes
    of them (see domain.plan_erasure), and cached vectors of its texts that nothing else
    uses are dropped.
    """
    removal = application_removal(uow, app_id)
    app = removal.application
    gone = [i.id for r in app.rounds for i in r.interviews if i.id is not None]
    uow.applications.delete(app)
    uow.flush()
    erase(uow, removal.erased)
    forget_interviews(uow, gone)
    uow.commit()
    return removal
