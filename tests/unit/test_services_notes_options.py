"""Notes and Option A use cases on in-memory fakes: facts only from the record, offer warnings."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta

import pytest

from nextround.domain.competency import CompetencyMatch, Polarity
from nextround.domain.contacts import ContactRole
from nextround.domain.debrief import Debrief, DebriefQuestion
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import Interviewer, OfferResponse, Outcome, RoundKind, WorkMode
from nextround.domain.note_facts import MomentKind
from nextround.domain.notes import Tone
from nextround.domain.statements import FeedbackStatement
from nextround.errors import DomainError, NotFoundError
from nextround.services import options
from nextround.services.applications import add_application
from nextround.services.contacts import add_contact
from nextround.services.feedback import add_feedback
from nextround.services.note_drafting import NoteRequest, draft_notes
from nextround.services.notes import mark_sent, remove_note, save_note
from nextround.services.process import add_interview, add_round, set_decision
from nextround.views import jsonable
from tests.unit.fakes_full import FakeFullUnitOfWork
from tests.unit.test_domain_note_drafts import TEMPLATE_WORDS


@pytest.fixture
def uow() -> FakeFullUnitOfWork:
    return FakeFullUnitOfWork()


@pytest.fixture
def record(uow):
    """A rejected process with people, a debrief and feedback, all with unusual names."""
    with uow:
        app = add_application(
            uow,
            {
                "company": "Quillfire Studios",
                "role_title": "Lead Pipeline Shepherd",
                "applied_on": date(2025, 5, 6),
                "location": "Utrecht",
                "work_mode": WorkMode.ONSITE,
            },
        )
        add_contact(uow, "Brannagh Oyelaran", ContactRole.TALENT_ACQUISITION, application_id=app.id)
        add_contact(uow, "Tiberius Wachowski", ContactRole.HIRING_MANAGER, application_id=app.id)
        add_contact(uow, "Ozymandias Pell", ContactRole.MENTOR)  # not part of this process
        add_round(
            uow,
            app.id,
            {"name": "Final loop", "kind": RoundKind.FINAL_LOOP, "started_on": date(2025, 6, 10)},
        )
        interview = add_interview(
            uow,
            app.id,
            None,
            {
                "title": "Whiteboard",
                "scheduled_at": datetime(2025, 6, 10, 9, tzinfo=UTC),
                "interviewers": [Interviewer("Tiberius Wachowski")],
            },
        )
        item = add_feedback(
            uow,
            "Risk management did not come through. Great rapport with Zanzibar Corp.",
            FeedbackSource.RECRUITER,
            received_on=date(2025, 6, 18),
            author="Brannagh Oyelaran",
            application_id=app.id,
        )
        set_decision(uow, app.id, Outcome.REJECTION, date(2025, 6, 18))
        uow.debriefs.add(
            Debrief(
                interview_id=interview.id,
                overall=3,
                went_well="Ximena dug into the Hollowmere release pipeline and I drew it fast.",
                questions=[DebriefQuestion("Where does the Hollowmere flow fail?")],
            )
        )
        confirmed = FeedbackStatement(
            item.id, 1, "Risk management did not come through.", 0, 38, "nextround-core",
            polarity=Polarity.GAP, competencies=["risk-management"], confirmed=True,
        )  # fmt: skip
        guessed = FeedbackStatement(
            item.id, 2, "Great rapport with Zanzibar Corp.", 39, 72, "nextround-core",
            polarity=Polarity.STRENGTH,
            suggestions=[CompetencyMatch("stakeholder-management", 0.9)],
        )  # fmt: skip
        uow.statements.add(confirmed)
        uow.statements.add(guessed)
        uow.commit()
    return app.id


def record_text(uow) -> str:
    """Every string the record holds (what a backup would contain)."""
    with uow:
        parts = [jsonable(a) for a in uow.applications.all()]
        parts += [jsonable(c) for c in uow.contacts.list()] + [
            jsonable(f) for f in uow.feedback.list()
        ]
        parts += [jsonable(d) for d in uow.debriefs.all()]
        parts += [s.text for s in uow.statements.extra.statements]
    return json.dumps(parts, ensure_ascii=False)


def test_notes_name_only_people_rounds_and_topics_from_the_record(uow, record):
    text = record_text(uow)
    allowed = set(re.findall(r"[\w'’-]+", text)) | TEMPLATE_WORDS
    with uow:
        drafts = draft_notes(uow, NoteRequest(record))
    assert drafts.facts.tone is Tone.AFTER_REJECTION
    assert [r.name for r in drafts.facts.recipients] == ["Brannagh Oyelaran", "Tiberius Wachowski"]
    for draft in drafts.drafts:
        found = re.findall(r"\b[A-Z][\w'’-]*", draft.subject + " " + draft.body)
        # "Brannagh's candid feedback": a recipient's name in the possessive is still hers.
        capitalised = {w.removesuffix("'s") for w in found}
        assert capitalised <= allowed, capitalised - allowed
        assert "Ozymandias" not in draft.body
        # Only the confirmed statement teaches: the guessed "rapport" never reaches a note.
        assert "Zanzibar" not in draft.body and "stakeholder" not in draft.body
    classic = drafts.draft(1)
    assert "the Hollowmere release pipeline" in classic.body
    assert "risk management" in classic.body
    assert classic.words <= 150


def test_a_round_whose_interviews_are_all_still_ahead_is_not_thanked_for_yet(uow):
    now = uow.clock_now
    with uow:
        app = add_application(
            uow, {"company": "Plinth", "role_title": "PM", "applied_on": date(2026, 11, 2)}
        )
        add_contact(uow, "Imogen Thwaite", ContactRole.RECRUITER, application_id=app.id)
        add_round(
            uow,
            app.id,
            {"name": "Case study", "kind": RoundKind.CASE, "started_on": date(2026, 11, 12)},
        )
        add_interview(
            uow,
            app.id,
            None,
            {
                "title": "Warehouse case",
                "scheduled_at": now - timedelta(days=13),
                "interviewers": [Interviewer("Imogen Thwaite")],
            },
        )
        add_round(
            uow, app.id, {"name": "Final chat", "kind": RoundKind.OTHER, "started_on": now.date()}
        )
        add_interview(
            uow,
            app.id,
            None,
            {"title": "Call with the CEO", "scheduled_at": now + timedelta(hours=3)},
        )
        uow.commit()
        drafts = draft_notes(uow, NoteRequest(app.id))
        # Later today: the note is still about the case study, and recalls it.
        assert drafts.round is not None and drafts.round.name == "Case study"
        assert "Warehouse case" in drafts.draft(1).body
        # Asked for by number, the round is used, but an interview yet to happen gives no
        # moment to recall.
        # Asked for by number, a round not yet held has nobody to thank for it yet.
        with pytest.raises(DomainError, match=r"final chat \(round 2\) has not taken place yet"):
            draft_notes(uow, NoteRequest(app.id, round_position=2))
        asked = draft_notes(uow, NoteRequest(app.id, to=("Imogen",), round_position=2))
        assert asked.round is not None and asked.round.name == "Final chat"
        # (An earlier round the recipient was in may still be recalled, and says so.)
        assert all("CEO" not in d.body for d in asked.drafts)
        assert all(d.moment is None or d.moment.round_name == "Case study" for d in asked.drafts)
        # Once one of its interviews has taken place, it is the round to write about.
        add_interview(
            uow,
            app.id,
            None,
            {"title": "Coffee with the CTO", "scheduled_at": now - timedelta(hours=1)},
        )
        uow.commit()
        # Nobody is on record as in it, so nobody is picked: the person says who.
        with pytest.raises(DomainError, match=r"nobody on record was in the final chat"):
            draft_notes(uow, NoteRequest(app.id))
        held = draft_notes(uow, NoteRequest(app.id, to=("Imogen",)))
        assert held.round is not None and held.round.name == "Final chat"
        moments = [d.moment.text for d in held.drafts if d.moment is not None]
        # "Coffee with the CTO" says who, not what about, and Imogen was not there: the
        # case study she sat in is what the note recalls.
        assert moments and all(m == "Warehouse case" for m in moments)
        assert "in the case study" in held.draft(1).body


def test_no_debrief_and_no_confirmed_feedback_leaves_those_parts_out(uow):
    with uow:
        app = add_application(
            uow, {"company": "Plinth", "role_title": "PM", "applied_on": date(2025, 1, 2)}
        )
        add_contact(uow, "Imogen Thwaite", ContactRole.RECRUITER, application_id=app.id)
        drafts = draft_notes(uow, NoteRequest(app.id))
    assert drafts.facts.tone is Tone.AFTER_INTERVIEW
    assert all(d.moment is None and d.learning is None for d in drafts.drafts)


def test_nobody_to_thank_is_an_error_that_says_what_to_do(uow):
    with uow:
        app = add_application(
            uow, {"company": "Plinth", "role_title": "PM", "applied_on": date(2025, 1, 2)}
        )
        with pytest.raises(DomainError, match="nobody on record took part") as nobody:
            draft_notes(uow, NoteRequest(app.id))
        assert "--role recruiter" in (nobody.value.cli_hint or "")
        with pytest.raises(DomainError, match="nobody called 'Ghost'") as ghost:
            draft_notes(uow, NoteRequest(app.id, to=("Ghost",)))
        # No "one of these names" with no names: how to add the person instead.
        assert "one of these names" not in ghost.value.message
        assert ghost.value.for_cli().endswith(
            f"add them with `nextround contact add Ghost --app {app.id}`, then pass --to again"
        )


def test_recipients_by_name_or_first_name(uow, record):
    with uow:
        drafts = draft_notes(uow, NoteRequest(record, to=("tiberius",)))
    assert [r.name for r in drafts.facts.recipients] == ["Tiberius Wachowski"]
    assert drafts.drafts[0].body.startswith("Dear Tiberius,")


def test_recipients_by_contact_id_from_this_process_or_general_contacts_only(uow, record):
    with uow:
        other = add_application(
            uow, {"company": "Plinth", "role_title": "PM", "applied_on": date(2025, 1, 2)}
        )
        stranger = add_contact(
            uow, "Imogen Thwaite", ContactRole.RECRUITER, application_id=other.id
        )
        mentor = next(c for c in uow.contacts.list() if c.name == "Ozymandias Pell")
        drafts = draft_notes(uow, NoteRequest(record, to=(str(mentor.id),)))
        assert [r.name for r in drafts.facts.recipients] == ["Ozymandias Pell"]
        with pytest.raises(DomainError, match=f"belongs to application {other.id}, not {record}"):
            draft_notes(uow, NoteRequest(record, to=(str(stranger.id),)))


def test_a_kept_note_records_when_it_went_out(uow, record):
    with uow:
        drafts = draft_notes(uow, NoteRequest(record))
        note = save_note(uow, drafts, 2)
    assert uow.stored_extra.notes[note.id].sent_on is None
    with uow:
        with pytest.raises(DomainError, match="in the future"):
            mark_sent(uow, note.id, date(2030, 1, 1))
        with pytest.raises(DomainError, match="before the application"):
            mark_sent(uow, note.id, date(2025, 1, 1))
    assert uow.stored_extra.notes[note.id].sent_on is None
    with uow:
        mark_sent(uow, note.id, date(2025, 6, 19))
    assert uow.stored_extra.notes[note.id].sent_on == date(2025, 6, 19)
    assert uow.stored_extra.notes[note.id].variant == 2


def test_a_removed_note_is_gone_and_the_others_stay(uow, record):
    with uow:
        drafts = draft_notes(uow, NoteRequest(record))
        kept, twice = save_note(uow, drafts, 1), save_note(uow, drafts, 1)
    with uow:
        removed = remove_note(uow, twice.id)
    assert removed.label.startswith(f"note {twice.id} to ") and "not sent yet)" in removed.label
    assert list(uow.stored_extra.notes) == [kept.id]
    with uow, pytest.raises(NotFoundError, match=f"no note with id {twice.id}") as gone:
        remove_note(uow, twice.id)
    assert "see `nextround note list`" in gone.value.for_cli()
    assert list(uow.stored_extra.notes) == [kept.id]


# -- Option A and the offer warning ----------------------------------------------------------


@pytest.fixture
def option_a(uow):
    with uow:
        options.set_weights(uow, {"scope": 3, "compensation": 2})
        options.define(
            uow,
            description="A TPM role",
            must_haves=["no relocation [location~amsterdam,remote]", "a mission I care about"],
            threshold=3.5,
        )


def offer(uow, company, location, response=OfferResponse.PENDING):
    with uow:
        app = add_application(
            uow,
            {"company": company, "role_title": "TPM", "applied_on": date(2025, 9, 1),
             "location": location, "work_mode": WorkMode.HYBRID},
        )  # fmt: skip
        set_decision(uow, app.id, Outcome.OFFER, date(2025, 10, 1), offer_response=response)
    return app.id


def test_a_low_scoring_offer_is_flagged(uow, option_a):
    app_id = offer(uow, "Lowball Ltd", "Amsterdam")
    with uow:
        options.rate(uow, app_id, dict.fromkeys(("scope", "growth", "mission", "team"), 2))
        check = options.offer_check(uow, app_id)
    assert check is not None and check.warn and check.rated
    # Rated: scope 2 (weight 3), growth, mission, team 2 (weight 1 each), and location 4
    # derived from "hybrid in Amsterdam": (3*2 + 2 + 2 + 2 + 4) / 7 = 16 / 7 = 2.29.
    assert check.assessment.score == pytest.approx(16 / 7)
    assert check.concerns[0].startswith("on the 70% of the weight rated so far, it scores 2.29")
    assert "below your threshold of 3.5" in check.concerns[0]


def test_a_warning_on_a_partial_score_says_what_completes_it(uow, option_a):
    app_id = offer(uow, "Halfway BV", "Amsterdam")
    with uow:
        options.rate(uow, app_id, {"scope": 1, "growth": 1})
        check = options.offer_check(uow, app_id)
    assert check is not None and check.warn
    # Weights: scope 3, compensation 2, five others 1 (total 10). Rated: scope, growth and
    # location (4, derived from hybrid in Amsterdam): 5 of 10. (3 + 1 + 4) / 5 = 1.6.
    assert check.concerns[0] == (
        "on the 50% of the weight rated so far, it scores 1.60 against your Option A, below "
        "your threshold of 3.5"
    )
    assert [v.criterion.id for v in check.to_complete] == [
        "compensation", "learning", "mission", "team"
    ]  # fmt: skip
    with uow:
        options.rate(uow, app_id, dict.fromkeys(("compensation", "learning", "mission", "team"), 1))
        complete = options.offer_check(uow, app_id)
    assert complete is not None and complete.warn and complete.to_complete == []
    assert "partial" not in complete.concerns[0]


def test_an_offer_missing_a_must_have_is_flagged_even_with_a_good_score(uow, option_a):
    app_id = offer(uow, "Faraway GmbH", "Munich", OfferResponse.ACCEPTED)
    with uow:
        scores = dict.fromkeys(
            ("scope", "growth", "mission", "team", "compensation", "learning"), 5
        )
        options.rate(uow, app_id, scores, {"a-mission-i-care-about": True})
        check = options.offer_check(uow, app_id)
    assert check is not None and check.assessment.score > 4.5
    assert check.concerns == ["it misses the must-have “no relocation” (Munich)"]


def test_a_good_offer_a_declined_offer_and_a_rejection_are_not_flagged(uow, option_a):
    good = offer(uow, "Dreamco", "Amsterdam")
    declined = offer(uow, "Lowball Ltd", "Munich", OfferResponse.DECLINED)
    with uow:
        scores = dict.fromkeys(
            ("scope", "growth", "mission", "team", "compensation", "learning"), 5
        )
        options.rate(uow, good, scores, {"a-mission-i-care-about": True})
        assert not options.offer_check(uow, good).warn
        assert options.offer_check(uow, declined) is None
        app = add_application(
            uow, {"company": "X", "role_title": "Y", "applied_on": date(2025, 1, 1)}
        )
        assert options.offer_check(uow, app.id) is None


def test_criteria_can_be_added_weighted_and_removed(uow, option_a):
    with uow:
        options.add_criterion(uow, "work-life", "Work-life balance", 2, target=4)
        with pytest.raises(DomainError, match="exists already"):
            options.add_criterion(uow, "scope", "Scope")
        with pytest.raises(DomainError, match="no criterion 'salary'"):
            options.set_weights(uow, {"salary": 3})
        defined = options.remove_criterion(uow, "learning")
    assert [c.id for c in defined.criteria][-1] == "work-life"
    assert "learning" not in [c.id for c in defined.criteria]
    assert defined.criterion("scope").weight == 3


def test_opportunities_rated_only_on_removed_criteria_are_not_ranked(uow):
    with uow:
        ids = [
            add_application(
                uow, {"company": c, "role_title": "PM", "applied_on": date(2025, 9, 1)}
            ).id
            for c in ("X", "Y", "Z")
        ]
        options.rate(uow, ids[0], {"scope": 3, "growth": 2})
        options.rate(uow, ids[1], {"scope": 4, "growth": 4})
        options.add_criterion(uow, "culture", "Culture")
        for criterion in ("scope", "growth", "mission", "team", "compensation", "location"):
            options.remove_criterion(uow, criterion)
        options.remove_criterion(uow, "learning")
        view = options.ranking(uow)
    assert view.assessments == []  # nothing to order: no current criterion is rated
    assert [a.opportunity.application_id for a in view.unscored] == ids[:2]
    assert view.unrated == 1
    assert not view.sensitivity.tested
    with uow:
        options.rate(uow, ids[1], {"culture": 3})
        view = options.ranking(uow)
    assert [a.opportunity.application_id for a in view.assessments] == [ids[1]]
    assert [a.opportunity.application_id for a in view.unscored] == [ids[0]]
    assert view.sensitivity.tested


def test_a_person_renamed_since_the_interview_is_offered_once(uow):
    from nextround.domain.journey import Interviewer
    from nextround.services.contacts import edit_contact
    from nextround.services.note_recipients import note_people
    from nextround.services.process import edit_interview

    with uow:
        app = add_application(
            uow, {"company": "Acme", "role_title": "PM", "applied_on": date(2025, 5, 6)}
        )
        jonas = add_contact(uow, "Jonas Ekström", ContactRole.HIRING_MANAGER, application_id=app.id)
        add_round(
            uow,
            app.id,
            {"name": "HM", "kind": RoundKind.HIRING_MANAGER, "started_on": date(2025, 6, 10)},
        )
        interview = add_interview(uow, app.id, None, {"title": "Chat"})
        people = [Interviewer("Jonas Ekström", None, jonas.id), Interviewer("Kwame Asante")]
        edit_interview(uow, interview.id, {"interviewers": people})
    with uow:
        edit_contact(uow, jonas.id, {"name": "Jonas Ekstrom"})
    with uow:
        offered = note_people(uow, app.id)
    # Kwame became a contact by being named; the renamed Jonas is offered once, by his id.
    assert [(r.name, r.contact_id is not None) for r in offered] == [
        ("Jonas Ekstrom", True),
        ("Kwame Asante", True),
    ]
    assert offered[0].contact_id == jonas.id


def test_a_question_handled_badly_is_never_recalled(uow, record):
    with uow:
        interview_id = uow.applications.get(record).ordered_rounds[0].interviews[0].id
        debrief = uow.debriefs.for_interview(interview_id)
        debrief.went_well = None  # leave the question as the only specific moment
        debrief.went_badly = "I froze when asked where the Hollowmere flow would fail."
        uow.commit()
        drafts = draft_notes(uow, NoteRequest(record))
    assert all("Where does the Hollowmere flow fail?" not in d.body for d in drafts.drafts)
    assert all(d.moment is None or d.moment.kind is not MomentKind.QUESTION for d in drafts.drafts)


def test_a_process_closed_with_no_response_drafts_a_check_in(uow):
    from nextround.services.applications import close_application

    with uow:
        app = add_application(
            uow,
            {
                "company": "Brightwave",
                "role_title": "Operations Lead",
                "applied_on": date(2026, 10, 8),
            },
        )
        add_contact(uow, "Marta Silva", ContactRole.RECRUITER, application_id=app.id)
        add_round(
            uow,
            app.id,
            {
                "name": "Recruiter screen",
                "kind": RoundKind.SCREEN,
                "started_on": date(2026, 10, 14),
            },
        )
        uow.commit()
        close_application(uow, app.id, reason="no reply after three weeks")
        drafts = draft_notes(uow, NoteRequest(app.id))
        assert drafts.facts.tone is Tone.CHECK_IN
        assert save_note(uow, drafts, 1).tone is Tone.CHECK_IN
        bodies = " ".join(d.body for d in drafts.drafts)
        assert "not the outcome I hoped for" not in bodies and "letting me know" not in bodies
        assert "I wanted to follow up on the Operations Lead role at Brightwave" in bodies
        # Asked for explicitly, a rejection note is refused: the record holds no rejection.
        with pytest.raises(DomainError, match="speaks of a rejection"):
            draft_notes(uow, NoteRequest(app.id, tone=Tone.AFTER_REJECTION))
        # Nor does a closed process get a note looking forward to next steps.
        with pytest.raises(DomainError, match="choose the check-in tone"):
            draft_notes(uow, NoteRequest(app.id, tone=Tone.AFTER_INTERVIEW))


def test_an_offer_still_to_answer_is_advice_before_a_yes_not_a_question_about_one(uow, option_a):
    pending = offer(uow, "Lowball Ltd", "Amsterdam")
    accepted = offer(uow, "Lowball Two", "Amsterdam", OfferResponse.ACCEPTED)
    with uow:
        for app_id in (pending, accepted):
            options.rate(uow, app_id, dict.fromkeys(("scope", "growth", "mission", "team"), 2))
        waiting, said_yes = (options.offer_check(uow, i) for i in (pending, accepted))
        asked = options.acceptance_check(uow, pending)
    assert waiting is not None and waiting.warn
    assert waiting.headline == "Before you answer the offer:"
    assert waiting.opening == "Before you answer the offer from Lowball Ltd:"
    assert said_yes is not None and said_yes.headline == "Saying yes to the wrong thing?"
    assert asked.headline == "Saying yes to the wrong thing?"  # asked before accepting


def test_live_processes_are_ranked_first_and_those_that_are_over_follow(uow, option_a):
    from nextround.services.process import set_decision as decide

    with uow:
        ids = {
            company: add_application(
                uow,
                {"company": company, "role_title": "PM", "applied_on": date(2025, 9, 1),
                 "location": "Amsterdam", "work_mode": WorkMode.HYBRID},
            ).id
            for company in ("Over High", "Live Low", "Over Low", "Live High")
        }  # fmt: skip
        scores = {"Over High": 5, "Live Low": 2, "Over Low": 1, "Live High": 4}
        for company, app_id in ids.items():
            options.rate(
                uow, app_id, dict.fromkeys(("scope", "compensation", "mission"), scores[company])
            )
        for company in ("Over High", "Over Low"):
            decide(uow, ids[company], Outcome.REJECTION, date(2025, 10, 1))
        view = options.ranking(uow)
    names = [a.opportunity.company for a in view.assessments]
    # The best closed one scores highest, and still comes after every live one.
    assert names == ["Live High", "Live Low", "Over High", "Over Low"]
    assert [a.opportunity.company for a in view.live] == ["Live High", "Live Low"]
    assert [a.opportunity.company for a in view.over] == ["Over High", "Over Low"]
    # What the weights would change is asked of the live ones only.
    assert view.sensitivity.compared == 2
    with uow:
        only_open = options.ranking(uow, open_only=True)
    assert only_open.over == [] and len(only_open.live) == 2


def test_a_location_from_the_record_says_the_rule_it_follows():
    from nextround.domain.option_ranking import derive_location

    assert derive_location(WorkMode.HYBRID, "Berlin", ("berlin", "remote")) == (
        4,
        "hybrid in Berlin, a place your must-haves name: hybrid counts 4 there, only remote 5",
    )
    assert derive_location(WorkMode.ONSITE, "Hamburg", ("berlin",)) == (
        1,
        "onsite in Hamburg, not a place your must-haves name: onsite counts 1",
    )


def test_notes_are_signed_by_the_sender_else_the_resumes_name_else_a_blank_to_fill(uow, record):
    # QA10 F9: with no sender set the drafts ended "Best regards," with nothing after it.
    from nextround.domain.resume import Resume, ResumeKind
    from nextround.services.note_sender import set_sender

    def signed(**request) -> tuple[str, str | None, bool]:
        with uow:
            drafts = draft_notes(uow, NoteRequest(record, **request))
        name = drafts.sender.name if drafts.sender else None
        return drafts.drafts[0].body.rsplit("\n", 1)[-1], name, drafts.sender_from_resume

    assert signed() == ("[Your name]", None, False)
    with uow:
        uow.resumes.extra.resume = Resume("cv.md", ResumeKind.MARKDOWN, name="Amara  Okafor")
        uow.commit()
    assert signed() == ("Amara Okafor", "Amara Okafor", True)
    with uow:
        set_sender(uow, "Amara O. <amara@example.com>")
    assert signed() == ("Amara O.", "Amara O.", False)
    assert signed(sender="Dr Amara Okafor") == ("Dr Amara Okafor", "Dr Amara Okafor", False)
