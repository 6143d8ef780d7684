"""Naming an application in a list: what tells two for the same role apart, and the note."""

from __future__ import annotations

from datetime import date

from nextround.domain.application_names import (
    already_applied,
    listed_name,
    same_role,
    told_apart,
)
from nextround.domain.journey import Application, Decision, Outcome, Round, RoundKind, Status
from nextround.domain.option_ranking import Opportunity
from nextround.domain.pipeline import ApplicationFacts


def rejected() -> Application:
    app = Application("Tempoline", "Technical Program Manager", date(2026, 9, 1))
    app.rounds.append(Round("Screen", RoundKind.SCREEN, date(2026, 9, 10)))
    app.decisions.append(Decision(Outcome.REJECTION, date(2026, 9, 20)))
    return app


def test_an_application_is_told_apart_by_when_it_was_sent_and_where_it_stands():
    first = rejected()
    again = Application("Tempoline", "Technical Program Manager", date(2026, 11, 2))
    assert (
        listed_name(first) == "Tempoline — Technical Program Manager (applied 2026-09-01, rejected)"
    )
    # Nothing since it was sent: the date says it, "applied …, applied" would say it twice.
    assert listed_name(again) == "Tempoline — Technical Program Manager (applied 2026-11-02)"
    assert listed_name(first) != listed_name(again)
    assert told_apart(first, lambda d: f"{d.day} {d:%b %Y}") == "applied 1 Sep 2026, rejected"


def test_every_kind_of_listed_application_is_named_the_same_way():
    app = rejected()
    app.id = 7
    facts = ApplicationFacts.of(app)
    entry = Opportunity(7, app.company, app.role_title, Status.REJECTED, applied_on=app.applied_on)
    assert listed_name(app) == listed_name(facts) == listed_name(entry)
    # An entry that does not know its date still says where it stands.
    assert told_apart(Opportunity(7, "Tempoline", "TPM", Status.FINAL_ROUND)) == "final round"


def test_the_same_role_is_the_same_words_whatever_the_case_and_spacing():
    app = rejected()
    assert same_role(app, Application(" tempoline", "technical  program MANAGER", date(2026, 1, 1)))
    assert not same_role(app, Application("Tempoline", "Program Manager", date(2026, 1, 1)))
    assert not same_role(app, Application("Tempoline Labs", app.role_title, date(2026, 1, 1)))


def test_the_note_names_the_role_as_first_recorded_with_each_earlier_one():
    later = Application("Tempoline", "Technical Program Manager", date(2026, 10, 1))
    assert already_applied([rejected(), later]) == (
        "you already have Technical Program Manager at Tempoline "
        "(applied 2026-09-01, rejected; applied 2026-10-01)"
    )


def test_earlier_entries_nothing_tells_apart_are_described_once():
    def sent() -> Application:
        return Application("Stripe", "Software Engineer New Grad", date(2026, 10, 1))

    assert already_applied([sent(), sent()]) == (
        "you already have Software Engineer New Grad at Stripe (both applied 2026-10-01)"
    )
    assert already_applied([sent(), sent(), sent()]).endswith("(all 3 applied 2026-10-01)")
    assert already_applied([rejected(), sent(), sent()]).endswith(
        "(applied 2026-09-01, rejected; applied 2026-10-01 twice)"
    )
