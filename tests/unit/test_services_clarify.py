"""Clarifying questions on the fake unit of work: which statements, and what they name."""

from datetime import UTC, date, datetime

import pytest

from nextround.domain.competency import Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import RoundKind
from nextround.errors import NotFoundError
from nextround.services.clarify import clarifications
from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
from tests.unit.growth_fakes import FakeGrowthUnitOfWork, growth_uow, keyword_mapper, seed_process
from tests.unit.growth_fixtures import FRAMEWORK

VAGUE_ON_INTERVIEW = (
    "There were some gaps around systems thinking in a few of the answers we heard."
)
VAGUE_ON_APPLICATION = "Risk management did not come through strongly enough."
SPECIFIC = "When asked how the flow fails, she drew only the happy path."
VAGUE_UNLINKED = "Your risk thinking is weak."
NOTHING_FITS = "Not quite what we were looking for."
# Long enough to be asked about by what it judged rather than quoted whole.
RISK_GAPS = "Some gaps around risk came up for us in a few places, we felt."


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    return growth_uow(FRAMEWORK)


@pytest.fixture
def ids(uow):
    seeded = seed_process(
        uow,
        "Tempoline",
        round_name="Final loop",
        interviews=[("Whiteboard case", datetime(2026, 11, 2, 10, tzinfo=UTC), [])],
    )
    on_interview = FeedbackLinks(interview_id=seeded.interview_ids[0])
    on_app = FeedbackLinks(application_id=seeded.application_id)
    feedback_ids = {}
    for text, source, links in [
        (VAGUE_ON_INTERVIEW, FeedbackSource.INTERVIEWER, on_interview),
        (VAGUE_ON_APPLICATION, FeedbackSource.RECRUITER, on_app),
        (SPECIFIC, FeedbackSource.INTERVIEWER, on_interview),
        (VAGUE_UNLINKED, FeedbackSource.MENTOR, None),
        (NOTHING_FITS, FeedbackSource.RECRUITER, on_app),
    ]:
        with uow:
            item, _ = add_mapped_feedback(
                uow, text, source, keyword_mapper, "test", received_on=date(2026, 11, 10),
                links=links,
            )  # fmt: skip
        feedback_ids[text] = item.id
    return feedback_ids


def _found(uow, feedback_id=None):
    with uow:
        return clarifications(uow, feedback_id).items


def test_only_vague_statements_tied_to_an_application_get_questions(uow, ids):
    found = _found(uow)
    assert [c.statement.text for c in found] == [VAGUE_ON_INTERVIEW, VAGUE_ON_APPLICATION]


def test_the_questions_name_the_round_the_interview_the_competency_and_the_company(uow, ids):
    first = _found(uow)[0]
    assert first.company == "Tempoline"
    assert first.round_name == "Final loop"
    assert first.interview_title == "Whiteboard case"
    assert first.competency_name == "Systems thinking"
    assert first.statement.polarity is Polarity.GAP
    assert 1 <= len(first.questions) <= 3
    text = " ".join(first.questions)
    assert "the final loop" in text
    assert "“Whiteboard case”" in text
    assert "systems thinking" in text
    assert "at Tempoline" in text
    assert all(q.endswith(("?", ".")) for q in first.questions)


def test_feedback_about_the_whole_process_is_asked_about_its_last_round(uow, ids):
    (second,) = _found(uow, ids[VAGUE_ON_APPLICATION])
    assert second.round_name == "Final loop"
    assert second.interview_title is None
    assert second.competency_name == "Risk management"
    assert any("the final loop" in q for q in second.questions)
    assert "interview" not in second.questions[0]


def test_one_feedback_item_only(uow, ids):
    found = _found(uow, ids[VAGUE_ON_APPLICATION])
    assert [c.statement.text for c in found] == [VAGUE_ON_APPLICATION]
    assert _found(uow, ids[SPECIFIC]) == []


def test_an_unknown_feedback_item_is_not_found(uow, ids):
    with pytest.raises(NotFoundError, match="no feedback with id 99"):
        _found(uow, 99)


def test_statements_mapped_on_another_framework_are_not_asked_about(uow, ids):
    with uow:
        uow.preferences.set("framework", "nextround-core", uow.now())
        uow.commit()
    assert _found(uow) == []


