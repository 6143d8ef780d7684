"""Who a thank-you note greets, who it thanks for the news, and why a part is missing."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from nextround.domain.competency import Polarity
from nextround.domain.contacts import ContactRole
from nextround.domain.debrief import Debrief
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import Interviewer, Outcome, RoundKind
from nextround.domain.statements import FeedbackStatement
from nextround.errors import DomainError
from nextround.services.applications import add_application
from nextround.services.contacts import (
    add_contact,
    already_on_record,
    edit_contact,
    namesakes,
    remove_contact,
)
from nextround.services.feedback import add_feedback
from nextround.services.note_drafting import NoteRequest, draft_notes
from nextround.services.note_recipients import note_people
from nextround.services.process import add_interview, add_round, edit_interview, set_decision
from tests.unit.fakes_full import FakeFullUnitOfWork


@pytest.fixture
def uow() -> FakeFullUnitOfWork:
    return FakeFullUnitOfWork()


def _as_recorded_before_interviewers_were_people(uow) -> None:
    """Take out the contacts the interviews made: a record from before they made any."""
    for contact in uow.contacts.list():
        remove_contact(uow, contact.id)


@pytest.fixture
def loop(uow):
    """A final loop: three interviews held, one still a week ahead, nobody added as a contact.

    As recorded before interviewers became contacts, so the names on the interviews are
    all the record has.
    """
    now = uow.clock_now
    with uow:
        app = add_application(
            uow, {"company": "Brindlewick", "role_title": "TPM", "applied_on": date(2026, 9, 1)}
        )
        add_round(
            uow,
            app.id,
            {"name": "Final loop", "kind": RoundKind.FINAL_LOOP, "started_on": date(2026, 10, 5)},
        )
        held = now - timedelta(days=30)
        for title, person in (
            ("Process flow exercise", "Quorra Adeyemi"),
            ("Hiring manager deep dive", "Meixiu Tanaka"),
        ):
            interview = add_interview(
                uow,
                app.id,
                None,
                {"title": title, "scheduled_at": held, "interviewers": [Interviewer(person)]},
            )
            if title.startswith("Hiring"):
                went_well = "Wave plan landed well."
                uow.debriefs.add(Debrief(interview_id=interview.id, overall=4, went_well=went_well))
        add_interview(
            uow,
            app.id,
            None,
            {
                "title": "Future chat",
                "scheduled_at": now + timedelta(days=7),
                "interviewers": [Interviewer("Tobiah Renwick")],
            },
        )
        uow.commit()
    with uow:
        _as_recorded_before_interviewers_were_people(uow)
    return app.id


def test_nobody_from_an_interview_still_ahead_is_greeted_or_offered(uow, loop):
    with uow:
        drafts = draft_notes(uow, NoteRequest(loop))
        assert [r.name for r in drafts.facts.recipients] == ["Quorra Adeyemi", "Meixiu Tanaka"]
        assert all("Tobiah" not in d.body for d in drafts.drafts)
        assert "Tobiah Renwick" not in [r.name for r in note_people(uow, loop)]
        with pytest.raises(DomainError, match="“Future chat”, which has not happened yet"):
            draft_notes(uow, NoteRequest(loop, to=("Tobiah",)))


def test_an_interviewer_contact_met_only_in_the_future_is_not_picked_by_default(uow, loop):
    with uow:
        add_contact(uow, "Tobiah Renwick", ContactRole.INTERVIEWER, application_id=loop)
        add_contact(uow, "Meixiu Tanaka", ContactRole.INTERVIEWER, application_id=loop)
        drafts = draft_notes(uow, NoteRequest(loop))
    # Who was in the loop: its interviewers held so far, Meixiu as her contact (with its id).
    people = [(r.name, r.contact_id is not None) for r in drafts.facts.recipients]
    assert people == [("Quorra Adeyemi", False), ("Meixiu Tanaka", True)]


def test_one_person_recorded_twice_is_greeted_and_addressed_once(uow, loop):
    with uow:
        first = add_contact(
            uow, "Meixiu Tanaka", ContactRole.HIRING_MANAGER, email="mt@b.b", application_id=loop
        )
        second = add_contact(
            uow, "meixiu  TANAKA", ContactRole.HIRING_MANAGER, email="MT@b.b", application_id=loop
        )
        drafts = draft_notes(uow, NoteRequest(loop))
        assert [r.contact_id for r in drafts.facts.recipients] == [None, first.id]
        assert drafts.draft(1).body.startswith("Dear Quorra and Meixiu,\n")
        # Picked by hand twice over, by id and by the other record's id: still once.
        picked = draft_notes(uow, NoteRequest(loop, to=(str(first.id), str(second.id))))
        assert len(picked.facts.recipients) == 1
        # Adding the second one said so.
        assert namesakes(uow, second) == [first]
        assert already_on_record([first], second) == (
            f"meixiu  TANAKA was on this application already (contact {first.id})"
        )


def test_two_people_of_one_name_with_different_addresses_are_both_kept(uow, loop):
    with uow:
        one = add_contact(
            uow, "Sam Okafor", ContactRole.RECRUITER, email="sam@a.test", application_id=loop
        )
        two = add_contact(
            uow, "Sam Okafor", ContactRole.HIRING_MANAGER, email="sam@b.test", application_id=loop
        )
        drafts = draft_notes(uow, NoteRequest(loop, to=(str(one.id), str(two.id))))
    assert len(drafts.facts.recipients) == 2


def test_a_person_listed_twice_in_one_interview_is_refused_and_nothing_changes(uow, loop):
    with uow:
        interview = uow.applications.get(loop).ordered_rounds[0].sorted_interviews[0]
        with pytest.raises(DomainError, match="Quorra Adeyemi is listed twice"):
            edit_interview(
                uow,
                interview.id,
                {"interviewers": [Interviewer("Quorra Adeyemi"), Interviewer("quorra adeyemi")]},
            )
        uow.rollback()
        kept = uow.applications.get(loop).ordered_rounds[0].sorted_interviews[0]
        assert [p.name for p in kept.interviewers] == ["Quorra Adeyemi"]


def test_someone_named_by_hand_who_was_not_in_the_round_is_questioned_not_refused(uow, loop):
    with uow:
        recruiter = add_contact(uow, "Maya Lindqvist", ContactRole.RECRUITER, application_id=loop)
        drafts = draft_notes(uow, NoteRequest(loop, to=("Maya", "Meixiu")))
        # Drafted all the same: the person may know better than the record.
        assert [r.name for r in drafts.facts.recipients] == ["Maya Lindqvist", "Meixiu Tanaka"]
        caution = drafts.not_there
        assert caution is not None
        assert caution.text == (
            "Maya Lindqvist was not in the final loop (round 1), which this note thanks them "
            "for; in it on record: Quorra Adeyemi and Meixiu Tanaka"
        )
        assert caution.for_cli().endswith(
            "; check --to, or pick the round they were in with --round N"
        )
        assert caution.for_web().endswith(
            "; check who is ticked under “To”, or pick the round they were in"
        )
        # By contact id too; and nobody questioned when all were there.
        by_id = draft_notes(uow, NoteRequest(loop, to=(str(recruiter.id),)))
        assert by_id.not_there is not None and by_id.not_there.text.startswith("Maya Lindqvist was")
        assert draft_notes(uow, NoteRequest(loop, to=("Quorra", "Meixiu"))).not_there is None
        # The default recipients are who was there: nothing to question.
        assert draft_notes(uow, NoteRequest(loop)).not_there is None


def test_a_note_on_the_whole_process_questions_nobody(uow, loop):
    with uow:
        _call_off_the_future_chat(uow, loop)
        set_decision(uow, loop, Outcome.REJECTION, DECIDED_ON)
        add_contact(uow, "Maya Lindqvist", ContactRole.RECRUITER, application_id=loop)
        drafts = draft_notes(uow, NoteRequest(loop, to=("Maya",)))
    # After a rejection the note thanks for the whole process, which the recruiter ran.
    assert drafts.not_there is None


#: After the interviews held (2026-10-26); the one still ahead is called off first.
DECIDED_ON = date(2026, 11, 20)


def _call_off_the_future_chat(uow, app_id) -> None:
    """A decision cannot close a process before an interview still to come."""
    from nextround.services.process_removal import remove_interview

    ahead = uow.applications.get(app_id).ordered_rounds[0].sorted_interviews[-1]
    assert ahead.title == "Future chat"
    remove_interview(uow, ahead.id)


def _reject_with_feedback(uow, app_id, *, author: str, confirmed: bool) -> None:
    _call_off_the_future_chat(uow, app_id)
    item = add_feedback(
        uow,
        "Your systems thinking did not come through.",
        FeedbackSource.RECRUITER,
        received_on=DECIDED_ON,
        author=author,
        application_id=app_id,
    )
    set_decision(uow, app_id, Outcome.REJECTION, DECIDED_ON)
    statement = FeedbackStatement(
        item.id, 1, "Your systems thinking did not come through.", 0, 44, "nextround-core",
        polarity=Polarity.GAP, competencies=["systems-thinking"], confirmed=confirmed,
    )  # fmt: skip
    uow.statements.add(statement)
    uow.commit()


def test_only_whoever_told_the_outcome_is_thanked_for_it(uow, loop):
    with uow:
        _reject_with_feedback(uow, loop, author="Maya Lindqvist", confirmed=True)
        interviewers = draft_notes(uow, NoteRequest(loop, to=("Quorra", "Meixiu"))).draft(2).body
        assert "letting me know the outcome" not in interviewers
        assert "Thank you for all the time you gave me in the TPM process" in interviewers
        add_contact(uow, "Maya Lindqvist", ContactRole.TALENT_ACQUISITION, application_id=loop)
        both = draft_notes(uow, NoteRequest(loop, to=("Maya", "Meixiu"))).draft(2).body
        assert "and to Maya for letting me know the outcome." in both
        maya = draft_notes(uow, NoteRequest(loop, to=("Maya",))).draft(2).body
        assert "Thank you for letting me know the outcome, and for all the time" in maya


def test_with_no_feedback_after_the_decision_the_recruiter_told_the_outcome(uow, loop):
    with uow:
        _call_off_the_future_chat(uow, loop)
        set_decision(uow, loop, Outcome.REJECTION, DECIDED_ON)
        add_contact(uow, "Maya Lindqvist", ContactRole.RECRUITER, application_id=loop)
        uow.commit()
        body = draft_notes(uow, NoteRequest(loop, to=("Maya", "Quorra"))).draft(2).body
    assert "and to Maya for letting me know the outcome." in body


def test_the_moment_comes_from_what_went_well(uow, loop):
    with uow:
        drafts = draft_notes(uow, NoteRequest(loop, to=("Meixiu",)))
    assert drafts.draft(1).moment is not None and drafts.draft(1).moment.text == "the wave plan"
    assert "our conversation about the wave plan" in drafts.draft(1).body
    assert all("Hiring manager deep dive" not in d.body for d in drafts.drafts)


def test_the_hint_names_the_missing_author_not_an_unneeded_review(uow, loop):
    with uow:
        _reject_with_feedback(uow, loop, author="Maya Lindqvist", confirmed=True)
        drafts = draft_notes(uow, NoteRequest(loop, to=("Meixiu",)))
    assert all(d.learning is None for d in drafts.drafts)
    missing = drafts.draft(1).missing_learning
    assert missing is not None
    assert missing.for_web() == (
        "the confirmed feedback came from Maya Lindqvist, who is not among the recipients; "
        "a note thanks only the people who said it; add Maya Lindqvist under “To” to "
        "include it"
    )
    assert missing.for_cli().endswith('; to include it, add --to "Maya Lindqvist"')


def test_the_hint_asks_for_a_review_only_when_one_is_missing(uow, loop):
    with uow:
        _reject_with_feedback(uow, loop, author="Maya Lindqvist", confirmed=False)
        drafts = draft_notes(uow, NoteRequest(loop, to=("Meixiu",)))
    missing = drafts.draft(1).missing_learning
    assert missing is not None and missing.text == (
        "1 piece of feedback still waits for your review; confirm its statements to add one"
    )


def test_the_hint_says_the_recipients_were_in_no_interview_on_record(uow, loop):
    with uow:
        add_contact(uow, "Maya Lindqvist", ContactRole.RECRUITER, application_id=loop)
        # The recruiter was in no interview of the loop, so she is not picked unless asked for.
        assert "Maya Lindqvist" not in [
            r.name for r in draft_notes(uow, NoteRequest(loop)).facts.recipients
        ]
        drafts = draft_notes(uow, NoteRequest(loop, to=("Maya",)))
    assert drafts.draft(1).moment is None
    assert drafts.draft(1).missing_moment is not None
    assert drafts.draft(1).missing_moment.text.startswith(
        "Maya Lindqvist sat in none of the interviews on record"
    )


def test_after_a_decision_the_note_goes_to_the_recruiter_and_hiring_manager_the_record_shows(
    uow, loop
):
    # QA7: with every person added as an interviewer, the note went to the whole final loop.
    with uow:
        add_round(
            uow,
            loop,
            {"name": "Recruiter screen", "kind": RoundKind.SCREEN, "started_on": date(2026, 9, 5)},
        )
        add_round(
            uow,
            loop,
            {
                "name": "Hiring manager",
                "kind": RoundKind.HIRING_MANAGER,
                "started_on": date(2026, 9, 15),
            },
        )
        rounds = {r.name: r for r in uow.applications.get(loop).ordered_rounds}
        for name, person in (
            ("Recruiter screen", "Lucía Ferrer"),
            ("Hiring manager", "Dev Malhotra"),
        ):
            held = datetime.combine(rounds[name].started_on, time(10), UTC)
            add_interview(
                uow,
                loop,
                rounds[name].position,
                {
                    "title": f"With {person}",
                    "scheduled_at": held,
                    "interviewers": [Interviewer(person)],
                },
            )
        _reject_with_feedback(uow, loop, author="Lucía Ferrer", confirmed=True)
        drafts = draft_notes(uow, NoteRequest(loop))
    assert [r.name for r in drafts.facts.recipients] == ["Lucía Ferrer", "Dev Malhotra"]
    assert drafts.draft(1).body.startswith("Dear Lucía and Dev,")
    said = drafts.addressed.for_cli() if drafts.addressed else ""
    assert said.startswith(
        f"no contact of application {loop} is on record as its recruiter or hiring manager, so "
        "this note goes to Lucía Ferrer as the recruiter (wrote the recruiter's feedback) and "
        "Dev Malhotra as the hiring manager (was in the hiring manager round)"
    ), said
    assert "`nextround contact edit " in said and "--role recruiter`" in said
    # Once the roles are on record, the note says nothing about how it chose.
    with uow:
        for person, role in (("Lucía", "recruiter"), ("Dev", "hiring_manager")):
            (contact,) = [c for c in uow.contacts.list(loop) if c.name.startswith(person)]
            edit_contact(uow, contact.id, {"role": ContactRole(role)})
        again = draft_notes(uow, NoteRequest(loop))
    assert [r.name for r in again.facts.recipients] == ["Lucía Ferrer", "Dev Malhotra"]
    assert again.addressed is None


def test_with_nobody_to_tell_apart_the_note_says_it_goes_to_everyone_met(uow, loop):
    with uow:
        _call_off_the_future_chat(uow, loop)
        set_decision(uow, loop, Outcome.REJECTION, DECIDED_ON)
        uow.commit()
        drafts = draft_notes(uow, NoteRequest(loop))
    assert [r.name for r in drafts.facts.recipients] == ["Quorra Adeyemi", "Meixiu Tanaka"]
    assert drafts.addressed is not None
    assert drafts.addressed.text == (
        f"no recruiter or hiring manager is on record for application {loop}, so this note "
        "goes to everyone you met (Quorra Adeyemi and Meixiu Tanaka)"
    )
    assert "--role recruiter" in drafts.addressed.for_cli()
    assert "under People on the application's page" in drafts.addressed.for_web()


def test_a_hiring_manager_read_from_the_process_joins_the_recruiter_on_record(uow, loop):
    with uow:
        add_round(
            uow,
            loop,
            {"name": "HM chat", "kind": RoundKind.HIRING_MANAGER, "started_on": date(2026, 9, 15)},
        )
        (hm_round,) = [r for r in uow.applications.get(loop).ordered_rounds if r.name == "HM chat"]
        add_interview(
            uow,
            loop,
            hm_round.position,
            {
                "title": "With Dev",
                "scheduled_at": datetime.combine(hm_round.started_on, time(10), UTC),
                "interviewers": [Interviewer("Dev Malhotra")],
            },
        )
        _call_off_the_future_chat(uow, loop)
        set_decision(uow, loop, Outcome.REJECTION, DECIDED_ON)
        add_contact(uow, "Maya Lindqvist", ContactRole.RECRUITER, application_id=loop)
        drafts = draft_notes(uow, NoteRequest(loop))
    assert [r.name for r in drafts.facts.recipients] == ["Maya Lindqvist", "Dev Malhotra"]
    assert drafts.addressed is not None
    assert drafts.addressed.text == (
        f"no contact of application {loop} is on record as its hiring manager, so this note "
        "goes to Dev Malhotra as the hiring manager (was in the HM chat), with Maya Lindqvist"
    )
    assert "--role hiring-manager`" in drafts.addressed.for_cli()
