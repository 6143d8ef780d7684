"""The moment and the learning of a note after a long process: the one a coach would pick."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from nextround.domain.competency import Polarity
from nextround.domain.contacts import ContactRole
from nextround.domain.debrief import Debrief, DebriefQuestion
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import Interviewer, OfferResponse, Outcome, RoundKind
from nextround.domain.statements import FeedbackStatement
from nextround.errors import DomainError
from nextround.services.applications import add_application
from nextround.services.contacts import add_contact
from nextround.services.feedback import add_feedback
from nextround.services.note_drafting import NoteRequest, draft_notes
from nextround.services.process import add_interview, add_round, set_decision
from tests.unit.fakes_full import FakeFullUnitOfWork

RECRUITER, MANAGER, PANELIST = "Sophie Brandt", "Daniel Okafor", "Priya Nair"
PRAISE = (
    "Priya in particular said your example of aligning sales and support on the new SLA "
    "was the best answer she heard all week."
)
GAP = "Where the panel felt others were stronger was in data and experimentation."


@pytest.fixture
def uow() -> FakeFullUnitOfWork:
    return FakeFullUnitOfWork()


def _round(uow, app_id, name, kind, day, title, people, debrief) -> None:
    add_round(uow, app_id, {"name": name, "kind": kind, "started_on": day})
    interview = add_interview(
        uow,
        app_id,
        None,
        {
            "title": title,
            "scheduled_at": datetime.combine(day, datetime.min.time(), UTC).replace(hour=10),
            "interviewers": [Interviewer(p) for p in people],
        },
    )
    debrief.interview_id = interview.id
    uow.debriefs.add(debrief)


def _process(
    uow,
    *,
    praise: bool = True,
    praise_text: str = PRAISE,
    praise_about: list[str] | None = None,
    gap_text: str = GAP,
    gap_about: str = "data-informed-decisions",
) -> int:
    """Four rounds, a rejection, and the recruiter's email with praise and a gap."""
    with uow:
        app = add_application(
            uow,
            {
                "company": "Lumora Health",
                "role_title": "Senior Product Operations Manager",
                "applied_on": date(2026, 8, 3),
            },
        )
        add_contact(uow, RECRUITER, ContactRole.TALENT_ACQUISITION, application_id=app.id)
        add_contact(uow, MANAGER, ContactRole.HIRING_MANAGER, application_id=app.id)
        screen = Debrief(
            0,
            4,
            went_well="Crisp pitch",
            went_badly="Fumbled the salary expectations question",
            ratings={"communication": 4},
            questions=[
                DebriefQuestion(
                    "Why are you leaving your current role?", competencies=["ownership"]
                ),
                DebriefQuestion("What are your salary expectations?"),
            ],
        )
        _round(uow, app.id, "Recruiter screen", RoundKind.SCREEN, date(2026, 8, 12),
               "Recruiter call", [RECRUITER], screen)  # fmt: skip
        manager = Debrief(
            0,
            3,
            went_badly="Rambled on one question",
            ratings={"prioritisation": 2, "stakeholder-management": 4},
            questions=[
                DebriefQuestion(
                    "How do you decide what not to do?", competencies=["prioritisation"]
                )
            ],
        )
        _round(uow, app.id, "Hiring manager interview", RoundKind.HIRING_MANAGER,
               date(2026, 8, 20), "Call with the VP", [MANAGER], manager)  # fmt: skip
        case = Debrief(
            0,
            4,
            went_well="Process map of the intake-to-launch flow landed well",
            ratings={"process-design": 5, "risk-management": 2},
        )
        _round(uow, app.id, "Case study", RoundKind.CASE, date(2026, 8, 28),
               "Case presentation", [MANAGER, PANELIST], case)  # fmt: skip
        loop = Debrief(
            0,
            4,
            went_well="Told the story of aligning sales and support on the new SLA; Priya nodded",
            ratings={"stakeholder-management": 5},
        )
        _round(uow, app.id, "Final loop", RoundKind.FINAL_LOOP, date(2026, 9, 8),
               "Cross-functional collaboration", [PANELIST, "Tom Becker"], loop)  # fmt: skip
        text = f"{praise_text} {gap_text}" if praise else gap_text
        item = add_feedback(
            uow,
            text,
            FeedbackSource.RECRUITER,
            received_on=date(2026, 9, 18),
            author=RECRUITER,
            application_id=app.id,
        )
        set_decision(uow, app.id, Outcome.REJECTION, date(2026, 9, 18))
        statements = [(gap_text, Polarity.GAP, [gap_about])]
        if praise:
            about = ["stakeholder-management"] if praise_about is None else praise_about
            statements.insert(0, (praise_text, Polarity.STRENGTH, about))
        start = 0
        for position, (said, polarity, competencies) in enumerate(statements, start=1):
            uow.statements.add(
                FeedbackStatement(
                    item.id,
                    position,
                    said,
                    start,
                    start + len(said),
                    "nextround-core",
                    polarity=polarity,
                    competencies=competencies,
                    confirmed=True,
                )
            )
            start += len(said) + 1
        uow.commit()
        assert app.id is not None
        return app.id