def test_feedback_about_a_whole_process_names_the_round_held_by_then(uow, ids):
    from nextround.domain.journey import RoundKind
    from nextround.services.process import add_round

    with uow:
        app_id = uow.feedback.get(ids[VAGUE_ON_APPLICATION]).application_id
        assert app_id is not None
        # A round added after the feedback came cannot be what the feedback speaks of.
        add_round(
            uow,
            app_id,
            {"name": "Offer chat", "kind": RoundKind.OTHER, "started_on": date(2026, 11, 20)},
        )
    (found,) = _found(uow, ids[VAGUE_ON_APPLICATION])
    assert found.round_name == "Final loop"
    asked = " ".join(found.questions)
    assert "final loop" in asked and "Offer chat" not in asked


def _vague_feedback(uow, app_id, *texts, author="Dana Whitfield"):
    for text in texts:
        with uow:
            add_mapped_feedback(
                uow, text, FeedbackSource.RECRUITER, keyword_mapper, "test",
                received_on=date(2026, 11, 11), links=FeedbackLinks(application_id=app_id),
                author=author,
            )  # fmt: skip


def _open_process(uow):
    """A hiring manager round held, and a final loop six days ahead of the fake clock."""
    from nextround.domain.journey import RoundKind
    from nextround.services.process import add_round

    seeded = seed_process(uow, "Corvid Analytics", round_name="Hiring manager")
    with uow:
        add_round(
            uow,
            seeded.application_id,
            {"name": "Final loop", "kind": RoundKind.FINAL_LOOP, "started_on": date(2026, 12, 1)},
        )
    return seeded.application_id


def test_while_a_process_is_open_the_questions_look_ahead_to_the_next_round(uow):
    app_id = _open_process(uow)
    _vague_feedback(uow, app_id, RISK_GAPS)
    (found,) = _found(uow)
    assert found.in_progress and found.round_name == "Hiring manager"
    asked = " ".join(found.questions)
    assert "so I can prepare for the final loop?" in found.questions[0]
    assert "next time" not in asked and "before the final loop" in asked


def test_once_a_process_is_over_the_questions_look_back(uow):
    from nextround.services.applications import close_application

    app_id = seed_process(uow, "Corvid Analytics", round_name="Hiring manager").application_id
    _vague_feedback(uow, app_id, RISK_GAPS)
    with uow:
        close_application(uow, app_id, reason="rejected after the loop")
    (found,) = _found(uow)
    assert not found.in_progress
    assert "prepare for next time" in " ".join(found.questions)
    assert "the hiring manager round" in found.questions[0]


def test_vague_praise_is_asked_about_only_while_the_process_is_open(uow):
    from nextround.services.applications import close_application

    app_id = seed_process(uow, "Corvid Analytics", round_name="Hiring manager").application_id
    praise = "Strong stakeholder management overall."
    _vague_feedback(uow, app_id, praise)
    with uow:
        (found,) = clarifications(uow)
    assert found.statement.polarity is Polarity.STRENGTH
    assert "lead with it" in found.questions[0]
    with uow:
        close_application(uow, app_id)
    with uow:
        after = clarifications(uow)
    # Asking why they liked something after the door closed reads as fishing.
    assert not after and after.left_out == 1


def test_at_most_three_questions_per_process_one_per_statement_first(uow):
    app_id = _open_process(uow)
    vague = [
        RISK_GAPS,
        "Systems view felt a bit shallow.",
        "Stakeholder side could be stronger.",
        "Communication could be crisper overall.",
        "Risk appetite seemed a bit low.",
    ]
    _vague_feedback(uow, app_id, *vague)
    with uow:
        found = clarifications(uow)
    assert sum(len(c.questions) for c in found) == 3
    assert [len(c.questions) for c in found] == [1, 1, 1]
    assert found.left_out == 2
    # Neighbours are phrased differently, so the message does not read as a template.
    assert found.items[0].questions[0].split()[:2] != found.items[1].questions[0].split()[:2]


