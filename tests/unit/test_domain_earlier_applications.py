"""The "Earlier at COMPANY" summary: which applications are earlier, how each ended."""

from __future__ import annotations

from datetime import date

from nextround.domain.competency import Competency, Framework, Polarity
from nextround.domain.contacts import Contact, ContactRole
from nextround.domain.earlier_applications import (
    EarlierApplication,
    applied_before_note,
    earlier_at_company,
    last_time_line,
    summary_lines,
    what_they_said,
)
from nextround.domain.evidence import Evidence
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import Application, Decision, Outcome, Status

FRAMEWORK = Framework(
    "pm",
    "PM",
    (
        Competency("stakeholder-management", "Stakeholder management", "d"),
        Competency("data-informed-decisions", "Data-informed decision making", "d"),
        Competency("communication", "Communication", "d"),
    ),
)


def _app(app_id: int, company: str, role: str, applied: date) -> Application:
    return Application(company=company, role_title=role, applied_on=applied, id=app_id)


def _said(competency: str, polarity: Polarity, **fields: object) -> Evidence:
    values: dict[str, object] = {
        "competency_id": competency,
        "polarity": polarity,
        "source": FeedbackSource.RECRUITER,
        "observed_on": date(2025, 4, 16),
        "confirmed": True,
    }
    values.update(fields)
    return Evidence(**values)  # type: ignore[arg-type]


def test_an_earlier_application_at_the_same_company_is_summed_up() -> None:
    first = _app(1, "Larkspur Bank", "Senior Product Manager", date(2025, 3, 3))
    first.decisions.append(
        Decision(
            Outcome.REJECTION,
            date(2025, 4, 15),
            finalists=3,
            reason="stakeholder management and data",
        )
    )
    again = _app(13, "larkspur  bank", "Group Product Manager", date(2026, 8, 10))
    elsewhere = _app(2, "Fennick Health", "Product Manager", date(2025, 3, 5))
    evidence = {
        1: [
            _said("stakeholder-management", Polarity.GAP),
            _said("data-informed-decisions", Polarity.GAP),
            _said("communication", Polarity.STRENGTH),
            # His own view is not what the company said.
            _said("communication", Polarity.GAP, source=FeedbackSource.SELF, self_rating=2),
        ]
    }
    priya = Contact("Priya Shah", ContactRole.INTERVIEWER, "Larkspur Bank", "Head of Product",
                    application_id=1, id=1)  # fmt: skip
    owen = Contact("Owen Hart", ContactRole.INTERVIEWER, "Larkspur Bank", application_id=1, id=2)
    contacts = {
        1: [priya, owen],
        13: [Contact("priya shah", ContactRole.INTERVIEWER, "Larkspur Bank", id=5)],
    }

    found = earlier_at_company(again, [first, elsewhere, again], evidence, contacts, FRAMEWORK)

    assert [e.id for e in found] == [1]
    item = found[0]
    assert item.status is Status.REJECTED
    assert item.gaps == ["Data-informed decision making", "Stakeholder management"]
    assert item.strengths == ["Communication"]
    assert [(p.name, p.met_again) for p in item.people] == [
        ("Priya Shah", True),
        ("Owen Hart", False),
    ]
    lines = summary_lines(item)
    assert "rejected on 2025-04-15, one of 3 finalists" in lines[0]
    assert "stakeholder management and data" in lines[0]
    assert lines[-1] == "You met: Priya Shah (Head of Product) — met again this time, Owen Hart."


def test_a_later_application_is_not_earlier() -> None:
    first = _app(1, "Larkspur Bank", "Senior Product Manager", date(2025, 3, 3))
    later = _app(13, "Larkspur Bank", "Group Product Manager", date(2026, 8, 10))
    assert earlier_at_company(first, [first, later], {}, {}, FRAMEWORK) == []


def test_unsure_guesses_and_ties_name_nothing() -> None:
    pieces = [
        _said("communication", Polarity.GAP, confirmed=False, confidence=0.3),
        _said("stakeholder-management", Polarity.GAP),
        _said("stakeholder-management", Polarity.STRENGTH),
    ]
    assert what_they_said(pieces, FRAMEWORK) == ([], [])


def test_the_add_note_names_the_latest_earlier_application() -> None:
    first = _app(1, "Larkspur Bank", "Senior Product Manager", date(2025, 3, 3))
    first.decisions.append(Decision(Outcome.REJECTION, date(2025, 4, 15)))
    again = _app(13, "Larkspur Bank", "Group Product Manager", date(2026, 8, 10))
    found = earlier_at_company(again, [first], {}, {}, FRAMEWORK)
    assert applied_before_note(found) == (
        "You applied to Larkspur Bank before: Senior Product Manager, rejected Apr 2025 — "
        "see `nextround app show 1`"
    )
    assert applied_before_note([]) is None


def _larkspur(gaps: list[str], strengths: list[str] | None = None) -> EarlierApplication:
    return EarlierApplication(
        id=1,
        company="Larkspur Bank",
        role_title="Senior Product Manager",
        applied_on=date(2025, 3, 3),
        status=Status.REJECTED,
        decided_on=date(2025, 4, 15),
        gaps=gaps,
        strengths=strengths or [],
    )


GAPS = ["Stakeholder management", "Data-informed decision making"]


def test_the_week_names_the_gaps_a_company_named_and_that_both_are_strengths_since() -> None:
    since = [
        _said("stakeholder-management", Polarity.STRENGTH, observed_on=date(2025, 12, 1)),
        _said("data-informed-decisions", Polarity.STRENGTH, observed_on=date(2026, 10, 2)),
    ]
    assert last_time_line([_larkspur(GAPS)], since, FRAMEWORK) == (
        "Larkspur Bank named stakeholder management and data-informed decision making as "
        "gaps in Apr 2025; both have been called strengths since."
    )


def test_only_the_gaps_others_call_strengths_since_are_said_to_have_turned() -> None:
    since = [
        _said("stakeholder-management", Polarity.STRENGTH),
        _said("data-informed-decisions", Polarity.STRENGTH),
        # Two gaps outweigh one strength: not called a strength since.
        _said("data-informed-decisions", Polarity.GAP),
        _said("data-informed-decisions", Polarity.GAP, source=FeedbackSource.INTERVIEWER),
        # His own view is not what others say.
        _said("communication", Polarity.STRENGTH, source=FeedbackSource.SELF, self_rating=5),
    ]
    line = last_time_line([_larkspur(GAPS, ["Communication"])], since, FRAMEWORK)
    assert line == (
        "Larkspur Bank named stakeholder management and data-informed decision making as "
        "gaps and communication as a strength in Apr 2025; stakeholder management has been "
        "called a strength since."
    )


def test_with_nothing_since_it_says_what_the_latest_process_that_named_anything_said() -> None:
    named = _larkspur(["Stakeholder management"])
    silent = EarlierApplication(
        id=7,
        company="Larkspur Bank",
        role_title="Product Lead",
        applied_on=date(2025, 9, 1),
        status=Status.WITHDRAWN,
    )
    assert last_time_line([named, silent], [], FRAMEWORK) == (
        "Larkspur Bank named stakeholder management as a gap in Apr 2025."
    )
    assert last_time_line([silent], [], FRAMEWORK) is None
    assert last_time_line([], [], FRAMEWORK) is None
