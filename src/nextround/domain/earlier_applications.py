"""Earlier applications at the same company: how each ended, what it said, who was met."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from nextround.domain.competency import Framework, Polarity
from nextround.domain.contacts import Contact
from nextround.domain.counts import joined
from nextround.domain.evidence import Evidence
from nextround.domain.journey import Application, Status


def company_key(company: str) -> str:
    """A company name as two applications compare it: case and spacing aside.

    The rule `app add --if-new` and the same-role note use (application_names.same_role).
    """
    return " ".join(company.casefold().split())


def person_key(name: str, company: str | None) -> tuple[str, str]:
    """One person across processes: the same name at the same company (case and spacing aside).

    Two records sharing only a name may be two people; with the company too, they are taken
    for one person met twice, never merged but pointed at each other.
    """
    return " ".join(name.casefold().split()), company_key(company or "")


@dataclass(frozen=True)
class Person:
    """Someone met in an earlier process."""

    contact_id: int | None
    name: str
    title: str | None = None
    #: Whether the current application has a contact of the same name (met again).
    met_again: bool = False

    @property
    def label(self) -> str:
        """'Priya Shah (Head of Product)'."""
        return f"{self.name} ({self.title})" if self.title else self.name


@dataclass(frozen=True)
class EarlierApplication:
    """One earlier application at the company, summed up for the one applying again."""

    id: int
    company: str
    role_title: str
    applied_on: date
    status: Status
    decided_on: date | None = None
    reason: str | None = None
    finalists: int | None = None
    #: Competency names the feedback of that process called gaps / strengths, most said first.
    gaps: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)

    @property
    def ended(self) -> str:
        """'rejected on 2025-04-15, one of 3 finalists: stakeholder management and data'."""
        text = self.status.value.replace("_", " ")
        if self.status.is_open:
            return f"still {text}"
        if self.decided_on is not None:
            text += f" on {self.decided_on.isoformat()}"
        if self.finalists and self.finalists > 1:
            text += f", one of {self.finalists} finalists"
        if self.reason:
            text += f" (reason: {self.reason})"
        return text

    def to_json(self) -> dict[str, object]:
        """The JSON form (`app show --json`, `timeline --json`)."""
        return {
            "id": self.id,
            "role_title": self.role_title,
            "applied_on": self.applied_on.isoformat(),
            "status": self.status.value,
            "decided_on": self.decided_on.isoformat() if self.decided_on else None,
            "reason": self.reason,
            "finalists": self.finalists,
            "gaps": self.gaps,
            "strengths": self.strengths,
            "people": [
                {
                    "contact_id": p.contact_id,
                    "name": p.name,
                    "title": p.title,
                    "met_again": p.met_again,
                }
                for p in self.people
            ],
        }


#: At most this many competencies named per side: the section is a reminder, not a profile.
MOST_NAMED = 4


def earlier_than(app: Application, other: Application) -> bool:
    """Whether ``other`` is an earlier application at the same company than ``app``."""
    if other.id == app.id or company_key(other.company) != company_key(app.company):
        return False
    return (other.applied_on, other.id or 0) < (app.applied_on, app.id or 0)


def _lean(evidence: Sequence[Evidence]) -> dict[str, float]:
    """How others' trusted statements lean on each competency: above 0 strength, below gap."""
    lean: dict[str, float] = {}
    for piece in evidence:
        if not (piece.is_external and piece.trusted) or piece.polarity is Polarity.NEUTRAL:
            continue
        sign = 1.0 if piece.polarity is Polarity.STRENGTH else -1.0
        lean[piece.competency_id] = lean.get(piece.competency_id, 0.0) + sign * piece.confidence
    return lean


def what_they_said(
    evidence: Sequence[Evidence], framework: Framework
) -> tuple[list[str], list[str]]:
    """The competencies others' feedback in one process called gaps, and strengths.

    Self-ratings are left out (this is what the company said); a machine guess below the
    pattern confidence is left out unless confirmed. Each competency lands on the side its
    statements lean to, weighed by confidence; a tie is named on neither.
    """
    lean = _lean(evidence)

    def named(ids: list[str]) -> list[str]:
        found = (framework.competency(i) for i in ids)
        return [c.name for c in found if c is not None][:MOST_NAMED]

    gaps = sorted((i for i, v in lean.items() if v < 0), key=lambda i: (lean[i], i))
    strengths = sorted((i for i, v in lean.items() if v > 0), key=lambda i: (-lean[i], i))
    return named(gaps), named(strengths)