def test_one_statement_alone_gets_up_to_three_questions(uow):
    from nextround.services.review import review_statement

    app_id = _open_process(uow)
    _vague_feedback(uow, app_id, RISK_GAPS)
    (found,) = _found(uow)
    with uow:
        review_statement(uow, found.statement.id, ["risk-management"])
    (found,) = _found(uow)
    assert len(found.questions) == 3
    # The competency the user confirmed is named as their own reading, to be checked.
    assert "my risk management" in found.questions[-1]


def test_a_competency_the_mapper_only_suggested_is_never_named_in_the_questions(uow):
    app_id = _open_process(uow)
    _vague_feedback(uow, app_id, RISK_GAPS)
    (found,) = _found(uow)
    assert not found.statement.confirmed and found.competency_name == "Risk management"
    asked = " ".join(found.questions)
    # Their own words are quoted; the mapper's guess is not put in the sender's mouth.
    assert "Some gaps around risk came up for us" in asked
    assert "risk management" not in asked.lower() and "right reading" not in asked


def _one_item(uow, text):
    seeded = seed_process(uow, "Northwind")
    with uow:
        item, _ = add_mapped_feedback(
            uow, text, FeedbackSource.RECRUITER, keyword_mapper, "test",
            received_on=date(2026, 11, 10),
            links=FeedbackLinks(application_id=seeded.application_id),
        )  # fmt: skip
    return item.id


def test_a_moment_named_by_the_same_feedback_is_not_asked_about_again(uow):
    feedback_id = _one_item(
        uow,
        "We were not fully convinced on your approach to risk management. When Marcus pushed "
        "on the slipping integration, the answer went to escalation rather than mitigation.",
    )
    (found,) = _found(uow, feedback_id)
    assert found.statement.text.startswith("We were not fully convinced")
    asked = " ".join(found.questions)
    assert "which moment" not in asked.lower() and "point me to the part" not in asked
    assert "particular question or scenario" not in asked
    assert "When Marcus pushed on the slipping integration" in found.questions[0]
    # QA20 F6: what the questions are shown under is the sentence they quote.
    assert found.moment is not None and found.quoted.startswith("When Marcus pushed")
    assert found.quoted.rstrip(".") in found.questions[0]


def test_a_moment_about_another_competency_leaves_the_question_in_place(uow):
    feedback_id = _one_item(
        uow,
        "We were not fully convinced on your approach to risk management. When asked about "
        "the stakeholders, you drew a clear map.",
    )
    (found,) = _found(uow, feedback_id)
    # In their words, quoted: the competency is only the mapper's suggestion.
    assert "“We were not fully convinced on your approach to risk management”" in " ".join(
        found.questions
    )
    assert any("moment" in q or "point me to the part" in q for q in found.questions)


def _closed_with_interviewers(uow, company, people, *, received_on, author):
    """A process closed after one round with these interviewers, and one piece of feedback."""
    from nextround.domain.journey import Interviewer
    from nextround.services.applications import close_application
    from nextround.services.process import add_interview

    seeded = seed_process(uow, company, round_name="Hiring manager")
    with uow:
        add_interview(
            uow,
            seeded.application_id,
            1,
            {
                "title": "Conversation",
                "scheduled_at": datetime(2026, 9, 2, 10, tzinfo=UTC),
                "interviewers": [Interviewer(p) for p in people],
            },
        )
    with uow:
        add_mapped_feedback(
            uow, "Risk thinking felt too shallow for the level.", FeedbackSource.HIRING_MANAGER,
            keyword_mapper, "test", received_on=received_on, author=author,
            links=FeedbackLinks(application_id=seeded.application_id, round_position=1),
        )  # fmt: skip
    with uow:
        close_application(uow, seeded.application_id, reason="rejected")
    return seeded.application_id