def test_no_variant_recalls_a_stock_screening_question(uow):
    drafts = draft_notes(uow, NoteRequest(_process(uow)))
    for draft in drafts.drafts:
        assert "leaving" not in draft.body and "salary" not in draft.body, draft.body


def test_the_moment_is_the_one_the_recruiter_passed_praise_on_from_the_final_loop(uow):
    # Neither reader sat in the final loop, but the recruiter wrote the praise herself.
    drafts = draft_notes(uow, NoteRequest(_process(uow)))
    classic, _, brief = drafts.drafts
    for draft in (classic, brief):
        assert draft.moment is not None and draft.moment.text == (
            "aligning sales and support on the new SLA"
        )
        assert "aligning sales and support on the new SLA came across well" in draft.body
        # "I especially enjoyed our conversation" would pretend she was in the room.
        assert "enjoyed" not in draft.body


def test_without_praise_the_most_senior_round_that_went_well_gives_the_moment(uow):
    drafts = draft_notes(uow, NoteRequest(_process(uow, praise=False)))
    classic = drafts.drafts[0]
    # The case study (round 3, rated 4, with the hiring manager) beats the screening call
    # and the hiring-manager question the person rated themselves 2 on.
    assert classic.moment is not None
    assert classic.moment.text == "the process map of the intake-to-launch flow"
    assert "How do you decide what not to do?" not in " ".join(d.body for d in drafts.drafts)


def test_the_learning_uses_the_recruiters_words_not_the_framework_label(uow):
    drafts = draft_notes(uow, NoteRequest(_process(uow)))
    for draft in drafts.drafts:
        assert "data and experimentation" in draft.body
        assert "data-informed decision making" not in draft.body


def _offer(uow, response: OfferResponse) -> int:
    with uow:
        app = add_application(
            uow,
            {"company": "Kestrel", "role_title": "Ops Director", "applied_on": date(2026, 9, 1)},
        )
        add_contact(uow, "Stefan Krüger", ContactRole.HIRING_MANAGER, application_id=app.id)
        add_round(
            uow,
            app.id,
            {"name": "Onsite", "kind": RoundKind.FINAL_LOOP, "started_on": date(2026, 10, 1)},
        )
        set_decision(uow, app.id, Outcome.OFFER, date(2026, 10, 8), offer_response=response)
        uow.commit()
        assert app.id is not None
        return app.id


@pytest.mark.parametrize("words", [None, 40])
def test_every_variant_after_declining_an_offer_says_so(uow, words):
    app_id = _offer(uow, OfferResponse.DECLINED)
    request = NoteRequest(app_id) if words is None else NoteRequest(app_id, limit=words)
    for draft in draft_notes(uow, request).drafts:
        assert "declin" in draft.body.lower() or "saying no" in draft.body.lower(), draft.body


def test_the_after_decline_tone_needs_a_declined_offer_on_record(uow):
    from nextround.domain.notes import parse_tone

    app_id = _offer(uow, OfferResponse.PENDING)
    tone, answer = parse_tone("after-decline")
    with pytest.raises(DomainError, match="an offer still to answer"):
        draft_notes(uow, NoteRequest(app_id, tone=tone, answer=answer))
    declined = _offer(uow, OfferResponse.DECLINED)
    drafts = draft_notes(uow, NoteRequest(declined, tone=tone, answer=answer))
    assert "decided to decline it" in drafts.drafts[2].body


def test_praise_naming_an_interviewer_is_not_taken_for_another_interviews_moment(uow):
    # Tom was in the final loop, not in the case study where the process map came up.
    named = "Tom Becker said your process map of the intake flow was the best he saw."
    drafts = draft_notes(uow, NoteRequest(_process(uow, praise_text=named)))
    for draft in drafts.drafts:
        assert "came across well" not in draft.body, draft.body
        assert draft.moment is None or not draft.moment.praised_by