def earlier_at_company(
    app: Application,
    others: Sequence[Application],
    evidence: Mapping[int, Sequence[Evidence]],
    contacts: Mapping[int, Sequence[Contact]],
    framework: Framework,
) -> list[EarlierApplication]:
    """Each earlier application at ``app``'s company, oldest first, summed up.

    ``evidence`` and ``contacts`` are by application id; ``contacts`` also holds ``app``'s
    own, to say who is met again.
    """
    assert app.id is not None
    here = {person_key(c.name, c.company or app.company) for c in contacts.get(app.id, ())}
    for round_ in app.rounds:
        for interview in round_.interviews:
            here |= {person_key(p.name, app.company) for p in interview.interviewers}
    found: list[EarlierApplication] = []
    for other in sorted(others, key=lambda o: (o.applied_on, o.id or 0)):
        if other.id is None or not earlier_than(app, other):
            continue
        gaps, strengths = what_they_said(evidence.get(other.id, ()), framework)
        decision = other.current_decision
        people = [
            Person(
                c.id,
                c.name,
                c.title,
                person_key(c.name, c.company or other.company) in here,
            )
            for c in contacts.get(other.id, ())
        ]
        found.append(
            EarlierApplication(
                id=other.id,
                company=other.company,
                role_title=other.role_title,
                applied_on=other.applied_on,
                status=other.status,
                decided_on=decision.known_day if decision else None,
                reason=decision.reason if decision else None,
                finalists=decision.finalists if decision else None,
                gaps=gaps,
                strengths=strengths,
                people=people,
            )
        )
    return found


def summary_lines(earlier: EarlierApplication) -> list[str]:
    """The lines that describe one earlier application, in plain words (terminal, report)."""
    lines = [
        f"{earlier.role_title} (application {earlier.id}), applied "
        f"{earlier.applied_on.isoformat()}: {earlier.ended}."
    ]
    if earlier.gaps:
        lines.append(f"Their feedback named as gaps: {', '.join(earlier.gaps)}.")
    if earlier.strengths:
        lines.append(f"As strengths: {', '.join(earlier.strengths)}.")
    if earlier.people:
        met = ", ".join(p.label + (" — met again this time" if p.met_again else "")
                        for p in earlier.people)  # fmt: skip
        lines.append(f"You met: {met}.")
    return lines


def applied_before_note(
    earlier: Sequence[EarlierApplication], see: str | None = None
) -> str | None:
    """'You applied to Larkspur Bank before: Senior PM, rejected Apr 2025 — see app show 1'.

    For `app add`: the latest earlier application, and how many more there are, the company
    named as it was then. ``see`` replaces the command to read more (the web points at the
    page's section).
    """
    if not earlier:
        return None
    last = earlier[-1]
    if last.status.is_open:
        ended, when = "still open, applied", last.applied_on
    else:
        ended, when = last.status.value.replace("_", " "), last.decided_on or last.applied_on
    see = see or f"see `nextround app show {last.id}`"
    more = len(earlier) - 1
    also = f" (and {more} earlier)" if more else ""
    return (
        f"You applied to {last.company} before: {last.role_title}, {ended} "
        f"{when.strftime('%b %Y')}{also} — {see}"
    )


def _mid_sentence(name: str) -> str:
    # "Stakeholder management" reads "stakeholder management" mid-sentence; "SQL" stays.
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


def last_time_line(
    earlier: Sequence[EarlierApplication], since: Sequence[Evidence], framework: Framework
) -> str | None:
    """One line for the week before an interview at a company applied to before.

    'Larkspur Bank named stakeholder management and data-informed decision making as gaps
    in Apr 2025; both have been called strengths since.' What the latest earlier process
    that named anything said; ``since`` is the evidence observed after it ended, from any
    source, and says which of its gaps others have called strengths since. None when no
    earlier process named anything.
    """
    said = [e for e in earlier if e.gaps or e.strengths]
    if not said:
        return None
    last = said[-1]
    when = (last.decided_on or last.applied_on).strftime("%b %Y")
    gaps = [_mid_sentence(n) for n in last.gaps]
    strengths = [_mid_sentence(n) for n in last.strengths]
    parts = []
    if gaps:
        parts.append(f"{joined(gaps)} as {'a gap' if len(gaps) == 1 else 'gaps'}")
    if strengths:
        parts.append(
            f"{joined(strengths)} as {'a strength' if len(strengths) == 1 else 'strengths'}"
        )
    line = f"{last.company} named {' and '.join(parts)} in {when}"
    lean = _lean(since)
    by_name = {c.name: c.id for c in framework.competencies}
    turned = [n for n in last.gaps if lean.get(by_name.get(n, ""), 0.0) > 0]
    if not turned:
        return line + "."
    if len(turned) == len(last.gaps):
        who = {1: "it has", 2: "both have"}.get(len(turned), "all have")
        return (
            f"{line}; {who} been called {'a strength' if len(turned) == 1 else 'strengths'} since."
        )
    names = joined([_mid_sentence(n) for n in turned])
    verb = "has been called a strength" if len(turned) == 1 else "have been called strengths"
    return f"{line}; {names} {verb} since."