def test_the_questions_name_the_people_of_the_round_as_its_author_knows_them(uow):
    recent = date(2026, 11, 20)
    _closed_with_interviewers(uow, "Brightwave", ["Anja Weber"], received_on=recent,
                              author="Anja Weber")  # fmt: skip
    _closed_with_interviewers(uow, "Kestrel", ["Ravi Menon"], received_on=recent,
                              author="Sophie Brandt")  # fmt: skip
    _closed_with_interviewers(uow, "Lumora", ["Tom Becker", "Elena Rossi"], received_on=recent,
                              author="Sophie Brandt")  # fmt: skip
    by_company = {c.company: " ".join(c.questions) for c in _found(uow)}
    # Anja interviewed alone and wrote it herself: "you", "our conversation", no "team".
    assert "our conversation" in by_company["Brightwave"]
    assert "the team" not in by_company["Brightwave"]
    # A recruiter passing on one interviewer's view, or a panel's.
    assert "Ravi" in by_company["Kestrel"] or "the hiring manager round" in by_company["Kestrel"]
    assert "the team" not in by_company["Kestrel"] and "the team" not in by_company["Lumora"]


def test_questions_past_their_moment_are_marked_and_come_last(uow):
    _closed_with_interviewers(uow, "Brightwave", ["Anja Weber"], received_on=date(2026, 9, 7),
                              author="Anja Weber")  # fmt: skip
    _closed_with_interviewers(uow, "Kestrel", ["Ravi Menon"], received_on=date(2026, 11, 20),
                              author="Ravi Menon")  # fmt: skip
    found = _found(uow)
    assert [(c.company, c.stale) for c in found] == [("Kestrel", False), ("Brightwave", True)]
    stale = found[-1]
    assert stale.age == "3 months ago"  # 79 days: nearer three months than two
    assert "the window for asking has likely passed" in stale.stale_note
    # A process still open is never stale: the questions prepare the next round.
    app_id = _open_process(uow)
    with uow:
        add_mapped_feedback(
            uow, RISK_GAPS, FeedbackSource.RECRUITER, keyword_mapper, "test",
            received_on=date(2026, 9, 1), links=FeedbackLinks(application_id=app_id),
        )  # fmt: skip
    assert not next(c for c in _found(uow) if c.company == "Corvid Analytics").stale


def test_a_clause_of_a_sentence_that_names_the_moment_is_not_asked_about(uow):
    feedback_id = _one_item(
        uow,
        "Elena mentioned that in the leadership conversation your stakeholder answers were "
        "clear, but she sometimes lost the thread of the stakeholder point.",
    )
    with uow:
        _named, clause = uow.statements.for_feedback(feedback_id)
    assert clause.text.startswith("she sometimes lost the thread")
    # Alone the second half is vague; its sentence names the conversation.
    assert [c.statement.text for c in _found(uow, feedback_id)] == []


def test_a_statement_set_aside_as_about_no_competency_is_never_asked_about_nor_quoted(uow):
    from nextround.services.review import review_statement

    # A specific sentence that is not feedback (the mapper still sees "communication" in
    # it), next to a vague gap on communication: the first is quoted as "the moment".
    noise = "I attached the e-mail thread from the communication team about the offsite."
    vague = "Some communication was hard to follow and it ran long at times, we felt."
    feedback_id = _one_item(uow, f"{vague} {noise}")
    (before,) = _found(uow, feedback_id)
    assert "e-mail thread" in " ".join(before.questions)
    with uow:
        set_aside = next(
            s for s in uow.statements.for_feedback(feedback_id) if s.text.startswith("I attached")
        )
        review_statement(uow, set_aside.id, [])
    (after,) = _found(uow, feedback_id)
    asked = " ".join(after.questions)
    assert after.statement.text.startswith("Some communication")
    assert "e-mail" not in asked and "attached" not in asked
    assert "communication was hard to follow" in asked
    with uow:
        vague_statement = after.statement
        review_statement(uow, vague_statement.id, [])
    assert _found(uow, feedback_id) == []


def test_a_confirmed_statement_speaks_only_of_the_competencies_the_user_named(uow):
    from nextround.services.review import review_statement

    vague = "Risk management did not come through strongly enough."
    specific = "When asked about the flow, you drew the stakeholder map and named each risk owner."
    feedback_id = _one_item(uow, f"{vague} {specific}")
    with uow:
        moment = next(
            s for s in uow.statements.for_feedback(feedback_id) if s.text.startswith("When")
        )
        # The mapper saw "risk" in it too; the user says it shows stakeholder management.
        review_statement(uow, moment.id, ["stakeholder-management"])
    (found,) = _found(uow, feedback_id)
    assert "When asked about the flow" not in " ".join(found.questions)


