"""Gathering evidence for the profile on the fake unit of work, and explaining a score."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from nextround.domain.competency import Polarity
from nextround.domain.evidence import EvidenceOrigin, Place
from nextround.domain.feedback import FeedbackSource
from nextround.errors import NotFoundError
from nextround.services.debriefs import record_debrief
from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
from nextround.services.frameworks import import_framework
from nextround.services.profile import current_profile, explain, gather_evidence
from nextround.services.review import review_statement
from tests.unit.growth_fakes import (
    FakeGrowthUnitOfWork,
    KeywordMapper,
    growth_uow,
    keyword_mapper,
    seed_process,
)
from tests.unit.growth_fixtures import FRAMEWORK

INTERVIEW_AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    return growth_uow(FRAMEWORK)


@pytest.fixture
def process(uow):
    return seed_process(
        uow, "Tempoline", interviews=[("Whiteboard case", INTERVIEW_AT, ["systems-thinking"])]
    )


def _add(uow, text, source, on, links=None, mapper=None, framework_id="test"):
    with uow:
        _, statements = add_mapped_feedback(
            uow, text, source, lambda: mapper or keyword_mapper(), framework_id,
            received_on=on, links=links,
        )  # fmt: skip
    return statements


def _evidence(uow, framework_id="test"):
    with uow:
        return gather_evidence(uow, uow.frameworks.get(framework_id))


def test_a_statement_becomes_evidence_with_its_source_date_confidence_and_context(uow, process):
    (statement,) = _add(
        uow, "The flow lacked structure.", FeedbackSource.INTERVIEWER, date(2026, 11, 21),
        FeedbackLinks(interview_id=process.interview_ids[0]),
    )  # fmt: skip
    evidence = _evidence(uow)
    # "structure" suggests communication at 0.3, below the evidence threshold: left out
    assert [e.competency_id for e in evidence] == ["systems-thinking"]
    (piece,) = evidence
    assert piece.polarity is Polarity.GAP
    assert piece.source is FeedbackSource.INTERVIEWER
    assert piece.observed_on == date(2026, 11, 21)
    assert piece.confidence == pytest.approx(0.7)
    assert not piece.confirmed
    assert piece.origin == EvidenceOrigin.FEEDBACK
    assert piece.origin_id == statement.id
    assert piece.application_id == process.application_id
    assert piece.text == "The flow lacked structure."
    assert piece.context == "Tempoline · Whiteboard case"
    # The parts, for sentences: the plan says "the final loop at Tempoline", not the label.
    assert piece.place == Place("Tempoline", "Final loop", "Whiteboard case", "behavioural")


def test_a_statement_cut_after_however_is_quoted_as_a_sentence(uow, process):
    # QA21 F10: "However, in the whiteboard case the flow lacked structure." was split to
    # a statement starting "in the ..." and quoted so in the profile, plan and reports.
    _add(
        uow, "Great energy. However, in the whiteboard case the flow lacked structure.",
        FeedbackSource.INTERVIEWER, date(2026, 11, 21),
        FeedbackLinks(interview_id=process.interview_ids[0]),
    )  # fmt: skip
    texts = {e.text for e in _evidence(uow)}
    assert "In the whiteboard case the flow lacked structure." in texts, texts


def test_a_confirmed_statement_counts_with_full_confidence(uow, process):
    (statement,) = _add(
        uow, "The flow lacked structure.", FeedbackSource.INTERVIEWER, date(2026, 11, 21),
        FeedbackLinks(interview_id=process.interview_ids[0]),
    )  # fmt: skip
    with uow:
        review_statement(uow, statement.id, ["systems-thinking", "communication"])
    evidence = _evidence(uow)
    assert [(e.competency_id, e.confidence, e.confirmed) for e in evidence] == [
        ("systems-thinking", 1.0, True),
        ("communication", 1.0, True),
    ]


def test_the_context_names_the_round_or_the_kind_of_source(uow, process):
    _add(
        uow, "Risk management did not come through.", FeedbackSource.RECRUITER,
        date(2026, 11, 22), FeedbackLinks(application_id=process.application_id, round_position=1),
    )  # fmt: skip
    _add(
        uow, "Never mitigates risks early.", FeedbackSource.RECRUITER, date(2026, 11, 22),
        FeedbackLinks(application_id=process.application_id),
    )  # fmt: skip
    _add(uow, "Her stakeholder updates are weak.", FeedbackSource.MANAGER_REVIEW, date(2026, 6, 1))
    contexts = {e.text: (e.context, e.application_id) for e in _evidence(uow)}
    assert contexts == {
        "Risk management did not come through.": ("Tempoline · Final loop", 1),
        "Never mitigates risks early.": ("Tempoline", 1),
        "Her stakeholder updates are weak.": ("manager review", None),
    }
    places = {e.text: e.place for e in _evidence(uow)}
    assert places == {
        "Risk management did not come through.": Place("Tempoline", "Final loop"),
        "Never mitigates risks early.": Place("Tempoline"),
        "Her stakeholder updates are weak.": None,
    }


def test_self_ratings_become_self_evidence_on_the_interview_day(uow, process):
    with uow:
        record_debrief(
            uow, process.interview_ids[0], 2, ratings={"systems-thinking": 2, "communication": 5}
        )
    evidence = sorted(_evidence(uow), key=lambda e: e.competency_id)
    assert [(e.competency_id, e.self_rating, e.polarity) for e in evidence] == [
        ("communication", 5, Polarity.STRENGTH),
        ("systems-thinking", 2, Polarity.GAP),
    ]
    for piece in evidence:
        assert piece.source is FeedbackSource.SELF
        assert piece.origin == EvidenceOrigin.SELF_RATING
        assert piece.confirmed
        assert piece.observed_on == INTERVIEW_AT.astimezone().date()
        assert piece.application_id == process.application_id
        assert piece.context == "Tempoline · Whiteboard case"
        assert piece.place == Place("Tempoline", "Final loop", "Whiteboard case", "behavioural")


def test_an_unscheduled_interview_dates_its_ratings_by_the_debrief(uow):
    seeded = seed_process(uow, "Acme", interviews=[("Chat", None, [])])
    with uow:
        record_debrief(uow, seeded.interview_ids[0], 3, ratings={"communication": 3})
    (piece,) = _evidence(uow)
    assert piece.observed_on == uow.today()
    assert piece.polarity is Polarity.NEUTRAL


def test_a_debrief_late_in_the_evening_counts_on_the_local_day(uow, local_zone):
    local_zone("America/New_York")
    # 21:30 in New York is already the next day in UTC; the rating belongs to the local day,
    # or today's profile would leave it out as evidence from the future.
    uow.clock_now = datetime(2026, 11, 26, 2, 30, tzinfo=UTC)
    seeded = seed_process(uow, "Acme", interviews=[("Chat", None, [])])
    with uow:
        record_debrief(uow, seeded.interview_ids[0], 1, ratings={"communication": 1})
    (piece,) = _evidence(uow)
    assert piece.observed_on == date(2026, 11, 25) == uow.today()
    with uow:
        view = current_profile(uow, 365)
    assert view.profile.score_of("communication").evidence_count == 1


def test_competencies_outside_the_framework_are_ignored(uow, process):
    mapper = KeywordMapper([("own", "ownership", 0.9), ("risk", "risk-management", 0.8)])
    _add(uow, "Owned the risk log end to end.", FeedbackSource.PEER, date(2026, 11, 1),
         None, mapper)  # fmt: skip
    with uow:
        record_debrief(
            uow, process.interview_ids[0], 3, ratings={"communication": 4, "systems-thinking": 2}
        )
    # the framework loses a competency after the fact: its old evidence no longer counts
    smaller = replace(
        FRAMEWORK, competencies=tuple(c for c in FRAMEWORK.competencies if c.id != "communication")
    )
    with uow:
        import_framework(uow, smaller, replace=True)
    ids = sorted(e.competency_id for e in _evidence(uow))
    assert ids == ["risk-management", "systems-thinking"]


def test_statements_mapped_on_another_framework_are_not_evidence(uow, process):
    builtin = KeywordMapper([("risk", "risk-management", 0.9)])
    _add(uow, "Risk was not covered.", FeedbackSource.PEER, date(2026, 11, 1), None, builtin,
         framework_id="nextround-core")  # fmt: skip
    assert _evidence(uow) == []
    assert [e.competency_id for e in _evidence(uow, "nextround-core")] == ["risk-management"]


def test_the_profile_and_its_explanation_agree(uow, process):
    _add(
        uow, "Never mitigates risks early.", FeedbackSource.RECRUITER, date(2026, 11, 22),
        FeedbackLinks(application_id=process.application_id),
    )  # fmt: skip
    with uow:
        record_debrief(uow, process.interview_ids[0], 2, ratings={"risk-management": 2})
    with uow:
        view = current_profile(uow, 365)
        why = explain(uow, "risk-management", 365)
    score = view.profile.score_of("risk-management")
    assert view.framework.id == "test"
    assert len(view.evidence) == 2
    assert why.score == score
    assert len(why.pieces) == 2
    alpha = why.prior_alpha + sum(p.to_alpha for p in why.pieces)
    beta = why.prior_beta + sum(p.to_beta for p in why.pieces)
    assert score.mean == pytest.approx(alpha / (alpha + beta))
    assert score.mean < 0.5
    # In plain words first (the finding: it opened with "Beta(prior 1 + for 1.927, …)"),
    # with the same figures as the sum under it.
    assert why.in_words.startswith(
        f"What counts for it weighs {score.strength_weight:.2f} and what counts against it "
        f"{score.gap_weight:.2f} (each piece weighed by who said it"
    )
    assert f"The score, {score.mean:.2f}, is the share of that weight saying strength" in (
        why.in_words
    )
    assert "Beta" not in why.in_words and "alpha" not in why.in_words
    assert why.formula == (
        f"Score = (1 + for) ÷ (2 + for + against) = (1 + {score.strength_weight:.3f}) ÷ "
        f"(2 + {score.strength_weight:.3f} + {score.gap_weight:.3f}) = {score.mean:.3f}"
    )


def test_explaining_an_unknown_competency_is_not_found(uow):
    with uow, pytest.raises(NotFoundError, match="no competency with id ownership"):
        explain(uow, "ownership", 365)


def test_self_ratings_count_only_on_the_framework_they_were_given_on(uow, process):
    (interview,) = process.interview_ids
    with uow:
        record_debrief(uow, interview, 3, ratings={"communication": 2})
    other = replace(FRAMEWORK, id="other", name="Other")  # same ids, another framework
    with uow:
        import_framework(uow, other, use=True)
    assert [e.competency_id for e in _evidence(uow)] == ["communication"]
    assert _evidence(uow, "other") == []


def test_feedback_pasted_twice_counts_once_until_its_copy_is_reviewed(uow, process):
    from nextround.services.feedback import earlier_copies_of
    from nextround.services.profile import copies_left_out

    text = "The flow lacked structure."
    (first,) = _add(uow, text, FeedbackSource.INTERVIEWER, date(2026, 11, 21))
    (copy,) = _add(uow, f"  {text}\n", FeedbackSource.INTERVIEWER, date(2026, 11, 21))
    assert [e.origin_id for e in _evidence(uow)] == [first.id]
    with uow:
        assert [e.id for e in earlier_copies_of(uow, copy.feedback_id)] == [first.feedback_id]
        assert earlier_copies_of(uow, first.feedback_id) == []
        (left_out,) = copies_left_out(uow, "systems-thinking")
        assert (left_out.statement.id, left_out.original.id) == (copy.id, first.feedback_id)
        assert copies_left_out(uow, "risk-management") == []
        # The profile the web reads carries the same copies, from the same pass.
        view = current_profile(uow, 365)
        assert [c.statement.id for c in view.copies] == [copy.id]
        assert [c.is_about("systems-thinking") for c in view.copies] == [True]
        # The explanation is built on the same evidence as the score: one piece, not two.
        assert len(explain(uow, "systems-thinking", 365).pieces) == 1
    with uow:
        review_statement(uow, copy.id, ["systems-thinking"])
    # Reviewed, the copy is the user's own verdict and counts like any statement.
    assert sorted(e.origin_id for e in _evidence(uow)) == sorted([first.id, copy.id])
    with uow:
        assert copies_left_out(uow, "systems-thinking") == []
        assert current_profile(uow, 365).copies == ()


def test_the_same_words_on_different_feedback_are_no_copy(uow, process):
    _add(uow, "The flow lacked structure.", FeedbackSource.INTERVIEWER, date(2026, 11, 21))
    _add(uow, "The flow lacked structure!", FeedbackSource.INTERVIEWER, date(2026, 11, 21))
    assert len(_evidence(uow)) == 2


RECOPIED = (
    "Hi Sam,\n\nThe risk plan had no mitigations. Your stakeholder map was thorough. "
    "The system diagram was hard to follow. Your communication was clear.\n\nBest, Ana"
)


def test_feedback_copied_again_with_another_greeting_counts_only_its_new_statements(uow, process):
    from nextround.services.feedback import statements_said_before
    from nextround.services.inbox import review_inbox
    from nextround.services.profile import copies_left_out
    from nextround.services.review import pending_review

    links = FeedbackLinks(application_id=process.application_id)
    first = _add(uow, RECOPIED, FeedbackSource.RECRUITER, date(2026, 11, 21), links)
    before = sorted(e.origin_id for e in _evidence(uow))
    # Copied again: another greeting, the thread left off, one new point, another author.
    again = RECOPIED.replace("Hi Sam", "Dear Sam").replace(
        "Best, Ana", "Also, the risk register you kept was a model."
    )
    copy = _add(uow, again, FeedbackSource.INTERVIEWER, date(2026, 11, 22), links)
    new = [s for s in copy if "register" in s.text]
    assert len(new) == 1 and len(copy) >= 5
    # Only the genuinely new statement is added to the profile.
    assert sorted(e.origin_id for e in _evidence(uow)) == sorted([*before, new[0].id])
    with uow:
        said = statements_said_before(uow, copy[0].feedback_id)
        repeated_ids = {copy[i].id for i in said.left_out}
        assert repeated_ids == {s.id for s in copy} - {new[0].id}
        assert said.note().startswith(f"{len(repeated_ids)} of its {len(copy)} statements are")
        assert [o.id for o in said.originals] == [first[0].feedback_id]
        left = copies_left_out(uow, "risk-management")
        assert [c.statement.id for c in left] == [s.id for s in copy if "mitigations" in s.text]
        assert left[0].why == f"which repeats a statement of feedback {first[0].feedback_id}"
        for items in (pending_review(uow), review_inbox(uow).items):
            noted = {i.statement.id: i.copy_note for i in items if i.copy_note}
            assert set(noted) == repeated_ids
            where = f"is already in feedback {first[0].feedback_id}"
            assert all(where in note for note in noted.values())
    # Reviewed, a repeated statement is the user's verdict: it counts.
    with uow:
        review_statement(uow, left[0].statement.id, ["risk-management"])
    assert left[0].statement.id in {e.origin_id for e in _evidence(uow)}


def test_a_statement_pasted_many_times_in_one_feedback_counts_once(uow, process):
    from nextround.services.profile import copies_left_out

    text = "The risk plan had no mitigations.\n" * 30
    statements = _add(uow, text, FeedbackSource.RECRUITER, date(2026, 11, 21))
    assert len(statements) == 30
    assert [e.origin_id for e in _evidence(uow)] == [statements[0].id]
    with uow:
        left = copies_left_out(uow, "risk-management")
    assert len(left) == 29 and all(c.within for c in left)
    assert left[0].why == "which says again a statement made earlier in the same feedback"


def test_a_copy_confirmed_by_script_is_refused_unless_counting_it_twice_is_asked(uow, process):
    from nextround.errors import DomainError
    from nextround.services.review import unconfirmed_copy

    links = FeedbackLinks(application_id=process.application_id)
    first = _add(uow, RECOPIED, FeedbackSource.RECRUITER, date(2026, 11, 21), links)
    copy = _add(
        uow, RECOPIED.replace("Hi Sam", "Dear Sam"), FeedbackSource.RECRUITER,
        date(2026, 11, 22), links,
    )  # fmt: skip
    risk = next(s for s in copy if "mitigations" in s.text)
    before = sorted(e.origin_id for e in _evidence(uow))
    with uow, pytest.raises(DomainError) as refused:
        review_statement(uow, risk.id, ["risk-management"], count_copy=False)
    said = refused.value.for_cli()
    assert said.startswith(
        f"statement {risk.id} was not confirmed: this statement of feedback "
        f"{risk.feedback_id} is already in feedback {first[0].feedback_id} (received 2026-11-21)"
        ": confirmed, it counts a second time; add --yes to count it all the same"
    )
    assert f"`nextround feedback rm {risk.feedback_id}`" in said
    assert sorted(e.origin_id for e in _evidence(uow)) == before
    with uow:
        assert unconfirmed_copy(uow, risk.id) is not None
        assert unconfirmed_copy(uow, first[0].id) is None  # the first paste is no copy
        review_statement(uow, risk.id, ["risk-management"], count_copy=True)
    assert risk.id in {e.origin_id for e in _evidence(uow)}
    with uow:
        # Confirmed, it counts already: a change of verdict needs no --yes.
        assert unconfirmed_copy(uow, risk.id) is None
        review_statement(uow, risk.id, ["communication"], count_copy=False)