def test_a_learning_cut_at_a_clause_is_said_by_its_competency_instead(uow):
    # F18: all three drafts said "feedback on my answers ran long and it".
    ran_long = (
        "Marcus also noted that your answers ran long and it was sometimes hard to follow "
        "the thread."
    )
    drafts = draft_notes(
        uow, NoteRequest(_process(uow, gap_text=ran_long, gap_about="communication"))
    )
    for draft in drafts.drafts:
        assert "ran long" not in draft.body and "and it." not in draft.body, draft.body
        assert "feedback on clarity and concision" in draft.body, draft.body


def test_praise_set_aside_as_about_no_competency_is_no_moment_nor_learning(uow):
    # Reviewed as about no competency before that verdict made it neutral: still "strength".
    drafts = draft_notes(uow, NoteRequest(_process(uow, praise_about=[])))
    for draft in drafts.drafts:
        assert draft.moment is None or not draft.moment.praised_by, draft.body
        assert "came across well" not in draft.body and "kind words" not in draft.body


# QA8 F2: round feedback praising "your fraud-dashboard example" was tied to a logged question
# sharing two words with it ("metrics", "dashboard"), and the note claimed that answer landed.
DASHBOARD_PRAISE = (
    "Tom said your fraud-dashboard example was the strongest data story he'd heard: you "
    "defined the metrics yourself."
)


def _loop_with_round_praise(uow, praise_text: str, *, for_interview: bool = False) -> int:
    """A final loop with a logged dashboard question, and praise from the recruiter."""
    with uow:
        app = add_application(
            uow,
            {
                "company": "Finchley",
                "role_title": "Product Manager",
                "applied_on": date(2026, 9, 1),
            },
        )
        add_contact(uow, RECRUITER, ContactRole.TALENT_ACQUISITION, application_id=app.id)
        debrief = Debrief(
            0,
            4,
            questions=[
                DebriefQuestion("Which metrics would you put on a payments health dashboard?")
            ],
        )
        _round(uow, app.id, "Final loop", RoundKind.FINAL_LOOP, date(2026, 10, 14),
               "Execution and metrics", ["Tom Becker"], debrief)  # fmt: skip
        round_ = uow.applications.get(app.id).ordered_rounds[0]
        interview = round_.interviews[0]
        item = add_feedback(
            uow,
            praise_text,
            FeedbackSource.RECRUITER,
            received_on=date(2026, 10, 20),
            author=RECRUITER,
            application_id=app.id,
            round_position=1,
            interview_id=interview.id if for_interview else None,
        )
        set_decision(uow, app.id, Outcome.REJECTION, date(2026, 10, 20))
        uow.statements.add(
            FeedbackStatement(
                item.id, 1, praise_text, 0, len(praise_text), "nextround-core",
                polarity=Polarity.STRENGTH, competencies=["data-driven-decisions"],
                confirmed=True,
            )
        )  # fmt: skip
        uow.commit()
        assert app.id is not None
        return app.id


def test_round_praise_is_not_tied_to_a_question_sharing_two_words_with_it(uow):
    drafts = draft_notes(uow, NoteRequest(_loop_with_round_praise(uow, DASHBOARD_PRAISE)))
    for draft in drafts.drafts:
        assert "my answer to" not in draft.body, draft.body
        # What the praise named, and with whom it landed (Tom, via the recruiter).
        if draft.moment is not None and draft.moment.praised_by:
            assert draft.moment.text == "my fraud-dashboard example"
            assert draft.moment.said_by == "Tom Becker"
    classic = drafts.drafts[0]
    assert "my fraud-dashboard example landed with Tom" in classic.body


def test_praise_for_that_very_interview_still_needs_to_name_the_question(uow):
    app_id = _loop_with_round_praise(uow, DASHBOARD_PRAISE, for_interview=True)
    for draft in draft_notes(uow, NoteRequest(app_id)).drafts:
        assert "my answer to" not in draft.body, draft.body


def test_praise_for_that_interview_naming_the_question_is_tied_to_it(uow):
    praise = "Your payments health dashboard metrics were exactly right."
    app_id = _loop_with_round_praise(uow, praise, for_interview=True)
    classic = draft_notes(uow, NoteRequest(app_id)).drafts[0]
    assert classic.moment is not None and classic.moment.kind.value == "question"
    assert classic.moment.praised_by == (RECRUITER,)


def test_praise_of_a_quality_names_no_moment(uow):
    app_id = _loop_with_round_praise(uow, "The panel was impressed by your analytical depth.")
    for draft in draft_notes(uow, NoteRequest(app_id)).drafts:
        assert "came across well" not in draft.body and "landed" not in draft.body, draft.body