@pytest.mark.parametrize(
    "decision",
    [
        "In the end we went with a candidate who had more risk and systems experience at scale.",
        "They went with someone else, who was stronger on risk.",
        "We offered the role to a candidate with more risk ownership.",
        "We have decided not to proceed with your application given the risk gaps.",
    ],
)
def test_the_decision_itself_is_not_asked_about_as_vague_feedback(uow, decision):
    from nextround.services.applications import close_application

    app_id = seed_process(uow, "Brightwave", round_name="Final loop").application_id
    _vague_feedback(uow, app_id, f"{RISK_GAPS} {decision}")
    with uow:
        close_application(uow, app_id, reason="rejected")
    found = _found(uow)
    # The concrete gap is what is asked about; the decision is neither asked nor quoted.
    assert [c.statement.text for c in found] == [RISK_GAPS]
    asked = " ".join(found[0].questions)
    assert "went with" not in asked and "chose" not in asked and "proceed" not in asked
    with uow:
        assert clarifications(uow).left_out == 0


def test_two_clauses_of_one_sentence_on_one_competency_are_asked_about_once(uow):
    app_id = _open_process(uow)
    _vague_feedback(
        uow, app_id,
        "Where it fell short: Karin felt you didn't show a proactive approach to risk; she "
        "was looking for how you track risks before they become incidents, and she didn't "
        "hear a system for that.",
    )  # fmt: skip
    (found,) = _found(uow)
    asked = " ".join(found.questions)
    assert "“you didn't show a proactive approach to risk”" in asked  # no lead-in, no "Karin felt"
    assert len(found.questions) >= 2  # the budget goes to the one point, not split
    with uow:
        assert clarifications(uow).left_out == 0


@pytest.mark.parametrize(
    ("days", "said"),
    [(3, "3 days ago"), (15, "2 weeks ago"), (34, "5 weeks ago"), (61, "9 weeks ago"),
     (79, "3 months ago"), (200, "7 months ago")],
)  # fmt: skip
def test_the_age_is_said_to_the_nearest_week_or_month(uow, days, said):
    from nextround.services.clarify import _age

    assert _age(days) == said


PM_EXPERIENCE = (
    "In the end the team went with a candidate who already had PM experience in payments."
)
KUBERNETES = "We went with someone with more experience running large-scale Kubernetes platforms."


def _rejected(uow, company, *texts, outcome=None, kind=None):
    from nextround.domain.journey import Outcome
    from nextround.services.applications import close_application

    app_id = seed_process(uow, company, round_name="Hiring manager", kind=kind).application_id
    _vague_feedback(uow, app_id, *texts, author="Lena Hart")
    with uow:
        close_application(uow, app_id, outcome or Outcome.REJECTION, reason="rejected")
    return app_id


def test_a_no_for_experience_asks_which_experience_decided_it(uow):
    _rejected(uow, "Finch Bank", PM_EXPERIENCE)
    (found,) = _found(uow)
    assert found.about_experience and found.competency_name is None
    assert found.company == "Finch Bank" and found.round_name == "Hiring manager"
    first, second = found.questions
    # Quoted whole, without its lead-in: the reason is what the question is about.
    assert "“the team went with a candidate who already had PM experience in payments”" in first
    assert "In the end" not in first and "experience" in first
    # A role the person is moving into: how their background maps onto it.
    assert "counted towards it, had I framed it differently" in second


def test_a_named_kind_of_experience_asks_how_close_the_person_came(uow):
    _rejected(uow, "Harbor Health", KUBERNETES)
    (found,) = _found(uow)
    assert found.about_experience
    assert (
        "How close did my own experience come to what the team at Harbor Health needed"
        in (found.questions[1])
    )


def test_only_a_rejection_for_experience_is_asked_about(uow):
    from nextround.domain.journey import Outcome

    # No rejection on record (the person withdrew): the sentence explains nothing to ask.
    _rejected(uow, "Finch Bank", PM_EXPERIENCE, outcome=Outcome.WITHDRAWAL)
    # A rejection whose sentence names no experience: the decision alone is not asked about.
    _rejected(uow, "Kestrel", "Unfortunately we have decided to go with another candidate.")
    assert _found(uow) == []


def test_the_experience_question_comes_first_within_the_cap(uow):
    vague = ["Systems view felt a bit shallow.", RISK_GAPS, "Your planning lacked some depth."]
    _rejected(uow, "Finch Bank", *vague, PM_EXPERIENCE)
    found = _found(uow)
    assert found[0].about_experience
    assert sum(len(c.questions) for c in found) == 3
    # It is one message to one person: the experience question leads it.
    assert "Which part of that experience" in found[0].questions[0]


@pytest.mark.parametrize(
    "said",
    [
        # A recruiter relays the client's decision (QA11 F3): read like the team's own words.
        "Unfortunately the client went with someone with more enterprise SaaS experience.",
        "Sadly, the hiring manager chose another candidate with more fintech experience.",
        "Unfortunately they've offered the role to someone with deeper payments experience.",
        "The hiring manager felt another candidate's background in logistics was closer.",
    ],
)
def test_a_no_for_experience_in_agency_wording_is_asked_about(uow, said):
    _rejected(uow, "Lumen Cloud", said)
    (found,) = _found(uow)
    assert found.about_experience
    assert "Which part of that experience" in found.questions[0]


def _notes(uow, feedback_id=None):
    with uow:
        return clarifications(uow, feedback_id).empty_note


def test_nothing_to_ask_says_why_when_nothing_judges_a_skill(uow):
    # Feedback read, but nothing in it judges a skill: not "no vague statements".
    _rejected(uow, "Kestrel", "The client went with someone who had led a larger team.")
    note = _notes(uow)
    assert note.startswith("Nothing to ask: no statement read judges a skill")
    assert "No vague statements" not in note


def test_nothing_to_ask_without_feedback_says_none_was_read(uow):
    assert _notes(uow) == (
        "Nothing to ask: no statement was read from feedback about an application."
    )


def test_no_vague_statements_only_when_specific_judgements_were_checked(uow):
    _rejected(uow, "Kestrel", SPECIFIC)
    assert _notes(uow).startswith("No vague statements")


def test_feedback_on_a_take_home_asks_about_the_deliverable_in_its_own_words(uow):
    from nextround.domain.journey import RoundKind
    from nextround.services.process import add_round
    from nextround.services.review import review_statement

    seeded = seed_process(uow, "Delivery Hero", round_name="Hiring manager")
    with uow:
        take_home = add_round(
            uow,
            seeded.application_id,
            {"name": "Second stage", "kind": RoundKind.TAKE_HOME, "started_on": date(2026, 9, 5)},
        )
    named = (
        "The solution didn't consider accessibility: colour contrast and touch targets were "
        "not addressed, we felt, and the risk side too."
    )
    vague = "Some of the stakeholder thinking felt a bit thin to us overall."
    with uow:
        item, _ = add_mapped_feedback(
            uow, f"{named} {vague}", FeedbackSource.INTERVIEWER, keyword_mapper, "test",
            received_on=date(2026, 11, 10),
            links=FeedbackLinks(application_id=seeded.application_id, round_id=take_home.id),
        )  # fmt: skip
        for statement in uow.statements.for_feedback(item.id):
            review_statement(uow, statement.id, [c for c, _ in statement.evidence])
    found = {c.statement.text[:8]: c for c in _found(uow, item.id)}
    issue = found["The solu"].questions
    # It names its issue: no "which moment", only what a strong solution would have shown.
    assert len(issue) == 1 and "a strong solution" in issue[0] and "accessibility" in issue[0]
    assert "risk management" not in issue[0].lower()
    asked = " ".join(found["Some of "].questions)
    assert "part of my solution" in asked
    assert "conversation" not in asked and "hiring manager" not in asked.lower()


def test_a_named_issue_in_a_conversation_is_specific_and_not_asked_about(uow):
    feedback_id = _one_item(
        uow, "Your answers didn't consider the stakeholders in finance, we felt."
    )
    assert _found(uow, feedback_id) == []


VAGUEST_NO = (
    "Not quite the right fit for us at this time.",
    "We felt other candidates were a bit stronger overall.",
)


def test_a_no_that_names_no_skill_asks_where_it_fell_short(uow):
    # QA16 Q15: the vaguest rejection is where a question is needed most.
    _rejected(uow, "Geodis", *VAGUEST_NO)
    (found,) = _found(uow)
    assert found.about_verdict and found.competency_name is None
    assert found.statement.text == VAGUEST_NO[0]
    others, fell_short, fit = found.questions
    # The seeded round is a final loop: the others were finalists.
    assert others.startswith(
        "In which areas were the other finalists stronger than me in the hiring manager round?"
    )
    assert fell_short.startswith("Was there one interview in") and "fell short" in fell_short
    assert "“not quite the right fit for us at this time”" in fit and "Geodis" in fit


@pytest.mark.parametrize(
    ("kind", "others"),
    [
        (RoundKind.ASSESSMENT_CENTRE, "the other finalists"),
        (RoundKind.PANEL, "the other finalists"),
        (RoundKind.TECHNICAL, "the other candidates"),
    ],
)
def test_the_others_are_finalists_after_any_final_round_only(uow, kind, others):
    # An assessment centre or a panel decides, as a final loop does; a technical round does not.
    _rejected(uow, "Geodis", *VAGUEST_NO, kind=kind)
    (found,) = _found(uow)
    assert found.questions[0].startswith(f"In which areas were {others} stronger than me")


def test_a_no_with_a_point_of_its_own_is_asked_about_that_point_only(uow):
    _rejected(uow, "Geodis", VAGUEST_NO[0], "Your risk management did not come through.")
    assert not any(c.about_verdict for c in _found(uow))


def test_a_vague_verdict_in_an_open_process_is_not_asked_about(uow):
    app_id = seed_process(uow, "Geodis", round_name="Screen").application_id
    _vague_feedback(uow, app_id, *VAGUEST_NO)
    assert _found(uow) == []


def test_a_reasonless_no_reviewed_as_about_no_competency_is_still_asked_about(uow):
    # QA20 F1: "not the right fit" names no skill, so `--none` is its honest review; it is
    # still the vague "no" most worth a question.
    from nextround.services.review import review_statement

    _rejected(
        uow, "Halden Bank", "Unfortunately the team felt you were not the right fit at this time."
    )
    with uow:
        (verdict,) = [s for s, _ in uow.statements.with_feedback(FRAMEWORK.id)]
        review_statement(uow, verdict.id, [])
    (found,) = _found(uow)
    assert found.about_verdict and found.company == "Halden Bank"
    # Cut after "Unfortunately", it is stored as cut and quoted as a sentence.
    assert verdict.text.startswith("the team felt")
    assert found.quoted == "T" + verdict.text[1:]
    fell_short, fit = found.questions
    assert fell_short == (
        "Was there one interview in the hiring manager round where I fell short of what you needed?"
    )
    assert "“you were not the right fit at this time”" in fit and "Halden Bank" in fit


def test_a_set_aside_sentence_that_is_no_verdict_does_not_become_one(uow):
    from nextround.services.review import review_statement

    _rejected(uow, "Halden Bank", VAGUEST_NO[0], "Your risk management did not come through.")
    with uow:
        pairs = uow.statements.with_feedback(FRAMEWORK.id)
        risk = next(s for s, _ in pairs if s.text.startswith("Your risk"))
        review_statement(uow, risk.id, [])
    # The risk sentence is set aside: what is left is the verdict alone, asked about.
    (found,) = _found(uow)
    assert found.about_verdict and found.statement.text == VAGUEST_NO[0]


def test_a_statement_cut_after_however_is_quoted_as_a_sentence_and_stored_as_cut(uow):
    # QA21 F10(b): the question's heading quotes the statement alone, so it opens with a
    # capital; the stored text, which keys the embedding cache, stays as cut.
    _rejected(
        uow,
        "Halden Bank",
        "Thank you for your time. However, the team felt you were not the right fit at this time.",
    )
    (found,) = _found(uow)
    assert found.statement.text.startswith("the team felt")
    assert found.quoted.startswith("The team felt")
